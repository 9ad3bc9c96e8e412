"""Batch briefing: sort a pile into stories, brief each story, write an index.

:mod:`~crosswire.batch.run` drives a run (:func:`write_briefs`, :func:`brief_stories`),
:mod:`~crosswire.batch.workers` the worker processes that brief one story at a time under a
CPU-time limit, and :mod:`~crosswire.batch.index` the index and the run generations.
"""

from crosswire.batch.index import GENERATION, write_index
from crosswire.batch.run import brief_stories, write_briefs
from crosswire.batch.workers import RECYCLE_AFTER, WALL_FACTOR, BatchProgress, StoryOutcome

# fmt: off
__all__ = ["write_briefs", "brief_stories", "write_index", "StoryOutcome", "BatchProgress", "GENERATION",
           "RECYCLE_AFTER", "WALL_FACTOR"]
# fmt: on
