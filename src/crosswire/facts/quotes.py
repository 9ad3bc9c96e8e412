"""Quotations with their speakers, merged across reports.

Quotation marks of every common style are read: “ ” „ “ « » " " ‘ ’ ' '.
A quote is kept when it has at least ``MIN_WORDS`` words (single-word scare
quotes like "terrorism" are not quotes of anyone); a quotation that opens in
one sentence and closes in a later one of the same paragraph is one quote
citing every sentence it spans.

The speaker is whoever the sentence names around the quote -- "X affirmed
“...”", "X called on Y to “...”" and "X told Y that “...”" (X, never the party
addressed), "“...”, Y was told by X", "X rejected ..., saying “...”" -- else
the sentence's attribution (see :mod:`crosswire.facts.attribution`, which resolves
"he added" to the last person named), else that of the next or previous
sentence of the article.

Speakers are read with the rules of the article's language
(:func:`crosswire.facts.attribution.rules_for`): in French "«…», a déclaré X",
"X a déclaré : «…»", "selon X, «…»", and a quotation cut by an incise
("«Nous sommes prêts», a affirmé X, «à coopérer»") is one quote of X; a
quotation right after a work's name ("le livre «…»") is a title, not a quote.
English keeps the rules above.

The quotations and speakers of an article whose language :mod:`crosswire.facts.speakers` reads
(English and French from the spaCy parse, German and Spanish from tokens) come from there; the
rules above are kept for the other languages and when spaCy is not installed.

Quotes from different reports are one quote when their folded words match
closely or one is trimmed from the other (rapidfuzz); the longer wording and
the fullest named speaker are kept, with every citation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from crosswire.facts import speakers
from crosswire.facts.attribution import REPORT_VERBS, Rules, normalise_source, rules_for
from crosswire.model import Quote
from crosswire.text.words import fold, words

if TYPE_CHECKING:
    from crosswire.facts.story import StoryText

__all__ = ["find_quotes", "quotes_in", "quoted_speakers", "MIN_WORDS"]

MIN_WORDS = 4
# languages whose quotations keep this module's rules in the brief: French's incise and title rules here are
# tested on written cases, while crosswire.facts.speakers' French parse is not yet measured on real news
KEEP_RULES = {"fr"}
SAME_QUOTE = 88  # rapidfuzz token_set_ratio at which two quotes are the same

_PAIRS = [("“", "”"), ("„", "“"), ("«", "»"), ("‘", "’"), ('"', '"')]
_QUOTE_RX = [re.compile(re.escape(o) + r"\s*([^" + re.escape(o + c) + r"]{2,}?)\s*" + re.escape(c)) for o, c in _PAIRS]
_SINGLE = re.compile(r"(?<![\w])'([^']{2,}?)'(?![\w])")


def _spans(text: str) -> list[tuple[str, int, int]]:
    """Quoted passages of one sentence with their spans, longest first, nested ones removed."""
    found: list[tuple[str, int, int]] = []
    for rx in _QUOTE_RX + [_SINGLE]:
        for m in rx.finditer(text):
            q = m.group(1).strip(" ,.;:")
            if q:
                found.append((q, m.start(), m.end()))
    found.sort(key=lambda x: len(x[0]), reverse=True)
    out: list[tuple[str, int, int]] = []
    for q, a, b in found:
        if not any(q in longer for longer, _a, _b in out):
            out.append((q, a, b))
    return out


def quotes_in(text: str) -> list[str]:
    """Quoted passages of one sentence, longest first, with nested duplicates removed."""
    return [q for q, _a, _b in _spans(text)]


_INTRO = re.compile(  # "... the Russian minister clearly affirmed “...": who introduces this quote
    r"(?:^|[,;:]\s+|\bbut\s+|\band\s+)((?:[Tt]he\s+)?[A-ZÀ-Þ][\w’'\-.]*(?:\s+[\w’'\-.]+){0,5}?)\s+"
    r"(?:\w+ly\s+)?(?:" + REPORT_VERBS + r")(?:\s+that)?\s*[:,]?\s*$"
)
# "X called on Y to “...”", "X told Y that “...”", "X urged Y to “...”": the speaker is X, not Y
_ADDRESS = re.compile(
    r"(?:^|[,;:]\s+|\bbut\s+|\band\s+)((?:[Tt]he\s+)?[A-ZÀ-Þ][\w’'\-.]*(?:\s+[\w’'\-.]+){0,5}?)\s+"
    r"(?:\w+ly\s+)?(?:called\s+on|called\s+for|urged|appealed\s+to|pressed|implored|invited|asked|told|"
    r"accused|warned|reminded|assured|called|described|branded|labell?ed)\s+"
    r"(?:[^\W\d_][\w’'\-.]*\s+){0,6}?(?:to|that|of|as|for)?\s*[:,]?\s*$"
)
_ELIDED = re.compile(
    r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:" + REPORT_VERBS + r")(?:\s+that)?\s*[:,]?\s*$|"
    r",\s+(?:saying|adding|insisting|arguing|noting|warning|stressing|claiming|declaring)\b"
    r"[^“”\"«»]{0,100}$"
)
_SUBJECT = re.compile(r"^(?:[^,“”\"]{0,30},\s+)?((?:[A-ZÀ-Þ][\w’'\-.]*\s+){0,3}[A-ZÀ-Þ][\w’'\-]*)(?=[\s,])")
_PASSIVE_TOLD = re.compile(  # "“...”, Y was told by X."
    r"^[\s,]*(?:\w+\s+){0,4}?(?:was|were|had\s+been|has\s+been)\s+told\s+by\s+"
    r"((?:[Tt]he\s+)?[A-ZÀ-Þ\w][\w’'\-.]*(?:\s+[\w’'\-.]+){0,5}?)\s*[.,;]"
)


def _introduced_by(
    text: str, start: int, previous_end: int, end: int | None = None, rules: Rules | None = None
) -> str | None:
    """The speaker named around a quote inside its sentence, if any.

    "X affirmed “...”", "X called on Y to “...”" (X, not Y, the party addressed),
    "“...”, Y was told by X" (X); with ``rules`` of a language that has quotation
    rules of its own, those ("X a déclaré : «...»", "«...», a déclaré X").
    """
    if rules is not None and rules.quote_head is not None:
        src = _introduced_by_rules(rules, text, start, previous_end, end)
        return None if src is None or fold(src) in _PRONOUN_WORDS else src
    head = text[previous_end:start]
    m = _INTRO.search(head) or _ADDRESS.search(head)
    if m is None and end is not None:
        m = _PASSIVE_TOLD.match(text[end:])
    if m is None and _ELIDED.search(head):
        m = _SUBJECT.match(text)  # "Macron, who ..., declined to ..., but said, “...”": the subject speaks
    if not m:
        return None
    # "Antibodies fight infections but Kodadek said “...”": the speaker starts after the last conjunction
    name = re.split(r"\s(?:but|and|while|because|as|when|after|before|since|although|though)\s", m.group(1))[-1]
    src = normalise_source(name)
    if not src or fold(src) in _PRONOUN_WORDS:
        return None
    return src


_PRONOUN_WORDS = {"he", "she", "they", "it", "we", "i", "you"}


def _introduced_by_rules(rules: Rules, text: str, start: int, previous_end: int, end: int | None) -> str | None:
    """The speaker named before or after a quote by a language's own rules ("he" for "a-t-il dit")."""
    m = rules.quote_head.search(text[previous_end:start]) if rules.quote_head is not None else None
    if m is None and end is not None and rules.quote_tail is not None:
        m = rules.quote_tail.match(text[end:])
    if m is None:
        return None
    return rules.source(next((g for g in m.groups() if g), None))


