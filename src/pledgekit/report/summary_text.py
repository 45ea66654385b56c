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

from pledgekit.model.measure_kinds import Polarity
from pledgekit.model.periods import Period
from pledgekit.model.status import Direction, Status
from pledgekit.model.values import ValueState
from pledgekit.report.measure_lines import MeasureLine
from pledgekit.report.plans import ActionLine, Directorate, LateLine
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


_COLOURS = (("green", Status.GREEN), ("amber", Status.AMBER), ("red", Status.RED))


def counted(counts: dict[str, int], verb: tuple[str, str] = ("is", "are")) -> str:
    """``3 are green, 1 amber and 2 red``: zeros left out, the verb agreeing with the first."""
    parts = [(n, word) for word, n in counts.items() if n]
    if not parts:
        return ""
    first_n, first_word = parts[0]
    head = f"{first_n} {verb[0] if first_n == 1 else verb[1]} {first_word}"
    return listing([head, *(f"{n} {word}" for n, word in parts[1:])])


def rated_sentence(counts: dict[str, int], span: str) -> str:
    """The sentence giving how many rated measures are green, amber and red."""
    total = sum(counts.values())
    if total == 0:
        return f"No measure is rated against a target this {span}."
    if total == 1:
        (colour,) = [c for c, n in counts.items() if n]
        return f"The one measure rated against a target is {colour}."
    if max(counts.values()) == total:
        (colour,) = [c for c, n in counts.items() if n]
        return f"All {total} measures rated against a target are {colour}."
    return f"Of the {total} measures rated against a target, {counted(counts)}."


def _overview(card: Scorecard) -> str:
    s = card.summary.statuses
    period = card.period
    span = "year" if period.is_annual else "quarter"
    which = (
        f"the financial year {period.label}"
        if period.quarter is None
        else f"the {_ORDINAL_QUARTER[period.quarter]} quarter of {period.financial_year}"
    )
    text = f"This report covers {months(period)}, {which}. " + rated_sentence(
        {colour: s[status] for colour, status in _COLOURS}, span
    )
    # A measure not rated is context (no polarity), not applicable this period, or without a
    # target: each said as what it is, not all as "context".
    unrated = card.rows_with(Status.NOT_RATED)
    context = sum(1 for r in unrated if r.measure.polarity is Polarity.NONE)
    not_applicable = sum(
        1
        for r in unrated
        if r.measure.polarity is not Polarity.NONE and r.value.state is ValueState.NOT_APPLICABLE
    )
    return text + unrated_sentence(
        s[Status.NO_DATA],
        s[Status.SUPPRESSED],
        context,
        span,
        not_applicable=not_applicable,
        no_target=len(unrated) - context - not_applicable,
    )


def unrated_sentence(
    no_data: int,
    suppressed: int,
    context: int,
    span: str,
    *,
    not_applicable: int = 0,
    no_target: int = 0,
) -> str:
    """`` A further 3 measures are not rated ...`` (with its leading space), or ""."""
    parts = []
    for n, one, many in (
        (no_data, "has no figure yet", "have no figure yet"),
        (
            suppressed,
            "is suppressed to protect small numbers",
            "are suppressed to protect small numbers",
        ),
        (
            context,
            "is shown for context without a target",
            "are shown for context without a target",
        ),
        (not_applicable, "does not apply this period", "do not apply this period"),
        (no_target, "has no target set", "have no target set"),
    ):
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    unrated = no_data + suppressed + context + not_applicable + no_target
    if not unrated:
        return ""
    if len(parts) == 1:
        how = parts[0].split(" ", 1)[1]
        many = "A further measure" if unrated == 1 else f"A further {unrated} measures"
        return f" {many} {how} this {span}."
    return (
        f" A further {plural(unrated, 'measure')} {'is' if unrated == 1 else 'are'} not "
        f"rated this {span}: {listing(parts)}."
    )


def _reds(card: Scorecard, lines: dict[str, MeasureLine], streaks: dict[str, int]) -> str:
    reds = [lines[r.measure.id] for r in card.rows_with(Status.RED)]
    span = "year" if card.period.is_annual else "quarter"
    return reds_paragraph(
        [(f"{line.short} ({line.ref})", line.ref) for line in reds],
        {line.ref: streaks.get(line.ref, 1) for line in reds},
        [line.ref for line in reds if line.commentary is None],
        span,
    )


