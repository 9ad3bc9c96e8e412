"""Acceptance: the five seed reports of one event are three independent sources.

Skipped when the shared seeds are not next to the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire import copies
from crosswire.read.ingest import read_paths

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def seed_articles():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not available")
    arts = read_paths([SEEDS]).articles
    if len(arts) != 5:
        pytest.skip("seed set changed")
    return arts


def _by_prefix(arts):
    return {a.id.split("_")[0]: a.id for a in arts}


@pytest.mark.parametrize("use_embeddings", [False, True])
def test_seed_copies(seed_articles, use_embeddings):
    ids = _by_prefix(seed_articles)
    groups = copies.find_copies(seed_articles, use_embeddings=use_embeddings)
    member = {a: g for g in groups for a in g.articles}
    # The Moscow Times and BSS carry one AFP wire story
    assert member[ids["000"]] is member[ids["004"]]
    assert member[ids["000"]].kind == "syndicated"
    # La Presse and Politics Monitor are two English renderings of one French dispatch
    assert member[ids["001"]] is member[ids["003"]]
    assert member[ids["001"]].kind in {"rewrite", "translation"}
    assert member[ids["000"]] is not member[ids["001"]]
    # RFE/RL stands alone
    assert ids["002"] not in member
    assert copies.copies_json(seed_articles, groups)["sources"] == 3
