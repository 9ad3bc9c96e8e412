"""Dependency parses of sentences, for the analysers that read syntax (what a figure counts,
who a quotation belongs to, which verb a date modifies).

spaCy's small pipelines for English and French are installed by the ``nlp`` extra
(:data:`crosswire.text.ner.MODELS` names them). :func:`parse` returns spaCy ``Doc`` s, or
``None`` for a language without a pipeline or when spaCy is missing, so every caller keeps a
path that works without it. The pipeline is loaded once per process, without its entity
recogniser (entities come from :mod:`crosswire.text.ner`), and parses are cached by text.
``CROSSWIRE_NO_PARSE=1`` switches parsing off.
"""

from __future__ import annotations

import contextvars
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from crosswire.text.ner import MODELS

__all__ = ["parse", "parser", "preload", "sentence_case", "without_parse"]

_CACHE_SIZE = 4096
_LOCK = threading.Lock()
_cache: OrderedDict[tuple[str, str], Any] = OrderedDict()
_OFF: contextvars.ContextVar[bool] = contextvars.ContextVar("crosswire_parse_off", default=False)


@contextmanager
def without_parse() -> Iterator[None]:
    """Within this block :func:`parse` answers None: the cheap paths (a brief without the facts
    stage, the fallback of a story past its time limit) read no syntax and load no parser."""
    token = _OFF.set(True)
    try:
        yield
    finally:
        _OFF.reset(token)


@lru_cache(maxsize=4)
def parser(language: str | None) -> Any:
    """The spaCy pipeline with a parser for ``language`` (ISO 639-1), or None."""
    if os.environ.get("CROSSWIRE_NO_PARSE") or not language:
        return None
    name = MODELS.get(language.split("-")[0].lower())
    if name is None:
        return None
    try:
        import spacy

        return spacy.load(name, exclude=["ner"])
    except Exception:  # spaCy or the pipeline missing or broken: callers fall back
        return None


def sentence_case(text: str) -> str:
    """An all-capitals headline in sentence case, so the parser reads its words as words.

    "FATHER OF FOUR KILLED IN ATTACK" -> "Father of four killed in attack"; the length and
    the character offsets stay the same. Other text is returned unchanged.
    """
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 8 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    low = text.lower()
    return low[:1].upper() + low[1:] if len(low) == len(text) else text


def parse(texts: list[str], language: str | None) -> list[Any] | None:
    """spaCy Docs of ``texts`` (sentences or short passages) in ``language``; None without a parser."""
    nlp = None if _OFF.get() else parser(language)
    if nlp is None:
        return None
    lang = str(language)
    out: list[Any] = [None] * len(texts)
    todo: list[int] = []
    with _LOCK:
        for k, t in enumerate(texts):
            doc = _cache.get((lang, t))
            if doc is None:
                todo.append(k)
            else:
                _cache.move_to_end((lang, t))
                out[k] = doc
    if todo:
        docs = list(nlp.pipe([sentence_case(texts[k]) for k in todo], batch_size=64))
        with _LOCK:
            for k, doc in zip(todo, docs, strict=True):
                out[k] = doc
                _cache[(lang, texts[k])] = doc
                while len(_cache) > _CACHE_SIZE:
                    _cache.popitem(last=False)
    return out


def preload(languages: set[str | None]) -> threading.Thread:
    """Start loading the parsers of ``languages`` in a background thread; returns the thread.

    Loading is mostly imports and reading weights: the facts stage overlaps it with the
    alignment, as it does the entity models' loading.
    """

    def run() -> None:
        for lang in sorted(x for x in languages if x):
            parser(lang)

    t = threading.Thread(target=run, name="crosswire-parse-load", daemon=True)
    t.start()
    return t

