"""The brief: a grounded, extractive summary of one story, and its headline.

The summariser ranks sentence *units* (one sentence, with every identical copy
of it in other articles) by three kinds of evidence:

* **independent support** -- how strongly the other independent sources state
  the same thing (copies of one report count once: a wire story published five
  times is one source);
* **centrality** -- how close the sentence is to what all sources talk about;
* **lead position** -- news reports tell the most important thing first.

Facts from the facts stage, when present, add support; nothing here requires
them.  Sentences are picked greedily, MMR-style, so the summary never says the
same thing twice (nor two wordings the facts stage aligned as one fact), and
each may be compressed only where the meaning is kept (a leading dateline, a
trailing attribution clause unless the sentence is disputed or quotes someone
it does not name, a parenthetical aside without figures; never a negation).
A claim the summary tells comes with its denial, two disagreeing figures come
together.  The chosen sentences are told leads first.  Every summary sentence
cites the sentence it was taken from first, then the sentences of other
articles that state it.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from crosswire.brief.compress import compress, is_faithful_compression, tokens
from crosswire.brief.coverage import coverage_gain, shared_weights, terms
from crosswire.brief.news import (
    dispute_order,
    is_caption,
    is_garbage,
    is_stale,
    latest_development,
    latest_news,
    news_weights,
    tell_dispute,
)
from crosswire.facts.similarity import dense, tfidf
from crosswire.facts.updates import find_updates
from crosswire.model import (
    Article,
    Brief,
    Citation,
    CopyGroup,
    FactSheet,
    Sentence,
    SummarySentence,
    independent_sources,
    reader_language,
    source_keys,
)
from crosswire.read.outlets import identities as source_identities
from crosswire.text.parse import without_parse
from crosswire.text.sentences import article_sentences

# fmt: off
__all__ = [
    "SummaryConfig",
    "build_brief",
    "summarize",
    "choose_headline",
    "headline_from_sentence",
    "compress",
    "is_faithful_compression",
    "source_keys",
]
# fmt: on


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    """Weights of the sentence ranking; the defaults suit news in any language."""

    support: float = 0.45
    centrality: float = 0.30
    position: float = 0.25
    lead_halflife: float = 4.0  # sentences: lead bonus halves every this many sentences
    mmr_lambda: float = 0.72  # importance vs. novelty
    max_overlap: float = 0.4  # a candidate this similar to a chosen sentence is redundant
    same_statement: float = 0.5  # cosine at which another article "states the same thing"
    source_floor: float = 0.6  # score multiplier for a sentence of the smallest source (1 for the largest)
    broken_quote: float = 0.85  # score multiplier for a sentence that opens or closes a longer quote
    other_language: float = 0.15  # score multiplier for a sentence not in the language the brief is told in
    essay: float = 0.5  # ... for a sentence only a personal essay gives (see crosswire.brief.news)
    first_person: float = 1.0  # ... for a sentence in the first person singular outside quotations (off: ROUGE)
    pronoun: float = 0.7  # ... for a sentence opening on a third-person pronoun: read alone it names nobody
    quote_piece: float = 0.4  # ... for a piece of a quotation running over several sentences (brief.news.quote_pieces)
    update: float = 1.3  # ... for a sentence that an update marker opens at the top of a report
    latest_first: bool = True  # the first usable sentence of a live report's latest update leads the summary
    stale: float = 0.6  # ... and then a sentence telling a state "as of" earlier ("still missing") weighs this
    long_words: int = 30  # past this many words a sentence's score shrinks ...
    long_power: float = 0.5  # ... as (long_words / words) ** long_power
    pool: int = 300  # candidates considered for the summary, best-scored first
    min_words: int = 6
    max_words: int = 70
    coverage: float = 0.5  # weight of the story's shared terms a sentence newly tells, per word (see brief.coverage)
    coverage_power: float = 0.5  # ... the gain is divided by the sentence's words to this power
    lead_agreement: float = 0.15  # ... and counts only where some report's lead is stated this much by the others
    compress: bool = True
    story_order: bool = True  # tell the chosen sentences leads first (else by score)
    fact_redundancy: bool = True  # two sentences of one fact (facts stage) never both enter
    both_sides: bool = True  # a disagreement in the summary is told from every side
    sides_stretch: float = 1.5  # ... as long as the summary stays under this times the word budget


# --- the ranking -------------------------------------------------------------------------------


_LEAD = 3  # a report's lead: its first this many usable sentences


@dataclass(slots=True)
class _Unit:
    """One sentence and its identical copies across articles."""

    text: str
    occurrences: list[Sentence] = field(default_factory=list)
    position: int = 0  # best (lowest) rank of the sentence among its article's sentences
    score: float = 0.0


def _norm(text: str) -> str:
    return " ".join(tokens(text))


def _usable(s: Sentence, cfg: SummaryConfig) -> bool:
    if s.is_heading:
        return False
    toks = tokens(s.text)
    if not (cfg.min_words <= len(toks) <= cfg.max_words):
        return False
    low = s.text.lower()
    if "http" in low or "www." in low or "@" in s.text:
        return False
    letters = sum(ch.isalpha() for ch in s.text)
    if letters < 0.6 * len(s.text.replace(" ", "")):
        return False
    if s.text.rstrip().endswith("?") or s.text.isupper() or is_caption(s.text) or is_garbage(s.text):
        return False
    if not re.search(r"[.!\"”’»)]\s*$", s.text.strip()):  # a fragment, a caption, a menu line
        return False
    return True


def _broken_quote(text: str) -> bool:
    """A piece of a quotation that spans several sentences: it reads badly alone."""
    return text.count("“") != text.count("”") or text.count('"') % 2 == 1


_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def _strip_accents(text: str) -> str:
    import unicodedata

    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _vectorise(texts: list[str]):
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf): dense when small, else sparse CSR.

    The weights of scikit-learn's ``TfidfVectorizer(sublinear_tf=True,
    strip_accents="unicode")``, computed by :func:`crosswire.facts.similarity.tfidf` because
    importing scikit-learn takes longer than a whole small brief.
    """
    return tfidf([_TOKEN.findall(_strip_accents(t.lower())) for t in texts])


