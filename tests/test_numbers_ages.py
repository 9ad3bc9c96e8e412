"""Ages told without "-year-old", and "N-unit" figures that name a kind of thing (crosswire.facts.ages)."""

from __future__ import annotations

import pytest

from crosswire.facts.counting import check_figures
from crosswire.facts.numbers import find_numbers


def _figs(text: str, lang: str = "en") -> list[tuple[float, str]]:
    return [(f.value, f.what) for f in find_numbers(text, lang)]


def _checked(text: str, lang: str = "en") -> list[tuple[float, str]]:
    return [(f.value, f.what) for f in check_figures(find_numbers(text, lang), text, lang)]


def _has_parser(lang: str) -> bool:
    from crosswire.text.parse import parse

    return bool(parse(["Test."], lang))


@pytest.mark.parametrize(
    ("text", "lang", "age"),
    [
        ("The singer was found at his home. She was 61.", "en", 61),
        ("Marta Quill was 52 when she opened the bakery.", "en", 52),
        ("Veteran Broadcaster Dies at 88", "en", 88),
        ("The retired judge died at 93 on Monday.", "en", 93),
        ("Officers arrested Pell Darrow, 33, near the harbour.", "en", 33),
        ("The founder, Ida Rusk, 70.", "en", 70),
        ("Police said the driver was 34.", "en", 34),
        ("Der Maler stirbt mit 71 Jahren.", "de", 71),
        ("Sie hat mit 19 Jahren ihr erstes Buch geschrieben.", "de", 19),
        ("Die Schauspielerin Lena Berg (47) zeigte sich erleichtert.", "de", 47),
        ("Le peintre est mort à 82 ans.", "fr", 82),
        ("Le romancier est mort à 66 ans des suites d'une maladie.", "fr", 66),
        ("Il avait 58 ans.", "fr", 58),
        ("Un homme de 41 ans a été interpellé.", "fr", 41),
        ("El escultor murió a los 79 años en su casa.", "es", 79),
        ("Tenía 64 años.", "es", 64),
        ("La víctima fue identificada como Rosa Llano, de 38 años.", "es", 38),
        ("Una mujer de 29 años resultó herida.", "es", 29),
        ("O poeta morreu aos 87 anos.", "pt", 87),
        ("Lo scrittore è morto a 74 anni.", "it", 74),
    ],
)
def test_ages_told_without_year_old(text: str, lang: str, age: int) -> None:
    assert (float(age), "age") in _figs(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The lorry was doing 45 mph when it left the road.", "en"),
        ("The wait was 45 minutes.", "en"),
        ("Route 45 was shut after the crash.", "en"),
        ("It was 45.", "en"),
        ("He was 9 of 11 from the line.", "en"),
        ("She is 5 and a half feet tall.", "en"),
        ("The parade was held on Aug, 8, 2015 in the square.", "en"),
        ("The ferry left at 9 on Sunday and sank at 11.", "en"),
        ("Der Richter verurteilte ihn mit 12 Jahren Haft.", "de"),
        ("Der Termin ist am Sonntag, 5. Mai.", "de"),
        ("Il a été condamné à 20 ans de prison.", "fr"),
        ("Il y a 45 ans, la digue cédait.", "fr"),
        ("Fue condenado a 15 años de cárcel.", "es"),
        ("A los 50 años de su fundación, el club cierra.", "es"),
        ("El agente tenía 12 años en esa comisaría.", "es"),
        ("È stato condannato a 18 anni.", "it"),
        ("Ele tinha 30 anos de carreira.", "pt"),
        ("Players such as Jo Rand (23) and Al Voss (19) started.", "en"),  # shirt numbers, in English
    ],
)
def test_no_age_where_none_is_told(text: str, lang: str) -> None:
    assert not [v for v, what in _figs(text, lang) if what == "age"]


def test_age_text_is_the_figure_and_its_years_word() -> None:
    (fig,) = find_numbers("Le peintre est mort à 82 ans d'un cancer.", "fr")
    assert (fig.what, fig.text) == ("age", "82 ans")
    (fig,) = find_numbers("Nola Brandt was 50 when the mill closed.", "en")
    assert (fig.what, fig.text) == ("age", "50")


def test_age_after_a_verb_belongs_to_a_person_by_the_parse() -> None:
    if not _has_parser("en"):
        pytest.skip("no English parser")
    assert _checked("He was 45.") == [(45.0, "age")]
    assert _checked("'Little Moe' was 45.") == [(45.0, "age")]
    assert _checked("The victim was 45.") == [(45.0, "age")]
    assert _checked("Inflation was 45.") == []  # no one's age


def test_french_years_are_an_age_only_in_a_persons_phrase() -> None:
    if not _has_parser("fr"):
        pytest.skip("no French parser")
    assert _checked("Une femme de 52 ans est morte.", "fr") == [(52.0, "age")]
    assert (5.0, "age") not in _checked("Il a été réélu pour un nouveau mandat de cinq ans.", "fr")
    assert (20.0, "age") not in _checked("Il a été condamné à 20 ans de prison.", "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Okafor posted his fifth 30-point game of the season.",
        "She has 12 career 20-point games in the finals.",
        "Teams with 100-win seasons rarely miss the playoffs.",
    ],
)
def test_a_count_adjective_of_a_kind_is_no_figure(text: str) -> None:
    assert not [v for v, what in _figs(text) if what.startswith(("point", "win"))]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Okafor's 44-point performance sank the visitors.", (44.0, "point")),
        ("The union called a 24-hour strike.", (24.0, "hour")),
        ("The one-hour talks between the two leaders ended without a deal.", (1.0, "hour")),
        ("The 1,200-plus pages of the report were released.", (1200.0, "plus")),
    ],
)
def test_a_count_adjective_of_one_thing_stays(text: str, figure: tuple[float, str]) -> None:
    assert figure in _figs(text)


