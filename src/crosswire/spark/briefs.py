"""Briefs on Spark: one brief per story, written by the local batch inside each task.

Stories of at least ``min_articles`` articles are spread over buckets (``applyInPandas`` over
the stories' articles grouped by bucket); each bucket runs :func:`crosswire.batch.brief_stories`
-- the local batch itself, with its per-story CPU time limit, summary-only fallback and worker
recycling -- into a scratch directory on the executor and hands back the brief texts.  The briefs
become a DataFrame (written as Parquet) and the driver streams them into the brief directory a
partition at a time, then writes the index with :func:`crosswire.batch.write_index`.  So a brief is
byte for byte the local engine's brief of the same story.
"""

from __future__ import annotations

import contextlib
import io
import math
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from crosswire.batch import StoryOutcome, brief_stories, write_index
from crosswire.batch.index import drop_generations, flat_briefs, new_generation
from crosswire.batch.workers import Format
from crosswire.model import Article, Story
from crosswire.spark.blocks import ARTICLE_FIELDS, row_article
from crosswire.spark.engine import SparkStories
from crosswire.stories import NOISE_PREFIX
from crosswire.text.atomic import write_text

__all__ = ["BRIEF_SCHEMA", "spark_briefs"]

BRIEF_SCHEMA = (
    "story string, file string, format string, text string, mode string, headline string, sources int, "
    "error string, articles int, article_ids array<string>, story_headline string, outlets array<string>, "
    "first_date string, last_date string, seconds double, cpu double"
)
_COLS = [c.split(" ")[0] for c in BRIEF_SCHEMA.split(", ")]


def _brief_bucket(fmt: Format, min_articles: int, timeout: float | None, words: int):
    def run(pdf: Any) -> Any:
        import pandas as pd

        pdf = pdf.sort_values(["story", "pos"])
        stories: list[Story] = []
        articles: list[Article] = []
        for sid, part in pdf.groupby("story", sort=True):
            first = part.iloc[0]
            members = [row_article(r) for r in part.to_dict("records")]
            articles.extend(members)
            stories.append(
                Story(
                    id=str(sid),
                    articles=[a.id for a in members],
                    headline=None if first["story_headline"] is None else str(first["story_headline"]),
                    outlets=[str(o) for o in (first["outlets"] if first["outlets"] is not None else [])],
                    first_date=first["first_date"],
                    last_date=first["last_date"],
                    sources=int(first["sources"]),
                )
            )
        rows = []
        with (
            tempfile.TemporaryDirectory(prefix="crosswire-briefs-") as tmp,
            contextlib.redirect_stderr(io.StringIO()),
        ):  # the driver reports each story itself
            outcomes = brief_stories(
                stories, articles, tmp, fmt=fmt, min_articles=min_articles, jobs=1, timeout=timeout, words=words
            )
            for o in outcomes:
                text = o.path.read_text(encoding="utf-8") if o.path is not None else None
                rows.append(
                    {
                        "story": o.story.id,
                        "file": o.path.name if o.path is not None else None,
                        "format": fmt,
                        "text": text,
                        "mode": o.mode,
                        "headline": o.headline,
                        "sources": o.sources,
                        "error": o.error,
                        "articles": o.articles,
                        "article_ids": list(o.story.articles),
                        "story_headline": o.story.headline,
                        "outlets": list(o.story.outlets),
                        "first_date": o.story.first_date,
                        "last_date": o.story.last_date,
                        "seconds": o.seconds,
                        "cpu": o.cpu,
                    }
                )
        return pd.DataFrame({c: pd.Series([r[c] for r in rows], dtype=object) for c in _COLS})

    return run


class _Read(Sequence):
    """What the index needs of the articles: their number, and a few words of the noise pages and of the
    stories that could not be briefed (the articles themselves stay on the executors)."""

    def __init__(self, n: int, few: list[Article]) -> None:
        self.n, self.few = n, few

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, k: int) -> Article:  # type: ignore[override]
        return self.few[k]

    def __iter__(self) -> Iterator[Article]:
        return iter(self.few)


def _lead(text: str | None, words: int = 40) -> str:
    return " ".join((text or "").split()[:words])