def _all_sentences(articles: Sequence[Article], sheet: FactSheet | None) -> dict[str, list[Sentence]]:
    out: dict[str, list[Sentence]] = {}
    for a in articles:
        sents = sheet.sentences.get(a.id) if sheet is not None else None
        out[a.id] = list(sents) if sents else article_sentences(a)
    return out


def summarize(
    articles: Sequence[Article],
    groups: Sequence[CopyGroup] = (),
    sheet: FactSheet | None = None,
    *,
    words: int = 120,
    config: SummaryConfig | None = None,
    lang: str | None = None,
) -> list[SummarySentence]:
    """An extractive summary of about ``words`` words, each sentence with its citations, told from
    the reports in the reader's language ``lang`` where there are some (see :func:`reader_language`)."""
    cfg = config or SummaryConfig()
    if words <= 0 or not articles:
        return []
    sents = _all_sentences(articles, sheet)
    keys = source_keys([a.id for a in articles], groups, source_identities(articles))

    # units: identical sentences (after normalisation) are one unit
    units: dict[str, _Unit] = {}
    for a in articles:
        body = [s for s in sents[a.id] if not s.is_heading]
        for rank, s in enumerate(body):
            if not _usable(s, cfg):
                continue
            k = _norm(s.text)
            u = units.get(k)
            if u is None:
                units[k] = _Unit(s.text, [s], rank)
            else:
                u.occurrences.append(s)
                u.position = min(u.position, rank)
    if not units:
        return []
    ulist = list(units.values())

    # vectors over every sentence of the story, so idf reflects the whole story
    everything = [s for a in articles for s in sents[a.id] if not s.is_heading]
    matrix = _vectorise([s.text for s in everything] + [u.text for u in ulist])
    all_vecs, unit_vecs = matrix[: len(everything)], matrix[len(everything) :]
    src_of = np.array([keys[s.article] for s in everything])
    sources = sorted(set(keys.values()))
    n_src = len(sources)

    sim = dense(unit_vecs @ all_vecs.T)  # units x sentences
    # support: for every other independent source, how well its best sentence states the unit
    support = np.zeros(len(ulist))
    for src in sources:
        cols = np.flatnonzero(src_of == src)
        if cols.size == 0:
            continue
        block = sim[:, cols]
        best = block.argmax(axis=1)
        best_val = block[np.arange(len(ulist)), best]
        for i, u in enumerate(ulist):
            own = {keys[o.article] for o in u.occurrences}
            if src in own:
                continue
            support[i] += float(np.clip((best_val[i] - 0.15) / 0.5, 0.0, 1.0))
    # identical copies in other independent sources are full support
    for i, u in enumerate(ulist):
        support[i] += len({keys[o.article] for o in u.occurrences}) - 1
    if n_src > 1:
        support /= n_src - 1

    # do the reports tell the same news? the best support of a report's lead (first sentences) by the others' words
    lead_agreement = max((float(support[i]) for i, u in enumerate(ulist) if u.position < _LEAD), default=0.0)

    # facts from the facts stage as extra evidence
    if sheet is not None and sheet.facts and n_src:
        fact_support: dict[tuple[str, int], float] = {}
        for f in sheet.facts:
            if f.claim:  # its citations agree on a claim inside them, not on what else they say
                continue
            val = min(1.0, max(f.independent_sources - 1, 0) / max(n_src - 1, 1))
            for c in f.citations:
                key = (c.article, c.sentence)
                fact_support[key] = max(fact_support.get(key, 0.0), val)
        for i, u in enumerate(ulist):
            fs = max((fact_support.get((o.article, o.index), 0.0) for o in u.occurrences), default=0.0)
            support[i] = max(support[i], fs)

    # centrality: cosine to the mean of the per-source centroids (each source counts once)
    # sources: a long report weighs more than a three-line page (often web noise)
    size = {src: 0 for src in sources}
    for a in articles:
        n = sum(1 for x in sents[a.id] if _usable(x, cfg))
        size[keys[a.id]] = max(size[keys[a.id]], n)
    weight = {src: math.sqrt(size[src]) for src in sources}
    top_weight = max(weight.values(), default=0.0) or 1.0
    quality = np.array([max(weight[keys[o.article]] for o in u.occurrences) / top_weight for u in ulist])

    # centrality: cosine to the weighted mean of the per-source centroids (copies count once)
    centre = np.zeros(all_vecs.shape[1], dtype=np.float64)
    for src in sources:
        rows = all_vecs[np.flatnonzero(src_of == src)]
        if rows.shape[0]:
            mean = np.asarray(rows.mean(axis=0)).ravel()
            norm = np.linalg.norm(mean)
            if norm > 0:
                centre += weight[src] * mean / norm
    centrality = np.asarray(unit_vecs @ centre).ravel()
    if centrality.size and centrality.max() > 0:
        centrality = centrality / centrality.max()
    else:
        centrality = np.zeros(len(ulist))

    position = np.array([0.5 ** (u.position / cfg.lead_halflife) for u in ulist])
    # a short sentence leaves room for another point: past ``long_words`` words a sentence weighs less
    length = np.array(
        [
            min(1.0, n / 12.0, (cfg.long_words / max(n, 1)) ** cfg.long_power)
            for n in (len(tokens(u.text)) for u in ulist)
        ]
    )
    length *= np.array([cfg.broken_quote if _broken_quote(u.text) else 1.0 for u in ulist])
    score = (cfg.support * support + cfg.centrality * centrality + cfg.position * position) * length
    score *= cfg.source_floor + (1 - cfg.source_floor) * quality
    base = score.copy()  # (what the news tests below take away, they take from the coverage gain too)
    main = reader_language(articles, groups, lang)
    if main is not None:  # the summary is told in the reader's language, else the story's main one
        lang_of = {a.id: a.language for a in articles}
        other = 0.0 if lang is not None and main == lang else cfg.other_language  # the reader's: only it
        score *= np.array([1.0 if lang_of.get(u.occurrences[0].article) in (main, None) else other for u in ulist])
    score *= news_weights(
        articles,
        sents,
        [[(o.article, o.index) for o in u.occurrences] for u in ulist],
        [u.text for u in ulist],
        essay=cfg.essay,
        first=cfg.first_person,
        update=cfg.update,
        pronoun=cfg.pronoun,
        piece=cfg.quote_piece,
    )
    latest: list[int] = []  # candidates telling a live report's latest development, the report's top first
    if cfg.latest_first:
        unit_at = {(o.article, o.index): i for i, u in enumerate(ulist) for o in u.occurrences}
        published = {a.id: a.published for a in articles}
        timeline = sheet.timeline if sheet is not None else []
        for key in latest_news(sents) + latest_development(timeline or [], sents, published):
            at = unit_at.get(key)
            if at is not None and at not in latest and score[at] > 0:
                latest.append(at)
        if latest:
            score *= np.array([cfg.stale if k not in latest and is_stale(u.text) else 1.0 for k, u in enumerate(ulist)])
    for u, sc in zip(ulist, score, strict=True):
        u.score = float(sc)
    news = np.divide(score, base, out=np.zeros_like(score), where=base > 0)

    # the facts stage's alignment: sentences of one fact say the same thing
    fact_of = _fact_index(sheet)
    unit_facts = [{n for o in u.occurrences for n in fact_of.get((o.article, o.index), ())} for u in ulist]

    # a disputed sentence (a side of a disagreement) keeps its "who says so"
    disputed = {
        (c.article, c.sentence)
        for conflict in (sheet.conflicts if sheet is not None else []) or []
        for side in conflict.sides or []
        for c in side.citations or []
    }

    def short(i: int) -> str:
        u = ulist[i]
        if not cfg.compress:
            return u.text
        return compress(u.text, drop_attribution=not any((o.article, o.index) in disputed for o in u.occurrences))

    # MMR selection up to the word budget, among the best-scored candidates
    pool = [int(i) for i in np.argsort(-score, kind="stable")[: cfg.pool] if score[i] > 0]
    lead = [i for i in latest if i in pool][:1]  # the news first: what happened last
    chosen: list[int] = list(lead)
    total = sum(len(short(i).split()) for i in chosen)
    pv = unit_vecs[pool]
    pool_pair = np.maximum(dense(pv @ pv.T), _overlap_matrix([ulist[i].text for i in pool], everything))
    where = {u: k for k, u in enumerate(pool)}
    remaining = set(pool) - set(chosen)
    # the story's shared terms a candidate tells, per word: a sentence that packs more of them tells more
    # (only where the facts stage found facts several sources state, and where some report's lead is stated by the
    # others: reports that share no fact, or no news (reviews of one film, an old interview beside a new book), share
    # words by chance)
    agree = sheet is None or not sheet.facts or any(f.independent_sources >= 2 for f in sheet.facts)
    agree = agree and lead_agreement >= cfg.lead_agreement
    weights = shared_weights([s.text for s in everything], list(src_of)) if cfg.coverage and agree else {}
    unit_terms = {i: terms(ulist[i].text) for i in pool} if weights else {}
    told: set[str] = {t for i in chosen for t in unit_terms.get(i, ())}
    per_word = {i: max(len(short(i).split()), 1) ** cfg.coverage_power for i in unit_terms}
    top_gain = max((coverage_gain(unit_terms[i], weights, set()) / per_word[i] for i in unit_terms), default=0.0)
    while remaining and total < words:
        best_i, best_val = -1, -math.inf
        for i in remaining:
            overlap = max((pool_pair[where[i], where[j]] for j in chosen), default=0.0)
            if overlap >= cfg.max_overlap:
                continue
            if cfg.fact_redundancy and any(unit_facts[i] & unit_facts[j] for j in chosen):
                continue
            val = cfg.mmr_lambda * score[i] - (1 - cfg.mmr_lambda) * overlap
            if top_gain > 0 and news[i] >= 0.999:  # (an essay's, a stale or other-language sentence gains nothing)
                val += cfg.coverage * coverage_gain(unit_terms[i], weights, told) / per_word[i] / top_gain
            if val > best_val:
                best_i, best_val = i, val
        if best_i < 0:
            break
        remaining.discard(best_i)
        text = short(best_i)
        n = len(text.split())
        if chosen and total + n > words * 1.2 and total >= words * 0.8:
            continue  # too long for what is left; a shorter one may fit
        chosen.append(best_i)
        total += n
        told |= unit_terms.get(best_i, frozenset())

    if cfg.both_sides and sheet is not None and sheet.conflicts:
        words_of = {i: len(short(i).split()) for i in where}
        unit_of = {(o.article, o.index): i for i, u in enumerate(ulist) for o in u.occurrences}
        stays = frozenset(lead)  # the latest development keeps its place
        chosen = tell_dispute(chosen, sheet.conflicts, unit_of, set(where), score, words_of, words, stays)
        chosen = _both_sides(chosen, sheet, ulist, where, pool_pair, unit_facts, score, words_of, words, cfg, stays)

    if cfg.story_order:  # told in the order the reports tell it: leads first, then by importance
        # the news, then what is disputed (each disagreement told from its sides together, claim first)
        where_is = {(o.article, o.index): i for i, u in enumerate(ulist) for o in u.occurrences}
        sides = dispute_order(chosen, sheet.conflicts if sheet is not None else [], where_is)
        chosen.sort(key=lambda i: (i not in lead, i in sides, sides.get(i, (0, 0)), ulist[i].position, -score[i]))
    facts = sheet.facts if sheet is not None else []
    out: list[SummarySentence] = []
    for i in chosen:
        u = ulist[i]
        text = short(i)
        aligned = [c for f in sorted(unit_facts[i]) for c in facts[f].citations]
        cites = _citations(u, sim[i], everything, cfg, aligned)
        out.append(SummarySentence(text=text, citations=cites))
    return out


