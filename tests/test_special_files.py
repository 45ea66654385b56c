"""FIFOs, devices and folders refused as any input before they are opened (#19 item 8).

A named pipe blocks whoever opens it until something writes, so each case runs the command in a
child process with a timeout: a hang fails the test instead of stopping the suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pledgekit.render.resources import sample_data_dir

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(sample_data_dir(), tmp_path / "s")
    return tmp_path / "s"


def _pledgekit(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", "from pledgekit.cli import main; main()", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _replace(path: Path, make: Callable[[Path], None]) -> None:
    path.unlink()
    make(path)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _folder(path: Path) -> None:
    path.mkdir()


SPECIALS = {
    "fifo": (_fifo, "named pipe"),
    "device": (_zero, "device"),
    "folder": (_folder, "folder"),
}
# What to replace, and the command that reads it.
CASES = {
    "workbook": ("2026-27-Q2.xlsx", ["validate", "2026-27-Q2.xlsx"]),
    "pledge.yaml": ("pledge.yaml", ["scorecard", "2026-27-Q2.xlsx"]),
    "meeting.yaml": ("meeting.yaml", ["report", "2026-27-Q2.xlsx", "-m", "meeting.yaml"]),
    "neighbour table": (
        "published/sn_model_2025_wide.csv",
        ["benchmark", "--pledge", "pledge.yaml", "--format", "json"],
    ),
    "published file": (
        "published/la_care_leavers_activity.csv",
        ["benchmark", "--pledge", "pledge.yaml", "--format", "json"],
    ),
    "appendix": ("ccc-survey-summer-2026.md", ["report", "2026-27-Q2.xlsx", "-m", "meeting.yaml"]),
}


REFERENCED = {"neighbour table", "published file", "appendix"}


@pytest.mark.parametrize("special", list(SPECIALS))
@pytest.mark.parametrize("case", list(CASES))
def test_a_special_file_as_an_input_is_refused_without_hanging(
    project: Path, special: str, case: str
) -> None:
    target, args = CASES[case]
    make, words = SPECIALS[special]
    _replace(project / target, make)
    done = _pledgekit(project, *args)
    output = done.stdout + done.stderr
    assert done.returncode in (1, 2), output
    # A link to /dev/zero named in a YAML file is refused sooner: it points out of the folder.
    outside = special == "device" and case in REFERENCED and "outside the folder" in output
    assert words in output or outside, output
    assert "Traceback" not in output


@pytest.mark.parametrize("special", ["fifo", "device"])
def test_a_special_file_as_a_template_is_refused(project: Path, special: str) -> None:
    make, words = SPECIALS[special]
    make(project / "mine.md.j2")
    done = _pledgekit(project, "report", "2026-27-Q2.xlsx", "--template", "mine.md.j2")
    assert done.returncode == 2 and words in done.stderr, done.stderr
