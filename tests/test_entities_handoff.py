"""The entity hand-off is an argument of ``facts.analyze``: nothing hidden changes its output."""

from __future__ import annotations

from crosswire.facts import entities
from crosswire import facts
from crosswire.model import Article, Entity

FERRY = [
    Article(id="a", language="en", text=(
        "The ferry Marisol ran aground near Port Edvin on Tuesday, the coastguard said.\n\n"
        "Captain Ilse Brandvik said all 212 passengers were taken ashore by lifeboat.")),
    Article(id="b", language="en", text=(
        "All 212 passengers of the Marisol were brought ashore after the ferry struck rocks near Port Edvin.\n\n"
        "Ilse Brandvik, the captain, told reporters the tide had turned faster than expected.")),
]


def names(found: list[Entity]) -> set[str]:
    return {e.name for e in found}


def test_a_pending_handle_leaves_the_sheet_without_entities_and_gives_them_later():
    plain = facts.analyze(FERRY, [], embedder=False)
    pending = entities.Pending()
    sheet = facts.analyze(FERRY, [], embedder=False, entities=pending)
    assert sheet.entities == []
    assert pending.result() == plain.entities
    assert any("Brandvik" in n for n in names(plain.entities))
    # everything else in the sheet is the same
    assert sheet.facts == plain.facts and sheet.timeline == plain.timeline and sheet.quotes == plain.quotes


def test_precomputed_entities_are_taken_as_given():
    given = [Entity("Port Edvin", "GPE", [], ["a", "b"])]
    sheet = facts.analyze(FERRY, [], embedder=False, entities=given)
    assert sheet.entities == given
    assert sheet.entities is not given  # the caller's list is not shared with the sheet


def test_analyze_answers_the_same_inside_and_outside_a_pending_brief():
    """A handle given to one call does not change what a later call without it returns."""
    first = facts.analyze(FERRY, [], embedder=False)
    facts.analyze(FERRY, [], embedder=False, entities=entities.Pending())
    again = facts.analyze(FERRY, [], embedder=False)
    assert again.entities == first.entities != []


def test_a_handle_never_attached_has_no_entities():
    assert entities.Pending().result() == []


def test_brief_for_fills_in_the_entities_it_deferred():
    from crosswire.text.ner import NerWorker
    from crosswire.pipeline import brief_for

    plain = brief_for(FERRY)
    with NerWorker(start=False) as worker:  # not started: the calls fall back to this process
        deferred = brief_for(FERRY, ner=worker)
    assert deferred.facts.entities == plain.facts.entities != []
