"""Writing outputs safely: atomically (never a half-written file), never over a file by accident."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from pledgekit.model.errors import OutputError


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes | str, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    Raises :class:`OutputError` when ``path`` exists and ``force`` is False, or cannot be written.
    """
    if path.exists() and not force:
        raise OutputError(f"{path} already exists; use --force to replace it")
    if path.is_dir():
        raise OutputError(f"{path} is a folder, not a file")
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in {folder} ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        Path(tmp).chmod(_default_mode())
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def emit(data: bytes | str, output: Path | None, *, force: bool = False) -> None:
    """Send ``data`` to ``output`` atomically, or to standard output when ``output`` is None."""
    if output is None or str(output) == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            sys.stdout.write(data)
        return
    write_atomic(output, data, force=force)
