"""What every findings renderer shares: short place names, natural order, grouping."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from itertools import groupby

from pledgekit.checks.result import ValidationReport
from pledgekit.model.findings import Finding
from pledgekit.model.location import Location

_DIGITS = re.compile(r"(\d+)")
_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


@functools.lru_cache(maxsize=65536)  # the same few hundred ids, over and over
def natural_key(text: str | None) -> tuple[object, ...]:
    """Sort '2.10' after '2.9', as people read measure ids."""
    parts = _DIGITS.split(text or "")
    # isdecimal, not isdigit: a superscript ¹ is a digit that int() cannot read.
    return tuple(int(p) if p.isdecimal() else p for p in parts)


def sheet_ref(sheet: str) -> str:
    """A sheet name as Excel writes it in a reference: quoted when it has spaces or symbols."""
    if _PLAIN_SHEET.match(sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def place(location: Location) -> str:
    """The spot inside the file: ``Indicators!C7``, ``Indicators row 7``, ``line 12:5`` or ''."""
    if location.sheet is not None:
        cell = location.a1
        if cell:
            return f"{sheet_ref(location.sheet)}!{cell}"
        if location.row is not None:
            return f"{sheet_ref(location.sheet)} row {location.row}"
        return sheet_ref(location.sheet)
    if location.line is not None:
        return f"line {location.line}" + (f":{location.col}" if location.col else "")
    if location.row is not None:
        return f"row {location.row}"
    return ""


def cell_or_line(location: Location) -> str:
    """Just the cell (``C7``), row (``row 7``) or YAML line (``line 12``), without the sheet."""
    if location.a1:
        return location.a1
    if location.row is not None:
        return f"row {location.row}"
    if location.line is not None:
        return f"line {location.line}"
    return ""


def detail(found: Finding) -> str:
    """``(found: 120; expected: a percentage from 0 to 100)``, or '' when neither is known."""
    parts = []
    if found.found is not None:
        parts.append(f"found: {found.found}")
    if found.expected is not None:
        parts.append(f"expected: {found.expected}")
    return f"({'; '.join(parts)})" if parts else ""


def by_file(report: ValidationReport) -> Iterator[tuple[str, list[Finding]]]:
    """Findings per file, in the report's order; files with none are included, empty."""
    names = ([report.pledge] if report.pledge else []) + list(report.files)
    grouped: dict[str, list[Finding]] = {name: [] for name in names}
    for item in report.findings:
        grouped.setdefault(item.location.file, []).append(item)
    yield from grouped.items()


def by_sheet(findings: Iterable[Finding]) -> Iterator[tuple[str | None, list[Finding]]]:
    """Findings of one file per sheet (None: the file itself, or YAML), first-seen order."""
    grouped: dict[str | None, list[Finding]] = {}
    for item in findings:
        grouped.setdefault(item.location.sheet, []).append(item)
    yield from grouped.items()


def by_code(findings: Iterable[Finding]) -> Iterator[tuple[str, list[Finding]]]:
    """Findings per code (alphabetical), each group in measure then row order."""
    ordered = sorted(findings, key=lambda f: f.code)
    for code, group in groupby(ordered, key=lambda f: f.code):
        items = sorted(
            group,
            key=lambda f: (
                natural_key(f.measure),
                f.location.row or f.location.line or 0,
                f.location.column or "",
            ),
        )
        yield code, items


def render_json(report: ValidationReport) -> str:
    """The report's documented JSON (``pledgekit.validation/1``), as the Python API returns it."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
