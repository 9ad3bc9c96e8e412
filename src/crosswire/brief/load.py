"""A brief read back from its JSON (the contract), to render it again: what a store keeps.

The inverse of :func:`crosswire.model.to_json` for everything the renderings show.
The sentences the citations number are not in the JSON: they are split again
from each article's text with :func:`crosswire.text.sentences.article_sentences`,
the numbering every citation uses.  Facts keep their order (the JSON lists them
ranked) through a decreasing score.
"""

from __future__ import annotations

from typing import Any

from crosswire.model import (
    Article,
    Brief,
    Citation,
    Conflict,
    ConflictSide,
    CopyGroup,
    Entity,
    Fact,
    FactSheet,
    Number,
    Quote,
    SummarySentence,
    TimelineEvent,
    Update,
    UpdateValue,
)
from crosswire.text.sentences import article_sentences

__all__ = ["brief_from_json", "cited_sentences"]


def _str(x: Any) -> str | None:
    return None if x is None else str(x)


def _list(x: Any) -> list[Any]:
    return list(x) if isinstance(x, list) else []


def _cites(items: Any, sentences: dict[str, list[Any]]) -> list[Citation]:
    out = []
    for c in _list(items):
        if not isinstance(c, dict) or "article" not in c:
            continue
        aid, k = str(c["article"]), int(c.get("sentence") or 0)
        text = c.get("text")
        if text is None:
            ss = sentences.get(aid) or []
            text = ss[k].text if 0 <= k < len(ss) else ""
        out.append(Citation(aid, k, str(text)))
    return out


def _article(d: dict[str, Any]) -> Article:
    return Article(
        id=str(d["id"]),
        text=str(d.get("text") or ""),
        title=_str(d.get("title")),
        outlet=_str(d.get("outlet")),
        credits=[str(x) for x in _list(d.get("credits"))],
        published=_str(d.get("published")),
        dateline=_str(d.get("dateline")),
        language=_str(d.get("language")),
        removed=[str(x) for x in _list(d.get("removed"))],
        path=_str(d.get("path")),
        url=_str(d.get("url")),
        headings=[str(x) for x in _list(d.get("headings"))],
    )


def _group(d: dict[str, Any]) -> CopyGroup:
    raw = d.get("changes")
    changes: dict[str, Any] = raw if isinstance(raw, dict) else {}
    return CopyGroup(
        articles=[str(x) for x in _list(d.get("articles"))],
        original=_str(d.get("original")),
        kind=d.get("kind") or "identical",
        similarity=float(d.get("similarity") or 0.0),
        added={k: list(v.get("added") or []) for k, v in changes.items()},
        missing={k: list(v.get("missing") or []) for k, v in changes.items()},
    )


