"""File references in pledge.yaml and meeting.yaml stay inside their folder (#19 items 2, 3).

An appendix, published file or neighbour table named by a shared YAML file could otherwise put
/etc/passwd or the process environment into a public committee paper, or its first line into an
error message. Each refusal is one error at the YAML key's line, quoting nothing from the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.config.references import APPENDIX, PUBLISHED, allowed_folders, refusal
from pledgekit.render.resources import sample_data_dir

runner = CliRunner()
SECRET = "SECRET-TOKEN root:x:0:0"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(sample_data_dir(), tmp_path / "s")
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in ("secret.md", "secret.csv", "secret.txt"):
        (outside / name).write_text(f"columns: {SECRET}\n{SECRET}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "s")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path / "s"


def _link(project: Path, name: str, target: str) -> str:
    (project / name).symlink_to(target)
    return name


# Each builds the reference to try, given the project folder (some make a symlink first).
REFERENCES = {
    "absolute": lambda p, ext: str(p.parent / "outside" / f"secret{ext}"),
    "dot-dot": lambda p, ext: f"../outside/secret{ext}",
    "dot-dot inside a folder": lambda p, ext: f"published/../../outside/secret{ext}",
    "symlink out": lambda p, ext: _link(p, f"innocent{ext}", f"../outside/secret{ext}"),
    "symlink to /etc/passwd": lambda p, ext: _link(p, f"passwd{ext}", "/etc/passwd"),
    "symlink to the environment": lambda p, ext: _link(p, f"env{ext}", "/proc/self/environ"),
    "url": lambda p, ext: f"https://example.org/secret{ext}",
    "file url": lambda p, ext: f"file:///etc/passwd{ext}",
    "wrong extension": lambda p, ext: _copy_in(p, "notes.exe"),
    "device": lambda p, ext: _link(p, f"zero{ext}", "/dev/zero"),
}


def _copy_in(project: Path, name: str) -> str:
    (project / name).write_text(SECRET, encoding="utf-8")
    return name


def _set_appendix(project: Path, reference: str) -> int:
    text = (project / "meeting.yaml").read_text(encoding="utf-8")
    old = "file: ccc-survey-summer-2026.md"
    line = text[: text.index(old)].count("\n") + 1
    (project / "meeting.yaml").write_text(text.replace(old, f"file: {reference!r}"), "utf-8")
    return line


def _set_pledge(project: Path, old: str, reference: str) -> int:
    text = (project / "pledge.yaml").read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    new = old.split(": ")[0] + f": {reference!r}"
    (project / "pledge.yaml").write_text(text.replace(old, new, 1), "utf-8")
    return line


def _refused(result: object, line: int, key: str) -> None:
    output = result.stdout + result.stderr  # type: ignore[attr-defined]
    assert result.exit_code == 2, output  # type: ignore[attr-defined]
    assert f", line {line}" in output and key in output, output
    assert "SECRET" not in output and "root:x" not in output
    assert "Traceback" not in output


@pytest.mark.parametrize("how", list(REFERENCES))
def test_an_appendix_outside_the_meeting_folder_is_refused(project: Path, how: str) -> None:
    line = _set_appendix(project, REFERENCES[how](project, ".md"))
    for fmt in ("md", "html"):
        result = runner.invoke(
            app, ["report", "2026-27-Q2.xlsx", "-m", "meeting.yaml", "--format", fmt]
        )
        _refused(result, line, "appendices[0].file")


PLEDGE_KEYS = {
    "published": "file: published/la_care_leavers_activity.csv",
    "neighbours": "neighbours: published/sn_model_2025_wide.csv",
}


@pytest.mark.parametrize("key", list(PLEDGE_KEYS))
@pytest.mark.parametrize("how", list(REFERENCES))
def test_a_published_file_or_neighbour_table_outside_the_folder_is_refused(
    project: Path, how: str, key: str
) -> None:
    line = _set_pledge(project, PLEDGE_KEYS[key], REFERENCES[how](project, ".csv"))
    for args in (
        ["benchmark", "--pledge", "pledge.yaml", "--format", "json"],
        ["scorecard", "2026-27-Q2.xlsx", "--format", "json"],
        ["report", "2026-27-Q2.xlsx"],
    ):
        _refused(runner.invoke(app, args), line, key if key == "neighbours" else "published.file")
    result = runner.invoke(app, ["validate", "2026-27-Q2.xlsx", "--format", "github"])
    assert result.exit_code == 1 and f"line={line}" in result.stdout
    assert "SECRET" not in result.stdout and "root:x" not in result.stdout


def test_allow_dir_lets_a_folder_the_user_names_in(project: Path) -> None:
    outside = project.parent / "outside"
    (outside / "survey.md").write_text("The council's own survey.\n", encoding="utf-8")
    _set_appendix(project, "../outside/survey.md")
    args = ["report", "2026-27-Q2.xlsx", "-m", "meeting.yaml", "--format", "md"]
    assert runner.invoke(app, args).exit_code == 2
    result = runner.invoke(app, ["--allow-dir", str(outside), *args])
    assert result.exit_code in (0, 1) and "The council's own survey." in result.stdout
    # ... for that run only.
    assert runner.invoke(app, args).exit_code == 2


def test_a_symlink_that_stays_inside_the_folder_is_fine(project: Path) -> None:
    (project / "survey-link.md").symlink_to("ccc-survey-summer-2026.md")
    _set_appendix(project, "survey-link.md")
    result = runner.invoke(app, ["report", "2026-27-Q2.xlsx", "-m", "meeting.yaml"])
    assert result.exit_code in (0, 1), result.stderr


def test_the_module_says_why_in_words(tmp_path: Path) -> None:
    (tmp_path / "big.csv").write_bytes(b"")
    assert refusal("big.csv", base=tmp_path, kind=PUBLISHED) is None
    assert refusal("missing.csv", base=tmp_path, kind=PUBLISHED) is None  # the reader says so
    assert "URL" in (refusal("http://x/y.csv", base=tmp_path, kind=PUBLISHED) or "")
    assert "outside" in (refusal("/etc/passwd", base=tmp_path, kind=APPENDIX) or "")
    assert "empty" in (refusal("", base=tmp_path, kind=APPENDIX) or "")
    assert ".csv" in (refusal("x.CSV.exe", base=tmp_path, kind=PUBLISHED) or "")
    with allowed_folders([Path("/etc")]):
        assert refusal("/etc/hostname.md", base=tmp_path, kind=APPENDIX) is None
    assert refusal("/etc/hostname.md", base=tmp_path, kind=APPENDIX) is not None
