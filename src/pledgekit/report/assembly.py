"""Scorecard + workbook sheets + meeting.yaml -> :class:`~pledgekit.report.model.Report`.

:func:`build_report` lays out the house format, numbering sections and paragraphs: purpose,
recommendations, introduction, executive summary, exceptions (red), watch list (amber), a
section per pledge, commitments, action plan, voice of children and young people, inspection,
cohort profile, implications, conclusion, background papers and appendices.
"""

from __future__ import annotations

from collections.abc import Sequence

from pledgekit.config.meeting import Meeting
from pledgekit.model.observations import Dataset
from pledgekit.model.periods import Period
from pledgekit.model.prose import PLACEHOLDER, Prose
from pledgekit.model.status import Status
from pledgekit.model.values import ValueState
from pledgekit.report.as_at import known_at
from pledgekit.report.cross_checks import prose_gaps
from pledgekit.report.exceptions import exception_item, watch_item
from pledgekit.report.gaps import placeholder_gaps
from pledgekit.report.measure_lines import measure_line
from pledgekit.report.meeting_sections import appendices, inspection_view, voice_view
from pledgekit.report.meeting_view import meeting_view
from pledgekit.report.model import PledgeSection, Report, StatusCount
from pledgekit.report.openings import (
    actions_intro,
    commitments_intro,
    exceptions_intro,
    introduction,
    late_intro,
    persistence,
    watch_intro,
)
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.plans import action_lines, late_lines
from pledgekit.report.sources import (
    action_sources,
    check_references,
    directorates,
    meeting_period_gaps,
    narrative,
    profile,
)
from pledgekit.report.streaks import red_streaks
from pledgekit.report.summary import (
    children_in_care_row,
    months,
    summary_paragraphs,
)
from pledgekit.report.symbols import symbol_key
from pledgekit.score.comparator_text import comparison_note
from pledgekit.score.scorecard import Scorecard

#: The body of the paper, in the house format's order; the detail goes to the appendices.
_ORDER = (
    "purpose",
    "recommendations",
    "introduction",
    "summary",
    "exceptions",
    "watch",
    "late",
    "voice",
    "inspection",
    "implications",
    "conclusion",
    "background",
    "appendices",
)


def _numbers(present: set[str]) -> dict[str, int]:
    return {key: i for i, key in enumerate((k for k in _ORDER if k in present), start=1)}


def _paras(section: int, texts: Sequence[Prose], start: int = 1) -> tuple[Para, ...]:
    return tuple(Para(f"{section}.{i}", t) for i, t in enumerate(texts, start=start))


