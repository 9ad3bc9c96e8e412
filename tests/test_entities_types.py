"""Entity types: the model's votes over every mention, corrected by what the context says.

The model is replaced by a fake that labels given names everywhere, so each test fixes what
the model says and checks what the reader gets.
"""

from __future__ import annotations

import re

import pytest

from crosswire.facts import entities
from crosswire import facts
from crosswire.model import Article


def _fake_model(monkeypatch, labels: dict[str, str] | None):
    """The NER model labels each name of ``labels`` wherever it occurs (None: no model at all)."""
    def spans(lang, texts):
        if labels is None:
            return None
        return [sorted((m.start(), m.end(), label) for name, label in labels.items()
                       for m in re.finditer(rf"\b{re.escape(name)}\b", t)) for t in texts]

    monkeypatch.setattr(entities, "_spans", spans)


def _types(*texts: str) -> dict[str, str]:
    arts = [Article(id=f"a{k}", text=t, language="en") for k, t in enumerate(texts)]
    story = facts.read_story(arts, [], embedder=False)
    return {e.name: e.type for e in entities.find_entities(story)}


def test_a_capital_the_model_calls_a_person_is_a_place(monkeypatch):
    _fake_model(monkeypatch, {"Velmora": "PERSON", "Ida Brask": "PERSON", "Brask": "PERSON"})
    types = _types(
        "Foreign minister Ida Brask signed a security pact with Velmora on Monday.",
        "Countries allied to Velmora welcomed the pact.\n\nVelmora and its allies reject the claims, Brask said.",
    )
    assert types["Velmora"] == "GPE"
    assert types["Ida Brask"] == "PERSON"


def test_a_surname_that_speaks_stays_a_person(monkeypatch):
    _fake_model(monkeypatch, {"Kessar": "PERSON"})
    types = _types(
        "The union sent a letter to Kessar on Friday and a second one to Kessar on Monday.",
        "Kessar said the talks would go on.",
    )
    assert types["Kessar"] == "PERSON"


def test_a_name_qualifying_a_noun_or_starting_a_longer_name_is_no_place(monkeypatch):
    _fake_model(monkeypatch, {"Orvel": "PERSON"})
    types = _types(
        "Nothing new came out in the Orvel inquiry this week.",
        "Documents in Orvel Brandt's files were sealed, and the hearing heard from Orvel Brandt again.",
    )
    assert types["Orvel"] == "PERSON"


def test_one_weak_hint_is_not_enough(monkeypatch):
    _fake_model(monkeypatch, {"Dorsan": "PERSON"})
    types = _types("The award went to Dorsan, the committee announced.")
    assert types["Dorsan"] == "PERSON"


def test_a_divided_model_is_settled_by_titles(monkeypatch):
    _fake_model(monkeypatch, {"Halvik": "ORG", "Ulla Halvik": "PERSON"})
    types = _types(
        "Ulla Halvik will lead the delegation, Mrs Halvik's office said.",
        "Halvik arrived late. Minister Halvik then left.",
        "Halvik declined to comment, according to Mrs Halvik.",
    )
    assert types["Ulla Halvik"] == "PERSON"


def test_a_place_the_model_calls_a_place_is_kept(monkeypatch):
    _fake_model(monkeypatch, {"Tamsel": "LOC", "Corvella": "GPE"})
    types = _types("Flooding along the Tamsel cut off Corvella.", "Residents of Corvella said the Tamsel rose fast.")
    assert types == {"Tamsel": "LOC", "Corvella": "GPE"}


def test_without_a_model_titles_and_places_still_give_types(monkeypatch):
    _fake_model(monkeypatch, None)
    types = _types(
        "Mayor Lena Brisk said the road in Orvelle would reopen on Friday.",
        "Crews in Orvelle worked through the night, Brisk said.",
    )
    assert types.get("Lena Brisk") == "PERSON"
    assert types.get("Orvelle") == "GPE"


@pytest.mark.parametrize("text", ["", "in", "Velmora", "in the", "and its", "’s Velmora’ in"])
def test_odd_texts_do_not_break_typing(monkeypatch, text):
    _fake_model(monkeypatch, {"Velmora": "PERSON"})
    _types(text, "Velmora and its")
