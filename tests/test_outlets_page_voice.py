"""The publisher a page names in its own voice: its share link, a late dateline, house furniture, a note on its
own video, a byline heading, a contact address; contribution lines credit a lender. And the negatives: another
outlet cited in the text is not the publisher.

Texts written for these tests.
"""

from __future__ import annotations

import pytest

from crosswire.model import Article
from crosswire.read.clean import clean_text
from crosswire.read.outlets import identify

LEAD = "The council met for three hours and voted to close the old bridge to all traffic from next week."
MORE = "Engineers said cracks in two of the supports had grown over the winter months."
LONG = (
    "The mayor said the closure would last at least six months while the supports are rebuilt, and that the "
    "ferry would run every twenty minutes in the meantime to carry people across the river to the market."
)


def _article(text: str, removed: list[str] | None = None, title: str | None = None) -> Article:
    return Article(id="t", text=text, removed=removed or [], title=title, language="en")


def _body(*paras: str) -> str:
    return "\n\n".join(paras)


# --- the page's own share link ------------------------------------------------------------------


def test_share_link_names_its_publisher() -> None:
    art = identify(_article(_body(LEAD, MORE), ["Read or Share this story: https://usat.ly/3qXbRt9"]))
    assert art.outlet == "USA Today"


def test_share_link_of_a_story_address() -> None:
    art = identify(_article(_body(LEAD, MORE), ["Read or Share this story: https://www.varnopost.com/story/a/1"]))
    assert art.outlet == "varnopost.com"


@pytest.mark.parametrize(
    "text, removed",
    [
        # a shortener anyone uses names no one
        (_body(LEAD, MORE), ["Read or Share this story: https://bit.ly/3qXbRt9"]),
        # an ordinary link in the text is another page's
        (_body(LEAD, f"{MORE} The full report is at https://usat.ly/3qXbRt9 on the paper's site."), []),
    ],
)
def test_other_links_name_no_publisher(text: str, removed: list[str]) -> None:
    assert identify(_article(text, removed)).outlet is None


# --- a dateline after the page's highlights ---------------------------------------------------


def test_dateline_after_pull_quotes_and_a_subheading() -> None:
    text = _body(
        '"We will not reopen it until it is safe," the mayor told the council on Monday night',
        "Engineers found cracks in two of the supports during a routine check last month.",
        "Ferry to run every twenty minutes",
        f"Riverton (CNN) {LEAD}",
        MORE,
    )
    assert identify(_article(text)).outlet == "CNN"


@pytest.mark.parametrize(
    "text",
    [
        # after the body's first paragraphs, a dateline opens a quoted block of another outlet's report
        _body(LEAD, LONG, LONG, f"Riverton (CNN) {LEAD}", MORE),
        _body(LEAD, "Bridge to shut", "Here is how the network reported it:", f"Riverton (CNN) {LEAD}", MORE),
    ],
)
def test_no_late_dateline_inside_the_body(text: str) -> None:
    assert identify(_article(text)).outlet is None


# --- house furniture ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "removed, outlet",
    [
        (["Media playback is unsupported on your device Media caption"], "BBC"),
        (["Image copyright Varno Press Image caption"], "BBC"),
        (["JUST WATCHED Bridge closes for repairs Replay More Videos ... MUST WATCH Bridge closes 01:12"], "CNN"),
        # The Hill's name card as cleaning cut it: the full legal name glued to related headlines, then MORE
        (["Jane Mary RoeBudget talks stall in the Senate Ferry plan wins backing MORE"], "The Hill"),
    ],
)
def test_house_furniture_names_its_publisher(removed: list[str], outlet: str) -> None:
    assert identify(_article(_body(LEAD, MORE), removed)).outlet == outlet


def test_name_card_cut_by_cleaning_names_the_hill() -> None:
    text = (
        f"{LEAD}\n\nSen. Jane Roe Jane Mary RoeBudget talks stall in the Senate Ferry plan wins backing MORE (D-Vt.) "
        f"said the state would pay for the ferry.\n\n{MORE}"
    )
    art = clean_text(text, id="t", language="en")
    assert art.outlet == "The Hill"
    assert "Sen. Jane Roe (D-Vt.) said" in art.text


