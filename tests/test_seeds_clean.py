"""Acceptance: the five real seed articles in ../shared/seeds read and cleaned as a reader expects.

Skipped when ../shared is absent.  Expected values are the facts the seed texts
state (titles, dates, datelines, credits); the code knows none of them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crosswire.read.ingest import read_paths
from crosswire.model import Article

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")


@pytest.fixture(scope="module")
def arts() -> dict[str, Article]:
    res = read_paths([SEEDS])
    assert not res.errors
    return {a.id[:3]: a for a in res.articles}


def _sentence_like_start(p: str) -> bool:
    return bool(re.match(r"""^["“‘']?[A-ZÀ-Þ]""", p)) and len(p.split()) >= 8


def _sentence_end(p: str) -> bool:
    return bool(re.search(r"""[.!?]["”’'»)]?$""", p))


def test_all_five_are_read(arts):
    assert sorted(arts) == ["000", "001", "002", "003", "004"]


def test_texts_start_at_the_first_sentence_and_end_at_the_last(arts):
    for a in arts.values():
        paras = a.paragraphs
        assert _sentence_like_start(paras[0]) and _sentence_end(paras[0]), a.id
        assert _sentence_end(paras[-1]), a.id


def test_no_furniture_is_left_in_any_text(arts):
    furniture = re.compile(
        r"Dear readers|Remind me later|support us|Related Articles|Latest News|Most View|^Home |"
        r"originally published|\.\.\.$|…$",
        re.M,
    )
    for a in arts.values():
        for p in a.paragraphs:
            assert not furniture.search(p), (a.id, p[:80])


def test_furniture_is_kept_in_removed(arts):
    def removed(aid: str) -> str:
        return "\n".join(arts[aid].removed)

    assert "Dear readers" in removed("000") and "Remind me later" in removed("000")
    assert "Related Articles" in removed("003") and removed("003").count("...") >= 3
    assert re.search(r"^Home ", removed("003"), re.M)
    assert "Latest News" in removed("004") and "Most View" in removed("004")


def test_wire_copy_004(arts):
    a = arts["004"]
    assert a.title == "French, Russian defence ministers hold telephone talks: Paris"
    assert a.published == "2024-04-03"
    assert a.dateline == "PARIS"
    assert a.credits == ["BSS", "AFP"]
    assert a.text.startswith("The defence ministers")
    assert all("\n" not in p for p in a.paragraphs), "line breaks left inside sentences"
    assert len(a.paragraphs) >= 10


def test_rendering_003_title_credit_and_crossheads(arts):
    a = arts["003"]
    assert a.title == "French and Russian defense ministers spoke on the phone"
    assert a.credits == ["leprogres.fr"]
    assert a.headings == ["“Stop all exploitation”", "Towards increased cooperation?"]
    for h in a.headings:
        assert h in a.paragraphs  # a paragraph of its own, never merged into a sentence


def test_la_presse_001_dateline(arts):
    a = arts["001"]
    assert a.dateline == "Paris"
    assert not a.text.startswith("(")


def test_moscow_times_000_end_and_crosshead(arts):
    a = arts["000"]
    assert a.text.endswith("speaks directly with Western officials there.")
    assert a.headings == ["'Fight for freedom'"]
    assert "'Fight for freedom'" in a.paragraphs


def test_languages(arts):
    assert {a.language for a in arts.values()} == {"en"}
