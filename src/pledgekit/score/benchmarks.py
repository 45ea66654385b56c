"""Benchmarks from published figures: the model, and its ``pledgekit.benchmark/1`` JSON shape.

For each measure with published figures and each published year: the council's figure (a symbol
as DfE wrote it when withheld or small); England's and its region's; the neighbours' median (or
mean) and how many neighbours had a figure (with a caution below 5); the rank among all councils
with a figure (1 is best by the measure's polarity, ties share a rank, ``k`` a small value ranked
at the bottom of the range, councils whose figure is withheld left out and counted by symbol); the
quartile band; and whether the council differs from England and from its neighbours by more than
chance, or why that was not tested.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pledgekit.config.pledge import Measure, Pledge
from pledgekit.model.findings import Finding
from pledgekit.model.published_figures import (
    Area,
    NationalFrom,
    NeighbourAverage,
    NeighbourRef,
    PublishedSeries,
    Year,
    published_symbol,
)
from pledgekit.model.status import Significance
from pledgekit.model.values import Reading
from pledgekit.score.formatting import format_quantity, format_reading
from pledgekit.score.significance import Interval, Level, method_note

if TYPE_CHECKING:
    import pandas as pd

SCHEMA = "pledgekit.benchmark/1"
QUARTILES = ("1st quartile (best)", "2nd quartile", "3rd quartile", "4th quartile (worst)")
#: Fewer neighbours than this with a figure: the average is shown with a caution.
FEW_NEIGHBOURS = 5


def _number(reading: Reading) -> float | None:
    return reading.number if reading.is_number else None


@dataclass(frozen=True, slots=True)
class Rank:
    """Where the council stands among all councils with a figure (1 is best)."""

    position: int
    ranked: int
    suppressed: int
    unpublished: int
    #: Councils left out, by the symbol DfE published (c, x, z, u ...).
    excluded: tuple[tuple[str, int], ...] = ()
    #: Councils ranked from a small published value (k, low), this one among them or not.
    small: int = 0

    @property
    def excluded_text(self) -> str:
        """'3 c, 1 x' (empty when none was left out)."""
        return ", ".join(f"{n} {symbol}" for symbol, n in self.excluded)

    @property
    def quartile(self) -> int:
        """1 (best quarter) to 4 (worst), from the rank."""
        return min(4, (self.position - 1) * 4 // self.ranked + 1)

    @property
    def quartile_label(self) -> str:
        """'1st quartile (best)' ... '4th quartile (worst)'."""
        return QUARTILES[self.quartile - 1]


@dataclass(frozen=True, slots=True)
class YearBenchmark:
    """One published year of one measure."""

    year: Year
    council: Reading
    numerator: Reading
    denominator: Reading
    england: float | None
    region: float | None
    neighbours: float | None
    neighbours_contributed: int
    neighbours_total: int
    rank: Rank | None
    intervals: dict[Level, Interval]
    vs_england: Significance
    vs_neighbours: Significance
    #: Why nothing was tested, in words ('' when a test was made).
    not_tested: str = ""
    #: The region compared with, as the file names it.
    region_name: str | None = None

    @property
    def symbol(self) -> str:
        """The council's figure's symbol as DfE wrote it ('' for a number)."""
        return published_symbol(self.council)

    @property
    def few_neighbours(self) -> bool:
        """True when the neighbours' average rests on fewer than 5 figures."""
        return self.neighbours is not None and self.neighbours_contributed < FEW_NEIGHBOURS