def test_a_headline_glued_to_a_name_without_more_is_no_card() -> None:
    assert identify(_article(_body(LEAD, MORE), ["Jane RoeBudget talks stall in the Senate"])).outlet is None


# --- the page's note on its own video --------------------------------------------------------


@pytest.mark.parametrize(
    "note, outlet",
    [
        ("WARNING: This video may disturb some viewers. Channel 9 has removed the audio of the video.", "Channel 9"),
        ("KXYZ has blurred the faces in the video to protect the children.", "KXYZ"),
    ],
)
def test_a_station_editing_its_own_video(note: str, outlet: str) -> None:
    assert identify(_article(_body(LEAD, MORE), [note])).outlet == outlet


@pytest.mark.parametrize(
    "text",
    [
        # a platform removing a video names no publisher
        _body(LEAD, "YouTube has removed the video from its site after complaints.", MORE),
        # another outlet cited in the text ("told X") is not the publisher
        _body(LEAD, "The mayor told Channel 9 that the ferry would run all winter.", MORE),
        _body(LEAD, f"{MORE} The mayor told CNN on Tuesday the bridge would reopen next year."),
    ],
)
def test_other_outlets_in_the_text_are_not_the_publisher(text: str) -> None:
    assert identify(_article(text)).outlet is None


# --- a byline heading and a contact address -----------------------------------------------------


def test_correspondent_byline_heading_inside_the_text() -> None:
    text = _body(LEAD, MORE, LONG, "The cost of repairs: analysis by Jane Roe, BBC transport correspondent", LONG, MORE)
    assert identify(_article(text)).outlet == "BBC"


def test_a_correspondent_quoted_in_a_sentence_is_no_byline() -> None:
    text = _body(LEAD, MORE, LONG, "The bridge is old, said Jane Roe, a BBC transport correspondent, on radio.", LONG)
    assert identify(_article(text)).outlet is None


def test_contact_address_on_a_known_domain() -> None:
    art = identify(_article(_body(LEAD, MORE, "Write to Jane Roe at jane.roe@wsj.com")))
    assert art.outlet == "The Wall Street Journal"


@pytest.mark.parametrize(
    "sign",
    [
        "Contact Jane Roe at jroe@varnomediagroup.com",  # a domain the table does not know
        "Jane Roe is the editor of The Daily Planet. She can be reached at jroe@wsj.com",  # a guest's biography
    ],
)
def test_other_contact_addresses_name_no_publisher(sign: str) -> None:
    assert identify(_article(_body(LEAD, MORE, sign))).outlet is None


# --- contribution lines: a lender is a credit, never the outlet ------------------------------------------


@pytest.mark.parametrize(
    "line, credits",
    [
        ("Associated Press writers Jane Roe in Riverton and Tom Poe Jr. in Varno contributed to this report.", ["AP"]),
        ("Information from The Associated Press was used in this story.", ["AP"]),
        ("Reuters contributed to this article", ["Reuters"]),
        ("— CNN and KXYZ-TV contributed to this report", ["CNN", "KXYZ-TV"]),
        ("the associated press contributed to this report.", ["AP"]),
    ],
)
def test_contribution_lines_credit_the_lender(line: str, credits: list[str]) -> None:
    art = identify(_article(_body(LEAD, MORE), [line]))
    assert art.credits == credits
    assert art.outlet is None


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe and Tom Poe contributed to this report.",
        "Staff writer Jane Roe contributed to this report.",
        "CNN's Jane Roe contributed to this report.",  # the page's own staff, mostly: no lender
    ],
)
def test_people_and_own_staff_are_no_lender(line: str) -> None:
    assert identify(_article(_body(LEAD, MORE), [line])).credits == []


# --- copyright notices in lower case ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, outlet",
    [
        (f"{LEAD.lower()} copyright 2019 kxyz. all rights reserved.", "KXYZ"),
        (f"{LEAD.lower()} the studio said its copyright to it was never sold. the lawsuit filed in court", None),
    ],
)
def test_lower_case_copyright(text: str, outlet: str | None) -> None:
    assert identify(_article(text)).outlet == outlet