def _both_sides(
    chosen: list[int],
    sheet: FactSheet,
    ulist: list[_Unit],
    where: dict[int, int],
    pool_pair: np.ndarray,
    unit_facts: list[set[int]],
    score: np.ndarray,
    words_of: dict[int, int],
    words: int,
    cfg: SummaryConfig,
    stays: frozenset[int] = frozenset(),
) -> list[int]:
    """Where the summary states a claim, it states its denial too; where it gives one of
    two disagreeing figures or dates, it gives the other too (the sentences in ``stays``, the
    latest development leading the summary, never make room).

    The best-scored sentence of each missing side joins (unless it repeats a chosen
    sentence), disagreements of the most important sentences first; the least important
    sentences that are no side of a disagreement make room, and a disagreement that
    would still take the summary past ``cfg.sides_stretch`` times the budget stays out.
    """
    unit_of = {(o.article, o.index): i for i, u in enumerate(ulist) for o in u.occurrences}
    chosen = list(chosen)
    total = sum(words_of.get(i, 0) for i in chosen)
    kept: set[int] = set()
    todo = []
    for conflict in sheet.conflicts or []:
        sides = [
            {
                unit_of[(c.article, c.sentence)]
                for c in side.citations or []
                if (c.article, c.sentence) in unit_of and unit_of[(c.article, c.sentence)] in where
            }
            for side in conflict.sides or []
        ]
        told = [side & set(chosen) for side in sides]
        if len(sides) < 2:
            continue
        if conflict.kind in ("denial", "claim"):
            # a claim is answered by the later sides; a denial alone leaves nothing one-sided
            if told[0]:
                todo.append((max(score[i] for i in told[0]), sides, told))
        elif any(told):  # figures and dates: every version or none
            todo.append((max(score[i] for t in told for i in t), sides, told))
    for _, sides, first in sorted(todo, key=lambda t: -t[0]):
        told = [side & set(chosen) for side in sides]
        if not any(t & f for t, f in zip(told, first, strict=True)):
            continue  # the sentence that called for it made room for another disagreement
        added: list[int] = []
        for side, have in zip(sides, told, strict=True):
            if have:
                continue
            for i in sorted(side, key=lambda k: -score[k]):
                # a denial shares words with its claim: only the other sentences count here
                if any(
                    pool_pair[where[i], where[j]] >= cfg.max_overlap or unit_facts[i] & unit_facts[j]
                    for j in chosen + added
                    if not any(j in x for x in sides)
                ):
                    continue
                added.append(i)
                break
        if not added:
            continue
        keep = kept | set(added) | {i for t in told for i in t} | stays
        trial = chosen + added
        size = total + sum(words_of.get(i, 0) for i in added)
        for i in sorted((i for i in trial if i not in keep), key=lambda k: score[k]):
            if size <= words * 1.2:
                break
            if size - words_of.get(i, 0) < words:
                break  # making room never takes the summary below its budget
            trial.remove(i)  # the least important sentence makes room
            size -= words_of.get(i, 0)
        if size <= words * cfg.sides_stretch:
            chosen, total, kept = trial, size, keep
    return chosen


