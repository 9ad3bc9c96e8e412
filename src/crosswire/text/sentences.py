"""Sentence splitting for news text, with offsets so every sentence can be cited.

Sentence numbers count from 0 within an article's cleaned ``text`` (the
contract's ``sentence``).  Headings (crossheads) are their own sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache

from crosswire.model import Article, Sentence
from crosswire.text.months import MONTHS

__all__ = ["split_sentences", "article_sentences"]

# Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
# fmt: off
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "lt", "col", "maj", "capt", "cmdr",
    "sgt", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "cpl", "pvt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "v", "etc", "inc", "ltd", "co", "corp", "bros", "dept", "univ", "est", "approx",
    "fig", "vol", "al", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "ft", "mph", "km",
    "m", "mme", "mlle", "me", "p", "pp", "art", "op", "cf", "ca",
}
# fmt: on

# Nouns a German ordinal number often stands before ("3. Liga", "2. Weltkrieg", "5. Spieltag").
# fmt: off
_ORDINAL_NOUNS = {
    "liga", "bundesliga", "weltkrieg", "jahrhundert", "jahrtausend", "jahrestag", "geburtstag", "todestag",
    "platz", "rang", "runde", "spieltag", "etappe", "halbzeit", "minute", "klasse", "stock", "etage",
    "mal", "sitzung", "lesung", "wahlgang", "durchgang", "auflage", "amtszeit", "quartal", "halbjahr",
    "kalenderwoche", "staffel", "folge", "kapitel", "artikel", "absatz", "bezirk", "wahlkreis", "tag",
    "woche", "monat", "jahr", "legislaturperiode", "armee", "division", "brigade", "kompanie", "symphonie",
    "sinfonie", "parteitag", "kongress", "gipfel", "ausgabe", "versuch", "reihe",
}
# fmt: on
# Month names that are also everyday words in English or Romance languages are left out.
# fmt: off
_ENGLISH_MONTHS = {
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
# fmt: on
_ORDINAL_MONTHS = {m for m in MONTHS if len(m) > 2 and m not in {"may", "set", "out", "ago", "gen", "mar"}}

_END = re.compile(r"""([.!?…]+)(['"”’»)\]“‘]*)(\s+)""")  # German quotations close with “ ‘
# what may start a sentence: opening quotes or brackets, then a word; French spacing puts a
# (no-break) space after «
_NEXT_START = re.compile(r"""['"“‘„‚(\[]*(?:«[\s\u00a0\u202f]*)?['"“‘„‚(\[]*[\w\d¿¡]""")


def _is_ordinal(text: str, dot_pos: int, nxt: str) -> bool:
    """True if the '.' at dot_pos makes an ordinal number: "10. März", "am 16. März", "3. Liga"."""
    if not re.search(r"(?:^|[\s(\[])\d{1,3}$", text[:dot_pos]):
        return False
    m = re.match(r"[^\W\d_]+", nxt)
    if not m:
        return False
    word, after = m.group(0).lower(), nxt[m.end() :]
    if word in _ORDINAL_NOUNS:
        return True
    if word not in _ORDINAL_MONTHS or not re.search(r"(?:^|\s)\d{1,2}$", text[:dot_pos]):
        return False
    if word in _ENGLISH_MONTHS:  # "12. June brought ...": only with a year or a lower-case word after
        return re.match(r"\s*(?:(?:19|20)\d\d\b|[a-zäöüß]|[.,;:!?)])", after) is not None
    return True


def _is_abbrev(text: str, dot_pos: int) -> bool:
    """True if the '.' at dot_pos ends an abbreviation or an initial."""
    m = re.search(r"([\w.]+)$", text[:dot_pos])
    if not m:
        return False
    word = m.group(1)
    low = word.lower().rstrip(".")
    if low in _ABBREV:
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():  # an initial: "John F. Kennedy"
        return True
    if re.fullmatch(r"(?:[a-zA-Z]\.)+[a-zA-Z]", word):  # U.S, e.g
        return True
    return False


# a full stop glued to the next sentence ("for the past 160 days.Sally was handcuffed", "he says.For the
# Sopers"): after a lower-case word, a figure or a closing quotation mark, before a capitalised word
_GLUED = re.compile(
    r"""(?:(?<=[a-z][a-z])|(?<=\d)|(?<=[a-z]["”’)]))[.!?](?=[A-Z][a-z]+\b|[A-Z]{2,5}(?:/[A-Z]{2,5})+\s*$)"""
)  # (the second: the desk's initials closing a report, "... intelligence agencies.MAB/HGH")
_URLISH = re.compile(r"(?:/|@|www|https?:|\.(?:com|org|net|gov|edu|co|uk|de|fr|es|it)\b)", re.I)


# ... and one whose closing quotation mark follows the full stop ('starring in the play "9 to 5."The punishment')
_GLUED_QUOTE = re.compile(r"""(?<=[a-z0-9][.!?])["”](?=[A-Z][a-z]+\b)""")


def _glued(block: str) -> list[int]:
    """Ends of sentences glued to the next one without a space (the index after the full stop)."""
    out = [
        m.end()
        for m in _GLUED_QUOTE.finditer(block)
        if m.group() == "”" or block.count('"', 0, m.start()) % 2 == 1  # (a straight mark closes an open one)
    ]
    for m in _GLUED.finditer(block):
        left, right = block.rfind(" ", 0, m.start()) + 1, block.find(" ", m.end())
        token = block[left : right if right >= 0 else len(block)]  # the word the full stop stands in
        if _URLISH.search(token) and not block[m.end() :].strip().replace("/", "").isupper():
            continue  # "www.Example.Org" (not the desk's initials "agencies.MAB/HGH")
        if _is_abbrev(block, m.start()) or _is_ordinal(block, m.start(), block[m.end() :]):
            continue  # "St.Louis", "3.Oktober"
        out.append(m.end())
    return sorted(out)


@lru_cache(maxsize=4096)
def _split_block(block: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    glued = _glued(block)
    for m in _END.finditer(block):
        while glued and glued[0] <= m.start():
            spans.append((start, glued[0]))
            start = glued.pop(0)
        punct, closers, _space = m.group(1), m.group(2), m.group(3)
        end = m.start(3)
        nxt = block[m.end() :]
        if not nxt:
            break
        if punct == "." and not closers and _is_abbrev(block, m.start(1)):
            # an abbreviation, unless the next word clearly starts a sentence after "U.S."-like tokens
            continue
        if not _NEXT_START.match(nxt):
            continue
        if punct == "." and not closers and _is_ordinal(block, m.start(1), nxt):
            continue
        first = nxt.lstrip("'\"“‘„‚«([")[:1]
        if first.islower() and punct == ".":
            continue
        if punct.endswith(".") and re.search(r"\d\.$", block[: m.end(1)]) and first.isdigit():
            continue
        spans.append((start, end))
        start = m.end()
    for g in glued:
        if g > start:
            spans.append((start, g))
            start = g
    if start < len(block):
        end = len(block.rstrip())
        if end > start:
            spans.append((start, end))
    return tuple(spans)


def split_sentences(
    text: str, article_id: str = "", headings: frozenset[str] | set[str] = frozenset()
) -> list[Sentence]:
    """Split a cleaned text (paragraphs separated by blank lines) into numbered sentences."""
    out: list[Sentence] = []
    pos = 0
    for p_index, para in enumerate(text.split("\n\n")):
        offset = text.find(para, pos) if para else pos
        pos = offset + len(para)
        # single newlines inside a paragraph separate lines (headings, lists): treat as hard breaks
        line_pos = 0
        for line in para.split("\n"):
            l_off = offset + para.find(line, line_pos)
            line_pos = para.find(line, line_pos) + len(line)
            stripped = line.strip()
            if not stripped:
                continue
            lead = len(line) - len(line.lstrip())
            is_heading = stripped in headings
            spans = ((0, len(stripped)),) if is_heading else _split_block(stripped)
            for s, e in spans:
                sent = stripped[s:e].strip()
                if not sent:
                    continue
                a = l_off + lead + s + (len(stripped[s:e]) - len(stripped[s:e].lstrip()))
                out.append(Sentence(article_id, len(out), sent, a, a + len(sent), p_index, is_heading))
    return out


def article_sentences(article: Article) -> list[Sentence]:
    """The numbered sentences of an article: the ones citations refer to."""
    return split_sentences(article.text, article.id, frozenset(article.headings))
