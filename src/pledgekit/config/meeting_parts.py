"""Parts of ``meeting.yaml`` beyond the cover: actions, inspection, voice of children, appendices.

Kept apart from :mod:`pledgekit.config.meeting` so each file stays small; the meeting model
imports these. Every model forbids unknown keys, so a typo is a located error.
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator


class Strict(BaseModel):
    """A meeting.yaml mapping: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def as_text(value: Any) -> Any:
    """YAML reads ``version: 1.0`` and ``"2": ...`` keys as numbers: take them as written text."""
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


#: Text that YAML may have read as a number (``version: 1.0``, ``phone: 01632960000``, an id
#: ``2``): taken as written.
Text = Annotated[str, BeforeValidator(as_text)]


def strings_as(key: str) -> BeforeValidator:
    """For a list of mappings: each plain string in it taken as the mapping of ``key`` alone, so
    ``- Ofsted's report`` reads as ``- {title: Ofsted's report}`` when ``key`` is ``title``."""

    def expand(value: Any) -> Any:
        if isinstance(value, list):
            return [{key: v} if isinstance(v, str) else v for v in value]
        return value

    return BeforeValidator(expand)


class ActionEntry(Strict):
    """One action of the action plan (Middlesbrough's columns), as meeting.yaml gives it."""

    id: Text | None = Field(
        None, description="Reference, e.g. 'A3' (default: A1, A2, ... in order)."
    )
    action: str
    pledge: Text | None = Field(None, description="Pledge id the action serves.")
    promise: str | None = Field(None, description="The promise it serves, in words.")
    measures: list[str] = Field(default_factory=list, description="Linked measure ids.")
    lead: str | None = Field(None, description="Lead officer (job title).")
    partners: str | None = None
    resources: str | None = None
    milestone: datetime.date | None = Field(None, description="Date it is due, e.g. 2026-12-31.")
    status: str | None = Field(None, description="e.g. 'On track', 'Complete', 'Delayed'.")
    update: str | None = None
    updated: datetime.date | None = Field(
        None,
        description="Date the lead officer wrote the update, e.g. 2026-11-05. An action not "
        "complete then and past its milestone is shown as overdue at that date.",
    )

    @field_validator("measures", mode="before")
    @classmethod
    def _measure_list(cls, value: Any) -> Any:
        if isinstance(value, (str, int, float)):
            value = [value]
        return [as_text(v) for v in value] if isinstance(value, list) else value


class Grade(str, Enum):
    """Ofsted's four-point scale."""

    OUTSTANDING = "Outstanding"
    GOOD = "Good"
    REQUIRES_IMPROVEMENT = "Requires improvement to be good"
    INADEQUATE = "Inadequate"


class Judgements(Strict):
    """ILACS judgements (care leavers judged separately since January 2023)."""

    overall_effectiveness: Grade | None = None
    help_and_protection: Grade | None = Field(
        None, description="The experiences and progress of children who need help and protection."
    )
    children_in_care: Grade | None = Field(
        None, description="The experiences and progress of children in care."
    )
    care_leavers: Grade | None = Field(
        None, description="The experiences and progress of care leavers (since January 2023)."
    )


class InspectionRecommendation(Strict):
    """A recommendation of the inspection and the actions that answer it."""

    text: str
    actions: list[str] = Field(default_factory=list, description="Ids of actions, e.g. [A2].")

    @field_validator("actions", mode="before")
    @classmethod
    def _action_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class Inspection(Strict):
    """The latest inspection of children's services."""

    inspectorate: str = Field("Ofsted", description="e.g. 'Ofsted'.")
    framework: str | None = Field(None, description="e.g. 'ILACS'.")
    date: datetime.date | None = Field(None, description="Date the report was published.")
    judgements: Judgements = Field(default_factory=Judgements)
    summary: str | None = None
    recommendations: Annotated[list[InspectionRecommendation], strings_as("text")] = Field(
        default_factory=list
    )


class VoiceItem(Strict):
    """A "you said, we did" item from the Children in Care Council."""

    date: datetime.date | None = Field(None, description="When the children said it.")
    you_said: str
    we_did: str


class Voice(Strict):
    """The voice of children and young people: the Children in Care Council's work."""

    summary: str | None = Field(None, description="What the Children in Care Council did.")
    items: list[VoiceItem] = Field(default_factory=list)


class AppendixEntry(Strict):
    """An appendix beyond the scorecard: a file to include, or where to find it."""

    title: str
    file: str | None = Field(
        None,
        description="A .md or .txt file (relative to meeting.yaml) included in the report; "
        "any other file is listed with where to find it.",
    )
    where: str | None = Field(None, description="Where readers find it, e.g. 'Published online'.")