def _fact_index(sheet: FactSheet | None) -> dict[tuple[str, int], set[int]]:
    """(article, sentence) -> indexes of the facts-stage facts that cite it (a lead that tells
    two facts is cited by both)."""
    out: dict[tuple[str, int], set[int]] = {}
    if sheet is None:
        return out
    for n, f in enumerate(sheet.facts or []):
        if f.claim:  # cited for a claim inside them: the sentences do not tell one fact
            continue
        for c in f.citations or []:
            out.setdefault((c.article, c.sentence), set()).add(n)
    return out


def _overlap_matrix(texts: list[str], story: list[Sentence]) -> np.ndarray:
    """Overlap coefficient of the sentences' distinctive words (crudely stemmed).

    Words found in more than 30% of the story's distinct sentences say what the story
    is about, not what a sentence adds, so they do not count.  Catches paraphrases
    ("struck a sandbank in thick fog" / "hit a sandbank in heavy fog") that TF-IDF
    cosine scores low.
    """

    def stems(text: str) -> set[str]:
        return {t[:5] for t in tokens(text) if len(t) >= 3 and not t.isdigit()} | {
            t for t in tokens(text) if t.isdigit()
        }

    df: dict[str, int] = {}
    distinct = {_norm(s.text): s.text for s in story}
    for text in distinct.values():
        for t in stems(text):
            df[t] = df.get(t, 0) + 1
    limit = max(4, 0.3 * len(distinct))
    bags = [{t for t in stems(x) if df.get(t, 0) <= limit} for x in texts]
    n = len(texts)
    out = np.zeros((n, n), dtype=np.float32)
    for i in range(n):
        if not bags[i]:
            continue
        for j in range(i + 1, n):
            if bags[j]:
                v = len(bags[i] & bags[j]) / min(len(bags[i]), len(bags[j]))
                out[i, j] = out[j, i] = v
    return out


