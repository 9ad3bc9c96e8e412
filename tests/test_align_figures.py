"""Alignment never merges sentences whose figures (or days) cannot both be true.

Fictional sentences written here.  Two reports that tell one event with different
figures must stay two facts, so that the brief shows the disagreement instead of
listing one wording "agreed by all sources".
"""

from __future__ import annotations

import numpy as np
import pytest

from crosswire import facts
from crosswire.facts.align import align_sentences
from crosswire.facts.contradiction import contradicts
from crosswire.model import Article, Sentence


def sent(article: str, text: str, index: int = 0) -> Sentence:
    return Sentence(article, index, text, 0, len(text))


def linked(sentences: list[Sentence], **kw) -> bool:
    """Are the first two sentences in one aligned group?"""
    groups, _score = align_sentences(sentences, **kw)
    return any(0 in g.members and 1 in g.members for g in groups)


def art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, published="2031-09-04", language="en")


# --- the same event, figures that cannot both be true ----------------------------------------

POLICE = ("A gas explosion destroyed a bakery in the town of Orvel on Tuesday night, killing four people "
          "and injuring nine others, the district police said.")
OPERATOR = ("Three people were killed in the gas explosion that destroyed a bakery in the town of Orvel "
            "on Tuesday night, the utility Brenmark Gas said, contradicting the police, who had put the "
            "toll at four.")
PLAIN_THREE = ("A gas explosion destroyed a bakery in the town of Orvel on Tuesday night, killing three "
               "people and injuring nine others, a hospital spokesman said.")


def test_contradicting_tolls_are_not_aligned():
    assert contradicts(POLICE, PLAIN_THREE)
    assert not linked([sent("a", POLICE), sent("b", PLAIN_THREE)])


def test_contradicting_tolls_stay_two_facts_and_raise_a_number_conflict():
    arts = [art("police", POLICE), art("hospital", PLAIN_THREE)]
    sheet = facts.analyze(arts, [], embedder=False)
    assert not [f for f in sheet.facts if {"police", "hospital"} <= set(f.articles)]
    number = [c for c in sheet.conflicts if c.kind == "number" and "dead" in c.about]
    assert number, [(c.kind, c.about) for c in sheet.conflicts]
    sides = {tuple(sorted({x.article for x in s.citations})) for s in number[0].sides}
    assert sides == {("police",), ("hospital",)}


def test_a_sentence_setting_one_toll_against_another_is_not_aligned_with_either():
    assert contradicts(OPERATOR, POLICE)      # 3 (and the police's 4) vs 4
    assert not linked([sent("a", POLICE), sent("b", OPERATOR)])
    sheet = facts.analyze([art("police", POLICE), art("gazette", OPERATOR)], [], embedder=False)
    assert not [f for f in sheet.facts if {"police", "gazette"} <= set(f.articles)]


def test_a_toll_disputed_in_the_sentence_itself_is_a_number_conflict():
    sheet = facts.analyze([art("police", POLICE), art("gazette", OPERATOR)], [], embedder=False)
    number = [c for c in sheet.conflicts if c.kind == "number"]
    assert number
    sides = [{x.article for x in s.citations} for s in number[0].sides]
    assert {"police"} in sides and {"gazette"} in sides


def test_x_not_y_is_not_aligned_with_y():
    opposition = "The opposition says its own count gives the mayor a lead of 90 votes, not 240."
    commission = "The election commission says its count gives the mayor a lead of 240 votes."
    assert contradicts(opposition, commission)
    assert not linked([sent("a", opposition), sent("b", commission)])
    # the same wording stated by two reports is one fact
    assert linked([sent("a", opposition), sent("b", opposition.replace("says", "said"))])


