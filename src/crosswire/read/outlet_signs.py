"""Credit lines a report closes with, read for ``read.outlets.identify``: who contributed ("Associated Press writer
Jane Roe contributed to this report"), a wire's own sign ("(Reporting by Jane Roe; Editing by Tom Poe)") and the
agency signs closing the text ("... vor. (dpa/les)", "... Italien. EFE", "Kaynak: AA").  Each names a lender: a
credit, never the outlet.
"""

from __future__ import annotations

import re
from typing import Protocol

from crosswire.read import outlet_cues as cues
from crosswire.read.meta import agency_name, is_station

__all__ = ["Names", "closing_credits", "contributors", "wire_signs"]


class Names(Protocol):
    """The outlet table as these readers use it (``read.outlets.OutletTable``)."""

    def spelling(self, text: str) -> str | None: ...

    def is_wire(self, name: str) -> bool: ...


_WIRE_SIGNS = [(re.compile(p), name) for p, name in cues.WIRE_SIGNS]


def wire_signs(line: str) -> list[str]:
    """The agencies whose own sign ``line`` carries."""
    return [name for rx, name in _WIRE_SIGNS if rx.search(line)]


def _lender(words: list[str], table: Names, whole: bool = False) -> str | None:
    """The agency or outlet that opens the subject of a contribution line ("Associated Press writers Jane Roe
    and ...", "The Associated Press", "ESPN"); None when it opens with a person, a staff role or another
    outlet's staff ("CNN's Jane Roe"). ``whole``: the words are the name and nothing else."""
    if words and words[0].casefold() == "the":
        words = words[1:]
    for n in range(min(4, len(words)), 0, -1):
        if whole and n < len(words):
            break
        cand, rest = " ".join(words[:n]), words[n:]
        poss = re.search(r"['’]s?$", cand)
        cand = re.sub(r"['’]s?$", "", cand)
        if not (poss or not rest or rest[0].casefold() in cues.CONTRIBUTOR_ROLES):
            continue
        name = agency_name(cand) or (
            table.spelling(cand) if n > 1 or re.fullmatch(r"[A-Z]{2,}|\w+[a-z][A-Z]\w*", cand) else None
        )
        if not (name or is_station(cand)):
            continue
        # a wire in any form; another outlet only as the whole subject ("ESPN contributed to this report"):
        # "ABC News' Jane Roe contributed" is mostly the page's own staff, so no lender
        return name or cand if not (rest or poss) or (name and table.is_wire(name)) else None
    return None


def contributors(text: str, table: Names) -> list[str]:
    """Agencies and outlets a contribution line credits: "Associated Press writer Jane Roe contributed to this
    report.", "CNN and WXYZ-TV contributed to this report.", "Information from the Associated Press was used in
    this story." (a lender, never the outlet)."""
    out: list[str] = []
    for m in cues.CONTRIBUTED.finditer(text):
        if m["who"]:
            subjects = [m["who"]]
        else:
            before = text[max(0, m.start() - 300) : m.start()]
            subjects = [before[s.end() :] for s in cues.CONTRIBUTED_START.finditer(before)]
        for subj in subjects:
            parts = [p.split() for p in re.split(r"\s*(?:,|\band\b)\s*", subj.strip()) if p.strip()]
            names = [_lender(p, table, whole=True) for p in parts] if len(parts) > 1 else []
            if not (names and all(names)):
                names = [_lender(subj.split(), table)]
            if all(names):
                out.extend(n for n in names if n and n not in out)
                break
    return out


def _agency(token: str, short: bool) -> str | None:
    """An agency's name for a sign's token ("dpa", "EFE", "apa", "Dpa"); two letters only if ``short`` (allowed)."""
    if len(token) < 2 or (len(token) < 3 and not short):
        return None
    hit = agency_name(token)
    if hit is None and len(token) >= 3 and (token.islower() or token.istitle()):
        hit = agency_name(token.upper()) or agency_name(token.lower())
    return hit


def closing_credits(last: str, table: Names) -> list[str]:
    """The agencies (and table names beside them) of the sign closing a text's last paragraph: "(dpa/les)",
    "RND/dpa", ". EFE", "(sda/afp)", "Quelle: AP", "Kaynak: AA".  Author initials beside them are skipped;
    anything else in the sign (a word, a name) makes it no sign.  A credit phrase after the sign ("EFE Con
    información de EFE", also cut short: "... de EF") is read as a source, and the sign before it as well."""
    w = cues.CLOSING_WITH.search(last[-80:])
    if w is not None:
        lent = _sign_names(w["sig"], False, table)
        before = last[: len(last) - len(last[-80:]) + w.start()].rstrip()
        return list(dict.fromkeys([*(closing_credits(before, table) if before else []), *lent]))
    m = cues.CLOSING_SOURCE.search(last)
    sig = m["sig"] if m else None
    short = m is not None and m["sig"].strip() in cues.SHORT_SOURCE_AGENCIES.get(m["label"].lower(), ())
    if sig is None:
        m = cues.CLOSING_SIGN.search(last[-60:])
        sig = m["sig"] if m else None
    if not sig:
        return []
    return _sign_names(sig, short, table)


def _sign_names(sig: str, short: bool, table: Names) -> list[str]:
    """The agencies (and table names beside them) of one closing sign's text; [] when it is no sign."""
    out: list[str] = []
    agencies = 0
    for part in (p.strip() for p in re.split(r"\s*(?:/|,|\band\b|\bund\b)\s*", sig) if p.strip()):
        hit = _agency(part, short) or table.spelling(part)
        wire = hit is not None and (agency_name(hit) is not None or table.is_wire(hit))
        if not short and (len(part) < 3 or re.fullmatch(r"[A-ZÀ-Þ]{3,5}", part) and not wire):
            continue  # (initials: "KRW/dpa", "ap" closing an Austrian text; two capitals may be a cut "PAP")
        agencies += wire
        if hit:
            out.append(hit)
        elif not re.fullmatch(r"[a-zà-ÿ]{2,4}", part):  # (author initials: "les", "rm", "dk")
            return []
    return list(dict.fromkeys(out)) if agencies else []
