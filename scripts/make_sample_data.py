"""Generate pledgekit's synthetic sample data: ``pledge.yaml`` and six quarterly workbooks.

Every figure is invented for a fictional council, Northbridge Borough Council (area code E09000999,
which no real area has). The output is deterministic: a fixed random seed, fixed workbook
timestamps and fixed zip entry times, so running the script again gives the same files.

Usage::

    python scripts/make_sample_data.py            # rewrite sample_data/
    python scripts/make_sample_data.py OUT_DIR    # write somewhere else

Uses only openpyxl, the standard library and the EES column names of pledgekit's source
(``src/``), so it runs before pledgekit is installed.
"""

from __future__ import annotations

import io
import json
import random
import re
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.writer.excel import ExcelWriter

SEED = 20260930
#: Written into every workbook's properties and zip entries so regenerating changes no byte.
FIXED_TIME = datetime(2026, 10, 12, 9, 0, 0)
COUNCIL = "Northbridge Borough Council (synthetic example)"
AREA = "E09000999"
COMMITTEE = "Corporate Parenting Committee"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "sample_data"

# The synthetic published statistics (EES-format files, a neighbour table) live beside this script.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_published  # noqa: E402

#: The six reporting quarters: (year the financial year starts, quarter).
QUARTERS: tuple[tuple[int, int], ...] = (
    (2025, 1),
    (2025, 2),
    (2025, 3),
    (2025, 4),
    (2026, 1),
    (2026, 2),
)
LATEST = len(QUARTERS) - 1
#: Annual measures are reported once a year, in the Q2 workbook, for the previous financial year.
ANNUAL_QUARTER = 2
#: The one red measure in the latest quarter left without commentary, so reports show the gap.
MISSING_COMMENTARY = ("4.5", LATEST)
#: Targets overridden for one period in a workbook's Target column: (measure, quarter index).
TARGET_OVERRIDES: dict[tuple[str, int], float] = {("4.1", 3): 90}
TARGET_FILE = 3  # 2025-26 Q4 is the one file with a Target column

DEFAULT_TOLERANCE = 5.0


def fy_label(year: int) -> str:
    """Financial year label: 2025 -> '2025-26'."""
    return f"{year}-{(year + 1) % 100:02d}"


def quarter_label(index: int) -> str:
    """Canonical label of quarter ``index``: '2025-26 Q1'."""
    year, quarter = QUARTERS[index]
    return f"{fy_label(year)} Q{quarter}"


def annual_label(index: int) -> str:
    """The financial year an annual figure in quarter ``index``'s workbook reports: the previous."""
    return fy_label(QUARTERS[index][0] - 1)


# --------------------------------------------------------------------------------------------
# Cohorts: the populations behind the numbers, one figure per quarter, kept consistent between
# measures (the same care leaver cohort is the denominator of NI 147, NI 148 and NEET, and so on).
# --------------------------------------------------------------------------------------------

COHORTS: dict[str, tuple[float, ...]] = {
    "cla": (398, 405, 411, 407, 414, 421),  # children in care at quarter end
    "population": (57960, 57960, 57960, 57960, 58240, 58240),  # children under 18 (mid-year est.)
    "cla_12m": (281, 284, 289, 286, 292, 297),  # looked after continuously 12 months or more
    "entrants": (34, 41, 29, 37, 39, 44),  # children coming into care in the quarter
    "school_age": (262, 266, 270, 268, 273, 277),  # children in care of school age
    "school_12m": (204, 206, 209, 207, 211, 214),  # school age, looked after 12 months or more
    "long_term": (118, 121, 119, 122, 124, 126),  # under 16, looked after 2.5 years or more
    "reviews": (231, 244, 238, 229, 247, 252),  # reviews due in the quarter
    "reviews_4plus": (198, 207, 203, 196, 211, 216),  # reviews of children aged 4 or over
    "aged_10_17": (221, 226, 229, 227, 231, 236),  # children in care aged 10 to 17
    "missing_episodes": (58, 64, 49, 61, 66, 71),  # missing episodes ending in the quarter
    "turned_18_foster": (31, 33, 34, 32, 35, 36),  # turned 18 in foster care, last 12 months
    "leavers_19_21": (168, 171, 173, 176, 178, 181),  # care leavers aged 19 to 21
    "leavers_open": (371, 376, 380, 384, 389, 392),  # care leavers aged 17 to 25 supported
    "sw_fte": (24.5, 24.0, 23.5, 23.0, 22.5, 22.0),  # social workers (FTE), children in care teams
}


@dataclass(frozen=True)
class Spec:
    """A measure: its definition (as written to pledge.yaml) and how its figures are made.

    Figures come from one of: ``path`` (first and last quarter's value, straight line plus seeded
    noise between, ``pin`` fixing chosen quarters), with ``cohort`` as the denominator for a
    percentage; ``values`` given outright; ``ratio_of`` (numerator and denominator cohorts with a
    ``scale``); or ``annual`` (numerator and denominator for the two years reported).
    """

    id: str
    title: str
    unit: str
    polarity: str
    owner: str
    source: str
    target: object = None
    tolerance: float | str | None = None
    rag_rule: str | None = None
    comparators: dict[str, float] = field(default_factory=dict)
    #: year of the DfE England figure used (from the domain notes); None: the figure is illustrative
    england_seen: str | None = None
    reference: str | None = None
    description: str | None = None
    frequency: str = "quarterly"
    suppress_small: bool = True
    decimals: int | None = None
    unit_label: str | None = None  # written after the figure in the report's body
    # how the figures are made
    path: tuple[float, float] | None = None
    pin: dict[int, float] = field(default_factory=dict)
    noise: float = 0.0
    cohort: str | None = None
    values: tuple[object, ...] | None = None
    ratio_of: tuple[str, str] | None = None
    scale: float = 1.0
    annual: tuple[tuple[int, int], tuple[int, int]] | None = None
    numerators: tuple[int, ...] | None = None
    #: planned status in the latest workbook, checked after generation
    plan: str = "green"
    #: commentary: by period label, or by status ("red" any quarter, "amber" latest two quarters)
    notes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PledgeSpec:
    """A pledge with its promises and measures."""

    id: str
    title: str
    outcome: str
    promises: tuple[str, ...]
    measures: tuple[Spec, ...]


#: Short phrases naming each measure in the report's summary ("persistent absence (2.4)").
SHORT_TITLES = {
    "1.1": "SDQ scores",
    "1.2": "annual health assessments",
    "1.3": "dental checks",
    "1.4": "initial health assessments",
    "1.5": "immunisations",
    "2.1": "personal education plans",
    "2.2": "GCSE English and maths at grade 5",
    "2.3": "Key Stage 2 attainment",
    "2.4": "persistent absence",
    "2.5": "permanent exclusions",
    "2.6": "places at good or outstanding schools",
    "2.7": "care leavers in education, employment or training",
    "2.8": "care leavers not in education, employment or training",
    "2.9": "care leavers starting higher education",
    "2.10": "council apprenticeships for care leavers",
    "3.1": "placement moves",
    "3.2": "long-term stability",
    "3.3": "placements more than 20 miles from home",
    "3.4": "children in foster care",
    "3.5": "adoption timeliness",
    "3.6": "rate of children in care",
    "3.7": "number of children in care",
    "3.8": "social worker caseloads",
    "4.1": "reviews on time",
    "4.2": "participation in reviews",
    "4.3": "missing episodes",
    "4.4": "cautions and convictions",
    "4.5": "return home interviews",
    "4.6": "statutory visits",
    "4.7": "Children in Care Council sessions",
    "5.1": "suitable accommodation for care leavers",
    "5.2": "keeping in touch with care leavers",
    "5.3": "pathway plans",
    "5.4": "staying put",
    "5.5": "care leavers supported",
}

HEALTH_NURSE = "Designated Nurse for Children in Care"
HOS_CIC = "Head of Service, Children in Care"
VSH = "Virtual School Head"
HOS_LC = "Head of Service, Leaving Care"
IRO_MANAGER = "Service Manager, Independent Reviewing Service"
CASE_SYSTEM = "Children's social care case management system"