def _citations(
    unit: _Unit, sims: np.ndarray, everything: list[Sentence], cfg: SummaryConfig, aligned: Sequence[Citation] = ()
) -> list[Citation]:
    """The unit's own sentences first, then other articles' sentences that state the same:
    those the facts stage aligned with it (``aligned``), then close TF-IDF matches; never a
    sentence that contradicts it ("forcing 125 families" is not cited for "forcing 120
    families", however alike the two sentences are)."""
    from crosswire.facts.contradiction import contradicts

    cites = [Citation(o.article, o.index, o.text) for o in unit.occurrences]
    seen = {c.article for c in cites}
    known = {(s.article, s.index) for s in everything}
    for c in aligned:
        if c.article not in seen and (c.article, c.sentence) in known and not contradicts(unit.text, c.text):
            cites.append(Citation(c.article, c.sentence, c.text))
            seen.add(c.article)
    best: dict[str, int] = {}
    for hit in np.flatnonzero(sims >= cfg.same_statement).tolist():
        art = everything[hit].article
        if art in seen or contradicts(unit.text, everything[hit].text):
            continue
        if art not in best or sims[hit] > sims[best[art]]:
            best[art] = hit
    for col in sorted(best.values(), key=lambda k: -sims[k]):
        s = everything[col]
        cites.append(Citation(s.article, s.index, s.text))
    return cites


