"""The facts stage on small fictional stories written here."""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.facts.attribution import attribute_article, normalise_source
from crosswire.model import Article, CopyGroup
from crosswire.facts.numbers import compatible, find_numbers
from crosswire.text.sentences import article_sentences
from crosswire.text.dates import find_dates


def art(aid: str, text: str, published: str | None = "2031-05-14", language: str = "en") -> Article:
    return Article(id=aid, text=text, published=published, language=language)


def analyze(arts, groups=()):
    return facts.analyze(list(arts), list(groups), embedder=False)


def check_citations(sheet, arts):
    by_id = {a.id: article_sentences(a) for a in arts}
    cites = [c for f in sheet.facts for c in f.citations]
    cites += [c for k in sheet.conflicts for s in k.sides for c in s.citations]
    cites += [c for q in sheet.quotes for c in q.citations]
    cites += [c for t in sheet.timeline for c in t.citations]
    for c in cites:
        assert by_id[c.article][c.sentence].text == c.text


WIRE = ("A flood in the river town of Velmora killed at least 30 people on Tuesday, the regional "
        "emergency ministry said.\n\nRescuers searched for 12 missing residents through the night.")
WIRE_COPY = WIRE + "\n\nThe town was founded by salt traders."
OTHER = ("More than 25 people died when the river flooded Velmora on Tuesday, officials said.\n\n"
         "The mayor, Ilse Korvath, said the dam had not been inspected for years.")


def test_shared_fact_counts_copies_once_and_cites_exact_sentences():
    arts = [art("w1", WIRE), art("w2", WIRE_COPY), art("o1", OTHER)]
    groups = [CopyGroup(["w1", "w2"], "w1", "syndicated", 0.95)]
    sheet = analyze(arts, groups)
    flood = next(f for f in sheet.facts if "killed at least 30" in f.text)
    assert set(flood.articles) == {"w1", "w2"}
    assert flood.independent_sources == 1
    assert flood.attributed_to == "regional emergency ministry"
    founded = next(f for f in sheet.facts if "salt traders" in f.text)
    assert founded.independent_sources == 1 and founded.articles == ["w2"]
    assert all(0.0 <= f.score <= 1.0 for f in sheet.facts)
    check_citations(sheet, arts)
    assert set(sheet.sentences) == {"w1", "w2", "o1"}


def test_agreeing_figures_with_qualifiers_are_not_a_conflict():
    sheet = analyze([art("a", WIRE), art("b", OTHER)])
    assert not [c for c in sheet.conflicts if c.kind == "number"]
    dead = {(n.value, n.qualifier) for n in sheet.numbers if n.what == "dead"}
    assert dead == {(30.0, "at least"), (25.0, "more than")}


def test_incompatible_death_tolls_are_a_number_conflict_with_both_sides():
    a = art("a", "The fire at the Orsk textile mill killed 40 workers on Monday, the police said.")
    b = art("b", "The fire at the Orsk textile mill killed 55 workers on Monday, according to the union.")
    sheet = analyze([a, b])
    nums = [c for c in sheet.conflicts if c.kind == "number"]
    assert len(nums) == 1
    sides = {s.articles[0]: s for s in nums[0].sides}
    assert set(sides) == {"a", "b"}
    assert sides["a"].attributed_to == "police" and sides["b"].attributed_to == "union"
    check_citations(sheet, [a, b])


def test_same_figure_in_copies_is_not_a_conflict_and_other_events_are_not_compared():
    a = art("a", "The blast killed 40 workers at the mill on Monday, the police said.\n\n"
                 "Since 2009, a string of earlier accidents across the province left some 200 dead.")
    b = art("b", "Police said 40 workers died in Monday's blast at the mill.")
    sheet = analyze([a, b])
    assert not [c for c in sheet.conflicts if c.kind == "number"]


def test_paraphrase_is_one_fact_not_a_conflict():
    a = art("a", "The central bank of Norland raised its main interest rate to 4.5 percent on Thursday.")
    b = art("b", "On Thursday the central bank of Norland raised its main interest rate to 4.5 percent, a decision investors expected.")
    sheet = analyze([a, b])
    assert sheet.conflicts == []
    shared = [f for f in sheet.facts if f.independent_sources == 2]
    assert len(shared) == 1 and set(shared[0].articles) == {"a", "b"}


def test_denial_by_another_party_is_a_denial_conflict():
    a = art("a", "The Valdorian foreign ministry said on Monday that both governments had agreed to reopen the border.\n\n"
                 "The statement was immediately denied by Karsland.\n\n"
                 "\"We have agreed to nothing of the kind,\" the Karsland interior minister told reporters.")
    sheet = analyze([a])
    den = [c for c in sheet.conflicts if c.kind == "denial"]
    assert len(den) == 1
    claim, denial = den[0].sides[0], den[0].sides[1]
    assert "reopen the border" in claim.claim
    assert claim.attributed_to == "Valdorian foreign ministry"
    assert "Karsland" in (denial.attributed_to or "")
    check_citations(sheet, [a])


