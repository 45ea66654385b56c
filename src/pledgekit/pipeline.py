"""The shared path every command takes: files -> definition -> dataset -> scorecard.

Kept apart from the CLI so the Python API and the commands give the same result.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pledgekit.definition import Definition, find_definition, load_definition
from pledgekit.errors import UsageError
from pledgekit.findings import Finding
from pledgekit.observations import Dataset
from pledgekit.periods import Period, PeriodError, parse_period
from pledgekit.scorecard import Scorecard, build_scorecard


def parse_period_option(text: str | None) -> Period | None:
    """``--period`` text to a Period; a bad one is a usage error."""
    if text is None:
        return None
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise UsageError(f"--period: {exc}") from exc


def load_inputs(
    files: Sequence[Path | str], *, pledge: Path | str | None, period: Period | None
) -> tuple[Definition, Dataset]:
    """Find and load the definition, then read every workbook against it."""
    from pledgekit.ingest import read_workbooks

    if not files:
        raise UsageError("give at least one workbook")
    paths = [Path(f) for f in files]
    definition = load_definition(find_definition(Path(pledge) if pledge else None, paths))
    dataset = read_workbooks(paths, definition=definition, period=period)
    return definition, dataset


def load_guarded(
    files: Sequence[Path | str],
    *,
    pledge: Path | str | None = None,
    period: str | Period | None = None,
    threshold: int | None = None,
    redact: bool = False,
) -> tuple[Scorecard, Dataset, list[Finding]]:
    """Read the inputs and build the scorecard, guarded for personal data.

    Returns the scorecard, the dataset it came from (the report also needs its optional sheets)
    and the personal-data findings that block output (none with ``redact``, which replaces
    the matches with [redacted] instead).
    """
    from pledgekit.publish import guard_scorecard

    chosen = parse_period_option(period) if isinstance(period, str) else period
    definition, dataset = load_inputs(files, pledge=pledge, period=chosen)
    card = build_scorecard(definition, dataset, period=chosen, threshold=threshold)
    card, blocking = guard_scorecard(card, redact=redact)
    return card, dataset, blocking


def load_scorecard(
    files: Sequence[Path | str],
    *,
    pledge: Path | str | None = None,
    period: str | Period | None = None,
    threshold: int | None = None,
    redact: bool = False,
) -> tuple[Scorecard, list[Finding]]:
    """Build the scorecard for ``files``; also return personal-data findings that block output.

    With ``redact`` the free text is redacted instead and nothing blocks.
    """
    card, _, blocking = load_guarded(
        files, pledge=pledge, period=period, threshold=threshold, redact=redact
    )
    return card, blocking