# --- a wire's own sign, the page's call to follow it or its writer ---------------------------------------


@pytest.mark.parametrize(
    "line",
    ["(Reporting by Jane Roe; Editing by Tom Poe)", "(Writing by Jane Roe in Varno)"],
)
def test_reuters_sign_is_a_credit(line: str) -> None:
    art = identify(_article(_body(LEAD, MORE), [line]))
    assert art.credits == ["Reuters"]
    assert art.outlet is None


def test_a_parenthesis_inside_a_sentence_is_no_wire_sign() -> None:
    text = _body(LEAD, f"{MORE} The survey (writing by hand, mostly) was sent to every household.")
    assert identify(_article(text)).credits == []


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("Stay with VarnoNews.com for more on this story.", "varnonews.com"),
        ("This is a developing story. Stay with KXYZ for updates.", "KXYZ"),
        ("Follow VarnoDaily staff writer Jane Roe on Twitter @janeroe.", "VarnoDaily"),
        ("Follow USA TODAY reporter Jane Roe on Twitter @janeroe", "USA Today"),
    ],
)
def test_calls_to_follow_the_page(line: str, outlet: str) -> None:
    assert identify(_article(_body(LEAD, MORE, line))).outlet == outlet


def test_follow_a_wire_writer_is_a_credit() -> None:
    art = identify(_article(_body(LEAD, MORE), ["Follow AP Film Writer Jane Roe on Twitter: www.twitter.com/jroe"]))
    assert (art.outlet, art.credits) == (None, ["AP"])


@pytest.mark.parametrize(
    "line",
    [
        "Follow Jane Roe on Twitter @janeroe.",  # a person, no outlet
        "The mayor urged residents to stay with relatives for the winter.",
    ],
)
def test_other_calls_name_no_publisher(line: str) -> None:
    assert identify(_article(_body(LEAD, MORE, line))).outlet is None


# --- agency signs closing the text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "last, credits",
    [
        ("Der Stadtrat tagt am Montag wieder. (dpa/jr)", ["dpa"]),
        ("El puente se cerrará el lunes. EFE", ["EFE"]),
        # the Madsack papers' central newsroom (credited like a wire) with dpa material
        ("Die Brücke bleibt bis Juni gesperrt. RND/dpa", ["RND", "dpa"]),
        ("Die Brücke bleibt gesperrt. (sda/afp)", ["SDA", "AFP"]),
        ("Köprü pazartesi kapanacak. Kaynak: AA", ["Anadolu"]),
        ("Die Brücke bleibt gesperrt. Quelle: APA", ["APA"]),
    ],
)
def test_agency_sign_closing_the_text(last: str, credits: list[str]) -> None:
    art = identify(_article(_body(LEAD, MORE, last)))
    assert (art.outlet, art.credits) == (None, credits)


@pytest.mark.parametrize(
    "last",
    [
        "Die Brücke bleibt bis Juni gesperrt. ap",  # two letters: an author's initials
        "Most zostanie zamknięty w poniedziałek. dk/ PA",  # two capitals: perhaps a cut agency name
        "The bridge stays shut until June, said Jane Roe (Varno/Springfield)",  # places, not a sign
        "More at https://twitter.com/ap",
        "Die Brücke bleibt gesperrt. Quelle: AP",  # perhaps a cut "APA": two letters only where a language has one
    ],
)
def test_other_endings_are_no_agency_sign(last: str) -> None:
    assert identify(_article(_body(LEAD, MORE, last))).credits == []


def test_a_title_that_is_the_dateline_line_credits_its_agency() -> None:
    art = identify(_article(_body(LEAD, MORE), title="RIVERTON, Ore. (AP) — The Latest on the bridge closure:"))
    assert (art.outlet, art.credits) == (None, ["AP"])


def test_a_count_after_members_of_is_no_publisher() -> None:
    art = identify(_article(_body(LEAD, MORE), ["Family members of the 12 workers react after the vote."]))
    assert art.outlet is None
