"""Findings as GitHub Actions workflow commands, which show as annotations on the run.

GitHub shows at most 10 error and 10 warning annotations per step (and 10 notices), so at most 10
of each are emitted; a last notice says how many were left out and points at the step summary
(``--format markdown`` written to ``$GITHUB_STEP_SUMMARY``), which holds them all.
"""

from __future__ import annotations

from pledgekit.checks.result import ValidationReport
from pledgekit.model.findings import Finding, Severity
from pledgekit.render.findings.common import detail, place

LIMIT = 10
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions runner expects (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus ``:`` and ``,`` which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(item: Finding) -> str:
    """One ``::error file=...,line=...,title=Sheet!C7::message`` line."""
    loc = item.location
    props = [f"file={escape_property(loc.file)}"]
    line = loc.row if loc.sheet is not None else loc.line
    if line is not None:
        props.append(f"line={line}")
    if loc.sheet is None and loc.col is not None:
        props.append(f"col={loc.col}")
    # A cell is the useful title (GitHub cannot show inside a workbook); YAML has line and col.
    title = place(loc) if loc.sheet is not None else item.code
    props.append(f"title={escape_property(title)}")
    message = f"{item.code}: {item.message}"
    extra = detail(item)
    if extra:
        message += f" {extra}"
    return f"::{_COMMAND[item.severity]} {','.join(props)}::{escape_data(message)}"


def render_github(report: ValidationReport) -> str:
    """Annotations for the first 10 errors, warnings and notices, then the summary line."""
    counts = {s: sum(1 for f in report.findings if f.severity is s) for s in Severity}
    caps = dict.fromkeys(Severity, LIMIT)

    def left_out() -> int:
        return report.omitted + sum(max(0, counts[s] - caps[s]) for s in Severity)

    if left_out():
        caps[Severity.INFO] = LIMIT - 1  # the closing notice takes one of the 10 notice slots
    lines: list[str] = []
    taken = dict.fromkeys(Severity, 0)
    order = list(Severity)
    # Errors first: they are what failed the step.
    for item in sorted(report.findings, key=lambda f: order.index(f.severity)):
        if taken[item.severity] < caps[item.severity]:
            taken[item.severity] += 1
            lines.append(command(item))
    missing = left_out()
    if missing:
        lines.append(
            "::notice title=pledgekit validate::"
            + escape_data(
                f"{missing} more finding(s) are not shown as annotations (GitHub shows 10 of "
                "each kind); see the job's step summary, or run pledgekit validate locally, "
                "for the full list"
            )
        )
    lines.append(report.summary())
    return "\n".join(lines) + "\n"
