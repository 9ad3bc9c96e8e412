"""Dependency parses of sentences, for the analysers that read syntax (what a figure counts,
who a quotation belongs to, which verb a date modifies).

spaCy's small pipelines for English and French are installed by the ``nlp`` extra
(:data:`crosswire.text.ner.MODELS` names them). :func:`parse` returns spaCy ``Doc`` s, or
``None`` for a language without a pipeline or when spaCy is missing, so every caller keeps a
path that works without it. The pipeline is loaded once per process, without its entity
recogniser (entities come from :mod:`crosswire.text.ner`), and parses are cached by text.
``CROSSWIRE_NO_PARSE=1`` switches parsing off.

Every analyser gets its pipeline here (:func:`pipeline`), so a process loads each language's
model once: a caller that needs other tokenisation (the speakers' quotation marks as tokens of
their own) or other components gets a view of the same loaded pipeline with its own tokenizer,
and the same weights.
"""

from __future__ import annotations

import contextvars
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from crosswire.text.ner import MODELS, import_spacy_without_cli, load_pipeline

__all__ = ["Pipeline", "parse", "parser", "pipeline", "preload", "sentence_case", "without_parse"]

_CACHE_SIZE = 4096
_LOCK = threading.Lock()
_LOADING = threading.Lock()  # one load per model, also when the preloading thread and a caller ask at once
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


class Pipeline:
    """A loaded spaCy pipeline as one caller uses it: with its own tokenizer (or the model's) and
    without some components; everything else, weights and vocabulary, is the shared one."""

    def __init__(self, nlp: Any, tokenizer: Any = None, disable: Sequence[str] = (), feeds: Sequence[str] = ()) -> None:
        self.nlp = nlp
        self.tokenizer = tokenizer if tokenizer is not None else nlp.tokenizer
        self.disable = tuple(d for d in disable if d in nlp.component_names)
        self.vocab = nlp.vocab
        # languages whose shared parse cache (:func:`parse`) takes this view's docs: a text parsed
        # here is not parsed again there when the model's tokenizer splits it the same way
        self.feeds = tuple(feeds) if not set(_shared_runs(nlp)) - set(self.pipe_names) else ()

    @property
    def pipe_names(self) -> list[str]:
        return [n for n in self.nlp.pipe_names if n not in self.disable]

    def make_doc(self, text: str) -> Any:
        return self.tokenizer(text)

    def pipe(self, texts: Iterable[Any], batch_size: int | None = None) -> Iterator[Any]:
        """Docs of ``texts`` (strings or Docs), as ``Language.pipe`` gives them."""
        docs = (self.tokenizer(t) if isinstance(t, str) else t for t in texts)
        out = self.nlp.pipe(docs, batch_size=batch_size, disable=list(self.disable))
        return self._feeding(out) if self.feeds else out

    def _feeding(self, docs: Iterator[Any]) -> Iterator[Any]:
        for doc in docs:
            text = doc.text
            if sentence_case(text) == text and _same_tokens(doc, self.nlp.tokenizer(text)):
                with _LOCK:
                    for lang in self.feeds:
                        if (lang, text) not in _cache:
                            _cache[(lang, text)] = doc
                    while len(_cache) > _CACHE_SIZE:
                        _cache.popitem(last=False)
            yield doc

    def __call__(self, text: str) -> Any:
        doc = self.tokenizer(text) if isinstance(text, str) else text
        for name, proc in self.nlp.pipeline:
            if name not in self.disable:
                doc = proc(doc)
        return doc


def _shared_runs(nlp: Any) -> list[str]:
    """The components :func:`parse` runs (all but the entity recogniser)."""
    return [n for n in nlp.pipe_names if n != "ner"]


def _same_tokens(a: Any, b: Any) -> bool:
    return len(a) == len(b) and all(x.idx == y.idx and len(x) == len(y) for x, y in zip(a, b, strict=True))


# Titles written abbreviated before a name that a model's tokenizer splits from their full stop, so that the parser
# ends the sentence there ("…,” Cpl. Jesse Roe told reporters." read as two sentences): kept one token, by language
# fmt: off
TITLE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "en": ("Sgt.", "Cpl.", "Det.", "Supt.", "Insp.", "Capt.", "Cmdr.", "Cdr.", "Maj.", "Pvt.", "Col.", "Lt.",
           "Spc.", "Sr.", "Atty.", "Amb.", "Brig.", "Msgr.", "Tpr.", "Cmdt.", "Ofc."),
}
# fmt: on


@lru_cache(maxsize=8)
def _model(name: str) -> Any:
    # the whole pipeline, entity recogniser included (the speakers read entity types); a caller
    # that does not want a component disables it in its view
    import_spacy_without_cli(restore=True)
    nlp = load_pipeline(name)
    titles = [t for language, model in MODELS.items() if model == name for t in TITLE_ABBREVIATIONS.get(language, ())]
    for title in dict.fromkeys(titles) if nlp is not None else ():
        nlp.tokenizer.add_special_case(title, [{"ORTH": title}])
    return nlp


@lru_cache(maxsize=16)
def _view(name: str, infixes: tuple[str, ...], disable: tuple[str, ...]) -> Pipeline | None:
    nlp = _model(name)
    if nlp is None:
        return None
    tokenizer = None
    if infixes:
        import spacy
        from spacy.tokenizer import Tokenizer

        # the model's own tokenizer (affixes, special cases) with more infixes, as setting
        # ``infix_finditer`` on a freshly loaded pipeline makes it
        base = nlp.tokenizer
        patterns = list(nlp.Defaults.infixes or ()) + list(infixes)
        tokenizer = Tokenizer(
            nlp.vocab,
            rules=base.rules,
            prefix_search=base.prefix_search,
            suffix_search=base.suffix_search,
            infix_finditer=spacy.util.compile_infix_regex(patterns).finditer,
            token_match=base.token_match,
            url_match=base.url_match,
            faster_heuristics=base.faster_heuristics,
        )
    languages = [lang for lang, model in MODELS.items() if model == name]
    own = not infixes and tuple(disable) == ("ner",)  # the view :func:`parse` itself runs
    return Pipeline(nlp, tokenizer, disable, feeds=() if own else languages)


def pipeline(name: str, infixes: Sequence[str] = (), disable: Sequence[str] = ()) -> Pipeline | None:
    """The spaCy pipeline ``name`` (a model package), loaded once per process whoever asks;
    ``infixes`` are infix patterns added to the language's defaults (a tokenizer of the caller's
    own), ``disable`` components left out.  None when spaCy or the model is missing."""
    with _LOADING:
        return _view(name, tuple(infixes), tuple(disable))


def parser(language: str | None) -> Pipeline | None:
    """The spaCy pipeline with a parser for ``language`` (ISO 639-1), without its entity
    recogniser, or None."""
    if os.environ.get("CROSSWIRE_NO_PARSE") or not language:
        return None
    name = MODELS.get(language.split("-")[0].lower())
    if name is None:
        return None
    try:
        return pipeline(name, disable=("ner",))
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