def test_claim_presented_as_contested_is_a_claim_conflict():
    a = art("a", "Officials in Drevna have claimed without providing evidence that saboteurs from Ostmark caused the blackout.\n\n"
                 "Ostmark categorically rejects this.")
    sheet = analyze([a])
    kinds = [c.kind for c in sheet.conflicts]
    assert kinds == ["claim"]
    sides = sheet.conflicts[0].sides
    assert any("Ostmark" in (s.attributed_to or "") for s in sides)


def test_figures_and_written_numbers():
    figs = find_numbers("Twelve suspects were held after a one-hour raid that left nearly 200 people injured.")
    got = {(f.what, f.value, f.qualifier) for f in figs}
    assert ("arrested", 12.0, None) in got
    assert ("hour", 1.0, None) in got
    assert ("injured", 200.0, "nearly") in got
    at_least, more_than = find_numbers("at least 144 dead")[0], find_numbers("more than 140 died")[0]
    assert compatible(at_least, more_than)
    assert not compatible(find_numbers("144 dead")[0], find_numbers("150 dead")[0])
    assert find_numbers("The law passed in 2019 on March 3.") == []


def test_dates_resolve_against_publication_date():
    ref = "2031-05-14"  # a Wednesday
    got = {d.date for d in find_dates(
        "On Monday officials recalled the talks of October 2029 and a deal signed two weeks ago, "
        "after a visit last month and a summit in February this year.", ref)}
    assert {"2031-05-12", "2029-10", "2031-04-30", "2031-04", "2031-02"} <= got
    assert all(not d.relative for d in find_dates("in October 2029", None))
    assert find_dates("on Monday", None) == []


def test_timeline_is_sorted_and_cited():
    a = art("a", "The treaty was first signed in June 2027.\n\nThe ministers met again on Monday to extend it.")
    sheet = analyze([a])
    dates = [t.date for t in sheet.timeline]
    assert dates == sorted(dates) and dates[0] == "2027-06" and "2031-05-12" in dates
    check_citations(sheet, [a])


def test_attribution_normalised_and_resolved():
    assert normalise_source("a French defense ministry statement") == "French defence ministry"
    got = attribute_article([
        "Prices rose sharply, a Norland finance ministry statement said.",
        "\"We are watching closely,\" he added.",
        "Wages will follow, according to the statement.",
        "The ministry said inflation would ease.",
    ])
    assert got == ["Norland finance ministry"] * 4


def test_quotes_are_merged_across_reports_with_speaker():
    a = art("a", 'Mayor Ilse Korvath said: "We will rebuild every house on this street."')
    b = art("b", '"We will rebuild every house on this street," Korvath told reporters.')
    sheet = analyze([a, b])
    q = [x for x in sheet.quotes if "rebuild" in x.text]
    assert len(q) == 1 and set(q[0].articles) == {"a", "b"}
    assert q[0].speaker and "Korvath" in q[0].speaker


def test_entities_merge_spellings():
    a = art("a", "Foreign Minister Andrei Tchoubarov met Ilse Korvath in Velmora on Monday.")
    b = art("b", "Andrei Chubarov, the foreign minister, later left Velmora. Chubarov said little.")
    sheet = analyze([a, b])
    persons = [e for e in sheet.entities if "barov" in e.name]
    assert len(persons) == 1
    assert set(persons[0].articles) == {"a", "b"}


def test_bad_input_never_raises():
    sheet = analyze([art("a", ""), art("a", "Duplicate id."), art("b", "   \n\n  ")], [CopyGroup(["zz", "a"], None, "identical", 1.0)])
    assert sheet.facts == [] or all(f.citations for f in sheet.facts)
    assert analyze([]).facts == []


def test_translation_aligns_with_embedder():
    from crosswire.text.embed import default_embedder

    emb = default_embedder()
    if not emb.available:
        pytest.skip("embedding model not installed")
    en = art("en", "The government of Norland announced on Tuesday that it will close all coal mines by 2035.")
    fr = art("fr", "Le gouvernement du Norland a annoncé mardi qu'il fermera toutes les mines de charbon d'ici 2035.",
             language="fr")
    sheet = facts.analyze([en, fr], [], embedder=emb)
    shared = [f for f in sheet.facts if len(f.articles) == 2]
    assert len(shared) == 1 and sheet.conflicts == []


