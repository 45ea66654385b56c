"""Synthetic published statistics for the sample: EES-format data files and a neighbour table.

Part of ``scripts/make_sample_data.py``. Every council here is invented (codes E09000999 and the
like belong to no real area); the files only have the shape of DfE's Explore Education Statistics
tidy CSV and of DfE's statistical-neighbour model table, so the sample's `published:` entries and
`pledgekit benchmark` have something to read. England's figures for 2025 are DfE's published ones
(domain notes); everything else is made up with a fixed seed.
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass
from pathlib import Path

# The EES column names come from pledgekit's reader (standard library only), read from this
# checkout's source so the script still runs before pledgekit is installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from pledgekit.read.ees import GEOGRAPHY_COLUMNS, TIME_COLUMNS

FOLDER = "published"
YEARS = ("2023", "2024", "2025")
HOME = ("999", "E09000999", "Northbridge")


@dataclass(frozen=True)
class Council:
    old: str
    new: str
    name: str
    region_code: str
    region_name: str
    size: float  # children in care relative to the home council


_NAMES = [
    "Ashcombe", "Belmere", "Calderside", "Dunmore", "Elmfield", "Fernhill", "Glenbrook",
    "Harrowgate Vale", "Ivybridge Park", "Juniper Cross", "Kingsmere", "Larkhill",
    "Marshbrook", "Northvale", "Oakhurst", "Pennington", "Quarry Bank", "Ravenscroft",
    "Stonebridge", "Thornbury Heath", "Upperton", "Westmarsh",
]  # fmt: skip
LONDON = ("E12000007", "London")
SOUTH_EAST = ("E12000008", "South East")
#: DfE's data files code each London borough Inner or Outer London, and publish a London row
#: besides (the neighbour table and dashboard compare a borough with London).
INNER, OUTER = ("E13000001", "Inner London"), ("E13000002", "Outer London")


def councils() -> list[Council]:
    """The home council and 22 invented others: 12 in London, 10 in the South East."""
    rng = random.Random(2025)
    found = [Council(HOME[0], HOME[1], f"{HOME[2]} (synthetic)", *INNER, 1.0)]
    for index, name in enumerate(_NAMES):
        region = (INNER if index < 6 else OUTER) if index < 12 else SOUTH_EAST
        prefix = "E09000" if index < 12 else "E06000"
        found.append(
            Council(
                str(970 + index),
                f"{prefix}{970 + index}",
                f"{name} (synthetic)",
                *region,
                round(rng.uniform(0.4, 2.2), 2),
            )
        )
    return found


#: The home council's ten neighbours (old codes), nearest first, with DfE's closeness words.
NEIGHBOURS = [
    ("970", "Very close"),
    ("971", "Very close"),
    ("972", "Close"),
    ("973", "Close"),
    ("974", "Close"),
    ("975", "Close"),
    ("976", "Somewhat close"),
    ("977", "Somewhat close"),
    ("982", "Somewhat close"),
    ("983", "Somewhat close"),
]
#: Neighbours whose 3+ placements figure is suppressed in 2025, so 8 of 10 contribute.
SUPPRESSED_2025 = {"972", "976"}

#: The fixed columns of every EES file, as pledgekit reads them.
GEO = [*TIME_COLUMNS, *GEOGRAPHY_COLUMNS]


def _geo(
    year: str, level: str, council: Council | None, region: tuple[str, str] | None
) -> list[str]:
    row = [year, "Reporting year", level, "E92000001", "England"]
    if level == "National":
        return [*row, "", "", "", "", ""]
    if level == "Regional":
        assert region is not None
        return [*row, region[0], region[1], "", "", ""]
    assert council is not None
    return [*row, council.region_code, council.region_name, council.old, council.name, council.new]


def _round10(value: float) -> int:
    return int(round(value / 10.0) * 10)


def _share_rows(
    rng: random.Random,
    *,
    cohort: dict[str, int],
    england: dict[str, int],
    share: dict[str, float],
    filters: list[str],
    parts: list[tuple[str, ...]],
    total: tuple[str, ...],
    suppressed: dict[str, set[str]],
    home: dict[str, float],
) -> list[list[str]]:
    """Rows of a 'count and percent of a cohort' table: one per area, year and part."""
    rows: list[list[str]] = []
    everyone = councils()
    for year in YEARS:
        region_totals: dict[tuple[str, str], list[float]] = {
            INNER: [0, 0],
            OUTER: [0, 0],
            SOUTH_EAST: [0, 0],
        }
        national_n = england[year]
        national_count = _round10(national_n * share[year] / 100)
        rows.append([*_geo(year, "National", None, None), *total, str(_round10(national_n)), "100"])
        rows.append(
            [
                *_geo(year, "National", None, None),
                *parts[0],
                str(national_count),
                str(round(100 * national_count / national_n)),
            ]
        )
        la_rows: list[list[str]] = []
        for council in everyone:
            n = max(20, int(cohort[year] * council.size * rng.uniform(0.9, 1.1)))
            p = min(95.0, max(1.0, rng.gauss(share[year], 3)))
            if council.old == HOME[0]:
                p = home[year]  # set, so the sample shows each significance verdict
            count = round(n * p / 100)
            region_totals[(council.region_code, council.region_name)][0] += n
            region_totals[(council.region_code, council.region_name)][1] += count
            la_rows.append([*_geo(year, "Local authority", council, None), *total, str(n), "100"])
            if council.old in suppressed.get(year, set()):
                la_rows.append([*_geo(year, "Local authority", council, None), *parts[0], "c", "c"])
            else:
                la_rows.append(
                    [
                        *_geo(year, "Local authority", council, None),
                        *parts[0],
                        str(count),
                        str(round(100 * count / n)),
                    ]
                )
        region_totals[LONDON] = [region_totals[INNER][i] + region_totals[OUTER][i] for i in (0, 1)]
        for region, (n, count) in region_totals.items():
            rows.append([*_geo(year, "Regional", None, region), *total, str(_round10(n)), "100"])
            rows.append(
                [
                    *_geo(year, "Regional", None, region),
                    *parts[0],
                    str(_round10(count)),
                    str(round(100 * count / n)),
                ]
            )
        rows += la_rows
    return rows


#: ONS-style mid-year population under 18 and children looked after on 31 March, England.
_ENGLAND_POPULATION = {"2023": 12_050_000, "2024": 12_120_000, "2025": 12_180_000}
_ENGLAND_CLA = {"2023": 83_630, "2024": 83_630, "2025": 81_770}


def placement_stability(rng: random.Random) -> tuple[list[str], list[list[str]]]:
    """Children looked after at 31 March with 3 or more placements in the year."""
    header = [*GEO, "cla_group", "placement_stability", "children_count", "children_percent"]
    rows = _share_rows(
        rng,
        cohort={"2023": 410, "2024": 405, "2025": 400},
        england=_ENGLAND_CLA,
        share={"2023": 10.0, "2024": 10.0, "2025": 10.0},
        filters=["cla_group", "placement_stability"],
        parts=[("CLA on 31 March", "With 3 or more placements during the year")],
        total=("CLA on 31 March", "Total children"),
        suppressed={"2025": SUPPRESSED_2025},
        home={"2023": 16.0, "2024": 12.0, "2025": 10.5},
    )
    return header, rows


def care_leavers(rng: random.Random) -> tuple[list[str], list[list[str]]]:
    """Care leavers aged 19 to 21 in education, employment or training, in the layout of DfE's
    ``la_care_leavers_activity.csv``: filters ``care_leaver_age`` and ``breakdown``."""
    header = [
        *GEO,
        "care_leaver_age",
        "breakdown",
        "care_leaver_count",
        "care_leaver_percent",
    ]
    rows = _share_rows(
        rng,
        cohort={"2023": 170, "2024": 175, "2025": 178},
        england={"2023": 36280, "2024": 37140, "2025": 38000},
        share={"2023": 55.0, "2024": 55.0, "2025": 54.0},
        filters=["care_leaver_age", "breakdown"],
        parts=[("19 to 21 years", "Total in education, employment or training")],
        total=("19 to 21 years", "Total"),
        suppressed={},
        home={"2023": 63.0, "2024": 58.0, "2025": 56.0},
    )
    return header, rows


_RATE_TYPES = (
    "Children looked after on 31 March each year",
    "Children starting to be looked after each year",
    "Children ceasing to be looked after each year",
)


def cla_rates(rng: random.Random) -> tuple[list[str], list[list[str]]]:
    """Children looked after per 10,000 children under 18, in the layout of DfE's
    ``cla_number_and_rate_per_10k_children.csv``: filter ``population_type``, indicators
    ``population_estimate``, ``children_count``, ``rate_per_10000`` (a whole number)."""
    header = [*GEO, "population_type", "population_estimate", "children_count", "rate_per_10000"]
    rows: list[list[str]] = []
    for year in YEARS:
        for index, kind in enumerate(_RATE_TYPES):
            share = (1.0, 0.4, 0.4)[index]
            population = _ENGLAND_POPULATION[year]
            count = _round10(_ENGLAND_CLA[year] * share)
            rows.append(
                [
                    *_geo(year, "National", None, None),
                    kind,
                    str(_round10(population)),
                    str(count),
                    str(round(10_000 * count / population)),
                ]
            )
            for council in councils():
                pop = int(52_000 * council.size * rng.uniform(0.9, 1.1))
                rate = rng.uniform(45, 95) * share
                if council.old == HOME[0]:
                    rate = (78.0, 74.0, 72.0)[YEARS.index(year)] * share
                children = round(pop * rate / 10_000)
                rows.append(
                    [
                        *_geo(year, "Local authority", council, None),
                        kind,
                        str(pop),
                        str(children),
                        str(round(10_000 * children / pop)),
                    ]
                )
    return header, rows


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    # DfE's files begin with a byte-order mark; so do these.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def neighbour_table() -> tuple[list[str], list[list[str]]]:
    """DfE's model-table shape: one row per council, SN_1..SN_10 and closeness words."""
    header = ["old_la_code", "la_name", "region_ind", "region_name"]
    for slot in range(1, 11):
        header += [f"SN_{slot}", f"SN_{slot}P"]
    home = councils()[0]
    row = [home.old, home.name, "7", LONDON[1]]  # the table says London
    for code, word in NEIGHBOURS:
        row += [code, word]
    return header, [row]


