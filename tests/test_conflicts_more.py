"""Conflicts over figures of every kind, quote speakers, and readable conflict descriptions.

Every article here is fictional and written for these tests.  A conflict is raised
only for figures of one counted thing, in one frame, that cannot both be true;
agreeing figures, updates and figures of different subjects are not conflicts.
"""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.model import Article
from crosswire.facts.numbers import find_numbers
from crosswire.text.sentences import article_sentences


def art(aid: str, text: str, published: str | None = "2031-05-14") -> Article:
    return Article(id=aid, text=text, published=published, language="en")


def analyze(*arts: Article):
    return facts.analyze(list(arts), [], embedder=False)


def numbers(sheet):
    return [c for c in sheet.conflicts if c.kind == "number"]


def cited(side) -> set[str]:
    return {c.article for c in side.citations}


def check_citations(sheet, arts) -> None:
    by_id = {a.id: article_sentences(a) for a in arts}
    for c in sheet.conflicts:
        assert len(c.sides) >= 2, c
        for s in c.sides:
            assert s.citations
            for x in s.citations:
                assert by_id[x.article][x.sentence].text == x.text


def one_number_conflict(*arts: Article):
    sheet = analyze(*arts)
    found = numbers(sheet)
    assert len(found) == 1, [(c.about, [s.claim for s in c.sides]) for c in sheet.conflicts]
    check_citations(sheet, arts)
    return found[0]


# --- figures read ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Ilse Vass received 9,120 votes and Piet Arnow 8,880, a margin of 240.", {("votes", 9120), ("votes", 8880)}),
    ("Her lead is 90 votes, not the 240 announced.", {("votes", 90), ("votes", 240)}),
    ("The council will build 450 council flats.", {("flats", 450)}),
    ("The driver, aged 47, was arrested.", {("age", 47)}),
    ("A 52-year-old driver was arrested.", {("age", 52)}),
    ("Between 3,000 and 4,000 people marched.", {("people", 3000)}),
    ("No more than a quarter of trains ran.", {("percent", 25)}),
    ("Fewer than one in ten trains ran.", {("percent", 10)}),
    ("The 120-seat chamber met.", {("seat", 120)}),
])
def test_what_a_figure_counts(text, expected):
    assert {(f.what, f.value) for f in find_numbers(text)} == expected


def test_ranges_and_disputed_figures_are_marked():
    rng = find_numbers("Between 3,000 and 4,000 people marched.")[0]
    assert (rng.low, rng.high, rng.qualifier) == (3000, 4000, "between")
    figs = {f.value: f for f in find_numbers("Her lead is 90 votes, not the 240 announced, up from 60.")}
    assert figs[240].disputed and not figs[90].disputed
    assert figs[60].previous


# --- figures beyond casualties that cannot both be true --------------------------------------


COMMISSION = art("commission", "The recount in Dunmore gave Mayor Ilse Vass 9,120 votes and her rival Piet Arnow "
                               "8,880, a margin of 240 votes, the election board said on Monday.")
OPPOSITION = art("opposition", "The Arnow campaign said on Tuesday that its own tally of the Dunmore recount "
                               "puts Mayor Ilse Vass ahead by just 90 votes, not the 240 announced by the "
                               "election board.")


def test_a_margin_disputed_by_name_is_a_conflict_with_both_sides_attributed():
    c = one_number_conflict(COMMISSION, OPPOSITION)
    sides = {frozenset(cited(s)): s for s in c.sides}
    assert set(sides) == {frozenset({"commission"}), frozenset({"opposition"})}
    assert "240" in sides[frozenset({"commission"})].claim
    assert sides[frozenset({"commission"})].attributed_to == "election board"
    assert "Arnow" in (sides[frozenset({"opposition"})].attributed_to or "")
    assert "votes" in c.about and "240" in c.about and "90" in c.about


