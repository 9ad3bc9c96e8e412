"""Held-out furniture kinds (session 12): a politician's name card run into a sentence, captions that place a
person in the picture, German picture credits and advert labels.  Texts written for these tests."""

from __future__ import annotations

import pytest

from crosswire.read.clean import clean_text
from crosswire.read.furniture import strip_furniture


def test_name_card_is_cut_and_the_sentence_stays() -> None:
    text = (
        "“We will not wait,” said Sen. Jane Roe Jane Mary RoeBudget talks stall as deadline nears Roe: 'We can "
        "win this' MORE (D-Vt.), a member of the budget panel."
    )
    kept, cuts = strip_furniture(text)
    assert kept == "“We will not wait,” said Sen. Jane Roe (D-Vt.), a member of the budget panel."
    assert cuts == ["Jane Mary RoeBudget talks stall as deadline nears Roe: 'We can win this' MORE"]


def test_name_card_with_a_nickname_before_a_possessive() -> None:
    kept, _ = strip_furniture(
        "The race to succeed Governor Ted Varno Edward (Ted) Lee VarnoHarbor plan faces vote MORE’s deputy began."
    )
    assert kept == "The race to succeed Governor Ted Varno’s deputy began."


def test_name_card_without_headlines() -> None:
    kept, _ = strip_furniture("“Not yet,” said Rep. Al Doe Albert Ray DoeMORE (R-Ore.), who chairs it.")
    assert kept == "“Not yet,” said Rep. Al Doe (R-Ore.), who chairs it."


def test_a_name_said_twice_in_capitals_is_no_card() -> None:
    text = "POLICE SAY ROE FLED. ROE'S CAR WAS FOUND LATER AND THERE WAS MORE DAMAGE."
    assert strip_furniture(text) == (text, [])


def test_caption_placing_a_person_in_the_present_tense_is_cut() -> None:
    text = (
        "Varno forward Jim Roe, bottom, is helped off the court by guard Al Doe (12) during the first half. "
        "Roe missed the rest of the game."
    )
    kept, cuts = strip_furniture(text)
    assert kept == "Roe missed the rest of the game."
    assert len(cuts) == 1


def test_caption_with_a_bracketed_place() -> None:
    kept, _ = strip_furniture("Bishop Jo Lark (centre) arrives at the county court in Varno. He denies the charges.")
    assert kept == "He denies the charges."
    kept, _ = strip_furniture(
        "Die Sänger Jo Roe (L) und Al Doe sind im Mai in Varno aufgetreten. Das Konzert war voll."
    )
    assert kept == "Das Konzert war voll."


def test_a_report_past_and_a_party_letter_stay() -> None:
    for text in (
        "Jane Roe, left, and John Doe met in 2010 at a trade fair in Varno.",
        "Sen. Jo Grass (R) is expected to vote against the bill on Tuesday.",
        "The mayor, right, said the bridge would open in May.",
    ):
        assert strip_furniture(text) == (text, [])


def test_german_picture_credits_and_their_caption() -> None:
    text = (
        "Der Minister spricht im Landtag. Foto: Jane Roe / DPA (Bild: DPA) (Foto: Jane Roe / DPA) "
        "Berlin - Der Landtag hat das Gesetz am Mittwoch beschlossen."
    )
    kept, cuts = strip_furniture(text)
    assert kept == "Berlin - Der Landtag hat das Gesetz am Mittwoch beschlossen."
    assert "(Bild: DPA)" in cuts


def test_german_credit_stops_before_the_text() -> None:
    kept, _ = strip_furniture("Die Brücke ist gesperrt. Foto: AFP/Jane Roe Der Konzern prüft den Schaden.")
    assert kept == "Der Konzern prüft den Schaden."


def test_german_advert_label_before_the_text() -> None:
    article = clean_text(
        "Brücke in Varno gesperrt: Die Stadt prüft den Schaden Anzeige Anzeige Varno. Die Brücke über den Fluss "
        "bleibt nach dem Unfall vom Montag mindestens zwei Wochen gesperrt, teilte die Stadt mit. Die Polizei "
        "erstattete Anzeige gegen den Fahrer des Lastwagens.",
        id="t",
        language="de",
    )
    assert "Anzeige Anzeige" not in article.text
    assert "erstattete Anzeige gegen den Fahrer" in article.text