def _join_incises(text: str, spans: list[tuple[str, int, int]], rules: Rules) -> list[tuple[str, int, int, int]]:
    """Spans in order, with the parts of one quotation cut by an incise joined.

    «Nous sommes prêts», a affirmé X, «à coopérer» is one quote, "Nous sommes prêts à
    coopérer".  Returns (quote, start, end, end of its first part): the speaker is read
    around the first part.
    """
    out: list[tuple[str, int, int, int]] = []
    for q, a, b in spans:
        if out and rules.incise is not None and rules.incise.match(text[out[-1][2] : a]):
            prev_q, prev_a, prev_b, first_end = out[-1]
            inner = text[prev_a + 1 : prev_b - 1].rstrip()  # the first part as written, with its full stop
            joined = f"{prev_q}. {q}" if inner.endswith(".") and not prev_q.endswith(".") else f"{prev_q} {q}"
            out[-1] = (joined, prev_a, b, first_end)
            continue
        out.append((q, a, b, b))
    return out


def _open_quote(text: str) -> int | None:
    """Where a quotation opens in a sentence without closing in it, or None."""
    curly_open = [k for k, ch in enumerate(text) if ch in "“«„"]
    curly_close = [k for k, ch in enumerate(text) if ch in "”»"]
    if curly_open and len(curly_open) > len(curly_close) and (not curly_close or curly_open[-1] > curly_close[-1]):
        return curly_open[-1]
    straight = [k for k, ch in enumerate(text) if ch == '"']
    if len(straight) % 2 == 1 and not curly_open:
        return straight[-1]
    return None


