"""Hostile pledge.yaml files (issue 13, item 5): one located error, exit 2, bounded memory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.config.yamlsource import MAX_BYTES, YamlProblem, load_yaml

from .factories import DEFINITION
from .memory import peak_memory_mb
from .workbooks import write_csv

runner = CliRunner()

_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9 if prev else ['lol'] * 9)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f", "g"], "abcdefgh", strict=False)
)

HOSTILE = {
    "alias bomb": (_BOMB, 6, "expand to more than"),
    "recursive alias": ("council: &a [1, *a]\n", 1, "anchor it is inside"),
    "recursive mapping": ("council: X\nx: &a {b: *a}\n", 2, "anchor it is inside"),
    "deep flow nesting": ("council: " + "[" * 5000 + "]" * 5000 + "\n", 1, "levels deep"),
    "deep block nesting": ("".join("  " * i + f"k{i}:\n" for i in range(80)), 51, "levels deep"),
    "NUL byte": ("council: Test\x00Council\n", 1, "NUL byte"),
    "vertical tab": ("council: Test\x0bCouncil\n", 1, "U+000B"),
    "impossible date key": ("council: X\n2026-13-45: y\n", 2, "looks like a date"),
    "bad merge": ("council: X\nx:\n  <<: 3\n", 3, "merge key"),
}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path / "q.csv", [["Measure", "Period", "Value"], ["1.1", "2025-26 Q1", "92"]])
    return tmp_path


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_yaml_is_one_located_error_exit_2(here: Path, name: str) -> None:
    text, line, words = HOSTILE[name]
    (here / "bad.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["scorecard", "q.csv", "--pledge", "bad.yaml"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"Error: bad.yaml, line {line}")
    assert words in result.stderr


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_validate_lists_the_hostile_yaml_as_a_located_finding(here: Path, name: str) -> None:
    text, line, _ = HOSTILE[name]
    (here / "bad.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "q.csv", "--pledge", "bad.yaml", "-f", "json"])
    # Unreadable input (exit 2), still listed as a located finding beside the workbook's.
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: bad.yaml, line {line}")
    first = json.loads(result.stdout)["findings"][0]
    assert first["code"] == "bad-yaml" and first["location"]["line"] == line


def test_the_alias_bomb_stays_small_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(_BOMB + "i: [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n")
    code = f"""
from pathlib import Path
from pledgekit.config.yamlsource import YamlProblem, load_yaml
try:
    load_yaml(Path({str(path)!r}))
except YamlProblem as exc:
    print(exc.line, exc.message)
"""
    peak, out = peak_memory_mb(code)
    assert "expand to more than" in out
    assert peak < 150


def test_a_file_beyond_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("council: X\n" + "# padding\n" * (MAX_BYTES // 10 + 1))
    with pytest.raises(YamlProblem, match="at most"):
        load_yaml(path)


def test_a_file_not_in_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"council: X\ntitle: caf\xe9\n")
    with pytest.raises(YamlProblem) as caught:
        load_yaml(path)
    assert (caught.value.line, caught.value.col) == (2, 11)


def test_merge_keys_are_supported_and_written_keys_win(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "base: &b {tolerance: 5, unit: percent}\n"
        "m:\n  <<: *b\n  tolerance: 2\n"
        "n:\n  <<: [*b, {extra: 1}]\n"
    )
    data, positions = load_yaml(path)
    assert data["m"] == {"tolerance": 2, "unit": "percent"}
    assert data["n"] == {"tolerance": 5, "unit": "percent", "extra": 1}
    assert positions[("m", "tolerance")] == (4, 3)


def test_merge_keys_work_in_a_pledge_definition(here: Path) -> None:
    text = DEFINITION.replace(
        '- {id: "1.1", title: Health assessments, unit: percent,',
        '- {<<: {unit: percent}, id: "1.1", title: Health assessments,',
    )
    (here / "pledge.yaml").write_text(text)
    result = runner.invoke(app, ["scorecard", "q.csv", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)["rows"]
    assert next(r for r in rows if r["measure"] == "1.1")["unit"] == "percent"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("target: 90", "target: .nan"),
        ("target: 90", "target: .inf"),
        ("target: [12, 18]", "target: [12, .inf]"),
        ("tolerance: 5,", "tolerance: .inf,"),
        ("comparators: {england: 88}", "comparators: {england: .nan}"),
        ("neighbours: [N1, N2]", "neighbours: [N1, N2]\ndefaults: {stable_within: .nan}"),
    ],
)
def test_nan_and_infinity_are_refused_with_their_line(here: Path, old: str, new: str) -> None:
    assert old in DEFINITION
    (here / "pledge.yaml").write_text(DEFINITION.replace(old, new, 1))
    result = runner.invoke(app, ["scorecard", "q.csv"])
    assert result.exit_code == 2
    assert "pledge.yaml, line " in result.stderr and "finite" in result.stderr
