"""Reading inputs: text files, saved HTML pages, JSON/JSONL records, RSS/Atom feeds, directories.

``read_paths`` never raises for a bad input: each problem becomes a one-line
:class:`ReadError` naming the input, and the other inputs are still read.
Directories are read recursively in sorted order; hidden files are skipped.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import os
import re
import stat
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from crosswire.model import Article, ReadError, ReadResult
from crosswire.read.clean import TextTooLong, clean_text
from crosswire.read.html import clean_html
from crosswire.read.meta import normalize_date
from crosswire.read.rules import nwords

# fmt: off
__all__ = ["read_paths", "read_file", "read_record", "decode_bytes", "unique_ids", "InputError", "MAX_BYTES",
           "MAX_STREAM_BYTES"]
# fmt: on

MAX_BYTES = 10 * 1024 * 1024  # one page or text: more than this is not a news article
MAX_STREAM_BYTES = 512 * 1024 * 1024  # JSONL streams are read record by record
MAX_JSON_BYTES = 128 * 1024 * 1024  # a JSON array of records is parsed whole, so held in memory
MAX_FEED_BYTES = 64 * 1024 * 1024  # a feed is parsed whole too; each entry is then one article
MAX_FEED_ELEMENTS = 500_000  # a feed of a thousand entries has some 50,000; parsing costs ~60 µs each
MAX_RECORD_ERRORS = 20  # bad records of one file named one by one; past this, counted in one line
_MIN_WORDS = 5  # fewer words than this is a menu or a label, not a report
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_JSON_EXT = {".json"}
_JSONL_EXT = {".jsonl", ".ndjson"}
_FEED_EXT = {".rss", ".atom", ".xml", ".rdf"}
# fmt: off
_BINARY_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"BZh", b"\xfd7zXZ",
    b"Rar!", b"7z\xbc\xaf", b"OggS", b"ID3", b"RIFF", b"\x00\x00\x01\x00", b"SQLite format",
)
# fmt: on


class InputError(Exception):
    """A problem with one input; the message is shown to the user after the file name."""


# --- bytes to text ----------------------------------------------------------------------------

_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:\-]+)|"""
    rb"""encoding\s*=\s*["']([\w.:\-]+)["']""",
    re.I,
)


