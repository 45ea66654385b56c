"""The output registries: one name per format everywhere, aliases accepted, unknown names exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.model.errors import UsageError
from pledgekit.render.findings.formats import FORMATS as FINDINGS
from pledgekit.render.registry import OutputFormat, Registry
from pledgekit.render.report.formats import FORMATS as REPORT
from pledgekit.render.scorecard.formats import FORMATS as SCORECARD
from pledgekit.render.workbook.formats import FORMATS as WORKBOOK

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
REGISTRIES = [SCORECARD, FINDINGS, REPORT, WORKBOOK]


@pytest.mark.parametrize("registry", REGISTRIES, ids=lambda r: r.kind)
def test_every_format_loads_a_renderer(registry: Registry[object]) -> None:
    assert registry.default in registry.names
    for fmt in registry:
        assert callable(fmt.load()), fmt.name
        assert registry.get(fmt.name) is fmt
        for alias in fmt.aliases:
            assert registry.get(alias.upper()) is fmt


def test_markdown_has_one_name_and_one_alias_everywhere() -> None:
    for registry in (SCORECARD, FINDINGS, REPORT):
        assert registry.get("markdown").name == "md"
        assert registry.for_suffix(".md") is registry.get("md")


def test_unknown_name_is_a_usage_error_naming_the_choices() -> None:
    with pytest.raises(UsageError, match="unknown scorecard format 'pdfx'; choose one of table"):
        SCORECARD.get("pdfx")


def test_a_name_cannot_be_taken_twice() -> None:
    registry: Registry[object] = Registry("thing", default="a")
    registry.add(OutputFormat("a", "first", "x:y", aliases=("b",)))
    with pytest.raises(ValueError, match="taken twice"):
        registry.add(OutputFormat("b", "second", "x:z"))


@pytest.mark.parametrize(
    ("command", "registry"),
    [("scorecard", SCORECARD), ("validate", FINDINGS), ("report", REPORT)],
)
def test_help_lists_every_format_from_the_registry(
    command: str, registry: Registry[object]
) -> None:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    text = " ".join(result.stdout.split())
    for name in registry.names:
        assert f"{name}:" in text or f"{name} (or" in text


@pytest.mark.parametrize("command", ["scorecard", "validate", "report"])
def test_unknown_format_exits_2_with_one_line(command: str) -> None:
    result = CliRunner().invoke(app, [command, str(SAMPLE / "2026-27-Q2.xlsx"), "-f", "pdfx"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown ")
    assert result.stderr.count("\n") == 1


def test_markdown_alias_works_on_the_command_line() -> None:
    runner = CliRunner()
    files = [str(p) for p in sorted(SAMPLE.glob("*.xlsx"))]
    by_alias = runner.invoke(app, ["validate", *files, "-f", "markdown"])
    by_name = runner.invoke(app, ["validate", *files, "-f", "md"])
    assert by_alias.exit_code == by_name.exit_code == 1
    assert by_alias.stdout == by_name.stdout and by_name.stdout.startswith("#")
