"""The brief as Markdown and HTML: every section, citations, copies, escaping, no network."""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape

import pytest

from crosswire.brief import build_brief
from crosswire.model import (
    Article,
    Citation,
    Conflict,
    ConflictSide,
    CopyGroup,
    Entity,
    Fact,
    FactSheet,
    Number,
    Quote,
    TimelineEvent,
)
from crosswire.brief.render import agreement_threshold, article_labels, render_html, render_markdown
from crosswire.text.sentences import article_sentences

# A fictional story: a dam inspection told by an agency (published twice) and a local paper.
AGENCY = (
    "Engineers found cracks in the Morrow Dam on Tuesday and ordered the reservoir lowered by two metres, "
    "the water board said.\n\n"
    "About 3,000 people living below the dam were told to prepare to leave their homes.\n\n"
    "\"There is no immediate danger,\" said board chairwoman Ida Velk."
)
LOCAL = (
    "Inspectors discovered cracks in the Morrow Dam on Tuesday, and the reservoir will be lowered by two metres.\n\n"
    "Some 5,000 residents downstream were told to be ready to evacuate.\n\n"
    "The dam was completed in 1964 and was last repaired in 2009."
)
HOSTILE = (
    "<script>window.__pwned=1</script> Officials found cracks in the Morrow Dam on Tuesday and lowered the reservoir.\n\n"
    "Residents said the warning <img src=x onerror=\"window.__pwned=2\"> came too late for farms below the dam."
)


def _brief(hostile: bool = False):
    arts = [
        Article(id="agency", text=AGENCY, title="Cracks found in Morrow Dam", outlet="Valley Agency",
                credits=["VA"], published="2031-03-04"),
        Article(id="copy", text=AGENCY, title="Morrow Dam cracked", outlet="Riverside Post", published="2031-03-04"),
        Article(id="local", text=HOSTILE if hostile else LOCAL, title="<b>Dam</b> cracks" if hostile else "Dam cracks",
                outlet="Lowtown News"),
    ]
    s = {a.id: article_sentences(a) for a in arts}

    def c(aid: str, i: int) -> Citation:
        return Citation(aid, i, s[aid][i].text)

    sheet = FactSheet(
        facts=[
            Fact("f1", s["agency"][0].text, ["agency", "copy", "local"], 2, "the water board",
                 [c("agency", 0), c("local", 0)], 1.0),
            Fact("f2", s["local"][-1].text, ["local"], 1, None, [c("local", len(s["local"]) - 1)], 0.5),
        ],
        conflicts=[Conflict("c1", "people told to prepare to leave", "number", [
            ConflictSide("About 3,000 people", "the water board", ["agency", "copy"], [c("agency", 1)]),
            ConflictSide("Some 5,000 residents", None, ["local"], [c("local", 1)]),
        ])] if not hostile else [],
        quotes=[Quote("Ida Velk", "There is no immediate danger,", ["agency", "copy"], [c("agency", 2)])],
        numbers=[Number(2, "metres the reservoir is lowered", "lowered by two metres", ["agency", "local"],
                        None, [c("agency", 0)])],
        entities=[Entity("Ida Velk", "PERSON", [], ["agency"]), Entity("Morrow Dam", "FAC", [], ["agency", "local"]),
                  Entity("water board", "ORG", [], ["agency"])],
        timeline=[TimelineEvent("1964", "The dam was completed", ["local"], [])],
        sentences=s,
    )
    groups = [CopyGroup(["agency", "copy"], "agency", "identical", 1.0)]
    return build_brief(arts, groups, sheet, words=40)


def test_labels_run_past_z():
    labels = article_labels([Article(id=str(i), text="x") for i in range(28)])
    assert labels["0"] == "A" and labels["25"] == "Z" and labels["26"] == "AA" and labels["27"] == "AB"


def test_agreement_needs_everyone_when_few_a_majority_when_many():
    assert agreement_threshold(1) == 1 and agreement_threshold(3) == 3
    assert agreement_threshold(6) == 3 and agreement_threshold(4) == 2


