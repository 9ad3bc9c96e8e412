"""Who published each report: the outlet of a copy, and the wire agencies it credits.

An article's outlet is read, most trusted first, from

1. the record's or feed's own ``outlet`` (or ``source``/``site``) field;
2. the page: ``og:site_name`` or the JSON-LD publisher (``clean_html`` passes them in);
3. the domain of its URL (``url`` field, ``og:url`` or the canonical link), mapped to a name
   by the outlet table;
4. its text, where a page names its own publisher: an outlet or a station in a dateline
   ("SAN FRANCISCO (MarketWatch) —", "LOS ANGELES (KABC) --", also after a glued headline or
   without a dash: "Washington (CNN) Less ..."; US call letters are a station's name even when
   the table lacks them), a copyright line ("© 2018 KREM-TV"), a donation, subscription or
   membership appeal ("A message from The Moscow Times", "By supporting X"), a self-advert
   ("beim Verlag der X"), the report's own boilerplate ("X ist Teil des ... Netzwerks", "an
   article from the May 5 issue of X", "X.com has the inside scoop", "..., X has learned.",
   "Tune in to X Monday", a label only one publisher prints: "Story Continued Below"), a staff
   sign-off ("Jane Roe covers health for X.", "Jane Roe is X's associate editor.") or a
   correspondent's byline ("Analysis by Jane Roe, X economics correspondent", also as a heading
   inside the text), the page's share link ("Read or Share this story: https://usat.ly/..."), a
   dateline after the page's highlights, furniture only one publisher prints (``outlet_cues.HOUSE_FORMS``:
   the BBC's media player, CNN's video widget, The Hill's name cards), a station's note on its own
   video ("News 13 has removed the audio of the video"), the writer's contact address on a domain of
   the table, a call to follow the page or its writer ("Stay with X for updates", "Follow X staff
   writer Jane Roe"), a station's interview in a report told in its own voice ("Miller told
   NewsChannel 9" where the text says "we asked", "told us"), a staff picture credit naming one
   outlet of the table ("(Jane Roe / Chicago Tribune)"), or, weakest, a name of the outlet table
   inside the page furniture that cleaning cut.  That someone "told X" is no sign: reports quote
   other outlets' interviews (7 of 21 on the dev sets where other cues know the outlet).

Wire agencies named in a dateline ("(Reuters) -", "(BSS/AFP)"), a sign-off (also "Jane Roe
covers health for The Associated Press.": the copy may be anyone's) or a copyright line, and
origins ("originally published on leprogres.fr", "first appeared in ... of X", "Source: X"),
outlets lending reporting ("Additional reporting by Jane Roe, WXYZ", "ESPN contributed to this report"),
agency signs (``outlet_signs``: "(Reporting by X; Editing by Y)", "... vor. (dpa/les)", also closing the input
when cleaning cut it) and a wire's contact lines ("To contact the reporter on this story: ...@bloomberg.net") are
``credits``, never the outlet: the outlet is who published this copy.

The outlet table (``outlets.tsv`` next to this module: domain, canonical name, other
spellings, kind) maps domains and spellings to one canonical name.  Users add rows in
files of the same shape named in ``CROSSWIRE_OUTLETS`` (several joined by ``os.pathsep``).
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from crosswire.model import Article
from crosswire.read import outlet_cues as cues
from crosswire.read import outlet_signs as signs
from crosswire.read.meta import AGENCIES, agency_name, is_station
from crosswire.read.outlet_cues import HOUSE_LABELS
from crosswire.read.outlet_cues import NAME as _NAME

# fmt: off
__all__ = [
    "TABLE_ENV",
    "OutletTable",
    "canonical_outlet",
    "default_table",
    "identify",
    "identities",
    "load_table",
    "outlet_of_url",
    "source_identity",
]
# fmt: on

TABLE_ENV = "CROSSWIRE_OUTLETS"
_TABLE = Path(__file__).with_name("outlets.tsv")


@dataclass(slots=True)
class OutletTable:
    """Domains and spellings -> canonical outlet names, and which names are wire agencies."""

    by_domain: dict[str, str] = field(default_factory=dict)
    by_spelling: dict[str, str] = field(default_factory=dict)  # casefolded spelling -> canonical
    wires: set[str] = field(default_factory=set)

    def add(self, domain: str, name: str, spellings: Iterable[str] = (), kind: str = "outlet") -> None:
        name = " ".join(name.split())
        if not name:
            return
        d = _bare_domain(domain) if domain else ""
        if d:
            self.by_domain[d] = name
            self.by_spelling.setdefault(d, name)
        for s in [name, *spellings]:
            s = " ".join(s.split())
            if s:
                self.by_spelling[s.casefold()] = name
        if kind.strip().lower() == "wire":
            self.wires.add(name)

    def spelling(self, text: str) -> str | None:
        """The canonical name of one spelling ('the hollywood reporter' -> 'The Hollywood Reporter')."""
        t = " ".join(text.split()).strip(" .,:;'\"“”‘’()[]").casefold()
        if not t:
            return None
        hit = self.by_spelling.get(t)
        if hit is None and t.startswith("the "):
            hit = self.by_spelling.get(t[4:])
        return hit

    def is_wire(self, name: str) -> bool:
        return name in self.wires or name in AGENCIES


def _read_rows(path: Path, table: OutletTable) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        domain, name = cols[0].strip(), cols[1].strip()
        spellings = [s for s in (cols[2].split("|") if len(cols) > 2 else []) if s.strip()]
        kind = cols[3].strip() if len(cols) > 3 else "outlet"
        table.add(domain, name, spellings, kind)


def load_table(extra: Sequence[str | os.PathLike[str]] = ()) -> OutletTable:
    """The shipped table plus the rows of ``extra`` files (later rows win)."""
    table = OutletTable()
    _read_rows(_TABLE, table)
    for p in extra:
        path = Path(p)
        if path.is_file():
            _read_rows(path, table)
    return table


@lru_cache(maxsize=4)
def _cached(env: str) -> OutletTable:
    return load_table([p for p in env.split(os.pathsep) if p])


def default_table() -> OutletTable:
    """The shipped table with the user's files from ``CROSSWIRE_OUTLETS``."""
    return _cached(os.environ.get(TABLE_ENV, ""))


