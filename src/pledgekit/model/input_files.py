"""Input files that are files: FIFOs, devices, sockets and folders refused before opening.

Opening a named pipe blocks until something writes to it, and ``/dev/zero`` never ends, so every
input (workbooks, pledge.yaml, meeting.yaml, published files, neighbour tables, appendices,
templates) is checked here first. Symlinks are followed: a link to a regular file is a regular
file; where a link may point is for :mod:`pledgekit.config.references` to say.
"""

from __future__ import annotations

import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "is a folder, not a regular file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def not_regular(path: Path) -> str | None:
    """Why ``path`` cannot be read as an input, without opening it; None for a regular file.

    A missing file gives None too: each caller says "not found" in its own words.
    """
    try:
        mode = path.stat().st_mode  # follows symlinks; never opens the file
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    return next((words for test, words in _KINDS if test(mode)), "is not a regular file")


def check_regular(path: Path, error: type[Exception], name: str | None = None) -> None:
    """Raise ``error("<name>: <why>")`` unless ``path`` is a regular file (or missing)."""
    reason = not_regular(path)
    if reason is not None:
        raise error(f"{name or path}: {reason}")
