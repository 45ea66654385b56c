"""What is written to a file does not depend on COLUMNS or FORCE_COLOR (#19 item 14), and
``templates export`` refuses a symlinked folder as ``-o`` refuses a symlinked file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.render.resources import sample_data_dir

runner = CliRunner()
ENVIRONMENTS = [
    {"COLUMNS": "0"},
    {"COLUMNS": "5"},
    {"COLUMNS": "abc"},
    {"COLUMNS": "100000"},
    {"FORCE_COLOR": "1"},
    {"TTY_COMPATIBLE": "1"},
    {"FORCE_COLOR": "1", "COLUMNS": "0"},
    {"CLICOLOR_FORCE": "1", "TERM": "xterm-256color"},
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(sample_data_dir(), tmp_path / "s")
    monkeypatch.chdir(tmp_path / "s")
    for name in ("COLUMNS", "FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "s"


COMMANDS = {
    "scorecard table": ["scorecard", "2026-27-Q2.xlsx", "-f", "table"],
    "scorecard md": ["scorecard", "2026-27-Q2.xlsx", "-f", "md"],
    "validate text": ["validate", "2026-27-Q2.xlsx", "-f", "text"],
    "benchmark table": ["benchmark", "--pledge", "pledge.yaml", "-f", "table"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_environment_never_changes_a_file_or_a_pipe(project: Path, command: str) -> None:
    args = COMMANDS[command]
    plain = runner.invoke(app, args)
    assert plain.stdout.strip(), plain.stderr
    for number, env in enumerate(ENVIRONMENTS):
        piped = runner.invoke(app, args, env=env)
        assert piped.stdout == plain.stdout, env
        assert "\x1b" not in piped.stdout
        if command != "validate text":  # validate has no -o for text
            target = project / f"out{number}.{'md' if args[-1] == 'md' else 'txt'}"
            written = runner.invoke(app, [*args, "-o", str(target)], env=env)
            assert written.exit_code == plain.exit_code, written.stderr
            assert target.read_text(encoding="utf-8") == plain.stdout, env


def test_templates_export_refuses_a_symlinked_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "mine"
    link.symlink_to(elsewhere, target_is_directory=True)
    for force in ([], ["--force"]):
        result = runner.invoke(app, ["templates", "export", str(link), *force])
        assert result.exit_code == 2 and "symbolic link" in result.stderr
        assert list(elsewhere.iterdir()) == []
    result = runner.invoke(app, ["templates", "export", str(tmp_path / "real")])
    assert result.exit_code == 0 and (tmp_path / "real" / "report.md.j2").is_file()
