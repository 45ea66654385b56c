"""Placement stability: 3 or more placements in the year or over two years, long-term stability.

Placements are counted from episodes: the placement a child was in at the start of the window
(or the first in it), plus each later episode in the window with RNE S, P, B, T or U, except an
episode with RNE T or U into PLACE A3 or A5 (placed for adoption with the current foster carer
is not a move). RNE L (legal status change only) is not a move. A temporary placement (PLACE
T0-T4) is a placement unless ``CountingOptions.temporary_placements_are_moves`` is False.

Periods of care run across episodes joined end to start (DEC of one is DECOM of the next)
unless the earlier one ended care (a REC other than X1; a blank REC, as on an earlier file's
episode cut where the later file begins, does not end it) or the later one is a new start
(RNE S).
"""

from __future__ import annotations

import pandas as pd

from pledgekit.records.cohorts import open_at
from pledgekit.records.collection_year import age_at_end, year_end, year_start
from pledgekit.records.figures import percentage
from pledgekit.records.frames import Count, CountingOptions, Records903
from pledgekit.records.history import combined_episodes, table
from pledgekit.records.memo import memoised

MOVES = ("S", "P", "B", "T", "U")
SAME_CARER_MOVES = ("T", "U")
ADOPTION_WITH_CARER = ("A3", "A5")
PLACED_FOR_ADOPTION = ("A3", "A4", "A5", "A6")
TEMPORARY = ("T0", "T1", "T2", "T3", "T4")


def placement_counts(
    episodes: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    children: pd.Index,
    options: CountingOptions,
) -> pd.Series:
    """Placements of each of ``children`` between ``start`` and ``end`` (sorted episodes in).

    A child of ``children`` with no episode in the window has 0.
    """
    overlaps = (episodes["DECOM"] <= end) & (episodes["DEC"].isna() | (episodes["DEC"] >= start))
    window = episodes[overlaps & episodes["CHILD"].isin(children)]
    first = ~window["CHILD"].duplicated()
    same_carer_adoption = window["RNE"].isin(SAME_CARER_MOVES) & window["PLACE"].isin(
        ADOPTION_WITH_CARER
    )
    counted = first | (window["RNE"].isin(MOVES) & ~same_carer_adoption)
    if not options.temporary_placements_are_moves:
        counted &= ~window["PLACE"].isin(TEMPORARY)
    result: pd.Series = counted.groupby(window["CHILD"]).sum().reindex(children, fill_value=0)
    return result


def with_periods(episodes: pd.DataFrame, options: CountingOptions) -> pd.DataFrame:
    """Sorted episodes with PERIOD_START (their period of care's) and PLACEMENT_START.

    A new placement starts with a new period or an episode with RNE S, P or B, and with RNE T
    or U unless ``stability_same_carer`` (then a change of placement with the same carer
    continues the placement). PLACEMENT_BEFORE is the start of the placement before, within the
    same period (NaT for the first).
    """
    child = episodes["CHILD"]
    continues = (
        (child == child.shift())
        & (episodes["RNE"] != "S")
        & (episodes["DEC"].shift() == episodes["DECOM"])
        & episodes["REC"].shift().isin(["X1", ""])
    )
    period = (~continues).cumsum()
    moves = ("S", "P", "B") if options.stability_same_carer else MOVES
    placement = (~continues | episodes["RNE"].isin(moves)).cumsum()
    decom = episodes["DECOM"]
    placement_start = decom.groupby(placement).transform("first")
    firsts = ~placement.duplicated()
    # At a placement's first episode, the episode before (same period) is in the placement before.
    before = placement_start.shift().where(firsts & continues)
    result: pd.DataFrame = episodes.assign(
        PERIOD_START=decom.groupby(period).transform("first"),
        PLACEMENT_START=placement_start,
        PLACEMENT_BEFORE=before.groupby(placement).transform("first"),
    )
    return result


