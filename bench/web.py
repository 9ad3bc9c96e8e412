"""The web app under load: a store of the 10,366-article dev stream, served by ``crosswire serve``, on loopback.

    python bench/web.py [--clients 50] [--seconds 60] [--think 0] [--db PATH] [--stories 5]
                        [--client raw|httpx] [--src OTHER/src]

* the store: ``crosswire add`` of ../shared/eval/stories/multinews-stories-dev.jsonl into
  /tmp/crosswire-web-bench/dev.db (reused when present; ``--db`` names another);
* the briefs of the ``--stories`` biggest stories are built and kept first (as
  ``crosswire serve`` does on a story's first visit), so the load measures serving;
* ``crosswire serve`` (uvicorn, one process) on a free port of 127.0.0.1;
* cold figures: each list page (search words, filters, pages) and story page asked once,
  before anything is cached;
* the load: ``--clients`` httpx async clients for ``--seconds`` seconds, each asking, in
  turn, a list page (filters, pages, searches drawn at random), a story page and an API
  call (the list, a story, a brief), waiting ``--think`` seconds between two requests
  (0: as fast as the server answers, the worst case).  No ETag is sent back: every
  answer is a full page;
* the clients (``--client``): ``raw`` (default) speaks HTTP/1.1 over one keep-alive asyncio
  connection each (uvloop when installed), reading the status line, the headers and a
  Content-Length body; ``httpx``, an ``httpx.AsyncClient``, costs the load generator some
  2 ms of CPU a request, four times what the server spends, so on a 2-core machine the
  generator, not the server, set the latency with 50 clients and no pause;
* ``--src`` serves another checkout's ``src/`` (to measure the old code in the same minute).

Prints, per kind (list, story, api): requests, requests/s, p50/p95/p99 latency in ms and
errors (any status but 200, or a failed request).  Targets: p95 under 150 ms for the
list and story pages, 0 errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "eval" / "stories" / "multinews-stories-dev.jsonl"
DEFAULT_DB = Path("/tmp/crosswire-web-bench/dev.db")
WORDS = ["police", "election", "court", "fire", "president", "storm", "school", "trump", "climate", "football",
         "hospital", "bank", "china", "vote", "prison", "film", "music", "oil", "earthquake", "senate"]


def build_store(db: Path) -> None:
    if db.exists():
        print(f"store: {db} (reused)", flush=True)
        return
    if not DATA.exists():
        sys.exit(f"missing {DATA}")
    db.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-m", "crosswire", "add", "--db", str(db), str(DATA)], env=env, check=False,
                   stderr=subprocess.DEVNULL)
    print(f"store: {db} built in {time.perf_counter() - t0:.0f} s", flush=True)


def prepare_briefs(db: Path, n: int) -> list[str]:
    """The ids of the ``n`` biggest stories, each with a fresh kept brief."""
    from crosswire.model import Story
    from crosswire.store import browse, open_store
    from crosswire.store.briefs import articles_hash, build_story_brief, kept_brief

    store = open_store(db, create=False)
    page = browse.list_stories(store, browse.StoryQuery(per_page=n))
    out = []
    for row in page.stories:
        d = browse.story(store, row.id)
        assert d is not None
        uids = [m.uid for m in d.members]
        kept = kept_brief(store, row.id)
        if kept is None or kept.body is None or kept.articles_hash != articles_hash(store, uids):
            t0 = time.perf_counter()
            build_story_brief(store, Story(id=row.id, articles=uids, headline=row.headline), timeout=300)
            print(f"brief {row.id} ({len(uids)} articles) built in {time.perf_counter() - t0:.1f} s", flush=True)
        out.append(row.id)
    store.close()
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def list_url(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return f"/?page={rng.randint(1, 20)}"
    if r < 0.7:
        return f"/?q={rng.choice(WORDS)}" + (f"&page={rng.randint(1, 3)}" if rng.random() < 0.3 else "")
    if r < 0.85:
        return f"/?sort=recent&min_articles={rng.choice([1, 2, 3, 5])}&page={rng.randint(1, 10)}"
    return f"/?language=en&page={rng.randint(1, 10)}"


def api_url(rng: random.Random, stories: list[str]) -> str:
    r = rng.random()
    if r < 0.4:
        return f"/api/stories?page={rng.randint(1, 20)}"
    if r < 0.7:
        return f"/api/stories/{rng.choice(stories)}"
    return f"/api/stories/{rng.choice(stories)}/brief"


def pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


class RawHTTP:
    """One keep-alive HTTP/1.1 connection: GET a path, return the status (the body is read whole)."""

    def __init__(self, host: str, port: int, timeout: float = 30.0) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        try:
            return await asyncio.wait_for(self._get(path), self.timeout)
        except BaseException:
            self.close()
            raise

    async def _get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def load(base: str, stories: list[str], clients: int, seconds: float, think: float, seed: int,
               kind_of_client: str = "raw") -> dict:
    import httpx

    lat: dict[str, list[float]] = {"list": [], "story": [], "api": []}
    errors: dict[str, int] = {"list": 0, "story": 0, "api": 0}
    samples: dict[str, str] = {}
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    host, port = base.removeprefix("http://").rsplit(":", 1)

    async def client(k: int, http: httpx.AsyncClient) -> None:
        rng = random.Random(seed * 1000 + k)
        raw = RawHTTP(host, int(port)) if kind_of_client == "raw" else None
        kinds = ["list", "story", "api"]
        n = rng.randrange(3)
        while time.monotonic() < stop:
            kind = kinds[n % 3]
            n += 1
            url = {"list": lambda: list_url(rng), "story": lambda: f"/stories/{rng.choice(stories)}",
                   "api": lambda: api_url(rng, stories)}[kind]()
            t0 = time.perf_counter()
            try:
                status = await raw.get(url) if raw is not None else (await http.get(url)).status_code
                ok = status == 200
                if not ok:
                    samples.setdefault(kind, f"{url}: HTTP {status}")
            except (httpx.HTTPError, OSError, ValueError, asyncio.IncompleteReadError, TimeoutError) as e:
                ok = False
                samples.setdefault(kind, f"{url}: {type(e).__name__}")
            dt = time.perf_counter() - t0
            if ok:
                lat[kind].append(dt)
            else:
                errors[kind] += 1
            if think:
                await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
        if raw is not None:
            raw.close()

    t0 = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as http:
        await asyncio.gather(*(client(k, http) for k in range(clients)))
    wall = time.perf_counter() - t0
    return {"wall": wall, "lat": lat, "errors": errors, "samples": samples}


def cold(base: str, stories: list[str]) -> dict[str, list[float]]:
    """Each URL once, before anything is cached: what a first visitor waits."""
    import httpx

    out: dict[str, list[float]] = {"list": [], "story": []}
    rng = random.Random(1)
    urls = [("list", f"/?q={w}") for w in WORDS[:10]] + [("list", list_url(rng)) for _ in range(10)]
    urls += [("story", f"/stories/{s}") for s in stories]
    with httpx.Client(base_url=base, timeout=60.0) as http:
        for kind, url in urls:
            t0 = time.perf_counter()
            http.get(url)
            out[kind].append(time.perf_counter() - t0)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--think", type=float, default=0.0, help="mean seconds a client waits between requests (0: none)")
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--stories", type=int, default=5, help="story pages in the mix (the biggest stories)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--client", choices=["raw", "httpx"], default="raw", help="the load generator's HTTP client")
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the src/ folder whose server runs")
    args = ap.parse_args()
    build_store(args.db)
    stories = prepare_briefs(args.db, args.stories)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(args.src.resolve())}
    cmd = [sys.executable, "-m", "crosswire", "serve", "--db", str(args.db), "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)
    try:
        import httpx

        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/api/stories?per_page=1", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit("crosswire serve did not start")
            time.sleep(0.3)
        c = cold(base, stories)
        print(f"cold (first visit, nothing cached): list p50 {statistics.median(c['list']) * 1000:.0f} ms, "
              f"max {max(c['list']) * 1000:.0f} ms over {len(c['list'])} pages; story p50 "
              f"{statistics.median(c['story']) * 1000:.0f} ms, max {max(c['story']) * 1000:.0f} ms over "
              f"{len(c['story'])}", flush=True)
        import psutil

        server = psutil.Process(proc.pid)
        def server_cpu_s() -> float:
            return sum(server.cpu_times()[:2])

        cpu0 = server_cpu_s()
        me = psutil.Process()
        own0 = sum(me.cpu_times()[:2])
        if args.client == "raw":
            try:
                import uvloop

                uvloop.install()
            except ImportError:
                pass
        res = asyncio.run(load(base, stories, args.clients, args.seconds, args.think, args.seed, args.client))
        server_cpu = server_cpu_s() - cpu0
        client_cpu = sum(me.cpu_times()[:2]) - own0
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    load_avg = os.getloadavg()[0]
    print(f"\n{args.clients} clients ({args.client}), {res['wall']:.1f} s, think {args.think} s, server "
          f"{args.src}, load average {load_avg:.1f} on {os.cpu_count()} cores")
    print(f"{'kind':<6} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    total = 0
    summary = {}
    for kind in ("list", "story", "api"):
        xs = res["lat"][kind]
        n = len(xs) + res["errors"][kind]
        total += n
        row = (n, n / res["wall"], pct(xs, 50) * 1000, pct(xs, 95) * 1000, pct(xs, 99) * 1000, res["errors"][kind])
        summary[kind] = row
        print(f"{kind:<6} {row[0]:>9} {row[1]:>8.1f} {row[2]:>8.1f} {row[3]:>8.1f} {row[4]:>8.1f} {row[5]:>7}")
    print(f"all    {total:>9} {total / res['wall']:>8.1f}   server CPU {server_cpu:.1f} s = "
          f"{server_cpu / max(total, 1) * 1000:.2f} ms a request; load generator CPU {client_cpu:.1f} s")
    for kind, s in res["samples"].items():
        print(f"first {kind} error: {s}")
    ok = all(summary[k][3] < 150 for k in ("list", "story")) and not any(res["errors"].values())
    print("targets (p95 < 150 ms for list and story pages, 0 errors):", "met" if ok else "NOT met")
    print(json.dumps({k: [round(x, 1) for x in v] for k, v in summary.items()}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
