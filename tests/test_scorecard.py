from pathlib import Path

import pytest

from pledgekit.model.errors import InputError, UsageError
from pledgekit.model.periods import Period
from pledgekit.model.status import Direction, Position, Significance, Status
from pledgekit.model.values import Reading, ValueState
from pledgekit.score.scoring import build_scorecard

from .factories import DEFINITION, dataset, definition, obs


def row(card, measure_id):  # type: ignore[no-untyped-def]
    return next(r for r in card.rows if r.measure.id == measure_id)


def test_latest_quarter_is_rated_with_trend_and_comparators(tmp_path: Path) -> None:
    d = definition(tmp_path)
    card = build_scorecard(
        d,
        dataset(
            obs("1.1", "2025-26 Q1", 80, numerator=80, denominator=100),
            obs("1.1", "2025-26 Q2", 86, numerator=86, denominator=100, commentary="Improving."),
            obs("1.1", "2024-25 Q2", 91, numerator=91, denominator=100),
            obs("1.2", "2025-26 Q2", 10.9, numerator=11, denominator=101),
        ),
    )
    assert card.period == Period(2025, 2)
    health = row(card, "1.1")
    assert health.status is Status.AMBER
    assert health.display == "86.0%" and health.target_display == "≥ 90.0%"
    assert health.short_term.direction is Direction.IMPROVED and health.short_term.previous == 80
    assert health.long_term.direction is Direction.DECLINED and health.long_term.previous == 91
    # 86 of 100 against England's 88%: within the 95% Wilson interval (77.9% to 91.5%), so the
    # 2-point gap is not more than chance and the position is "similar", not "worse".
    england = health.comparisons["england"]
    assert england.significance is Significance.NOT_DIFFERENT
    assert england.position is Position.SIMILAR
    assert (
        health.rating.reason
        == "86.0% misses a target of 90.0% or more by 4.0 pp, within the tolerance of 5.0 pp"
    )
    assert health.commentary is not None and health.commentary.text == "Improving."
    missing = row(card, "1.2")
    assert missing.status is Status.AMBER  # "10%" of target 10 = 1 point
    assert row(card, "1.3").status is Status.NOT_RATED
    assert row(card, "2.1").status is Status.NO_DATA
    s = card.summary
    assert s.statuses[Status.AMBER] == 2 and s.directions[Direction.IMPROVED] == 1


def test_small_counts_and_rates_on_small_numbers_are_suppressed_before_rating(
    tmp_path: Path,
) -> None:
    d = definition(tmp_path)
    card = build_scorecard(
        d,
        dataset(
            obs("2.1", "2025-26 Q2", 3),
            obs("2.1", "2025-26 Q1", 12),
            obs("1.2", "2025-26 Q2", 4.0, numerator=4, denominator=100),
            obs("1.3", "2025-26 Q2", 3),  # opted out: a whole-cohort count
            obs("1.1", "2025-26 Q2", 0, numerator=0, denominator=50),  # zero identifies nobody
        ),
    )
    hidden = row(card, "2.1")
    # Shown as c, but rated: any count under 5 misses the target of 10 by more than 5 (#18).
    assert hidden.status is Status.RED and hidden.display == "c"
    assert hidden.short_term.direction is Direction.NOT_COMPARABLE  # no trend from a hidden number
    assert hidden.notes == ("suppressed: a count below 5",)
    rate = row(card, "1.2")
    assert rate.status is Status.SUPPRESSED
    assert (
        rate.numerator.state is ValueState.SUPPRESSED
        and rate.denominator.state is ValueState.SUPPRESSED
    )
    assert row(card, "1.3").display == "3"
    assert row(card, "1.1").display == "0.0%"
    assert [p.display for p in hidden.history] == ["12", "c"]


def test_threshold_can_be_changed(tmp_path: Path) -> None:
    d = definition(tmp_path)
    card = build_scorecard(d, dataset(obs("2.1", "2025-26 Q2", 7)), threshold=10)
    assert row(card, "2.1").status is Status.SUPPRESSED
    card = build_scorecard(d, dataset(obs("2.1", "2025-26 Q2", 3)), threshold=0)
    assert row(card, "2.1").status is Status.RED


def test_annual_measures_use_latest_year_and_per_year_targets(tmp_path: Path) -> None:
    d = definition(tmp_path)
    card = build_scorecard(
        d,
        dataset(
            obs("1.1", "2025-26 Q3", 95),
            obs("2.2", "2024-25", 18),
            obs("2.2", "2023-24", 15),
        ),
    )
    assert card.period == Period(2025, 3)
    ks4 = row(card, "2.2")
    assert ks4.period == Period(2024)
    assert ks4.target_display == "≥ 20.0%" and ks4.status is Status.AMBER
    assert ks4.short_term.direction is Direction.IMPROVED and ks4.previous_period == Period(2023)


def test_target_override_and_value_derived_from_ratio(tmp_path: Path) -> None:
    d = definition(tmp_path)
    card = build_scorecard(
        d, dataset(obs("1.1", "2025-26 Q2", None, numerator=45, denominator=50, target=95.0))
    )
    health = row(card, "1.1")
    assert health.value.number == pytest.approx(90)
    assert health.target_display == "≥ 95.0%" and health.status is Status.AMBER


def test_band_measure(tmp_path: Path) -> None:
    d = definition(tmp_path)
    card = build_scorecard(d, dataset(obs("2.3", "2025-26 Q2", 19), obs("2.3", "2025-26 Q1", 22)))
    caseload = row(card, "2.3")
    assert caseload.status is Status.AMBER and caseload.target_display == "12–18"
    assert caseload.short_term.direction is Direction.IMPROVED