PLEDGES: tuple[PledgeSpec, ...] = (
    PledgeSpec(
        id="1",
        title="Being healthy",
        outcome="Be healthy",
        promises=(
            "We will make sure you have a health assessment soon after you come into care and "
            "every year after that.",
            "We will help you see a dentist, and someone to talk to about how you feel when you "
            "need it.",
            "We will give you your health history in a way you understand before you leave care.",
        ),
        measures=(
            Spec(
                id="1.1",
                title="Average strengths and difficulties questionnaire (SDQ) score",
                description="Children aged 5 to 16 looked after for 12 months or more. "
                "0-13 normal, 14-16 borderline, 17 or more a cause for concern.",
                unit="score",
                polarity="lower",
                target=14,
                tolerance=1,
                comparators={"england": 14.1, "statistical_neighbours": 14.4},
                reference="NI 58",
                owner=HEALTH_NURSE,
                source="SDQ returns from carers, rolling 12 months",
                path=(14.9, 14.3),
                pin={4: 14.4},
                noise=0.25,
                plan="no_data",
                notes={
                    "2026-27 Q2": "Not available: SDQ scores for the quarter are still being "
                    "entered after the move to the new case management system. They will be "
                    "reported to the next meeting.",
                    "amber": "The average score is in the borderline range; the emotional "
                    "wellbeing service offers consultation to carers where scores have risen.",
                    "red": "The average score has risen into the borderline range; the emotional "
                    "wellbeing service is reviewing high scores with social workers.",
                },
            ),
            Spec(
                id="1.2",
                england_seen="2005-06",
                title="Children looked after for 12 months or more with an up-to-date health "
                "assessment",
                unit="percent",
                polarity="higher",
                target={"2025-26": 85, "2026-27": 90},
                comparators={"england": 83.0, "statistical_neighbours": 86.5},
                owner=HEALTH_NURSE,
                source="Health partner quarterly return",
                cohort="cla_12m",
                path=(86.1, 91.3),
                pin={4: 89.2},
                noise=0.8,
                notes={
                    "amber": "A small number of assessments were late because of clinic "
                    "cancellations; the health team has added clinic sessions to catch up.",
                    "red": "Assessments fell behind over the holiday period; the designated nurse "
                    "is chasing every overdue assessment weekly.",
                    "2026-27 Q2": "Meets the raised target for 2026-27 for the first time.",
                },
            ),
            Spec(
                id="1.3",
                england_seen="2005-06",
                title="Children looked after for 12 months or more with an up-to-date dental check",
                description="Rated on trend: off target is amber when better than the same "
                "quarter last year.",
                unit="percent",
                polarity="higher",
                target=85,
                rag_rule="trend",
                comparators={"england": 85.0, "statistical_neighbours": 79.8},
                owner=HEALTH_NURSE,
                source="Health partner quarterly return",
                cohort="cla_12m",
                path=(71.2, 78.4),
                pin={1: 72.5, 2: 74.0, 3: 75.8, 4: 77.1},
                plan="amber",
                notes={
                    "amber": "Still below target but better than the same quarter last year; the "
                    "community dental service now offers priority appointments for children in "
                    "care.",
                    "red": "Access to NHS dentists remains difficult. The community dental "
                    "service has agreed priority appointments for children in care.",
                },
            ),
            Spec(
                id="1.4",
                title="Initial health assessments completed within 20 working days of coming "
                "into care",
                description="Local measure of the statutory timescale; no national figure.",
                unit="percent",
                polarity="higher",
                target=80,
                owner=HEALTH_NURSE,
                source="Health partner quarterly return",
                cohort="entrants",
                path=(63.0, 52.3),
                pin={4: 56.4},
                noise=2.0,
                plan="red",
                notes={
                    "red": "Delays are mainly in booking paediatric clinics. Social workers now "
                    "send consent forms to health colleagues within five working days of a child "
                    "coming into care.",
                    "2026-27 Q1": "Consent paperwork reached health colleagues late in a number "
                    "of cases. A shared tracker between the children in care teams and the health "
                    "partner started in June.",
                    "2026-27 Q2": "Performance fell further as more children came into care over "
                    "the summer while paediatric clinic capacity was reduced. The health partner "
                    "has agreed additional clinics from October and the matter has been escalated "
                    "to the integrated care board.",
                },
            ),
            Spec(
                id="1.5",
                title="Children looked after for 12 months or more with immunisations up to date",
                unit="percent",
                polarity="higher",
                target=90,
                comparators={"england": 87.0, "statistical_neighbours": 85.9},
                owner=HEALTH_NURSE,
                source="SSDA903 return (OC2), financial year",
                frequency="annual",
                annual=((256, 289), (270, 292)),
                notes={
                    "amber": "Slightly below target; the designated nurse now checks immunisation "
                    "status at every health assessment.",
                },
            ),
        ),
    ),
    PledgeSpec(
        id="2",
        title="Education, employment and training",
        outcome="Enjoy and achieve",
        promises=(
            "We will believe in you and support you to do well in education, training and "
            "employment.",
            "We will make sure you go to a good school and have a personal education plan that "
            "you help to write.",
            "We will help you into college, university, an apprenticeship or a job, and stay "
            "alongside you while you get there.",
        ),
        measures=(
            Spec(
                id="2.1",
                title="Children in care with an up-to-date personal education plan (PEP)",
                unit="percent",
                polarity="higher",
                target={"2025-26": 90, "2026-27": 95},
                tolerance=3,
                owner=VSH,
                source="Virtual school ePEP system",
                cohort="school_age",
                path=(88.5, 96.2),
                pin={4: 95.6},
                noise=1.0,
                notes={
                    "amber": "A number of PEPs were overdue at the end of term; the virtual school "
                    "is chasing schools for the rest.",
                    "red": "The move to the new electronic PEP system delayed completion; virtual "
                    "school officers are helping schools finish outstanding plans.",
                },
            ),
            Spec(
                id="2.2",
                england_seen="2019",
                title="Children looked after for 12 months or more achieving grade 5 or above in "
                "English and maths at Key Stage 4",
                unit="percent",
                polarity="higher",
                target=10,
                tolerance=3,
                comparators={"england": 7.2, "statistical_neighbours": 8.1},
                reference="KS4",
                owner=VSH,
                source="DfE outcomes for children in need and looked after, academic year",
                frequency="annual",
                annual=((3, 34), (5, 38)),
                notes={
                    "amber": "Below target but above the England figure; the virtual school is "
                    "funding English and maths tuition for pupils in Years 10 and 11.",
                    "2025-26": "Above target and the England figure. The cohort is small, so the "
                    "figure moves a long way from year to year.",
                },
            ),
            Spec(
                id="2.3",
                title="Children looked after for 12 months or more reaching the expected "
                "standard in reading, writing and maths at Key Stage 2",
                unit="percent",
                polarity="higher",
                target=40,
                comparators={"england": 37.0, "statistical_neighbours": 35.2},
                reference="KS2",
                owner=VSH,
                source="DfE outcomes for children in need and looked after, academic year",
                frequency="annual",
                annual=((8, 23), (11, 26)),
                notes={
                    "red": "Below target in a small cohort with a high level of special "
                    "educational needs. The virtual school has extended its reading programme to "
                    "all primary pupils in care.",
                },
            ),
            Spec(
                id="2.4",
                england_seen="2021-22",
                title="Children looked after for 12 months or more who are persistently absent "
                "from school",
                description="Missing 10% or more of possible sessions, rolling 12 months.",
                unit="percent",
                polarity="lower",
                target=15,
                comparators={"england": 19.1, "statistical_neighbours": 18.4},
                owner=VSH,
                source="Virtual school attendance tracker",
                cohort="school_12m",
                path=(17.6, 22.4),
                pin={4: 21.3},
                noise=0.8,
                plan="red",
                notes={
                    "red": "Absence has risen, mostly among older pupils placed outside the "
                    "borough. The virtual school now tracks attendance daily for pupils at risk.",
                    "2026-27 Q2": "Persistent absence remains above target, in line with the rise "
                    "seen nationally. Every pupil below 90% attendance in the borough's schools "
                    "has an attendance plan; attendance officers are still agreeing plans with "
                    "schools outside the borough.",
                },
            ),
            Spec(
                id="2.5",
                title="Permanent exclusions of children in care",
                unit="count",
                polarity="lower",
                target=0,
                tolerance=1,
                owner=VSH,
                source="Virtual school exclusions log",
                values=(0, 1, 0, 0, 0, 0),
                notes={
                    "amber": "The virtual school attends every exclusion review and is "
                    "strengthening its work with schools to prevent exclusions.",
                },
            ),
            Spec(
                id="2.6",
                title="Children in care attending a school rated good or outstanding",
                unit="percent",
                polarity="higher",
                target=85,
                comparators={"statistical_neighbours": 82.4},
                owner=VSH,
                source="Virtual school records",
                cohort="school_age",
                path=(83.2, 86.4),
                noise=0.7,
                notes={
                    "amber": "Some pupils attend schools whose rating fell at their latest "
                    "inspection; the virtual school reviews each case with the school and carers.",
                },
            ),
            Spec(
                id="2.7",
                england_seen="2015-16",
                title="Care leavers aged 19 to 21 in education, employment or training",
                unit="percent",
                polarity="higher",
                target=60,
                comparators={"england": 60.0, "statistical_neighbours": 55.7},
                reference="NI 148",
                owner=HOS_LC,
                source=CASE_SYSTEM,
                cohort="leavers_19_21",
                path=(52.0, 56.9),
                pin={1: 53.8, 4: 54.5},
                noise=1.0,
                plan="amber",
                notes={
                    "red": "Fewer care leavers were in work or training after seasonal jobs "
                    "ended. Personal advisers are working with the employment support service on "
                    "every referral.",
                    "amber": "Better than last quarter but still below target; the new care "
                    "leaver traineeship scheme is open for applications.",
                },
            ),
            Spec(
                id="2.8",
                england_seen="2017",
                title="Care leavers aged 19 to 21 not in education, employment or training (NEET)",
                description="Care leavers in touch who are not in education, employment or "
                "training; those not in touch are counted in neither 2.7 nor 2.8.",
                unit="percent",
                polarity="lower",
                target=38,
                tolerance=3,
                comparators={"england": 40.0, "statistical_neighbours": 41.2},
                owner=HOS_LC,
                source=CASE_SYSTEM,
                cohort="leavers_19_21",
                notes={
                    "amber": "Slightly above target; personal advisers review each month every "
                    "care leaver who is not in education, employment or training.",
                },
            ),
            Spec(
                id="2.9",
                title="Care leavers starting higher education in the academic year",
                unit="count",
                polarity="higher",
                target=5,
                tolerance=2,
                comparators={"statistical_neighbours": 6.0},
                owner=VSH,
                source="Leaving care education tracker",
                values=(6, 4, 6, 6, 6, 3),
                plan="amber",
                notes={
                    "amber": "Enrolments for the new academic year are still being confirmed, and "
                    "more care leavers are expected to start in October.",
                    "red": "Fewer starters than planned; personal advisers are supporting "
                    "applications for the January intake.",
                },
            ),
            Spec(
                id="2.10",
                title="Care leavers in council apprenticeships or traineeships",
                unit="count",
                polarity="higher",
                target=8,
                tolerance=2,
                owner="Head of Human Resources",
                source="Council apprenticeship scheme records",
                values=(5, 6, 6, 7, 8, 9),
                notes={
                    "amber": "Recruitment to the next intake is under way with the council's "
                    "apprenticeship team.",
                    "red": "Below target while the new intake is recruited; the apprenticeship "
                    "team has reserved places for care leavers.",
                },
            ),
        ),
    ),
    PledgeSpec(
        id="3",
        title="Stability and a place to call home",
        outcome="Stay safe",
        promises=(
            "We will find you a home that suits you, close to your school, family and friends "
            "wherever it is safe to do so.",
            "We will only move you when it is right for you, and we will always explain why.",
            "We will help you stay with your foster carers after you turn 18 if you both want to.",
        ),
        measures=(
            Spec(
                id="3.1",
                england_seen="2005-06",
                title="Children in care with three or more placements in the last 12 months",
                unit="percent",
                polarity="lower",
                target=10,
                tolerance=3,
                comparators={"england": 12.0, "statistical_neighbours": 10.6},
                reference="NI 62",
                owner=HOS_CIC,
                source=CASE_SYSTEM,
                cohort="cla",
                path=(11.4, 12.3),
                noise=0.6,
                plan="amber",
                notes={
                    "amber": "Slightly above target; most moves this year were planned moves to "
                    "long-term homes.",
                    "red": "Placement endings rose this quarter; the placement stability panel "
                    "now reviews every placement at risk of breaking down.",
                },
            ),
            Spec(
                id="3.2",
                england_seen="2024",
                title="Children under 16 looked after for 2.5 years or more in the same placement "
                "for at least 2 years, or placed for adoption",
                unit="percent",
                polarity="higher",
                target=70,
                comparators={"england": 68.0, "statistical_neighbours": 69.3},
                reference="NI 63",
                owner=HOS_CIC,
                source=CASE_SYSTEM,
                cohort="long_term",
                path=(66.1, 72.2),
                noise=1.0,
                notes={
                    "amber": "Just below target; the stability panel tracks every child in this "
                    "group.",
                    "red": "Below target after planned moves to long-term carers; the stability "
                    "panel tracks every child in this group.",
                },
            ),
            Spec(
                id="3.3",
                title="Children in care placed more than 20 miles from home",
                unit="percent",
                polarity="lower",
                target=15,
                # England as DfE published it for 2025, the figure the cohort profile shows.
                comparators={"england": 22.0, "statistical_neighbours": 17.5},
                england_seen="2025",
                owner=HOS_CIC,
                source=CASE_SYSTEM,
                cohort="cla",
                path=(17.8, 21.6),
                pin={2: 19.3, 4: 20.8},
                noise=0.6,
                plan="red",
                notes={
                    "red": "A shortage of local foster carers and children's homes means more "
                    "children are placed at a distance. The fostering recruitment campaign and "
                    "the new children's home in the borough are intended to reduce this.",
                    "amber": "Slightly above target; every placement at a distance is reviewed "
                    "by the head of service.",
                    "2026-27 Q2": "Still above target and rising, because there are not enough "
                    "local foster carers for teenagers. The children's home planned in "
                    "the borough has been delayed (see Commitments); in the meantime the "
                    "placements team has agreed block places with providers nearer the borough.",
                },
            ),
            Spec(
                id="3.4",
                title="Children in care living in foster care",
                unit="percent",
                polarity="higher",
                target=75,
                comparators={"england": 67.0, "statistical_neighbours": 70.9},
                england_seen="2025",
                owner="Service Manager, Fostering",
                source=CASE_SYSTEM,
                cohort="cla",
                path=(71.5, 76.2),
                noise=0.6,
                notes={
                    "amber": "Below target; the fostering recruitment campaign approved new "
                    "households this quarter.",
                },
            ),
            Spec(
                id="3.5",
                title="Average days between a placement order and a match with adopters (A2)",
                description="Three-year rolling average, as in the DfE adoption scorecard.",
                unit="days",
                polarity="lower",
                target=182,
                tolerance="10%",
                comparators={"england": 201.0, "statistical_neighbours": 196.0},
                reference="A2",
                owner="Head of Adoption and Permanence",
                source="Regional adoption agency quarterly return",
                decimals=0,
                path=(214.0, 203.0),
                pin={4: 206.0},
                noise=2.0,
                plan="red",
                notes={
                    "red": "The rolling average includes older children and sibling groups who "
                    "waited longer for a match. The regional adoption agency is holding targeted "
                    "family-finding events.",
                    "2026-27 Q2": "Better than last quarter and a year ago but still above target; "
                    "the average covers three years, so recent improvement shows slowly.",
                },
            ),
            Spec(
                id="3.6",
                england_seen="2023",
                title="Children in care per 10,000 children under 18",
                description="Context: shown for information, not rated.",
                unit="rate",
                polarity="none",
                comparators={"england": 71.0, "statistical_neighbours": 64.8},
                owner=HOS_CIC,
                source=f"{CASE_SYSTEM}; ONS mid-year population estimates",
                ratio_of=("cla", "population"),
                scale=10000,
            ),
            Spec(
                id="3.7",
                title="Number of children in care",
                unit="count",
                polarity="none",
                suppress_small=False,
                owner=HOS_CIC,
                source=CASE_SYSTEM,
                ratio_of=("cla", ""),
                plan="not_rated",
                notes={
                    "2026-27 Q2": "The rise is mainly in teenagers and unaccompanied "
                    "asylum-seeking children coming into care.",
                },
            ),
            Spec(
                id="3.8",
                title="Average caseload of social workers in the children in care teams",
                description="Children allocated per full-time equivalent social worker; the "
                "agreed range is 12 to 18.",
                unit="ratio",
                unit_label="children per social worker",
                polarity="band",
                target=(12, 18),
                tolerance=2,
                owner=HOS_CIC,
                source="Workforce dashboard",
                ratio_of=("cla", "sw_fte"),
                plan="amber",
                notes={
                    "amber": "Caseloads are above the agreed range because of social worker "
                    "vacancies; agency staff have been engaged while recruitment continues.",
                },
            ),
        ),
    ),
    PledgeSpec(
        id="4",
        title="Being heard and staying safe",
        outcome="Make a positive contribution",
        promises=(
            "We will listen to you, and your views will shape the decisions made about your life.",
            "We will visit you regularly, and you will know how to reach your social worker and "
            "an advocate.",
            "We will keep you safe, and if you go missing we will talk with you when you come back "
            "to understand why.",
        ),
        measures=(
            Spec(
                id="4.1",
                title="Reviews of children in care held within statutory timescales",
                unit="percent",
                polarity="higher",
                target=95,
                tolerance=3,
                comparators={"statistical_neighbours": 93.1},
                reference="NI 66",
                owner=IRO_MANAGER,
                source="Independent reviewing service tracker",
                cohort="reviews",
                path=(93.5, 97.6),
                pin={3: 92.2},
                noise=0.8,
                notes={
                    "2025-26 Q4": "Interim target of 90% agreed by the committee while reviewing "
                    "officer posts were vacant; the posts have since been filled.",
                    "amber": "Some reviews were rescheduled at the family's request; the IRO "
                    "service has added capacity.",
                    "red": "Performance dipped as late reviews were rescheduled; the IRO service "
                    "has added capacity.",
                },
            ),
            Spec(
                id="4.2",
                title="Children aged 4 or over who took part in their review",
                unit="percent",
                polarity="higher",
                target=90,
                comparators={"england": 89.0, "statistical_neighbours": 91.5},
                owner=IRO_MANAGER,
                source="Independent reviewing service tracker",
                cohort="reviews_4plus",
                path=(86.0, 87.1),
                noise=1.0,
                plan="amber",
                notes={
                    "amber": "Below target; the participation team is offering more ways to take "
                    "part, including by video and through an advocate.",
                    "red": "Participation fell; reviewing officers are meeting children before "
                    "their reviews to agree how they want to take part.",
                },
            ),
            Spec(
                id="4.3",
                england_seen="2022",
                title="Children in care with a missing episode in the quarter",
                unit="percent",
                polarity="lower",
                target=10,
                comparators={"england": 11.0, "statistical_neighbours": 10.2},
                owner="Head of Safeguarding",
                source=CASE_SYSTEM,
                cohort="cla",
                path=(9.8, 8.6),
                noise=0.6,
                notes={
                    "amber": "Episodes rose over the summer; the missing panel meets fortnightly "
                    "to review children who go missing repeatedly.",
                },
            ),
            Spec(
                id="4.4",
                title="Children in care aged 10 to 17 cautioned or convicted in the last 12 months",
                unit="percent",
                polarity="lower",
                target=3,
                tolerance=1,
                comparators={"england": 2.0, "statistical_neighbours": 2.4},
                owner="Head of Youth Justice Service",
                source="Youth justice service case records",
                cohort="aged_10_17",
                numerators=(6, 5, 7, 6, 4, 3),
                plan="suppressed",
                notes={
                    "2026-27 Q2": "Suppressed at source to protect small numbers.",
                    "amber": "Slightly above target; the youth justice service and children in "
                    "care teams have agreed a joint protocol to avoid criminalising children in "
                    "children's homes.",
                },
            ),
            Spec(
                id="4.5",
                title="Return home interviews offered within 72 hours of a missing episode",
                unit="percent",
                polarity="higher",
                target=90,
                comparators={"statistical_neighbours": 84.0},
                owner="Head of Safeguarding",
                source="Return home interview provider's monthly return",
                cohort="missing_episodes",
                path=(86.0, 71.8),
                pin={1: 87.5, 4: 78.8},
                noise=1.5,
                plan="red",
                notes={
                    "red": "Interviews were delayed when the commissioned provider lost staff; "
                    "the contract is being reviewed and the in-house team is covering urgent "
                    "interviews.",
                    "amber": "Slightly below target; the provider has recruited to its vacant "
                    "posts.",
                },
            ),
            Spec(
                id="4.6",
                title="Children in care visited by their social worker within timescales",
                unit="percent",
                polarity="higher",
                target=95,
                tolerance=3,
                owner=HOS_CIC,
                source=CASE_SYSTEM,
                cohort="cla",
                path=(92.4, 95.6),
                pin={4: 95.8},
                noise=0.8,
                notes={
                    "amber": "Some visits were late over the holiday period; team managers now "
                    "check visits due every week.",
                    "red": "Visits fell behind while teams carried vacancies; team managers now "
                    "check visits due every week.",
                },
            ),
            Spec(
                id="4.7",
                title="Children in Care Council sessions held",
                unit="count",
                polarity="higher",
                target=6,
                tolerance=2,
                suppress_small=False,
                owner="Participation Manager",
                source="Participation team records",
                values=(6, 5, 7, 6, 6, 7),
                notes={
                    "amber": "Fewer sessions over the holiday period; the Children in Care "
                    "Council ran a summer activity day instead.",
                },
            ),
        ),
    ),
    PledgeSpec(
        id="5",
        title="Leaving care and independence",
        outcome="Achieve economic well-being",
        promises=(
            "We will help you find a safe and suitable home when you leave care.",
            "We will stay in touch with you until you are 25, and we will write your pathway plan "
            "with you.",
            "We will help you learn the skills to live on your own and manage your money.",
        ),
        measures=(
            Spec(
                id="5.1",
                england_seen="2019",
                title="Care leavers aged 19 to 21 in suitable accommodation",
                unit="percent",
                polarity="higher",
                target=88,
                comparators={"england": 85.0, "statistical_neighbours": 86.7},
                reference="NI 147",
                owner=HOS_LC,
                source=CASE_SYSTEM,
                cohort="leavers_19_21",
                path=(86.3, 90.1),
                noise=0.8,
                notes={
                    "amber": "Below target; the housing department has ring-fenced more "
                    "tenancies for care leavers.",
                    "red": "Below target; personal advisers are working with the housing "
                    "department on every care leaver in unsuitable accommodation.",
                },
            ),
            Spec(
                id="5.2",
                title="Care leavers aged 19 to 21 the council is in touch with",
                unit="percent",
                polarity="higher",
                target=92,
                tolerance=3,
                comparators={"england": 91.0, "statistical_neighbours": 92.4},
                owner=HOS_LC,
                source=CASE_SYSTEM,
                cohort="leavers_19_21",
                path=(90.5, 93.4),
                pin={4: 92.7},
                noise=0.6,
                notes={
                    "amber": "Personal advisers are renewing contact with care leavers who have "
                    "moved out of the area.",
                },
            ),
            Spec(
                id="5.3",
                title="Care leavers with an up-to-date pathway plan",
                unit="percent",
                polarity="higher",
                target=95,
                owner=HOS_LC,
                source=CASE_SYSTEM,
                cohort="leavers_open",
                path=(88.1, 91.2),
                noise=0.8,
                plan="amber",
                notes={
                    "amber": "Improving but below target; personal advisers plan to update all "
                    "overdue pathway plans by the end of next quarter.",
                    "red": "Plans fell behind while the team carried vacancies; overdue plans are "
                    "reviewed weekly by the team manager.",
                },
            ),
            Spec(
                id="5.4",
                title="Young people turning 18 in foster care who stayed with their carers "
                "(staying put)",
                description="Of those who turned 18 in foster care in the last 12 months.",
                unit="percent",
                polarity="higher",
                target=50,
                comparators={"england": 55.0, "statistical_neighbours": 51.3},
                owner="Service Manager, Fostering",
                source=CASE_SYSTEM,
                cohort="turned_18_foster",
                path=(46.0, 57.1),
                noise=1.5,
                notes={
                    "amber": "Below target; the fostering service now talks to carers about "
                    "staying put from age 16.",
                },
            ),
            Spec(
                id="5.5",
                title="Number of care leavers aged 17 to 25 supported by the leaving care service",
                unit="count",
                polarity="none",
                suppress_small=False,
                owner=HOS_LC,
                source=CASE_SYSTEM,
                ratio_of=("leavers_open", ""),
                plan="not_rated",
            ),
        ),
    ),
)


# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------


@dataclass
class Figure:
    """One measure in one workbook: value (a number, or a symbol such as 'c'), num, den, note."""

    measure: str
    period: str
    value: object
    numerator: object = None
    denominator: object = None
    commentary: str | None = None
    status: str = ""
    target: object = None


def all_specs() -> list[Spec]:
    """Every measure in definition order."""
    return [m for p in PLEDGES for m in p.measures]


def _path_values(spec: Spec, rng: random.Random) -> list[float]:
    """Six quarterly values: a straight line from first to last with seeded noise between."""
    assert spec.path is not None
    first, last = spec.path
    out = []
    for i in range(len(QUARTERS)):
        base = first + (last - first) * i / LATEST
        noise = rng.gauss(0, spec.noise) if 0 < i < LATEST and spec.noise else 0.0
        out.append(spec.pin.get(i, base + noise))
    return out


def _int(value: object) -> int:
    assert isinstance(value, (int, float)), value
    return int(value)


def _percent(numerator: int, denominator: float) -> float:
    return round(100 * numerator / denominator, 1)


def quarterly_figures(rng: random.Random) -> dict[str, list[Figure]]:
    """Figures for every quarterly measure, six each (before statuses and commentary)."""
    figures: dict[str, list[Figure]] = {}
    for spec in all_specs():
        if spec.frequency == "annual" or spec.id == "2.8":
            continue
        rows = []
        for i, target_value in enumerate(_path_values(spec, rng) if spec.path else [0.0] * 6):
            label = quarter_label(i)
            if spec.values is not None:
                rows.append(Figure(spec.id, label, spec.values[i]))
            elif spec.ratio_of is not None:
                top, bottom = spec.ratio_of
                num = COHORTS[top][i]
                if not bottom:
                    rows.append(Figure(spec.id, label, int(num)))
                    continue
                den = COHORTS[bottom][i]
                rows.append(Figure(spec.id, label, round(spec.scale * num / den, 1), num, den))
            elif spec.unit == "percent":
                assert spec.cohort is not None
                den = int(COHORTS[spec.cohort][i])
                if spec.numerators is not None:
                    num = spec.numerators[i]
                else:
                    num = round(target_value * den / 100)
                rows.append(Figure(spec.id, label, _percent(num, den), num, den))
            else:  # score, days: a value with no numerator
                places = 0 if spec.unit == "days" else 1
                value = round(target_value, places)
                rows.append(Figure(spec.id, label, int(value) if places == 0 else value))
        figures[spec.id] = rows
    # NEET (2.8) is the care leavers in touch (5.2) who are not in EET (2.7): the figures add up.
    neet = []
    for i in range(len(QUARTERS)):
        in_touch, eet = figures["5.2"][i], figures["2.7"][i]
        num = _int(in_touch.numerator) - _int(eet.numerator)
        den = _int(in_touch.denominator)
        neet.append(Figure("2.8", quarter_label(i), _percent(num, den), num, den))
        suitable = figures["5.1"][i]
        assert _int(suitable.numerator) <= _int(in_touch.numerator), "suitable > in touch"
    figures["2.8"] = neet
    return figures


