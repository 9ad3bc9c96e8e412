"""A headline glued to the report's first sentence, and where the report really starts.

Pages and feeds often give a report's text with its headline run into the lead, without a
full stop or a line break between them:

* a wire dateline after the headline: "Zoo fire kills dozens of animals in Germany
  BERLIN.- A fire at a zoo ...", "Dozens of animals die in zoo fire PARIS (AFP) - ...";
* a headline without final punctuation followed by a sentence that opens with a determiner:
  "Dozens of animals die in zoo fire The fire broke out ...", German "Neuer Chef soll
  Renault retten Der frühere ...".

:func:`glued_headline` finds the point where the lead starts; the cleaner then takes the part
before it as the title (or drops it as the title again) and keeps the lead as the first
sentence, so the headline and the lead are not read as one sentence stating both.

The evidence is data per language: the words a lead sentence opens with (``OPENERS``), read
only where a capitalised determiner cannot be inside a sentence (after a content word, with a
lower-case word after it except in German, whose nouns are capitalised).
"""

from __future__ import annotations

import re

from crosswire.read.meta import agency_name, is_station, parse_dateline
from crosswire.text.langid import FUNCTION_WORDS

__all__ = ["glued_headline", "title_line", "LEAD_WORDS", "OPENERS", "TITLE_CASE"]

# Capitalised words a news lead often opens with, which inside a sentence are written in lower case
# (determiners).  Words that also start names ("El Paso", "La Paz", "Des Moines", "Al Jazeera") need a
# lower-case word after them in every language but German, where every noun is capitalised.
# fmt: off
OPENERS: dict[str, frozenset[str]] = {
    "en": frozenset({"The", "A", "An"}),
    "es": frozenset({"El", "La", "Los", "Las", "Un", "Una", "Unos", "Unas"}),
    "fr": frozenset({"Le", "La", "Les", "Un", "Une", "Des"}),
    "de": frozenset({"Der", "Die", "Das", "Ein", "Eine", "Einen", "Den", "Dem", "Im", "Am", "Beim", "Vom", "Zum",
                     "Zur"}),
    "it": frozenset({"Il", "Lo", "La", "Gli", "Le", "Un", "Una", "Uno"}),
    "pt": frozenset({"O", "A", "Os", "As", "Um", "Uma"}),
}
# Prepositions and conjunctions a lead often opens with ("To cover the vote, ...", "After the storm, ..."): capitalised
# after a word in lower case and before one ("... spot voting problems To covering the vote ...") they can only
# start a sentence; after a capitalised word they are a title's ("Born To Run", "Man Shot At Gas Station").
LEAD_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"In", "On", "At", "For", "To", "With", "As", "After", "When", "While", "Despite", "Following",
                     "Before", "During", "Since", "Amid", "Until"}),
}
# fmt: on
CAPITAL_NOUNS = {"de"}  # languages whose nouns are capitalised: the word after an opener may be too

MIN_HEAD_WORDS = 3  # a headline has at least this many words ...
MAX_HEAD_WORDS = 22  # ... and at most this many
MIN_LEAD_WORDS = 8  # the lead after it is a real sentence of at least this many words
_SCAN_WORDS = MAX_HEAD_WORDS + 1

_WORD = re.compile(r"\S+")
_END = re.compile(r"[.!?…:;,\-–—\"'”’»)]$")
# a sentence ending inside the headline (not an abbreviation's point: "Georgia vs. Baylor", "Dr. Roe")
_INNER_STOP = re.compile(r"(?<!\bvs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\b[A-Z])[.!?…][\"'”’»)]*\s+\S")


def _head_ok(head: str, language: str | None) -> bool:
    """Could the text before a split point be a headline on its own?"""
    ws = head.split()
    if not MIN_HEAD_WORDS <= len(ws) <= MAX_HEAD_WORDS:
        return False
    if not ws[0][:1].isupper() and not ws[0][:1].isdigit() and ws[0][:1] not in "¿¡\"“«'‘":
        return False
    if _END.search(head) or _INNER_STOP.search(head):  # a sentence (or a list) ends there: no glued headline
        return False
    if not any(c.islower() for c in head) or _unbalanced(head):  # all capitals; a quotation still open
        return False
    last = ws[-1]
    function = FUNCTION_WORDS.get((language or "").split("-")[0], frozenset())
    # "a report by The", "ein Bericht in Der": a determiner after a function word names a work or a paper
    return not (last.islower() and (last in function or len(last) <= 2))


def _unbalanced(head: str) -> bool:
    """Does a quotation or a bracket opened in the text stay open ('The trailer for "Star Wars: Episode')?"""
    return (
        head.count('"') % 2 == 1
        or (head.count("“") + head.count("”") + head.count("„")) % 2 == 1
        or head.count("«") > head.count("»")
        or head.count("(") > head.count(")")
    )


def _lead_ok(rest: str) -> bool:
    words = rest.split()
    if len(words) < MIN_LEAD_WORDS:
        return False
    return bool(re.search(r"[.!?…][\"'”’»)]*(?:\s|$)", rest))