# --- headline and brief ------------------------------------------------------------------------


def choose_headline(
    articles: Sequence[Article],
    groups: Sequence[CopyGroup] = (),
    summary: Sequence[SummarySentence] = (),
    lang: str | None = None,
) -> str | None:
    """The title most supported by the other independent sources, else the summary's lead.

    Only titles in the reader's language ``lang`` (else the story's main language, the one most
    independent sources write in) are candidates, and a title's own report and its copies do not
    vote for it.
    """
    keys = source_keys([a.id for a in articles], groups, source_identities(articles))
    main = reader_language(articles, groups, lang)
    titled = [a for a in articles if a.title and a.title.strip()]
    if main is not None and any(a.language == main for a in titled):
        titled = [a for a in titled if a.language == main]
    if titled:
        docs = [a.text for a in articles]
        mat = _vectorise([a.title or "" for a in titled] + docs)
        cross = dense(mat[: len(titled)] @ mat[len(titled) :].T)
        best, best_val = None, -1.0
        for i, a in enumerate(titled):
            val = 0.0
            by_src: dict[str, float] = {}
            for j, b in enumerate(articles):
                if keys[b.id] == keys[a.id]:
                    continue  # a report does not confirm its own title
                s = float(cross[i, j])
                by_src[keys[b.id]] = max(by_src.get(keys[b.id], 0.0), s)
            val = sum(by_src.values())
            if val > best_val + 1e-9:
                best, best_val = (a.title or "").strip(), val
        return best
    if summary:
        return headline_from_sentence(summary[0].text)
    return None


