"""Atomic file writing: a file is the old one or the complete new one, never a fragment.

The text goes to a temporary file in the target's own directory (same file system),
is flushed and fsync'd, gets the mode a plain ``open()`` would have given it
(``0o666`` less the umask, where :func:`tempfile.mkstemp` gives ``0o600``; an existing file
keeps its own), and then
replaces the target with :func:`os.replace`; the directory is fsync'd so the rename
survives a crash.  On any failure (a full disk, a signal) the temporary file is removed
and the target is left as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_text", "write_bytes", "file_mode", "TEMP_PREFIX"]

TEMP_PREFIX = ".part-"


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # no other way to read it; set back at once
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a new file gets under the current umask (0o644 under the usual 0o022)."""
    return 0o666 & ~_umask()


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Replace ``path`` by ``data`` atomically; raises :class:`OSError` with ``path`` unchanged.

    A symbolic link is followed (the file it points to is replaced, the link kept); a target
    that is not a regular file (a pipe) or is one of ``/dev`` or ``/proc`` (``/dev/stdout``,
    whatever it points to) is written to directly, as replacing it would not reach its reader.
    """
    target = Path(path)
    if str(target).startswith(("/dev/", "/proc/")) or (target.exists() and not target.is_file()):
        with open(target, "wb") as fh:
            fh.write(data)
        return target
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:  # an existing file keeps its mode, as when it is overwritten in place
        mode = target.stat().st_mode & 0o7777
    except OSError:
        mode = file_mode()
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return target


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Replace ``path`` by ``text`` (UTF-8) atomically."""
    return write_bytes(path, text.encode("utf-8", "replace"))  # a lone surrogate is a "?", not a lost file
