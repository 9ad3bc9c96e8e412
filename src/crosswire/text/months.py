"""Month names and their abbreviations in the languages crosswire reads, with their numbers."""

from __future__ import annotations

__all__ = ["MONTHS", "MONTH_NAMES"]

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

# the months as each language writes them in full (folded), for telling "10 février" from a count
# fmt: off
MONTH_NAMES: dict[str, frozenset[str]] = {
    "fr": frozenset("janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split()),
    "es": frozenset("enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
                    "diciembre".split()),
    "de": frozenset("januar jaenner februar maerz marz april mai juni juli august september oktober november "
                    "dezember".split()),
    "it": frozenset("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
                    "dicembre".split()),
    "pt": frozenset("janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro "
                    "dezembro".split()),
}
# fmt: on
