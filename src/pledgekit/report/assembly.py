"""Scorecard + workbook sheets + meeting.yaml -> :class:`~pledgekit.report.model.Report`.

:func:`build_report` gathers what the templates show (cover, executive summary, exceptions, a
section per pledge, commitments, cohort profile, implications, the scorecard appendix).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from pledgekit.config.meeting import Meeting
from pledgekit.model.errors import DefinitionError
from pledgekit.model.observations import Commitment, Dataset, PledgeUpdate, ProfileItem
from pledgekit.model.periods import Period
from pledgekit.model.prose import Prose
from pledgekit.model.status import Direction, Status
from pledgekit.model.values import ValueState
from pledgekit.report.measure_lines import (
    exception_item,
    measure_line,
    red_note,
    summary_paragraphs,
)
from pledgekit.report.meeting_view import Appendix, meeting_view
from pledgekit.report.model import (
    CommitmentLine,
    Directorate,
    PledgeSection,
    ProfileLine,
    Report,
    StatusCount,
)
from pledgekit.score.comparator_text import comparison_note
from pledgekit.score.scorecard import Scorecard

T = TypeVar("T", Commitment, PledgeUpdate, ProfileItem)


def _latest_file(items: Sequence[T], files: Sequence[str]) -> list[T]:
    """Items from the last workbook that has any: the latest quarter's sheet wins.

    Files are given oldest first (as a sorted glob gives them); an older quarter's Updates or
    Commitments sheet must not be repeated in this quarter's report.
    """
    if not items:
        return []
    order = {name: i for i, name in enumerate(files)}
    last = max(order.get(item.location.file, -1) for item in items)
    return [item for item in items if order.get(item.location.file, -1) == last]


def _text(value: str | None, field: str, item: Commitment | ProfileItem) -> Prose:
    return Prose(value or "", field, item.location, markdown=False)


def _narrative(pledge_id: str, meeting: Meeting | None, updates: list[PledgeUpdate]) -> Prose:
    if meeting is not None and pledge_id in meeting.narratives:
        where = meeting.location("narratives", pledge_id)
        return Prose(meeting.narratives[pledge_id], f"narrative for pledge {pledge_id}", where)
    mine = [u for u in updates if u.pledge == pledge_id and u.text.strip()]
    if mine:
        text = "\n".join(u.text for u in mine)
        return Prose(text, f"update for pledge {pledge_id}", mine[0].location, markdown=False)
    return Prose.missing(f"narrative for pledge {pledge_id}")


def _directorates(commitments: list[Commitment]) -> tuple[Directorate, ...]:
    grouped: dict[str, list[Commitment]] = {}
    for item in commitments:
        grouped.setdefault(item.directorate, []).append(item)
    return tuple(
        Directorate(
            _text(name, "directorate", items[0]),
            tuple(
                CommitmentLine(
                    item.pledge or "",
                    _text(item.commitment, "commitment", item),
                    _text(item.status, "commitment status", item),
                    _text(item.update, "commitment update", item),
                )
                for item in items
            ),
        )
        for name, items in grouped.items()
    )


def _profile(items: list[ProfileItem], period: Period) -> tuple[ProfileLine, ...]:
    dated = [i for i in items if i.period == period]
    chosen = dated or [i for i in items if i.period is None]
    latest: dict[str, ProfileItem] = {i.label: i for i in chosen}  # a repeated label: last wins
    return tuple(
        ProfileLine(_text(i.label, "profile label", i), _text(i.value, "profile value", i))
        for i in latest.values()
    )


def _check_narratives(card: Scorecard, meeting: Meeting | None) -> None:
    if meeting is None:
        return
    known = [p.id for p in card.pledges]
    for key in meeting.narratives:
        if key not in known:
            raise DefinitionError(
                f"{meeting.location('narratives', key)}: a narrative for pledge {key!r}, which "
                f"the pledge definition does not have (pledges: {', '.join(known)})"
            )


def build_report(card: Scorecard, dataset: Dataset, meeting: Meeting | None) -> Report:
    """The report for ``card``'s period.

    ``dataset`` supplies the optional Updates, Commitments and Profile sheets (sections without
    a sheet are left out); ``meeting`` the cover and prose (None: placeholders throughout).
    Raises :class:`DefinitionError` for a narrative keyed to a pledge the definition lacks.
    """
    _check_narratives(card, meeting)
    updates = _latest_file(dataset.updates, dataset.files)
    lines = {row.measure.id: measure_line(row, card.period) for row in card.rows}
    pledges = tuple(
        PledgeSection(
            id=p.id,
            title=p.title,
            outcome=p.outcome,
            promises=tuple(p.promises),
            lines=tuple(lines[row.measure.id] for row in card.rows_for(p)),
            narrative=_narrative(p.id, meeting, updates),
        )
        for p in card.pledges
    )
    view = meeting_view(
        meeting,
        committee=card.committee,
        default_title=f"Corporate parenting performance update, {card.period.label}",
    )
    extra = meeting.appendices if meeting else []
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    appendices = (
        Appendix("A", f"Corporate parenting scorecard, {card.period.label}"),
        *(Appendix(letters[i + 1], title) for i, title in enumerate(extra[: len(letters) - 1])),
    )
    statuses = card.summary.statuses
    span = "year" if card.period.is_annual else "quarter"
    return Report(
        council=card.council,
        period=card.period.label,
        previous_period=card.period.previous().label,
        span=span,
        meeting=view,
        summary=summary_paragraphs(card, list(lines.values())),
        improved=tuple(x for x in lines.values() if x.direction is Direction.IMPROVED),
        declined=tuple(x for x in lines.values() if x.direction is Direction.DECLINED),
        red_note=red_note(list(lines.values()), span),
        counts=tuple(StatusCount(s, statuses[s]) for s in Status if statuses[s]),
        exceptions=tuple(
            exception_item(r, lines[r.measure.id]) for r in card.rows_with(Status.RED)
        ),
        pledges=pledges,
        commitments=_directorates(_latest_file(dataset.commitments, dataset.files)),
        profile=_profile(dataset.profile, card.period),
        appendices=appendices,
        threshold=card.threshold,
        # Any "c" in the tables, this period's or an earlier one's, needs the footnote.
        has_suppressed=any(
            r.status is Status.SUPPRESSED
            or any(p.value.state is ValueState.SUPPRESSED for p in r.history)
            for r in card.rows
        ),
        comparison_note=comparison_note(card),
    )
