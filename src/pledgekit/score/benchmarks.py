"""Benchmarks from published figures: the model, and its ``pledgekit.benchmark/1`` JSON shape.

For each measure with published figures and each published year: the council's figure; England's
and its region's; the neighbours' median (or mean) and how many neighbours had a figure; the rank
among all councils with a figure (1 is best by the measure's polarity, ties share a rank, councils
whose figure is suppressed or not published are left out and counted); the quartile band; and
whether the council differs from England and from its neighbours by more than chance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pledgekit.config.pledge import Measure, NeighbourAverage, Pledge
from pledgekit.model.status import Significance
from pledgekit.model.values import Reading
from pledgekit.read.ees import Year
from pledgekit.read.published import Area, NeighbourRef
from pledgekit.score.formatting import format_quantity, format_reading
from pledgekit.score.significance import Interval, Level, method_note

if TYPE_CHECKING:
    import pandas as pd

SCHEMA = "pledgekit.benchmark/1"
QUARTILES = ("1st quartile (best)", "2nd quartile", "3rd quartile", "4th quartile (worst)")


def _number(reading: Reading) -> float | None:
    return reading.number if reading.is_number else None


@dataclass(frozen=True, slots=True)
class Rank:
    """Where the council stands among all councils with a figure (1 is best)."""

    position: int
    ranked: int
    suppressed: int
    unpublished: int

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


@dataclass(frozen=True)
class MeasureBenchmark:
    """A measure's benchmarks over the published years, oldest first."""

    pledge: Pledge
    measure: Measure
    file: str
    years: tuple[YearBenchmark, ...]

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
        """The council's figure as published (a symbol when suppressed)."""
        return format_reading(reading, self.measure)


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
        "council": {**_reading(yb.council), "display": mb.show_reading(yb.council)},
        "numerator": _reading(yb.numerator),
        "denominator": _reading(yb.denominator),
        "england": yb.england,
        "region": yb.region,
        "neighbours": {
            "average": yb.neighbours,
            "contributed": yb.neighbours_contributed,
            "of": yb.neighbours_total,
        },
        "rank": None
        if rank is None
        else {
            "position": rank.position,
            "ranked": rank.ranked,
            "suppressed": rank.suppressed,
            "not_published": rank.unpublished,
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
        "significance": {"level": bench.level.value, "method": bench.method_note},
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
    "pledge",
    "measure",
    "title",
    "year",
    "council",
    "numerator",
    "denominator",
    "england",
    "region",
    "neighbours",
    "neighbours_contributed",
    "neighbours_total",
    "rank",
    "ranked",
    "suppressed",
    "not_published",
    "quartile",
    "lower",
    "upper",
    "vs_england",
    "vs_neighbours",
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
                    "pledge": mb.pledge.id,
                    "measure": mb.measure.id,
                    "title": mb.measure.title,
                    "year": yb.year.label,
                    "council": yb.council.number if yb.council.is_number else yb.council.display(),
                    "numerator": yb.numerator.number if yb.numerator.is_number else None,
                    "denominator": yb.denominator.number if yb.denominator.is_number else None,
                    "england": yb.england,
                    "region": yb.region,
                    "neighbours": yb.neighbours,
                    "neighbours_contributed": yb.neighbours_contributed,
                    "neighbours_total": yb.neighbours_total,
                    "rank": rank.position if rank else None,
                    "ranked": rank.ranked if rank else None,
                    "suppressed": rank.suppressed if rank else None,
                    "not_published": rank.unpublished if rank else None,
                    "quartile": rank.quartile if rank else None,
                    "lower": round(found.lower, 4) if found else None,
                    "upper": round(found.upper, 4) if found else None,
                    "vs_england": yb.vs_england.label,
                    "vs_neighbours": yb.vs_neighbours.label,
                }
            )
    return rows
