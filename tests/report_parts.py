"""Reaching a section of a built report in tests: ``part(report, "exceptions").items``."""

from __future__ import annotations

from typing import Any

from pledgekit.report.model import Report


def part(report: Report, key: str) -> Any:
    """The view of the section ``key``, which the report must have."""
    found = report.section(key)
    assert found is not None, f"the report has no {key} section"
    return found


def items(report: Report, key: str) -> tuple[Any, ...]:
    """A listed section's items, or () when the report leaves the section out."""
    found = report.section(key)
    return () if found is None else tuple(found.items)
