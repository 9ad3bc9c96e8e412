"""The brief for people: Markdown and one self-contained HTML page.

Both formats show the same sections as the JSON (``model.to_json``): summary,
what all sources agree on, what only some report, where they disagree, how the
figures changed (only when a figure was updated over time), quotes by speaker,
key numbers, timeline, people/organisations/places, and the
sources with their copy groups.  Reports are labelled A, B, C...; a citation
``B:4`` is sentence 4 (counted from 0, as in the JSON) of report B.

The HTML page fetches nothing: CSS and script are inline and pinned by a
Content-Security-Policy of their hashes, so even a script smuggled into an
article could not run; all article content is escaped by Jinja2 anyway.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from crosswire.model import Article, Brief, Citation, ConflictSide, Fact, source_keys, sources_detail
from crosswire.text.safe import clean_chars, md_inline

# fmt: off
__all__ = ["render", "render_markdown", "render_html", "agreement_threshold", "article_labels", "brief_view",
           "source_line", "finalize", "asset"]
# fmt: on

_PALETTE_SIZE = 8  # colour classes g0..g7 in brief.css; more groups reuse them


def article_labels(articles: Iterable[Article]) -> dict[str, str]:
    """Article id -> short label: A..Z, then AA, AB, ..."""
    out: dict[str, str] = {}
    for n, a in enumerate(articles):
        label, k = "", n
        while True:
            label = chr(ord("A") + k % 26) + label
            k = k // 26 - 1
            if k < 0:
                break
        out[a.id] = label
    return out


def agreement_threshold(sources: int) -> int:
    """Independent sources a fact needs to count as agreed by all.

    With up to three sources that is every one of them; with more, a majority
    (never fewer than two): one silent outlet among many should not hide a fact
    the others all confirm.
    """
    if sources <= 3:
        return max(sources, 1)
    return max(2, math.ceil(sources / 2))


@dataclass(slots=True)
class _Cite:
    label: str  # "B:4"
    article: str
    sentence: int
    text: str
    outlet: str
    colour: int


@dataclass(slots=True)
class _Line:
    text: str
    cites: list[_Cite]
    note: str = ""  # "reported by: ..." and the like
    claim: str = ""  # the short claim all the cited sentences state, shown before the sentence


@dataclass(slots=True)
class _Side:
    claim: str
    who: str
    carried_by: str
    cites: list[_Cite]


@dataclass(slots=True)
class _Conflict:
    about: str
    kind: str
    sides: list[_Side]


@dataclass(slots=True)
class _Step:
    """One value of an updated figure: when, the figure, the sentence that gives it."""

    when: str  # "2026-03-02"; undated: "earlier" for the first value, "later" for the others
    figure: str  # "at least 15"
    text: str
    carried_by: str
    cites: list[_Cite]


@dataclass(slots=True)
class _Update:
    about: str
    steps: list[_Step]


@dataclass(slots=True)
class _Source:
    label: str
    article: Article
    outlet: str
    colour: int
    role: str  # "original", "copy (syndicated)", "independent"
    added: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Group:
    title: str
    colour: int
    kind: str | None
    similarity: float | None
    members: list[_Source]


@dataclass(slots=True)
class _View:
    """Everything both renderers show, computed once."""

    headline: str
    n_articles: int
    sources: int
    summary: list[_Line]
    agreed: list[_Line]
    some: list[_Line]
    conflicts: list[_Conflict]
    updates: list[_Update]
    quotes: list[tuple[str, list[_Line]]]
    numbers: list[_Line]
    timeline: list[_Line]
    entities: list[tuple[str, list[str]]]
    groups: list[_Group]
    example: str = "A:0"  # a citation marker of this brief, to explain the markers with
    background: list[_Line] = field(default_factory=list)  # dates the reports mention besides their events
    behind: str = ""  # the outlets (or wires) that stand behind the count of sources
    set_aside: list[tuple[str, str]] = field(default_factory=list)  # (what the input is, why it was left out)


def _outlet(a: Article) -> str:
    """Who published ``a``, as well as we know: outlet, else title, else file name or id."""
    if a.outlet:
        return a.outlet
    if a.title:
        return a.title
    if a.path:
        return a.path.replace("\\", "/").rsplit("/", 1)[-1]
    return a.id


_KINDS = ("number", "date", "denial", "claim")


def _about(about: str | None, kind: str | None, sides: Iterable[ConflictSide] = ()) -> str:
    """A conflict's heading: "Denial: what it is about…" (no repeated kind, no cut-off look),
    or "Denial: X vs Y" when ``about`` only repeats the start of the first side."""
    text = " ".join(str(about or "").split())
    head, sep, rest = text.partition(":")
    if sep and head.strip().lower() in _KINDS:
        text = rest.strip()
    sides = list(sides or [])
    first = " ".join(str(sides[0].claim or "").split()) if sides else ""
    names = [s.attributed_to for s in sides if s.attributed_to]
    if text and first.startswith(text.rstrip("…").rstrip()) and len(names) == len(sides) >= 2:
        text = " vs ".join(dict.fromkeys(names))
        return f"{str(kind or 'disagreement').capitalize()}: {text}"
    if text and text[-1] not in '.!?…"”’»)':
        text += "…"
    label = str(kind or "disagreement").capitalize()
    return f"{label}: {text}" if text else label


def _colours(brief: Brief) -> dict[str, int]:
    colour: dict[str, int] = {}
    n = 0
    for g in brief.copies:
        for aid in g.articles:
            colour.setdefault(aid, n % _PALETTE_SIZE)
        n += 1
    for a in brief.articles:
        if a.id not in colour:
            colour[a.id] = n % _PALETTE_SIZE
            n += 1
    return colour


def _view(brief: Brief) -> _View:
    arts = {a.id: a for a in brief.articles}
    labels = article_labels(brief.articles)
    colour = _colours(brief)
    sentences = brief.facts.sentences or {}

    def cite(article: str, sentence: int, text: str | None = None) -> _Cite | None:
        if article not in arts:
            return None
        if not text:
            sents = sentences.get(article) or []
            text = sents[sentence].text if 0 <= sentence < len(sents) else ""
        return _Cite(
            f"{labels[article]}:{sentence}",
            article,
            sentence,
            text or "",
            _outlet(arts[article]),
            colour.get(article, 0),
        )

    def cites(cs: Iterable[Citation]) -> list[_Cite]:
        out = []
        for c in cs:
            x = cite(c.article, c.sentence, c.text)
            if x is not None:
                out.append(x)
        return out

    # one entry per independent source: copies of one report, reports of one outlet or wire
    group_of = source_keys([a.id for a in brief.articles], brief.copies, brief.identities)

    def name(i: str) -> str:
        a = arts[i]
        return f"{a.outlet} ({labels[i]})" if a.outlet else labels[i]

    def who(ids: Iterable[str]) -> str:
        """ "A+E, B (Daily Star)": copies of one report joined by "+", one entry per source."""
        by_source: dict[object, list[str]] = {}
        for i in dict.fromkeys(ids):
            if i in arts:
                by_source.setdefault(group_of.get(i, i), []).append(i)
        return ", ".join(" + ".join(name(i) for i in members) for members in by_source.values())

    def reported_by(ids: Iterable[str]) -> str:
        ids = [i for i in dict.fromkeys(ids) if i in arts]
        n = len({group_of.get(i, i) for i in ids})
        total = brief.sources or n
        return f"{n} of {total} source{'s' if total != 1 else ''}: {who(ids)}"

    threshold = agreement_threshold(brief.sources)
    facts = sorted(brief.facts.facts, key=lambda f: (-(f.independent_sources or 0), -(f.score or 0.0)))
    agreed = [
        _Line(f.text, cites(f.citations), _fact_note(f), f.claim or "")
        for f in facts
        if (f.independent_sources or 0) >= threshold
    ]
    some = [
        _Line(f.text, cites(f.citations), "reported by " + reported_by(f.articles), f.claim or "")
        for f in facts
        if (f.independent_sources or 0) < threshold
    ]

    conflicts = [
        _Conflict(
            _about(c.about, c.kind, c.sides),
            c.kind,
            [_Side(s.claim, s.attributed_to or "", who(s.articles), cites(s.citations)) for s in c.sides],
        )
        for c in brief.facts.conflicts
    ]

    updates = []
    for u in brief.facts.updates or []:
        steps = []
        for k, val in enumerate(u.values):
            cs = cites(val.citations)
            figure = " ".join(
                x for x in (val.qualifier if val.qualifier != "between" else None, _figure(val.value)) if x
            )
            steps.append(
                _Step(
                    val.date or ("earlier" if k == 0 else "later"),
                    figure,
                    cs[0].text if cs else val.text,
                    who(val.articles),
                    cs,
                )
            )
        if len(steps) >= 2:
            about = " ".join(str(u.about or u.what or "figure").split())
            updates.append(_Update(about[:1].upper() + about[1:], steps))

    by_speaker: dict[str, list[_Line]] = {}
    for q in brief.facts.quotes:
        by_speaker.setdefault(q.speaker or "Unattributed", []).append(
            _Line(_unquote(q.text), cites(q.citations), "in " + who(q.articles))
        )
    quotes = sorted(by_speaker.items(), key=lambda kv: (kv[0] == "Unattributed", -len(kv[1]), kv[0]))

    numbers = []
    for num in brief.facts.numbers:
        value = _figure(num.value)
        head = " ".join(x for x in (num.qualifier, value, num.what) if x)
        numbers.append(_Line(head, cites(num.citations), num.text))

    timeline = [
        _Line(f"{t.date}: {t.event}", cites(t.citations), "in " + who(t.articles))
        for t in sorted(brief.facts.timeline, key=lambda t: str(t.date or ""))
        if not t.background
    ]
    background = [
        _Line(f"{t.date}: {t.event}", cites(t.citations), "in " + who(t.articles))
        for t in sorted(brief.facts.timeline, key=lambda t: str(t.date or ""))
        if t.background
    ]

    kinds = {
        "PERSON": "People",
        "PER": "People",
        "ORG": "Organisations",
        "NORP": "Organisations",
        "GPE": "Places",
        "LOC": "Places",
        "PLACE": "Places",
        "FAC": "Places",
    }
    ents: dict[str, list[str]] = {}
    for e in sorted(brief.facts.entities, key=lambda e: (-len(e.articles), e.name)):
        ents.setdefault(kinds.get(str(e.type or "").upper(), "Other"), []).append(e.name)
    order = ["People", "Organisations", "Places", "Other"]
    entities = [(k, ents[k]) for k in order if k in ents]

    return _View(
        headline=brief.headline or (brief.summary[0].text if brief.summary else "Brief"),
        n_articles=len(brief.articles),
        sources=brief.sources,
        summary=[_Line(s.text, cites(s.citations)) for s in brief.summary],
        agreed=agreed,
        some=some,
        conflicts=conflicts,
        updates=updates,
        quotes=quotes,
        numbers=numbers,
        timeline=timeline,
        background=background,
        entities=entities,
        groups=_groups(brief, labels, colour),
        example=next(
            (c.label for s in brief.summary for c in cites(s.citations) if c.sentence > 0),
            next((c.label for s in brief.summary for c in cites(s.citations)), "A:0"),
        ),
        behind="; ".join(
            d["source"]
            if d["wire"] or d["outlets"] or d["source"] != " + ".join(d["articles"])
            else "report " + " + ".join(labels[a] for a in d["articles"])
            for d in sources_detail(brief)
        ),
        set_aside=[(_set_aside_name(x.article), x.reason) for x in brief.set_aside],
    )


def _set_aside_name(a: Article) -> str:
    """ "id · outlet · “title”": enough to find a set-aside input."""
    bits = [a.id]
    if a.path and not a.path.replace("\\", "/").rsplit("/", 1)[-1].startswith(a.id):
        bits.append(a.path.replace("\\", "/").rsplit("/", 1)[-1])  # a record of a JSON/JSONL file
    if a.outlet:
        bits.append(a.outlet)
    if a.title:
        bits.append(f"“{' '.join(a.title.split())[:100]}”")
    return " · ".join(bits)


def _figure(value: float) -> str:
    """144.0 -> "144", 1500000.0 -> "1,500,000", 2.5 -> "2.5"."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isfinite(v) and v == int(v):
        return f"{int(v):,}"
    return f"{v:,.6g}" if math.isfinite(v) else str(value)