_HEADLINE_WORDS = 24  # a lead longer than this is no headline
_CLAUSE_END = re.compile(r"[,;:]\s|\s[-–—]+\s")


def headline_from_sentence(text: str, *, max_words: int = _HEADLINE_WORDS) -> str:
    """A headline made of a story's lead sentence when no report has a title.

    A lead of up to ``max_words`` words is the headline as it is.  A longer one is
    compressed first (dateline, trailing attribution, asides: :func:`compress`); if it
    is still too long it is cut after a clause of at least half the budget, or else at
    the budget, and ends with an ellipsis, so it reads as the opening of the sentence
    it is (the sentence itself stays in the summary, cited).
    """
    text = " ".join(text.split())
    if len(text.split()) <= max_words:
        return text
    short = compress(text)
    words = short.split()
    if len(words) <= max_words:
        return short
    head = " ".join(words[: max_words + 1])
    cut = None
    for m in _CLAUSE_END.finditer(head):
        if len(head[: m.start()].split()) >= max(4, max_words // 2):
            cut = m.start()
    head = head[:cut] if cut is not None else " ".join(words[:max_words])
    return head.rstrip(" ,;:-–—") + "…"


def build_brief(
    articles: Sequence[Article],
    groups: Sequence[CopyGroup],
    sheet: FactSheet | None,
    *,
    words: int = 120,
    config: SummaryConfig | None = None,
    lang: str | None = "en",
) -> Brief:
    """The whole brief of one story: summary, headline and everything the facts stage found.

    ``sheet`` may be sparse (only ``sentences``, or nothing at all): missing
    sentences are split here, and the summary does not need any facts.  Figures that
    changed over time (``FactSheet.updates``) are found here when the sheet is not the
    facts stage's (which finds them itself).
    """
    articles = list(articles)
    groups = [g for g in (groups or []) if len(g.articles) >= 2]
    sheet = sheet if sheet is not None else FactSheet()
    sents = _all_sentences(articles, sheet)
    if sents != sheet.sentences:
        sheet = dataclasses.replace(sheet, sentences=sents)
    if not sheet.updates and not sheet.facts:  # a facts-stage sheet brings its figure updates
        with without_parse():  # the path without the facts stage stays cheap: no parser is loaded for it
            updates = find_updates(articles, sents, sheet.conflicts)
        if updates:
            sheet = dataclasses.replace(sheet, updates=updates)
    summary = summarize(articles, groups, sheet, words=words, config=config, lang=lang)
    idents = source_identities(articles)
    told_in = reader_language(articles, groups, lang)
    note = (
        f"No report in the reader's language ({lang}); briefed in {told_in}."
        if lang and told_in and told_in != lang
        else None
    )
    return Brief(
        articles=articles,
        copies=list(groups),
        sources=independent_sources([a.id for a in articles], groups, idents),
        identities=idents,
        facts=sheet,
        summary=summary,
        headline=choose_headline(articles, groups, summary, lang),
        language=told_in,
        language_note=note,
    )
