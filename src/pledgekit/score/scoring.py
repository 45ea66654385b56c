"""Definition + dataset -> :class:`~pledgekit.score.scorecard.Scorecard`.

Small numbers are suppressed before anything is rated, so nothing downstream can rate, chart or
show them; then each measure is rated, its direction of travel and comparator positions worked out.
"""

from __future__ import annotations

from pledgekit.config.pledge import Definition, Measure, Pledge
from pledgekit.config.reference_pack import PackMeasure, ReferencePack
from pledgekit.model.errors import InputError, UsageError
from pledgekit.model.measure_kinds import Frequency, Polarity, TargetValue, Unit
from pledgekit.model.observations import Dataset, Observation
from pledgekit.model.periods import Period
from pledgekit.model.prose import Prose
from pledgekit.model.status import Status
from pledgekit.model.values import MISSING, Reading, ValueState, format_number
from pledgekit.privacy.suppression import suppress_all
from pledgekit.read.published import PublishedData
from pledgekit.score.area_figures import AreaFigures, split_dataset
from pledgekit.score.benchmarking import build_benchmarks, level_for
from pledgekit.score.benchmarks import MeasureBenchmark, YearBenchmark
from pledgekit.score.compare import position
from pledgekit.score.formatting import (
    format_difference,
    format_quantity,
    format_reading,
    format_target,
)
from pledgekit.score.hidden import hidden_range, rate_hidden
from pledgekit.score.ratings import Rating
from pledgekit.score.rules import rate
from pledgekit.score.scorecard import HistoryPoint, Row, Scorecard
from pledgekit.score.significance import interval
from pledgekit.score.travel import direction


def _select_period(observations: list[Observation], definition: Definition) -> Period:
    quarterly = {
        o.period
        for o in observations
        if not o.period.is_annual
        and (m := definition.measure(o.measure)) is not None
        and m.frequency is not Frequency.ANNUAL
    }
    candidates = quarterly or {o.period for o in observations}
    if not candidates:
        raise InputError("no figures for any measure of the pledge definition were found")
    return max(candidates)


def _period_for(measure: Measure, period: Period, available: set[Period]) -> Period | None:
    """The period a measure reports in a scorecard for ``period``."""
    if period.is_annual or measure.frequency is not Frequency.ANNUAL:
        return period
    # Annual figures arrive after their year ends: take the latest year not after this quarter's.
    years = [p for p in available if p.is_annual and p.year <= period.year]
    return max(years) if years else None


def build_scorecard(
    definition: Definition,
    dataset: Dataset,
    *,
    period: Period | None = None,
    threshold: int | None = None,
    published: PublishedData | None = None,
) -> Scorecard:
    """Rate every measure of ``definition`` for ``period`` (default: the latest in the data).

    Small numbers are suppressed first (``threshold`` overrides the definition's), so nothing
    downstream can rate, chart or show them. ``published`` (DfE's published figures, see
    :func:`pledgekit.read.published.load_published`) replaces typed-in comparators with England,
    region and statistical-neighbour figures for the latest published year.
    """
    limit = definition.defaults.suppression_threshold if threshold is None else threshold
    home, others = split_dataset(definition, dataset)
    known = [o for o in home if definition.measure(o.measure) is not None]
    chosen = period or _select_period(known, definition)
    if period is not None and not any(o.period == period for o in known):
        present = ", ".join(p.label for p in sorted({o.period for o in known})) or "none"
        raise UsageError(f"no figures for {period.label} in the data; periods present: {present}")

    by_measure, notes_by_key = suppress_all(definition, known, limit)
    benchmarks: dict[str, MeasureBenchmark] = {}
    if published is not None and not published.empty:
        benchmarks = {b.measure.id: b for b in build_benchmarks(definition, published).measures}

    rows = [
        _row(
            definition,
            pledge,
            measure,
            chosen,
            by_measure.get(measure.id, {}),
            notes_by_key,
            others,
            benchmarks.get(measure.id),
            limit,
        )
        for pledge, measure in definition.measures()
    ]
    periods = sorted({o.period for o in known})
    return Scorecard(
        council=definition.council,
        committee=definition.committee,
        period=chosen,
        rows=rows,
        pledges=list(definition.pledges),
        periods=periods,
        files=list(dataset.files),
        threshold=limit,
        findings=list(dataset.findings),
        level=level_for(definition.benchmarks.confidence),
    )