@dataclass(frozen=True)
class MeasureBenchmark:
    """A measure's benchmarks over the published years, oldest first."""

    pledge: Pledge
    measure: Measure
    file: str
    years: tuple[YearBenchmark, ...]
    #: Every council's figures, for funnel charts (the same object for every council).
    series: PublishedSeries | None = None
    #: The council benchmarked and its neighbours' codes (new and old), to mark on a funnel.
    home: Area | None = None
    neighbour_codes: frozenset[str] = frozenset()

    @property
    def latest(self) -> YearBenchmark | None:
        """The most recent published year."""
        return self.years[-1] if self.years else None

    def for_year_ending(self, end: int) -> YearBenchmark | None:
        """The latest year ending no later than ``end`` (calendar year), else the earliest."""
        earlier = [y for y in self.years if y.year.end <= end]
        return earlier[-1] if earlier else (self.years[0] if self.years else None)

    def show(self, number: float | None) -> str:
        """A figure in the measure's unit, or empty."""
        return "" if number is None else format_quantity(number, self.measure)

    def show_reading(self, reading: Reading) -> str:
        """The council's figure as published: the symbol DfE wrote (k, low, u, c ...) when it is
        not a number."""
        symbol = published_symbol(reading)
        return symbol if symbol else format_reading(reading, self.measure)


