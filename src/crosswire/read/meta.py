"""Facts about a report that its text states: dates, datelines and credits.

Pure functions over strings.  Month names are known in English, French,
German, Spanish, Italian and Portuguese; wire agencies by their usual names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.text.months import MONTHS

__all__ = [
    "AGENCIES",
    "Dateline",
    "agency_name",
    "is_station",
    "find_agencies",
    "parse_date",
    "parse_dateline",
    "normalize_date",
]

_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_MON = rf"(?P<m>{_MONTH_RE})\.?"
_DATE_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<mn>[01]?\d)-(?P<d>[0-3]?\d)\b"),
    # 3 April 2024, 3 avril 2024, 3. April 2024, 3 de abril de 2024, 03 Apr 2024
    re.compile(rf"\b{_DAY}\s*(?:de\s+)?{_MON}(?:\s*(?:de|del)?\s*,?\s*{_YEAR})?\b", re.I),
    # April 3, 2024 / Apr. 3 2024 / April 3
    re.compile(rf"\b{_MON}\s+{_DAY}(?:\s*,?\s*{_YEAR})?\b", re.I),
    # 03.04.2024 / 03/04/2024 (day first, as in most of the world)
    re.compile(rf"\b(?P<d>[0-3]?\d)[./](?P<mn>[01]?\d)[./]{_YEAR}\b"),
]


def parse_date(text: str, *, default_year: int | None = None) -> tuple[str, tuple[int, int]] | None:
    """Find the first date in ``text``; return ``(YYYY-MM-DD, span)`` or None.

    A date without a year uses ``default_year``; without one it is not a date.
    """
    best: tuple[int, str, tuple[int, int]] | None = None
    for pat in _DATE_PATTERNS:
        for m in pat.finditer(text):
            g = m.groupdict()
            try:
                month = int(g["mn"]) if g.get("mn") else MONTHS[g["m"].lower().rstrip(".")]
                day = int(g["d"])
            except (KeyError, ValueError, TypeError):
                continue
            year = int(g["y"]) if g.get("y") else default_year
            if year is None or not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            iso = f"{year:04d}-{month:02d}-{day:02d}"
            if best is None or m.start() < best[0]:
                best = (m.start(), iso, m.span())
            break
    return (best[1], best[2]) if best else None


def normalize_date(value: object) -> str | None:
    """Any date-ish value (ISO string, '3 April 2024', datetime) as YYYY-MM-DD, else None."""
    if value is None:
        return None
    if hasattr(value, "strftime"):
        try:
            return str(value.strftime("%Y-%m-%d"))
        except (ValueError, AttributeError):
            return None
    s = str(value).strip()
    if not s:
        return None
    m = re.match(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)", s)
    if m:
        return m.group(0)
    found = parse_date(s)
    return found[0] if found else None


# Wire agencies: canonical name -> spellings (matched as whole words).
# fmt: off
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "Agence France-Press"),
    "Reuters": ("Reuters", "REUTERS", "Thomson Reuters"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE", "Agencia EFE"),
    "Xinhua": ("Xinhua", "XINHUA"),
    "BSS": ("BSS", "Bangladesh Sangbad Sangstha"),
    "Kyodo": ("Kyodo", "KYODO"),
    "Yonhap": ("Yonhap",),
    "TASS": ("TASS", "Tass"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "PTI": ("PTI",),
    "IANS": ("IANS",),
    "ANI": ("ANI",),
    "UNI": ("UNI",),
    "Bernama": ("Bernama", "BERNAMA"),
    "Antara": ("Antara", "ANTARA"),
    "APA": ("APA",),
    "Belga": ("Belga",),
    "ANP": ("ANP",),
    "Europa Press": ("Europa Press",),
    "Lusa": ("Lusa", "LUSA"),
    "PA": ("PA", "PA Media", "Press Association"),
    "AAP": ("AAP", "Australian Associated Press"),
    "CP": ("The Canadian Press", "Canadian Press"),
    "KNA": ("KNA",),
    # the Madsack group's central newsroom: its copy runs in some sixty papers, so it is credited like a wire
    "RND": ("RND", "RedaktionsNetzwerk Deutschland", "Redaktionsnetzwerk Deutschland"),
    "epd": ("epd",),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg",),
    "PAP": ("PAP",),
    "CTK": ("ČTK", "CTK"),
    "MTI": ("MTI",),
    "Ukrinform": ("Ukrinform",),
    "IRNA": ("IRNA",),
    "WAM": ("WAM",),
    "SPA": ("SPA",),
    "MENA": ("MENA",),
    "Prensa Latina": ("Prensa Latina",),
    "Notimex": ("Notimex",),
    "NTB": ("NTB",),
    "TT": ("TT",),
    "Ritzau": ("Ritzau",),
    "STT": ("STT",),
    "ATS": ("ATS", "Keystone-ATS"),
    "SDA": ("SDA", "Keystone-SDA"),
    "ANA-MPA": ("ANA-MPA", "AMNA"),
    "Agerpres": ("Agerpres",),
    "BTA": ("BTA",),
    "HINA": ("HINA", "Hina"),
    "Tanjug": ("Tanjug",),
    "NHK": ("NHK",),
    "CNA": ("CNA",),
    "Agenzia Nova": ("Agenzia Nova",),
    "KUNA": ("KUNA", "Kuwait News Agency"),
    "KCNA": ("KCNA", "Korean Central News Agency"),
    "WAFA": ("WAFA",),
    "KPL": ("KPL",),
}
# fmt: on
_SPELLING: dict[str, str] = {}
for _canon, _spellings in AGENCIES.items():
    for _s in _spellings:
        _SPELLING[_s] = _canon
_AGENCY_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((re.escape(s) for s in _SPELLING), key=len, reverse=True)) + r")(?![\w-])"
)
# Short all-caps names that are agencies only in a credit context, never in running text.
_AMBIGUOUS = {"AP", "AA", "PA", "TT", "CP", "UNI", "ANI", "SPA", "WAM", "RIA", "CNA", "APA", "MENA"}


def agency_name(token: str) -> str | None:
    """The canonical agency name for one spelling ('Agence France-Presse' -> 'AFP'), else None."""
    token = token.strip().strip(".,;:()[]").strip()
    return _SPELLING.get(token)


# A US station by its call letters ("KABC", "WFLA", "KREM-TV", "WGN 9") or a network's station by its
# market ("CBSLA", "NBC4", "FOX 5", "ABC7"): a publisher wherever a dateline names it, never a place.
_NETWORKS = ("CBS", "NBC", "ABC", "FOX", "Fox", "CW", "PIX")
_STATION = re.compile(
    r"[KW][A-Z]{2,3}(?:-(?:TV|DT|FM|AM|CD|LD))?(?:[ -]?\d{1,2})?"
    rf"|(?:{'|'.join(_NETWORKS)})[ -]?(?:\d{{1,2}}|[A-Z][A-Za-z]{{1,12}})"
)
# organisations whose initials look like call letters
# fmt: off
_NOT_STATIONS = {"WHO", "WTO", "WFP", "WWF", "WMO", "WEF", "WIPO", "WWE", "WNBA", "WWII", "KGB", "KKK", "KFC", "KPMG",
                 "WSJ", "WPA", "WADA", "WBA", "WBC", "WBO", "KLM", "KMT", "WHA", "WRI"}
# fmt: on


def is_station(name: str) -> bool:
    """Is ``name`` a broadcast station's as a dateline prints it ("KABC", "WFLA-TV", "CBSLA", "NBC4")?"""
    name = " ".join(name.split())
    if not _STATION.fullmatch(name) or agency_name(name):
        return False
    return name.split("-")[0].split()[0] not in _NOT_STATIONS