def _closes(text: str) -> int | None | bool:
    """Where a quotation carried over from an earlier sentence closes in this one.

    None: it runs on (no quotation mark here); False: the sentence opens a quotation
    of its own first, so the earlier one was never a quotation running over sentences.
    """
    for k, ch in enumerate(text):
        if ch in "”»":
            return k
        if ch in "“«„":
            return False
        if ch == '"':
            return k
    return None


def _continued(story: StoryText, pos: int, limit: int = 5) -> tuple[str, list[int], int] | None:
    """A quotation that opens in sentence ``pos`` and runs on into the next sentences.

    Returns the quoted words, the sentence positions it spans, and the offset of its
    end in the last of them; None when it does not close within ``limit`` sentences of
    the same paragraph.
    """
    first = story.sentences[pos]
    start = _open_quote(first.text)
    if start is None:
        return None
    parts = [first.text[start + 1 :].strip()]
    spans = [pos]
    for nxt in range(pos + 1, min(len(story.sentences), pos + 1 + limit)):
        s = story.sentences[nxt]
        if s.article != first.article:
            return None
        if s.paragraph != story.sentences[spans[-1]].paragraph:
            return None  # a quote left open at a paragraph's end is too often a broken text to follow
        text = s.text
        close = _closes(text)
        if close is False:
            return None
        spans.append(nxt)
        if close is not None:
            parts.append(text[:close].strip())
            quote = " ".join(p for p in parts if p).strip(" ,.;:")
            return quote, spans, close + (len(s.text) - len(text))
        parts.append(text.strip())
    return None