def _letters(**present: bool) -> dict[str, str]:
    """The appendix letter of each generated appendix present, in order (A, B, ...)."""
    keys = [key for key, shown in present.items() if shown]
    letters = dict.fromkeys(present, "")  # "" for one not present: templates test it
    letters.update({key: "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i] for i, key in enumerate(keys)})
    return letters


_APPENDIX_TITLES = {
    "pledges": "Performance by pledge: the full scorecard, {period}",
    "actions": "The action plan",
    "commitments": "Commitments by directorate",
    "profile": "Profile of children in care, {period}",
}


def _appendix_titles(letters: dict[str, str], period: Period) -> list[str]:
    return [_APPENDIX_TITLES[key].format(period=period.label) for key in letters if letters[key]]


def _reports_on(late: Sequence[object], meeting: Meeting | None) -> list[str]:
    """The parts the introduction may promise: only those with content."""
    parts = ["the actions and commitments that are late or at risk"] if late else []
    if meeting is not None and meeting.voice_of_children is not None:
        parts.append("what children and young people have told us")
    if meeting is not None and meeting.inspection is not None:
        parts.append("the latest inspection")
    return parts


def _title(given: Period | None, period: Period) -> str:
    """The title when meeting.yaml gives none: from its period, else the report's."""
    chosen = given or period
    return f"Corporate parenting performance update, {chosen.label} ({months(chosen)})"


def build_report(
    card: Scorecard,
    dataset: Dataset,
    meeting: Meeting | None,
    *,
    earlier: Sequence[Scorecard] = (),
) -> Report:
    """The report for ``card``'s period.

    ``dataset`` supplies the optional Updates, Commitments, Actions and Profile sheets;
    ``meeting`` the cover and prose (None: placeholders throughout); ``earlier`` the scorecards
    of the quarters before, to count how long a measure has been red. Raises
    :class:`DefinitionError` for meeting.yaml text keyed to a pledge, measure or action the
    definition or plan lacks, and for a missing appendix file.
    """
    check_references(meeting, [p.id for p in card.pledges], [r.measure.id for r in card.rows])
    known = known_at(dataset, card.period)
    sheets = known.dataset
    span = "year" if card.period.is_annual else "quarter"
    dated = meeting is not None and meeting.date is not None
    today = meeting.date if meeting is not None and meeting.date else card.period.end_date
    titles = {p.id: p.title for p in card.pledges}
    lines = {row.measure.id: measure_line(row, card.period) for row in card.rows}
    commitments = directorates(sheets.commitments, today=today, pledge_titles=titles)
    actions = action_lines(
        action_sources(meeting, sheets.actions), today=today, pledge_titles=titles
    )
    profile_lines = profile(sheets.profile, card.period)
    late = late_lines(actions, commitments)
    present = set(_ORDER) - ({"late"} if not late else set())
    n = _numbers(present)
    letters = _letters(
        pledges=True,
        actions=bool(actions),
        commitments=bool(commitments),
        profile=bool(profile_lines),
    )
    view = meeting_view(
        meeting,
        committee=card.committee,
        default_title=_title(meeting.reporting_period if meeting else None, card.period),
        implications_section=n["implications"],
    )
    streaks = red_streaks(card, earlier)
    reds = card.rows_with(Status.RED)
    exceptions = tuple(
        exception_item(
            row,
            lines[row.measure.id],
            number=f"{n['exceptions']}.{i}",
            persistence=persistence(streaks.get(row.measure.id, 1), span),
            actions=tuple(a for a in actions if row.measure.id in a.measures),
        )
        for i, row in enumerate(reds, start=2)
    )
    watch = tuple(
        watch_item(row, lines[row.measure.id], number=f"{n['watch']}.{i}")
        for i, row in enumerate(card.rows_with(Status.AMBER), start=2)
    )
    updates = sheets.updates
    pledges = tuple(
        PledgeSection(
            number=f"{letters['pledges']}.{i}",
            id=p.id,
            title=p.title,
            outcome=p.outcome,
            promises=tuple(p.promises),
            lines=tuple(lines[row.measure.id] for row in card.rows_for(p)),
            narrative=narrative(p.id, meeting, updates),
            notes=tuple(
                lines[row.measure.id]
                for row in card.rows_for(p)
                if row.commentary is not None and row.status not in (Status.RED, Status.AMBER)
            ),
        )
        for i, p in enumerate(card.pledges, start=1)
    )
    numbered_directorates = tuple(
        type(d)(d.name, d.commitments, f"{letters.get('commitments', '')}.{i}")
        for i, d in enumerate(commitments, start=2)
    )
    summary = summary_paragraphs(
        card,
        lines,
        streaks=streaks,
        exceptions_section=n["exceptions"],
        directorates=commitments,
        actions=actions,
        children=children_in_care_row(card, meeting.children_in_care_measure if meeting else None),
        late=late,
        late_section=n.get("late", 0),
    )
    statuses = card.summary.statuses
    all_lines = list(lines.values())
    recommendations = view.recommendations
    report = Report(
        council=card.council,
        period=card.period.label,
        months=months(card.period),
        previous_period=card.period.previous().label,
        span=span,
        meeting=view,
        numbers=n,
        purpose=Para(f"{n['purpose']}.1", view.purpose),
        recommendations=_paras(n["recommendations"], recommendations),
        introduction=_paras(
            n["introduction"],
            introduction(card, view.introduction, reports_on=_reports_on(late, meeting)),
        ),
        summary=_paras(n["summary"], [generated(p, "executive summary") for p in summary]),
        counts=tuple(StatusCount(s, statuses[s]) for s in Status if statuses[s]),
        exceptions_intro=Para(
            f"{n['exceptions']}.1",
            generated(exceptions_intro([lines[r.measure.id] for r in reds], span)),
        ),
        exceptions=exceptions,
        watch_intro=Para(f"{n['watch']}.1", generated(watch_intro(len(watch), span))),
        watch=watch,
        pledges=pledges,
        late_intro=(
            Para(f"{n['late']}.1", generated(late_intro(late, today, dated))) if late else None
        ),
        late=late,
        commitments_intro=(
            Para(f"{letters['commitments']}.1", generated(commitments_intro(commitments)))
            if commitments
            else None
        ),
        commitments=numbered_directorates,
        actions_intro=Para(
            f"{letters.get('actions', '')}.1", generated(actions_intro(actions, today, dated))
        ),
        actions=actions,
        voice=voice_view(meeting, section=n["voice"]),
        inspection=inspection_view(
            meeting,
            section=n["inspection"],
            known_actions={a.ref for a in actions},
            later_actions=frozenset(a.ref for a in dataset.actions if a.ref),
        ),
        profile_intro=(
            Para(
                f"{letters.get('profile', '')}.1",
                generated(
                    f"The children in the Council's care in {card.period.label}, with the "
                    "figures for the quarter before and for England where known."
                ),
            )
            if profile_lines
            else None
        ),
        profile=profile_lines,
        conclusion=Para(f"{n['conclusion']}.1", view.conclusion),
        background_intro=Para(
            f"{n['background']}.1",
            generated(
                "These papers were relied on in writing this report:"
                if view.background_papers
                else "No background papers were relied on in writing this report."
            ),
        ),
        appendices_intro=Para(
            f"{n['appendices']}.1", generated("These appendices form part of this report:")
        ),
        appendices=appendices(meeting, _appendix_titles(letters, card.period)),
        letters=letters,
        symbols=symbol_key(all_lines, [ex.history for ex in exceptions], threshold=card.threshold),
        threshold=card.threshold,
        # A public paper names no configuration file: say where a typed-in figure came from.
        comparison_note=comparison_note(card).replace(
            "typed into pledge.yaml", "figures set in the Council's Pledge definition"
        ),
        # Any "c" in the tables, this period's or an earlier one's, needs the footnote.
        has_suppressed=any(
            r.status is Status.SUPPRESSED
            or any(p.value.state is ValueState.SUPPRESSED for p in r.history)
            for r in card.rows
        ),
    )
    mismatch = meeting_period_gaps(meeting, card.period, known.latest or card.period)
    return _with_gaps(report, [*known.gaps, *mismatch, *prose_gaps(report)])


def _with_gaps(report: Report, found: Sequence[str] = ()) -> Report:
    from dataclasses import replace

    gaps = [*found]
    gaps += [
        f"measure {ex.line.ref} is red but has no commentary"
        for ex in report.exceptions
        if ex.commentary_missing
    ]
    gaps += placeholder_gaps(report)
    if report.voice is None:
        gaps.append(f"voice of children and young people: {PLACEHOLDER}")
    if report.inspection is None:
        gaps.append(f"inspection: {PLACEHOLDER}")
    return replace(report, gaps=tuple(gaps))
