"""Where outputs may go (issue 13, items 1-3): regular files or stdout, never an input, the
right extension, created atomically and exclusively, all or nothing."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.cli import output as output_module
from pledgekit.cli.output import write_all, write_atomic
from pledgekit.cli.templates_command import export_templates
from pledgekit.model.errors import OutputError

from .factories import DEFINITION
from .workbooks import write_csv

runner = CliRunner()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pledge.yaml").write_text(DEFINITION, encoding="utf-8")
    write_csv(
        tmp_path / "q.csv",
        [["Measure", "Period", "Value"], ["1.1", "2025-26 Q1", "92"], ["1.2", "2025-26 Q1", "8"]],
    )
    return tmp_path


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


@pytest.mark.parametrize("device", ["/dev/null", "/dev/stdout"])
def test_item1_force_never_replaces_a_device_or_link(here: Path, device: str) -> None:
    before = Path("/dev/null").stat()
    code, err = run("scorecard", "q.csv", "-f", "csv", "-o", device, "--force")
    assert code == 2 and err.startswith("Error: ") and err.count("\n") == 1
    after = Path("/dev/null").stat()
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_item1_a_fifo_a_folder_and_a_symlink_are_refused(here: Path) -> None:
    os.mkfifo(here / "pipe.csv")
    (here / "real.csv").write_text("keep me")
    (here / "link.csv").symlink_to(here / "real.csv")
    (here / "dir.csv").mkdir()
    for name, words in (("pipe.csv", "FIFO"), ("link.csv", "symbolic link"), ("dir.csv", "folder")):
        code, err = run("scorecard", "q.csv", "-f", "csv", "-o", name, "--force")
        assert code == 2 and words in err, err
    assert (here / "real.csv").read_text() == "keep me"
    assert stat.S_ISFIFO(os.lstat(here / "pipe.csv").st_mode)


def test_item1_dash_is_standard_output(here: Path) -> None:
    result = runner.invoke(app, ["scorecard", "q.csv", "-f", "csv", "-o", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("pledge")


def test_item2_schema_needs_force_to_replace_a_file(here: Path) -> None:
    (here / "schema.json").write_text("mine")
    code, err = run("schema", "-o", "schema.json")
    assert code == 2 and "already exists" in err
    assert (here / "schema.json").read_text() == "mine"
    assert run("schema", "-o", "schema.json", "--force")[0] == 0
    assert '"$schema"' in (here / "schema.json").read_text()
    assert run("schema", "-o", "schema.md")[0] == 2


def test_item3_an_input_is_never_the_output(here: Path) -> None:
    before = (here / "q.csv").read_bytes()
    code, err = run("scorecard", "q.csv", "-f", "csv", "-o", "q.csv", "--force")
    assert code == 2 and "also an input" in err
    (here / "alias.csv").symlink_to(here / "q.csv")
    code, err = run("scorecard", "alias.csv", "-f", "csv", "-o", "./q.csv", "--force")
    assert code == 2 and "also an input" in err
    assert (here / "q.csv").read_bytes() == before
    code, err = run("validate", "q.csv", "-f", "md", "-o", "pledge.yaml", "--force")
    assert code == 2 and (here / "pledge.yaml").read_text() == DEFINITION


def test_item3_the_extension_must_match_the_format(here: Path) -> None:
    code, err = run("report", "q.csv", "-f", "md", "-o", "r.docx")
    assert code == 2 and "r.md" in err and not (here / "r.docx").exists()
    code, err = run("scorecard", "q.csv", "-f", "json", "-o", "card.csv")
    assert code == 2 and "--format csv" in err and not (here / "card.csv").exists()
    assert run("scorecard", "q.csv", "-f", "json", "-o", "card")[0] == 2
    assert run("validate", "q.csv", "-f", "github", "-o", "out.json")[0] == 2
    assert run("validate", "q.csv", "-f", "github", "-o", "annotations.log")[0] in (0, 1)


def test_item3_creation_is_exclusive_when_the_name_is_taken_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.md"
    real_stage = output_module._stage

    def racing(path: Path, data: bytes | str) -> Path:
        staged = real_stage(path, data)
        path.write_text("the other run")  # another run finishes between check and rename
        return staged

    monkeypatch.setattr(output_module, "_stage", racing)
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(target, "mine")
    assert target.read_text() == "the other run"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temporary file left


def test_item3_simultaneous_runs_one_wins(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    outcomes: list[str] = []
    start = threading.Barrier(8)

    def attempt(n: int) -> None:
        start.wait()
        try:
            write_atomic(target, f"run {n}\n" * 1000)
            outcomes.append("won")
        except OutputError:
            outcomes.append("refused")

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("won") == 1 and outcomes.count("refused") == 7
    lines = set(target.read_text().splitlines())
    assert len(lines) == 1  # one run's content, whole
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_item3_a_failed_templates_export_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_stage = output_module._stage
    calls = []

    def disk_full_on_second(path: Path, data: bytes | str) -> Path:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_stage(path, data)

    monkeypatch.setattr(output_module, "_stage", disk_full_on_second)
    target = tmp_path / "new" / "templates"
    with pytest.raises(OutputError, match="No space left"):
        export_templates(target)
    assert list(tmp_path.iterdir()) == []


def test_item3_a_failed_batch_with_force_keeps_the_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("old a")
    b.write_text("old b")
    real_stage = output_module._stage

    def full(path: Path, data: bytes | str) -> Path:
        if path == b:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_stage(path, data)

    monkeypatch.setattr(output_module, "_stage", full)
    with pytest.raises(OutputError):
        write_all([(a, "new a"), (b, "new b")], force=True)
    assert (a.read_text(), b.read_text()) == ("old a", "old b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]


def test_collection_workbook_follows_the_rules(here: Path) -> None:
    (here / "c.xlsx").symlink_to(here / "q.csv")
    code, err = run("collection-workbook", "--period", "2025-26 Q2", "-o", "c.xlsx", "--force")
    assert code == 2 and "symbolic link" in err
    assert (here / "q.csv").read_text().startswith("Measure")


@pytest.mark.parametrize(
    "args",
    [
        ["scorecard", "q.csv", "-f", "csv"],
        ["report", "q.csv", "-f", "md"],
        ["validate", "q.csv", "-f", "json"],
        ["collection-workbook", "--period", "2025-26 Q2"],
        ["schema"],
        ["benchmark", "--pledge", "pledge.yaml", "-f", "csv"],
    ],
)
def test_every_command_refuses_a_device_even_with_force(here: Path, args: list[str]) -> None:
    code, err = run(*args, "-o", "/dev/null", "--force")
    last = err.splitlines()[-1]
    assert code == 2 and last.startswith("Error: ") and "device" in last, err
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_templates_export_refuses_a_device(here: Path) -> None:
    code, err = run("templates", "export", "/dev/null", "--force")
    assert code == 2 and "not a folder" in err
