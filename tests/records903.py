"""A tiny builder of 903 records for the measure tests: rows as the files write them.

``records({2025: {"Episodes": [episode("A", "01/04/2020"), ...], "Header": [...]}})`` gives a
:class:`Records903` typed exactly as the 903 reader promises (dates parsed from dd/mm/yyyy,
numbers as float, codes upper-case categoricals, CHILD coded across every table, ``_file`` and
``_row``), so a test states a scenario the way an analyst would read it in the CSV.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from pledgekit.read.ssda903.typed_columns import code_children
from pledgekit.records.frames import DATE_COLUMNS, NUMBER_COLUMNS, TABLES, Records903, YearTables

Row = Mapping[str, object]


def frame(name: str, rows: Sequence[Row], file: str | None = None) -> pd.DataFrame:
    """The table ``name`` with ``rows`` (missing columns blank), typed as the reader types it."""
    columns = TABLES[name]
    data = pd.DataFrame([{c: row.get(c, "") for c in columns} for row in rows], columns=columns)
    for column in columns:
        values = data[column].astype(str).str.strip()
        if column in DATE_COLUMNS:
            dates = pd.to_datetime(values, format="%d/%m/%Y", errors="coerce")
            data[column] = dates.astype("datetime64[ns]")
        elif column in NUMBER_COLUMNS:
            data[column] = pd.to_numeric(values, errors="coerce").astype("float64")
        else:
            data[column] = values if column == "CHILD" else values.str.upper().astype("category")
    data["_file"] = file or f"{name.lower()}.csv"
    data["_row"] = range(2, len(data) + 2)
    return data


def records(years: Mapping[int, Mapping[str, Sequence[Row]]]) -> Records903:
    """Records903 of the given years' tables (rows per table name), CHILD coded across them
    all as the reader codes it."""
    named = [(year, name) for year, tables in years.items() for name in tables]
    coded = code_children(
        [frame(name, years[year][name], f"{year}_{name}.csv") for year, name in named]
    )
    frames: dict[int, dict[str, pd.DataFrame]] = {year: {} for year in years}
    for (year, name), table in zip(named, coded, strict=True):
        frames[year][name] = table
    return Records903({year: YearTables(year, frames[year]) for year in years})


def episode(
    child: str,
    decom: str,
    rne: str = "S",
    dec: str = "",
    rec: str = "",
    *,
    ls: str = "C2",
    place: str = "U4",
) -> dict[str, str]:
    """One Episodes row: start, reason for new episode, end and reason ended, legal status, place."""
    return {
        "CHILD": child,
        "DECOM": decom,
        "RNE": rne,
        "LS": ls,
        "PLACE": place,
        "DEC": dec,
        "REC": rec,
    }


def header(child: str, dob: str) -> dict[str, str]:
    """One Header row: the child and their date of birth."""
    return {"CHILD": child, "DOB": dob, "SEX": "1"}


def by_year(episodes: Sequence[Mapping[str, str]], years: Sequence[int]) -> dict[int, list[Row]]:
    """Each year's Episodes file as a council would send it, from the child's whole history.

    A year's file holds every episode open at any time in the year, with its real DECOM; an
    episode that ends after the year's 31 March is still open in that file (DEC and REC blank).
    """
    files: dict[int, list[Row]] = {}
    for year in years:
        start, end = pd.Timestamp(year - 1, 4, 1), pd.Timestamp(year, 3, 31)
        rows: list[Row] = []
        for row in episodes:
            decom = pd.to_datetime(row["DECOM"], format="%d/%m/%Y")
            dec = pd.to_datetime(row["DEC"], format="%d/%m/%Y") if row["DEC"] else None
            if decom > end or (dec is not None and dec < start):
                continue
            rows.append({**row, "DEC": "", "REC": ""} if dec is None or dec > end else row)
        files[year] = rows
    return files
