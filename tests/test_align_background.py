"""Details that do not pin a fact down (fictional reports written here): a figure every sentence
of a story repeats, and a phrase of the trade two long quotations of different people share."""

from __future__ import annotations

from crosswire import facts
from crosswire.model import Article

DAY = "2031-09-10"


def art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, published=DAY, language="en")


def cited_together(sheet, a: tuple[str, int], b: tuple[str, int]) -> bool:
    return any({(c.article, c.sentence) for c in f.citations} >= {a, b} for f in sheet.facts)


# two reports of one rescue; "the nine miners and their foreman" is in nearly every sentence
FIRST = (
    "A regional governor says all nine miners and their foreman have been found alive in the shaft where "
    "they went missing over a week ago in Korvath.\n\n"
    "Relatives of the nine miners and their foreman react after they were found alive, in Korvath, Tuesday.\n\n"
    "Divers reached the nine miners and their foreman after swimming for four hours through narrow passages.\n\n"
    "Engineers are pumping water out of the shaft around the clock."
)
SECOND = (
    "Crews will take no risks in freeing the nine miners and their foreman trapped in a flooded pit in "
    "Korvath, an official said.\n\n"
    "The nine miners and their foreman are being given food and medicine by army medics.\n\n"
    "The nine miners and their foreman went missing on August 28 after a storm."
)


def test_a_figure_every_sentence_repeats_is_no_detail_of_a_fact():
    sheet = facts.analyze([art("a", FIRST), art("b", SECOND)], [], embedder=False)
    # relatives cheering is not stated by crews taking no chances: they share only the story's subject
    assert not cited_together(sheet, ("a", 1), ("b", 0))


# two reports of one dispute over grants; the minister and the police chief each speak at length
MINISTER = (
    "Interior minister Tomas Vell on Monday threatened to withhold road grants from the city of Orsk.\n\n"
    '"This government will not simply hand out grant money to towns that flout the law and shelter '
    'smugglers at the expense of public safety," Vell said in Orsk.\n\n'
    "The city council meets on Friday."
)
CHIEF = (
    "The city of Orsk said it would go to court over the road grants.\n\n"
    '"I have served as a police officer in Orsk for thirty years, and these plans will hamper neighbourhood '
    'patrols and public safety," police chief Ana Brel said in reply to Vell.\n\n'
    'Mayor Ivo Dane called the minister\'s plan "a bit of uncharted territory" for the city.'
)
MAYOR = (
    'Mayor Ivo Dane of Orsk said the minister\'s threat was "a bit of uncharted territory" for Orsk, '
    "speaking to reporters outside the town hall on a wet Monday afternoon.\n\n"
    "Dane is serving his second term."
)


def test_two_long_quotations_sharing_a_phrase_of_the_trade_state_no_one_fact():
    sheet = facts.analyze([art("m", MINISTER), art("c", CHIEF)], [], embedder=False)
    assert not cited_together(sheet, ("m", 1), ("c", 1))


def test_a_short_quotation_told_by_two_reports_still_ties_them():
    sheet = facts.analyze([art("c", CHIEF), art("y", MAYOR)], [], embedder=False)
    assert cited_together(sheet, ("c", 2), ("y", 0))
