"""A study's reference list and author contributions pasted under a science story are furniture
(paragraphs written here); a story that cites a study in its prose keeps it."""

from __future__ import annotations

from crosswire.read.furniture import strip_furniture


def test_reference_entries_are_cut_whole():
    kept, cut = strip_furniture(
        "Orlov, K. et al. Shelf thinning in the Varno basin, 1990-2020. Polar Res. 44, 210 – 231 ( 2021 ). "
        "Satellites show the shelf lost 40 billion tonnes a year."
    )
    assert kept == "Satellites show the shelf lost 40 billion tonnes a year."
    assert cut[0].startswith("Orlov, K. et al. Shelf thinning")


def test_author_contributions_are_cut():
    kept, cut = strip_furniture(
        "M. Oda developed the study concept and contributed to the study design. "
        "K. L. Brenn drafted the manuscript. Sad volunteers named fewer colours."
    )
    assert kept == "Sad volunteers named fewer colours."
    assert len(cut) == 2


def test_a_study_cited_in_the_prose_stays():
    text = (
        "Orlov et al. found that 40 billion tonnes are lost each year. "
        "The study, published in Polar Research 44, 210-231 (2021), drew on satellite data."
    )
    assert strip_furniture(text) == (text, [])


def test_a_copyright_notice_is_cut_and_the_sentence_it_closes_stays():
    kept, cut = strip_furniture('"We will find them," Chief Ana Brel said. © 2031 Varno Broadcasting Co.')
    assert kept == '"We will find them," Chief Ana Brel said.'
    assert cut == ["© 2031 Varno Broadcasting Co."]
    assert strip_furniture("Copyright 2031 The Varno Herald. All rights reserved.")[0] == ""


def test_newsletter_prompts_are_cut():
    kept, _ = strip_furniture(
        "The dam held overnight. For more articles like this, please visit us at varnoherald.example. "
        "Whenever Ana Brel posts new content, you'll get an email delivered to your inbox with a link."
    )
    assert kept == "The dam held overnight."


def test_prompts_to_read_on_follow_or_sign_up_and_bare_links_are_cut():
    paragraph = (
        "The bridge reopened on Monday. Read more about the bridge's repairs here. "
        "Follow Ana Brel on Twitter at http://twitter.com/anabrel. "
        "Sign up for the Varno Herald's morning newsletter to get stories like this in your inbox. "
        "You can unsubscribe at any time. Click here to view this in a new window. "
        "(Photo furnished by: Ivo Dane)"
    )
    assert strip_furniture(paragraph)[0] == "The bridge reopened on Monday."
    assert strip_furniture("https://varnoherald.example/story/123")[0] == ""


def test_sentences_about_photos_or_follow_ups_stay():
    for text in (
        "Photos provided by the Varno government on Tuesday showed the minister meeting the envoy.",
        "Investigators will follow up on the report, the police said.",
        "Find out more at the town meeting, the mayor told residents.",
    ):
        assert strip_furniture(text) == (text, [])


def test_contact_lines_captions_and_trailing_links_are_cut():
    kept, _ = strip_furniture("Two women learned they had been switched at birth in 1945. https://varno.example/2JFKY")
    assert kept == "Two women learned they had been switched at birth in 1945."
    kept, _ = strip_furniture("The study was published on Monday. He is reachable at iroe(at)varno.example.")
    assert kept == "The study was published on Monday."
    assert strip_furniture("Census study: http://varno.example/names")[0] == ""
    assert strip_furniture("Caption Protesters gather outside the town hall in Orsk.")[0] == ""
