"""The executive summary in an officer's prose, every number taken from the scorecard.

It names the months, counts only green, amber and red as rated, names each red with a short
phrase and says how long it has been red, compares quarterly measures with last quarter and
annual ones with their own previous year, and gives the change in the number of children in
care, the commitments that are delayed and the actions that are overdue. No sentence starts
with a digit: counts always follow a word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pledgekit.model.periods import Period
from pledgekit.model.status import Direction, Status
from pledgekit.report.measure_lines import MeasureLine
from pledgekit.report.plans import ActionLine, Directorate
from pledgekit.report.streaks import streak_words
from pledgekit.score.formatting import format_quantity
from pledgekit.score.scorecard import Row, Scorecard

_MONTHS = (("April", "June"), ("July", "September"), ("October", "December"), ("January", "March"))
_ORDINAL_QUARTER = {1: "first", 2: "second", 3: "third", 4: "fourth"}


def months(period: Period) -> str:
    """``July to September 2026`` for 2026-27 Q2; ``April 2025 to March 2026`` for 2025-26."""
    if period.quarter is None:
        return f"April {period.year} to March {period.year + 1}"
    first, last = _MONTHS[period.quarter - 1]
    return f"{first} to {last} {period.year + (1 if period.quarter == 4 else 0)}"


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 measure``, ``3 measures``."""
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"