# --- URLs -------------------------------------------------------------------------------------


def _bare_domain(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    if "//" in host:
        host = urlsplit(host).hostname or ""
    host = host.split("/")[0].split(":")[0]
    return re.sub(r"^(?:www\d?|m|amp|mobile|edition|eu|uk|us|news)\.(?=[^.]+\.[^.]+)", "", host)


def outlet_of_url(url: str | None, table: OutletTable | None = None) -> str | None:
    """The outlet a URL belongs to: the table's name for its domain (or a parent domain), else
    the bare domain itself ('leprogres.fr'); None for no URL or a local file."""
    if not url or not re.match(r"(?i)^https?://", url.strip()):
        return None
    table = table or default_table()
    host = _bare_domain(urlsplit(url.strip()).hostname or "")
    if not host or "." not in host or re.fullmatch(r"[\d.]+", host) or host in ("localhost",):
        return None
    parts = host.split(".")
    for k in range(len(parts) - 1):
        hit = table.by_domain.get(".".join(parts[k:]))
        if hit:
            return hit
    if host in ("web.archive.org", "archive.org", "archive.today", "archive.ph"):
        return None  # an archive copy: not the publisher
    return host


def canonical_outlet(name: str | None, table: OutletTable | None = None) -> str | None:
    """One spelling of an outlet as the table's canonical name (or itself, tidied); a URL or a
    bare domain as its outlet."""
    if not name:
        return None
    s = " ".join(str(name).split()).strip(" .,;:|-–—")
    if not s:
        return None
    table = table or default_table()
    if re.match(r"(?i)^https?://", s):
        return outlet_of_url(s, table)
    hit = table.spelling(s)
    if hit:
        return hit
    if re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+", s, re.IGNORECASE):
        return table.by_domain.get(_bare_domain(s)) or _bare_domain(s)
    return s


# --- names in text -----------------------------------------------------------------------------

# fmt: off
_NOT_NAMES = {
    "all", "all rights reserved", "copyright", "the", "us", "our", "this", "we", "you", "inc", "ltd", "llc",
    "independent journalism", "journalism", "news", "media", "reserved", "local journalism", "today",
    "getty images", "getty", "shutterstock", "istock", "the associated press", "photo", "image", "images",
    # labels before a picture's source: "© Quelle: Jane Roe/dpa", "© Foto: ..."
    "quelle", "source", "fuente", "fonte", "foto", "fotos", "bild", "credit", "credits",
}
# fmt: on
_TRAILING = re.compile(
    r"(?:\s*[,.]?\s*(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|"
    r"todos los derechos reservados|inc|ltd|llc|gmbh|s\.?a|plc|corp(?:oration)?|company|co)\b\.?)+\s*$",
    re.IGNORECASE,
)


def _tidy_name(raw: str) -> str | None:
    s = " ".join(raw.split()).strip(" .,;:|-–—'\"“”‘’()")
    s = _TRAILING.sub("", s).strip(" .,;:|-–—")
    s = re.sub(r"\s+magazine$", "", s, flags=re.IGNORECASE)  # "The Hollywood Reporter magazine"
    if not s or s.casefold() in _NOT_NAMES or len(s) > 60 or not re.search(r"[A-Za-zÀ-ÿ]", s):
        return None
    if re.fullmatch(r"(?:19|20)\d\d", s):
        return None
    return s


# © 2018 KREM-TV | Copyright 2020 The Gazette. All rights reserved. | (c) 2019 Foo Media Inc.
_COPYRIGHT = re.compile(
    rf"(?:©|\(c\)|\bcopyright\b)(?:\s*(?:©|\(c\)|\bcopyright\b))*\s*"
    rf"(?:(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\s*,?\s*)?"
    rf"(?:by\s+)?(?P<who>{_NAME})",
    re.IGNORECASE,
)
# QUEBEC CITY/TORONTO (Reuters) -  |  SAN FRANCISCO (MarketWatch)—  |  Berlin (dpa) –
_DATELINE = re.compile(
    r"^\s*(?:[A-ZÀ-Þ][\w'’.\-]*(?:[ /\-][A-ZÀ-Þa-z][\w'’.\-]*){0,4}\s*(?:,\s*[^()\n]{2,40}?)?\s*)?"
    r"\((?P<who>[^()\n]{2,40})\)\s*(?:[-–—:]|\.-)"
)
# "A Message from The Moscow Times", "By supporting The Moscow Times", "journalists of X"
_APPEAL = re.compile(
    rf"(?i:\b(?:a\s+)?(?:message|note|letter|word) from|\bsupport(?:ing)?|\bdonat(?:e|ing) to|"
    rf"\bsubscri(?:be|bing|ption) to|\bmembers? of|\bmembership (?:of|to)|\bjournalists (?:of|at)|"
    rf"\bthe (?:team|staff|editors|newsroom) (?:of|at)|\bnewsletters? (?:of|from)|\bfriends of|"
    rf"\bun message de|\bsoutenez|\bsoutenir|\bunterstützen sie|\bapoya a)\s+"
    rf"(?P<who>{_NAME})"
)
# "beim Verlag der Epoch Times", "chez l'éditeur de X", "the publisher of X"
_PUBLISHER = re.compile(
    rf"\b(?:Verlag (?:der|des|von)|[Tt]he publishers? of|[ée]diteur d[eu]|editorial de)"
    rf"\s+(?P<who>{_NAME})"
)
# "originally published on leprogres.fr", "first appeared in the June 10 issue of X magazine"
_ORIGIN = re.compile(
    rf"\b(?:originally|first|initially)\s+(?:published|appeared|ran|posted)\s+(?:on|in|at|by)\s+"
    rf"(?:(?:the\s+)?[^.!?]{{0,40}}?\b(?:issue|edition|print edition)\s+of\s+)?(?P<who>{_NAME}|[\w-]+(?:\.[\w-]+)+)"
)
# "Source: The JAMA Network Journals" on a line of its own
_SOURCE_LINE = re.compile(
    rf"^\s*(?:source|sources|quelle|fuente|fonte)\s*:\s*(?P<who>{_NAME})\s*\.?\s*$", re.IGNORECASE
)
# A dateline after a headline glued to it: "... new rule LOS ANGELES (CBSLA) — Tens of ..." (a place in capitals)
_DATELINE_IN = re.compile(
    r"(?<=\s)(?:[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]+\s+){0,3}[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]+(?:,\s*[A-ZÀ-Þ][\w.]*(?:\s[A-ZÀ-Þ][\w.]*)?)?\s*"
    r"\((?P<who>[^()\n]{2,40})\)\s*(?:[-–—]{1,2}|:)?\s+(?=[A-ZÀ-Þ0-9\"“])"
)
# A dateline without a dash: "Washington (CNN) Less than 24 hours after ..."
_DATELINE_BARE = re.compile(
    r"^\s*[A-ZÀ-Þ][\w'’.\-]*(?:[ /\-][A-ZÀ-Þa-z][\w'’.\-]*){0,4}\s*(?:,\s*[^()\n]{2,40}?)?\s*"
    r"\((?P<who>[^()\n]{2,40})\)\s+(?=[A-ZÀ-Þ0-9\"“])"
)
# The report's own boilerplate naming its publisher (a name of the outlet table or the name as printed):
_SELF = [
    # "*Merkur.de ist Teil des deutschlandweiten Ippen-Digital-Redaktionsnetzwerks"
    re.compile(
        r"(?P<who>[\w-]+\.(?:de|at|ch|com|net|org)|[A-ZÀ-Þ][\w&'’.-]*(?:\s+[A-ZÀ-Þ][\w&'’.-]*){0,2})"
        r"\s+ist\s+(?:ein\s+)?Teil\s+(?:des|der)\s+[^.\n]{0,60}?(?:[Nn]etzwerks?|[Mm]ediengruppe|[Vv]erlagsgruppe)\b"
    ),
    # "an excerpt of an article from the August 5, 2010 issue of Rolling Stone"
    re.compile(rf"\ban article (?:from|in) the\s+[^.\n]{{0,40}}?\bissue of\s+(?P<who>{_NAME})"),
    # "Rolling Stone's premium subscription plan" (only a name of the table: not "Netflix's premium subscription")
    re.compile(rf"(?P<known>{_NAME})['’]s\s+(?:premium|all-access)\s+subscription"),
    # "Tune in to Inside Edition Monday to hear ..."
    re.compile(
        rf"(?:^|[.!?]\s+)Tune in(?: to|to)\s+(?P<who>{_NAME})\s+(?:on\s+)?"
        rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week(?:end)?))\b"
    ),
]
# A site naming itself by its domain as it tells its own coverage: "RadarOnline.com has the inside scoop"
_SELF_DOMAIN = re.compile(
    r"\b(?P<who>[A-Z][\w-]*\.com)\s+(?:has\s+(?:the\s+(?:inside\s+|exclusive\s+)?scoop|(?:exclusively\s+)?learned)|"
    r"can\s+(?:exclusively\s+(?:reveal|report|confirm)|reveal)|exclusively\s+(?:learned|obtained))\b"
)
# An outlet of the table closing a sentence of its own reporting: "... has died ... TMZ has learned."
# (not "confirmed to X" or "told X": reports cite other outlets' interviews so)
_LEARNED = re.compile(rf"(?P<who>{_NAME})\s+has\s+(?:exclusively\s+)?learned\s*(?:[.…]|$)", re.MULTILINE)
# A staff writer's sign-off closing the report: "Jane Roe covers health for The Daily Planet.",
# "Jane Roe is a staff reporter for The Daily Planet."  (a wire named so is a credit)
_STAFF = re.compile(
    rf"(?:^|[.!?]\s+)(?:[A-ZÀ-Þ][\w.'’-]+\s+){{1,3}}(?:covers|reports\s+on|writes\s+about)\s+[^.\n]{{2,60}}?\s+"
    rf"for\s+(?P<who>{_NAME})\.\s*$"
    rf"|(?:^|[.!?]\s+)(?:[A-ZÀ-Þ][\w.'’-]+\s+){{1,3}}is\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?"
    rf"(?:reporter|correspondent|writer|editor|columnist|producer)\s+(?:for|at|with)\s+(?P<who2>{_NAME})\.\s*$"
    # "Jane Roe is the Daily Planet's associate editor." (a name of the table, or one CamelCase word or domain)
    rf"|(?:^|[.!?]\s+)(?:[A-ZÀ-Þ][\w.'’-]+\s+){{1,3}}is\s+(?P<who3>{_NAME})['’]s\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:reporter|correspondent|writer|editor|columnist|producer|critic)\.\s*$"
)
# A byline with the outlet's correspondent title: "Analysis by Jane Roe, BBC economics correspondent"
_CORRESPONDENT = re.compile(
    rf"\b(?:[Aa]nalysis\s+by|[Bb]y)\s+[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){{1,2}},\s+(?P<who>{_NAME})\s+"
    rf"(?:[a-z][\w-]*\s+){{0,3}}(?:correspondent|editor|reporter)\b"
)
_HOUSE = [
    (re.compile(rf"(?:^|(?<=[.!?\"”’)])\s)\s*{re.escape(label)}\b", re.IGNORECASE | re.MULTILINE), name)
    for label, name in HOUSE_LABELS
] + [(re.compile(p), name) for p, name in cues.HOUSE_FORMS]
# A reporting credit naming its reporter's outlet: "Additional reporting by Jane Roe, WXYZ", "Reporting by Jane
# Roe of The Daily Planet; Editing by Tom Poe": that outlet lent reporting to this copy (a credit, not the outlet)
_REPORTING = re.compile(r"\b(?:[Aa]dditional\s+)?[Rr]eporting\s+by\s+(?P<rest>[^()\n]{2,200})")
_REPORTER_OF = re.compile(rf"^(?:[A-ZÀ-Þ][\w'’.-]*\s+){{1,3}}(?:of|at|from)\s+(?P<who>{_NAME})$")
_VIA = re.compile(r"\([^()\n]*\bvia\b[^()\n]*\)")  # a picture credit through an agency: "(Jo Roe/X via Getty)"
_POST = re.compile(r"\(@\w+\)|^[@#]\w{2,}|pic\.twitter\.com")  # a line of an embedded post
_PICTURE = re.compile(r"\b(?:photo|photos|picture|image|images|foto|bild|getty|shutterstock|illustration)\b", re.I)
# dateline and copyright names that are places, section labels or people, not publishers
# fmt: off
_NOT_PUBLISHERS = {"updated", "update", "video", "photo", "photos", "live", "exclusive", "opinion", "analysis",
                   "corrected", "correction", "file", "reuters/", "ap photo", "afp photo", "audio"}
