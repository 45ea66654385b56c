"""Published figures -> :class:`~pledgekit.score.benchmarks.Benchmarks`.

For each measure with published figures and each published year: the council's figure; England's
and its region's (published percentages, or from the published counts as pledge.yaml asks); the
neighbours' median (or mean) and how many neighbours had a figure; the rank among all councils
with a figure (1 is best by the measure's polarity, ties share a rank; ``k`` and ``low`` are
published small values, counted as 0.25, the middle of 0 to 0.5, so they rank at the bottom of
the range and count in the average; ``c``, ``x``, ``z``, ``u`` are left out and counted); the
quartile band; and whether the council differs from England and from its neighbours by more than
chance (never where its figure is withheld: the reason is kept instead).

Every council's benchmarks come from one index per measure and year (:class:`YearIndex`), so
``benchmark --areas all`` costs little more than one council.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pledgekit.config.pledge import Definition, Measure, Pledge
from pledgekit.model.findings import Finding
from pledgekit.model.measure_kinds import Polarity, Unit
from pledgekit.model.published_figures import (
    LOCAL,
    LONDON_CODE,
    NATIONAL,
    REGIONAL,
    Area,
    Figure,
    NationalFrom,
    NeighbourAverage,
    NeighbourRef,
    PublishedData,
    PublishedSeries,
    Year,
    is_small,
    published_symbol,
    rankable,
)
from pledgekit.model.values import Reading, ValueState
from pledgekit.score.benchmarks import Benchmarks, MeasureBenchmark, Rank, YearBenchmark
from pledgekit.score.ranking import RankTable, neighbour_average, rank_of
from pledgekit.score.significance import Level, interval, judge

__all__ = ["build_area_benchmarks", "build_benchmarks", "level_for", "rank_of"]


def _number(reading: Reading) -> float | None:
    return reading.number if reading.is_number else None


def level_for(confidence: float) -> Level:
    """The significance level pledge.yaml asks for (95 or 99.8)."""
    return Level.P99_8 if confidence == 99.8 else Level.P95


def _from_counts(figure: Figure, unit: Unit, how: NationalFrom) -> float | None:
    """England's or a region's figure: as published, or from its counts where asked and known."""
    published = _number(figure.value)
    if how is NationalFrom.COUNTS and unit is Unit.PERCENT:
        num, den = _number(figure.numerator), _number(figure.denominator)
        if num is not None and den:
            return 100 * num / den
    return published


def _why_not_tested(reading: Reading, num: float | None, den: float | None) -> str:
    symbol = published_symbol(reading)
    if reading.state is ValueState.INVALID:
        return "not tested: the published figure is impossible"
    if not reading.is_number and not is_small(reading):
        return f"not tested: the figure is withheld ({symbol or 'blank'})"
    if num is None or den is None:
        return "not tested: no numerator and denominator published"
    return ""


@dataclass
class YearIndex:
    """One measure's figures for one year, arranged once for every council's benchmarks."""

    figures: list[Figure]
    polarity: Polarity
    unit: Unit
    national_from: NationalFrom
    by_code: dict[str, Figure] = field(default_factory=dict)
    england: float | None = None
    regions: dict[str, Figure] = field(default_factory=dict)
    table: RankTable | None = None
    excluded: tuple[tuple[str, int], ...] = ()
    suppressed: int = 0
    unpublished: int = 0
    small: int = 0

    def __post_init__(self) -> None:
        local = [f for f in self.figures if f.area.level == LOCAL]
        for f in local:
            self.by_code.setdefault(f.area.code, f)
            if f.area.old_code:
                # New codes change when councils reorganise; old codes match across years.
                self.by_code.setdefault(f.area.old_code, f)
        england = next((f for f in self.figures if f.area.level == NATIONAL), None)
        if england is not None:
            self.england = _from_counts(england, self.unit, self.national_from)
        for f in self.figures:
            if f.area.level == REGIONAL:
                self.regions.setdefault(f.area.code.casefold(), f)
                self.regions.setdefault(f.area.name.casefold(), f)
        values = [v for f in local if (v := rankable(f.value)) is not None]
        if self.polarity in (Polarity.HIGHER, Polarity.LOWER) and values:
            self.table = RankTable(self.polarity, values)
        left_out = Counter(
            published_symbol(f.value) or "blank" for f in local if rankable(f.value) is None
        )
        self.excluded = tuple(sorted(left_out.items()))
        self.suppressed = left_out.get("c", 0)
        self.unpublished = sum(left_out.values()) - self.suppressed
        self.small = sum(1 for f in local if is_small(f.value))

    def council(self, area: Area) -> Figure | None:
        """The council's figure, by new code or (if it changed) old code."""
        return self.by_code.get(area.code) or (
            self.by_code.get(area.old_code) if area.old_code else None
        )

    def region(self, wanted: str | None) -> Figure | None:
        return self.regions.get(wanted.casefold()) if wanted else None

    def rank(self, value: float | None) -> Rank | None:
        if value is None or self.table is None:
            return None
        return Rank(
            self.table.rank(value),
            len(self.table),
            self.suppressed,
            self.unpublished,
            self.excluded,
            self.small,
        )


