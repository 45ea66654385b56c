"""How long a measure has been red: "red for the third quarter running".

Worked out from the scorecards of the earlier quarters (rated with the same definition), so the
count agrees with what the committee was shown each time. Annual measures are left out: a
quarterly streak of one yearly figure would count the same result several times.
"""

from __future__ import annotations

from collections.abc import Sequence

from pledgekit.model.status import Status
from pledgekit.score.scorecard import Scorecard

_ORDINAL = {
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
    8: "eighth",
    9: "ninth",
    10: "tenth",
}


def red_streaks(card: Scorecard, earlier: Sequence[Scorecard]) -> dict[str, int]:
    """Measure id -> how many quarters running it has been red, this one included.

    ``earlier`` are the scorecards of the quarters before ``card``'s, in any order; a quarter
    missing from them ends the streak.
    """
    by_period = {c.period: c for c in earlier}
    streaks = {}
    for row in card.rows_with(Status.RED):
        if row.period is None or row.period.is_annual:
            continue
        count, period = 1, card.period.previous()
        while (previous := by_period.get(period)) is not None:
            before = next((r for r in previous.rows if r.measure.id == row.measure.id), None)
            if before is None or before.status is not Status.RED:
                break
            count += 1
            period = period.previous()
        streaks[row.measure.id] = count
    return streaks


def streak_words(count: int, span: str = "quarter") -> str:
    """``red for the third quarter running``; "" for a first red."""
    if count < 2:
        return ""
    nth = _ORDINAL.get(count, f"{count}th")
    return f"red for the {nth} {span} running"
