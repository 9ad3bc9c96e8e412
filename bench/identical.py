"""Hash the briefs crosswire writes, to show that a refactor changed no output.

    python bench/identical.py                          # this checkout's code
    python bench/identical.py --src /tmp/old/src       # another checkout's code (its src/ folder)
    python bench/identical.py --compare A.json B.json  # two saved runs: which outputs differ
    python bench/identical.py -o A.json --keep /tmp/a  # ... and keep each output to diff it

Runs ``crosswire brief`` as a user does (``python -m crosswire``, with ``PYTHONPATH`` set
to the chosen ``src/``) in JSON, Markdown and HTML over the seeds, both examples and the
first 20 Multi-News dev clusters (each written as a JSONL file of its articles), and prints
one SHA-256 per output, plus one over all of them. ``-o FILE`` keeps them as JSON for
``--compare``. The embedding model and the NER worker process are used as the README's
command uses them; nothing here is timed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MDS = SHARED / "eval" / "mds" / "multinews-dev.jsonl"


def _inputs(tmp: Path, clusters: int) -> list[tuple[str, Path]]:
    out: list[tuple[str, Path]] = []
    if (SHARED / "seeds").is_dir():
        out.append(("seeds", SHARED / "seeds"))
    out.append(("harbour-fire", ROOT / "examples" / "harbour-fire"))
    out.append(("day-feed", ROOT / "examples" / "day-feed"))
    if MDS.is_file():
        with MDS.open(encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n >= clusters:
                    break
                row = json.loads(line)
                path = tmp / f"{row['id']}.jsonl"
                with path.open("w", encoding="utf-8") as g:
                    for k, a in enumerate(row["articles"]):
                        g.write(json.dumps({"id": f"a{k}", "text": a["text"]}) + "\n")
                out.append((row["id"], path))
    return out


def run(src: Path, clusters: int, keep: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(src))
    hashes: dict[str, str] = {}
    # one fixed folder, so that the paths the JSON brief records are the same in every run
    tmp = Path(tempfile.gettempdir()) / "crosswire-identical"
    tmp.mkdir(exist_ok=True)
    for name, path in _inputs(tmp, clusters):
        for fmt in ("json", "md", "html"):
            proc = subprocess.run(
                [sys.executable, "-m", "crosswire", "brief", str(path), "--format", fmt],
                env=env, capture_output=True, cwd=tmp, check=False,
            )
            digest = hashlib.sha256(proc.stdout).hexdigest()
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                (keep / f"{name}.{fmt}").write_bytes(proc.stdout)
            hashes[f"{name}.{fmt}"] = f"{digest} rc={proc.returncode}"
            print(f"{name}.{fmt:4} {digest[:16]} rc={proc.returncode}", flush=True)
    total = hashlib.sha256("".join(f"{k}={v}\n" for k, v in sorted(hashes.items())).encode()).hexdigest()
    print(f"ALL {total[:16]} over {len(hashes)} outputs")
    return hashes


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--src", type=Path, default=ROOT / "src", help="the src/ folder whose code runs")
    p.add_argument("--clusters", type=int, default=20, help="Multi-News dev clusters to brief")
    p.add_argument("-o", type=Path, help="keep the hashes in this JSON file")
    p.add_argument("--keep", type=Path, help="also keep every output in this folder (to diff them)")
    p.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"), help="compare two saved runs")
    a = p.parse_args()
    if a.compare:
        x, y = (json.loads(f.read_text()) for f in a.compare)
        diff = sorted(k for k in x.keys() | y.keys() if x.get(k) != y.get(k))
        print(f"{len(x.keys() | y.keys())} outputs, {len(diff)} differ")
        for k in diff:
            print("  differs:", k)
        return 1 if diff else 0
    hashes = run(a.src.resolve(), a.clusters, a.keep)
    if a.o:
        a.o.write_text(json.dumps(hashes, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
