"""The summary tells the news first: the latest development across reports leads, a state it has
overtaken ("still missing") stays out, a disagreement the brief found is told from both sides,
sentences that pack the story's shared facts beat colour, and datelines glued to a lead go.

Every article here is fictional and written for these tests.
"""

from __future__ import annotations

from crosswire import brief, facts
from crosswire.brief.coverage import coverage_gain, shared_weights, terms
from crosswire.brief.news import is_stale, latest_development
from crosswire.brief.compress import compress, is_faithful_compression
from crosswire.model import Article


def art(aid: str, text: str, published: str | None = "2031-05-16", language: str = "en") -> Article:
    return Article(id=aid, text=text, published=published, language=language)


def build(arts: list[Article], words: int = 120):
    sheet = facts.analyze(arts, [], embedder=False, entities=[], lang="en")
    return sheet, brief.build_brief(arts, [], sheet, words=words, lang="en")


# a live story: two early reports say the fisherman is missing, the latest one says he was found
SEARCH = [
    art("a1", "Searchers found the missing fisherman Tomas Reyl alive on a sandbar near Kellow Point on May 15. "
              "Reyl, 54, was flown to Dunmore hospital with a broken arm. "
              "His boat had capsized in a squall off Kellow Point on May 12, the coastguard said. "
              "Two lifeboats and a helicopter had searched the bay for three days."),
    art("a2", "The fisherman Tomas Reyl is still missing after his boat capsized off Kellow Point on May 12. "
              "Two lifeboats and a helicopter searched the bay on Tuesday, the coastguard said. "
              "Reyl, 54, had sailed from Dunmore harbour at dawn. "
              "Relatives gathered at the harbour to wait for news.", published="2031-05-13"),
    art("a3", "A coastguard helicopter and two lifeboats searched the bay off Kellow Point for Tomas Reyl, 54. "
              "His boat capsized in a squall on May 12. "
              "The fisherman remains missing, the coastguard said on Tuesday. "
              "The harbour master said the sea had been calm in the morning.", published="2031-05-13"),
]


def test_the_latest_development_leads_and_what_it_overtook_stays_out():
    sheet, b = build(SEARCH, words=60)
    assert latest_development(sheet.timeline, sheet.sentences, {a.id: a.published for a in SEARCH}) == [("a1", 0)]
    assert b.summary[0].citations[0].article == "a1"
    assert "alive" in b.summary[0].text
    assert not any(is_stale(s.text) for s in b.summary)


def test_a_date_that_is_no_development_does_not_lead():
    # the latest date is a hearing still to come, or the end of a period: nothing happened on it
    arts = [art("b1", "The council of Ferrow voted on May 12 to close the old bridge to lorries. "
                      "A public hearing on the closure will be held on June 3. "
                      "The bridge was built in 1911."),
            art("b2", "Ferrow's council voted on May 12 to shut the old bridge to heavy lorries. "
                      "Residents may object until June 3. "
                      "Engineers found cracks in two of its piers.")]
    sheet, b = build(arts, words=40)
    assert latest_development(sheet.timeline, sheet.sentences, {a.id: a.published for a in arts}) == []
    assert "voted" in b.summary[0].text


def test_stale_words():
    assert is_stale("The fisherman is still missing.")
    assert is_stale("The road remains closed to traffic.")
    assert not is_stale('"We still hope," his sister said of the fisherman.')  # inside a quotation
    assert not is_stale("The fisherman was found alive.")


def test_the_summary_tells_a_disagreement_after_the_news_claim_before_answer():
    arts = [art("c1", "Oraloc opened its new copper pit at Vessa on Monday after two years of building. "
                      "The pit will produce copper and zinc for export through the port of Marle. "
                      "The mining firm said on Monday that the pit would create 400 jobs in the valley. "
                      "The miners' union denied on Tuesday that the pit would create 400 jobs. "
                      "The mayor of Vessa cut the ribbon with the firm's chief executive, Hana Dorr. "
                      "About 2,000 people came to watch the opening of the pit."),
            art("c2", "The new Oraloc copper pit at Vessa opened on Monday after two years of building. "
                      "Its copper and zinc will be shipped through the port of Marle. "
                      "Hana Dorr, Oraloc's chief executive, opened the pit with the mayor of Vessa. "
                      "A crowd of about 2,000 people watched the opening. "
                      "The valley lost its last mine in 1998.")]
    sheet, b = build(arts, words=120)
    assert any(c.kind in ("denial", "claim") for c in sheet.conflicts)
    texts = [s.text for s in b.summary]
    claim = next(k for k, t in enumerate(texts) if "400 jobs" in t and "denied" not in t)
    answer = next(k for k, t in enumerate(texts) if "denied" in t)
    # the news first, then the disagreement, its claim right before its answer
    assert answer == claim + 1 == len(texts) - 1 and "opened" in texts[0]


