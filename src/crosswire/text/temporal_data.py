"""Word tables of the temporal tagger (``temporal.py``), one entry per language.

Everything a language contributes is here: month and weekday names, number and ordinal
words, the words that point back or forward ("last", "next", "this"), seasons, parts of the
day, the words of "ago", the deictic days ("yesterday"), the reference words ("now",
"recently"), the holidays with a fixed date, and the cues of a future clause used when no
parse is at hand.  Patterns in ``temporal.py`` are built from these tables, so adding a
language is adding an entry here (plus, where its word order differs, a phrase table).

Regular-expression fragments are allowed in the phrase tables (keys are regex sources,
matched case-insensitively on word boundaries).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["PART_OF_DAY", "SEASONS", "TABLES", "LangTables"]

SEASONS = ("SP", "SU", "FA", "WI")
PART_OF_DAY = ("MO", "AF", "EV", "NI")


@dataclass(frozen=True)
class LangTables:
    """The words of one language.  ``phrases`` maps a regex to (unit, step):

    a deictic phrase counted from the report's date ("last week" -> ("week", -1)).
    """

    months: dict[str, int]
    # month names that are also common words or names ("May", "March", "mars"): they count
    # only next to a day, a year, or after a preposition of time
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    last: tuple[str, ...]  # "last Friday", "last October"
    next: tuple[str, ...]
    this: tuple[str, ...]
    seasons: dict[str, str]
    day_parts: dict[str, str]
    deictic_days: dict[str, int]  # "yesterday" -> -1
    units: dict[str, str]  # word -> day | week | month | quarter | year | decade | century
    ago_after: tuple[str, ...]  # "two weeks ago" (number, unit, word)
    ago_before: tuple[str, ...]  # "il y a deux semaines", "vor zwei Wochen", "hace dos semanas"
    earlier: tuple[str, ...]  # anaphoric: "a year earlier" (counted from the last date told)
    later: tuple[str, ...]
    phrases: dict[str, tuple[str, int]]  # deictic phrases -> (unit, step)
    refs: dict[str, str]  # "now" -> PRESENT_REF ...
    time_preps: tuple[str, ...]  # prepositions that make an ambiguous month a month
    future_cues: tuple[str, ...]  # fallback without a parse: words of a future clause
    # month names that are also verbs ("may"): never a month before a verb, never "the May ..."
    verb_months: frozenset[str] = frozenset()
    plan_verbs: frozenset[str] = frozenset()  # lemmas whose "to"-infinitive is in the future
    # lemmas whose date is that of the thing planned ("scheduled a vote Thursday"): the future
    schedule_verbs: frozenset[str] = frozenset()
    future_aux: frozenset[str] = frozenset()  # auxiliaries of the future ("will")
    modal_aux: frozenset[str] = frozenset()  # "could", "might": the future unless with "have"
    open_preps: frozenset[str] = frozenset()  # "until", "through": the end of a span
    holidays: dict[str, tuple[int, int]] = field(default_factory=dict)
    # feasts whose day moves: name -> rule of temporal._movable
    movable_holidays: dict[str, str] = field(default_factory=dict)
    # articles and prepositions that make a season name a season ("en été", "im Sommer"), as a regex
    season_articles: str = "the|in|this"
    # deictic words that mean something else after these words ("por la mañana": in the morning)
    deictic_not_after: dict[str, str] = field(default_factory=dict)
    # capitalised words that make a weekday part of a name ("Saturday Night Live")
    name_after_weekday: frozenset[str] = frozenset()


_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9,
    "oct.": 10, "nov.": 11, "dec.": 12, "jan": 1, "feb": 2, "apr": 4, "aug": 8, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100,
}

EN = LangTables(
    months=_EN_MONTHS,
    ambiguous_months=frozenset({"may", "march", "jan", "feb", "apr", "aug", "sept", "oct", "nov", "dec",
                                "mar.", "jun.", "jul."}),
    verb_months=frozenset({"may", "march"}),
    weekdays={"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
              "mon.": 0, "tue.": 1, "tues.": 1, "wed.": 2, "thu.": 3, "thur.": 3, "thurs.": 3, "fri.": 4,
              "sat.": 5, "sun.": 6},
    numbers=_EN_NUMBERS,
    ordinals={"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4},
    last=("last", "past", "previous", "this past"),
    next=("next", "coming", "this coming"),
    this=("this", "current"),
    seasons={"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"},
    day_parts={"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"},
    deictic_days={"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0,
                  "this afternoon": 0, "this evening": 0, "last night": -1, "the day before yesterday": -2,
                  "the day after tomorrow": 2, "yesterday morning": -1, "yesterday afternoon": -1,
                  "yesterday evening": -1, "tomorrow morning": 1, "tomorrow night": 1, "tomorrow evening": 1},
    units={"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
           "quarter": "quarter", "quarters": "quarter", "year": "year", "years": "year", "decade": "decade",
           "decades": "decade", "century": "century"},
    ago_after=("ago",),
    ago_before=(),
    earlier=("earlier", "before", "previously"),
    later=("later", "after", "afterwards", "on"),
    phrases={
        r"(?:the\s+)?(?:day|night)\s+before\s+yesterday": ("day", -2),
        r"the\s+day\s+after\s+tomorrow": ("day", 2),
    },
    refs={
        r"right\s+now|just\s+now|now": "PRESENT_REF",
        r"currently|at\s+present|nowadays|these\s+days|at\s+this\s+time|presently": "PRESENT_REF",
        r"current(?=\s+[a-z])": "PRESENT_REF",
        r"recently|lately|in\s+recent\s+(?:days|weeks|months|years|decades)|recent\s+(?:days|weeks|months|years)":
            "PAST_REF",
        r"the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|future(?!\s+[a-z])|the\s+(?:near|short|long)\s+term":
            "FUTURE_REF",
        r"(?:as\s+)?soon\s+as\s+possible": "FUTURE_REF",
        r"(?:a\s+few|several|many|some)\s+(?:years|months|weeks|days)\s+ago": "PAST_REF",
    },
    time_preps=("in", "since", "until", "till", "by", "from", "through", "during", "of", "last", "next", "this",
                "early", "late", "mid", "mid-", "before", "after", "between", "and", "to", "for", "throughout",
                "on"),
    future_cues=("will", "'ll", "shall", "would", "going to", "expected to", "scheduled to", "due to", "set to",
                 "plans to", "planned", "plan to", "is to", "are to", "to be held", "upcoming", "next"),
    plan_verbs=frozenset({"expect", "schedule", "plan", "set", "due", "intend", "hope", "aim", "want", "prepare",
                          "agree", "promise", "threaten", "vow", "decide", "go", "slate", "poise", "likely",
                          "seek", "propose", "be", "try", "able", "ready", "call", "ask", "urge", "wish",
                          "invite", "advise", "encourage", "order", "instruct", "tell"}),
    future_aux=frozenset({"will", "'ll", "shall", "wo", "would", "'d"}),
    modal_aux=frozenset({"could", "might", "may", "should", "must", "can", "ca"}),
    open_preps=frozenset({"until", "till", "through", "to", "by", "before", "from"}),
    schedule_verbs=frozenset({"schedule", "reschedule", "slate", "postpone", "adjourn", "plan"}),
    holidays={"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
              "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
              "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
              "bastille day": (7, 14)},
    movable_holidays={"easter": "easter", "easter sunday": "easter", "thanksgiving": "thanksgiving",
                      "thanksgiving day": "thanksgiving", "election day": "election", "memorial day": "memorial",
                      "labor day": "labor"},
    name_after_weekday=frozenset({"night live", "times", "telegraph", "mail", "post", "express", "herald",
                                  "review", "magazine", "club", "market", "agreement", "accord", "group",
                                  "mosque", "church", "school", "street"}),
)

FR = LangTables(
    months={"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
            "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
            "janv.": 1, "févr.": 2, "avr.": 4, "juil.": 7, "sept.": 9, "oct.": 10, "nov.": 11, "déc.": 12},
    ambiguous_months=frozenset({"mars", "mai"}),
    weekdays={"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6},
    numbers={"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
             "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
             "quarante": 40, "cinquante": 50},
    ordinals={"premier": 1, "premièr": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4,
              "1er": 1, "2e": 2, "3e": 3, "4e": 4},
    last=("dernier", "dernière", "derniere", "passé", "passée", "précédent", "précédente"),
    next=("prochain", "prochaine"),
    this=("ce", "cet", "cette", "en cours"),
    seasons={"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"},
    season_articles="en|au|cet|ce|cette|de|du|depuis|pendant|dès|fin|début|mi",
    day_parts={"matin": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV", "nuit": "NI"},
    deictic_days={"aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "demain": 1, "avant-hier": -2,
                  "après-demain": 2, "ce matin": 0, "ce soir": 0, "hier soir": -1, "cette nuit": 0},
    units={"jour": "day", "jours": "day", "semaine": "week", "semaines": "week", "mois": "month",
           "trimestre": "quarter", "an": "year", "ans": "year", "année": "year", "années": "year",
           "décennie": "decade", "siècle": "century"},
    ago_after=(),
    ago_before=("il y a",),
    earlier=("plus tôt", "auparavant", "avant"),
    later=("plus tard", "après"),
    phrases={
        r"(?:la\s+)?semaine\s+(?:dernière|derniere|passée)": ("week", -1),
        r"(?:la\s+)?semaine\s+prochaine": ("week", 1),
        r"cette\s+semaine": ("week", 0),
        r"(?:le\s+)?mois\s+(?:dernier|passé)": ("month", -1),
        r"(?:le\s+)?mois\s+prochain": ("month", 1),
        r"ce\s+mois(?:-ci)?": ("month", 0),
        r"(?:l['’]\s*)?(?:année|an)\s+(?:dernière|derniere|dernier|passée)": ("year", -1),
        r"(?:l['’]\s*)?(?:année|an)\s+prochaine?": ("year", 1),
        r"cette\s+année": ("year", 0),
    },
    refs={r"maintenant|actuellement|aujourd['’]hui\s+encore|à\s+présent|en\s+ce\s+moment": "PRESENT_REF",
          r"récemment|recemment|dernièrement": "PAST_REF",
          r"(?:l['’]\s*)?avenir|à\s+l['’]avenir|bientôt": "FUTURE_REF"},
    time_preps=("en", "depuis", "jusqu'en", "dès", "début", "fin", "mi-", "d'ici", "avant", "après"),
    future_cues=("va", "vont", "allons", "sera", "seront", "aura", "auront", "devrait", "devraient", "doit",
                 "doivent", "prévu", "prévue", "prochain", "prochaine", "se tiendra", "aura lieu"),
    future_aux=frozenset({"aller"}),
    plan_verbs=frozenset({"devoir", "prévoir", "compter", "espérer", "vouloir", "aller"}),
    holidays={"noël": (12, 25), "la saint-sylvestre": (12, 31), "le 14 juillet": (7, 14)},
    movable_holidays={"pâques": "easter"},
)

DE = LangTables(
    months={"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6,
            "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
            "jan.": 1, "feb.": 2, "apr.": 4, "aug.": 8, "sept.": 9, "okt.": 10, "nov.": 11, "dez.": 12},
    ambiguous_months=frozenset({"mai", "august"}),
    weekdays={"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
              "sonnabend": 5, "sonntag": 6},
    numbers={"ein": 1, "einem": 1, "einer": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
             "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30},
    ordinals={"ersten": 1, "erste": 1, "zweiten": 2, "zweite": 2, "dritten": 3, "dritte": 3, "vierten": 4,
              "vierte": 4},
    last=("letzten", "letzte", "letztes", "vergangenen", "vergangene", "vergangenes", "vorigen", "vorige",
          "voriges"),
    next=("nächsten", "nächste", "nächstes", "kommenden", "kommende", "kommendes"),
    this=("diesen", "diese", "dieses", "diesem"),
    seasons={"frühling": "SP", "frühjahr": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI"},
    season_articles="im|in|diesen|diesem|seit|den|der|dem|vom|zum|bis",
    day_parts={"morgen": "MO", "vormittag": "MO", "nachmittag": "AF", "abend": "EV", "nacht": "NI"},
    deictic_days={"heute": 0, "gestern": -1, "morgen": 1, "vorgestern": -2, "übermorgen": 2,
                  "heute morgen": 0, "heute abend": 0, "gestern abend": -1},
    deictic_not_after={"morgen": "heute|gestern|am|jeden|guten|frühen"},
    units={"tag": "day", "tagen": "day", "tage": "day", "woche": "week", "wochen": "week", "monat": "month",
           "monaten": "month", "monate": "month", "quartal": "quarter", "jahr": "year", "jahren": "year",
           "jahre": "year", "jahrzehnt": "decade", "jahrhundert": "century"},
    ago_after=(),
    ago_before=("vor",),
    earlier=("zuvor", "früher", "vorher"),
    later=("später", "danach"),
    phrases={
        r"(?:in\s+der\s+)?(?:letzten|vergangenen|vorigen)\s+woche|letzte\s+woche|vergangene\s+woche":
            ("week", -1),
        r"(?:in\s+der\s+)?(?:nächsten|kommenden)\s+woche|nächste\s+woche": ("week", 1),
        r"(?:in\s+)?dieser\s+woche|diese\s+woche": ("week", 0),
        r"(?:im\s+)?(?:letzten|vergangenen|vorigen)\s+monat|letzten\s+monat": ("month", -1),
        r"(?:im\s+)?(?:nächsten|kommenden)\s+monat": ("month", 1),
        r"(?:in\s+)?diesem\s+monat": ("month", 0),
        r"(?:im\s+)?(?:letzten|vergangenen|vorigen)\s+jahr|letztes\s+jahr|voriges\s+jahr|vergangenes\s+jahr":
            ("year", -1),
        r"(?:im\s+)?(?:nächsten|kommenden)\s+jahr|nächstes\s+jahr": ("year", 1),
        r"(?:in\s+)?diesem\s+jahr|dieses\s+jahr": ("year", 0),
    },
    refs={r"jetzt|derzeit|zurzeit|gegenwärtig|momentan|aktuell|nun": "PRESENT_REF",
          r"kürzlich|vor\s+kurzem|neulich|jüngst": "PAST_REF",
          r"(?:in\s+)?zukunft|bald": "FUTURE_REF"},
    time_preps=("im", "seit", "bis", "ab", "vor", "nach", "anfang", "ende", "mitte", "von", "zum", "bis zum"),
    future_cues=("wird", "werden", "wirst", "werde", "soll", "sollen", "geplant", "nächste", "nächsten",
                 "kommenden", "will", "wollen"),
    future_aux=frozenset({"werden"}),
    holidays={"weihnachten": (12, 25), "heiligabend": (12, 24), "silvester": (12, 31), "neujahr": (1, 1)},
    movable_holidays={"ostern": "easter", "ostersonntag": "easter"},
)

ES = LangTables(
    months={"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
            "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12},
    ambiguous_months=frozenset({"mayo"}),
    weekdays={"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5,
              "sabado": 5, "domingo": 6},
    numbers={"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
             "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20,
             "treinta": 30},
    ordinals={"primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4},
    last=("pasado", "pasada", "anterior"),
    next=("próximo", "proximo", "próxima", "proxima", "que viene", "entrante"),
    this=("este", "esta"),
    seasons={"primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI"},
    season_articles="el|en|este|esta|la|del|desde|durante",
    day_parts={"mañana": "MO", "tarde": "AF", "noche": "NI"},
    deictic_days={"hoy": 0, "ayer": -1, "mañana": 1, "anteayer": -2, "antier": -2, "pasado mañana": 2,
                  "esta mañana": 0, "esta noche": 0, "anoche": -1},
    deictic_not_after={"mañana": "la|esta|cada|por|una|toda"},
    units={"día": "day", "días": "day", "dia": "day", "dias": "day", "semana": "week", "semanas": "week",
           "mes": "month", "meses": "month", "trimestre": "quarter", "año": "year", "años": "year",
           "década": "decade", "siglo": "century"},
    ago_after=(),
    ago_before=("hace",),
    earlier=("antes",),
    later=("después", "más tarde"),
    phrases={
        r"(?:la\s+)?semana\s+pasada|(?:la\s+)?pasada\s+semana": ("week", -1),
        r"(?:la\s+)?(?:próxima|proxima)\s+semana|(?:la\s+)?semana\s+(?:que\s+viene|próxima|entrante)":
            ("week", 1),
        r"esta\s+semana": ("week", 0),
        r"(?:el\s+)?mes\s+pasado|(?:el\s+)?pasado\s+mes": ("month", -1),
        r"(?:el\s+)?(?:próximo|proximo)\s+mes|(?:el\s+)?mes\s+(?:que\s+viene|próximo|entrante)": ("month", 1),
        r"este\s+mes": ("month", 0),
        r"(?:el\s+)?año\s+pasado|(?:el\s+)?pasado\s+año": ("year", -1),
        r"(?:el\s+)?(?:próximo|proximo)\s+año|(?:el\s+)?año\s+(?:que\s+viene|próximo|entrante)": ("year", 1),
        r"este\s+año": ("year", 0),
    },
    refs={r"ahora|actualmente|en\s+la\s+actualidad|hoy\s+en\s+día": "PRESENT_REF",
          r"recientemente|últimamente": "PAST_REF",
          r"(?:el\s+)?futuro|pronto": "FUTURE_REF"},
    time_preps=("en", "desde", "hasta", "a principios de", "a finales de", "a mediados de", "de", "antes de",
                "después de"),
    future_cues=("va a", "van a", "será", "serán", "habrá", "prevé", "previsto", "prevista", "próximo", "próxima",
                 "tendrá lugar", "se celebrará"),
    future_aux=frozenset({"ir"}),
    holidays={"navidad": (12, 25), "nochebuena": (12, 24), "nochevieja": (12, 31), "año nuevo": (1, 1)},
    movable_holidays={"pascua": "easter", "domingo de resurrección": "easter"},
)

TABLES: dict[str, LangTables] = {"en": EN, "fr": FR, "de": DE, "es": ES}
