"""Small text helpers shared by the facts stage: folding, tokens, content words.

Nothing here knows about any particular story; the word lists are ordinary
English function words and news vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "fold",
    "words",
    "content_words",
    "names",
    "STOPWORDS",
    "FUNCTION_WORDS",
    "stem",
    "PRONOUN_OPENERS",
    "opens_on_pronoun",
]

STOPWORDS = frozenset(
    """a an the and or but nor of to in on at by for with from as into onto about over after before
    since until than then that this these those it its it's is are was were be been being has have had
    do does did not no so if he she they we you i his her their our your my him them us me who whom
    whose which what when where why how also said says say told tells according while during there here
    all any some such very more most much many can could would should will shall may might must just
    other others one own same both each few only up down out off again further once now yet still even
    mr mrs ms""".split()
)
# The function words of the other languages the stories come in, one table per language. A word that is
# also an English word or abbreviation stays out ("son", "sin", "era", "hay", "han"; "die", "war",
# "hat", "man", "den", "dem", "aus", "er", "über" folded to "uber"; "da"): dropping it would hide what
# an English sentence says.
# fmt: off
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset("""le la les de des du un une et en au aux pour par sur dans que qui est il elle ils""".split()),
    "es": frozenset("""el los las del al lo una unos unas y o ni con por para sobre entre hasta desde como pero
        sino mas más muy ya se su sus nos mi este esta estos estas ese esa esos esas ha había habían
        ser es fue fueron está están estaba sido también porque cuando donde quien quienes cual cuales
        tras ante según después dijo dijeron""".split()),
    "de": frozenset("""der das und ist nicht mit von zu auf für des ein eine einer eines einem einen
        sich auch als wie bei nach noch wird wurde wurden sind haben sie es im zum zur vom
        oder aber dass daß sein seine ihr ihre wir ich nur schon sagte sagt""".split()),
    "it": frozenset("""il gli della delle degli dei nel nella per che non è sono ha hanno""".split()),
    "pt": frozenset("""os ao à é foi são uma um das na pelo pela""".split()),
}
# fmt: on

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case and strip accents: "Sébastien" -> "sebastien"."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower()


STOPWORDS = STOPWORDS | frozenset(fold(w) for ws in FUNCTION_WORDS.values() for w in ws)


def words(text: str) -> list[str]:
    """Folded word tokens (hyphenated words stay one token)."""
    return _WORD.findall(fold(text))


def stem(word: str) -> str:
    """A very light English stem, enough to match "talks"/"talk", "condemned"/"condemn"."""
    w = word
    for suf, keep in (
        ("isation", 3),
        ("ization", 3),
        ("ations", 3),
        ("ation", 3),
        ("ings", 3),
        ("ing", 3),
        ("ies", 3),
        ("ied", 3),
        ("ed", 3),
        ("es", 3),
        ("s", 3),
        ("ly", 3),
    ):
        if w.endswith(suf) and len(w) - len(suf) >= keep:
            return w[: -len(suf)]
    return w


def content_words(text: str) -> list[str]:
    """Stemmed folded words without function words or bare numbers."""
    return list(_content_words(text))


@lru_cache(maxsize=32768)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(_stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 1)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return stem(word)


_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w’'\-]+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w’'\-]+|de|du|von|van|al|bin|la|le))*")


def names(text: str) -> list[str]:
    """Capitalised word runs that are not the first word of the text (rough proper names)."""
    out: list[str] = []
    for m in _NAME.finditer(text):
        if m.start() == 0 or text[max(0, m.start() - 2) : m.start()].strip() in {".", "!", "?", '"', "“"}:
            first = m.group(0).split()[0]
            if fold(first) in STOPWORDS:
                rest = m.group(0)[len(first) :].strip()
                if rest:
                    out.append(rest)
                continue
        out.append(m.group(0))
    return out


# third-person pronouns that open a sentence: read alone, as a summary reads it, such a sentence
# names nobody ("He's intuitive, he gets it, ..."): its referent is in the sentence before
# fmt: off
PRONOUN_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("he", "she", "they", "his", "her", "their", "he's", "she's", "they're", "he'd", "she'd", "they'd",
           "he'll", "she'll", "they'll", "they've"),
    "fr": ("il", "elle", "ils", "elles", "il'", "son", "sa", "ses", "leur", "leurs"),
    "de": ("er", "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem"),
    "es": ("él", "ella", "ellos", "ellas", "su", "sus"),
}
# fmt: on

_OPENING_WORD = re.compile(r"^[\W_]*([^\W\d_]+(?:['’][^\W\d_]+)?)")


def opens_on_pronoun(text: str, language: str | None = None) -> bool:
    """Does a sentence open on a third-person pronoun (:data:`PRONOUN_OPENERS`)?"""
    m = _OPENING_WORD.match(text)
    if not m:
        return False
    word = m.group(1).lower().replace("’", "'")
    table = PRONOUN_OPENERS.get(language or "en", ())
    return word in table
