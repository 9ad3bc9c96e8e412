"""The plain-Python pieces of the Spark engine (no Spark needed): blocks, the group clusterer, the merge."""

from __future__ import annotations

from collections import Counter

from crosswire.model import Article
from crosswire.spark.blocks import (
    article_row,
    bounded_blocks,
    cluster_group,
    mean_cosine,
    merge_roots,
    row_article,
    signed64,
)
from crosswire.stories import StoryParams, article_terms, cluster_stories


def test_article_row_round_trip_keeps_every_field() -> None:
    a = Article(id="x1", text="Body one.\n\nBody two.", title="T", outlet="O", credits=["AP"], published="2026-03-09",
                dateline="PORT ELLIS", language="en", removed=["Share this"], path="/a/b", url="https://e.x/1",
                headings=["H"])
    assert row_article(article_row(a)) == a
    # pandas hands missing values over as NaN and missing lists as None
    row = dict(article_row(Article(id="x2", text="t")), title=float("nan"), credits=None)
    assert row_article(row) == Article(id="x2", text="t")


def test_signed64_fits_a_spark_long() -> None:
    assert signed64(5) == 5
    assert signed64(2**64 - 1) == -1
    assert -(2**63) <= signed64(2**63) < 2**63


def test_bounded_blocks_follow_strong_ties_first_and_respect_the_limit() -> None:
    # 1-2-3 strongly tied, 4-5 strongly tied, a weak bridge 3-4
    edges = [(1, 2, 5.0), (2, 3, 4.0), (4, 5, 6.0), (3, 4, 1.0)]
    assert bounded_blocks(edges, 10) == {1: 1, 2: 1, 3: 1, 4: 1, 5: 1}
    blocks = bounded_blocks(edges, 3)
    assert blocks[1] == blocks[2] == blocks[3] == 1
    assert blocks[4] == blocks[5] == 4  # the bridge would make a block of five


def test_merge_roots_names_each_set_by_its_earliest_story() -> None:
    roots = merge_roots([("0:s2", "1:s1"), ("1:s1", "2:s5")], {"0:s2": 30, "1:s1": 10, "2:s5": 20})
    assert roots == {"0:s2": "1:s1", "1:s1": "1:s1", "2:s5": "1:s1"}


def test_mean_cosine_is_average_linkage_of_summed_vectors() -> None:
    # two stories of one unit vector each: the cosine itself; of two members each: the mean of 4 cosines
    assert mean_cosine({"a": 1.0}, 1, {"a": 1.0}, 1) == 1.0
    assert mean_cosine({"a": 2.0}, 2, {"a": 1.0, "b": 1.0}, 2) == 0.5
    assert mean_cosine({}, 0, {"a": 1.0}, 1) == 0.0


_FIRE = ("Fire crews fought a blaze at the Dunmore grain terminal on Tuesday night after a conveyor motor "
         "overheated, the harbour authority said. Two workers were treated for smoke. The terminal handles "
         "about 41,500 tonnes of barley a month and will stay shut until Friday, according to the operator.")
_FIRE2 = ("The Dunmore grain terminal stays closed until Friday after Tuesday's fire, which started in an "
          "overheated conveyor motor. The harbour authority said two workers were treated for smoke and that "
          "41,500 tonnes of barley pass through the terminal each month.")
_CHESS = ("The regional chess final in Alderbrook ended in a draw on Sunday when both finalists agreed to split "
          "the title after six hours of play. Organisers said 212 players had entered the open section this "
          "year, the most since the club was founded, and the prize fund was shared between the two.")
_WALL = "Please enable JavaScript and cookies to continue. Subscribe to our newsletter. Sign in to your account."


def _items(articles: list[Article], p: StoryParams) -> tuple[list, Counter, int]:
    terms = [article_terms(a, p) for a in articles]
    opens = Counter(t.opening for t in terms)
    items, df, n = [], Counter(), 0
    for k, (a, t) in enumerate(zip(articles, terms)):
        noise = t.is_noise(opens[t.opening], p)
        items.append((k, a, t.opening, opens[t.opening], noise, list(t.terms)))
        if not noise:
            df.update(t.terms.keys())
            n += 1
    return items, df, n


def test_a_group_holding_the_whole_stream_decides_as_the_local_engine() -> None:
    p = StoryParams()
    arts = [Article(id="f1", text=_FIRE), Article(id="c1", text=_CHESS), Article(id="w1", text=_WALL),
            Article(id="f2", text=_FIRE2)]
    items, df, n = _items(arts, p)
    got = cluster_group(items, dict(df), n, group=7, params=p, embedder=False)
    local = cluster_stories(arts, embedder=False)
    assert [(aid, sid) for _, aid, sid in got.assignments] == [
        (aid, sid if sid.startswith("noise:") else f"7:{sid}") for aid, sid in local.assignments]
    fire = next(s for s in got.stories if s["size"] == 2)
    assert fire["first_pos"] == 0 and "dunmore" in fire["terms"]


def test_a_group_uses_the_counts_of_the_whole_stream() -> None:
    """Split the stream in two groups: each decides noise and IDF with the stream's counts."""
    p = StoryParams()
    arts = [Article(id="f1", text=_FIRE), Article(id="w1", text=_WALL), Article(id="f2", text=_FIRE2),
            Article(id="c1", text=_CHESS)]
    items, df, n = _items(arts, p)
    first = cluster_group(items[:2], dict(df), n, group=0, params=p, embedder=False)
    second = cluster_group(items[2:], dict(df), n, group=1, params=p, embedder=False)
    assert {aid: sid for _, aid, sid in first.assignments}["w1"] == "noise:w1"
    assert {sid for _, _, sid in second.assignments} == {"1:s1", "1:s2"}  # fire copy and chess apart


def test_without_spark_the_command_says_why_in_one_line(monkeypatch, capsys, tmp_path) -> None:
    from crosswire.cli import main
    from crosswire.spark import session

    monkeypatch.setattr(session, "missing", lambda: "Java (17 or later) is not installed")
    src = tmp_path / "a.txt"
    src.write_text("A short report about the harbour crane that failed on Monday morning in the port.", "utf-8")
    assert main(["stories", str(src), "--engine", "spark"]) == 2
    assert main(["briefs", str(src), "-o", str(tmp_path / "out"), "--engine", "spark"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["crosswire: --engine spark: Java (17 or later) is not installed"] * 2
