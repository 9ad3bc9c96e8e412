"""The plain data that moves between crosswire's stages.

Every stage is a function from these dataclasses to these dataclasses: no
global state, no hidden I/O.  All of them convert to the JSON of the brief
contract with :func:`crosswire.model.to_json` (field names follow it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

# fmt: off
__all__ = [
    "Article",
    "ReadError",
    "ReadResult",
    "Sentence",
    "Citation",
    "CopyGroup",
    "Fact",
    "ConflictSide",
    "Conflict",
    "UpdateValue",
    "Update",
    "Quote",
    "Number",
    "Entity",
    "TimelineEvent",
    "FactSheet",
    "SummarySentence",
    "Brief",
    "SetAside",
    "Story",
    "to_json",
]
# fmt: on


@dataclass(slots=True)
class Article:
    """One cleaned report, as the contract's ``articles[]`` entry."""

    id: str
    text: str  # cleaned body, paragraphs separated by "\n\n"
    title: str | None = None
    outlet: str | None = None  # who published this copy
    credits: list[str] = field(default_factory=list)  # wire agencies / origins named in it
    published: str | None = None  # YYYY-MM-DD
    dateline: str | None = None
    language: str | None = None  # ISO 639-1
    removed: list[str] = field(default_factory=list)  # boilerplate cut, verbatim
    path: str | None = None
    url: str | None = None
    headings: list[str] = field(default_factory=list)  # crossheads kept as headings

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


@dataclass(slots=True, frozen=True)
class ReadError:
    """An input that could not be read; ``message`` is one line for the user."""

    source: str
    message: str

    def __str__(self) -> str:  # "path: problem"
        return f"{self.source}: {self.message}"


@dataclass(slots=True)
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    noise: list[Article] = field(default_factory=list)  # pages recognised as not articles
    warnings: list[ReadError] = field(default_factory=list)  # read, but with a change the user should know of


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence of an article's cleaned text, numbered from 0 (the contract's ``sentence``)."""

    article: str
    index: int
    text: str
    start: int  # character offsets in Article.text
    end: int
    paragraph: int = 0
    is_heading: bool = False


@dataclass(slots=True, frozen=True)
class Citation:
    article: str
    sentence: int
    text: str


@dataclass(slots=True)
class CopyGroup:
    """Articles that are one report published several times."""

    articles: list[str]
    original: str | None
    kind: Literal["identical", "syndicated", "rewrite", "translation"]
    similarity: float
    # what each copy changed against the original: id -> sentences added / missing
    added: dict[str, list[str]] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Fact:
    id: str
    text: str  # a sentence from one of the articles, verbatim
    articles: list[str]
    independent_sources: int
    attributed_to: str | None = None
    citations: list[Citation] = field(default_factory=list)
    score: float = 0.0  # ranking weight used by the brief (not part of the contract)
    # the short claim all its citations state, when they state it inside sentences saying more
    # ("Tarsem Singh: director", "Lily Collins as Snow White"); None when they state the text
    claim: str | None = None


@dataclass(slots=True)
class ConflictSide:
    claim: str
    attributed_to: str | None
    articles: list[str]
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Conflict:
    id: str
    about: str
    kind: Literal["number", "date", "denial", "claim"]
    sides: list[ConflictSide]


@dataclass(slots=True)
class UpdateValue:
    """One value of a figure that changed over time, and where the reports give it."""

    value: float
    date: str | None  # YYYY-MM-DD the text or the report's date places it at, else None
    text: str  # the figure as written: "at least 15 dead"
    articles: list[str]
    qualifier: str | None = None
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Update:
    """A figure the reports give at different times (a toll that rose): not a conflict."""

    what: str  # the counted thing, as number conflicts key it: "dead", "injured", "$", "votes"
    about: str  # "number of dead: 12, then 15"
    values: list[UpdateValue]  # earliest first


@dataclass(slots=True)
class Quote:
    speaker: str | None
    text: str
    articles: list[str]
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Number:
    value: float
    what: str
    text: str
    articles: list[str]
    qualifier: str | None = None  # "at least", "more than", "about", ...
    citations: list[Citation] = field(default_factory=list)
    low: float | None = None  # the values the merged wordings allow ("some 80", "about 80": 68..92);
    high: float | None = None  # None where unbounded ("at least 144" has no high)


@dataclass(slots=True)
class Entity:
    name: str
    type: str  # PERSON, ORG, GPE/PLACE, ...
    aliases: list[str]
    articles: list[str]


@dataclass(slots=True)
class TimelineEvent:
    date: str  # YYYY | YYYY-MM | YYYY-MM-DD
    event: str
    articles: list[str]
    citations: list[Citation] = field(default_factory=list)
    background: bool = False  # a date the sentences mention besides their event ("since October 2022")


@dataclass(slots=True)
class FactSheet:
    """Everything the facts stage finds in one story."""

    facts: list[Fact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)  # article id -> sentences
    updates: list[Update] = field(default_factory=list)  # figures that changed over time


@dataclass(slots=True)
class SummarySentence:
    text: str
    citations: list[Citation]


@dataclass(slots=True, frozen=True)
class SetAside:
    """An input left out of a story's brief: not news, or about another story."""

    article: Article
    kind: str  # "not-news" | "other-story"
    reason: str  # one line for the reader