def region_for(area: Area, choice: str | None) -> str:
    """The region to compare ``area`` with, as a code or name of the files' Regional rows.

    ``choice`` None or 'London': a borough the files code Inner or Outer London is compared with
    London (DfE's neighbour table and dashboard); 'file': the files' own coding; anything else
    names the region."""
    if choice is None or choice.casefold() == "london":
        if area.in_london:
            return LONDON_CODE
        return area.region_code or area.region_name
    if choice.casefold() == "file":
        return area.region_code or area.region_name
    return choice


def region_choice_text(area: Area | None, choice: str | None) -> str:
    """How the region was chosen, for the notes under every table."""
    if area is None:
        return ""
    own = area.region_name or area.region_code
    if area.in_london and (choice is None or choice.casefold() == "london"):
        return (
            f"Region: London, as DfE's neighbour table and dashboard group it (the data file "
            f"codes {area.name} {own}; set benchmarks: region: file in pledge.yaml to use that)."
        )
    if choice is None or choice.casefold() in {"file", "london"}:
        return f"Region: {own}, as the data file codes {area.name}."
    return f"Region: {choice}, as pledge.yaml's benchmarks: region: asks."


def _year(
    measure: Measure,
    index: YearIndex,
    year: Year,
    home: Area,
    neighbours: Sequence[NeighbourRef],
    average: NeighbourAverage,
    level: Level,
    region: str,
) -> YearBenchmark | None:
    mine = index.council(home)
    if mine is None:
        return None
    near = [
        v
        for n in neighbours
        if (f := index.by_code.get(n.code) or index.by_code.get(n.old_code)) is not None
        and (v := rankable(f.value)) is not None
    ]
    near_average = neighbour_average(near, average)
    value = rankable(mine.value)
    rank = index.rank(value) if measure.polarity in (Polarity.HIGHER, Polarity.LOWER) else None
    num, den = _number(mine.numerator), _number(mine.denominator)
    reason = _why_not_tested(mine.value, num, den)
    withheld = mine.value.state is ValueState.INVALID or (
        not mine.value.is_number and not is_small(mine.value)
    )
    intervals = (
        {}
        if withheld
        else {
            lv: found
            for lv in Level
            if (found := interval(measure.unit, value, num, den, lv)) is not None
        }
    )
    if not withheld and not intervals and not reason:
        reason = "not tested: no interval for this unit"
    chosen = intervals.get(level)
    found_region = index.region(region)
    region_value = (
        _from_counts(found_region, measure.unit, index.national_from) if found_region else None
    )
    return YearBenchmark(
        year=year,
        council=mine.value,
        numerator=mine.numerator,
        denominator=mine.denominator,
        england=index.england,
        region=region_value,
        neighbours=near_average,
        neighbours_contributed=len(near),
        neighbours_total=len(neighbours),
        rank=rank,
        intervals=intervals,
        vs_england=judge(chosen, index.england, measure.polarity),
        vs_neighbours=judge(chosen, near_average, measure.polarity),
        not_tested=reason,
        region_name=found_region.area.name if found_region else None,
    )


