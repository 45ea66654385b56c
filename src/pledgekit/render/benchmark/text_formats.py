"""The benchmarks as flat text: JSON, CSV and Markdown."""

from __future__ import annotations

import json

from pledgekit.render.benchmark.lines import HEADERS, heading, notes, year_cells
from pledgekit.render.formula_guard import csv_text
from pledgekit.render.md_escape import md_cell
from pledgekit.score.benchmarks import FLAT_COLUMNS, Benchmarks, BenchmarkSet, all_flat_rows


def render_json(bench: Benchmarks | BenchmarkSet) -> str:
    """The documented ``pledgekit.benchmark/1`` JSON (``benchmark-areas/1`` for a set)."""
    return json.dumps(bench.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def render_csv(bench: Benchmarks | BenchmarkSet) -> str:
    """One row per council, measure and year; text cells neutralised against formula injection."""
    rows = (
        ["" if row[c] is None else row[c] for c in FLAT_COLUMNS] for row in all_flat_rows(bench)
    )
    return csv_text(FLAT_COLUMNS, rows)


def render_markdown(bench: Benchmarks) -> str:
    """A heading and pipe table per measure, then the footnotes."""
    lines = [f"# {md_cell(bench.council)}: benchmarks from published statistics", ""]
    for mb in bench.measures:
        lines += [
            f"## {md_cell(heading(mb))}",
            "",
            "| " + " | ".join(HEADERS) + " |",
            "|---|--:|--:|--:|--:|--:|---|---|---|",
        ]
        for yb in mb.years:
            lines.append("| " + " | ".join(md_cell(c) for c in year_cells(mb, yb)) + " |")
        lines.append("")
    lines += [f"{md_cell(line)}\n" for line in notes(bench)]
    return "\n".join(lines)
