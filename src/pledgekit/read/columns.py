"""Finding the header row of a table and which column holds which field.

Real workbooks put title rows, blank rows and a reporting-period line above the header, and name
columns in many ways ("Ref", "Measure ID", "Qtr", "Stat neighbours"). Headers are matched after
lower-casing and dropping bracketed text, spaces and punctuation, so "Value (%)" is "value" and
"No." is "no".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from pledgekit.model.periods import Period, PeriodError, parse_period

#: How far down a sheet the header row may be.
HEADER_SEARCH_ROWS = 100

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_header(text: str) -> str:
    """``"Measure ID"`` -> ``"measureid"``: lower case, no brackets, spaces or punctuation."""
    return _NOT_ALNUM.sub("", _BRACKETED.sub("", text.lower()))


@dataclass(frozen=True)
class TableSpec:
    """What a table's columns are called. ``key`` is the field whose column marks the header row.

    ``aliases`` are written as people title columns (the first is shown in messages); ``weak``
    (normalised) aliases of the key give way silently to any other alias of it: in "Ref | Measure |
    Value" the "Measure" column is the title and "Ref" is the id.
    """

    name: str
    key: str
    aliases: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    weak: tuple[str, ...] = ()

    @cached_property
    def lookup(self) -> dict[str, str]:
        """Normalised alias -> field name."""
        return {
            normalise_header(alias): name
            for name, aliases in self.aliases.items()
            for alias in aliases
        }


#: Comparator fields and the keys they take in ``Observation.comparators``.
COMPARATORS = ("england", "statistical_neighbours", "region")

INDICATORS = TableSpec(
    name="indicators",
    key="measure",
    aliases={
        "measure": (
            "measure id",
            "measure ref",
            "ref",
            "reference",
            "indicator id",
            "id",
            "pi",
            "no",
            "measure",
            "indicator",
        ),
        "period": ("period", "qtr", "quarter", "reporting period", "date"),
        "value": ("value", "actual", "result", "performance", "figure", "outturn"),
        "numerator": ("numerator", "num", "count"),
        "denominator": ("denominator", "denom", "cohort", "base"),
        "commentary": ("commentary", "comment", "comments", "narrative", "notes", "explanation"),
        "target": ("target",),
        "area": ("area", "la", "local authority", "la code", "council", "area code"),
        "england": ("england", "england average", "national", "national average"),
        "statistical_neighbours": (
            "statistical neighbours",
            "statistical neighbour",
            "stat neighbours",
            "sn",
            "statistical neighbours average",
            "sn average",
        ),
        "region": ("region", "regional", "regional average", "region average"),
    },
    required=("measure", "period"),
    weak=("measure", "indicator"),
)

COMMITMENTS = TableSpec(
    name="commitments",
    key="commitment",
    aliases={
        "commitment": ("commitment", "commitments", "action", "we will"),
        "directorate": ("directorate", "service", "department", "team"),
        "pledge": ("pledge", "pledge id", "pledge no", "pledge ref"),
        "status": ("status", "rag", "rag status"),
        "update": ("update", "progress", "progress update", "comments", "commentary"),
        "lead": ("lead", "lead officer", "owner", "responsible officer"),
        "due": ("due", "due date", "deadline", "target date", "by when", "date due"),
    },
    required=("commitment", "directorate"),
)

ACTIONS = TableSpec(
    name="actions",
    key="action",
    aliases={
        "action": ("action", "actions", "what we will do"),
        "ref": ("ref", "action ref", "action id", "id", "no"),
        "pledge": ("pledge", "pledge id", "pledge no", "pledge ref"),
        "promise": ("promise", "outcome"),
        "measures": (
            "measures",
            "measure",
            "linked measures",
            "performance indicator",
            "indicator",
            "indicators",
        ),
        "lead": ("lead", "lead officer", "owner", "responsible officer"),
        "partners": ("partners", "lead partners", "partner"),
        "resources": ("resources", "resource", "funding"),
        "milestone": ("milestone", "milestone date", "due", "due date", "target date", "by when"),
        "status": ("status", "rag", "progress status"),
        "update": ("update", "progress", "progress update", "comments", "commentary"),
    },
    required=("action",),
)

UPDATES = TableSpec(
    name="updates",
    key="pledge",
    aliases={
        "pledge": ("pledge", "pledge id", "pledge no", "pledge ref"),
        "text": ("narrative", "update", "text", "commentary", "progress"),
    },
    required=("pledge", "text"),
)

PROFILE = TableSpec(
    name="profile",
    key="label",
    aliases={
        "label": (
            "label",
            "item",
            "measure",
            "indicator",
            "description",
            "characteristic",
            "category",
        ),
        "value": ("value", "number", "figure", "count", "total"),
        "period": ("period", "qtr", "quarter", "reporting period", "date"),
        "england": ("england", "england average", "national", "national average"),
    },
    required=("label", "value"),
)


@dataclass
class Header:
    """Where a table's header row is and which 0-based column holds each field."""

    row: int
    columns: dict[str, int]
    headers: dict[str, str]
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)

    def columns_of(self, *fields: str) -> list[int]:
        """The columns of those ``fields`` that the table has."""
        return [self.columns[f] for f in fields if f in self.columns]

    def missing(self, spec: TableSpec) -> list[str]:
        """Required fields of ``spec`` with no column."""
        return [name for name in spec.required if name not in self.columns]