def test_markdown_shows_every_section_with_citations():
    md = render_markdown(_brief())
    for heading in ("## Summary", "## What all sources agree on", "## Reported by only some",
                    "## Where they disagree", "## Quotes", "## Key numbers", "## Timeline",
                    "## People, organisations and places", "## Sources"):
        assert heading in md
    summary = md.split("## Summary")[1].split("##")[0]
    lines = [ln for ln in summary.splitlines() if ln.strip()]
    assert lines and all(re.search(r"\[[A-Z]+:\d+\]", ln) for ln in lines)
    agreed = md.split("## What all sources agree on")[1].split("##")[0]
    assert "cracks in the Morrow Dam" in agreed  # two independent sources of two
    some = md.split("## Reported by only some")[1].split("##")[0]
    assert "1964" in some and "Lowtown News (C)" in some


def test_markdown_shows_both_sides_of_a_disagreement_and_who_carries_them():
    md = render_markdown(_brief())
    part = md.split("## Where they disagree")[1].split("## Quotes")[0]
    assert "About 3,000 people" in part and "Some 5,000 residents" in part
    assert "the water board" in part and "Valley Agency (A) + Riverside Post (B)" in part  # copies of one report, joined


def test_markdown_draws_copies_as_one_report():
    md = render_markdown(_brief())
    sources = md.split("## Sources")[1]
    assert sources.count("### ") == 2  # one group of two copies, one independent report
    assert "One report, 2 copies (identical" in sources
    assert "Valley Agency" in sources and "2031-03-04" in sources and "credits: VA" in sources
    assert "Ida Velk" in md.split("## Quotes")[1]


def test_html_is_self_contained_and_locked_down():
    html = render_html(_brief())
    assert 'name="viewport"' in html
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", html, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp  # the only inline code that may run


def test_html_citation_markers_carry_the_cited_sentence():
    html = render_html(_brief())
    first = html.split('id="summary"')[1].split("</section>")[0]
    pop = re.search(r'<span class="cite g\d"[^>]*>([A-Z]+:\d+)<span class="pop" role="tooltip"><b>([^<]*)</b>([^<]*)</span>',
                    first)
    assert pop is not None
    assert "sentence" in pop.group(2) and len(pop.group(3)) > 20


def test_html_escapes_article_content():
    html = render_html(_brief(hostile=True))
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "<b>Dam</b>" not in html
    assert html.count("<script>") == 1


def test_copy_groups_share_a_colour_class():
    html = render_html(_brief())
    colour = {label: g for g, label in re.findall(r'<span class="label (g\d)">([A-Z]+)</span>', html)}
    assert colour["A"] == colour["B"] != colour["C"]


@pytest.mark.parametrize("render", [render_markdown, render_html])
def test_empty_brief_renders(render):
    brief = build_brief([Article(id="a", text="")], [], None)
    out = render(brief)
    assert "Summary" in out and "Sources" in out


def test_markdown_keeps_article_html_inert():
    md = render_markdown(_brief(hostile=True))
    assert re.search(r"(?<!\\)<", md) is None  # every "<" escaped: no tag in any Markdown viewer
    assert "\\<img src=x" in md


def test_quotes_and_figures_read_naturally():
    md = render_markdown(_brief())
    assert "- “There is no immediate danger”" in md  # no doubled quote marks
    assert "- 2 metres the reservoir is lowered" in md  # 2.0 written as 2