def _unquote(text: str) -> str:
    """A quotation without the quote marks (and trailing comma) around it."""
    t = text.strip().rstrip(",")
    while len(t) >= 2 and t[0] in "\"“‘«'" and t[-1] in "\"”’»'":
        t = t[1:-1].strip().rstrip(",")
    # a quote within the quote that ends it keeps its closing mark, not the comma: ‘…,’ -> ‘…’
    return re.sub(r",(\s*[’'”»]+)$", r"\1", t)


def _fact_note(f: Fact) -> str:
    return f"said by {f.attributed_to}" if f.attributed_to else ""


def _groups(brief: Brief, labels: dict[str, str], colour: dict[str, int]) -> list[_Group]:
    arts = {a.id: a for a in brief.articles}
    out: list[_Group] = []
    grouped: set[str] = set()
    for g in brief.copies:
        members = [aid for aid in g.articles if aid in arts]
        if not members:
            continue
        original = g.original if g.original in members else members[0]
        ordered = [original] + [m for m in members if m != original]
        srcs = []
        for aid in ordered:
            role = "original" if aid == original else f"copy ({g.kind})"
            srcs.append(
                _Source(
                    labels[aid],
                    arts[aid],
                    _outlet(arts[aid]),
                    colour[aid],
                    role,
                    list(g.added.get(aid, [])) if aid != original else [],
                    list(g.missing.get(aid, [])) if aid != original else [],
                )
            )
        grouped.update(members)
        out.append(_Group(f"One report, {len(members)} copies", colour[original], g.kind, float(g.similarity), srcs))
    for a in brief.articles:
        if a.id not in grouped:
            out.append(
                _Group(
                    "Independent report",
                    colour[a.id],
                    None,
                    None,
                    [_Source(labels[a.id], a, _outlet(a), colour[a.id], "independent")],
                )
            )
    return out


