"""What a first user ran into, one test per problem: encodings, garbage files, JSONL line
numbers, output paths that cannot be written, option values that make no sense, help texts."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from crosswire.cli import build_parser, main
from crosswire.read.ingest import read_paths

STORY = (
    "Heavy snow closed the mountain pass at Brennick on Saturday, leaving about 300 lorries "
    "stranded on the approach road, the regional road agency said. Ploughs were expected "
    "to reopen one lane by Sunday evening, agency spokesman Tobias Lind said."
)


def _errors(res) -> dict[str, str]:
    return {Path(e.source.split(" (")[0]).name: str(e) for e in res.errors}


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_read_as_text(tmp_path, codec):
    (tmp_path / "snow.txt").write_bytes(STORY.encode(codec))
    res = read_paths([tmp_path / "snow.txt"])
    assert res.errors == []
    [a] = res.articles
    assert a.text.startswith("Heavy snow closed the mountain pass")


@pytest.mark.parametrize("text, codec", [
    ("Éléonore Brassard, députée de Lévis, a été réélue à Montréal: déjà la troisième fois.", "latin-1"),
    ("Burmistrz powiedział, że przełęcz zostanie zamknięta do piątku. Żołnierze pomagają kierowcom.", "cp1250"),
    ("Мэр заявил, что перевал будет закрыт до пятницы, а водителям помогают солдаты.", "cp1251"),
])
def test_short_single_byte_texts_are_decoded_in_their_own_code_page(tmp_path, text, codec):
    (tmp_path / "short.txt").write_bytes(text.encode(codec))
    [a] = read_paths([tmp_path / "short.txt"]).articles
    assert a.text == text


def test_random_bytes_without_control_codes_are_refused_as_binary(tmp_path):
    rng = random.Random(7)
    noise = bytes(b for b in (rng.randrange(256) for _ in range(12_000)) if b >= 0x20)[:4000]
    (tmp_path / "noise.txt").write_bytes(noise)
    (tmp_path / "snow.txt").write_text(STORY, encoding="utf-8")
    res = read_paths([tmp_path])
    assert [a.id for a in res.articles] == ["snow"]
    assert "binary" in _errors(res)["noise.txt"]


def test_page_heavy_with_script_and_style_is_not_taken_for_binary(tmp_path):
    script = "<script>var a={b:[1,2,3],c:function(x){return x<2&&x>0||x===3;}};if(a.b[0]<=a.b[1]){a.c(1)}</script>" * 60
    style = "<style>.x>.y{margin:0 0 1px;}a:hover{color:#fff;}</style>" * 40
    page = f"<html><head>{style}{script}</head><body><article><p>{STORY}</p></article>{script}</body></html>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    res = read_paths([tmp_path / "page.html"])
    assert res.errors == [] and res.articles[0].text.startswith("Heavy snow")


def test_bad_jsonl_records_are_named_by_their_line(tmp_path):
    lines = [json.dumps({"id": "ok", "text": STORY}), "", json.dumps([1, 2]), json.dumps({"id": "no-text"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = read_paths([tmp_path / "feed.jsonl"])
    assert [a.id for a in res.articles] == ["ok"]
    assert sorted(str(e) for e in res.errors) == [
        f"{tmp_path / 'feed.jsonl'} (line 3): is not an object",
        f"{tmp_path / 'feed.jsonl'} (line 4): has no text or html field",
    ]


# --- the command line ------------------------------------------------------------------------


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    (tmp_path / "snow.txt").write_text(STORY, encoding="utf-8")
    return tmp_path / "snow.txt"


@pytest.mark.parametrize("command", ["read", "copies", "stories", "brief"])
def test_output_into_a_missing_directory_is_one_line_not_a_traceback(story, tmp_path, capsys, command):
    target = tmp_path / "no-such-dir" / "out.txt"
    code = main([command, str(story), "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(target) in err and "does not exist" in err
    assert not target.exists()


def test_output_onto_a_directory_is_refused(story, tmp_path, capsys):
    assert main(["read", str(story), "-o", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_briefs_into_an_existing_file_is_refused_before_any_work(story, tmp_path, capsys):
    target = tmp_path / "taken.html"
    target.write_text("keep me", encoding="utf-8")
    assert main(["briefs", str(story), "-o", str(target), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a directory" in err
    assert target.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("argv", [
    ["brief", "x.txt", "--words", "0"],
    ["brief", "x.txt", "--words", "ten"],
    ["briefs", "x.txt", "-o", "d", "--timeout", "-1"],
    ["briefs", "x.txt", "-o", "d", "--timeout", "nan"],
    ["briefs", "x.txt", "-o", "d", "--jobs", "0"],
    ["briefs", "x.txt", "-o", "d", "--min-articles", "-2"],
])
def test_senseless_option_values_are_usage_errors(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "error: argument" in err and "Traceback" not in err


def test_timeout_zero_still_means_no_limit():
    args = build_parser().parse_args(["briefs", "x.txt", "-o", "d", "--timeout", "0"])
    assert args.timeout == 0


def test_every_option_of_every_command_says_what_it_does():
    parser = build_parser()
    [sub] = [a for a in parser._actions if a.choices and isinstance(a.choices, dict)]
    for name, command in sub.choices.items():
        assert command.description, name
        for action in command._actions:
            assert action.help, f"crosswire {name}: {action.option_strings or action.dest} has no help"


def test_top_level_help_gives_examples_and_exit_status(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "crosswire brief" in out and "exit status" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_directory_is_skipped_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe")  # opening it would block forever: nobody writes to it
    (tmp_path / "snow.txt").write_text(STORY, encoding="utf-8")
    res = read_paths([tmp_path])
    assert [a.id for a in res.articles] == ["snow"]
    assert "not a regular file" in _errors(res)["pipe"]


def test_a_json_array_of_many_records_is_not_refused_as_one_huge_article(tmp_path, monkeypatch):
    import crosswire.read.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_BYTES", 2_000)  # a JSON file bigger than one article may be
    records = [{"id": f"r{i}", "text": STORY.replace("300", str(300 + i))} for i in range(20)]
    (tmp_path / "many.json").write_text(json.dumps(records), encoding="utf-8")
    res = read_paths([tmp_path / "many.json"])
    assert res.errors == [] and len(res.articles) == 20


def test_a_json_file_too_large_says_to_use_jsonl(tmp_path, monkeypatch):
    import crosswire.read.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_JSON_BYTES", 1_000)
    (tmp_path / "many.json").write_text(json.dumps([{"id": "a", "text": STORY}] * 10), encoding="utf-8")
    res = read_paths([tmp_path / "many.json"])
    assert not res.articles and "JSONL" in _errors(res)["many.json"]


def test_html_extraction_has_everything_it_imports():
    # a fresh install once read no HTML page at all: jusText (under trafilatura) imports
    # lxml.html.clean, which lxml 5.2+ ships apart as lxml_html_clean (a declared dependency now)
    import justext  # noqa: F401
    from lxml.html.clean import Cleaner  # noqa: F401


def test_story_list_names_the_ids_the_jsonl_gives_and_counts_one_story_in_the_singular(tmp_path):
    from crosswire.model import Article
    from crosswire.stories import cluster_stories, stories_markdown

    text = ("Firefighters in Orvel fought a blaze at the old grain silo on Tuesday night, the fire service said, "
            "and nearby homes were evacuated as a precaution while crews worked until dawn.")
    arts = [Article(id="a", text=text, language="en", published="2031-05-13"),
            Article(id="b", text=text.replace("Tuesday night", "Tuesday evening"), language="en", published="2031-05-13")]
    result = cluster_stories(arts)
    md = stories_markdown(arts, result)
    assert md.startswith("# 1 story from 2 items")
    sid = {a: s.id for s in result.stories for a in s.articles}["a"]
    assert f"(`{sid}`)" in md


def test_briefs_exits_1_and_names_a_story_that_could_not_be_briefed(tmp_path, monkeypatch, capsys):
    from crosswire import batch
    from crosswire import cli
    from crosswire.model import Story

    src = tmp_path / "a.txt"
    src.write_text("Firefighters in Orvel fought a blaze at the old grain silo on Tuesday night, the fire "
                   "service said.", encoding="utf-8")

    def fake_write_briefs(articles, out_dir, *, on_story=None, **kw):
        on_story(batch.StoryOutcome(story=Story("s7", [a.id for a in articles]), articles=len(articles),
                                    path=None, error="simulated failure"))
        return []

    monkeypatch.setattr(batch, "write_briefs", fake_write_briefs)
    status = cli.main(["briefs", str(src), "-o", str(tmp_path / "out"), "-q"])
    assert status == 1
    assert "s7" in capsys.readouterr().err