# fmt: on


def _publisher(who: str, table: OutletTable) -> str | None:
    """A dateline's name as an outlet: a name of the table that is not a wire agency, a station, or a
    name printed like a web publisher ("MarketWatch", "Politico.com"); None for an agency, a place,
    a label or an unknown acronym (an agency the table does not know)."""
    who = " ".join(who.split()).strip(" .,;:")
    if not who or agency_name(who) or who.casefold() in _NOT_PUBLISHERS:
        return None
    name = table.spelling(who)
    if name:
        return None if table.is_wire(name) else name
    if is_station(who):
        return who
    if re.fullmatch(r"[A-ZÀ-Þ][\w.&'’-]*(?:\s[A-ZÀ-Þ0-9][\w.&'’-]*){0,3}", who) and re.search(
        r"[a-z][A-Z]|\.(?:com|net|org|co\.uk|de|fr)$", who
    ):
        return who
    return None


def _known_name(raw: str, table: OutletTable, table_only: bool = False) -> str | None:
    """The table's name in a captured run of capitalised words, dropping words before it ("Get
    Rolling Stone" -> Rolling Stone); else the run itself, tidied (None if ``table_only``)."""
    who = _tidy_name(re.split(r"[.!?]\s", raw)[0])
    if not who:
        return None
    words = who.split()
    for k in range(len(words)):
        hit = table.spelling(" ".join(words[k:]))
        if hit:
            return hit
    return None if table_only else canonical_outlet(who, table)


