"""The output registries: one name per format everywhere, aliases accepted, unknown names exit 2."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.model.errors import UsageError
from pledgekit.render.benchmark.formats import FORMATS as BENCHMARK
from pledgekit.render.findings.formats import FORMATS as FINDINGS
from pledgekit.render.registry import OutputFormat, Registry
from pledgekit.render.report.formats import FORMATS as REPORT
from pledgekit.render.scorecard.formats import FORMATS as SCORECARD
from pledgekit.render.ssda903.formats import FORMATS as SSDA903
from pledgekit.render.workbook.formats import FORMATS as WORKBOOK

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
REGISTRIES = [SCORECARD, FINDINGS, REPORT, WORKBOOK, BENCHMARK, SSDA903]


@pytest.mark.parametrize("registry", REGISTRIES, ids=lambda r: r.kind)
def test_every_format_has_a_renderer(registry: Registry[Any]) -> None:
    assert registry.default in registry.names
    for fmt in registry:
        assert callable(fmt.renderer), fmt.name
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
    registry: Registry[Callable[[str], str]] = Registry("thing", default="a")
    registry.add(OutputFormat("a", "first", str.upper, aliases=("b",)))
    with pytest.raises(ValueError, match="taken twice"):
        registry.add(OutputFormat("b", "second", str.lower))


@pytest.mark.parametrize(
    ("command", "registry"),
    [("scorecard", SCORECARD), ("validate", FINDINGS), ("report", REPORT)],
)
def test_help_lists_every_format_from_the_registry(command: str, registry: Registry[Any]) -> None:
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


def test_help_imports_no_renderer_nor_the_libraries_they_need() -> None:
    """The registries hold renderers as functions that import the real one when called, so
    ``pledgekit --help`` (which lists every format) loads none of the heavy libraries."""
    heavy = ("pandas", "numpy", "PIL", "docx", "docxtpl", "python_calamine", "openpyxl")
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from pledgekit.cli import app\n"
        "commands = ('scorecard', 'validate', 'report', 'benchmark', 'ssda903')\n"
        "for args in (['--help'], *([c, '--help'] for c in commands)):\n"
        "    assert CliRunner().invoke(app, args).exit_code == 0\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))\n"
    )
    src = str(Path(__file__).resolve().parent.parent / "src")
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"},
    )
    assert done.stdout.strip() == "[]"
