"""The summary and headline of a brief: grounded, sourced, copies counted once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crosswire.brief import SummaryConfig, build_brief, choose_headline, compress, is_faithful_compression, summarize
from crosswire.model import Article, Citation, Conflict, ConflictSide, CopyGroup, Fact, FactSheet, to_json
from crosswire.text.sentences import article_sentences

# A fictional story: a ferry grounding told by a wire service (published twice) and two
# independent local papers.
WIRE = (
    "HALVIK, May 4 (Norland Press) - The passenger ferry Skarven ran aground near the island of "
    "Halvik on Sunday morning, and all 212 people on board were brought ashore, the coast guard said.\n\n"
    "The ferry struck a sandbank in thick fog shortly after leaving the harbour, officials said.\n\n"
    "Nobody was seriously hurt, although four passengers were treated for minor injuries.\n\n"
    "The operator Fjordline said the vessel would be towed to a shipyard for inspection.\n\n"
    "The company's share price barely moved on the news in early trading on Monday."
)
WIRE_COPY = WIRE + "\n\nRead more stories like this in our weekend travel section today."
LOCAL = (
    "All 212 passengers and crew of the ferry Skarven were rescued after it ran aground off Halvik "
    "on Sunday, the coast guard said.\n\n"
    "The ferry hit a sandbank in heavy fog just after it left the harbour.\n\n"
    "Four passengers were treated for minor injuries, but nobody was seriously hurt.\n\n"
    "Local fishermen helped ferry the passengers to the quay in small boats during the rescue.\n\n"
    "The harbour master has asked for a full review of the fog warnings issued that morning."
)
RADIO = (
    "The ferry Skarven ran aground near Halvik on Sunday with 212 people on board, all of whom "
    "were taken safely ashore.\n\n"
    "Fog was thick when the ferry struck a sandbank after leaving the harbour, the coast guard said.\n\n"
    "The mayor of Halvik praised the volunteers who came out in their boats to help everyone.\n\n"
    "A school choir had been travelling on the ferry to a regional festival on the mainland."
)


def _story() -> tuple[list[Article], list[CopyGroup]]:
    arts = [
        Article(id="wire", text=WIRE, title="Ferry runs aground off Halvik, all 212 rescued", outlet="Norland Press"),
        Article(id="copy", text=WIRE_COPY, title="Ferry aground near Halvik", outlet="Daily Courier"),
        Article(id="local", text=LOCAL, title="Ferry runs aground off Halvik; all rescued", outlet="Halvik Tidende"),
        Article(id="radio", text=RADIO, title="Choir among ferry passengers", outlet="Coast Radio"),
    ]
    groups = [CopyGroup(articles=["wire", "copy"], original="wire", kind="syndicated", similarity=0.97,
                        added={"copy": ["Read more stories like this in our weekend travel section today."]})]
    return arts, groups


def _sentence_text(articles: list[Article], c: Citation) -> str:
    art = next(a for a in articles if a.id == c.article)
    return article_sentences(art)[c.sentence].text


def test_every_summary_sentence_is_grounded_in_its_first_citation():
    arts, groups = _story()
    brief = build_brief(arts, groups, FactSheet(), words=80)
    assert brief.summary
    for s in brief.summary:
        assert s.citations
        for c in s.citations:
            assert c.text == _sentence_text(arts, c)  # citations point at real sentences
        assert is_faithful_compression(s.text, s.citations[0].text)


def test_copies_count_once_and_confirmed_facts_lead():
    arts, groups = _story()
    brief = build_brief(arts, groups, FactSheet(), words=60)
    assert brief.sources == 3
    first = brief.summary[0].text.lower()
    assert "aground" in first and "212" in first  # the event all three sources report
    texts = " ".join(s.text for s in brief.summary).lower()
    # said only by the wire (twice, as copies): not worth the short summary
    assert "share price" not in texts and "travel section" not in texts


def test_summary_cites_every_article_that_states_it():
    arts, groups = _story()
    brief = build_brief(arts, groups, FactSheet(), words=60)
    cited = {c.article for c in brief.summary[0].citations}
    assert {"wire", "copy"} <= cited  # the identical copy states it too
    assert len(cited) >= 3


def test_summary_does_not_repeat_itself():
    arts, groups = _story()
    brief = build_brief(arts, groups, FactSheet(), words=200)
    fog = [s for s in brief.summary if "sandbank" in s.text.lower()]
    assert len(fog) == 1
    norm = [re.sub(r"\W+", " ", s.text.lower()) for s in brief.summary]
    assert len(norm) == len(set(norm))


def test_word_budget_is_about_right():
    arts, groups = _story()
    short = build_brief(arts, groups, FactSheet(), words=30).summary
    long = build_brief(arts, groups, FactSheet(), words=150).summary
    n_short = sum(len(s.text.split()) for s in short)
    n_long = sum(len(s.text.split()) for s in long)
    assert 15 <= n_short <= 60
    assert n_long > n_short


def test_dateline_and_trailing_attribution_are_dropped_not_negations():
    assert compress("OSLO, May 4 (Norland Press) - The ferry ran aground near the island on Sunday, the coast guard said.") \
        == "The ferry ran aground near the island on Sunday."
    assert compress("Nobody on board the ferry was seriously hurt, officials said.") == \
        "Nobody on board the ferry was seriously hurt."
    kept = "The strike will go ahead on Monday, the union said, not the employers."
    assert "not" in compress(kept)
    # a parenthetical with a figure is a fact, not an aside
    assert "(212 people)" in compress("Everyone on the ferry (212 people) was brought ashore safely by noon.")
    assert compress("The mayor (a former sailor) praised the crews who came out to help.") == \
        "The mayor praised the crews who came out to help."


def test_a_quotation_keeps_its_speaker():
    quote = '"We will have the ferry back in service within a month," the operator told reporters.'
    assert compress(quote) == quote


def test_french_attribution_is_dropped():
    assert compress("Le ferry s'est échoué près de l'île dimanche matin, a indiqué la garde côtière.") == \
        "Le ferry s'est échoué près de l'île dimanche matin."


def test_faithful_compression_check():
    long = "The ferry did not sink after it struck a sandbank, the coast guard said."
    assert is_faithful_compression("The ferry did not sink after it struck a sandbank.", long)
    assert not is_faithful_compression("The ferry did sink after it struck a sandbank.", long)
    assert not is_faithful_compression("The sandbank struck the ferry.", long)


def test_headline_is_the_most_supported_title():
    arts, groups = _story()
    assert choose_headline(arts, groups) in {a.title for a in arts[:3]}
    assert choose_headline(arts, groups) != "Choir among ferry passengers"


def test_headline_without_titles_is_the_lead():
    arts, groups = _story()
    for a in arts:
        a.title = None
    brief = build_brief(arts, groups, None, words=40)
    assert brief.headline == brief.summary[0].text


def test_facts_add_evidence_when_present():
    arts = [
        Article(id="x", text="The bridge over the river will close for repairs in June for six weeks.\n\n"
                             "Cyclists will be able to use a temporary ferry across the river instead."),
        Article(id="y", text="Drivers face long detours while the main road is resurfaced this summer.\n\n"
                             "Shops near the old market square expect fewer customers this summer."),
    ]
    sents = {a.id: article_sentences(a) for a in arts}
    plain = summarize(arts, [], FactSheet(sentences=sents), words=12)
    fact = Fact(id="f1", text=sents["x"][1].text, articles=["x", "y"], independent_sources=2,
                citations=[Citation("x", 1, sents["x"][1].text)])
    boosted = summarize(arts, [], FactSheet(facts=[fact], sentences=sents), words=12)
    assert plain[0].text != sents["x"][1].text
    assert boosted[0].text == sents["x"][1].text


@pytest.mark.parametrize("texts", [[], [""], ["   \n\n  "], ["<<<>>> ### $$$ 123 456"], ["Short."]])
def test_bad_input_gives_an_empty_summary_not_a_traceback(texts):
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    brief = build_brief(arts, [], FactSheet(), words=50)
    assert brief.summary == []
    assert to_json(brief)["summary"] == []


def test_brief_json_follows_the_contract():
    arts, groups = _story()
    obj = to_json(build_brief(arts, groups, FactSheet(), words=50))
    assert obj["sources"] == 3 and obj["headline"]
    for s in obj["summary"]:
        assert set(s) == {"text", "citations"}
        assert all(set(c) == {"article", "sentence"} for c in s["citations"])


SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.seeds
def test_seed_brief_counts_three_sources():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not here")
    from crosswire import copies
    from crosswire.read.ingest import read_paths

    arts = read_paths([seeds]).articles
    groups = copies.find_copies(arts)
    try:
        from crosswire import facts

        sheet = facts.analyze(arts, groups)
    except ImportError:  # the facts stage is optional for the summary
        sheet = FactSheet()
    brief = build_brief(arts, groups, sheet, words=120)
    assert brief.sources == 3
    assert 80 <= sum(len(s.text.split()) for s in brief.summary) <= 170
    for s in brief.summary:
        assert is_faithful_compression(s.text, s.citations[0].text)
    # the wire story and its copy state the same things: some line cites both copies
    assert any(set(g.articles) <= {c.article for c in s.citations} for s in brief.summary for g in groups)
    assert brief.headline and len(brief.headline.split()) < 30
    # every independent source contributes, and no fact is told twice
    from crosswire.brief import source_keys

    keys = source_keys([a.id for a in arts], groups)
    assert len({keys[c.article] for s in brief.summary for c in s.citations}) == 3
    cited = [{(c.article, c.sentence) for c in f.citations} for f in sheet.facts]
    for f in cited:
        assert sum(bool(f & {(c.article, c.sentence) for c in s.citations[:1]}) for s in brief.summary) <= 1


def test_french_story_is_summarised_and_compressed():
    a = Article(id="fr1", language="fr", text=(
        "Un incendie a détruit un entrepôt du port de Brévannes dans la nuit de samedi à dimanche, "
        "a indiqué la préfecture.\n\nAucun blessé n'est à déplorer, selon les pompiers.\n\n"
        "Une enquête a été ouverte pour déterminer l'origine du feu, qui reste inconnue."))
    b = Article(id="fr2", language="fr", text=(
        "Un entrepôt du port de Brévannes a été détruit par un incendie dans la nuit de samedi à dimanche.\n\n"
        "Les pompiers ont lutté pendant six heures contre les flammes, sans faire de blessé.\n\n"
        "Le maire de Brévannes a dénoncé le manque d'entretien des bâtiments du port depuis des années."))
    brief = build_brief([a, b], [], None, words=40)
    assert brief.sources == 2
    first = brief.summary[0]
    assert "entrepôt" in first.text and "préfecture" not in first.text
    assert {c.article for c in first.citations} == {"fr1", "fr2"}
    for s in brief.summary:
        assert is_faithful_compression(s.text, s.citations[0].text)


def test_two_wordings_of_one_fact_enter_the_summary_once():
    # Fictional: two papers word one fact differently; the facts stage aligned them as one fact.
    a = Article(id="a", text="The city council approved a new tram line to the airport on Monday evening.\n\n"
                             "Construction of the tram line is expected to take four years to complete.")
    b = Article(id="b", text="Councillors voted at their weekly meeting to build a tramway linking the centre with the airport.\n\n"
                             "The mayor called the vote a turning point for public transport in the region.")
    sents = {x.id: article_sentences(x) for x in (a, b)}
    cites = [Citation("a", 0, sents["a"][0].text), Citation("b", 0, sents["b"][0].text)]
    fact = Fact(id="f1", text=sents["a"][0].text, articles=["a", "b"], independent_sources=2, citations=cites)
    summary = summarize([a, b], [], FactSheet(facts=[fact], sentences=sents), words=200)
    texts = [s.text for s in summary]
    assert sum("tram" in t.lower() and "airport" in t.lower() for t in texts) == 1
    lead = next(s for s in summary if "airport" in s.text)
    assert {c.article for c in lead.citations} == {"a", "b"}  # both wordings cited


def _claim_story():
    # Fictional: a claim every paper reports, and its denial, told only once, far down.
    a = Article(id="a", text="The mining company Orvek said on Tuesday that its new smelter would create 900 jobs in Tarn.\n\n"
                             "Work on the site near the river is due to begin next spring after a final permit.\n\n"
                             "The regional union said the smelter would create barely 200 jobs and called the figure a sales pitch.")
    b = Article(id="b", text="Orvek announced that its planned smelter would create 900 jobs in the Tarn valley.\n\n"
                             "The company expects the plant to open within three years of the start of work.")
    sents = {x.id: article_sentences(x) for x in (a, b)}
    conflict = Conflict("c1", "jobs at the smelter", "denial", [
        ConflictSide(sents["a"][0].text, "Orvek", ["a", "b"], [Citation("a", 0, sents["a"][0].text),
                                                                Citation("b", 0, sents["b"][0].text)]),
        ConflictSide(sents["a"][2].text, "the regional union", ["a"], [Citation("a", 2, sents["a"][2].text)]),
    ])
    return [a, b], FactSheet(conflicts=[conflict], sentences=sents)


def test_a_claim_in_the_summary_comes_with_its_denial():
    arts, sheet = _claim_story()
    summary = summarize(arts, [], sheet, words=30)
    texts = " ".join(s.text for s in summary)
    assert "900 jobs" in texts and "barely 200 jobs" in texts
    plain = summarize(arts, [], sheet, words=30, config=SummaryConfig(both_sides=False))
    assert "barely 200" not in " ".join(s.text for s in plain)  # it takes the rule, not luck


def test_a_denial_alone_pulls_in_nothing():
    arts, sheet = _claim_story()
    sheet.conflicts[0].sides.reverse()  # now the union's line is the claim, never told
    texts = " ".join(s.text for s in summarize(arts, [], sheet, words=30))
    assert "900 jobs" in texts and "barely 200" not in texts


def test_a_quotation_inside_the_sentence_keeps_its_speaker():
    text = 'The talks went well but "nothing has been agreed yet" on the border, an aide to the minister told reporters.'
    assert compress(text) == text


def test_a_quotation_with_its_speaker_in_the_sentence_loses_the_trailing_attribution():
    text = 'The mayor said the town would "rebuild every house" within two years, the council said.'
    assert compress(text) == 'The mayor said the town would "rebuild every house" within two years.'


def test_a_disputed_claim_keeps_who_makes_it():
    a = Article(id="a", text="The new smelter will create 900 jobs in the valley, the company Orvek said on Tuesday.\n\n"
                             "The regional union denied that the smelter would create that many jobs in the valley.")
    sents = {"a": article_sentences(a)}
    cites = [Citation("a", k, sents["a"][k].text) for k in (0, 1)]
    conflict = Conflict("c1", "jobs", "denial", [ConflictSide(cites[0].text, "Orvek", ["a"], [cites[0]]),
                                                 ConflictSide(cites[1].text, "the union", ["a"], [cites[1]])])
    disputed = summarize([a], [], FactSheet(conflicts=[conflict], sentences=sents), words=40)
    assert disputed[0].text == cites[0].text  # who says so stays with the claim
    plain = summarize([a], [], FactSheet(sentences=sents), words=40)
    assert plain[0].text == "The new smelter will create 900 jobs in the valley."
