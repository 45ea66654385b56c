"""The console (issue 13, item 10): a console that is not UTF-8 gets ASCII shapes and words; a
full disk or a closed standard output is one ``Error:`` line and exit 2, never a traceback.

These run the real command in a child process: only a real standard output has an encoding,
can be full or can be closed.
"""

from __future__ import annotations

import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from pledgekit.render.terminal import ASCII_FALLBACK, fit_console

from .factories import DEFINITION

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices and shells")

_RUN = "import sys; from pledgekit.cli import main; sys.argv[0] = 'pledgekit'; main()"


@pytest.fixture
def here(tmp_path: Path) -> Path:
    (tmp_path / "pledge.yaml").write_text(DEFINITION, encoding="utf-8")
    (tmp_path / "q.csv").write_text(
        "Measure,Period,Value\n1.1,2025-26 Q1,92\n1.2,2025-26 Q1,30\n", encoding="utf-8"
    )
    return tmp_path


def pledgekit(here: Path, *args: str, encoding: str = "utf-8", shell_tail: str = "") -> tuple:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "160"}
    command = [sys.executable, "-c", _RUN, *args]
    if shell_tail:
        quoted = " ".join(shlex.quote(part) for part in command)
        done = subprocess.run(
            f"{quoted} {shell_tail}", shell=True, cwd=here, env=env, capture_output=True
        )
    else:
        done = subprocess.run(command, cwd=here, env=env, capture_output=True)
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize(
    "args", [("scorecard", "q.csv"), ("report", "q.csv", "-f", "md"), ("validate", "q.csv")]
)
def test_a_cp1252_console_gets_ascii_shapes(here: Path, args: tuple[str, ...]) -> None:
    code, out, err = pledgekit(here, *args, encoding="cp1252")
    assert code in (0, 1), err
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    text = out.decode("cp1252")
    if args[0] != "validate":
        assert "* Green" in text and "x Red" in text
        assert "<=" in text or ">=" in text
    assert "?" not in text.replace("?)", "")  # nothing unknown replaced blindly


def test_ascii_console_too(here: Path) -> None:
    code, out, err = pledgekit(here, "scorecard", "q.csv", "-f", "md", encoding="ascii")
    assert code in (0, 1) and "Traceback" not in err
    out.decode("ascii")


@pytest.mark.parametrize(
    "args",
    [
        ("scorecard", "q.csv"),
        ("scorecard", "q.csv", "-f", "csv"),
        ("report", "q.csv"),
        ("validate", "q.csv"),
        ("validate", "q.csv", "-f", "json"),
        ("schema",),
    ],
)
def test_a_full_disk_is_one_error_line(here: Path, args: tuple[str, ...]) -> None:
    code, _, err = pledgekit(here, *args, shell_tail="> /dev/full")
    assert code == 2
    lines = [line for line in err.splitlines() if not line.startswith("Note:")]
    assert lines == ["Error: cannot write to standard output (No space left on device)"]


@pytest.mark.parametrize("args", [("scorecard", "q.csv"), ("validate", "q.csv", "-f", "json")])
def test_a_closed_standard_output_is_one_error_line(here: Path, args: tuple[str, ...]) -> None:
    code, _, err = pledgekit(here, *args, shell_tail=">&-")
    assert code == 2 and err.strip().splitlines() == [
        "Error: standard output is closed; pass -o FILE"
    ]


def test_fit_console_maps_every_symbol_to_ascii() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    fit_console(stream)
    stream.write("≤ 90% ● Green ✖ Red → ↑")
    stream.flush()
    assert raw.getvalue().decode("cp1252") == "<= 90% * Green x Red -> up"
    assert all(value.isascii() for value in ASCII_FALLBACK.values())
