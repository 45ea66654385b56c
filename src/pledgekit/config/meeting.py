"""The meeting file (``meeting.yaml``): what the committee report needs beyond the figures.

Meeting details for the cover, the purpose and recommendations, a narrative per pledge,
implications with who verified them, the conclusion, background papers and appendices. Every key
is optional, so a half-written file still gives a draft; missing parts are marked in the report.
Unknown keys are errors, located by file, line and column like ``pledge.yaml``.

Prose fields (purpose, recommendations, narratives, implications, conclusion) accept a little
Markdown: paragraphs, ``-`` bullets, ``1.`` numbered items, ``**bold**`` and ``*italic*``.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from pledgekit.config.problems import check_yaml_model, problems_error
from pledgekit.config.yamlsource import Positions, position_of
from pledgekit.model.codes import BAD_DEFINITION
from pledgekit.model.findings import Finding
from pledgekit.model.location import Location


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def _text(value: Any) -> Any:
    # YAML reads `version: 1.0` and `"2": ...` keys as numbers: take them as written text.
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


class Person(_Strict):
    """An officer or member named in the report (work details only, as published)."""

    name: str
    role: str | None = Field(None, description="Job title or office, e.g. 'Virtual School Head'.")
    email: str | None = None
    phone: str | None = None

    @field_validator("phone", mode="before")
    @classmethod
    def _phone_text(cls, value: Any) -> Any:
        return _text(value)


class Implication(_Strict):
    """One kind of implication and the officer who verified it."""

    text: str
    verified_by: str | None = Field(None, description="Name and job title of who verified it.")


class Implications(_Strict):
    """Implications of the report, each verified by a named officer."""

    financial: Implication | None = None
    legal: Implication | None = None
    hr: Implication | None = Field(None, description="Human resources.")
    equality: Implication | None = Field(None, description="Equality and diversity.")
    other: Implication | None = None


class Meeting(_Strict):
    """Everything in ``meeting.yaml``."""

    committee: str | None = Field(None, description="Default: the committee in pledge.yaml.")
    date: datetime.date | None = Field(None, description="Meeting date, e.g. 2026-11-12.")
    title: str | None = None
    report_type: str | None = Field(None, description="e.g. 'Information', 'Decision'.")
    version: str | None = None
    portfolio_holder: Person | None = None
    author: Person | None = None
    senior_officer: Person | None = None
    wards_affected: list[str] | None = Field(None, description="e.g. [All wards].")
    key_decision: bool | None = None
    exempt: bool | None = None
    exempt_reason: str | None = Field(None, description="Why the report is exempt, if it is.")
    purpose: str | None = None
    recommendations: list[str] = Field(default_factory=list)
    narratives: dict[str, str] = Field(
        default_factory=dict, description="Narrative per pledge id (Markdown)."
    )
    implications: Implications = Field(default_factory=Implications)
    conclusion: str | None = None
    background_papers: list[str] = Field(default_factory=list)
    appendices: list[str] = Field(
        default_factory=list,
        description="Titles of appendices beyond the scorecard, lettered after it (B, C, ...).",
    )

    _file: str = PrivateAttr(default="meeting.yaml")
    _positions: Positions = PrivateAttr(default_factory=dict)

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, value: Any) -> Any:
        return _text(value)

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
    return meeting, problems


def load_meeting(path: Path | str) -> Meeting:
    """Load ``meeting.yaml``; raise :class:`DefinitionError` listing every problem with its line."""
    meeting, problems = check_meeting(Path(path))
    if meeting is None:
        raise problems_error(path, "the meeting file", problems)
    return meeting
