"""Findings: problems in the data, as data. Collected, never raised.

Each finding has a stable slug ``code`` (one of :data:`pledgekit.model.codes.CATALOGUE`), a
severity, a plain-English message, what was found and expected, and a location.
"""

from __future__ import annotations

__all__ = ["Finding", "Severity", "finding", "has_errors"]

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pledgekit.model.codes import Severity, default_severity
from pledgekit.model.location import Location
from pledgekit.model.plain_text import without_controls


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a definition or workbook."""

    code: str
    severity: Severity
    message: str
    location: Location
    found: str | None = None
    expected: str | None = None
    measure: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "found": self.found,
            "expected": self.expected,
            "measure": self.measure,
            "location": self.location.to_dict(),
        }

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value} [{self.code}] {self.message}"


def finding(
    code: str,
    message: str,
    location: Location,
    *,
    found: object = None,
    expected: str | None = None,
    measure: str | None = None,
    severity: Severity | None = None,
) -> Finding:
    """Build a finding with the code's registered severity unless one is given.

    Text from the input (``found``, and the message quoting it) is kept free of control
    characters, so no finding can break an XML report or send escape codes to a terminal.
    """
    return Finding(
        code=code,
        severity=severity or default_severity(code),
        message=without_controls(message),
        location=location,
        found=None if found is None else without_controls(str(found)),
        expected=expected,
        measure=None if measure is None else without_controls(measure),
    )


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error (a command then exits 1)."""
    return any(f.severity is Severity.ERROR for f in findings)
