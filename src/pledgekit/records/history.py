"""Which file says what: one year's tables, and episodes joined across several years' files.

A collection year's file holds every episode open at any time in that year, with its real DECOM
(often years before). Councils amend history, so the same episode may differ between files, or
be missing from the next one. The rule here, for the figures of year Y:

- Y's file is authoritative for everything it covers. For a child, it covers from the earliest
  DECOM of the child's episodes in it, and in any case from 1 April of year Y (the file holds
  every episode open in the year, so a child absent from it was not looked after in Y).
- An earlier file (Y-1, then Y-2, ...) only adds history before what the later files cover: its
  episodes that start before the child's covered-from date, with an end (DEC) after that date
  (or blank) cut to that date. Each earlier file then extends the cover back to its own 1 April
  and its own earliest DECOM for the child.

:func:`combined_episodes` applies this rule; a measure that needs history calls it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from pledgekit.model.ssda903_tables import FILE_COLUMN
from pledgekit.records.collection_year import year_label, year_start
from pledgekit.records.frames import Records903
from pledgekit.records.memo import memoised

SHORT_BREAKS = ("V3", "V4")


class MeasureUnavailable(Exception):
    """A measure cannot be computed for a year: the reason says what is missing (no value)."""


# The tables the measures read, and the columns they read of each. CHILD ids are coded as
# integers, the same code for the same child in every table and year, and the code columns as
# categories shared by every year, so joins, sorts, counts and code tests run on numbers (a run's
# figures never show an id or a code, so nothing is lost).
MEASURED_COLUMNS: dict[str, tuple[str, ...]] = {
    "Episodes": ("CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC", "_file", "_row"),
    "Header": ("CHILD", "DOB"),
    "OC2": (
        "CHILD",
        "DOB",
        "SDQ_SCORE",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "_file",
        "_row",
    ),
    "OC3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "Missing": ("CHILD", "MISSING", "MIS_START", "MIS_END"),
}
CATEGORY_COLUMNS = ("RNE", "LS", "PLACE", "REC")


def _shared_codes(columns: list[pd.Series]) -> pd.Categorical:
    """The columns, end to end, as one categorical over the union of their values.

    The reader gives text columns as categoricals (:mod:`pledgekit.model.ssda903_tables`), so
    the rows' text is not hashed again: CHILD shares one set of categories in every table, so
    its codes are simply joined; other columns' few categories are matched up and the codes
    renumbered. (Text given otherwise is made categorical here.)
    """
    coded = [pd.Categorical(column) for column in columns]
    first = coded[0].categories
    if all(column.categories.equals(first) for column in coded):
        codes = np.concatenate([column.codes for column in coded])
        return pd.Categorical.from_codes(codes, categories=first, validate=False)
    return union_categoricals(coded)


@memoised
def coded_tables(records: Records903) -> dict[tuple[int, str], pd.DataFrame]:
    """Every measured table of every year, by (year, name), with CHILD as an integer code."""
    frames = {
        (year, name): given.tables[name].loc[:, list(columns)]
        for year, given in records.years.items()
        for name, columns in MEASURED_COLUMNS.items()
        if name in given.tables
    }
    if not frames:
        return {}
    codes = _shared_codes([f["CHILD"] for f in frames.values()]).codes.astype(np.intp)
    coded: dict[tuple[int, str], pd.DataFrame] = {}
    at = 0
    for key, frame in frames.items():
        coded[key] = frame.assign(CHILD=codes[at : at + len(frame)])
        at += len(frame)
    episodes = [key for key in coded if key[1] == "Episodes"]
    for column in CATEGORY_COLUMNS if episodes else ():
        shared = _shared_codes([coded[key][column] for key in episodes])
        at = 0
        for key in episodes:
            size = len(coded[key])
            coded[key] = coded[key].assign(**{column: shared[at : at + size]})
            at += size
    for key in episodes:
        coded[key] = _by_child_and_start(coded[key])
    return coded


def _by_child_and_start(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episodes sorted by child, then start (an unknown start last), keeping their order."""
    starts = episodes["DECOM"].to_numpy().astype("datetime64[ns]").view("int64")
    starts = np.where(episodes["DECOM"].isna().to_numpy(), np.iinfo(np.int64).max, starts)
    order = np.lexsort((starts, episodes["CHILD"].to_numpy()))
    result: pd.DataFrame = episodes.iloc[order]
    return result


def has_table(records: Records903, year: int, name: str) -> bool:
    """Whether year ``year``'s table ``name`` is given."""
    given = records.years.get(year)
    return given is not None and name in given.tables


def table(records: Records903, year: int, name: str) -> pd.DataFrame:
    """Year ``year``'s table ``name`` (CHILD coded for the measured tables).

    :class:`MeasureUnavailable` when the year or the table is not given.
    """
    if year not in records.years:
        raise MeasureUnavailable(f"no 903 files for {year_label(year)}")
    if not has_table(records, year, name):
        raise MeasureUnavailable(f"the {name} table of {year_label(year)} is not given")
    if name in MEASURED_COLUMNS:
        return coded_tables(records)[(year, name)]
    return records.years[year].tables[name]


def without_short_breaks(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episodes with legal status other than V3/V4 (agreed series of short breaks)."""
    result: pd.DataFrame = episodes[~episodes["LS"].isin(SHORT_BREAKS)]
    return result


@memoised
def year_episodes(records: Records903, year: int) -> pd.DataFrame:
    """Year ``year``'s own episodes, V3/V4 left out, sorted by child and start.

    Without the ``_file`` column (the measures never locate a row, and copying it is costly).
    """
    return without_short_breaks(table(records, year, "Episodes").drop(columns=FILE_COLUMN))


@memoised
def combined_episodes(records: Records903, year: int, back: int) -> pd.DataFrame:
    """Episodes of year ``year`` with ``back`` earlier years' files as history (see module).

    Returns the measured Episodes columns (:data:`MEASURED_COLUMNS`) but ``_file``, plus
    ``_year`` (the file each row came from), V3/V4 left out, sorted by child and start.
    :class:`MeasureUnavailable` when one of the years (or its Episodes table) is not given.
    """
    later = table(records, year, "Episodes").drop(columns=FILE_COLUMN).assign(_year=year)
    parts = [later]
    covered = later.groupby("CHILD", sort=False)["DECOM"].min()
    for earlier_year in range(year - 1, year - back - 1, -1):
        earlier = table(records, earlier_year, "Episodes").drop(columns=FILE_COLUMN)
        # The later files cover every child from their 1 April, and further back from the
        # child's earliest DECOM in them.
        cover_start = year_start(earlier_year + 1)
        # NaT for a child the later files do not hold.
        known = pd.Series(covered.reindex(earlier["CHILD"]).to_numpy(), index=earlier.index)
        cutoff = known.where(known < cover_start, cover_start)
        kept = earlier[earlier["DECOM"] < cutoff].assign(_year=earlier_year)
        cut = cutoff[kept.index]
        ends_after = kept["DEC"].isna() | (kept["DEC"] > cut)
        kept.loc[ends_after, "DEC"] = cut[ends_after]
        parts.append(kept)
        starts = kept.groupby("CHILD", sort=False)["DECOM"].min()
        covered = pd.concat([covered, starts]).groupby(level=0).min()
    # Each part is sorted by child and start, and an earlier file's episodes start before the
    # later files' for the same child: oldest first, a stable sort by child orders them all.
    combined = without_short_breaks(pd.concat(parts[::-1], ignore_index=True))
    order = np.argsort(combined["CHILD"].to_numpy(), kind="stable")
    result: pd.DataFrame = combined.iloc[order]
    return result
