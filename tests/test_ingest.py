"""Readers and bad input: every problem is one line naming the file; the rest is still read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from crosswire.cli import main
from crosswire.read.ingest import MAX_BYTES, read_file, read_paths

LEDE = (
    "A fire broke out in a warehouse at the port of Selm early on Thursday, sending thick smoke "
    "over the old town, the fire service said."
)
SECOND = "No one was hurt, but residents were told to keep their windows closed until the evening."
STORY = LEDE + "\n\n" + SECOND


def _errors(result) -> dict[str, str]:
    return {Path(e.source).name: e.message for e in result.errors}


# --- formats -----------------------------------------------------------------------------------


def test_text_file_id_is_the_file_name_without_extension(tmp_path):
    (tmp_path / "selm-fire.txt").write_text(STORY, encoding="utf-8")
    [a] = read_file(tmp_path / "selm-fire.txt")
    assert a.id == "selm-fire" and a.text == STORY and a.path.endswith("selm-fire.txt")


def test_html_file_and_gzipped_html(tmp_path):
    page = f"<html><head><title>Warehouse fire</title></head><body><article><p>{LEDE}</p><p>{SECOND}</p></article></body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    res = read_paths([tmp_path])
    assert [a.id for a in res.articles] == ["a", "b"]
    assert all(a.text.startswith("A fire broke out") for a in res.articles)


def test_json_records_with_fields(tmp_path):
    recs = [
        {"id": "r1", "text": STORY, "title": "Fire at Selm port", "date": "2023-06-01T05:00:00Z",
         "outlet": "Selm Daily", "url": "https://selm.example/fire"},
        {"text": STORY.replace("Thursday", "Friday"), "url": "https://selm.example/fire-2"},
        {"id": "r3", "html": f"<html><body><article><p>{LEDE}</p><p>{SECOND}</p></article></body></html>"},
    ]
    (tmp_path / "recs.json").write_text(json.dumps(recs), encoding="utf-8")
    arts = read_file(tmp_path / "recs.json")
    assert arts[0].id == "r1" and arts[0].title == "Fire at Selm port" and arts[0].published == "2023-06-01"
    assert arts[0].outlet == "Selm Daily" and arts[0].url == "https://selm.example/fire"
    again = read_file(tmp_path / "recs.json")
    assert arts[1].id == again[1].id and len(arts[1].id) >= 8  # stable id from url/text
    assert arts[2].id == "r3" and arts[2].text.startswith("A fire broke out")


def test_jsonl_records_and_a_bad_line(tmp_path):
    good = tmp_path / "a.jsonl"
    good.write_text("\n".join(json.dumps({"id": f"n{i}", "text": STORY}) for i in range(3)), encoding="utf-8")
    assert [a.id for a in read_file(good)] == ["n0", "n1", "n2"]
    bad = tmp_path / "b.jsonl"
    bad.write_text(json.dumps({"id": "ok", "text": STORY}) + "\n{not json\n", encoding="utf-8")
    res = read_paths([bad])
    assert [a.id for a in res.articles] == ["ok"]  # the good record is kept
    [err] = res.errors
    assert "line 2" in str(err) and "b.jsonl" in str(err)


def test_record_without_text_is_an_error(tmp_path):
    (tmp_path / "r.json").write_text(json.dumps([{"id": "x", "title": "only a title"}]), encoding="utf-8")
    res = read_paths([tmp_path / "r.json"])
    [err] = res.errors
    assert "r.json" in str(err) and "record 1" in str(err) and "no text" in str(err)


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Selm Daily</title><link>https://selm.example/</link>
<item><title>Warehouse fire at the port</title><link>https://selm.example/fire</link>
<guid>selm-fire-1</guid><pubDate>Thu, 01 Jun 2023 06:00:00 GMT</pubDate>
<description><![CDATA[<p>{lede}</p><p>{second}</p>]]></description></item>
<item><title>Ferry timetable changes</title><link>https://selm.example/ferry</link>
<pubDate>Fri, 02 Jun 2023 06:00:00 GMT</pubDate>
<description>The summer ferry timetable starts on Monday with two extra crossings a day to the islands.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Vell Valley News</title>
<entry><title>Bridge reopens</title><id>tag:vell.example,2023:bridge</id>
<link href="https://vell.example/bridge"/><updated>2023-07-04T10:00:00Z</updated>
<content type="html">&lt;p&gt;The old bridge over the Vell reopened to traffic on Tuesday after two years of repairs, the council said.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_feed_entries_are_articles(tmp_path):
    (tmp_path / "feed.rss").write_text(RSS.replace("{lede}", LEDE).replace("{second}", SECOND), encoding="utf-8")
    arts = read_file(tmp_path / "feed.rss")
    assert [a.title for a in arts] == ["Warehouse fire at the port", "Ferry timetable changes"]
    assert arts[0].id == "selm-fire-1" and arts[0].published == "2023-06-01"
    assert arts[0].outlet == "Selm Daily" and arts[0].url == "https://selm.example/fire"
    assert arts[0].text.startswith("A fire broke out") and "<p>" not in arts[0].text


def test_atom_feed_sniffed_from_xml_content(tmp_path):
    (tmp_path / "vell.xml").write_text(ATOM, encoding="utf-8")
    [a] = read_file(tmp_path / "vell.xml")
    assert a.title == "Bridge reopens" and a.published == "2023-07-04" and a.outlet == "Vell Valley News"
    assert a.text.startswith("The old bridge")


# --- encodings -------------------------------------------------------------------------------

FRENCH = (
    "Le maire a déclaré à la presse qu’il était « prêt » à rouvrir le pont — sans délai. "
    "Les élèves de l’école voisine ont été évacués vers la salle des fêtes."
)


def test_windows_1252_text_is_decoded_with_its_quotes_and_dashes(tmp_path):
    (tmp_path / "cp.txt").write_bytes(FRENCH.encode("cp1252"))
    [a] = read_file(tmp_path / "cp.txt")
    assert a.text == FRENCH


def test_latin1_text_is_decoded(tmp_path):
    text = "Der Bürgermeister sagte, die Straße über den Fluss bleibe bis Freitag gesperrt. Die Schüler wurden früher entlassen."
    (tmp_path / "l1.txt").write_bytes(text.encode("latin-1"))
    [a] = read_file(tmp_path / "l1.txt")
    assert a.text == text


def test_mojibake_is_repaired(tmp_path):
    broken = FRENCH.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    (tmp_path / "moji.txt").write_bytes(broken)
    [a] = read_file(tmp_path / "moji.txt")
    assert "déclaré" in a.text and "Ã" not in a.text


def test_html_declared_charset_is_used(tmp_path):
    page = f'<html><head><meta charset="windows-1252"></head><body><article><p>{FRENCH}</p></article></body></html>'
    (tmp_path / "p.html").write_bytes(page.encode("cp1252"))
    [a] = read_file(tmp_path / "p.html")
    assert "« prêt »" in a.text


# --- bad input -------------------------------------------------------------------------------


def test_bad_inputs_each_give_one_line_and_good_ones_are_read(tmp_path):
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "a-good.txt").write_text(STORY, encoding="utf-8")
    (d / "b-empty.txt").write_bytes(b"")
    (d / "c-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "d-nulls.bin").write_bytes(b"\x00\x01\x02\x03" * 500)
    (d / "e-broken.json").write_text('{"id": "x", "text": ', encoding="utf-8")
    (d / "f-bad.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (d / "g-good.html").write_text(f"<html><body><p>{LEDE}</p><p>{SECOND}</p></body></html>", encoding="utf-8")
    (d / ".hidden.txt").write_text(STORY, encoding="utf-8")
    res = read_paths([d, tmp_path / "missing.txt"])
    assert [a.id for a in res.articles] == ["a-good", "g-good"]
    errs = _errors(res)
    assert set(errs) == {"b-empty.txt", "c-binary.txt", "d-nulls.bin", "e-broken.json", "f-bad.gz", "missing.txt"}
    assert "empty" in errs["b-empty.txt"] and "binary" in errs["c-binary.txt"]
    assert "no such file" in errs["missing.txt"]
    assert all("\n" not in str(e) for e in res.errors)


def test_huge_file_is_refused_quickly_with_a_clear_message(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:  # sparse: no disk or memory needed
        f.truncate(50 * 1024 * 1024)
    assert big.stat().st_size > MAX_BYTES
    res = read_paths([big])
    assert not res.articles and "too large" in _errors(res)["huge.txt"]


def test_text_far_too_long_for_an_article_is_refused(tmp_path):
    (tmp_path / "book.txt").write_text((SECOND + "\n") * 12_000, encoding="utf-8")
    res = read_paths([tmp_path / "book.txt"])
    assert not res.articles and "too long" in _errors(res)["book.txt"]


def test_hostile_html_gives_text_without_scripts(tmp_path):
    page = (
        "<html><body><script>alert('x-script')</script><p>" + LEDE + "</p>"
        "<iframe src='javascript:alert(1)'></iframe><p onclick=\"steal()\">" + SECOND
        + "<style>p{}</style><script>var neverEnds = 'x-unterminated'"
    )
    (tmp_path / "h.html").write_text(page, encoding="utf-8")
    res = read_paths([tmp_path / "h.html"])
    text = " ".join(a.text for a in res.articles)
    assert "x-script" not in text and "x-unterminated" not in text and "steal" not in text


def test_page_without_article_text_is_an_error(tmp_path):
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    res = read_paths([tmp_path / "nav.html"])
    assert not res.articles and "nav.html" in _errors(res)


def test_cli_exit_status_is_1_when_some_inputs_failed(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    code = main(["read", str(tmp_path), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 1
    assert json.loads(out)["id"] == "good"
    assert err.strip().count("\n") == 0 and "bad.txt" in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["dir-as-file.txt"])
def test_unreadable_entries_never_raise(tmp_path, name):
    (tmp_path / name).mkdir()
    res = read_paths([tmp_path / name])
    assert res.articles == [] and res.errors == []  # an empty directory: nothing to read