@pytest.mark.parametrize("a, b, word", [
    # seats
    ("The Green League won 34 seats in the 101-seat Velm assembly in Sunday's election, officials said.",
     "The Green League won 31 seats in the 101-seat Velm assembly in Sunday's election, its leader said.", "seats"),
    # money, same currency
    ("The city paid $2.4 million for the new Orvel footbridge, which opened on Friday, the council said.",
     "The city paid $3.1 million for the new Orvel footbridge, which opened on Friday, a local paper found.", "$"),
    # percentages of one quantity
    ("Turnout in the Velm regional election was 61 percent, the electoral office said.",
     "Turnout in the Velm regional election was 48 percent, according to observers.", "percent"),
    # ages
    ("Police in Orvel arrested the driver of the lorry, aged 47, at the scene of the crash on Friday.",
     "Police in Orvel arrested the 52-year-old driver of the lorry at the scene of the crash on Friday.", "age"),
    # durations in different units
    ("The talks between the Orvel dock workers and the port authority lasted 90 minutes on Friday.",
     "The talks between the Orvel dock workers and the port authority lasted three hours on Friday.", "how long"),
])
def test_figures_of_one_thing_that_cannot_both_be_true(a, b, word):
    c = one_number_conflict(art("a", a), art("b", b))
    assert [cited(s) for s in c.sides] == [{"a"}, {"b"}]
    assert word in c.about


def test_a_party_disputing_the_figure_given_just_before_in_the_same_report():
    a = art("a", "The operator said it had run about 40 percent of its trains on Tuesday.\n\n"
                 "The drivers' union disputed that figure, saying no more than a quarter of trains had left "
                 "their depots.")
    c = one_number_conflict(a)
    assert len(c.sides) == 2 and all(cited(s) == {"a"} for s in c.sides)
    assert c.sides[0].attributed_to == "operator"
    assert "union" in (c.sides[1].attributed_to or "")


def test_a_date_of_one_event_given_differently_is_a_date_conflict():
    a = art("a", "The new Orvel footbridge was opened to the public on 4 May 2031, the council said.")
    b = art("b", "The new Orvel footbridge was opened to the public on 6 May 2031, the council said.")
    sheet = analyze(a, b)
    dates = [c for c in sheet.conflicts if c.kind == "date"]
    assert len(dates) == 1 and [cited(s) for s in dates[0].sides] == [{"a"}, {"b"}]


# --- ... and figures that can ------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [
    # qualifiers and approximations
    ("At least 144 people were killed in the attack on the Orvel concert hall, officials said.",
     "More than 140 people were killed in the attack on the Orvel concert hall, officials said."),
    ("About 3,000 people marched through Velm on Saturday against the new port tax, police said.",
     "Some 3,100 people marched through Velm on Saturday against the new port tax, organisers said."),
    # a range and a figure inside it
    ("Between 3,000 and 4,000 people marched through Velm on Saturday against the port tax, police said.",
     "3,500 people marched through Velm on Saturday against the port tax, organisers said."),
    # the same duration in other units
    ("The talks between the Orvel dock workers and the port authority lasted 90 minutes on Friday.",
     "The talks between the Orvel dock workers and the port authority lasted 1.5 hours on Friday."),
    # different days: an update, not a contradiction
    ("Twelve people were killed in the Velm floods on Monday, the regional governor said.",
     "Fifteen people were killed in the Velm floods by Wednesday, the regional governor said."),
    # a later toll that the report itself calls a rise
    ("Twelve people were killed in the Velm floods, the regional governor said.",
     "The death toll from the Velm floods rose to 15, the regional governor said."),
    # different subjects
    ("In the Dunmore recount, Mayor Ilse Vass received 9,120 votes, the election board said.",
     "In the Dunmore recount, challenger Piet Arnow received 8,880 votes, the election board said."),
    # money in two currencies is not compared
    ("The city paid $2.4 million for the new Orvel footbridge, the council said.",
     "The city paid €3.1 million for the new Orvel footbridge, the council said."),
    # unrelated figures of one noun in different sentences
    ("The mayor's office in Dunmore, a town of 40,000 people, has been held by one party for 12 years.",
     "Vass promised during the campaign to build 600 new homes within 5 years."),
])
def test_figures_that_can_both_be_true_are_not_a_conflict(a, b):
    sheet = analyze(art("a", a), art("b", b))
    assert numbers(sheet) == [], [(c.about, [s.claim for s in c.sides]) for c in sheet.conflicts]


