"""Published figures -> :class:`~pledgekit.score.benchmarks.Benchmarks`.

For each measure with published figures and each published year: the council's figure; England's
and its region's; the neighbours' median (or mean) and how many neighbours had a figure; the rank
among all councils with a figure (1 is best by the measure's polarity, ties share a rank, councils
whose figure is suppressed or not published are left out and counted); the quartile band; and
whether the council differs from England and from its neighbours by more than chance.
"""

from __future__ import annotations

from statistics import mean, median

from pledgekit.config.pledge import Definition, Measure, NeighbourAverage, Pledge
from pledgekit.model.measure_kinds import Polarity
from pledgekit.model.values import Reading, ValueState
from pledgekit.read.ees import LOCAL, NATIONAL, REGIONAL, Year
from pledgekit.read.published import Area, Figure, NeighbourRef, PublishedData, PublishedSeries
from pledgekit.score.benchmarks import Benchmarks, MeasureBenchmark, Rank, YearBenchmark
from pledgekit.score.significance import Level, interval, judge


def _number(reading: Reading) -> float | None:
    return reading.number if reading.is_number else None


def level_for(confidence: float) -> Level:
    """The significance level pledge.yaml asks for (95 or 99.8)."""
    return Level.P99_8 if confidence == 99.8 else Level.P95


def rank_of(value: float, others: list[float], polarity: Polarity) -> int:
    """Competition rank of ``value`` among ``others`` (which include it): ties share a rank."""
    sign = 1 if polarity is Polarity.HIGHER else -1
    better = sum(1 for v in others if sign * v > sign * value + 1e-9)
    return better + 1


def neighbour_average(values: list[float], how: NeighbourAverage) -> float | None:
    """The median (DfE's convention) or mean of the neighbours' figures."""
    if not values:
        return None
    return float(median(values) if how is NeighbourAverage.MEDIAN else mean(values))


def _year(
    measure: Measure,
    year: Year,
    figures: list[Figure],
    home: Area,
    neighbours: list[NeighbourRef],
    average: NeighbourAverage,
    level: Level,
) -> YearBenchmark | None:
    local = [f for f in figures if f.area.level == LOCAL]
    # New codes change when councils reorganise; old three-digit codes match across years too.
    mine = next(
        (
            f
            for f in local
            if f.area.code == home.code or (home.old_code and f.area.old_code == home.old_code)
        ),
        None,
    )
    if mine is None:
        return None
    england = next((f for f in figures if f.area.level == NATIONAL), None)
    region = next(
        (
            f
            for f in figures
            if f.area.level == REGIONAL and f.area.code and f.area.code == home.region_code
        ),
        None,
    )
    codes = {n.code for n in neighbours} | {n.old_code for n in neighbours if n.old_code}
    near = [
        v
        for f in local
        if (f.area.code in codes or f.area.old_code in codes)
        and (v := _number(f.value)) is not None
    ]
    near_average = neighbour_average(near, average)
    value = _number(mine.value)
    rank = None
    if value is not None and measure.polarity in (Polarity.HIGHER, Polarity.LOWER):
        numbers = [v for f in local if (v := _number(f.value)) is not None]
        rank = Rank(
            rank_of(value, numbers, measure.polarity),
            len(numbers),
            sum(1 for f in local if f.value.state is ValueState.SUPPRESSED),
            sum(1 for f in local if not f.value.is_number)
            - sum(1 for f in local if f.value.state is ValueState.SUPPRESSED),
        )
    num, den = _number(mine.numerator), _number(mine.denominator)
    intervals = {
        lv: found
        for lv in Level
        if (found := interval(measure.unit, value, num, den, lv)) is not None
    }
    chosen = intervals.get(level)
    england_value = _number(england.value) if england else None
    return YearBenchmark(
        year=year,
        council=mine.value,
        numerator=mine.numerator,
        denominator=mine.denominator,
        england=england_value,
        region=_number(region.value) if region else None,
        neighbours=near_average,
        neighbours_contributed=len(near),
        neighbours_total=len(neighbours),
        rank=rank,
        intervals=intervals,
        vs_england=judge(chosen, england_value, measure.polarity),
        vs_neighbours=judge(chosen, near_average, measure.polarity),
    )


def measure_benchmark(
    pledge: Pledge, measure: Measure, series: PublishedSeries, data: PublishedData
) -> MeasureBenchmark:
    """One measure's benchmarks for every published year the council has a row in."""
    level = level_for(data.confidence)
    years: list[YearBenchmark] = []
    if data.home is not None:
        for year, figures in series.years.items():
            found = _year(measure, year, figures, data.home, data.neighbours, data.average, level)
            if found is not None:
                years.append(found)
    return MeasureBenchmark(pledge, measure, series.file, tuple(years))


def build_benchmarks(definition: Definition, data: PublishedData) -> Benchmarks:
    """Benchmarks of every measure of ``definition`` that has published figures."""
    measures = [
        measure_benchmark(pledge, measure, data.series[measure.id], data)
        for pledge, measure in definition.measures()
        if measure.id in data.series
    ]
    home = data.home
    return Benchmarks(
        council=definition.council,
        area=home,
        region=home.region_name or None if home else None,
        neighbours=list(data.neighbours),
        neighbours_source=data.neighbours_source,
        average=data.average,
        level=level_for(data.confidence),
        measures=measures,
    )
