"""The scorecard: one rated row per measure for the reporting period, and its JSON shape.

A renderer never reads a spreadsheet: it gets a :class:`Scorecard`, whose rows already carry the
formatted figures, the rating with its reason, the directions of travel and comparator positions.
:meth:`Scorecard.to_dict` is the documented ``pledgekit.scorecard/1`` shape that ``--format json``
prints; :meth:`Scorecard.to_frame` gives analysts a pandas DataFrame.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pledgekit.config.pledge import Measure, Pledge
from pledgekit.model.findings import Finding
from pledgekit.model.location import Location
from pledgekit.model.periods import Period
from pledgekit.model.prose import Prose
from pledgekit.model.status import Direction, Status
from pledgekit.model.values import Reading
from pledgekit.score.benchmarks import MeasureBenchmark, YearBenchmark, year_to_dict
from pledgekit.score.ratings import Comparison, Movement, Rating
from pledgekit.score.significance import Level

if TYPE_CHECKING:
    import pandas as pd

FRAME_COLUMNS = (
    "pledge",
    "measure",
    "title",
    "unit",
    "polarity",
    "period",
    "value",
    "numerator",
    "denominator",
    "display",
    "target",
    "status",
    "reason",
    "short_term",
    "long_term",
    "commentary",
)

SCHEMA = "pledgekit.scorecard/1"


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    """One period's figure for a measure (suppressed figures stay suppressed)."""

    period: Period
    value: Reading
    display: str


@dataclass(frozen=True, slots=True)
class Row:
    """One measure in the scorecard for the reporting period."""

    pledge: Pledge
    measure: Measure
    period: Period | None
    value: Reading
    numerator: Reading
    denominator: Reading
    display: str
    target_display: str
    rating: Rating
    short_term: Movement
    long_term: Movement
    previous_period: Period | None
    year_ago_period: Period | None
    comparisons: dict[str, Comparison]
    commentary: Prose | None
    history: tuple[HistoryPoint, ...]
    location: Location | None
    notes: tuple[str, ...] = ()
    rank: int | None = None
    ranked_areas: int | None = None
    published: MeasureBenchmark | None = None
    published_year: YearBenchmark | None = None

    @property
    def status(self) -> Status:
        """The row's RAG status."""
        return self.rating.status


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts for the headline sentence: statuses and short-term movements."""

    statuses: dict[Status, int]
    directions: dict[Direction, int]
    rated: int

    @property
    def red_or_amber(self) -> int:
        """Measures not meeting target."""
        return self.statuses.get(Status.RED, 0) + self.statuses.get(Status.AMBER, 0)


@dataclass(frozen=True)
class Scorecard:
    """The rated scorecard for one reporting period, grouped by pledge in definition order."""

    council: str
    committee: str
    period: Period
    rows: list[Row]
    pledges: list[Pledge]
    periods: list[Period]
    files: list[str]
    threshold: int
    findings: list[Finding] = field(default_factory=list)
    level: Level = Level.P95
    #: Measures whose figure, status or trend here rests on figures that arrived after
    #: ``period`` in a later workbook (such as an annual result in the next quarter's return):
    #: the period's report, made from what was known then, shows them otherwise. Filled in for
    #: an earlier period by :func:`pledgekit.api.load_scorecard`.
    arrived_later: tuple[str, ...] = ()

    @property
    def summary(self) -> Summary:
        """Counts per status and per short-term direction."""
        statuses = Counter(r.status for r in self.rows)
        directions = Counter(r.short_term.direction for r in self.rows)
        rated = sum(1 for r in self.rows if r.status in (Status.GREEN, Status.AMBER, Status.RED))
        return Summary(
            {s: statuses.get(s, 0) for s in Status},
            {d: directions.get(d, 0) for d in Direction},
            rated,
        )

    def rows_for(self, pledge: Pledge) -> list[Row]:
        """Rows of one pledge."""
        return [r for r in self.rows if r.pledge.id == pledge.id]

    def rows_with(self, *statuses: Status) -> list[Row]:
        """Rows with any of these statuses."""
        return [r for r in self.rows if r.status in statuses]

    def to_dict(self) -> dict[str, Any]:
        """The documented, versioned JSON shape (see docs/formats.md)."""
        return scorecard_to_dict(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per measure as a pandas DataFrame, for analysts working in notebooks.

        Columns: pledge, measure, title, unit, polarity, period, value, numerator, denominator,
        display, target, status, reason, short_term, long_term, commentary. Suppressed and missing
        figures are NaN in the number columns; ``display`` shows them as the reader sees them.
        """
        import pandas as pd

        frame: pd.DataFrame = pd.DataFrame(
            [
                {
                    "pledge": r.pledge.id,
                    "measure": r.measure.id,
                    "title": r.measure.title,
                    "unit": r.measure.unit.value,
                    "polarity": r.measure.polarity.value,
                    "period": r.period.label if r.period else None,
                    "value": r.value.number if r.value.is_number else None,
                    "numerator": r.numerator.number if r.numerator.is_number else None,
                    "denominator": r.denominator.number if r.denominator.is_number else None,
                    "display": r.display,
                    "target": r.target_display,
                    "status": r.status.value,
                    "reason": r.rating.reason,
                    "short_term": r.short_term.direction.value,
                    "long_term": r.long_term.direction.value,
                    "commentary": r.commentary.text if r.commentary else None,
                }
                for r in self.rows
            ],
            columns=list(FRAME_COLUMNS),
        )
        return frame