def annual_figures() -> dict[str, list[Figure]]:
    """The two years each annual measure reports: in the 2025-26 Q2 and 2026-27 Q2 workbooks."""
    figures = {}
    for spec in all_specs():
        if spec.frequency != "annual":
            continue
        assert spec.annual is not None
        q2_files = [i for i, (_, q) in enumerate(QUARTERS) if q == ANNUAL_QUARTER]
        figures[spec.id] = [
            Figure(spec.id, annual_label(i), _percent(num, den), num, den)
            for i, (num, den) in zip(q2_files, spec.annual, strict=True)
        ]
    return figures


# --------------------------------------------------------------------------------------------
# RAG, as the design describes it: used here to check the planned mix and the commentary
# --------------------------------------------------------------------------------------------


def target_for(spec: Spec, period: str, override: object = None) -> object:
    """The target for a period label: an override, a per-year target, or the single target."""
    if override is not None:
        return override
    if isinstance(spec.target, dict):
        return spec.target.get(period[:7])
    return spec.target


def rate(spec: Spec, value: object, target: object, year_ago: object) -> str:
    """green / amber / red / no_data / suppressed / not_rated for one value."""
    if spec.polarity == "none" or target is None:
        return "not_rated"
    if isinstance(value, str):
        return "suppressed" if value in ("c", "<5") else "no_data"
    if value is None:
        return "no_data"
    assert isinstance(value, (int, float))
    if isinstance(target, tuple):
        low, high = target
        gap = low - value if value < low else value - high
        reference = high if value > high else low
    else:
        assert isinstance(target, (int, float))
        gap = target - value if spec.polarity == "higher" else value - target
        reference = target
    if gap <= 0:
        return "green"
    if spec.rag_rule == "trend" and isinstance(year_ago, (int, float)):
        better = value > year_ago if spec.polarity == "higher" else value < year_ago
        return "amber" if better else "red"
    tolerance = spec.tolerance if spec.tolerance is not None else DEFAULT_TOLERANCE
    if isinstance(tolerance, str):
        tolerance = abs(reference) * float(tolerance.rstrip("%")) / 100
    clear_of_boundaries(spec, value, gap, tolerance)
    return "amber" if gap <= tolerance else "red"


