"""Who is looked after: hand-made scenarios, one rule per child, counts worked out in comments.

The collection year is 2024-25 (2025 by its end): 1 April 2024 to 31 March 2025.
"""

from __future__ import annotations

import pytest

from pledgekit.records.catalogue import compute
from pledgekit.records.frames import CountingOptions
from pledgekit.records.history import MeasureUnavailable
from pledgekit.records.in_care import (
    cla_ceased,
    cla_number,
    cla_rate,
    cla_started,
    foster_care,
    missing_incidents,
)
from tests.records903 import episode, records

OPTIONS = CountingOptions()


def test_cla_number_counts_children_with_an_episode_open_at_31_march() -> None:
    data = records(
        {
            2025: {
                "Episodes": [
                    episode("A", "01/04/2020"),  # open since 2020: counts
                    episode("B", "01/06/2024", dec="31/03/2025", rec="E4A"),  # left on 31 March
                    episode("C", "01/06/2024", dec="01/04/2025", rec="E4A"),  # left after: counts
                    episode("D", "01/06/2024", ls="V3"),  # short breaks only: nothing
                    episode("E", "01/05/2020", dec="01/08/2024", rec="X1"),  # moved on (X1) ...
                    episode("E", "01/08/2024", "P"),  # ... still looked after: counts once
                    episode("F", "31/03/2025"),  # started on 31 March: counts
                    episode("G", "01/04/2025"),  # starts after the year: not yet
                ]
            }
        }
    )
    # A, C, E and F.
    count = cla_number(data, 2025, OPTIONS)
    assert (count.numerator, count.denominator, count.value, count.unit) == (4, None, 4, "count")


def test_cla_started_counts_each_starter_once() -> None:
    data = records(
        {
            2025: {
                "Episodes": [
                    episode("A", "01/04/2024"),  # started on the year's first day: counts
                    episode("B", "31/03/2025"),  # started on its last day: counts
                    episode("C", "31/03/2024"),  # started the year before: no
                    episode("D", "01/05/2024", dec="01/06/2024", rec="E4A"),  # started twice:
                    episode("D", "01/09/2024"),  # ... counts once
                    episode("E", "01/05/2024", ls="V4"),  # a short break start: no
                    episode("F", "01/05/2020", dec="01/05/2024", rec="X1"),  # a move (RNE P),
                    episode("F", "01/05/2024", "P"),  # ... not a start
                ]
            }
        }
    )
    # A, B and D.
    assert cla_started(data, 2025, OPTIONS).numerator == 3


def test_cla_ceased_counts_each_leaver_once_and_not_x1() -> None:
    data = records(
        {
            2025: {
                "Episodes": [
                    episode("A", "01/04/2020", dec="01/04/2024", rec="E4A"),  # first day: counts
                    episode("B", "01/04/2020", dec="31/03/2025", rec="E11"),  # last day: counts
                    episode("C", "01/04/2020", dec="01/07/2024", rec="X1"),  # X1: care goes on
                    episode("C", "01/07/2024", "P"),
                    episode("D", "01/04/2020", dec="01/05/2024", rec="E4A"),  # left twice:
                    episode("D", "01/06/2024", dec="01/07/2024", rec="E13"),  # ... counts once
                    episode("E", "01/05/2024", dec="01/06/2024", rec="E4A", ls="V3"),  # short break
                    episode("F", "01/04/2020", dec="31/03/2024", rec="E4A"),  # the year before
                ]
            }
        }
    )
    # A, B and D.
    assert cla_ceased(data, 2025, OPTIONS).numerator == 3


def test_cla_rate_is_per_10000_of_the_population_given() -> None:
    data = records({2025: {"Episodes": [episode(c, "01/04/2020") for c in "ABCD"]}})
    # 4 children of 20,000 under 18: 2 per 10,000.
    count = cla_rate(data, 2025, CountingOptions(population_under_18=20000))
    assert (count.numerator, count.denominator, count.value, count.unit) == (4, 20000, 2.0, "rate")
    with pytest.raises(MeasureUnavailable, match="population"):
        cla_rate(data, 2025, OPTIONS)
    # compute() says so instead of raising.
    (missing,) = compute(data, [2025], OPTIONS, only=["cla-rate"]).unavailable
    assert "population" in missing.reason


def test_foster_care_looks_at_the_placement_open_on_31_march() -> None:
    data = records(
        {
            2025: {
                "Episodes": [
                    episode("A", "01/04/2020", place="U1"),  # with relatives: foster care
                    episode("B", "01/04/2020", place="U6"),  # foster care
                    episode("C", "01/04/2020", place="K2"),  # children's home: no
                    episode("D", "01/04/2020", dec="01/10/2024", rec="X1", place="U4"),  # was
                    episode("D", "01/10/2024", "P", place="K2"),  # ... fostered, not at 31 March
                    episode("E", "01/04/2020", ls="V3", place="U1"),  # short breaks: in neither
                ]
            }
        }
    )
    # 2 (A, B) of 4 (A, B, C, D).
    count = foster_care(data, 2025, OPTIONS)
    assert (count.numerator, count.denominator, count.value) == (2, 4, 50.0)


def test_missing_incidents_counts_children_missing_in_the_year_once() -> None:
    data = records(
        {
            2025: {
                "Episodes": [episode(c, "01/04/2020") for c in "ABCEF"]
                + [episode("D", "01/05/2024", ls="V3")],
                "Missing": [
                    {"CHILD": "A", "MISSING": "M", "MIS_START": "01/06/2024"},  # missing: counts
                    {"CHILD": "B", "MISSING": "A", "MIS_START": "01/06/2024"},  # away, not missing
                    # Went missing before the year and came back in it: counts.
                    {
                        "CHILD": "C",
                        "MISSING": "M",
                        "MIS_START": "30/03/2024",
                        "MIS_END": "02/04/2024",
                    },
                    {"CHILD": "D", "MISSING": "M", "MIS_START": "01/06/2024"},  # short breaks only
                    {"CHILD": "F", "MISSING": "M", "MIS_START": "01/06/2024"},  # twice:
                    {"CHILD": "F", "MISSING": "M", "MIS_START": "01/08/2024"},  # ... counts once
                    {
                        "CHILD": "E",
                        "MISSING": "M",
                        "MIS_START": "01/06/2023",
                        "MIS_END": "02/06/2023",
                    },
                ],
            }
        }
    )
    # Looked after in the year: A, B, C, E, F (5); missing in it: A, C, F (3).
    count = missing_incidents(data, 2025, OPTIONS)
    assert (count.numerator, count.denominator, count.cohort) == (3, 5, 5)
    assert count.value == pytest.approx(60.0)


def test_a_blank_or_unparseable_date_does_not_count() -> None:
    data = records({2025: {"Episodes": [episode("A", "not a date"), episode("B", "01/04/2020")]}})
    # A's start is unknown (NaT): A is not counted at 31 March; B is.
    assert cla_number(data, 2025, OPTIONS).numerator == 1
