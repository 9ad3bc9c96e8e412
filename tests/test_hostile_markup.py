"""Hostile text in every Markdown output renders as text: no HTML, no foreign link, no structure.

Each output is parsed by a CommonMark parser (markdown-it-py, with its tables and strikethrough
on, as a GitHub-like renderer would), and the tokens are checked, not the strings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.brief import build_brief
from crosswire.cli import main
from crosswire.copies import copies_markdown, find_copies
from crosswire.model import (
    Article,
    Citation,
    Conflict,
    ConflictSide,
    Entity,
    Fact,
    FactSheet,
    Quote,
    TimelineEvent,
)
from crosswire.brief.render import render_markdown
from crosswire.text.sentences import article_sentences
from crosswire.stories import cluster_stories, stories_markdown
from crosswire.text.safe import md_code, md_inline, md_paragraphs

markdown_it = pytest.importorskip("markdown_it")

# what an attacker writes into a title, an outlet, an id, a file name or a sentence
PAYLOADS = [
    "\\<img src=x onerror=alert(1)>",
    "\\[x\\](javascript:alert(1))",
    "[click](javascript:alert(1))",
    "![pixel](http://tracker.example/p.gif)",
    "<script>alert(1)</script>",
    "<link href=//evil.example/x.css rel=stylesheet>",
    "# A forged heading",
    "> a forged quotation",
    "- a forged item",
    "12. a forged numbered item",
    "| a | forged | table |",
    "`code` and ``more``",
    "<javascript:alert(1)>",
    "&lt;script&gt; and &#60;b&#62;",
    "line one\n# heading after a newline\n\n> quote after a blank line",
    "[ref]: javascript:alert(1)",
    "===",
    "***",
    "trailing backslash \\",
    "\\\\<b>double backslash</b>",
    "<!-- a comment --> <?php ?> <![CDATA[x]]>",
]


def _tokens(md: str) -> list:
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    out = []
    for tok in parser.parse(md):
        out.append(tok)
        out.extend(tok.children or [])
    return out


def _assert_inert(md: str, allowed_headings: set[str] | None = None, own: frozenset[str] = frozenset()) -> None:
    toks = _tokens(md)
    kinds = {t.type for t in toks} - own
    assert not kinds & {"html_inline", "html_block"}, md
    assert "image" not in kinds and "blockquote_open" not in kinds and "table_open" not in kinds, md
    assert "code_block" not in kinds and "fence" not in kinds and "hr" not in kinds, md
    for t in toks:
        if t.type == "link_open":
            assert str(t.attrs.get("href", "")).startswith(("http://", "https://")) or "/" not in str(
                t.attrs.get("href", "")) and ":" not in str(t.attrs.get("href", "")), t.attrs
    if allowed_headings is not None:
        heads = []
        all_toks = markdown_it.MarkdownIt("commonmark").parse(md)
        for k, t in enumerate(all_toks):
            if t.type == "heading_open":
                heads.append(all_toks[k + 1].content)
        for h in heads:
            assert any(h.startswith(a) for a in allowed_headings), (h, md)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_one_line_escaper_renders_as_the_text_itself(payload: str) -> None:
    md = f"- {md_inline(payload)}\n\n{md_inline(payload)}\n\n# {md_inline(payload)}\n"
    _assert_inert(md, {""})
    html = markdown_it.MarkdownIt("commonmark").render(f"{md_inline(payload)}\n")
    # the rendered text is the payload (whitespace collapsed), escaped for HTML
    from html import unescape

    assert unescape(html.removeprefix("<p>").removesuffix("</p>\n")) == " ".join(payload.split())


def test_code_spans_and_paragraphs_stay_literal() -> None:
    for p in PAYLOADS:
        _assert_inert(f"- id: {md_code(p)}\n", set())
        _assert_inert(md_paragraphs(p) + "\n", set())


def _hostile_brief():
    bad = PAYLOADS
    text_a = "\n\n".join(f"{p} The harbour crane collapsed on Monday." for p in bad[:8])
    text_b = "\n\n".join(f"{p} The harbour crane fell on Monday, officials said." for p in bad[8:16])
    arts = [
        Article(id="a`b\nc", text=text_a, title=bad[0], outlet=bad[5], path="/tmp/evil\n# name.txt",
                credits=[bad[3]], published="2031-03-04", dateline=bad[6]),
        Article(id="two", text=text_b, title=bad[1], outlet=bad[7], path="x\u202e.txt"),
    ]
    s = {a.id: article_sentences(a) for a in arts}
    cite_a, cite_b = Citation(arts[0].id, 0, s[arts[0].id][0].text), Citation("two", 0, s["two"][0].text)
    sheet = FactSheet(
        facts=[Fact("f1", bad[6], [arts[0].id, "two"], 2, bad[2], [cite_a, cite_b], 1.0, claim=bad[4]),
               Fact("f2", bad[14], ["two"], 1, None, [cite_b], 0.5, claim=bad[8])],
        conflicts=[Conflict("c1", bad[9], "claim", [ConflictSide(bad[10], bad[11], [arts[0].id], [cite_a]),
                                                    ConflictSide(bad[12], None, ["two"], [cite_b])])],
        quotes=[Quote(bad[13], bad[15], ["two"], [cite_b])],
        entities=[Entity(bad[16], "PERSON", [], ["two"]), Entity(bad[17], "ORG", [], ["two"])],
        timeline=[TimelineEvent(bad[18], bad[19], ["two"], [cite_b])],
        sentences=s,
    )
    return build_brief(arts, [], sheet, words=60), arts


def test_brief_markdown_has_only_its_own_structure() -> None:
    b, _ = _hostile_brief()
    md = render_markdown(b)
    _assert_inert(md)
    ours = {"Summary", "What all sources agree on", "Reported by only some", "Where they disagree", "Quotes",
            "Key numbers", "Timeline", "People, organisations and places", "Sources", "Claim:",
            "Independent report", "One report"}
    heads = []
    toks = markdown_it.MarkdownIt("commonmark").parse(md)
    for k, t in enumerate(toks):
        if t.type == "heading_open" and t.tag != "h1":
            heads.append(toks[k + 1].content)
    assert all(any(h.startswith(o) for o in ours) for h in heads), heads
    assert sum(t.type == "heading_open" and t.tag == "h1" for t in toks) == 1


def test_read_copies_and_stories_markdown_escape_everything(tmp_path: Path, capsys) -> None:
    rows = [{"id": f"r{k}`<x>", "title": p, "outlet": p, "text": f"{p}\n\n{p} The crane at the harbour collapsed on "
             f"Monday morning, injuring two workers, officials said."} for k, p in enumerate(PAYLOADS)]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    for cmd in ("read", "copies"):
        out = tmp_path / f"{cmd}.md"
        assert main([cmd, str(src), "--format", "md", "-o", str(out)]) == 0
        _assert_inert(out.read_text(encoding="utf-8"), own=frozenset({"hr"}))  # read separates articles by rules
    arts = [Article(id=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"]) for r in rows]
    _assert_inert(copies_markdown(arts, find_copies(arts)))
    _assert_inert(stories_markdown(arts, cluster_stories(arts)))


def test_a_file_name_with_a_newline_stays_in_its_heading(tmp_path: Path) -> None:
    name = tmp_path / "report\n# forged.txt"
    name.write_text("The crane at the harbour collapsed on Monday morning, injuring two workers.\n", encoding="utf-8")
    out = tmp_path / "read.md"
    assert main(["read", str(name), "--format", "md", "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    toks = markdown_it.MarkdownIt("commonmark").parse(md)
    assert sum(t.type == "heading_open" for t in toks) == 1


def test_briefs_markdown_index_escapes_headlines(tmp_path: Path) -> None:
    from crosswire import batch
    from crosswire.model import Story

    _, arts = _hostile_brief()
    story = Story(id="s1", articles=[a.id for a in arts], headline=PAYLOADS[1])
    o = batch.StoryOutcome(story=story, articles=2, path=tmp_path / "s1.md", headline=PAYLOADS[0], sources=2)
    fail = batch.StoryOutcome(story=Story(id="s2", articles=[arts[0].id], headline=PAYLOADS[2]), articles=1,
                              error=PAYLOADS[4])
    index = batch.write_index([o, fail], arts, [arts[1].id], tmp_path, fmt="md").read_text(encoding="utf-8")
    _assert_inert(index)
    links = [t for t in _tokens(index) if t.type == "link_open"]
    assert [t.attrs["href"] for t in links] == ["s1.md"]


def test_html_brief_isolates_text_and_drops_controls() -> None:
    from crosswire.brief.render import render_html

    b, arts = _hostile_brief()
    arts[0].title = "\u202eSWEN XOF\x1b]0;pwned\x07"
    html = render_html(b)
    assert "\u202e" not in html and "\x1b" not in html and "\x07" not in html
    assert "<bdi>" in html and "<script>alert" not in html