def find_quotes(story: StoryText) -> list[Quote]:
    """Every quote of at least MIN_WORDS words, with its speaker, merged across reports."""
    raw: list[tuple[str, str | None, list[int]]] = []
    inside: set[int] = set()  # sentences wholly inside a quotation that runs over several
    languages = {a.id: a.language for a in story.articles}
    rules_of: dict[str, Rules] = {}
    parsed = _parsed_articles(story)  # articles whose speakers are read from the parse (crosswire.facts.speakers)
    for a in parsed.values():
        raw.extend(a)
    for pos, s in enumerate(story.sentences):
        if s.article in parsed:
            continue
        if s.article not in rules_of:
            rules_of[s.article] = rules_for(
                languages.get(s.article), (x.text for x in story.by_article.get(s.article, ()))
            )
        rules = rules_of[s.article]
        spans = sorted(_spans(s.text), key=lambda x: x[1])
        if rules.quote_head is None:
            for k, (q, start, end) in enumerate(spans):
                if len(words(q)) < MIN_WORDS:
                    continue
                speaker = _introduced_by(s.text, start, spans[k - 1][2] if k else 0, end) or _speaker_of(story, pos)
                raw.append((q, speaker, [pos]))
        else:
            raw.extend(_quotes_by_rules(story, pos, spans, rules))
        if pos in inside:
            continue
        run = _continued(story, pos)
        if run is None:
            continue
        q, positions, close = run
        inside.update(positions[1:-1])
        if len(words(q)) < MIN_WORDS:
            continue
        first, last = story.sentences[positions[0]], story.sentences[positions[-1]]
        opening = _open_quote(first.text) or 0
        speaker = (
            _introduced_by(first.text, opening, 0, None, rules)
            or _introduced_by(last.text, len(last.text), 0, close + 1, rules)
            or _speaker_of(story, positions[-1])
            or _speaker_of(story, positions[0])
        )
        raw.append((q, speaker, positions))
    merged: list[Quote] = []
    keys: list[str] = []
    postings: dict[str, list[int]] = {}  # word -> merged quotes that use it (only those are compared)
    for q, speaker, positions in raw:
        key = " ".join(words(_ELLIPSIS.sub(" ", q)))
        mine = set(key.split())
        shared: dict[int, int] = {}
        for w in mine:
            for k in postings.get(w, ()):
                shared[k] = shared.get(k, 0) + 1
        # one quotation shares at least half the words of the shorter wording
        hit = next(
            (
                k
                for k in sorted(shared)
                if 2 * shared[k] >= min(len(mine), len(set(keys[k].split()))) and same_quote(key, keys[k])
            ),
            None,
        )
        if hit is None:
            s = story.sentences[positions[0]]
            merged.append(Quote(speaker, q, [s.article], [story.cite(p) for p in positions]))
            keys.append(key)
            for w in mine:
                postings.setdefault(w, []).append(len(keys) - 1)
            continue
        quote = merged[hit]
        for p in positions:
            s = story.sentences[p]
            if s.article not in quote.articles:
                quote.articles.append(s.article)
            if all(c.article != s.article or c.sentence != s.index for c in quote.citations):
                quote.citations.append(story.cite(p))
        if _better_speaker(speaker, quote.speaker):
            quote.speaker = speaker
        if len(q) > len(quote.text):
            quote.text, keys[hit] = q, key
            for w in mine:
                if hit not in postings.setdefault(w, []):
                    postings[w].append(hit)
    one_name_per_person(merged)
    merged.sort(
        key=lambda x: (-story.independent(x.articles), story.order[x.citations[0].article], x.citations[0].sentence)
    )
    return merged


def one_name_per_person(quotes: list[Quote]) -> None:
    """One person, one speaker across the story's reports: a name that ends the longer names given
    to speakers ("Trudeau", "Justin Trudeau" -> "Prime Minister Justin Trudeau") takes the longest,
    when those longer names are all one person (each ends the longest one).  "Trump" stays "Trump"
    in a story that quotes both "Donald Trump" and "Ivanka Trump"."""
    names = {q.speaker for q in quotes if q.speaker and q.speaker[:1].isupper()}
    tokens = {n: n.split() for n in names}
    chosen: dict[str, str] = {}
    for n in names:
        mine = tokens[n]
        longer = [
            m
            for m in names
            if len(tokens[m]) > len(mine)
            and tokens[m][-len(mine) :] == mine
            and tokens[m][-len(mine) - 1][:1].isupper()
        ]
        if not longer:
            continue
        longest = max(longer, key=lambda m: (len(tokens[m]), m))
        if all(tokens[longest][-len(tokens[m]) :] == tokens[m] for m in longer):
            chosen[n] = longest
    for q in quotes:
        if q.speaker in chosen:
            q.speaker = chosen[q.speaker]


def _parsed_articles(story: StoryText) -> dict[str, list[tuple[str, str | None, list[int]]]]:
    """Article id -> its quotations (quote, speaker, sentence positions) from :mod:`crosswire.facts.speakers`,
    for every article whose language it reads (the others keep the rules of this module)."""
    out: dict[str, list[tuple[str, str | None, list[int]]]] = {}
    for a in story.articles:
        sentences = [(pos, s) for pos, s in enumerate(story.sentences) if s.article == a.id]
        language = a.language or rules_for(None, [s.text for _p, s in sentences[:40]]).language
        if language.split("-")[0].lower() in KEEP_RULES:
            continue
        found = speakers.find_quotations(a.text, language)
        if found is None:
            continue
        raw = []
        for q in found:
            if len(words(q.text)) < MIN_WORDS:
                continue
            positions = [pos for pos, s in sentences if s.start < q.end and s.end > q.start and not s.is_heading]
            if positions:
                raw.append((q.text, q.speaker, positions))
        out[a.id] = raw
    return out


