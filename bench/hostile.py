"""Hostile and broken inputs, full disks and killed runs (issue 17): every case, run through the CLI.

Builds its inputs itself in a temporary directory, runs ``python -m crosswire`` on them as a
user or an attacker would, and prints one row per case: OK, or what went wrong.  Five classes:

  markup   Markdown injection in every Markdown output (parsed with markdown-it-py, CommonMark)
  chars    control and bidi characters reaching a terminal or an output
  reading  one bad part of an input losing the whole input
  output   outputs destroyed by a full disk, a kill or a rerun
  signals  SIGTERM, --jobs, file modes, a page too big to extract

    python bench/hostile.py                   # this checkout's src/
    python bench/hostile.py --src /tmp/old/src  # another checkout, for a before/after table
    python bench/hostile.py --only reading      # one class

A full disk is simulated with RLIMIT_FSIZE (a write past it fails with EFBIG, as on a full
disk); an unreadable directory needs a user without root's rights, so as root the CLI runs
without its file-permission capabilities (``setpriv``) for that case.  Exit status 1 when a case fails.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# --- inputs -----------------------------------------------------------------------------------

# eight unrelated stories, two reports each (written for this bench); each report three sentences
STORIES = [
    ("Linmouth", "A fire destroyed a warehouse at the port of Linmouth on Friday night, and 60 firefighters fought it "
                 "until dawn. The harbour master said two cargo ships were moved away from the quay. No one was hurt, "
                 "the fire service said."),
    ("Selby", "The Selby youth orchestra will tour four cities in the spring, its director Amara Quist announced on "
              "Monday. The 70 young musicians will play a new symphony by Teodor Vahl. Tickets go on sale next week."),
    ("Corvale", "Trams in Corvale stopped for three hours on Wednesday after a power cut at the main depot. "
                "About 20,000 "
                "commuters were affected, the city transport company said. Buses replaced the trams on two lines."),
    ("Brisa", "The Brisa book fair opened on Thursday with 400 publishers from 30 countries, the organisers said. "
              "Mayor Oto Rell cut the ribbon in the main hall. The fair runs until Sunday evening."),
    ("Marrow", "Farmers in the Marrow valley lost half their wheat harvest to a hailstorm on Tuesday, the regional "
               "farmers union said. Hailstones the size of eggs fell for twenty minutes. The union asked for aid."),
    ("Dunholt", "The Dunholt city council approved a new bridge over the river Tane on Monday by 31 votes to 12. "
                "The bridge will cost 45 million euros, council leader Ines Marl said. Work starts next year."),
    ("Quenby", "A rare white stork was seen nesting on the Quenby church tower on Saturday, the bird society said. "
               "Dozens of watchers gathered in the square. The society asked visitors to keep their distance."),
    ("Osterby", "Osterby hospital opened a new children's ward with 24 beds on Wednesday, the health board said. "
                "The ward cost 8 million euros and took two years to build. Nurses gave the first tours."),
]


def _rewrite(text: str) -> str:
    """A second report of the same story: the same facts, sentence order turned round."""
    sents = re.split(r"(?<=\.) ", text)
    return " ".join([sents[1], sents[0]] + sents[2:]).replace(" said.", " told reporters.")


def story_rows(tag: str = "", n: int = len(STORIES)) -> list[dict]:
    rows = []
    for k, (place, text) in enumerate(STORIES[:n]):
        for r, body in enumerate((text, _rewrite(text))):
            rows.append({"id": f"{place.lower()}-{r}{tag}", "title": f"{place} report {r}", "outlet": f"Outlet {r}",
                         "date": "2026-03-0%d" % (r + 1), "text": body})
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


MD_PAYLOADS = [
    "\\<img src=x onerror=alert(1)>",
    "\\[x\\](javascript:alert(1))",
    "# A forged heading",
    "> A forged quotation",
    "<script>alert(1)</script>",
    "<link href=//evil.example/x.css rel=stylesheet>",
    # new payloads of the class
    "[ref]: javascript:alert(2)",
    "![pixel](http://tracker.example/p.gif)",
    "<!-- hidden --> <![CDATA[x]]>",
    "| forged | table |",
    "\\\\<b>double backslash</b>",
]

# --- running the CLI ----------------------------------------------------------------------------


@dataclass
class Run:
    code: int
    out: bytes
    err: bytes
    seconds: float
    peak_mb: float


class Bench:
    def __init__(self, src: Path, work: Path) -> None:
        self.src, self.work = src, work
        self.env = dict(os.environ, PYTHONPATH=str(src), COLUMNS="200")

    def cli(self, *args: str, timeout: float = 600, umask: int | None = None, fsize: int | None = None,
            no_root: bool = False, cwd: Path | None = None) -> Run:
        def pre() -> None:
            if umask is not None:
                os.umask(umask)
            if fsize is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        # root reads any directory: without the capabilities that let it, it reads as a user would
        root = no_root and os.geteuid() == 0
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"] if root else []
        p = subprocess.run([*prefix, sys.executable, "-m", "crosswire", *args], capture_output=True, env=self.env,
                           timeout=timeout, preexec_fn=pre, cwd=cwd or self.work)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return Run(p.returncode, p.stdout, p.stderr, time.perf_counter() - t0,
                   peak / 1024 if peak > before else float("nan"))

    def start(self, *args: str, umask: int | None = None) -> subprocess.Popen:
        def pre() -> None:
            if umask is not None:
                os.umask(umask)

        return subprocess.Popen([sys.executable, "-m", "crosswire", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=self.env, preexec_fn=pre, cwd=self.work)

    def dir(self, name: str) -> Path:
        d = self.work / name
        d.mkdir(parents=True, exist_ok=True)
        return d


# --- checks -------------------------------------------------------------------------------------


def md_problems(md: str, allowed_h: set[str] | None = None) -> str | None:
    """What in rendered Markdown did not come from us: HTML, foreign links, images, quotes, tables, code."""
    from markdown_it import MarkdownIt

    toks = []
    for t in MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(md):
        toks.append(t)
        toks.extend(t.children or [])
    for t in toks:
        if t.type in ("html_inline", "html_block"):
            return f"raw HTML {t.content.strip()[:40]!r}"
        if t.type == "link_open" and not re.match(r"https?://|[\w.-]+(/[\w.-]+)*$", str(t.attrs.get("href"))):
            return f"link to {t.attrs.get('href')!r}"
        if t.type in ("image", "blockquote_open", "table_open", "fence", "code_block"):
            return f"{t.type} from the text"
    if allowed_h is not None:
        all_toks = MarkdownIt("commonmark").parse(md)
        for k, t in enumerate(all_toks):
            if t.type == "heading_open" and t.map and t.map[0] == 0 and t.tag == "h1":
                continue  # the brief's headline: text of the story by design, on the first line
            if t.type == "heading_open" and not any(all_toks[k + 1].content.startswith(a) for a in allowed_h):
                return f"a heading from the text: {all_toks[k + 1].content[:40]!r}"
    return None


def unsafe_bytes(data: bytes) -> str | None:
    """Control or bidi characters that a terminal would obey."""
    text = data.decode("utf-8", "replace")
    for c in text:
        if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F:
            return f"control character U+{ord(c):04X} written"
        if c in BIDI:
            return f"bidi control U+{ord(c):04X} written"
    return None


def index_links(out: Path) -> list[Path]:
    for name in ("index.html", "index.md"):
        p = out / name
        if p.is_file():
            text = p.read_text(encoding="utf-8")
            hrefs = re.findall(r'href="([^"]+)"', text) if name.endswith("html") else re.findall(r"\]\(([^)]+)\)", text)
            return [out / h for h in hrefs]
    p = out / "index.json"
    if p.is_file():
        return [out / s["href"] for s in json.loads(p.read_text())["stories"]]
    return []


def _rows_out(r: Run) -> int:
    """Articles a ``read --format jsonl`` printed (one per non-empty line)."""
    return sum(1 for line in r.out.decode().splitlines() if line.strip())


def brief_files(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(("index.", "."))]


# --- cases --------------------------------------------------------------------------------------

CASES: list[tuple[str, str, Callable[[Bench], str]]] = []


def case(cls: str, name: str) -> Callable:
    def add(fn: Callable[[Bench], str]) -> Callable[[Bench], str]:
        CASES.append((cls, name, fn))
        return fn

    return add


def _md_brief_input(b: Bench) -> Path:
    rows = story_rows(n=1)
    for k, r in enumerate(rows):
        r["title"] = MD_PAYLOADS[k]
        r["outlet"] = MD_PAYLOADS[k + 2]
        r["text"] += " " + " ".join(f"{p} The warehouse fire was fought by 60 firefighters." for p in MD_PAYLOADS)
        r["text"] += "\n\n# The port of Linmouth reopened on Saturday.\n\n> The harbour master said the quay is safe."
    return write_jsonl(b.work / "md-brief.jsonl", rows)


_BRIEF_HEADINGS = {"Summary", "What all sources agree on", "Reported by only some", "Where they disagree", "Quotes",
                   "Key numbers", "Timeline", "People, organisations and places", "Sources", "How the figures",
                   "Independent report", "One report", "Number:", "Date:", "Denial:", "Claim:", "Disagreement"}


@case("markup", "brief md: backslash bypass, # and > sentences, payload titles")
def _brief_md(b: Bench) -> str:
    r = b.cli("brief", str(_md_brief_input(b)), "--format", "md")
    md = r.out.decode()
    if r.code not in (0, 1) or not md:
        return f"exit {r.code}: {r.err.decode()[-200:]}"
    h1 = md.splitlines()[0]
    problem = md_problems(md, _BRIEF_HEADINGS)
    if problem:
        return problem
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(md)
    if "&lt;img src=x onerror=alert(1)&gt;" not in html:
        return "payload title not shown as text"
    return "OK" if h1.startswith("# ") else "no headline"


@case("markup", "briefs md: index and briefs, payload headlines")
def _briefs_md(b: Bench) -> str:
    out = b.work / "md-briefs"
    r = b.cli("briefs", str(_md_brief_input(b)), "-o", str(out), "--format", "md", "-q", "--min-articles", "1")
    files = [p for p in out.rglob("*.md")]
    if not files:
        return f"exit {r.code}: nothing written"
    for p in files:
        if problem := md_problems(p.read_text(encoding="utf-8"),
                                  _BRIEF_HEADINGS if p.name != "index.md" else {"1 stor", "2 stor", "Not "}):
            return f"{p.name}: {problem}"
    return "OK"


def _payload_rows() -> list[dict]:
    rows = []
    for k, p in enumerate(MD_PAYLOADS):
        rows.append({"id": f"r{k}", "title": p, "outlet": p,
                     "text": f"{p}\n\n{p} The crane at the harbour collapsed on Monday, injuring two workers."})
    return rows


@case("markup", "read --format md: <script>, <link> and the rest")
def _read_md(b: Bench) -> str:
    r = b.cli("read", str(write_jsonl(b.work / "payloads.jsonl", _payload_rows())), "--format", "md")
    md = r.out.decode()
    return md_problems(md.replace("\n---\n", "\n\n")) or ("OK" if md.count("\n# ") >= len(MD_PAYLOADS) - 1 else
                                                          "articles missing")


@case("markup", "copies --format md: <link href> and the rest")
def _copies_md(b: Bench) -> str:
    r = b.cli("copies", str(write_jsonl(b.work / "payloads.jsonl", _payload_rows())), "--format", "md")
    return md_problems(r.out.decode()) or "OK"


@case("markup", "stories --format md (new: tables, images, reference links)")
def _stories_md(b: Bench) -> str:
    r = b.cli("stories", str(write_jsonl(b.work / "payloads.jsonl", _payload_rows())), "--format", "md")
    return md_problems(r.out.decode()) or "OK"


@case("markup", "a file name with a newline splits a heading")
def _newline_name(b: Bench) -> str:
    d = b.dir("nl")
    (d / "report\n# forged heading.txt").write_text(STORIES[0][1], encoding="utf-8")
    r = b.cli("read", str(d), "--format", "md")
    heads = [ln for ln in r.out.decode().splitlines() if ln.startswith("#")]
    return "OK" if len(heads) == 1 else f"{len(heads)} headings: {heads}"


@case("chars", "ESC/OSC sequences in a file name, title and text reach stderr/stdout")
def _esc(b: Bench) -> str:
    d = b.dir("esc")
    (d / "x\x1b]0;owned\x07.txt").write_bytes(b"")
    rows = [{"id": "e1\x1b[2J", "title": "Title \x1b]0;owned\x07 here", "outlet": "Outlet \x9b31m",
             "text": STORIES[0][1].replace("fire", "fire\x1b[31m")}]
    write_jsonl(d / "rows.jsonl", rows)
    for fmt in ("md", "json"):
        r = b.cli("read", str(d), "--format", fmt)
        # JSON output escapes controls itself (as \u001b): what matters is the values it holds
        shown = r.out if fmt == "md" else json.dumps(json.loads(r.out or b"[]"), ensure_ascii=False).encode()
        for stream, data in (("stderr", r.err), ("stdout", shown)):
            bad = unsafe_bytes(data)
            if bad:
                return f"read --format {fmt}: {stream}: {bad}"
    return "OK"


@case("chars", "a file name forges a second error line")
def _forged_line(b: Bench) -> str:
    d = b.dir("forge")
    (d / "a.txt\ncrosswire: all inputs read, nothing wrong").write_bytes(b"")
    (d / "b\u2028crosswire: forged by U+2028.txt").write_bytes(b"")  # new payload: a Unicode line separator
    r = b.cli("read", str(d), "--format", "json")
    lines = r.err.decode().splitlines()
    return "OK" if len(lines) == 2 and all("empty file" in ln for ln in lines) else f"stderr lines: {lines}"


@case("chars", "U+202E in a title or outlet reverses the Sources line")
def _rlo(b: Bench) -> str:
    rows = story_rows(n=1)
    rows[0]["title"], rows[0]["outlet"] = "\u202eSWEN XOF", "\u202e41-50-5202"
    rows[1]["outlet"] = "Outlet \u2067isolate left open"
    src = write_jsonl(b.work / "rlo.jsonl", rows)
    for fmt in ("md", "html"):
        r = b.cli("brief", str(src), "--format", fmt)
        text = r.out.decode()
        if any(c in "\u202d\u202e" for c in text):
            return f"brief {fmt}: an override is written"
        if fmt == "html" and "<bdi>" not in text:
            return "brief html: source line not isolated"
        depth = 0
        for line in text.splitlines():
            depth = 0
            for c in line:
                depth += c in "\u202a\u202b\u2066\u2067\u2068"
                depth -= c in "\u202c\u2069"
            if depth:
                return f"brief {fmt}: unbalanced bidi on a line"
    return "OK"


@case("chars", "NUL bytes kept in JSONL titles and text; a lone surrogate (new)")
def _nul(b: Bench) -> str:
    rows = [{"id": "n1", "title": "Nul\x00 title", "text": STORIES[1][1].replace("orchestra", "orch\x00estra")}]
    src = b.work / "nul.jsonl"
    src.write_text(json.dumps(rows[0]) + "\n" + json.dumps({"id": "n2", "title": "Lone \\ud800 half", "text":
                   STORIES[2][1]}).replace("\\\\ud800", "\\ud800") + "\n", encoding="utf-8")
    r = b.cli("read", str(src), "--format", "json")
    if r.code != 0:
        return f"exit {r.code}: {r.err.decode()[-200:]}"
    arts = json.loads(r.out)
    for a in arts:
        for k in ("title", "text", "id"):
            if "\x00" in (a.get(k) or "") or re.search("[\ud800-\udfff]", a.get(k) or ""):
                return f"{a['id']}: {k} keeps a NUL or surrogate"
    r = b.cli("read", str(src), "--format", "md", "-o", str(b.work / "nul.md"))
    return "OK" if r.code == 0 and len(arts) == 2 else f"md: exit {r.code} {r.err.decode()[-200:]}"


@case("chars", "new: a file name that is not UTF-8 (JSON output must stay UTF-8)")
def _bad_name(b: Bench) -> str:
    d = b.dir("badname")
    with open(os.fsencode(d) + b"/report\xff one.txt", "wb") as fh:
        fh.write(STORIES[0][1].encode())
    r = b.cli("read", str(d), "--format", "json")
    try:
        arts = json.loads(r.out.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return f"output is not UTF-8 JSON ({type(e).__name__}); exit {r.code}"
    return "OK" if len(arts) == 1 and r.code == 0 else f"exit {r.code}: {r.err.decode()[-150:]}"


@case("reading", "one JSONL line nested 100k deep loses the file's 20 good rows")
def _deep(b: Bench) -> str:
    rows = [json.dumps(r) for r in story_rows()[:20]]
    src = b.work / "deep.jsonl"
    src.write_text("\n".join(rows[:10] + ["[" * 100_000 + "]" * 100_000] + rows[10:]) + "\n", encoding="utf-8")
    r = b.cli("read", str(src), "--format", "jsonl")
    n = _rows_out(r)
    errs = r.err.decode().splitlines()
    return "OK" if n == 16 and len(errs) == 1 and "line 11" in errs[0] else f"{n} read; stderr {errs}"


def _atom(entries: list[tuple[str, str]]) -> str:
    body = "".join(f"<entry><id>urn:{i}</id><title>{t}</title><updated>2026-03-0{k % 9 + 1}T00:00:00Z</updated>"
                   f"<content type='text'>{c}</content></entry>" for k, (i, (t, c)) in enumerate(
                       (f"e{k}", e) for k, e in enumerate(entries)))
    return f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Harbour</title>{body}</feed>"


@case("reading", "one 9 MB Atom entry loses the feed's good entries")
def _atom_big(b: Bench) -> str:
    good = [(p, t) for p, t in STORIES[:3]]
    src = b.work / "feed.atom"
    src.write_text(_atom(good[:2] + [("Huge", "word " * 1_800_000)] + good[2:]), encoding="utf-8")
    r = b.cli("read", str(src), "--format", "jsonl")
    n = _rows_out(r)
    errs = r.err.decode().splitlines()
    return "OK" if n == 3 and len(errs) == 1 and "entry 3" in errs[0] else f"{n} read; stderr {errs}"


@case("reading", "a gzipped JSONL over 10 MB unpacked is refused whole")
def _gz_big(b: Bench) -> str:
    pad = " The report goes on with more words of its own." * 220
    rows = [dict(r, id=f"{r['id']}-{k}", text=r["text"] + pad) for k in range(70) for r in story_rows()]
    src = b.work / "big.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r) for r in rows) + "\n")
    size = len(gzip.decompress(src.read_bytes())) / 1e6
    r = b.cli("read", str(src), "--format", "jsonl")
    n = _rows_out(r)
    return "OK" if n == len(rows) and not r.err else f"{n}/{len(rows)} read of {size:.0f} MB; {r.err.decode()[-150:]}"


@case("reading", "RSS 0.91 with the Netscape DOCTYPE is 'not an RSS or Atom feed'")
def _rss091(b: Bench) -> str:
    src = b.work / "rss091.xml"
    items = "".join(f"<item><title>{p}</title><link>http://example.com/{k}</link><description>{t}</description></item>"
                    for k, (p, t) in enumerate(STORIES[:2]))
    src.write_text('<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD '
                   'RSS 0.91//EN"\n "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91">'
                   '<channel><title>Harbour Daily</title><link>http://example.com/</link><description>News'
                   f'</description><language>en-us</language>{items}</channel></rss>\n', encoding="latin-1")
    r = b.cli("read", str(src), "--format", "jsonl")
    n = _rows_out(r)
    return "OK" if n == 2 and not r.err else f"{n} read; {r.err.decode().strip()}"


@case("reading", "an unreadable directory is skipped silently")
def _unreadable(b: Bench) -> str:
    d = b.dir("perm")
    os.chmod(d, 0o755)
    (b.dir("perm/ok") / "a.txt").write_text(STORIES[0][1], encoding="utf-8")
    locked = b.dir("perm/locked")
    (locked / "b.txt").write_text(STORIES[1][1], encoding="utf-8")
    os.chmod(locked, 0o000)
    try:
        r = b.cli("read", str(d), "--format", "jsonl", no_root=True)
    finally:
        os.chmod(locked, 0o755)
    errs = r.err.decode().splitlines()
    n = _rows_out(r)
    return "OK" if n == 1 and len(errs) == 1 and "locked" in errs[0] else f"{n} read; stderr {errs}"


@case("reading", "new: a 12 MB line among good JSONL lines; a gzip cut short")
def _big_line(b: Bench) -> str:
    rows = [json.dumps(r) for r in story_rows()[:4]]
    src = b.work / "bigline.jsonl"
    src.write_text("\n".join(rows[:2] + [json.dumps({"id": "big", "text": "word " * 2_400_000})] + rows[2:]) + "\n",
                   encoding="utf-8")
    r = b.cli("read", str(src), "--format", "jsonl")
    n, errs = _rows_out(r), r.err.decode().splitlines()
    if not (n == 4 and len(errs) == 1 and "line 3" in errs[0]):
        return f"big line: {n} read; stderr {errs}"
    cut = b.work / "cut.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps(r) for r in story_rows() * 20) + "\n").encode())
    cut.write_bytes(data[: len(data) // 2])
    r = b.cli("read", str(cut), "--format", "jsonl")
    n, errs = _rows_out(r), r.err.decode().splitlines()
    return "OK" if n > 0 and len(errs) == 1 and "corrupt gzip" in errs[0] else f"cut gzip: {n} read; stderr {errs}"


@case("reading", "new: a JSON array (pretty-printed) with one record nested 100k deep")
def _deep_array(b: Bench) -> str:
    good = story_rows()[:6]
    text = json.dumps(good[:3], indent=2)[:-1].rstrip() + ",\n" + "[" * 100_000 + "]" * 100_000 + ",\n" \
        + json.dumps(good[3:], indent=2)[1:]
    src = b.work / "deep.json"
    src.write_text(text, encoding="utf-8")
    r = b.cli("read", str(src), "--format", "jsonl")
    n, errs = _rows_out(r), r.err.decode().splitlines()
    return "OK" if n == 6 and len(errs) == 1 and "record 4" in errs[0] else f"{n} read; stderr {errs}"


@case("output", "full disk: brief -o F replaces a good F with a fragment")
def _full_brief(b: Bench) -> str:
    src = write_jsonl(b.work / "two.jsonl", story_rows(n=1))
    target = b.work / "brief.html"
    r = b.cli("brief", str(src), "--format", "html", "-o", str(target))
    good = target.read_bytes()
    r = b.cli("brief", str(src), "--format", "html", "-o", str(target), fsize=len(good) // 3)
    if target.read_bytes() != good:
        return f"F is now {len(target.read_bytes())} bytes (was {len(good)})"
    left = [p.name for p in b.work.iterdir() if p.name.startswith(".part")]
    return "OK" if r.code == 1 and not left else f"exit {r.code}; temporary files left: {left}"


@case("output", "full disk: briefs leaves a truncated or empty index")
def _full_index(b: Bench) -> str:
    src = write_jsonl(b.work / "stories.jsonl", story_rows())
    out = b.work / "full-index"
    b.cli("briefs", str(src), "-o", str(out), "--format", "md", "-q", "--jobs", "2")
    before = (out / "index.md").read_bytes()
    r = b.cli("briefs", str(src), "-o", str(out), "--format", "md", "-q", "--jobs", "2", fsize=len(before) // 2)
    now = (out / "index.md").read_bytes() if (out / "index.md").exists() else b""
    if now != before and not now.endswith(b"\n"):
        return f"index is {len(now)} bytes (was {len(before)})"
    missing = [p for p in index_links(out) if not p.is_file()]
    return "OK" if not missing and r.code != 0 else f"exit {r.code}; {len(missing)} links to missing briefs"


@case("output", "new: full disk on read/stories/copies -o F")
def _full_others(b: Bench) -> str:
    src = write_jsonl(b.work / "stories.jsonl", story_rows())
    for cmd, fmt in (("read", "json"), ("stories", "md"), ("copies", "json")):
        target = b.work / f"out-{cmd}"
        b.cli(cmd, str(src), "--format", fmt, "-o", str(target))
        good = target.read_bytes()
        r = b.cli(cmd, str(src), "--format", fmt, "-o", str(target), fsize=len(good) // 2)
        if target.read_bytes() != good or r.code != 1:
            return f"{cmd}: exit {r.code}, file {len(target.read_bytes())} bytes (was {len(good)})"
    return "OK"


def _headline_of(path: Path) -> str:
    return re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")).lower()


@case("output", "kill -9 of briefs over an earlier run: the index links other stories")
def _killed(b: Bench) -> str:
    out = b.work / "killed"
    first = write_jsonl(b.work / "first.jsonl", story_rows(tag="a"))
    b.cli("briefs", str(first), "-o", str(out), "-q", "--jobs", "2")
    before = {p: _headline_of(p) for p in index_links(out)}
    # the second run: the same places in another order, so reused story ids would mean other stories
    rows = story_rows(tag="b")
    rows = rows[8:] + rows[:8]
    second = write_jsonl(b.work / "second.jsonl", rows)
    p = b.start("briefs", str(second), "-o", str(out), "-q", "--jobs", "2")
    t0 = time.time()
    written0 = set(brief_files(out))
    while time.time() - t0 < 300 and p.poll() is None:
        if len(set(brief_files(out)) - written0) >= 3:
            break
        time.sleep(0.1)
    p.kill()
    p.wait()
    wrong = 0
    for link in index_links(out):
        if not link.is_file() or _headline_of(link) != before.get(link):
            wrong += 1
    return "OK" if before and not wrong else f"{wrong} of {len(before)} links open another story or nothing"


@case("output", "a complete rerun leaves earlier briefs the index does not list")
def _rerun(b: Bench) -> str:
    out = b.work / "rerun"
    b.cli("briefs", str(write_jsonl(b.work / "r1.jsonl", story_rows(tag="a"))), "-o", str(out), "-q")
    b.cli("briefs", str(write_jsonl(b.work / "r2.jsonl", story_rows(tag="b", n=5))), "-o", str(out), "-q")
    listed = {p.resolve() for p in index_links(out)}
    stale = [p for p in brief_files(out) if p.resolve() not in listed]
    return "OK" if listed and not stale else f"{len(stale)} unlisted briefs left"


@case("signals", "SIGTERM during briefs: exit 143, no index, no message")
def _sigterm(b: Bench) -> str:
    out = b.work / "term"
    src = write_jsonl(b.work / "stories.jsonl", story_rows())
    p = b.start("briefs", str(src), "-o", str(out), "-q", "--jobs", "2")
    t0 = time.time()
    while time.time() - t0 < 300 and p.poll() is None and len(brief_files(out)) < 2:
        time.sleep(0.1)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=120)
    links = index_links(out)
    problems = []
    if p.returncode != 143:
        problems.append(f"exit {p.returncode}")
    if b"terminated" not in err:
        problems.append("no message")
    if not links or not all(x.is_file() for x in links):
        problems.append("no index of the finished briefs")
    return "; ".join(problems) or "OK"


@case("signals", "new: SIGTERM during brief -o F leaves F and no temporary file")
def _sigterm_brief(b: Bench) -> str:
    src = write_jsonl(b.work / "stories.jsonl", story_rows())
    target = b.work / "term-brief.md"
    target.write_text("old brief\n", encoding="utf-8")
    p = b.start("brief", str(src), "-o", str(target))
    time.sleep(2.0)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=120)
    left = [x.name for x in b.work.iterdir() if x.name.startswith(".part")]
    ok = p.returncode == 143 and target.read_text() == "old brief\n" and not left and b"terminated" in err
    if p.returncode == 0:
        return "finished before the signal: not tried"
    return "OK" if ok else f"exit {p.returncode}; left {left}; {err.decode()[-100:]}"


@case("signals", "new: SIGHUP (terminal closed) during briefs")
def _sighup(b: Bench) -> str:
    out = b.work / "hup"
    p = b.start("briefs", str(write_jsonl(b.work / "stories.jsonl", story_rows())), "-o", str(out), "-q", "--jobs", "2")
    t0 = time.time()
    while time.time() - t0 < 300 and p.poll() is None and len(brief_files(out)) < 2:
        time.sleep(0.1)
    p.send_signal(signal.SIGHUP)
    _, err = p.communicate(timeout=120)
    links = index_links(out)
    ok = p.returncode == 128 + signal.SIGHUP and links and all(x.is_file() for x in links)
    return "OK" if ok else f"exit {p.returncode}; {len(links)} links; {err.decode()[-100:]}"


@case("signals", "new: a feed of 600,000 empty elements (parsing costs ~60 us each)")
def _many_elements(b: Bench) -> str:
    src = b.work / "elements.xml"
    src.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>x</title>"
                   f"<description>{STORIES[0][1]}</description>" + "<a></a>" * 300_000 + "</item></channel></rss>",
                   encoding="utf-8")
    r = b.cli("read", str(src), "--format", "jsonl", timeout=600)
    ok = r.code == 1 and "too many elements" in r.err.decode() and r.seconds < 10
    return "OK" if ok else f"{r.seconds:.1f} s, exit {r.code}: {r.err.decode()[-100:]}"


def _children(pid: int) -> int:
    try:
        import psutil

        return len(psutil.Process(pid).children(recursive=True))
    except Exception:
        return -1


@case("signals", "--jobs 64 on the available cores starts 67 processes")
def _jobs(b: Bench) -> str:
    cores = len(os.sched_getaffinity(0))
    out = b.work / "jobs"
    src = write_jsonl(b.work / "stories.jsonl", story_rows())
    p = b.start("briefs", str(src), "-o", str(out), "-q", "--jobs", "64")
    most = 0
    while p.poll() is None:
        most = max(most, _children(p.pid))
        time.sleep(0.2)
    _, err = p.communicate()
    note = f"lowered to {cores}".encode() in err
    # workers, plus the fork server, the resource tracker and the NER worker
    return "OK" if note and most <= cores + 4 else f"{most} child processes on {cores} cores; note: {note}"


@case("signals", "briefs written 0600 while the index is 0644; umask 027 (new)")
def _modes(b: Bench) -> str:
    src = write_jsonl(b.work / "stories.jsonl", story_rows(n=3))
    for mask in (0o022, 0o027):
        out = b.work / f"modes-{mask:o}"
        b.cli("briefs", str(src), "-o", str(out), "-q", umask=mask)
        b.cli("brief", str(src), "-o", str(out / "single.html"), "--format", "html", umask=mask)
        modes = {f"{p.relative_to(out)}": p.stat().st_mode & 0o777 for p in out.rglob("*") if p.is_file()}
        bad = {k: oct(v) for k, v in modes.items() if v != 0o666 & ~mask}
        if bad or not modes:
            return f"umask {mask:03o}: {bad or 'nothing written'}"
    return "OK"


@case("signals", "a 1M-paragraph HTML page: 42 s and 1.5 GB before 'text too long'")
def _million(b: Bench) -> str:
    src = b.work / "million.html"
    src.write_text("<html><body>" + "<p>x</p>" * 1_000_000 + "</body></html>", encoding="utf-8")
    r = b.cli("read", str(src), "--format", "jsonl")
    msg = r.err.decode().strip()
    ok = r.code == 1 and ("too many paragraphs" in msg or "too long" in msg) and r.seconds < 10
    return "OK" if ok else f"{r.seconds:.1f} s: {msg[-120:]}"


@case("signals", "new: a 9 MB page of text in one <pre> and a feed of 40k tiny entries")
def _big_text(b: Bench) -> str:
    src = b.work / "pre.html"
    src.write_text("<html><body><pre>" + "A sentence of the report goes on. " * 270_000 + "</pre></body></html>",
                   encoding="utf-8")
    r = b.cli("read", str(src), "--format", "jsonl")
    if not (r.code == 1 and "too long" in r.err.decode() and r.seconds < 10):
        return f"pre page: {r.seconds:.1f} s: {r.err.decode()[-120:]}"
    feed = b.work / "many.atom"
    feed.write_text(_atom([("t", "x")] * 40_000 + [STORIES[0]]), encoding="utf-8")
    r = b.cli("read", str(feed), "--format", "jsonl", timeout=300)
    n = _rows_out(r)
    return "OK" if n == 40_001 and r.seconds < 60 else f"feed: {n} read in {r.seconds:.1f} s; {r.err.decode()[-120:]}"


# --- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=ROOT / "src",
                    help="the crosswire sources to run (default: this checkout)")
    ap.add_argument("--only", help="run only the cases of this class (markup, chars, reading, output, signals)")
    ap.add_argument("--case", help="run only the cases whose name or function contains this")
    ap.add_argument("--skip", action="append", default=[], help="skip the cases whose function contains this "
                    "(e.g. --skip _jobs on code without the cap: 64 workers load their models at once)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args(argv)
    failed = ran = 0
    with tempfile.TemporaryDirectory(prefix="crosswire-hostile-") as tmp:
        os.chmod(tmp, 0o755)
        print(f"{'class':<8} {'case':<74} {'s':>5}  result")
        for cls, name, fn in CASES:
            if (args.only and cls != args.only) or (args.case and args.case not in name + fn.__name__) \
                    or any(x in fn.__name__ for x in args.skip):
                continue
            work = Path(tmp) / f"{len([c for c in CASES if c[2] is fn])}-{fn.__name__.strip('_')}"
            work.mkdir(parents=True, exist_ok=True)
            os.chmod(work, 0o755)
            t0 = time.perf_counter()
            ran += 1
            try:
                result = fn(Bench(args.src.resolve(), work))
            except Exception as e:  # noqa: BLE001 - a case that crashes is a failed case
                result = f"bench error: {type(e).__name__}: {e}"
            result = " ".join(result.split())[:150]
            failed += result != "OK"
            print(f"{cls:<8} {name[:74]:<74} {time.perf_counter() - t0:5.1f}  {result}", flush=True)
        if args.keep:
            os.system(f"cp -r {tmp} {tmp}-kept")
    print(f"\n{ran} cases, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