def clear_of_boundaries(spec: Spec, value: float, gap: float, tolerance: float) -> None:
    """Keep values off the green/amber/red edges, so every reader rates them the same way."""
    if spec.unit != "count":
        assert abs(gap) > 0.05 and abs(gap - tolerance) > 0.05, (spec.id, value, gap)


def commentary_for(spec: Spec, index: int, period: str, status: str) -> str | None:
    """The note for a figure: period-specific, else by status (reds always, ambers lately)."""
    if (spec.id, index) == MISSING_COMMENTARY:
        return None
    if period in spec.notes:
        return spec.notes[period]
    if status == "red":
        return spec.notes["red"]  # every red needs a note: a KeyError here is a missing one
    if status == "amber" and index >= LATEST - 1:
        return spec.notes.get("amber")
    return None


def build() -> dict[int, list[Figure]]:
    """Every workbook's figures, keyed by quarter index, rated and annotated."""
    rng = random.Random(SEED)
    quarterly = quarterly_figures(rng)
    annual = annual_figures()
    specs = {s.id: s for s in all_specs()}
    books: dict[int, list[Figure]] = {i: [] for i in range(len(QUARTERS))}
    for spec in specs.values():
        if spec.frequency == "annual":
            for n, figure in enumerate(annual[spec.id]):
                index = [i for i, (_, q) in enumerate(QUARTERS) if q == ANNUAL_QUARTER][n]
                before = annual[spec.id][n - 1].value if n else None
                target = target_for(spec, figure.period)
                figure.status = rate(spec, figure.value, target, before)
                figure.commentary = commentary_for(spec, index, figure.period, figure.status)
                books[index].append(figure)
            continue
        for i, figure in enumerate(quarterly[spec.id]):
            override = TARGET_OVERRIDES.get((spec.id, i))
            year_ago = quarterly[spec.id][i - 4].value if i >= 4 else None
            if (spec.id, i) == ("4.4", LATEST):  # suppressed at source by the council
                figure.value, figure.numerator = "c", "<5"
            if (spec.id, i) == ("1.1", LATEST):  # not yet available
                figure.value = "x"
            figure.target = override
            figure.status = rate(
                spec, figure.value, target_for(spec, figure.period, override), year_ago
            )
            figure.commentary = commentary_for(spec, i, figure.period, figure.status)
            books[i].append(figure)
    _check(books, specs)
    return books


