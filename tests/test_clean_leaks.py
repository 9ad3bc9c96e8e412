"""Page furniture run into a report's paragraph (captions, credits, player messages) is cut;
sentences that merely mention an image, a photo or closing stay whole.

The texts are written for these tests, some lower-cased and run together as corpora that lost
their line breaks print them.
"""

from __future__ import annotations

import pytest

from crosswire.read.clean import clean_text
from crosswire.read.rules import strip_inline_furniture


def clean(raw: str) -> str:
    return clean_text(raw, id="t", language="en").text


LEAKS = [
    # (raw text, furniture that must go, words of the report that must stay)
    ("Image copyright marsh news image caption the old pier at Dunmore collapsed on tuesday. "
     "Engineers said the pier had been closed since march.",
     ["image copyright", "image caption", "marsh news"], ["The old pier at Dunmore collapsed on tuesday."]),
    ("The council voted to close the pool. Media playback is unsupported on your device media caption "
     "residents protested outside the town hall. The decision is final, the mayor said.",
     ["media playback", "media caption"], ["The council voted to close the pool.", "Residents protested outside"]),
    ("Close the coroner said on friday that the climber died of exposure on the north ridge. "
     "Rescuers found him on sunday.",
     ["Close the coroner"], ["The coroner said on friday that the climber died"]),
    ("Tomas vell/getty images on sunday, the band played its first concert in ten years in Orsk. "
     "Fans queued for two days.",
     ["getty images", "vell/"], ["On sunday, the band played its first concert"]),
    ("the river burst its banks near Hallow. ( photo: jane roe, afp/getty images ) about 300 homes were "
     "flooded, the fire service said.",
     ["photo:", "getty", "jane roe"], ["About 300 homes were flooded", "the river burst its banks"]),
    ("A rescue dog named Pip found the boy. ( ap photo/kim lasse ) ( associated press ) the search had "
     "lasted three days, police said.",
     ["ap photo", "associated press", "kim lasse"], ["A rescue dog named Pip found the boy.", "The search had lasted"]),
    ("The senate passed the bill by 61 votes. Story continued below the house will vote on it next week. "
     "Advertisement the speaker said he expected it to pass.",
     ["Story continued", "Advertisement"], ["The house will vote on it next week.", "The speaker said he expected"]),
    ("Ferry strike ends enlarge this image toggle caption ola brenn/ap ola brenn/ap the ferry workers "
     "went back to work on monday after a two-week strike over pay.",
     ["toggle caption", "enlarge this image", "brenn"], ["the ferry workers went back to work on monday"]),
    ("Story highlights the museum reopens after two years of repairs. The museum in Keld reopened on "
     "saturday after a two-year renovation costing 40 million crowns.",
     ["Story highlights"], ["The museum in Keld reopened on saturday"]),
]


@pytest.mark.parametrize("raw,gone,kept", LEAKS, ids=[f"leak{k}" for k in range(len(LEAKS))])
def test_furniture_inside_a_paragraph_is_cut(raw: str, gone: list[str], kept: list[str]) -> None:
    text = clean(raw)
    for g in gone:
        assert g.lower() not in text.lower(), text
    for k in kept:
        assert k.lower() in text.lower(), text


def test_a_cut_that_began_a_sentence_hands_its_capital_on() -> None:
    text = clean("Image copyright afp image caption the harbour was closed for two days after the storm.")
    assert text.startswith("The harbour was closed")


def test_what_is_cut_is_kept_in_removed() -> None:
    a = clean_text("The dam held. Media playback is unsupported on your device the water fell overnight, "
                   "officials said.", id="t", language="en")
    assert "Media playback is unsupported on your device" in a.removed
    assert a.text == "The dam held. The water fell overnight, officials said."


NOT_FURNITURE = [
    "Close to 500 people attended the vigil for the fishermen on sunday evening.",
    "Close friends of the singer said she had been unwell for months before the tour.",
    "The agency released an image of the comet taken by the probe, with a caption naming the crater.",
    "Advertisement revenue at the newspaper fell by a fifth last year, the publisher said.",
    "The photo shows the mayor at the opening of the bridge; she said the close vote surprised her.",
    "The police asked people to close their windows because of the smoke from the fire.",
    "Prices rose by 3/4 of a point and the index closed at 2,300, traders said.",
    "The court heard that the image had been shared 4,000 times before the account was closed.",
    "Readers can see the full story highlights on page two, the editor said.",
]


@pytest.mark.parametrize("sentence", NOT_FURNITURE, ids=[f"keep{k}" for k in range(len(NOT_FURNITURE))])
def test_sentences_that_mention_images_or_closing_stay_whole(sentence: str) -> None:
    assert strip_inline_furniture(sentence, first=True) == (sentence, [])
    assert clean(sentence + " " + sentence.replace("the ", "a ", 1)).startswith(sentence)


def test_close_in_the_middle_of_a_text_is_not_a_button() -> None:
    raw = "The bakery will stay open.\n\nClose the door behind you, the sign says in the shop window."
    assert "Close the door" in clean(raw)


def test_cased_credit_lines_and_captions_in_separate_paragraphs() -> None:
    raw = ("Flood waters reached the old town of Marsk on Tuesday, forcing 200 people from their homes.\n\n"
           "Image copyright EPA\n\n"
           "Emergency crews worked through the night to build a barrier of sandbags, the mayor said.\n\n"
           "(Jane Roe/Getty Images)\n\n"
           "The river is expected to fall by Thursday.")
    text = clean(raw)
    assert "Image copyright" not in text and "Getty" not in text
    assert text.count("\n\n") == 2


def test_hostile_input_does_not_raise() -> None:
    for raw in ["(" * 500, "image copyright " * 200, "/" * 300 + " getty images", "Close", "close ",
                "a/b a/b a/b " * 100, "\u200b(photo: )", "Advertisement"]:
        strip_inline_furniture(raw, first=True)
        clean(raw)
