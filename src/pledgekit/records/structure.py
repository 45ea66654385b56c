"""The structural problems in 903 files that stop a count, as located findings.

Not DfE's 300 validation rules (the open validators check those): only what makes a measure
here wrong or impossible. Each finding names the file, the first row and the column, and how
many rows are affected; never a value (these are children's records):

- an episode that ends (DEC) before it starts (DECOM);
- a child's episodes that overlap in one year's file (one starts before the one before ends);
- an episode open at one year's end that the next year's file (when given) does not hold;
- OC2 rows of children outside the 12-month cohort (they are ignored by the measures).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pledgekit.model.codes import (
    SSDA903_DEC_BEFORE_DECOM,
    SSDA903_EPISODE_MISSING_NEXT_YEAR,
    SSDA903_OC2_OUTSIDE_COHORT,
    SSDA903_OVERLAPPING_EPISODES,
)
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.ssda903_tables import FILE_COLUMN, ROW_COLUMN
from pledgekit.records.cohorts import twelve_month_cohort
from pledgekit.records.collection_year import year_end, year_label
from pledgekit.records.frames import Records903
from pledgekit.records.history import has_table, table

ROWS_SHOWN = 5


def located(code: str, rows: pd.DataFrame, column: str, what: str) -> list[Finding]:
    """One finding per file among ``rows``: the first row, the column, how many (no value)."""
    found = []
    for file, group in rows.groupby(FILE_COLUMN, sort=True):
        numbers = np.sort(group[ROW_COLUMN].to_numpy())
        shown = ", ".join(str(int(r)) for r in numbers[:ROWS_SHOWN])
        more = f" and {len(numbers) - ROWS_SHOWN} more" if len(numbers) > ROWS_SHOWN else ""
        plural = "s" if len(numbers) > 1 else ""
        message = f"{column}: {what} in {len(numbers)} row{plural} ({shown}{more})"
        location = Location(str(file), row=int(numbers[0]), field=column)
        found.append(finding(code, message, location))
    return found


def dec_before_decom(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episodes whose end date is before their start date."""
    found: pd.DataFrame = episodes[episodes["DEC"] < episodes["DECOM"]]
    return found


def overlapping(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episodes that start before the same child's previous episode (by start) has ended."""
    ordered = episodes.dropna(subset=["DECOM"]).sort_values(
        ["CHILD", "DECOM", "DEC"], kind="stable"
    )
    same_child = ordered["CHILD"] == ordered["CHILD"].shift()
    previous_end = ordered["DEC"].shift()
    found: pd.DataFrame = ordered[
        same_child & (previous_end.isna() | (previous_end > ordered["DECOM"]))
    ]
    return found


def missing_next_year(episodes: pd.DataFrame, following: pd.DataFrame, year: int) -> pd.DataFrame:
    """Episodes open at the end of ``year`` that the next year's Episodes do not hold.

    An episode is the same when the child and the start (DECOM) are the same.
    """
    end = year_end(year)
    still_open = episodes[
        (episodes["DECOM"] <= end) & (episodes["DEC"].isna() | (episodes["DEC"] > end))
    ]
    keys = pd.MultiIndex.from_frame(following[["CHILD", "DECOM"]])
    held = pd.MultiIndex.from_frame(still_open[["CHILD", "DECOM"]]).isin(keys)
    found: pd.DataFrame = still_open[~held]
    return found


def structural_findings(records: Records903) -> list[Finding]:
    """Every structural problem of ``records`` that stops a count, located (see module)."""
    findings: list[Finding] = []
    for year in sorted(records.years):
        findings += _year_findings(records, year)
    return findings


def _year_findings(records: Records903, year: int) -> list[Finding]:
    found: list[Finding] = []
    label = year_label(year)
    if has_table(records, year, "Episodes"):
        episodes = table(records, year, "Episodes")
        found += located(
            SSDA903_DEC_BEFORE_DECOM,
            dec_before_decom(episodes),
            "DEC",
            "the episode ends before it starts (DECOM)",
        )
        found += located(
            SSDA903_OVERLAPPING_EPISODES,
            overlapping(episodes),
            "DECOM",
            "the episode starts before the child's previous episode ends",
        )
        if has_table(records, year + 1, "Episodes"):
            found += located(
                SSDA903_EPISODE_MISSING_NEXT_YEAR,
                missing_next_year(episodes, table(records, year + 1, "Episodes"), year),
                "DECOM",
                f"an episode open at the end of {label} is not in {year_label(year + 1)}'s file",
            )
        if has_table(records, year, "OC2"):
            oc2 = table(records, year, "OC2")
            outside = oc2[~oc2["CHILD"].isin(twelve_month_cohort(records, year))]
            found += located(
                SSDA903_OC2_OUTSIDE_COHORT,
                outside,
                "CHILD",
                f"the child was not looked after for the whole of {label} (the row is ignored)",
            )
    return found