def quoted_speakers(story: StoryText) -> dict[int, str]:
    """Sentence position -> the speaker the parse (or a language's token rules) gives the quotations inside
    that sentence, when they agree: the "said by" of facts and conflict sides that quote someone."""
    out: dict[int, str] = {}
    for a in story.articles:
        sentences = [(pos, s) for pos, s in enumerate(story.sentences) if s.article == a.id]
        language = a.language or rules_for(None, [s.text for _p, s in sentences[:40]]).language
        if language.split("-")[0].lower() in KEEP_RULES:
            continue
        found = speakers.find_quotations(a.text, language)
        if not found:
            continue
        for pos, s in sentences:
            if s.is_heading:
                continue
            who = speakers.speaker_of_sentence(found, s.start, s.end)
            if who:
                out[pos] = who
    return out


def _quotes_by_rules(
    story: StoryText, pos: int, spans: list[tuple[str, int, int]], rules: Rules
) -> list[tuple[str, str | None, list[int]]]:
    """The quotes of one sentence read with a language's own rules: incises joined, titles skipped."""
    text = story.sentences[pos].text
    out: list[tuple[str, str | None, list[int]]] = []
    previous_end = 0
    named: str | None = None  # the last speaker this sentence names ("«…», a-t-elle ajouté" is her)
    for q, start, end, first_end in _join_incises(text, spans, rules):
        head_from, previous_end = previous_end, end
        if rules.work_title is not None and rules.work_title.search(text[head_from:start]):
            continue  # "le livre «...»": the name of a work, nobody's words
        speaker = _introduced_by_rules(rules, text, start, head_from, first_end)
        if speaker is not None and fold(speaker) in _PRONOUN_WORDS:
            speaker = (
                named if named is not None and fold(speaker) in ("he", "she") and rules.person_like(named) else None
            )
        elif (
            speaker is None
            and head_from
            and rules.quote_link is not None
            and rules.quote_link.match(text[head_from:start])
        ):
            speaker = named  # "X a appelé à «…» et à «…»": both are X's
        named = speaker or named
        if len(words(q)) < MIN_WORDS:
            continue
        out.append((q, speaker or _speaker_of(story, pos), [pos]))
    return out


_ELLIPSIS = re.compile(r"\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…")
CONTAINED = 95  # rapidfuzz partial_ratio at which a trimmed quote is part of a longer one


def same_quote(a: str, b: str) -> bool:
    """Are two folded quotes one quotation: the same, lightly edited, or one trimmed from the other?"""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    if fuzz.token_set_ratio(a, b) >= SAME_QUOTE and len(short) >= 0.5 * len(long_):
        return True
    # a trimmed quotation: its words, in order, inside the longer one
    return len(short.split()) >= MIN_WORDS + 2 and fuzz.partial_ratio(short, long_) >= CONTAINED


def _speaker_of(story: StoryText, pos: int) -> str | None:
    """The sentence's attribution, else that of its neighbour in the same article (next first)."""
    if story.attribution[pos]:
        return story.attribution[pos]
    s = story.sentences[pos]
    for near in (pos + 1, pos - 1):
        if 0 <= near < len(story.sentences):
            t = story.sentences[near]
            if t.article == s.article and story.attribution[near]:
                return story.attribution[near]
    return None


def _better_speaker(new: str | None, old: str | None) -> bool:
    """Is ``new`` a better name for a merged quote's speaker than ``old``? (named beats generic)"""
    if not new:
        return False
    if not old:
        return True
    named = lambda x: any(t[:1].isupper() for t in x.split())  # noqa: E731
    return named(new) and not named(old) or named(new) == named(old) and len(new) > len(old) and fold(old) in fold(new)


def _fold_key(text: str) -> str:
    return fold(text)
