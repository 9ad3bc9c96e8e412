"""Figures that change over time are shown as updates, in order, and never as conflicts.

A toll that rises from one day's report to the next ("12 dead", "the toll rose to 14",
"climbed to 17"), or a sentence that moves from one value to another ("up from 12"), is
an update; two reports giving different tolls for the same day stay a conflict; figures
that agree, or count different things, are neither.  All articles are made up here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crosswire import brief
from crosswire import facts
from crosswire.brief import render
from crosswire.model import Article, to_json
from crosswire.text.sentences import article_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"


def art(aid: str, text: str, published: str | None = "2031-05-12", outlet: str | None = None) -> Article:
    return Article(id=aid, text=text, published=published, language="en", outlet=outlet or f"Outlet {aid}")


def make_brief(arts: list[Article]):
    sheet = facts.analyze(arts, [], embedder=False)
    return brief.build_brief(arts, [], sheet)


def number_conflicts(b) -> list:
    return [c for c in b.facts.conflicts if c.kind == "number"]


def assert_verbatim(b) -> None:
    texts = {a.id: [s.text for s in article_sentences(a)] for a in b.articles}
    for u in b.facts.updates:
        for v in u.values:
            assert v.citations, v
            for c in v.citations:
                assert texts[c.article][c.sentence] == c.text
            assert {c.article for c in v.citations} <= set(v.articles)


def rising_toll() -> list[Article]:
    # Monday 2031-05-12, Tuesday 2031-05-13, Wednesday 2031-05-14
    return [
        art("mon", "Twelve people died when a ferry capsized off the coast of Velmar on Monday, the coast "
                   "guard said.\n\nRescuers searched the cold water through the night.", "2031-05-12",
            "Harbour Gazette"),
        art("wed", "The toll from the Velmar ferry disaster climbed to 17 on Wednesday as divers recovered "
                   "more bodies from the hull.\n\nThe ferry operator has suspended all crossings.", "2031-05-14",
            "Island Post"),
        art("tue", "The death toll from Monday's ferry capsizing off Velmar rose to 14 on Tuesday, the coast "
                   "guard said.\n\nDivers found two more bodies near the wreck.", "2031-05-13",
            "Coastal Herald"),
    ]


def test_a_toll_rising_over_three_days_is_one_update_in_time_order():
    b = make_brief(rising_toll())
    assert len(b.facts.updates) == 1
    u = b.facts.updates[0]
    assert u.what == "dead"
    assert [v.value for v in u.values] == [12, 14, 17]
    assert [v.date for v in u.values] == ["2031-05-12", "2031-05-13", "2031-05-14"]
    assert [v.articles for v in u.values] == [["mon"], ["tue"], ["wed"]]
    assert "12" in u.about and "17" in u.about
    assert_verbatim(b)
    assert number_conflicts(b) == []  # an update is not a contradiction


def test_the_update_is_in_the_json_and_both_human_formats():
    b = make_brief(rising_toll())
    obj = json.loads(render.render(b, "json"))
    assert [v["value"] for v in obj["updates"][0]["values"]] == [12, 14, 17]
    cited = obj["updates"][0]["values"][1]["citations"][0]
    assert cited["article"] == "tue" and "rose to 14" in cited["text"]
    md = render.render_markdown(b)
    assert "## How the figures changed" in md
    section = md.split("## How the figures changed")[1].split("\n## ")[0]
    assert section.index("**12**") < section.index("**14**") < section.index("**17**")
    assert "[C:0]" in section  # the third report (by input order) gives 14
    html = render.render_html(b)
    assert 'id="updates"' in html and "How the figures changed" in html


def test_no_update_section_without_an_update():
    b = make_brief([art("a", "Twelve people died when a ferry capsized off Velmar on Monday, police said.")])
    assert b.facts.updates == []
    assert to_json(b)["updates"] == []
    assert "How the figures changed" not in render.render_markdown(b)
    assert 'id="updates"' not in render.render_html(b)


def test_one_report_telling_the_rise_is_an_update():
    b = make_brief([art("a", "The death toll from the Velmar ferry capsizing rose to 15 on Wednesday, up from "
                             "12 on Monday, the coast guard said.\n\nDivers are still searching the hull.",
                        "2031-05-14")])
    assert len(b.facts.updates) == 1
    values = b.facts.updates[0].values
    assert [v.value for v in values] == [12, 15]
    assert [v.date for v in values] == ["2031-05-12", "2031-05-14"]
    assert all(c.sentence == 0 for v in values for c in v.citations)
    assert_verbatim(b)
    assert number_conflicts(b) == []


def test_reports_of_two_days_giving_a_higher_toll_are_an_update_not_a_conflict():
    # no day in the sentences: the reports' own dates order the values
    b = make_brief([art("b", "Fifteen people died in the capsizing of the Velmar ferry, police said.", "2031-05-14"),
                    art("a", "Twelve people died in the capsizing of the Velmar ferry, police said.", "2031-05-12")])
    assert [[(v.value, v.date, v.articles) for v in u.values] for u in b.facts.updates] == [
        [(12, "2031-05-12", ["a"]), (15, "2031-05-14", ["b"])]]
    assert number_conflicts(b) == []


def test_a_toll_that_rose_in_undated_reports_is_ordered_by_its_wording():
    b = make_brief([art("a", "Twelve people were killed when the Velmar ferry capsized in a storm.", None),
                    art("b", "The death toll from the Velmar ferry capsizing has risen to 15, rescuers said.", None)])
    assert [[v.value for v in u.values] for u in b.facts.updates] == [[12, 15]]
    assert [v.date for v in b.facts.updates[0].values] == [None, None]
    assert number_conflicts(b) == []
    section = render.render_markdown(b).split("## How the figures changed")[1]
    assert section.index("- earlier — **12**") < section.index("- later — **15**")


def test_a_french_toll_that_rose_is_an_update():
    arts = [art("a", "12 personnes sont mortes lundi dans le naufrage d'un ferry au large de Velmar, selon "
                     "les garde-côtes.", "2031-05-12"),
            art("b", "Le bilan du naufrage du ferry de Velmar s'est alourdi à 15 morts mercredi, selon les "
                     "garde-côtes.", "2031-05-14")]
    for a in arts:
        a.language = "fr"
    b = make_brief(arts)
    assert [[(v.value, v.date) for v in u.values] for u in b.facts.updates] == [
        [(12, "2031-05-12"), (15, "2031-05-14")]]
    assert number_conflicts(b) == []


def test_two_reports_disagreeing_on_the_same_day_are_a_conflict_not_an_update():
    b = make_brief([art("a", "Police said twelve people died when the Velmar ferry capsized on Monday."),
                    art("b", "Fifteen people died when the Velmar ferry capsized on Monday, the coast guard said.")])
    assert b.facts.updates == []
    assert len(number_conflicts(b)) == 1


def test_a_lower_toll_in_a_later_report_without_a_revision_is_no_update():
    b = make_brief([art("a", "Fifteen people died when the Velmar ferry capsized on Monday, police said.",
                        "2031-05-12"),
                    art("b", "Twelve people died when the Velmar ferry capsized on Monday, police said.",
                        "2031-05-13")])
    assert b.facts.updates == []


def test_a_toll_revised_down_is_an_update():
    b = make_brief([art("a", "Fifteen people died when the Velmar ferry capsized on Monday, police said.",
                        "2031-05-12"),
                    art("b", "Police revised the death toll from the Velmar ferry capsizing down to 13 on "
                             "Tuesday after two passengers were found alive.", "2031-05-13")])
    assert [[v.value for v in u.values] for u in b.facts.updates] == [[15, 13]]
    assert number_conflicts(b) == []


@pytest.mark.parametrize("texts", [
    # figures that agree, with their qualifiers, on two days
    ("At least 144 people died in the concert hall attack near Orvale, officials said.",
     "More than 140 people were killed in the attack on the Orvale concert hall, officials said."),
    # different counted things on two days
    ("Twelve people died when the Velmar ferry capsized on Monday, police said.",
     "Forty passengers were injured when the Velmar ferry capsized, the coast guard said on Tuesday."),
    # another year's disaster is history, not an earlier toll
    ("Twelve people died when the Velmar ferry capsized on Monday, police said.",
     "In 2019 a storm off Velmar killed 40 people, the coast guard recalled."),
    # a part of the count is not an earlier count
    ("Twelve people died when the Velmar ferry capsized on Monday, police said.",
     "Police on Tuesday identified two of the people who died in the Velmar ferry capsizing."),
    ("Eleven people died when a gunman opened fire at the Velmar ferry terminal on Monday, police said.",
     "The gunman killed six men and five women at the Velmar ferry terminal, police said on Tuesday."),
    # a toll somebody fears is no count
    ("Twelve people died when the Velmar ferry capsized on Monday, police said.",
     "Officials fear the toll from the Velmar ferry capsizing could rise to 30 as the search goes on."),
])
def test_agreeing_figures_and_other_things_are_neither_update_nor_conflict(texts):
    b = make_brief([art("a", texts[0], "2031-05-12"), art("b", texts[1], "2031-05-13")])
    assert b.facts.updates == []
    assert number_conflicts(b) == []


def test_one_report_giving_two_tolls_of_two_events_is_no_update():
    b = make_brief([art("a", "A bomb in the Velmar market killed four people on Monday, police said.\n\n"
                             "A second blast at the Velmar port killed 12 people on Thursday, police said.",
                        "2031-05-16")])
    assert b.facts.updates == []


def test_money_of_two_days_is_not_an_update_but_up_from_is():
    b = make_brief([art("a", "The council set aside $2 million for the Velmar harbour repairs on Monday.",
                        "2031-05-12"),
                    art("b", "The council set aside $5 million for the Velmar harbour repairs, up from $2 "
                             "million, officials said on Wednesday.", "2031-05-14")])
    assert [[v.value for v in u.values] for u in b.facts.updates] == [[2e6, 5e6]]


def test_article_text_in_the_update_section_is_escaped():
    arts = rising_toll()
    arts[1].text = arts[1].text.replace("as divers", "as <script>alert(1)</script> divers")
    html = render.render_html(make_brief(arts))
    section = html.split('id="updates"')[1].split("</section>")[0]
    assert "<script>" not in section and "&lt;script&gt;" in section


def test_seeds_have_no_false_update_or_conflict_on_the_toll():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is absent")
    out = subprocess.run([sys.executable, "-m", "crosswire", "brief", str(seeds), "--format", "json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert [u for u in obj["updates"] if u["what"] == "dead"] == []
    assert [c for c in obj["conflicts"] if c["kind"] == "number"] == []