def brief_from_json(d: dict[str, Any]) -> Brief:
    """The :class:`~crosswire.model.Brief` of a contract JSON object (``KeyError``/``ValueError`` if malformed)."""
    articles = [_article(a) for a in _list(d.get("articles"))]
    sentences = {a.id: article_sentences(a) for a in articles}
    facts_in = _list(d.get("facts"))
    facts = [
        Fact(
            id=str(f.get("id") or k),
            text=str(f.get("text") or ""),
            articles=[str(x) for x in _list(f.get("articles"))],
            independent_sources=int(f.get("independent_sources") or 0),
            attributed_to=_str(f.get("attributed_to")),
            citations=_cites(f.get("citations"), sentences),
            score=float(len(facts_in) - k),
            claim=_str(f.get("claim")),
        )
        for k, f in enumerate(facts_in)
    ]
    conflicts = [
        Conflict(
            id=str(c.get("id") or k),
            about=str(c.get("about") or ""),
            kind=c.get("kind") or "claim",
            sides=[
                ConflictSide(
                    claim=str(s.get("claim") or ""),
                    attributed_to=_str(s.get("attributed_to")),
                    articles=[str(x) for x in _list(s.get("articles"))],
                    citations=_cites(s.get("citations"), sentences),
                )
                for s in _list(c.get("sides"))
            ],
        )
        for k, c in enumerate(_list(d.get("conflicts")))
    ]
    updates = [
        Update(
            what=str(u.get("what") or ""),
            about=str(u.get("about") or ""),
            values=[
                UpdateValue(
                    value=float(v.get("value") or 0),
                    date=_str(v.get("date")),
                    text=str(v.get("text") or ""),
                    articles=[str(x) for x in _list(v.get("articles"))],
                    qualifier=_str(v.get("qualifier")),
                    citations=_cites(v.get("citations"), sentences),
                )
                for v in _list(u.get("values"))
            ],
        )
        for u in _list(d.get("updates"))
    ]
    quotes = [
        Quote(
            speaker=_str(q.get("speaker")),
            text=str(q.get("text") or ""),
            articles=[str(x) for x in _list(q.get("articles"))],
            citations=_cites(q.get("citations"), sentences),
        )
        for q in _list(d.get("quotes"))
    ]
    numbers = [
        Number(
            value=float(n.get("value") or 0),
            what=str(n.get("what") or ""),
            text=str(n.get("text") or ""),
            articles=[str(x) for x in _list(n.get("articles"))],
            qualifier=_str(n.get("qualifier")),
            citations=_cites(n.get("citations"), sentences),
            low=n.get("low"),
            high=n.get("high"),
        )
        for n in _list(d.get("numbers"))
    ]
    entities = [
        Entity(
            name=str(e.get("name") or ""),
            type=str(e.get("type") or ""),
            aliases=[str(x) for x in _list(e.get("aliases"))],
            articles=[str(x) for x in _list(e.get("articles"))],
        )
        for e in _list(d.get("entities"))
    ]
    timeline = [
        TimelineEvent(
            date=str(e.get("date") or ""),
            event=str(e.get("event") or ""),
            articles=[str(x) for x in _list(e.get("articles"))],
            citations=_cites(e.get("citations"), sentences),
        )
        for e in _list(d.get("timeline"))
    ]
    summary = [
        SummarySentence(text=str(s.get("text") or ""), citations=_cites(s.get("citations"), sentences))
        for s in _list(d.get("summary"))
    ]
    sheet = FactSheet(
        facts=facts,
        conflicts=conflicts,
        quotes=quotes,
        numbers=numbers,
        entities=entities,
        timeline=timeline,
        sentences=sentences,
        updates=updates,
    )
    return Brief(
        articles=articles,
        copies=[_group(g) for g in _list(d.get("copies"))],
        sources=int(d.get("sources") or 0),
        facts=sheet,
        summary=summary,
        headline=_str(d.get("headline")),
        version=str(d.get("crosswire") or ""),
    )


def cited_sentences(d: Any, article: str, *, every_fact: bool = True) -> set[int]:
    """The sentence numbers of ``article`` that the citations of a brief's JSON refer to.

    ``every_fact=False`` leaves out the facts of a single source (on a story of few
    sources, nearly every sentence is one): what remains is what the brief *uses* —
    its summary, the facts two or more sources give, disagreements, quotes, figures
    that changed and the timeline.
    """
    if not isinstance(d, dict):
        return set()
    facts = [
        f
        for f in d.get("facts") or []
        if isinstance(f, dict) and (every_fact or int(f.get("independent_sources") or 0) >= 2)
    ]
    found: set[int] = set()
    stack: list[Any] = [d.get(k) for k in ("summary", "conflicts", "quotes", "timeline", "updates", "numbers")]
    stack.append(facts)
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            if x.get("article") == article and isinstance(x.get("sentence"), int):
                found.add(x["sentence"])
            stack.extend(v for k, v in x.items() if k != "articles")
        elif isinstance(x, list):
            stack.extend(x)
    return found
