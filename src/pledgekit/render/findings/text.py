"""Findings for people at a terminal: grouped by file and sheet, then by code and measure.

Lines are built as plain strings and written in one go (no console render per finding), so a
sheet with a million findings prints in about the time it takes to format them. Colour is ANSI
escape codes, added only when asked for (a terminal without ``NO_COLOR``).
"""

from __future__ import annotations

from collections.abc import Callable

from pledgekit.checks.result import ValidationReport
from pledgekit.model.findings import Finding, Severity
from pledgekit.render.findings.common import by_code, by_file, by_sheet, cell_or_line, detail

_ANSI = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "cyan": "36",
}
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

Paint = Callable[[str, str], str]


def _plain(text: str, style: str) -> str:
    return text


def _ansi(text: str, style: str) -> str:
    codes = ";".join(_ANSI[word] for word in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


def _count(findings: list[Finding]) -> str:
    counts = dict.fromkeys(Severity, 0)
    for item in findings:
        counts[item.severity] += 1
    parts = []
    for severity, n in counts.items():
        if n:
            word = severity.value if n == 1 or severity is Severity.INFO else f"{severity.value}s"
            parts.append(f"{n} {word}")
    return ", ".join(parts)


def _line(item: Finding, indent: str, paint: Paint) -> str:
    where = cell_or_line(item.location) or "-"
    level = "" if item.severity is Severity.ERROR else f"{item.severity.value}: "
    extra = detail(item)
    return (
        f"{indent}{paint(f'{where:<9}', 'bold')} {item.measure or '-':<6} "
        f"{paint(level, _STYLE[item.severity]) if level else ''}{item.message}"
        f"{' ' + paint(extra, 'dim') if extra else ''}"
    )


def text_lines(report: ValidationReport, *, colour: bool = False) -> list[str]:
    """The report as lines: per file, per sheet, per code (with counts), one per finding."""
    paint: Paint = _ansi if colour else _plain
    lines: list[str] = []
    for file, findings in by_file(report):
        if not findings:
            lines.append(f"{paint(file, 'bold')}: {paint('no problems found', 'green')}")
            continue
        lines.append(f"{paint(file, 'bold')}: {_count(findings)}")
        for sheet, in_sheet in by_sheet(findings):
            indent = "  "
            if sheet is not None:
                lines.append(paint(f"  sheet {sheet}", "bold"))
                indent = "    "
            for code, items in by_code(in_sheet):
                lines.append(f"{indent}{paint(code, _STYLE[items[0].severity])} ({_count(items)})")
                lines.extend(_line(item, indent + "  ", paint) for item in items)
    if report.omitted:
        lines.append(
            f"... {report.omitted} more finding(s) not shown (--max-findings); "
            "the counts below include them."
        )
    if not report.definition_loaded:
        lines.append(
            "The pledge definition has problems, so the checks that need it (unknown and missing "
            "measures, figures against their units, commentary for reds) were skipped."
        )
    lines.append(paint(report.summary(), "bold green" if report.passed() else "bold red"))
    return lines


def render_text(report: ValidationReport, *, colour: bool = False) -> str:
    """The findings as text, with ANSI colour when ``colour`` (for a terminal)."""
    return "\n".join(text_lines(report, colour=colour)) + "\n"


def render_plain(report: ValidationReport) -> str:
    """The findings as plain text (no colour), for writing to a file."""
    return render_text(report)
