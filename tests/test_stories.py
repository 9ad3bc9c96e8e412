"""Stories: a small stream of fictional reports sorted into stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.stories.profiles import DATE, make_doc
from crosswire import batch as batch_stage
from crosswire import stories
from crosswire.model import Article

FLOOD = (
    "Heavy rain flooded the river town of Kellmarsh on Tuesday, forcing 340 residents from their homes. "
    "The Brenna river rose 2.8 metres overnight and breached the levee near the old grain mill. "
    "Mayor Ottilie Varga said emergency shelters opened in the Kellmarsh sports hall. "
    "Rescue crews used boats to reach families trapped on the upper floors of riverside houses."
)
FLOOD_2 = (
    "Rescuers in Kellmarsh evacuated about 340 people after the Brenna burst its banks. "
    "Water broke through the levee by the grain mill after the river climbed 2.8 metres. "
    "Varga, the town's mayor, asked volunteers to bring blankets to the sports hall shelter. "
    "Boats carried stranded families from flooded riverside homes through the night."
)
CHESS = (
    "Grandmaster Idris Calloway won the Vesterholm chess open on Sunday after a tense final round. "
    "Calloway beat the defending champion Marta Ruusk with the black pieces in 61 moves. "
    "The victory earns him a place in the candidates tournament next spring. "
    "Ruusk said she had misjudged the endgame and congratulated her opponent."
)
CHESS_2 = (
    "Idris Calloway is the new Vesterholm open champion after defeating Marta Ruusk in the last round. "
    "The 61-move game ended when Ruusk resigned in a lost rook endgame. "
    "Calloway qualifies for the candidates tournament, organisers in Vesterholm confirmed. "
    "Ruusk, the defending champion, praised Calloway's patience."
)
BRIDGE = (
    "Engineers closed the Tarrow suspension bridge after inspectors found cracks in two steel cables. "
    "Traffic between Tarrow and Milbeck was diverted to the coastal road, adding 40 minutes to journeys. "
    "The regional transport office said repairs could take until the autumn. "
    "Hauliers warned that the detour would raise delivery costs across the peninsula."
)
BRIDGE_2 = (
    "The Tarrow suspension bridge will stay shut for months after cracks were found in its steel cables. "
    "Drivers heading for Milbeck face a 40-minute detour along the coastal road. "
    "Transport officials said repairs to the cables would last until the autumn. "
    "Hauliers on the peninsula said the closure would raise their delivery costs."
)
BRIDGE_3 = (
    "The Tarrow suspension bridge reopened to traffic after engineers replaced two cracked steel cables. "
    "Drivers between Tarrow and Milbeck no longer need the coastal road detour. "
    "The regional transport office said the repairs finished ahead of the autumn deadline."
)
NOISE = "Please enable JavaScript in your browser settings and accept cookies to continue reading this page."
FLOOD_FR = (
    "De fortes pluies ont inondé la ville de Kellmarsh mardi et 340 habitants ont dû quitter leur maison. "
    "La rivière Brenna est montée de 2,8 mètres pendant la nuit et a rompu la digue près du vieux moulin. "
    "La maire Ottilie Varga a annoncé l'ouverture d'abris d'urgence dans la salle des sports de Kellmarsh."
)


def art(aid: str, text: str, **kw) -> Article:
    return Article(id=aid, text=text, **kw)


def story_of(result: stories.StoriesResult) -> dict[str, str]:
    return dict(result.assignments)


def test_three_stories_with_copy_and_noise() -> None:
    copy = art("flood-copy", FLOOD.replace(". ", ".\n"), outlet="Wire Echo")  # hard-wrapped wire copy
    batch = [
        art("flood", FLOOD, outlet="Daily Ledger", title="Kellmarsh flooded"),
        art("chess", CHESS, outlet="Board Weekly"),
        art("bridge", BRIDGE, outlet="Coast Post"),
        copy,
        art("cookie", NOISE),
        art("flood2", FLOOD_2, outlet="Valley News"),
        art("chess2", CHESS_2, outlet="Pawn Times"),
        art("bridge2", BRIDGE_2, outlet="Harbour Herald"),
    ]
    res = stories.cluster_stories(batch, embedder=False)
    s = story_of(res)
    assert [a for a, _ in res.assignments] == [a.id for a in batch]  # input order
    assert s["flood"] == s["flood-copy"] == s["flood2"]
    assert s["chess"] == s["chess2"]
    assert s["bridge"] == s["bridge2"]
    assert len({s["flood"], s["chess"], s["bridge"]}) == 3
    assert res.noise == ["cookie"]
    assert s["cookie"] == "noise:cookie"
    assert len(res.stories) == 3
    flood = next(st for st in res.stories if st.id == s["flood"])
    assert flood.sources == 2  # the copy does not count as a source
    assert flood.headline == "Kellmarsh flooded"
    assert res.stories[0].id == s["flood"]  # most independent sources first
    md = stories.stories_markdown(batch, res)
    assert "Kellmarsh flooded" in md and "Not articles (1)" in md and "`cookie`" in md


def test_boilerplate_repeated_across_stream_is_noise() -> None:
    login = (
        "Sign in to your account to continue. Subscribe to our newsletter for alerts in your inbox, "
        "manage your privacy settings and cookie preferences, or register for free access to the site."
    )
    batch = [art(f"wall{i}", login) for i in range(3)] + [art("chess", CHESS), art("chess2", CHESS_2)]
    res = stories.cluster_stories(batch, embedder=False)
    assert set(res.noise) == {"wall0", "wall1", "wall2"}
    assert story_of(res)["chess"] == story_of(res)["chess2"]


def test_translation_joins_with_embedder() -> None:
    from crosswire.text.embed import default_embedder

    emb = default_embedder()
    if not emb.available:
        pytest.skip("multilingual embedder not installed")
    batch = [art("flood", FLOOD, language="en"), art("chess", CHESS, language="en"), art("fr", FLOOD_FR, language="fr")]
    s = story_of(stories.cluster_stories(batch, embedder=emb))
    assert s["fr"] == s["flood"] != s["chess"]


def test_dates_gap_resumes_but_long_silence_starts_new_story() -> None:
    batch = [
        art("b1", BRIDGE, published="2024-03-01"),
        art("b2", BRIDGE_2, published="2024-03-05"),  # four days later: same story
        art("b3", BRIDGE_3, published="2024-06-20", outlet="Later Post"),  # months of silence: a new story
    ]
    s = story_of(stories.cluster_stories(batch, embedder=False))
    assert s["b1"] == s["b2"]
    assert s["b3"] != s["b1"]


def test_long_silence_closes_story_across_batches() -> None:
    first = stories.cluster_stories([art("c1", CHESS, published="2023-01-10")], embedder=False)
    later = stories.cluster_stories(
        [art("x", FLOOD, published="2023-05-01"), art("c2", CHESS_2, published="2023-05-02")],
        state=first.state,
        embedder=False,
    )
    assert story_of(later)["c2"] != story_of(first)["c1"]


def test_second_batch_joins_existing_stories_via_state() -> None:
    first = stories.cluster_stories([art("flood", FLOOD), art("chess", CHESS)], embedder=False)
    second = stories.cluster_stories(
        [art("chess2", CHESS_2), art("bridge", BRIDGE), art("flood2", FLOOD_2)], state=first.state, embedder=False
    )
    s1, s2 = story_of(first), story_of(second)
    assert s2["chess2"] == s1["chess"]
    assert s2["flood2"] == s1["flood"]
    assert s2["bridge"] not in (s1["flood"], s1["chess"])
    joined = next(st for st in second.stories if st.id == s1["chess"])
    assert joined.articles == ["chess", "chess2"]  # the story keeps its earlier member


def test_similarity_orders_related_above_unrelated() -> None:
    same = stories.story_similarity(art("a", FLOOD), art("b", FLOOD_2))
    other = stories.story_similarity(art("a", FLOOD), art("c", CHESS))
    assert same > other
    assert 0.0 <= other <= same <= 1.0


@pytest.mark.parametrize("batch", [[], [art("empty", "")], [art("x", "   \n\n ")], [art("n", "12345")]])
def test_bad_input_never_raises(batch: list[Article]) -> None:
    res = stories.cluster_stories(batch, embedder=False)
    assert len(res.assignments) == len(batch)
    assert res.stories == []
    stories.stories_markdown(batch, res)


def test_write_briefs_index_escapes_and_links(tmp_path: Path) -> None:
    for mod in ("crosswire.brief.render", "crosswire.facts", "crosswire.brief", "crosswire.copies"):
        pytest.importorskip(mod)  # colleagues' stages, written in parallel
    evil = art("evil", FLOOD_2, title="<script>alert(1)</script> Kellmarsh")
    batch = [art("flood", FLOOD), evil, art("chess", CHESS)]
    paths = batch_stage.write_briefs(batch, tmp_path, fmt="html", min_articles=2, progress=False)
    index = tmp_path / "index.html"
    assert paths[-1] == index
    html = index.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert len(paths) == 2  # one story of two articles, plus the index
    assert f'href="{paths[0].relative_to(tmp_path).as_posix()}"' in html  # in this run's own subdirectory
    jpaths = batch_stage.write_briefs(batch, tmp_path / "j", fmt="json", min_articles=1, progress=False)
    idx = json.loads((tmp_path / "j" / "index.json").read_text(encoding="utf-8"))
    assert len(idx["stories"]) == 2 and len(jpaths) == 3


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_seed_articles_form_one_story() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    from crosswire.read.ingest import read_paths

    arts = read_paths([str(SEEDS)]).articles
    if len(arts) < 2:
        pytest.skip("seeds unreadable")
    res = stories.cluster_stories(arts, embedder=False)
    assert len(res.stories) == 1 and not res.noise
    assert res.stories[0].sources < len(arts)  # the wire copy is recognised


def test_partial_copy_with_new_lead_and_page_furniture_is_a_copy() -> None:
    # an outlet runs the wire text from its second sentence on, with its own lead and a footer
    wire = FLOOD + " " + FLOOD_2
    partial = (
        "Residents of the valley woke to sirens on Tuesday. "
        + " ".join(wire.split(". ")[1:])
        + " Share this story. Most read. Latest news."
    )
    batch = [art("wire", wire, outlet="Wire"), art("chess", CHESS), art("partial", partial, outlet="Local Daily")]
    res = stories.cluster_stories(batch, embedder=False)
    s = story_of(res)
    assert s["partial"] == s["wire"] != s["chess"]
    flood = next(st for st in res.stories if st.id == s["wire"])
    assert flood.sources == 1  # a copy is not an independent source


def test_corpus_index_gives_similarity_real_document_frequencies() -> None:
    corpus = [art(f"c{i}", t) for i, t in enumerate([FLOOD, FLOOD_2, CHESS, CHESS_2, BRIDGE, BRIDGE_2, BRIDGE_3])]
    index = stories.corpus_index(corpus)
    assert index.n_docs == len(corpus)
    same = stories.story_similarity(corpus[4], corpus[5], state=index)
    other = stories.story_similarity(corpus[4], corpus[2], state=index)
    assert 0.0 <= other < same <= 1.0


def test_reports_far_apart_in_the_stream_join_one_story() -> None:
    # three reports of one story arrive far apart, between reports of another kind
    fillers = [
        art(f"f{i}", f"The {name} council approved a budget of {100 + i} million for roads and schools in {name}. "
            f"Councillor {name}son said the vote in {name} was close and the {name} mayor welcomed it.")
        for i, name in enumerate(["Ardley", "Brisk", "Corran", "Dunmow", "Elstree", "Fenwick", "Garrow", "Hexley"])
    ]
    batch = [art("b1", BRIDGE), *fillers[:4], art("b2", BRIDGE_2), *fillers[4:], art("b3", BRIDGE_3)]
    s = story_of(stories.cluster_stories(batch, embedder=False))
    assert s["b1"] == s["b2"] == s["b3"]
    assert s["b1"] not in {s[f.id] for f in fillers}


# --- reports in another language, without the embedding model ---------------------------------

CRANE = (
    "A container crane collapsed at the port of Ellerby on Wednesday, crushing two trucks on the quay. "
    "Harbour master Tomas Wendt said 1,240 containers were stuck on the ship Maren Holt until the berth reopens. "
    "Operator Kestrel Terminals put the damage at 3.75 million euros. "
    "Inspectors from the Ellerby port authority were examining the crane's 46-metre boom."
)
CRANE_2 = (
    "Cargo handling at Ellerby was halted after a crane fell across the quay on Wednesday. "
    "Kestrel Terminals, which runs the berth, estimated the damage at 3.75 million euros. "
    "Tomas Wendt, the harbour master, said the Maren Holt could not unload its 1,240 containers. "
    "Nobody was hurt, but two parked trucks were destroyed."
)
CRANE_DE = (
    "Im Hafen von Ellerby ist am Mittwoch ein Containerkran eingestürzt und hat zwei Lastwagen am Kai zerstört. "
    "Hafenmeister Tomas Wendt sagte, 1.240 Container säßen auf dem Schiff Maren Holt fest. "
    "Der Betreiber Kestrel Terminals schätzt den Schaden auf 3,75 Millionen Euro. "
    "Gutachter der Hafenbehörde untersuchen den Ausleger des Krans. "
    "Verletzt wurde nach ersten Angaben niemand, doch der Umschlag an diesem Liegeplatz ruht bis auf Weiteres. "
    "Anwohner berichteten von einem lauten Knall am frühen Morgen, kurz nach Schichtbeginn. "
    "Die Gewerkschaft der Hafenarbeiter fordert seit Jahren, die älteren Kräne schneller zu ersetzen. "
    "Wann die Arbeit wieder aufgenommen wird, konnte die Behörde noch nicht sagen."
)
SCHOOL_DE = (
    "Die Gesamtschule in Brakenfeld bekommt eine neue Turnhalle, hat der Stadtrat am Dienstag beschlossen. "
    "Der Bau soll im Herbst beginnen und zwei Jahre dauern. "
    "Eltern hatten sich seit Langem über die marode Halle beschwert, deren Dach bei Regen undicht ist. "
    "Bis zur Fertigstellung turnen die Klassen in einer Halle im Nachbarort."
)
# same port and harbour master, another event: names shared, no figure shared
FERRY_DE = (
    "In Ellerby hat Hafenmeister Tomas Wendt am Freitag das neue Fährterminal eröffnet. "
    "Das Gebäude bietet Platz für 680 Fahrgäste und hat 52 Millionen Euro gekostet. "
    "Die erste Fähre nach Norden legte um sieben Uhr ab, begleitet von einer Blaskapelle. "
    "Wendt sprach von einem großen Tag für die Stadt und ihre Pendler."
)
# same figures, other people and place
TENDER_FR = (
    "La commune de Valmorin a commandé 1 240 bancs publics pour ses parcs, a annoncé mardi le maire Hugo Lassalle. "
    "Le marché, attribué à l'entreprise Brisac Mobilier, s'élève à 3,75 millions d'euros. "
    "Les premiers bancs seront installés au printemps dans le jardin des Tanneurs. "
    "L'opposition municipale juge la dépense excessive."
)


def test_translation_joins_its_story_through_names_and_figures_without_embedder() -> None:
    batch = [
        art("crane", CRANE, language="en"),
        art("chess", CHESS, language="en"),
        art("flood", FLOOD, language="en"),
        art("crane2", CRANE_2, language="en"),
        art("ferry-de", FERRY_DE, language="de"),  # same language, same harbour master, another event
        art("school-de", SCHOOL_DE, language="de"),
        art("crane-de", CRANE_DE, language="de"),
    ]
    s = story_of(stories.cluster_stories(batch, embedder=False))
    assert s["crane-de"] == s["crane"] == s["crane2"]
    assert len({s["crane"], s["chess"], s["flood"], s["ferry-de"], s["school-de"]}) == 5
    # the words alone are not enough: the German report shares only its names and figures
    alone = stories.cluster_stories(batch, embedder=False, params=stories.StoryParams(cross_names=99))
    assert story_of(alone)["crane-de"] != story_of(alone)["crane"]


def test_shared_names_alone_or_figures_alone_do_not_join_across_languages() -> None:
    batch = [
        art("crane", CRANE, language="en"),
        art("crane2", CRANE_2, language="en"),
        art("ferry-de", FERRY_DE, language="de"),  # same harbour master, another event
        art("tender-fr", TENDER_FR, language="fr"),  # the same two figures, another town
    ]
    s = story_of(stories.cluster_stories(batch, embedder=False))
    assert s["crane"] == s["crane2"]
    assert s["ferry-de"] != s["crane"]
    assert s["tender-fr"] != s["crane"]
    assert s["ferry-de"] != s["tender-fr"]


def test_translation_arriving_first_gathers_the_later_reports() -> None:
    batch = [art("crane-de", CRANE_DE, language="de"), art("crane", CRANE, language="en"), art("chess", CHESS)]
    s = story_of(stories.cluster_stories(batch, embedder=False))
    assert s["crane"] == s["crane-de"] != s["chess"]


def test_figures_are_read_the_same_in_every_house_style() -> None:
    de = make_doc(art("de", CRANE_DE, language="de"), stories.StoryParams())
    en = make_doc(art("en", CRANE, language="en"), stories.StoryParams())
    fr = make_doc(art("fr", TENDER_FR, language="fr"), stories.StoryParams())
    assert {"1240", "3.75"} <= set(de.counts) & set(en.counts) & set(fr.counts)
    march = make_doc(art("m", "The vote on March 16 was delayed. Die Wahl am 16. März wurde verschoben."),
                         stories.StoryParams())
    assert march.anchors.get("@03-16") == DATE


CRANE_FOLLOW_UP = (
    "Dock workers walked out at Ellerby on Friday to demand safety checks on every crane in the port. "
    "Their union said the accident at the Kestrel Terminals berth had been a warning that older machines were failing. "
    "Managers promised an independent review and said the quay would stay closed through the weekend. "
    "Shipping lines began sending vessels to neighbouring harbours while the dispute continues. "
    "Local shops near the docks said trade had fallen sharply since the walkout began."
)


def test_weakly_similar_reports_that_are_each_others_best_match_join() -> None:
    # the follow-up shares only a few words with the first report, and nothing with the others
    batch = [
        art("flood", FLOOD), art("flood2", FLOOD_2), art("chess", CHESS), art("chess2", CHESS_2),
        art("bridge", BRIDGE), art("bridge2", BRIDGE_2), art("crane", CRANE), art("follow-up", CRANE_FOLLOW_UP),
    ]
    s = story_of(stories.cluster_stories(batch, embedder=False))
    assert s["follow-up"] == s["crane"]
    assert len({s["flood"], s["chess"], s["bridge"], s["crane"]}) == 4
    strict = stories.StoryParams(join_mutual=stories.StoryParams().join)  # no second chance for mutual matches
    s = story_of(stories.cluster_stories(batch, embedder=False, params=strict))
    assert s["follow-up"] != s["crane"]


def test_headline_is_in_the_language_most_reports_use() -> None:
    batch = [
        art("crane-de", CRANE_DE, language="de", title="Kran im Hafen von Ellerby eingestürzt"),
        art("crane", CRANE, language="en", title="Crane collapses at Ellerby port"),
        art("crane2", CRANE_2, language="en", title="Ellerby cargo halted after crane falls"),
        art("chess", CHESS, language="en"),
    ]
    res = stories.cluster_stories(batch, embedder=False)
    s = story_of(res)
    assert s["crane-de"] == s["crane"] == s["crane2"]
    crane = next(st for st in res.stories if st.id == s["crane"])
    assert crane.headline in {"Crane collapses at Ellerby port", "Ellerby cargo halted after crane falls"}


class _CountingEmbedder:
    """Stands in for the multilingual model and counts what it is asked to encode."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def encode(self, texts, *, query: bool = False):
        import numpy as np

        self.texts.extend(texts)
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0