@dataclass(slots=True)
class Brief:
    """One story's brief: the whole JSON contract."""

    articles: list[Article]
    copies: list[CopyGroup]
    sources: int
    facts: FactSheet
    summary: list[SummarySentence]
    headline: str | None = None
    version: str = "0.1.0"
    set_aside: list[SetAside] = field(default_factory=list)  # inputs not cited, counted nor used
    # article id -> what makes it one source with others (wire, outlet, origin); None: itself
    identities: dict[str, str | None] = field(default_factory=dict)
    language: str | None = None  # the language the brief is told in (the reader's where a report is in it)
    language_note: str | None = None  # set when no report is in the reader's language


@dataclass(slots=True)
class Story:
    """A group of articles about one event, from the stories stage."""

    id: str
    articles: list[str]
    headline: str | None = None
    outlets: list[str] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None
    sources: int = 0


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


def article_json(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "path": a.path,
        "url": a.url,
        "title": a.title,
        "outlet": a.outlet,
        "credits": list(a.credits),
        "published": a.published,
        "dateline": a.dateline,
        "language": a.language,
        "text": a.text,
        "removed": list(a.removed),
        "headings": list(a.headings),  # crossheads: one sentence each when numbering sentences
    }


def _cite(c: Citation) -> dict[str, Any]:
    return {"article": c.article, "sentence": c.sentence, "text": c.text}


def copy_group_json(g: CopyGroup) -> dict[str, Any]:
    """One entry of the contract's ``copies``: the group and what each copy added or cut."""
    return {
        "articles": list(g.articles),
        "original": g.original,
        "kind": g.kind,
        "similarity": round(float(g.similarity), 4),
        "changes": {
            aid: {"added": list(g.added.get(aid, [])), "missing": list(g.missing.get(aid, []))}
            for aid in g.articles
            if aid != g.original
        },
    }


def to_json(brief: Brief) -> dict[str, Any]:
    """The brief as the contract's JSON object (``shared/contract/brief-json.md``)."""
    fs = brief.facts
    detail = sources_detail(brief)
    label_of = {aid: d["source"] for d in detail for aid in d["articles"]}
    return {
        "crosswire": brief.version,
        "headline": brief.headline,
        "language": brief.language,
        "language_note": brief.language_note,
        "articles": [dict(article_json(a), source=label_of.get(a.id), set_aside=None) for a in brief.articles]
        + [dict(article_json(x.article), source=None, set_aside=x.reason) for x in brief.set_aside],
        "copies": [copy_group_json(g) for g in brief.copies],
        "sources": brief.sources,
        "sources_detail": detail,
        "set_aside": [{"article": x.article.id, "kind": x.kind, "reason": x.reason} for x in brief.set_aside],
        "facts": [
            {
                "id": f.id,
                "text": f.text,
                "articles": list(f.articles),
                "independent_sources": f.independent_sources,
                "attributed_to": f.attributed_to,
                "claim": f.claim,
                "citations": [_cite(c) for c in f.citations],
                "outlets": list(dict.fromkeys(label_of[a] for a in f.articles if a in label_of)),
            }
            for f in fs.facts
        ],
        "conflicts": [
            {
                "id": c.id,
                "about": c.about,
                "kind": c.kind,
                "sides": [
                    {
                        "claim": s.claim,
                        "attributed_to": s.attributed_to,
                        "articles": list(s.articles),
                        "citations": [_cite(x) for x in s.citations],
                    }
                    for s in c.sides
                ],
            }
            for c in fs.conflicts
        ],
        "updates": [
            {
                "what": u.what,
                "about": u.about,
                "values": [
                    {
                        "value": v.value,
                        "date": v.date,
                        "text": v.text,
                        "qualifier": v.qualifier,
                        "articles": list(v.articles),
                        "citations": [_cite(x) for x in v.citations],
                    }
                    for v in u.values
                ],
            }
            for u in fs.updates
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "text": q.text,
                "articles": list(q.articles),
                "citations": [_cite(x) for x in q.citations],
            }
            for q in fs.quotes
        ],
        "numbers": [
            {
                "value": n.value,
                "what": n.what,
                "text": n.text,
                "articles": list(n.articles),
                "qualifier": n.qualifier,
                "low": n.low,
                "high": n.high,
            }
            for n in fs.numbers
        ],
        "entities": [
            {"name": e.name, "type": e.type, "aliases": list(e.aliases), "articles": list(e.articles)}
            for e in fs.entities
        ],
        "timeline": [
            {
                "date": t.date,
                "event": t.event,
                "articles": list(t.articles),
                "citations": [_cite(x) for x in t.citations],
                "background": t.background,
            }
            for t in fs.timeline
        ],
        "summary": [
            {"text": s.text, "citations": [{"article": c.article, "sentence": c.sentence} for c in s.citations]}
            for s in brief.summary
        ],
    }


