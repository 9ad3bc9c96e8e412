"""Cleaning rules, each on a small fictional article written for the test."""

from __future__ import annotations

import pytest

from crosswire.read.clean import clean_text
from crosswire.read.html import clean_html, html_metadata
from crosswire.read.meta import parse_date, parse_dateline

LEDE = (
    "The river Vell burst its banks on Sunday night, flooding the lower town of Marrow "
    "and forcing about 300 people from their homes, the regional council said."
)
SECOND = (
    "Firefighters used boats to reach families trapped on upper floors, and a school gym "
    "was opened as a shelter for those who had nowhere else to go."
)
THIRD = "Forecasters expect the water to fall slowly over the next three days as the rain eases."


def _body(*extra: str) -> str:
    return "\n\n".join([LEDE, SECOND, *extra, THIRD])


# --- header: breadcrumbs, sections, titles, timestamps ------------------------------------


def test_breadcrumb_section_and_title_lines_are_cut_and_title_found():
    raw = (
        "Home World Europe Floods leave hundreds homeless in Marrow\n"
        "World Europe\n\n"
        "Floods leave hundreds homeless in Marrow\n\n" + _body()
    )
    a = clean_text(raw, id="x")
    assert a.title == "Floods leave hundreds homeless in Marrow"
    assert a.text.startswith("The river Vell")
    assert any(r.startswith("Home World Europe") for r in a.removed)
    assert "World Europe" in a.removed


def test_known_title_repeated_in_text_is_cut():
    raw = "Floods leave hundreds homeless\n\n" + _body() + "\n\nFloods leave hundreds homeless"
    a = clean_text(raw, id="x", title="Floods leave hundreds homeless")
    assert "Floods leave hundreds homeless" not in a.text
    assert a.text.startswith("The river") and a.text.endswith("rain eases.")


def test_timestamp_line_gives_published_date_and_is_cut():
    a = clean_text("14 Mar 2023, 08:05\n\nFloods in Marrow\n\n" + _body(), id="x")
    assert a.published == "2023-03-14"
    assert "14 Mar 2023, 08:05" in a.removed
    assert "08:05" not in a.text


def test_a_stamp_and_tags_line_set_apart_by_bars_is_cut():
    line = "Posted: March 14th, 2023 | Tags: Marrow, floods, river Vell"
    a = clean_text(line + "\n\n" + _body(), id="x")
    assert a.published == "2023-03-14"
    assert line in a.removed and "Tags" not in a.text


def test_given_date_wins_over_timestamp_line():
    a = clean_text("Updated: 14 March 2023 08:05\n\n" + _body(), id="x", published="2023-03-15T10:00:00Z")
    assert a.published == "2023-03-15"


def test_byline_at_the_top_is_cut():
    a = clean_text("Floods in Marrow\n\nBy Jana Okafor\n\n" + _body(), id="x")
    assert "Jana Okafor" not in a.text and "By Jana Okafor" in a.removed


# --- tails: related, latest, read more ------------------------------------------------------


@pytest.mark.parametrize(
    "marker",
    ["Related Articles", "Latest News", "Most viewed", "À lire aussi", "Mehr zum Thema", "Noticias relacionadas"],
)
def test_related_tail_and_its_teasers_are_cut(marker):
    tail = (
        f"{marker}\n\nCity Desk\n\nHarbour strike enters its second week as talks stall\n\n"
        "Dock workers in the port of Selm walked out again on Monday after the union rejected a...\n\n"
        "New tram line opens to the airport\n\nThe line links the centre with the terminal in..."
    )
    a = clean_text(_body() + "\n\n" + tail, id="x")
    assert a.text.endswith("rain eases.")
    assert "Harbour strike" not in a.text and "tram line" not in a.text
    assert any(marker in r and "Harbour strike" in r for r in a.removed)