def test_caption_stops_at_a_dash_that_opens_the_report() -> None:
    kept, _ = strip_furniture(
        "Cardinal Jo Lark (centre) is escorted from the court in Varno May 21, 2029. — VARNO, March 12 — The "
        "high court today delayed its judgment on the appeal."
    )
    assert kept == "— VARNO, March 12 — The high court today delayed its judgment on the appeal."
    assert strip_furniture("— AFP pic VARNO, March 12 — The court met.")[0] == "VARNO, March 12 — The court met."


def test_headline_glued_to_a_lead_that_opens_with_a_preposition() -> None:
    article = clean_text(
        "Varno newsrooms open a joint desk to spot voting problems To cover the vote in Varno, six newsrooms will "
        "share one desk on election day, their editors said on Monday.",
        id="t",
        language="en",
    )
    assert article.title == "Varno newsrooms open a joint desk to spot voting problems"
    assert article.text.startswith("To cover the vote in Varno, six newsrooms")


def test_a_title_case_name_with_a_preposition_is_no_lead() -> None:
    for text in (
        "Police Shot At Gas Station On Monday said the driver fled the scene before officers arrived.",
        "Fans of the album Born To Run lined up for tickets at the Varno arena on Friday morning.",
    ):
        assert clean_text(text, id="t", language="en").text == text


def test_a_news_photo_caption_dated_after_a_comma_is_cut() -> None:
    kept, cuts = strip_furniture(
        "Firefighters walk past the burned warehouse on Harbor Road, Tuesday, May 4, 2021, in Port Ellis, Ore. "
        "The fire started late on Monday."
    )
    assert kept == "The fire started late on Monday."
    assert cuts == [
        "Firefighters walk past the burned warehouse on Harbor Road, Tuesday, May 4, 2021, in Port Ellis, Ore."
    ]
    kept, _ = strip_furniture("Volunteers carry sandbags to the levee, Sunday, Oct. 3, 2021.")
    assert kept == ""


def test_a_report_dating_its_news_keeps_the_sentence() -> None:
    for text in (
        "The fire started late on Tuesday, May 4, 2021, in a warehouse on Harbor Road.",
        "The warehouse burned down on Tuesday, May 4, 2021, in Port Ellis.",
        "Officials said the levee held until Sunday, Oct. 3, 2021.",
    ):
        assert strip_furniture(text) == (text, [])


def test_labelled_and_title_case_links_to_other_articles_are_cut() -> None:
    from crosswire.read.furniture import line_furniture

    for line in (
        "RELATED VIDEO: Harbour Band Plays the Pier",
        "Related Article: Port Ellis Ferry Returns to Service",
        "SEE BELOW: Video of the rescue ▼",
    ):
        assert line_furniture(line) == "related-link"
    kept, cuts = strip_furniture("Read ‘Harbour’ Stars to Be Honoured at the Pier TODAY! The ferry sails at noon.")
    assert kept == "The ferry sails at noon."
    assert cuts == ["Read ‘Harbour’ Stars to Be Honoured at the Pier TODAY!"]


def test_a_sentence_about_reading_or_a_video_label_in_the_text_stays() -> None:
    from crosswire.read.furniture import line_furniture

    for text in ("Read the statement the harbour office issued on Monday.", "Read Laura's blog"):
        assert strip_furniture(text) == (text, [])
    assert line_furniture("Related articles were removed from the page") is None


def test_a_sentence_giving_a_number_to_call_is_cut() -> None:
    for text, kept in (
        ("The ferry sails at noon. Reach Jane Roe at 555-201-3344 or on Twitter.", "The ferry sails at noon."),
        ("Die Beratung ist unter 0 800 / 111 0 111 erreichbar. Sie ist kostenlos.", "Sie ist kostenlos."),
        ("For tickets, call 1-800-555-0199. The show opens on Friday.", "The show opens on Friday."),
    ):
        assert strip_furniture(text)[0] == kept


def test_figures_and_years_are_no_telephone_numbers_and_a_police_appeal_stays() -> None:
    for text in (
        "Anyone with information is asked to call police at 555-201-3344.",
        "The city has 1,205 polling sites and counted 2,304,120 votes.",
        "The 2019-2020 season ended with a 102-99 win.",
        "Police said the man, 45, was arrested at 10.30 on Friday.",
    ):
        assert strip_furniture(text) == (text, [])