def test_a_kind_by_the_parse() -> None:
    if not _has_parser("en"):
        pytest.skip("no English parser")
    assert _checked("Okafor notched his eighth straight 30-point game.") == []
    assert _checked("Okafor's 44-point performance sank the visitors.") == [(44.0, "point")]


@pytest.mark.parametrize(
    ("text", "lang", "figure"),
    [
        ("A 20 metre crane toppled.", "en", (20.0, "metre")),
        ("It is a 35 minute walk to the station.", "en", (35.0, "minute")),
        ("The 30-35 centimetre bird was ringed.", "en", (30.0, "centimetre")),
        ("Produce 500 litros por día, y luego unos 700 o 900 litros por día.", "es", (700.0, "litros")),
        ("Es kamen drei oder vier Personen zu Schaden.", "de", (3.0, "personen")),
    ],
)
def test_units_and_alternatives(text: str, lang: str, figure: tuple[float, str]) -> None:
    assert figure in _figs(text, lang)


def test_no_inherited_unit_across_a_part_or_a_restatement() -> None:
    # "nine of the ... judges" is a part of the judges, not of the "three-day hearing"
    assert (9.0, "day") not in _figs("After a three-day hearing, nine of Canada's top judges retired to decide.")
    # "214 oder 4,2 Prozent" tells one rise twice, as a number and as a share
    assert (214.0, "prozent") not in _figs("Das waren 214 oder 4,2 Prozent mehr als im Vorjahr.", "de")


def test_a_list_of_parts_counts_what_its_first_figure_counts() -> None:
    text = "La ley obtuvo 150 votos del Partido Azul, 40 de Renovación y sus aliados, siete del Frente Verde."
    figs = find_numbers(text, "es")
    assert [(f.value, f.what) for f in figs] == [(150.0, "votos"), (40.0, "votos"), (7.0, "votos")]
    assert figs[1].text == "40 de Renovación"
    assert (3.0, "votes") in _figs("The motion won 61 votes from Liberals, 3 from Greens.")
    # no list: the bare figure is told of nobody named
    assert (12.0, "votos") not in _figs("Obtuvo 150 votos del Partido Azul, 12 más que en 2019.", "es")


@pytest.mark.parametrize(
    ("text", "lang", "figure"),
    [
        ("A crowd of 80,000 filled the stadium.", "en", (80000.0, "crowd")),
        ("Stalls fed a crowd expected to be about 20,000.", "en", (20000.0, "crowd")),
        ("Attendance reached 9,500 on Saturday.", "en", (9500.0, "attendance")),
        ("Une foule de 40 000 personnes a défilé.", "fr", (40000.0, "people")),
    ],
)
def test_a_number_of_people_named_before_the_figure(text: str, lang: str, figure: tuple[float, str]) -> None:
    assert figure in _figs(text, lang)


def test_no_count_of_a_crowd_for_what_it_does() -> None:
    assert (15.0, "crowd") not in _figs("The crowd chanted for 15 minutes.")


def test_a_possessive_is_no_plural_and_last_week_no_count() -> None:
    assert (12.0, "member") in _figs("It was the first stop of the 12-member panel’s tour.")
    assert (3.0, "day") in _figs("The 3-day festival's lineup was announced.")
    assert (1.0, "week") not in _figs("Her posts include one last week saying the danger was understated.")
    assert (70.0, "year") not in _figs("Guards added 120 officers on the route, up from 70 last year.")


def test_a_duration_in_a_relative_clause_keeps_whose_it_is() -> None:
    if not _has_parser("en"):
        pytest.skip("no English parser")
    text = "Merrow, whose mother ran a bakery for 25 years, was honoured on Friday."
    (fig,) = check_figures(find_numbers(text, "en"), text, "en")
    assert (fig.value, fig.what) == (25.0, "years") and "mother" in fig.text
    text = "The coach, who had led the club for 12 years, resigned."
    (fig,) = check_figures(find_numbers(text, "en"), text, "en")
    assert fig.text == "12 years"  # the coach's own years: the clause is about him


def test_a_french_duration_in_a_relative_clause_keeps_whose_it_is() -> None:
    if not _has_parser("fr"):
        pytest.skip("no French parser")
    text = "Le maire, dont la fille a tenu une librairie pendant 20 ans, est mort."
    figs = check_figures(find_numbers(text, "fr"), text, "fr")
    assert [f.value for f in figs] == [20.0] and "fille" in figs[0].text


def test_an_age_in_months_or_weeks_is_no_age_in_years() -> None:
    if not _has_parser("en"):
        pytest.skip("no English parser")
    assert _checked("The ferry crew rescued an 11-month-old girl and her 30-year-old mother.") == [
        (11.0, "age in months"),
        (30.0, "age"),
    ]
    assert _checked("A 45-year-old man found a 6-week-old puppy.") == [(45.0, "age"), (6.0, "age in weeks")]
