"""Cleaning: turn a raw page or text file into an :class:`Article` with only the report's text.

``clean_text`` handles plain text (which trafilatura never sees); ``clean_html``
extracts the main text of a saved page with trafilatura and then applies the
same plain-text rules.  Everything cut is kept verbatim in ``Article.removed``.

The plain-text rules work in four passes over the paragraphs:

1. *Shape*: hard-wrapped copy is rejoined into paragraphs (lines broken
   mid-sentence, paragraphs marked by indentation), other text keeps one
   paragraph per line.
2. *Line classifiers* (:mod:`crosswire.read.rules`): share bars, sign-ups,
   adverts, captions, timestamps, "originally published on X" footers and
   agency sign-offs, each a general pattern in several languages.
3. *Regions*: a "related / latest / read more" marker starts a tail of other
   articles' teasers; an appeal header ("Dear readers") starts a run of
   paragraphs with appeal vocabulary; the lines before the first real sentence
   are the page header (breadcrumbs, section names, the title); the lines after
   the last real sentence are page furniture.
4. *Structure*: the first paragraph's wire dateline becomes ``dateline`` and
   ``credits``; a short line without sentence punctuation between two body
   paragraphs is a crosshead (its own paragraph, listed in ``headings``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from crosswire.model import Article
from crosswire.read.furniture import is_label_line, line_furniture, may_be_title, opens_credits, strip_furniture
from crosswire.read.headline import glued_headline, title_line
from crosswire.read.meta import normalize_date, parse_date, parse_dateline
from crosswire.read.outlets import identify as identify_outlet
from crosswire.read.rules import (
    appeal_score,
    ends_sentence,
    find_agencies,
    is_advert,
    is_appeal_start,
    is_breadcrumb,
    is_byline,
    is_caption,
    is_contact,
    is_copyright,
    is_data_line,
    is_headline_like,
    is_inline_link,
    is_interface_text,
    is_newsletter,
    is_sentence,
    is_share_bar,
    is_tags,
    is_tail_marker,
    is_teaser,
    is_timestamp,
    nwords,
    origin_credit,
    signoff_credits,
    strip_inline_furniture,
    words,
)
from crosswire.text.safe import clean_chars

__all__ = ["clean_text", "TextTooLong", "MAX_TEXT_CHARS"]

MAX_TEXT_CHARS = 1_000_000  # about 150,000 words: far more than any one report


class TextTooLong(ValueError):
    """The text is far longer than any news report; cleaning it would only waste time."""


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_LIST_ITEM = re.compile(r"^(?:[•·▪►▶*]|[-–—](?=\s))\s*")
_LEAD_WS = re.compile(r"^[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*")


@dataclass(slots=True)
class _Para:
    text: str  # one line, spaces normalised
    raw: str  # the source lines, verbatim
    label: str = "body"  # body | heading | title | cut
    reason: str = ""
    cuts: list[str] = field(default_factory=list)  # furniture cut from inside the paragraph


@dataclass(slots=True)
class _State:
    paras: list[_Para]
    title: str | None
    credits: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)

    def credit(self, *names: str) -> None:
        for n in names:
            if n and n not in self.credits:
                self.credits.append(n)

    def body(self) -> list[int]:
        return [i for i, p in enumerate(self.paras) if p.label == "body"]


# --- pass 1: paragraphs --------------------------------------------------------------------


def _lines(raw: str) -> list[tuple[int, str, str]]:
    """(indent, normalised text, verbatim line) for every line; blank lines have text ''."""
    out = []
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line_v = line.rstrip()
        indent = len(_LEAD_WS.match(line_v.expandtabs(4)).group(0))  # type: ignore[union-attr]
        text = _SPACES.sub(" ", _INVISIBLE.sub("", line_v)).strip()
        out.append((indent, text, line_v))
    return out


def _is_wrapped(blocks: list[list[tuple[int, str, str]]]) -> tuple[bool, int]:
    """Whether the text is hard-wrapped at a fixed width, and that width."""
    inner = [len(t) for b in blocks if len(b) > 1 for _, t, _ in b[:-1]]
    if len(inner) < 3:
        return False, 0
    width = sorted(inner)[int(0.9 * (len(inner) - 1))]
    if not 40 <= width <= 110:
        return False, width
    long_share = sum(n >= 0.55 * width for n in inner) / len(inner)
    open_share = sum(not ends_sentence(t) for b in blocks if len(b) > 1 for _, t, _ in b[:-1]) / len(inner)
    return long_share >= 0.7 and open_share >= 0.5, width


def _join(parts: list[str]) -> str:
    """Join a paragraph's lines; a word hyphenated at a line end stays whole."""
    out: list[str] = []
    for part in parts:
        if out and out[-1][-1:] == "-" and out[-1][-2:-1].isalpha() and part[:1].islower():
            out.append(part)
        elif out:
            out.append(" " + part)
        else:
            out.append(part)
    return "".join(out)


