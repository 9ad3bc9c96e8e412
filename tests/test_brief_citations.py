"""A summary line cites only reports that say what the line says (fictional reports written here)."""

from __future__ import annotations

from crosswire import copies
from crosswire import facts
from crosswire.brief import build_brief
from crosswire.model import Article

LEAD = ("A storm flooded the low streets of Marlow on Sunday, forcing {n} families from their homes, "
        "the town council said.")


def test_a_line_never_cites_a_report_giving_another_figure():
    arts = [Article(id=k, language="en", text=LEAD.format(n=n) + "\n\n" + rest)
            for k, n, rest in (("a", 120, "Firefighters used boats to reach older residents, fire chief Ana Roth said."),
                               ("b", 125, "Firefighters used boats to reach older residents, fire chief Ana Roth said."),
                               ("c", 120, "The river is expected to fall by Wednesday, officials said."))]
    groups = copies.find_copies(arts)
    sheet = facts.analyze(arts, groups, embedder=False)
    brief = build_brief(arts, groups, sheet, words=120)
    said = {a.id: a.text for a in arts}
    for line in brief.summary:
        for figure in ("120", "125"):
            if figure in line.text:
                for c in line.citations:
                    assert figure in said[c.article].split("\n\n")[0] or c.sentence != 0, (line.text, c)
    assert any(k.kind == "number" for k in sheet.conflicts)