# --- Markdown ----------------------------------------------------------------------------------


def _md(text: str) -> str:
    """One line of article text, safe anywhere in a Markdown line (see :func:`crosswire.text.safe.md_inline`)."""
    return md_inline(text)


def _md_cites(cs: list[_Cite]) -> str:
    return " " + " ".join(f"[{c.label}]" for c in cs) if cs else ""


def render_markdown(brief: Brief, *, max_items: int = 15, max_changes: int = 5) -> str:
    """The brief as Markdown: every line followed by its citation markers."""
    v = _view(brief)
    out: list[str] = [f"# {_md(v.headline)}", ""]
    out.append(
        f"_{v.n_articles} report{'s' if v.n_articles != 1 else ''}, "
        f"{v.sources} independent source{'s' if v.sources != 1 else ''}"
        f"{' (' + _md(v.behind) + ')' if v.behind else ''}. "
        f"[{v.example}] cites sentence {v.example.split(':')[1]} (from 0) of report "
        f"{v.example.split(':')[0]}; reports are listed under Sources._"
    )
    if brief.language_note:
        out += ["", f"_{_md(brief.language_note)}_"]
    out.append("")

    def section(title: str, lines: list[_Line], empty: str, limit: int | None = max_items) -> None:
        out.extend([f"## {title}", ""])
        if not lines:
            out.extend([f"_{empty}_", ""])
            return
        shown = lines if limit is None else lines[:limit]
        for ln in shown:
            note = f" — {_md(ln.note)}" if ln.note else ""
            claim = f"**{_md(ln.claim)}** — " if ln.claim else ""
            out.append(f"- {claim}{_md(ln.text)}{_md_cites(ln.cites)}{note}")
        if len(lines) > len(shown):
            out.append(f"- _…and {len(lines) - len(shown)} more (see the JSON brief)_")
        out.append("")

    out.extend(["## Summary", ""])
    if v.summary:
        out.extend(f"{_md(s.text)}{_md_cites(s.cites)}" for s in v.summary)
        out[-len(v.summary) :] = [ln + "  " for ln in out[-len(v.summary) :]]
    else:
        out.append("_No sentence could be summarised._")
    out.append("")
    section("What all sources agree on", v.agreed, "No fact is confirmed by all independent sources.")
    section("Reported by only some", v.some, "Nothing is reported by only some sources.")

    out.extend(["## Where they disagree", ""])
    if not v.conflicts:
        out.extend(["_No disagreement found._", ""])
    for c in v.conflicts:
        out.append(f"### {_md(c.about)}")
        out.append("")
        for s in c.sides:
            who = f"{_md(s.who)}, " if s.who else ""
            out.append(f"- {_md(s.claim)}{_md_cites(s.cites)} — {who}carried by {_md(s.carried_by)}")
        out.append("")

    if v.updates:
        out.extend(["## How the figures changed", ""])
        for u in v.updates:
            out.extend([f"### {_md(u.about)}", ""])
            for st in u.steps:
                out.append(
                    f"- {_md(st.when)} — **{_md(st.figure)}**: {_md(st.text)}{_md_cites(st.cites)}"
                    f" — in {_md(st.carried_by)}"
                )
            out.append("")

    out.extend(["## Quotes", ""])
    if not v.quotes:
        out.extend(["_No quotes found._", ""])
    for speaker, lines in v.quotes:
        out.append(f"**{_md(speaker)}**")
        out.append("")
        out.extend(f"- “{_md(q.text)}”{_md_cites(q.cites)}" for q in lines)
        out.append("")

    section("Key numbers", v.numbers, "No figures found.")
    section("Timeline", v.timeline, "No dated events found.", limit=None)
    if v.background:
        section("Also mentioned (background dates)", v.background, "", limit=None)

    out.extend(["## People, organisations and places", ""])
    if not v.entities:
        out.extend(["_None found._", ""])
    for kind, names in v.entities:
        out.append(f"- **{kind}:** {_md(', '.join(names))}")
    if v.entities:
        out.append("")

    out.extend(["## Sources", ""])
    for g in v.groups:
        if g.kind:
            out.append(f"### {g.title} ({g.kind}, similarity {g.similarity:.2f})")
        else:
            out.append(f"### {g.title}")
        out.append("")
        for src in g.members:
            out.append(f"- **{src.label}** {_md(_source_line(src))}")
            for what, items in (("added", src.added), ("missing", src.missing)):
                if items:
                    more = f" (first {max_changes} shown)" if len(items) > max_changes else ""
                    out.append(f"  - {what} {len(items)} sentence{'s' if len(items) != 1 else ''}{more}:")
                    out.extend(f"    - {_md(x)}" for x in items[:max_changes])
        out.append("")
    if v.set_aside:
        out.extend(["## Set aside", "", "_Inputs not cited, not counted and not used for the headline._", ""])
        out.extend(f"- {_md(name)} — {_md(why)}" for name, why in v.set_aside)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _source_line(s: _Source) -> str:
    """ "Outlet · “Title” · date · credits · role · file": what we know of one report."""
    return " · ".join(_source_bits(s))