def _lower_name(who: str, table: OutletTable) -> str | None:
    """A name read in lower case ("copyright 2019 kxyz", "(c) the associated press all rights reserved"): only a
    name of the table opening it, or call letters; else None (in a lower-cased text "copyright to it. the lawsuit
    filed ..." is prose, not a notice)."""
    words = who.split()[:6]
    for n in range(len(words), 0, -1):
        hit = table.spelling(" ".join(words[:n]))
        if hit:
            return hit
    if len(words) <= 2 and re.fullmatch(r"[kw][a-z]{2,3}", words[0]) and is_station(words[0].upper()):
        return words[0].upper()
    return None


def _web_name(who: str) -> str | None:
    """A name printed like a web publisher's: one CamelCase word or a domain ("MarketWatch", "ClickOrlando.com")."""
    who = " ".join(who.split()).strip(" .,;:")
    return who if re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*(?:\.com)?|[\w-]+\.(?:com|net|org|co\.uk|tv)", who) else None


def _own_station(who: str, table: OutletTable) -> str | None:
    """A name that can be a publisher's own: a name of the table (not a wire), a station's call letters or
    its brand with the channel number ("News 13")."""
    who = " ".join(who.split()).strip(" .,;:")
    name = table.spelling(who)
    if name:
        return None if table.is_wire(name) else name
    if re.fullmatch(r"[a-z]+\d{1,2}", who) and is_station(who.upper()):
        return who.upper()  # "abc15" in a lower-cased text
    return who if is_station(who) or cues.STATION_BRAND.fullmatch(who) else None


