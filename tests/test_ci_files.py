"""The shipped CI integrations name real commands and options: the pre-commit hook and the
GitHub Actions example would otherwise break silently when a flag is renamed."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from pledgekit.cli import app
from pledgekit.render.findings.formats import FORMATS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[1]


def command_options(name: str) -> dict[str, Any]:
    """Option strings of a pledgekit command -> the click parameter."""
    group: Any = typer.main.get_command(app)
    command = group.commands[name]
    return {opt: param for param in command.params for opt in [*param.opts, *param.secondary_opts]}


def console_scripts() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(data["project"]["scripts"])


def test_pre_commit_hook_runs_the_real_command() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = [h for h in hooks if h["id"] == "pledgekit-validate"]
    program, command = shlex.split(hook["entry"])
    assert program in console_scripts() and console_scripts()[program] == "pledgekit.cli:main"
    assert command == "validate" and command_options("validate")
    assert hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("q1.xlsx", "data/q2.xlsm", "q3.ods", "q4.csv"):
        assert files.search(name), name
    for name in ("pledge.yaml", "notes.xlsx.bak", "report.docx"):
        assert not files.search(name), name


def _validate_runs() -> list[list[str]]:
    workflow = yaml.safe_load((ROOT / "docs" / "github-actions.yml").read_text(encoding="utf-8"))
    runs = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            words = shlex.split(step.get("run", ""))
            if words[:2] == ["pledgekit", "validate"]:
                runs.append(words)
    return runs


def test_github_actions_example_uses_real_options() -> None:
    runs = _validate_runs()
    assert runs, "the workflow has no 'pledgekit validate' step"
    options = command_options("validate")
    for words in runs:
        given = [w for w in words if w.startswith("-")]
        assert given, words
        for option in given:
            assert option in options, f"{option} is not an option of pledgekit validate"
        if "--format" in words:
            choice = words[words.index("--format") + 1]
            assert FORMATS.get(choice).name == choice
    assert any("github" in words for words in runs)


def test_github_actions_example_parses_as_a_workflow() -> None:
    workflow = yaml.safe_load((ROOT / "docs" / "github-actions.yml").read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True; GitHub reads it as the trigger list.
    assert workflow.get("on") or workflow.get(True)
    assert all("runs-on" in job and job["steps"] for job in workflow["jobs"].values())


def test_readme_shows_the_tested_workflow() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, flags=re.DOTALL)
    assert (ROOT / "docs" / "github-actions.yml").read_text(encoding="utf-8") in blocks
