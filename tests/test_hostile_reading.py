"""One bad part of an input is one error naming it; the rest of the input is still read."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from crosswire.read import ingest
from crosswire.read.clean import TextTooLong
from crosswire.read.html import clean_html
from crosswire.read.ingest import read_paths

BODY = "The harbour crane collapsed on Monday morning, injuring two workers, the port authority said."


def _rows(n: int, prefix: str = "g") -> list[str]:
    return [json.dumps({"id": f"{prefix}{i}", "text": f"{BODY} Report {i} adds a detail of its own."})
            for i in range(n)]


def test_a_line_nested_too_deep_loses_only_that_line(tmp_path: Path) -> None:
    rows = _rows(20)
    src = tmp_path / "deep.jsonl"
    src.write_text("\n".join(rows[:7] + ["[" * 100_000 + "]" * 100_000] + rows[7:]) + "\n", encoding="utf-8")
    res = read_paths([src])
    assert len(res.articles) == 20
    assert [str(e) for e in res.errors] == [f"{src} (line 8): nested too deeply to be an article"]


def test_a_json_file_nested_too_deep_is_one_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "deep.json"
    src.write_text("{\"a\":" * 50_000 + "1" + "}" * 50_000, encoding="utf-8")
    res = read_paths([src])
    assert not res.articles and len(res.errors) == 1 and "nested too deeply" in res.errors[0].message


def test_gzipped_jsonl_is_limited_per_line_not_per_file(tmp_path: Path) -> None:
    pad = " padding" * 1500
    rows = [json.dumps({"id": f"b{i}", "text": f"{BODY} {pad} Row {i}."}) for i in range(1000)]  # ~12 MB unpacked
    src = tmp_path / "big.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")
    res = read_paths([src])
    assert not res.errors and len(res.articles) == 1000


def test_an_oversized_line_is_skipped_and_the_lines_after_keep_their_numbers(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 2000)
    rows = _rows(3)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([rows[0], json.dumps({"id": "x", "text": "word " * 2000}), "{bad", rows[1], rows[2]])
                   + "\n", encoding="utf-8")
    res = read_paths([src])
    assert [a.id for a in res.articles] == ["g0", "g1", "g2"]
    assert [e.source for e in res.errors] == [f"{src} (line 2)", f"{src} (line 3)"]
    assert "too large" in res.errors[0].message


def test_many_bad_lines_are_named_up_to_a_limit_then_counted(tmp_path: Path) -> None:
    src = tmp_path / "junk.jsonl"
    src.write_text("\n".join(["{not json"] * 50 + _rows(2)) + "\n", encoding="utf-8")
    res = read_paths([src])
    assert len(res.articles) == 2
    assert len(res.errors) == ingest.MAX_RECORD_ERRORS + 1 and "30 more bad records" in res.errors[-1].message


def test_a_corrupt_gzip_tail_keeps_the_lines_before(tmp_path: Path) -> None:
    src = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(("\n".join(_rows(400)) + "\n").encode())
    src.write_bytes(data[: len(data) * 2 // 3])
    res = read_paths([src])
    assert res.articles and len(res.errors) == 1 and "corrupt gzip" in res.errors[0].message


def test_one_huge_feed_entry_loses_only_itself(tmp_path: Path) -> None:
    good = "".join(f"<entry><id>urn:e{i}</id><title>Entry {i}</title><updated>2026-01-0{i + 1}T00:00:00Z</updated>"
                   f"<content type='text'>{BODY} Entry {i}.</content></entry>" for i in range(3))
    huge = ("<entry><id>urn:huge</id><title>Huge</title><updated>2026-01-09T00:00:00Z</updated>"
            f"<content type='text'>{'word ' * 300_000}</content></entry>")
    src = tmp_path / "feed.atom"
    src.write_text(f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Harbour</title>"
                   f"{good}{huge}</feed>", encoding="utf-8")
    res = read_paths([src])
    assert len(res.articles) == 3
    assert len(res.errors) == 1 and res.errors[0].source == f"{src} (entry 4)" and "too long" in res.errors[0].message


def test_rss_091_with_the_netscape_doctype_is_read(tmp_path: Path) -> None:
    src = tmp_path / "old.xml"
    src.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Harbour Daily'
        f'</title><link>http://example.com/</link><description>x</description><item><title>Crane falls</title>'
        f'<link>http://example.com/1</link><description>{BODY}</description></item></channel></rss>', encoding="utf-8")
    res = read_paths([src])
    assert not res.errors and res.articles[0].outlet == "Harbour Daily"


def test_an_unreadable_directory_is_named(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(BODY + " One more sentence here for length.", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.scandir

    def scandir(path=".", *a, **k):  # as for a directory without read permission (tests may run as root)
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *a, **k)

    monkeypatch.setattr(os, "scandir", scandir)
    res = read_paths([tmp_path])
    assert len(res.articles) == 1
    assert [str(e) for e in res.errors] == [f"{locked}: cannot read directory (Permission denied)"]


def _no_extraction(monkeypatch) -> None:
    from crosswire.read import html as clean_html_module

    def refuse(html: str) -> str:
        raise AssertionError("extraction ran on a page the cheap count should have refused")

    monkeypatch.setattr(clean_html_module, "extract_main_text", refuse)


def test_a_page_of_a_million_paragraphs_is_refused_before_extraction(monkeypatch) -> None:
    _no_extraction(monkeypatch)
    page = "<html><body>" + "<p>x</p>" * 1_000_000 + "</body></html>"
    with pytest.raises(TextTooLong, match="too many paragraphs"):
        clean_html(page, id="big")


def test_a_page_whose_text_is_too_long_is_refused_before_extraction(monkeypatch) -> None:
    page = "<html><head><script>" + "var x = 1;" * 200_000 + "</script></head><body><article>" \
        + ("A sentence of the report goes on. " * 40_000) + "</article></body></html>"
    _no_extraction(monkeypatch)
    with pytest.raises(TextTooLong, match="characters of text"):
        clean_html(page, id="long")
    monkeypatch.undo()
    small = "<html><head><script>" + "var x = 1;" * 200_000 + "</script></head><body><article><p>" \
        + BODY + "</p></article></body></html>"
    assert "crane" in clean_html(small, id="ok").text  # a big script is not text


def test_a_json_array_with_one_record_nested_too_deep_keeps_the_others(tmp_path: Path) -> None:
    good = [{"id": f"g{i}", "text": f"{BODY} Record {i}, with a \"[quoted]\" bracket, {{ and a brace."}
            for i in range(4)]
    text = json.dumps(good[:2], indent=2)[:-1].rstrip() + ",\n" + "[" * 100_000 + "]" * 100_000 + ",\n" \
        + json.dumps(good[2:], indent=2)[1:]
    src = tmp_path / "deep.json"
    src.write_text(text, encoding="utf-8")
    res = read_paths([src])
    assert [a.id for a in res.articles] == ["g0", "g1", "g2", "g3"]
    assert [str(e) for e in res.errors] == [f"{src} (record 3): nested too deeply to be an article"]


def test_a_feed_of_too_many_elements_is_refused_before_parsing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(ingest, "MAX_FEED_ELEMENTS", 1000)
    src = tmp_path / "many.xml"
    src.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>x</title>"
                   f"<description>{BODY}</description>" + "<a></a>" * 2000 + "</item></channel></rss>",
                   encoding="utf-8")
    res = read_paths([src])
    assert not res.articles and "too many elements" in res.errors[0].message


def test_jsonl_lines_with_mojibake_are_repaired_and_clean_lines_kept_as_they_are(tmp_path: Path) -> None:
    src = tmp_path / "fr.jsonl"
    rows = [{"id": "moji", "text": "Le cafÃ© de la gare a fermÃ© lundi, a dÃ©clarÃ© le maire de la ville."},
            {"id": "nfd", "text": "Le cafe\u0301 de la gare a rouvert mardi, a de\u0301clare\u0301 le maire."},
            {"id": "ok", "text": "Le café de la gare a rouvert mercredi, a déclaré le maire de la ville."}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    texts = {a.id: a.text for a in read_paths([src]).articles}
    assert "café" in texts["moji"] and "déclaré" in texts["moji"]
    assert "café" in texts["nfd"] and texts["ok"] == rows[2]["text"]
