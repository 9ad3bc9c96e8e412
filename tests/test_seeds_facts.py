"""Acceptance: the facts stage on the five real seed reports (skipped without ../shared).

The seeds are one event reported by five outlets: two copies of one English wire story,
two English renderings of one French wire dispatch, and one independent report.  The
copy groups are built by hand here so that this test measures the facts stage alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire import facts
from crosswire.facts.attribution import party_key
from crosswire.model import CopyGroup
from crosswire.text.sentences import article_sentences

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not available")


@pytest.fixture(scope="module")
def seeds():
    from crosswire.read.ingest import read_paths

    arts = read_paths([str(SEEDS)]).articles
    ids = {a.id[:3]: a.id for a in arts}
    if set(ids) != {"000", "001", "002", "003", "004"}:
        pytest.skip("unexpected seed files")
    groups = [CopyGroup([ids["000"], ids["004"]], ids["000"], "syndicated", 0.9),
              CopyGroup([ids["001"], ids["003"]], ids["001"], "translation", 0.8)]
    sheet = facts.analyze(arts, groups)
    return arts, ids, sheet


def _facts_citing(sheet, *words):
    """Facts with a cited sentence containing every word (case-insensitive), most sources first."""
    low = [w.lower() for w in words]
    hits = [f for f in sheet.facts if any(all(w in c.text.lower() for w in low) for c in f.citations)]
    return sorted(hits, key=lambda f: -f.independent_sources)


def test_every_citation_is_the_exact_sentence(seeds):
    arts, _ids, sheet = seeds
    by_id = {a.id: article_sentences(a) for a in arts}
    cites = [c for f in sheet.facts for c in f.citations]
    cites += [c for k in sheet.conflicts for s in k.sides for c in s.citations]
    cites += [c for q in sheet.quotes for c in q.citations]
    cites += [c for t in sheet.timeline for c in t.citations]
    assert cites
    for c in cites:
        assert by_id[c.article][c.sentence].text == c.text


@pytest.mark.parametrize("words, at_least, must_include", [
    (("no information",), 3, ("000", "001", "002")),     # no link between the attack and Ukraine
    (("one-hour",), 2, ("000", "002")),                   # the call lasted an hour
    (("increased exchanges",), 2, ("000", "002")),        # France's offer against terrorism
    (("war of aggression",), 2, ("000", "001")),          # the condemnation of the war
    (("first", "october 2022"), 2, ("001", "003")),       # the call, a first since October 2022
])
def test_shared_core_with_independent_counts(seeds, words, at_least, must_include):
    _arts, ids, sheet = seeds
    found = _facts_citing(sheet, *words)
    assert found, words
    assert all(f.independent_sources <= 3 for f in found)  # three independent reports exist
    assert any(f.independent_sources >= at_least and {ids[k] for k in must_include} <= set(f.articles)
               for f in found)


def test_copies_count_once_and_single_sources_are_marked(seeds):
    _arts, ids, sheet = seeds
    wire = {ids["000"], ids["004"]}
    for f in sheet.facts:
        if set(f.articles) <= wire:
            assert f.independent_sources == 1
    only_one = [f for f in sheet.facts if f.articles == [ids["002"]]]
    assert only_one and all(f.independent_sources == 1 for f in only_one)


def _party(side):
    return party_key(side.attributed_to or "")


def test_russian_and_french_accounts_conflict_with_attributed_sides(seeds):
    _arts, _ids, sheet = seeds
    disputes = [c for c in sheet.conflicts if c.kind in ("denial", "claim")]

    def between_russia_and_france(c, *words):
        parties = {_party(s) for s in c.sides}
        text = " ".join(x.text.lower() for s in c.sides for x in s.citations)
        return {"russia", "france"} <= parties and all(w in text for w in words)

    # Russia: both ready for dialogue on Ukraine / Paris: nothing accepted or proposed
    assert any(between_russia_and_france(c, "dialogue") for c in disputes)
    # Russia's insinuation about Ukraine / France: no information linking the attack to Ukraine
    assert any(between_russia_and_france(c, "no information", "ukraine") for c in disputes)


def test_agreeing_death_tolls_are_not_a_conflict(seeds):
    _arts, _ids, sheet = seeds
    dead = {(n.value, n.qualifier) for n in sheet.numbers if n.what == "dead"}
    assert (144.0, "at least") in dead and (140.0, "more than") in dead
    assert not [c for c in sheet.conflicts if c.kind == "number" and "dead" in c.about]


def test_one_entity_for_every_spelling_of_a_name(seeds):
    _arts, _ids, sheet = seeds
    spellings = {"Shoigu", "Choïgu", "Choïgou"}
    holders = [e for e in sheet.entities if spellings & ({e.name} | {x.split()[-1] for x in [e.name, *e.aliases]})]
    assert len(holders) == 1
    forms = {x.split()[-1] for x in [holders[0].name, *holders[0].aliases]}
    assert spellings <= forms
    assert holders[0].type == "PERSON" or holders[0].type == "NAME"


def test_timeline_runs_from_2022_to_the_olympics(seeds):
    _arts, _ids, sheet = seeds
    dates = [t.date for t in sheet.timeline]
    assert dates == sorted(dates)
    assert any(d.startswith("2022-10") for d in dates)      # the previous contact
    assert any(d == "2024-04-03" for d in dates)           # the call
    assert dates[-1].startswith("2024-07")                 # the Olympic Games
    last = [t for t in sheet.timeline if t.date == dates[-1]]
    assert any("olympic" in t.event.lower() or "games" in t.event.lower() for t in last)
