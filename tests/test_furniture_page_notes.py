"""Page furniture of ten kinds that recur across news sites (captions, currency notes, video players,
broadcast promos, editor's notes, magazine notices, a writer's biography, a bracketed source credit,
an embedded post, a network's pointer sentence) is cut; the report's own sentences stay.
Every text here is written for this test."""

from __future__ import annotations

from crosswire.read.clean import clean_text
from crosswire.read.furniture import line_furniture, strip_furniture
from crosswire.read.rules import strip_inline_furniture

NEWS = "The Varno council approved the new bridge on Tuesday after a long debate."


def _cut_whole(text: str) -> None:
    kept, cut = strip_furniture(f"{text} {NEWS}")
    assert kept == NEWS, (text, kept)
    assert cut


def test_captions_are_cut():
    _cut_whole("FILE - This undated picture shows a painting of the old Varno harbour.")
    _cut_whole("(L-R) Mayor Ana Brel, Judge Tom Roe and Chief Lia Moss stand together after the vote.")
    _cut_whole("From left: Ana Brel, Tom Roe and Lia Moss.")
    kept, cut = strip_furniture(
        "Marsh tit (courtesy: Jane Roe, Curator of Birds, Varno Museum) Marsh tit (courtesy: Jane Roe, "
        "Curator of Birds, Varno Museum)"
    )
    assert kept == "" and len(cut) == 1


def test_a_currency_note_is_cut_and_its_sentence_stays():
    kept, cut = strip_furniture("The deal is worth 40 million riyals. ($1 = 3.7500 riyals)")
    assert kept == "The deal is worth 40 million riyals."
    assert cut == ["($1 = 3.7500 riyals)"]
    assert strip_furniture("(£1 = $1.2410)")[0] == ""


def test_a_video_players_labels_are_cut():
    text = "JUST WATCHED Bridge opens in Varno Replay More Videos ... MUST WATCH Bridge opens in Varno 02:14"
    assert strip_inline_furniture(text) == ("", [text])
    dek = "CLOSE Crowds gathered as the Varno bridge opened on Sunday. USA TODAY"
    assert strip_inline_furniture(dek) == ("", [dek])
    # a text in capitals keeps its word "CLOSE"
    assert strip_inline_furniture("CLOSE TO HOME THE FIRE BURNED FOR HOURS")[1] == []


def test_broadcast_promos_are_cut():
    _cut_whole("Tune in to Varno Tonight on Monday to hear the whole story.")
    _cut_whole("Check here for local listings.")
    _cut_whole("Her talk with the mayor is a story that is Only On 7.")


def test_editors_notes_are_cut():
    _cut_whole("This story has been updated to include a statement from the mayor.")
    _cut_whole("Information from the Varno Herald was used in this report.")
    _cut_whole("Channel 9 has removed the audio of the video out of respect for the family.")
    _cut_whole("WARNING: Some viewers may find this video disturbing.")
    # a bracketed note closed where its sentence ends goes; one the text runs on from stays with the text
    kept = strip_furniture("(This story has been updated.) A council member resigned.")[0]
    assert kept == "A council member resigned."
    text = "( this story has been updated with comments. ) a council member resigned on Friday."
    assert strip_furniture(text)[1] == []


def test_magazine_notices_are_cut():
    _cut_whole("The following is an excerpt of an article from the May 2, 2031 issue of Varno Monthly.")
    _cut_whole("This issue is available now on newsstands and online.")
    kept, cut = strip_furniture(
        "Already a subscriber? Continue on to The Vault. Not a member and want to learn more? "
        "Go to our member benefits page."
    )
    assert kept == "" and len(cut) == 4


def test_a_writers_biography_is_cut():
    _cut_whole("Ana Brel covers courts and prisons for The Varno Herald.")
    # "X is a writer for Y" is a sign-off only in a text's last paragraphs; inside a report it is a fact
    bio = "Tom Roe is a staff writer for Varno Weekly."
    assert strip_furniture(bio, closing=True) == ("", [bio])
    assert strip_furniture(bio) == (bio, [])
    raw = "\n\n".join([bio + " He was held at the border for two days.", NEWS, NEWS.replace("Tuesday", "Friday"), bio])
    art = clean_text(raw, id="t", language="en")
    assert art.text.startswith(bio) and not art.text.endswith(bio)
    # a sentence that goes on about the journalist is news
    text = "Tom Roe is a reporter for Varno Weekly who was detained at the border last week."
    assert strip_furniture(text, closing=True)[1] == []


def test_a_headline_with_its_bracketed_source_is_a_link():
    assert line_furniture("Varno's Long Winter Comes To An End [AP via Varno Post]") == "related-link"
    kept, cut = strip_furniture("The mayor cut the ribbon. [image via screengrab]")
    assert kept == "The mayor cut the ribbon." and cut == ["[image via screengrab]"]


def test_a_paragraph_that_is_one_embedded_post_is_cut():
    post = "@varnopd charges filed tonight in the pier case @VarnoNews — Jane Roe (@janeroe) July 2, 2031"
    assert strip_furniture(post) == ("", [post])
    # a report's sentence before a post's attribution keeps the old rule: the attribution alone goes
    long = " ".join([NEWS] * 6) + " — Jane Roe (@janeroe) July 2, 2031"
    kept, cut = strip_furniture(long)
    assert kept.startswith(NEWS) and cut == ["— Jane Roe (@janeroe) July 2, 2031"]


def test_a_german_pointer_sentence_and_its_network_note_are_cut():
    kept, cut = strip_furniture(
        "Hier finden Sie die News aus Varno als Karte* und die Empfehlungen der Stadt*. Die Brücke ist offen. "
        "*varno.de ist Teil des bundesweiten Varno-Digital-Redaktionsnetzwerks."
    )
    assert kept == "Die Brücke ist offen."
    assert len(cut) == 2


def test_the_clean_path_cuts_a_video_dek_in_the_middle_of_a_text():
    raw = "\n\n".join(
        [
            NEWS,
            "CLOSE So what makes the bridge special? Our editors take a look Varno Editors, VARNO TODAY",
            "The bridge cost 40 million euros, the council said.",
        ]
    )
    art = clean_text(raw, id="t", language="en")
    assert "CLOSE" not in art.text and "editors take a look" not in art.text
    assert "40 million euros" in art.text


def test_a_video_players_buttons_and_description_are_cut() -> None:
    from crosswire.read.clean import clean_text

    text = (
        "Council approves new ferry timetable after months of complaints\n\n"
        "Skip in Skip x Embed x Share CLOSE The mayor spoke at length about the new ferry timetable and the "
        "complaints of commuters at a crowded meeting in the town hall on Monday evening. She promised earlier "
        "boats and more of them on weekends before the summer. (May 3) AP\n\n"
        "The council approved the new ferry timetable on Tuesday after months of complaints from commuters.\n\n"
        "The first boat will now leave the harbour at 5:30 a.m., half an hour earlier than before."
    )
    art = clean_text(text, id="f")
    assert "Embed" not in art.text and "She promised earlier boats" not in art.text
    assert "The council approved the new ferry timetable" in art.text


def test_a_closing_staff_bio_with_the_outlets_possessive_is_cut() -> None:
    from crosswire.read.clean import clean_text

    text = (
        "The city will open two new libraries next spring, the council said on Tuesday.\n\n"
        "Both buildings will have reading rooms for children and free internet access.\n\n"
        "Mara Lind is Harbourview Daily's associate editor."
    )
    art = clean_text(text, id="b")
    assert "associate editor" not in art.text
    assert "Both buildings will have reading rooms" in art.text
