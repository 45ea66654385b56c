"""The benchmark table's cells written out as text, shared by every format that shows a table."""

from __future__ import annotations

from pledgekit.score.benchmarks import Benchmarks, MeasureBenchmark, YearBenchmark
from pledgekit.score.comparator_text import ROUNDING_NOTE

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


def year_cells(mb: MeasureBenchmark, yb: YearBenchmark) -> list[str]:
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
        if yb.few_neighbours:
            neighbours += " caution: few"
    elif yb.neighbours_total:
        neighbours = f"none of {yb.neighbours_total} published"
    rank = ""
    quartile = ""
    if yb.rank is not None:
        rank = f"{yb.rank.position} of {yb.rank.ranked}"
        if yb.rank.excluded:
            rank += f" ({yb.rank.excluded_text})"
        quartile = yb.rank.quartile_label
    return [
        yb.year.label,
        council,
        mb.show(yb.england),
        mb.show(yb.region),
        neighbours,
        rank,
        quartile,
        _verdict(yb, yb.vs_england.label),
        _verdict(yb, yb.vs_neighbours.label) if yb.neighbours_total else "",
    ]


def _verdict(yb: YearBenchmark, label: str) -> str:
    """The judgement, or why there is none ("Not tested: the figure is withheld (x)")."""
    return yb.not_tested[0].upper() + yb.not_tested[1:] if yb.not_tested else label


def notes(bench: Benchmarks) -> list[str]:
    """Footnotes: who the neighbours are, how ranks count, the significance method, symbols."""
    lines = []
    area = bench.area
    if area is not None:
        lines.append(
            f"Council: {area.name} ({area.code}"
            + (f", old LA code {area.old_code}" if area.old_code else "")
            + ")"
            + (f"; region: {bench.region}." if bench.region and not bench.region_choice else ".")
        )
    if bench.neighbours:
        names = ", ".join(
            n.name + (f" ({n.closeness.lower()})" if n.closeness else "") for n in bench.neighbours
        )
        lines.append(
            f"Neighbours: the {bench.average_word} of the statistical neighbours with a published "
            f"figure (how many of {len(bench.neighbours)} in brackets): {names}."
        )
    if bench.region_choice:
        lines.append(bench.region_choice)
    left_out = any(yb.rank and yb.rank.excluded for mb in bench.measures for yb in mb.years)
    lines.append(
        "Rank: among all councils with a published figure, 1 the best; councils with the same "
        "figure share a rank; k and low (published as below 0.5, not zero) count as 0.25, the "
        "middle of 0 to 0.5, in ranks and in the neighbours' average"
        + (
            "; councils whose figure is withheld are left out and counted by symbol: "
            "'(2 c, 1 x)' is two councils suppressed and one not available."
            if left_out
            else "."
        )
    )
    if any(yb.few_neighbours for mb in bench.measures for yb in mb.years):
        lines.append(
            "Caution: 'caution: few' marks a neighbours' average resting on fewer than 5 "
            "figures; suppression is not random, so it may not stand for the neighbours."
        )
    lines.append(bench.method_note)
    lines.append(
        "England and region: "
        + (
            "worked out from the published counts where the file has them (national and "
            "regional counts are rounded to the nearest 10)."
            if bench.national_from.value == "counts"
            else "DfE's published percentages (set benchmarks: national_from: counts in "
            "pledge.yaml to work them out from the published counts)."
        )
        + " "
        + ROUNDING_NOTE
    )
    lines.append(
        "Symbols as DfE publishes them: c suppressed, x not available, z not applicable, "
        "k and low below 0.5 but not zero, u low reliability (withheld)."
    )
    for found in bench.warnings:
        lines.append(f"Data warning: {found.location}: {found.message}")
    return lines