def test_shared_terms_and_their_gain():
    texts = ["Tomas Reyl, 54, was found alive near Kellow Point.", "Reyl was found on a sandbar near Kellow Point.",
             "The sea was calm and the gulls were loud."]
    w = shared_weights(texts, ["s1", "s2", "s1"])
    assert w and "kellow" in w and "gull" not in w and "gulls" not in w  # one source's colour is not shared
    assert coverage_gain(terms(texts[0]), w, set()) > coverage_gain(terms(texts[2]), w, set()) == 0.0
    assert coverage_gain(terms(texts[0]), w, set(terms(texts[1]))) < coverage_gain(terms(texts[0]), w, set())
    assert shared_weights(texts, ["s1", "s1", "s1"]) == {}  # one source shares nothing


def test_the_sentence_that_packs_the_shared_facts_beats_colour():
    arts = [art("d1", "Fog hung low over the grey water as the gulls circled the quay at Sallow. "
                      "The cargo ship Merrow ran aground at Sallow on Monday with 14 crew aboard. "
                      "All 14 crew were lifted off by a helicopter. "
                      "The owner, Tarn Shipping, said an inquiry had begun."),
            art("d2", "The cargo ship Merrow, with 14 crew aboard, ran aground off Sallow on Monday. "
                      "A helicopter lifted all 14 crew to safety. "
                      "Tarn Shipping, which owns the Merrow, has opened an inquiry.")]
    _, b = build(arts, words=30)
    told = " ".join(s.text for s in b.summary)
    assert "Merrow" in told and "gulls" not in told


def test_a_headline_glued_to_the_lead_by_its_dateline_goes():
    lead = ("Storm floods old town of Bressa BRESSA.- Heavy rain flooded the old town of Bressa on Sunday, "
            "forcing 300 people from their homes, the fire service said.")
    short = compress(lead)
    assert short.startswith("Heavy rain flooded") and "forcing 300 people" in short
    assert is_faithful_compression(short, lead)
    # a capitalised word and a dash inside a sentence are no dateline
    inside = "The ferry sank near the port of DOVER - officials could not say why it sank so fast."
    assert compress(inside) == inside
    es = "Un incendio destruyó el mercado de Olvera el martes, informaron las autoridades."
    assert compress(es) == "Un incendio destruyó el mercado de Olvera el martes."


def test_an_update_marker_or_time_stamp_opening_a_sentence_goes():
    assert compress("UPDATE: 9:05 a.m. - The missing fisherman was found alive near Kellow Point on Thursday.") \
        == "The missing fisherman was found alive near Kellow Point on Thursday."
    assert compress("Last Updated, Friday, 4:12 p.m. The harbour at Dunmore reopened to boats after the storm.") \
        == "The harbour at Dunmore reopened to boats after the storm."
    kept = "Updated rules for the harbour took effect on Monday for every boat."
    assert compress(kept) == kept


def test_a_structured_abstract_label_glued_to_its_sentence_goes():
    assert compress("Results The share of commuters who cycle to work rose from 4 to 9 percent in ten years.") \
        == "The share of commuters who cycle to work rose from 4 to 9 percent in ten years."
    kept = "Results of the council vote were announced on Monday evening."
    assert compress(kept) == kept


def test_reports_that_share_no_fact_are_not_ranked_by_the_words_they_share_by_chance():
    from crosswire.brief.summary import SummaryConfig

    arts = [art("e1", "The town of Ossel opened a new library on Monday. The building has room for 40,000 books. "
                      "Children from the town's two schools read poems at the opening. "
                      "The old library had been closed since a fire in 2019."),
            art("e2", "A storm cut power to 3,000 homes in the hills above Ossel on Monday night. "
                      "Crews worked through the night to repair the lines. "
                      "Two schools stayed closed on Tuesday because of fallen trees.")]
    sheet = facts.analyze(arts, [], embedder=False, entities=[], lang="en")
    assert not any(f.independent_sources >= 2 for f in sheet.facts)
    on = brief.build_brief(arts, [], sheet, words=40, lang="en")
    off = brief.build_brief(arts, [], sheet, words=40, lang="en", config=SummaryConfig(coverage=0.0))
    assert [s.text for s in on.summary] == [s.text for s in off.summary]
