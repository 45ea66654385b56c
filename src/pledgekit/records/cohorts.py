"""The groups of children the measures start from, each as an index of CHILD ids.

Every group leaves out V3/V4 episodes (agreed series of short breaks) first, so a child whose
only episodes are V3/V4 is in none of them.
"""

from __future__ import annotations

import pandas as pd

from pledgekit.records.collection_year import within, year_end, year_start
from pledgekit.records.frames import Records903
from pledgekit.records.history import SHORT_BREAKS, table, year_episodes
from pledgekit.records.memo import memoised


def open_at(episodes: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    """True for episodes open at the end of ``day``: started on or before it, not ended by it.

    An episode whose DEC is ``day`` ended that day (the child left on it).
    """
    return (episodes["DECOM"] <= day) & (episodes["DEC"].isna() | (episodes["DEC"] > day))


@memoised
def episodes_at_end(records: Records903, year: int) -> pd.DataFrame:
    """The episode each child looked after at 31 March is in (V3/V4 left out), one per child."""
    episodes = year_episodes(records, year)
    current = episodes[open_at(episodes, year_end(year))]
    result: pd.DataFrame = current.drop_duplicates("CHILD", keep="last")
    return result


@memoised
def looked_after_at_end(records: Records903, year: int) -> pd.Index:
    """Children looked after at 31 March: a non-V3/V4 episode open at the year's end."""
    result: pd.Index = pd.Index(episodes_at_end(records, year)["CHILD"].unique())
    return result


@memoised
def looked_after_during(records: Records903, year: int) -> pd.Index:
    """Children looked after at any time in the year (a non-V3/V4 episode overlapping it)."""
    episodes = year_episodes(records, year)
    overlaps = (episodes["DECOM"] <= year_end(year)) & (
        episodes["DEC"].isna() | (episodes["DEC"] >= year_start(year))
    )
    result: pd.Index = pd.Index(episodes.loc[overlaps, "CHILD"].unique())
    return result


@memoised
def twelve_month_cohort(records: Records903, year: int) -> pd.Index:
    """Children looked after continuously for the whole year to 31 March (the OC2 cohort).

    Looked after at 31 March, with an episode open on 1 April (the first non-V3/V4 episode
    starts on or before it), and in the year: no episode with RNE S starting after 1 April, no
    period of care ending (DEC in the year with REC other than X1), and no V3/V4 episode.
    """
    start, end = year_start(year), year_end(year)
    everything = table(records, year, "Episodes")
    in_year = (everything["DECOM"] <= end) & (
        everything["DEC"].isna() | (everything["DEC"] >= start)
    )
    broken = (
        (in_year & everything["LS"].isin(SHORT_BREAKS))
        | ((everything["RNE"] == "S") & (everything["DECOM"] > start) & in_year)
        | (within(everything["DEC"], start, end) & (everything["REC"] != "X1"))
    )
    episodes = year_episodes(records, year)
    first_start = episodes.groupby("CHILD", sort=False)["DECOM"].min()
    from_start = pd.Index(first_start.index[first_start <= start])
    at_end = looked_after_at_end(records, year)
    result: pd.Index = at_end.intersection(from_start).difference(
        pd.Index(everything.loc[broken, "CHILD"])
    )
    return result