def glued_headline(text: str, language: str | None) -> tuple[int, bool] | None:
    """Where the report starts in a first paragraph that opens with its headline, and whether a
    dateline starts it there; None when the paragraph does not open with a headline.

    The point is the start of a wire dateline ("BERLIN.-", "PARIS (AFP) -") or of a capitalised
    determiner of ``language`` (``OPENERS``) right after a headline-shaped run of words: 3 to
    ``MAX_HEAD_WORDS`` words, no sentence ending inside or at its end, not ending with a function
    word; and a sentence of ``MIN_LEAD_WORDS`` words or more follows.
    """
    lang = (language or "").split("-")[0]
    openers = OPENERS.get(lang, frozenset())
    function = FUNCTION_WORDS.get(lang, frozenset())
    if parse_dateline(text) is not None:  # "SEOUL, South Korea (AP) -": the text opens with its dateline
        return None
    tokens = list(_WORD.finditer(text))[: _SCAN_WORDS + 1]
    for k, m in enumerate(tokens):
        if k < MIN_HEAD_WORDS:
            continue
        word = m.group(0)
        if not (word[:1].isupper() or word[:2] == "(" + word[1:2].upper() and word[1:2].isalpha()):
            continue
        head = text[: m.start()].rstrip()
        dateline = _dateline_at(text, tokens, k)
        if dateline is not None:
            start, end = dateline
            if _head_ok(text[:start].rstrip(), language) and _lead_ok(text[end:]):
                return start, True
            continue
        lead_word = word in LEAD_WORDS.get(lang, ()) and tokens[k - 1].group(0)[-1:].islower()  # after a word
        if not (word in openers or lead_word) or k + 1 >= len(tokens):
            continue
        nxt = tokens[k + 1].group(0)
        if not nxt[:1].isalpha() or (nxt.lower() in function and not lead_word):  # "Plan A for next season"
            continue
        if nxt[:1].isupper() and lang not in CAPITAL_NOUNS:  # "El Paso", "The Washington Post"
            continue
        if _head_ok(head, language) and _lead_ok(text[m.start() :]):
            return m.start(), False
    return None


def _dateline_at(text: str, tokens: list[re.Match[str]], k: int) -> tuple[int, int] | None:
    """(start, end) of a wire dateline that starts at token k, read from its shortest place: a place
    in capitals ("BERLÍN.-", "PASADENA, Calif. (AP) -") or known agencies ("Berlin (dpa) -"), and a
    capitalised first word after it.  None when there is none there."""
    found = parse_dateline(text[tokens[k].start() :])
    if found is None:
        return None
    end = tokens[k].start() + found.end
    # "Party Exits EPP (Bloomberg) --": the place is the last words before the credit that still parse
    for n in range(k + 1, len(tokens)):
        if tokens[n].start() >= end:
            break
        if tokens[n - 1].group(0).endswith(",") or tokens[n - 1].group(0)[:1].isdigit():
            continue  # inside the dateline's date: "Roma, 4 mar (EFE).-"
        if tokens[n].group(0).startswith("(") and tokens[n - 1].group(0).endswith("."):
            break  # the credit after an abbreviated state: its place is before it ("PASADENA, Calif. (AP) -")
        again = parse_dateline(text[tokens[n].start() :])
        if again is not None and tokens[n].start() + again.end == end:
            k, found = n, again
    # ... with the whole of a place in capitals ("EL SEGUNDO, Calif. (AP) -")
    while (
        k > MIN_HEAD_WORDS
        and _caps_place(tokens[k - 1].group(0))
        and not tokens[k - 1].group(0).endswith(".")  # "in northern B.C. VANCOUVER -"
    ):
        again = parse_dateline(text[tokens[k - 1].start() :])
        if again is None or tokens[k - 1].start() + again.end != end:
            break
        k, found = k - 1, again
    first = tokens[k].group(0)
    # an agency's credit or a station's name ("LOS ANGELES (KABC) --"), not "(DSGVO)", "SG (E-53)"
    known = bool(found.credits) and all(agency_name(c) or is_station(c) for c in found.credits)
    if found.credits and not known:
        return None
    if not (known or _caps_place(first) and not first.startswith("(")):
        return None
    after = text[end:].lstrip()
    if not after or not (after[:1].isupper() or after[:1].isdigit() or after[:1] in "\"“«'‘"):
        return None
    return tokens[k].start(), end


def _caps_place(word: str) -> bool:
    """A dateline's place in capitals ("BERLÍN.-", "NEW"), not a capitalised word."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


TITLE_CASE = {"en"}  # languages whose headlines capitalise every major word
_MIN_RECASED = 2  # capitalised words of the line that the text never writes with a capital
MAX_TITLE_WORDS = 14


def title_line(line: str, body: str, language: str | None) -> bool:
    """Is a short first line ending like a sentence a headline in title case ("Renault Chooses
    Volkswagen Executive as New C.E.O.")?  Its longer words are capitalised; the text below writes
    one of them in lower case ("executive") and at least two never with a capital ("Chooses",
    "Executive"), where a lead naming people and places repeats their names as they are."""
    if (language or "").split("-")[0] not in TITLE_CASE:
        return False
    ws = line.split()
    if not 3 <= len(ws) <= MAX_TITLE_WORDS or _INNER_STOP.search(line):
        return False
    long = [w.strip("\"'“”‘’,:;.!?()") for w in ws[1:]]
    long = [w for w in long if len(w) >= 4 and w[:1].isalpha()]
    if len(long) < 2 or sum(w[:1].isupper() for w in long) < 0.8 * len(long):
        return False
    function = FUNCTION_WORDS["en"]
    lower = set(re.findall(r"\b[a-z][a-z’'\-]+\b", body))
    upper = {w.lower() for w in re.findall(r"(?<=[\w,;:)] )[A-Z][\w’'\-.]*", body)}
    capitalised = {w.lower() for w in long if w[:1].isupper() and w.lower() not in function}
    return bool(capitalised & lower) and len(capitalised - upper) >= _MIN_RECASED
