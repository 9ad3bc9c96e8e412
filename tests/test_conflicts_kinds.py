"""Conflicts of every kind, in every language crosswire reads: attributes (origin years, posts,
days), durations, the critically injured, denials in en, fr, de, es and negated restatements.

Every article here is fictional and written for these tests.  Each kind has a case that must
raise a conflict and one close to it that must not.
"""

from __future__ import annotations

from crosswire import facts
from crosswire.facts.attributes import event_days, job_titles, origin_years
from crosswire.facts.denials import DENIAL_ANY, DENIED_BY_ANY
from crosswire.model import Article


def art(aid: str, text: str, language: str = "en", published: str | None = "2031-05-14") -> Article:
    return Article(id=aid, text=text, published=published, language=language)


def conflicts(*arts: Article):
    return facts.analyze(list(arts), [], embedder=False, entities=[]).conflicts


def sides_hold(conflict, *needles: str) -> bool:
    """Does every needle appear in a different side's cited sentences?"""
    texts = [" ".join(c.text for c in s.citations) for s in conflict.sides]
    return all(any(n in t for t in texts) for n in needles) and len(conflict.sides) >= 2


# --- origin years -----------------------------------------------------------------------------------


def test_founding_year_read_with_its_subject():
    assert origin_years("Founded in 1987, Tallowmere Press said it printed 40 titles.") == \
        [("founded", "1987", "Tallowmere Press")]
    assert origin_years("The press, which Tallowmere Press says was founded in 1987, prints maps.")[0][1] == "1987"
    assert origin_years("Die Brauerei Kessler wurde 1911 gegründet.")[0][1] == "1911"
    assert origin_years("La maison Verdal, fondée en 1902, ferme ses portes.")[0][:2] == ("founded", "1902")
    assert origin_years("It was a cold year.") == []


def test_two_founding_years_are_a_conflict():
    a = art("a1", "Founded in 1987, Tallowmere Press said it would close its last shop on Friday. "
                  "The closure ends a long run for the printer.")
    b = art("b1", "Tallowmere Press, which was founded in 1988, will close its last shop this week. "
                  "Its owners blamed rising paper costs.")
    found = [c for c in conflicts(a, b) if "founded" in c.about]
    assert len(found) == 1 and sides_hold(found[0], "1987", "1988")
    assert "Tallowmere Press" in found[0].about


def test_same_founding_year_or_other_things_no_conflict():
    a = art("a1", "Founded in 1987, Tallowmere Press said it would close its last shop on Friday.")
    b = art("b1", "Tallowmere Press, which was founded in 1987, will close its last shop this week. "
                  "Its rival, Orvel Books, founded in 1990, stays open.")
    assert not [c for c in conflicts(a, b) if "founded" in c.about]


# --- posts ----------------------------------------------------------------------------------------


def test_job_titles_read():
    assert job_titles("Chief Financial Officer Dana Pell said sales fell.") == \
        [("chief financial officer", "Dana Pell")]
    assert job_titles("Dana Pell, Quorvo's acting chief executive, said sales fell.") == \
        [("chief executive", "Dana Pell")]
    assert job_titles("Former CEO Dana Pell left in May.") == []
    assert job_titles("Chairman and CEO Dana Pell spoke.") == []
    assert job_titles("Le PDG Jean Morvan a parlé.") == [("chief executive", "Jean Morvan")]


def test_two_posts_of_one_person_are_a_conflict():
    a = art("a1", "Dana Pell, Quorvo's acting chief executive, said the company would cut 200 jobs.")
    b = art("b1", "In a filing, Chief Financial Officer Dana Pell said the cuts would save money.")
    found = [c for c in conflicts(a, b) if "post of" in c.about]
    assert len(found) == 1 and sides_hold(found[0], "chief executive", "Chief Financial Officer")


def test_posts_of_two_people_no_conflict():
    a = art("a1", "Dana Pell, Quorvo's chief executive, said the company would cut 200 jobs.")
    b = art("b1", "Chief Financial Officer Omar Reyes said the cuts would save money.")
    assert not [c for c in conflicts(a, b) if "post of" in c.about]


# --- days -----------------------------------------------------------------------------------------


def test_event_days_skip_the_day_of_telling():
    assert [d[1] for d in event_days("The ferry sank on Friday night, the coastguard said on Sunday.")] == ["4"]
    assert [d[1] for d in event_days("She was still missing as of Monday afternoon.")] == []
    assert [d[1] for d in event_days("The bridge closed on March 3.")] == ["03-03"]


def test_one_event_on_two_days_is_a_conflict():
    a = art("a1", "The old grain barge sank in the harbour channel on Friday night after striking the pier.")
    b = art("b1", "The old grain barge sank in the harbour channel on Saturday night, striking the pier first.")
    found = [c for c in conflicts(a, b) if c.kind == "date"]
    assert len(found) == 1 and sides_hold(found[0], "Friday", "Saturday")


_DAY_AND_DATE = """
from crosswire import facts
from crosswire.model import Article
a = Article(id="a1", text="The old grain barge sank in the harbour channel on Friday, March 6, after hitting a pier.",
            published="2031-03-09", language="en")
b = Article(id="b1", text="The old grain barge sank in the harbour channel on Saturday, March 7, striking the pier.",
            published="2031-03-09", language="en")
print([c.about for c in facts.analyze([a, b], [], embedder=False, entities=[]).conflicts if c.kind == "date"])
"""


