"""The ``published:`` entries of pledge.yaml read from DfE's data files, checked as they are read.

For each measure with a ``published:`` entry: open its file (relative to pledge.yaml), check that
every column and filter value it names is there (a located finding with "did you mean" when not),
and take each area's value, numerator and denominator for every published year. Also find the
council (``area:``) and its statistical neighbours (DfE's model table, or a list of codes).
"""

from __future__ import annotations

import contextlib
import difflib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from pledgekit.config.pledge import Definition, Measure, Published
from pledgekit.model.codes import (
    NEIGHBOUR_REPEATED,
    PUBLISHED_AMBIGUOUS,
    PUBLISHED_AREA_MISSING,
    PUBLISHED_BAD_FIGURE,
    PUBLISHED_BAD_YEAR,
    PUBLISHED_COLUMN_MISSING,
    PUBLISHED_DUPLICATE_COLUMN,
    PUBLISHED_FILE_UNREADABLE,
    PUBLISHED_NO_MATCH,
)
from pledgekit.model.errors import InputError
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.measure_kinds import Unit
from pledgekit.model.published_figures import (
    Area,
    Figure,
    NeighbourRef,
    PublishedData,
    PublishedSeries,
    Year,
    parse_year,
)
from pledgekit.model.values import MISSING, Reading, ValueState
from pledgekit.read.bounded_text import printable_names
from pledgekit.read.ees import (
    GEOGRAPHY_COLUMNS,
    LOCAL,
    NATIONAL,
    REGIONAL,
    TIME_COLUMNS,
    EesFile,
    ees_value,
    read_ees,
)
from pledgekit.read.neighbours import NeighbourTable, read_neighbours

__all__ = [
    "Area",
    "Figure",
    "NeighbourRef",
    "PublishedData",
    "PublishedSeries",
    "load_published",
]

Key = tuple[str | int, ...]
#: Bad figures reported one by one per measure before the rest are only counted.
_SHOWN_BAD = 10


