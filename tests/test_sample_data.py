"""The shipped sample data: it loads, covers the formats, matches its generator, names no child."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest

from pledgekit.config.pledge import Definition, load_definition
from pledgekit.model.measure_kinds import Polarity, Unit

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
SCRIPT = ROOT / "scripts" / "make_sample_data.py"
QUARTERS = ["2025-26-Q1", "2025-26-Q2", "2025-26-Q3", "2025-26-Q4", "2026-27-Q1", "2026-27-Q2"]
WORKBOOKS = [f"{q}.xlsx" for q in QUARTERS]
LATEST = WORKBOOKS[-1]
PUBLISHED = [
    "cla_number_and_rate_per_10k_children.csv",
    "la_cla_placement_stability.csv",
    "la_care_leavers_activity.csv",
    "sn_model_2025_wide.csv",
]


@pytest.fixture(scope="module")
def generator() -> Iterator[ModuleType]:
    """scripts/make_sample_data.py imported as a module (it is not part of the package)."""
    spec = importlib.util.spec_from_file_location("make_sample_data", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


@pytest.fixture(scope="module")
def definition() -> Definition:
    return load_definition(SAMPLE / "pledge.yaml")


def _snapshot(path: Path) -> dict[str, Any]:
    """What a reader sees in a workbook: every cell's value and number format, merges, sheets."""
    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        cells = [[(cell.value, cell.number_format) for cell in row] for row in ws.iter_rows()]
        merged = sorted(str(r) for r in ws.merged_cells.ranges)
        sheets[ws.title] = {"cells": cells, "merged": merged}
    return {"order": wb.sheetnames, "sheets": sheets}


def _all_text(path: Path) -> Iterator[tuple[str, Any]]:
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield f"{path.name}!{ws.title}!{cell.coordinate}", cell.value


# --- the definition -------------------------------------------------------------------------


def test_pledge_yaml_loads(definition: Definition) -> None:
    assert definition.council.startswith("Northbridge Borough Council")
    assert "synthetic" in definition.council
    assert definition.area == "E09000999"
    assert definition.committee == "Corporate Parenting Committee"
    assert definition.defaults.tolerance == 5
    assert definition.defaults.stable_within == 0.5
    assert definition.defaults.suppression_threshold == 5


def test_five_pledges_and_30_to_36_measures(definition: Definition) -> None:
    assert len(definition.pledges) == 5
    assert 30 <= len(definition.measure_ids()) <= 36
    for pledge in definition.pledges:
        assert 2 <= len(pledge.promises) <= 3
        assert all(p.startswith("We will") for p in pledge.promises)
        assert pledge.outcome


def test_every_unit_is_used(definition: Definition) -> None:
    assert {m.unit for _, m in definition.measures()} == set(Unit)


def test_definition_exercises_the_format(definition: Definition) -> None:
    measures = [m for _, m in definition.measures()]
    assert {"2.1", "2.10"} <= set(definition.measure_ids())
    assert any(isinstance(m.target, dict) for m in measures), "a per-year target"
    assert any(isinstance(m.tolerance, str) for m in measures), "a relative tolerance"
    assert any(m.polarity is Polarity.BAND for m in measures)
    assert any(m.polarity is Polarity.NONE for m in measures)
    assert any(m.rag_rule is not None and m.rag_rule.value == "trend" for m in measures)
    assert any(not m.suppress_small for m in measures)
    assert 2 <= sum(m.frequency.value == "annual" for m in measures) <= 3
    assert sum(bool(m.comparators) for m in measures) >= len(measures) * 2 / 3
    assert any(m.reference == "NI 62" for m in measures)
    assert all(m.owner and m.source for m in measures)


def test_ids_are_quoted_in_the_yaml() -> None:
    text = (SAMPLE / "pledge.yaml").read_text(encoding="utf-8")
    ids = re.findall(r"^\s*-? *id: *(.+)$", text, re.MULTILINE)
    assert ids
    assert all(re.fullmatch(r'"[0-9.]+"', i) for i in ids), ids
    assert text.startswith("#") and "SYNTHETIC" in text.split("\n\n")[0]


