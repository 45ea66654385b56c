"""The one dataset type: rows held as columns, read back as observations where asked."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pledgekit.model.indicator_table import area_key
from pledgekit.model.location import Location
from pledgekit.model.observation import Observation
from pledgekit.model.periods import Period
from pledgekit.model.table_making import combine, table_of
from pledgekit.model.values import MISSING, Reading, ValueState

_READINGS = st.one_of(
    st.just(MISSING),
    st.builds(lambda n: Reading(ValueState.NUMBER, float(n)), st.integers(-5, 500)),
    st.sampled_from(
        [Reading(ValueState.SUPPRESSED, raw="c"), Reading(ValueState.INVALID, raw="?")]
    ),
)


@st.composite
def observations(draw: st.DrawFn) -> Observation:
    row = draw(st.integers(2, 60))
    file = draw(st.sampled_from(["q1.xlsx", "q2.csv"]))
    named = draw(st.booleans())
    cells = {"value": f"C{row}", "measure": f"A{row}", **({"area": f"G{row}"} if named else {})}
    target = draw(st.one_of(st.none(), st.integers(0, 100)))
    return Observation(
        measure=draw(st.sampled_from(["1.1", "1.2", "2.10"])),
        period=Period(draw(st.integers(2019, 2021)), draw(st.sampled_from([None, 1, 2, 3, 4]))),
        location=Location(file, None if file.endswith(".csv") else "Indicators", row, "C"),
        value=draw(_READINGS),
        numerator=draw(_READINGS),
        denominator=draw(_READINGS),
        commentary=draw(st.sampled_from([None, "On plan", "Worse"])),
        target=None if target is None else float(target),
        comparators=draw(st.sampled_from([{}, {"england": 80.0}])),
        area=draw(st.sampled_from(["HOME", "home ", "N1"])) if named else None,
        cells=cells,
    )


@settings(deadline=None)  # the first example imports numpy
@given(st.lists(observations(), max_size=30))
def test_rows_read_back_as_the_observations_given(rows: list[Observation]) -> None:
    assert table_of(rows).observations() == rows


@settings(deadline=None)  # the first example imports numpy
@given(st.lists(st.lists(observations(), max_size=10), max_size=4))
def test_tables_combined_hold_every_row_in_order(parts: list[list[Observation]]) -> None:
    joined = combine([table_of(part) for part in parts])
    assert joined.observations() == [o for part in parts for o in part]


@settings(deadline=None)  # the first example imports numpy
@given(st.lists(observations(), max_size=30))
def test_identities_are_equal_for_one_measure_period_and_area(rows: list[Observation]) -> None:
    keys = table_of(rows).identities().tolist()
    for a, ka in zip(rows, keys, strict=True):
        for b, kb in zip(rows, keys, strict=True):
            same = (a.measure, a.period, a.area and area_key(a.area)) == (
                b.measure,
                b.period,
                b.area and area_key(b.area),
            )
            assert (ka == kb) == same


def _row(area: str | None, row: int) -> Observation:
    return Observation("1.1", Period(2020, 1), Location("q.xlsx", "I", row, "C"), area=area)


def test_the_home_council_is_chosen_in_one_place() -> None:
    unnamed = table_of([_row(None, 2), _row(None, 3)])
    assert unnamed.home(None).tolist() == [True, True]
    assert unnamed.home("E1").tolist() == [True, True]  # no area column: every row is home
    several = table_of([_row("E1", 2), _row(" e1", 3), _row("E2", 4), _row(None, 5)])
    assert several.home("e1").tolist() == [True, True, False, True]
    assert several.home(None) is None
    assert "set 'area:'" in several.home_problem(None)
    assert several.home("E3") is None
    assert "no rows for area 'E3'" in several.home_problem("E3")
    assert table_of([_row("E1", 2), _row(None, 3)]).home(None).tolist() == [True, True]


def test_figures_set_aside_and_rows_taken() -> None:
    table = table_of([_row(None, 2), _row(None, 3), _row(None, 4)])
    unsure = Reading(ValueState.INVALID, raw="conflicting figures")
    changed = table.with_figures([1], unsure).take(table.rows != 4)
    got = changed.observations()
    assert [o.location.row for o in got] == [2, 3]
    assert [o.value for o in got] == [MISSING, unsure]
    assert table.observations()[1].value is MISSING  # the table given is left as it was
