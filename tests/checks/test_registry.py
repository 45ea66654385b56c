"""The checks validate runs (``checks/checklist.py``): collected from the listed theme modules,
not registered by importing them; what runs without a definition; every check documented."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from pledgekit.checks import CHECKS, run_checks
from pledgekit.checks.base import declared_codes
from pledgekit.checks.checklist import THEMES, collect
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


def test_importing_a_theme_module_leaves_the_registry_as_it_was() -> None:
    """``@check`` only declares: running a theme module's body again (as a first import does)
    registers nothing, so the checks are the ones the registry lists, each once."""
    import importlib.util

    from pledgekit.checks import checklist, units

    def snapshot() -> tuple[object, ...]:
        return tuple(checklist.CHECKS), dict(checklist.CODES_OF), tuple(checklist.CHECK_CODES)

    before = snapshot()
    spec = importlib.util.spec_from_file_location("pledgekit.checks._units_again", units.__file__)
    assert spec is not None and spec.loader is not None
    again = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(again)
    assert declared_codes(again.percent_ranges) == ("percent-out-of-range",)
    assert snapshot() == before
    assert again.percent_ranges not in checklist.CHECKS
    assert len({run.__name__ for run in checklist.CHECKS}) == len(checklist.CHECKS)


def test_collect_takes_the_checks_defined_in_the_listed_modules_in_definition_order() -> None:
    listed, unlisted = ModuleType("listed_theme"), ModuleType("unlisted_theme")
    source = """
from pledgekit.checks.base import check

@check(codes=("z-code",))
def defined_first(context):
    return ()

def helper(context):
    return ()

@check(codes=("a-code", "b-code"))
def defined_second(context):
    return ()
"""
    exec(source, listed.__dict__)
    exec(source, unlisted.__dict__)
    listed.borrowed = unlisted.defined_first  # imported from elsewhere: not this module's check
    assert [run.__name__ for run in collect([listed])] == ["defined_first", "defined_second"]
    assert all(run.__module__ == "listed_theme" for run in collect([listed]))
    assert declared_codes(listed.defined_second) == ("a-code", "b-code")
    assert declared_codes(listed.helper) is None
    assert [r.__module__ for r in collect([unlisted, listed])] == ["unlisted_theme"] * 2 + [
        "listed_theme"
    ] * 2


def test_every_declared_check_in_the_package_is_in_a_listed_theme() -> None:
    """A theme module left out of THEMES would have its checks never run."""
    import pkgutil

    import pledgekit.checks as package

    modules = [
        importlib.import_module(f"pledgekit.checks.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]
    assert set(collect(modules)) == set(CHECKS)
    assert collect(THEMES) == CHECKS
