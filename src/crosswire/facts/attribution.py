"""Who a statement is credited to, as opposed to who published it.

``find_attribution(sentence)`` reads the reporting frame of one sentence
("..., the French defence ministry said", "according to the statement",
"X told AFP", "Response from Moscow:", "announced the ministry") and returns a
lightly normalised name ("French defence ministry").  ``attribute_article``
does it for a whole article and resolves pronouns and generic back-references
("he added", "the ministry said") to the last fuller attribution in that
article.  Pure regular expressions over news style; no model.

The rules are chosen by the article's language (``language=``, an ISO 639-1
code; when it is not given, the language whose marker words dominate the text,
English when unsure): English, the original rules of this module, and French
("..., a déclaré le ministère", "selon un communiqué du ministère", "a-t-il
ajouté", "a-t-on appris de source policière", "Moscou a répondu que ...").
Languages without rules of their own are read with the English ones.

Adding a language is adding data: a :class:`Cues` (its auxiliaries and
participles, finite reporting verbs, "according to" prepositions, pronouns,
determiners, the words that make a phrase an institution or a person's title,
...; see ``FRENCH``) and one line in ``CUES``.  :func:`build_rules` compiles
the patterns of news style that Romance and Germanic languages share from it:
the verb after the quote and before the speaker ("..., dijo el ministro",
"..., sagte der Minister"), the speaker before the verb ("X a déclaré que"),
the inverted pronoun ("a-t-il ajouté"), "selon X" / "según X" / "laut X".
:mod:`crosswire.facts.quotes` takes the same rules for the speakers of quotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from crosswire.facts.cues import CUES, Cues
from crosswire.text.langid import detect_language
from crosswire.text.words import fold

# fmt: off
__all__ = [
    "find_attribution", "normalise_source", "attribute_article", "same_party", "REPORT_VERBS", "Rules", "build_rules",
    "rules_for",
]
# fmt: on

REPORT_VERBS = (
    "said|says|say|added|adds|told|tells|announced|announces|stated|states|declared|declares|"
    "reported|reports|indicated|indicates|noted|notes|confirmed|confirms|claimed|claims|insisted|"
    "insists|stressed|warned|warns|wrote|writes|explained|argued|recalled|affirmed|asserted|"
    "acknowledged|admitted|responded|replied|denied|denies|suggested|suggests|alleged|alleges|"
    "maintained|reiterated|underlined|underlines|emphasised|emphasized|tweeted|posted|"
    "revealed|disclosed|estimated|countered|retorted|conceded|disputed|disputes|contested|contests|questioned"
)
_TIME = (
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"earlier|later|late|shortly\s+after(?:wards)?|soon\s+after(?:wards)?|afterwards|then|last\s+\w+|this\s+\w+|in\s+a\s+statement|in\s+a\s+(?:press\s+)?release|"
    r"(?:on\s+)?\w+day\s+(?:morning|evening|night|afternoon)))*"
)
_SRC = r"((?:[Tt]he |[Aa]n? )?[A-ZÀ-Þ\w][\w’'\-\.]*(?:[ \-][\w’'\-\.]+){0,7}?)"

_TRAILING = re.compile(
    r"(?:[,;]\s*(?:[\"”»’]\s*)?|[\"”»’]\s+)"
    + _SRC
    + r"\s+(?:"
    + REPORT_VERBS
    + r")"
    + _TIME
    + r"(?:\s+(?:AFP|Reuters|AP|reporters|journalists|the\s+\w+|[A-Z]\w+))?\s*[.!?]?[\"”»’]?\s*$"
)
_MIDDLE = re.compile(  # "..., the harbour operator said on Thursday, contradicting the fire service, ..."
    r"[,;]\s*"
    + _SRC
    + r"\s+(?:"
    + REPORT_VERBS
    + r")"
    + _TIME
    + r"\s*,\s+(?:[a-z]+ing|which|while|but|after|before|as|citing|in\s+a)\b"
)
_TRAILING_INV = re.compile(  # "..., said the minister." (a short source closing the sentence)
    r"[,;]\s*(?:[\"”»’]\s*)?(?:" + REPORT_VERBS + r")\s+"
    r"((?:[Tt]he |[Aa]n? )?[A-ZÀ-Þ\w][\w’'\-\.]*(?:[ \-][\w’'\-\.]+){0,4}?)"
    r"\s*[.!?]?\s*$"
)
_TRAILING_TAIL = re.compile(  # "..., the board said on Monday, eight days after the vote."
    r"[,;]\s*(?:[\"”»’]\s*)?"
    + _SRC
    + r"\s+(?:"
    + REPORT_VERBS
    + r")"
    + _TIME
    + r"\s*,\s+[^\"“”«»,;]{2,90}[.!?]?[\"”»’]?\s*$"
)
_TRAILING_TOLD = re.compile(  # "..., party secretary Ines Marloe told a news conference."
    r"(?:[,;]\s*(?:[\"”»’]\s*)?|[\"”»’]\s+)" + _SRC + r"\s+(?:told|tells)\s+[^\"“”«»,;]{1,60}?[.!?]?[\"”»’]?\s*$"
)
_TRAILING_PLACE = re.compile(  # "“...,” Reuel said outside the town hall on Thursday."
    r"(?:[,;]\s*(?:[\"”»’]\s*)?|[\"”»’]\s+)"
    + _SRC
    + r"\s+(?:"
    + REPORT_VERBS
    + r")"
    + _TIME
    + r"\s+(?:outside|at|in|after|during|before|from|on|to|while|as|via|through)\b[^\"“”«»,;]{1,70}?[.!?]?[\"”»’]?\s*$"
)
_TRAILING_INV_APPOSITION = re.compile(  # "..., said Dora Vance, a nurse at the city hospital."
    r"[,;]\s*(?:[\"”»’]\s*)?(?:" + REPORT_VERBS + r")\s+"
    r"((?:[Tt]he |[Aa]n? )?[A-ZÀ-Þ\w][\w’'\-\.]*(?:[ \-][\w’'\-\.]+){0,4}?)"
    r"\s*,\s+(?:a|an|the|who|whose|one|its|his|her)\b[^\"“”«»]{2,120}[.!?]?\s*$"
)
_TOLD_BY = re.compile(  # "..., Social Renewal was told by the commission."
    r"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+told\s+by\s+"
    + _SRC
    + r"(?=\s*(?:[,.;]|$|\s+(?:that|on|in|at)\b))"
)
# a subject that addresses someone, with words that are not reporting verbs ("X called on Y to ...")
_ADDRESSING = (
    r"called\s+on|called\s+for|urged|appealed\s+to|pressed|implored|invited|accused|described|"
    r"called|branded|labell?ed|vowed|promised|pledged|predicted|asked"
)
_LEADING_ADDRESS = re.compile(
    r"^(?:[A-Z][\w’']*\s+\w+day,\s+)?" + _SRC + r"(?:,[^,]{3,80},)?\s+(?:(?:has|had|have|also|then|again|later|"
    r"earlier|publicly|immediately)\s+)*(?:" + _ADDRESSING + r")\s+[^.!?]*[“\"«„]"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+" + _SRC + r"(?=\s*(?:[,.;]|$|\s+(?:on|in|at|which|who|that)\b))")
_LEADING = re.compile(
    r"^(?:[A-Z][\w’']*\s+\w+day,\s+)?" + _SRC + r"(?:,[^,]{3,80},)?\s+(?:(?:has|had|have|also|then|clearly|"
    r"again|later|earlier|publicly|quickly|immediately|reportedly)\s+)*(?:" + REPORT_VERBS + r")\b"
)
_RESPONSE = re.compile(r"^(?:Response|Reply|Reaction)\s+from\s+" + _SRC + r"\s*:")
_PASSIVE = re.compile(r"\b(?:denied|rejected|dismissed|refuted|contested|disputed)\s+by\s+" + _SRC + r"\s*[.,;]")
_RESPONDED = re.compile(r"^" + _SRC + r"\s+(?:responded|replied|retorted|hit back|countered)\b")

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "who", "which"}
# fmt: off
_GENERIC = {
    "ministry", "statement", "minister", "government", "spokesman", "spokeswoman", "spokesperson",
    "office", "president", "release", "press release", "communique", "communiqué", "report", "source",
    "sources", "officials", "official", "authorities", "police", "agency", "leader", "army", "military",
}
# fmt: on
_DOC_WORDS = r"(?:statement|(?:press\s+)?release|communiqué|communique|report|readout|note|text|post|tweet)"
# fmt: off
_LOWER_WORDS = {
    "ministry", "minister", "defence", "defense", "foreign", "interior", "armed", "forces", "statement",
    "government", "office", "spokesman", "spokeswoman", "spokesperson", "department", "secretary",
    "press", "release", "entourage", "services", "authorities", "officials", "official", "police",
    "army", "military", "embassy", "agency", "council", "presidency", "of", "the", "for", "and",
}
# fmt: on
_INSTITUTIONS = (_LOWER_WORDS | _GENERIC) - {
    "of",
    "the",
    "for",
    "and",
    "statement",
    "release",
    "press release",
    "report",
    "defence",
    "defense",
    "foreign",
    "interior",
    "armed",
    "press",
} | {
    "union",
    "unions",
    "court",
    "prosecutor",
    "prosecutors",
    "investigators",
    "committee",
    "commission",
    "party",
    "group",
    "hospital",
    "company",
    "firm",
    "witnesses",
    "residents",
    "observers",
    "analysts",
    "experts",
    "diplomats",
    "lawyers",
    "lawyer",
    "service",
    "services",
    "embassy",
    "mayor",
    "governor",
    "regulator",
    "board",
    "institute",
    "organisation",
    "organization",
    "coalition",
    "rebels",
    "militants",
    "operator",
    "owner",
    "owners",
    "airline",
    "carrier",
    "utility",
    "organisers",
    "organizers",
    "campaign",
    "council",
    "chamber",
    "association",
    "federation",
    "club",
    "team",
    "school",
    "university",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "minister",
    "ministry",
    "government",
    "department",
    "staff",
    "workers",
    "employees",
    "doctors",
    "nurses",
    "teachers",
    "farmers",
    "drivers",
    "pilots",
    "management",
    "bank",
    "manufacturer",
    "insurer",
}
# fmt: off
_CLAUSE_WORDS = {"after", "before", "when", "while", "since", "during", "until", "if", "because", "although",
                 "though", "as", "moments", "once", "where", "whether", "than"}
# fmt: on
# fmt: off
_NOT_SOURCES = {
    "there", "here", "it", "this", "that", "which", "what", "who", "such", "one", "some", "many",
    "comments", "positions", "talks", "call", "meeting", "attack", "the call", "the talks",
}
# fmt: on


def normalise_source(raw: str | None) -> str | None:
    """ "a French defense ministry statement" -> "French defence ministry"; None if not a source."""
    if not raw:
        return None
    s = raw.strip(" ,.;:\"“”«»'’")
    s = re.sub(r"^(?:but|and|yet|so|still|however|meanwhile|now)\s+", "", s, flags=re.I)
    s = re.sub(r"^(?:the|a|an|an?\s+unnamed|another)\s+", "", s, flags=re.I)
    s = re.sub(r"^(?:also|then|later)\s+", "", s, flags=re.I)
    s = re.sub(r"\s+(?:also|then|later|again|has|had|have)$", "", s, flags=re.I)
    s = re.sub(r"(?:['’]s)?\s+" + _DOC_WORDS + r"$", "", s, flags=re.I)  # "ministry statement" -> "ministry"
    s = re.sub(r"^" + _DOC_WORDS + r"\s+(?:from|of|by)\s+(?:the\s+|his\s+|her\s+|its\s+)?", "", s, flags=re.I)
    s = re.sub(r"\s+(?:on|in|at)\s+\w+day$", "", s)
    s = s.strip()
    if not s or len(s) > 80 or fold(s) in _NOT_SOURCES or fold(s) in _PRONOUNS:
        return None if fold(s) not in _PRONOUNS else fold(s)
    toks = s.split()
    if len(toks) > 8:
        return None
    out = []
    for i, t in enumerate(toks):
        low = t.lower()
        if low in ("defense",):
            low = "defence"
        if low in _LOWER_WORDS and not (i == 0 and t.isupper()):
            out.append(low)
        else:
            out.append(t)
    res = " ".join(out)
    res = re.sub(r"\bdefense\b", "defence", res)
    return res


_NOT_SPEECH = re.compile(
    r"(?<=added)\s+(?:a|an|more|extra|new|another|several|some|\d)\b|"
    r"(?<=adds)\s+(?:a|an|more|extra|new|another|several|some|\d)\b",
    re.I,
)


def raw_attribution(text: str, language: str | None = None) -> str | None:
    """The reporting-frame phrase of a sentence as written ("a French Defense Ministry statement")."""
    return rules_for(language, [text]).raw(text)


def _raw_english(text: str) -> str | None:
    t = text.strip()
    for rx in (
        _TRAILING,
        _TRAILING_INV,
        _TRAILING_TOLD,
        _TRAILING_PLACE,
        _TRAILING_INV_APPOSITION,
        _TOLD_BY,
        _RESPONSE,
        _ACCORDING,
        _TRAILING_TAIL,
        _LEADING,
        _MIDDLE,
        _RESPONDED,
        _LEADING_ADDRESS,
    ):
        m = rx.search(t)
        if m and rx is _LEADING and _NOT_SPEECH.match(t, m.end()):
            continue  # "Bus operators added extra coaches": adding things, not words
        if m:
            raw = re.sub(r"(?<=[a-z]{2})\.$", "", m.group(1).strip())
            if _is_document(raw) or _possessive(raw):
                return raw
            src = normalise_source(raw)
            if src and _plausible(src):
                return raw
    return None


def find_attribution(text: str, language: str | None = None) -> str | None:
    """The party a sentence credits its statement to, normalised, or None (no context used).

    Pronouns come back as the English pronoun ("he", also for French "il"), and a bare
    document ("the statement", "le communiqué") as "statement", so a caller with context
    can resolve them (see :func:`attribute_article`).
    """
    rules = rules_for(language, [text])
    raw = rules.raw(text)
    if raw is None:
        return None
    if rules.is_document(raw):
        return "statement"
    return rules.normalise(raw)


def _is_document(raw: str) -> bool:
    return bool(
        re.fullmatch(r"(?:(?:the|a|an|this|that|its|his|her|their)\s+)?(?:\w+\s+)?" + _DOC_WORDS, raw.strip(), re.I)
    ) and not re.match(
        r"(?:the\s+|a\s+|an\s+)?[A-Z]", raw.strip()[4:] if raw.lower().startswith("the ") else raw.strip()
    )


def _possessive(raw: str) -> bool:
    return bool(re.search(r"\b(?:his|her|its|their)\s+\w+", raw, re.I))


def _plausible(src: str) -> bool:
    f = fold(src)
    if f in _PRONOUNS:
        return True
    if re.search(r"\b(?:was|were|is|are|been|be|being)$", f):  # a passive: "responsibility ... was claimed"
        return False
    if any(w in _CLAUSE_WORDS for w in f.split()):  # "Moments after Justice Kennedy retired, he said"
        return False
    first = src.split()[0]
    if (
        first[:1].islower()
        and f.split()[0] not in _LOWER_WORDS
        and f not in _GENERIC
        and not any(w in _INSTITUTIONS for w in f.split())
        and not any(t[:1].isupper() for t in src.split()[1:])
    ):  # "harbour operator Halden Logistics"
        # "comments said" is not a source; a lower-case phrase must name an institution
        # ("the regional emergency ministry")
        return False
    return True


def denier(text: str) -> str | None:
    """The party of a passive denial: "immediately denied by Paris" -> "Paris"."""
    m = _PASSIVE.search(text)
    return normalise_source(m.group(1)) if m else None


# fmt: off
_PERSON_TITLES = {
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "chairman", "chairwoman", "chair",
    "director", "president", "mayor", "governor", "lawyer", "attorney", "prosecutor", "judge", "senator",
    "chief", "commander", "leader", "official", "inspector", "officer", "head", "ambassador", "envoy",
    "witness", "resident", "doctor", "nurse", "teacher", "driver", "candidate", "founder", "owner", "manager",
}
# fmt: on


def _person_like(src: str) -> bool:
    """Could "he" or "she" stand for this source? A name or a person's title, not an institution."""
    toks = src.replace("’s", "").replace("'s", "").split()
    if not toks:
        return False
    last = toks[-1]
    if fold(last) in _PERSON_TITLES:
        return True
    return (
        last[:1].isupper()
        and not last.isupper()
        and len(toks) >= 1
        and fold(last) not in _INSTITUTIONS
        and fold(src) not in _COUNTRY_ADJ
        and fold(src) not in CAPITALS
    )


