"""Control and bidirectional characters: dropped or balanced when read, escaped on a terminal."""

from __future__ import annotations

import json
import os
from pathlib import Path

from crosswire.cli import main
from crosswire.read.ingest import read_paths
from crosswire.text.safe import BIDI_CONTROLS, clean_chars, terminal

BODY = "The harbour crane collapsed on Monday morning, injuring two workers, the port authority said."


def test_controls_are_dropped_and_line_ends_kept() -> None:
    assert clean_chars("a\x00b\x07c\x1b[2Jd\x85e\x9bf") == "abc[2Jdef"
    assert clean_chars("one\r\ntwo\rthree\u2028four\tfive") == "one\ntwo\nthree\nfour\tfive"
    assert clean_chars("lone \ud800 surrogate") == "lone  surrogate"


def test_overrides_are_removed_and_embeddings_closed_on_their_line() -> None:
    assert clean_chars("\u202eSWEN XOF") == "SWEN XOF"  # no override: it cannot pass for FOX NEWS
    assert clean_chars("a\u202eb\u202cc") == "abc"  # the override's own PDF goes with it
    assert clean_chars("x\u2067ltr\nnext") == "x\u2067ltr\u2069\nnext"  # an isolate is closed on its line
    assert clean_chars("\u202bx\u202c\u202c") == "\u202bx\u202c"  # a stray PDF dropped
    assert clean_chars("\u2067a\u202bb\u2069") == "\u2067a\u202bb\u202c\u2069"  # PDI closes the embedding in it
    for s in ("\u202e\u202e\u202ex", "\u2066\u2067\u2068", "\u202a\u202b\u202c\u202d\u2069"):
        out = clean_chars(s)
        depth = 0
        for c in out:
            depth += c in "\u202a\u202b\u2066\u2067\u2068"
            depth -= c in "\u202c\u2069"
            assert depth >= 0
        assert depth == 0 and "\u202d" not in out and "\u202e" not in out


def test_terminal_escapes_what_a_terminal_would_obey() -> None:
    line = terminal("f\x1b]0;owned\x07\ncrosswire: forged error\u202e.txt")
    assert "\x1b" not in line and "\n" not in line and "\x07" not in line
    assert not any(c in BIDI_CONTROLS for c in line)
    assert "\\x1b" in line and "\\u202e" in line


def test_jsonl_titles_text_and_ids_lose_nul_and_escape_codes(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    row = {"id": "a\x00b", "title": "Crane\x00 falls \x1b]0;pwned\x07", "outlet": "\u202eSWEN XOF",
           "text": BODY.replace("crane", "cr\x00ane\x1b[31m")
            + "\n\nA second\x0c paragraph follows with more words here."}
    src.write_text(json.dumps(row) + "\n", encoding="utf-8")
    res = read_paths([src])
    assert not res.errors
    a = res.articles[0]
    for value in (a.id, a.title, a.outlet, a.text):
        assert not any(ord(c) < 32 and c not in "\n\t" for c in value), value
        assert not any(c in BIDI_CONTROLS for c in value)
    assert a.outlet == "SWEN XOF" and "crane" in a.text


def test_a_hostile_file_name_is_printed_as_one_escaped_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "x\x1b]0;pwned\x07\ncrosswire: all inputs read\u202e.txt"
    bad.write_bytes(b"")
    assert main(["read", str(bad), "--format", "json"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\u202e" not in err
    assert "empty file" in err


def test_html_brief_has_no_override_from_a_title(tmp_path: Path) -> None:
    rows = [{"id": f"r{k}", "title": "\u202eSWEN XOF", "outlet": f"Outlet\u202e {k}", "date": "2025-05-14",
             "text": BODY + f" Report number {k} adds that cranes were inspected last spring."} for k in range(2)]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "b.html"
    assert main(["brief", str(src), "--format", "html", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "\u202e" not in html and "<bdi>" in html


def test_a_file_name_that_is_not_utf8_is_shown_with_replacement_characters(tmp_path: Path, capsys) -> None:
    good = os.fsencode(tmp_path) + b"/bad\xff name.txt"
    with open(good, "wb") as fh:
        fh.write(BODY.encode())
    with open(os.fsencode(tmp_path) + b"/empty\xfe.txt", "wb"):
        pass
    out = tmp_path / "out.json"
    assert main(["read", str(tmp_path), "--format", "json", "-o", str(out)]) == 1
    arts = json.loads(out.read_bytes().decode("utf-8"))  # strict UTF-8: no raw byte leaked
    assert [a["path"].rsplit("/", 1)[1] for a in arts] == ["bad\ufffd name.txt"]
    assert "empty\\udcfe.txt: empty file" in capsys.readouterr().err
