"""The Spark engine (``--engine spark``) against the local engine, on Spark ``local[2]``.

The same story list and byte-identical briefs and index on both examples, and within 0.01 B3 F1 of
the local engine on a 1,000-article slice of the Multi-News dev stream cut into several groups (so
the blocking and the second pass are used).  One Spark session for the module; everything skips
with the reason when PySpark or Java is missing (or ../shared, for the slice).
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from crosswire.batch import GENERATION
from crosswire.cli import main
from crosswire.spark import missing

WHY = missing()
pytestmark = pytest.mark.skipif(WHY is not None, reason=f"Spark engine unavailable: {WHY}")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("CROSSWIRE_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "eval" / "stories" / "multinews-stories-dev.jsonl"


@pytest.fixture(scope="module")
def spark():
    from crosswire.spark import get_session

    session = get_session("local[2]", conf={"spark.sql.shuffle.partitions": "2", "spark.ui.enabled": "false"})
    yield session
    session.stop()


@pytest.mark.parametrize("example", ["day-feed", "harbour-fire"])
def test_stories_are_the_local_engines(spark, example: str, tmp_path: Path) -> None:
    local, remote = tmp_path / "local.jsonl", tmp_path / "spark.jsonl"
    assert main(["stories", str(EXAMPLES / example), "-o", str(local)]) == 0
    assert main(["stories", str(EXAMPLES / example), "-o", str(remote), "--engine", "spark"]) == 0
    assert remote.read_bytes() == local.read_bytes()


@pytest.mark.parametrize("example", ["day-feed", "harbour-fire"])
def test_briefs_are_byte_identical_to_the_local_engines(spark, example: str, tmp_path: Path) -> None:
    local, remote = tmp_path / "local", tmp_path / "spark"
    assert main(["briefs", str(EXAMPLES / example), "-o", str(local), "--format", "json", "-q"]) == 0
    assert main(["briefs", str(EXAMPLES / example), "-o", str(remote), "--format", "json", "-q",
                 "--engine", "spark"]) == 0
    # each run writes its briefs into a generation subdirectory of its own (named by its time)
    [gen_local] = [p for p in local.iterdir() if GENERATION.fullmatch(p.name)]
    [gen_remote] = [p for p in remote.iterdir() if GENERATION.fullmatch(p.name)]
    files = sorted(p.name for p in gen_local.iterdir())
    assert files and sorted(p.name for p in gen_remote.iterdir()) == files
    for name in files:
        assert (gen_remote / name).read_bytes() == (gen_local / name).read_bytes(), name
    index_local = (local / "index.json").read_text(encoding="utf-8").replace(gen_local.name, "GEN")
    assert (remote / "index.json").read_text(encoding="utf-8").replace(gen_remote.name, "GEN") == index_local
    rows = spark.read.parquet(str(remote / "briefs.parquet")).collect()
    assert sorted(r["file"] for r in rows) == files
    assert all(r["text"] == (gen_local / r["file"]).read_text(encoding="utf-8") for r in rows)


def test_markdown_stories_are_refused_with_a_reason(capsys) -> None:
    assert main(["stories", str(EXAMPLES / "day-feed"), "--engine", "spark", "--format", "md"]) == 2
    assert "--format jsonl" in capsys.readouterr().err


def _score():
    spec = importlib.util.spec_from_file_location("score_stories", SHARED / "eval" / "score_stories.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval (the Multi-News dev stream) not present")
def test_a_slice_of_the_dev_stream_in_four_groups_scores_as_the_local_engine(spark, tmp_path: Path) -> None:
    from crosswire.read.ingest import read_paths
    from crosswire.spark.blocks import SparkParams
    from crosswire.spark.engine import spark_stories
    from crosswire.spark.read import read_corpus
    from crosswire.stories import cluster_stories

    with DEV.open(encoding="utf-8") as f:
        lines = [next(f) for _ in range(1000)]
    path = tmp_path / "slice.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    gold = {r["id"]: r["story"] for r in map(json.loads, lines)}

    local = dict(cluster_stories(read_paths([path]).articles, embedder=False).assignments)
    articles, _errors, _ = read_corpus(spark, [str(path)])
    res = spark_stories(spark, articles, spark_params=SparkParams(group_articles=250))
    got = dict(res.assignment_rows())
    assert set(got) == set(local)
    score = _score()
    f_local, f_spark = score(local, gold)["b3_f1"], score(got, gold)["b3_f1"]
    assert abs(f_spark - f_local) <= 0.01, (f_spark, f_local)
    assert score(got, local)["b3_f1"] >= 0.95  # mostly the very same stories, not just as good


def test_parquet_records_give_the_stories_of_the_same_records_in_jsonl(spark, tmp_path: Path) -> None:
    import pandas as pd

    wires = EXAMPLES / "day-feed" / "wires.jsonl"
    rows = [json.loads(line) for line in wires.read_text(encoding="utf-8").splitlines() if line.strip()]
    pd.DataFrame(rows).to_parquet(tmp_path / "wires.parquet")
    local, remote = tmp_path / "local.jsonl", tmp_path / "spark.jsonl"
    assert main(["stories", str(wires), "-o", str(local)]) == 0
    assert main(["stories", str(tmp_path / "wires.parquet"), "-o", str(remote), "--engine", "spark"]) == 0
    assert remote.read_bytes() == local.read_bytes()
