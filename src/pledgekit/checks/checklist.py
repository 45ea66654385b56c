"""The checks validate runs: the theme modules listed once, their checks collected from them.

A theme module only declares its checks (``@check(codes=...)`` marks a function and registers
nothing), so importing one changes nothing here. :data:`THEMES` lists the modules in the order
their checks run, and :func:`collect` takes each module's declared functions in the order they
are defined in it: the same checks in the same order every run, whatever else was imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from pledgekit.checks import areas, commentary, disclosure, measures, ratios, timing, units
from pledgekit.checks.base import Check, build_context, declared_codes
from pledgekit.config.pledge import Definition
from pledgekit.model.codes import UNREADABLE_FILE
from pledgekit.model.findings import Finding
from pledgekit.model.observations import Dataset

#: The theme modules, in the order their checks run (and their codes are listed).
THEMES: tuple[ModuleType, ...] = (areas, commentary, disclosure, measures, units, ratios, timing)


def collect(modules: Iterable[ModuleType]) -> tuple[Check, ...]:
    """The checks defined in ``modules``: module by module, each module's in definition order.

    A check one module imports from another is collected only from the module defining it.
    """
    return tuple(
        value
        for module in modules
        for value in vars(module).values()
        if declared_codes(value) is not None and value.__module__ == module.__name__
    )


#: Every check validate runs, in the order it runs them.
CHECKS: tuple[Check, ...] = collect(THEMES)
#: The codes each check declares it reports, by the check's name.
CODES_OF: dict[str, tuple[str, ...]] = {run.__name__: declared_codes(run) or () for run in CHECKS}
#: Codes the checks report, in check order, after ``unreadable-file`` (validate's own, for a file
#: it could not read). Unlike the whole catalogue (which grows with whatever else the process
#: imported) this is fixed, so reports list the same checks every run.
CHECK_CODES: tuple[str, ...] = tuple(
    dict.fromkeys([UNREADABLE_FILE, *(code for codes in CODES_OF.values() for code in codes)])
)


def run_checks(definition: Definition | None, dataset: Dataset) -> list[Finding]:
    """Run every check over ``dataset`` and return their findings, in check order.

    ``definition`` may be None (it failed to load): only the checks that need no definition run.
    Findings met while reading (``dataset.findings``) are not included; :func:`validate` adds them.
    """
    context = build_context(definition, dataset)
    found: list[Finding] = []
    for run in CHECKS:
        found.extend(run(context))
    return found