def test_bulleted_latest_news_lines_after_the_text_are_cut():
    a = clean_text(_body() + "\n\n  • Latest News\n  • Most Read", id="x")
    assert a.text.endswith("rain eases.") and "Latest" not in a.text
    assert any("Latest News" in r for r in a.removed)


def test_read_more_line_inside_the_text_is_cut_but_the_text_goes_on():
    a = clean_text(_body("Read more: Why the Vell floods every spring"), id="x")
    assert "Read more" not in a.text and a.text.endswith("rain eases.")
    assert "Read more: Why the Vell floods every spring" in a.removed


def test_a_list_introduced_by_the_text_is_kept():
    raw = _body() + "\n\nShelters open tonight:\n- Marrow school gym, Vell Street\n- Town hall, Market Square"
    a = clean_text(raw, id="x")
    assert "Town hall, Market Square" in a.text


# --- appeals, share bars, sign-ups ----------------------------------------------------------


def test_donation_appeal_is_cut_whole():
    appeal = (
        "A Message from The Marrow Courier:\n"
        "Dear readers,\n"
        "Local news is under pressure everywhere, and our newsroom has lost half its funding this year.\n"
        "We believe everyone deserves accurate reporting about the place they live, but we need your help.\n"
        "If you can, please support us with a monthly contribution of any size.\n"
        "Remind me later."
    )
    a = clean_text(_body() + "\n" + appeal, id="x")
    assert a.text.endswith("rain eases.")
    for phrase in ("Dear readers", "newsroom", "monthly contribution", "Remind me later"):
        assert phrase not in a.text
        assert any(phrase in r for r in a.removed)


def test_german_appeal_is_cut():
    appeal = (
        "Liebe Leserinnen und Leser,\n\n"
        "unabhängiger Journalismus kostet Geld. Unterstützen Sie uns mit einer Spende, damit wir weiter berichten können.\n\n"
        "Jetzt unterstützen"
    )
    a = clean_text(_body() + "\n\n" + appeal, id="x")
    assert "Spende" not in a.text and a.text.endswith("rain eases.")


def test_share_bar_and_newsletter_signup_are_cut():
    raw = _body("Share on Facebook Twitter WhatsApp Email", "Sign up for our morning newsletter")
    a = clean_text(raw, id="x")
    assert "Facebook" not in a.text and "newsletter" not in a.text
    assert "Share on Facebook Twitter WhatsApp Email" in a.removed


def test_french_signup_and_advert_are_cut():
    a = clean_text(_body("Publicité", "Inscrivez-vous à notre newsletter quotidienne"), id="x")
    assert "Publicité" not in a.text and "Inscrivez" not in a.text


def test_sentences_that_mention_support_or_newsletters_are_kept():
    s1 = "The mayor said the town would support every family that lost its home in the flood."
    s2 = "The council announced the new shelter locations in its weekly newsletter to residents on Monday."
    a = clean_text(_body(s1, s2), id="x")
    assert s1 in a.text and s2 in a.text


# --- credits and datelines ------------------------------------------------------------------


def test_originally_published_footer_becomes_a_credit():
    a = clean_text(_body() + "\n\nThis article was originally published on marrowcourier.example", id="x")
    assert a.credits == ["marrowcourier.example"]
    assert "originally published" not in a.text


def test_french_origin_footer_and_agency_signoff():
    a = clean_text(_body() + "\n\nCet article a été initialement publié sur La Gazette du Vell.\n\n— AFP", id="x")
    assert a.credits == ["La Gazette du Vell", "AFP"]
    assert a.text.endswith("rain eases.")


def test_wire_dateline_is_parsed_and_taken_out_of_the_first_sentence():
    raw = "MARROW, March 12, 2023 (XPA/AFP) - " + LEDE + "\n\n" + SECOND
    a = clean_text(raw, id="x")
    assert a.dateline == "MARROW"
    assert a.published == "2023-03-12"
    assert a.credits == ["XPA", "AFP"]
    assert a.text.startswith("The river Vell")


