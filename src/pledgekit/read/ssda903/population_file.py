"""``--population FILE``: the council's population aged under 18, by collection year.

A CSV with a ``population`` column (the ONS mid-year estimate of children aged 0 to 17) and,
for several years, a ``year`` column (2024-25, 202425 or 2025; a mid-year estimate for June 2024
serves 2024-25). Headers are matched with case and spacing forgiven; ``children``,
``population_0_17`` and ``under_18`` are taken for ``population``, ``period`` and
``time_period`` for ``year``. Without a year column the one figure serves every year.
"""

from __future__ import annotations

import csv
from pathlib import Path

from pledgekit.model.errors import InputError
from pledgekit.read.ssda903.return_years import parse_year
from pledgekit.read.ssda903.table_shapes import header_key

_POPULATION = {"POPULATION", "CHILDREN", "POPULATION017", "UNDER18", "POPULATIONUNDER18"}
_YEAR = {"YEAR", "PERIOD", "TIMEPERIOD"}


def read_population(path: Path) -> dict[int | None, int]:
    """Population by ending year (the key None when the file gives one figure for all years).

    Raises :class:`InputError` naming the file and line of anything it cannot read.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read the population file ({type(exc).__name__})") from exc
    if not rows:
        raise InputError(f"{path}: the population file is empty")
    keys = [header_key(h) for h in rows[0]]
    number = next((i for i, k in enumerate(keys) if k in _POPULATION), None)
    year = next((i for i, k in enumerate(keys) if k in _YEAR), None)
    if number is None:
        raise InputError(f"{path}, line 1: no 'population' column (the children aged under 18)")
    found: dict[int | None, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            people = int(row[number].replace(",", "").strip())
            if people <= 0:
                raise ValueError("not positive")
            key = parse_year(row[year]) if year is not None else None
        except (ValueError, IndexError) as exc:
            what = "year" if year is not None and "collection year" in str(exc) else "population"
            raise InputError(f"{path}, line {line}: the {what} is not readable") from exc
        found[key] = people
    if not found:
        raise InputError(f"{path}: the population file has no figures")
    return found
