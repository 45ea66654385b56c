"""The check registry: what runs without a definition, and every check documented."""

from __future__ import annotations

from pathlib import Path

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


def test_every_check_reports_only_the_codes_it_declares(tmp_path: Path) -> None:
    """``@check(codes=...)`` is the list validate shows as checked: a check reporting another
    code would be reported but not listed (and --select could not pick it)."""
    from pledgekit.checks import CHECK_CODES, CODES_OF, build_context
    from pledgekit.config.pledge import load_definition
    from pledgekit.read.workbooks import read_workbooks

    from ..validate_fixtures import CLEAN, PLANTED, project

    project(tmp_path, planted=PLANTED, previous=[[m, "2019-20 Q1", *r] for m, _, *r in CLEAN])
    definition = load_definition(tmp_path / "pledge.yaml")
    data = read_workbooks(
        [tmp_path / "planted.xlsx", tmp_path / "previous.xlsx"], definition=definition
    )
    context = build_context(definition, data)
    reported = set()
    for run in CHECKS:
        codes_found = {f.code for f in run(context)}
        assert codes_found <= set(CODES_OF[run.__name__]), run.__name__
        reported |= codes_found
    assert len(reported) >= 7  # the planted problems reach most checks
    assert set(CHECK_CODES) == {"unreadable-file"} | {c for cs in CODES_OF.values() for c in cs}
