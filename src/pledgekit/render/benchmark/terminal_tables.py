"""The benchmarks as rich terminal tables: one per measure, a line per published year."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from pledgekit.render.benchmark.lines import HEADERS, heading, notes, year_cells
from pledgekit.render.terminal import captured
from pledgekit.score.benchmarks import Benchmarks

_RIGHT = {"Council", "England", "Region", "Neighbours", "Rank"}
#: Short figures never wrap; the longer cells wrap on narrow terminals rather than being cut.
_WHOLE = {"Year", "England", "Region"}


def benchmark_tables(bench: Benchmarks) -> Group:
    """A renderable: the title and one table per measure."""
    parts: list[Table | Text] = [
        Text(f"{bench.council}: benchmarks from published statistics", style="bold")
    ]
    for mb in bench.measures:
        # Text, not str: names from the files must never be read as rich markup ("[bold]").
        table = Table(
            title=Text(heading(mb)), title_justify="left", title_style="bold", expand=False
        )
        for name in HEADERS:
            table.add_column(
                name,
                justify="right" if name in _RIGHT else "left",
                no_wrap=name in _WHOLE,
                # On a narrow terminal a long word is folded, never cut off.
                overflow="fold",
            )
        for yb in mb.years:
            table.add_row(*(Text(cell) for cell in year_cells(mb, yb)))
        if not mb.years:
            table.add_row("", "no published row for this council", *[""] * (len(HEADERS) - 2))
        parts.append(table)
    return Group(*parts)


def render_table(bench: Benchmarks, console: Console) -> None:
    """Print the benchmarks to ``console``, footnotes unwrapped."""
    console.print(benchmark_tables(bench))
    for line in notes(bench):
        console.print(Text(line, style="dim"), soft_wrap=True)


def render_text(bench: Benchmarks) -> str:
    """The tables as plain text (no colour), for writing to a file."""
    return captured(lambda console: render_table(bench, console))
