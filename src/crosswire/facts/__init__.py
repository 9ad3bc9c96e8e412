"""The facts stage: what the reports of one story share, who says it, and where they disagree.

:mod:`~crosswire.facts.story` builds the story's sentence index that every analyser reads, from
:mod:`~crosswire.facts.align` (with :mod:`~crosswire.facts.similarity` and
:mod:`~crosswire.facts.contradiction`), :mod:`~crosswire.facts.attribution` (with the per-language
:mod:`~crosswire.facts.cues`) and :mod:`~crosswire.facts.numbers`. The analysers read it:
:mod:`~crosswire.facts.conflicts` (figures: :mod:`~crosswire.facts.numbers_dates`, denials and claims:
:mod:`~crosswire.facts.claims`), :mod:`~crosswire.facts.updates`, :mod:`~crosswire.facts.quotes`,
:mod:`~crosswire.facts.timeline` and :mod:`~crosswire.facts.entities`; :func:`analyze` runs them all.
"""

from crosswire.facts.analyze import analyze, build_facts, build_numbers
from crosswire.facts.story import StoryText, read_story

__all__ = ["analyze", "build_facts", "build_numbers", "StoryText", "read_story"]
