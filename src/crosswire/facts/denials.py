"""The words of denial in every language crosswire reads, as data, and the denials they make.

:data:`DENIAL_VERBS` (a party denies or rejects what was said), :data:`DENIED_BY` (the
passive: "démenti par Paris"), :data:`BACK_REFERENCES` (what a denial points back to: "ces
informations", "diese Darstellung") are per-language tables; the regular expressions the
conflict finders use are built from them, so a language is added by adding its words.

:func:`negated_restatements` finds the other shape of a denial: a sentence that states
what an earlier sentence of the same report states, negated ("The Journal reported that
Trump had met with Salvini" / "he insists he didn't meet Salvini").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crosswire.model import Conflict, ConflictSide
from crosswire.text.words import STOPWORDS, fold

if TYPE_CHECKING:
    from crosswire.facts.story import StoryText

# fmt: off
__all__ = ["DENIAL_VERBS", "DENIED_BY", "BACK_REFERENCES", "DENIAL_ANY", "DENIED_BY_ANY", "BACK_REFERENCE_ANY",
           "DENIER_ANY", "SAY_VERBS", "claimant", "negated_restatements"]
# fmt: on

# fmt: off
DENIAL_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("denied", "denies", "deny", "denying", "rejected", "rejects", "reject", "rejecting", "refuted", "refutes",
           "dismissed", "dismisses", "disputed", "disputes", "contradicted"),
    "fr": ("a démenti", "ont démenti", "avait démenti", "dément", "démentent", "a nié", "ont nié", "nie", "nient",
           "a rejeté", "ont rejeté", "rejette", "rejettent", "a contesté", "ont contesté", "conteste", "contestent",
           "a réfuté", "réfute", "s'inscrit en faux", "s’inscrit en faux"),
    "de": ("dementierte", "dementierten", "dementiert", "bestritt", "bestritten", "bestreitet", "widersprach",
           "widersprachen", "widerspricht", "wies zurück", "wiesen zurück", "weist zurück", "zurückgewiesen"),
    "es": ("negó", "negaron", "niega", "niegan", "desmintió", "desmintieron", "desmiente", "desmienten", "rechazó",
           "rechazaron", "rechaza", "rechazan", "refutó", "refuta"),
}
# fmt: on
# fmt: off
DENIED_BY: dict[str, tuple[str, ...]] = {
    "en": ("denied by", "rejected by", "dismissed by", "refuted by", "disputed by", "contested by"),
    "fr": ("démenti par", "démentie par", "démentis par", "démenties par", "rejeté par", "rejetée par",
           "contesté par", "contestée par", "nié par", "niée par"),
    "de": ("dementiert von", "zurückgewiesen von", "bestritten von"),
    "es": ("desmentido por", "desmentida por", "negado por", "negada por", "rechazado por", "rechazada por"),
}
# fmt: on
# fmt: off
BACK_REFERENCES: dict[str, tuple[str, ...]] = {
    "en": ("this", "that", "these claims", "the claims", "the claim", "the report", "the reports", "the allegations",
           "the accusations", "the charges", "such claims"),
    "fr": ("ces informations", "cette information", "ces affirmations", "cette affirmation", "ces accusations",
           "cette accusation", "ces allégations", "ces propos", "cette version", "ces déclarations", "l'information",
           "l’information", "les faits"),
    "de": ("diese darstellung", "diese berichte", "diesen bericht", "die vorwürfe", "diese vorwürfe", "die angaben",
           "diese angaben", "diese behauptung", "die behauptung", "das", "dies"),
    "es": ("esas acusaciones", "estas acusaciones", "esa versión", "esta versión", "esa información",
           "esta información", "esas afirmaciones", "las acusaciones", "la información", "lo"),
}
# fmt: on


def _alternation(words) -> str:
    """Longest first, spaces as any space, and a German separable verb ("wies zurück") as its two
    parts with up to eight words between them ("wies die Vorwürfe entschieden zurück")."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        parts = [re.escape(p) for p in w.split()]
        if w in ("wies zurück", "wiesen zurück", "weist zurück"):
            out.append(parts[0] + r"(?:\s+\S+){0,8}?\s+" + parts[1])
        else:
            out.append(r"\s+".join(parts))
    return "|".join(out)


_ALL_VERBS = [w for ws in DENIAL_VERBS.values() for w in ws]
DENIAL_ANY = re.compile(r"(?<![\w-])(?:" + _alternation(_ALL_VERBS) + r")(?![\w-])", re.I)
DENIED_BY_ANY = re.compile(
    r"(?<![\w-])(?:" + _alternation(w for ws in DENIED_BY.values() for w in ws) + r")\s+"
    r"((?:the\s+|la\s+|le\s+|les\s+|l[’']|der\s+|die\s+|dem\s+|el\s+|los\s+)?"
    r"[A-ZÀ-Þ][\w’'\-]*(?:\s+[A-ZÀ-Þ][\w’'\-]*){0,3})"
)
BACK_REFERENCE_ANY = re.compile(
    r"^\s*(?:\S+\s+){0,2}?(?:"
    + _alternation(w for lang, ws in BACK_REFERENCES.items() if lang != "en" for w in ws)
    + r")\b",
    re.I,
)
# a party opening the sentence and denying: "Le Kremlin a démenti ...", "Das Ministerium wies ... zurück"
DENIER_ANY = re.compile(
    r"^((?:(?:Le|La|Les|L[’']|Der|Die|Das|El|La|Los|Las|The)\s*)?[A-ZÀ-Þ][\w’'\-]*(?:\s+(?:[a-zà-ÿ]{2,12}\s+)?"
    r"(?:de|du|des|der|des|del|of|[A-ZÀ-Þ][\w’'\-]*)){0,4}?)\s+(?:\w+\s+){0,2}?(?:"
    + _alternation(w for lang, ws in DENIAL_VERBS.items() if lang != "en" for w in ws)
    + r")(?![\w-])"
)