def test_short_page_misread_as_foreign_sends_nothing_to_the_embedding() -> None:
    # a short local item the language detector got wrong must neither make a
    # story "foreign" nor make the English reports pay for the multilingual model
    post = art(
        "post",
        "Kellmarsh council meets tonight to discuss new parking rules for the market square by the town hall.",
        language="uk",
    )
    emb = _CountingEmbedder()
    batch = [post, art("flood", FLOOD, language="en"), art("chess", CHESS, language="en"), art("flood2", FLOOD_2, language="en")]
    s = story_of(stories.cluster_stories(batch, embedder=emb))
    assert emb.texts == []
    assert s["flood"] == s["flood2"] != s["chess"]


def test_article_vectors_are_the_cosines_the_clusterer_sees() -> None:
    arts = [
        Article(id="f1", text=FLOOD),
        Article(id="f2", text=FLOOD_2),
        Article(id="c1", text=CHESS),
        Article(id="n", text=NOISE),
        Article(id="b1", text=BRIDGE),
    ]
    X, noise = stories.article_vectors(arts)
    assert noise == [False, False, False, True, False]
    assert X.shape[0] == len(arts)
    assert X[3].nnz == 0  # a noise page is not vectorised
    cos = (X @ X.T).toarray()
    assert cos[0, 1] > 2 * max(cos[0, 2], cos[0, 4])
    assert cos[0, 0] == pytest.approx(1.0)
    Xk, _ = stories.article_vectors(arts, keep_noise=True)
    assert Xk[3].nnz > 0
