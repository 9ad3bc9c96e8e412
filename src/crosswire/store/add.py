"""Adding articles to a store: idempotent, one transaction per article with its story.

An article is stored once: a text already stored (same content hash) is
"already stored"; a new text at a known URL is a new version of that page (the
old one is kept, marked not latest).  New articles go through the streaming
story clusterer in chunks; each article is then committed in its own
transaction together with its story decision (the story row is created or
updated in that same transaction), so a process killed at any moment leaves
only whole articles in whole stories.

The clusterer's state (:class:`crosswire.stories.StoryIndex`) lives in the
writer's memory.  It is saved in the store now and then (``cluster_state``:
the pickled index and the last article it includes); on start the writer loads
it and folds in, without deciding anything again, the articles committed after
it (:func:`crosswire.stories.restore_stories`), or rebuilds it from all
stored assignments when there is none.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, func, select, update

from crosswire.model import Article
from crosswire.store import schema as t
from crosswire.store.db import Store
from crosswire.stories import NOISE_PREFIX, StoryIndex, StoryParams, cluster_stories, restore_stories

CHUNK = 20_000  # articles clustered together (the reassignment pass works within a chunk)
SAVE_EVERY = 120.0  # seconds between saves of the clusterer state during a long run
SAVE_TAIL = 2000  # at the end of a run, save the state only if this many articles are not in the saved one
# (fewer are folded in by the next writer when it starts: restore_stories costs about 0.6 ms an
# article, while saving the whole state of a 10,000-article store takes a second or two)
_IN = 500  # values per IN (...) query


@dataclass
class AddSummary:
    """What an ``add`` did: ``new`` includes ``versions`` (changed pages at known URLs)."""

    new: int = 0
    stored: int = 0
    errors: int = 0
    versions: int = 0
    stories: set[str] = field(default_factory=set)  # stories that gained an article
    uids: list[str] = field(default_factory=list)  # the new articles' ids, in order

    def line(self) -> str:
        err = f"{self.errors} error" + ("s" if self.errors != 1 else "")
        ver = (
            f" ({self.versions} new version{'s' if self.versions != 1 else ''} of known pages)" if self.versions else ""
        )
        return f"{self.new} new{ver}, {self.stored} already stored, {err}"

    def merge(self, other: AddSummary) -> None:
        self.new += other.new
        self.stored += other.stored
        self.errors += other.errors
        self.versions += other.versions
        self.stories |= other.stories
        self.uids += other.uids


def content_hash(article: Article) -> str:
    """The identity of an article's content: its title and clean text, whitespace folded."""
    body = " ".join((article.text or "").split())
    title = " ".join((article.title or "").split())
    return hashlib.sha256(f"{title}\x1f{body}".encode()).hexdigest()


# what a saved clusterer state may be made of: unpickling anything else is refused, so that
# whoever can write to a shared database cannot make its writers run code
# fmt: off
_STATE_CLASSES = {
    "crosswire.stories.profiles": {"StoryIndex", "StoryProfile", "StoryParams"},
    "collections": {"Counter"},
    "scipy.sparse._csr": {"csr_matrix"},
    "numpy": {"dtype", "ndarray"},
    "numpy._core.numeric": {"_frombuffer"},
    "numpy.core.numeric": {"_frombuffer"},
    "numpy._core.multiarray": {"_reconstruct", "scalar"},
    "numpy.core.multiarray": {"_reconstruct", "scalar"},
}
# fmt: on


class _StateUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if name in _STATE_CLASSES.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a clusterer state")


def _load_state(blob: bytes) -> StoryIndex:
    import io

    index = _StateUnpickler(io.BytesIO(zlib.decompress(blob))).load()
    if not isinstance(index, StoryIndex):
        raise pickle.UnpicklingError("not a clusterer state")
    return index


def _params_key(params: StoryParams) -> str:
    return json.dumps(dataclasses.asdict(params), sort_keys=True)


