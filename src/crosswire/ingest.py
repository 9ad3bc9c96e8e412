"""Reading inputs: files, directories, saved HTML pages, JSON/JSONL records.

``read_paths`` never raises for a bad input: each problem becomes a one-line
:class:`ReadError` naming the input, and the other inputs are still read.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Iterable, Iterator

from .clean import clean_html, clean_text
from .model import Article, ReadError, ReadResult

__all__ = ["read_paths", "read_file", "decode_bytes", "MAX_BYTES"]

MAX_BYTES = 64 * 1024 * 1024
_TEXT_EXT = {".txt", ".text", ".md", ""}
_HTML_EXT = {".html", ".htm", ".xhtml"}
_JSON_EXT = {".json", ".jsonl", ".ndjson"}


class InputError(Exception):
    """A problem with one input; the message is shown to the user after the file name."""


def decode_bytes(data: bytes) -> str:
    """Decode bytes in whatever encoding they are in and repair mojibake."""
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError("binary file, not text") from None
        text = str(best)
    import ftfy

    return ftfy.fix_text(text, normalization="NFC")


def _stable_id(*parts: str | None) -> str:
    h = hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()
    return h[:16]


def _iter_files(paths: Iterable[str | os.PathLike[str]], errors: list[ReadError]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if not path.exists():
            errors.append(ReadError(str(p), "no such file or directory"))
        elif path.is_dir():
            for f in sorted(x for x in path.rglob("*") if x.is_file() and not x.name.startswith(".")):
                yield f
        else:
            yield path


def _looks_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head or "<div" in head)


def _record(rec: dict, source: str, n: int) -> Article:
    if not isinstance(rec, dict):
        raise InputError(f"record {n} is not an object")
    url = rec.get("url")
    rid = str(rec.get("id") or _stable_id(url, rec.get("text") or rec.get("html")))
    html = rec.get("html")
    text = rec.get("text") or rec.get("body") or rec.get("content")
    if html and not text:
        art = clean_html(str(html), id=rid, url=url, path=source)
    elif text:
        art = clean_text(str(text), id=rid, url=url, path=source, title=rec.get("title"),
                         outlet=rec.get("outlet"), published=rec.get("date") or rec.get("published"))
    else:
        raise InputError(f"record {n} has no text or html field")
    if rec.get("title"):
        art.title = rec["title"]
    if rec.get("outlet"):
        art.outlet = rec["outlet"]
    return art


def read_file(path: str | os.PathLike[str]) -> list[Article]:
    """Read one file into articles; raises :class:`InputError` with a one-line reason."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as e:
        raise InputError(e.strerror or "cannot read") from None
    if size > MAX_BYTES:
        raise InputError(f"too large ({size / 1e6:.0f} MB, limit {MAX_BYTES / 1e6:.0f} MB)")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(e.strerror or "cannot read") from None
    text = decode_bytes(data)
    ext = p.suffix.lower()
    if ext in _JSON_EXT:
        out = []
        if ext == ".json" and text.lstrip().startswith(("[", "{")):
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as e:
                raise InputError(f"invalid JSON at line {e.lineno}") from None
            recs = obj if isinstance(obj, list) else [obj]
        else:
            recs = []
            for i, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    try:
                        recs.append(json.loads(line))
                    except json.JSONDecodeError:
                        raise InputError(f"invalid JSON on line {i}") from None
        for n, rec in enumerate(recs, 1):
            out.append(_record(rec, str(p), n))
        return out
    if ext in _HTML_EXT or _looks_html(text):
        art = clean_html(text, id=p.stem, path=str(p))
    else:
        art = clean_text(text, id=p.stem, path=str(p))
    if not art.text.strip():
        raise InputError("no article text found")
    return [art]


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> ReadResult:
    """Read every input; bad ones become errors, the rest are still read."""
    result = ReadResult()
    for f in _iter_files(paths, result.errors):
        try:
            result.articles.extend(read_file(f))
        except InputError as e:
            result.errors.append(ReadError(str(f), str(e)))
    return result