def _utf16_order(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 text saved without a byte-order mark, else None.

    Text in a Latin, Greek or Cyrillic script has a zero (or one same) high byte in
    nearly every code unit, so one byte position of each pair is mostly zeros and the
    other almost never is.
    """
    head = data[:4096]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.4 and zeros_even < 0.02:
        return "utf-16-le"
    if zeros_even > 0.4 and zeros_odd < 0.02:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(_BINARY_MAGIC):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_order(data):  # UTF-16 is text
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(8, len(head) // 50)


def decode_bytes(data: bytes) -> str:
    """Decode bytes in whatever encoding they are in, and repair mojibake.

    UTF-8 first; then an encoding the document declares; then charset detection,
    preferring Windows-1252 over Latin-1 (their bytes differ only in 0x80-0x9F,
    where Latin-1 has invisible control codes and cp1252 has quotes and dashes).
    """
    if not data.strip():
        raise InputError("empty file")
    if _looks_binary(data):
        raise InputError("binary file, not text")
    text: str | None = None
    utf16 = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_order(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise InputError("undecodable UTF-16 text") from None
    if text is None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
    if text is None:
        m = _DECLARED.search(data[:4096])
        declared = (m.group(1) or m.group(2)).decode("ascii", "ignore").lower() if m else None
        if declared in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}:
            declared = "cp1252"  # what browsers do, and what such pages really are
        if declared and declared not in {"utf-8", "utf8"}:
            try:
                text = data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                text = None
    if text is None:
        from charset_normalizer import from_bytes

        matches = list(from_bytes(data[:200_000]))
        enc = _pick_single_byte(data, [(m.encoding, m.chaos, m.coherence) for m in matches])
        try:
            enc = codecs.lookup(enc).name
        except LookupError:
            enc = "cp1252"
        if enc in {"iso8859-1", "ascii", "iso8859-15"}:
            enc = "cp1252"
        for candidate in (enc, "cp1252", "latin-1"):
            try:
                text = data.decode(candidate)
                break
            except (LookupError, UnicodeDecodeError):
                continue
        assert text is not None  # latin-1 decodes any bytes
    if text.count("\ufffd") > max(20, len(text) // 20) or _looks_garbled(text):
        raise InputError("binary file, not text")
    import ftfy

    # keep typographic quotes and dashes as written; only repair mojibake
    return ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=False, normalization="NFC")


_SIGNS = frozenset("‘’‚“”„–—…•€£°«»·©®§±")
# code pages of languages other than the West European ones, whose guess is believed over cp1252
_OTHER_SCRIPTS = re.compile(
    r"cp125[013-8]|cp874|iso8859_(2|4|5|6|7|8|9|11|13)|koi8|mac_(cyrillic|greek)|utf|"
    r"big5|gb|euc|shift_jis|cp932|cp949|cp950|hz|iso2022|johab",
    re.I,
)


def _plausible(data: bytes, encoding: str) -> bool:
    """Whether every non-ASCII byte reads in ``encoding`` as a letter or a sign prose uses.

    Polish in cp1250 fails as cp1252 (``ł`` would be ``³``); random bytes fail in any code page.
    """
    try:
        text = data[:200_000].decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return False
    return all(c.isalpha() or c in _SIGNS for c in text if ord(c) > 127)


def _west_european(data: bytes) -> bool:
    """Plausible as cp1252, with accented letters a minority (Cyrillic or Greek code pages give mostly
    letters above 127 too, but then nearly every letter is one)."""
    if not _plausible(data, "cp1252"):
        return False
    text = data[:200_000].decode("cp1252")
    letters = sum(1 for c in text if c.isalpha())
    return sum(1 for c in text if ord(c) > 127 and c.isalpha()) <= 0.3 * letters


def _pick_single_byte(data: bytes, guesses: list[tuple[str, float, float]]) -> str:
    """The code page to read ``data`` in, from charset detection's ``(encoding, chaos, coherence)`` guesses.

    Windows-1252 is by far the commonest, and detection is unsure on a short text: it wins
    whenever it reads as West European prose, unless a guess in another script's code page
    is clearly more coherent.  A cp1252 guess that gives symbols for letters yields to one that
    reads cleanly.
    """
    if not guesses:
        return "cp1252"
    best, chaos, coherence = guesses[0]
    if best == "cp1252":
        if _plausible(data, "cp1252"):
            return best
        for enc, c, _ in guesses[1:]:
            if c <= chaos + 0.01 and _plausible(data, enc):
                return enc
        return best
    cp = next((g for g in guesses if g[0] == "cp1252"), None)
    if cp is not None and cp[1] <= chaos + 0.01 and cp[2] >= coherence - 0.01 and _plausible(data, "cp1252"):
        return "cp1252"  # equally good guesses: the likeliest
    if _west_european(data) and (not _OTHER_SCRIPTS.match(best) or (cp is not None and cp[2] >= coherence - 0.01)):
        return "cp1252"
    return best


def _looks_garbled(text: str) -> bool:
    """Whether decoded text is strewn with symbols: binary data that had no tell-tale control bytes.

    Counts characters beyond ASCII that are neither letters, digits, marks, punctuation
    nor spaces (``¤ ¦ ¨ ¬ ¯ ± ² ³ ¼ ×`` and the like): random bytes read in a single-byte
    code page give one in ten; prose, in any script, and markup almost none (ASCII
    ``< = >`` and emoji are not counted).
    """
    sample = text[:20_000]
    if len(sample) < 200:
        return False
    odd = sum(
        1
        for c in sample
        if 127 < ord(c) < 0x2500 and (unicodedata.category(c)[0] in "SC" or unicodedata.category(c) == "No")
    )
    return odd > 0.05 * len(sample)


# --- records ---------------------------------------------------------------------------------


def _stable_id(*parts: str | None) -> str:
    h = hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()
    return h[:16]


def _str(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, (list, tuple)):
        v = " ".join(str(x) for x in v if x)
    s = str(v).strip()
    return s or None


def _record(rec: Any, source: str, n: int) -> Article:
    """One JSON record ``{id, text | html, title, date, outlet, url}`` as an article."""
    if isinstance(rec, InputError):  # a record that could not even be parsed
        raise rec
    if not isinstance(rec, dict):
        raise InputError(f"record {n} is not an object")
    url = _str(rec.get("url") or rec.get("link"))
    text = _str(rec.get("text") or rec.get("body") or rec.get("content") or rec.get("articleBody"))
    html = _str(rec.get("html"))
    rid = _str(rec.get("id")) or _stable_id(url, text or html)
    title = _str(rec.get("title"))
    outlet = _str(rec.get("outlet") or rec.get("source") or rec.get("site"))
    date = normalize_date(rec.get("date") or rec.get("published"))
    if text:
        art = clean_text(text, id=rid, url=url, path=source, title=title, outlet=outlet, published=date)
    elif html:
        art = clean_html(html, id=rid, url=url, path=source, title=title, outlet=outlet, published=date)
    else:
        raise InputError(f"record {n} has no text or html field")
    if not art.text.strip():
        raise InputError(f"record {n} has no article text")
    return art


def read_record(rec: Any, source: str = "", n: int = 1) -> Article:
    """One JSON record (a dict: ``id``, ``text`` or ``html``, ``title``, ``date``, ``outlet``, ``url``) as
    a cleaned article, as a JSONL line is read; raises :class:`InputError` (or ``TextTooLong``) with a
    one-line reason.  For engines that read records themselves (Parquet rows, a Spark text split)."""
    return _record(rec, source, n)


Sink = list[ReadError] | None


def _records(recs: Iterable[tuple[int, Any]], source: str, sink: Sink, unit: str = "record") -> list[Article]:
    """Records to articles; a bad record goes to ``sink`` (when given) and the others are kept.

    ``unit`` names what ``n`` counts in messages: ``"record"`` in a JSON array, ``"line"`` in JSONL.
    """
    out = []
    for n, rec in recs:
        try:
            out.append(_record(rec, source, n))
        except Exception as e:  # noqa: BLE001 - one bad record (too deep, too long, a reader's defect) is one error
            reason = _reason(e).removeprefix(f"record {n} ")
            if sink is None:
                raise InputError(f"{unit} {n} {reason}") from None
            sink.append(ReadError(f"{source} ({unit} {n})", reason))
    return out


def _reason(e: BaseException) -> str:
    """One line saying why a record or file could not be read."""
    if isinstance(e, (InputError, TextTooLong)):
        return str(e)
    if isinstance(e, RecursionError):
        return "nested too deeply to be an article"
    if isinstance(e, MemoryError):
        return "too large to read"
    msg = " ".join(str(e).split())[:120] or type(e).__name__
    return f"could not read ({type(e).__name__}: {msg})"


class _Capped(list):
    """A sink of read errors that names the first ``MAX_RECORD_ERRORS`` of one file and counts the rest."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source, self.more = source, 0

    def append(self, e: ReadError) -> None:
        if len(self) < MAX_RECORD_ERRORS:
            super().append(e)
        else:
            self.more += 1

    def close(self) -> list[ReadError]:
        extra = [ReadError(self.source, f"{self.more} more bad record{'s' if self.more != 1 else ''} not listed")]
        return list(self) + (extra if self.more else [])


def _read_json(text: str, source: str, sink: Sink = None) -> list[Article]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        if "\n" in text.strip():
            return _read_jsonl(io.StringIO(text), source, sink)
        raise InputError(f"invalid JSON at line {e.lineno}: {e.msg}") from None
    except RecursionError:  # one record nested too deeply: the others are still read
        body = text.lstrip()
        if body.startswith("["):
            return _records(_array_items(body), source, sink)
        if "\n" in body.rstrip():
            return _read_jsonl(io.StringIO(text), source, sink)
        raise InputError("JSON nested too deeply to be articles") from None
    if isinstance(obj, dict) and isinstance(obj.get("articles"), list):
        obj = obj["articles"]
    recs = obj if isinstance(obj, list) else [obj]
    return _records(enumerate(recs, 1), source, sink)


_JSON_TOKEN = re.compile(r'"(?:[^"\\]+|\\.)*"|[\[\]{},]', re.S)


def _array_items(text: str) -> Iterator[tuple[int, Any]]:
    """The items of a JSON array parsed one by one, for an array ``json`` cannot parse whole.

    The items are delimited by a scan of the brackets outside strings (linear, no parsing);
    an item that cannot be parsed comes as an :class:`InputError` in its place.
    """
    depth, start, n = 0, 1, 0
    for m in _JSON_TOKEN.finditer(text):
        tok = m.group()
        if tok in "[{":
            depth += 1
        elif tok in "]}":
            depth -= 1
        if depth == 1 and tok == "," or depth == 0 and tok == "]":
            item = text[start : m.start()].strip()
            start = m.end()
            if item:
                n += 1
                try:
                    yield n, json.loads(item)
                except RecursionError:
                    yield n, InputError(f"record {n} nested too deeply to be an article")
                except json.JSONDecodeError as e:
                    yield n, InputError(f"record {n} invalid JSON: {e.msg}")
            if depth == 0:
                return


def _read_jsonl(lines: Iterable[str], source: str, sink: Sink = None) -> list[Article]:
    def parsed() -> Iterator[tuple[int, Any]]:
        for i, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                yield i, json.loads(line)
            except (json.JSONDecodeError, RecursionError) as e:
                why = f"invalid JSON: {e.msg}" if isinstance(e, json.JSONDecodeError) else _reason(e)
                if sink is None and isinstance(e, json.JSONDecodeError):
                    raise InputError(f"invalid JSON on line {i}: {e.msg}") from None
                if sink is None:
                    raise InputError(f"line {i} {why}") from None
                sink.append(ReadError(f"{source} (line {i})", why))

    return _records(parsed(), source, sink, unit="line")


# --- feeds -----------------------------------------------------------------------------------


def _looks_feed(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    # an XML declaration, comments, processing instructions (a stylesheet) and a DOCTYPE (RSS 0.91's
    # Netscape one) may come before the root element
    return bool(
        re.match(
            r"(<\?xml[^>]*>\s*)?((<!--.*?-->|<\?[^>]*\?>|<!doctype\s[^>\[]*(\[[^\]]*\])?\s*>)\s*)*"
            r"<(rss|feed|rdf:rdf)\b",
            head,
            re.S,
        )
    )


def _read_feed(data: bytes, source: str, sink: Sink = None) -> list[Article]:
    """Every entry of an RSS/Atom feed file as an article (never fetches anything).

    A bad entry (too long, no text) goes to ``sink`` when given, naming it, and the others are read.
    """
    import feedparser

    elements = data.count(b"<")  # cheap, before the parse: markup beyond any feed takes minutes
    if elements > MAX_FEED_ELEMENTS:
        raise InputError(f"too many elements to be a feed ({elements:,}; limit {MAX_FEED_ELEMENTS:,})")
    feed = feedparser.parse(io.BytesIO(data))
    if not feed.entries:
        if feed.get("bozo"):
            raise InputError(f"unreadable feed ({type(feed.get('bozo_exception')).__name__})")
        raise InputError("feed has no entries")
    outlet = _str(feed.feed.get("title"))
    out = []
    for n, e in enumerate(feed.entries, 1):
        try:
            art = _entry(e, n, source, outlet)
        except Exception as x:  # noqa: BLE001 - one bad entry is one error, not a lost feed
            if sink is None:
                raise InputError(f"entry {n}: {_reason(x)}") from None
            sink.append(ReadError(f"{source} (entry {n})", _reason(x)))
            continue
        if art is not None:
            out.append(art)
    if not out:
        raise InputError("feed entries have no text")
    return out


def _entry(e: Any, n: int, source: str, outlet: str | None) -> Article | None:
    """One feed entry as an article (None when it has no text)."""
    body = ""
    if e.get("content"):
        body = max((c.get("value", "") for c in e.content), key=len)
    body = body or e.get("summary", "") or e.get("description", "")
    if len(body) > MAX_BYTES:  # cheap: before any extraction
        raise InputError(f"too large to be one article ({len(body) / 1e6:.1f} MB; limit {MAX_BYTES / 1e6:.0f} MB)")
    url = _str(e.get("link"))
    rid = _str(e.get("id")) or url or _stable_id(e.get("title"), body)
    rid = rid if re.fullmatch(r"[\w.\-]{1,80}", rid) else _stable_id(rid)
    parsed = e.get("published_parsed") or e.get("updated_parsed")
    date = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None
    title = _str(e.get("title"))
    if "<" in body and re.search(r"<(p|br|div|a|span|img|strong|em)\b", body, re.I):
        art = clean_html(
            f"<html><body><article>{body}</article></body></html>",
            id=rid,
            url=url,
            path=source,
            title=title,
            outlet=outlet,
            published=date,
        )
    else:
        art = clean_text(body, id=rid, url=url, path=source, title=title, outlet=outlet, published=date)
    return art if art.text.strip() else None


# --- files -----------------------------------------------------------------------------------


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError as e:
        raise InputError(e.strerror or "cannot read") from None


def _read_bytes(p: Path, limit: int, what: str = "to be one article") -> bytes:
    size = _size(p)
    if size > limit:
        raise InputError(f"too large {what} ({size / 1e6:.1f} MB; limit {limit / 1e6:.0f} MB)")
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as e:
        raise InputError(e.strerror or "cannot read") from None
    if data[:2] == b"\x1f\x8b":  # gzip'd page or text
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as g:
                data = g.read(limit + 1)
        except (OSError, EOFError, zlib.error):
            raise InputError("corrupt gzip file") from None
        if len(data) > limit:
            raise InputError(f"too large {what} (over {limit / 1e6:.0f} MB unpacked)")
    return data


def _kind(p: Path) -> str:
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _id_of(p: Path) -> str:
    name = p.name
    for _ in range(2):
        stem, ext = os.path.splitext(name)
        if ext.lower() in {".gz", ".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml"} | _FEED_EXT:
            name = stem
    return name


# UTF-8 read as cp1252/Latin-1: a lead byte (Â..ô) followed by what a continuation byte reads as
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _fix_text(text: str) -> str:
    """Mojibake repaired as :func:`decode_bytes` does, for one line of a stream.

    ftfy costs about a millisecond a line, so it runs only on a line that can need it: beyond
    ASCII and with a mojibake pair, an HTML entity or text not in NFC.
    """
    if text.isascii() or ("&" not in text and not _MOJIBAKE.search(text) and unicodedata.is_normalized("NFC", text)):
        return text
    import ftfy

    return ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=False, normalization="NFC")


def _jsonl_lines(fh: Any, source: str, sink: Sink) -> Iterator[str]:
    """The lines of a JSONL byte stream as text, one record at a time (never the whole file in memory).

    A line longer than ``MAX_BYTES`` is skipped (its bytes read and dropped) with one error
    naming it; ``""`` stands in its place so that the next lines keep their numbers.  A line
    that is not UTF-8 is decoded as :func:`decode_bytes` would.  The stream stops, with an
    error, past ``MAX_STREAM_BYTES``.
    """
    total, n = 0, 0

    def stop(why: str) -> None:
        """The stream cannot go on: what was read is kept, and the rest is one error."""
        if sink is None:
            raise InputError(why)
        sink.append(ReadError(source, why))

    while True:
        try:
            raw = fh.readline(MAX_BYTES + 1)
        except (OSError, EOFError, zlib.error):
            return stop(f"corrupt gzip file (after line {n})" if n else "corrupt gzip file")
        if not raw:
            return
        n += 1
        total += len(raw)
        if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
            try:
                while raw and not raw.endswith(b"\n") and total <= MAX_STREAM_BYTES:  # the rest, dropped
                    raw = fh.readline(1 << 20)
                    total += len(raw)
            except (OSError, EOFError, zlib.error):
                return stop(f"corrupt gzip file (after line {n})")
            why = f"too large to be one article (over {MAX_BYTES / 1e6:.0f} MB)"
            if sink is None:
                raise InputError(f"line {n} {why}")
            sink.append(ReadError(f"{source} (line {n})", why))
            yield ""
        else:
            try:
                text = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                try:
                    text = decode_bytes(raw) if raw.strip() else ""
                except InputError as e:
                    if sink is None:
                        raise InputError(f"line {n}: {e}") from None
                    sink.append(ReadError(f"{source} (line {n})", str(e)))
                    text = ""
            yield _fix_text(text)
        if total > MAX_STREAM_BYTES:
            return stop(f"too large: stopped after {MAX_STREAM_BYTES / 1e6:.0f} MB (line {n}); split the file")


def _read_jsonl_stream(p: Path, sink: Sink) -> list[Article]:
    """A JSONL file (gzip'd or not) read line by line; bad lines go to ``sink``, the others are read."""
    try:
        with open(p, "rb") as raw:
            head = raw.read(4096)
            raw.seek(0)
            fh: Any = gzip.GzipFile(fileobj=raw) if head[:2] == b"\x1f\x8b" else raw
            if fh is raw:
                if not head.strip():
                    raise InputError("empty file")
                if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_order(head):  # no byte is a line end
                    return _read_jsonl(io.StringIO(decode_bytes(_read_bytes(p, MAX_BYTES))), str(p), sink)
                if _looks_binary(head):
                    raise InputError("binary file, not text")
            return _read_jsonl(_jsonl_lines(fh, str(p), sink), str(p), sink)
    except OSError as e:
        raise InputError(e.strerror or "cannot read") from None


def read_file(path: str | os.PathLike[str]) -> list[Article]:
    """Read one file into articles; raises :class:`InputError` with a one-line reason."""
    return _read_file(Path(path), None)


def _read_file(p: Path, sink: Sink) -> list[Article]:
    """Read one file; with a ``sink``, bad records of a JSON/JSONL file go there and the rest is kept."""
    ext = _kind(p)
    if ext in _JSONL_EXT:  # record by record, gzip'd or not: the limits are per line
        size = _size(p)
        if size > MAX_STREAM_BYTES:
            raise InputError(f"too large ({size / 1e6:.0f} MB; limit {MAX_STREAM_BYTES / 1e6:.0f} MB)")
        return _read_jsonl_stream(p, sink)
    if ext in _JSON_EXT:  # records, not one article: a larger limit, and a way round it
        data = _read_bytes(p, MAX_JSON_BYTES, "for a JSON file (write the records as JSONL instead)")
    elif ext in _FEED_EXT:  # entries, each one article: the limit is per entry
        data = _read_bytes(p, MAX_FEED_BYTES, "for a feed")
    else:
        data = _read_bytes(p, MAX_BYTES)
    text = decode_bytes(data)
    source = str(p)
    if ext in _JSON_EXT:
        return _read_json(text, source, sink)
    if ext in _FEED_EXT or (ext not in _HTML_EXT and _looks_feed(text)):
        if _looks_feed(text):
            return _read_feed(data, source, sink)
        if ext != ".xml":
            raise InputError("not an RSS or Atom feed")
    if ext in _FEED_EXT and len(data) > MAX_BYTES:
        raise InputError(f"too large to be one article ({len(data) / 1e6:.1f} MB; limit {MAX_BYTES / 1e6:.0f} MB)")
    if ext in _HTML_EXT or _looks_html(text):
        art = clean_html(text, id=_id_of(p), path=source)
    else:
        art = clean_text(text, id=_id_of(p), path=source)
    if nwords(art.text) < _MIN_WORDS:
        raise InputError("no article text found")
    return [art]


def _looks_html(text: str) -> bool:
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(re.findall(r"<(?:p|div|body|head|br|span|a|script|article)\b[^>]*>", head)) >= 3


def _special(p: Path) -> bool:
    """Whether ``p`` is a pipe, socket or device (a file in a directory that must not be opened)."""
    try:
        mode = p.stat().st_mode
    except OSError:
        return False  # a broken link: reading it says what is wrong
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _iter_files(paths: Iterable[str | os.PathLike[str]], errors: list[ReadError]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        try:
            if not path.exists():
                errors.append(ReadError(str(p), "no such file or directory"))
            elif path.is_dir():
                files: list[Path] = []

                def unreadable(e: OSError, top: Path = path) -> None:  # a directory that cannot be listed is named
                    errors.append(ReadError(str(e.filename or top), f"cannot read directory ({e.strerror or e})"))

                for root, dirs, names in os.walk(path, onerror=unreadable):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    files.extend(Path(root) / n for n in names if not n.startswith("."))
                for f in sorted(files):
                    if _special(f):  # reading a pipe nobody writes to would wait forever
                        errors.append(ReadError(str(f), "not a regular file (a pipe, socket or device); skipped"))
                    else:
                        yield f
            else:
                yield path
        except OSError as e:
            errors.append(ReadError(str(p), e.strerror or "cannot read"))


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> ReadResult:
    """Read every input; bad ones become one-line errors, the rest are still read."""
    result = ReadResult()
    for f in _iter_files(paths, result.errors):
        found = _Capped(str(f))
        try:
            result.articles.extend(_read_file(f, found))
        except Exception as e:  # noqa: BLE001
            # a defect in a reader must not stop the others; say what happened in one line
            found.append(ReadError(str(f), _reason(e)))
        result.errors.extend(found.close())
    result.warnings.extend(unique_ids(result.articles))
    return result


def unique_ids(articles: list[Article]) -> list[ReadError]:
    """Give every article its own id: a repeated id becomes ``id#2``, ``id#3``... (in place).

    Two records with one id would otherwise merge into one report (one source, one entry in
    Sources); each renamed record gets a warning naming both ids and where it came from.
    """
    seen: set[str] = {a.id for a in articles}
    count: dict[str, int] = {}
    warnings: list[ReadError] = []
    for a in articles:
        n = count.get(a.id, 0) + 1
        count[a.id] = n
        if n == 1:
            continue
        new, k = f"{a.id}#{n}", n
        while new in seen:
            k += 1
            new = f"{a.id}#{k}"
        seen.add(new)
        warnings.append(ReadError(a.path or a.id, f"duplicate id {a.id!r}: this record is read as {new!r}"))
        a.id = new
    return warnings