# fmt: off
_BARE_DOC_MODIFIERS = {"press", "same", "joint", "new", "latest", "earlier", "official", "written", "short", "brief",
                       "its", "his", "her", "their", "final", "first", "second"}
# fmt: on


def attribute_article(
    sentences: list[str], paragraphs: list[int] | None = None, language: str | None = None
) -> list[str | None]:
    """Attributions for every sentence of one article, with light coreference.

    "he added" takes the last person named as a source (in the same paragraph first, when
    ``paragraphs`` gives each sentence's paragraph), "it said" the last institution;
    "the ministry said" the last earlier source that contains "ministry"; "according to
    the statement" the last source that was a statement; "his ministry" becomes
    "<subject>'s ministry".  ``language`` (the article's ISO 639-1 code) chooses the
    rules; without it they are chosen from the text (see :func:`rules_for`).
    """
    rules = rules_for(language, sentences)
    out: list[str | None] = []
    history: list[tuple[str, str]] = []  # (raw phrase, normalised)
    where: list[int] = []  # the paragraph of each history entry
    for k, text in enumerate(sentences):
        para = paragraphs[k] if paragraphs is not None and k < len(paragraphs) else 0
        raw = rules.raw(text)
        src: str | None
        if raw is None:
            src = rules.denier(text)
            raw = src or ""
        elif rules.is_document(raw):
            src = next((n for r, n in reversed(history) if re.search(rules.doc_words, r, re.I)), None)
            named = re.sub(rules.determiners, "", raw.strip(), flags=re.I)
            if src is None and len(named.split()) == 2 and fold(named.split()[0]) not in _BARE_DOC_MODIFIERS:
                src = named  # "according to the arrest report": the report is the source
            elif src is None and history:
                src = history[-1][1]
        elif rules.possessive(raw):
            subj = re.match(r"(?:(?:Mr|Mrs|Ms|Dr|M)\.?\s+)?([A-ZÀ-Þ][\w\-’']+(?:\s+[A-ZÀ-Þ][\w\-’']+)*)", text.strip())
            noun = re.sub(r".*\b(?:his|her|its|their)\s+", "", raw, flags=re.I)
            noun = re.sub(_DOC_WORDS + r"\s+(?:from|of|by)\s+", "", noun, flags=re.I)
            src = f"{subj.group(1).split()[-1]}’s {normalise_source(noun) or noun}" if subj else None
        else:
            src = rules.normalise(raw)
            if src is not None and fold(src) in _PRONOUNS:
                src = _antecedent(fold(src), history, where, para, rules.person_like)
            elif src is not None and _generic(src):
                keys = set(fold(src).split())  # "hospital spokeswoman" is not any spokeswoman
                for _r, prev in reversed(history):
                    if keys <= set(fold(prev).split()) and len(prev) > len(src):
                        src = prev
                        break
        if src:
            history.append((raw, src))
            where.append(para)
        out.append(src)
    return out


