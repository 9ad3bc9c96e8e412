"""The words that say what a figure counts, per language: qualifiers ("at least"), the categories of
people a story counts (dead, injured, arrested, missing, displaced), the verbs before a figure that name
its category, the words skipped on the way to the counted noun, and units.  Data for
:mod:`crosswire.facts.numbers`."""

from __future__ import annotations

# fmt: off
__all__ = [
    "QUALIFIERS", "CATEGORIES", "SKIP_NOUNS", "ADJECTIVES", "LEAD_VERBS", "UNIT_RX", "AGE_YEARS", "AGE_AT",
    "AGE_AT_ALONE", "DEATH_WORDS", "AGE_VERBS", "AGE_NOT_AFTER", "AGE_PARENS", "ORDINAL_WORDS", "PERSON_NOUNS",
    "PLURAL_ONLY", "PART_BY", "LIST_AND", "COUNT_SUBJECTS",
]
# fmt: on

# qualifier -> (kind) ; kinds: min (>=), gt (>), max (<=), lt (<), approx, near (just under)
# fmt: off
QUALIFIERS = {
    "at least": "min", "no fewer than": "min", "no less than": "min", "a minimum of": "min",
    "more than": "gt", "over": "gt", "upwards of": "gt", "in excess of": "gt", "above": "gt", "plus de": "gt",
    "at most": "max", "up to": "max", "as many as": "max", "no more than": "max",
    "fewer than": "lt", "less than": "lt", "under": "lt", "below": "lt", "moins de": "lt",
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx", "approximately": "approx",
    "an estimated": "approx", "estimated": "approx", "nearly": "near", "almost": "near", "close to": "near",
    "environ": "approx", "près de": "near", "au moins": "min", "closer to": "approx", "nearer to": "approx",
    "roughly about": "approx", "just over": "approx", "just under": "near", "well over": "gt", "more like": "approx",
}
CATEGORIES = {
    "dead": {"dead", "died", "die", "killed", "deaths", "death", "fatalities", "lives", "bodies", "victims",
             "muertos", "muertas", "fallecidos", "fallecidas", "tote", "toten", "todesopfer", "morti", "mortos",
             "morts", "mortes", "tues", "tués", "tuees", "tuées", "deceased", "perished", "toll", "decedes",
             "décédés", "decedees", "décédées", "victimes",
             # participles after an auxiliary: "107 han fallecido", "sind gestorben", "sono stati uccisi"
             "fallecido", "fallecida", "muerto", "muerta", "getötet", "getoetet", "gestorben", "uccisi"},
    "injured": {"injured", "wounded", "hurt", "injuries", "blesses", "blessés", "blessees", "blessées", "hospitalised",
                "heridos", "heridas", "verletzte", "verletzten", "verwundete", "feriti", "feridos",
                "hospitalized", "verletzt", "herido", "herida", "ferito", "ferita", "feridas"},
    "arrested": {"arrested", "detained", "arrests", "detentions", "held", "custody", "suspects", "detenidos",
                 "festnahmen", "festgenommene", "arrestati", "presos"},
    "missing": {"missing", "disappeared", "desaparecidos", "vermisste", "vermissten", "dispersi"},
    "displaced": {"displaced", "evacuated", "homeless", "refugees"},
    "critical": set(),  # read from the phrase after the figure (crosswire.facts.numbers), never from one word
}
SKIP_NOUNS = {"people", "persons", "personnes", "sont", "ont", "ete", "été", "others", "more", "of", "were", "was",
              "have", "had", "been", "are", "and", "the", "men", "women", "children", "individuals", "person",
              "civilians", "soldiers"}
# fmt: on
ADJECTIVES = {"alleged", "suspected", "other", "additional", "new", "more", "further", "separate", "presumed"}
# verbs and nouns right before a figure that say what it counts
# fmt: off
LEAD_VERBS = {
    "killed": "dead", "killing": "dead", "kills": "dead", "toll": "dead", "deaths": "dead",
    "injured": "injured", "injuring": "injured", "wounded": "injured", "wounding": "injured",
    "arrested": "arrested", "arresting": "arrested", "detained": "arrested", "detaining": "arrested",
    "evacuated": "displaced", "displaced": "displaced",
    "murieron": "dead", "fallecieron": "dead", "starben": "dead", "morreram": "dead", "morirono": "dead",
}
# fmt: on
UNIT_RX = (
    r"(?:second|minute|hour|day|week|month|year|decade|century|time|percent|kilometre|kilometer|km|mile|"
    r"metre|meter|kg|kilogram|tonne|ton|dollar|euro|pound|centimetre|centimeter|millimetre|millimeter|inch|"
    r"foot|yard|litre|liter|gallon|acre|hectare)s?|inches|feet|cm|mm|ft|mph|km/h"
    # the same units in the other languages read (folded): "im Alter von 89 Jahren gestorben" counts years
    r"|jahre?n?|monaten?|monate|tagen?|stunden?|minuten?|wochen?|sekunden?|"
    r"anos?|años?|meses|mes|dias?|horas?|semanas?|minutos?|"
    r"ans?|mois|jours?|heures?|semaines?|"
    r"anni|mesi|giorni|ore|settimane"
)