@pytest.mark.parametrize(
    "head, place, date, credits",
    [
        ("(Marrow) ", "Marrow", None, []),
        ("SELM (Reuters) - ", "SELM", None, ["Reuters"]),
        ("LONDON, March 5 (Reuters) — ", "LONDON", "2023-03-05", ["Reuters"]),
        ("Berlin (dpa) - ", "Berlin", None, ["dpa"]),
        ("Madrid, 5 mar (EFE).- ", "Madrid", "2023-03-05", ["EFE"]),
        ("Paris, le 5 mars 2023 (AFP) - ", "Paris", "2023-03-05", ["AFP"]),
    ],
)
def test_dateline_forms(head, place, date, credits):
    dl = parse_dateline(head + "Officials said the road would reopen on Friday.", default_year=2023)
    assert dl is not None
    assert (dl.place, dl.date, dl.credits) == (place, date, credits)


def test_running_text_is_not_a_dateline():
    assert parse_dateline("The minister said (on Monday) that talks would go on.") is None
    assert parse_dateline(LEDE) is None


def test_dates_in_several_languages():
    assert parse_date("3 avril 2024")[0] == "2024-04-03"
    assert parse_date("3. April 2024")[0] == "2024-04-03"
    assert parse_date("3 de abril de 2024")[0] == "2024-04-03"
    assert parse_date("April 3, 2024")[0] == "2024-04-03"


# --- shape: crossheads, hard wraps ----------------------------------------------------------


def test_crosshead_is_a_heading_and_its_own_paragraph():
    a = clean_text(_body("Rescue in the night"), id="x")
    assert a.headings == ["Rescue in the night"]
    assert "Rescue in the night" in a.paragraphs


def test_question_crosshead_is_a_heading():
    a = clean_text(_body("What happens next?"), id="x")
    assert a.headings == ["What happens next?"]


def test_hard_wrapped_wire_copy_is_rejoined_into_paragraphs():
    raw = (
        "      SELM, May 2, 2023 (AFP) - The port of Selm reopened on Tuesday after a\n"
        "week-long strike by dock workers ended with a deal on pay and hours, the\n"
        "harbour authority said.\n"
        "\n"
        "      About 40 ships had been waiting offshore to unload, and the authority\n"
        "said it would take several days to clear the backlog of containers.\n"
        "      The union said its members would vote on the agreement next week.\n"
    )
    a = clean_text(raw, id="x")
    assert len(a.paragraphs) == 3
    assert all("\n" not in p for p in a.paragraphs)
    assert a.paragraphs[0].startswith("The port of Selm reopened") and a.paragraphs[0].endswith("authority said.")
    assert a.dateline == "SELM" and a.credits == ["AFP"] and a.published == "2023-05-02"


def test_one_paragraph_per_line_text_is_not_joined():
    a = clean_text(LEDE + "\n" + SECOND + "\n" + THIRD, id="x")
    assert a.paragraphs == [LEDE, SECOND, THIRD]


# --- language --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Le fleuve est sorti de son lit dimanche soir et a inondé la ville basse, selon le conseil régional.", "fr"),
        ("Der Fluss ist am Sonntagabend über die Ufer getreten und hat die Unterstadt überflutet, teilte der Rat mit.", "de"),
        ("El río se desbordó el domingo por la noche e inundó la parte baja de la ciudad, informó el consejo.", "es"),
        (LEDE, "en"),
    ],
)
def test_language_is_detected(text, lang):
    assert clean_text(text, id="x").language == lang