def test_a_disputed_figure_is_not_aligned_with_a_report_giving_none():
    # citing the winner's announcement for "90 votes, not 240" would put the claim in its mouth
    disputed = ("The opposition says the recount of the Dunmore mayoral election gives Mayor Ilse Vass "
                "a lead of just 90 votes, not the 240 announced.")
    announced = ("The recount of the Dunmore mayoral election has confirmed Mayor Ilse Vass as the winner, "
                 "the commission said.")
    assert contradicts(disputed, announced)
    assert not linked([sent("a", disputed), sent("b", announced)])


def test_a_one_sided_x_not_y_is_not_aligned_with_its_y():
    claim = "The ferry was carrying 41 passengers, not 35, when it ran aground off Kessel, the coastguard said."
    plain = "The ferry was carrying 35 passengers when it ran aground off Kessel, the operator said."
    assert contradicts(claim, plain)
    assert not linked([sent("a", claim), sent("b", plain)])


# --- figures that can both be true still align ------------------------------------------------


@pytest.mark.parametrize("a, b", [
    ("At least 30 people were killed when a footbridge collapsed in Tarnby on Sunday, police said.",
     "More than 25 people were killed when a footbridge collapsed in Tarnby on Sunday, police said."),
    ("Three miners were rescued from the flooded shaft at Holm after two days underground.",
     "3 miners were rescued from the flooded shaft at Holm after two days underground."),
    ("About 80 firefighters fought the blaze at the Kettering mill for almost six hours.",
     "Some 80 firefighters fought the blaze at the Kettering mill for nearly six hours."),
    ("The storm killed three people and injured twelve in the coastal villages, officials said.",
     "The storm killed three people in the coastal villages, officials said."),   # dead agree; injured unsaid
    ("The council approved a budget of $500k for the new library in Arden on Monday.",
     "The council approved a budget of $500,000 for the new library in Arden on Monday."),
])
def test_agreeing_figures_still_align(a, b):
    assert not contradicts(a, b)
    assert linked([sent("x", a), sent("y", b)])


def test_different_things_counted_do_not_block_alignment():
    a = "Police arrested 14 protesters after the march through Velden, where 3 officers were hurt."
    b = "Police arrested 14 protesters after the march through Velden, a police spokesman said."
    assert not contradicts(a, b)
    assert linked([sent("x", a), sent("y", b)])


def test_paraphrases_without_figures_still_align():
    a = "The mayor said the depot had stored far more fertiliser than its permit allowed."
    b = "The mayor said the depot had kept far more fertiliser on site than its permit allowed."
    assert not contradicts(a, b)
    assert linked([sent("x", a), sent("y", b)])


def test_ranges_ages_and_partial_counts_are_not_compared():
    assert not contradicts("Between 10 and 80 percent of those infected die, the agency said.",
                           "An estimated 10-80 percent of those infected die, the agency said.")
    assert not contradicts("A 19-year-old man was sentenced to 13 years in prison in Dorn.",
                           "A Dorn man was sentenced to 13 years in prison; he was 17 at the time.")
    assert not contradicts("Ministers from Belvar, Ostra and 13 other states signed the pact.",
                           "Ministers from 15 states signed the pact.")


# --- days ------------------------------------------------------------------------------------


def test_sentences_about_different_days_are_not_aligned():
    monday = "The drivers' strike brought most trains in the Leven region to a standstill on Monday."
    tuesday = "The drivers' strike left four in ten trains in the Leven region running on Tuesday."
    assert contradicts(monday, tuesday)
    assert not linked([sent("x", monday), sent("y", tuesday)])


needs_parser = pytest.mark.skipif(
    __import__("crosswire.text.parse", fromlist=["parser"]).parser("en") is None, reason="no English parser"
)


@needs_parser
def test_a_day_naming_another_event_in_passing_does_not_block_alignment():
    charged = "Tomas Brell, 31, was charged Monday with arson over the fire that destroyed the Selby grain depot."
    passing = "Tomas Brell was charged with arson over the fire on Saturday night that destroyed the Selby grain depot."
    assert not contradicts(charged, passing)  # Saturday dates the fire, Monday the charge


