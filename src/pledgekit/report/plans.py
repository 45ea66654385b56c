"""The action plan and the directorates' commitments, with what needs the committee's eye.

Actions come from meeting.yaml (``actions:``) and the latest workbook's ``Actions`` sheet;
each has a reference (``A1``, ``A2`` ... when none is given). An action or commitment is
overdue when its date is before the meeting (or, without a meeting date, the end of the
reporting period) and it is not complete. ``Delayed`` and ``Not started`` are flagged too.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pledgekit.model.location import Location
from pledgekit.model.prose import Prose

_DONE = {"complete", "completed", "done", "closed", "achieved"}
_FLAGGED = {"delayed": "Delayed", "not started": "Not started"}


def long_date(day: datetime.date | None) -> str:
    """``31 December 2026``, or "" for no date."""
    return f"{day.day} {day:%B %Y}" if day else ""


def is_done(status: str | None) -> bool:
    """True for a status that says the work is finished."""
    return (status or "").strip().lower() in _DONE


def is_overdue(status: str | None, due: datetime.date | None, today: datetime.date) -> bool:
    """True when ``due`` is before ``today`` and the status does not say the work is done."""
    return due is not None and due < today and not is_done(status)


#: The flag's word, first of a flag "Overdue at the update of ...": what sorts and counts it.
OVERDUE = "Overdue"


def flag_for(
    status: str | None,
    due: datetime.date | None,
    today: datetime.date,
    updated: datetime.date | None = None,
) -> str:
    """The one status saying what needs attention: ``Overdue`` (past its date and not done,
    whatever else the status says), else ``Delayed`` or ``Not started``, else "".

    ``updated`` is the date the lead officer wrote the update. When it is later than the due
    date and the status does not say the work is done, the work was overdue by the officer's
    own account, whatever the meeting date: the flag says so, ``Overdue at the update of 5
    November 2026``. Otherwise overdue is judged at ``today`` (the meeting date, or the end of
    the reporting period without one).

    The one place a commitment's or action's flag is decided: the summary counts, the
    late-or-at-risk list and the appendix tables all read it.
    """
    if updated is not None and is_overdue(status, due, updated):
        return f"{OVERDUE} at the update of {long_date(updated)}"
    if is_overdue(status, due, today):
        return OVERDUE
    return _FLAGGED.get((status or "").strip().lower(), "")


def flag_word(flag: str) -> str:
    """``Overdue`` for any overdue flag (with or without its reason), else the flag itself."""
    return OVERDUE if flag.startswith(OVERDUE) else flag


@dataclass(frozen=True, slots=True)
class ActionLine:
    """One action of the plan, every cell written out."""

    ref: str
    action: Prose
    pledge: str
    measures: tuple[str, ...]
    lead: str
    partners: str
    resources: str
    milestone: str
    status: str
    update: Prose
    flag: str

    @property
    def overdue(self) -> bool:
        """True when the milestone has passed and the action is not complete."""
        return flag_word(self.flag) == OVERDUE

    @property
    def summary(self) -> str:
        """E.g. "A2 Add clinics (Designated Nurse, by 31 October 2026; Overdue)"."""
        details = [d for d in (self.lead, f"by {self.milestone}" if self.milestone else "") if d]
        text = f"{self.ref} {self.action.text}"
        if details:
            text += f" ({', '.join(details)}{'; ' + self.flag if self.flag else ''})"
        elif self.flag:
            text += f" ({self.flag})"
        return text


@dataclass(frozen=True, slots=True)
class ActionSource:
    """An action as read, from either source, before it is numbered."""

    ref: str | None
    action: str
    location: Location | None
    pledge: str | None
    promise: str | None
    measures: tuple[str, ...]
    lead: str | None
    partners: str | None
    resources: str | None
    milestone: datetime.date | None
    status: str | None
    update: str | None
    markdown: bool
    #: The date the lead officer wrote ``update`` (judges "overdue", see :func:`flag_for`).
    updated: datetime.date | None = None


def action_lines(
    sources: Sequence[ActionSource], *, today: datetime.date, pledge_titles: dict[str, str]
) -> tuple[ActionLine, ...]:
    """Number the actions (given refs kept, others A1, A2 ... skipping taken ones), flag them."""
    taken = {s.ref for s in sources if s.ref}
    counter = 0
    lines = []
    for source in sources:
        ref = source.ref
        if not ref:
            counter += 1
            while f"A{counter}" in taken:
                counter += 1
            ref = f"A{counter}"
        pledge = source.promise or ""
        if source.pledge:
            title = pledge_titles.get(source.pledge)
            pledge = f"{source.pledge}: {title}" if title else source.pledge
        lines.append(
            ActionLine(
                ref=ref,
                action=Prose(source.action, "action", source.location, markdown=source.markdown),
                pledge=pledge,
                measures=source.measures,
                lead=source.lead or "",
                partners=source.partners or "",
                resources=source.resources or "",
                milestone=long_date(source.milestone),
                status=source.status or "",
                update=Prose(
                    source.update or "", "action update", source.location, markdown=source.markdown
                ),
                flag=flag_for(source.status, source.milestone, today, source.updated),
            )
        )
    return tuple(lines)


@dataclass(frozen=True, slots=True)
class CommitmentLine:
    """One directorate commitment and its progress; ``flag`` marks what needs attention."""

    pledge: str
    commitment: Prose
    lead: str
    due: str
    status: Prose
    update: Prose
    flag: str


@dataclass(frozen=True, slots=True)
class Directorate:
    """A directorate's commitments, and a count of them by status."""

    name: Prose
    commitments: tuple[CommitmentLine, ...]
    number: str = ""

    @property
    def summary(self) -> str:
        """E.g. "Commitments: 3 (2 on track, 1 delayed)." (statuses as the workbook spells them)."""
        counts = Counter(c.status.text.strip().lower() or "no status" for c in self.commitments)
        total = len(self.commitments)
        parts = ", ".join(f"{n} {status}" for status, n in counts.items())
        return f"Commitments: {total} ({parts})."


@dataclass(frozen=True, slots=True)
class LateLine:
    """A commitment or action that is late or at risk: one line of the body's list.

    ``status`` is the one flag (:func:`flag_for`); ``kind`` says whether it is an action of
    the plan (``ref`` its reference) or a directorate's commitment (``ref`` the directorate).
    """

    kind: str
    ref: str
    text: Prose
    lead: str
    due: str
    status: str
    update: Prose


def late_lines(
    actions: Sequence[ActionLine], directorates: Sequence[Directorate]
) -> tuple[LateLine, ...]:
    """Every flagged action, then every flagged commitment, overdue ones first in each."""
    found = [
        LateLine("Action", a.ref, a.action, a.lead, a.milestone, a.flag, a.update)
        for a in actions
        if a.flag
    ]
    commitments = [
        LateLine("Commitment", d.name.text, c.commitment, c.lead, c.due, c.flag, c.update)
        for d in directorates
        for c in d.commitments
        if c.flag
    ]
    first = {OVERDUE: 0, "Delayed": 1, "Not started": 2}
    return tuple(
        sorted(found, key=lambda x: first.get(flag_word(x.status), 3))
        + sorted(commitments, key=lambda x: first.get(flag_word(x.status), 3))
    )