def find_agencies(text: str) -> list[str]:
    """Agencies named in a short credit string, in order, without repeats."""
    out: list[str] = []
    for m in _AGENCY_RE.finditer(text):
        canon = _SPELLING[m.group(1)]
        if canon not in out:
            out.append(canon)
    return out


@dataclass(frozen=True, slots=True)
class Dateline:
    """A wire dateline found at the start of a paragraph."""

    place: str | None
    date: str | None  # YYYY-MM-DD when the year is known
    credits: list[str]
    end: int  # where the report's own first sentence starts


_PLACE = r"[A-ZÀ-Þ][\w'’.\-]*(?:[ \-/][A-ZÀ-Þa-z][\w'’.\-]*){0,3}"  # "QUEBEC CITY/TORONTO"
_DASH = r"(?:[-–—]{1,2}|\.-|:|/)"
# PARIS, April 3, 2024 (BSS/AFP) -   |   Berlin (dpa) -   |   LONDON, March 5 (Reuters) —
_WITH_AGENCY = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s*{_PLACE})?)\s*(?:,\s*(?P<date>[^()\n]{{3,40}}?))?\s*"
    rf"\((?P<agency>[^()\n]{{2,60}})\)\s*{_DASH}?\s*"
)
# (Paris) The minister ...
_PAREN_PLACE = re.compile(r"^\((?P<place>[^()\n]{2,40})\)\s*[-–—]?\s*(?=\S)")
# KYIV, Ukraine — ...  |  PARIS, April 3 — ...   (place in capitals, no agency)
_CAPS_PLACE = re.compile(
    rf"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ'’.\- ]{{1,30}}[A-ZÀ-Þ.](?:,\s*{_PLACE})?)\s*(?:,\s*(?P<date>[^()\n–—]{{3,30}}?))?\s*"
    rf"(?:[-–—]{{1,2}}|:)\s+(?=\S)"
)
# Vellmark, 10. März 2026 – ...  |  Lyon, le 3 avril 2024 - ...   (a place in title case needs a full date)
_PLACE_DATE = re.compile(rf"^(?P<place>{_PLACE})\s*,\s*(?P<date>[^()\n–—]{{6,32}}?)\s*(?:[-–—]{{1,2}}|:)\s+(?=\S)")
# MOSCOW, April 3. /TASS/.
_TASS = re.compile(rf"^(?P<place>{_PLACE})\s*,\s*(?P<date>[^/\n]{{3,30}}?)\s*/(?P<agency>[A-Z][\w ]{{1,20}})/\s*\.?\s*")


