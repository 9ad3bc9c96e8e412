"""Sentences in two languages that state one fact: linked by the names and figures both write alike."""

from __future__ import annotations

import pytest

from crosswire.facts.align import align_sentences
from crosswire.facts.crosslang import cross_figures, cross_names
from crosswire.facts.quote_translations import compatible_speakers, merge_translations
from crosswire.model import Article, Citation, Quote
from crosswire.text.sentences import split_sentences


def _groups(texts: dict[str, tuple[str, str]]) -> tuple[list, list[list[str]]]:
    sentences = []
    for aid, (text, _lang) in texts.items():
        sentences.extend(split_sentences(text, aid))
    languages = {aid: lang for aid, (_text, lang) in texts.items()}
    groups, _scores = align_sentences(sentences, languages, None)
    return sentences, [[f"{sentences[m].article}:{sentences[m].index}" for m in g.members] for g in groups]


def test_names_and_figures():
    assert {"meo", "volkswagen", "tochter"} <= cross_names("Der 52-jährige De Meo war Chef der Volkswagen-Tochter.")
    assert "volkswagen" in cross_names("He ran Volkswagen’s Spanish brand.")
    assert cross_figures("Der 52-jährige De Meo") == {"52"}
    assert (
        cross_figures("una superficie de 2.000 metros") == cross_figures("an area of 2,000 square metres") == {"2000"}
    )
    assert cross_figures("zwei Tote, 3 Verletzte") == set()  # small figures say little


def test_german_and_english_share_a_figure_and_a_name():
    _s, groups = _groups(
        {
            "a1": (
                "Die Reederei Nordlicht hat Tomas Berglund zum neuen Chef ernannt. "
                "Der 47-jährige Tomas Berglund leitete zuvor die Werft in Kiel. "
                "Die Aktie stieg am Nachmittag leicht.",
                "de",
            ),
            "a2": (
                "The shipping line Nordlicht named Tomas Berglund its new chief executive on Monday. "
                "Tomas Berglund, 47, previously ran the company's yard in Kiel. "
                "Analysts said the choice was expected.",
                "en",
            ),
        }
    )
    assert ["a1:1", "a2:1"] in groups  # the age and the name
    assert ["a1:0", "a2:0"] in groups  # the two leads naming Nordlicht and Berglund, in reports shown to be one story


def test_same_names_different_figures_stay_apart():
    _s, groups = _groups(
        {
            "a1": (
                "Der Autobauer Castell streicht 4.600 Stellen in Frankreich. "
                "Castell will bis 2024 rund 2 Milliarden Euro sparen.",
                "de",
            ),
            "a2": (
                "Carmaker Castell will cut 15,000 jobs worldwide, the company said on Friday. "
                "The Castell board met in Paris on Thursday evening.",
                "en",
            ),
        }
    )
    assert ["a1:0", "a2:0"] not in groups  # leads naming Castell, with figures apart
    assert all(len(g) == 1 for g in groups)


def test_spanish_and_english_year_and_name():
    _s, groups = _groups(
        {
            "a1": (
                "El fuego destruyó la casa de los monos del zoo de Krefeld. "
                "El recinto de Krefeld había abierto sus puertas en 1975 y recibía visitas cada día.",
                "es",
            ),
            "a2": (
                "A fire destroyed the monkey house at Krefeld zoo. "
                "The Krefeld enclosure had opened in 1975 and was visited every day.",
                "en",
            ),
        }
    )
    assert ["a1:1", "a2:1"] in groups


def test_a_tie_is_no_match():
    _s, groups = _groups(
        {
            "a1": ("Der Verein Hanse Nord feierte 2019 sein Jubiläum mit einem Fest am Hafen.", "de"),
            "a2": (
                "The Hanse Nord club opened a new ground in 2019 after years of delays. "
                "Hanse Nord also won the regional cup in 2019 for the first time.",
                "en",
            ),
        }
    )
    assert all(len(g) == 1 for g in groups)