def write_published(out: Path) -> list[Path]:
    """Write the synthetic published files into ``out/published/``."""
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(31032025)
    written = []
    for name, (header, rows) in (
        ("la_cla_placement_stability.csv", placement_stability(rng)),
        ("la_care_leavers_activity.csv", care_leavers(rng)),
        ("cla_number_and_rate_per_10k_children.csv", cla_rates(rng)),
        ("sn_model_2025_wide.csv", neighbour_table()),
    ):
        path = folder / name
        _write(path, header, rows)
        written.append(path)
    return written


#: What pledge.yaml says for the measures wired to the files above.
PUBLISHED_YAML = {
    "3.1": [
        "        published:   # synthetic EES-format file, see sample_data/README.md",
        "          file: published/la_cla_placement_stability.csv",
        '          where: {cla_group: "CLA on 31 March", placement_stability: "With 3 or more '
        'placements during the year"}',
        "          value: children_percent",
        "          numerator: children_count",
        '          denominator_where: {placement_stability: "Total children"}',
    ],
    "2.7": [
        "        published:   # synthetic EES-format file, see sample_data/README.md",
        "          file: published/la_care_leavers_activity.csv",
        '          where: {care_leaver_age: "19 to 21 years", breakdown: "Total in education, '
        'employment or training"}',
        "          value: care_leaver_percent",
        "          numerator: care_leaver_count",
        '          denominator_where: {breakdown: "Total"}',
    ],
    "3.6": [
        "        published:   # a rate: value, numerator and denominator in one row",
        "          file: published/cla_number_and_rate_per_10k_children.csv",
        '          where: {population_type: "Children looked after on 31 March each year"}',
        "          value: rate_per_10000",
        "          numerator: children_count",
        "          denominator: population_estimate",
    ],
}
BENCHMARKS_YAML = [
    "reference_pack: dfe-2025   # DfE England figures for 2025 as default comparators",
    "benchmarks:",
    "  neighbours: published/sn_model_2025_wide.csv   # synthetic, in DfE's model-table shape",
    "  neighbour_average: median   # DfE's convention",
]
