"""One quotation told in two languages: a quote and its translation in another report are one entry.

Reports in two languages quote the same words in their own language ("Die Ernennung ... ist
eine ausgezeichnete Nachricht" / "The appointment ... is excellent news"); the word match of
:mod:`crosswire.facts.quotes` cannot see it.  Two quotes in two languages are merged, with
every citation of both, when

* the multilingual embedding scores them ``QUOTE_EMBED`` or more (measured on written pairs:
  translations 0.89-0.94, other quotes of one story 0.76-0.84) and each is the other's best
  such match in the other language;
* their speakers are compatible: one is unknown, or they share a name word ("Senard" /
  "Jean-Dominique Senard"); two speakers named apart stay two quotes;
* neither gives figures in digits the other lacks ("4.600 Stellen" is not "15,000 jobs");
* their lengths are alike (one is not a few words trimmed from a long quotation).

The merged entry reads in the reader's language when one of the two is in it.  Without the
embedding model nothing is merged: shared names alone do not make two quotations one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from crosswire.facts.crosslang import cross_figures, cross_names
from crosswire.facts.similarity import encode_all
from crosswire.model import Quote
from crosswire.text.words import words

if TYPE_CHECKING:
    from crosswire.facts.story import StoryText

__all__ = ["merge_translations", "QUOTE_EMBED", "MAX_QUOTES"]

QUOTE_EMBED = 0.88  # e5 cosine from which two quotes in two languages are one quotation
MAX_QUOTES = 80  # at most this many quotes of a story are embedded
LENGTH_RATIO = 2.0  # the longer of two merged quotes has at most this many times the other's words


def _language(q: Quote, language: dict[str, str | None]) -> str:
    """The quote's language without its region ("en-GB" and "en" are one)."""
    found = (language.get(q.citations[0].article) if q.citations else language.get(q.articles[0])) or ""
    return found.split("-")[0].split("_")[0].lower()


def _speaker_names(speaker: str | None) -> set[str]:
    return cross_names("- " + speaker) if speaker else set()


def compatible_speakers(a: str | None, b: str | None) -> bool:
    """Can two quotes be one person's words: a speaker unknown, or a name word in common?"""
    na, nb = _speaker_names(a), _speaker_names(b)
    return not a or not b or not na or not nb or bool(na & nb)


def _alike(a: Quote, b: Quote) -> bool:
    fa, fb = cross_figures(a.text), cross_figures(b.text)
    if fa != fb and (fa or fb) and not (fa & fb and (fa <= fb or fb <= fa)):
        return False
    la, lb = len(words(a.text)), len(words(b.text))
    return max(la, lb) <= LENGTH_RATIO * max(1, min(la, lb))


def merge_translations(quotes: list[Quote], story: StoryText, lang: str | None = None) -> list[Quote]:
    """``quotes`` with each quote and its translation in another report merged (see the module's notes)."""
    embedder = getattr(story, "embedder", None)
    language = {a.id: a.language for a in story.articles}
    langs = [_language(q, language) for q in quotes]
    if embedder is None or len({x for x in langs if x}) < 2:
        return quotes
    pool = [k for k, x in enumerate(langs) if x][:MAX_QUOTES]
    vecs = encode_all(embedder, [quotes[k].text for k in pool])
    if vecs is None:
        return quotes
    cos = np.asarray(vecs, dtype=np.float32) @ np.asarray(vecs, dtype=np.float32).T
    best: dict[tuple[int, str], tuple[float, int]] = {}  # (quote, other language) -> its best match there
    for x, i in enumerate(pool):
        for y, j in enumerate(pool):
            if langs[i] == langs[j] or cos[x, y] < QUOTE_EMBED:
                continue
            if not compatible_speakers(quotes[i].speaker, quotes[j].speaker) or not _alike(quotes[i], quotes[j]):
                continue
            key = (i, langs[j])
            if key not in best or cos[x, y] > best[key][0]:
                best[key] = (float(cos[x, y]), j)
    into: dict[int, int] = {}  # merged quote -> the quote it joins
    for (i, _other), (_c, j) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        back = best.get((j, langs[i]))
        if back is None or back[1] != i or i in into or j in into or i > j:
            continue
        reader = (lang or "").split("-")[0].lower()
        keep, drop = (j, i) if reader and langs[j] == reader and langs[i] != reader else (i, j)
        _merge(quotes[keep], quotes[drop])
        into[drop] = keep
    if not into:
        return quotes
    out = [q for k, q in enumerate(quotes) if k not in into]
    out.sort(
        key=lambda q: (-story.independent(q.articles), story.order[q.citations[0].article], q.citations[0].sentence)
    )
    return out


def _merge(keep: Quote, drop: Quote) -> None:
    for a in drop.articles:
        if a not in keep.articles:
            keep.articles.append(a)
    for c in drop.citations:
        if all(c.article != d.article or c.sentence != d.sentence for d in keep.citations):
            keep.citations.append(c)
    if not keep.speaker or (drop.speaker and not _speaker_names(keep.speaker) and _speaker_names(drop.speaker)):
        keep.speaker = drop.speaker
