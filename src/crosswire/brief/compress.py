"""Shorter summary sentences that say the same: what :func:`compress` may cut (a trailing
attribution, a glued headline or dateline, a page's time stamp, a section label, a parenthesis)
and the check that a shortened sentence is faithful to its source (:func:`is_faithful_compression`)."""

from __future__ import annotations

import re

from crosswire.brief.news import strip_update_marker

__all__ = ["compress", "is_faithful_compression", "tokens"]


_WORD = re.compile(r"\w+", re.UNICODE)
# fmt: off
_NEGATION = {
    # en, fr, de, es, it, pt: a clause holding one of these is never dropped
    "not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "without", "cannot",
    "t", "deny", "denies", "denied", "refused", "refuses", "rejected", "rejects",
    "ne", "pas", "jamais", "aucun", "aucune", "sans", "ni", "nie", "démenti", "dément",
    "nicht", "kein", "keine", "ohne", "nunca", "nada", "ningún", "ninguna", "sin",
    "non", "mai", "senza", "não", "nem",
}
# fmt: on
_SAY = (
    r"(?:said|says|say|told(?:\s+\w+){0,2}|added|reported|announced|stated|confirmed|"
    r"explained|noted|wrote|tweeted|insisted|warned|according\s+to\s+[^,;]{1,60}|"
    r"a\s+(?:indiqué|déclaré|précisé|affirmé|annoncé|ajouté|expliqué|souligné)|"
    r"ont\s+(?:indiqué|déclaré|précisé|affirmé|annoncé)|selon\s+[^,;]{1,60}|"
    r"sagte|erklärte|teilte\s+\w+\s+mit|dijo|afirmó|informó|informaron|indicó|agregó|añadió|señaló|explicó|"
    r"según\s+[^,;]{1,60})"
)
# the speaker's title after the speaker's name (", a spokesman for the ministry", ", jefe de la policía"):
# no clause ("who ...", "adding that ...", "que ..."), no gerund
_TITLE = (
    r"""(?:,\s+(?!(?:who|which|that|whose|whom|where|when|qui|que|quien|dont|der|die|das|dass|adding|"""
    r"""agregando|añadiendo|ajoutant)\b)(?![\w'’.-]*(?:ing|ando|iendo|ant)\b)"""
    r"""(?:[\w'’.-]+)(?:\s+(?!(?:that|que|qu|dass)\b)[\w'’.-]+){0,9})?"""
)
# ", the ministry said." / ", said the ministry." / ", according to officials." at the end
_TRAILING_ATTRIBUTION = re.compile(
    r"""(?P<closer>,["”’»]?|["”’»],)\s+"""
    r"""(?P<attr>(?!(?:who|which|that|where|when|whom|whose|qui|que|dont)\b)"""
    r"""(?:(?:[\w'’.-]+\s+){0,7}""" + _SAY + r"""(?:\s+[\w'’.-]+){0,3}"""
    r"""|""" + _SAY + r"""(?:\s+[\w'’.-]+){0,7}""" + _TITLE + r"""))\s*(?P<end>[.!]?)\s*$""",
    re.UNICODE | re.IGNORECASE,
)
# an attribution that is the reporting verb alone (", said.", ", told reporters."): its speaker is the
# phrase before it ("..., John Smith, a spokesman, said."), and dropping the verb would leave the name dangling
_BARE_SAY = re.compile(r"(?:said|says|say|told(?:\s+\w+){0,2}|added|dijo|sagte|a\s+déclaré|a\s+indiqué)", re.I)
# an aside between two dashes ("the lanterns - paper cylinders with a small flame - were seen"): no figure,
# no negation, no quotation; the sentence around it still reads whole
_DASH_ASIDE = re.compile(r"""\s(?:-{1,2}|[–—])\s?(?P<inner>[^-–—\d"“”«»()]{3,160}?)\s?(?:-{1,2}|[–—])(?=\s)""")
# the label of a structured abstract glued to its first sentence ("Results The overall rate ...")
# fmt: off
SECTION_LABELS: tuple[str, ...] = (
    "Importance", "Objective", "Objectives", "Background", "Methods", "Design, Setting, and Participants",
    "Main Outcomes and Measures", "Results", "Conclusions", "Conclusions and Relevance", "Findings", "Meaning",
    "Interventions", "Exposures", "Context", "Purpose", "Conclusion",
)
# fmt: on
_SECTION_LABEL = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in sorted(SECTION_LABELS, key=len, reverse=True)) + r")\s+(?=[A-Z])"
)
# a headline glued to the lead by its dateline: "Fire kills 30 animals at German zoo BERLIN.- A fire ..."
_GLUED_HEADLINE = re.compile(
    r"""^(?:[^.!?"“”]{10,120}?)\s(?:[A-ZÀ-Ý]{3,}(?:\s[A-ZÀ-Ý]{2,})*)"""
    r"""(?:,\s*[\w .'’/,-]{1,30}?)?\s*(?:\.\s?-+|\([^()]{1,40}\)\s*[-–—]{1,2})\s+""",
    re.UNICODE,
)
# "PARIS, April 3, 2024 (AFP) - ", "BERLIN (Reuters) -- ", "(Paris) "
_DATELINE = re.compile(
    r"""^(?:\(\s*[\w .'’-]{2,30}\)\s+"""
    r"""|[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,30}(?:,\s*[\w .'’/,-]{1,40}?)?\s*(?:\([^()]{1,40}\))?\s*[-–—]+\s+)""",
    re.UNICODE,
)
_PAREN = re.compile(r"\s*\(([^()]{1,80})\)")
_SAYS = re.compile(r"\b" + _SAY + r"\b", re.UNICODE | re.IGNORECASE)


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in _WORD.findall(text)]


