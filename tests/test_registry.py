"""The output registries: one name per format everywhere, aliases accepted, unknown names exit 2."""

from __future__ import annotations

import ast
import inspect
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
from pledgekit.render.registry import LazyFunction, OutputFormat, Registry, lazy_modules
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


@pytest.mark.parametrize("registry", REGISTRIES, ids=lambda r: r.kind)
def test_every_renderer_is_a_function_of_a_module_imported_when_called(
    registry: Registry[Any],
) -> None:
    """Each registered renderer is a real module's function, not yet imported (so mypy, which
    sees the module, has checked it) and found once asked for."""
    for fmt in registry:
        lazy = inspect.unwrap(fmt.renderer)
        assert isinstance(lazy, LazyFunction), fmt.name
        assert lazy.module.startswith("pledgekit.render."), fmt.name
        real = lazy.resolve()
        assert inspect.isfunction(real) and real.__name__ == lazy.name, fmt.name


def _type_checked_and_run_time_imports(
    source: str,
) -> list[tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    """Each ``if TYPE_CHECKING:`` of a module: the renderer modules its first branch imports
    and those its ``else:`` branch takes from ``lazy_modules``, as (name bound, module) pairs."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING" and node.orelse:
            seen = [
                (alias.asname or alias.name, f"{stmt.module}.{alias.name}")
                for stmt in node.body
                if isinstance(stmt, ast.ImportFrom)
                and (stmt.module or "").startswith("pledgekit.render")
                for alias in stmt.names
            ]
            ran = []
            for stmt in node.orelse:
                assert isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call)
                assert ast.unparse(stmt.value.func).endswith("lazy_modules")
                package, *names = (ast.literal_eval(arg) for arg in stmt.value.args)
                bound = ast.unparse(stmt.targets[0]).strip("()").rstrip(",").split(", ")
                ran += [(b, f"{package}.{n}") for b, n in zip(bound, names, strict=True)]
            found.append((seen, ran))
    return found


@pytest.mark.parametrize("registry", REGISTRIES, ids=lambda r: r.kind)
def test_the_modules_mypy_checks_are_the_modules_run(registry: Registry[Any]) -> None:
    """``lazy_modules`` names at run time the very modules mypy saw imported, in order."""
    module = sys.modules[_formats_module(registry)]
    blocks = _type_checked_and_run_time_imports(Path(module.__file__ or "").read_text())
    assert len(blocks) == 1
    seen, ran = blocks[0]
    assert seen and seen == ran


def _formats_module(registry: Registry[Any]) -> str:
    return next(
        name
        for name, module in sys.modules.items()
        if name.endswith(".formats") and getattr(module, "FORMATS", None) is registry
    )


def test_the_import_check_sees_a_module_named_differently_at_run_time() -> None:
    source = (
        "if TYPE_CHECKING:\n"
        "    from pledgekit.render.scorecard import flat, xlsx\n"
        "else:\n"
        "    flat, xlsx = registry.lazy_modules('pledgekit.render.scorecard', 'flat', 'table')\n"
    )
    [(seen, ran)] = _type_checked_and_run_time_imports(source)
    assert seen != ran


def test_a_lazy_module_imports_nothing_until_called() -> None:
    (fake,) = lazy_modules("pledgekit.render.scorecard", "no_such_module")
    renderer = fake.render_json  # no import yet: the module does not exist
    assert isinstance(renderer, LazyFunction)
    with pytest.raises(ModuleNotFoundError):
        renderer("card")
    with pytest.raises(AttributeError):
        fake.__wrapped__  # noqa: B018 - dunders are not stand-in functions


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


def test_a_suffix_cannot_name_two_formats_of_a_kind() -> None:
    """So -o's suffix tells at most one format: inferring it is never a guess."""
    registry: Registry[Callable[[str], str]] = Registry("thing", default="a")
    registry.add(OutputFormat("a", "first", str.upper, suffixes=(".txt",)))
    with pytest.raises(ValueError, match=r"suffix\(es\) .txt taken twice"):
        registry.add(OutputFormat("b", "second", str.lower, suffixes=(".md", ".txt")))


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
    ``pledgekit --help`` (which lists every format) loads no renderer module (only the
    registries and the terminal helper) and none of the heavy libraries."""
    heavy = ("pandas", "numpy", "PIL", "docx", "docxtpl", "python_calamine", "openpyxl")
    light = r"pledgekit\.render(\.\w+)?(\.formats)?|pledgekit\.render\.(registry|terminal)"
    script = (
        "import re, sys\n"
        "from typer.testing import CliRunner\n"
        "from pledgekit.cli import app\n"
        "commands = ('scorecard', 'validate', 'report', 'benchmark', 'ssda903',\n"
        "            'collection-workbook', 'schema')\n"
        "for args in (['--help'], *([c, '--help'] for c in commands)):\n"
        "    assert CliRunner().invoke(app, args).exit_code == 0\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))\n"
        "print(sorted(m for m in sys.modules if m.startswith('pledgekit.render')\n"
        f"            and not re.fullmatch({light!r}, m)))\n"
    )
    src = str(Path(__file__).resolve().parent.parent / "src")
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"},
    )
    assert done.stdout.split("\n")[:2] == ["[]", "[]"]
