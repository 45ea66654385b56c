"""A suppressed figure is rated when every value it could hide has one status (issue 18)."""

from __future__ import annotations

from pathlib import Path

from pledgekit.model.measure_kinds import Unit
from pledgekit.model.status import Status
from pledgekit.model.values import Reading, ValueState
from pledgekit.report.assembly import build_report
from pledgekit.score.hidden import hidden_range
from pledgekit.score.scoring import build_scorecard

from .factories import dataset as make_dataset
from .factories import definition, number, obs
from .report_parts import part

SMALL = """\
council: Test Council
pledges:
  - id: "1"
    title: Health
    measures:
      - {id: "1.1", title: Care leavers in higher education, unit: count, polarity: higher, target: 10, tolerance: 2}
      - {id: "1.2", title: Young people cautioned, unit: percent, polarity: lower, target: 5, tolerance: 1}
      - {id: "1.3", title: Care leavers in apprenticeships, unit: count, polarity: higher, target: 5, tolerance: 2}
      - {id: "1.4", title: Children with a dental check, unit: percent, polarity: higher, target: 80, tolerance: 5}
"""


def test_the_range_a_suppression_hides() -> None:
    assert hidden_range(Unit.COUNT, 5, Reading(ValueState.MISSING)) == (0.0, 4.0)
    assert hidden_range(Unit.PERCENT, 5, number(200)) == (0.0, 2.0)
    assert hidden_range(Unit.PERCENT, 5, Reading(ValueState.SUPPRESSED)) is None
    assert hidden_range(Unit.RATE, 5, number(200)) is None


def test_a_figure_that_must_miss_or_meet_is_rated_and_shown_as_c(tmp_path: Path) -> None:
    data = make_dataset(
        obs("1.1", "2026-27 Q2", 3),  # any count under 5 misses 10 by more than 2: red
        # Suppressed at source with its denominator shown: at most 4 of 400, 1.0%: green.
        obs("1.2", "2026-27 Q2", Reading(ValueState.SUPPRESSED, raw="c"), denominator=400),
        obs("1.3", "2026-27 Q2", 2),  # 0 is red, 4 is amber: cannot be rated
        # Suppressed here, the denominator with it (it would give the numerator away): no range.
        obs("1.4", "2026-27 Q2", numerator=3, denominator=8),
    )
    card = build_scorecard(definition(tmp_path, SMALL), data)
    rows = {r.measure.id: r for r in card.rows}
    assert rows["1.1"].status is Status.RED and rows["1.1"].display == "c"
    assert rows["1.1"].rating.reason.startswith(
        "suppressed (c), but every value it could hide (0 to 4) is red"
    )
    assert rows["1.2"].status is Status.GREEN and rows["1.2"].display == "c"
    assert rows["1.3"].status is Status.SUPPRESSED
    assert rows["1.4"].status is Status.SUPPRESSED
    # Listed where red belongs: an exception of the report, its figure still "c".
    report = build_report(card, data, None)
    (red,) = part(report, "exceptions").items
    assert red.line.ref == "1.1" and red.line.value == "c"
    assert red.figure.startswith(
        "c against a target of ≥ 10. Suppressed (c), but every value it could hide (0 to 4)"
    )