def test_the_same_figure_in_every_report_is_not_a_conflict():
    a = art("a", "The Green League won 34 seats in the 101-seat Velm assembly, officials said.")
    b = art("b", "With 34 seats in the 101-seat assembly, the Green League is the largest party in Velm.")
    assert numbers(analyze(a, b)) == []


def test_figures_of_a_past_year_are_not_set_against_the_present():
    a = art("a", "A Velm marksman set a new national record on Friday, hitting a target at a distance of "
                 "3,540 metres.", published=None)
    b = art("b", "In 2002 a Velm marksman set the national record, hitting a target at a distance of "
                 "2,300 metres.", published=None)
    assert numbers(analyze(a, b)) == []


def test_the_same_dispute_in_two_reports_is_one_conflict():
    a = art("a", "The operator said it had run about 40 percent of its trains on Tuesday.\n\n"
                 "The drivers' union disputed that figure, saying no more than a quarter of trains had run.")
    b = art("b", "The operator says four in ten of its trains were running on Tuesday.\n\n"
                 "The drivers' union says the real figure is closer to one in four.")
    c = one_number_conflict(a, b)
    assert [cited(s) for s in c.sides] == [{"a", "b"}, {"a", "b"}]
    assert "percent" in c.about


# --- quote speakers ---------------------------------------------------------------------------


def speakers(*arts: Article) -> dict[str, str | None]:
    return {q.text: q.speaker for q in analyze(*arts).quotes}


def test_the_speaker_is_who_speaks_not_the_party_addressed():
    a = art("a", 'Harbour chief Ona Velde called on the dockers\' union to "end the blockade before the '
                 'grain ships rot in the bay".\n\n'
                 'Velde told the union that "nobody wins a strike that empties the harbour".\n\n'
                 '"The offer on the table is the last one we can make," the union was told by Velde.')
    got = speakers(a)
    assert got["end the blockade before the grain ships rot in the bay"] == "Harbour chief Ona Velde"
    assert "Velde" in (got["nobody wins a strike that empties the harbour"] or "")
    assert got["The offer on the table is the last one we can make"] in ("Velde", "Ona Velde")  # short or full name


def test_a_quote_over_several_sentences_is_one_quote_with_its_speaker():
    a = art("a", "The strike entered its third day on Monday.\n\n"
                 "“We did not choose this fight. We will not leave it either,” said union leader Pell Arnoud, "
                 "a crane driver for twenty years.")
    sheet = analyze(a)
    q = next(q for q in sheet.quotes if "choose this fight" in q.text)
    assert "leave it either" in q.text
    assert q.speaker == "union leader Pell Arnoud"
    assert [c.sentence for c in q.citations] == [1, 2]
    check_citations(sheet, [a])


def test_pronouns_go_to_the_last_named_person_not_an_institution():
    a = art("a", "Harbour chief Ona Velde said the port would reopen on Friday.\n\n"
                 "The ministry said it had not been consulted.\n\n"
                 "“We will be ready,” she added.")
    assert speakers(a)["We will be ready"].endswith("Ona Velde")  # with or without her title


def test_said_with_a_possessive_spokesperson_and_an_apposition():
    a = art("a", "“The port stays closed until the inspection ends,” said the mayor's spokesperson.\n\n"
                 "“Nobody told us anything about a closure,” said Dora Amsel, a baker who lives by the quay.")
    got = speakers(a)
    assert got["The port stays closed until the inspection ends"] == "mayor's spokesperson"
    assert got["Nobody told us anything about a closure"] == "Dora Amsel"


