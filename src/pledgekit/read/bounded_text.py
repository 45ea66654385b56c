"""Text files read line by line within bounds: a regular file, so many bytes, so long a line.

A published data file or neighbour table named in pledge.yaml could be ``/dev/zero``, a FIFO, a
2 GB single line or a file of any size; none of these may grow into a MemoryError or hang. The
file is checked to be a regular file before it is opened, and read in lines of at most
:data:`MAX_LINE` bytes, :data:`MAX_BYTES` in all; past either bound a clear
:class:`~pledgekit.model.errors.InputError` names the file, never its content.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pledgekit.model.errors import InputError
from pledgekit.model.input_files import check_regular

#: DfE's largest children-looked-after file is well under 200 MB; a published file larger
#: than this is refused, not read.
MAX_BYTES = 1024**3
#: No line of a tidy CSV comes near this; a longer one is not a data file.
MAX_LINE = 1024**2


def regular_file(path: Path) -> None:
    """Raise :class:`InputError` unless ``path`` is a regular file (after following links)."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: file not found") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from exc
    check_regular(path, InputError)  # the one guard every input goes through
    if info.st_size > MAX_BYTES:
        raise InputError(
            f"{path}: {info.st_size / 1024**2:,.0f} MB is larger than the "
            f"{MAX_BYTES // 1024**2:,} MB a published file may be"
        )


def text_lines(
    path: Path, *, max_bytes: int = MAX_BYTES, max_line: int = MAX_LINE
) -> Iterator[str]:
    """The lines of a UTF-8 file (byte-order mark removed), each with its line ending.

    Raises :class:`InputError` for a file that is not regular, a line longer than ``max_line``
    bytes, more than ``max_bytes`` in all, or text that is not UTF-8 (with the line number).
    """
    regular_file(path)
    total = 0
    try:
        with path.open("rb") as handle:
            number = 0
            while True:
                raw = handle.readline(max_line + 1)
                if not raw:
                    return
                number += 1
                total += len(raw)
                if len(raw) > max_line:
                    raise InputError(
                        f"{path}, line {number}: longer than {max_line // 1024:,} KB; "
                        "not a data file"
                    )
                if total > max_bytes:
                    raise InputError(f"{path}: more than {max_bytes // 1024**2:,} MB; not read")
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(
                        f"{path}, line {number}: not UTF-8 text (is it a spreadsheet saved as CSV?)"
                    ) from exc
                if number == 1 and text.startswith("\ufeff"):
                    text = text[1:]
                yield text
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc


def printable_names(names: list[str], *, limit: int = 40, width: int = 40) -> str:
    """Column names for a message: each cut to ``width`` characters, at most ``limit`` of them,
    control characters shown as ``?``."""
    shown = []
    for name in names[:limit]:
        clean = "".join(c if c.isprintable() else "?" for c in name)
        shown.append(repr(clean if len(clean) <= width else clean[: width - 1] + "…"))
    more = len(names) - limit
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