@pytest.mark.parametrize("render", [render_markdown, render_html])
def test_a_sparse_or_odd_fact_sheet_still_renders(render):
    arts = [Article(id="a", text="The museum reopened on Monday after two years of repairs to its roof.")]
    sheet = FactSheet(
        facts=[Fact("f", "The museum reopened.", ["a", "gone"], 0, None, [Citation("a", 7, "")], 0.0)],
        conflicts=[Conflict("c", "date", "date", [ConflictSide("Monday", None, ["missing"], [])])],
        quotes=[Quote(None, "", ["a"], [])],
        numbers=[Number(float("nan"), "", "", ["a"])],
        entities=[Entity("Museum", "", [], [])],
        timeline=[TimelineEvent("2031", "reopened", ["a"], []), TimelineEvent("", "", [], [])],
    )
    out = render(build_brief(arts, [], sheet, words=20))
    assert "The museum reopened" in out and "Unattributed" in out


def test_only_some_says_how_many_sources_and_a_conflict_names_its_kind_once():
    md = render_markdown(_brief())
    some = md.split("## Reported by only some")[1].split("##")[0]
    assert "reported by 1 of 2 sources: Lowtown News (C)" in some
    part = md.split("## Where they disagree")[1].split("## Quotes")[0]
    assert "### Number: people told to prepare to leave" in part
    assert "(number)" not in part


def test_a_report_without_outlet_or_title_is_named_by_its_file():
    arts = [Article(id="r1", text=LOCAL, path="/data/in/report-17.txt")]
    md = render_markdown(build_brief(arts, [], FactSheet(), words=30))
    line = next(ln for ln in md.split("## Sources")[1].splitlines() if ln.startswith("- **A**"))
    assert "outlet unknown" in line and "report-17.txt" in line and "id r1" not in line


def test_a_quote_ending_in_an_inner_quote_loses_the_comma():
    arts = [Article(id="a", text="Talks could start soon. \"The basis could be the 'Harbour Accord,'\" he added.")]
    s = article_sentences(arts[0])
    sheet = FactSheet(quotes=[Quote("the envoy", "\"The basis could be the 'Harbour Accord,'\"", ["a"],
                                    [Citation("a", 1, s[1].text)])], sentences={"a": s})
    md = render_markdown(build_brief(arts, [], sheet, words=20))
    assert "“The basis could be the 'Harbour Accord'”" in md


def test_a_conflict_about_nothing_but_its_first_claim_is_headed_by_who_disagrees():
    arts = [Article(id="a", text="The mill will close in May, the owners said. The union denied that the mill would close.")]
    s = article_sentences(arts[0])
    sheet = FactSheet(conflicts=[Conflict("c1", "denial: The mill will close in May,", "denial", [
        ConflictSide(s[0].text, "the owners", ["a"], [Citation("a", 0, s[0].text)]),
        ConflictSide(s[1].text, "the union", ["a"], [Citation("a", 1, s[1].text)]),
    ])], sentences={"a": s})
    md = render_markdown(build_brief(arts, [], sheet, words=20))
    assert "### Denial: the owners vs the union" in md


def test_html_folds_a_long_list_after_fifteen_items():
    text = "\n\n".join(f"Ward {k} of the town reported {k + 2} flooded cellars on Sunday night." for k in range(20))
    arts = [Article(id="a", text=text, outlet="Town Crier")]
    s = {"a": article_sentences(arts[0])}
    facts = [Fact(f"f{k}", s["a"][k].text, ["a"], 1, None, [Citation("a", k, s["a"][k].text)]) for k in range(20)]
    brief = build_brief(arts + [Article(id="b", text="A second paper.")], [], FactSheet(facts=facts, sentences=s),
                        words=20)
    html = render_html(brief)
    some = html.split('id="some"')[1].split("</section>")[0]
    visible, folded = some.split('<details class="more">')
    assert visible.count("<li>") == 15 and folded.count("<li>") == 5 and "5 more" in folded


def test_the_marker_explanation_uses_a_marker_of_this_brief():
    brief = _brief()
    md = render_markdown(brief)
    found = re.search(r"\[([A-Z]+:\d+)\] cites sentence", md)
    assert found
    marker = found.group(1)
    assert any(f"{lab}:{c.sentence}" == marker for s in brief.summary for c in s.citations
               for aid, lab in article_labels(brief.articles).items() if aid == c.article)
