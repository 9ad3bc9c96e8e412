"""Reporting cues of each language as data: its reporting verbs, "according to" words, pronouns,
determiners, institution words and quotation marks. A language is added as one more
:class:`Cues` table in ``CUES``; :func:`crosswire.facts.attribution.build_rules` compiles it."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Cues", "FRENCH"]


# --------------------------------------------------------------------------------------------
# Rules by language
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cues:
    """The words one language frames reported speech with: all a new language has to supply.

    Word lists are alternatives of a regular expression (so ``"a|ont"``); single words are
    written as they appear in news text, with their accents.  See ``FRENCH`` for an example.
    """

    language: str  # ISO 639-1 code
    markers: frozenset[str]  # frequent function words that tell this language's text apart
    auxiliaries: str  # "a|ont|avait": before a participle ("a déclaré")
    participles: tuple[str, ...]  # "déclaré", "fait savoir": reporting verbs after an auxiliary
    finite: tuple[str, ...]  # "déclare", "explique": reporting verbs on their own
    adverbs: str  # what may stand between the verb and the source ("mardi", "également")
    addressees: str  # "à l'AFP", "aux journalistes": to whom, not by whom
    channels: str  # "dans un communiqué": how, not by whom
    according: str  # "selon|d'après": the party follows
    learned: str  # "a-t-on appris": an impersonal verb whose source follows ``from``
    source_from: str  # "auprès de|de": the preposition after ``learned``
    unnamed_source: str  # "de source policière": an unnamed source of a kind
    responses: str  # "Réponse|Réaction": "Réponse de Moscou :"
    of: str  # "de la|de l'|du|des|de|d'": the genitive ("Réponse de X")
    passive_denials: str  # "démenti|rejeté": "démenti par X"
    by: str  # "par"
    pronouns: dict[str, str]  # "il" -> "he": resolved like the English pronouns
    impersonal: str  # "on": a subject that names nobody ("a-t-on appris")
    inversion: str | None  # how a pronoun follows its verb: "(?:-t)?-" ("a-t-il déclaré")
    determiners: str  # "le|la|les|un|une": dropped before a source
    elided: str  # "l'|d'": determiners written against the word
    conjunctions: str  # "mais|et": dropped before a source
    documents: str  # "communiqué|déclaration": a document, not a party
    institutions: frozenset[str]  # a lower-case phrase is a source only when it starts with one
    titles: frozenset[str]  # a person's title: "il"/"elle" may stand for it
    modifiers: frozenset[str]  # adjectives before a title ("haut", "ancien")
    not_sources: frozenset[str]  # "cas" ("selon les cas"), "certains"
    name_links: frozenset[str]  # lower-case words inside a name ("de" in "Banque de Velmora")
    that: str  # "que|qu'": the complementiser after a leading verb
    relatives: str  # "qui|dont": may follow a source ("selon X, qui ...")
    cited: str  # "cité|citée": "selon X cité par Y" (X is the source)
    unnamed_prefix: str  # "de" in "de source policière"
    object_clitic: str  # "l'" in ", X l'a confirmé"
    possessives: str  # "son|sa": "dans son communiqué"
    works: str  # "livre|film|intitulé": a quotation after these is a title
    addressing: str  # "appelé|exhorté": "X a appelé Y à «…»" (X speaks, not Y)
    quote_links: str  # "et|ou|à": «…» et à «…» are quotes of one speaker
    saying: str  # "précisant|ajoutant": a participle that continues the frame
    quote_open: str = '«“"'
    quote_close: str = '»”"'
    extra_capitals: dict[str, str] = field(default_factory=dict)  # "moscou" -> "russia"
    extra_countries: dict[str, str] = field(default_factory=dict)  # "français" -> "france"


def _first_group(*participles: str) -> tuple[str, ...]:
    """Finite forms of first-group French verbs from their participles: "déclaré" -> déclare,
    déclarent, déclara, déclarait, déclaraient."""
    out: list[str] = []
    for p in participles:
        stem = p[:-1]
        soft = stem[:-1] + "ç" if stem.endswith("c") else stem  # "lancé" -> "lançait"
        soft = soft + "e" if soft.endswith("g") else soft  # "jugé" -> "jugeait"
        out += [stem + "e", stem + "ent", soft + "a", soft + "ait", soft + "aient"]
    return tuple(out)


# fmt: off
_FR_FIRST = ("déclaré", "indiqué", "affirmé", "annoncé", "précisé", "assuré", "souligné", "estimé", "ajouté",
             "expliqué", "confirmé", "rappelé", "insisté", "répliqué", "rétorqué", "martelé", "jugé", "dénoncé",
             "noté", "relevé", "signalé", "lancé", "réaffirmé", "regretté", "déploré", "contesté", "observé",
             "constaté", "avancé", "argué", "plaidé", "protesté", "tweeté", "commenté", "raconté", "témoigné",
             "rapporté", "confié", "nié", "communiqué", "détaillé", "résumé", "tranché", "glissé", "concédé",
             "fustigé", "démontré", "objecté", "accusé", "réagi", "lâché", "tonné", "ironisé", "renchéri",
             "nuancé", "avoué", "confessé", "murmuré", "soupiré", "raillé", "tempêté", "pointé", "résumé")
# fmt: on
FRENCH = Cues(
    language="fr",
    markers=frozenset(
        "les une est dans pour qui avec sur pas aux ont été selon cette sont elle ses leur".split()
    ),  # not "la", "que", "il", "des", "du": other languages have them too
    auxiliaries=r"a|ont|avait|avaient|aurait|auraient|aura|auront",
    participles=_FR_FIRST
    + (
        "dit",
        "répondu",
        "reconnu",
        "admis",
        "écrit",
        "poursuivi",
        "conclu",
        "averti",
        "prévenu",
        "promis",
        "démenti",
        "répété",
        "considéré",
        "fait\\s+savoir",
        "fait\\s+valoir",
        "fait\\s+remarquer",
        "fait\\s+observer",
        "mis\\s+en\\s+garde",
    ),
    finite=_first_group(*_FR_FIRST)
    + (
        "dit",
        "disent",
        "répond",
        "répondent",
        "répondit",
        "reconnaît",
        "reconnait",
        "reconnaissent",
        "reconnut",
        "admet",
        "admit",
        "écrit",
        "écrivent",
        "écrivit",
        "poursuit",
        "poursuivent",
        "poursuivit",
        "conclut",
        "concluent",
        "avertit",
        "prévient",
        "dément",
        "démentent",
        "démentit",
        "répète",
        "répètent",
        "considère",
        "considèrent",
        "fait\\s+savoir",
        "font\\s+savoir",
        "fit\\s+savoir",
        "fait\\s+valoir",
        "réagit",
        "réagissent",
    ),
    adverbs=(
        r"également|aussi|encore|ensuite|alors|déjà|toutefois|cependant|néanmoins|enfin|aussitôt|"
        r"immédiatement|notamment|simplement|clairement|publiquement|fermement|plus\s+tard|"
        r"par\s+la\s+suite|pour\s+sa\s+part|pour\s+leur\s+part|de\s+son\s+côté|de\s+leur\s+côté|"
        r"quant\s+à\s+(?:lui|elle|eux)|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|soir|"
        r"après-midi|dernier|dernière|hier|aujourd['’]hui|ce\s+(?:matin|soir|week-end)|cette\s+semaine|"
        r"la\s+veille|le\s+lendemain|dans\s+la\s+(?:soirée|matinée|nuit|journée)|plus\s+tôt|peu\s+après|"
        r"dans\s+la\s+foulée|sur\s+place|(?:devant|depuis|en\s+marge\s+d['’]?\s*(?:une?|de\s+la|du|des)?)"
        r"\s+(?:le|la|les|l['’]|une?|son|sa|ses)?\s*[\w\-]+"
    ),
    addressees=(
        r"à\s+(?:l['’]\s*|la\s+|le\s+)?(?:AFP|Reuters|AP|presse|[A-ZÀ-Þ][\w\-]*)|"
        r"aux\s+(?:journalistes|médias|reporters|députés|sénateurs|agences)|au\s+[A-ZÀ-Þ][\w\-]*"
    ),
    channels=(
        r"dans\s+(?:un|une|son|sa|leur)\s+(?:communiqué|entretien|message|courriel|tweet|texte|discours|"
        r"rapport|interview|déclaration|lettre|allocution)(?:\s+(?:publiée?|diffusée?|transmise?|adressée?|"
        r"envoyée?)(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier))?)?|"
        r"lors\s+d['’]une\s+conférence\s+de\s+presse|"
        r"sur\s+(?:X|Twitter|Telegram|Facebook|les\s+réseaux\s+sociaux|son\s+compte\s+\w+)|"
        r"à\s+la\s+(?:télévision|radio)|devant\s+(?:la\s+presse|les\s+journalistes|les\s+députés)"
    ),
    according=r"[Ss]elon|[Dd]['’]après|[Dd]e\s+l['’]avis\s+de|[Aa]ux\s+dires\s+de",
    learned=r"a-t-on\s+appris|apprend-on|avons-nous\s+appris|a-t-on\s+indiqué|on\s+a\s+appris|a\s+appris|ont\s+appris",
    source_from=r"auprès\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])|de\s+la|de\s+l['’]|du|des",
    unnamed_source=(
        r"sources?\s+(?!d['’])[a-zà-ÿ\-]{3,}(?:\s+(?:proches?\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])"
        r"\s*[^,.;«»]{2,40}|informées?|sûres?|concordantes?))?"
    ),
    responses=r"Réponse|Réaction|Riposte|Démenti",
    of=r"de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*",
    passive_denials=(r"démentie?s?|rejetée?s?|contestée?s?|niée?s?|réfutée?s?"),
    by=r"par",
    pronouns={
        "il": "he",
        "elle": "she",
        "ils": "they",
        "elles": "they",
        "lui": "he",
        "eux": "they",
        "nous": "we",
        "je": "i",
    },
    impersonal=r"on",
    inversion=r"(?:-t)?-",
    determiners=r"le|la|les|un|une|des|du|ce|cette|ces",
    elided=r"l['’]|d['’]",
    conjunctions=r"mais|et|or|donc|puis|cependant|toutefois|enfin|alors|ainsi",
    documents=r"communiqués?|déclarations?|texte|rapport|document|message|note|tweet|publication|bilan\s+officiel",
    institutions=frozenset(
        "chambre ministère ministre gouvernement porte-parole présidence président présidente police gendarmerie "
        "armée parquet procureur procureure tribunal cour juge avocat avocate avocats mairie maire préfecture "
        "préfet préfète entourage source sources autorités autorité responsable responsables syndicat syndicats "
        "secrétaire directeur directrice direction services service agence commission comité conseil ambassade "
        "ambassadeur ambassadrice diplomatie diplomate diplomates enquêteurs enquêteur secours secouristes "
        "pompiers hôpital témoin témoins habitants habitant riverains observateurs analystes experts expert "
        "opposition parti majorité état-major chancellerie office bureau organisation association fédération "
        "compagnie entreprise société groupe députés député députée sénateur sénatrice élus élu militaires "
        "médecins médecin manifestants organisateurs rebelles insurgés chef cheffe dirigeant dirigeante "
        "dirigeants commandant général colonel commissaire ONG ONU proches proche famille avocats défense "
        "chancelier chancelière premier première patron patronne fondateur candidat candidate gouverneur "
        "conseiller conseillère envoyé envoyée délégation cabinet exécutif régulateur opérateur exploitant "
        "direction cellule collectif coalition mouvement camp équipe club université école institut "
        "banque constructeur assureur compagnie transporteur grévistes salariés employés ouvriers "
        "agriculteurs enseignants infirmiers infirmières".split()
    ),
    titles=frozenset(
        "ministre porte-parole président présidente maire procureur procureure avocat avocate juge directeur "
        "directrice secrétaire chef cheffe dirigeant dirigeante responsable député députée sénateur sénatrice "
        "ambassadeur ambassadrice général colonel commandant commissaire préfet préfète témoin habitant "
        "habitante médecin chancelier chancelière premier première patron patronne fondateur fondatrice "
        "candidat candidate gouverneur conseiller conseillère envoyé envoyée expert experte enquêteur "
        "m. mme monsieur madame".split()
    ),
    modifiers=frozenset(
        "haut haute hauts hautes ancien ancienne nouveau nouvel nouvelle jeune principal principale vice".split()
    ),
    not_sources=frozenset(
        "cas besoins circonstances lui-même elle-même certains certaines on ce cela ceci "
        "qui quoi tous toutes tout chacun plusieurs beaucoup".split()
    ),
    name_links=frozenset("de du des d' d’ la le les l' l’ et von van der al el ben bin ibn".split()),
    that=r"que|qu['’]",
    relatives=r"qui|dont",
    cited=r"cité|citée|cités|citées",
    unnamed_prefix=r"de",
    object_clitic=r"l['’]",
    possessives=r"son|sa|ses|leur|leurs",
    works=(
        r"livres?|romans?|ouvrages?|films?|séries?|albums?|essais?|chansons?|pièces?|émissions?|"
        r"journal|journaux|quotidien|hebdomadaire|magazine|revue|opération|exposition|spectacle|"
        r"documentaire|intitulée?s?|titre|titré|lu|relu|publié|sorti|réalisé"
    ),
    addressing=(
        r"appelé|exhorté|invité|demandé|pressé|sommé|accusé|qualifié|dénoncé|promis|jugé|"
        r"mis\s+en\s+garde|prévenu|averti|estimé"
    ),
    quote_links=r"et|ou|puis|mais|ni|à|de|d['’]|que|qu['’]|aussi|également",
    saying=(
        r"précisant|ajoutant|soulignant|estimant|expliquant|assurant|affirmant|indiquant|rappelant|"
        r"insistant|dénonçant|annonçant|jugeant|qui|mais|avant|après|alors|tout\s+en|\w+ant"
    ),
    extra_capitals={
        "moscou": "russia",
        "londres": "united kingdom",
        "pekin": "china",
        "varsovie": "poland",
        "bruxelles": "european union",
        "teheran": "iran",
        "maison blanche": "united states",
        "matignon": "france",
        "quai d'orsay": "france",
        "bercy": "france",
    },
    extra_countries={
        "francais": "france",
        "francaise": "france",
        "russe": "russia",
        "russie": "russia",
        "ukrainien": "ukraine",
        "ukrainienne": "ukraine",
        "americain": "united states",
        "americaine": "united states",
        "etats-unis": "united states",
        "britannique": "united kingdom",
        "royaume-uni": "united kingdom",
        "allemand": "germany",
        "allemande": "germany",
        "allemagne": "germany",
        "chinois": "china",
        "chinoise": "china",
        "chine": "china",
        "italien": "italy",
        "italienne": "italy",
        "italie": "italy",
        "espagnol": "spain",
        "espagnole": "spain",
        "espagne": "spain",
        "israelien": "israel",
        "israelienne": "israel",
        "iranien": "iran",
        "iranienne": "iran",
        "turc": "turkey",
        "turque": "turkey",
        "turquie": "turkey",
        "polonais": "poland",
        "polonaise": "poland",
        "pologne": "poland",
        "japonais": "japan",
        "japonaise": "japan",
        "japon": "japan",
        "indien": "india",
        "indienne": "india",
    },
)

# One line per language with rules of its own; the others are read with the English rules.
CUES: dict[str, Cues] = {c.language: c for c in (FRENCH,)}