def article_from_row(row: Any) -> Article:
    meta = json.loads(row.meta) if getattr(row, "meta", None) else {}
    return Article(
        id=row.uid,
        text=row.text,
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        language=row.language,
        url=row.url,
        credits=meta.get("credits", []),
        dateline=meta.get("dateline"),
        headings=meta.get("headings", []),
        path=meta.get("path"),
    )


def _chunks(values: Sequence[Any], n: int = _IN) -> Iterable[Sequence[Any]]:
    for k in range(0, len(values), n):
        yield values[k : k + n]


class Clusterer:
    """The writer's streaming story state, loaded from and saved to the store."""

    def __init__(self, store: Store, *, embedder: Any = None, params: StoryParams | None = None) -> None:
        self.store = store
        self.embedder = embedder
        self.params = params or StoryParams()
        self.index: StoryIndex | None = None
        self.upto = 0  # last article seq the index includes
        self.saved_upto = -1
        self.last_save = time.monotonic()
        self.load_seconds = 0.0
        self.restored = 0  # articles folded in at load

    def load(self) -> StoryIndex:
        """The state as of the store's last committed article (loaded once, then kept up to date)."""
        store = self.store
        with store.engine.connect() as conn:
            top = conn.execute(select(func.max(t.articles.c.seq))).scalar() or 0
            if self.index is not None and self.upto == top:
                return self.index
            t0 = time.perf_counter()
            if self.index is None:
                row = conn.execute(select(t.cluster_state).where(t.cluster_state.c.id == 1)).first()
                if row is not None and row.params == _params_key(self.params):
                    try:
                        self.index = _load_state(row.blob)
                        self.upto = self.saved_upto = row.upto_seq
                    except Exception:  # noqa: BLE001 - an unreadable state is rebuilt from the assignments
                        self.index = None
                if self.index is None:
                    self.index, self.upto = StoryIndex(params=self.params), 0
            a = t.articles.c
            q = (
                select(
                    a.seq, a.uid, a.text, a.title, a.outlet, a.published, a.language, a.url, a.meta, a.story_id, a.noise
                )
                .where(a.seq > self.upto)
                .order_by(a.seq)
            )
            arts: list[Article] = []
            sids: list[str | None] = []
            for r in conn.execute(q):
                arts.append(article_from_row(r))
                sids.append(NOISE_PREFIX + r.uid if r.noise else r.story_id)
                self.upto = r.seq
                if len(arts) >= 5000:
                    restore_stories(arts, sids, state=self.index)
                    self.restored += len(arts)
                    arts, sids = [], []
            if arts:
                restore_stories(arts, sids, state=self.index)
                self.restored += len(arts)
            self.load_seconds += time.perf_counter() - t0
        return self.index

    def save(self, *, final: bool = False, force: bool = False) -> None:
        """Save the state if it moved and: ``force``; or ``SAVE_EVERY`` seconds went by since the last
        save; or, at the end of a run (``final``), ``SAVE_TAIL`` articles are missing from the saved one."""
        if self.index is None or self.upto == self.saved_upto:
            return
        due = time.monotonic() - self.last_save >= SAVE_EVERY
        if final and self.upto - max(self.saved_upto, 0) >= SAVE_TAIL:
            due = True
        if not (force or due):
            return
        blob = zlib.compress(pickle.dumps(self.index, protocol=pickle.HIGHEST_PROTOCOL), 1)
        values = {"upto_seq": self.upto, "params": _params_key(self.params), "blob": blob, "saved": time.time()}
        with self.store.engine.begin() as conn:
            done = conn.execute(update(t.cluster_state).where(t.cluster_state.c.id == 1).values(**values)).rowcount
            if not done:
                conn.execute(t.cluster_state.insert().values(id=1, **values))
        self.saved_upto = self.upto
        self.last_save = time.monotonic()