def _has_negation(text: str) -> bool:
    return any(t in _NEGATION for t in tokens(text)) or "n't" in text.lower() or "n’t" in text.lower()


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :] if ch.islower() else text
        if ch.isdigit():
            return text
    return text


def compress(text: str, *, drop_attribution: bool = True) -> str:
    """A shorter sentence that keeps the meaning of ``text``, or ``text`` itself.

    Drops a leading dateline, a trailing attribution clause (", the ministry
    said"; not with ``drop_attribution=False``, e.g. for a disputed claim) and
    parenthetical asides that hold no figure; never a part with a negation, and
    never so much that fewer than five words remain.  The result is always a
    faithful compression: its words are the original's, in order.
    """
    out = strip_update_marker(text.strip())
    m = _SECTION_LABEL.match(out)
    if m and len(tokens(out[m.end() :])) >= 5:
        out = out[m.end() :]
    m = _GLUED_HEADLINE.match(out)
    if m and len(m.group(0).split()) <= 16 and not _has_negation(m.group(0)) and len(tokens(out[m.end() :])) >= 8:
        out = _capitalise(out[m.end() :])
    m = _DATELINE.match(out)
    if m and not _has_negation(m.group(0)) and len(tokens(out[m.end() :])) >= 5:
        out = _capitalise(out[m.end() :])
    m = _TRAILING_ATTRIBUTION.search(out) if drop_attribution else None
    if m and m.start() > 0:
        head = out[: m.start()]
        attr = m.group("attr")
        quote = re.sub(r"[,\s]", "", m.group("closer"))
        if (
            not _has_negation(attr)
            and not _BARE_SAY.fullmatch(attr.strip())
            and len(tokens(head)) >= 6
            and not (
                any(q in head for q in '"“”«»')  # a quotation keeps its speaker
                and not _SAYS.search(head)
            )  # ... unless the sentence names one itself
            and head.count('"') % 2 == (1 if quote == '"' else 0)
        ):
            # a sentence reported as said is stated as the report's own:
            # keep it only where the head is a full clause (it has a verb-like length)
            out = head.rstrip(" ,;:") + "." + quote

    def _drop_paren(pm: re.Match[str]) -> str:
        inner = pm.group(1)
        if any(ch.isdigit() for ch in inner) or _has_negation(inner):
            return pm.group(0)
        return ""

    shorter = _PAREN.sub(_drop_paren, out)
    shorter = _drop_dash_asides(shorter)
    if len(tokens(shorter)) >= 5:
        out = shorter
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)
    return out if is_faithful_compression(out, text) else text.strip()


def _drop_dash_asides(text: str) -> str:
    """``text`` without the asides set between two dashes inside it (see :data:`_DASH_ASIDE`), where at
    least eight words are left and the aside is not the sentence's end."""

    def drop(m: re.Match[str]) -> str:
        inner = m.group("inner")
        if _has_negation(inner) or len(inner.split()) > 25:
            return m.group(0)
        return ""

    out = _DASH_ASIDE.sub(drop, text)
    out = re.sub(r"\s{2,}", " ", out)
    return out if len(tokens(out)) >= 8 else text


def is_faithful_compression(short: str, long: str) -> bool:
    """True if ``short``'s words occur in ``long`` in the same order (a subsequence)
    and no negation of ``long`` was dropped."""
    s, lt = tokens(short), tokens(long)
    if not s:
        return False
    it = iter(lt)
    if not all(tok in it for tok in s):
        return False
    neg_long = sum(1 for t in lt if t in _NEGATION) + long.lower().count("n't") + long.lower().count("n’t")
    neg_short = sum(1 for t in s if t in _NEGATION) + short.lower().count("n't") + short.lower().count("n’t")
    return neg_short == neg_long