def _antecedent(
    pronoun: str,
    history: list[tuple[str, str]],
    where: list[int],
    para: int,
    person_like: Callable[[str], bool] | None = None,
) -> str | None:
    """The source a pronoun stands for: the last fitting one of the paragraph, else of the article."""
    if not history:
        return None
    person_like = person_like or _person_like
    if pronoun in ("he", "she", "i"):
        fits = [k for k, (_r, n) in enumerate(history) if person_like(n)]
    elif pronoun in ("it", "they", "we"):
        fits = [k for k, (_r, n) in enumerate(history) if not person_like(n)]
    else:
        fits = []
    same = [k for k in fits if where[k] == para]
    if same:
        return history[same[-1]][1]
    if fits:
        return history[fits[-1]][1]
    return history[-1][1]


def _generic(src: str) -> bool:
    f = fold(src)
    toks = f.split()
    return f in _GENERIC or (len(toks) <= 2 and src.split()[0][:1].islower()) or (len(toks) == 1 and f in _COUNTRY_ADJ)


# fmt: off
_COUNTRY_ADJ = {
    "french": "france", "russian": "russia", "ukrainian": "ukraine", "american": "united states",
    "us": "united states", "u.s.": "united states", "british": "united kingdom", "german": "germany",
    "chinese": "china", "italian": "italy", "spanish": "spain", "israeli": "israel", "iranian": "iran",
    "turkish": "turkey", "polish": "poland", "japanese": "japan", "indian": "india",
}
# fmt: on


