"""The store: idempotent add, versions of a page, stories that grow, a reader beside the writer, kill -9."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("alembic")

from storekit import check_sqlite_store, generate, write_jsonl

from crosswire.cli import main
from crosswire.model import Article
from crosswire.store import add_articles, open_store
from crosswire.store.add import Clusterer
from crosswire.store.query import assignments, stories

SRC = str(Path(__file__).resolve().parents[1] / "src")


def arts(items) -> list[Article]:
    return [Article(id=g.id, text=g.text, title=g.title, outlet=g.outlet) for g in items]


def test_add_is_idempotent_and_sorts_into_stories(tmp_path: Path) -> None:
    items = generate(6, 4)
    store = open_store(tmp_path / "s.db")
    first = add_articles(store, arts(items), embedder=False)
    assert (first.new, first.stored, first.errors) == (24, 0, 0)
    again = add_articles(store, arts(items), embedder=False)
    assert (again.new, again.stored) == (0, 24)
    assert again.line() == "0 new, 24 already stored, 0 errors"
    got = dict(assignments(store))
    truth = {g.id: g.story for g in items}
    # reports of one made-up event share a story, different events do not
    for a in items:
        for b in items:
            if truth[a.id] == truth[b.id]:
                assert got[a.id] == got[b.id], (a.id, b.id)
    assert len(set(got.values())) == 6
    assert check_sqlite_store(tmp_path / "s.db") == {"articles": 24, "stories": 6}


def test_same_text_under_another_id_is_one_row(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    g = generate(1, 1)[0]
    s = add_articles(store, [Article(id="x1", text=g.text, title=g.title),
                             Article(id="x2", text="  " + g.text.replace("\n\n", "\n\n  "), title=g.title)],
                     embedder=False)
    assert (s.new, s.stored) == (1, 1)


def test_changed_page_at_one_url_is_a_new_version(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    g = generate(1, 1)[0]
    url = "https://news.example/story/1"
    add_articles(store, [Article(id="p", text=g.text, title=g.title, url=url)], embedder=False)
    s = add_articles(store, [Article(id="p", text=g.text + "\n\nUpdate: the council met again tonight.",
                                     title=g.title, url=url)], embedder=False)
    assert (s.new, s.versions) == (1, 1)
    assert "1 new version" in s.line()
    con = sqlite3.connect(tmp_path / "s.db")
    rows = con.execute("SELECT uid, version, previous, latest FROM articles ORDER BY seq").fetchall()
    assert rows[0][1:] == (1, None, 0) and rows[1][1:] == (2, 1, 1)
    assert rows[1][0] != rows[0][0]  # both versions kept, under distinct ids
    # the story shows the latest version only
    [story] = stories(store)
    assert story.articles == [rows[1][0]]


def test_stories_grow_across_adds_with_state_from_the_store(tmp_path: Path) -> None:
    items = generate(5, 6)
    first, later = items[:15], items[15:]
    store = open_store(tmp_path / "s.db")
    add_articles(store, arts(first), embedder=False)
    store.close()
    store = open_store(tmp_path / "s.db")  # a new process: the state comes from the store
    add_articles(store, arts(later), embedder=False)
    got = dict(assignments(store))
    by_story: dict[int, set[str]] = {}
    for g in items:
        by_story.setdefault(g.story, set()).add(got[g.id])
    assert all(len(v) == 1 for v in by_story.values()), by_story
    check_sqlite_store(tmp_path / "s.db")


def test_state_rebuilt_from_assignments_matches_the_saved_one(tmp_path: Path) -> None:
    items = generate(4, 5)
    store = open_store(tmp_path / "s.db")
    add_articles(store, arts(items), embedder=False)
    saved = Clusterer(store).load()
    from crosswire.store import schema

    with store.engine.begin() as conn:
        conn.execute(schema.cluster_state.delete())
    rebuilt = Clusterer(store).load()
    assert set(saved.stories) == set(rebuilt.stories)
    for sid, pr in saved.stories.items():
        assert sorted(pr.articles) == sorted(rebuilt.stories[sid].articles)
    assert saved.n_docs == rebuilt.n_docs and saved.next_id <= rebuilt.next_id + 1


def test_cli_add_summary_line_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, generate(3, 4))
    db = str(tmp_path / "c.db")
    assert main(["add", "--db", db, str(src), str(tmp_path / "missing.txt")]) == 1
    out, err = capsys.readouterr()
    assert out.strip() == "12 new, 0 already stored, 1 error"
    assert "missing.txt: no such file" in err
    assert main(["add", "--db", db, str(src)]) == 0
    assert capsys.readouterr().out.strip() == "0 new, 12 already stored, 0 errors"
    assert main(["status", "--db", db, "--format", "json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["articles"] == 12 and st["stories"] == 3 and st["feeds"] == 0
    assert main(["stories", "--db", db]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 12 and len({r["story"] for r in rows}) == 3


def test_cli_db_from_environment_and_bad_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CROSSWIRE_DB", str(tmp_path / "env.db"))
    src = tmp_path / "in.jsonl"
    write_jsonl(src, generate(1, 2))
    assert main(["add", str(src)]) == 0
    assert (tmp_path / "env.db").exists()
    assert main(["status", "--db", str(tmp_path / "nowhere" / "x.db")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["status", "--db", "postgresql://u@127.0.0.1:1/none"]) == 1
    err = capsys.readouterr().err
    assert "cannot open the store" in err and "Traceback" not in err


def test_reader_reads_while_a_writer_holds_a_transaction(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    add_articles(store, arts(generate(2, 3)), embedder=False)
    with store.engine.connect() as writer:
        writer.exec_driver_sql("BEGIN IMMEDIATE")
        writer.exec_driver_sql("UPDATE stories SET headline = 'changing'")
        reader = sqlite3.connect(tmp_path / "s.db", timeout=0.5)
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
        reader.close()
        writer.exec_driver_sql("ROLLBACK")


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))


def test_kill_minus_nine_during_add_loses_nothing(tmp_path: Path) -> None:
    items = generate(60, 5, seed=11)  # 300 articles
    src = tmp_path / "in.jsonl"
    write_jsonl(src, items)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "crosswire", "add", "--db", str(db), str(src)]
    kills = mid_commit = 0
    for _attempt in range(20):  # enough kills to finish the file even on a loaded machine
        before = _count(db)
        proc = subprocess.Popen(cmd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            now = _count(db)
            if now > before:  # committing: kill it between two articles or inside one
                time.sleep(0.01 * _attempt)
                break
            time.sleep(0.005)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
            proc.wait()
            after = _count(db)
            mid_commit += before < after < len(items)
        else:
            proc.wait()
        check_sqlite_store(db)  # after every kill: whole articles in whole stories
        if _count(db) == len(items):
            break
    assert kills >= 1 and mid_commit >= 1
    out = subprocess.run(cmd, env=_env(), capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"0 new, {len(items)} already stored, 0 errors"
    counts = check_sqlite_store(db)
    assert counts["articles"] == len(items)
    store = open_store(db)
    got = dict(assignments(store))
    assert set(got) == {g.id for g in items}
    # stories stay whole across the kills: each made-up event in one story
    by_story: dict[int, set[str]] = {}
    for g in items:
        by_story.setdefault(g.story, set()).add(got[g.id])
    split = sum(len(v) > 1 for v in by_story.values())
    assert split <= 2, f"{split} events split over stories"
    # the clusterer state the next writer starts from agrees with the stored stories
    index = Clusterer(store).load()
    members: dict[str, set[str]] = {}
    for aid, sid in got.items():
        members.setdefault(sid, set()).add(aid)
    assert {sid: set(pr.articles) for sid, pr in index.stories.items() if pr.articles} == members


def test_a_tampered_state_is_refused_and_rebuilt(tmp_path: Path) -> None:
    import pickle
    import zlib

    from crosswire.store import schema

    store = open_store(tmp_path / "s.db")
    items = generate(3, 3)
    add_articles(store, arts(items), embedder=False)
    evil = zlib.compress(pickle.dumps(os.system))  # a global that is not part of a state
    with store.engine.begin() as conn:
        conn.execute(schema.cluster_state.update().values(blob=evil))
    index = Clusterer(store).load()  # refused, rebuilt from the stored assignments
    assert sorted(index.stories) == sorted(set(dict(assignments(store)).values()))


def test_two_writers_at_once_store_every_article_once(tmp_path: Path) -> None:
    items = generate(30, 4, seed=21)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_jsonl(a, items[:80])
    write_jsonl(b, items[40:])  # 40 articles in both
    db = tmp_path / "two.db"
    procs = [subprocess.Popen([sys.executable, "-m", "crosswire", "add", "--db", str(db), str(src)], env=_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for src in (a, b)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    new = sum(int(o.split()[0]) for o, _ in outs)
    assert new == len(items)  # the writers took turns: the second saw the first one's articles
    assert check_sqlite_store(db)["articles"] == len(items)


def test_without_the_store_extra_the_command_says_what_to_install(tmp_path: Path) -> None:
    code = "import sys; sys.modules['sqlalchemy'] = None\nfrom crosswire.cli import main\nsys.exit(main(['status']))"
    out = subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True, text=True, timeout=120,
                         cwd=tmp_path, check=False)
    assert out.returncode == 1
    assert "pip install 'crosswire[store]'" in out.stderr and "Traceback" not in out.stderr


def test_stories_takes_paths_or_a_store_not_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, generate(1, 2))
    assert main(["stories", "--db", str(tmp_path / "s.db"), str(src)]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["briefs", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "out")]) == 1
    assert "no such store" in capsys.readouterr().err
