"""The sections of the committee report, in the house format's order.

The body's sections are numbered 1, 2, ... and the appendices lettered A, B, ... in this order,
skipping any a report leaves out (no late actions: no section for them). Each module holds one
section whole: its view, how it is built, and its block in each format (see
:mod:`pledgekit.report.section`). Adding a section is a module here and a line below.
"""

from __future__ import annotations

from typing import Any

from pledgekit.report.section import Section
from pledgekit.report.sections import (
    actions,
    appendices,
    attached,
    background,
    commitments,
    conclusion,
    exceptions,
    implications,
    inspection,
    introduction,
    late,
    pledges,
    profile,
    purpose,
    recommendations,
    summary,
    voice,
    watch,
)

#: Every section, in the paper's order: the body, then the appendices.
SECTIONS: tuple[Section[Any], ...] = (
    purpose.SECTION,
    recommendations.SECTION,
    introduction.SECTION,
    summary.SECTION,
    exceptions.SECTION,
    watch.SECTION,
    late.SECTION,
    voice.SECTION,
    inspection.SECTION,
    implications.SECTION,
    conclusion.SECTION,
    background.SECTION,
    appendices.SECTION,
    pledges.SECTION,
    actions.SECTION,
    commitments.SECTION,
    profile.SECTION,
    attached.SECTION,
)


def section(key: str) -> Section[Any]:
    """The section called ``key``; KeyError when there is none."""
    for found in SECTIONS:
        if found.key == key:
            return found
    raise KeyError(key)