def _number(obs: Observation | None) -> float | None:
    return obs.value.number if obs is not None and obs.value.is_number else None


def _value_of(obs: Observation, measure: Measure) -> Reading:
    """The value, or one derived from numerator and denominator when the value cell is empty."""
    value = obs.value
    num, den = obs.numerator, obs.denominator
    if value.state is ValueState.MISSING and num.is_number and den.is_number and den.number:
        assert num.number is not None and den.number is not None
        scale = 100.0 if measure.unit.value == "percent" else 1.0
        return Reading(ValueState.NUMBER, scale * num.number / den.number, raw="derived")
    return value


def _row(
    definition: Definition,
    pledge: Pledge,
    measure: Measure,
    period: Period,
    observations: dict[Period, Observation],
    notes_by_key: dict[tuple[str, Period], str],
    others: AreaFigures,
    published: MeasureBenchmark | None = None,
    limit: int = 5,
) -> Row:
    reported = _period_for(measure, period, set(observations))
    obs = observations.get(reported) if reported else None
    value = _value_of(obs, measure) if obs else MISSING
    previous_period = reported.previous() if reported else None
    year_ago_period = reported.year_ago() if reported else None
    previous = observations.get(previous_period) if previous_period else None
    year_ago = observations.get(year_ago_period) if year_ago_period else None

    target: TargetValue | None = measure.target_for(reported) if reported else None
    if obs is not None and obs.target is not None:
        target = obs.target
    band = target if isinstance(target, tuple) else None
    scale = max(abs(band[0]), abs(band[1])) if band else (target if target is not None else 0.0)
    assert not isinstance(scale, tuple)
    tolerance = definition.tolerance_for(measure, scale)
    stable = definition.stable_within(measure)
    current = value.number if value.is_number else None

    def rate_at(reading: Reading) -> Rating:
        return rate(
            reading,
            polarity=measure.polarity,
            target=target,
            tolerance=tolerance,
            rule=definition.rag_rule(measure),
            year_ago=_number(year_ago),
            stable_within=stable,
            fmt=lambda n: format_quantity(n, measure),
            fmt_gap=lambda n: format_difference(n, measure),
        )

    rating = rate_at(value)
    if rating.status is Status.SUPPRESSED and obs is not None:
        # Rated after all when every value the suppression could hide has one status (#18).
        bounds = hidden_range(measure.unit, limit, obs.denominator)
        shown = (
            (lambda n: format_quantity(n, measure))
            if measure.unit is Unit.PERCENT
            else (lambda n: format_number(n, 0))
        )
        rating = rate_hidden(rating, bounds, measure.polarity, rate_at, shown)
    movement = {
        "short": direction(
            current, _number(previous), polarity=measure.polarity, stable_within=stable, band=band
        ),
        "long": direction(
            current, _number(year_ago), polarity=measure.polarity, stable_within=stable, band=band
        ),
    }
    similar = definition.defaults.similar_within
    similar = stable if similar is None else similar
    figures = _comparator_figures(definition, measure, reported, published)
    figures.update(
        {k: (v, "workbook area rows") for k, v in others.comparators(measure.id, reported).items()}
    )
    if obs is not None:
        figures.update({k: (v, "workbook") for k, v in obs.comparators.items()})
    level = level_for(definition.benchmarks.confidence)
    found = interval(
        measure.unit, current, _number_of(obs, "numerator"), _number_of(obs, "denominator"), level
    )
    comparisons = {
        name: position(
            current,
            figure,
            polarity=measure.polarity,
            similar_within=similar,
            band=band,
            interval=found,
            source=source,
        )
        for name, (figure, source) in figures.items()
    }
    rank, ranked = others.rank(measure, reported, current) if reported else (None, None)
    note = notes_by_key.get((measure.id, reported)) if reported else None
    notes = (note,) if note else ()
    history = tuple(
        HistoryPoint(p, _value_of(o, measure), format_reading(_value_of(o, measure), measure))
        for p, o in sorted(observations.items())
        if p.is_annual == (reported.is_annual if reported else p.is_annual)
    )
    return Row(
        pledge=pledge,
        measure=measure,
        period=reported,
        value=value,
        numerator=obs.numerator if obs else MISSING,
        denominator=obs.denominator if obs else MISSING,
        display=format_reading(value, measure),
        target_display=format_target(target, measure),
        rating=rating,
        short_term=movement["short"],
        long_term=movement["long"],
        previous_period=previous_period,
        year_ago_period=year_ago_period,
        comparisons=comparisons,
        commentary=_commentary(obs),
        history=history,
        location=obs.location if obs else None,
        notes=notes,
        rank=rank if measure.polarity is not Polarity.NONE else None,
        ranked_areas=ranked if measure.polarity is not Polarity.NONE else None,
        published=published,
        published_year=_published_year(published, reported),
    )


