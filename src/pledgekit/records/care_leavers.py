"""Care leavers' activity and accommodation (OC3) at ages 17-18 and 19-21.

A care leaver's age is taken at the birthday that falls in the collection year (DfE: born 1
April 2005 is 19 in 2024-25), which is the age at 31 March; ``CountingOptions.care_leaver_age_at
= "1-april"`` takes it on the 1 April the year starts instead. Young people who died (IN_TOUCH
DIED) or returned home for 6 months or more (RHOM) are left out; not in touch (NO), refused
contact (REFU), no longer requiring services (NREQ) and not known stay in the base. With
``include_transferred_e3`` False (the default) a young person whose last period of care in the
files ended with REC E3 (care transferred to another council) is left out.
"""

from __future__ import annotations

import pandas as pd

from pledgekit.records.collection_year import age_at_end, age_at_start
from pledgekit.records.figures import percentage
from pledgekit.records.frames import Count, CountingOptions, Records903
from pledgekit.records.history import has_table, table
from pledgekit.records.memo import memoised

LEFT_OUT_CONTACT = ("DIED", "RHOM")
IN_EET = ("F1", "F2", "F3", "F4", "F5", "P1", "P2", "P3", "P4", "P5")
ACCOMMODATION_UNKNOWN_TYPES = ("G", "H", "R")  # gone abroad, deported, residence not known
TRANSFERRED = "E3"


@memoised
def transferred_out(records: Records903, year: int) -> pd.Index:
    """The young people of year ``year``'s OC3 table (CHILD codes) whose latest episode ended
    with E3.

    The latest episode is the one with the latest start (DECOM) over every year's Episodes
    table given up to ``year``; a later year's file wins a tie. Only the care leavers are looked
    at, so the scan is small; remembered per records object, as every age group asks.
    """
    young = table(records, year, "OC3")["CHILD"].unique()
    parts = []
    for given in sorted(records.years):
        if given <= year and has_table(records, given, "Episodes"):
            episodes = table(records, given, "Episodes")
            mine = episodes[episodes["CHILD"].isin(young)]
            parts.append(mine.loc[:, ["CHILD", "DECOM", "REC"]].assign(_year=given))
    if not parts:
        return pd.Index([])
    episodes = pd.concat(parts, ignore_index=True).sort_values(["CHILD", "DECOM", "_year"])
    last = episodes.drop_duplicates("CHILD", keep="last")
    transferred: pd.Index = pd.Index(last.loc[last["REC"] == TRANSFERRED, "CHILD"])
    return transferred


@memoised
def leavers(
    records: Records903, year: int, options: CountingOptions, ages: tuple[int, int]
) -> pd.DataFrame:
    """The OC3 rows of care leavers aged ``ages`` (inclusive), DIED/RHOM (and E3) left out.

    Remembered per records object: the EET and accommodation measures share one age group.
    """
    oc3 = table(records, year, "OC3").drop_duplicates("CHILD")
    if options.care_leaver_age_at == "1-april":
        age = age_at_start(oc3["DOB"], year)
    else:
        age = age_at_end(oc3["DOB"], year)
    kept = oc3[age.between(*ages) & ~oc3["IN_TOUCH"].isin(LEFT_OUT_CONTACT)]
    if not options.include_transferred_e3:
        kept = kept[~kept["CHILD"].isin(transferred_out(records, year))]
    result: pd.DataFrame = kept
    return result


def _eet(
    reference: str, records: Records903, year: int, options: CountingOptions, ages: tuple[int, int]
) -> Count:
    group = leavers(records, year, options, ages)
    active = int(group["ACTIV"].isin(IN_EET).sum())
    return percentage(reference, year, active, len(group), len(group))


def _suitable(
    reference: str, records: Records903, year: int, options: CountingOptions, ages: tuple[int, int]
) -> Count:
    group = leavers(records, year, options, ages)
    known = group[~group["ACCOM"].str[:1].isin(ACCOMMODATION_UNKNOWN_TYPES)]
    suitable = int(((known["ACCOM"].str.len() == 2) & (known["ACCOM"].str[1] == "1")).sum())
    return percentage(reference, year, suitable, len(known), len(group))


