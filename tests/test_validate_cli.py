"""``pledgekit validate`` end to end: planted problems, exit codes, options, settings, outputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pledgekit.api import validate
from pledgekit.cli import app
from pledgekit.model.errors import UsageError

from .validate_fixtures import CLEAN, PLANTED, PLANTED_FINDINGS, project, write_pledge

runner = CliRunner()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in a fresh folder so findings carry the relative names given."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, ["validate", *args], env=env)


def as_json(*args: str) -> dict[str, Any]:
    result = run(*args, "--format", "json")
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def triples(report: dict[str, Any]) -> set[tuple[str, str | None, str | None]]:
    return {(f["code"], f["location"]["cell"], f["measure"]) for f in report["findings"]}


def test_clean_workbook_passes_with_exit_0(here: Path) -> None:
    project(here, q=CLEAN)
    result = run("q.xlsx")
    assert result.exit_code == 0, result.output
    assert "q.xlsx: no problems found" in result.stdout
    assert "0 errors, 0 warnings, 0 info in 2 files: passed" in result.stdout


def test_every_planted_problem_is_found_at_its_cell(here: Path) -> None:
    project(here, q=PLANTED)
    result = run("q.xlsx", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert triples(report) == PLANTED_FINDINGS
    assert all(f["location"]["file"] == "q.xlsx" for f in report["findings"])
    assert all(f["location"]["sheet"] == "Indicators" for f in report["findings"])
    assert report["counts"] == {"error": 9, "warning": 2, "info": 0}
    assert report["passed"] is False


def test_cli_json_equals_the_python_api(here: Path) -> None:
    project(here, q=PLANTED, r=CLEAN)
    cli = as_json("q.xlsx", "r.xlsx", "--ignore", "missing-measure", "--max-findings", "5")
    api = validate(["q.xlsx", "r.xlsx"], ignore=["missing-measure"], max_findings=5).to_dict()
    assert cli == api
    assert cli["schema"] == "pledgekit.validation/1"
    assert len(cli["findings"]) == 5 and cli["omitted"] == cli["total"] - 5


def test_text_output_groups_by_file_sheet_code_and_counts(here: Path) -> None:
    project(here, q=PLANTED)
    out = run("q.xlsx").stdout
    assert out.index("q.xlsx: 9 errors, 2 warnings") < out.index("  sheet Indicators")
    assert "    value-disagrees-with-ratio (2 errors)" in out
    # Within a code, by measure then row.
    assert out.index("C3 ") < out.index("C10 ")
    assert out.rstrip().endswith("9 errors, 2 warnings, 0 info in 2 files: failed")
    assert "\x1b[" not in out  # no colour off a terminal


def test_text_output_respects_no_color(here: Path) -> None:
    project(here, q=PLANTED)
    assert "\x1b[" not in run("q.xlsx", env={"NO_COLOR": "1"}).stdout


# --- exit codes -----------------------------------------------------------------------------


def test_warnings_pass_unless_strict(here: Path) -> None:
    project(here, q=CLEAN[:-1])  # 2.3 missing: a warning
    assert run("q.xlsx").exit_code == 0
    assert run("q.xlsx", "--strict").exit_code == 1


def test_missing_file_exits_2_and_still_checks_the_others(here: Path) -> None:
    project(here, q=PLANTED)
    result = run("q.xlsx", "nothere.xlsx", "--format", "json")
    assert result.exit_code == 2
    assert "Error: " in result.stderr and "nothere.xlsx" in result.stderr
    report = json.loads(result.stdout)
    assert report["unreadable"] == ["nothere.xlsx"]
    assert ("unreadable-file", None, None) in triples(report)
    assert triples(report) >= PLANTED_FINDINGS


def test_broken_xlsx_exits_2(here: Path) -> None:
    project(here)
    (here / "broken.xlsx").write_bytes(b"PK\x03\x04 this is not a zip file")
    result = run("broken.xlsx")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "broken.xlsx" in result.stderr
    assert "Traceback" not in result.output


def test_bad_format_exits_2(here: Path) -> None:
    project(here, q=CLEAN)
    result = run("q.xlsx", "--format", "yaml")
    assert result.exit_code == 2
    assert "yaml" in result.output


def test_unknown_select_code_is_a_usage_error_listing_the_valid_ones(here: Path) -> None:
    project(here, q=CLEAN)
    result = run("q.xlsx", "--select", "percent-out-of-range,not-a-code")
    assert result.exit_code == 2
    assert "Error: --select: unknown finding code not-a-code; valid codes:" in result.stderr
    assert "value-disagrees-with-ratio" in result.stderr


def test_no_definition_found_exits_2(here: Path) -> None:
    from .validate_fixtures import write_workbook

    write_workbook(here / "q.xlsx", CLEAN)
    result = run("q.xlsx")
    assert result.exit_code == 2 and "no pledge definition found" in result.stderr


def test_xlsx_format_needs_an_output_file(here: Path) -> None:
    project(here, q=CLEAN)
    result = run("q.xlsx", "--format", "xlsx")
    assert result.exit_code == 2 and "pass --output findings.xlsx" in result.stderr


# --- definitions with problems --------------------------------------------------------------

BROKEN_DEFINITIONS = [
    ("council: X\npledges: [\n", "bad-yaml", 3),
    (
        'council: X\npledges:\n  - id: "1"\n    title: T\n    measures:\n'
        '      - {id: "1.1", title: A, polarity: higher, targt: 5}\n',
        "unknown-key",
        6,
    ),
    (
        'council: X\npledges:\n  - id: "1"\n    title: T\n    measures:\n'
        '      - {id: "1.1", title: A, polarity: sideways}\n',
        "bad-definition",
        6,
    ),
    (
        'council: X\npledges:\n  - id: "1"\n    title: T\n    measures:\n'
        '      - {id: "1.1", title: A, polarity: higher}\n'
        '      - {id: "1.1", title: B, polarity: higher}\n',
        "duplicate-measure-id",
        7,
    ),
]


@pytest.mark.parametrize(("text", "code", "line"), BROKEN_DEFINITIONS)
def test_definition_findings_are_reported_and_workbook_checks_still_run(
    here: Path, text: str, code: str, line: int
) -> None:
    project(here, q=PLANTED)
    write_pledge(here, text)
    result = run("q.xlsx", "--format", "json", "--ignore", code)
    # YAML that cannot be parsed is unreadable input; a definition that breaks the format is data.
    assert result.exit_code == (2 if code == "bad-yaml" else 1)
    if code == "bad-yaml":
        assert result.stderr.startswith("Error: pledge.yaml, line ")
    report = json.loads(result.stdout)
    first = report["findings"][0]
    # Reported even though --ignore names it: nothing else can be trusted without a definition.
    assert first["code"] == code and first["location"]["file"] == "pledge.yaml"
    assert first["location"]["line"] == line
    found = {f["code"] for f in report["findings"]}
    assert {"not-a-number", "bad-period", "duplicate-observation"} <= found
    # Checks that need the definition are skipped, not crashed.
    assert not found & {"unknown-measure", "missing-measure", "percent-out-of-range"}


def test_definition_alone_can_be_validated(here: Path) -> None:
    write_pledge(here, BROKEN_DEFINITIONS[1][0])
    result = run("pledge.yaml")
    assert result.exit_code == 1
    assert "pledge.yaml: 1 error" in result.stdout and "unknown-key" in result.stdout
    write_pledge(here)
    assert run("pledge.yaml").exit_code == 0


# --- selecting findings and settings ---------------------------------------------------------


def test_select_and_ignore_take_commas_and_repeats(here: Path) -> None:
    project(here, q=PLANTED)
    picked = as_json("q.xlsx", "--select", "not-a-number,bad-period", "--select", "unknown-measure")
    assert {f["code"] for f in picked["findings"]} == {
        "not-a-number",
        "bad-period",
        "unknown-measure",
    }
    # Reading problems are always looked for; "checked" lists the checks that ran.
    assert picked["checked"] == ["unknown-measure"]
    dropped = as_json("q.xlsx", "--ignore", "value-disagrees-with-ratio", "--ignore", "bad-period")
    assert not {f["code"] for f in dropped["findings"]} & {
        "value-disagrees-with-ratio",
        "bad-period",
    }


def test_max_findings_cuts_the_list_but_not_the_counts(here: Path) -> None:
    project(here, q=PLANTED)
    report = as_json("q.xlsx", "--max-findings", "3")
    assert len(report["findings"]) == 3 and report["omitted"] == 8
    assert report["total"] == 11 and report["counts"]["error"] == 9
    text = run("q.xlsx", "--max-findings", "3").stdout
    assert "8 more finding(s) not shown" in text


def test_settings_come_from_pledge_yaml_and_flags_override_them(here: Path) -> None:
    project(here, q=CLEAN[:-1])  # one warning: 2.3 missing
    from .validate_fixtures import PLEDGE

    write_pledge(here, PLEDGE + "validation:\n  strict: true\n  ignore: [count-not-whole]\n")
    assert run("q.xlsx").exit_code == 1
    assert run("q.xlsx", "--no-strict").exit_code == 0
    write_pledge(here, PLEDGE + "validation:\n  ignore: [missing-measure]\n  strict: true\n")
    assert run("q.xlsx").exit_code == 0
    # --ignore replaces the file's list rather than adding to it.
    assert run("q.xlsx", "--ignore", "bad-period").exit_code == 1
    write_pledge(here, PLEDGE + "validation:\n  select: [not-a-number]\n  max_findings: 1\n")
    report = as_json("q.xlsx")
    assert report["checked"] == [] and report["findings"] == []


def test_unknown_codes_in_pledge_yaml_are_a_definition_finding(here: Path) -> None:
    from .validate_fixtures import PLEDGE

    project(here, q=CLEAN)
    write_pledge(here, PLEDGE + "validation:\n  ignore: [no-such-code]\n")
    result = run("q.xlsx", "--format", "json")
    assert result.exit_code == 1
    [item] = json.loads(result.stdout)["findings"]
    assert item["code"] == "bad-definition" and item["location"]["line"] == 16
    assert "no-such-code" in item["message"]


def test_pledge_yaml_is_parsed_once_and_its_lines_kept(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The definition keeps the positions of its one parse: a setting's problem and a published
    entry's are located without reading pledge.yaml again."""
    from pledgekit.config import yamlsource

    from .validate_fixtures import PLEDGE

    project(here, q=CLEAN)
    write_pledge(here, PLEDGE + "validation:\n  ignore: [no-such-code]\n")
    parses: list[str] = []
    parse = yamlsource._load

    def counted(text: str, loader: Any) -> Any:
        parses.append(text)
        return parse(text, loader)

    monkeypatch.setattr(yamlsource, "_load", counted)
    report = validate(["q.xlsx"])
    assert len(parses) == 1
    [item] = report.findings
    assert item.code == "bad-definition" and item.location.line == 16
    parses.clear()  # the sample's pledge.yaml names published files, checked against its lines
    sample = Path(__file__).resolve().parent.parent / "sample_data"
    validate([sample / "2026-27-Q2.xlsx"])
    assert len(parses) == 1


