"""Trend as the report shows it: an arrow for where the value went, a word for the judgement.

The arrow follows the number (``↑`` rose, ``↓`` fell, ``→`` level), never the verdict, so a
lower-is-better measure that fell reads ``↓ Improved``: members see both what happened and
whether it was good. The judgement words are the scorecard's direction of travel.
"""

from __future__ import annotations

from pledgekit.model.status import Direction
from pledgekit.score.ratings import Movement

UP, DOWN, LEVEL = "↑", "↓", "→"

#: What each arrow means, for the symbol key.
ARROW_MEANING = {UP: "the value rose", DOWN: "the value fell", LEVEL: "the value did not change"}

_WORD = {
    Direction.IMPROVED: "Improved",
    Direction.DECLINED: "Declined",
    Direction.NO_CHANGE: "No change",
    Direction.INCREASED: "Increased",
    Direction.DECREASED: "Decreased",
    Direction.NOT_COMPARABLE: "Not comparable",
}


def value_arrow(movement: Movement) -> str:
    """The arrow for the value's own direction, or "" when there is nothing to compare.

    A change the scorecard judges as no change (within ``stable_within``) is level.
    """
    if movement.direction is Direction.NOT_COMPARABLE or movement.change is None:
        return ""
    if movement.direction is Direction.NO_CHANGE or movement.change == 0:
        return LEVEL
    return UP if movement.change > 0 else DOWN


def judgement(movement: Movement) -> str:
    """The word for the direction of travel: Improved, Declined, No change, ..."""
    return _WORD[movement.direction]


def trend_text(movement: Movement) -> str:
    """``↓ Improved``, ``↑ Declined``, ``→ No change``, or ``Not comparable`` (no arrow)."""
    arrow = value_arrow(movement)
    return f"{arrow} {judgement(movement)}" if arrow else judgement(movement)
