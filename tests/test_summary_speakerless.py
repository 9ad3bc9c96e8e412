"""A summary line is read alone: a quotation whose speaker it does not name weighs less."""

from __future__ import annotations

import pytest

from crosswire.brief.news import names_nobody


@pytest.mark.parametrize(
    "text",
    [
        '"Keeping our passengers safe is the first thing we think about every day."',
        "And we were simply stunned that the device in the cabin was switched on.”",
        '"Nobody should have to watch a neighbour drown," he said.',
        "“I am writing because we have to speak up when something is wrong,” she said.",
    ],
)
def test_a_quotation_without_its_speaker_names_nobody(text: str) -> None:
    assert names_nobody(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        '"Nobody should have to watch a neighbour drown," Mayor Ana Ruiz said.',
        'The mayor said the new rules were "long overdue".',
        "He said the bridge would reopen on Monday.",
        "The council voted to close the bridge until the spring.",
    ],
)
def test_a_line_that_names_its_speaker_or_quotes_no_one_is_kept(text: str) -> None:
    assert not names_nobody(text, "en")
