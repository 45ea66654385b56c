"""The generated paragraphs that open the report's sections, written from the figures.

Each says what the section holds and states plainly what is missing or late, so the text
never promises what the section does not show.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from pledgekit.model.prose import Prose
from pledgekit.report.measure_lines import MeasureLine
from pledgekit.report.paragraphs import generated
from pledgekit.report.plans import ActionLine, Directorate, LateLine, flag_word, long_date
from pledgekit.report.streaks import streak_words
from pledgekit.report.summary_text import commentary_sentence, listing, months, plural
from pledgekit.score.scorecard import Scorecard


def introduction(
    card: Scorecard, view_intro: Prose | None, *, reports_on: Sequence[str] = ()
) -> list[Prose]:
    """The opening paragraph; ``reports_on`` names only the parts the paper has content for
    (``the action plan``), so it promises nothing it does not show."""
    measures = len(card.rows)
    also = f", and reports on {listing(list(reports_on))}" if reports_on else ""
    text = (
        f"The Council's Pledge to children in care and care leavers sets out "
        f"{plural(len(card.pledges), 'pledge')}, with {plural(measures, 'measure')} that show "
        f"whether the promises are kept. This report sets out performance for "
        f"{card.period.label} ({months(card.period)}) against the targets the Committee "
        f"agreed, explains every measure rated red and what is being done about it{also}."
    )
    return [generated(text), *([view_intro] if view_intro is not None else [])]


def exceptions_intro(reds: list[MeasureLine], span: str) -> str:
    """The paragraph opening the exceptions: what follows, and which reds lack commentary."""
    if not reds:
        return f"No measure is rated red this {span}."
    missing = [line.ref for line in reds if line.commentary is None]
    each = "the measure rated red" if len(reds) == 1 else "each measure rated red"
    text = (
        f"This section explains {each}: its figures, why it is red, its trend, how it "
        "compares, the commentary on it, the actions linked to it and a chart. "
    )
    if not missing:
        return text + ("It has commentary." if len(reds) == 1 else "Every one has commentary.")
    return text + commentary_sentence(len(reds), missing)


def watch_intro(ambers: int, span: str) -> str:
    """The paragraph opening the watch list of amber measures."""
    if not ambers:
        return f"No measure is rated amber this {span}."
    one = ambers == 1
    return (
        f"{'One measure is' if one else f'These {ambers} measures are'} rated amber: close to "
        "target, or off target but better than a year earlier. "
        f"{'It is' if one else 'They are'} watched so that none becomes red."
    )


def actions_intro(actions: tuple[ActionLine, ...], today: datetime.date, dated: bool) -> str:
    """The paragraph opening the action plan: how many actions, which are overdue and why."""
    if not actions:
        return (
            "No action plan was supplied: add actions to meeting.yaml or an Actions sheet to "
            "the workbook."
        )
    overdue = [a.ref for a in actions if a.overdue]
    basis = "the meeting date" if dated else "the end of the reporting period"
    text = (
        f"The action plan has {plural(len(actions), 'action')}. An action is overdue when its "
        f"milestone date has passed by {basis} ({long_date(today)}){_by_update(actions)} and "
        "it is not complete"
    )
    if overdue:
        return text + f": {', '.join(overdue)} {'is' if len(overdue) == 1 else 'are'} overdue."
    return text + "; none is overdue."


def _by_update(items: Sequence[ActionLine] | Sequence[LateLine]) -> str:
    """The clause for flags judged at the officer's update (see :func:`plans.flag_for`), or ""."""
    flags = [i.flag if isinstance(i, ActionLine) else i.status for i in items]
    if any(flag != flag_word(flag) for flag in flags):
        return ", or by the date of its lead officer's update when that is later"
    return ""


def persistence(count: int, span: str) -> str:
    """``Red for the third quarter running.`` or ``Red this quarter only.``"""
    words = streak_words(count, span)
    return f"{words[:1].upper()}{words[1:]}." if words else f"Red this {span} only."


def commitments_intro(found: Sequence[Directorate]) -> str:
    """The paragraph opening the commitments: how many, and how many are flagged."""
    items = [c for d in found for c in d.commitments]
    flagged = [c for c in items if c.flag]
    text = (
        f"The directorates made {plural(len(items), 'commitment')} to children in care and care "
        "leavers. Each is listed with its lead, the date it is due and its progress"
    )
    if flagged:
        return text + (
            f"; {plural(len(flagged), 'commitment')} {'is' if len(flagged) == 1 else 'are'} "
            "flagged as delayed, not started or overdue."
        )
    return text + "."


def late_intro(late: Sequence[LateLine], today: datetime.date, dated: bool) -> str:
    """The paragraph opening the list of late or at-risk actions and commitments."""
    basis = "the meeting date" if dated else "the end of the reporting period"
    n = len(late)
    return (
        f"{'This action or commitment is' if n == 1 else f'These {n} actions and commitments are'}"
        " late or at risk. Each shows one status: Overdue when its date has passed by "
        f"{basis} ({long_date(today)}){_by_update(late)} and it is not complete, else Delayed "
        "or Not started as "
        "its lead reports. The full action plan and every commitment are in the appendices."
    )