def _paragraphs(raw: str, *, blocks_only: bool = False) -> list[_Para]:
    blocks: list[list[tuple[int, str, str]]] = [[]]
    for item in _lines(raw):
        if item[1]:
            blocks[-1].append(item)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    wrapped, width = (False, 0) if blocks_only else _is_wrapped(blocks)
    paras: list[_Para] = []
    for block in blocks:
        cont = min(ind for ind, _, _ in block[1:]) if len(block) > 1 else 0
        cur_t, cur_r = [block[0][1]], [block[0][2]]
        for k in range(1, len(block)):
            ind, text, verb = block[k]
            prev = block[k - 1][1]
            if _LIST_ITEM.match(text):
                new = True  # a bulleted line is its own paragraph
            elif wrapped:
                new = (ind > cont + 1) or (ends_sentence(prev) and len(prev) < 0.6 * width)
            else:
                new = not (text[:1].islower() and not re.search(r"[.!?:;…\"”»)]$", prev) and nwords(prev) >= 1)
            if new:
                paras.append(_Para(_join(cur_t), "\n".join(cur_r)))
                cur_t, cur_r = [text], [verb]
            else:
                cur_t.append(text)
                cur_r.append(verb)
        paras.append(_Para(_join(cur_t), "\n".join(cur_r)))
    return paras


# --- pass 2: line classifiers ---------------------------------------------------------------


def _cut(p: _Para, reason: str) -> None:
    p.label, p.reason = "cut", reason


_CLOSING_PARAS = 3  # the last body paragraphs read for a writer's sign-off


def _cut_inline(st: _State) -> None:
    """Captions, credits and player messages run into a paragraph (see ``strip_inline_furniture``)."""
    first = True
    closing = set(st.body()[-_CLOSING_PARAS:])  # where a writer's sign-off stands
    for i, p in enumerate(st.paras):
        if p.label != "body":  # a whole line already classified (its credits read)
            continue
        kept, cuts = strip_inline_furniture(p.text, first=first)
        first = False
        more_kept, more_cuts = strip_furniture(kept, closing=i in closing)  # captions, credits, posts, ads, links
        if more_cuts:
            kept, cuts = more_kept, cuts + more_cuts
        if not cuts:
            continue
        if not re.search(r"\w", kept):
            _cut(p, "furniture")
        else:
            p.text, p.cuts = kept, cuts


def _classify_lines(st: _State) -> None:
    for p in st.paras:
        t = p.text
        if nwords(t) > 40:
            continue
        who = origin_credit(t)
        if who:
            st.credit(who)
            _cut(p, "origin")
            continue
        agencies = signoff_credits(t)
        if agencies:
            st.credit(*agencies)
            _cut(p, "signoff")
            continue
        stamp = is_timestamp(t)
        if stamp is None:
            stamp = _stamp_and_tags(t)  # "Published: January 31st, 2012 | Tags: …"
        if stamp is not None:
            if stamp:
                st.stamps.append(stamp)
            _cut(p, "timestamp")
        elif is_share_bar(t):
            _cut(p, "share")
        elif is_advert(t):
            _cut(p, "advert")
        elif is_newsletter(t):
            _cut(p, "newsletter")
        elif is_copyright(t):
            st.credit(*find_agencies(t))  # "© 2023 Agence X. All rights reserved."
            _cut(p, "copyright")
        elif is_caption(t):
            _cut(p, "caption")
        elif is_inline_link(t):
            _cut(p, "read-more")
        elif is_interface_text(t):
            _cut(p, "interface")
        elif is_contact(t):
            _cut(p, "contact")
        elif is_tags(t):
            _cut(p, "tags")
        elif kind := line_furniture(t):
            _cut(p, kind)


