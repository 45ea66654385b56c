"""Rich consoles that behave: colour only on a terminal and never with NO_COLOR set.

Also what a console that is not UTF-8 gets (a Windows code page, ``PYTHONIOENCODING=cp1252``,
``> out.md`` on Windows): the symbols it cannot show become ASCII shapes and words (``<=`` for
``≤``, ``*`` for ``●``) instead of an encoding error.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import Callable
from io import StringIO
from typing import IO

from rich.console import Console

#: ASCII for the symbols pledgekit writes; anything else a console cannot show becomes "?".
ASCII_FALLBACK = {
    "●": "*",
    "▲": "^",
    "✖": "x",
    "○": "o",
    "◌": "o",
    "–": "-",
    "—": "-",
    "≤": "<=",
    "≥": ">=",
    "↑": "up",
    "↓": "down",
    "→": "->",
    "↗": "up",
    "↘": "down",
    "·": ".",
    "…": "...",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "£": "GBP ",
    "€": "EUR ",
    "×": "x",
    "•": "*",
    "\u00a0": " ",
    "\u202f": " ",
}
_ERRORS = "pledgekit-ascii"


def _ascii_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(ASCII_FALLBACK.get(char, "?") for char in text), error.end


codecs.register_error(_ERRORS, _ascii_fallback)


def fit_console(stream: IO[str] | None) -> None:
    """Let ``stream`` fall back to ASCII for what its encoding cannot show (see the module)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "".join(ASCII_FALLBACK).encode(encoding)
        return  # UTF-8 or another encoding that shows everything
    except (UnicodeEncodeError, LookupError):
        pass
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # a stream that cannot change
            reconfigure(errors=_ERRORS)


#: The width of a table written to a file or a pipe: the same whatever the environment says.
FILE_WIDTH = 160


def console_for(file: IO[str] | None = None, *, stderr: bool = False) -> Console:
    """A console for ``file`` (default stdout). Off a terminal: no colour, a wide fixed width.

    What goes to a file (or a pipe) does not depend on the environment: ``COLUMNS`` (0, 5 or
    not a number) and ``FORCE_COLOR``/``TTY_COMPATIBLE`` are for terminals, so a file always
    gets the same plain text at :data:`FILE_WIDTH` columns.
    """
    target = file if file is not None else (sys.stderr if stderr else sys.stdout)
    interactive = bool(target.isatty()) if hasattr(target, "isatty") else False
    return Console(
        file=target,
        no_color="NO_COLOR" in os.environ or not interactive,
        # Never None: Rich would then ask FORCE_COLOR whether a file is a terminal.
        force_terminal=interactive,
        width=None if interactive else FILE_WIDTH,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )


def wants_colour(file: IO[str] | None = None) -> bool:
    """True when ``file`` (default stdout) is a terminal and ``NO_COLOR`` is not set."""
    target = file if file is not None else sys.stdout
    interactive = bool(target is not None and hasattr(target, "isatty") and target.isatty())
    return interactive and "NO_COLOR" not in os.environ


def captured(draw: Callable[[Console], None]) -> str:
    """What ``draw`` prints, as plain text (no colour), for writing to a file."""
    buffer = StringIO()
    draw(console_for(buffer))
    return buffer.getvalue()
