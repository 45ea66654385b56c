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


def captured(draw: Callable[[Console], None]) -> str:
    """What ``draw`` prints, as plain text (no colour), for writing to a file."""
    buffer = StringIO()
    draw(console_for(buffer))
    return buffer.getvalue()
