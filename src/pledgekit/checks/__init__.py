"""Validation checks: one function per check, grouped by theme, each yielding findings.

A check is a function ``(Context) -> Iterable[Finding]`` declared with
:func:`~pledgekit.checks.base.check` in its theme's module; the codes it reports come from the
catalogue in :mod:`pledgekit.model.codes`. :mod:`~pledgekit.checks.checklist` lists the theme
modules and collects their checks; :func:`run_checks` runs them all over a definition and
an already-read dataset; :func:`pledgekit.api.validate` reads the inputs and builds the
:class:`ValidationReport`.

Modules: ``measures`` (unknown, duplicate and missing measures, targets), ``units`` (numbers and
their units), ``ratios`` (value against numerator and denominator), ``commentary`` (reds need
commentary, personal data), ``timing`` (periods after the reporting period), ``areas`` (area
columns, empty workbooks), ``disclosure`` (figures hidden in the source that the others give
back). Around them: ``base`` (the context and the ``check`` declaration), ``checklist`` (the
theme modules in order and the checks collected from them), ``selection``
(choosing, sorting and de-duplicating findings) and ``result`` (the report and its JSON).
"""

from __future__ import annotations

from pledgekit.checks.base import Context, build_context
from pledgekit.checks.checklist import CHECK_CODES, CHECKS, CODES_OF, run_checks
from pledgekit.checks.result import SCHEMA, CodeCount, ValidationReport
from pledgekit.checks.selection import known_codes, parse_codes

__all__ = [
    "CHECKS",
    "CHECK_CODES",
    "CODES_OF",
    "SCHEMA",
    "CodeCount",
    "Context",
    "ValidationReport",
    "build_context",
    "known_codes",
    "parse_codes",
    "run_checks",
]