def find_header(rows: Sequence[Sequence[object]], spec: TableSpec) -> Header | None:
    """The first row (within :data:`HEADER_SEARCH_ROWS`) naming a ``spec.key`` column, or None.

    Each field takes its first column; a later column naming the same field is listed in
    ``duplicates`` as ``(field, ignored column, used column)``, except a weak key alias that gave
    way to a stronger one.
    """
    lookup = spec.lookup
    for row0, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = [
            (col0, lookup.get(normalise_header(cell)), cell)
            for col0, cell in enumerate(row)
            if isinstance(cell, str) and cell
        ]
        if any(name == spec.key for _, name, _ in fields):
            return _header(row0, fields, spec)
    return None


def _header(row0: int, fields: list[tuple[int, str | None, str]], spec: TableSpec) -> Header:
    header = Header(row=row0, columns={}, headers={})
    key_is_weak = False
    for col0, name, text in fields:
        if name is None:
            continue
        used = header.columns.get(name)
        if name == spec.key:
            weak = normalise_header(text) in spec.weak
            if used is not None and (weak or not key_is_weak):
                if not weak:
                    header.duplicates.append((name, col0, used))
                continue  # a "Measure" title column beside the id column is expected
            key_is_weak = weak  # a real id column replaces a "Measure"/"Indicator" title
        elif used is not None:
            header.duplicates.append((name, col0, used))
            continue
        header.columns[name] = col0
        header.headers[name] = text.strip()
    return header


_Q = r"(?:Q|Qtr\.?\s*|Quarter\s*)[1-4]"
_FY = r"(?:FY\s*)?\d{2,4}\s*[-/–]\s*\d{2,4}"
_PERIOD_IN_TEXT = [
    re.compile(rf"(?<![\w]){_Q}\s*,?\s*{_FY}(?!\d)", re.IGNORECASE),
    re.compile(rf"(?<![\w]){_FY}\s*,?\s*{_Q}(?!\d)", re.IGNORECASE),
    re.compile(rf"(?<![\w\-/]){_FY}(?![\d\-/])", re.IGNORECASE),
]
_PERIOD_LABELS = frozenset({"period", "quarter", "qtr", "reportingperiod", "year"})


@dataclass(frozen=True)
class TitlePeriod:
    """A reporting period written above a table: where, and the text it came from."""

    period: Period
    row: int
    col: int
    text: str


def title_period(rows: Sequence[Sequence[object]]) -> TitlePeriod | None:
    """The reporting period stated in the title rows above a header, or None.

    A labelled cell wins ("Period: 2019-20 Q1", or "Quarter:" with the period in the next cell);
    otherwise the first period written in a title ("Quarter 2 2019/20 performance").
    """
    found: TitlePeriod | None = None
    for row0, row in enumerate(rows):
        for col0, cell in enumerate(row):
            if not isinstance(cell, str) or not cell.strip():
                continue
            label, colon, rest = cell.partition(":")
            if normalise_header(label) in _PERIOD_LABELS:
                if colon and rest.strip():
                    labelled = _parse_text_period(rest, row0, col0, cell)
                else:
                    labelled = _next_cell_period(row, row0, col0)
                if labelled is not None:
                    return labelled
            if found is None:
                found = _parse_text_period(cell, row0, col0, cell)
    return found


def _next_cell_period(row: Sequence[object], row0: int, col0: int) -> TitlePeriod | None:
    for col in range(col0 + 1, len(row)):
        value = row[col]
        if value is None or value == "":
            continue
        try:
            return TitlePeriod(parse_period(value), row0, col, str(value))
        except PeriodError:
            return None
    return None


def _parse_text_period(text: str, row0: int, col0: int, shown: str) -> TitlePeriod | None:
    candidate = text.strip()
    try:
        return TitlePeriod(parse_period(candidate), row0, col0, shown.strip())
    except PeriodError:
        pass
    for pattern in _PERIOD_IN_TEXT:
        for match in pattern.finditer(candidate):
            try:
                return TitlePeriod(parse_period(match.group(0)), row0, col0, shown.strip())
            except PeriodError:
                continue
    return None
