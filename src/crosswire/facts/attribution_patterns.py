"""The English patterns of news-style attribution and the normalisation of a source phrase.

The regular expressions of the reporting frame ("..., the ministry said", "according to X",
"X told AFP", "said Dora Vance, a nurse"), :func:`normalise_source`, and the small English word
tables they use.  :mod:`crosswire.facts.attribution_rules` compiles them, with the other
languages' rules, into :class:`~crosswire.facts.attribution_rules.Rules`.
"""

from __future__ import annotations

import re

from crosswire.text.words import fold

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
# a phrase fronted before the subject of a leading frame: a sentence adverb ("However, ", "But, "), then a
# day ("On Monday, ") or a phrase opened by a preposition or a participle ("In a statement, ", "Asked about
# the claims, ", "But in a court filing, "), up to 60 characters without a comma or a quotation mark
_FRONT_ADVERBS = "But|And|Yet|However|Still|Now|Meanwhile|Separately"
_FRONT_WORDS = (
    "In|At|On|After|Before|During|Following|Since|Upon|Despite|Amid|Asked|Speaking|Writing|Responding|Reacting|"
    "Earlier|Later|Last|This|Today|Yesterday"
)
_FRONTED = (
    r"^(?:(?:" + _FRONT_ADVERBS + r")(?:,\s+|\s+(?=(?i:" + _FRONT_WORDS + r")\b)))?"
    r"(?:(?:[A-Z][\w’']*\s+\w+day|(?i:" + _FRONT_WORDS + r")\b[^,“”\"«»]{0,60}),\s+)?"
)
_LEADING_ADDRESS = re.compile(
    _FRONTED + _SRC + r"(?:,[^,]{3,80},)?\s+(?:(?:has|had|have|also|then|again|later|"
    r"earlier|publicly|immediately)\s+)*(?:" + _ADDRESSING + r")\s+[^.!?]*[“\"«„]"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+" + _SRC + r"(?=\s*(?:[,.;]|$|\s+(?:on|in|at|which|who|that)\b))")
_LEADING = re.compile(
    _FRONTED + _SRC + r"(?:,[^,]{3,80},)?\s+(?:(?:has|had|have|also|then|clearly|"
    r"again|later|earlier|publicly|quickly|immediately|reportedly)\s+)*(?:" + REPORT_VERBS + r")\b"
)
_RESPONSE = re.compile(r"^(?:Response|Reply|Reaction)\s+from\s+" + _SRC + r"\s*:")
_PASSIVE = re.compile(r"\b(?:denied|rejected|dismissed|refuted|contested|disputed)\s+by\s+" + _SRC + r"\s*[.,;]")
_RESPONDED = re.compile(r"^" + _SRC + r"\s+(?:responded|replied|retorted|hit back|countered)\b")

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "who", "which"}
# fmt: off
GENERIC = {
    "ministry", "statement", "minister", "government", "spokesman", "spokeswoman", "spokesperson",
    "office", "president", "release", "press release", "communique", "communiqué", "report", "source",
    "sources", "officials", "official", "authorities", "police", "agency", "leader", "army", "military",
}
# fmt: on
DOC_WORDS = r"(?:statement|(?:press\s+)?release|communiqué|communique|report|readout|note|text|post|tweet)"
# fmt: off
_LOWER_WORDS = {
    "ministry", "minister", "defence", "defense", "foreign", "interior", "armed", "forces", "statement",
    "government", "office", "spokesman", "spokeswoman", "spokesperson", "department", "secretary",
    "press", "release", "entourage", "services", "authorities", "officials", "official", "police",
    "army", "military", "embassy", "agency", "council", "presidency", "of", "the", "for", "and",
}
# fmt: on
_INSTITUTIONS = (_LOWER_WORDS | GENERIC) - {
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
# a relative or question word inside a phrase makes it a clause, not a source ("employees who say ..."); "WHO"
# written in capitals is the organisation
_RELATIVE_WORDS = {"who", "which", "what", "neither"}
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
    s = re.sub(r"\s+(?:also|then|later|again|further|has|had|have)$", "", s, flags=re.I)
    # "ministry statement" -> "ministry"; a capitalised one names the source ("the Washington Post")
    doc = re.search(r"(?:['’]s)?\s+(" + DOC_WORDS + r")$", s, flags=re.I)
    if doc and doc.group(1)[:1].islower():
        s = s[: doc.start()]
    s = re.sub(r"^" + DOC_WORDS + r"\s+(?:from|of|by)\s+(?:the\s+|his\s+|her\s+|its\s+)?", "", s, flags=re.I)
    s = re.sub(r"\s+(?:on|in|at)\s+\w+day$", "", s)
    s = s.strip()
    if not s or len(s) > 80 or fold(s) in _NOT_SOURCES or fold(s) in PRONOUNS:
        return None if fold(s) not in PRONOUNS else fold(s)
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


def raw_english(text: str) -> str | None:
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
        if m and rx in (_LEADING, _LEADING_ADDRESS) and m.start(1) > 0 and fold(m.group(1)) in PRONOUNS:
            continue  # "In fact, he insists ...": a pronoun after a fronted phrase is left to the quotes' reader
        if m:
            raw = re.sub(r"(?<=[a-z]{2})\.$", "", m.group(1).strip())
            if is_document_english(raw) or possessive_english(raw):
                return raw
            src = normalise_source(raw)
            if src and _plausible(src):
                return raw
    return None


def is_document_english(raw: str) -> bool:
    return bool(
        re.fullmatch(r"(?:(?:the|a|an|this|that|its|his|her|their)\s+)?(?:\w+\s+)?" + DOC_WORDS, raw.strip(), re.I)
    ) and not re.match(
        r"(?:the\s+|a\s+|an\s+)?[A-Z]", raw.strip()[4:] if raw.lower().startswith("the ") else raw.strip()
    )


def possessive_english(raw: str) -> bool:
    return bool(re.search(r"\b(?:his|her|its|their)\s+\w+", raw, re.I))


# words a source never ends on: a determiner or a preposition still waits for its noun
_OPEN_ENDS = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "for",
        "with",
        "on",
        "at",
        "by",
        "from",
        "this",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "and",
        "or",
        "but",
    }
)


def _plausible(src: str) -> bool:
    f = fold(src)
    if f in PRONOUNS:
        return True
    if re.search(r"\b(?:was|were|is|are|been|be|being)$", f):  # a passive: "responsibility ... was claimed"
        return False
    if any(w in _CLAUSE_WORDS for w in f.split()):  # "Moments after Justice Kennedy retired, he said"
        return False
    if any(w.lower() in _RELATIVE_WORDS and not w.isupper() for w in src.split()):
        return False
    if f.split()[-1] in _OPEN_ENDS:  # "No details of the alleged assault": the verb is an adjective there
        return False
    first = src.split()[0]
    if (
        first[:1].islower()
        and f.split()[0] not in _LOWER_WORDS
        and f not in GENERIC
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
COUNTRY_ADJ = {
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


# fmt: off
_PERSON_TITLES = {
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "chairman", "chairwoman", "chair",
    "director", "president", "mayor", "governor", "lawyer", "attorney", "prosecutor", "judge", "senator",
    "chief", "commander", "leader", "official", "inspector", "officer", "head", "ambassador", "envoy",
    "witness", "resident", "doctor", "nurse", "teacher", "driver", "candidate", "founder", "owner", "manager",
}
# fmt: on


def person_like_english(src: str) -> bool:
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
        and fold(src) not in COUNTRY_ADJ
        and fold(src) not in CAPITALS
    )