def _reading(reading: Reading) -> dict[str, Any]:
    return {"state": reading.state.value, "number": reading.number}


def _movement(movement: Movement) -> dict[str, Any]:
    return {
        "direction": movement.direction.value,
        "current": movement.current,
        "previous": movement.previous,
        "change": movement.change,
    }


def _comparison(comparison: Comparison) -> dict[str, Any]:
    return {
        "position": comparison.position.value,
        "comparator": comparison.comparator,
        "difference": comparison.difference,
        "significance": {
            "value": comparison.significance.value,
            "label": comparison.significance.label,
        },
        "source": comparison.source,
    }


def row_to_dict(row: Row, level: Level = Level.P95) -> dict[str, Any]:
    """One scorecard row as plain JSON-ready data."""
    target = row.rating.target
    published = None
    if row.published is not None and row.published_year is not None:
        published = year_to_dict(row.published, row.published_year, level)
    return {
        "pledge": row.pledge.id,
        "measure": row.measure.id,
        "title": row.measure.title,
        "reference": row.measure.reference,
        "unit": row.measure.unit.value,
        "polarity": row.measure.polarity.value,
        "period": row.period.label if row.period else None,
        "value": _reading(row.value),
        "numerator": _reading(row.numerator),
        "denominator": _reading(row.denominator),
        "display": row.display,
        "target": list(target) if isinstance(target, tuple) else target,
        "target_display": row.target_display,
        "status": row.status.value,
        "reason": row.rating.reason,
        "tolerance": row.rating.tolerance,
        "gap": row.rating.gap,
        "rule": row.rating.rule.value,
        "short_term": {"period": _label(row.previous_period), **_movement(row.short_term)},
        "long_term": {"period": _label(row.year_ago_period), **_movement(row.long_term)},
        "comparators": {k: _comparison(v) for k, v in row.comparisons.items()},
        "rank": row.rank,
        "ranked_areas": row.ranked_areas,
        "published": published,
        "commentary": row.commentary.text if row.commentary else None,
        "notes": list(row.notes),
        "history": [
            {"period": p.period.label, **_reading(p.value), "display": p.display}
            for p in row.history
        ],
        "location": row.location.to_dict() if row.location else None,
    }


def _label(period: Any) -> str | None:
    return period.label if period is not None else None


def scorecard_to_dict(card: Scorecard) -> dict[str, Any]:
    """The whole scorecard as plain JSON-ready data."""
    summary = card.summary
    return {
        "schema": SCHEMA,
        "council": card.council,
        "committee": card.committee,
        "period": card.period.label,
        "periods": [p.label for p in card.periods],
        "files": card.files,
        "suppression_threshold": card.threshold,
        "summary": {
            "statuses": {k.value: v for k, v in summary.statuses.items()},
            "directions": {k.value: v for k, v in summary.directions.items()},
            "rated": summary.rated,
            "red_or_amber": summary.red_or_amber,
        },
        "pledges": [
            {
                "id": p.id,
                "title": p.title,
                "outcome": p.outcome,
                "promises": list(p.promises),
                "measures": [r.measure.id for r in card.rows_for(p)],
            }
            for p in card.pledges
        ],
        "rows": [row_to_dict(r, card.level) for r in card.rows],
        "findings": [f.to_dict() for f in card.findings],
    }
