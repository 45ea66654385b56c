"""What commands share: options, output-format choice, and turning errors into exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from pledgekit.model.errors import PledgekitError, UsageError
from pledgekit.read.input_formats import SUFFIXES
from pledgekit.render.registry import OutputFormat, R, Registry

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


def format_option(formats: Registry[Any], *, default_from_output: bool = False) -> Any:
    """The ``--format`` option for a kind of output: its help lists the registry's formats."""
    also = " Default: from -o's extension, else " if default_from_output else None
    text = formats.help()
    if also:
        text = text.removesuffix(f" Default: {formats.default}.") + f"{also}{formats.default}."
    return typer.Option("--format", "-f", help=text, metavar="FORMAT", show_default=False)


def choose_format(
    formats: Registry[R], explicit: str | None, output: Path | None, *, from_output: bool
) -> OutputFormat[R]:
    """The format asked for: ``--format``, else (with ``from_output``) -o's extension, else the
    registry's default. An unknown name is a usage error (exit 2) naming the choices.
    """
    if explicit is not None:
        return formats.get(explicit)
    if from_output and output is not None and str(output) != "-":
        found = formats.for_suffix(output.suffix)
        if found is None:
            raise UsageError(
                f"cannot tell the format from {output.name!r}; pass --format "
                f"{', '.join(formats.names)} (or name the file "
                f"{', '.join(s for f in formats for s in f.suffixes[:1])})"
            )
        return found
    return formats.get(formats.default)


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