def _agencies(who: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"[/,;&+]|\band\b", who) if p.strip()]
    out = [agency_name(p) for p in parts]
    return [x for x in out if x] if out and all(out) else []


@dataclass(slots=True)
class _Found:
    outlet: str | None = None
    why: str = ""
    credits: list[str] = field(default_factory=list)

    def credit(self, *names: str) -> None:
        for n in names:
            if n and n not in self.credits:
                self.credits.append(n)


def _name_in(text: str, rx: re.Pattern[str], table: OutletTable) -> str | None:
    for m in rx.finditer(text):
        # (the name ends at its sentence's end: "subscribe to X Daily. Follow X.com on ..."; a name in prose after a
        # lower-case "the" only if the table knows it: "Members of the National Guard walk ...", "support the Guardian")
        who = _tidy_name(re.split(r"(?<=[a-zà-ÿ0-9]{2})[.!?]\s", m.group("who"))[0])
        if who and who.startswith("the ") and table.spelling(who) is None:
            continue
        if who and not re.match(r"(?:[Tt]he\s+)?\d", who):  # ("Family members of the 12 boys": a count)
            return canonical_outlet(who, table)
    return None


def _table_names(text: str, table: OutletTable) -> list[str]:
    """Canonical names of the table (not wires) whose spelling occurs in ``text`` as a whole name."""
    out: list[str] = []
    for m in re.finditer(
        r"(?:[Tt]he\s+)?[A-ZÀ-Þ][\w&'’.!-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-ZÀ-Þ][\w&'’.!-]*){0,4}", text
    ):
        words = m.group(0).split()
        # the longest run of capitalised words that is a known spelling
        for n in range(len(words), 0, -1):
            hit = None
            for k in range(len(words) - n + 1):
                cand = " ".join(words[k : k + n])
                # a name of one ordinary word ("Time", "People") is no evidence in furniture, nor "The X" opening a
                # longer name ("The National" in "The National Highway Traffic Safety Administration")
                if k + n < len(words) and words[k] in ("The", "the"):
                    continue
                if len(cand.split()) >= 2 or re.search(r"[a-z][A-Z]|^[A-Z]{3,}$|\.", cand):
                    hit = table.spelling(cand)
                if hit:
                    break
            if hit:
                if not table.is_wire(hit) and hit not in out:
                    out.append(hit)
                break
    return out