def test_api_rejects_unknown_codes() -> None:
    with pytest.raises(UsageError, match="valid codes"):
        validate(["q.xlsx"], select=["nope"])


# --- writing outputs -------------------------------------------------------------------------


def test_output_file_is_written_and_not_overwritten_without_force(here: Path) -> None:
    project(here, q=PLANTED)
    assert run("q.xlsx", "-f", "json", "-o", "out.json").exit_code == 1
    assert json.loads((here / "out.json").read_text())["total"] == 11
    again = run("q.xlsx", "-f", "json", "-o", "out.json")
    assert again.exit_code == 2 and "already exists" in again.stderr
    (here / "out.xml").write_text("old")
    assert run("q.xlsx", "-f", "junit", "-o", "out.xml", "--force").exit_code == 1
    assert (here / "out.xml").read_text().startswith("<?xml")
    assert run("q.xlsx", "-f", "xlsx", "-o", "findings.xlsx").exit_code == 1
    assert (here / "findings.xlsx").read_bytes()[:2] == b"PK"
    assert run("q.xlsx", "-o", "out.txt").exit_code == 1
    assert "9 errors" in (here / "out.txt").read_text()


def test_github_format_also_writes_the_step_summary(here: Path) -> None:
    project(here, q=PLANTED)
    summary = here / "summary.md"
    summary.write_text("# Earlier step\n")
    result = run("q.xlsx", "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=q.xlsx,line=2,title=Indicators!C2::")
    text = summary.read_text()
    assert text.startswith("# Earlier step\n## pledgekit validate: failed")


def test_missing_pledge_file_exits_2(here: Path) -> None:
    project(here, q=CLEAN)
    result = run("q.xlsx", "--pledge", "nothere.yaml")
    assert result.exit_code == 2 and "nothere.yaml: file not found" in result.stderr


def test_text_says_when_checks_were_skipped_for_a_broken_definition(here: Path) -> None:
    project(here, q=CLEAN)
    write_pledge(here, BROKEN_DEFINITIONS[0][0])
    result = run("q.xlsx")
    assert result.exit_code == 2  # not YAML at all: unreadable input
    assert "checks that need it" in result.stdout and "were skipped" in result.stdout
    assert as_json("q.xlsx")["definition_loaded"] is False
