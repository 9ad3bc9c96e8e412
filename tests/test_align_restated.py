"""One report telling a fact twice: one fact, cited twice, its source counted once (invented reports).

The reports are an invented study of flood deaths in an invented valley; the second report
tells its finding in its lead and again, in other words, in its closing quotation.
"""

from __future__ import annotations

from crosswire import facts
from crosswire.model import Article

DAY = "2031-05-15"


def art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, published=DAY, language="en")


def analyze(arts):
    return facts.analyze(list(arts), [], embedder=False)


def facts_citing(sheet, article: str, index: int):
    return [f for f in sheet.facts if any(c.article == article and c.sentence == index for c in f.citations)]


STUDY = (
    "Results The flood death rate in the Orvane valley was stable over the ten years of study, at 2.1 to 2.0 "
    "per 100,000 people.\n\n"
    "Conclusions The stable overall flood death rate in the Orvane valley during ten years of study hid a sharp "
    "rise among farm workers and a fall among town dwellers.\n\n"
    "The authors thank the valley's rescue services."
)
NEWS = (
    "The overall flood death rate in the Orvane valley stayed stable during the ten years of the study, but "
    "that stability hid sharp differences between farm workers and town dwellers, researchers said.\n\n"
    "Farm workers were more likely to live near the river banks, the study found.\n\n"
    '"The stable overall flood death rate in the Orvane valley during ten years of study masked a sharp rise '
    'among farm workers and a fall among town dwellers," the authors wrote.'
)


def test_a_fact_a_report_tells_twice_is_one_fact_citing_both_sentences():
    sheet = analyze([art("s", STUDY), art("n", NEWS)])
    lead = facts_citing(sheet, "n", 0)
    closing = facts_citing(sheet, "n", 2)
    assert lead and closing
    # no fact of the lead alone: it is cited with the study's conclusion and the closing quotation
    assert all(set(f.articles) == {"s", "n"} for f in lead)
    assert {id(f) for f in lead} & {id(f) for f in closing}
    shared = next(f for f in lead if f in closing)
    assert shared.independent_sources == 2


OBIT = "Mara Velt died in 1984.\n\nTomas Ilgen died in 2006.\n\nThe couple had three children."
NOTICE = (
    "Painter Ana Velt, the daughter of Mara Velt and Tomas Ilgen, has died in Lisbon, her family said.\n\nShe was 58."
)


def test_two_sentences_of_a_report_about_two_people_stay_two_facts():
    sheet = analyze([art("o", OBIT), art("t", NOTICE)])
    assert not [f for f in facts_citing(sheet, "o", 0) if f in facts_citing(sheet, "o", 1)]


ROUNDUP = (
    "Read more about the Halden case here.\n\n"
    "The court in Varno heard both appeals on Monday.\n\n"
    "Read more about the Oskar case here."
)
DIGEST = "Read more about the Halden case here.\n\nBoth appeals were heard in Varno on Monday."


def test_two_links_to_other_cases_are_not_one_fact():
    sheet = analyze([art("r", ROUNDUP), art("d", DIGEST)])
    assert not [f for f in facts_citing(sheet, "r", 0) if f in facts_citing(sheet, "r", 2)]
