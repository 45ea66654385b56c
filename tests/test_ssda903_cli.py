"""`pledgekit ssda903` through the Typer runner: the path to a scorecard, years, formats,
disclosure control, population and calibration against DfE's published figures."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pledgekit.api import ssda903
from pledgekit.cli import app
from pledgekit.model.codes import SSDA903_DIFFERS_FROM_PUBLISHED
from pledgekit.model.ssda903_tables import TABLES
from pledgekit.records.frames import CARE_LEAVER_AGE_RULES

from .ssda903_synth import synthesize

runner = CliRunner()

PLEDGE = """\
council: Example Borough Council
area: E09000999
reference_pack: dfe-2025
pledges:
  - id: "1"
    title: A stable home
    measures:
      - id: "1.1"
        title: Children in care at 31 March
        unit: count
        polarity: none
        reference: cla-number
        frequency: annual
      - id: "1.2"
        title: Children in care placed with foster carers
        unit: percent
        polarity: none
        target: 70
        reference: foster-care
        frequency: annual
      - id: "1.3"
        title: Children with three or more placements in the year
        unit: percent
        polarity: lower
        target: 10
        reference: NI 62
        frequency: annual
      - id: "1.4"
        title: Attendance (from the school's workbook, not the 903 files)
        unit: percent
        polarity: higher
        target: 90
        frequency: annual
"""


@pytest.fixture(scope="module")
def returns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("903")
    synthesize(children=600, years=range(2023, 2026), seed=17).write(folder)
    return folder


def test_two_commands_from_903_files_to_a_scorecard(returns: Path, tmp_path: Path) -> None:
    (tmp_path / "pledge.yaml").write_text(PLEDGE, encoding="utf-8")
    out = tmp_path / "q.xlsx"
    made = runner.invoke(
        app, ["ssda903", str(returns), "--pledge", str(tmp_path / "pledge.yaml"), "-o", str(out)]
    )
    assert made.exit_code == 0, made.output
    card = runner.invoke(app, ["scorecard", str(out), "--format", "json"])
    assert card.exit_code == 0, card.output
    rated = {row["measure"]: row for row in json.loads(card.stdout)["rows"]}
    sheet = ssda903([returns], pledge=tmp_path / "pledge.yaml")
    computed = {f.measure: f for f in sheet.figures}
    assert set(computed) == {"1.1", "1.2", "1.3"}  # 1.4 has no 903 reference
    for measure in ("1.1", "1.2", "1.3"):
        figure = computed[measure]
        assert figure.period == "2024-25"
        assert rated[measure]["period"] == "2024-25"
        assert rated[measure]["value"]["number"] == pytest.approx(
            round(figure.value.number or 0, 2)
        )
    assert rated["1.3"]["status"] in {"green", "amber", "red"}
    assert rated["1.4"]["status"] == "no_data"
    book = load_workbook(out)["Indicators"]
    assert [c.value for c in book[2]] == ["measure", "period", "value", "numerator", "denominator"]


def test_years_in_every_spelling_give_the_same_figures(returns: Path) -> None:
    outputs = {
        spelling: runner.invoke(
            app, ["ssda903", str(returns), "--year", spelling, "-f", "csv"]
        ).stdout
        for spelling in ("2023-24", "2024", "202324")
    }
    assert len(set(outputs.values())) == 1
    periods = {row["period"] for row in csv.DictReader(io.StringIO(outputs["2024"]))}
    assert periods == {"2023-24"}


def test_without_a_year_the_latest_and_with_all_a_series(returns: Path) -> None:
    latest = runner.invoke(app, ["ssda903", str(returns), "-f", "json"])
    assert {f["period"] for f in json.loads(latest.stdout)["figures"]} == {"2024-25"}
    series = runner.invoke(app, ["ssda903", str(returns), "--years", "all", "-f", "json"])
    entries = json.loads(series.stdout)["figures"]
    assert {f["period"] for f in entries} == {"2022-23", "2023-24", "2024-25"}
    two = runner.invoke(
        app, ["ssda903", str(returns), "--year", "2023-24", "--year", "2025", "-f", "json"]
    )
    assert {f["period"] for f in json.loads(two.stdout)["figures"]} == {"2023-24", "2024-25"}
    # One JSON entry per measure and year, with what the issue names.
    first = entries[0]
    assert {"reference", "numerator", "denominator", "value", "rule", "cohort"} <= set(first)
    assert len({(f["measure"], f["period"]) for f in entries}) == len(entries)


def test_a_year_the_files_do_not_cover_is_a_usage_error(returns: Path) -> None:
    result = runner.invoke(app, ["ssda903", str(returns), "--year", "2019-20"])
    assert result.exit_code == 2
    assert "the files cover 2022-23, 2023-24, 2024-25" in result.output
    bad = runner.invoke(app, ["ssda903", str(returns), "--year", "soon"])
    assert bad.exit_code == 2 and "2024-25" in bad.output


def test_every_format_writes(returns: Path, tmp_path: Path) -> None:
    for fmt in ("table", "json", "csv", "md", "xlsx"):
        out = tmp_path / f"out.{'txt' if fmt == 'table' else fmt}"
        result = runner.invoke(app, ["ssda903", str(returns), "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, (fmt, result.output)
        assert out.stat().st_size > 200
    assert "cla-number" in (tmp_path / "out.md").read_text(encoding="utf-8")
    needs_file = runner.invoke(app, ["ssda903", str(returns), "-f", "xlsx"])
    assert needs_file.exit_code == 2 and "--output" in needs_file.output


def _scenario(folder: Path, children: int, foster: int) -> Path:
    """``children`` in care at 31 March 2025, ``foster`` of them with foster carers."""
    rows = [",".join(TABLES["Episodes"])]
    for n in range(children):
        place = "U4" if n < foster else "K2"
        rows.append(f"K{n},01/06/2024,S,C2,N1,{place},PR1,,,,,,1")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "episodes.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def test_counts_of_1_to_5_and_figures_resting_on_them_are_c(tmp_path: Path) -> None:
    _scenario(tmp_path / "a", children=40, foster=3)
    entries = {
        f["measure"]: f
        for f in json.loads(
            runner.invoke(app, ["ssda903", str(tmp_path / "a"), "-f", "json"]).stdout
        )["figures"]
    }
    assert entries["cla-number"]["value"] == 40 and entries["cla-started"]["value"] == 40
    assert entries["cla-ceased"]["value"] == 0  # zero is shown
    foster = entries["foster-care"]
    assert (foster["value"], foster["numerator"], foster["denominator"]) == ("c", "c", "c")
    _scenario(tmp_path / "b", children=4, foster=4)
    small = {
        f["measure"]: f
        for f in json.loads(
            runner.invoke(app, ["ssda903", str(tmp_path / "b"), "-f", "json"]).stdout
        )["figures"]
    }
    assert small["cla-number"]["value"] == "c" and small["cla-number"]["cohort"] == "c"
    _scenario(tmp_path / "c", children=40, foster=6)
    shown = {
        f["measure"]: f
        for f in json.loads(
            runner.invoke(app, ["ssda903", str(tmp_path / "c"), "-f", "json"]).stdout
        )["figures"]
    }
    assert shown["foster-care"]["numerator"] == 6 and shown["foster-care"]["value"] == 15


def test_a_c_that_subtraction_would_recover_is_protected_by_secondary_suppression(
    tmp_path: Path,
) -> None:
    pledge = tmp_path / "pledge.yaml"
    pledge.write_text(
        """\
council: Example
pledges:
  - id: "1"
    title: Care
    measures:
      - {id: "1.1", title: All children in care, unit: count, polarity: none, reference: cla-number, frequency: annual, suppress_small: true}
      - {id: "1.2", title: Started in the year, unit: count, polarity: none, reference: cla-started, frequency: annual, part_of: "1.1"}
      - {id: "1.3", title: Ceased in the year, unit: count, polarity: none, reference: cla-ceased, frequency: annual, part_of: "1.1"}
""",
        encoding="utf-8",
    )
    rows = [",".join(TABLES["Episodes"])]
    rows += [f"S{n},01/06/2024,S,C2,N1,U1,PR1,,,,,,1" for n in range(30)]
    rows += [f"L{n},01/06/2023,S,C2,N1,U1,PR1,01/07/2024,E13,,,,1" for n in range(3)]
    (tmp_path / "903").mkdir()
    (tmp_path / "903" / "e.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    sheet = ssda903([tmp_path / "903"], pledge=pledge)
    shown = {f.measure: f.value.display() for f in sheet.figures}
    # 1.3 (3 children) is c; 1.1 = 1.2 + 1.3 would give it back, so one more is hidden.
    assert shown["1.3"] == "c"
    assert "c" in (shown["1.1"], shown["1.2"])


def test_population_gives_the_rate(returns: Path, tmp_path: Path) -> None:
    number = json.loads(
        runner.invoke(app, ["ssda903", str(returns), "--population", "40000", "-f", "json"]).stdout
    )
    rate = {f["measure"]: f for f in number["figures"]}["cla-rate"]
    cla = {f["measure"]: f for f in number["figures"]}["cla-number"]["value"]
    assert rate["value"] == pytest.approx(round(10000 * cla / 40000, 2))
    table = tmp_path / "population.csv"
    table.write_text('Year,Population\n2023-24,30000\n2024-25,"40,000"\n', encoding="utf-8")
    by_year = json.loads(
        runner.invoke(
            app, ["ssda903", str(returns), "--population", str(table), "-f", "json"]
        ).stdout
    )
    assert {f["measure"]: f for f in by_year["figures"]}["cla-rate"] == rate
    without = json.loads(runner.invoke(app, ["ssda903", str(returns), "-f", "json"]).stdout)
    assert "cla-rate" not in {f["measure"] for f in without["figures"]}


def test_computed_against_published(returns: Path, tmp_path: Path) -> None:
    sheet = ssda903([returns])
    placements = {f.measure: f for f in sheet.figures}["placements-3plus"]
    header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent"
    own = round(placements.value.number or 0)
    lines = [
        header,
        "2025,Reporting year,National,E92000001,England,,,,,,CLA on 31 March,With 3 or more placements during the year,8000,10",
        f"2025,Reporting year,Local authority,E92000001,England,E12000007,London,999,Example,E09000999,CLA on 31 March,With 3 or more placements during the year,50,{own + 2}",
    ]
    (tmp_path / "la.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pledge = PLEDGE.replace(
        "        reference: NI 62\n",
        "        reference: NI 62\n        published:\n          file: la.csv\n"
        '          where: {cla_group: "CLA on 31 March", placement_stability: "With 3 or more placements during the year"}\n'
        "          value: children_percent\n",
    )
    (tmp_path / "pledge.yaml").write_text(pledge, encoding="utf-8")
    result = ssda903([returns], pledge=tmp_path / "pledge.yaml")
    figure = {f.measure: f for f in result.figures}["1.3"]
    assert figure.published == own + 2
    assert figure.note is not None and "records amended since DfE's snapshot" in figure.note
    assert [f.code for f in result.findings if f.measure == "1.3"] == [
        SSDA903_DIFFERS_FROM_PUBLISHED
    ]
    table = runner.invoke(
        app, ["ssda903", str(returns), "--pledge", str(tmp_path / "pledge.yaml"), "-f", "md"]
    )
    assert f"| {own + 2} |" in table.stdout


def test_counting_options_reach_the_rules(returns: Path) -> None:
    default = runner.invoke(app, ["ssda903", str(returns), "-f", "json"])
    other = runner.invoke(
        app,
        [
            "ssda903",
            str(returns),
            "-f",
            "json",
            "--no-temporary-placements-are-moves",
            "--care-leaver-age-at",
            CARE_LEAVER_AGE_RULES[1],
        ],
    )
    assert json.loads(other.stdout)["options"]["temporary_placements_are_moves"] is False
    assert json.loads(default.stdout)["options"]["care_leaver_age_at"] == "birthday-in-year"
    wrong = runner.invoke(app, ["ssda903", str(returns), "--care-leaver-age-at", "someday"])
    assert wrong.exit_code == 2


def test_an_unreadable_file_exits_2_and_writes_nothing(returns: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.xml").write_text("<EXPSSDA903><CHILD>", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = runner.invoke(
        app, ["ssda903", str(returns), str(tmp_path / "bad.xml"), "-o", str(out)]
    )
    assert result.exit_code == 2 and "unreadable-file" in result.output
    assert not out.exists()
    nothing = runner.invoke(app, ["ssda903", str(tmp_path / "bad.xml")])
    assert nothing.exit_code == 2 and "no SSDA903 table could be read" in nothing.output


def test_validate_lists_what_stops_a_count(tmp_path: Path) -> None:
    folder = tmp_path / "903"
    folder.mkdir()
    rows = [",".join(TABLES["Episodes"])]
    rows.append("A1,01/06/2024,S,C2,N1,U1,PR1,01/05/2024,E13,,,,1")  # DEC before DECOM
    rows.append("A2,someday,S,C2,N1,U1,PR1,,,,,,1")
    (folder / "episodes.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "notes.csv").write_text("CHILD,DECOM,Comment\nA1,01/06/2024,x\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(folder), "-f", "json"])
    assert result.exit_code == 1, result.output
    found = {
        (f["code"], Path(f["location"]["file"]).name) for f in json.loads(result.stdout)["findings"]
    }
    assert ("records-bad-date", "episodes.csv") in found
    assert ("records-unknown-table", "notes.csv") in found
    assert ("records-dec-before-decom", "episodes.csv") in found
    missing = [
        f for f in json.loads(result.stdout)["findings"] if f["code"] == "records-missing-table"
    ]
    assert any("OC2" in f["message"] for f in missing)
    clean = runner.invoke(
        app,
        [
            "validate",
            str(folder),
            "--ignore",
            "records-bad-date,records-unknown-table,records-dec-before-decom,records-missing-table",
        ],
    )
    assert clean.exit_code == 0, clean.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_only_on_a_terminal(returns: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pledgekit.cli.ssda903_command import _progress

    with _progress([returns]) as tick:
        assert tick is None  # standard error is not a terminal under the test runner
    screen = _Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    with _progress([returns]) as tick:
        assert tick is not None
        for _ in range(3):
            tick("a file")
    assert "reading SSDA903 files" in screen.getvalue()


def test_file_year_tells_a_year_the_files_do_not(tmp_path: Path) -> None:
    (tmp_path / "oc3.csv").write_text(
        ",".join(TABLES["OC3"]) + "\nA1,01/06/2005,YES,F1,S1\n", encoding="utf-8"
    )
    unknown = runner.invoke(app, ["ssda903", str(tmp_path), "-f", "json"])
    assert unknown.exit_code == 2 and "records-year-unknown" in unknown.output
    told = runner.invoke(
        app,
        ["ssda903", str(tmp_path), "-f", "json", "--file-year", f"{tmp_path / 'oc3.csv'}=2024-25"],
    )
    assert told.exit_code == 0, told.output
    periods = {f["period"] for f in json.loads(told.stdout)["figures"]}
    assert periods == {"2024-25"}
    bad = runner.invoke(app, ["ssda903", str(tmp_path), "--file-year", "oc3.csv"])
    assert bad.exit_code == 2 and "FILE=YEAR" in bad.output
    series = runner.invoke(app, ["ssda903", str(tmp_path), "--years", "some"])
    assert series.exit_code == 2 and "--years takes 'all'" in series.output


def test_a_pledge_without_903_references_is_a_usage_error(returns: Path, tmp_path: Path) -> None:
    pledge = tmp_path / "pledge.yaml"
    pledge.write_text(
        "council: X\npledges:\n  - id: '1'\n    title: T\n    measures:\n"
        "      - {id: '1.1', title: Attendance, unit: percent, polarity: higher, target: 90}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["ssda903", str(returns), "--pledge", str(pledge)])
    assert result.exit_code == 2 and "cla-number" in result.output
