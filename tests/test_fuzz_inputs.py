"""Fuzzing the two text inputs (issue 13): whatever is in a CSV cell or a pledge.yaml fragment,
a command ends with exit 0, 1 or 2, never a traceback, and never leaves a partial file.

The number of examples is bounded so the suite stays fast in CI; raise ``FUZZ_EXAMPLES`` to
search longer locally (``FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_inputs.py``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
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
            # Issue 19's classes: formulas after a line break, numbers no float holds, two-digit
            # years, personal data behind Unicode spacing, Markdown structure, C1 controls.
            "Late\r=cmd|' /C calc'!A0",
            "x\n@SUM(1,2)",
            "1.7E+308%",
            "1" + "0" * 400,
            "Q4 99/00",
            "943\u00a0476\u00a05919",
            "07700\u2013900\u2013123",
            "sw1a 1aa",
            "~~~",
            "```",
            "250. children were seen late",
            "# heading",
            "<script>alert(1)</script>",
            "\x9b2J",
            "TRUE",
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
            _strict_json((folder / "card.json").read_text(encoding="utf-8"))
        else:
            assert code != 0
        _run(folder, "validate", "q.csv", "-f", "junit", "-o", "v.xml")
        if _run(folder, "scorecard", "q.csv", "-f", "csv", "-o", "card.csv") != 2:
            _safe_outputs(folder, "card.csv")
        if _run(folder, "scorecard", "q.csv", "-f", "md", "-o", "card.md") != 2:
            _safe_outputs(folder, "card.md")
        _no_partial_files(
            folder, {"pledge.yaml", "q.csv", "card.json", "v.xml", "card.csv", "card.md"}
        )


def _strict_json(text: str) -> object:
    """JSON as the standard has it: Infinity and NaN are not JSON."""

    def refuse(name: str) -> object:
        raise AssertionError(f"{name} in JSON output")

    return json.loads(text, parse_constant=refuse)


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _safe_outputs(folder: Path, *names: str, written: tuple[str, ...] = ()) -> None:
    """What issue 19 promises of every output: no control characters, no personal data, a CSV
    whose rows do not split and whose lines start no formula, and no infinity. ``written`` is
    prose the user wrote into the output: where it says "inf" itself, that is not a figure."""
    figures_only = not any("inf" in text.lower() for text in written)
    for name in names:
        path = folder / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        assert not _CONTROLS.search(text), name
        assert "9434765919" not in re.sub(r"\D", "", text)
        assert not figures_only or "inf" not in text.lower().replace("info", "")
        if name.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(text, newline="")))
            assert len({len(row) for row in rows}) <= 1, name
            for row in rows:
                for cell in row:
                    for line in cell.split("\n"):
                        assert not line.startswith(("=", "+", "@", "\t", "\r")), cell


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
        # Issue 19's classes: numbers no float holds, booleans for numbers, escapes, references.
        "defaults: {tolerance: " + "1" * 400 + "}\n",
        'defaults: {tolerance: "' + "9" * 400 + '%"}\n',
        '      - {id: "1.3", title: D, unit: count, polarity: higher, target: true}\n',
        '      - {id: "1.4", title: "\\e[31mE\\x00", unit: count, polarity: none}\n',
        '    promises: ["Ring 07700\u00a0900\u00a0123"]\n',
        "benchmarks: {neighbours: /etc/passwd}\n",
        "benchmarks: {neighbours: ../../etc/passwd.csv}\n",
        "benchmarks: {neighbours: 'https://example.org/x.csv'}\n",
        '      - {id: "1.5", title: F, polarity: higher, published: {file: /dev/zero, value: v}}\n',
        '      - {id: "1.6", title: G, unit: count, polarity: none, part_of: "1.6"}\n',
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
        _safe_outputs(folder, "card.md")
        _no_partial_files(folder, {"pledge.yaml", "q.csv", "card.md", "c.xlsx"})


# meeting.yaml prose and appendices: Markdown structure, escapes, personal data, references.
_PROSE = st.one_of(
    st.sampled_from(
        [
            "~~~\n",
            "```\ncode",
            "250. children were seen late",
            "- a\n- b",
            "| a | b |\n|---|---|",
            "<!-- x",
            "Title\n===",
            "\x1b[2J\x07\x00",
            "NHS 943\u202f476\u202f5919",
        ]
    ),
    st.text(max_size=40),
)
_APPENDIX_FILES = st.sampled_from(
    ["a.md", "../a.md", "/etc/passwd", "/dev/zero", "link.md", "https://x.org/a.md", "a.exe", ""]
)


@FUZZ
@given(purpose=_PROSE, conclusion=_PROSE, appendix=_APPENDIX_FILES, body=_PROSE)
def test_any_meeting_prose_and_appendix(
    purpose: str, conclusion: str, appendix: str, body: str
) -> None:
    import yaml

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "pledge.yaml").write_text(DEFINITION, encoding="utf-8")
        (folder / "q.csv").write_text("Measure,Period,Value\n1.1,2025-26 Q2,92\n", encoding="utf-8")
        (folder / "a.md").write_text(body, encoding="utf-8", errors="replace")
        (folder / "link.md").symlink_to("/etc/hostname")
        meeting = {
            "purpose": purpose,
            "conclusion": conclusion,
            "appendices": [{"title": "Survey", "file": appendix}],
        }
        (folder / "meeting.yaml").write_text(yaml.safe_dump(meeting), encoding="utf-8")
        code = _run(folder, "report", "q.csv", "-m", "meeting.yaml", "-o", "r.md", "--redact")
        if code != 2:
            _safe_outputs(folder, "r.md", written=(purpose, conclusion, body))
        _no_partial_files(
            folder, {"pledge.yaml", "q.csv", "a.md", "link.md", "meeting.yaml", "r.md"}
        )
