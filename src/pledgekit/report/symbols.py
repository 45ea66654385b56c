"""The symbol key: every symbol the report uses, and only those.

Status shapes (● ▲ ✖ ○ ◌ –), trend arrows (↑ ↓ →) and statistical symbols (c, x, z, k) are
collected from the lines and exceptions the report actually shows, so the key never explains a
symbol the reader will not meet, nor leaves one out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pledgekit.model.status import Status
from pledgekit.report.measure_lines import MeasureLine
from pledgekit.score.trend import ARROW_MEANING

_STATISTICAL = {
    "c": "suppressed to protect small numbers (below {threshold})",
    "x": "not available",
    "z": "not applicable",
    "k": "below 0.5, but not zero",
    "?": "not readable in the workbook",
}
_STATUS_MEANING = {
    Status.GREEN: "green: meets the target",
    Status.AMBER: "amber: misses the target, within the tolerance (or better than a year ago)",
    Status.RED: "red: misses the target by more than the tolerance",
    Status.NO_DATA: "no data: no figure for the period",
    # The figure's own symbol (c) says why it is hidden; this says what that does to the rating.
    Status.SUPPRESSED: "suppressed: not rated, as the hidden figure could fall either side of "
    "the target",
    Status.NOT_RATED: "not rated: shown for context, no target",
}


@dataclass(frozen=True, slots=True)
class SymbolKey:
    """One symbol and what it means."""

    symbol: str
    meaning: str


def symbol_key(
    lines: Iterable[MeasureLine],
    figures: Iterable[str],
    *,
    threshold: int,
    texts: Iterable[str] = (),
) -> tuple[SymbolKey, ...]:
    """The key for ``lines`` (their status, trend, value and previous cells), ``figures``
    (other figures shown, such as an exception's recent history) and ``texts`` (sentences that
    may carry an arrow, such as an exception's trend), in a fixed order."""
    lines = list(lines)
    statuses = {line.status for line in lines}
    arrows = {line.trend.split(" ")[0] for line in lines}
    arrows |= {a for text in texts for a in ARROW_MEANING if a in text}
    shown = {text for line in lines for text in (line.value, line.previous)}
    shown |= {part.rsplit(": ", 1)[-1] for text in figures for part in text.split("; ")}
    keys = [SymbolKey(s.symbol, _STATUS_MEANING[s]) for s in Status if s in statuses]
    keys += [SymbolKey(a, meaning) for a, meaning in ARROW_MEANING.items() if a in arrows]
    keys += [
        SymbolKey(symbol, meaning.format(threshold=threshold))
        for symbol, meaning in _STATISTICAL.items()
        if symbol in shown
    ]
    return tuple(keys)
