"""The report's view of meeting.yaml's larger parts: voice of children, inspection, appendices.

An appendix given as a ``.md`` or ``.txt`` file is included in the report (its text is guarded
for personal data like every other text); any other file is listed with where to find it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pledgekit.config.meeting import Meeting
from pledgekit.model.errors import DefinitionError
from pledgekit.model.input_files import check_regular
from pledgekit.model.plain_text import without_controls
from pledgekit.model.prose import Prose
from pledgekit.report.meeting_view import Appendix
from pledgekit.report.paragraphs import Para, generated
from pledgekit.report.plans import long_date

#: Largest appendix file included in a report (characters); bigger ones are an error.
MAX_APPENDIX_CHARS = 200_000
_INCLUDED = {".md": True, ".markdown": True, ".txt": False}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True, slots=True)
class VoiceLine:
    """A "you said, we did" line of the Children in Care Council."""

    date: str
    you_said: Prose
    we_did: Prose


@dataclass(frozen=True, slots=True)
class VoiceView:
    """The voice of children and young people."""

    summary: Para
    items: tuple[VoiceLine, ...]


@dataclass(frozen=True, slots=True)
class JudgementLine:
    """One inspection judgement."""

    area: str
    grade: str


@dataclass(frozen=True, slots=True)
class InspectionView:
    """The latest inspection: who and when (``intro``), the judgements, what the inspectors
    found (``summary``) and each recommendation with the actions answering it."""

    heading: str
    intro: Para
    summary: Para | None
    judgements: tuple[JudgementLine, ...]
    recommendations: tuple[Para, ...]


_AREAS = (
    ("overall_effectiveness", "Overall effectiveness"),
    (
        "help_and_protection",
        "The experiences and progress of children who need help and protection",
    ),
    ("children_in_care", "The experiences and progress of children in care"),
    ("care_leavers", "The experiences and progress of care leavers"),
)


def voice_view(meeting: Meeting | None, *, section: str) -> VoiceView | None:
    """The Children in Care Council's work, or None when meeting.yaml has none."""
    if meeting is None or meeting.voice_of_children is None:
        return None
    voice = meeting.voice_of_children
    where = ("voice_of_children",)
    summary = (
        Prose(voice.summary, "voice of children", meeting.location(*where, "summary"))
        if voice.summary
        else Prose.missing("voice_of_children.summary")
    )
    items = tuple(
        VoiceLine(
            date=long_date(item.date),
            you_said=Prose(
                item.you_said, "you said", meeting.location(*where, "items", i, "you_said")
            ),
            we_did=Prose(item.we_did, "we did", meeting.location(*where, "items", i, "we_did")),
        )
        for i, item in enumerate(voice.items)
    )
    return VoiceView(Para(f"{section}.1", summary), items)


def inspection_view(
    meeting: Meeting | None,
    *,
    section: str,
    known_actions: set[str],
    later_actions: frozenset[str] = frozenset(),
) -> InspectionView | None:
    """The inspection section, or None; recommendations name their actions.

    An action only a later workbook has (``later_actions``) is not named: the paper shows what
    was known at its period. Raises :class:`DefinitionError` for a recommendation linked to an
    action no plan has.
    """
    if meeting is None or meeting.inspection is None:
        return None
    found = meeting.inspection
    when = f", published {long_date(found.date)}" if found.date else ""
    kind = f" {found.framework}" if found.framework else ""
    judged = found.judgements
    judgements = tuple(
        JudgementLine(area, getattr(judged, key).value)
        for key, area in _AREAS
        if getattr(judged, key) is not None
    )
    summary = (
        Para(
            f"{section}.2",
            Prose(found.summary, "inspection summary", meeting.location("inspection", "summary")),
        )
        if found.summary
        else None
    )
    recommendations = []
    first = 3 if summary is not None else 2
    for i, rec in enumerate(found.recommendations):
        where = meeting.location("inspection", "recommendations", i)
        unknown = [a for a in rec.actions if a not in known_actions | later_actions]
        if unknown:
            raise DefinitionError(
                f"{where}: recommendation linked to action {unknown[0]!r}, which the action "
                f"plan does not have (actions: {', '.join(sorted(known_actions)) or 'none'})"
            )
        answered = ", ".join(a for a in rec.actions if a in known_actions) or "none linked yet"
        text = f"Recommendation: {rec.text.strip()} (actions: {answered})"
        recommendations.append(
            Para(f"{section}.{i + first}", Prose(text, "inspection recommendation", where))
        )
    heading = f"{found.inspectorate}{kind} inspection{when}"
    return InspectionView(
        heading=heading,
        intro=Para(f"{section}.1", generated(f"The latest inspection: {heading}.")),
        summary=summary,
        judgements=judgements,
        recommendations=tuple(recommendations),
    )


def _included(meeting: Meeting, index: int, file: str) -> Prose | None:
    path = meeting.folder / file
    where = meeting.location("appendices", index, "file")
    suffix = path.suffix.lower()
    check_regular(path, DefinitionError, f"{where}: appendix file {file!r}")
    if not path.is_file():
        raise DefinitionError(f"{where}: appendix file {file!r} not found (looked at {path})")
    if suffix not in _INCLUDED:
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DefinitionError(f"{where}: cannot read appendix file {file!r} ({exc})") from None
    if len(text) > MAX_APPENDIX_CHARS:
        raise DefinitionError(
            f"{where}: appendix file {file!r} is {len(text):,} characters; the most a report "
            f"includes is {MAX_APPENDIX_CHARS:,} (list it with 'where:' instead)"
        )
    # NUL, ESC and BEL mean nothing in a report and break a Word document or a terminal.
    text = without_controls(text)
    return Prose(text, f"appendix {file}", where, markdown=_INCLUDED[suffix])


def appendices(meeting: Meeting | None, generated: Sequence[str]) -> tuple[Appendix, ...]:
    """The report's own appendices (titles ``generated``: the scorecard, the action plan ...)
    lettered A, B, ..., then meeting.yaml's appendices lettered after them."""
    extra = meeting.appendices if meeting is not None else []
    found = [Appendix(_LETTERS[i], title) for i, title in enumerate(generated)]
    first = len(found)
    for i, entry in enumerate(extra[: len(_LETTERS) - first]):
        assert meeting is not None
        text = _included(meeting, i, entry.file) if entry.file else None
        where = entry.where or ""
        if entry.file and text is None and not where:
            where = f"Supplied with this report as {entry.file}"
        found.append(Appendix(_LETTERS[i + first], entry.title, text, where))
    return tuple(found)