def _indexes(measure: Measure, series: PublishedSeries, how: NationalFrom) -> dict[Year, YearIndex]:
    return {
        year: YearIndex(figures, measure.polarity, measure.unit, how)
        for year, figures in series.years.items()
    }


def measure_benchmark(
    pledge: Pledge,
    measure: Measure,
    series: PublishedSeries,
    data: PublishedData,
    *,
    home: Area | None = None,
    neighbours: Sequence[NeighbourRef] | None = None,
    indexes: dict[Year, YearIndex] | None = None,
) -> MeasureBenchmark:
    """One measure's benchmarks for every published year the council has a row in."""
    level = level_for(data.confidence)
    home = home if home is not None else data.home
    near = data.neighbours if neighbours is None else neighbours
    years: list[YearBenchmark] = []
    if home is not None:
        region = region_for(home, data.region)
        found = indexes if indexes is not None else _indexes(measure, series, data.national_from)
        for year, index in found.items():
            got = _year(measure, index, year, home, near, data.average, level, region)
            if got is not None:
                years.append(got)
    codes = frozenset({n.code for n in near} | {n.old_code for n in near if n.old_code})
    return MeasureBenchmark(pledge, measure, series.file, tuple(years), series, home, codes)


def build_benchmarks(
    definition: Definition, data: PublishedData, warnings: Iterable[Finding] = ()
) -> Benchmarks:
    """Benchmarks of every measure of ``definition`` that has published figures."""
    measures = [
        measure_benchmark(pledge, measure, data.series[measure.id], data)
        for pledge, measure in definition.measures()
        if measure.id in data.series
    ]
    return _benchmarks(
        definition.council,
        data,
        data.home,
        list(data.neighbours),
        measures,
        data.neighbours_source,
        tuple(warnings),
    )


def _benchmarks(
    council: str,
    data: PublishedData,
    home: Area | None,
    neighbours: list[NeighbourRef],
    measures: list[MeasureBenchmark],
    source: str | None,
    warnings: tuple[Finding, ...],
) -> Benchmarks:
    return Benchmarks(
        council=council,
        area=home,
        region=home.region_name or None if home else None,
        neighbours=neighbours,
        neighbours_source=source,
        average=data.average,
        level=level_for(data.confidence),
        measures=measures,
        national_from=data.national_from,
        region_choice=region_choice_text(home, data.region),
        warnings=warnings,
    )


def build_area_benchmarks(
    definition: Definition,
    data: PublishedData,
    areas: Sequence[Area],
    warnings: Iterable[Finding] = (),
) -> list[Benchmarks]:
    """Benchmarks of every council in ``areas``, from one index per measure and year.

    Each council's neighbours are DfE's model table's (``data.neighbours_of``); the home council
    keeps the neighbours pledge.yaml gives it.
    """
    indexes = {
        measure.id: _indexes(measure, data.series[measure.id], data.national_from)
        for _, measure in definition.measures()
        if measure.id in data.series
    }
    kept = tuple(warnings)
    found = []
    for area in areas:
        is_home = data.home is not None and area.code == data.home.code
        near = list(data.neighbours) if is_home else data.neighbours_of.get(area.code, [])
        measures = [
            measure_benchmark(
                pledge,
                measure,
                data.series[measure.id],
                data,
                home=area,
                neighbours=near,
                indexes=indexes[measure.id],
            )
            for pledge, measure in definition.measures()
            if measure.id in data.series
        ]
        source = data.neighbours_source if (is_home or near) else None
        found.append(_benchmarks(area.name, data, area, near, measures, source, kept))
    return found
