"""A brief whose reports have no titles takes its headline from the summary's lead, kept headline-sized."""

from __future__ import annotations

from crosswire.brief import build_brief, headline_from_sentence, is_faithful_compression
from crosswire.model import Article

SHORT = "Floodwater closed the Marren valley railway on Tuesday."
LONG = (
    "Engineers in the hill town of Oskarby said on Monday that the old stone bridge over the Vell river, "
    "which carried the main road for two hundred years and was closed after cracks appeared in March, "
    "will be rebuilt with steel beams by the end of next summer at a cost of 14 million crowns."
)


def test_a_short_lead_is_the_headline_as_it_is() -> None:
    assert headline_from_sentence(SHORT) == SHORT


def test_a_long_lead_is_cut_to_its_opening_words_with_an_ellipsis() -> None:
    head = headline_from_sentence(LONG)
    assert head.endswith("…")
    words = head.rstrip("…").split()
    assert 4 <= len(words) <= 24
    assert is_faithful_compression(head.rstrip("…"), LONG)  # the sentence's own words, in order
    assert not head.rstrip("…").endswith((",", ";", ":"))


def test_brief_without_titles_gets_a_headline_sized_lead() -> None:
    filler = " The council will meet the engineers again on Friday to agree the timetable."
    arts = [
        Article(id="a", text=LONG + filler, outlet="Vell Courier"),
        Article(id="b", text=LONG.replace("Monday", "Monday evening") + filler, outlet="Hill Post"),
    ]
    brief = build_brief(arts, [], None, words=60)
    assert brief.headline and len(brief.headline.split()) <= 25
    assert any(s.text.startswith(brief.headline.rstrip("…")) for s in brief.summary) or brief.headline in (
        s.text for s in brief.summary
    )
