"""Which disagreement the summary makes room for: one between parties (each side says who holds it),
not two reports' different wordings of a year or a title, nor a denial a report tells of itself.

Every sentence here is fictional and written for these tests.
"""

from __future__ import annotations

import numpy as np

from crosswire.brief.news import tell_dispute
from crosswire.model import Citation, Conflict, ConflictSide


def side(text: str, who: str | None, article: str, sentence: int) -> ConflictSide:
    return ConflictSide(text, who, [article], [Citation(article, sentence, text)])


# candidates: 0-3 the news; 4/5 a port authority's claim and the dockers' answer; 6/7 two years of founding
CLAIM = Conflict(
    "c1",
    "the strike",
    "denial",
    [
        side("The port authority said the strike had ended on Monday.", "the port authority", "a", 4),
        side("The dockers' union denied that the strike had ended.", "the dockers' union", "b", 5),
    ],
)
YEARS = Conflict(
    "c2",
    "year the port was founded: 1851 or 1852",
    "date",
    [
        side("The port, founded in 1851, handles grain.", None, "a", 6),
        side("Founded in 1852, the port is the region's largest.", None, "b", 7),
    ],
)
UNIT_OF = {("a", 4): 4, ("b", 5): 5, ("a", 6): 6, ("b", 7): 7}
WORDS = {i: 20 for i in range(8)}
SCORE = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.55, 0.5])


def told(conflicts: list[Conflict]) -> list[int]:
    """The candidates chosen after the news 0-3, with these disagreements, at 120 words."""
    return tell_dispute([0, 1, 2, 3], conflicts, UNIT_OF, set(range(8)), SCORE, WORDS, 120)


def test_a_disagreement_between_parties_joins_the_summary():
    out = told([CLAIM])
    assert 4 in out  # the claim; its answer is added with the other sides (brief.summary)


def test_two_wordings_of_a_year_are_no_dispute_of_their_own():
    out = told([YEARS])
    assert out == [0, 1, 2, 3]
    # with both, the parties' disagreement is the one told, whatever the years' sentences score
    out = told([YEARS, CLAIM])
    assert 4 in out and 6 not in out and 7 not in out


def test_a_denial_a_report_tells_without_naming_who_holds_each_side_is_not_forced():
    quiet = Conflict(
        "c3",
        "the meeting",
        "denial",
        [
            side("Asked whether he met the mayor, he smiled.", None, "a", 6),
            side("He did not meet the mayor, he said later.", None, "a", 7),
        ],
    )
    out = told([quiet])
    assert out == [0, 1, 2, 3]


def test_the_latest_development_never_makes_room():
    # six sentences of news (0 the latest development, scored lowest: its place comes from being the latest)
    score = np.array([0.3, 0.8, 0.7, 0.6, 0.5, 0.4, 0.55, 0.5, 0.45, 0.42])
    words = {i: 24 for i in range(10)}
    unit_of = {("a", 4): 8, ("b", 5): 9}  # CLAIM's two sides, as candidates 8 and 9
    news = [0, 1, 2, 3, 4, 5]
    out = tell_dispute(news, [CLAIM], unit_of, set(range(10)), score, words, 120)
    assert 8 in out and 0 not in out  # without a lead to keep, the lowest-scored sentence makes room
    out = tell_dispute(news, [CLAIM], unit_of, set(range(10)), score, words, 120, frozenset({0}))
    assert 8 in out and 0 in out