def _own_interview(page: list[str], table: OutletTable) -> str | None:
    """The station a report in its own voice ("we asked", "told us") says it was told something: "Miller told
    NewsChannel 9" (``outlet_cues.TOLD_STATION``); None without that voice or with two stations so told."""
    text = "\n".join(page)
    unquoted = re.sub(r"[\"“][^\"“”\n]{0,600}[\"”]", " ", text)
    if len(cues.WE_VOICE.findall(unquoted)) < cues.WE_VOICE_MIN:
        return None
    told = {own for m in cues.TOLD_STATION.finditer(unquoted) if (own := _own_station(m["who"], table))}
    return told.pop() if len(told) == 1 else None


def _picture_credit(page: list[str], table: OutletTable) -> str | None:
    """The one outlet of the table (not a wire) that the page's staff picture credits name ("(Jane Roe / The Daily
    Planet)"); None when there is none or they name several."""
    names = set()
    for m in (m for line in page for m in cues.PICTURE_CREDIT.finditer(line)):
        name = table.spelling(m["who"] or m["who2"])
        if name is None or table.is_wire(name):
            continue
        names.add(name)
    return names.pop() if len(names) == 1 else None


def identify(
    article: Article, *, table: OutletTable | None = None, dateline: Sequence[str] = (), tail: str = ""
) -> Article:
    """``article`` with its outlet named (canonical) and the credits its text states added.

    Keeps a known outlet (the record's, the page's); otherwise tries the URL, then the
    text and the furniture cleaning cut from it.  ``dateline`` are the names in the parentheses
    of a dateline the cleaner cut (and credited): one that is a publisher, not an agency
    ("KABC", "CNN"), is the outlet and no longer a credit.  ``tail`` is the end of the input before cleaning,
    read for the agency sign closing it when cleaning cut it.  Never removes another credit.
    """
    table = table or default_table()
    found = _Found(credits=list(article.credits))
    if article.outlet:
        found.outlet = canonical_outlet(article.outlet, table)
    if found.outlet is None:
        found.outlet = outlet_of_url(article.url, table)
    for said in dateline:
        pub = _publisher(said, table)
        if pub and found.outlet is None:
            found.outlet, found.why = pub, "dateline"
        if pub and pub == found.outlet:  # "(WXII/WNCN)": the first is the outlet, the second stays credited
            found.credits = [c for c in found.credits if c != said]
    paras = article.paragraphs
    removed = [r.strip() for block in article.removed for r in block.split("\n") if r.strip()]
    head = paras[:3] + removed[:6]
    # a station's or an outlet's dateline after a headline glued to it, or without a dash; after the first
    # three paragraphs only when all before it are short (highlights, pull quotes, a subheading)
    for k, p in enumerate(paras[: cues.LATE_DATELINE_PARAS]):
        pre = paras[:k]
        if k >= 3 and (
            any(len(q.split()) > cues.LATE_DATELINE_PRE_WORDS or q.rstrip().endswith(":") for q in pre)
            or sum(len(q.split()) for q in pre) > cues.LATE_DATELINE_TOTAL_WORDS
        ):
            break  # (after the body's first paragraphs, or "CNN reported:", it is another report quoted)
        m = _DATELINE_BARE.match(p) or (_DATELINE.match(p) if k >= 3 else None)
        if m is None and k == 0:
            m = _DATELINE_IN.search(p[:300])
        pub = _publisher(m.group("who"), table) if m else None
        if pub and found.outlet is None:
            found.outlet, found.why = pub, "dateline"
    # the page's own share link ("Read or Share this story: https://usat.ly/...")
    for m in (cues.SHARE_LINE.search(r) for r in removed + paras[-3:]) if found.outlet is None else ():
        host = _bare_domain(m["url"]) if m else ""
        own = outlet_of_url(m["url"], table) if m and host not in cues.SHORTENERS else None
        if own and not table.is_wire(own):
            found.outlet, found.why = own, "share link"
            break
    # datelines: a wire agency is a credit, another name the outlet (its own reporter)
    # (a title that is the dateline's line, "MAE SAI, Thailand (AP) — The Latest ...", credits its agency only)
    m = _DATELINE.match(article.title or "")
    found.credit(*(_agencies(m.group("who").strip()) if m else ()))
    for p in head:
        m = _DATELINE.match(p)
        if not m:
            continue
        who = m.group("who").strip()
        agencies = _agencies(who)
        if agencies:
            found.credit(*agencies)
        elif found.outlet is None and who.casefold() not in _NOT_PUBLISHERS:
            name = table.spelling(who)
            if (
                name is None
                and re.fullmatch(r"[A-ZÀ-Þ][\w.&'’-]*(?:\s[A-ZÀ-Þ0-9][\w.&'’-]*){0,3}", who)
                and re.search(r"[a-z][A-Z]|\.\w{2,}$|^[A-Z]{2,6}(?:[- ]?\d{1,2})?$", who)
            ):
                name = who  # "MarketWatch", "KPIX 5", "Politico.com": a publisher, not a place
            if name:
                found.outlet, found.why = name, "dateline"
    # copyright lines, source lines and origins (in the cut furniture or at the text's edges)
    edges = removed + paras[:2] + paras[-3:]
    for line in edges:
        if _PICTURE.search(line):
            continue  # "Photo: © AFP" credits a picture, not the report
        for m in _COPYRIGHT.finditer(line):
            # (the notice ends at a sentence's end: "The Gazette. All rights reserved. This ...")
            who = _tidy_name(re.split(r"(?<=[a-zà-ÿ]{2})[.!?]\s", m.group("who"))[0])
            # (in lower case only a notice: with its sign, a year, "by" or a capital "Copyright associated press";
            # not "... their copyright was ...")
            if who and who[0].islower():
                notice = re.search(r"©|\(c\)|\d{4}|^Copyright|\bby\s", m.group(0))
                who = _lower_name(who, table) if notice else None
            if not who:
                continue
            agencies = _agencies(who)
            if agencies:
                found.credit(*agencies)
            elif found.outlet is None:
                found.outlet, found.why = canonical_outlet(who, table), "copyright"
        m = _SOURCE_LINE.match(line)
        if m and (who := _tidy_name(m.group("who"))):
            found.credit(*(_agencies(who) or [canonical_outlet(who, table) or who]))
    for line in edges:
        m = _ORIGIN.search(line)
        if m and (who := _tidy_name(m.group("who"))) and len(line.split()) <= 40:
            name = canonical_outlet(who, table) or who
            # "first appeared in X" where X is the outlet itself says nothing new
            if name != found.outlet and who not in found.credits and name not in found.credits:
                found.credit(who if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", who) else name)
    for line in removed + paras[-3:]:
        m = _REPORTING.search(line) if len(line.split()) <= 40 else None
        for k, part in enumerate(re.split(r"\s*(?:[;,]|\band\b)\s*", m["rest"].strip(" .)")) if m else []):
            who = _REPORTER_OF.match(part)
            name = who["who"] if who else part if k else ""
            if not name or re.search(r"\bby\b", name) or not re.fullmatch(_NAME, name):
                continue
            lent = agency_name(name) or table.spelling(name) or (name if is_station(name) else None)
            if lent and lent != found.outlet:
                found.credit(lent)
    # (the sign closing the whole input, when cleaning cut the text's end: "... Anzeige RND/lo")
    closing = signs.closing_credits(paras[-1], table) if paras else []
    if not closing and tail.strip() and (not paras or tail.strip()[-40:] not in paras[-1]):
        closing = signs.closing_credits(tail.strip(), table)
    found.credit(*(n for n in closing if n != found.outlet))
    for line in removed + paras[-3:]:
        found.credit(*(n for n in signs.contributors(line, table) if n != found.outlet))
        found.credit(*signs.wire_signs(line))
        m = cues.FOLLOW_STAFF.search(line)
        own = _own_station(m["who"], table) or _web_name(m["who"]) if m else None
        if m and (agency_name(m["who"].strip()) or (own and table.is_wire(own))):
            found.credit(agency_name(m["who"].strip()) or own or "")
        elif own and found.outlet is None:
            found.outlet, found.why = own, "signoff"
        m = cues.STAY_WITH.search(line)
        own = _own_station(m["who"], table) or _web_name(m["who"]) if m else None
        if own and found.outlet is None:
            found.outlet, found.why = canonical_outlet(own, table), "boilerplate"
    # appeals and self-adverts name the publisher
    if found.outlet is None:
        blob = "\n".join(removed)
        name = _name_in(blob, _APPEAL, table) or _name_in(blob, _PUBLISHER, table)
        if name and not table.is_wire(name):
            found.outlet, found.why = name, "appeal"
    if found.outlet is None:
        tail = "\n".join(paras[-2:])
        name = _name_in(tail, _PUBLISHER, table)
        if name and not table.is_wire(name):
            found.outlet, found.why = name, "publisher"
    # the report's own boilerplate, a staff sign-off or a correspondent's byline
    if found.outlet is None:
        ends, body = paras[-3:] + removed, "\n".join(paras)
        for rx in _SELF:
            cands = (
                _known_name(m.group("who"), table)
                if "who" in rx.groupindex
                else _known_name(m.group("known"), table, True)
                for line in ends
                for m in rx.finditer(line)
            )
            own = next((n for n in cands if n), None)
            if own and not table.is_wire(own):
                found.outlet, found.why = own, "boilerplate"
                break
        m = _SELF_DOMAIN.search(body) if found.outlet is None else None
        if m:
            found.outlet, found.why = canonical_outlet(m.group("who"), table), "boilerplate"
        for m in _LEARNED.finditer(body) if found.outlet is None else ():
            own = _known_name(m["who"], table, True)
            if own and not table.is_wire(own):
                found.outlet, found.why = own, "boilerplate"
                break
        page = "\n".join([*removed, *paras])
        for m in cues.MEDIA_EDIT.finditer(page) if found.outlet is None else ():
            own = _own_station(re.split(r"[.!?:]\s+", m["who"])[-1], table)
            if own:
                found.outlet, found.why = own, "media note"
                break
        for rx, name in _HOUSE if found.outlet is None else ():
            if rx.search(page):
                found.outlet, found.why = canonical_outlet(name, table), "house label"
                break
    # (a sign-off may be among the lines cleaning cut: it is page furniture to the brief)
    guests: set[str] = set()
    for line in paras[-2:] + [x for r in removed for x in re.split(r"(?<=[.!?])\s+(?=[A-Z])", r)]:
        m = _STAFF.search(line) if len(line.split()) <= 40 else None
        if m and re.search(r"(?i)\b(?:contribut\w*|freelance|former|guest|frequent)\b", m.group(0)):
            guests.add(line)
            m = None  # "a contributing writer for X": X published the writer elsewhere, not this copy
        own = table.spelling(m.group("who") or m.group("who2") or m.group("who3")) if m else None
        if m and own is None and m["who3"] and re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*|[\w-]+\.(?:com|net|org)", m["who3"]):
            own = canonical_outlet(m["who3"], table)  # "BettyConfidential's associate editor"
        if own and table.is_wire(own):
            found.credit(own)
        elif own and found.outlet is None:
            found.outlet, found.why = own, "signoff"
    # (the writer's contact address: a domain of the table; a wire's address is a credit, its copy runs anywhere)
    for m in (m for line in paras[-3:] + removed for m in cues.CONTACT.finditer(line)):
        own = outlet_of_url("https://" + m["dom"].rstrip("."), table)
        if own and own in table.by_domain.values() and table.is_wire(own):
            found.credit(own)
        elif own and own in table.by_domain.values() and found.outlet is None:
            found.outlet, found.why = own, "contact"
    headings = [p for p in paras if len(p.split()) <= cues.HEADING_WORDS and not re.search(r"[.!?][\"”’)]*$", p)]
    bylines = "\n".join([article.title or "", *removed, *paras[:3], *paras[-3:], *headings])
    m = _CORRESPONDENT.search(bylines) if found.outlet is None else None
    own = table.spelling(m.group("who")) if m else None
    if own and not table.is_wire(own):
        found.outlet, found.why = own, "byline"
    # a station's own interview told in its own voice; a staff picture credit naming one outlet of the table
    for why, read in (("own interview", _own_interview), ("picture credit", _picture_credit)):
        if found.outlet is None and (own := read([article.title or "", *removed, *paras], table)):
            found.outlet, found.why = own, why
    # weakest: one outlet of the table named in the page furniture
    if found.outlet is None and removed:
        # (not an embedded post: "... fake footage of the fireworks, PBS — Jo Roe (@joroe)" names its subject)
        names = _table_names(
            "\n".join(
                _VIA.sub(" ", r)
                for r in removed
                if len(r.split()) <= 60 and not any(g in r for g in guests) and not _POST.search(r)
            ),
            table,
        )
        credited = " | ".join(found.credits).casefold()
        names = [n for n in names if n.casefold() not in credited]
        if len(names) == 1:
            found.outlet, found.why = names[0], "furniture"
    if found.outlet == article.outlet and found.credits == article.credits:
        return article
    return dataclasses.replace(article, outlet=found.outlet, credits=found.credits)


def source_identity(article: Article, table: OutletTable | None = None) -> str | None:
    """What makes two reports one source: the wire agencies a dispatch is credited to, else the
    outlet, else an origin it credits; None when nothing is known (the report is a source of
    its own).  Several keys are joined by "|" ("wire:bss|wire:afp" for a BSS/AFP dispatch):
    a report shares its source with any report that has one of them."""
    table = table or default_table()
    wires = [c for c in article.credits if table.is_wire(c)]
    if wires:
        return "|".join("wire:" + c.casefold() for c in dict.fromkeys(wires))
    if article.outlet:
        return "outlet:" + (canonical_outlet(article.outlet, table) or article.outlet).casefold()
    if article.credits:
        return "origin:" + (canonical_outlet(article.credits[0], table) or article.credits[0]).casefold()
    return None


def identities(articles: Sequence[Article], table: OutletTable | None = None) -> dict[str, str | None]:
    """Article id -> :func:`source_identity`, for ``model.source_keys``."""
    table = table or default_table()
    return {a.id: source_identity(a, table) for a in articles}
