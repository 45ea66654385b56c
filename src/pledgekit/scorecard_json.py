"""The scorecard's JSON shape (``pledgekit.scorecard/1``), shared by the CLI and the API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pledgekit.rag import Comparison, Movement
from pledgekit.values import Reading

if TYPE_CHECKING:
    from pledgekit.scorecard import Row, Scorecard


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
    }


def row_to_dict(row: Row) -> dict[str, Any]:
    """One scorecard row as plain JSON-ready data."""
    target = row.rating.target
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
        "commentary": row.commentary,
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
        "schema": "pledgekit.scorecard/1",
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
        "rows": [row_to_dict(r) for r in card.rows],
        "findings": [f.to_dict() for f in card.findings],
    }
