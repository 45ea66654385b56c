"""Which findings a validation run reports, and in what order.

Codes are chosen by ``select`` and ``ignore`` (from the command line or pledge.yaml's
``validation:`` section); findings are sorted by file, sheet, row and column, and repeats dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from pledgekit.config.pledge import Definition
from pledgekit.model.codes import BAD_DEFINITION, CATALOGUE
from pledgekit.model.errors import UsageError
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location

_YAML = (".yaml", ".yml")


def known_codes() -> list[str]:
    """Every finding code pledgekit can report, sorted."""
    return [info.code for info in CATALOGUE]


def parse_codes(values: Iterable[str] | None) -> list[str] | None:
    """Codes from repeated and comma-separated options (``--select a,b --select c``)."""
    if values is None:
        return None
    codes = [part.strip() for value in values for part in value.split(",")]
    return [code for code in codes if code]


def check_codes(codes: Iterable[str], option: str) -> None:
    """Raise :class:`UsageError` naming the valid codes when any of ``codes`` is unknown."""
    valid = known_codes()
    unknown = [code for code in codes if code not in valid]
    if unknown:
        raise UsageError(
            f"{option}: unknown finding code{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(unknown)}; valid codes: {', '.join(valid)}"
        )


def settings_findings(pledge: Path, definition: Definition) -> list[Finding]:
    """Unknown codes in pledge.yaml's ``validation:`` section, located at their key."""
    settings = definition.validation
    valid = set(known_codes())
    problems: list[Finding] = []
    for key, codes in (("select", settings.select or []), ("ignore", settings.ignore)):
        unknown = [code for code in codes if code not in valid]
        if not unknown:
            continue
        line, col = definition.position(("validation", key))
        problems.append(
            finding(
                BAD_DEFINITION,
                f"validation.{key}: unknown finding code(s) {', '.join(unknown)}",
                Location(str(pledge), line=line, col=col),
                found=", ".join(unknown),
                expected="codes listed in docs/findings.md",
            )
        )
    return problems


def _column_key(column: str | None) -> tuple[int, str]:
    return (len(column), column) if column else (0, "")


def sort_findings(findings: Iterable[Finding], order: Sequence[str]) -> list[Finding]:
    rank = {name: i for i, name in enumerate(order)}

    def key(f: Finding) -> tuple[object, ...]:
        loc = f.location
        return (
            rank.get(loc.file, len(rank)),
            loc.file,
            loc.sheet or "",
            loc.row or loc.line or 0,
            _column_key(loc.column),
            loc.col or 0,
            f.code,
            f.measure or "",
            f.message,
        )

    return sorted(findings, key=key)


def unique_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Drop repeats: ingest and a check may both report the same cell under the same code."""
    seen: set[tuple[object, ...]] = set()
    kept: list[Finding] = []
    for f in findings:
        loc = f.location
        key: tuple[object, ...] = (f.code, loc.file, loc.sheet, loc.row, loc.column)
        if loc.a1 is None:
            key = (*key, loc.line, loc.col, f.measure, f.message)
        if key not in seen:
            seen.add(key)
            kept.append(f)
    return kept