def _check(books: dict[int, list[Figure]], specs: dict[str, Spec]) -> None:
    latest = books[LATEST]
    for figure in latest:
        planned = specs[figure.measure].plan
        if specs[figure.measure].polarity == "none":
            planned = "not_rated"
        assert figure.status == planned, (figure.measure, figure.status, planned, figure.value)
    silent = [
        (f.measure, i)
        for i, b in books.items()
        for f in b
        if f.status == "red" and not f.commentary
    ]
    assert silent == [MISSING_COMMENTARY], silent


def latest_mix() -> Counter[str]:
    """Status counts in the latest workbook (annual measures at their latest year)."""
    return Counter(f.status for f in build()[LATEST])


# --------------------------------------------------------------------------------------------
# pledge.yaml
# --------------------------------------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ,.()'/%+\-]*[A-Za-z0-9.)%]$")
_RESERVED = {"yes", "no", "true", "false", "on", "off", "null", "y", "n"}


def _scalar(text: str) -> str:
    """A YAML scalar: plain where that reads safely, otherwise double-quoted."""
    if _PLAIN.match(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _target(target: object) -> str:
    if isinstance(target, dict):
        return "{" + ", ".join(f'"{k}": {_number(v)}' for k, v in target.items()) + "}"
    if isinstance(target, tuple):
        return "[" + ", ".join(_number(v) for v in target) + "]"
    assert isinstance(target, (int, float))
    return _number(target)


HEADER = """\
# Northbridge Borough Council: the Pledge to children in care and care leavers.
#
# SYNTHETIC EXAMPLE DATA. Northbridge Borough Council is not a real council and E09000999 is
# not a real area code. The measures follow real national definitions (NI 58, NI 62, NI 63,
# NI 66, NI 147, NI 148, the adoption scorecard's A2), but every Northbridge figure is invented.
# Comparators are marked: an England figure seen in DfE publications (with its year), or an
# illustrative figure of the right size. Statistical neighbour figures are all illustrative.
#
# Generated by scripts/make_sample_data.py: change the script and run it, not this file.
"""


def pledge_yaml() -> str:
    """The text of pledge.yaml."""
    lines = [
        HEADER,
        f"council: {_scalar(COUNCIL)}",
        f'area: "{AREA}"',
        f"committee: {_scalar(COMMITTEE)}",
        "defaults:",
        f"  tolerance: {_number(DEFAULT_TOLERANCE)}   # amber band, in the measure's unit",
        '  stable_within: 0.5   # smaller changes are "no change" in direction of travel',
        "  suppression_threshold: 5",
        *sample_published.BENCHMARKS_YAML,
        "pledges:",
    ]
    for pledge in PLEDGES:
        lines += [
            f'  - id: "{pledge.id}"',
            f"    title: {_scalar(pledge.title)}",
            f"    outcome: {_scalar(pledge.outcome)}",
            "    promises:",
            *(f"      - {_scalar(p)}" for p in pledge.promises),
            "    measures:",
        ]
        for m in pledge.measures:
            lines += [f'      - id: "{m.id}"', f"        title: {_scalar(m.title)}"]
            lines.append(f"        short_title: {_scalar(SHORT_TITLES[m.id])}")
            if m.description:
                lines.append(f"        description: {_scalar(m.description)}")
            lines.append(f"        unit: {m.unit}")
            if m.unit_label:
                lines.append(f"        unit_label: {m.unit_label}")
            lines.append(f"        polarity: {m.polarity}")
            if m.target is not None:
                lines.append(f"        target: {_target(m.target)}")
            if m.tolerance is not None:
                tol = m.tolerance
                lines.append(
                    f"        tolerance: {f'{tol!r}' if isinstance(tol, str) else tol}".replace(
                        "'", '"'
                    )
                )
            if m.rag_rule:
                lines.append(f"        rag_rule: {m.rag_rule}")
            if m.comparators:
                pairs = ", ".join(f"{k}: {_number(v)}" for k, v in m.comparators.items())
                source = (
                    f"England: DfE figure for {m.england_seen}; others illustrative"
                    if m.england_seen
                    else "illustrative figures"
                )
                lines.append(f"        comparators: {{{pairs}}}  # {source}")
                if m.england_seen:
                    lines.append(f'        comparator_years: {{england: "{m.england_seen}"}}')
            if m.reference:
                lines.append(f'        reference: "{m.reference}"')
            if m.decimals is not None:
                lines.append(f"        decimals: {m.decimals}")
            lines += [
                f"        owner: {_scalar(m.owner)}",
                f"        source: {_scalar(m.source)}",
                f"        frequency: {m.frequency}",
            ]
            if not m.suppress_small:
                lines.append("        suppress_small: false")
            lines += sample_published.PUBLISHED_YAML.get(m.id, [])
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# Workbooks
# --------------------------------------------------------------------------------------------

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
WRAP = Alignment(wrap_text=True, vertical="top")


def _cell(value: object) -> object:
    """Whole floats as ints, so 20.0 is written 20 as people type it."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def tidy_workbook(index: int, figures: list[Figure]) -> Workbook:
    """A tidy workbook: header in row 1 of sheet 'Indicators', one row per measure."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Indicators"
    with_target = index == TARGET_FILE
    header = ["Measure", "Period", "Value", "Numerator", "Denominator"]
    header += ["Target"] if with_target else []
    ws.append([*header, "Commentary"])
    for cell in ws[1]:
        cell.font = BOLD
    for f in figures:
        row = [f.measure, f.period, _cell(f.value), _cell(f.numerator), _cell(f.denominator)]
        row += [f.target] if with_target else []
        ws.append([*row, f.commentary])
    for letter, width in zip("ABCDEFG", (9, 12, 9, 11, 13, 9, 80), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    if index in AGE_COUNTS:  # last quarter's profile, so the report can show the change
        _profile(wb, {f.measure: f for f in figures}, index)
    return wb


#: Latest workbook, council style: percentages as fractions in 0.0%-formatted cells for these...
FRACTION_IDS = {"1.2", "1.3", "2.1", "3.2", "3.4", "4.1", "4.6", "5.1", "5.2"}
#: ...and typed as text ("56.9%") for these.
TEXT_PERCENT_IDS = {"2.7", "5.3"}
#: Numerator and denominator written "n/a" for measures that have none.
NOT_APPLICABLE_IDS = {"1.1", "3.5"}
MONTHS = (("April", "June"), ("July", "September"), ("October", "December"), ("January", "March"))
TITLE = "Northbridge Borough Council – Corporate Parenting Scorecard"
FOOTNOTES = (
    "Source: Northbridge children's social care case management system, virtual school and "
    "health partner returns.",
    "c = suppressed to protect small numbers; x = not available; n/a = not applicable.",
    "Synthetic data for demonstration: these are not the figures of any real council.",
)


def _council_period(period: str) -> str:
    """'2026-27 Q2' -> 'Q2 2026/27'; '2025-26' -> '2025/26'."""
    year, _, quarter = period.partition(" ")
    year = year.replace("-", "/")
    return f"{quarter} {year}" if quarter else year


def messy_workbook(index: int, figures: list[Figure]) -> Workbook:
    """The latest quarter as councils send it: title rows, aliases, symbols, notes, extra sheets."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Indicators"
    year, quarter = QUARTERS[index]
    ws["A1"] = TITLE
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:F1")
    first, last = MONTHS[quarter - 1]
    ends = year + 1 if quarter == 4 else year
    ws["A2"] = f"Quarter {quarter} {year}/{(year + 1) % 100:02d} ({first} to {last} {ends})"
    ws["A2"].font = Font(italic=True)
    ws.merge_cells("A2:F2")
    ws.append([])
    ws.append(["Ref", "Qtr", "Actual", "Num", "Denom", "Comments"])
    for cell in ws[4]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
    by_id = {f.measure: f for f in figures}
    for p_index, pledge in enumerate(PLEDGES):
        if p_index:
            ws.append([])  # blank separator row between pledges
        for spec in pledge.measures:
            f = by_id[spec.id]
            ref: object = 2.1 if spec.id == "2.1" else spec.id  # typed as a number by someone
            value, num, den = _cell(f.value), _cell(f.numerator), _cell(f.denominator)
            if spec.id in TEXT_PERCENT_IDS:
                value = f"{value}%"
            if spec.id == "3.6":
                den = f"{den:,}"  # a thousands separator, stored as text
            if spec.id == "5.5":
                value = str(value)  # a count stored as text
            if spec.id in NOT_APPLICABLE_IDS:
                num = den = "n/a"
            ws.append([ref, _council_period(f.period), value, num, den, f.commentary])
            row = ws.max_row
            if spec.id in FRACTION_IDS:
                assert isinstance(value, (int, float))
                ws.cell(row, 3).value = round(value / 100, 4)
                ws.cell(row, 3).number_format = "0.0%"
            ws.cell(row, 6).alignment = WRAP
    ws.append([])
    for note in FOOTNOTES:
        ws.append([note])
    for letter, width in zip("ABCDEF", (8, 12, 10, 8, 10, 90), strict=True):
        ws.column_dimensions[letter].width = width
    _commitments(wb)
    _updates(wb)
    _actions(wb)
    _profile(wb, by_id, index)
    return wb


COMMITMENTS = (
    (
        "Children's Services",
        3,
        "Open a children's home in the borough so more children can live close to home",
        "Delayed",
        "Planning permission has been granted but building work started "
        "late; opening is now expected in the next financial year.",
    ),
    (
        "Children's Services",
        3,
        "Run a year-round campaign to recruit foster carers, especially for "
        "teenagers and brothers and sisters",
        "On track",
        "New households were approved this quarter and more are in assessment.",
    ),
    (
        "Children's Services",
        4,
        "Offer independent advocacy to every child before their review",
        "On track",
        "Advocacy is now offered in every review invitation letter.",
    ),
    (
        "Housing",
        5,
        "Ring-fence social housing tenancies for care leavers each year",
        "On track",
        "Tenancies for this year have been allocated with personal advisers.",
    ),
    (
        "Housing",
        5,
        "Exempt care leavers aged up to 25 from council tax",
        "Complete",
        "The exemption is applied automatically through the leaving care service.",
    ),
    (
        "Education",
        2,
        "Give children in care priority for places at the borough's schools",
        "Complete",
        "Included in the admissions arrangements agreed by Cabinet.",
    ),
    (
        "Education",
        2,
        "Fund one-to-one tuition in English and maths for pupils in care in Years 10 and 11",
        "On track",
        "Tuition is in place for the current Year 11 group.",
    ),
    (
        "Public Health",
        1,
        "Commission an emotional wellbeing service for children in care and care leavers up to 25",
        "On track",
        "The service has started taking referrals; waiting times are reported monthly.",
    ),
    (
        "Public Health",
        1,
        "Run a health and wellbeing drop-in at the care leavers' hub",
        "Not started",
        "Awaiting confirmation of funding from the integrated care board.",
    ),
    (
        "Human Resources",
        5,
        "Guarantee an interview for council jobs to care leavers who meet the essential criteria",
        "Complete",
        "In place in all council recruitment adverts.",
    ),
    (
        "Human Resources",
        2,
        "Offer work experience placements for care leavers in every directorate",
        "Delayed",
        "Placements are available in four directorates; the rest are being arranged.",
    ),
    (
        "Leisure & Culture",
        1,
        "Free leisure centre membership for children in care, their foster "
        "families and care leavers",
        "Complete",
        "Membership cards are issued by the leaving care and fostering teams.",
    ),
    (
        "Leisure & Culture",
        4,
        "A summer activities programme designed with the Children in Care Council",
        "On track",
        "The summer programme ran in August; feedback is being gathered.",
    ),
)

UPDATES = (
    (
        1,
        "Annual health assessments met the higher target set for this year. Initial health "
        "assessments remain the main concern: more children came into care over the summer "
        "while paediatric clinic capacity was reduced. The health partner has agreed additional"
        " clinics and the issue has been escalated to the integrated care board. Dental checks "
        "are still below target but better than a year ago.",
    ),
    (
        2,
        "Personal education plans are at their best level this year. Persistent absence remains"
        " above target, in line with the national trend, and the virtual school is working with"
        " schools outside the borough. Key Stage 4 results are above target and the England "
        "figure, although the cohort is small. More care leavers are in education, employment "
        "or training than last quarter, and the council's traineeship scheme is open.",
    ),
    (
        3,
        "Long-term stability improved and more children live in foster care. The proportion "
        "placed more than 20 miles from home is still too high because there are not enough "
        "local foster carers for teenagers; the new children's home has been delayed. Adoption "
        "timeliness is improving slowly. Social worker caseloads are above the agreed range "
        "while vacancies are filled.",
    ),
    (
        4,
        "Reviews are held on time and statutory visits meet target. Fewer children took part in"
        " their reviews than we want, and the participation team is offering more ways to take "
        "part. Return home interviews after missing episodes fell well below target when the "
        "commissioned provider lost staff; the contract is under review.",
    ),
    (
        5,
        "Care leavers aged 19 to 21 in suitable accommodation stay above target, and more are "
        "in touch with the council. Pathway plans are improving but below target. The council "
        "tax exemption and guaranteed interview scheme are now in place.",
    ),
)

#: Lead officer and due date of each commitment, in the order of COMMITMENTS. The meeting is on
#: 12 November 2026: the emotional wellbeing service (due 31 October) is overdue though on track.
COMMITMENT_PLANS = (
    ("Head of Service, Children in Care", datetime(2026, 9, 30)),
    ("Service Manager, Fostering", datetime(2027, 3, 31)),
    ("Participation Manager", datetime(2026, 12, 31)),
    ("Head of Housing Options", datetime(2027, 3, 31)),
    ("Head of Revenues and Benefits", datetime(2026, 4, 1)),
    ("Head of School Admissions", datetime(2026, 3, 31)),
    (VSH, datetime(2027, 7, 31)),
    ("Consultant in Public Health", datetime(2026, 10, 31)),
    ("Consultant in Public Health", datetime(2027, 1, 31)),
    ("Head of Human Resources", datetime(2025, 12, 31)),
    ("Head of Human Resources", datetime(2026, 12, 31)),
    ("Head of Leisure Services", datetime(2025, 9, 30)),
    ("Participation Manager", datetime(2026, 12, 31)),
)

#: The action plan (sheet Actions of the latest workbook): ref, action, pledge, measures, lead,
#: partners, resources, milestone, status, update. A3 and A6 are past their milestone at the
#: meeting (12 November 2026) and not complete, so the report flags them overdue.
ACTIONS = (
    (
        "A1",
        "Run additional paediatric clinics for initial health assessments",
        1,
        "1.4",
        HEALTH_NURSE,
        "Integrated care board; community paediatrics",
        "Within the health partner's budget",
        datetime(2026, 12, 31),
        "On track",
        "Extra clinics started in October, two a week until the backlog clears.",
    ),
    (
        "A2",
        "Send consent forms to health colleagues within five working days of a child coming "
        "into care",
        1,
        "1.4",
        HOS_CIC,
        "Health partner",
        "Existing staff",
        datetime(2026, 9, 30),
        "Complete",
        "A shared tracker has been in use since June.",
    ),
    (
        "A3",
        "Agree an attendance plan with the school of every pupil in care below 90% attendance",
        2,
        "2.4",
        VSH,
        "Schools; attendance officers",
        "Virtual school grant",
        datetime(2026, 10, 31),
        "Delayed",
        "Plans are agreed with borough schools; schools outside the borough are slower to respond.",
    ),
    (
        "A4",
        "Recruit foster carers for teenagers and agree block places with providers nearer the "
        "borough",
        3,
        "3.3",
        "Service Manager, Fostering",
        "Neighbouring councils; independent fostering agencies",
        "Fostering recruitment budget",
        datetime(2027, 3, 31),
        "On track",
        "Block places agreed with two providers within 20 miles.",
    ),
    (
        "A5",
        "Hold targeted family-finding events with the regional adoption agency",
        3,
        "3.5",
        "Head of Adoption and Permanence",
        "Regional adoption agency",
        "Regional adoption agency budget",
        datetime(2026, 12, 31),
        "On track",
        "The first event, for sibling groups, was held in September.",
    ),
    (
        "A6",
        "Review the return home interview contract and cover urgent interviews in-house",
        4,
        "4.5",
        "Head of Safeguarding",
        "Commissioned provider; commissioning team",
        "Existing contract value",
        datetime(2026, 10, 31),
        "In progress",
        "The contract review now reports to the December commissioning board.",
    ),
    (
        "A7",
        "Publish a care leavers' local offer written with care leavers",
        5,
        "5.2, 5.3",
        HOS_LC,
        "Children in Care Council; care leavers' forum",
        "Leaving care budget",
        datetime(2027, 1, 31),
        "On track",
        "A draft was tested with the care leavers' forum in September.",
    ),
)


#: Children in care by age at the end of each quarter that has a Profile sheet (sums to 3.7).
AGE_COUNTS = {
    LATEST - 1: (
        ("Aged under 1", 19),
        ("Aged 1 to 4", 52),
        ("Aged 5 to 9", 69),
        ("Aged 10 to 15", 160),
        ("Aged 16 and over", 114),
    ),
    LATEST: (
        ("Aged under 1", 18),
        ("Aged 1 to 4", 51),
        ("Aged 5 to 9", 70),
        ("Aged 10 to 15", 163),
        ("Aged 16 and over", 119),
    ),
}
#: (placed outside the borough, Black Asian and minority ethnic, boys, UASC, placement orders)
PROFILE_COUNTS = {LATEST - 1: (181, 170, 232, 35, 20), LATEST: (186, 174, 236, 37, 18)}
#: England figures for the profile, year to 31 March 2025 (DfE, children looked after 2025).
PROFILE_ENGLAND = {
    "Children in care per 10,000 children under 18": 67,
    "Placed more than 20 miles from home": 0.22,
    "Living in foster care": 0.67,
}


def _sheet(wb: Workbook, title: str, header: list[str], widths: tuple[int, ...]) -> Any:
    ws = wb.create_sheet(title)
    ws.append(header)
    for cell in ws[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
    for letter, width in zip("ABCDEFGHIJ", widths, strict=False):
        ws.column_dimensions[letter].width = width
    return ws


def _commitments(wb: Workbook) -> None:
    ws = _sheet(
        wb,
        "Commitments",
        ["Directorate", "Pledge", "Commitment", "Lead", "Due", "Status", "Update"],
        (20, 8, 60, 30, 12, 12, 60),
    )
    for row, (lead, due) in zip(COMMITMENTS, COMMITMENT_PLANS, strict=True):
        directorate, pledge, commitment, status, update = row
        ws.append([directorate, pledge, commitment, lead, due, status, update])
        ws.cell(ws.max_row, 5).number_format = "dd/mm/yyyy"


def _actions(wb: Workbook) -> None:
    header = ["Ref", "Action", "Pledge", "Measures", "Lead", "Partners", "Resources"]
    ws = _sheet(
        wb,
        "Actions",
        [*header, "Milestone", "Status", "Update"],
        (6, 50, 8, 10, 30, 30, 25, 12, 12, 50),
    )
    for row in ACTIONS:
        ws.append(list(row))
        ws.cell(ws.max_row, 8).number_format = "dd/mm/yyyy"


def _updates(wb: Workbook) -> None:
    ws = _sheet(wb, "Updates", ["Pledge", "Update"], (8, 120))
    for pledge, text in UPDATES:
        ws.append([pledge, text])
        ws.cell(ws.max_row, 2).alignment = WRAP


def _profile(wb: Workbook, figures: dict[str, Figure], index: int) -> None:
    """The cohort profile at the end of quarter ``index``: counts, and shares as 0.0% cells."""
    ws = _sheet(wb, "Profile", ["Period", "Label", "Value", "England"], (12, 55, 10, 10))
    children = _int(figures["3.7"].value)
    ages = AGE_COUNTS[index]
    assert sum(n for _, n in ages) == children
    outside, minority, boys, uasc, orders = PROFILE_COUNTS[index]

    def share(count: int) -> float:
        return round(count / children, 3)

    def fraction(figure: Figure) -> float:
        assert isinstance(figure.value, (int, float))
        return round(figure.value / 100, 3)

    rows: list[tuple[str, object]] = [
        ("Children in care", children),
        ("Children in care per 10,000 children under 18", figures["3.6"].value),
        ("Care leavers aged 17 to 25", figures["5.5"].value),
        ("Placed outside the borough", share(outside)),
        ("Placed more than 20 miles from home", fraction(figures["3.3"])),
        ("Living in foster care", fraction(figures["3.4"])),
        *((label, share(n)) for label, n in ages),
        ("From Black, Asian and minority ethnic backgrounds", share(minority)),
        ("Boys", share(boys)),
        ("Unaccompanied asylum-seeking children", uasc),
        ("Children subject to a placement order", orders),
    ]
    period = quarter_label(index)
    for label, value in rows:
        ws.append([period, label, value, PROFILE_ENGLAND.get(label)])
        if isinstance(value, float) and value < 1:
            ws.cell(ws.max_row, 3).number_format = "0.0%"
        england = PROFILE_ENGLAND.get(label)
        if isinstance(england, float) and england < 1:
            ws.cell(ws.max_row, 4).number_format = "0%"


def _save(wb: Workbook, path: Path) -> None:
    """Write ``wb`` with fixed timestamps, so the same figures always give the same bytes."""
    wb.properties.creator = "scripts/make_sample_data.py"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()  # save_workbook would stamp the time now
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dest.writestr(info, source.read(item.filename))
    path.write_bytes(out.getvalue())


def workbook_name(index: int) -> str:
    """File name of quarter ``index``'s workbook: '2025-26-Q1.xlsx'."""
    return quarter_label(index).replace(" ", "-") + ".xlsx"


def main(out_dir: Path | str | None = None) -> list[Path]:
    """Write pledge.yaml and the six workbooks into ``out_dir`` (default: sample_data/)."""
    out = Path(out_dir) if out_dir is not None else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "pledge.yaml"]
    written[0].write_text(pledge_yaml(), encoding="utf-8", newline="\n")
    books = build()
    for index, figures in books.items():
        path = out / workbook_name(index)
        maker = messy_workbook if index == LATEST else tidy_workbook
        _save(maker(index, figures), path)
        written.append(path)
    written += sample_published.write_published(out)
    return written


if __name__ == "__main__":
    for written_path in main(sys.argv[1] if len(sys.argv) > 1 else None):
        print(written_path)
    print("latest quarter:", dict(sorted(latest_mix().items())))
