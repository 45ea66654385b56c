"""The 12-month cohort and its OC2 outcomes: hand-made scenarios, counts worked out in comments.

Year 2024-25. The cohort: looked after at 31 March 2025 and on every day since 1 April 2024.
"""

from __future__ import annotations

import pytest

from pledgekit.records.cohorts import twelve_month_cohort
from pledgekit.records.frames import CountingOptions
from pledgekit.records.outcomes import (
    convicted_or_cautioned,
    dental_check,
    development_checks,
    health_assessment,
    immunisations,
    sdq_average,
)
from tests.records903 import episode, header, records

OPTIONS = CountingOptions()


def oc2(child: str, **flags: str) -> dict[str, str]:
    return {"CHILD": child, **flags}


COHORT_EPISODES = [
    episode("A", "01/04/2020"),  # all year: in
    episode("B", "01/04/2020"),  # all year: in
    episode("C", "02/04/2024"),  # started the day after 1 April: out
    episode("D", "01/04/2024"),  # started on 1 April: 12 months exactly, in
    episode("E", "01/04/2020", dec="01/06/2024", rec="E4A"),  # care ended in the year and
    episode("E", "01/09/2024"),  # ... began again: out
    episode("F", "01/04/2020", ls="V3"),  # short breaks only: out
    episode("G", "01/04/2020", dec="01/07/2024", rec="X1"),  # a move (X1) keeps them in
    episode("G", "01/07/2024", "P"),
    episode("H", "01/04/2020"),  # in, but no OC2 row
    episode("I", "01/04/2020", dec="31/03/2025", rec="E4A"),  # left on 31 March: out
    episode("J", "01/04/2020", dec="01/05/2024", rec="X1"),  # a short break within the year
    episode("J", "01/05/2024", "L", dec="08/05/2024", rec="X1", ls="V3"),
    episode("J", "08/05/2024", "L"),  # ... is out of the cohort
]


def test_the_twelve_month_cohort() -> None:
    # Each child alone: in the cohort or not, as the comments above say.
    inside = {
        child
        for child in "ABCDEFGHIJ"
        if len(
            twelve_month_cohort(
                records({2025: {"Episodes": [e for e in COHORT_EPISODES if e["CHILD"] == child]}}),
                2025,
            )
        )
    }
    assert inside == {"A", "B", "D", "G", "H"}
    assert len(twelve_month_cohort(records({2025: {"Episodes": COHORT_EPISODES}}), 2025)) == 5


def test_health_assessment_counts_flags_of_the_cohort_only() -> None:
    rows = [oc2(c, HEALTH_ASSESSMENT="1") for c in "ACDEFGIJ"] + [oc2("B", HEALTH_ASSESSMENT="0")]
    data = records({2025: {"Episodes": COHORT_EPISODES, "OC2": rows}})
    # Cohort A, B, D, G, H (5: H without an OC2 row stays in the base); flagged A, D, G (3).
    # C, E, F, I and J have flags but are outside the cohort: ignored.
    count = health_assessment(data, 2025, OPTIONS)
    assert (count.numerator, count.denominator, count.value) == (3, 5, 60.0)


def test_immunisations_and_dental_checks() -> None:
    episodes = [episode(c, "01/04/2020") for c in "ABC"]
    rows = [
        oc2("A", IMMUNISATIONS="1", TEETH_CHECK="0"),
        oc2("B", IMMUNISATIONS="1", TEETH_CHECK="1"),
        oc2("C", IMMUNISATIONS="0", TEETH_CHECK=""),  # blank: not a check
    ]
    data = records({2025: {"Episodes": episodes, "OC2": rows}})
    # Immunisations: A, B of 3. Dental: B of 3.
    assert immunisations(data, 2025, OPTIONS).numerator == 2
    assert dental_check(data, 2025, OPTIONS).numerator == 1
    assert dental_check(data, 2025, OPTIONS).denominator == 3


def test_development_checks_take_children_aged_0_to_4_at_31_march() -> None:
    data = records(
        {
            2025: {
                "Episodes": [episode(c, "01/04/2024") for c in "ABCD"],
                "Header": [
                    header("A", "01/04/2020"),  # 4 at 31 March 2025 (5 the next day): in
                    header("B", "31/03/2020"),  # 5 on 31 March 2025: out
                    header("C", "01/04/2024"),  # 0: in
                    header("D", ""),  # age unknown: out
                ],
                "OC2": [
                    oc2("A", HEALTH_CHECK="1"),
                    oc2("B", HEALTH_CHECK="1"),
                    oc2("C", HEALTH_CHECK="0"),
                ],
            }
        }
    )
    # A and C aged 0-4; A checked: 1 of 2.
    count = development_checks(data, 2025, OPTIONS)
    assert (count.numerator, count.denominator, count.cohort) == (1, 2, 4)


def test_convictions_take_children_aged_10_to_17() -> None:
    data = records(
        {
            2025: {
                "Episodes": [episode(c, "01/04/2020") for c in "ABCD"],
                # No Header: the OC2 row's DOB gives the age.
                "OC2": [
                    oc2("A", DOB="31/03/2015", CONVICTED="1"),  # 10 on 31 March: in, convicted
                    oc2("B", DOB="01/04/2015", CONVICTED="1"),  # 9: out
                    oc2("C", DOB="01/04/2007", CONVICTED="0"),  # 17: in
                    oc2("D", DOB="31/03/2007", CONVICTED="1"),  # 18 on 31 March: out
                ],
            }
        }
    )
    # A and C aged 10-17; A convicted: 1 of 2.
    count = convicted_or_cautioned(data, 2025, OPTIONS)
    assert (count.numerator, count.denominator, count.value) == (1, 2, 50.0)


def test_sdq_average_is_the_mean_of_5_to_16_year_olds_with_a_score() -> None:
    data = records(
        {
            2025: {
                "Episodes": [episode(c, "01/04/2020") for c in "ABCDEF"],
                "Header": [
                    header("A", "31/03/2020"),  # 5
                    header("B", "01/04/2008"),  # 16
                    header("C", "01/04/2020"),  # 4: out
                    header("D", "31/03/2008"),  # 17: out
                    header("E", "01/01/2015"),  # 10, no score
                    header("F", "01/01/2015"),  # 10, score out of range
                ],
                "OC2": [
                    oc2("A", SDQ_SCORE="10"),
                    oc2("B", SDQ_SCORE="20"),
                    oc2("C", SDQ_SCORE="30"),
                    oc2("D", SDQ_SCORE="30"),
                    oc2("E", SDQ_SCORE=""),
                    oc2("F", SDQ_SCORE="41"),
                ],
            }
        }
    )
    # Scores of A (10) and B (20): sum 30 over 2, mean 15; the age group is A, B, E, F (4).
    count = sdq_average(data, 2025, OPTIONS)
    assert (count.numerator, count.denominator, count.value, count.cohort) == (30, 2, 15.0, 4)


def test_a_cohort_without_scores_has_no_figure() -> None:
    data = records({2025: {"Episodes": [episode("A", "01/04/2020")], "OC2": [oc2("A")]}})
    count = sdq_average(data, 2025, OPTIONS)
    assert (count.denominator, count.value) == (0, None)
    assert health_assessment(data, 2025, OPTIONS).value == pytest.approx(0.0)