# what a party states, where the attribution rules of the language are not there to read it
# fmt: off
SAY_VERBS: dict[str, tuple[str, ...]] = {
    "fr": ("a affirmé", "a déclaré", "a indiqué", "a annoncé", "a assuré", "affirme", "déclare", "assure"),
    "de": ("erklärte", "sagte", "behauptete", "teilte mit", "verkündete", "versicherte", "betonte", "erklärt",
           "behauptet"),
    "es": ("afirmó", "dijo", "aseguró", "declaró", "anunció", "sostuvo", "afirma", "asegura"),
}
# fmt: on
_CLAIMANT = re.compile(
    r"^((?:(?:Le|La|Les|L[’']|Der|Die|Das|El|Los|Las)\s*)?[A-ZÀ-Þ][\w’'\-]*(?:\s+(?:[a-zà-ÿ\-]{2,14}|"
    r"[A-ZÀ-Þ][\w’'\-]*)){0,5}?)\s+(?:" + _alternation(w for ws in SAY_VERBS.values() for w in ws) + r")(?![\w-])"
)


def claimant(text: str) -> str | None:
    """The party a sentence opens with when it states something in its own name:
    "El ministerio valdoriano de Exteriores afirmó que ..." -> "El ministerio valdoriano de Exteriores"."""
    m = _CLAIMANT.match(text.strip())
    return m.group(1) if m else None


# --- a statement and its negation -------------------------------------------------------------------

# "didn't meet", "did not meet", "never met", "n'a pas rencontré", "hat ... nicht getroffen", "no se reunió"
_NEGATED = re.compile(
    r"\b(?:didn[’']?t|did\s+not|never|has\s+not|hasn[’']?t|had\s+not|hadn[’']?t|was\s+not|wasn[’']?t)\s+"
    r"(?:(?:want|try|plan|agree)\s+to\s+)?(?:have\s+)?([a-z]+)\b",
    re.I,
)
# fmt: off
_IRREGULAR = {"met": "meet", "said": "say", "saw": "see", "seen": "see", "knew": "know", "known": "know",
              "gave": "give", "given": "give", "took": "take", "taken": "take", "paid": "pay", "sent": "send",
              "spoke": "speak", "spoken": "speak", "told": "tell", "went": "go", "gone": "go", "made": "make",
              "sold": "sell", "bought": "buy", "wrote": "write", "written": "write", "signed": "sign",
              "ordered": "order", "endorsed": "endorse", "called": "call", "visited": "visit"}
# fmt: on
_OWN_VOICE = re.compile(r"\b(?:insist\w*|said|says|claim\w*|maintain\w*|den(?:y|ies|ied)|according\s+to)\b", re.I)


def _lemma(word: str) -> str:
    w = fold(word).lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def _object_names(text: str, start: int) -> set[str]:
    """The name words in the few words after a verb: what it was done to or with."""
    after = text[start : start + 60] if start else text
    return {
        fold(t).strip(".,;:’'") for t in re.findall(r"[A-ZÀ-Þ][\w’'\-]+", after) if fold(t).lower() not in STOPWORDS
    }


NEAR = 3  # sentences before a negated statement where the statement it answers may be


def negated_restatements(story: StoryText) -> list[Conflict]:
    """A report telling that someone denies doing what an earlier sentence says they did.

    The negated sentence must give its own voice ("he insists", "said") and name what the
    verb was done to ("didn't meet Salvini"); the earlier sentence, at most ``NEAR``
    sentences before it in the same report, uses the same verb (any form: "had met with")
    with the same name, unnegated.
    """
    out: list[Conflict] = []
    for pos in story.fact_pos:
        s = story.sentences[pos]
        if not _OWN_VOICE.search(s.text):
            continue
        for m in _NEGATED.finditer(s.text):
            verb = _lemma(m.group(1))
            names = _object_names(s.text, m.end())
            if len(verb) < 3 or not names:
                continue
            for k in range(pos - 1, max(-1, pos - 1 - NEAR), -1):
                t = story.sentences[k]
                if t.article != s.article:
                    break
                if _NEGATED.search(t.text):
                    continue
                named = _object_names(t.text, 0)
                hit = names & named and any(_lemma(v) == verb for v in re.findall(r"[^\W\d_]+", t.text))
                if not hit:
                    continue
                out.append(
                    Conflict(
                        "",
                        "",
                        "denial",
                        [
                            ConflictSide(t.text, story.attribution[k], [t.article], [story.cite(k)]),
                            ConflictSide(s.text, story.attribution[pos], [s.article], [story.cite(pos)]),
                        ],
                    )
                )
                break
            else:
                continue
            break
    return out
