"""Measures of who is looked after: at 31 March, starting, ceasing, the rate, foster care, missing.

Each function takes the records, the collection year (by its end: 2025 for 2024-25) and the
counting options, and returns a :class:`~pledgekit.records.frames.Count`. Its docstring's
fields (Rule, Cohort, Exclusions, Source) are the wording docs/ssda903.md shows.
"""

from __future__ import annotations

from pledgekit.records.cohorts import episodes_at_end, looked_after_at_end, looked_after_during
from pledgekit.records.collection_year import within, year_end, year_start
from pledgekit.records.figures import percentage, plain_count, rate_per_10000
from pledgekit.records.frames import Count, CountingOptions, Records903
from pledgekit.records.history import MeasureUnavailable, table, year_episodes

FOSTER_PLACEMENTS = ("U1", "U2", "U3", "U4", "U5", "U6")


def cla_number(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children looked after at 31 March.

    Rule: DfE: "children looked after at 31 March". Children with an episode open at 31
    March: DECOM on or before 31 March, and DEC blank or after 31 March (a DEC of 31 March means
    the child left that day). A child counts once.
    Cohort: children with an episode in the year's Episodes table.
    Exclusions: episodes with legal status V3 or V4 (agreed series of short breaks).
    Source: DfE, "Children looked after in England including adoptions", methodology and data
    guidance; Episodes table.
    """
    return plain_count("cla-number", year, len(looked_after_at_end(records, year)))


def cla_rate(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children looked after at 31 March per 10,000 children under 18.

    Rule: DfE: "children looked after at 31 March, per 10,000 children aged under 18". The
    count of cla-number, times 10,000, divided by the population under 18 the user gives (e.g.
    ONS mid-year estimate).
    Cohort: as cla-number; the denominator is the population given.
    Exclusions: as cla-number. Not computed without a population.
    Source: DfE, "Children looked after in England including adoptions", methodology and data
    guidance; ONS mid-year population estimates.
    """
    if options.population_under_18 is None:
        raise MeasureUnavailable("no population under 18 given (--population)")
    children = len(looked_after_at_end(records, year))
    return rate_per_10000("cla-rate", year, children, options.population_under_18)


def cla_started(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children who started to be looked after in the year.

    Rule: DfE: "children who started to be looked after during the year". Children with an
    episode with RNE S (started to be looked after) whose DECOM is in the year; a child counts
    once however often they started.
    Cohort: children with an episode in the year's Episodes table.
    Exclusions: episodes with legal status V3 or V4: a child whose starting episode is a
    short break does not start here.
    Source: DfE, "Children looked after in England including adoptions", methodology and data
    guidance; Episodes table.
    """
    episodes = year_episodes(records, year)
    starts = (episodes["RNE"] == "S") & within(episodes["DECOM"], year_start(year), year_end(year))
    return plain_count("cla-started", year, episodes.loc[starts, "CHILD"].nunique())


def cla_ceased(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children who ceased to be looked after in the year.

    Rule: DfE: "children who ceased to be looked after during the year". Children with an
    episode whose DEC is in the year and whose REC is not X1 (X1: a new episode begins the same
    day, so care goes on); a child counts once however often they left.
    Cohort: children with an episode in the year's Episodes table.
    Exclusions: episodes with legal status V3 or V4.
    Source: DfE, "Children looked after in England including adoptions", methodology and data
    guidance; Episodes table.
    """
    episodes = year_episodes(records, year)
    ends = within(episodes["DEC"], year_start(year), year_end(year)) & (episodes["REC"] != "X1")
    return plain_count("cla-ceased", year, episodes.loc[ends, "CHILD"].nunique())


def foster_care(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children looked after at 31 March placed with foster carers.

    Rule: DfE: "children looked after at 31 March placed with foster carers, as a percentage
    of all children looked after at 31 March". Of cla-number: the episode open at 31 March has
    PLACE U1 to U6 (U1-U3 with relatives or friends).
    Cohort: children looked after at 31 March (cla-number).
    Exclusions: episodes with legal status V3 or V4.
    Source: DfE, "Children looked after in England including adoptions", methodology and data
    guidance; Episodes table.
    """
    current = episodes_at_end(records, year)
    fostered = current["PLACE"].isin(FOSTER_PLACEMENTS)
    total = len(current)
    return percentage("foster-care", year, int(fostered.sum()), total, total)


def missing_incidents(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children looked after during the year who had a missing episode in it.

    Rule: DfE: "children who had a missing incident during the year". Children looked after
    at any time in the year with a row of the Missing table with MISSING M (missing, not A:
    away from placement without authorisation) whose period missing overlaps the year
    (MIS_START on or before 31 March, MIS_END blank or on or after 1 April). A child counts
    once however many times they went missing.
    Cohort: children looked after at any time in the year (a non-V3/V4 episode in it).
    Exclusions: episodes with legal status V3 or V4; Missing rows of children outside the
    cohort; rows with MISSING A; rows without a start date that parses.
    Source: DfE, "Children looked after in England including adoptions", methodology and data
    guidance ("missing from care"); Missing and Episodes tables.
    """
    during = looked_after_during(records, year)
    missing = table(records, year, "Missing")
    spells = (
        (missing["MISSING"] == "M")
        & (missing["MIS_START"] <= year_end(year))
        & (missing["MIS_END"].isna() | (missing["MIS_END"] >= year_start(year)))
    )
    went = missing.loc[spells, "CHILD"].drop_duplicates()
    numerator = int(went.isin(during).sum())
    return percentage("missing-incidents", year, numerator, len(during), len(during))