@dataclass(frozen=True)
class Benchmarks:
    """Benchmarks of every measure with published figures."""

    council: str
    area: Area | None
    region: str | None
    neighbours: list[NeighbourRef]
    neighbours_source: str | None
    average: NeighbourAverage
    level: Level
    measures: list[MeasureBenchmark]
    national_from: NationalFrom = NationalFrom.PUBLISHED
    #: How the region was chosen, in words (pledge.yaml's ``region:``).
    region_choice: str = ""
    #: Warnings from reading the published files (impossible figures, bad years ...).
    warnings: tuple[Finding, ...] = ()

    @property
    def method_note(self) -> str:
        """The footnote naming the significance method."""
        return method_note(self.level)

    @property
    def average_word(self) -> str:
        """'median' or 'mean'."""
        return self.average.value

    def to_dict(self) -> dict[str, Any]:
        """The documented ``pledgekit.benchmark/1`` JSON shape (docs/formats.md)."""
        return benchmarks_to_dict(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per measure and published year, for analysts in notebooks."""
        import pandas as pd

        frame: pd.DataFrame = pd.DataFrame(flat_rows(self), columns=list(FLAT_COLUMNS))
        return frame


def _reading(reading: Any) -> dict[str, Any]:
    return {"state": reading.state.value, "number": reading.number}


def year_to_dict(mb: MeasureBenchmark, yb: YearBenchmark, level: Level) -> dict[str, Any]:
    """One published year as JSON-ready data."""
    rank = yb.rank
    return {
        "year": yb.year.label,
        "time_period": yb.year.code,
        "council": {
            **_reading(yb.council),
            "symbol": yb.symbol or None,
            "display": mb.show_reading(yb.council),
        },
        "numerator": _reading(yb.numerator),
        "denominator": _reading(yb.denominator),
        "england": yb.england,
        "region": yb.region,
        "region_name": yb.region_name,
        "neighbours": {
            "average": yb.neighbours,
            "contributed": yb.neighbours_contributed,
            "of": yb.neighbours_total,
            "caution": yb.few_neighbours,
        },
        "rank": None
        if rank is None
        else {
            "position": rank.position,
            "ranked": rank.ranked,
            "suppressed": rank.suppressed,
            "not_published": rank.unpublished,
            "excluded": dict(rank.excluded),
            "small_values": rank.small,
            "quartile": rank.quartile,
            "quartile_label": rank.quartile_label,
        },
        "intervals": {
            lv.value: {"lower": iv.lower, "upper": iv.upper, "method": iv.method.value}
            for lv, iv in yb.intervals.items()
        },
        "significance": {
            "level": level.value,
            "england": {"value": yb.vs_england.value, "label": yb.vs_england.label},
            "neighbours": {"value": yb.vs_neighbours.value, "label": yb.vs_neighbours.label},
            "not_tested_reason": yb.not_tested or None,
        },
    }


def benchmarks_to_dict(bench: Benchmarks) -> dict[str, Any]:
    """The whole benchmark set as JSON-ready data."""
    area = bench.area
    return {
        "schema": SCHEMA,
        "council": bench.council,
        "area": None
        if area is None
        else {"code": area.code, "old_code": area.old_code, "name": area.name},
        "region": bench.region,
        "neighbours": [
            {"code": n.code, "name": n.name, "closeness": n.closeness} for n in bench.neighbours
        ],
        "neighbours_source": bench.neighbours_source,
        "neighbour_average": bench.average.value,
        "england_from": bench.national_from.value,
        "region_choice": bench.region_choice,
        "significance": {"level": bench.level.value, "method": bench.method_note},
        "warnings": [f"{f.location}: {f.message}" for f in bench.warnings],
        "measures": [
            {
                "pledge": mb.pledge.id,
                "measure": mb.measure.id,
                "title": mb.measure.title,
                "unit": mb.measure.unit.value,
                "polarity": mb.measure.polarity.value,
                "file": mb.file,
                "years": [year_to_dict(mb, yb, bench.level) for yb in mb.years],
            }
            for mb in bench.measures
        ],
    }


FLAT_COLUMNS = (
    "area_code",
    "area",
    "pledge",
    "measure",
    "title",
    "year",
    "council",
    "numerator",
    "denominator",
    "england",
    "region",
    "region_name",
    "neighbours",
    "neighbours_contributed",
    "neighbours_total",
    "neighbours_caution",
    "rank",
    "ranked",
    "suppressed",
    "not_published",
    "quartile",
    "lower",
    "upper",
    "vs_england",
    "vs_neighbours",
    "not_tested_reason",
)


def flat_rows(bench: Benchmarks) -> list[dict[str, Any]]:
    """One dict per measure and year with :data:`FLAT_COLUMNS` (numbers as numbers)."""
    rows = []
    for mb in bench.measures:
        for yb in mb.years:
            found = yb.intervals.get(bench.level)
            rank = yb.rank
            rows.append(
                {
                    "area_code": bench.area.code if bench.area else None,
                    "area": bench.area.name if bench.area else bench.council,
                    "pledge": mb.pledge.id,
                    "measure": mb.measure.id,
                    "title": mb.measure.title,
                    "year": yb.year.label,
                    "council": yb.council.number if yb.council.is_number else yb.symbol,
                    "numerator": yb.numerator.number if yb.numerator.is_number else None,
                    "denominator": yb.denominator.number if yb.denominator.is_number else None,
                    "england": yb.england,
                    "region": yb.region,
                    "region_name": yb.region_name,
                    "neighbours": yb.neighbours,
                    "neighbours_contributed": yb.neighbours_contributed,
                    "neighbours_total": yb.neighbours_total,
                    "neighbours_caution": yb.few_neighbours,
                    "rank": rank.position if rank else None,
                    "ranked": rank.ranked if rank else None,
                    "suppressed": rank.suppressed if rank else None,
                    "not_published": rank.unpublished if rank else None,
                    "quartile": rank.quartile if rank else None,
                    "lower": round(found.lower, 4) if found else None,
                    "upper": round(found.upper, 4) if found else None,
                    "vs_england": yb.vs_england.label,
                    "vs_neighbours": yb.vs_neighbours.label,
                    "not_tested_reason": yb.not_tested or None,
                }
            )
    return rows


SET_SCHEMA = "pledgekit.benchmark-areas/1"


@dataclass(frozen=True)
class BenchmarkSet:
    """Benchmarks of many councils from one read of the files (``benchmark --areas``).

    ``marked`` is the council pledge.yaml's ``area:`` names, when it is among them: the one a
    funnel chart marks.
    """

    councils: list[Benchmarks]
    marked: Benchmarks | None = None

    def to_dict(self) -> dict[str, Any]:
        """``pledgekit.benchmark-areas/1``: each council's ``pledgekit.benchmark/1`` shape."""
        return {
            "schema": SET_SCHEMA,
            "marked": self.marked.area.code if self.marked and self.marked.area else None,
            "councils": [b.to_dict() for b in self.councils],
        }


def all_flat_rows(found: Benchmarks | BenchmarkSet) -> list[dict[str, Any]]:
    """:func:`flat_rows` of one council, or of every council of a set in turn."""
    if isinstance(found, BenchmarkSet):
        return [row for bench in found.councils for row in flat_rows(bench)]
    return flat_rows(found)