def care_leavers_19_21_eet(records: Records903, year: int, options: CountingOptions) -> Count:
    """Care leavers aged 19 to 21 in education, employment or training.

    Rule: DfE: "care leavers aged 19, 20 and 21 in education, employment or training around
    their birthday, as a percentage of all care leavers of those ages". OC3 rows aged 19 to 21:
    ACTIV F1-F5 or P1-P5 (full or part time). Not in touch, refused and not known stay in the
    base.
    Cohort: OC3 rows aged 19 to 21 at their birthday in the year (one per young person).
    Exclusions: IN_TOUCH DIED or RHOM; by default, young people whose care was transferred to
    another council (REC E3).
    Source: DfE, "Children looked after in England including adoptions" (care leavers,
    la_care_leavers_activity); OC3 table.
    """
    return _eet("care-leavers-19-21-eet", records, year, options, (19, 21))


def care_leavers_17_18_eet(records: Records903, year: int, options: CountingOptions) -> Count:
    """Care leavers aged 17 and 18 in education, employment or training.

    Rule: DfE: "care leavers aged 17 and 18 in education, employment or training, as a
    percentage of all care leavers of those ages". OC3 rows aged 17 or 18: ACTIV F1-F5 or
    P1-P5. Not in touch, refused and not known stay in the base.
    Cohort: OC3 rows aged 17 or 18 at their birthday in the year (one per young person).
    Exclusions: IN_TOUCH DIED or RHOM; by default, young people whose care was transferred to
    another council (REC E3).
    Source: DfE, "Children looked after in England including adoptions" (care leavers,
    la_care_leavers_activity); OC3 table.
    """
    return _eet("care-leavers-17-18-eet", records, year, options, (17, 18))


def care_leavers_19_21_suitable_accommodation(
    records: Records903, year: int, options: CountingOptions
) -> Count:
    """Care leavers aged 19 to 21 in suitable accommodation.

    Rule: DfE: "care leavers aged 19, 20 and 21 whose accommodation was considered suitable,
    as a percentage of all care leavers of those ages". OC3 rows aged 19 to 21, leaving out
    ACCOM types G (gone abroad), H (deported) and R (residence not known): ACCOM ending in 1
    (suitable). ACCOM 0 (not known) stays in the base.
    Cohort: OC3 rows aged 19 to 21 at their birthday in the year (one per young person).
    Exclusions: IN_TOUCH DIED or RHOM; ACCOM types G, H and R; by default, young people whose
    care was transferred to another council (REC E3).
    Source: DfE, "Children looked after in England including adoptions" (care leavers,
    la_care_leavers_accommodation_suitability); OC3 table.
    """
    return _suitable("care-leavers-19-21-suitable-accommodation", records, year, options, (19, 21))


def care_leavers_17_18_suitable_accommodation(
    records: Records903, year: int, options: CountingOptions
) -> Count:
    """Care leavers aged 17 and 18 in suitable accommodation.

    Rule: DfE: "care leavers aged 17 and 18 whose accommodation was considered suitable, as a
    percentage of all care leavers of those ages". OC3 rows aged 17 or 18, leaving out ACCOM
    types G, H and R: ACCOM ending in 1 (suitable). ACCOM 0 (not known) stays in the base.
    Cohort: OC3 rows aged 17 or 18 at their birthday in the year (one per young person).
    Exclusions: IN_TOUCH DIED or RHOM; ACCOM types G, H and R; by default, young people whose
    care was transferred to another council (REC E3).
    Source: DfE, "Children looked after in England including adoptions" (care leavers,
    la_care_leavers_accommodation_suitability); OC3 table.
    """
    return _suitable("care-leavers-17-18-suitable-accommodation", records, year, options, (17, 18))
