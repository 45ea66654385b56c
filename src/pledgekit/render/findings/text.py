"""Findings for people at a terminal: grouped by file and sheet, then by code and measure."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from pledgekit.checks.result import ValidationReport
from pledgekit.model.findings import Finding, Severity
from pledgekit.render.findings.common import by_code, by_file, by_sheet, cell_or_line, detail
from pledgekit.render.terminal import captured

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _count(findings: list[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    parts = []
    for severity, n in counts.items():
        if n:
            word = severity.value if n == 1 or severity is Severity.INFO else f"{severity.value}s"
            parts.append(f"{n} {word}")
    return ", ".join(parts)


def _line(item: Finding, indent: str) -> Text:
    where = cell_or_line(item.location) or "-"
    text = Text(indent)
    text.append(f"{where:<9}", style="bold")
    text.append(f" {item.measure or '-':<6} ")
    if item.severity is not Severity.ERROR:
        text.append(f"{item.severity.value}: ", style=_STYLE[item.severity])
    text.append(item.message)
    extra = detail(item)
    if extra:
        text.append(" " + extra, style="dim")
    return text


def render_text(report: ValidationReport, console: Console) -> None:
    """Print the report: per file, per sheet, per code (with counts), one line per finding."""
    for file, findings in by_file(report):
        if not findings:
            console.print(Text.assemble((file, "bold"), ": ", ("no problems found", "green")))
            continue
        console.print(Text.assemble((file, "bold"), f": {_count(findings)}"), soft_wrap=True)
        for sheet, in_sheet in by_sheet(findings):
            indent = "  "
            if sheet is not None:
                console.print(Text(f"  sheet {sheet}", style="bold"), soft_wrap=True)
                indent = "    "
            for code, items in by_code(in_sheet):
                head = Text(indent)
                head.append(code, style=_STYLE[items[0].severity])
                head.append(f" ({_count(items)})")
                console.print(head, soft_wrap=True)
                for item in items:
                    console.print(_line(item, indent + "  "), soft_wrap=True)
    if report.omitted:
        console.print(
            f"... {report.omitted} more finding(s) not shown (--max-findings); "
            "the counts below include them.",
            soft_wrap=True,
        )
    if not report.definition_loaded:
        console.print(
            "The pledge definition has problems, so the checks that need it (unknown and missing "
            "measures, figures against their units, commentary for reds) were skipped.",
            soft_wrap=True,
        )
    style = "bold green" if report.passed() else "bold red"
    console.print(Text(report.summary(), style=style), soft_wrap=True)


def render_plain(report: ValidationReport) -> str:
    """The findings as plain text (no colour), for writing to a file."""
    return captured(lambda console: render_text(report, console))
