"""The read stage: inputs (files, saved pages, JSON/JSONL, feeds) read into clean :class:`~crosswire.model.Article` s.

:mod:`~crosswire.read.ingest` reads paths and records, :mod:`~crosswire.read.clean` extracts and
cleans text with the furniture rules of :mod:`~crosswire.read.rules`, and :mod:`~crosswire.read.meta`
reads dates, datelines and wire credits.
"""

from crosswire.read.ingest import read_file, read_paths

__all__ = ["read_paths", "read_file"]
