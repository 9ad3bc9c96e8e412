"""A sentence that names a place only by its lower-case adjective still states a fact naming the place."""

from crosswire.facts.support import states


def test_place_adjective_counts_as_the_place():
    fact = "Un incendio en un zoológico de Alemania mató a más de 30 animales, informaron las autoridades."
    cited = "El incendio en un zoológico de la ciudad alemana de Nordheim acabó con la vida de unos 30 animales."
    assert states(fact, cited, language="es")
    assert not states(fact, cited)  # without a language that writes such adjectives in lower case: no rule


def test_other_places_still_apart():
    assert not states(
        "La police de Marseille a arrêté un homme lundi.",
        "La police de Bordeaux a arrêté un homme lundi.",
        language="fr",
    )
    # a lower-case word that only starts like the name is not its adjective
    assert not states(
        "La policía de Valencia detuvo a un hombre.",
        "La policía de Granada detuvo a un hombre junto a la valla.",
        language="es",
    )


def test_the_same_word_in_lower_case_is_no_adjective():
    fact = "Las entradas salieron a la venta durante la Noche Deportiva del canal."
    cited = "Disney estrenó el último avance de la película el lunes por la noche, cuando salieron las entradas."
    assert not states(fact, cited, language="es")