def test_other_areas_become_comparators_and_rank(tmp_path: Path) -> None:
    d = definition(tmp_path)
    card = build_scorecard(
        d,
        dataset(
            obs("1.1", "2025-26 Q2", 86, area="HOME"),
            obs("1.1", "2025-26 Q2", 90, area="N1"),
            obs("1.1", "2025-26 Q2", 80, area="N2"),
            obs("1.1", "2025-26 Q2", 70, area="OTHER"),
            obs("1.1", "2025-26 Q2", 84, area="England"),
        ),
    )
    health = row(card, "1.1")
    assert health.value.number == 86
    assert health.comparisons["statistical_neighbours"].comparator == 85
    assert health.comparisons["statistical_neighbours"].position is Position.BETTER
    assert (
        health.comparisons["england"].comparator == 84
    )  # the workbook's England row beats the definition's
    assert (health.rank, health.ranked_areas) == (2, 4)


def test_workbook_neighbours_are_summarised_by_their_median(tmp_path: Path) -> None:
    """DfE's convention: the median of the neighbours, so one outlier does not drag it."""
    d = definition(tmp_path, DEFINITION.replace("neighbours: [N1, N2]", "neighbours: [N1, N2, N3]"))
    rows = [
        obs("1.1", "2025-26 Q2", 86, area="HOME"),
        obs("1.1", "2025-26 Q2", 90, area="N1"),
        obs("1.1", "2025-26 Q2", 80, area="N2"),
        obs("1.1", "2025-26 Q2", 20, area="N3"),
    ]
    health = row(build_scorecard(d, dataset(*rows)), "1.1")
    assert health.comparisons["statistical_neighbours"].comparator == 80
    mean_def = definition(
        tmp_path,
        DEFINITION.replace("neighbours: [N1, N2]", "neighbours: [N1, N2, N3]")
        + "benchmarks: {neighbour_average: mean}\n",
    )
    health = row(build_scorecard(mean_def, dataset(*rows)), "1.1")
    assert health.comparisons["statistical_neighbours"].comparator == pytest.approx(190 / 3)


def test_several_areas_without_home_setting_is_an_input_error(tmp_path: Path) -> None:
    d = definition(tmp_path, DEFINITION.replace("area: HOME\n", ""))
    with pytest.raises(InputError, match="set 'area:'"):
        build_scorecard(
            d, dataset(obs("1.1", "2025-26 Q2", 1, area="A"), obs("1.1", "2025-26 Q2", 2, area="B"))
        )


def test_requested_period_must_exist(tmp_path: Path) -> None:
    d = definition(tmp_path)
    with pytest.raises(UsageError, match="2019-20 Q1"):
        build_scorecard(d, dataset(obs("1.1", "2025-26 Q2", 1)), period=Period(2019, 1))


def test_no_known_measures_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no figures"):
        build_scorecard(definition(tmp_path), dataset(obs("9.9", "2025-26 Q2", 1)))


def test_json_shape_is_versioned_and_complete(tmp_path: Path) -> None:
    card = build_scorecard(
        definition(tmp_path), dataset(obs("1.1", "2025-26 Q2", 86, commentary="x"))
    )
    data = card.to_dict()
    assert data["schema"] == "pledgekit.scorecard/1"
    assert data["period"] == "2025-26 Q2"
    first = data["rows"][0]
    assert first["status"] == "amber" and first["value"] == {"state": "number", "number": 86.0}
    assert first["location"]["cell"] == "C2"
    assert [p["id"] for p in data["pledges"]] == ["1", "2"]


def test_k_value_reading(tmp_path: Path) -> None:
    card = build_scorecard(
        definition(tmp_path),
        dataset(obs("1.2", "2025-26 Q2", Reading(ValueState.BELOW_HALF, raw="k"))),
    )
    assert row(card, "1.2").status is Status.GREEN


PARTS = (
    DEFINITION
    + """\
  - id: "3"
    title: Placements
    measures:
      - {id: "3.1", title: Children in care, unit: count, polarity: none, suppress_small: false}
      - {id: "3.2", title: In foster care, unit: count, polarity: none, part_of: "3.1"}
      - {id: "3.3", title: In residential care, unit: count, polarity: none, part_of: "3.1"}
      - {id: "3.4", title: Placed for adoption, unit: count, polarity: none, part_of: "3.1"}
"""
)


def test_secondary_suppression_hides_the_next_smallest_part(tmp_path: Path) -> None:
    d = definition(tmp_path, PARTS)
    card = build_scorecard(
        d,
        dataset(
            obs("3.1", "2025-26 Q2", 60),
            obs("3.2", "2025-26 Q2", 40),
            obs("3.3", "2025-26 Q2", 17),
            obs("3.4", "2025-26 Q2", 3),
        ),
    )
    shown = {r.measure.id: r.display for r in card.rows if r.measure.id.startswith("3.")}
    # 3 would be 60 - 40 - 17 with only primary suppression: 17 must go too.
    assert shown == {"3.1": "60", "3.2": "40", "3.3": "c", "3.4": "c"}
    assert row(card, "3.3").notes == (
        "suppressed: otherwise 3.4 could be worked out from the total",
    )


def test_no_secondary_suppression_when_nothing_is_derivable(tmp_path: Path) -> None:
    d = definition(tmp_path, PARTS)
    card = build_scorecard(
        d,
        dataset(
            obs("3.1", "2025-26 Q2", 60), obs("3.2", "2025-26 Q2", 40), obs("3.4", "2025-26 Q2", 3)
        ),
    )
    shown = {r.measure.id: r.display for r in card.rows if r.measure.id.startswith("3.")}
    assert shown == {"3.1": "60", "3.2": "40", "3.3": "", "3.4": "c"}
