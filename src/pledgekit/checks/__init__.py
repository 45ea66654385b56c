"""Validation checks: one function per check, grouped by theme, each yielding findings.

Importing this package registers every finding code the checks can produce (the catalogue in
:func:`pledgekit.findings.catalogue` relies on it). The entry points:

* :func:`run_checks` — the checks over a definition and an already-read dataset;
* :func:`validate` — read the definition and workbooks, run everything, return a
  :class:`ValidationReport` (what ``pledgekit validate`` prints).

Modules: ``measures`` (unknown, duplicate and missing measures, targets), ``values`` (numbers and
their units), ``ratios`` (value against numerator and denominator), ``commentary`` (reds need
commentary, personal data), ``timing`` (periods after the reporting period), ``areas`` (area
columns, empty workbooks). Around them: ``base`` (the context and registry), ``validation``
(reading, settings, filtering, sorting) and ``report`` (the result and its JSON).
"""

from __future__ import annotations

# Imported for their side effect: each registers its codes and checks, in this order.
from pledgekit.checks import areas, commentary, measures, ratios, timing, values  # noqa: F401
from pledgekit.checks.base import CHECK_CODES, CHECKS, Context, build_context, run_checks
from pledgekit.checks.report import SCHEMA, CodeCount, ValidationReport
from pledgekit.checks.validation import UNREADABLE_FILE, known_codes, parse_codes, validate

__all__ = [
    "CHECKS",
    "CHECK_CODES",
    "SCHEMA",
    "UNREADABLE_FILE",
    "CodeCount",
    "Context",
    "ValidationReport",
    "build_context",
    "known_codes",
    "parse_codes",
    "run_checks",
    "validate",
]
