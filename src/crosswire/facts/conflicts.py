"""Where the reports, or the parties they quote, disagree.

Four kinds (the contract's ``kind``):

``number``
    figures of one counted thing in one frame whose intervals cannot overlap
    ("144 dead" vs "150 dead"; "a margin of 212 votes" vs "87 votes, not the 212
    announced"; "90 minutes" vs "three hours"); "at least 144" and "more than
    140", "about 3,000" and "3,100", a range and a figure inside it agree; other
    days or years, updates ("the toll rose to 15") and other subjects are not
    compared;
``date``
    one fact dated differently by two reports;
``denial``
    a party's claim and its denial or rejection by another party ("denied by
    Paris", "X categorically rejects this", "has neither accepted nor proposed"),
    or two parties stating and negating the same thing;
``claim``
    a claim the report itself presents as contested ("claimed without providing
    evidence", "allegedly").

Figures that changed over time are no conflict: :func:`find_updates` shows them in
order ("12 dead" in Monday's report, "the toll rose to 14" on Tuesday, "15, up from
12"), and a pair of figures it would order as an update is never a number conflict.

Two wordings of one fact never make a conflict: sides must come from different
parties (denials) or incompatible values (numbers, dates).  Each conflict's
``about`` says in a few words what is disputed: "number of votes: 212 or 87",
"Valdorian foreign ministry: both governments had agreed to reopen the border
— denied by Karsland".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosswire.facts.attributes import attribute_conflicts
from crosswire.facts.claims import contrast_conflicts, denial_conflicts, gist_of, merge_conflicts
from crosswire.facts.denials import negated_restatements
from crosswire.facts.numbers_dates import clock_date_conflicts, date_conflicts, number_conflicts
from crosswire.model import Conflict

if TYPE_CHECKING:
    from crosswire.facts.story import StoryText

__all__ = ["find_conflicts"]


def _claim_about(c: Conflict) -> str:
    """ "Valdorian foreign ministry: both governments had agreed to reopen the border — denied by Karsland"."""
    first = c.sides[0]
    gist = gist_of(first.claim)
    who = first.attributed_to
    head = f"{who}: {gist}" if who else gist
    if len(c.sides) < 2:
        return f"{head} (given without evidence)" if c.kind == "claim" else head
    others = [s.attributed_to for s in c.sides[1:] if s.attributed_to]
    verb = "denied by" if c.kind == "denial" else "contested by"
    return f"{head} — {verb} {', '.join(dict.fromkeys(others))}" if others else f"{head} — contested"


def _same_sentences(a: Conflict, b: Conflict) -> bool:
    """Do two conflicts set the same sentences against each other?"""
    key = lambda c: {frozenset((x.article, x.sentence) for x in s.citations) for s in c.sides}  # noqa: E731
    return key(a) == key(b) or all(any(sa <= sb for sb in key(b)) for sa in key(a))


def find_conflicts(story: StoryText) -> list[Conflict]:
    """Every disagreement in the story, numbered c1, c2, ..."""
    out = number_conflicts(story) + date_conflicts(story)
    out += [c for c in clock_date_conflicts(story) if not any(_same_sentences(c, n) for n in out)]
    out += [c for c in attribute_conflicts(story) if not any(_same_sentences(c, n) for n in out)]
    for c in merge_conflicts(denial_conflicts(story) + contrast_conflicts(story) + negated_restatements(story)):
        if any(_same_sentences(c, n) for n in out):
            continue  # "The union disputed that figure, saying ...": already the number conflict
        c.about = _claim_about(c)
        out.append(c)
    for k, c in enumerate(out, 1):
        c.id = f"c{k}"
    return out
