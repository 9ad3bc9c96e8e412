"""Know your sources: outlets, sources counted by outlet, set-aside pages, furniture, duplicate ids.

Every text here is written for these tests.
"""

from __future__ import annotations

import json

import pytest

from crosswire.read.clean import clean_text
from crosswire.read.html import clean_html
from crosswire.read.ingest import read_paths
from crosswire.model import (
    Article,
    Brief,
    CopyGroup,
    FactSheet,
    independent_sources,
    sources_detail,
    to_json,
)
from crosswire.read import outlets as outlets_mod
from crosswire.read.furniture import strip_furniture
from crosswire.read.outlets import (
    canonical_outlet,
    identities,
    load_table,
    outlet_of_url,
    source_identity,
)
from crosswire.read.setaside import not_news, other_story, set_aside

BODY = (
    "The city council of Vellmark voted on Tuesday to close the old harbour bridge for repairs after "
    "engineers found deep cracks in two of its steel supports.\n\n"
    "The bridge carries about 12,000 cars a day, and drivers will be sent over the northern ring road "
    "until the work ends next spring, the council said.\n\n"
    "Mayor Ilse Brandt said the repairs would cost about 4 million euros and that no one had been hurt."
)


def _clean(text: str, **kw) -> Article:
    return clean_text(text, id=kw.pop("id", "a"), language="en", **kw)


# --- outlet signals ---------------------------------------------------------------------------


def test_record_outlet_is_canonical():
    assert _clean(BODY, outlet="the hollywood reporter").outlet == "The Hollywood Reporter"
    assert _clean(BODY, outlet="Harbour Gazette").outlet == "Harbour Gazette"  # unknown names kept


def test_url_domain_names_the_outlet():
    assert outlet_of_url("https://www.theguardian.com/world/2024/x") == "The Guardian"
    assert outlet_of_url("https://edition.cnn.com/2024/x") == "CNN"
    assert outlet_of_url("https://news.harbourgazette.example/x") == "harbourgazette.example"
    assert outlet_of_url("/home/me/page.html") is None
    assert _clean(BODY, url="https://www.reuters.com/world/x").outlet == "Reuters"


def test_page_site_name_and_json_ld_publisher():
    paras = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    og = f'<html><head><meta property="og:site_name" content="Harbour Gazette"></head><body><article>{paras}</article></body></html>'
    assert clean_html(og, id="p").outlet == "Harbour Gazette"
    ld = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
          '{"@type": "Organization", "name": "Vellmark Courier"}}</script></head>'
          f"<body><article>{paras}</article></body></html>")
    assert clean_html(ld, id="q").outlet == "Vellmark Courier"


def test_copyright_line_names_the_outlet():
    a = _clean(BODY + "\n\n© 2021 KXYZ-TV")
    assert a.outlet == "KXYZ-TV"
    b = _clean(BODY + "\n\n© 2021 AFP")  # an agency's copyright is a credit
    assert b.outlet is None and "AFP" in b.credits


def test_datelines_wire_is_a_credit_outlet_is_the_outlet():
    a = _clean("VELLMARK/LONDON (Reuters) - " + BODY)
    assert "Reuters" in a.credits and a.outlet is None
    b = _clean("VELLMARK (HarbourWatch)—" + BODY)
    assert b.outlet == "HarbourWatch"


def test_origin_line_is_a_credit():
    a = _clean(BODY + "\n\nThis article was originally published on harbourgazette.example")
    assert a.credits == ["harbourgazette.example"]
    b = _clean(BODY + "\n\nA version of this story first appeared in the May 3 issue of Vellmark Weekly magazine.")
    assert "Vellmark Weekly" in b.credits
    assert "first appeared" not in b.text


def test_appeal_names_the_outlet():
    appeal = ("\n\nA Message from The Vellmark Courier:\n\nDear readers,\n\nWe need your support to keep "
              "independent journalism alive. Every contribution counts, from just $2 a month.\n\n"
              "Support us\n\nRemind me later")
    a = _clean(BODY + appeal)
    assert a.outlet == "The Vellmark Courier"
    assert "Dear readers" not in a.text


def test_self_advert_names_the_publisher():
    text = BODY + "\n\nUnsere Bücher sind im Online-Shop oder direkt beim Verlag der Vellmark Zeitung bestellbar."
    assert _clean(text).outlet == "Vellmark Zeitung"


def test_user_table_extends_the_shipped_one(tmp_path, monkeypatch):
    extra = tmp_path / "mine.tsv"
    extra.write_text("harbourgazette.example\tThe Harbour Gazette\tHarbour Gazette|HG\toutlet\n", encoding="utf-8")
    table = load_table([extra])
    assert outlet_of_url("https://harbourgazette.example/a", table) == "The Harbour Gazette"
    assert canonical_outlet("HG", table) == "The Harbour Gazette"
    monkeypatch.setenv(outlets_mod.TABLE_ENV, str(extra))
    assert _clean(BODY, outlet="Harbour Gazette").outlet == "The Harbour Gazette"


