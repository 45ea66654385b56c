"""The meeting file (``meeting.yaml``): what the committee report needs beyond the figures.

Meeting details for the cover, the purpose and recommendations, an introduction, a narrative per
pledge, the action plan, the voice of children and young people, the latest inspection,
implications with who verified them, the conclusion, background papers and appendices (the parts
are in :mod:`pledgekit.config.meeting_parts`). Every key is optional, so a half-written file still
gives a draft; missing parts are marked in the report.
Unknown keys are errors, located by file, line and column like ``pledge.yaml``.

Prose fields (purpose, recommendations, narratives, implications, conclusion) accept a little
Markdown: paragraphs, ``-`` bullets, ``1.`` numbered items, ``**bold**`` and ``*italic*``.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, PrivateAttr, field_validator

from pledgekit.config.meeting_parts import (
    ActionEntry,
    AppendixEntry,
    Inspection,
    Strict,
    Text,
    Voice,
    as_text,
    strings_as,
)
from pledgekit.config.problems import check_yaml_model, problems_error
from pledgekit.config.references import APPENDIX, refusal
from pledgekit.config.yamlsource import Positions, position_of
from pledgekit.model.codes import BAD_DEFINITION
from pledgekit.model.findings import Finding, finding, has_errors
from pledgekit.model.location import Location
from pledgekit.model.periods import Period, PeriodError, parse_period

_Strict = Strict
_text = as_text


class Person(_Strict):
    """An officer or member named in the report (work details only, as published)."""

    name: str
    role: str | None = Field(None, description="Job title or office, e.g. 'Virtual School Head'.")
    email: str | None = None
    phone: Text | None = None


class Implication(_Strict):
    """One kind of implication and the officer who verified it."""

    text: str
    verified_by: str | None = Field(None, description="Name and job title of who verified it.")
    contact: Text | None = Field(None, description="How to reach them: work email or phone.")


class Implications(_Strict):
    """Implications of the report, each verified by a named officer."""

    financial: Implication | None = None
    legal: Implication | None = None
    hr: Implication | None = Field(None, description="Human resources.")
    equality: Implication | None = Field(None, description="Equality and diversity.")
    risk: Implication | None = Field(None, description="Risks and how they are managed.")
    corporate_priorities: Implication | None = Field(
        None, description="How the report serves the council's corporate plan."
    )
    other: Implication | None = None


class Meeting(_Strict):
    """Everything in ``meeting.yaml``."""

    committee: str | None = Field(None, description="Default: the committee in pledge.yaml.")
    date: datetime.date | None = Field(None, description="Meeting date, e.g. 2026-11-12.")
    period: str | None = Field(
        None,
        description="The reporting period the paper is for, e.g. '2026-27 Q2' (the title is "
        "written from it when no title is given; a report for another period stays a DRAFT).",
    )
    title: str | None = None
    report_type: str | None = Field(None, description="e.g. 'Information', 'Decision'.")
    version: Text | None = None
    portfolio_holder: Person | None = None
    author: Person | None = None
    senior_officer: Person | None = None
    wards_affected: list[str] | None = Field(None, description="e.g. [All wards].")
    key_decision: bool | None = None
    exempt: bool | None = None
    exempt_reason: str | None = Field(None, description="Why the report is exempt, if it is.")
    purpose: str | None = None
    recommendations: list[str] = Field(default_factory=list)
    introduction: str | None = Field(
        None, description="Background to the report (default: a paragraph on the Pledge)."
    )
    children_in_care_measure: Text | None = Field(
        None,
        description="Id of the measure counting children in care, for the summary (default: "
        "a count measure titled like 'Number of children in care').",
    )
    narratives: dict[str, str] = Field(
        default_factory=dict, description="Narrative per pledge id (Markdown)."
    )
    actions: list[ActionEntry] = Field(
        default_factory=list, description="The action plan (also read from an Actions sheet)."
    )
    voice_of_children: Voice | None = None
    inspection: Inspection | None = None
    implications: Implications = Field(default_factory=Implications)
    conclusion: str | None = None
    background_papers: list[str] = Field(default_factory=list)
    appendices: Annotated[list[AppendixEntry], strings_as("title")] = Field(
        default_factory=list,
        description="Appendices beyond the scorecard, lettered after it (B, C, ...): a title, "
        "or {title, file, where}.",
    )

    _file: str = PrivateAttr(default="meeting.yaml")
    _positions: Positions = PrivateAttr(default_factory=dict)

    @field_validator("period", mode="before")
    @classmethod
    def _period_label(cls, value: Any) -> Any:
        if value is None:
            return None
        try:
            return parse_period(_text(value)).label
        except PeriodError as exc:
            raise ValueError(f"not a reporting period ({exc})") from None

    @property
    def reporting_period(self) -> Period | None:
        """``period:`` as a :class:`Period` (None when not given)."""
        return parse_period(self.period) if self.period else None

    @field_validator("wards_affected", mode="before")
    @classmethod
    def _wards_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("narratives", mode="before")
    @classmethod
    def _pledge_keys(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {_text(k): v for k, v in value.items()}
        return value

    @property
    def folder(self) -> Path:
        """The folder of the meeting file, against which appendix files are found."""
        return Path(self._file).parent

    def location(self, *path: str | int) -> Location:
        """Where a key of this file is (file, line, column), for findings about its text."""
        line, col = position_of(self._positions, tuple(path))
        return Location(self._file, line=line, col=col)


def check_meeting(path: Path) -> tuple[Meeting | None, list[Finding]]:
    """Read and validate ``meeting.yaml``; return it (or None) and every problem found."""
    # The definition's code, not a new one: the findings catalogue lists what `validate`
    # checks, and a meeting file is not part of validation.
    meeting, positions, problems = check_yaml_model(
        path, Meeting, invalid_code=BAD_DEFINITION, expected="a mapping of meeting details"
    )
    if meeting is not None:
        meeting._file = str(path)
        meeting._positions = positions
        for index, entry in enumerate(meeting.appendices):
            reason = (
                None if entry.file is None else refusal(entry.file, base=path.parent, kind=APPENDIX)
            )
            if reason is not None:  # an appendix outside the folder, a URL, a device: refused
                where = meeting.location("appendices", index, "file")
                problems.append(
                    finding(BAD_DEFINITION, f"appendices[{index}].file: {reason}", where)
                )
        if has_errors(problems):
            return None, problems
    return meeting, problems


def load_meeting(path: Path | str) -> Meeting:
    """Load ``meeting.yaml``; raise :class:`DefinitionError` listing every problem with its line."""
    meeting, problems = check_meeting(Path(path))
    if meeting is None:
        raise problems_error(path, "the meeting file", problems)
    return meeting
