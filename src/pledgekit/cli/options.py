"""What commands share: options, output-format choice, and turning errors into exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from pledgekit.model.errors import PledgekitError
from pledgekit.read.input_formats import SUFFIXES
from pledgekit.render.registry import Registry

F = TypeVar("F", bound=Callable[..., Any])

PledgeOption = Annotated[
    Path | None,
    typer.Option(
        "--pledge",
        "-p",
        help="Pledge definition (default: pledge.yaml beside the first workbook, or here).",
    ),
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        help="Reporting period, e.g. '2019-20 Q1' (default: the latest in the data).",
    ),
]
FilesArgument = Annotated[
    list[Path],
    typer.Argument(help=f"Indicator workbooks ({', '.join(SUFFIXES)}).", show_default=False),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of standard output."),
]
ThresholdOption = Annotated[
    int | None,
    typer.Option(
        "--threshold", help="Suppress counts below this (default: pledge.yaml, else 5).", min=0
    ),
]
RedactOption = Annotated[
    bool, typer.Option("--redact", help="Replace personal data in free text with [redacted].")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]


def format_option(formats: Registry[Any]) -> Any:
    """The ``--format`` option for a kind of output: its help lists the registry's formats, and
    says that without it the format comes from -o's extension (see ``output.choose_output``)."""
    text = f"{formats.help()} Default: from -o's extension, else {formats.default}."
    return typer.Option("--format", "-f", help=text, metavar="FORMAT", show_default=False)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``Error: message`` to stderr and return the Exit to raise."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


def handle_errors(func: F) -> F:
    """Turn pledgekit exceptions into ``Error: ...`` and an exit code, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PledgekitError as exc:
            raise fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted", 130) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]