def _existing(conn: Any, column: Any, values: list[str]) -> set[str]:
    found: set[str] = set()
    for part in _chunks(sorted(set(values))):
        found.update(conn.execute(select(column).where(column.in_(part))).scalars())
    return found


def _latest_by_url(conn: Any, urls: list[str]) -> dict[str, tuple[int, int]]:
    a = t.articles.c
    out: dict[str, tuple[int, int]] = {}
    for part in _chunks(sorted(set(urls))):
        for r in conn.execute(select(a.url, a.seq, a.version).where(a.url.in_(part), a.latest.is_(True))):
            out[r.url] = (r.seq, r.version)
    return out


@dataclass
class _New:
    article: Article  # with its store id
    hash: str
    previous: tuple[int, int] | None  # (seq, version) of the older version at its URL


def _plan(store: Store, articles: Sequence[Article], summary: AddSummary) -> list[_New]:
    """The articles not stored yet, with their store ids and the versions they replace."""
    hashes = [content_hash(a) for a in articles]
    with store.engine.connect() as conn:
        known = _existing(conn, t.articles.c.content_hash, hashes)
        urls = _latest_by_url(conn, [a.url for a in articles if a.url])
        taken = _existing(conn, t.articles.c.uid, [a.id for a in articles])
    out: list[_New] = []
    for a, h in zip(articles, hashes, strict=True):
        if h in known:
            summary.stored += 1
            continue
        known.add(h)
        uid = a.id or h[:16]
        if uid in taken:
            uid = f"{uid}~{h[:10]}"
        taken.add(uid)
        prev = urls.get(a.url) if a.url else None
        out.append(_New(dataclasses.replace(a, id=uid), h, prev))
        if a.url:
            urls[a.url] = (-1, (prev[1] if prev else 1))  # a second version inside one batch chains to this one
    return out


def _meta(a: Article) -> str:
    return json.dumps(
        {
            "credits": a.credits,
            "dateline": a.dateline,
            "headings": a.headings,
            "path": a.path,
            "removed": len(a.removed),
        },
        ensure_ascii=False,
    )


_STORY_ROW = select(
    t.stories.c.size, t.stories.c.sources, t.stories.c.first_date, t.stories.c.last_date, t.stories.c.headline
).where(t.stories.c.id == bindparam("b_id"))
_STORY_NEW = t.stories.insert()
_STORY_SET = (
    update(t.stories)
    .where(t.stories.c.id == bindparam("b_id"))
    .values(
        size=bindparam("b_size"),
        sources=bindparam("b_sources"),
        first_date=bindparam("b_first"),
        last_date=bindparam("b_last"),
        headline=bindparam("b_headline"),
        updated=bindparam("b_updated"),
        live=bindparam("b_live"),
    )
)
_LATEST_AT = select(t.articles.c.seq, t.articles.c.version).where(
    t.articles.c.url == bindparam("b_url"), t.articles.c.latest.is_(True)
)
_NOT_LATEST = update(t.articles).where(t.articles.c.seq == bindparam("b_seq")).values(latest=False)
_ARTICLE_NEW = t.articles.insert()