# --- the workbooks --------------------------------------------------------------------------


@pytest.mark.parametrize("name", WORKBOOKS)
def test_workbook_opens_with_an_indicators_sheet(name: str) -> None:
    wb = openpyxl.load_workbook(SAMPLE / name)
    assert wb.sheetnames[0] == "Indicators"


@pytest.mark.parametrize("name", WORKBOOKS[:-1])
def test_tidy_workbooks_have_the_header_in_row_1(name: str) -> None:
    ws = openpyxl.load_workbook(SAMPLE / name)["Indicators"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["Measure", "Period", "Value", "Numerator", "Denominator"]
    assert header[-1] == "Commentary"
    quarter = name.removesuffix(".xlsx").replace("-Q", " Q")
    periods = {row[1] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert quarter in periods


def test_one_tidy_workbook_overrides_a_target() -> None:
    with_target = [
        n
        for n in WORKBOOKS[:-1]
        if "Target" in [c.value for c in openpyxl.load_workbook(SAMPLE / n)["Indicators"][1]]
    ]
    assert with_target == ["2025-26-Q4.xlsx"]


def test_latest_workbook_is_council_style() -> None:
    wb = openpyxl.load_workbook(SAMPLE / LATEST)
    assert wb.sheetnames == ["Indicators", "Commitments", "Updates", "Actions", "Profile"]
    ws = wb["Indicators"]
    assert "A1:F1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[4]] == ["Ref", "Qtr", "Actual", "Num", "Denom", "Comments"]
    rows = list(ws.iter_rows(min_row=5))
    values = [r[2].value for r in rows]
    assert 2.1 in [r[0].value for r in rows], "a measure id typed as a number"
    assert "2.10" in [r[0].value for r in rows]
    assert "Q2 2026/27" in [r[1].value for r in rows]
    assert any(r[2].number_format == "0.0%" and r[2].value < 1 for r in rows if r[2].value)
    assert any(isinstance(v, str) and v.endswith("%") for v in values)
    cells = {r[i].value for r in rows for i in range(5)}
    assert {"c", "<5", "x", "n/a"} <= cells
    assert any(isinstance(v, str) and re.fullmatch(r"\d{1,3}(,\d{3})+", v) for v in cells)
    assert any(all(c.value is None for c in r) for r in rows), "blank separator rows"
    notes = [r[0].value for r in rows if isinstance(r[0].value, str) and len(r[0].value) > 20]
    assert any(n.startswith("Source:") for n in notes)
    assert any("Synthetic" in n for n in notes)
    header = [c.value for c in wb["Commitments"][1]]
    assert header == ["Directorate", "Pledge", "Commitment", "Lead", "Due", "Status", "Update"]
    commitments = list(wb["Commitments"].iter_rows(min_row=2, values_only=True))
    assert {r[5] for r in commitments} == {"On track", "Complete", "Delayed", "Not started"}
    assert all(isinstance(r[4], datetime) and r[3] for r in commitments)
    actions = list(wb["Actions"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in actions] == [f"A{i}" for i in range(1, 8)]
    assert 10 <= wb["Commitments"].max_row - 1 <= 15
    assert wb["Updates"].max_row - 1 == 5
    profile = {r[1]: r[2] for r in wb["Profile"].iter_rows(min_row=2, values_only=True)}
    assert profile["Children in care"] == 421


def test_regenerating_gives_the_shipped_files(generator: ModuleType, tmp_path: Path) -> None:
    written = generator.main(tmp_path)
    assert sorted(p.name for p in written) == sorted(["pledge.yaml", *WORKBOOKS, *PUBLISHED])
    for name in PUBLISHED:
        assert (tmp_path / "published" / name).read_bytes() == (
            SAMPLE / "published" / name
        ).read_bytes(), f"published/{name} drifted: run python scripts/make_sample_data.py"
    assert (tmp_path / "pledge.yaml").read_text(encoding="utf-8") == (
        SAMPLE / "pledge.yaml"
    ).read_text(encoding="utf-8"), "pledge.yaml drifted: run python scripts/make_sample_data.py"
    for name in WORKBOOKS:
        assert _snapshot(tmp_path / name) == _snapshot(SAMPLE / name), (
            f"{name} drifted from the script: run python scripts/make_sample_data.py"
        )


def test_workbook_timestamps_are_fixed(generator: ModuleType) -> None:
    for name in WORKBOOKS:
        props = openpyxl.load_workbook(SAMPLE / name).properties
        assert props.created == generator.FIXED_TIME
        assert props.modified == generator.FIXED_TIME


# --- what the figures say -------------------------------------------------------------------


def test_latest_quarter_rag_mix(generator: ModuleType) -> None:
    mix = generator.latest_mix()
    rated = mix["green"] + mix["amber"] + mix["red"]
    assert 0.55 <= mix["green"] / rated <= 0.65
    assert 0.15 <= mix["amber"] / rated <= 0.25
    assert 0.10 <= mix["red"] / rated <= 0.20
    assert 1 <= mix["no_data"] <= 2
    assert mix["suppressed"] >= 1


def test_every_recent_red_has_commentary_but_one(generator: ModuleType) -> None:
    books = generator.build()
    recent = [f for i in (generator.LATEST - 1, generator.LATEST) for f in books[i]]
    reds = [f for f in recent if f.status == "red"]
    assert len(reds) >= 5
    assert [(f.measure, f.period) for f in reds if not f.commentary] == [("4.5", "2026-27 Q2")]


def test_percentages_rest_on_their_numerators(generator: ModuleType) -> None:
    for figures in generator.build().values():
        for f in figures:
            if isinstance(f.numerator, int) and isinstance(f.value, float):
                spec = next(s for s in generator.all_specs() if s.id == f.measure)
                if spec.unit == "percent":
                    assert f.value == round(100 * f.numerator / f.denominator, 1), f


# --- safe to publish ------------------------------------------------------------------------

PERSONAL = {
    "email": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    "postcode": re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", re.IGNORECASE),
    "date": re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})\b"),
    "date in words": re.compile(
        r"\b\d{1,2}(?:st|nd|rd|th)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* "
        r"(?:19|20)\d{2}\b"
    ),
    "date of birth": re.compile(r"\b(?:born|date of birth|d\.?o\.?b)\b", re.IGNORECASE),
    "UPN": re.compile(r"\b[A-Z]\d{11}[0-9A-Z]\b"),
    "NHS number": re.compile(r"\b\d{3} ?\d{3} ?\d{4}\b"),
}


@pytest.mark.parametrize("name", WORKBOOKS)
def test_no_personal_data_in_workbooks(name: str) -> None:
    # Due dates of commitments and milestones of actions are the only dates: plans, not people.
    planned = ("!Commitments!E", "!Actions!H")
    for where, value in _all_text(SAMPLE / name):
        if isinstance(value, (datetime, date)) and any(p in where for p in planned):
            continue
        assert not isinstance(value, (datetime, date)), f"{where}: a date cell"
        text = str(value)
        for kind, pattern in PERSONAL.items():
            assert not pattern.search(text), f"{where}: looks like a {kind}: {text!r}"


def test_no_personal_data_in_pledge_yaml() -> None:
    text = (SAMPLE / "pledge.yaml").read_text(encoding="utf-8")
    for kind, pattern in PERSONAL.items():
        assert not pattern.search(text), f"pledge.yaml: looks like a {kind}"


def test_patterns_catch_what_they_should() -> None:
    samples = {
        "email": "contact jo.bloggs@example.org",
        "postcode": "lives at NB1 2XY",
        "date": "dob 03/11/2012",
        "date in words": "on 3 November 2012",
        "date of birth": "date of birth given",
        "UPN": "UPN A123456789012",
        "NHS number": "943 476 5919",
    }
    for kind, sample in samples.items():
        assert PERSONAL[kind].search(sample), kind
