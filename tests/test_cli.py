"""The command line as a user meets it: exit codes, one-line errors, formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crosswire.cli import main

STORY = (
    "A landslide blocked the only road into the mountain village of Orvel on Tuesday, "
    "cutting off about 400 residents, the district council said.\n\n"
    "Crews expect to reopen one lane by Friday, council engineer Lena Brisk said."
)


@pytest.fixture()
def story_dir(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "b-second.txt").write_text(STORY, encoding="utf-8")
    (d / "a-first.txt").write_text(STORY.replace("Tuesday", "Monday"), encoding="utf-8")
    return d


def test_read_json_lists_articles_in_stable_order(story_dir, capsys):
    assert main(["read", str(story_dir), "--format", "json"]) == 0
    arts = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in arts] == ["a-first", "b-second"]
    assert all(set(a) >= {"id", "title", "text", "removed", "credits", "published"} for a in arts)


def test_read_jsonl_one_object_per_line(story_dir, capsys):
    assert main(["read", str(story_dir), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and all(json.loads(x)["text"] for x in lines)


def test_missing_path_is_one_line_and_others_still_read(story_dir, tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    code = main(["read", str(missing), str(story_dir / "a-first.txt"), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1 and str(missing) in err and "Traceback" not in err
    assert json.loads(out)["id"] == "a-first"


def test_command_runs_as_module_without_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "crosswire", "read", str(empty)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "empty.txt" in proc.stderr and "Traceback" not in proc.stderr
