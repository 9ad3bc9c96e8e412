"""Sentences glued together without a space after the full stop (pasted pages, transcripts, machine
translations) are split; web addresses, abbreviations and German ordinals are not.  Texts written for
these tests."""

from __future__ import annotations

import pytest

from crosswire.text.sentences import split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The ferry was held for 40 days.Ilse was fined at the quay. She paid.",
            ["The ferry was held for 40 days.", "Ilse was fined at the quay.", "She paid."],
        ),
        (
            "Its hull was checked, the skipper says.For the crew, it was a relief.",
            ["Its hull was checked, the skipper says.", "For the crew, it was a relief."],
        ),
        (
            'She starred in the play "Six to Nine."The fine for a first offence is $400.',
            ['She starred in the play "Six to Nine."', "The fine for a first offence is $400."],
        ),
        ("He said: \u201cIt is over.\u201dThe board met.", ["He said: \u201cIt is over.\u201d", "The board met."]),
        (
            "They had worked with the harbour agencies.KRV/PTL",
            ["They had worked with the harbour agencies.", "KRV/PTL"],
        ),
    ],
)
def test_glued_sentences_are_split(text: str, expected: list[str]) -> None:
    sents = split_sentences(text)
    assert [s.text for s in sents] == expected
    for s in sents:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "text",
    [
        "Read more at www.Harbourtimes.Com today.",
        "Prices in the U.S.The market fell.",
        "Am 3.Oktober feierten sie.",
        "He moved to St.Louis last year.",
        'He wrote."The end" was the title of the memo.',
    ],
)
def test_addresses_abbreviations_and_ordinals_stay_whole(text: str) -> None:
    assert [s.text for s in split_sentences(text)] == [text]