def _commit_one(
    store: Store, item: _New, story_id: str | None, is_copy: bool, headline: str | None, feed_id: int | None, live: bool
) -> int:
    """One article and its story decision, in one transaction; returns the article's seq.

    The statements are built once (only their parameters change), and the
    story row is read and rewritten here: there is one writer (the lock).
    """
    a = item.article
    now = time.time()
    with store.engine.begin() as conn:
        previous, version = None, 1
        if item.previous is not None and a.url:
            row = conn.execute(_LATEST_AT, {"b_url": a.url}).first()
            if row is not None:
                previous, version = row.seq, row.version + 1
                conn.execute(_NOT_LATEST, {"b_seq": row.seq})
        if story_id is not None:
            cur = conn.execute(_STORY_ROW, {"b_id": story_id}).first()
            if cur is None:
                conn.execute(
                    _STORY_NEW,
                    {
                        "id": story_id,
                        "headline": None,
                        "size": 0,
                        "sources": 0,
                        "created": now,
                        "updated": now,
                        "live": True,
                    },
                )
                size = sources = 0
                first = last = head = None
            else:
                size, sources, first, last, head = cur
            d = a.published
            if d:
                first = min(d, first) if first else d
                last = max(d, last) if last else d
            if a.title and (head is None or a.title == headline):
                head = a.title  # only a committed member's title heads a story
            conn.execute(
                _STORY_SET,
                {
                    "b_id": story_id,
                    "b_size": size + 1,
                    "b_sources": sources + (not is_copy),
                    "b_first": first,
                    "b_last": last,
                    "b_headline": head,
                    "b_updated": now,
                    "b_live": live,
                },
            )
        res = conn.execute(
            _ARTICLE_NEW,
            {
                "uid": a.id,
                "url": a.url,
                "content_hash": item.hash,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published,
                "language": a.language,
                "text": a.text,
                "meta": _meta(a),
                "first_seen": now,
                "feed_id": feed_id,
                "version": version,
                "previous": previous,
                "latest": True,
                "story_id": story_id,
                "is_copy": is_copy,
                "noise": story_id is None,
            },
        )
        key = res.inserted_primary_key
        if key is None:
            raise RuntimeError("the database returned no key for the new article")
        return int(key[0])


def add_articles(
    store: Store,
    articles: Sequence[Article],
    *,
    clusterer: Clusterer | None = None,
    feed_id: int | None = None,
    chunk: int = CHUNK,
    embedder: Any = None,
    stop: Callable[[], bool] | None = None,
    on_commit: Callable[[str], None] | None = None,
    save: bool = True,
) -> AddSummary:
    """Store the articles not stored yet and sort them into stories; see the module's docstring.

    ``clusterer`` keeps the state between calls (a watch loop); ``stop()`` is
    asked between articles and ends the run cleanly.  ``save=False`` leaves the
    end-of-run save of the clusterer state to the caller (a fetch pass decides once).
    """
    summary = AddSummary()
    if not articles:
        return summary
    cl = clusterer or Clusterer(store, embedder=embedder)
    with store.writer():
        todo = _plan(store, articles, summary)
        if not todo:
            return summary
        index = cl.load()
        try:
            for k in range(0, len(todo), max(1, chunk)):
                part = todo[k : k + chunk]
                res = cluster_stories([n.article for n in part], state=index, embedder=cl.embedder)
                story_of = dict(res.assignments)
                for item in part:
                    if stop is not None and stop():
                        cl.index, cl.upto, cl.saved_upto = None, -1, -1  # it holds uncommitted articles
                        return summary
                    sid = story_of[item.article.id]
                    pr = None if sid.startswith(NOISE_PREFIX) else index.stories.get(sid)
                    seq = _commit_one(
                        store,
                        item,
                        None if pr is None else sid,
                        is_copy=pr is not None and item.article.id not in pr.roots,
                        headline=pr.headline if pr else None,
                        feed_id=feed_id,
                        live=pr.live if pr else True,
                    )
                    cl.upto = seq
                    summary.new += 1
                    summary.versions += item.previous is not None
                    summary.uids.append(item.article.id)
                    if pr is not None:
                        summary.stories.add(sid)
                    if on_commit is not None:
                        on_commit(item.article.id)
                closed = [p.id for p in index.profiles if p is not None and not p.live]
                if closed:
                    with store.engine.begin() as conn:
                        for part_ids in _chunks(closed):
                            conn.execute(
                                update(t.stories)
                                .where(t.stories.c.id.in_(part_ids), t.stories.c.live.is_(True))
                                .values(live=False)
                            )
                cl.save()
        except BaseException:
            # the in-memory state may hold articles that were not committed: drop it (the next load rebuilds)
            cl.index = None
            cl.upto = cl.saved_upto = -1
            raise
        if save:
            cl.save(final=True)
    return summary
