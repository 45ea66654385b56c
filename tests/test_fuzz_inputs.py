"""Fuzzing the two text inputs (issue 13): whatever is in a CSV cell or a pledge.yaml fragment,
a command ends with exit 0, 1 or 2, never a traceback, and never leaves a partial file.

The number of examples is bounded so the suite stays fast in CI; raise ``FUZZ_EXAMPLES`` to
search longer locally (``FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_inputs.py``).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pledgekit.cli import app

from .factories import DEFINITION

runner = CliRunner()
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Cells that are likely to matter: symbols, numbers of every shape, ids with marks, controls,
# quotes and delimiters, personal data, and anything hypothesis can make of text.
_CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "1.1",
            "2.6¹",
            "1.2*",
            "2025-26 Q1",
            "2026-13-45",
            "c",
            "<5",
            "x",
            "9" * 400,
            "-1e999",
            "nan",
            "inf",
            "1,234.5%",
            "12 u",
            '"',
            '"unclosed',
            ",,,",
            ";",
            "\t",
            "\x0b",
            "\x00",
            "\x1b[31m",
            '=HYPERLINK("x")',
            "Jamie Smith (14)",
            "07700 900123",
            "£1,200 – up",
            "\ufeff",
            "\r",
        ]
    ),
    st.text(max_size=30),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
_ROWS = st.lists(st.lists(_CELLS, min_size=1, max_size=6), min_size=0, max_size=6)
_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])


def _run(folder: Path, *args: str) -> int:
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = runner.invoke(app, list(args))
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}"
    )
    assert "Traceback" not in result.stderr
    assert result.exit_code in (0, 1, 2), result.exit_code
    return result.exit_code


def _no_partial_files(folder: Path, expected: set[str]) -> None:
    names = {p.name for p in folder.iterdir()}
    assert not [n for n in names if n.endswith(".tmp")], names
    assert names <= expected, names - expected


@FUZZ
@given(rows=_ROWS, encoding=_ENCODINGS)
def test_any_csv_cells(rows: list[list[str]], encoding: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "pledge.yaml").write_text(DEFINITION, encoding="utf-8")
        header = "Measure,Period,Value,Area,Commentary\n"
        # Joined by hand, not csv.writer, so that stray quotes and delimiters stay stray.
        text = header + "".join(",".join(row) + "\n" for row in rows)
        (folder / "q.csv").write_bytes(text.encode(encoding, errors="replace"))
        _run(folder, "validate", "q.csv", "-f", "json")
        code = _run(folder, "scorecard", "q.csv", "-f", "json", "-o", "card.json")
        if (folder / "card.json").exists():
            json.loads((folder / "card.json").read_text(encoding="utf-8"))
        else:
            assert code != 0
        _run(folder, "validate", "q.csv", "-f", "junit", "-o", "v.xml")
        _no_partial_files(folder, {"pledge.yaml", "q.csv", "card.json", "v.xml"})


# YAML fragments: pieces of a pledge definition, and pieces of hostile YAML.
_FRAGMENTS = st.sampled_from(
    [
        "council: X\n",
        "council: &c X\n",
        "area: *c\n",
        "area: HOME\n",
        "neighbours: [N1, N2]\n",
        "defaults: {tolerance: 5}\n",
        "defaults: {tolerance: .inf}\n",
        "defaults: {stable_within: .nan}\n",
        "defaults: &d {tolerance: 2}\n",
        "x: {<<: *d}\n",
        "x: {<<: 3}\n",
        "pledges:\n",
        '  - id: "1"\n    title: T\n    measures:\n',
        '      - {id: "1.1", title: A, unit: percent, polarity: higher, target: 90}\n',
        '      - {id: "1.2", title: B, polarity: band, target: [1, .inf]}\n',
        "      - {id: 2.10, title: C}\n",
        "2026-13-45: y\n",
        "? [a, b]\n: c\n",
        "a: &a [*a]\n",
        "b: !!python/object:os.system x\n",
        "c: !!binary aGVsbG8=\n",
        "d: " + "[" * 60 + "]" * 60 + "\n",
        "e: \x00\n",
        "f: \x0b\n",
        "\t- tab\n",
        "---\n",
        "...\n",
        "g: 'unclosed\n",
        "h: 1e999\n",
        "i: ~\n",
        "council: X\n",
    ]
)


@FUZZ
@given(parts=st.lists(st.one_of(_FRAGMENTS, st.text(max_size=20)), max_size=10))
def test_any_yaml_fragments(parts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "pledge.yaml").write_text("".join(parts), encoding="utf-8", errors="replace")
        (folder / "q.csv").write_text("Measure,Period,Value\n1.1,2025-26 Q1,92\n", encoding="utf-8")
        _run(folder, "scorecard", "q.csv", "-f", "md", "-o", "card.md")
        _run(folder, "validate", "q.csv", "-f", "json")
        _run(folder, "collection-workbook", "--period", "2025-26 Q2", "-o", "c.xlsx")
        _no_partial_files(folder, {"pledge.yaml", "q.csv", "card.md", "c.xlsx"})