def _stamp_and_tags(line: str) -> str | None:
    """A metadata line of parts set apart by bars, each a time stamp or a tag list ("Published:
    January 31st, 2012 | Tags: …"): its date (or "") when it is one, else None."""
    parts = [x.strip() for x in re.split(r"\s+[|¦•]\s+", line)]
    if len(parts) < 2:
        return None
    stamps = [is_timestamp(x) for x in parts]
    if not all(st is not None or is_tags(x) for x, st in zip(parts, stamps, strict=True)):
        return None
    if not any(st is not None for st in stamps):
        return None
    return next((st for st in stamps if st), "")


# --- pass 3: regions ------------------------------------------------------------------------


def _strong_body(t: str, min_words: int = 20) -> bool:
    return nwords(t) >= min_words and ends_sentence(t) and not is_teaser(t)


def _next_body(ps: list[_Para], j: int) -> _Para | None:
    return next((p for p in ps[j + 1 :] if p.label == "body"), None)


def _cut_tails(st: _State) -> None:
    """From a 'Related / Latest / Read more' marker: cut the teasers that follow it.

    The box ends at the first full sentence that is not followed by another
    headline (the report goes on), unless headline + summary pairs have already
    been seen (a list of teasers with summaries).
    """
    ps = st.paras
    seen_body = False
    i = 0
    while i < len(ps):
        p = ps[i]
        if p.label == "body" and is_sentence(p.text):
            seen_body = True
        if seen_body and p.label == "body" and is_tail_marker(p.text):
            j = i + 1
            pairs = False
            while j < len(ps):
                t = ps[j].text
                if ps[j].label == "body" and _strong_body(t, 15) and not pairs:
                    nxt = _next_body(ps, j)
                    if nwords(t) >= 35 or nxt is None or not (is_headline_like(nxt.text) or is_teaser(nxt.text)):
                        break  # the report goes on after a box of links
                    pairs = True
                j += 1
            for k in range(i, j):
                if ps[k].label == "body":
                    _cut(ps[k], "tail")
            i = j
            continue
        i += 1


def _cut_appeals(st: _State) -> None:
    """An appeal header, or a paragraph full of appeal vocabulary, starts a run to cut."""
    ps = st.paras
    scores = [appeal_score(p.text) if nwords(p.text) <= 120 else 0 for p in ps]
    i = 0
    while i < len(ps):
        start = is_appeal_start(ps[i].text) and sum(scores[i : i + 5]) >= 2
        if not start and scores[i] >= 3 and nwords(ps[i].text) <= 80:
            start = True
        if not start:
            i += 1
            continue
        end = i  # last paragraph of the run
        j = i + 1
        while j < len(ps):
            if scores[j] >= 1 or (j + 1 < len(ps) and scores[j + 1] >= 1) or nwords(ps[j].text) <= 6:
                if scores[j] >= 1 or nwords(ps[j].text) <= 6:
                    end = j
                j += 1
            else:
                break
        if all(not is_sentence(p.text) or p.label != "body" for p in ps[end + 1 :]):
            end = len(ps) - 1  # nothing but furniture after the appeal
        if i > 0 and ps[i - 1].label == "body" and is_appeal_start(ps[i - 1].text):
            i -= 1
        for k in range(i, end + 1):
            if ps[k].label == "body":
                _cut(ps[k], "appeal")
        i = end + 1


@lru_cache(maxsize=16384)
def _norm(s: str) -> str:
    return " ".join(w.lower() for w in words(s))


def _data_run(ps: list[_Para], i: int, n: int = 3) -> bool:
    """Whether paragraphs i.. start a run of n data rows (not timestamps)."""
    rows = ps[i : i + n]
    return len(rows) == n and all(is_data_line(p.text) and is_timestamp(p.text) is None for p in rows)


