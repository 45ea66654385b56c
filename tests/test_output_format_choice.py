"""One rule for the output format, in every command that writes one: ``--format``, else the
format that writes -o's extension, else (standard output) the kind's default. An extension no
format writes, or one ``--format`` does not write, is refused (exit 2, one ``Error:`` line),
and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from pledgekit.cli import app

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
WORKBOOKS = [str(p) for p in sorted(SAMPLE.glob("*.xlsx"))]
PLEDGE = ["--pledge", str(SAMPLE / "pledge.yaml")]

runner = CliRunner()


@dataclass(frozen=True)
class Command:
    """A command's arguments, and an inferred, an explicit and a conflicting output for it."""

    args: tuple[str, ...]
    #: -o's name, and how the file the format it names starts.
    inferred: tuple[str, str]
    #: --format, -o's name, and how the file starts.
    explicit: tuple[str, str, str]
    #: --format and an -o name whose extension another format writes, and that format.
    conflict: tuple[str, str, str]
    #: The exit code of a run that writes (1 where the sample data has findings).
    ok: int = 0


COMMANDS = {
    "scorecard": Command(
        ("scorecard", *WORKBOOKS),
        inferred=("card.json", "{"),
        explicit=("csv", "card.csv", "pledge"),
        conflict=("md", "card.json", "json"),
    ),
    "validate": Command(
        ("validate", *WORKBOOKS),
        inferred=("findings.xml", "<?xml"),
        explicit=("json", "findings.json", "{"),
        conflict=("junit", "findings.md", "md"),
        ok=1,
    ),
    "report": Command(
        ("report", *WORKBOOKS, "--meeting", str(SAMPLE / "meeting.yaml")),
        inferred=("report.html", "<!DOCTYPE html>"),
        explicit=("md", "report.markdown", "#"),
        conflict=("html", "report.md", "md"),
        ok=1,
    ),
    "benchmark": Command(
        ("benchmark", *PLEDGE),
        inferred=("bench.csv", "area_code,"),
        explicit=("json", "bench.json", "{"),
        conflict=("csv", "bench.txt", "table"),
    ),
    "ssda903": Command(
        ("ssda903", str(SAMPLE / "ssda903"), *PLEDGE),
        inferred=("sheet.md", "#"),
        explicit=("csv", "sheet.csv", "measure"),
        conflict=("json", "sheet.csv", "csv"),
    ),
}


def _run(here: Path, command: Command, *more: str) -> Result:
    result = runner.invoke(app, [*command.args, *more])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _refused(result: Result, here: Path) -> str:
    """The one ``Error:`` line of a run refused with exit 2, having written nothing."""
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    assert list(here.iterdir()) == []
    return errors[0]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_command_with_a_format_option_is_tested_here() -> None:
    """A new command that takes --format is added to COMMANDS, and so to the rule."""
    group: Any = typer.main.get_command(app)
    with_format = {
        name
        for name, command in group.commands.items()
        if any("--format" in param.opts for param in command.params)
    }
    assert with_format == set(COMMANDS)


@pytest.mark.parametrize("given", [False, True], ids=["from-extension", "given"])
@pytest.mark.parametrize("name", COMMANDS)
def test_the_format_is_given_or_comes_from_the_extension(
    here: Path, name: str, given: bool
) -> None:
    """Without --format the extension names the format; with it (any case), its own extension."""
    command = COMMANDS[name]
    fmt, file, start = command.explicit if given else (None, *command.inferred)
    flag = ["--format", fmt.upper()] if fmt else []
    result = _run(here, command, *flag, "-o", file)
    assert result.exit_code == command.ok, result.output
    assert (here / file).read_text(encoding="utf-8").startswith(start)


@pytest.mark.parametrize("name", COMMANDS)
def test_a_format_and_an_extension_that_disagree_are_refused(here: Path, name: str) -> None:
    command = COMMANDS[name]
    fmt, file, other = command.conflict
    error = _refused(_run(here, command, "-f", fmt, "-o", file), here)
    assert error.startswith(f"Error: -o {file}: ")
    assert f"--format {fmt} writes" in error and f"--format {other}" in error


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("file", ["out.rtf", "out", "out.md.bak"])
def test_an_extension_no_format_writes_is_refused(here: Path, name: str, file: str) -> None:
    command = COMMANDS[name]
    error = _refused(_run(here, command, "-o", file), here)
    assert error.startswith(f"Error: cannot tell the format from '{file}' (")
    suffix = Path(file).suffix
    assert (f"writes {suffix} files" if suffix else "no extension") in error
    assert ", or pass --format " in error and " or " in error.split("--format ")[1]


def test_the_refusal_names_the_files_each_format_would_write(here: Path) -> None:
    error = _refused(_run(here, COMMANDS["scorecard"], "-o", "q3.rtf"), here)
    assert error == (
        "Error: cannot tell the format from 'q3.rtf' (no scorecard format writes .rtf files): "
        "name it q3.txt, q3.json, q3.csv, q3.md or q3.xlsx, "
        "or pass --format table, json, csv, md or xlsx"
    )


@pytest.mark.parametrize("name", COMMANDS)
def test_a_binary_format_to_standard_output_is_refused(here: Path, name: str) -> None:
    command = COMMANDS[name]
    fmt = "docx" if name == "report" else "xlsx"
    error = _refused(_run(here, command, "-f", fmt, "-o", "-"), here)
    assert error.startswith(f"Error: the {fmt} format is written only to a file: pass --output ")


def test_the_extension_is_read_in_any_case(here: Path) -> None:
    result = _run(here, COMMANDS["scorecard"], "-o", "CARD.JSON")
    assert result.exit_code == 0 and (here / "CARD.JSON").read_text().startswith("{")


def test_without_output_the_default_format_goes_to_standard_output(here: Path) -> None:
    result = _run(here, COMMANDS["validate"])
    assert result.exit_code == 1 and "2025-26-Q1.xlsx" in result.stdout
    assert list(here.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "file", "expected"),
    [
        (("schema",), "schema.md", "name it schema.json"),
        (
            ("collection-workbook", *PLEDGE, "--period", "2026-27 Q3"),
            "collect.txt",
            "name it collect.xlsx",
        ),
    ],
)
def test_commands_of_one_format_refuse_other_extensions_alike(
    here: Path, args: tuple[str, ...], file: str, expected: str
) -> None:
    """No --format to name: the refusal names only the file to write."""
    result = runner.invoke(app, [*args, "-o", file])
    error = _refused(result, here)
    assert error.startswith(f"Error: cannot tell the format from '{file}' (")
    assert error.endswith(expected)
