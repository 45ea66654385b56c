"""Findings: problems in the data, as data. Collected, never raised.

Each finding has a stable slug ``code`` (listed in :data:`CODES`, which the docs catalogue is
generated from), a severity, a plain-English message, what was found and expected, and a location.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pledgekit.location import Location


class Severity(str, Enum):
    """How much a finding matters: errors fail validation, warnings fail it with --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """Catalogue entry for a finding code."""

    code: str
    severity: Severity
    summary: str


_CODES: list[CodeInfo] = []
#: Modules that register finding codes when imported.
_PRODUCERS = (
    "pledgekit.definition",
    "pledgekit.meeting",
    "pledgekit.ingest",
    "pledgekit.checks",
    "pledgekit.pii",
)


def register(code: str, severity: Severity, summary: str) -> str:
    """Add a code to the catalogue and return it (used by the modules that produce findings)."""
    if any(c.code == code for c in _CODES):
        return code
    _CODES.append(CodeInfo(code, severity, summary))
    return code


def catalogue() -> list[CodeInfo]:
    """Every registered finding code, sorted by code."""
    # Importing the producers registers their codes.
    import importlib

    for module in _PRODUCERS:
        importlib.import_module(module)

    return sorted(_CODES, key=lambda c: c.code)


def default_severity(code: str) -> Severity:
    """Severity registered for a code (warning if unknown)."""
    for info in _CODES:
        if info.code == code:
            return info.severity
    return Severity.WARNING


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
    """Build a finding with the code's registered severity unless one is given."""
    return Finding(
        code=code,
        severity=severity or default_severity(code),
        message=message,
        location=location,
        found=None if found is None else str(found),
        expected=expected,
        measure=measure,
    )


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error (a command then exits 1)."""
    return any(f.severity is Severity.ERROR for f in findings)
