"""The synthetic 903 generator: seeded, complete tables, planted identifiers, plausible figures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pledgekit.records.catalogue import compute
from pledgekit.records.frames import (
    DATE_COLUMNS,
    NUMBER_COLUMNS,
    TABLES,
    CountingOptions,
    Records903,
    YearTables,
)
from tests.ssda903_synth import synthesize


def typed(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """The frame typed as the 903 reader types it (dates, numbers, _file, _row)."""
    out = frame.copy()
    for column in out.columns:
        if column in DATE_COLUMNS:
            out[column] = pd.to_datetime(out[column], format="%d/%m/%Y", errors="coerce").astype(
                "datetime64[ns]"
            )
        elif column in NUMBER_COLUMNS:
            out[column] = pd.to_numeric(out[column], errors="coerce").astype("float64")
    return out.assign(_file=f"{name}.csv", _row=range(2, len(out) + 2))


def test_the_same_seed_gives_the_same_files_and_another_seed_others() -> None:
    one, again, other = synthesize(300, seed=7), synthesize(300, seed=7), synthesize(300, seed=8)
    for year, tables in one.tables.items():
        for name, frame in tables.items():
            pd.testing.assert_frame_equal(frame, again.tables[year][name])
    assert not one.tables[2025]["Episodes"].equals(other.tables[2025]["Episodes"])


def test_every_table_has_its_columns_and_the_planted_values_are_written(tmp_path: Path) -> None:
    synthetic = synthesize(500, years=[2024, 2025], seed=1)
    for tables in synthetic.tables.values():
        for name, frame in tables.items():
            assert tuple(frame.columns) == TABLES[name]
    paths = synthetic.write(tmp_path)
    assert {p.parent.name for p in paths} == {"2023-24", "2024-25"}
    text = "".join(p.read_text(encoding="utf-8") for p in paths)
    assert all(len(upn) == 13 for upn in synthetic.upns)
    for planted in (synthetic.upns, synthetic.postcodes, synthetic.child_ids):
        assert any(value in text for value in planted)
    assert sum(value in text for value in list(synthetic.dobs)[:50]) == 50


def test_the_files_give_plausible_figures_for_every_measure() -> None:
    synthetic = synthesize(4000, seed=3)
    records = Records903(
        {
            y: YearTables(y, {n: typed(f, n) for n, f in t.items()})
            for y, t in synthetic.tables.items()
        }
    )
    result = compute(records, [2025], CountingOptions(population_under_18=60000))
    assert result.unavailable == []
    figures = {count.reference: count.value for count in result.counts}
    # Near DfE's national shares by construction, with room for a few thousand children's noise.
    assert 55 <= figures["foster-care"] <= 80  # type: ignore[operator]
    assert 80 <= figures["health-assessment"] <= 97  # type: ignore[operator]
    assert 10 <= figures["sdq-average"] <= 20  # type: ignore[operator]
    assert 40 <= figures["care-leavers-19-21-eet"] <= 65  # type: ignore[operator]
    assert figures["cla-number"] > 0 and figures["cla-started"] > 0 and figures["cla-ceased"] > 0  # type: ignore[operator]
