"""A sentence inside a quotation that runs over several sentences has no mark of its own: read alone,
as a summary line is, it would tell someone's words in the report's voice."""

from __future__ import annotations

from crosswire.brief.news import QUOTE_REACH, quote_pieces
from crosswire.brief.summary import SummaryConfig, summarize
from crosswire.model import Article, Sentence


def _sents(*texts: str, heading: int | None = None) -> list[Sentence]:
    out, pos = [], 0
    for k, t in enumerate(texts):
        out.append(Sentence("a1", k, t, pos, pos + len(t), is_heading=k == heading))
        pos += len(t) + 1
    return out


def test_the_sentences_between_an_opening_and_a_closing_mark_are_inside() -> None:
    ss = _sents(
        "The ferry captain spoke to reporters at the pier on Sunday.",
        "He said: “We turned back when the wind rose.",
        "Nobody on board was hurt.",
        "The engines are fine and we sail again tomorrow.”",
        "The harbour office confirmed the ferry would sail on Monday.",
    )
    assert quote_pieces(ss) == {2}


def test_a_quotation_a_new_paragraph_reopens_goes_on_and_straight_marks_count() -> None:
    ss = _sents(
        '"The river rose two metres in one night.',
        "We had never seen that before.",
        "“We moved the cattle to the hill at dawn.",
        "Everything else stayed in the barn.”",
        "Farmers said the water was falling again.",
    )
    assert quote_pieces(ss) == {1, 2}


def test_german_low_marks_close_on_the_high_one() -> None:
    ss = _sents(
        "„Wir haben das Feuer früh bemerkt.",
        "Die Kinder waren schon draußen.",
        "Niemand wurde verletzt“, sagte der Bürgermeister.",
        "Die Straße bleibt bis Montag gesperrt.",
    )
    assert quote_pieces(ss) == {1}


def test_a_quotation_inside_one_sentence_or_a_stray_mark_leaves_no_piece() -> None:
    one = _sents(
        "“We turned back when the wind rose,” the captain said.",
        "The harbour office confirmed the ferry would sail on Monday.",
    )
    assert quote_pieces(one) == set()
    stray = _sents("“The storm began at noon.", *[f"Sentence number {k} of the report tells more." for k in range(12)])
    assert len(stray) > QUOTE_REACH + 2
    assert quote_pieces(stray) == set()
    cut = _sents("“The storm began at noon.", "A new section", "The storm ended at night.”", heading=1)
    assert quote_pieces(cut) == set()


def test_the_summary_prefers_the_report_s_own_sentence_to_a_piece_of_a_quotation() -> None:
    text = (
        "The ferry Aurora turned back to Port Ellis on Sunday after strong winds. "
        "“We had to stop. "
        "All ninety passengers of the ferry were taken to a hotel in the town for the night. "
        "Sorry, everyone.” "
        "The port authority said crossings would resume on Monday."
    )
    art = Article(id="a1", text=text, language="en")
    told = [s.text for s in summarize([art], words=25)]
    assert told[0].startswith("The ferry Aurora turned back")
    assert not any(t.startswith("All ninety passengers") for t in told)
    assert any(t.startswith("The port authority") for t in told)
    # (without the weight, the piece of the captain's words is the second line)
    plain = [s.text for s in summarize([art], words=25, config=SummaryConfig(quote_piece=1.0))]
    assert any(t.startswith("All ninety passengers") for t in plain)
