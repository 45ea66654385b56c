"""Structural problems that stop a count: located by file, row and column, never the value."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.model.codes import (
    SSDA903_DEC_BEFORE_DECOM,
    SSDA903_EPISODE_MISSING_NEXT_YEAR,
    SSDA903_OC2_OUTSIDE_COHORT,
    SSDA903_OVERLAPPING_EPISODES,
)
from pledgekit.records.frames import TABLES
from pledgekit.records.structure import structural_findings
from tests.records903 import episode, records


def test_an_episode_ending_before_it_starts() -> None:
    data = records(
        {
            2025: {
                "Episodes": [
                    episode("A", "01/04/2020"),  # row 2: fine
                    episode("B", "01/06/2024", dec="01/05/2024", rec="E4A"),  # row 3: ends first
                    episode(
                        "C", "01/06/2024", dec="01/06/2024", rec="E4A"
                    ),  # row 4: same day, fine
                ]
            }
        }
    )
    (found,) = structural_findings(data)
    assert found.code == SSDA903_DEC_BEFORE_DECOM
    assert (found.location.file, found.location.row, found.location.field) == (
        "2025_Episodes.csv",
        3,
        "DEC",
    )
    assert "1 row (3)" in found.message


def test_overlapping_episodes_of_one_child() -> None:
    data = records(
        {
            2025: {
                "Episodes": [
                    episode("A", "01/04/2020", dec="01/06/2024", rec="X1"),  # row 2
                    episode("A", "01/06/2024", "P"),  # row 3: starts as row 2 ends, fine
                    episode("B", "01/04/2020"),  # row 4: still open ...
                    episode("B", "01/07/2024", "P"),  # row 5: ... when this starts: overlap
                    episode("C", "01/04/2020", dec="01/09/2024", rec="X1"),  # row 6
                    episode("C", "01/08/2024", "P"),  # row 7: starts before row 6 ends
                    episode("D", "01/05/2024", dec="01/05/2024", rec="X1"),  # row 8: a day, and
                    episode("D", "01/05/2024", "P"),  # row 9: the next that day, fine
                ]
            }
        }
    )
    (found,) = structural_findings(data)
    assert found.code == SSDA903_OVERLAPPING_EPISODES
    assert (found.location.row, found.location.field) == (5, "DECOM")
    assert "2 rows (5, 7)" in found.message


def test_an_episode_open_at_the_year_end_missing_from_the_next_file() -> None:
    data = records(
        {
            2024: {
                "Episodes": [
                    episode("A", "01/04/2020"),  # row 2: open, and in 2025's file: fine
                    episode("B", "01/04/2020"),  # row 3: open, but not in 2025's file
                    episode("C", "01/04/2020", dec="31/03/2024", rec="E4A"),  # row 4: ended
                    episode("D", "01/05/2022"),  # row 5: open, 2025's file starts it later
                ]
            },
            2025: {"Episodes": [episode("A", "01/04/2020"), episode("D", "01/06/2022")]},
        }
    )
    (found,) = structural_findings(data)
    assert found.code == SSDA903_EPISODE_MISSING_NEXT_YEAR
    assert (found.location.file, found.location.row) == ("2024_Episodes.csv", 3)
    assert "2 rows (3, 5)" in found.message and "2023-24" in found.message


def test_oc2_rows_outside_the_12_month_cohort() -> None:
    data = records(
        {
            2025: {
                "Episodes": [
                    episode("A", "01/04/2020"),
                    episode("B", "01/09/2024"),
                    episode("C", "01/04/2020", ls="V3"),
                ],
                # Row 2: A, in the cohort. Row 3: B started in the year. Row 4: C short breaks.
                "OC2": [{"CHILD": "A"}, {"CHILD": "B"}, {"CHILD": "C"}],
            }
        }
    )
    (found,) = structural_findings(data)
    assert found.code == SSDA903_OC2_OUTSIDE_COHORT
    assert (found.location.file, found.location.row, found.location.field) == (
        "2025_OC2.csv",
        3,
        "CHILD",
    )
    assert "2 rows (3, 4)" in found.message


def test_findings_never_carry_a_value() -> None:
    upn, child = "A123456789012", "SECRETCHILD77"
    data = records(
        {
            2025: {
                "Episodes": [
                    episode(child, "01/06/2024", dec="01/05/2024", rec="E4A"),
                    episode(child, "01/05/2024", "P"),
                ],
                "Header": [{"CHILD": child, "DOB": "14/02/2011", "UPN": upn}],
                "OC2": [{"CHILD": child, "DOB": "14/02/2011"}],
            }
        }
    )
    findings = structural_findings(data)
    assert len(findings) == 3
    text = " ".join(str(f) + repr(f.to_dict()) for f in findings)
    for value in (child, upn, "14/02/2011", "2011-02-14", "01/06/2024", "2024-06-01"):
        assert value not in text


def test_validate_reports_them_on_903_files(tmp_path: Path) -> None:
    folder = tmp_path / "2024-25"
    folder.mkdir()
    columns = ",".join(TABLES["Episodes"])
    blank = "," * (len(TABLES["Episodes"]) - 9)  # the columns after the nine below
    (folder / "episodes.csv").write_text(
        f"{columns}\n"
        # CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, ...
        f"CH4417,01/04/2020,S,C2,N1,U4,PR1,,{blank}\n"
        f"CH9931,01/06/2024,S,C2,N1,U4,PR1,01/05/2024,E4A{blank}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["validate", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1, result.output
    assert SSDA903_DEC_BEFORE_DECOM in result.output
    assert "row 3" in result.output or '"row": 3' in result.output
    for value in ("CH9931", "01/06/2024", "01/05/2024"):
        assert value not in result.output