def _cut_header(st: _State) -> None:
    """Lines before the first real sentence: breadcrumbs, bylines, section names, the title."""
    ps = st.paras
    first = next((i for i, p in enumerate(ps) if p.label == "body" and is_sentence(p.text)), None)
    if first is None:
        return
    lead: list[int] = []  # the page header: a few short lines at the top, not a list of data
    for i in range(first):
        if ps[i].label != "body":
            continue
        if len(lead) >= 8 or _data_run(ps, i):
            break  # a list of data rows starts: the text has begun
        lead.append(i)
    for i in lead:
        if is_breadcrumb(ps[i].text):
            _cut(ps[i], "breadcrumb")
        elif is_byline(ps[i].text):
            _cut(ps[i], "byline")
            stamp = _byline_date(ps[i].text)
            if stamp:  # "By Jane Roe, The Gazette, 15 May 2025"
                st.stamps.append(stamp)
    cands = [i for i in lead if ps[i].label == "body"]
    # the lines after a credits line are its credits ("Cast & Credits The Queen Julia Roberts" /
    # "Snow White Lily Collins" / ...), no title
    credits = next((k for k, i in enumerate(cands) if opens_credits(ps[i].text)), len(cands))
    if st.title is None and cands[:credits]:
        # a title has four words or more and is no label: not "Photo", "(out of 4)", a column's name
        pick = next(
            (
                i
                for i in cands[:credits]
                if 4 <= nwords(ps[i].text) <= 40
                and not ps[i].text.startswith("(")
                and not is_caption(ps[i].text)
                and not is_label_line(ps[i].text)
                and may_be_title(ps[i].text)
            ),
            None,
        )
        if pick is not None:
            st.title = ps[pick].text
            ps[pick].label = "title"
    for i in cands:
        if ps[i].label == "body":
            _cut(ps[i], "title" if st.title and _norm(ps[i].text) == _norm(st.title) else "header")


def _byline_date(line: str) -> str | None:
    """The full date a byline states ('By X, Outlet, 15 May 2025'), else None."""
    found = parse_date(line)
    return found[0] if found and len(found[0]) == 10 else None


def _cut_repeats(st: _State) -> None:
    """Repeated title lines, and section names from the header seen again."""
    ps = st.paras
    names = {_norm(p.text) for p in ps if p.label == "cut" and p.reason == "header" and nwords(p.text) <= 5}
    key = _norm(st.title) if st.title else None
    recent: list[str] = []
    for p in ps:
        if p.label != "body":
            continue
        n = _norm(p.text)
        if n in recent and nwords(p.text) <= 20:
            _cut(p, "repeat")  # the same short line again at once (a label, a caption, a title)
            continue
        recent = (recent + [n])[-3:]
        if key and (n == key or (is_breadcrumb(p.text) and n.endswith(key))):
            _cut(p, "title")
        elif n and n in names:
            _cut(p, "header")
        elif key and n.endswith(key) and len(n) > len(key) and nwords(p.text) <= nwords(key) + 6:
            _cut(p, "breadcrumb")


def _furniture(t: str) -> bool:
    """A line that belongs to the page, not the report: teasers, headlines, labels."""
    return (
        is_teaser(t)
        or is_headline_like(t)
        or is_tail_marker(t)
        or (nwords(t) <= 3 and not re.search(r"\d", t) and not ends_sentence(t))
    )


def _cut_footer(st: _State) -> None:
    """After the last real sentence, cut page furniture; inside the text, cut runs of headlines."""
    ps = st.paras
    last = max((i for i, p in enumerate(ps) if p.label == "body" and is_sentence(p.text)), default=None)
    if last is None:
        return
    intro = ps[last].text.rstrip().endswith(":")  # "Tour dates:" introduces a list that belongs
    for p in ps[last + 1 :]:
        if p.label == "body" and not intro and _furniture(p.text):
            _cut(p, "footer")
    body = st.body()
    run: list[int] = []
    for n, i in enumerate(body + [-1]):
        if i >= 0 and (is_headline_like(ps[i].text) or is_teaser(ps[i].text)):
            run.append(i)
            continue
        if len(run) >= 3 and sum(_title_case(ps[k].text) or is_teaser(ps[k].text) for k in run) >= 2 * len(run) / 3:
            before = body[n - len(run) - 1] if n - len(run) - 1 >= 0 else None
            if before is None or not re.search(r"[:…]\s*$|\.\.\.\s*$", ps[before].text):
                for k in run:
                    _cut(ps[k], "links")
        run = []