def _hint(wanted: str, choices: list[str]) -> str:
    """ "; did you mean 'x'?" and, for a short list, every choice: what to write instead."""
    close = difflib.get_close_matches(wanted, choices, n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    if choices and len(choices) <= 60:
        hint += f" (the file has {printable_names(choices, limit=60)})"
    return hint


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


def _impossible(figure: Figure, unit: Unit) -> str:
    """Why a published figure cannot be right ('' when it can): negative, a percentage over
    100, or more events than the population they come from."""
    value, num, den = (
        r.number if r.is_number else None
        for r in (figure.value, figure.numerator, figure.denominator)
    )
    if any(v is not None and v < 0 for v in (value, num, den)):
        return "a negative figure"
    if unit is Unit.PERCENT and value is not None and value > 100:
        return f"{value:g}%, over 100%"
    if unit in (Unit.PERCENT, Unit.RATE) and num is not None and den is not None and num > den:
        return f"{num:,.0f} of {den:,.0f}"
    return ""


def _entries(definition: Definition) -> Iterator[tuple[Key, Measure, Published]]:
    for p_index, pledge in enumerate(definition.pledges):
        for m_index, measure in enumerate(pledge.measures):
            if measure.published is not None:
                key: Key = ("pledges", p_index, "measures", m_index, "published")
                yield key, measure, measure.published


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

    def path(self, file: str) -> Path:
        """A file named in pledge.yaml; the same file written two ways is one path."""
        path = self.base / file
        with contextlib.suppress(OSError):
            return path.resolve()
        return path

    def read_all(self) -> None:
        """Read each named file once, keeping the rows any measure's filters pick."""
        wanted: dict[Path, list[dict[str, str]]] = defaultdict(list)
        for _, _, source in _entries(self.definition):
            chosen = wanted[self.path(source.file)]
            chosen.append(dict(source.where))
            if source.denominator_where is not None:
                chosen.append({**source.where, **source.denominator_where})
        for path, selections in wanted.items():
            try:
                ees = read_ees(path, selections)
            except InputError as exc:
                self.files[path] = None
                self.errors[path] = str(exc)
                continue
            self.files[path] = ees
            for name in ees.duplicated:
                self.findings.append(
                    finding(
                        PUBLISHED_DUPLICATE_COLUMN,
                        f"column {printable_names([name])} appears more than once in "
                        f"{path.name}; the first is used",
                        Location(str(path), line=1),
                        found=name,
                    )
                )

    def open(self, file: str, key: Key, measure: str) -> EesFile | None:
        path = self.path(file)
        if path in self.errors:
            # Every measure naming the file is told, at its own line.
            self.add(
                PUBLISHED_FILE_UNREADABLE,
                f"measure {measure}: published file: {self.errors[path]}",
                key,
                measure,
            )
        return self.files.get(path)

    def series(self, key: Key, measure: Measure, source: Published) -> PublishedSeries | None:
        ees = self.open(source.file, (*key, "file"), measure.id)
        if ees is None:
            return None
        short = Path(source.file).name
        named = [(c, (*key, "where", c)) for c in source.where]
        named += [(c, (*key, "denominator_where", c)) for c in source.denominator_where or {}]
        for part in ("value", "numerator", "denominator"):
            column = getattr(source, part)
            if column is not None:
                named.append((column, (*key, part)))
        missing = [(c, at) for c, at in named if not ees.has(c)]
        for column, at in missing:
            self.add(
                PUBLISHED_COLUMN_MISSING,
                f"measure {measure.id}: column {printable_names([column])} is not in {short}"
                + _hint(column, ees.header),
                at,
                measure.id,
                found=column,
                expected=", ".join(ees.header),
            )
        # Every wrong filter value is reported now, not after the columns are put right.
        values_ok = self.values_ok(ees, source.where, (*key, "where"), measure, short)
        if source.denominator_where is not None:
            values_ok &= self.values_ok(
                ees, source.denominator_where, (*key, "denominator_where"), measure, short
            )
        if missing or not values_ok:
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

    def values_ok(
        self, ees: EesFile, where: dict[str, str], key: Key, measure: Measure, short: str
    ) -> bool:
        """False, with a finding for each, when a filter value is in no row of its column."""
        ok = True
        for column, value in where.items():
            if not ees.has(column):
                continue
            values = ees.distinct(column)
            if value.strip() not in values:
                ok = False
                self.add(
                    PUBLISHED_NO_MATCH,
                    f"measure {measure.id}: no row has {column} {value!r} in {short}"
                    + _hint(value.strip(), values),
                    (*key, column),
                    measure.id,
                    found=value,
                    expected=", ".join(values[:20]),
                )
        return ok

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
        bad_years: list[int] = []
        bad: list[tuple[int, str]] = []
        for row in rows:
            level = ees.levels[row]
            if level not in (NATIONAL, REGIONAL, LOCAL):
                continue
            year = parse_year(ees.cell("time_period", row))
            if year is None:
                bad_years.append(row)
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
            figure = Figure(area, ees_value(ees.cell(source.value, row)), numerator, denominator)
            wrong = _impossible(figure, measure.unit)
            if wrong:
                bad.append((row, f"{area.name} {year.label}: {wrong}"))
                figure = Figure(
                    area, Reading(ValueState.INVALID, raw=figure.value.raw), MISSING, MISSING
                )
            years[year].append(figure)
        self.sanity(ees, measure, bad_years, bad)
        return PublishedSeries(measure.id, source.file, {y: years[y] for y in sorted(years)})

    def sanity(
        self, ees: EesFile, measure: Measure, bad_years: list[int], bad: list[tuple[int, str]]
    ) -> None:
        """Findings, located in the data file, for the rows a measure could not use."""
        short = Path(ees.path).name
        if bad_years:
            first = bad_years[0]
            shown = printable_names(
                list(dict.fromkeys(ees.cell("time_period", r).strip() for r in bad_years)),
                limit=3,
            )
            self.findings.append(
                finding(
                    PUBLISHED_BAD_YEAR,
                    f"measure {measure.id}: {len(bad_years)} row(s)"
                    f" of {short} with a time_period that is not a year ({shown}); not read",
                    Location(ees.path, line=ees.lines[first]),
                    measure=measure.id,
                    expected="2025 or 202425",
                )
            )
        for row, why in bad[:_SHOWN_BAD]:
            self.findings.append(
                finding(
                    PUBLISHED_BAD_FIGURE,
                    f"measure {measure.id}: {why}; left out of ranks and averages",
                    Location(ees.path, line=ees.lines[row]),
                    measure=measure.id,
                )
            )
        if len(bad) > _SHOWN_BAD:
            self.findings.append(
                finding(
                    PUBLISHED_BAD_FIGURE,
                    f"measure {measure.id}: {len(bad) - _SHOWN_BAD} more impossible figures in "
                    f"{short}; left out of ranks and averages",
                    Location(ees.path, line=ees.lines[bad[_SHOWN_BAD][0]]),
                    measure=measure.id,
                )
            )

    def home(self, required: bool = True) -> Area | None:
        wanted = self.definition.area
        if wanted is None:
            if required:
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

    def table(self, given: str) -> NeighbourTable | None:
        """DfE's model table named in pledge.yaml, or None with a finding."""
        key: Key = ("benchmarks", "neighbours")
        try:
            return read_neighbours(self.path(given))
        except InputError as exc:
            self.add(PUBLISHED_FILE_UNREADABLE, f"neighbour table: {exc}", key)
            return None

    def refs(self, table: NeighbourTable, old_code: str) -> list[NeighbourRef] | None:
        """The neighbours of the council with this old code, as the files name them."""
        listed = table.of(old_code) if old_code else None
        if listed is None:
            return None
        by_old = self.by_old()
        return [
            NeighbourRef(
                area.code if area else n.code,
                area.name if area else table.names.get(n.code, n.code),
                n.closeness,
                n.code,
            )
            for n in listed
            for area in (by_old.get(n.code),)
        ]

    def by_old(self) -> dict[str, Area]:
        """Every council the files cover, by old LA code."""
        return {a.old_code: a for a in self.areas.values() if a.old_code}

    def neighbours(
        self, home: Area | None, table: NeighbourTable | None
    ) -> tuple[list[NeighbourRef], str | None]:
        given = self.definition.benchmarks.neighbours
        if given is None:
            return [], None
        key: Key = ("benchmarks", "neighbours")
        if isinstance(given, str):
            if home is None or table is None:
                return [], given
            found = self.refs(table, home.old_code)
            if found is None:
                self.add(
                    PUBLISHED_AREA_MISSING,
                    f"the council ({home.name}, old LA code {home.old_code or 'unknown'}) has "
                    f"no row in the neighbour table {Path(given).name}",
                    key,
                    found=home.old_code,
                )
                return [], given
            for code in table.repeated.get(home.old_code, []):
                self.add(
                    NEIGHBOUR_REPEATED,
                    f"the neighbour table {Path(given).name} lists old LA code {code} twice (or "
                    f"as its own neighbour) for {home.name}; counted once",
                    key,
                    found=code,
                )
            return found, given
        refs: list[NeighbourRef] = []
        for index, code in enumerate(given):
            area = next((a for a in self.areas.values() if a.named(code)), None)
            if area is None:
                choices = sorted({a.code for a in self.areas.values()})
                self.add(
                    PUBLISHED_AREA_MISSING,
                    f"neighbour {code!r} has no 'Local authority' rows in the published files"
                    + _hint(code, choices),
                    (*key, index),
                    found=code,
                )
                continue
            if any(r.code == area.code for r in refs) or area == home:
                self.add(
                    NEIGHBOUR_REPEATED,
                    f"neighbour {code!r} ({area.name}) is listed twice, or is the council "
                    "itself; counted once",
                    (*key, index),
                    found=code,
                )
                continue
            refs.append(NeighbourRef(area.code, area.name, None, area.old_code))
        return refs, "pledge.yaml"

    def check_region(self, region: str | None, data: PublishedData) -> None:
        """A finding when ``region:`` names a region no file has a Regional row for."""
        if region is None or region.casefold() in {"file", "london"}:
            return
        names = {
            text
            for series in data.series.values()
            for figures in series.years.values()
            for f in figures
            if f.area.level == REGIONAL
            for text in (f.area.code, f.area.name)
        }
        if region.casefold() not in {n.casefold() for n in names}:
            self.add(
                PUBLISHED_AREA_MISSING,
                f"region {region!r} has no 'Regional' rows in the published files"
                + _hint(region, sorted(names)),
                ("benchmarks", "region"),
                found=region,
            )

    def every_council(self, table: NeighbourTable | None) -> dict[str, list[NeighbourRef]]:
        """Each council's neighbours from the model table (by new code), for ``--areas``."""
        if table is None:
            return {}
        found = {}
        for area in self.areas.values():
            refs = self.refs(table, area.old_code)
            if refs is not None:
                found[area.code] = refs
        return found


def load_published(
    definition: Definition, pledge_path: Path, *, home_required: bool = True
) -> tuple[PublishedData, list[Finding]]:
    """The published figures of every measure with a ``published:`` entry, and every problem.

    A missing file, a column the file lacks, a filter value no row has, or a council the files do
    not cover is a finding located at its line in pledge.yaml; a row the files hold that cannot
    be used (an impossible figure, a year that is not one, a repeated column) is a warning
    located in the data file. Measures with problems are left out of the data. Each file is read
    once however many measures name it. ``home_required`` False (``benchmark --areas``) lets
    ``area:`` be absent; the neighbours of every council in DfE's model table are then kept too.
    """
    settings = definition.benchmarks
    data = PublishedData(
        average=settings.neighbour_average,
        confidence=settings.confidence,
        national_from=settings.national_from,
        region=settings.region,
    )
    if not any(m.published for _, m in definition.measures()):
        return data, []
    loader = _Loader(definition, pledge_path)
    loader.read_all()
    for key, measure, source in _entries(definition):
        found = loader.series(key, measure, source)
        if found is not None:
            data.series[measure.id] = found
    if data.series:
        given = settings.neighbours
        table = loader.table(given) if isinstance(given, str) else None
        data.home = loader.home(home_required)
        data.neighbours, data.neighbours_source = loader.neighbours(data.home, table)
        data.areas = {a.code: a for a in loader.areas.values()}
        loader.check_region(settings.region, data)
        if not home_required:
            data.neighbours_of = loader.every_council(table)
    return data, loader.findings