def _published_year(
    published: MeasureBenchmark | None, reported: Period | None
) -> YearBenchmark | None:
    """The published year that a scorecard for ``reported`` compares with."""
    if published is None or reported is None:
        return None
    return published.for_year_ending(reported.year + 1)


def _number_of(obs: Observation | None, part: str) -> float | None:
    """The observation's numerator or denominator as a number (None when suppressed or absent)."""
    if obs is None:
        return None
    reading: Reading = getattr(obs, part)
    return reading.number if reading.is_number else None


def _comparator_figures(
    definition: Definition,
    measure: Measure,
    reported: Period | None,
    published: MeasureBenchmark | None,
) -> dict[str, tuple[float, str | None]]:
    """Comparators with where each came from: reference pack, pledge.yaml, then published data.

    Published figures replace typed-in ones: England, the region and the neighbours' average for
    the latest published year that ends by the reporting period's financial year.
    """
    pack = definition.pack()
    from_pack = pack.find(measure.reference) if pack else None
    figures: dict[str, tuple[float, str | None]] = {}
    for name, figure in definition.comparators_for(measure).items():
        typed = name in measure.comparators
        source = (
            "typed into pledge.yaml"
            if typed or from_pack is None
            else _pack_source(pack, from_pack)
        )
        figures[name] = (figure, source)
    year = _published_year(published, reported)
    if year is not None:
        where = f"DfE published {year.year.label}"
        if year.england is not None:
            figures["england"] = (year.england, where)
        if year.region is not None:
            figures["region"] = (year.region, where)
        if year.neighbours is not None:
            how = definition.benchmarks.neighbour_average.value
            figures["statistical_neighbours"] = (
                year.neighbours,
                f"{where}, {how} of {year.neighbours_contributed} of "
                f"{year.neighbours_total} neighbours"
                + (", caution: fewer than 5 figures" if year.few_neighbours else ""),
            )
    return figures


def _pack_source(pack: ReferencePack | None, found: PackMeasure) -> str:
    return f"reference pack {pack.pack if pack else ''} (England {found.period})"


def _commentary(obs: Observation | None) -> Prose | None:
    """The row's commentary as text the personal-data guard will scan, located at its row."""
    if obs is None or not obs.commentary or not obs.commentary.strip():
        return None
    # Located at the commentary cell itself, as validate's personal-data check names it.
    return Prose(obs.commentary, "commentary", obs.cell_location("commentary"), markdown=False)