@needs_parser
def test_days_dating_one_event_or_two_verbs_still_clash():
    assert contradicts("The fire on Saturday destroyed the Selby grain depot and two barns beside it.",
                       "The Sunday fire destroyed the Selby grain depot, the county said.")
    assert contradicts("The Selby depot reopened on Monday after the repairs.",
                       "Workers finished the repairs and the Selby depot opened again Tuesday.")


def test_the_day_a_report_was_made_does_not_block_alignment():
    a = "The harbour at Selby will stay closed to cargo ships until further notice, the port authority said on Friday."
    b = "The harbour at Selby will stay closed to cargo ships until further notice, the port authority said Thursday."
    assert not contradicts(a, b)
    assert linked([sent("x", a), sent("y", b)])


# --- every path: the embedding cannot link them either ---------------------------------------


class SameVector:
    """An embedder that calls every pair of sentences identical."""

    available = True

    def encode(self, texts, *, query=False):
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0


def test_embedding_does_not_link_contradicting_figures():
    en = "Three dock workers died in the blaze at the Pelham depot."
    fr = "L'incendie du dépôt de Pelham a fait 2 morts."
    fr_same = "L'incendie du dépôt de Pelham a fait 3 morts."
    langs = {"en": "en", "fr": "fr"}
    assert not linked([sent("en", en), sent("fr", fr)], languages=langs, embedder=SameVector())
    assert linked([sent("en", en), sent("fr", fr_same)], languages=langs, embedder=SameVector())


def test_a_group_never_holds_two_contradicting_sentences():
    # a and b agree, b and c agree lexically, but a and c give different tolls
    a = "Four people were killed when a gas explosion destroyed a bakery in Orvel on Tuesday night."
    b = "A gas explosion destroyed a bakery in Orvel on Tuesday night, firefighters said."
    c = "Three people were killed when a gas explosion destroyed a bakery in Orvel on Tuesday night."
    groups, _ = align_sentences([sent("a", a), sent("b", b), sent("c", c)])
    assert not any(0 in g.members and 2 in g.members for g in groups)


def test_bad_input_does_not_break_alignment():
    groups, score = align_sentences([sent("a", ""), sent("b", "$$$ 12,,3 not - 4 to"), sent("c", "Monday Monday")])
    assert sorted(m for g in groups for m in g.members) == [0, 1, 2]
    assert score.shape == (3, 3)


class FixedCosine:
    """An embedder under which the first two sentences have the given cosine (others orthogonal)."""

    available = True

    def __init__(self, cos: float):
        self.cos = cos

    def encode(self, texts, *, query=False):
        vecs = np.zeros((len(texts), len(texts) + 2), dtype=np.float32)
        vecs[:, 2:] = np.eye(len(texts), dtype=np.float32)
        if len(texts) >= 2:
            vecs[0, :] = 0.0
            vecs[1, :] = 0.0
            vecs[0, 0] = 1.0
            vecs[1, 0], vecs[1, 1] = self.cos, float(np.sqrt(1.0 - self.cos ** 2))
        return vecs


def test_a_translation_confirmed_by_the_embedding_is_aligned_even_inside_its_copy_group():
    en = "The dock workers' union called a two-day strike to demand a safety review of every depot."
    fr = "Le syndicat des dockers a appelé à une grève de deux jours pour exiger un audit de sécurité."
    kw = dict(languages={"en": "en", "fr": "fr"})
    # a cosine between the cross-language threshold and the same-language one still links
    assert linked([sent("en", en), sent("fr", fr)], embedder=FixedCosine(0.90), **kw)
    assert linked([sent("en", en), sent("fr", fr)], embedder=FixedCosine(0.90), copy_of={"en": 0, "fr": 0}, **kw)
    assert not linked([sent("en", en), sent("fr", fr)], embedder=FixedCosine(0.50), **kw)
