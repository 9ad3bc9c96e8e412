"""The summary tells the news: no personal essays, captions or repeated-word garbage; the latest
update of a live report; a dispute and its answer; the reader's language.

Every article here is fictional and written for these tests.
"""

from __future__ import annotations

from crosswire import brief, facts
from crosswire.brief.news import essay_articles, first_person, is_caption, update_leads
from crosswire.model import Article
from crosswire.text.repeats import is_garbage
from crosswire.text.sentences import article_sentences


def art(aid: str, text: str, language: str = "en") -> Article:
    return Article(id=aid, text=text, published="2031-05-14", language=language)


def build(arts: list[Article], words: int = 120, lang: str | None = "en"):
    sheet = facts.analyze(arts, [], embedder=False, entities=[], lang=lang)
    return brief.build_brief(arts, [], sheet, words=words, lang=lang)


FERRY = [
    art("a1", "A ferry carrying 80 passengers ran aground off Port Maren on Tuesday, the coastguard said. "
              "All passengers were taken off safely by lifeboats within two hours. "
              "The ferry operator said the cause of the grounding was being investigated. "
              "Divers will inspect the hull on Wednesday."),
    art("a2", "The coastguard said a ferry with 80 people aboard ran aground near Port Maren on Tuesday. "
              "Lifeboats took every passenger off the ferry safely. "
              "Investigators are looking into what caused the grounding, the operator said. "
              "The ferry line has cancelled Wednesday's crossings."),
    art("a3", "I remember my first ferry crossing to Port Maren as a child. "
              "My father held my hand at the rail while I watched the gulls. "
              "I was sure we would sink, and I cried the whole way. "
              "Years later I still think of that crossing whenever I smell diesel. "
              "My own children now laugh at the story."),
]


def test_first_person_and_essays():
    assert first_person("I was sure we would sink.", "en")
    assert not first_person('"I was sure we would sink," the captain said.', "en")
    assert first_person("Je me souviens de ma première traversée.", "fr")
    sents = {a.id: article_sentences(a) for a in FERRY}
    assert essay_articles(sents, {a.id: a.language for a in FERRY}) == {"a3"}


def test_summary_leaves_out_the_personal_essay():
    b = build(FERRY, words=40)
    assert b.summary
    assert all(c.article != "a3" for s in b.summary for c in s.citations[:1])
    assert any("aground" in s.text for s in b.summary)


def test_captions_and_garbage_are_no_summary_sentences():
    assert is_caption("A photo of the ferry that ran aground off Port Maren on Tuesday.")
    assert is_caption("This screengrab shows the ferry listing near the rocks.")
    assert not is_caption("Photographers gathered at the harbour as the ferry was towed in.")
    assert is_garbage("Die Fähre ist offiziell offiziell offiziell gesunken.")
    assert not is_garbage("The ferry, the coastguard said, was an old ferry.")
    arts = [art("a1", "A photo of the ferry that ran aground off Port Maren on Tuesday morning. " + FERRY[0].text),
            art("a2", FERRY[1].text + " Ferry ferry ferry ferry ferry ferry ferry ferry.")]
    b = build(arts)
    assert not any(is_caption(s.text) or is_garbage(s.text) for s in b.summary)
    assert not any(is_garbage(f.text) for f in b.facts.facts)


def test_an_update_opens_the_report():
    a = art("a1", "UPDATE: 9:05 a.m. - The missing hiker was found alive near Cold Ridge early on Thursday. "
                  "She was taken to hospital with mild hypothermia. "
                  "A hiker from Lannock was reported missing on Monday after she failed to return from a walk. "
                  "Rescue teams searched the ridge for three days.")
    sents = article_sentences(a)
    assert update_leads(sents) == {0, 1, 2}
    b = art("a2", "A hiker from Lannock was reported missing on Monday after she failed to return from a walk "
                  "on Cold Ridge. Rescue teams with dogs searched the ridge for three days. "
                  "Her family asked anyone who saw her to call the police.")
    s = build([a, b], words=40)
    assert any("found alive" in x.text for x in s.summary)


def test_the_summary_tells_the_dispute_and_its_answer():
    a = art("a1", "The mayor of Tarrow said on Monday that the harbour would reopen to fishing boats next week. "
                  "The port authority denied this on Tuesday, saying the harbour would stay closed. "
                  "Fishermen have been unable to work since the storm. "
                  "The storm destroyed two piers and sank a dozen boats.")
    b = art("a2", "Fishermen in Tarrow have been unable to work since the storm that destroyed two piers. "
                  "The storm sank a dozen boats in the harbour. "
                  "Repairs to the piers will take months, engineers said.")
    s = build([a, b], words=120)
    told = " ".join(x.text for x in s.summary)
    assert "reopen" in told and "denied" in told


GERMAN = art("d1", "Die Stadt Lanfurt hat am Montag einen neuen Bürgermeister gewählt. "
                   "Anna Keller gewann die Wahl mit 54 Prozent der Stimmen. "
                   "Sie tritt ihr Amt am 1. Juli an.", language="de")
ENGLISH = art("e1", "The town of Lanfurt elected a new mayor on Monday. "
                    "Anna Keller won the election with 54 percent of the vote. "
                    "She takes office on July 1.")


def test_the_reader_language_tells_the_brief():
    b = build([GERMAN, ENGLISH], lang="en")
    assert b.language == "en" and b.language_note is None
    assert b.summary and all(s.citations[0].article == "e1" for s in b.summary)
    assert b.headline and "Lanfurt" in b.headline and "Bürgermeister" not in b.headline
    d = build([GERMAN, ENGLISH], lang="de")
    assert d.language == "de" and all(s.citations[0].article == "d1" for s in d.summary)


def test_a_story_without_the_reader_language_says_so():
    b = build([GERMAN], lang="en")
    assert b.language == "de"
    assert b.language_note and "en" in b.language_note and "de" in b.language_note
    assert b.summary and all(s.citations[0].article == "d1" for s in b.summary)
