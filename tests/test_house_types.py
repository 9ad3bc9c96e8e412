"""What the type fixes of issue 12 put in place: live story profiles by number, and the
LSH candidates taking the numpy masks the copy stage passes."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire import copies
from crosswire.stories.profiles import StoryIndex, StoryProfile


def test_profile_gives_a_live_story_and_refuses_an_emptied_one():
    index = StoryIndex()
    first, second = StoryProfile(id="s1", num=0), StoryProfile(id="s2", num=1)
    index.profiles.extend([first, second])
    assert index.profile(1) is second
    index.profiles[0] = None  # emptied by the reassignment pass
    with pytest.raises(LookupError, match="story number 0"):
        index.profile(0)


def test_candidate_pairs_take_numpy_masks_and_ranks_like_lists():
    same = [f"w{i}" for i in range(200)]
    other = [f"v{i}" for i in range(200)]
    sig = copies.minhash_signatures([same, same, other, same], shingle=1, num_perm=64)
    skip = [False, False, False, True]
    rank = [3, 2, 1, 0]
    from_lists = copies.candidate_pairs(sig, 16, 4, skip=skip, rank=rank)
    from_arrays = copies.candidate_pairs(sig, 16, 4, skip=np.array(skip), rank=np.array(rank, dtype=np.int64))
    assert from_lists == from_arrays == {(0, 1)}
    # a bucket above max_bucket pairs its members with the lowest-ranked ones only
    star = copies.candidate_pairs(sig, 16, 4, max_bucket=2, rank=np.array(rank), star=1)
    assert star == {(0, 3), (1, 3)}
