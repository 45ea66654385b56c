"""Disclosure control on figures computed from child-level records, by DfE's convention.

DfE never publishes a council count from 1 to 5: it shows ``c``, and hides the percentages,
rates and means resting on such a count; zero is shown. The figures computed from SSDA903
files follow the same rule before they leave pledgekit. Primary and secondary suppression are
:func:`pledgekit.privacy.suppression.suppress_all`'s (secondary suppression follows the
pledge's ``part_of`` breakdowns to a fixed point, so no ``c`` can be recovered by subtraction
within a breakdown); this module turns the records layer's counts into the observations it
takes and the suppressed observations back into sheet figures. The cohort size goes out only
where it is not small and the figure it rests on is shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from pledgekit.config.pledge import Definition, Measure, Pledge
from pledgekit.model.codes import SSDA903_MISSING_TABLE
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.measure_kinds import Polarity, Unit
from pledgekit.model.observations import Observation
from pledgekit.model.periods import Period
from pledgekit.model.records_sheet import SheetFigure, year_period
from pledgekit.model.values import MISSING, Reading, ValueState
from pledgekit.privacy.period_differencing import differencing_findings
from pledgekit.privacy.suppression import SUPPRESSED, suppress_all
from pledgekit.privacy.suppression import hide as hide_observation
from pledgekit.records.frames import Count, CountingOptions, Records903, Unavailable

#: DfE hides council counts from 1 to 5: everything below 6.
DFE_THRESHOLD = 6


@dataclass(frozen=True)
class Wanted:
    """One output measure: its id (the pledge's, or the reference id), and its wording."""

    measure: str
    reference: str
    title: str
    rule: str


def _number(value: float | None) -> Reading:
    return MISSING if value is None else Reading(ValueState.NUMBER, float(value))


def _observation(measure: str, count: Count) -> Observation:
    plain = count.denominator is None
    return Observation(
        measure=measure,
        period=Period(count.year - 1),
        location=Location("SSDA903 files"),
        value=_number(count.value),
        numerator=MISSING if plain else _number(count.numerator),
        denominator=MISSING if plain else _number(count.denominator),
    )


def reference_definition(counts: Sequence[Count], titles: Mapping[str, str]) -> Definition:
    """A definition with one unrated measure per reference id, for output without a pledge."""
    seen: dict[str, Measure] = {}
    for count in counts:
        seen.setdefault(
            count.reference,
            Measure(
                id=count.reference,
                title=titles.get(count.reference, count.reference),
                unit=Unit(count.unit),
                polarity=Polarity.NONE,
                reference=count.reference,
                frequency="annual",
            ),
        )
    return Definition(
        council="SSDA903 files",
        pledges=[Pledge(id="ssda903", title="SSDA903 measures", measures=list(seen.values()))],
    )


def disclosed_figures(
    counts: Sequence[Count],
    wanted: Mapping[str, Sequence[Wanted]],
    definition: Definition,
    threshold: int = DFE_THRESHOLD,
) -> list[SheetFigure]:
    """The counts as sheet figures with disclosure control applied.

    ``wanted`` maps each reference id to the output measures that show it (several pledge
    measures may share a reference); ``definition`` holds those measures (their units,
    ``suppress_small`` and ``part_of`` breakdowns). Counts of 1 to ``threshold - 1`` and every
    figure resting on them become ``c``.
    """
    observations = [
        _observation(w.measure, count) for count in counts for w in wanted.get(count.reference, ())
    ]
    table, reasons = suppress_all(definition, observations, threshold)
    figures = []
    for count in counts:
        for w in wanted.get(count.reference, ()):
            period = Period(count.year - 1)
            shown = table.get(w.measure, {}).get(period)
            if shown is None:
                continue
            hidden = shown.value.state is ValueState.SUPPRESSED
            plain = count.denominator is None
            small = 0 < count.cohort < threshold
            figures.append(
                SheetFigure(
                    measure=w.measure,
                    reference=count.reference,
                    title=w.title,
                    year=count.year,
                    unit=count.unit,
                    rule=w.rule,
                    value=shown.value,
                    numerator=shown.value if plain else shown.numerator,
                    denominator=shown.denominator,
                    cohort=SUPPRESSED if hidden or small else _number(count.cohort),
                    note=reasons.get((w.measure, period)),
                )
            )
    order = {m.id: i for i, (_, m) in enumerate(definition.measures())}
    return sorted(figures, key=lambda f: (f.year, order.get(f.measure, len(order))))


def sheet_figures(
    records: Records903,
    years: Sequence[int],
    definition: Definition | None,
    options: CountingOptions,
    population: Mapping[int | None, int] | None = None,
) -> tuple[list[SheetFigure], list[Finding]]:
    """Compute the measures for ``years`` and disclose them (see :func:`disclosed_figures`).

    With ``definition``, the measures are the pledge's with a ``reference`` the records layer
    computes (the pledge's other measures come from workbooks); without it, every measure by
    reference id (``cla-rate`` only when a population is given). ``population`` maps ending
    years (None: every year) to the population under 18. A measure that cannot be computed is an
    ``records-missing-table`` finding naming what it needs.
    """
    from pledgekit.records.catalogue import BY_REFERENCE, MEASURES, compute

    wanted: dict[str, list[Wanted]] = {}
    if definition is not None:
        for _, measure in definition.measures():
            rule = BY_REFERENCE.get(_reference_id(definition, measure.reference))
            if rule is not None:
                wanted.setdefault(rule.reference, []).append(
                    Wanted(measure.id, rule.reference, measure.title, rule.rule)
                )
    else:
        for rule in MEASURES:
            if rule.reference != "cla-rate" or population:
                wanted[rule.reference] = [
                    Wanted(rule.reference, rule.reference, rule.title, rule.rule)
                ]
    # One run for every year, so the records layer shares what the years have in common; the
    # rate again year by year, as the population differs from year to year.
    rated = [r for r in wanted if r == "cla-rate"]
    result = compute(records, years, options, [r for r in wanted if r not in rated])
    counts: list[Count] = list(result.counts)
    unavailable = list(result.unavailable)
    for year in years if rated else ():
        people = (population or {}).get(year, (population or {}).get(None))
        rate = compute(records, [year], replace(options, population_under_18=people), rated)
        counts += rate.counts
        unavailable += rate.unavailable
    names = {ref: [w.measure for w in ws] for ref, ws in wanted.items()}
    findings = missing_findings(unavailable, names)
    titles = {ref: ws[0].title for ref, ws in wanted.items()}
    chosen = definition if definition is not None else reference_definition(counts, titles)
    return disclosed_figures(counts, wanted, chosen), findings


def _reference_id(definition: Definition, reference: str | None) -> str:
    """A pledge measure's ``reference`` as a reference-pack id: the id itself, or what the
    pledge's reference pack resolves an alias to ("NI 62" -> placements-3plus)."""
    if not reference:
        return ""
    if definition.reference_pack:
        from pledgekit.config.reference_pack import load_pack

        found = load_pack(definition.reference_pack).find(reference)
        if found is not None:
            return found.id
    return reference.strip().lower()


def missing_findings(
    unavailable: Sequence[Unavailable], names: Mapping[str, Sequence[str]] | None = None
) -> list[Finding]:
    """An ``records-missing-table`` finding per measure and year that could not be computed,
    naming what it needs; ``names`` gives the output measures showing each reference."""
    return [
        finding(
            SSDA903_MISSING_TABLE,
            f"{year_period(u.year)}: {u.reference} cannot be computed: {u.reason}",
            Location("SSDA903 files", field=u.reference),
            measure=", ".join((names or {}).get(u.reference, ())) or u.reference,
        )
        for u in unavailable
    ]


def figure_observations(figures: Sequence[SheetFigure], where: str) -> list[Observation]:
    """Disclosed figures as indicator observations (what a workbook row would give), located at
    ``where`` (the 903 files, by name)."""
    return [
        Observation(
            measure=f.measure,
            period=Period(f.year - 1),
            location=Location(where, field=f.reference),
            value=f.value,
            numerator=MISSING if f.denominator is MISSING else f.numerator,
            denominator=f.denominator,
        )
        for f in figures
    ]


def guard_differences(
    computed: list[Observation],
    others: Sequence[Observation],
    definition: Definition,
    threshold: int = DFE_THRESHOLD,
) -> tuple[list[Observation], list[Finding]]:
    """``computed`` with every figure hidden whose difference from a figure of a period inside
    it (in ``computed`` or ``others``, a workbook's quarters) is 1 to ``threshold - 1``, and the
    findings (see :mod:`pledgekit.privacy.period_differencing`)."""
    units = {m.id: m.unit for _, m in definition.measures()}
    hide, findings = differencing_findings([*others, *computed], units, threshold)
    mine = {(o.measure, o.period) for o in computed}
    kept = [hide_observation(o) if (o.measure, o.period) in hide else o for o in computed]
    return kept, [f for f in findings if any(key[0] == f.measure for key in hide & mine)]
