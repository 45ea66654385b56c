"""RAG rules as a table of pure functions: a value's status against its target.

:func:`rate` settles what every rule shares (not rated, suppressed, no data, no target, the ``k``
symbol) and hands a number that misses its target to the measure's rule in :data:`RULES`. A new
rule is one function with the :data:`Rule` signature and one :class:`RuleEntry` in the table,
saying also when it is red as an Excel condition (and a member of
:class:`~pledgekit.model.measure_kinds.RagRule` so pledge.yaml can name it).

The collection workbook's "Commentary needed" formulas come from the same table
(:func:`excel_red`, :func:`excel_miss`): the gap is written in Excel as :func:`rate` computes it,
with the same :data:`~pledgekit.score.ratings.EPSILON`, and each rule's entry turns it into its
red condition. tests/test_rule_formulas.py has LibreOffice evaluate them against :func:`rate`.

Every result carries the numbers that decided it and a plain-English ``reason``, so a report can
say why a measure is red. Polarity says which way is better; nothing here assumes higher is better.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pledgekit.model.measure_kinds import Polarity, RagRule, TargetValue
from pledgekit.model.status import Status
from pledgekit.model.values import Reading, ValueState, format_number
from pledgekit.score.ratings import EPSILON, Rating, goodness

Formatter = Callable[[float], str]


@dataclass(frozen=True, slots=True)
class Miss:
    """A number that misses its target, with what a rule may weigh.

    ``gap`` is how far it misses (negative); ``shown``, ``aim`` and ``miss`` are the words for
    the value, the target and the size of the miss.
    """

    number: float
    target: TargetValue
    polarity: Polarity
    tolerance: float
    gap: float
    shown: str
    aim: str
    miss: str
    year_ago: float | None
    stable_within: float
    fmt: Formatter
    fmt_gap: Formatter

    def rating(self, status: Status, reason: str, rule: RagRule) -> Rating:
        """The rating with this miss's numbers."""
        return Rating(status, reason, self.number, self.target, self.tolerance, self.gap, rule)


Rule = Callable[[Miss], Rating]


def tolerance_rule(miss: Miss) -> Rating:
    """Amber when the miss is no larger than the tolerance, red beyond it."""
    limit = miss.fmt_gap(miss.tolerance)
    if -miss.gap <= miss.tolerance + EPSILON:
        reason = f"{miss.shown} misses {miss.aim} by {miss.miss}, within the tolerance of {limit}"
        return miss.rating(Status.AMBER, reason, RagRule.TOLERANCE)
    reason = f"{miss.shown} misses {miss.aim} by {miss.miss}, beyond the tolerance of {limit}"
    return miss.rating(Status.RED, reason, RagRule.TOLERANCE)


def trend_rule(miss: Miss) -> Rating:
    """Amber when off target but improved on the same period a year earlier; red otherwise."""
    said = f"{miss.shown} misses {miss.aim} by {miss.miss}"
    if miss.year_ago is None:
        reason = f"{said}; no figure a year earlier to show improvement"
        return miss.rating(Status.RED, reason, RagRule.TREND)
    band = miss.target if isinstance(miss.target, tuple) else None
    judged = Polarity.BAND if band is not None else miss.polarity
    improvement = goodness(miss.number, judged, band) - goodness(miss.year_ago, judged, band)
    was = miss.fmt(miss.year_ago)
    if improvement > miss.stable_within + EPSILON:
        reason = f"{said} but improved on {was} a year earlier"
        return miss.rating(Status.AMBER, reason, RagRule.TREND)
    reason = f"{said} and has not improved on {was} a year earlier"
    return miss.rating(Status.RED, reason, RagRule.TREND)


#: An Excel condition from the Excel expression of a value's gap (negative: it misses) and the
#: tolerance: true when the rule rates the value red.
ExcelRed = Callable[[str, float], str]


@dataclass(frozen=True, slots=True)
class RuleEntry:
    """A rule in :data:`RULES`: how it rates a miss, and the same verdict as an Excel condition."""

    rate: Rule
    red: ExcelRed


def _tolerance_red(gap: str, tolerance: float) -> str:
    # tolerance_rule's amber, -gap <= tolerance + EPSILON, turned round.
    return f"{gap}<{excel_number(-(tolerance + EPSILON))}"


def _trend_red(gap: str, tolerance: float) -> str:
    # Amber needs an improvement on last year's figure, which a workbook being filled in does not
    # hold: any miss may be red, as trend_rule rates a miss with no figure a year earlier.
    return _missed(gap)


#: Each rule pledge.yaml can name: the function that rates a miss by it, and its red in Excel.
RULES: dict[RagRule, RuleEntry] = {
    RagRule.TOLERANCE: RuleEntry(tolerance_rule, _tolerance_red),
    RagRule.TREND: RuleEntry(trend_rule, _trend_red),
}


def excel_number(number: float) -> str:
    """``number`` as an Excel formula writes it: every digit Python keeps, never an exponent,
    a negative number in brackets (so ``A2-(-5)``, never ``A2--5``)."""
    text = repr(float(number))
    if "e" in text:
        text = f"{number:.20f}".rstrip("0").rstrip(".")
    text = text.removesuffix(".0")
    return f"({text})" if text.startswith("-") else text