def test_a_trimmed_or_lightly_edited_quote_merges_with_all_its_citations():
    a = art("a", 'Velde said: "We will reopen the harbour on Friday, and every ship in the bay will be '
                 'unloaded by Sunday night."')
    b = art("b", '"Every ship in the bay will be unloaded by Sunday night," Velde said.')
    c = art("c", '"We will re-open the harbour on Friday and every ship in the bay will be unloaded by '
                 'Sunday night," said harbour chief Ona Velde.')
    sheet = analyze(a, b, c)
    qs = [q for q in sheet.quotes if "unloaded" in q.text]
    assert len(qs) == 1
    assert set(qs[0].articles) == {"a", "b", "c"} and len(qs[0].citations) == 3
    assert "Velde" in (qs[0].speaker or "")
    check_citations(sheet, [a, b, c])


# --- what a conflict is about -----------------------------------------------------------------


def test_a_denial_says_in_a_few_words_what_is_disputed_and_by_whom():
    a = art("a", "The Valdorian foreign ministry said on Monday that both governments had agreed to reopen "
                 "the border crossing at Tarn within a week.\n\n"
                 "The statement was immediately denied by Karsland.")
    c = next(c for c in analyze(a).conflicts if c.kind == "denial")
    assert c.about.startswith("Valdorian foreign ministry: both governments had agreed to reopen")
    assert c.about.endswith("denied by Karsland")
    assert "said" not in c.about and len(c.about.split()) <= 25


def test_speakers_after_a_place_or_in_a_saying_clause():
    a = art("a", "“Families deserve to know how this happened,” Mayor Tomas Brell said outside the town hall "
                 "on Thursday.\n\n"
                 "Halden Freight rejected the mayor's accusation, saying in a statement that its stocks were "
                 "“within the limits set by the port authority”.")
    got = speakers(a)
    assert got["Families deserve to know how this happened"] == "Mayor Tomas Brell"
    assert got["within the limits set by the port authority"] == "Halden Freight"


def test_a_figure_disputed_by_name_in_the_only_report_is_a_conflict_of_two_parties():
    a = art("a", "The Arnow campaign said on Tuesday that its own tally puts Mayor Ilse Vass ahead by just "
                 "90 votes, not the 240 announced by the election board.")
    c = one_number_conflict(a)
    assert [s.attributed_to for s in c.sides] == ["Arnow campaign", "election board"]
    assert "90" in c.about and "240" in c.about


def test_a_figure_merely_contrasted_is_not_a_conflict():
    a = art("a", "The court in Velm sentenced the driver to five years in prison, not ten as in the first trial.")
    assert numbers(analyze(a)) == []


def test_two_voices_of_one_body_do_not_contradict_each_other():
    a = art("a", "The Dockers' Union of Velm (DUV) has accused the port company of putting safety at risk "
                 "by hiring untrained crane drivers.\n\n"
                 "“Hiring untrained crane drivers is not a solution, it is a safety risk,” DUV secretary "
                 "Pell Arnoud said.")
    assert analyze(a).conflicts == []


def test_according_to_a_named_document_credits_the_document():
    a = art("a", "Neighbour Ada Corr said she heard shouting.\n\n"
                 "According to the arrest report, the man pushed the door open.")
    assert facts.read_story([a], [], False).attribution[1] == "arrest report"


def test_a_denial_of_the_claims_answers_the_sentence_that_makes_them() -> None:
    a = art(
        "a",
        "The Harbour Sharks cheerleaders have settled their pay lawsuit with the team for $200,000, a court said "
        "on Wednesday.\n\nThe class-action suit, filed by a former cheerleader, claimed the women were paid only "
        "$90 per game and nothing for rehearsals.\n\nThe team denies the claims and said it settled to avoid the "
        "cost of a long trial.",
    )
    b = art(
        "b",
        "A judge approved a $200,000 settlement between the Harbour Sharks and their cheerleaders on Wednesday.\n\n"
        "The Sharks said in a statement that they had always paid the squad fairly.",
    )
    denials = [c for c in analyze(a, b).conflicts if c.kind in ("denial", "claim")]
    assert denials, "the team's denial answers the suit's claims"
    claim_side = denials[0].sides[0]
    assert "claimed the women were paid" in claim_side.citations[0].text
    assert not any("settled their pay lawsuit" in c.text for d in denials for s in d.sides for c in s.citations)