def _title_case(t: str) -> bool:
    """Most longer words capitalised, as in English headlines ('Man Shot at Gas Station Dies')."""
    long = [w for w in words(t) if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= 2 and sum(w[:1].isupper() for w in long) >= 0.6 * len(long)


# --- pass 4: structure ----------------------------------------------------------------------


def _mark_headings(st: _State, hints: set[str]) -> None:
    ps = st.paras
    body = st.body()
    for n, i in enumerate(body):
        t = ps[i].text
        hinted = _norm(t) in hints
        shape = (
            nwords(t) <= 14
            and len(t) <= 110
            and not re.search(r"[.,;:]['\"”’»]?$", t)
            and (not is_sentence(t) or t.endswith("?"))
        )
        label = is_label_line(t)  # "Statement from the police department:" introduces, states nothing
        if not (shape or label or (hinted and nwords(t) <= 20)):
            continue
        nxt = body[n + 1] if n + 1 < len(body) else None
        if n > 0 and nxt is not None and (label or is_sentence(ps[nxt].text)):
            ps[i].label = "heading"


def _unrepeat_headline(st: _State, first: _Para) -> None:
    """A headline printed twice before the lead ("El Gobierno cierra los colegios El Gobierno cierra los
    colegios El Ejecutivo aprueba ...": 4 to 30 words, word for word), or the title run again into the
    lead: the title, cut from the lead."""
    words = first.text.split()
    cut = 0  # the words of the lead that are its headline
    nxt = first.text[len(st.title or "") :].lstrip()[:1]
    if st.title and first.text.startswith(st.title + " ") and len(st.title.split()) >= 4 and nxt.isupper():
        cut = len(st.title.split())
    for n in range(min(30, len(words) // 2), 3, -1) if not cut else ():
        after = words[2 * n][:1] if len(words) > 2 * n + 5 else ""
        # (the lead opens a sentence after it: not a lead that begins with the headline's own words)
        if (
            words[:n] == words[n : 2 * n]
            and (after.isupper() or after.isdigit() or after in "„“«\"'")
            and not words[n - 1].endswith((".", "!"))  # (a headline, not a sentence: a caption printed twice)
            and not re.search(r"(?i)\b(?:photo|file)\b", " ".join(words[:n]))
        ):
            st.title = st.title or " ".join(words[:n])
            cut = 2 * n
            break
    if not cut:
        return
    rest = first.text.split(None, cut)[-1]
    if len(rest.split()) >= 5:
        first.cuts.append(first.text[: len(first.text) - len(rest)].rstrip())
        first.text = rest


def _unglue_headline(st: _State, first: _Para, language: str | None) -> bool | None:
    """A headline run into the first sentence ("Zoo fire kills dozens BERLIN.- A fire ..."): the
    title when there is none yet, else cut as the title again (:func:`crosswire.read.headline.glued_headline`).
    None when there is none, else whether a dateline follows it."""
    found = glued_headline(first.text, language)
    if found is None:
        return None
    at, dateline = found
    head = first.text[:at].rstrip()
    if st.title is None:
        st.title = head
    first.cuts.append(head)
    first.text = first.text[at:]
    return dateline


def _removed(ps: list[_Para]) -> list[str]:
    out: list[str] = []
    prev: str | None = None
    for p in ps:
        if p.label != "cut":
            out.extend(p.cuts)
            prev = None
            continue
        if prev == p.reason and out:
            out[-1] += "\n" + p.raw
        else:
            out.append(p.raw)
        prev = p.reason
    return out


def _path_text(path: str | None) -> str | None:
    """A file name as text: bytes that are not UTF-8 (kept by Python as lone surrogates) become U+FFFD,
    so that every output can encode it."""
    if not path or path.isascii():
        return path
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return path.encode("utf-8", "replace").decode("utf-8")


def _clean_opt(value: str | None) -> str | None:
    return " ".join(clean_chars(value).split()) or None if value else value


# a title opening on a page's tags in lower case ("george washington Washington the ‘Blackest’ Name in America",
# "falls A lot of luck: ..."): the tags are no part of it (not a name's particle: "de Blasio says ...")
_TAGGED_TITLE = re.compile(r"^(?:[a-z]+\s+){1,4}(?=[A-Z][\w'’.-]*\s+\S+\s+\S+)")
_NAME_PARTICLES = frozenset("de da del della di du van von der den ten bin ibn al el la le".split())


def _untagged(title: str | None) -> str | None:
    m = _TAGGED_TITLE.match(title or "")
    if title is None or m is None or m.group(0).split()[-1] in _NAME_PARTICLES:
        return title
    return title[m.end() :]


def clean_text(
    raw: str,
    *,
    id: str,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    path: str | None = None,
    credits: list[str] | None = None,
    heading_hints: list[str] | None = None,
    language: str | None = None,
    blocks_only: bool = False,
) -> Article:
    """Clean a plain-text article: keep the report's paragraphs, cut and keep the rest.

    ``title``, ``published`` and ``outlet`` are used when known (a page's metadata);
    otherwise the text's own title line, timestamp and dateline fill them in.
    ``blocks_only`` says every line is already a paragraph (text extracted from
    HTML), so no lines are rejoined.  Raises :class:`TextTooLong` beyond
    ``MAX_TEXT_CHARS``.
    """
    if len(raw) > MAX_TEXT_CHARS:
        raise TextTooLong(f"text too long to be one article ({len(raw):,} characters; limit {MAX_TEXT_CHARS:,})")
    # no control codes, lone surrogates or bidi overrides in anything kept from an input
    raw, id, outlet, url = clean_chars(raw), clean_chars(id), _clean_opt(outlet), _clean_opt(url)
    path = _path_text(path)
    credits = [clean_chars(c) for c in credits or []]
    heading_hints = [clean_chars(h) for h in heading_hints or []]
    title = " ".join(clean_chars(title).split()) if title else None
    st = _State(_paragraphs(raw, blocks_only=blocks_only), title or None, list(credits or []))
    _classify_lines(st)
    _cut_inline(st)
    _cut_tails(st)
    _cut_appeals(st)
    _cut_header(st)
    _cut_repeats(st)
    _cut_footer(st)
    _mark_headings(st, {_norm(h) for h in heading_hints or []})

    published = normalize_date(published) or next((s for s in st.stamps if s), None)
    dateline, dateline_names = None, []
    kept = [p for p in st.paras if p.label in ("body", "heading")]
    first = next((p for p in kept if p.label == "body"), None)
    if language is None and kept:
        from crosswire.text.langid import detect_language

        language = detect_language("\n\n".join(p.text for p in kept))
    if st.title is None and len(kept) >= 2 and kept[0] is first and kept[1].label == "body":
        body = "\n".join(p.text for p in kept[1:6])
        if is_sentence(kept[1].text) and title_line(first.text, body, language):  # "Renault Chooses ... as New C.E.O."
            st.title = first.text
            _cut(first, "title")
            kept = kept[1:]
            first = kept[0]
    if first is not None:
        _unrepeat_headline(st, first)
    # a headline glued to the lead: the lead starts at a dateline, or at a sentence that has none
    if first is not None and (first is not kept[0] or _unglue_headline(st, first, language) is not False):
        year = int(published[:4]) if published else None
        dl = parse_dateline(first.text, default_year=year)
        rest = first.text[dl.end :].lstrip() if dl is not None else ""
        # a name in capitals before a word in lower case is a ticker or initials ("Wal-Mart Inc. (WMT) is"): no
        # dateline, the sentence keeps its subject; a text in lower case throughout keeps its names ("(cnn) the ...")
        capitalised = rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"“'‘«"
        if dl is not None and not capitalised and any(not c.islower() for c in dl.credits):
            dl = None
        if dl is not None and len(first.text) - dl.end >= 20:
            dateline = dl.place
            st.credit(*dl.credits)
            if published is None and dl.date:
                published = dl.date
            dateline_names = list(dl.credits)
            first.text = rest[:1].upper() + rest[1:]
    text = "\n\n".join(p.text for p in kept)
    if language is None:  # no paragraph kept
        from crosswire.text.langid import detect_language

        language = detect_language(text)
    return identify_outlet(
        Article(
            id=id,
            text=text,
            title=_untagged(st.title),
            outlet=outlet,
            credits=st.credits,
            published=published,
            dateline=dateline,
            language=language,
            removed=_removed(st.paras),
            path=path,
            url=url,
            headings=[p.text for p in kept if p.label == "heading"],
        ),
        dateline=dateline_names,
        tail=raw.rstrip()[-300:].rsplit("\n", 1)[-1],
    )
