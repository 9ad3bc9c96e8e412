"""The layout keeps its promises: no module imports another's private names, none grows past
about 700 lines, and every stage is a package of its own."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "crosswire"
MAX_LINES = 750  # "about 700": a module past this is split along its seams
STAGES = ("text", "read", "copies", "facts", "brief", "stories", "batch")


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)


def test_no_module_imports_a_private_name_of_another():
    found = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("crosswire"):
                found += [f"{path.relative_to(SRC)}: {node.module}.{a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
    assert found == []


def test_no_module_passes_about_700_lines():
    long = {str(p.relative_to(SRC)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_every_stage_is_a_package():
    for stage in STAGES:
        assert (SRC / stage / "__init__.py").is_file(), stage
    flat = sorted(p.name for p in SRC.glob("*.py"))
    assert flat == ["__init__.py", "__main__.py", "cli.py", "model.py", "pipeline.py"]
