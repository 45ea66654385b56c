"""The ``published:`` entries of pledge.yaml read from DfE's data files, checked as they are read.

For each measure with a ``published:`` entry: open its file (relative to pledge.yaml), check that
every column and filter value it names is there (a located finding with "did you mean" when not),
and take each area's value, numerator and denominator for every published year. Also find the
council (``area:``) and its statistical neighbours (DfE's model table, or a list of codes).
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pledgekit.config.pledge import Definition, Measure, NeighbourAverage, Published
from pledgekit.model.codes import (
    PUBLISHED_AMBIGUOUS,
    PUBLISHED_AREA_MISSING,
    PUBLISHED_COLUMN_MISSING,
    PUBLISHED_FILE_UNREADABLE,
    PUBLISHED_NO_MATCH,
)
from pledgekit.model.errors import InputError
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.values import MISSING, Reading
from pledgekit.read.ees import (
    GEOGRAPHY_COLUMNS,
    LOCAL,
    NATIONAL,
    REGIONAL,
    TIME_COLUMNS,
    EesFile,
    Year,
    ees_value,
    parse_year,
    read_ees,
)
from pledgekit.read.neighbours import read_neighbours

Key = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Area:
    """An area as the published files name it."""

    level: str
    code: str
    name: str
    old_code: str = ""
    region_code: str = ""
    region_name: str = ""

    def named(self, text: str) -> bool:
        """True when ``text`` is this area's new code, old code or name (any case)."""
        wanted = " ".join(text.split()).casefold()
        return wanted in {self.code.casefold(), self.old_code.casefold(), self.name.casefold()}


@dataclass(frozen=True, slots=True)
class Figure:
    """One area's published figure in one year."""

    area: Area
    value: Reading
    numerator: Reading = MISSING
    denominator: Reading = MISSING


@dataclass(frozen=True)
class PublishedSeries:
    """A measure's published figures: every area, every year, oldest first."""

    measure: str
    file: str
    source: Published
    years: dict[Year, list[Figure]]


@dataclass(frozen=True, slots=True)
class NeighbourRef:
    """A statistical neighbour: the area (when the files have it) and its closeness word."""

    code: str
    name: str
    closeness: str | None = None
    old_code: str = ""


