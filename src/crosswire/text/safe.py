"""Text from hostile inputs made safe: for storing, for Markdown, for a terminal.

Every string that comes from an input (article text, titles, outlets, ids, file names)
passes :func:`clean_chars` when it is read, and one of the writers below when it is
written out:

* :func:`clean_chars` drops what no report contains: NUL and the other C0/C1 control
  codes (newline and tab kept, a carriage return becomes a newline), lone surrogates
  and non-characters; bidirectional *overrides* (U+202D, U+202E, which make ``SWEN XOF``
  display as ``FOX NEWS``) are removed, and embeddings and isolates are balanced within
  their line, so no text can reverse what is printed after it.
* :func:`md_inline` is the one Markdown escaper: one line of text that renders, in any
  CommonMark renderer, as exactly that text (no HTML, no link or image, no heading,
  quote, list, table or code from the text).  :func:`md_code` is an id in a code span,
  :func:`md_paragraphs` a text of several paragraphs.
* :func:`terminal` makes a name or message printable on a terminal: control, bidi
  and line-separating characters become visible escapes (``\\x1b``, ``\\u202e``), so
  a file name can neither send escape sequences nor forge a second line.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_chars", "md_inline", "md_code", "md_paragraphs", "terminal", "safe_href", "BIDI_CONTROLS"]

_LRE, _RLE, _PDF, _LRO, _RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
_LRI, _RLI, _FSI, _PDI = "\u2066", "\u2067", "\u2068", "\u2069"
BIDI_CONTROLS = frozenset(_LRE + _RLE + _PDF + _LRO + _RLO + _LRI + _RLI + _FSI + _PDI)
_EMBED, _ISOLATE, _OVERRIDE = frozenset(_LRE + _RLE), frozenset(_LRI + _RLI + _FSI), frozenset(_LRO + _RLO)

# C0 but tab and newline, DEL, C1; lone surrogates; the non-characters U+FFFE/U+FFFF
_DROP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NEEDS_WORK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _balance_line(line: str) -> str:
    """One line with overrides removed and embeddings/isolates closed where they are opened."""
    out: list[str] = []
    stack: list[str] = []  # open embeddings, isolates and (dropped) overrides, innermost last
    for c in line:
        if c not in BIDI_CONTROLS:
            out.append(c)
        elif c in _OVERRIDE:
            stack.append(c)  # dropped, but its PDF must be dropped with it
        elif c in _EMBED or c in _ISOLATE:
            stack.append(c)
            out.append(c)
        elif c == _PDF:
            if stack and stack[-1] not in _ISOLATE:
                if stack.pop() not in _OVERRIDE:
                    out.append(c)
        elif c == _PDI:
            if any(x in _ISOLATE for x in stack):
                while stack and stack[-1] not in _ISOLATE:
                    if stack.pop() not in _OVERRIDE:
                        out.append(_PDF)
                stack.pop()
                out.append(c)
    while stack:
        x = stack.pop()
        if x in _ISOLATE:
            out.append(_PDI)
        elif x in _EMBED:
            out.append(_PDF)
    return "".join(out)


def clean_chars(text: str) -> str:
    """``text`` without control codes, lone surrogates, bidi overrides or unbalanced bidi controls.

    Newlines and tabs are kept; ``\\r\\n`` and ``\\r`` become ``\\n``, and so do the Unicode
    line and paragraph separators.
    """
    if not text or not _NEEDS_WORK.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _DROP.sub("", text)
    if any(c in BIDI_CONTROLS for c in text):
        text = "\n".join(
            _balance_line(line) if any(c in BIDI_CONTROLS for c in line) else line for line in text.split("\n")
        )
    return text


# --- Markdown ------------------------------------------------------------------------------------

# every character that opens or closes inline structure in CommonMark or GFM: backslash first of
# all (an escaped backslash cannot escape what follows), HTML and autolinks (<), entities (&),
# links and images ([ ]), code (`), emphasis (* _), strikethrough (~), tables (|), headings (#)
# and quotes (>) wherever they are
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
# what opens a block when it starts a line: a list item (- + or 1. 1)), a setext underline (=)
_MD_LINE_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")


def md_inline(text: object) -> str:
    """One line of user text for Markdown: whitespace (newlines too) collapsed, structure escaped.

    Safe at the start of a line, inside a list item, a heading, emphasis or a table cell:
    it renders as the text itself, never as HTML, a link, an image or a new block.
    """
    s = " ".join(clean_chars(str(text)).split())
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return _MD_LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", s)


def md_code(text: object) -> str:
    """An id or file name as a Markdown code span: shown literally, on one line."""
    s = " ".join(clean_chars(str(text)).split()) or " "
    runs = re.findall(r"`+", s)
    fence = "`" * (max((len(r) for r in runs), default=0) + 1)
    pad = " " if s[0] in "` " or s[-1] in "` " else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def md_paragraphs(text: object) -> str:
    """A text of several paragraphs (one per line or blank-line block) as escaped Markdown paragraphs."""
    paras = [md_inline(p) for p in re.split(r"\n\s*\n|\n", clean_chars(str(text)))]
    return "\n\n".join(p for p in paras if p)


def safe_href(url: object) -> str | None:
    """``url`` when it is an http(s) address without spaces or controls, else None."""
    s = str(url or "").strip()
    if re.fullmatch(r"https?://[^\s<>\"'\\`\x00-\x1f\x7f]+", s, re.I):
        return s
    return None


# --- terminal ------------------------------------------------------------------------------------

_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u061c\u2060\u2061\u2062\u2063\u2064\ufeff") | BIDI_CONTROLS


def _visible(c: str) -> str:
    o = ord(c)
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def terminal(text: object) -> str:
    """``text`` printable as one line on a terminal: controls, bidi and line breaks shown as escapes."""
    s = str(text)
    return "".join(
        _visible(c)
        if (c in _INVISIBLE or unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") or c in "\ufffe\uffff")
        else c
        for c in s
    )
