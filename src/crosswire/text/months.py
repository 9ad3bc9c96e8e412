"""Month names and their abbreviations in the languages crosswire reads, with their numbers."""

from __future__ import annotations

__all__ = ["MONTHS"]

MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "january jan janvier janv januar jän enero ene gennaio gen janeiro",
        "february feb février fevrier févr fevr februar febrero febbraio fevereiro fev",
        "march mar mars märz maerz marzo março marco",
        "april apr avril avr abril abr aprile",
        "may mai mayo maggio maio",
        "june jun juin juni junio giugno junho",
        "july jul juillet juil juli julio luglio lug julho",
        "august aug août aout agosto ago",
        "september sep sept septembre septiembre settembre set setembro",
        "october oct octobre oktober okt octubre ottobre ott outubro out",
        "november nov novembre noviembre novembro",
        "december dec décembre decembre déc dezember dez diciembre dic dicembre dezembro",
    ],
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _num
