"""What a figure counts, read from the sentence's dependency parse.

:func:`crosswire.facts.numbers.find_numbers` reads figures from the words around them; that is
fast enough for aligning every sentence of a story, but some figures are not what the words
next to them suggest. :func:`check_figures` reads the parse of a sentence and, for each
figure, the number token's place in it:

* an identifier, not a count: the number names something ("Chapter 11 bankruptcy",
  "Route 66", "Flight 370") -- the noun before it is one of the language's ``IDENTIFIERS``;
* an age: "children aged 5 to 11 died" -- an age word governs the number (``AGE_WORDS``);
* someone's relatives: "father of four killed" -- the number is the object of "of" after a
  kinship noun (``KINSHIP``);
* a statistical setting: "a 95% confidence interval" (``PARAMETERS``);
* the standard of a comparison, which is about something else: "runs 95 minutes, a breeze
  compared with his previous film, which runs 110 minutes" -- a comparison word
  (``COMPARISON``) governs the number's clause; the figure is dropped;
* a casualty figure whose noun phrase is not the one the casualty verb is about: "six people
  died and five victims remained in hospital" -- "five" counts victims, not dead. A count of
  dead, injured, arrested, missing or displaced keeps its category only when its own noun
  says so ("deaths", "the wounded") or the verb its noun phrase is subject or object of
  does ("were killed", "killing 12 soldiers", "who died"); when that verb says something
  else, the figure counts its noun ("victims").

Figures the parse cannot place are kept as they are, and without a parser (a language with
no spaCy pipeline, or spaCy missing) the checks that need no parse (identifier nouns, age and
kinship words right before the number, statistical settings) still apply.
Rules are data: one table per language.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from crosswire.facts.ages import age_of_person, kind_by_parse, years_of_person
from crosswire.facts.holders import with_holder
from crosswire.facts.numbers import Figure, category
from crosswire.text.parse import parse
from crosswire.text.words import fold

__all__ = ["check_figures", "IDENTIFIERS", "AGE_WORDS", "KINSHIP", "PARAMETERS", "CASUALTY_VERBS", "COMPARISON"]

# nouns a number after them names an instance of, per language
IDENTIFIERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """chapter article section clause paragraph route highway interstate motorway road
        flight apollo room gate terminal platform pier title amendment level category grade phase stage
        channel proposition prop resolution figure table page episode season volume vol district ward
        precinct zone sector lot bus tram squad version division formula""".split()
    ),
    "fr": frozenset(
        """chapitre article alinéa section paragraphe route autoroute nationale vol salle porte
        terminal quai ligne titre niveau catégorie phase étape chaîne numéro no arrondissement zone secteur
        bus train tram épisode saison tome volume acte""".split()
    ),
    "de": frozenset(
        """kapitel artikel absatz paragraf paragraph abschnitt straße autobahn bundesstraße flug
        raum saal tor terminal gleis bahnsteig linie titel stufe kategorie phase kanal nummer nr bezirk
        zone sektor bus zug episode staffel band akt""".split()
    ),
    "es": frozenset(
        """capítulo artículo párrafo sección ruta autopista carretera vuelo sala puerta terminal
        andén línea título nivel categoría fase etapa canal número nº distrito zona sector autobús tren
        episodio temporada tomo volumen acto""".split()
    ),
}
# words that make the number they govern an age
AGE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"aged", "age", "ages", "old"}),
    "fr": frozenset({"âgé", "âgés", "âgée", "âgées", "âge"}),  # "ans" alone: see ages.years_of_person
    "de": frozenset({"alter", "jährige", "jährigen", "jahre"}),
    "es": frozenset({"edad", "edades", "años"}),
}
# an age told in a smaller unit than years ("an 11-month-old", "a 6-week-old puppy")
_YOUNG = re.compile(r"[\s-]*(month|week|day)s?[\s-]+old\b", re.I)
# "father of four": the number counts the person's children
# fmt: off
KINSHIP: dict[str, frozenset[str]] = {
    "en": frozenset({"father", "mother", "parent", "parents", "dad", "mom", "mum", "grandfather",
                     "grandmother", "grandparent", "grandparents", "grandma", "grandpa"}),
    "fr": frozenset({"père", "mère", "parent", "parents", "grand-père", "grand-mère"}),
    "de": frozenset({"vater", "mutter", "eltern", "großvater", "großmutter"}),
    "es": frozenset({"padre", "madre", "padres", "abuelo", "abuela"}),
}
# fmt: on
# words (lemmas) that make what they govern the standard a comparison measures against
COMPARISON: dict[str, frozenset[str]] = {
    "en": frozenset({"compare", "compared", "comparison", "unlike"}),
    "fr": frozenset({"comparer", "comparé", "comparée", "comparaison", "contrairement"}),
    "de": frozenset({"vergleichen", "verglichen", "vergleich", "gegensatz"}),
    "es": frozenset({"comparar", "comparado", "comparada", "comparación"}),
}
# nouns a percentage only sets a parameter of, not a share: "a 95% confidence interval"
PARAMETERS: dict[str, frozenset[str]] = {
    "en": frozenset({"confidence", "ci", "interval", "significance"}),
    "fr": frozenset({"confiance", "intervalle"}),
    "de": frozenset({"konfidenz", "konfidenzintervall", "vertrauensintervall"}),
    "es": frozenset({"confianza", "intervalo"}),
}
# verb lemmas that say what happened to the people counted
# fmt: off
CASUALTY_VERBS: dict[str, dict[str, str]] = {
    "en": {"kill": "dead", "die": "dead", "perish": "dead", "murder": "dead", "slay": "dead", "shoot": "dead",
           "injure": "injured", "wound": "injured", "hurt": "injured", "hospitalize": "injured",
           "hospitalise": "injured", "treat": "injured",
           "arrest": "arrested", "detain": "arrested", "hold": "arrested", "charge": "arrested",
           "miss": "missing", "disappear": "missing", "evacuate": "displaced", "displace": "displaced"},
    "fr": {"tuer": "dead", "mourir": "dead", "décéder": "dead", "périr": "dead", "blesser": "injured",
           "hospitaliser": "injured", "arrêter": "arrested", "interpeller": "arrested", "détenir": "arrested",
           "disparaître": "missing", "évacuer": "displaced", "déplacer": "displaced"},
}
# fmt: on
_CASUALTIES = frozenset({"dead", "injured", "arrested", "missing", "displaced"})
# nouns that state the outcome themselves: "12 deaths", "the 40 wounded"
# fmt: off
_OUTCOME_NOUNS = frozenset({"death", "deaths", "dead", "fatality", "fatalities", "casualty", "toll", "wounded",
                            "injured", "injury", "injuries", "arrest", "arrests", "missing", "mort", "morts",
                            "blessé", "blessés", "victime"})
# fmt: on
_STATE_DEPS = frozenset({"amod", "acomp", "oprd", "xcomp", "advcl", "ccomp", "conj", "attr"})
_PREDICATE_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj"})


def _lang(language: str | None) -> str:
    code = (language or "en").split("-")[0].lower()
    return code if code in IDENTIFIERS else "en"


def _words_before(text: str, start: int, n: int = 2) -> list[str]:
    return [fold(w) for w in re.findall(r"[^\W\d_][\w'’.\-]*", text[max(0, start - 40) : start])][-n:]


def _surface(fig: Figure, text: str, lang: str) -> Figure | None:
    """The checks that need no parse, on the words right before the figure."""
    before = _words_before(text, fig.start)
    if before and before[-1].rstrip(".") in IDENTIFIERS[lang] and not fig.qualifier:
        return None
    if len(before) == 2 and before[-1] == "of" and before[0] in KINSHIP[lang]:
        return None
    if fig.what == "percent":
        after = [fold(w) for w in re.findall(r"[^\W\d_]+", text[fig.end : fig.end + 30])][:2]
        if any(w in PARAMETERS[lang] for w in after):
            return None
    return fig


def _number_token(doc: Any, fig: Figure) -> Any:
    """The token of the figure's number whose head lies outside the number ("two hundred": "hundred")."""
    toks = [t for t in doc if fig.start <= t.idx < fig.end and (t.like_num or t.pos_ == "NUM")]
    if not toks:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[-1]