# Labels that open a text in parentheses but are not places.
# fmt: off
_NOT_PLACES = {
    "updated", "update", "video", "videos", "photos", "photo", "live", "exclusive", "opinion", "analysis",
    "corrected", "correction", "watch", "listen", "audio", "breaking", "mis à jour", "vidéo", "direct",
    "exclusif", "aktualisiert", "exklusiv", "actualizado", "en vivo", "exclusiva", "sponsored", "advertisement",
}
# fmt: on


def _credits_of(paren: str) -> list[str] | None:
    """Agencies inside a dateline's parentheses ('BSS/AFP'), or None if it is not a credit."""
    parts = [p.strip() for p in re.split(r"[/,;&+]|\band\b|\bet\b|\by\b|\bund\b", paren) if p.strip()]
    if not parts:
        return None
    out: list[str] = []
    for p in parts:
        canon = agency_name(p)
        if canon:
            out.append(canon)
        elif re.fullmatch(r"[A-Z][A-Z0-9\-]{1,7}|[a-z]{2,4}", p):  # an unknown acronym: dpa-like or BSS-like
            out.append(p)
        else:
            return None
    return out


def _dateline_date(clause: str, default_year: int | None) -> tuple[bool, str | None]:
    """(is a date, YYYY-MM-DD or None when the year is unknown) for a dateline's date clause."""
    found = parse_date(clause, default_year=default_year or 1)
    if found is None:
        return False, None
    return True, None if found[0].startswith("0001") else found[0]


def parse_dateline(text: str, *, default_year: int | None = None) -> Dateline | None:
    """Parse a wire dateline at the very start of ``text``, else None."""
    head = text[:200]
    m = _WITH_AGENCY.match(head) or _TASS.match(head)
    if m:
        credits = _credits_of(m.group("agency"))
        if credits is not None:
            date = None
            if m.group("date"):
                ok, date = _dateline_date(m.group("date"), default_year)
                if not ok:
                    return None  # the comma clause is not a date: not a dateline
            return Dateline(_clean_place(m.group("place")), date, credits, m.end())
    m = _PAREN_PLACE.match(head)
    if m:
        inner = m.group("place").strip()
        credits = _credits_of(inner)
        if credits:
            return Dateline(None, None, credits, m.end())
        if inner.lower() in _NOT_PLACES:
            return None
        if re.fullmatch(_PLACE + r"(?:,\s*" + _PLACE + r")?", inner) and len(inner.split()) <= 4:
            return Dateline(_clean_place(inner), None, [], m.end())
        return None
    m = _CAPS_PLACE.match(head)
    if m and len(m.group("place").split()) <= 4:
        date = None
        if m.group("date"):
            ok, date = _dateline_date(m.group("date"), default_year)
            if not ok:
                return None
        return Dateline(_clean_place(m.group("place")), date, [], m.end())
    m = _PLACE_DATE.match(head)
    if m and len(m.group("place").split()) <= 3:
        clause = re.sub(r"^(?:le|am|el|il|den|on)\s+", "", m.group("date").strip(), flags=re.I)
        found = parse_date(clause)
        # the whole clause must be the date, with its year: "Paris, the capital -" is no dateline
        if found and len(found[0]) == 10 and found[1][0] == 0 and len(clause) - found[1][1] <= 1:
            return Dateline(_clean_place(m.group("place")), found[0], [], m.end())
    return None


def _clean_place(place: str) -> str:
    return re.sub(r"\s+", " ", place).strip(" ,.-")