def listing(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def capital(text: str) -> str:
    """``text`` with its first letter in capitals."""
    return text[:1].upper() + text[1:]


def _overview(card: Scorecard) -> str:
    s = card.summary.statuses
    period = card.period
    span = "year" if period.is_annual else "quarter"
    which = (
        f"the financial year {period.label}"
        if period.quarter is None
        else f"the {_ORDINAL_QUARTER[period.quarter]} quarter of {period.financial_year}"
    )
    text = (
        f"This report covers {months(period)}, {which}. Of the {card.summary.rated} measures "
        f"rated against a target, {s[Status.GREEN]} {'is' if s[Status.GREEN] == 1 else 'are'} "
        f"green, {s[Status.AMBER]} amber and {s[Status.RED]} red."
    )
    others = [
        (s[Status.NO_DATA], "no figure yet", "no figure yet"),
        (s[Status.SUPPRESSED], "suppressed to protect small numbers", ""),
        (s[Status.NOT_RATED], "shown for context without a target", ""),
    ]
    parts = []
    for n, words, _ in others:
        if n:
            if words.startswith("no figure"):
                verb = "has" if n == 1 else "have"
            else:
                verb = "is" if n == 1 else "are"
            parts.append(f"{n} {verb} {words}")
    unrated = sum(n for n, _, _ in others)
    if unrated:
        text += (
            f" A further {plural(unrated, 'measure')} {'is' if unrated == 1 else 'are'} not "
            f"rated this {span}: {listing(parts)}."
        )
    return text


def _reds(card: Scorecard, lines: dict[str, MeasureLine], streaks: dict[str, int]) -> str:
    reds = [lines[r.measure.id] for r in card.rows_with(Status.RED)]
    span = "year" if card.period.is_annual else "quarter"
    if not reds:
        return f"No measure is rated red this {span}."
    named = [f"{line.short} ({line.ref})" for line in reds]
    text = (
        f"The red measure is {named[0]}."
        if len(reds) == 1
        else f"The {len(reds)} red measures are {listing(named)}."
    )
    by_length: dict[int, list[str]] = {}
    for line in reds:
        by_length.setdefault(streaks.get(line.ref, 1), []).append(f"{line.short} ({line.ref})")
    for count in sorted(by_length, reverse=True):
        words = streak_words(count)
        if words:
            named_here = by_length[count]
            verb = "has" if len(named_here) == 1 else "have"
            text += f" {capital(listing(named_here))} {verb} been {words}."
    missing = [line.ref for line in reds if line.commentary is None]
    if not missing:
        text += " Each red measure is explained, with the actions being taken, in section"
        return text
    have = len(reds) - len(missing)
    text += (
        f" Commentary has been given for {have} of the {len(reds)} red measures, but not yet "
        f"for {listing(missing)}."
        if len(reds) > 1
        else f" Commentary for {missing[0]} has not yet been given."
    )
    return text


def _movement(card: Scorecard, lines: Sequence[MeasureLine]) -> str:
    quarterly = Counter(line.direction for line in lines if not line.annual)
    previous = card.period.previous()
    judged = (Direction.IMPROVED, Direction.DECLINED, Direction.NO_CHANGE)
    if not any(quarterly[d] for d in judged):
        text = f"There are no figures for {months(previous)} to compare with."
    else:
        text = (
            f"Compared with {months(previous)}, "
            f"{plural(quarterly[Direction.IMPROVED], 'measure')} improved, "
            f"{quarterly[Direction.DECLINED]} declined and "
            f"{quarterly[Direction.NO_CHANGE]} did not change."
        )
    annual = [line for line in lines if line.annual]
    if annual:
        moved = Counter(line.direction for line in annual)
        years = sorted({line.period_label for line in annual})
        before = sorted({line.previous_label for line in annual})
        parts = [
            f"{moved[d]} {word}"
            for d, word in (
                (Direction.IMPROVED, "improved"),
                (Direction.DECLINED, "declined"),
                (Direction.NO_CHANGE, "did not change"),
            )
            if moved[d]
        ]
        rest = len(annual) - sum(
            moved[d] for d in (Direction.IMPROVED, Direction.DECLINED, Direction.NO_CHANGE)
        )
        if rest:
            parts.append(f"{rest} could not be compared")
        text += (
            f" Annual measures are compared only with their own previous year: of the "
            f"{len(annual)} published for {listing(years)} and set against {listing(before)}, "
            f"{listing(parts)}."
        )
    return text


def children_in_care_row(card: Scorecard, measure_id: str | None) -> Row | None:
    """The measure counting children in care: named, else a count titled like one."""
    if measure_id is not None:
        return next((r for r in card.rows if r.measure.id == measure_id), None)
    for row in card.rows:
        title = row.measure.title.lower()
        if (
            row.measure.unit.value == "count"
            and ("children in care" in title or "children looked after" in title)
            and title.startswith("number")
        ):
            return row
    return None


def _children(card: Scorecard, row: Row | None) -> str:
    if row is None or row.short_term.current is None or row.short_term.previous is None:
        return ""
    now = format_quantity(row.short_term.current, row.measure)
    was = format_quantity(row.short_term.previous, row.measure)
    span = "year" if card.period.is_annual else "quarter"
    change = row.short_term.current - row.short_term.previous
    if change == 0:
        return f"The number of children in care stayed at {now} over the {span}."
    verb = "rose" if change > 0 else "fell"
    return f"The number of children in care {verb} from {was} to {now} over the {span}."


def _commitments(directorates: Sequence[Directorate]) -> str:
    items = [c for d in directorates for c in d.commitments]
    if not items:
        return ""
    status = Counter(c.status.text.strip().lower() for c in items)
    parts = []
    for key, one, many in (
        ("complete", "is complete", "are complete"),
        ("on track", "is on track", "are on track"),
        ("delayed", "is delayed", "are delayed"),
        ("not started", "has not started", "have not started"),
    ):
        if not status[key]:
            continue
        text = f"{status[key]} {one if status[key] == 1 else many}"
        if key in ("delayed", "not started"):
            named = [c.commitment.text for c in items if c.status.text.strip().lower() == key]
            text += " (" + listing([f"“{t[:1].lower() + t[1:]}”" for t in named]) + ")"
        parts.append(text)
    others = len(items) - sum(status[k] for k in ("complete", "on track", "delayed", "not started"))
    if others:
        parts.append(f"{others} {'has' if others == 1 else 'have'} another status")
    text = (
        f"Of the {plural(len(items), 'commitment')} made by "
        f"{plural(len(directorates), 'directorate')}, {listing(parts)}."
    )
    overdue = [c for c in items if "Overdue" in c.flag]
    if overdue:
        single = len(overdue) == 1
        text += (
            f" In all, {plural(len(overdue), 'commitment')} {'is' if single else 'are'} past "
            f"{'its' if single else 'their'} due date."
        )
    return text


def _actions(actions: Sequence[ActionLine]) -> str:
    if not actions:
        return ""
    overdue = [a.ref for a in actions if a.overdue]
    text = f"The action plan has {plural(len(actions), 'action')}"
    if overdue:
        verb = "is" if len(overdue) == 1 else "are"
        text += f", of which {len(overdue)} {verb} overdue ({listing(overdue)})."
    else:
        text += ", none of them overdue."
    return text


def summary_paragraphs(
    card: Scorecard,
    lines: dict[str, MeasureLine],
    *,
    streaks: dict[str, int],
    exceptions_section: int,
    directorates: Sequence[Directorate],
    actions: Sequence[ActionLine],
    children: Row | None,
) -> tuple[str, ...]:
    """The executive summary as paragraphs of sentences (about 250 words)."""
    reds = _reds(card, lines, streaks)
    if reds.endswith("in section"):
        reds += f" {exceptions_section}."
    paragraphs = [
        _overview(card),
        reds,
        _movement(card, list(lines.values())),
        " ".join(t for t in (_children(card, children), _commitments(directorates)) if t),
        _actions(actions),
    ]
    return tuple(p for p in paragraphs if p)