# --- HTML --------------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head>
<title>Floods leave hundreds homeless | The Marrow Courier</title>
<meta property="og:title" content="Floods leave hundreds homeless">
<meta property="og:site_name" content="The Marrow Courier">
<meta property="article:published_time" content="2023-03-13T07:00:00+01:00">
<script>var secret = "tracking-code-should-never-appear";</script>
<style>.x { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Floods leave hundreds homeless</h1>
<p>{lede}</p><p>{second}</p>
<script>document.write("injected-script-text")</script>
<h2>Rescue in the night</h2>
<p>{third} Officials said the damage would be assessed once the water had gone down.</p>
<p>Share on Facebook Twitter Email</p>
</article>
<footer><p>Copyright 2023 The Marrow Courier. All rights reserved.</p></footer>
</body></html>"""


def _page() -> str:
    return PAGE.replace("{lede}", LEDE).replace("{second}", SECOND).replace("{third}", THIRD)


def test_html_page_text_and_metadata():
    a = clean_html(_page(), id="p")
    assert a.title == "Floods leave hundreds homeless"
    assert a.outlet == "The Marrow Courier"
    assert a.published == "2023-03-13"
    assert a.text.startswith("The river Vell")
    assert "secret" not in a.text and "injected-script-text" not in a.text and "color" not in a.text
    assert "Share on Facebook" not in a.text


def test_broken_html_never_leaks_script_text():
    broken = "<html><body><p>" + LEDE + "<p>" + SECOND + "<script>var a = 'never-in-text'; <div><b>unclosed"
    a = clean_html(broken, id="b")
    assert "never-in-text" not in a.text
    assert "river Vell" in a.text


def test_html_metadata_falls_back_to_the_title_tag():
    meta = html_metadata("<html><head><title>Storm warning - Selm Daily</title></head><body></body></html>")
    assert meta.title == "Storm warning - Selm Daily"


def test_removed_blocks_are_verbatim_source_lines():
    raw = _body() + "\n\n  • Latest News\n  • Most Read"
    a = clean_text(raw, id="x")
    assert all(block in raw for block in a.removed)


# --- house styles in other languages --------------------------------------------------------

FR_PAGE = """Accueil > Monde > Europe
Inondations : des centaines de sinistrés dans la vallée du Vell
Publié le 12 mars 2023 à 08h15 - Mis à jour le 12 mars 2023 à 10h02
Par Claire Dumont
Partager
Facebook Twitter E-mail
(Marrow) La crue du Vell a contraint dimanche soir quelque 300 habitants de la ville basse à quitter leur domicile, a annoncé le conseil régional.
Les pompiers ont utilisé des bateaux pour atteindre les familles bloquées dans les étages.
À lire aussi : Pourquoi le Vell déborde chaque printemps
Une décrue lente attendue
Les prévisionnistes s'attendent à une baisse lente des eaux au cours des trois prochains jours.
Avec AFP
Sur le même sujet
Tempête : 20 000 foyers privés d'électricité dans l'Ouest
Le pont de Selm rouvre après deux ans de travaux"""

DE_PAGE = """Startseite › Panorama › Unwetter
Hochwasser: Hunderte Menschen in Marrow evakuiert
Stand: 12.03.2023 08:15 Uhr
Marrow (dpa) - Das Hochwasser des Flusses Vell hat in der Nacht zum Montag rund 300 Menschen aus ihren Häusern vertrieben, wie der Regionalrat mitteilte.
Anzeige
Meteorologen erwarten, dass das Wasser in den kommenden drei Tagen langsam zurückgeht, da der Regen nachlässt.
Mehr zum Thema
Sturm legt Bahnverkehr im Norden lahm
Liebe Leserinnen und Leser,
unabhängiger Journalismus kostet Geld. Unterstützen Sie uns mit einer Spende."""

ES_PAGE = """Inundaciones en Marrow: cientos de evacuados
MADRID, 12 mar (EFE).- La crecida del río Vell obligó el domingo por la noche a unas 300 personas a abandonar sus casas, informó el consejo regional.
Te puede interesar:
Un temporal deja sin luz a 20.000 hogares en el norte
Los meteorólogos esperan que el agua baje lentamente en los próximos tres días a medida que amaine la lluvia, según el consejo.
Suscríbete a nuestro boletín"""


def test_french_page_header_byline_share_bar_and_related_tail():
    a = clean_text(FR_PAGE, id="fr")
    assert a.title == "Inondations : des centaines de sinistrés dans la vallée du Vell"
    assert a.published == "2023-03-12" and a.dateline == "Marrow" and a.credits == ["AFP"]
    assert a.text.startswith("La crue du Vell") and a.text.endswith("trois prochains jours.")
    assert a.headings == ["Une décrue lente attendue"]
    assert a.language == "fr"
    for cut in ("Accueil", "Claire Dumont", "Facebook", "À lire aussi", "Tempête"):
        assert cut not in a.text


def test_german_page_with_agency_dateline_advert_tail_and_appeal():
    a = clean_text(DE_PAGE, id="de")
    assert a.title == "Hochwasser: Hunderte Menschen in Marrow evakuiert"
    assert a.published == "2023-03-12" and a.dateline == "Marrow" and a.credits == ["dpa"]
    assert a.text.startswith("Das Hochwasser") and a.text.endswith("Regen nachlässt.")
    assert "Anzeige" not in a.text and "Spende" not in a.text and "Sturm" not in a.text


def test_spanish_box_of_links_inside_the_text_ends_where_the_report_goes_on():
    a = clean_text(ES_PAGE, id="es")
    assert a.dateline == "MADRID" and a.credits == ["EFE"]
    assert a.text.startswith("La crecida") and a.text.endswith("según el consejo.")
    assert "temporal" not in a.text and "Suscríbete" not in a.text


def test_body_split_over_sibling_containers_is_read_whole():
    part1 = "".join(
        f"<p>Paragraph {n} of the first part says the harbour of Selm handled more ships this year than ever before.</p>"
        for n in range(1, 5)
    )
    part2 = "".join(
        f"<p>Section {n} of the second part adds that the new cranes let dockers unload a ship in half the time.</p>"
        for n in range(1, 9)
    )
    page = (
        "<html><body><main><div class='layout'>"
        f'<div class="story-body">{part1}</div>'
        '<div class="ad-slot"><p>Advertisement</p></div>'
        f'<div class="story-body">{part2}</div>'
        "</div></main></body></html>"
    )
    a = clean_html(page, id="split")
    assert "Paragraph 1 of the first part" in a.text
    assert "Section 8 of the second part" in a.text
    assert "Advertisement" not in a.text


def test_unbulleted_list_in_the_text_is_kept_but_a_run_of_headlines_is_cut():
    listed = "Volunteers can help in three ways\nfilling sandbags at the depot\ndriving families to the shelter\ncooking for the night shift"
    headlines = "Harbour Strike Enters Second Week\nNew Tram Line Opens To The Airport\nCouncil Approves Budget For Schools"
    a = clean_text(_body(listed), id="x")
    assert "driving families to the shelter" in a.text
    b = clean_text(_body(headlines), id="y")
    assert "Tram Line" not in b.text and b.text.endswith("rain eases.")


# --- added: bylines with dates, reader calls, local appeals, translation footers -----------


def test_byline_with_outlet_and_date_gives_the_publication_date():
    a = clean_text("Floods in Marrow\n\nBY JANA OKAFOR, Marrow Courier, 14 March 2023\n\n" + _body(), id="x")
    assert a.published == "2023-03-14"
    assert a.text.startswith("The river Vell")
    assert "BY JANA OKAFOR, Marrow Courier, 14 March 2023" in a.removed


def test_sentence_starting_with_by_is_not_a_byline():
    raw = "Floods in Marrow\n\nBy the time the rain stopped, the lower town was under water.\n\n" + _body()
    a = clean_text(raw, id="x")
    assert a.text.startswith("By the time the rain stopped")


@pytest.mark.parametrize(
    "call",
    [
        "Readers can send photos of the flood to our newsroom.",
        "Send us your pictures of the flood.",
        "Got a news tip? Write to the desk.",
    ],
)
def test_calls_for_reader_material_are_cut(call):
    a = clean_text(_body() + "\n\n" + call, id="x")
    assert call not in a.text and call in a.removed
    assert a.text.endswith("rain eases.")


def test_local_subscription_appeal_with_a_price_is_cut():
    appeal = "Support local journalism. Subscribe to the Marrow Courier from just 2 euros a week."
    a = clean_text(_body() + "\n\n" + appeal, id="x")
    assert "Subscribe" not in a.text and appeal in a.removed


def test_price_in_a_news_sentence_is_kept():
    fact = "Bread now costs 2 euros a loaf in Marrow, twice what it cost a year ago, the bakers' union said."
    a = clean_text(_body(fact), id="x")
    assert fact in a.text


@pytest.mark.parametrize(
    "footer, origin",
    [
        ("Ce texte est une traduction d'un article de l'Ellis Gazette.", "Ellis Gazette"),
        ("This article is a translation of a report by the Marrow Courier.", "Marrow Courier"),
        ("Translated from an article by Der Kurier.", "Der Kurier"),
    ],
)
def test_translation_footer_becomes_a_credit(footer, origin):
    a = clean_text(_body() + "\n\n" + footer, id="x")
    assert footer not in a.text and footer in a.removed
    assert origin in a.credits


@pytest.mark.parametrize(
    "text, place, date",
    [
        ("Vellmark, 10. März 2026 – Die Nachzählung bestätigt den Sieg.", "Vellmark", "2026-03-10"),
        ("Lyon, le 3 avril 2024 - Le maire a annoncé la fermeture du port.", "Lyon", "2024-04-03"),
        ("Madrid, 5 de mayo de 2024 — El gobierno aprobó el plan.", "Madrid", "2024-05-05"),
    ],
)
def test_title_case_place_with_a_full_date_is_a_dateline(text, place, date):
    d = parse_dateline(text)
    assert d is not None and (d.place, d.date) == (place, date)
    assert text[d.end :][0].isupper()


@pytest.mark.parametrize("text", ["Paris, the capital – is calm today.", "However, in 2024 – the year of the vote – few came."])
def test_comma_clause_that_is_not_a_date_is_no_dateline(text):
    assert parse_dateline(text) is None


# --- what is no title: a credits box, a caption of two sentences ---------------------------


REVIEW = (
    "The Lantern Keeper is a slow, lovely film about a lighthouse family, and its last reel is "
    "the best twenty minutes of the year.\n\n"
    "Mara Voss plays the keeper's widow with a stillness that carries the whole picture."
)


def test_a_credits_box_is_no_title():
    raw = (
        "The Lantern Keeper\n\n"
        "Starring Mara Voss and Ilan Petrak. Directed by Sena Holt. 98 minutes. PG\n\n" + REVIEW
    )
    a = clean_text(raw, id="x")
    assert a.title is None
    assert a.text.startswith("The Lantern Keeper is a slow")


def test_the_lines_after_a_cast_and_credits_label_are_no_title():
    raw = (
        "The Lantern Keeper\n\n"
        "Cast & Credits The Widow Mara Voss\n\n"
        "The Keeper Ilan Petrak Senior\n\n"
        "The Daughter Anna Lise Korver\n\n" + REVIEW
    )
    a = clean_text(raw, id="x")
    assert a.title is None


def test_a_caption_of_two_sentences_is_no_title_but_a_question_title_is():
    raw = (
        "Rescuers carry a resident of Marrow to a boat on Monday. Photo by Ada Kell for the Courier\n\n"
        + _body()
    )
    assert clean_text(raw, id="x").title is None
    title = "Will Marrow ever be safe from the Vell? The town counts the cost of the floods"
    assert clean_text(title + "\n\n" + _body(), id="x").title == title
