"""A small store for the web tests: two made-up stories (one English, one French) and a hostile report.

Every text is written for these tests (invented places, people and events).  The
hostile report carries script, event-handler and ``javascript:`` payloads in its
title, outlet, URL and text; a page showing it must run none of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crosswire.model import Article

BRIDGE = [
    Article(
        id="gazette-bridge",
        title="Orrin Bridge closed after cracks found",
        outlet="Harbour Gazette",
        published="2026-03-02",
        language="en",
        url="https://gazette.example/orrin-bridge",
        text="The Orrin Bridge in Veldmark was closed to traffic on Monday after inspectors found cracks in two of "
        "its steel supports, the city council said.\n\n"
        "About 12,000 vehicles cross the bridge every day, according to the council's transport office.\n\n"
        "Council engineer Marta Lindqvist said repairs would take at least six weeks.",
    ),
    Article(
        id="post-bridge",
        title="Veldmark shuts the Orrin Bridge",
        outlet="Veldmark Post",
        published="2026-03-02",
        language="en",
        url="https://post.example/news/orrin",
        text="Veldmark city council closed the Orrin Bridge on Monday after cracks were found in two steel "
        "supports during an inspection.\n\n"
        "The council said about 12,000 vehicles use the bridge each day and drivers should expect long "
        "detours.\n\n"
        "Repairs are expected to take at least six weeks, engineer Marta Lindqvist said.",
    ),
    Article(
        id="wire-bridge",
        title="Cracks close Veldmark's Orrin Bridge",
        outlet="River Wire",
        published="2026-03-03",
        language="en",
        url="ftp://wire.example/orrin.txt",
        text="Inspectors discovered cracks in two steel supports of the Orrin Bridge in Veldmark, which the city "
        "council closed on Monday.\n\n"
        "Ferry operators added extra crossings on Tuesday to carry commuters across the river.\n\n"
        "Marta Lindqvist, the council engineer, said repairs would take at least six weeks.",
    ),
]
HOSTILE = Article(
    id="hostile-bridge",
    title='<script>window.__pwned=1</script>Orrin Bridge shut <img src=x onerror="window.__pwned=7">',
    outlet='<img src=x onerror="window.__pwned=2">Bad Outlet',
    published="2026-03-03",
    language="en",
    url="javascript:window.__pwned=3",
    text="<script>window.__pwned=4</script>The Orrin Bridge in Veldmark was closed on Monday after cracks were found "
    "in two steel supports, the city council said.\n\n"
    '<img src=x onerror="window.__pwned=5"> About 12,000 vehicles cross the bridge every day '
    '<a href="javascript:window.__pwned=6">details</a>.\n\n'
    "Repairs to the Orrin Bridge would take at least six weeks, said engineer Marta Lindqvist.",
)
FERRY = [
    Article(
        id="courrier-ferry",
        title="Grève des ferries dans la baie de Tessaly",
        outlet="Le Courrier de Tessaly",
        published="2026-02-10",
        language="fr",
        url="https://courrier.example/greve",
        text="Les marins des ferries de la baie de Tessaly se sont mis en grève mardi pour réclamer des hausses "
        "de salaire, a annoncé leur syndicat.\n\n"
        "Quelque 4 000 passagers empruntent chaque jour les ferries entre Tessaly et l'île de Morvain.\n\n"
        "Le syndicat des marins a indiqué que la grève des ferries durerait au moins trois jours.",
    ),
    Article(
        id="journal-ferry",
        title="Les ferries de Tessaly à l'arrêt",
        outlet="Journal de Morvain",
        published="2026-02-10",
        language="fr",
        url="https://journal.example/ferries",
        text="La grève des marins des ferries de la baie de Tessaly a commencé mardi, selon le syndicat, qui "
        "réclame des hausses de salaire.\n\n"
        "Les ferries transportent environ 4 000 passagers par jour entre Tessaly et l'île de Morvain.\n\n"
        "Selon le syndicat, la grève des ferries durera au moins trois jours.",
    ),
    Article(
        id="radio-ferry",
        title="Premier jour de grève pour les marins de Tessaly",
        outlet="Radio Baie",
        published="2026-02-11",
        language="fr",
        url="https://radio.example/marins",
        text="Aucun ferry n'a quitté le port de Tessaly mardi, au premier jour de la grève des marins des ferries "
        "pour les salaires.\n\n"
        "Les habitants de l'île de Morvain ont attendu des bateaux de pêche pour rejoindre le continent.\n\n"
        "La grève des marins des ferries devrait durer au moins trois jours, a dit le syndicat.",
    ),
]


def make_store(path: Path) -> Any:
    """A store at ``path`` holding the two stories (the hostile report in the bridge story) and one feed."""
    from crosswire.store import add_articles, open_store
    from crosswire.store.follow import add_feeds

    store = open_store(path)
    add_articles(store, [BRIDGE[0], FERRY[0], BRIDGE[1], FERRY[1], HOSTILE, BRIDGE[2], FERRY[2]])
    add_feeds(store, "https://feeds.example/rss")
    return store


def story_of(store: Any, uid: str) -> str:
    from crosswire.store import browse

    detail = browse.article(store, uid)
    assert detail is not None and detail.story_id, uid
    return str(detail.story_id)


def quick_brief(articles: list[Article], words: int = 120) -> Any:
    """A brief without the facts stage (copies and the cited summary): fast enough for API tests."""
    from crosswire import copies
    from crosswire.brief import build_brief

    return build_brief(articles, copies.find_copies(articles), None, words=words)