@dataclass
class PublishedData:
    """Everything benchmarking needs from the published files."""

    home: Area | None = None
    neighbours: list[NeighbourRef] = field(default_factory=list)
    neighbours_source: str | None = None
    average: NeighbourAverage = NeighbourAverage.MEDIAN
    confidence: float = 95
    series: dict[str, PublishedSeries] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when no measure has published figures."""
        return not self.series


def _hint(wanted: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(wanted, choices, n=1, cutoff=0.5)
    if close:
        return f"; did you mean {close[0]!r}?"
    shown = ", ".join(repr(c) for c in choices[:8]) + (" ..." if len(choices) > 8 else "")
    return f"; the file has {shown}" if choices else ""


def _area(ees: EesFile, row: int, level: str) -> Area:
    if level == LOCAL:
        code = ees.cell("new_la_code", row).strip() or ees.cell("old_la_code", row).strip()
        name = ees.cell("la_name", row).strip()
    elif level == REGIONAL:
        code, name = ees.cell("region_code", row).strip(), ees.cell("region_name", row).strip()
    else:
        code, name = ees.cell("country_code", row).strip(), ees.cell("country_name", row).strip()
    return Area(
        level,
        code,
        name or code,
        ees.cell("old_la_code", row).strip() if level == LOCAL else "",
        ees.cell("region_code", row).strip(),
        ees.cell("region_name", row).strip(),
    )


class _Loader:
    """One pass over the definition's published entries, collecting data and findings."""

    def __init__(self, definition: Definition, pledge_path: Path) -> None:
        self.definition = definition
        self.name = str(pledge_path)
        self.base = pledge_path.parent
        self.files: dict[Path, EesFile | None] = {}
        self.errors: dict[Path, str] = {}
        self.findings: list[Finding] = []
        self.areas: dict[str, Area] = {}

    def where(self, key: Key) -> Location:
        line, col = self.definition.position(key)
        return Location(self.name, line=line, col=col)

    def add(
        self,
        code: str,
        message: str,
        key: Key,
        measure: str | None = None,
        *,
        found: str | None = None,
        expected: str | None = None,
    ) -> None:
        self.findings.append(
            finding(code, message, self.where(key), measure=measure, found=found, expected=expected)
        )

    def open(self, file: str, key: Key, measure: str) -> EesFile | None:
        path = self.base / file
        if path not in self.files:
            try:
                self.files[path] = read_ees(path)
            except InputError as exc:
                self.files[path] = None
                self.errors[path] = str(exc)
        if path in self.errors:
            # Every measure naming the file is told, at its own line.
            self.add(
                PUBLISHED_FILE_UNREADABLE,
                f"measure {measure}: published file: {self.errors[path]}",
                key,
                measure,
            )
        return self.files[path]

    def series(self, key: Key, measure: Measure, source: Published) -> PublishedSeries | None:
        ees = self.open(source.file, (*key, "file"), measure.id)
        if ees is None:
            return None
        short = Path(source.file).name
        columns_ok = True
        named = [(c, (*key, "where", c)) for c in source.where]
        named += [(c, (*key, "denominator_where", c)) for c in source.denominator_where or {}]
        for part in ("value", "numerator", "denominator"):
            column = getattr(source, part)
            if column is not None:
                named.append((column, (*key, part)))
        for column, at in named:
            if not ees.has(column):
                columns_ok = False
                self.add(
                    PUBLISHED_COLUMN_MISSING,
                    f"measure {measure.id}: column {column!r} is not in {short}"
                    + _hint(column, ees.header),
                    at,
                    measure.id,
                    found=column,
                    expected=", ".join(ees.header),
                )
        if not columns_ok:
            return None
        rows = self.pick(ees, source.where, (*key, "where"), measure, short)
        if rows is None:
            return None
        den_rows: list[int] | None = None
        if source.denominator_where is not None:
            den_filter = {**source.where, **source.denominator_where}
            den_rows = self.pick(ees, den_filter, (*key, "denominator_where"), measure, short)
            if den_rows is None:
                return None
        for picked, part in ((rows, "where"), (den_rows, "denominator_where")):
            if picked is not None and not self.unique(ees, picked, (*key, part), measure, short):
                return None
        return self.extract(ees, measure, source, rows, den_rows)

    def unique(self, ees: EesFile, rows: list[int], key: Key, measure: Measure, short: str) -> bool:
        """True when the filters pick one row per area and year; else a finding naming the
        columns that tell the extra rows apart."""
        first: dict[tuple[str, str, str], int] = {}
        clashes: list[tuple[int, int]] = []
        for row in rows:
            level = ees.levels[row]
            if level not in (NATIONAL, REGIONAL, LOCAL):
                continue
            area = _area(ees, row, level)
            found = (ees.cell("time_period", row).strip(), level, area.code)
            if found in first:
                clashes.append((first[found], row))
            else:
                first[found] = row
        if not clashes:
            return True
        fixed = set(TIME_COLUMNS) | set(GEOGRAPHY_COLUMNS)
        varying = [
            c
            for c in ees.header
            if c not in fixed and any(ees.cell(c, a) != ees.cell(c, b) for a, b in clashes[:50])
        ]
        a = clashes[0][0]
        area = _area(ees, a, ees.levels[a])
        options = [
            f"{c} ({', '.join(repr(v) for v in ees.distinct(c)[:6])})"
            for c in varying
            if len(ees.distinct(c)) < 50  # a filter, not an indicator column
        ]
        self.add(
            PUBLISHED_AMBIGUOUS,
            f"measure {measure.id}: the filters pick more than one row of {short} for "
            f"{area.name or area.code} in {ees.cell('time_period', a).strip()} "
            f"({len(clashes)} extra row{'s' if len(clashes) != 1 else ''} in all); "
            + ("add a filter on " + " or ".join(options) if options else "the file repeats rows"),
            key,
            measure.id,
            expected="one row per area and year",
        )
        return False

    def pick(
        self, ees: EesFile, where: dict[str, str], key: Key, measure: Measure, short: str
    ) -> list[int] | None:
        ok = True
        for column, value in where.items():
            values = [v.strip() for v in ees.distinct(column)]
            if value.strip() not in values:
                ok = False
                self.add(
                    PUBLISHED_NO_MATCH,
                    f"measure {measure.id}: no row has {column} {value!r} in {short}"
                    + _hint(value, values),
                    (*key, column),
                    measure.id,
                    found=value,
                    expected=", ".join(values[:20]),
                )
        if not ok:
            return None
        rows = ees.matching(where)
        if not rows:
            shown = ", ".join(f"{c} {v!r}" for c, v in where.items())
            self.add(
                PUBLISHED_NO_MATCH,
                f"measure {measure.id}: no row of {short} has all of {shown} together",
                key,
                measure.id,
            )
            return None
        return rows

    def extract(
        self,
        ees: EesFile,
        measure: Measure,
        source: Published,
        rows: list[int],
        den_rows: list[int] | None,
    ) -> PublishedSeries:
        den_column = source.denominator or source.numerator
        denominators: dict[tuple[str, str, str], Reading] = {}
        if den_rows is not None and den_column is not None:
            for row in den_rows:
                level = ees.levels[row]
                area = _area(ees, row, level)
                denominators[(ees.cell("time_period", row), level, area.code)] = ees_value(
                    ees.cell(den_column, row)
                )
        years: dict[Year, list[Figure]] = defaultdict(list)
        for row in rows:
            level = ees.levels[row]
            year = parse_year(ees.cell("time_period", row))
            if level not in (NATIONAL, REGIONAL, LOCAL) or year is None:
                continue
            area = _area(ees, row, level)
            if level == LOCAL:
                self.areas.setdefault(area.code.casefold(), area)
            numerator = ees_value(ees.cell(source.numerator, row)) if source.numerator else MISSING
            if den_rows is not None:
                denominator = denominators.get(
                    (ees.cell("time_period", row), level, area.code), MISSING
                )
            elif source.denominator:
                denominator = ees_value(ees.cell(source.denominator, row))
            else:
                denominator = MISSING
            years[year].append(
                Figure(area, ees_value(ees.cell(source.value, row)), numerator, denominator)
            )
        return PublishedSeries(
            measure.id, source.file, source, {y: years[y] for y in sorted(years)}
        )

    def home(self) -> Area | None:
        wanted = self.definition.area
        if wanted is None:
            self.add(
                PUBLISHED_AREA_MISSING,
                "published figures need 'area:' in pledge.yaml: the council's new LA code "
                "(E06...) or old three-digit code",
                (),
            )
            return None
        found = next((a for a in self.areas.values() if a.named(wanted)), None)
        if found is None:
            choices = sorted(
                {a.code for a in self.areas.values()} | {a.name for a in self.areas.values()}
            )
            self.add(
                PUBLISHED_AREA_MISSING,
                f"area {wanted!r} has no 'Local authority' rows in the published files"
                + _hint(wanted, choices),
                ("area",),
                found=wanted,
            )
        return found

    def neighbours(self, home: Area | None) -> tuple[list[NeighbourRef], str | None]:
        given = self.definition.benchmarks.neighbours
        if given is None:
            return [], None
        if isinstance(given, str):
            key: Key = ("benchmarks", "neighbours")
            try:
                table = read_neighbours(self.base / given)
            except InputError as exc:
                self.add(PUBLISHED_FILE_UNREADABLE, f"neighbour table: {exc}", key)
                return [], given
            if home is None:
                return [], given
            listed = table.of(home.old_code) if home.old_code else None
            if listed is None:
                self.add(
                    PUBLISHED_AREA_MISSING,
                    f"the council ({home.name}, old LA code {home.old_code or 'unknown'}) has "
                    f"no row in the neighbour table {Path(given).name}",
                    key,
                    found=home.old_code,
                )
                return [], given
            refs = []
            for neighbour in listed:
                area = next((a for a in self.areas.values() if a.old_code == neighbour.code), None)
                refs.append(
                    NeighbourRef(
                        area.code if area else neighbour.code,
                        area.name if area else table.names.get(neighbour.code, neighbour.code),
                        neighbour.closeness,
                        neighbour.code,
                    )
                )
            return refs, given
        refs = []
        for index, code in enumerate(given):
            area = next((a for a in self.areas.values() if a.named(code)), None)
            if area is None:
                choices = sorted({a.code for a in self.areas.values()})
                self.add(
                    PUBLISHED_AREA_MISSING,
                    f"neighbour {code!r} has no 'Local authority' rows in the published files"
                    + _hint(code, choices),
                    ("benchmarks", "neighbours", index),
                    found=code,
                )
                continue
            refs.append(NeighbourRef(area.code, area.name, None, area.old_code))
        return refs, "pledge.yaml"


def load_published(
    definition: Definition, pledge_path: Path
) -> tuple[PublishedData, list[Finding]]:
    """The published figures of every measure with a ``published:`` entry, and every problem.

    A missing file, a column the file lacks, a filter value no row has, or a council the files do
    not cover is a finding located at its line in pledge.yaml. Measures with problems are left
    out of the data.
    """
    settings = definition.benchmarks
    data = PublishedData(average=settings.neighbour_average, confidence=settings.confidence)
    if not any(m.published for _, m in definition.measures()):
        return data, []
    loader = _Loader(definition, pledge_path)
    for p_index, pledge in enumerate(definition.pledges):
        for m_index, measure in enumerate(pledge.measures):
            if measure.published is None:
                continue
            key: Key = ("pledges", p_index, "measures", m_index, "published")
            found = loader.series(key, measure, measure.published)
            if found is not None:
                data.series[measure.id] = found
    if data.series:
        data.home = loader.home()
        data.neighbours, data.neighbours_source = loader.neighbours(data.home)
    return data, loader.findings