def test_a_day_and_date_conflict_reads_the_same_in_every_process():
    """A sentence giving a weekday and a date: the conflict names the dates, whatever the process's
    string hash order (it used to follow the iteration order of a set of strings)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[1] / "src")
    outs = set()
    for seed in ("0", "3"):  # two hash seeds that order {"date", "weekday"} differently
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": src}
        outs.add(subprocess.run([sys.executable, "-c", _DAY_AND_DATE], env=env, capture_output=True, text=True,
                                check=True).stdout.strip())
    assert len(outs) == 1
    (out,) = outs
    assert "date of the old grain barge" in out and "March 6 or March 7" in out


def test_two_events_on_two_days_no_conflict():
    a = art("a1", "The old grain barge sank in the harbour channel on Friday night.")
    b = art("b1", "Divers began lifting the cargo from the harbour on Sunday morning.")
    assert not [c for c in conflicts(a, b) if c.kind == "date"]
    c = art("c1", "The council on Monday cancelled the harbour budget vote after it became clear it would fail.")
    d = art("d1", "Her decision to cancel Tuesday's harbour budget vote at the last minute angered the council.")
    assert not [x for x in conflicts(c, d) if x.kind == "date"]
    e = art("e1", "The harbour master said the council held the budget vote on Monday after a long debate.")
    f = art("f1", "Reporters gathered at the harbour on Tuesday as the council debated the budget vote.")
    assert not [x for x in conflicts(e, f) if x.kind == "date"]


# --- durations and the critically injured -----------------------------------------------------------


def test_running_times_are_a_conflict():
    a = art("a1", "The film is a quiet western. Running time: 1 hour 42 minutes.")
    b = art("b1", "The film is a slow western. Running time: 118 minutes.")
    found = [c for c in conflicts(a, b) if c.kind == "number"]
    assert len(found) == 1 and sides_hold(found[0], "1 hour 42", "118")


def test_same_running_time_no_conflict():
    a = art("a1", "The film is a quiet western. Running time: 1 hour 42 minutes.")
    b = art("b1", "The film is a slow western. Running time: 102 minutes.")
    assert not [c for c in conflicts(a, b) if c.kind == "number"]


def test_critically_injured_counted_apart():
    a = art("a1", "Of the nine people taken to hospital after the crash, three were in critical condition, "
                  "officials said.")
    b = art("b1", "Besides the two killed in the crash, four people were critically injured and 11 were treated "
                  "for cuts, a hospital spokesman said.")
    found = [c for c in conflicts(a, b) if c.kind == "number"]
    assert len(found) == 1 and "critically" in found[0].about
    assert sides_hold(found[0], "three were in critical", "four people were critically")


# --- denials in every language -----------------------------------------------------------------------


def test_denial_words_in_each_language():
    for text in ("Paris a démenti ces informations.", "Das Ministerium wies die Vorwürfe entschieden zurück.",
                 "El gobierno negó la versión.", "The ministry denied the report."):
        assert DENIAL_ANY.search(text), text
    m = DENIED_BY_ANY.search("Des propos aussitôt démentis par Paris.")
    assert m is not None and m.group(1) == "Paris"


def test_french_denial_is_a_conflict():
    a = art("a1", "Le ministère valdorien des Affaires étrangères a affirmé mardi que les deux gouvernements "
                  "avaient accepté de rouvrir la frontière. Le gouvernement karslandais a démenti ces "
                  "informations mercredi.", language="fr")
    found = [c for c in conflicts(a) if c.kind in ("denial", "claim")]
    assert len(found) == 1 and sides_hold(found[0], "rouvrir la frontière", "démenti")


def test_german_denial_is_a_conflict():
    a = art("a1", "Das valdorische Außenministerium erklärte am Dienstag, beide Regierungen hätten sich auf die "
                  "Öffnung der Grenze geeinigt. Die Regierung in Karsland wies diese Darstellung am Mittwoch "
                  "zurück.", language="de")
    found = [c for c in conflicts(a) if c.kind in ("denial", "claim")]
    assert len(found) == 1 and sides_hold(found[0], "Öffnung der Grenze", "zurück")


def test_spanish_denial_is_a_conflict():
    a = art("a1", "El ministerio valdoriano de Exteriores afirmó el martes que ambos gobiernos habían acordado "
                  "reabrir la frontera. El gobierno de Karsland negó esa versión el miércoles.", language="es")
    found = [c for c in conflicts(a) if c.kind in ("denial", "claim")]
    assert len(found) == 1 and sides_hold(found[0], "reabrir la frontera", "negó")


def test_refusal_is_no_denial():
    a = art("a1", "El juez afirmó el martes que el acusado seguirá en prisión. El tribunal rechazó la "
                  "petición de libertad bajo fianza.", language="es")
    b = art("b1", "The mayor said on Tuesday the plant would stay open. The council approved the budget.")
    assert not [c for c in conflicts(a) + conflicts(b) if c.kind in ("denial", "claim")]


def test_negated_restatement_is_a_conflict():
    a = art("a1", "The Harbour Gazette reported that the mayor had met with the developer Ilse Brandt in May. "
                  "The mayor has not commented on the plans. In fact, she insists she didn't meet Brandt.")
    found = [c for c in conflicts(a) if c.kind == "denial"]
    assert len(found) == 1 and sides_hold(found[0], "had met with", "didn't meet Brandt")


def test_negation_of_another_thing_no_conflict():
    a = art("a1", "The mayor met with the developer Ilse Brandt in May. "
                  "She said she didn't meet the council's auditors.")
    assert not [c for c in conflicts(a) if c.kind == "denial"]