def _verb_category(tok: Any, lang: str) -> str | None:
    lemma = fold(tok.lemma_ or tok.text)
    table = CASUALTY_VERBS.get(lang, CASUALTY_VERBS["en"])
    if lemma in table:
        return table[lemma]
    cat = category(tok.text)
    return cat if cat in _CASUALTIES else None


def _predicate(noun: Any) -> Any:
    """The verb a noun phrase is the subject or object of, or the verb of its relative clause."""
    for child in noun.children:
        if child.dep_ in ("relcl", "acl", "acl:relcl") and child.pos_ in ("VERB", "AUX"):
            return child
    if noun.dep_ in _PREDICATE_DEPS and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "conj":  # "six were killed and five injured": the first conjunct's verb
        return _predicate(noun.head)
    return None


# parts of speech that are never the thing a figure counts: "a call to 911 indicating", "three are stable"
_NOT_COUNTED = frozenset({"VERB", "AUX", "ADJ", "ADP", "SCONJ", "CCONJ", "PRON", "DET", "ADV", "PART"})


def _counts_a_noun(fig: Figure, doc: Any, tok: Any) -> bool:
    """Whether the word a figure is said to count is a noun (or a unit) where the sentence has it."""
    if not fig.what or not fig.what[0].isalpha() or fig.what in ("percent", "age"):
        return True
    for t in doc[tok.i + 1 : tok.i + 6]:
        if fold(t.text) == fig.what or fold(t.lemma_) == fig.what:
            if t.pos_ in _NOT_COUNTED:
                return False
            # the noun and the number are one phrase: "12 engines", "a 48-hour strike", "60 of its workers"
            return tok in (t.head, t.head.head) or t in (tok.head, tok.head.head)
    return True