# -- ages told without "-year-old" (read by crosswire.facts.ages), per language, folded --
# the words for "years" after an age ("mort à 45 ans", "stirbt mit 40 Jahren")
# fmt: off
AGE_YEARS: dict[str, str] = {
    "en": r"years?", "de": r"jahren?", "fr": r"ans", "es": r"anos", "it": r"anni", "pt": r"anos",
}
# the preposition of an age after a word of death: "died at 45", "mort à 45 ans", "murió a los 45 años";
# the years word is required where the language says it (``AGE_YEARS``)
AGE_AT: dict[str, str] = {
    "en": r"at", "de": r"mit", "fr": r"a", "es": r"a\s+los", "it": r"a", "pt": r"aos|com",
}
# fmt: on
# ... and where that preposition and the years word make an age with no word of death: "a los 45 años",
# "aos 45 anos", "mit 18 Jahren geheiratet" (not "mit 30 Jahren Haft": a noun after it, see ``AGE_NOT_AFTER``)
AGE_AT_ALONE = frozenset({"de", "es", "pt"})
# words of a death that an age at its time follows: "Star Dead at 45", "stirbt mit 40 Jahren"
# fmt: off
DEATH_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"died", "dies", "dead", "death", "passed away", "passes away", "killed", "murdered",
                     "slain"}),
    "de": frozenset({"stirbt", "starb", "gestorben", "verstorben", "verstarb", "tot", "getotet", "ums leben"}),
    "fr": frozenset({"mort", "morte", "meurt", "decede", "decedee", "disparu", "disparue", "eteint",
                     "eteinte", "tue", "tuee"}),
    "es": frozenset({"murio", "muere", "muerto", "muerta", "fallecio", "fallece", "fallecido", "fallecida"}),
    "it": frozenset({"morto", "morta", "muore", "mori", "scomparso", "scomparsa", "deceduto", "deceduta"}),
    "pt": frozenset({"morreu", "morre", "morto", "morta", "faleceu", "falece", "falecido", "falecida"}),
}
# "He was 45.", "Er war 45.", "il avait 45 ans", "tenía 45 años": (subject pronouns of a person, the verbs
# that tell an age with a figure after them); a language that drops its pronouns tells the age by the
# verb and the years word alone (``AGE_YEARS`` is then required)
AGE_VERBS: dict[str, tuple[str, str]] = {
    "en": (r"he|she", r"was|is|turned|turns|would\s+have\s+been"),
    "de": (r"er", r"war|ist|wurde|wird"),
    "fr": (r"il|elle", r"avait|a|aurait"),
    "es": (r"", r"tenia|tiene|cumplio|cumple"),
    "it": (r"", r"aveva|ha|compie|compiuto"),
    "pt": (r"", r"tinha|tem|completou|completa"),
}
# fmt: on
# what after an age's years word makes it no age: "mit 30 Jahren Haft", "à 45 ans de prison", "a los 45
# años de su fundación" (but "a los 45 años de edad")
# fmt: off
AGE_NOT_AFTER: dict[str, str] = {
    "en": r"(?!)", "de": r"[A-ZÄÖÜ]", "fr": r"de\b|d['’](?!une?\b)", "es": r"del?\b(?!\s+edad)",
    "it": r"d[i'’]|del", "pt": r"d[aeo]s?\b(?!\s+idade)",
}
# fmt: on
# languages whose press writes an age in brackets after a name: "Thomas Schäfer (54)" (in English "(32)" is
# as often a shirt number or a reference)
AGE_PARENS = frozenset({"de", "es"})
# words before a figure that mark it as one of several things of a kind: "his eighth 40-point game"
# fmt: off
ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                           "tenth", "eleventh", "twelfth", "another", "straight", "consecutive", "career"})
# fmt: on
# nouns written plural that name one thing: "the one-hour talks", "a 48-hour heads up" (not "30-point games")
# fmt: off
PLURAL_ONLY = frozenset({"talks", "negotiations", "proceedings", "remains", "earnings", "savings", "odds", "heads",
                         "headquarters", "series", "species", "news", "means", "hostilities", "festivities",
                         "finals", "playoffs", "proceeds", "arrears"})
# fmt: on
# person nouns and pronouns that an age told by a verb can belong to ("the victim was 45", "he was 45"), for
# the parse check
PERSON_NOUNS = frozenset(
    """man woman boy girl victim driver suspect actor actress singer father mother son daughter wife husband
    player officer soldier teacher student pilot rapper star homme femme garçon fille victime conducteur
    enfant adolescent adolescente jeune policier suspect personne retraité retraitée mann frau junge mädchen opfer
    fahrer hombre mujer nino nina joven victima conductor anciano anciana uomo donna ragazzo ragazza bambino
    bambina vittima homem mulher menino menina jovem vitima idoso idosa he she who il elle qui er""".split()
)
# the words that say whose a part of a listed count is ("120 votes from Labour, 35 from the Greens", "120
# diputados del PSOE, 35 de Unidas Podemos"), and the words that join the last part of a list (see
# crosswire.facts.number_lists)
# fmt: off
PART_BY = frozenset({"from", "for", "de", "del", "des", "du", "von", "für", "di", "della", "da", "do", "dos",
                     "das"})
LIST_AND = frozenset({"and", "y", "e", "et", "und"})
# fmt: on
# nouns that are a number of people, whose value a bare figure gives: "a crowd of 50,000", "attendance reached
# 12,000", "a crowd expected to be about 50,000" (folded)
# fmt: off
COUNT_SUBJECTS = frozenset({"crowd", "crowds", "turnout", "attendance", "audience", "population", "membership",
                            "headcount", "enrollment", "enrolment", "foule", "affluence", "multitud", "asistencia",
                            "folla", "multidao"})
# fmt: on