def test_entities_without_spacy_fall_back_to_capitalised_names(monkeypatch):
    from crosswire.facts import entities

    monkeypatch.setattr(entities, "_nlp", lambda lang: None)  # as when spaCy or a model is missing
    a = art("a", "Foreign Minister Andrei Tchoubarov met Ilse Korvath in Velmora on Monday.")
    b = art("b", "On Tuesday, Andrei Chubarov left Velmora. Chubarov said little to Korvath in March.")
    sheet = analyze([a, b])
    by_name = {e.name: e for e in sheet.entities}
    persons = [e for e in sheet.entities if "barov" in e.name]
    assert len(persons) == 1 and set(persons[0].articles) == {"a", "b"}
    assert "Velmora" in by_name and set(by_name["Velmora"].articles) == {"a", "b"}
    assert not any(n in by_name for n in ("Monday", "Tuesday", "March"))


def test_entities_are_typed_by_the_spacy_model():
    pytest.importorskip("spacy")
    from crosswire.facts import entities

    if entities._nlp("en") is None:
        pytest.skip("spaCy English model not installed")
    a = art("a", "Prime Minister Helga Varnstrom visited the harbour of Rotterdam with officials of the "
                 "World Health Organization on Monday.")
    sheet = analyze([a])
    types = {e.name: e.type for e in sheet.entities}
    assert types.get("Helga Varnstrom") == "PERSON"
    assert types.get("World Health Organization") == "ORG"


@pytest.mark.parametrize("text", [
    # a refusal is not the denial of a claim
    "Lawyers for Dana Welk said on Monday the delay was needed to review new evidence.\n\n"
    "The Orvale court had denied Welk's request for a delay last week, court records show.",
    # "reject" inside someone's quoted words is not a denial
    "Senator Ivo Brandt said voters should decide in the autumn election.\n\n"
    "\"Millions of people will decide who gets to confirm or reject the nominee,\" Brandt said.",
    # the legal "allegedly" of a crime report is not a contested claim
    "A man allegedly set fire to three cars in Velmora on Friday night, police said.",
    # a person who says something and denies something else does not contradict himself
    "Mayor Ilse Korvath said the dam would be repaired by spring.\n\n"
    "Korvath denied that the repairs had been delayed for budget reasons.",
])
def test_non_conflicts_are_not_raised(text):
    sheet = analyze([art("a", text)])
    assert sheet.conflicts == []


def test_tolls_of_different_days_are_not_compared():
    a = art("a", "Two people were killed in the protests in Velmora on Sunday, police said.")
    b = art("b", "Five people were killed in the protests in Velmora on Wednesday, police said.")
    sheet = analyze([a, b])
    assert not [c for c in sheet.conflicts if c.kind == "number"]


def test_quote_speaker_named_inside_the_sentence():
    a = art("a", "The Valdorian minister clearly affirmed “being ready to reopen the border at once”, but "
                 "“Karsland has agreed to nothing of the kind”, the Karsland interior ministry told reporters.")
    sheet = analyze([a])
    speakers = {q.text: q.speaker for q in sheet.quotes}
    assert speakers["being ready to reopen the border at once"] == "Valdorian minister"
    assert speakers["Karsland has agreed to nothing of the kind"] == "Karsland interior ministry"


def test_a_toll_set_against_another_is_a_number_conflict():
    a = art("a", "A blaze at the Orsk grain silo killed three workers on Monday night, the fire service said.")
    b = art("b", "Two people were killed in the blaze at the Orsk grain silo on Monday night, the operator "
                 "Velm Grain said on Tuesday, contradicting the fire service, which had put the toll at three.")
    sheet = analyze([a, b])
    nums = [c for c in sheet.conflicts if c.kind == "number"]
    assert len(nums) == 1
    sides = {s.articles[0]: s for s in nums[0].sides}
    assert sides["a"].attributed_to == "fire service"
    assert sides["b"].attributed_to == "operator Velm Grain"


def test_one_person_is_one_speaker_across_reports():
    a = art("a", 'Harbour Minister Ilse Korvath opened the new quay on Monday.\n\n'
                 '"Every ferry will dock here by the summer," Harbour Minister Ilse Korvath said.')
    b = art("b", 'The quay cost 40 million crowns.\n\n"The old pier will become a park for the town," Korvath said.')
    sheet = analyze([a, b])
    speakers = {q.speaker for q in sheet.quotes}
    assert speakers == {"Harbour Minister Ilse Korvath"}


def test_two_people_with_one_surname_keep_their_names():
    from crosswire.facts.quotes import one_name_per_person
    from crosswire.model import Quote

    qs = [Quote("Anna Velde", "x", ["a"], []), Quote("Tomas Velde", "y", ["a"], []), Quote("Velde", "z", ["b"], [])]
    one_name_per_person(qs)
    assert [q.speaker for q in qs] == ["Anna Velde", "Tomas Velde", "Velde"]
