"""Inputs that are not part of a story: pages that are not news, and reports of another story.

Two checks, each giving a one-line reason the brief lists under "Set aside":

* :func:`not_news` -- the page is an archive's crawl notice, a cookie, consent or login wall,
  a social network's location notice, an error page, or a listing (lines without sentences).
  The phrases are data (:data:`NOT_NEWS`); a page is set aside when they make up most of
  what it says, never because a real report mentions one of them.
* :func:`other_story` -- within a story's inputs, a report whose words are far from what
  all the other reports share (its cosine to the centroid of the others, each report
  weighed once).  Only in a story of three or more reports in one language, and never more
  than a minority of them: with two reports, or two languages, which one is "the other
  story" cannot be told.

:func:`set_aside` runs both and never sets aside every input.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from crosswire.model import Article
from crosswire.text.words import content_words

__all__ = [
    "NOT_NEWS",
    "OTHER_STORY_BELOW",
    "Verdict",
    "not_news",
    "other_story",
    "set_aside",
    "story_similarities",
]

# (reason, pattern): phrases of pages that are not news reports, in several languages
NOT_NEWS: list[tuple[str, str]] = [
    (
        "an archive's crawl notice, not a report",
        r"\bwayback machine\b|\bseed for this crawl\b|\bthis crawl (?:was|is)\b|\bwarc files?\b|\binternet archive\b|"
        r"\barchive-it\b|\bcrawl (?:data|was run)\b|\bcaptured? (?:\d+ times|between)\b|"
        # a web archive's collection page: "the End of Term 2016 project ... to preserve public ... web sites"
        r"\bend of term (?:(?:19|20)\d\d )?(?:project|web archiv\w*|crawl|collection)\b|\bweb archiving\b|"
        r"\bpreserv\w* (?:public )?(?:[\w.]+ ){0,3}government web ?sites\b|\bcollection of press articles about\b|"
        r"\bpublic nomination tool\b",
    ),
    (
        "a cookie or consent notice, not a report",
        r"\bwe use cookies\b|\bcookie (?:policy|settings|consent|preferences)\b|\baccept (?:all )?cookies\b|"
        r"\bmanage (?:your )?(?:cookie|consent|privacy) (?:settings|preferences|choices)\b|"
        r"\bnous utilisons des cookies\b|\bwir verwenden cookies\b|\butilizamos cookies\b",
    ),
    (
        "a login or subscription wall, not a report",
        r"\b(?:sign|log) ?in to (?:continue|read|view|comment)\b|\byou must be (?:logged|signed) in\b|"
        r"\balready a subscriber\b|\bsubscribe (?:now )?to (?:continue|keep) reading\b|"
        r"\bthis (?:content|article|story) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members)\b|"
        r"\baccess denied\b|\bare you a robot\b|\bverify (?:that )?you are (?:a )?human\b|"
        r"\bplease enable (?:javascript|cookies)\b|\byour browser (?:does not|doesn't) support\b",
    ),
    (
        "a social network's location notice, not a report",
        r"\btweet with a location\b|\badd location information to your tweets\b|\byour tweet location history\b|"
        r"\blocation information to your tweets\b|\bturn off location\b",
    ),
    (
        "a web archive's notice about its crawls, not a report",
        r"\bthese crawls are part of an effort to archive pages\b|\bcrawls of supported\b[^.]{0,20}\bsites\b|"
        r"\bfix all broken links on the web\b",
    ),
    (
        "an error page, not a report",
        r"\b(?:page|article|story|video) (?:is )?(?:not found|no longer available|cannot be found|you requested)\b|"
        r"\berror 404\b|\b404 error\b|\bthis (?:video|content|page) is (?:unavailable|not available|private)\b|"
        r"\bthe page you (?:are looking|were looking|requested)\b",
    ),
]
_NOT_NEWS = [(reason, re.compile(p, re.IGNORECASE)) for reason, p in NOT_NEWS]
_SENTENCE_END = re.compile(r"""[.!?…]['"”’»)]*\s*$""")

NOT_NEWS_SHARE = 0.4  # share of a page's words in not-news paragraphs that makes it no report
LISTING_SHARE = 0.25  # a page with fewer of its words in sentences than this is a listing
OTHER_STORY_BELOW = 0.05  # word cosine to the other reports' centroid below which a report is another story
# with the multilingual embedding (``embed`` extra): a report whose words are far (below the
# first figure) and whose lead's meaning is far (below the second) from the other reports'
OTHER_STORY_WORDS = 0.12
OTHER_STORY_MEANING = 0.845
LEAD_WORDS = 180  # words of title and text the embedding reads
# ... or a report that stands apart from reports that agree among themselves: its words less than half as
# close as the least close other report's (and below the first figure), and its lead's meaning the second
# figure below the least close other's ("a tobacco company's cruise" among four reports of a camera
# found in a cabin: words 0.18 against 0.50 and more, meaning 0.85 against 0.96 and more)
APART_WORDS = (0.3, 0.5)
APART_MEANING = 0.05


@dataclass(frozen=True, slots=True)
class Verdict:
    article: str
    kind: str  # "not-news" | "other-story"
    reason: str  # one line for the reader


def _nwords(text: str) -> int:
    return len(text.split())


def not_news(article: Article) -> str | None:
    """Why ``article`` is not a news report, or None when it reads as one."""
    paras = article.paragraphs
    total = sum(_nwords(p) for p in paras)
    # what cleaning cut counts too: a wall is often cut as interface text, leaving a scrap
    blocks = paras + [r for r in article.removed if _nwords(r) <= 120]
    hits: Counter[str] = Counter()
    for p in blocks:
        for reason, rx in _NOT_NEWS:
            if rx.search(p):
                hits[reason] += _nwords(p)
                break
    if hits:
        reason = hits.most_common(1)[0][0]
        body_hits = sum(_nwords(p) for p in paras if any(rx.search(p) for _, rx in _NOT_NEWS))
        if body_hits >= NOT_NEWS_SHARE * total or total < 40:
            return reason
    in_sentences = sum(_nwords(p) for p in paras if _nwords(p) >= 8 and _SENTENCE_END.search(p))
    if len(paras) >= 8 and total <= 8 * len(paras) and in_sentences < LISTING_SHARE * total:
        return "a listing (lines without sentences), not a report"
    return None


def _vector(text: str) -> Counter[str]:
    return Counter(content_words(text))


def story_similarities(articles: Sequence[Article]) -> dict[str, float]:
    """Each article's cosine to the centroid of the other articles of the story (TF-IDF over the
    story's own articles, log term frequency; each other article weighs once)."""
    arts = [a for a in articles if a.text.strip()]
    n = len(arts)
    if n < 2:
        return {a.id: 1.0 for a in arts}
    counts = [_vector((a.title or "") + "\n" + a.text) for a in arts]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
    vecs: list[dict[str, float]] = []
    for c in counts:
        v = {t: (1.0 + math.log(k)) * idf[t] for t, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({t: x / norm for t, x in v.items()})
    out: dict[str, float] = {}
    for i, a in enumerate(arts):
        centre: dict[str, float] = {}
        for j, v in enumerate(vecs):
            if j != i:
                for t, x in v.items():
                    centre[t] = centre.get(t, 0.0) + x
        norm = math.sqrt(sum(x * x for x in centre.values())) or 1.0
        out[a.id] = sum(x * centre.get(t, 0.0) for t, x in vecs[i].items()) / norm
    return out


def _lead(a: Article) -> str:
    return " ".join(((a.title or "") + " " + a.text).split()[:LEAD_WORDS])


def _meaning_similarities(group: Sequence[Article], embedder) -> dict[str, float] | None:
    """Each article's embedding cosine to the mean of the others' (leads), or None without a model."""
    if embedder is False:
        return None
    if embedder is None:
        from crosswire.text.embed import default_embedder

        embedder = default_embedder()
    vecs = embedder.encode([_lead(a) for a in group])
    if vecs is None:
        return None
    out: dict[str, float] = {}
    for i, a in enumerate(group):
        others = [v for j, v in enumerate(vecs) if j != i]
        centre = sum(others) / len(others)
        norm = float((centre @ centre) ** 0.5) or 1.0
        out[a.id] = float(vecs[i] @ centre) / norm
    return out


def other_story(articles: Sequence[Article], *, below: float = OTHER_STORY_BELOW, embedder=None) -> dict[str, str]:
    """Reports of another story among ``articles``: id -> reason.

    A report is compared only with the reports in its own language, and only when at least
    two others share that language; at most a minority of a language's reports is set aside.
    Its words must be far from the others' (cosine below ``below``), or, with the embedding
    model (``embedder``: None for the default one, False for none), both its words and the
    meaning of its lead must be far (:data:`OTHER_STORY_WORDS`, :data:`OTHER_STORY_MEANING`,
    set on Multi-News dev clusters, where every report below both is about another story
    or no story at all).
    """
    by_lang: dict[str | None, list[Article]] = {}
    for a in articles:
        by_lang.setdefault(a.language, []).append(a)
    out: dict[str, str] = {}
    for group in by_lang.values():
        if len(group) < 3:
            continue
        sims = story_similarities(group)
        least = {aid: min(v for k, v in sims.items() if k != aid) for aid in sims}
        apart = {aid for aid, s in sims.items() if s < APART_WORDS[0] and s < APART_WORDS[1] * least[aid]}
        meaning = None
        if apart or any(s < OTHER_STORY_WORDS for s in sims.values()):
            meaning = _meaning_similarities(group, embedder)
        closest = {aid: min(v for k, v in meaning.items() if k != aid) for aid in meaning} if meaning else {}
        far = []
        for aid, s in sims.items():
            if s < below:
                far.append((s, aid, f"about another story (word similarity {s:.2f} to the other reports)"))
            elif meaning is not None and s < OTHER_STORY_WORDS and meaning[aid] < OTHER_STORY_MEANING:
                far.append(
                    (
                        s,
                        aid,
                        f"about another story (word similarity {s:.2f}, meaning "
                        f"{meaning[aid]:.2f} to the other reports)",
                    )
                )
            elif meaning is not None and aid in apart and meaning[aid] < closest[aid] - APART_MEANING:
                far.append(
                    (
                        s,
                        aid,
                        f"about another story (word similarity {s:.2f}, meaning {meaning[aid]:.2f}; the other "
                        f"reports at least {least[aid]:.2f} and {closest[aid]:.2f})",
                    )
                )
        for _s, aid, why in sorted(far)[: (len(group) - 1) // 2]:
            out[aid] = why
    return out


def set_aside(articles: Sequence[Article], *, embedder=None) -> list[Verdict]:
    """The inputs to leave out of a story's brief, each with its reason; never all of them."""
    verdicts: list[Verdict] = []
    kept: list[Article] = []
    for a in articles:
        why = not_news(a)
        if why:
            verdicts.append(Verdict(a.id, "not-news", why))
        else:
            kept.append(a)
    if not kept:
        return []
    for aid, why in other_story(kept, embedder=embedder).items():
        verdicts.append(Verdict(aid, "other-story", why))
    if len(verdicts) >= len(articles):
        return []
    order = {a.id: k for k, a in enumerate(articles)}
    return sorted(verdicts, key=lambda v: order.get(v.article, 0))
