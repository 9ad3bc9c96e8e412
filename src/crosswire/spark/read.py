"""Reading a corpus into a Spark DataFrame of cleaned articles, in the order the local reader reads it.

Local files and directories are listed on the driver (paths only) in the local reader's order
(arguments in order, directories recursively in sorted order, hidden files skipped); each file is
then read and cleaned on an executor by :func:`crosswire.read.ingest.read_paths` (that file
alone) -- a directory of JSONL shards is read one shard per task.  Parquet files (``*.parquet``,
or a directory holding them) and remote inputs (``s3a://``, ``hdfs://``, ``gs://`` ...; Parquet,
else JSONL) are read by Spark itself, their records cleaned by
:func:`crosswire.read.ingest.read_record` in ``mapInPandas``.

Every article gets ``pos``, its place in the stream: input number << 48 | record number in the input.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from crosswire.model import ReadError
from crosswire.spark.blocks import ARTICLE_FIELDS, LIST_FIELDS, article_row

__all__ = ["ARTICLE_SCHEMA", "ERROR_SCHEMA", "read_corpus"]

ARTICLE_SCHEMA = "pos long, " + ", ".join(
    f"{f} array<string>" if f in LIST_FIELDS else f"{f} string" for f in ARTICLE_FIELDS
)
ERROR_SCHEMA = "pos long, source string, message string"
_REMOTE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_SHIFT = 48  # position = item number << 48 | record number (or Spark row id) within the item


def _is_parquet_dir(p: Path) -> bool:
    try:
        return p.is_dir() and any(n.endswith(".parquet") for n in os.listdir(p))
    except OSError:
        return False


def _expand(paths: Sequence[str], errors: list[ReadError]) -> list[tuple[str, str]]:
    """(kind, path) in reading order; kind is ``file``, ``parquet`` or ``remote``."""
    out: list[tuple[str, str]] = []
    for raw in paths:
        if _REMOTE.match(str(raw)) and not str(raw).startswith("file://"):
            out.append(("remote", str(raw)))
            continue
        path = Path(str(raw).removeprefix("file://"))
        try:
            if not path.exists():
                errors.append(ReadError(str(raw), "no such file or directory"))
            elif path.suffix == ".parquet" or _is_parquet_dir(path):
                out.append(("parquet", str(path.resolve())))
            elif path.is_dir():
                files: list[Path] = []
                for root, dirs, names in os.walk(path):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    files.extend(Path(root) / n for n in names if not n.startswith("."))
                for f in sorted(files):
                    if f.suffix == ".parquet":
                        out.append(("parquet", str(f.resolve())))
                    elif f.is_file():
                        out.append(("file", str(f.resolve())))
                    else:
                        errors.append(ReadError(str(f), "not a regular file (a pipe, socket or device); skipped"))
            else:
                out.append(("file", str(path.resolve())))
        except OSError as e:
            errors.append(ReadError(str(raw), e.strerror or "cannot read"))
    return out


_OUT_COLUMNS = ["pos", "kind", "source", "message", *ARTICLE_FIELDS]


def _frame(rows: list[dict[str, Any]]) -> Any:
    """Rows as a pandas frame with every column filled (a missing value is None, never NaN)."""
    import pandas as pd

    return pd.DataFrame(
        {c: pd.Series([r.get(c) for r in rows], dtype="int64" if c == "pos" else object) for c in _OUT_COLUMNS}
    )


def _read_files(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas: (fidx, path) rows -> article rows (``kind`` 'a') and error rows (``kind`` 'e')."""
    from crosswire.read.ingest import read_paths

    for batch in batches:
        rows: list[dict[str, Any]] = []
        for fidx, path in zip(batch["fidx"], batch["path"], strict=False):
            base = int(fidx) << _SHIFT
            result = read_paths([path])  # one file, read as the local reader reads it (bad records reported)
            for e in result.errors:
                rows.append({"pos": base, "kind": "e", "source": e.source, "message": e.message})
            for k, a in enumerate(result.articles):
                rows.append({"pos": base + k, "kind": "a", **article_row(a)})
        yield _frame(rows)


def _read_records(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas: rows of records (``rec``: a JSON line or a JSON object of a Parquet row) -> articles/errors."""
    from crosswire.read.clean import TextTooLong
    from crosswire.read.ingest import InputError, read_record

    for batch in batches:
        rows: list[dict[str, Any]] = []
        for pos, src, rec in zip(batch["pos"], batch["source"], batch["rec"], strict=False):
            n = (int(pos) & ((1 << 33) - 1)) + 1  # the row's number in its split
            try:
                if not rec or not str(rec).strip():
                    continue
                obj = json.loads(rec)
                a = read_record(obj, src, n)
            except json.JSONDecodeError as e:
                rows.append(
                    {"pos": int(pos), "kind": "e", "source": f"{src} (record {n})", "message": f"invalid JSON: {e.msg}"}
                )
                continue
            except (InputError, TextTooLong) as e:
                reason = str(e).removeprefix(f"record {n} ")
                rows.append({"pos": int(pos), "kind": "e", "source": f"{src} (record {n})", "message": reason})
                continue
            rows.append({"pos": int(pos), "kind": "a", **article_row(a)})
        yield _frame(rows)


def read_corpus(spark: Any, paths: Sequence[str]) -> tuple[Any, Any, list[ReadError]]:
    """(articles, errors, driver-side errors): two DataFrames (``ARTICLE_SCHEMA``, ``ERROR_SCHEMA``) and the
    problems found while listing the inputs."""
    from pyspark.sql import functions as F

    listing_errors: list[ReadError] = []
    items = _expand(paths, listing_errors)
    out_schema = "pos long, kind string, source string, message string, " + ARTICLE_SCHEMA.split(", ", 1)[1]
    parts = []
    files = [(k, p) for k, (kind, p) in enumerate(items) if kind == "file"]
    if files:
        n = max(1, min(len(files), spark.sparkContext.defaultParallelism * 4))
        fdf = spark.createDataFrame(files, "fidx long, path string").repartition(n)
        parts.append(fdf.mapInPandas(_read_files, out_schema))
    for k, (kind, p) in enumerate(items):
        if kind == "file":
            continue
        parquet = kind == "parquet" or p.rstrip("/").endswith(".parquet")
        if parquet:
            raw = spark.read.parquet(p)
            rec = F.to_json(F.struct(*[F.col(c) for c in raw.columns]))
        else:
            raw = spark.read.text(p)
            rec = F.col("value")
        # the row's place: its input, then Spark's row id (splits in order, rows in order within a split)
        df = raw.select(
            rec.alias("rec"),
            F.input_file_name().alias("source"),
            (F.lit(k << _SHIFT) + F.monotonically_increasing_id()).alias("pos"),
        )
        parts.append(df.mapInPandas(_read_records, out_schema))
    if not parts:
        empty = spark.createDataFrame([], out_schema)
        parts.append(empty)
    allrows = parts[0]
    for more in parts[1:]:
        allrows = allrows.unionByName(more)
    allrows = allrows.localCheckpoint()
    arts = allrows.filter(F.col("kind") == "a").select("pos", *ARTICLE_FIELDS)
    errs = allrows.filter(F.col("kind") == "e").select("pos", "source", "message")
    return arts, errs, listing_errors