def source_keys(
    article_ids: Sequence[str], groups: Sequence[CopyGroup], identities: Mapping[str, str | None] | None = None
) -> dict[str, str]:
    """Article id -> its independent source: the copy group it belongs to, or itself; with
    ``identities`` (article id -> outlet or wire key, see ``read.outlets.identities``), the
    reports of one outlet, and the copies credited to one wire, are one source too."""
    owner: dict[str, str] = {}
    for i, g in enumerate(groups):
        for a in g.articles:
            owner.setdefault(a, f"group:{i}")
    keys = {a: owner.get(a, f"article:{a}") for a in article_ids}
    if not identities:
        return keys
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    first: dict[str, str] = {}
    for a in article_ids:
        for ident in (identities.get(a) or "").split("|"):  # "wire:bss|wire:afp": either joins
            if not ident:
                continue
            if ident in first:
                ra, rb = find(keys[a]), find(first[ident])
                if ra != rb:
                    parent[ra] = rb
            else:
                first[ident] = keys[a]
    return {a: find(k) for a, k in keys.items()}


def independent_sources(
    article_ids: Sequence[str] | set[str],
    groups: Sequence[CopyGroup],
    identities: Mapping[str, str | None] | None = None,
) -> int:
    """Count articles once per copy group (and once per outlet or wire with ``identities``):
    copies never count as confirmation, nor do two reports of one outlet."""
    return len(set(source_keys(list(article_ids), groups, identities).values()))


def sources_detail(brief: Brief) -> list[dict[str, Any]]:
    """One entry per independent source of the brief: its label, articles, outlets and wire.

    The label is the wire its copies are credited to, else its outlet(s), else its origin,
    else the article ids."""
    ids = [a.id for a in brief.articles]
    keys = source_keys(ids, brief.copies, brief.identities)
    by_id = {a.id: a for a in brief.articles}
    members: dict[str, list[str]] = {}
    for aid in ids:
        members.setdefault(keys[aid], []).append(aid)
    out = []
    for arts in members.values():
        idents = {k for a in arts for k in (brief.identities.get(a) or "").split("|") if k.startswith("wire:")}
        wired = [c for a in arts for c in by_id[a].credits if "wire:" + c.casefold() in idents]
        wire = "/".join(dict.fromkeys(wired)) or None  # "BSS/AFP": the wires its copies credit
        outlets = list(dict.fromkeys(o for a in arts if (o := by_id[a].outlet)))
        origins = [c for a in arts for c in by_id[a].credits[:1] if not by_id[a].outlet]
        label = (
            wire or (" / ".join(outlets) if outlets else None) or (origins[0] if origins else None) or " + ".join(arts)
        )
        out.append({"source": label, "articles": arts, "outlets": outlets, "wire": wire})
    return out


def main_language(articles: Sequence[Article], groups: Sequence[CopyGroup]) -> str | None:
    """The language most independent sources of a story write in (then most articles), or None."""
    keys = source_keys([a.id for a in articles], groups)
    langs: dict[str, set[str]] = {}
    for a in articles:
        if a.language:
            langs.setdefault(a.language, set()).add(keys[a.id])
    if not langs:
        return None
    n_articles = {lang: sum(a.language == lang for a in articles) for lang in langs}
    return max(sorted(langs), key=lambda lang: (len(langs[lang]), n_articles[lang]))


def reader_language(articles: Sequence[Article], groups: Sequence[CopyGroup], lang: str | None) -> str | None:
    """The language a brief is told in: the reader's (``lang``) when a report is in it, else the
    story's main language (:func:`main_language`)."""
    if lang and any(a.language == lang for a in articles):
        return lang
    return main_language(articles, groups)
