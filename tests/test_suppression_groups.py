"""Secondary suppression over nested part_of groups reaches a fixed point (#19 item 5).

A hidden figure must not be derivable from the published ones by the group sums, in any order
of the groups and however deeply they nest. The property tests check this with a separate
solver (matrix rank over the group equations), not the code under test.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.config.pledge import Definition
from pledgekit.model.periods import parse_period
from pledgekit.model.values import ValueState
from pledgekit.privacy.suppression import derivable, group_equations, suppress_all

from .factories import definition, obs
from .workbooks import write_csv

Q2 = parse_period("2025-26 Q2")


def _yaml(parents: dict[str, str | None], order: list[str]) -> str:
    lines = ["council: Test Council", "pledges:", '  - id: "1"', "    title: Care", "    measures:"]
    for mid in order:
        part = f', part_of: "{parents[mid]}"' if parents[mid] else ""
        lines.append(f'      - {{id: "{mid}", title: M {mid}, unit: count, polarity: none{part}}}')
    return "\n".join(lines) + "\n"


def _published(d: Definition, figures: dict[str, int]) -> dict[str, object]:
    table, _ = suppress_all(d, [obs(m, "2025-26 Q2", v) for m, v in figures.items()], 5)
    return {m: by_period[Q2].value for m, by_period in table.items()}


def _pinned_by_rank(d: Definition, shown: dict[str, object]) -> set[str]:
    """Hidden figures the group sums fix, by linear algebra independent of the code under test."""
    equations = group_equations(d)
    unknown = sorted(m for m, r in shown.items() if not r.is_number)  # type: ignore[attr-defined]
    if not unknown or not equations:
        return set()
    index = {m: i for i, m in enumerate(unknown)}
    matrix = np.zeros((len(equations), len(unknown)))
    for row, (total, parts) in enumerate(equations):
        for member, sign in ((total, 1), *((p, -1) for p in parts)):
            if member in index:
                matrix[row, index[member]] += sign
    rank = np.linalg.matrix_rank(matrix)
    pinned = set()
    for m, i in index.items():
        unit = np.zeros((1, len(unknown)))
        unit[0, i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            pinned.add(m)
    return pinned


NESTED = {"1.1": None, "1.2": "1.1", "1.3": "1.1", "1.4": "1.2", "1.5": "1.2"}
FIGURES = {"1.1": 15, "1.2": 12, "1.3": 3, "1.4": 5, "1.5": 7}


def test_the_issue_example_in_either_order(tmp_path: Path) -> None:
    # 1.3 = 3 is hidden; hiding only 1.2 would leave 1.2 = 5 + 7 and then 1.3 = 15 - 12.
    for order in (["1.4", "1.5", "1.2", "1.3", "1.1"], ["1.1", "1.2", "1.3", "1.4", "1.5"]):
        d = definition(tmp_path, _yaml(NESTED, order))
        shown = _published(d, FIGURES)
        hidden = {m for m, r in shown.items() if r.state is ValueState.SUPPRESSED}  # type: ignore[attr-defined]
        assert "1.3" in hidden and len(hidden) >= 3, order
        assert derivable(group_equations(d), shown) == set()  # type: ignore[arg-type]
        assert _pinned_by_rank(d, shown) & hidden == set()


def test_the_checker_finds_what_repeated_subtraction_finds(tmp_path: Path) -> None:
    d = definition(tmp_path, _yaml(NESTED, list(NESTED)))
    readings = {m: obs(m, "2025-26 Q2", v).value for m, v in FIGURES.items()}
    readings["1.3"] = readings["1.3"].__class__(ValueState.SUPPRESSED, raw="c")
    readings["1.2"] = readings["1.2"].__class__(ValueState.SUPPRESSED, raw="c")
    assert derivable(group_equations(d), readings) == {"1.2", "1.3"}


@st.composite
def nested_groups(draw: st.DrawFn) -> tuple[dict[str, str | None], list[str], dict[str, int]]:
    """A random forest of count measures (each a part of an earlier one or a root), in a random
    file order, with figures that add up and some below the threshold."""
    size = draw(st.integers(2, 9))
    ids = [f"1.{i + 1}" for i in range(size)]
    parents: dict[str, str | None] = {ids[0]: None}
    for i, mid in enumerate(ids[1:], start=1):
        parents[mid] = draw(st.one_of(st.none(), st.sampled_from(ids[:i])))
    figures: dict[str, int] = {}
    for mid in reversed(ids):  # leaves first: a total is the sum of its parts
        children = [c for c, p in parents.items() if p == mid]
        figures[mid] = sum(figures[c] for c in children) if children else draw(st.integers(0, 30))
    order = draw(st.permutations(ids))
    return parents, list(order), figures


@settings(max_examples=120, deadline=None)
@given(nested_groups())
def test_no_hidden_figure_is_derivable_after_suppression(
    case: tuple[dict[str, str | None], list[str], dict[str, int]],
) -> None:
    parents, order, figures = case
    with tempfile.TemporaryDirectory() as folder:
        d = definition(Path(folder), _yaml(parents, order))
    shown = _published(d, figures)
    hidden = {m for m, r in shown.items() if r.state is ValueState.SUPPRESSED}  # type: ignore[attr-defined]
    # Every small count is hidden, and nothing hidden can be worked back.
    assert {m for m, v in figures.items() if 0 < v < 5} <= hidden
    assert _pinned_by_rank(d, shown) & hidden == set()
    assert derivable(group_equations(d), shown) == set()  # type: ignore[arg-type]


def test_validate_reports_a_source_suppression_its_group_gives_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pledge.yaml").write_text(_yaml(NESTED, list(NESTED)), encoding="utf-8")
    rows = [["Measure", "Period", "Value"]] + [
        [m, "2025-26 Q2", "c" if m == "1.3" else v] for m, v in FIGURES.items()
    ]
    write_csv(tmp_path / "q2.csv", rows)
    result = CliRunner().invoke(app, ["validate", "q2.csv", "--format", "json"])
    found = [
        f
        for f in json.loads(result.stdout)["findings"]
        if f["code"] == "suppressed-figure-derivable"
    ]
    assert [(f["measure"], f["location"]["cell"]) for f in found] == [("1.3", "C4")]
    assert "15" not in found[0]["message"] and found[0]["found"] != "3"
    # Hide 1.2 too and 1.3 is still given back through 1.2 = 5 + 7: a nested group.
    rows[2][2] = "c"
    write_csv(tmp_path / "q2.csv", rows)
    result = CliRunner().invoke(app, ["validate", "q2.csv", "--format", "json"])
    found = [
        f
        for f in json.loads(result.stdout)["findings"]
        if f["code"] == "suppressed-figure-derivable"
    ]
    assert [f["measure"] for f in found] == ["1.2", "1.3"]
    # With 1.4 hidden as well, nothing can be worked out.
    rows[4][2] = "c"
    write_csv(tmp_path / "q2.csv", rows)
    result = CliRunner().invoke(app, ["validate", "q2.csv", "--format", "json"])
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert "suppressed-figure-derivable" not in codes and "suppressed-at-source" in codes