def test_a_credit_of_its_own_closes_a_caption_and_both_are_cut() -> None:
    kept, cuts = strip_furniture(
        "The ferry sank on Monday. Divers search the harbour near the pier at dawn. (Jane Roe/Port Ellis Herald) "
        "The captain was arrested."
    )
    assert kept == "The ferry sank on Monday. The captain was arrested."
    assert cuts == ["Divers search the harbour near the pier at dawn. (Jane Roe/Port Ellis Herald)"]


def test_a_dateline_s_credit_or_a_quotation_s_end_is_no_caption() -> None:
    for text in (
        "PORT ELLIS, Ore. (KPEL/KXYZ) — A ferry sank in the harbour on Monday, the coast guard said.",
        "“We will rebuild the pier. That was always the plan.” (Jane Roe/Port Ellis Herald)",
        "The split was 50/50 (see the table). The rest followed.",
    ):
        kept, cuts = strip_furniture(text)
        assert not any("ferry sank" in c or "rebuild" in c or "split" in c for c in cuts), cuts


def test_video_lines_stamps_and_contact_footers_are_cut() -> None:
    kept, cuts = strip_furniture("Harbour Crane Collapse Slow Motion from Jane Roe on Vimeo.")
    assert kept == "" and cuts
    kept, _ = strip_furniture(
        "Police are seeking a driver seen on a harbour camera on Thursday. (Published Friday, May 7, 2021) "
        "The ferry sails at noon."
    )
    assert kept == "The ferry sails at noon."
    kept, _ = strip_furniture("To contact the reporter on this story: Jane Roe in Port Ellis at jroe@example.net")
    assert kept == ""
    for text in ("He posted the clip from Port Ellis on YouTube.", "She filmed the crane from her office on Monday."):
        assert strip_furniture(text) == (text, [])


def test_prompts_to_look_at_what_the_page_embeds_are_cut() -> None:
    for text in ("Watch the update here.", "Read our press release here.", "Check out more videos of the crane:"):
        assert strip_furniture(text) == ("", [text])
    for text in ("Police said the man was here.", "The mayor said:", "Check the figures before Monday."):
        assert strip_furniture(text)[1] == []


def test_a_farewell_is_no_prompt() -> None:
    assert strip_furniture("See you here.") == ("See you here.", [])


@pytest.mark.parametrize(
    "text, cut",
    [
        ("Ilse was a student in Varno. Picture: Instagram After further care, she was sent home on Friday by doctors.",
         "Picture: Instagram"),
        ("Die Opfer wurden am Montag geehrt. Bild: AFP Mehr als zwanzig Jahre danach wurde er in Varno gefasst.",
         "Bild: AFP"),
        ("The ferry left the harbour late. Advertisement The council met on Monday to discuss the new timetable.",
         "Advertisement"),
        ("The ferry left the harbour late. Advert Now, if you are like me, you wonder why it left at all.", "Advert"),
        ("She needed care at once. media_camera Ilse Roe, 20, was a student at the Varno college.", "media_camera"),
    ],
)
def test_inline_labels_and_picture_credits_between_sentences(text: str, cut: str) -> None:
    out, cuts = strip_furniture(text)
    assert cut in cuts and cut not in out


@pytest.mark.parametrize(
    "text",
    [
        "Advertisement revenue fell sharply in March, the company said on Tuesday in Varno.",
        "The museum showed one photo: AFP archives hold the rest, the curator said on Monday.",
    ],
)
def test_words_that_only_look_like_labels_stay(text: str) -> None:
    assert strip_furniture(text)[0] == text


def test_a_wires_graphic_pointer_and_a_correction_note_are_cut() -> None:
    text = ("The lava reached the coast road on Friday and closed it, officials said.\n\n(GRAPHIC: Lava flows - "
            "example.rs/2Ab9)\n\nGeologists said the flow could last for weeks.\n\n___\n\nThis version corrects "
            "that the road closed on Friday, not Thursday.")
    art = clean_text(text, id="t")
    assert "GRAPHIC" not in art.text and "This version corrects" not in art.text
    assert "Geologists said the flow could last for weeks." in art.text
