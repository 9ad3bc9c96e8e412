"""Facts told in other words, inside longer sentences, or in quotations (fictional reports written here).

The reports are one invented event (cholera talks between two invented countries), written
the ways wire copy, a rewrite and an independent report would write it.
"""

from __future__ import annotations

from crosswire import facts
from crosswire.model import Article, CopyGroup

DAY = "2031-05-15"  # a Thursday: "on Wednesday" is 2031-05-14


def art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, published=DAY, language="en")


def analyze(arts, groups=()):
    return facts.analyze(list(arts), list(groups), embedder=False)


def facts_citing(sheet, article: str, index: int):
    return [f for f in sheet.facts if any(c.article == article and c.sentence == index for c in f.citations)]


# three independent reports; each lead tells the talks in its own words
WIRE = ("The health ministers of Norland and Estavia on Wednesday held rare phone talks, their first such contact "
        "since March 2029, discussing the outbreak in Varno reported by the port authority and the closed border, "
        "Norland's health ministry said.\n\n"
        "Norland's minister Petra Alving told her counterpart Ivo Marek that Norland was always ready to face down "
        "epidemics and to offer \"increased technical support\" with water purification units, her ministry said.\n\n"
        "Schools in Varno stayed shut for a third week.")
REWRITE = ("Norland's Minister of Public Health Petra Alving spoke by telephone on Wednesday with her Estavian "
           "counterpart Ivo Marek, a first since March 2029, after the recent outbreak in Varno reported by the "
           "port authority, her ministry announced.\n\n"
           "Alving \"recalled Norland's availability\" for \"increased technical support\" in the fight against the "
           "outbreak, according to a statement.\n\n"
           "Fishermen in Varno have been told not to sell their catch.")
OTHER = ("The Norland and Estavia health ministers spoke by phone on May 14 in a rare call that touched on the "
         "closed border and the cholera outbreak in Varno, where more than 40 people have died.\n\n"
         "The two-hour call between Alving and Marek came as Norland prepares to host the regional games in June.\n\n"
         "The call took place at the request of Norland and was the first between the two ministers since March "
         "2029, according to Norland's health ministry.\n\n"
         "Estavia has not said whether it will accept the units.")
LATE = ("This two-hour call was held at the request of Estavia, which said it had no evidence that the outbreak "
        "began in Norland.\n\n"
        "A hospital ship is expected in Varno next week.")


def test_leads_worded_apart_are_one_fact_with_every_source():
    sheet = analyze([art("w", WIRE), art("r", REWRITE), art("o", OTHER)])
    talks = facts_citing(sheet, "w", 0)
    assert talks
    assert any({"w", "r", "o"} <= set(f.articles) and f.independent_sources == 3 for f in talks)


def test_a_detail_told_inside_another_lead_counts_its_source():
    # "the first contact since March 2029" is a sentence of its own in one report and a clause of
    # the lead in the two others: all three reports state it
    sheet = analyze([art("w", WIRE), art("r", REWRITE), art("o", OTHER)])
    first = [f for f in facts_citing(sheet, "o", 2)]
    assert first and max(f.independent_sources for f in first) == 3


def test_the_same_quotation_worded_around_differently_is_one_fact():
    sheet = analyze([art("w", WIRE), art("r", REWRITE), art("o", OTHER)])
    offer = facts_citing(sheet, "w", 1)
    assert any({"w", "r"} <= set(f.articles) for f in offer)


def test_copies_still_count_once_when_their_leads_are_rewritten():
    group = CopyGroup(["w", "r"], "w", "rewrite", 0.7)
    sheet = analyze([art("w", WIRE), art("r", REWRITE), art("o", OTHER)], [group])
    talks = facts_citing(sheet, "w", 0)
    assert any({"w", "r", "o"} <= set(f.articles) and f.independent_sources == 2 for f in talks)
    assert all(f.independent_sources <= 2 for f in sheet.facts)


def test_the_same_figure_inside_a_longer_sentence_supports_the_fact():
    sheet = analyze([art("o", OTHER), art("l", LATE)])
    length = facts_citing(sheet, "o", 1)
    assert any("l" in f.articles and f.independent_sources == 2 for f in length)


def test_another_figure_does_not_support_the_fact():
    late = LATE.replace("two-hour", "three-hour")
    sheet = analyze([art("o", OTHER), art("l", late)])
    length = facts_citing(sheet, "o", 1)
    assert length and all(f.articles == ["o"] for f in length)


def test_another_quotation_with_the_same_names_is_not_the_same_fact():
    other = REWRITE.replace("increased technical support", "no more than a gesture")
    sheet = analyze([art("w", WIRE), art("r", other)])
    offer = facts_citing(sheet, "w", 1)
    assert offer and not any(c.article == "r" and c.sentence == 1 for f in offer for c in f.citations)


def test_a_lead_with_another_claim_on_the_same_day_stays_apart():
    accused = ("Estavia's government on Wednesday accused Norland of hiding the first cases of the outbreak in "
               "Varno since March 2029.\n\nSchools in Varno stayed shut.")
    sheet = analyze([art("w", WIRE), art("a", accused)])
    claim = facts_citing(sheet, "a", 0)
    assert claim and all(f.articles == ["a"] for f in claim)