# seats of government that stand for their country in news style ("Paris denied", "the Kremlin said")
# fmt: off
CAPITALS = {
    "paris": "france", "elysee": "france", "moscow": "russia", "kremlin": "russia", "kyiv": "ukraine",
    "kiev": "ukraine", "washington": "united states", "white house": "united states", "pentagon": "united states",
    "london": "united kingdom", "downing street": "united kingdom", "berlin": "germany", "beijing": "china",
    "tokyo": "japan", "rome": "italy", "madrid": "spain", "ankara": "turkey", "tehran": "iran",
    "jerusalem": "israel", "brussels": "european union", "warsaw": "poland", "new delhi": "india",
}
# fmt: on


def party_key(src: str | None, capitals: dict[str, str] | None = None) -> str | None:
    """A coarse key for the side a source speaks for: its country if it names one, else itself.

    "French defence ministry", "Paris" and "the Elysee" are all "france".
    """
    if not src:
        return None
    f = fold(src)
    for adj, country in _COUNTRY_ADJ.items():
        if re.search(r"\b" + re.escape(adj) + r"\b", f) or re.search(r"\b" + re.escape(country) + r"\b", f):
            return country
    for cap, country in (capitals or CAPITALS).items():
        if re.search(r"\b" + re.escape(cap) + r"\b", f):
            return country
    for word, country in _other_places():  # the same in the other languages with rules
        if re.search(r"\b" + re.escape(word) + r"\b", f):
            return country
    toks = re.sub(r"['’]s\b", "", src).split()
    if toks and toks[-1][:1].isupper() and not toks[-1].isupper():
        return fold(toks[-1]).strip(".,")  # a person: "Mr. Thayer", "Lawyer Michael Avenatti" -> surname
    return f


