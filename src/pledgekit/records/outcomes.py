"""Health and offending outcomes (OC2) of children looked after for the whole year.

The cohort is :func:`~pledgekit.records.cohorts.twelve_month_cohort`; OC2 rows of children
outside it are ignored, and a child of the cohort without an OC2 row stays in the base with no
flag set. Ages are at 31 March, from the Header's DOB (the OC2 row's DOB where the Header has
none or is not given). OC2 flags are 0/1: a flag counts when it is exactly 1.
"""

from __future__ import annotations

import pandas as pd

from pledgekit.read.ssda903.known_codes import SDQ_RANGE
from pledgekit.records.cohorts import twelve_month_cohort
from pledgekit.records.collection_year import age_at_end
from pledgekit.records.figures import mean_score, percentage
from pledgekit.records.frames import Count, CountingOptions, Records903
from pledgekit.records.history import has_table, table
from pledgekit.records.memo import memoised


@memoised
def cohort_outcomes(records: Records903, year: int) -> pd.DataFrame:
    """One row per child of the 12-month cohort: the OC2 columns (NaN without a row) and AGE."""
    cohort = twelve_month_cohort(records, year)
    oc2 = table(records, year, "OC2").drop_duplicates("CHILD").set_index("CHILD").reindex(cohort)
    dob = oc2["DOB"]
    if has_table(records, year, "Header"):
        header = table(records, year, "Header").drop_duplicates("CHILD")
        known = header.set_index("CHILD")["DOB"].reindex(cohort)
        dob = known.fillna(dob)
    result: pd.DataFrame = oc2.assign(AGE=age_at_end(dob, year))
    return result


def _share_flagged(
    reference: str, records: Records903, year: int, flag: str, ages: tuple[int, int] | None
) -> Count:
    outcomes = cohort_outcomes(records, year)
    group = outcomes if ages is None else outcomes[outcomes["AGE"].between(*ages)]
    flagged = int((group[flag] == 1).sum())
    return percentage(reference, year, flagged, len(group), len(outcomes))


def health_assessment(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children looked after for 12 months or more with an annual health assessment.

    Rule: DfE: "children looked after continuously for at least 12 months at 31 March whose
    annual health assessment was up to date". Of the 12-month cohort: HEALTH_ASSESSMENT = 1.
    Cohort: the 12-month cohort: looked after at 31 March and on every day of the year (no
    episode with RNE S after 1 April, no period of care ending in the year, no V3/V4 episode).
    Exclusions: OC2 rows of children outside the cohort; V3/V4 episodes.
    Source: DfE, "Children looked after in England including adoptions" (health outcomes,
    la_conviction_health_outcome_cla); OC2 and Episodes tables.
    """
    return _share_flagged("health-assessment", records, year, "HEALTH_ASSESSMENT", None)


def immunisations(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children looked after for 12 months or more with immunisations up to date.

    Rule: DfE: "children looked after continuously for at least 12 months at 31 March whose
    immunisations were up to date". Of the 12-month cohort: IMMUNISATIONS = 1.
    Cohort: the 12-month cohort (as health-assessment).
    Exclusions: OC2 rows of children outside the cohort; V3/V4 episodes.
    Source: DfE, "Children looked after in England including adoptions" (health outcomes,
    la_conviction_health_outcome_cla); OC2 and Episodes tables.
    """
    return _share_flagged("immunisations", records, year, "IMMUNISATIONS", None)


def dental_check(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children looked after for 12 months or more with a dental check.

    Rule: DfE: "children looked after continuously for at least 12 months at 31 March who had
    their teeth checked by a dentist during the year". Of the 12-month cohort: TEETH_CHECK = 1.
    Cohort: the 12-month cohort (as health-assessment).
    Exclusions: OC2 rows of children outside the cohort; V3/V4 episodes.
    Source: DfE, "Children looked after in England including adoptions" (health outcomes,
    la_conviction_health_outcome_cla); OC2 and Episodes tables.
    """
    return _share_flagged("dental-check", records, year, "TEETH_CHECK", None)


def development_checks(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children aged under 5 looked after for 12 months or more with development checks.

    Rule: DfE: "development assessments up to date" of "children looked after ages 0 to 4
    years". Of the 12-month cohort aged 0 to 4 at 31 March: HEALTH_CHECK = 1.
    Cohort: the 12-month cohort (as health-assessment), aged 0 to 4 at 31 March.
    Exclusions: OC2 rows of children outside the cohort; V3/V4 episodes; children whose date
    of birth is unknown.
    Source: DfE, "Children looked after in England including adoptions" (health outcomes,
    la_conviction_health_outcome_cla: "Development assessments: Children looked after ages 0 to
    4 years"); OC2, Header and Episodes tables.
    """
    return _share_flagged("development-checks", records, year, "HEALTH_CHECK", (0, 4))


def convicted_or_cautioned(records: Records903, year: int, options: CountingOptions) -> Count:
    """Children aged 10 to 17 looked after for 12 months or more convicted or cautioned.

    Rule: DfE: "children aged 10 to 17 looked after continuously for at least 12 months at 31
    March who were convicted or subject to a youth caution or youth conditional caution during
    the year". Of the 12-month cohort aged 10 to 17 at 31 March: CONVICTED = 1.
    Cohort: the 12-month cohort (as health-assessment), aged 10 to 17 at 31 March.
    Exclusions: OC2 rows of children outside the cohort; V3/V4 episodes; children whose date
    of birth is unknown.
    Source: DfE, "Children looked after in England including adoptions" (convictions,
    la_conviction_health_outcome_cla); OC2, Header and Episodes tables.
    """
    return _share_flagged("convicted-or-cautioned", records, year, "CONVICTED", (10, 17))


def sdq_average(records: Records903, year: int, options: CountingOptions) -> Count:
    """Average strengths and difficulties questionnaire (SDQ) score.

    Rule: DfE: "average SDQ score of children aged 5 to 16 looked after continuously for at
    least 12 months at 31 March". The mean SDQ_SCORE of the 12-month cohort aged 5 to 16 at 31
    March who have a score (0 to 40); the numerator is the sum of the scores and the
    denominator the number of children with a score.
    Cohort: the 12-month cohort (as health-assessment), aged 5 to 16 at 31 March.
    Exclusions: OC2 rows of children outside the cohort; V3/V4 episodes; children without a
    score (blank, or outside 0 to 40), or whose date of birth is unknown.
    Source: DfE, "Children looked after in England including adoptions" ("Ages 5 to 16 years
    with SDQ score", la_conviction_health_outcome_cla); OC2, Header and Episodes tables.
    """
    outcomes = cohort_outcomes(records, year)
    group = outcomes[outcomes["AGE"].between(5, 16)]
    scores = group["SDQ_SCORE"]
    scores = scores[scores.between(*SDQ_RANGE)]
    return mean_score("sdq-average", year, float(scores.sum()), len(scores), len(group))