def test_compatible_speakers():
    assert compatible_speakers("Jean-Dominique Senard", "Renault chairman Senard")
    assert compatible_speakers(None, "Senard")
    assert compatible_speakers("der Minister", "the minister")
    assert not compatible_speakers("Jean-Dominique Senard", "Bruno Le Maire")


class _FakeEmbedder:
    """Vectors chosen by hand: the translated pairs point the same way."""

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table

    def encode(self, texts, *, query=False):
        import numpy as np

        vecs = np.array([self.table[t] for t in texts], dtype=np.float32)
        return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


class _Story:
    def __init__(self, articles, embedder) -> None:
        self.articles = articles
        self.embedder = embedder
        self.order = {a.id: k for k, a in enumerate(articles)}

    def independent(self, ids) -> int:
        return len(set(ids))


def _quote(text: str, speaker: str | None, article: str, sentence: int) -> Quote:
    return Quote(speaker, text, [article], [Citation(article, sentence, text)])


def _articles():
    return [
        Article(id="a1", text="x", language="de"),
        Article(id="a2", text="x", language="en"),
    ]


DE_1 = "Die Ernennung von Tomas Berglund ist eine gute Nachricht für die Werft"
EN_1 = "The appointment of Tomas Berglund is good news for the yard"
DE_2 = "Wir werden 4.600 Stellen in Frankreich streichen müssen"
EN_2 = "We will have to cut 15,000 jobs around the world"


def test_quote_and_its_translation_merge():
    emb = _FakeEmbedder({DE_1: [1, 0, 0], EN_1: [0.98, 0.2, 0], DE_2: [0, 1, 0], EN_2: [0, 0.97, 0.24]})
    quotes = [
        _quote(DE_1, "der Minister", "a1", 3),
        _quote(DE_2, "Berglund", "a1", 5),
        _quote(EN_1, "Finance Minister Anna Holm", "a2", 2),
        _quote(EN_2, "Berglund", "a2", 4),
    ]
    out = merge_translations(quotes, _Story(_articles(), emb), "en")
    merged = [q for q in out if len(q.articles) == 2]
    assert len(merged) == 1  # the figures of the second pair differ: two quotations
    q = merged[0]
    assert q.text == EN_1  # told in the reader's language
    assert q.speaker == "Finance Minister Anna Holm"
    assert {(c.article, c.sentence) for c in q.citations} == {("a1", 3), ("a2", 2)}
    assert len(out) == 3


def test_speakers_named_apart_do_not_merge():
    emb = _FakeEmbedder({DE_1: [1, 0, 0], EN_1: [0.98, 0.2, 0]})
    quotes = [_quote(DE_1, "Jan Petersen", "a1", 3), _quote(EN_1, "Anna Holm", "a2", 2)]
    assert len(merge_translations(quotes, _Story(_articles(), emb), "en")) == 2


def test_without_the_model_nothing_merges():
    quotes = [_quote(DE_1, None, "a1", 3), _quote(EN_1, None, "a2", 2)]
    assert len(merge_translations(quotes, _Story(_articles(), None), "en")) == 2


@pytest.mark.parametrize("cos", [0.80, 0.86])
def test_below_the_threshold_nothing_merges(cos):
    import math

    emb = _FakeEmbedder({DE_1: [1, 0], EN_1: [cos, math.sqrt(1 - cos * cos)]})
    quotes = [_quote(DE_1, None, "a1", 3), _quote(EN_1, None, "a2", 2)]
    assert len(merge_translations(quotes, _Story(_articles(), emb), "en")) == 2


def test_leads_of_related_stories_stay_apart():
    # the same people in the leads, but nothing else shows the two reports tell one story
    _s, groups = _groups(
        {
            "a1": (
                "Tomas Berglund und Anna Holm verteidigen den Verkauf der Werft Nordlicht. "
                "Die Gewerkschaft kündigte Proteste an.",
                "de",
            ),
            "a2": (
                "Tomas Berglund praised Anna Holm for her years at Nordlicht as she left the board. "
                "Her successor will be named next month.",
                "en",
            ),
        }
    )
    assert all(len(g) == 1 for g in groups)