# --- sources counted by outlet ---------------------------------------------------------------


def _art(aid: str, outlet: str | None = None, credits: list[str] | None = None) -> Article:
    return Article(id=aid, text=BODY, outlet=outlet, credits=list(credits or []), language="en")


def test_two_reports_of_one_outlet_are_one_source():
    arts = [_art("a", "Harbour Gazette"), _art("b", "Harbour Gazette"), _art("c", "Vellmark Courier")]
    ids = identities(arts)
    assert independent_sources(["a", "b", "c"], [], ids) == 2
    assert independent_sources(["a", "b", "c"], []) == 3  # without identities: as before


def test_copies_of_one_wire_dispatch_are_one_source_credited_to_the_wire():
    arts = [_art("a", "Harbour Gazette", ["AFP"]), _art("b", "Vellmark Courier", ["AFP"]), _art("c")]
    assert source_identity(arts[0]) == source_identity(arts[1]) == "wire:afp"
    brief = Brief(articles=arts, copies=[CopyGroup(["a", "b"], "a", "syndicated", 0.9)], sources=2,
                  facts=FactSheet(), summary=[], identities=identities(arts))
    detail = sources_detail(brief)
    assert [d["source"] for d in detail] == ["AFP", "c"]
    assert detail[0]["outlets"] == ["Harbour Gazette", "Vellmark Courier"]
    out = to_json(brief)
    assert out["sources_detail"][0]["wire"] == "AFP"
    assert [a["source"] for a in out["articles"]] == ["AFP", "AFP", "c"]


# --- set aside -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The seed for this crawl was a list of hosts kept by the Wayback Machine.\n\nThe WARC files of this crawl "
    "are not available to the public.",
    "We use cookies to improve your experience. By continuing you accept all cookies.\n\nManage your cookie "
    "settings at any time.",
    "Already a subscriber? Log in to continue reading.\n\nThis article is only available to subscribers of our site.",
    "You can add location information to your Tweets, such as your city, from the web and apps. When you "
    "tweet with a location, the service stores that location.",
    "Sorry, the page you requested cannot be found.\n\nIt may have been moved or deleted from this site.",
    # a web archive's notice about its crawls
    "Such crawls are kept so that a page's links still work later. These crawls are part of an effort to "
    "archive pages as they are made.The aim is to fix all broken links on the web.",
    # a web archive's collection page
    "This page gathers press coverage of the End of Term 2020 project, a joint effort to preserve public "
    "federal government web sites when an administration ends.",
    "This joint project extends the 2020 end of term web archive. Addresses nominated by libraries are "
    "crawled every month; anyone may suggest a site with the public nomination tool.",
])
def test_pages_that_are_not_news(text):
    assert not_news(_clean(text)) is not None


def test_a_listing_is_not_news():
    rows = "\n\n".join(f"Item {n} Harbour Street {n}" for n in range(1, 12))
    assert not_news(_clean("Harbour street index\n\n" + rows)) is not None


def test_a_report_is_news():
    assert not_news(_clean(BODY)) is None
    # a report that mentions cookies once is still a report
    assert not_news(_clean(BODY + "\n\nThe bakery on the bridge, known for its cookies, will stay open.")) is None


OTHER = ("The national orchestra announced its winter season on Friday, with twelve concerts of music "
         "by composers from the northern islands.\n\nThe conductor, Aino Varga, said tickets go on sale "
         "in October and that a youth choir would join two of the evenings.")


def test_a_report_of_another_story_is_set_aside():
    same = [_clean(BODY, id="a"), _clean(BODY.replace("Tuesday", "Wednesday"), id="b"),
            _clean(BODY.replace("12,000", "about 12,000"), id="c"), _clean(OTHER, id="d")]
    assert list(other_story(same, embedder=False)) == ["d"]
    assert [v.article for v in set_aside(same, embedder=False)] == ["d"]


def test_two_reports_or_all_are_never_set_aside():
    assert other_story([_clean(BODY, id="a"), _clean(OTHER, id="b")]) == {}
    walls = [_clean("We use cookies on this site. Accept all cookies to continue.", id=x) for x in "ab"]
    assert set_aside(walls) == []


def test_set_aside_pages_are_listed_not_cited():
    from crosswire.pipeline import brief_for
    from crosswire.brief.render import render_markdown

    arts = [_clean(BODY, id="a"), _clean(BODY.replace("Tuesday", "Wednesday"), id="b"),
            _clean("The seed for this crawl was a list of every host in the Wayback Machine.\n\n"
                   "The WARC files associated with this crawl are not available to the public.", id="w")]
    b = brief_for(arts, words=60)
    assert [x.article.id for x in b.set_aside] == ["w"]
    out = json.loads(json.dumps(to_json(b)))
    assert out["set_aside"][0]["article"] == "w" and "crawl" in out["set_aside"][0]["reason"]
    assert all(c["article"] != "w" for s in out["summary"] for c in s["citations"])
    assert all("w" not in f["articles"] for f in out["facts"])
    assert "w" in [a["id"] for a in out["articles"]]
    assert "Wayback" not in (out["headline"] or "")
    assert "## Set aside" in render_markdown(b)


