"""The check registry: what runs without a definition, and every check documented."""

from __future__ import annotations

from pledgekit.checks import CHECKS, run_checks
from pledgekit.model.codes import CATALOGUE

from .support import codes, complete, ob


def test_without_a_definition_only_workbook_checks_run() -> None:
    data = complete(ob("2.1", 13, row=9), ob("x", 1, row=10))
    findings = run_checks(None, data)
    assert codes(findings) == {"duplicate-observation"}


def test_every_check_has_a_docstring_and_every_code_a_summary() -> None:
    assert all(check.__doc__ for check in CHECKS)
    assert all(info.summary.endswith(".") for info in CATALOGUE)