def same_party(a: str | None, b: str | None) -> bool:
    """True when two attributions speak for the same party (loosely)."""
    if not a or not b:
        return False
    ka, kb = party_key(a), party_key(b)
    return ka == kb


@dataclass(frozen=True, slots=True)
class Rules:
    """The compiled attribution rules of one language (see :func:`rules_for`)."""

    language: str
    raw: Callable[[str], str | None]  # the reporting frame's source phrase as written
    normalise: Callable[[str | None], str | None]
    is_document: Callable[[str], bool]
    possessive: Callable[[str], bool]
    denier: Callable[[str], str | None]
    person_like: Callable[[str], bool]
    doc_words: str
    determiners: str  # anchored: the determiners dropped before a name
    source: Callable[[str | None], str | None] = normalise_source  # normalised, None unless plausible
    # for quotations (None: crosswire.facts.quotes keeps its English rules)
    quote_head: re.Pattern[str] | None = None  # the text before a quote ends with its speaker
    quote_tail: re.Pattern[str] | None = None  # the text after a quote starts with its speaker
    incise: re.Pattern[str] | None = None  # the whole text between two parts of one quote
    work_title: re.Pattern[str] | None = None  # the text before a quotation names a work: a title, not a quote
    quote_link: re.Pattern[str] | None = None  # all the text between two quotes of one speaker