# --- furniture -------------------------------------------------------------------------------


@pytest.mark.parametrize("para, gone, kept", [
    ("This undated photo provided by the family shows Ilse Brandt at the harbour. The bridge will close in May.",
     "undated photo", "The bridge will close"),
    ("A photo of the closed bridge in Vellmark. The council met on Tuesday to vote on the repairs.",
     "A photo of", "The council met"),
    ("Brandt is seen in a Facebook posting. Facebook/Handout via REUTERS", "Facebook posting", ""),
    ("FILE - In this Oct. 3, 2019 file photo, Ilse Brandt speaks in Vellmark, Calif. The bridge will close.",
     "file photo", "The bridge will close."),
    ("The council met. Ada N. Okafor and Tom Reyes Jr. contributed to this report.", "contributed", "The council met."),
    ("The vote passed. Council TV handout via REUTERS", "handout", "The vote passed."),
    ("In this Thursday, May 2, 2019, file photo, Ilse Brandt talks to reporters. The bridge shut.", "file photo",
     "The bridge shut."),
    ("The bridge shut. Jane Roe / Vellmark Press via Getty Images file", "Getty", "The bridge shut."),
    ("Ada Okafor reported from Vellmark. Gazette writer Tom Reyes in Lund contributed to this report.", "reported", ""),
    ("The harbour police said one lane stays open <a href=\"https://x.example/p\">#bridge</a> until May. —@vellpolice",
     "href", ""),
    ("Our harbour maps are on sale in the shop – Tel: +49 (0)30 1234567, open daily.", "Tel", ""),
    ("Rivals such as Shipco Inc. SHPC, -2.15% and others cut prices.", "SHPC", "Rivals such as Shipco Inc. and others"),
    ("Owner Harbourline Corp. US:HBLN said nothing.", "US:HBLN", "Owner Harbourline Corp. said nothing."),
    ("The mayor spoke on Tuesday [Related: Floods close the coast road] and left.", "Related",
     "The mayor spoke on Tuesday and left."),
    ("The mayor spoke on Tuesday. > More: Floods close the coast road", "More:", "The mayor spoke on Tuesday."),
])
def test_furniture_inside_a_paragraph(para, gone, kept):
    out, cuts = strip_furniture(para)
    assert gone not in out and any(gone in c for c in cuts)
    assert kept in out


def test_a_real_sentence_about_a_photo_stays():
    for s in ["A photo of the suspect was released by police on Monday.",
              "Police reported in Vellmark that two people were hurt.",
              "In NY, 5% of voters backed the plan, an AP/NORC poll found.",
              "In this case, the photo was fake, officials said.",
              "Mr. Roe met U.S. officials on Oct. 3 near the bridge."]:
        assert strip_furniture(s) == (s, [])


def test_furniture_lines_and_labels_in_a_cleaned_text():
    text = (BODY.split("\n\n")[0] + "\n\nPREVIOUS: Harbour bridge shows cracks\n\n"
            "Statement from the Vellmark council:\n\n" + BODY.split("\n\n")[1] + "\n\n___\n\n"
            "Okafor reported from Vellmark.")
    a = _clean(text)
    assert "PREVIOUS" not in a.text and "___" not in a.text and "reported from" not in a.text
    assert "Statement from the Vellmark council:" in a.headings  # a label: never a fact or summary line


def test_no_title_from_furniture():
    assert _clean("Photo\n\n" + BODY).title is None
    assert _clean("(out of 4)\n\n" + BODY).title is None


# --- duplicate ids ---------------------------------------------------------------------------


def test_duplicate_ids_are_made_unique_with_a_warning(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps({"id": "r1", "text": t}) for t in (BODY, OTHER, BODY)) + "\n", encoding="utf-8")
    res = read_paths([f])
    assert [a.id for a in res.articles] == ["r1", "r1#2", "r1#3"]
    assert not res.errors
    assert len(res.warnings) == 2 and "r1#2" in str(res.warnings[0]) and "duplicate id" in str(res.warnings[0])


def test_a_dispatch_credited_to_two_wires_shares_a_source_with_either():
    arts = [_art("a", None, ["BSS", "AFP"]), _art("b", "Vellmark Courier", ["AFP"]), _art("c", "Harbour Gazette")]
    assert source_identity(arts[0]) == "wire:bss|wire:afp"
    assert independent_sources(["a", "b", "c"], [], identities(arts)) == 2
    brief = Brief(articles=arts, copies=[], sources=2, facts=FactSheet(), summary=[], identities=identities(arts))
    assert sources_detail(brief)[0]["source"] == "BSS/AFP"


def test_a_photo_copyright_is_no_credit():
    a = _clean(BODY + "\n\nPhoto: © AFP")
    assert "AFP" not in a.credits