def _governed_by(tok: Any, words: frozenset[str], steps: int | None = None) -> bool:
    """Is one of ``words`` (as written or as its lemma) among the heads above ``tok``, up to
    ``steps`` of them (all the way to the root when None)?"""
    node, n = tok, 0
    while node.head.i != node.i and (steps is None or n < steps):
        node, n = node.head, n + 1
        if fold(node.text) in words or fold(node.lemma_) in words:
            return True
    return False


def _parsed(fig: Figure, doc: Any, lang: str, sentence: str) -> Figure | None:
    tok = _number_token(doc, fig)
    if tok is None:
        return fig
    # the standard of a comparison: "(a breeze) compared with his previous film, which runs 110 minutes"
    if _governed_by(tok, COMPARISON[lang]):
        return None
    # a duration read as one figure from two numbers ("1 hour 35 minutes"): the finder decided
    if sum(1 for t in doc if t.like_num and fig.start <= t.idx < fig.end) > 1:
        return fig
    # an age: an age word governs the number within three steps
    if _governed_by(tok, AGE_WORDS[lang], steps=3) or years_of_person(tok, lang):
        young = _YOUNG.match(sentence, tok.idx + len(tok.text))  # "an 11-month-old daughter": months, not years
        what = f"age in {young.group(1).lower()}s" if young else "age"
        return dataclasses.replace(fig, what=what) if fig.what != what else fig
    if fig.what == "age":  # "He was 45.", "Boykin, 45,": the one it is told of is a person (not "Inflation")
        return None if age_of_person(tok, lang) is False else fig
    if kind_by_parse(tok):
        return None  # "his eighth straight 40-point game": a kind of game, not 40 points
    head = tok.head
    if (
        tok.dep_ in ("pobj", "nmod", "obl")
        and fold(head.text) in {"of", "de"}
        and fold(head.head.text) in KINSHIP[lang]
    ):
        return None
    if tok.dep_ in ("nummod", "compound", "appos") and head.i < tok.i and fold(head.text) in IDENTIFIERS[lang]:
        return None
    if fig.what not in _CASUALTIES:
        if _counts_a_noun(fig, doc, tok):
            return with_holder(fig, tok, sentence)  # "whose father ran a brewery for 30 years": the father's
        # the words after the figure misled: "657 children between the ages of ...": read its noun
        if tok.dep_ == "nummod" and head.i > tok.i and head.pos_ in ("NOUN", "PROPN"):
            verb = _predicate(head)
            said = _verb_category(verb, lang) if verb is not None else None
            return dataclasses.replace(fig, what=said or category(head.text))
        return None
    if tok.dep_ in _PREDICATE_DEPS and head.pos_ in ("VERB", "AUX"):
        noun, verb = None, head  # "twelve were injured", "killing 12"
    elif tok.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN", "ADJ"):
        noun, verb = head, _predicate(head)
    else:
        return fig  # "the toll rose to 15": the words around it decided
    if noun is not None and fold(noun.text) in _OUTCOME_NOUNS and category(noun.text) == fig.what:
        return fig
    if verb is None:
        return fig
    said = _verb_category(verb, lang)
    if said == fig.what:
        return fig
    # "left six people dead", "five were critically injured": the state is said next to the verb
    near = list(verb.children) + (list(noun.children) if noun is not None else [])
    if any(category(t.text) == fig.what for t in near if t.dep_ in _STATE_DEPS):
        return fig
    if said is not None:
        return dataclasses.replace(fig, what=said)
    if noun is not None:  # "five victims remained in hospital": victims, not dead, and where they are
        end = max(fig.end, min(verb.right_edge.idx + len(verb.right_edge.text), fig.end + 60))
        text = sentence[fig.start : end].rstrip(" ,;.")
        return dataclasses.replace(fig, what=fold(noun.text), text=text, end=fig.start + len(text))
    return None


def check_figures(figures: Sequence[Figure], text: str, language: str | None = None, doc: Any = None) -> list[Figure]:
    """``figures`` of one sentence ``text`` kept, relabelled or dropped by what the parse says they count."""
    lang = _lang(language)
    kept = [g for f in figures if (g := _surface(f, text, lang)) is not None]
    if not kept:
        return []
    if doc is None:
        docs = parse([text], language)
        doc = docs[0] if docs else None
    if doc is None:
        return kept
    return [g for f in kept if (g := _parsed(f, doc, lang, text)) is not None]