_GUESS_CHARS = 3000


def rules_for(language: str | None, texts: Iterable[str] = ()) -> Rules:
    """The rules for an ISO 639-1 ``language`` ("fr", "fr-CA"); guessed from ``texts`` when None.

    A language without rules of its own gets the English rules (news style's default); the
    guess is :func:`crosswire.text.langid.detect_language` over the first ``_GUESS_CHARS``
    characters, English when it cannot tell.
    """
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    if not code:
        code = detect_language(" ".join(texts)[:_GUESS_CHARS]) or "en"
    return _compiled(code) if code in CUES else _ENGLISH


def _english_rules() -> Rules:
    return Rules(
        "en",
        _raw_english,
        normalise_source,
        _is_document,
        _possessive,
        denier,
        _person_like,
        _DOC_WORDS,
        r"^(?:the|a|an|this|that)\s+",
    )


_ENGLISH = _english_rules()


@lru_cache(maxsize=8)
def _compiled(code: str) -> Rules:
    return build_rules(CUES[code])


def _alt(words: Iterable[str]) -> str:
    """A regex alternative of words, longest first (so "déclarent" is tried before "déclare")."""
    return "|".join(sorted(set(words), key=len, reverse=True))


def build_rules(c: Cues) -> Rules:
    """Compile the news-style patterns of one language from its :class:`Cues`."""
    qo, qc = re.escape(c.quote_open), re.escape(c.quote_close)
    adv = rf"(?:{c.adverbs})"
    fill = rf"(?:\s+(?:{c.adverbs}|{c.addressees}|{c.channels}))*"
    verb = rf"(?:(?:{c.auxiliaries})(?:\s+{adv})*\s+(?:{_alt(c.participles)})|(?:{_alt(c.finite)}))(?![\w\-])"
    name = r"[^\W\d_][\w’'\-\.]*"
    src = rf"({name}(?:\s+[\w’'\-\.]+){{0,8}}?)"
    capname = r"[A-ZÀ-Þ][\w’'\-]+(?:\s+[A-ZÀ-Þ][\w’'\-]+){0,3}"
    appos = rf"(?:\s*,\s*{capname})?"
    src_appos = rf"({name}(?:\s+[\w’'\-\.]+){{0,8}}?{appos})"
    end = rf"\s*[.!?…]?\s*[{qc}]?\s*$"
    pre = rf"(?:[,;]\s*(?:[{qc}]\s*)?|[{qc}]\s+)"
    pron = _alt(c.pronouns) + "|" + c.impersonal
    inv = c.inversion or r"\s+"
    inverted = (
        rf"(?:(?:{c.auxiliaries}){inv}({pron})(?![\w])(?:\s+{adv})*\s+(?:{_alt(c.participles)})"
        rf"|(?:{_alt(c.finite)}){inv}({pron})(?![\w]))"
    )
    patterns = [
        re.compile(pre + verb + fill + r"\s+" + src_appos + fill + end),  # ", a déclaré X."
        re.compile(pre + inverted + fill + end),  # ", a-t-il ajouté."
        re.compile(pre + verb + fill + r"\s+" + src + r"\s*,\s+[^" + qo + qc + r"]{2,120}" + end),  # ", a dit X, un …"
        re.compile(
            pre + verb + fill + r"\s+" + src + rf"(?:\s*,\s*[^,{qo}{qc}]{{2,80}}?)?\s*,\s+"
            rf"(?:[{qo}]|(?:{c.saying})\b)"
        ),  # incise
        re.compile(rf"\b(?:{c.learned})" + fill + rf"\s+(?:{c.source_from})\s*{src}(?=\s*(?:[,.;!?]|$))"),
        re.compile(rf"\b(?:{c.unnamed_prefix})\s+({c.unnamed_source})(?=\s*(?:[,.;!?)]|$))"),  # "de source policière"
        re.compile(
            rf"(?:^|[\s,;(])(?:{c.according})\s+{src}(?=\s*(?:[,.;:!?)]|$)|\s+(?:{c.cited}|"
            rf"{c.relatives})\b)"
        ),  # "selon X,"
        re.compile(rf"^(?:{c.responses})\s+(?:{c.of}){src}\s*:"),  # "Réponse de Moscou :"
        re.compile(
            rf"^(?:[^,]{{2,40}},\s+)?{src}(?:\s*,\s*({capname})\s*,|,[^,]{{3,80}},)?(?:\s+{adv})*"
            rf"\s+(?:{c.object_clitic}\s*)?{verb}"
        ),  # "X, Name, a déclaré"
        re.compile(pre + src + rf"\s+(?:{c.object_clitic}\s*)?" + verb + fill + end),  # ", X l'a confirmé."
    ]
    passive = re.compile(rf"\b(?:{c.passive_denials})\s+(?:{c.by})\s+{src}\s*[.,;]")
    dets = rf"^(?:(?:{c.determiners})\s+|(?:{c.elided})\s*)"
    doc_rx = re.compile(
        rf"(?:(?:{c.determiners})\s+|(?:{c.elided})\s*|(?:{c.possessives})\s+)?"
        rf"(?:{c.documents})(?:\s+[\w\-]+)?",
        re.I,
    )
    doc_of = re.compile(rf"^(?:{c.documents})(?:\s+[\w\-]+)?\s+(?:{c.of})", re.I)
    conj = re.compile(rf"^(?:{c.conjunctions})\s+", re.I)
    trailing_time = re.compile(rf"(?:\s+(?:{c.adverbs}|{c.addressees}|{c.channels}))+$")
    capitals = {**CAPITALS, **c.extra_capitals}
    countries = {**_COUNTRY_ADJ, **c.extra_countries}

    def strip_det(s: str) -> str:
        return re.sub(dets, "", s, flags=re.I)

    def normalise(raw: str | None) -> str | None:
        if not raw:
            return None
        s = raw.strip(" ,.;:\"“”«»'’\u00a0\u202f")
        s = strip_det(conj.sub("", s))
        if doc_of.match(s):  # "communiqué du ministère" -> "ministère"
            s = strip_det(doc_of.sub("", s, count=1))
        s = trailing_time.sub("", s)
        s = re.sub(r"\s*,\s*", " ", s).strip()  # "porte-parole du ministère, Jean Dupont"
        f = fold(s)
        if f in c.pronouns:
            return c.pronouns[f]
        if not s or len(s) > 80 or f in c.not_sources or len(s.split()) > 9:
            return None
        return s

    folded_titles = {fold(t) for t in c.titles}
    folded_inst = {fold(t) for t in c.institutions}
    folded_mods = {fold(t) for t in c.modifiers}

    def plausible(src: str) -> bool:
        """A capitalised name, a pronoun, or a phrase headed by an institution or a title."""
        if fold(src) in _PRONOUNS:
            return True
        toks = src.split()
        k = 0
        while k < len(toks) - 1 and fold(toks[k]) in folded_mods:
            k += 1
        head = toks[k]
        f = fold(head).strip(".")
        if f in folded_titles or f in folded_inst or any(part in folded_inst for part in f.split("-")):
            return True
        return head[:1].isupper() and _name_like(toks[k:])

    def _name_like(toks: list[str]) -> bool:
        """ "Ilse Korvath", "Banque de Velmora", "Kremlin"; not "Contrairement à ce qu'il" (a capital
        that only starts the sentence): every later word is capitalised or links two that are."""
        for j, t in enumerate(toks[1:], 1):
            low = t.lower()
            if t[:1].isupper() or t[:1].isdigit():
                continue
            if low in c.name_links and j + 1 < len(toks) and toks[j + 1][:1].isupper():
                continue
            if re.match(rf"(?:{c.elided})[A-ZÀ-Þ]", t):  # "d'Emmanuel", "l'Intérieur"
                continue
            return False
        return True

    def raw(text: str) -> str | None:
        t = text.strip()
        for rx in patterns:
            m = rx.search(t)
            if not m:
                continue
            found = [g for g in m.groups() if g]
            if not found:
                continue
            got = ", ".join(found)  # "porte-parole des dockers, Ilse Korvath"
            got = got.strip()
            if is_document(got):
                return got
            s = normalise(got)
            if s and plausible(s):
                return got
        return None

    def is_document(raw_: str) -> bool:
        return bool(doc_rx.fullmatch(raw_.strip()))

    def deny(text: str) -> str | None:
        m = passive.search(text)
        s = normalise(m.group(1)) if m else None
        return s if s and plausible(s) and fold(s) not in _PRONOUNS else None

    def person_like(src: str) -> bool:
        toks = src.split()
        if not toks:
            return False
        f0 = fold(toks[0]).strip(".")
        if f0 in folded_titles:
            return True
        if f0 in folded_inst or fold(src) in capitals or fold(src) in countries:
            return False
        return toks[0][:1].isupper() and all(t[:1].isupper() for t in toks if len(t) > 3)

    quote_head = re.compile(
        rf"(?:(?:^|[,;:]\s+|\b(?:{c.conjunctions})\s+){src}(?:\s+{adv})*\s+{verb}{fill}(?:\s+(?:{c.that}))?"
        rf"|(?:^|[,;:]\s+)(?:{c.according})\s+{src}"
        rf"|(?:^|[,;:]\s+){src}(?:\s+{adv})*\s+(?:{c.auxiliaries})(?:\s+{adv})*\s+(?:{c.addressing})\b"
        rf"[^{qo}{qc}.;:]{{0,80}})\s*[:,]?\s*$"
    )
    quote_tail = re.compile(
        rf"^\s*[,;]?\s*(?:{verb}{fill}\s+{src_appos}|(?:{c.according})\s+{src}|{inverted}){fill}"
        rf"(?=\s*(?:[,.;:!?…{qo}]|$)|\s+(?:{c.that}|{c.relatives})\b)"
    )
    incise = re.compile(
        rf"^\s*,\s*(?:{verb}{fill}\s+{src}(?:\s*,\s*[^,{qo}{qc}]{{2,80}})?|{inverted}){fill}"
        rf"\s*,\s*$"
    )
    work_title = re.compile(rf"\b(?:{c.works})(?:\s+(?:{c.determiners}))?\s*$", re.I)

    def source(raw_: str | None) -> str | None:
        s = normalise(raw_)
        return s if s and plausible(s) else None

    quote_link = re.compile(rf"^\s*[,;]?\s*(?:(?:{c.quote_links})\s*)*$", re.I)
    return Rules(
        c.language,
        raw,
        normalise,
        is_document,
        lambda _r: False,
        deny,
        person_like,
        rf"\b(?:{c.documents})\b",
        dets,
        source,
        quote_head,
        quote_tail,
        incise,
        work_title,
        quote_link,
    )


@lru_cache(maxsize=1)
def _other_places() -> tuple[tuple[str, str], ...]:
    """Country words and seats of government of the languages with rules, other than English."""
    return tuple(
        (w, country) for c in CUES.values() for w, country in (*c.extra_countries.items(), *c.extra_capitals.items())
    )