def spark_briefs(
    spark: Any,
    articles: Any,
    stories: SparkStories,
    out_dir: str | Path,
    *,
    fmt: Format = "html",
    min_articles: int = 2,
    timeout: float | None = None,
    words: int = 120,
    parquet: str | None = None,
    on_story: Any = None,
) -> list[StoryOutcome]:
    """Write one brief per story of at least ``min_articles`` articles into ``out_dir`` and the index.

    ``parquet``: where to write the briefs as Parquet too (one row per story: id, file name, format,
    text, mode, headline, sources, error, articles ...).  Returns the outcomes, as the local batch does.
    """
    from pyspark.sql import functions as F

    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    out = new_generation(root, fmt)  # a fresh subdirectory, as the local engine writes (crosswire.batch.run)
    flat = flat_briefs(root, fmt)
    chosen = stories.stories.filter(F.col("size") >= max(1, min_articles)).select(
        "story",
        F.col("headline").alias("story_headline"),
        "outlets",
        "first_date",
        "last_date",
        F.greatest(F.lit(1), F.col("roots")).alias("sources"),
    )
    members = (
        stories.assignments.select("pos", "story")
        .join(chosen, "story")
        .join(articles.select("pos", *ARTICLE_FIELDS), "pos")
    )
    n_members = stories.stories.filter(F.col("size") >= max(1, min_articles)).agg(F.sum("size")).first()[0] or 0
    # enough buckets for the cores, and none holding more than about 2,000 articles (a bucket is one pandas frame)
    par = spark.sparkContext.defaultParallelism
    n_buckets = max(1, min(math.ceil(n_members / 200), max(2 * par, math.ceil(n_members / 2000))))
    briefs = (
        members.withColumn("bucket", F.pmod(F.xxhash64("story"), F.lit(n_buckets)))
        .groupBy("bucket")
        .applyInPandas(_brief_bucket(fmt, min_articles, timeout, words), BRIEF_SCHEMA)
        .localCheckpoint()
    )
    if parquet:
        briefs.write.mode("overwrite").parquet(parquet)
    outcomes: list[StoryOutcome] = []
    few: list[Article] = []
    # partitions of at most ~200 briefs, so the driver's share does not grow with the corpus
    by_story = briefs.repartitionByRange(max(1, math.ceil(briefs.count() / 200)), "story").sortWithinPartitions("story")
    for r in by_story.toLocalIterator():
        story = Story(
            id=r["story"],
            articles=list(r["article_ids"] or []),
            headline=r["story_headline"],
            outlets=list(r["outlets"] or []),
            first_date=r["first_date"],
            last_date=r["last_date"],
        )
        path = None
        if r["file"] is not None and r["text"] is not None:
            path = out / r["file"]
            write_text(path, r["text"])
        o = StoryOutcome(
            story=story,
            articles=int(r["articles"]),
            path=path,
            mode=r["mode"] or "full",
            headline=r["headline"] or "",
            sources=int(r["sources"] or 0),
            seconds=float(r["seconds"] or 0.0),
            cpu=float(r["cpu"] or 0.0),
            error=r["error"],
        )
        if o.path is None:
            print(f"crosswire: story {o.story.id} ({o.articles} articles): not briefed: {o.error}", file=sys.stderr)
        elif o.mode == "summary":
            print(
                f"crosswire: story {o.story.id} ({o.articles} articles): {o.error}; wrote a summary-only brief",
                file=sys.stderr,
            )
        outcomes.append(o)
        if on_story is not None:
            on_story(o)
    # a few words of what the index shows besides the briefs: the noise pages, the stories not briefed
    failed_first = [o.story.articles[0] for o in outcomes if o.path is None and o.story.articles]
    noise = stories.assignments.filter(F.col("story").startswith(NOISE_PREFIX)).select("pos", "id")
    wanted = (
        noise.unionByName(stories.assignments.filter(F.col("id").isin(failed_first)).select("pos", "id"))
        if failed_first
        else noise
    )
    noise_ids: list[str] = []
    for r in wanted.join(articles.select("pos", "text"), "pos").orderBy("pos").toLocalIterator():
        few.append(Article(id=r["id"], text=_lead(r["text"])))
        if r["id"] not in failed_first:
            noise_ids.append(r["id"])
    outcomes.sort(key=lambda o: (-o.articles, o.story.id))
    write_index(outcomes, _Read(stories.n_articles, few), noise_ids, root, fmt=fmt)
    drop_generations(root, fmt, keep=out, flat=flat)
    return outcomes