@memoised
def current_with_history(
    records: Records903, year: int, back: int, options: CountingOptions
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Joined episodes (with periods) of ``year`` and ``back`` earlier years, and those open
    at 31 March (one per child)."""
    episodes = with_periods(combined_episodes(records, year, back), options)
    current = episodes[open_at(episodes, year_end(year))].drop_duplicates("CHILD", keep="last")
    return episodes, current


def placements_3plus(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children looked after at 31 March with 3 or more placements during the year.

    Rule: DfE: "children looked after at 31 March with three or more placements during the
    year". Placements = the placement on 1 April (or the first in the year), plus each later
    episode in the year with RNE S, P, B, T or U, except RNE T or U into PLACE A3 or A5 (placed
    for adoption with the current foster carer). RNE L is not a move. Temporary placements
    (T0-T4) count by default (option temporary_placements_are_moves).
    Cohort: children looked after at 31 March (cla-number).
    Exclusions: episodes with legal status V3 or V4.
    Source: DfE, "Stability measures for children looked after in England" and "Children looked
    after in England including adoptions" (la_cla_placement_stability, "CLA on 31 March"); NI 62.
    """
    episodes, current = current_with_history(records, year, 0, options)
    children = pd.Index(current["CHILD"])
    counts = placement_counts(episodes, year_start(year), year_end(year), children, options)
    return percentage(
        "placements-3plus", year, int((counts >= 3).sum()), len(children), len(children)
    )


def placements_3plus_2_years(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children looked after for 2 years at 31 March with 3 or more placements over those years.

    Rule: DfE: "with 3 or more placements during the previous 2 years" of "CLA 2 years on 31
    March". Of the children looked after at 31 March whose period of care began on or before
    the 1 April two years earlier: placements from that 1 April to 31 March, counted as for
    placements-3plus.
    Cohort: children looked after at 31 March and continuously for the two years before.
    Exclusions: episodes with legal status V3 or V4. Needs the previous year's files.
    Source: DfE, "Stability measures for children looked after in England"
    (la_cla_placement_stability, "CLA 2 years on 31 March").
    """
    episodes, current = current_with_history(records, year, 1, options)
    since = year_start(year - 1)
    children = pd.Index(current.loc[current["PERIOD_START"] <= since, "CHILD"])
    counts = placement_counts(episodes, since, year_end(year), children, options)
    moved = int((counts >= 3).sum())
    return percentage("placements-3plus-2-years", year, moved, len(children), len(current))


def long_term_stability(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children under 16 looked after for 2.5 years or more, in the same placement for 2 years.

    Rule: DfE: "children aged under 16 at 31 March looked after continuously for at least 2.5
    years, who had lived in the same placement for at least 2 years, or are placed for adoption
    and their adoptive placement together with their previous placement last for at least 2
    years". Of children under 16 at 31 March whose period of care began on or before the 1
    October two and a half years before (2.5 years exactly counts): the placement at 31 March
    began on or before the 1 April two years before (2 years exactly counts). A placement runs
    across episodes with RNE L; with option stability_same_carer (DfE's newer "same carer"
    wording) also across RNE T and U.
    Cohort: children looked after at 31 March, under 16, looked after continuously for 2.5 years.
    Exclusions: episodes with legal status V3 or V4; children whose date of birth is unknown.
    Needs the two previous years' files.
    Source: DfE, "Stability measures for children looked after in England"
    (la_cla_placement_stability, "Living with the same carer for at least 2 years"); NI 63.
    """
    _, current = current_with_history(records, year, 2, options)
    header = table(records, year, "Header").drop_duplicates("CHILD").set_index("CHILD")
    ages = age_at_end(header["DOB"].reindex(current["CHILD"]), year).to_numpy()
    long_term = current[(ages < 16) & (current["PERIOD_START"] <= pd.Timestamp(year - 3, 10, 1))]
    adoptive = long_term["PLACE"].isin(PLACED_FOR_ADOPTION) & long_term["PLACEMENT_BEFORE"].notna()
    since = long_term["PLACEMENT_START"].where(~adoptive, long_term["PLACEMENT_BEFORE"])
    stable = int((since <= year_start(year - 1)).sum())
    return percentage("long-term-stability", year, stable, len(long_term), len(current))
