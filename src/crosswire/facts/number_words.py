"""The words that say what a figure counts, per language: qualifiers ("at least"), the categories of
people a story counts (dead, injured, arrested, missing, displaced), the verbs before a figure that name
its category, the words skipped on the way to the counted noun, and units.  Data for
:mod:`crosswire.facts.numbers`."""

from __future__ import annotations

__all__ = ["QUALIFIERS", "CATEGORIES", "SKIP_NOUNS", "ADJECTIVES", "LEAD_VERBS", "UNIT_RX"]

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
    r"metre|meter|kg|kilogram|tonne|ton|dollar|euro|pound)s?"
    # the same units in the other languages read (folded): "im Alter von 89 Jahren gestorben" counts years
    r"|jahre?n?|monaten?|monate|tagen?|stunden?|minuten?|wochen?|sekunden?|"
    r"anos?|años?|meses|mes|dias?|horas?|semanas?|minutos?|"
    r"ans?|mois|jours?|heures?|semaines?|"
    r"anni|mesi|giorni|ore|settimane"
)
