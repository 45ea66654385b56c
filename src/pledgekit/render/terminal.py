"""Rich consoles that behave: colour only on a terminal and never with NO_COLOR set."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from io import StringIO
from typing import IO

from rich.console import Console


def console_for(file: IO[str] | None = None, *, stderr: bool = False) -> Console:
    """A console for ``file`` (default stdout). Off a terminal: no colour, a wide fixed width."""
    target = file if file is not None else (sys.stderr if stderr else sys.stdout)
    interactive = target.isatty() if hasattr(target, "isatty") else False
    width = None if interactive else int(os.environ.get("COLUMNS", "160"))
    return Console(
        file=target,
        no_color="NO_COLOR" in os.environ or not interactive,
        force_terminal=interactive or None,
        width=width,
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
