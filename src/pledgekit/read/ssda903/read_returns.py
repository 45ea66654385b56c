"""The entry point: SSDA903 files and folders -> :class:`Records903` and the findings met.

Each file is read once (CSV by pandas, the XML return as a stream), typed column by column,
grouped into returns and given a collection year (:mod:`.return_years`). Nothing is written,
copied or cached anywhere: the frames live in memory for one run. A file that cannot be read
becomes an ``unreadable-file`` finding and the others are still read.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pledgekit.model.codes import (
    SSDA903_DUPLICATE_TABLE,
    SSDA903_YEAR_MISMATCH,
    SSDA903_YEAR_UNKNOWN,
    UNREADABLE_FILE,
)
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.ssda903_tables import Records903, YearTables
from pledgekit.read.ssda903.csv_returns import RawTable, read_csv_table
from pledgekit.read.ssda903.return_years import (
    dates_year,
    name_year,
    return_key,
    year_label,
)
from pledgekit.read.ssda903.table_shapes import match_table
from pledgekit.read.ssda903.typed_columns import code_children, typed_table
from pledgekit.read.ssda903.xml_returns import read_xml_tables

_SUFFIXES = (".csv", ".xml")


@dataclass
class Read903:
    """What reading gave: the records by year, the findings, the files read and those that
    could not be read at all."""

    records: Records903
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


@dataclass
class _File:
    path: Path
    shown: str
    tables: dict[str, pd.DataFrame]
    key: tuple[str, ...]


def find_903_files(paths: Sequence[Path]) -> tuple[list[Path], list[Finding]]:
    """Every file to read: the files given, and the CSV and XML files under folders given
    (sorted, sub-folders included). A path that does not exist is a finding."""
    found: list[Path] = []
    problems: list[Finding] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in _SUFFIXES and p.is_file()
            )
        elif path.exists():
            found.append(path)
        else:
            problems.append(
                finding(
                    UNREADABLE_FILE, "no such file or folder", Location(str(path)), found=path.name
                )
            )
    return list(dict.fromkeys(found)), problems


def read_903(
    paths: Sequence[Path | str],
    *,
    file_years: Mapping[Path, int] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Read903:
    """Read the 903 files and folders in ``paths``.

    ``file_years`` gives the collection year (ending year) of files or folders whose year the
    names and dates do not tell; ``progress`` is called with each file's name before it is read.
    """
    files, findings = find_903_files([Path(p) for p in paths])
    read: list[_File] = []
    result = Read903(Records903({}), findings)
    for path in files:
        shown = str(path)
        if progress is not None:
            progress(shown)
        result.files.append(shown)
        raw, problems = _read_file(path, shown)
        findings += problems
        if any(f.code == UNREADABLE_FILE for f in problems):
            result.unreadable.append(shown)
            continue
        tables = {}
        for table in raw:
            frame, typed_findings = typed_table(table.frame, table.table, shown, table.rows)
            tables[table.table] = frame
            findings += typed_findings
        if tables:
            key = (shown,) if path.suffix.lower() == ".xml" else return_key(path)
            read.append(_File(path, shown, tables, key))
    result.records = _by_year(read, file_years or {}, findings)
    return result


def _read_file(path: Path, shown: str) -> tuple[list[RawTable], list[Finding]]:
    if path.suffix.lower() == ".xml":
        return read_xml_tables(path, shown)
    table, problems = read_csv_table(path, shown)
    return ([table] if table is not None else []), problems


def _by_year(
    read: list[_File], file_years: Mapping[Path, int], findings: list[Finding]
) -> Records903:
    """The returns' tables by collection year; duplicates and unknown years reported."""
    chosen = {path.resolve(): year for path, year in file_years.items()}
    returns: dict[tuple[str, ...], list[_File]] = {}
    for item in read:
        returns.setdefault(item.key, []).append(item)
    years: dict[int, dict[str, pd.DataFrame]] = {}
    first: dict[tuple[int, str], str] = {}
    for members in returns.values():
        year = _return_year(members, chosen, findings)
        if year is None:
            continue
        tables = years.setdefault(year, {})
        for item in members:
            for table, frame in item.tables.items():
                if table in tables:
                    findings.append(
                        finding(
                            SSDA903_DUPLICATE_TABLE,
                            f"a second {table} table for {year_label(year)} (the first is "
                            f"{first[(year, table)]}); this one is not used",
                            Location(item.shown),
                        )
                    )
                    continue
                tables[table] = frame
                first[(year, table)] = item.shown
    # CHILD coded once over every table kept (a duplicate table is not read further).
    kept = [(year, table) for year in sorted(years) for table in years[year]]
    coded = code_children([years[year][table] for year, table in kept])
    for (year, table), frame in zip(kept, coded, strict=True):
        years[year][table] = frame
    return Records903({y: YearTables(y, years[y]) for y in sorted(years)})


def _return_year(
    members: list[_File], chosen: Mapping[Path, int], findings: list[Finding]
) -> int | None:
    """One return's collection year (see :mod:`.return_years`), reporting what disagrees."""
    given = next(
        (
            chosen[p]
            for item in members
            for p in (item.path.resolve(), *item.path.resolve().parents)
            if p in chosen
        ),
        None,
    )
    named = (
        given
        if given is not None
        else next((y for item in members if (y := name_year(item.path)) is not None), None)
    )
    episodes = next((i for i in members if "Episodes" in i.tables), None)
    dated = dates_year(episodes.tables["Episodes"]) if episodes is not None else None
    if named is not None:
        if dated is not None and dated > named and episodes is not None:
            findings.append(
                finding(
                    SSDA903_YEAR_MISMATCH,
                    f"taken as {year_label(named)} (from "
                    f"{'--file-year' if given is not None else 'its name'}), but its episodes "
                    f"run past 31 March {named}",
                    Location(episodes.shown, field="DECOM/DEC"),
                )
            )
        return named
    if dated is not None:
        return dated
    for item in members:
        findings.append(
            finding(
                SSDA903_YEAR_UNKNOWN,
                "the collection year is not known (no Episodes table beside it with dates, no "
                f"year such as 2024-25 in its name); give --file-year {item.shown}=2024-25",
                Location(item.shown),
            )
        )
    return None


def is_903_input(path: Path) -> bool:
    """True for what the 903 reader takes rather than the workbook reader: an XML file, a CSV
    whose header has the 903 CHILD column (an indicator sheet never has one), or a folder
    holding such files."""
    if path.is_dir():
        return any(is_903_input(p) for p in find_903_files([path])[0])
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return True
    if suffix != ".csv" or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            first = next(csv.reader([handle.readline()]), [])
    except OSError:
        return False
    return "CHILD" in match_table(first).columns