def _source_line_html(s: _Source) -> Any:
    """The source line for HTML: each part escaped and isolated in ``<bdi>``, so right-to-left
    text in a title or outlet cannot reorder the date, role or file name shown after it."""
    from markupsafe import Markup, escape

    return Markup(" · ").join(Markup("<bdi>%s</bdi>") % escape(clean_chars(b)) for b in _source_bits(s))


def _finalize(value: Any) -> Any:
    """Every value a template prints: text from an input loses control and unbalanced bidi characters."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return clean_chars(value)
    return value


def _source_bits(s: _Source) -> list[str]:
    a = s.article
    bits = [a.outlet or "outlet unknown"]
    if a.title:
        bits.append(f"“{' '.join(a.title.split())}”")
    bits.append(a.published or "undated")
    if a.dateline:
        bits.append(f"dateline {a.dateline}")
    if a.credits:
        bits.append("credits: " + ", ".join(a.credits))
    bits.append(s.role)
    bits.append(a.path.replace("\\", "/").rsplit("/", 1)[-1] if a.path else f"id {a.id}")
    return bits


# --- HTML --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader

    env = Environment(
        loader=PackageLoader("crosswire.brief", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    env.globals["source_line"] = _source_line_html
    return env


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return resources.files("crosswire.brief").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(brief: Brief) -> str:
    """The brief as one self-contained, responsive HTML page (no network fetches)."""
    css, js = _asset("brief.css"), _asset("brief.js")
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "base-uri 'none'; form-action 'none'"
    )
    return (
        _environment()
        .get_template("brief.html.j2")
        .render(v=_view(brief), css=css, js=js, csp=csp, version=brief.version)
    )


def brief_view(brief: Brief) -> _View:
    """What the HTML brief shows, computed once: for pages that include ``brief_body.html.j2`` (the web app)."""
    return _view(brief)


def source_line(s: _Source) -> Any:
    """One source of a view's ``groups`` as safe HTML: outlet, title, date, credits, role, file, each isolated."""
    return _source_line_html(s)


def finalize(value: Any) -> Any:
    """The ``finalize`` of the brief's Jinja2 environment: text loses control and unbalanced bidi characters."""
    return _finalize(value)


def asset(name: str) -> str:
    """The text of one of the brief's templates or assets (``brief.css``, ``brief.js``)."""
    return _asset(name)


def render(brief: Brief, fmt: str) -> str:
    """The brief as ``"md"`` (Markdown), ``"html"`` (one self-contained page) or ``"json"`` (the contract)."""
    if fmt == "html":
        return render_html(brief)
    if fmt == "md":
        return render_markdown(brief)
    if fmt == "json":
        import json

        from crosswire.model import to_json

        return json.dumps(to_json(brief), ensure_ascii=False, indent=2)
    raise ValueError(f"unknown format {fmt!r}: use md, html or json")
