"""The benchmark table's cells written out as text, shared by every format that shows a table."""

from __future__ import annotations

from pledgekit.score.benchmarks import Benchmarks, MeasureBenchmark, YearBenchmark

HEADERS = (
    "Year",
    "Council",
    "England",
    "Region",
    "Neighbours",
    "Rank",
    "Quartile",
    "vs England",
    "vs neighbours",
)


def heading(mb: MeasureBenchmark) -> str:
    """'3.1 Title (lower is better)'."""
    polarity = mb.measure.polarity.value
    better = {"higher": "higher is better", "lower": "lower is better"}.get(polarity, "not rated")
    return f"{mb.measure.id} {mb.measure.title} ({better})"


def year_cells(mb: MeasureBenchmark, yb: YearBenchmark, bench: Benchmarks) -> list[str]:
    """One year's line: figures, the neighbours' average with how many had a figure, rank."""
    council = mb.show_reading(yb.council)
    if yb.numerator.is_number and yb.denominator.is_number:
        assert yb.numerator.number is not None and yb.denominator.number is not None
        council += f" ({yb.numerator.number:,.0f} of {yb.denominator.number:,.0f})"
    neighbours = ""
    if yb.neighbours is not None:
        neighbours = (
            f"{mb.show(yb.neighbours)} ({yb.neighbours_contributed} of {yb.neighbours_total})"
        )
    elif yb.neighbours_total:
        neighbours = f"none of {yb.neighbours_total} published"
    rank = ""
    quartile = ""
    if yb.rank is not None:
        rank = f"{yb.rank.position} of {yb.rank.ranked}"
        if yb.rank.suppressed:
            rank += f" ({yb.rank.suppressed} c)"
        quartile = yb.rank.quartile_label
    return [
        yb.year.label,
        council,
        mb.show(yb.england),
        mb.show(yb.region),
        neighbours,
        rank,
        quartile,
        yb.vs_england.label,
        yb.vs_neighbours.label if yb.neighbours_total else "",
    ]


def notes(bench: Benchmarks) -> list[str]:
    """Footnotes: who the neighbours are, how ranks count, the significance method, symbols."""
    lines = []
    area = bench.area
    if area is not None:
        lines.append(
            f"Council: {area.name} ({area.code}"
            + (f", old LA code {area.old_code}" if area.old_code else "")
            + ")"
            + (f"; region: {bench.region}." if bench.region else ".")
        )
    if bench.neighbours:
        names = ", ".join(
            n.name + (f" ({n.closeness.lower()})" if n.closeness else "") for n in bench.neighbours
        )
        lines.append(
            f"Neighbours: the {bench.average_word} of the statistical neighbours with a published "
            f"figure (how many of {len(bench.neighbours)} in brackets): {names}."
        )
    left_out = any(
        yb.rank and (yb.rank.suppressed or yb.rank.unpublished)
        for mb in bench.measures
        for yb in mb.years
    )
    lines.append(
        "Rank: among all councils with a published figure, 1 the best; councils with the same "
        "figure share a rank"
        + (
            "; councils whose figure is suppressed or not published are left out, and "
            "counted: '(2 c)' is two councils suppressed."
            if left_out
            else "."
        )
    )
    lines.append(bench.method_note)
    lines.append(
        "Symbols: c suppressed, x not available, z not applicable, k below 0.5, "
        "as published by DfE."
    )
    return lines
