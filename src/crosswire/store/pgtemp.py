"""A throw-away PostgreSQL server for tests and benches: ``initdb`` into a temporary directory, ``pg_ctl start``.

Debian installs the server binaries under ``/usr/lib/postgresql/<version>/bin``.
PostgreSQL refuses to run as root, so when this process is root the server runs
as ``nobody`` (``runuser``), with the data directory owned by it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


class NoPostgres(RuntimeError):
    """No server could be started here (the message says why)."""


def _bin_dir() -> Path | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: [int(x) for x in Path(p).parts[-3].split(".") if x.isdigit()],
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def temporary_postgres(*, fsync: bool = True) -> Iterator[str]:
    """Start a server, yield its SQLAlchemy URL, stop it and delete its data on exit."""
    bindir = _bin_dir()
    if bindir is None:
        raise NoPostgres("no PostgreSQL server binaries (initdb) on this machine")
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    prefix: list[str] = []
    if as_root:
        if not shutil.which("runuser"):
            raise NoPostgres("running as root and runuser is missing (PostgreSQL refuses root)")
        prefix = ["runuser", "-u", "nobody", "--"]
    base = Path(tempfile.mkdtemp(prefix="crosswire-pg-"))
    data = base / "data"
    port = _free_port()
    try:
        if as_root:
            os.chmod(base, 0o755)
            shutil.chown(base, "nobody")

        def run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
            return subprocess.run(prefix + cmd, capture_output=True, text=True, timeout=120, check=False)

        r = run(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-instructions",
            ]
        )
        if r.returncode != 0:
            raise NoPostgres(f"initdb failed: {(r.stderr or r.stdout).strip().splitlines()[-1:]}")
        opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1" + ("" if fsync else " -c fsync=off")
        r = run([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(base / "log"), "-w", "start"])
        if r.returncode != 0:
            log = (base / "log").read_text(errors="replace") if (base / "log").exists() else r.stderr
            raise NoPostgres(f"pg_ctl start failed: {log.strip().splitlines()[-1:]}")
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        finally:
            run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
    finally:
        shutil.rmtree(base, ignore_errors=True)