def excel_gap(cell: str, target: TargetValue, polarity: Polarity) -> str:
    """The Excel expression of the value in ``cell``'s gap to ``target``, as :func:`rate` takes
    it: how far it is on the good side (negative: how far it misses; for a band, minus the
    distance outside it)."""
    if isinstance(target, tuple):
        low, high = (excel_number(end) for end in target)
        return f"-MAX({low}-{cell},{cell}-{high},0)"
    aim = excel_number(target)
    return f"({cell}-{aim})" if polarity is Polarity.HIGHER else f"({aim}-{cell})"


def _missed(gap: str) -> str:
    # rate: a gap within EPSILON of 0 counts as 0, so green is gap > -EPSILON.
    return f"{gap}<={excel_number(-EPSILON)}"


def excel_miss(cell: str, target: TargetValue, polarity: Polarity) -> str:
    """Excel condition: the number in ``cell`` misses ``target`` (amber or red, by any rule)."""
    return _missed(excel_gap(cell, target, polarity))


def excel_red(
    cell: str, target: TargetValue, polarity: Polarity, tolerance: float, rule: RagRule
) -> str:
    """Excel condition: ``rule`` rates the number in ``cell`` red against ``target`` (for the
    trend rule, any miss: last year's figure is not in the cell's workbook)."""
    return RULES[rule].red(excel_gap(cell, target, polarity), tolerance)


def _describe_target(target: TargetValue, polarity: Polarity, fmt: Formatter) -> str:
    if isinstance(target, tuple):
        return f"the band {fmt(target[0])} to {fmt(target[1])}"
    sign = {Polarity.HIGHER: " or more", Polarity.LOWER: " or less"}.get(polarity, "")
    return f"a target of {fmt(target)}{sign}"


def _unrated(value: Reading, polarity: Polarity, target: TargetValue | None) -> Rating | None:
    """The rating when there is no number to judge (or nothing to judge it by), else None."""
    if polarity is Polarity.NONE:
        return Rating(Status.NOT_RATED, "context measure: shown, not rated", value.number, target)
    if value.state is ValueState.SUPPRESSED:
        return Rating(Status.SUPPRESSED, "suppressed to protect small numbers", None, target)
    if value.state is ValueState.NOT_APPLICABLE:
        return Rating(Status.NOT_RATED, "not applicable this period", None, target)
    if value.state is not ValueState.BELOW_HALF and (not value.is_number or value.number is None):
        return Rating(Status.NO_DATA, _NO_DATA_REASON[value.state], None, target)
    if target is None:
        return Rating(Status.NOT_RATED, "no target set for this period", value.number, None)
    return None


def rate(
    value: Reading,
    *,
    polarity: Polarity,
    target: TargetValue | None,
    tolerance: float,
    rule: RagRule = RagRule.TOLERANCE,
    year_ago: float | None = None,
    stable_within: float = 0.0,
    fmt: Formatter = format_number,
    fmt_gap: Formatter = format_number,
) -> Rating:
    """Rate ``value`` against ``target``.

    Green meets the target; a miss is rated by ``rule`` (see :data:`RULES`). Values that are not
    numbers give ``no_data``, ``suppressed`` or ``not_rated``. ``fmt`` and ``fmt_gap`` write
    values and differences in the reason (e.g. ``36.0%``, ``4.0 pp``).
    """
    unrated = _unrated(value, polarity, target)
    if unrated is not None:
        return unrated
    assert target is not None
    if value.state is ValueState.BELOW_HALF:
        # 'k' is some value in [0, 0.5): rate it only when both ends give the same status.
        low, high = (
            rate(
                Reading(ValueState.NUMBER, bound),
                polarity=polarity,
                target=target,
                tolerance=tolerance,
                rule=rule,
                year_ago=year_ago,
                stable_within=stable_within,
                fmt=fmt,
                fmt_gap=fmt_gap,
            )
            for bound in (0.0, 0.5)
        )
        if low.status is high.status:
            return Rating(low.status, f"below 0.5 (k): {low.reason}", None, target, tolerance)
        return Rating(
            Status.NO_DATA, "below 0.5 (k): too close to the target to rate", None, target
        )

    number = value.number
    assert number is not None
    band = target if isinstance(target, tuple) else None
    if band is not None:
        gap = goodness(number, Polarity.BAND, band)
    else:
        assert not isinstance(target, tuple)
        gap = number - target if polarity is Polarity.HIGHER else target - number
    gap = 0.0 if abs(gap) < EPSILON else gap
    shown = fmt(number)
    aim = _describe_target(target, polarity, fmt)
    if gap >= 0:
        verb = "inside" if band else "meets"
        return Rating(Status.GREEN, f"{shown} {verb} {aim}", number, target, tolerance, gap, rule)
    miss = Miss(
        number=number,
        target=target,
        polarity=polarity,
        tolerance=tolerance,
        gap=gap,
        shown=shown,
        aim=aim,
        miss=fmt_gap(-gap),
        year_ago=year_ago,
        stable_within=stable_within,
        fmt=fmt,
        fmt_gap=fmt_gap,
    )
    return RULES[rule].rate(miss)


_NO_DATA_REASON = {
    ValueState.MISSING: "no figure given",
    ValueState.NOT_AVAILABLE: "figure not available (x)",
    ValueState.NO_CACHED_VALUE: "formula with no saved result: open and save the file in Excel",
    ValueState.INVALID: "the figure is not a number",
    ValueState.NUMBER: "no figure given",
}
