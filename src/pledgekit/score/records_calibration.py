"""Figures computed from SSDA903 files against DfE's published figure for the same year.

DfE publishes each council's own figure for every headline measure (the ``la_*`` files that
pledge.yaml's ``published:`` entries name). For a past year the two agree unless the council
amended its records after DfE's snapshot, so the comparison is both a check of the counting
rules and news to the analyst. DfE rounds: a published whole number is compared with the
computed figure rounded to a whole number, a published figure with one decimal with the
computed one rounded to one decimal.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pledgekit.config.pledge import Definition
from pledgekit.model.codes import SSDA903_DIFFERS_FROM_PUBLISHED
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.records_sheet import SheetFigure
from pledgekit.model.values import format_number
from pledgekit.read.published import PublishedData, load_published

AMENDED = "records amended since DfE's snapshot"


def calibrated(
    figures: list[SheetFigure], definition: Definition, pledge_path: Path
) -> tuple[list[SheetFigure], list[Finding]]:
    """``figures`` with DfE's published figure and a note where pledge.yaml names one, and the
    findings: each difference, and any problem with the ``published:`` entries."""
    if not any(m.published for _, m in definition.measures()):
        return figures, []
    data, problems = load_published(definition, pledge_path)
    out: list[SheetFigure] = []
    findings = list(problems)
    for figure in figures:
        published = _published(data, figure)
        if published is None:
            out.append(figure)
            continue
        note, differs = _compare(figure, published)
        out.append(replace(figure, published=published, note=note))
        if differs:
            findings.append(
                finding(
                    SSDA903_DIFFERS_FROM_PUBLISHED,
                    f"{figure.measure} {figure.period}: {note}",
                    Location(str(pledge_path), field=f"{figure.measure}.published"),
                    measure=figure.measure,
                )
            )
    return out, findings


def _published(data: PublishedData, figure: SheetFigure) -> float | None:
    """The council's own published figure for the figure's measure and year, or None."""
    series = data.series.get(figure.measure)
    home = data.home
    if series is None or home is None:
        return None
    for year, found in series.years.items():
        if year.end != figure.year:
            continue
        for item in found:
            same = item.area.code == home.code or (
                home.old_code and item.area.old_code == home.old_code
            )
            if same and item.value.is_number:
                return item.value.number
    return None


def _compare(figure: SheetFigure, published: float) -> tuple[str, bool]:
    """The note comparing computed with published, and whether they differ."""
    said = f"published {format_number(published)}"
    if not figure.value.is_number or figure.value.number is None:
        return f"computed c, {said}", False
    decimals = 0 if float(published).is_integer() else 1
    computed = round(figure.value.number, decimals)
    if computed == round(published, decimals):
        return f"computed {format_number(computed, decimals)}, {said}: the same", False
    return f"computed {format_number(computed, decimals)}, {said}: {AMENDED}", True
