"""Checks on areas: home council, spellings, empty workbooks."""

from __future__ import annotations

from pathlib import Path

from pledgekit.checks import run_checks
from pledgekit.config.pledge import Definition
from pledgekit.model.observations import Dataset

from .support import complete, found, ob


def test_areas_blank_and_respelled(definition: Definition) -> None:
    data = Dataset.of(
        [
            ob("1.1", 92, area="Northbridge", row=2),
            ob("1.2", 8, area="northbridge ", row=3),
            ob("2.1", 12, row=4),
        ],
        files=["q.xlsx"],
    )
    findings = run_checks(definition, data)
    assert sorted(found(findings, "inconsistent-area")) == [("G3", "1.2"), ("G4", "2.1")]


def test_several_areas_need_the_home_area(definition: Definition, tmp_path: Path) -> None:
    data = Dataset.of(
        [ob("1.1", 92, area="E1", row=2), ob("1.1", 80, area="E2", row=3)],
        files=["q.xlsx"],
    )
    findings = run_checks(definition, data)
    assert found(findings, "home-area-missing") == [(None, None)]
    assert "set 'area:'" in findings[0].message
    named = definition.model_copy(update={"area": "E3"})
    [item] = [f for f in run_checks(named, data) if f.code == "home-area-missing"]
    assert "no rows for area 'E3'" in item.message


def test_home_area_rows_are_checked_against_the_definition(definition: Definition) -> None:
    home = definition.model_copy(update={"area": "E1"})
    data = Dataset.of(
        [
            *(
                ob(
                    o.measure,
                    o.value,
                    numerator=o.numerator.number,
                    denominator=o.denominator.number,
                    area="E1",
                    row=i + 2,
                )
                for i, o in enumerate(complete().observations())
            ),
            ob("1.1", 50, area="E2", row=20),  # a neighbour's figure: no commentary asked of it
        ],
        files=["q.xlsx"],
    )
    assert run_checks(home, data) == []


def test_empty_workbook(definition: Definition) -> None:
    data = complete()
    data.files.append("blank.xlsx")
    findings = run_checks(definition, data)
    assert [(f.code, f.location.file) for f in findings] == [("empty-workbook", "blank.xlsx")]