def reds_paragraph(
    reds: Sequence[tuple[str, str]], streaks: dict[str, int], missing: Sequence[str], span: str
) -> str:
    """The reds named, how long they have been red (one sentence), and which lack commentary.

    ``reds`` are (name, ref) pairs; ``streaks`` how many periods running each has been red.
    A paragraph explained in full ends "... in section" for the caller to number.
    """
    if not reds:
        return f"No measure is rated red this {span}."
    named = [name for name, _ in reds]
    text = (
        f"The red measure is {named[0]}."
        if len(reds) == 1
        else f"The {len(reds)} red measures are {listing(named)}."
    )
    text += streak_sentence({name: streaks.get(ref, 1) for name, ref in reds}, span)
    if not missing:
        which = "The red measure is" if len(reds) == 1 else "Each red measure is"
        return text + f" {which} explained in section"
    return text + " " + commentary_sentence(len(reds), missing)


def streak_sentence(streaks: dict[str, int], span: str) -> str:
    """One sentence for every red that has been red before, longest first: `` A and B have
    been red for the sixth quarter running, C for the fourth and D for the second.``"""
    by_length: dict[int, list[str]] = {}
    for name, count in streaks.items():
        if count > 1:
            by_length.setdefault(count, []).append(name)
    if not by_length:
        return ""
    ordered = sorted(by_length, reverse=True)
    first = by_length[ordered[0]]
    words = streak_words(ordered[0], span)
    head = f"{capital(listing(first))} {'has' if len(first) == 1 else 'have'} been {words}"
    rest = [
        f"{listing(by_length[n])} for the {streak_words(n, span).split(' ')[3]}"
        for n in ordered[1:]
    ]
    return f" {listing([head, *rest])}."


def commentary_sentence(reds: int, missing: Sequence[str]) -> str:
    """Which red measures still lack commentary, for any number of reds and gaps."""
    have = reds - len(missing)
    if reds == 1:
        return f"Commentary for {missing[0]} has not yet been given."
    if have == 0:
        return f"None of the {reds} red measures has commentary yet."
    return (
        f"Commentary has been given for {have} of the {reds} red measures, but not yet for "
        f"{listing(missing)}."
    )


def _movement(card: Scorecard, lines: Sequence[MeasureLine]) -> str:
    quarterly = Counter(line.direction for line in lines if not line.annual)
    previous = card.period.previous()
    judged = (Direction.IMPROVED, Direction.DECLINED, Direction.NO_CHANGE)
    if not any(quarterly[d] for d in judged):
        text = f"There are no figures for {months(previous)} to compare with."
    else:
        text = f"Compared with {months(previous)}, {moved_clause(quarterly)}."
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


def moved_clause(moved: Counter[Direction]) -> str:
    """``3 measures improved, 2 declined and 1 did not change``, zeros left out."""
    parts = [
        (moved[d], word)
        for d, word in (
            (Direction.IMPROVED, "improved"),
            (Direction.DECLINED, "declined"),
            (Direction.NO_CHANGE, "did not change"),
        )
        if moved[d]
    ]
    total = sum(n for n, _ in parts)
    if len(parts) == 1:
        word = parts[0][1]
        return f"the one measure {word}" if total == 1 else f"all {total} measures {word}"
    head = f"{plural(parts[0][0], 'measure')} {parts[0][1]}"
    return listing([head, *(f"{n} {word}" for n, word in parts[1:])])


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
        if status[key]:
            parts.append(f"{status[key]} {one if status[key] == 1 else many}")
    others = len(items) - sum(status[k] for k in ("complete", "on track", "delayed", "not started"))
    if others:
        parts.append(f"{others} {'has' if others == 1 else 'have'} another status")
    return (
        f"Of the {plural(len(items), 'commitment')} made by "
        f"{plural(len(directorates), 'directorate')}, {listing(parts)}."
    )


def _attention(actions: Sequence[ActionLine], late: Sequence[LateLine], section: str) -> str:
    """How many actions and commitments are late or at risk: the rows of that section."""
    if not actions and not late:
        return ""
    text = f"The action plan has {plural(len(actions), 'action')}." if actions else ""
    kinds = Counter(line.kind for line in late)
    named = [plural(kinds[kind], kind.lower()) for kind in ("Action", "Commitment") if kinds[kind]]
    if not named:
        return f"{text} No action or commitment is late or at risk.".strip()
    verb = "is" if len(late) == 1 else "are"
    return (
        f"{text} In all, {listing(named)} {verb} late or at risk; "
        f"{'it is' if len(late) == 1 else 'each is'} listed in section {section}."
    ).strip()


def summary_paragraphs(
    card: Scorecard,
    lines: dict[str, MeasureLine],
    *,
    streaks: dict[str, int],
    exceptions_section: str,
    directorates: Sequence[Directorate],
    actions: Sequence[ActionLine],
    children: Row | None,
    late: Sequence[LateLine] = (),
    late_section: str = "",
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
        _attention(actions, late, late_section),
    ]
    return tuple(p for p in paragraphs if p)
