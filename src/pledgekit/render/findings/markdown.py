"""Findings as Markdown for ``$GITHUB_STEP_SUMMARY``: counts per code, then a table per file.

GitHub refuses a step summary over 1 MiB, so the text stops before :data:`LIMIT` bytes with a
note of how many findings were left out (the JSON and XLSX formats carry them all).
"""

from __future__ import annotations

from pledgekit.checks.result import ValidationReport
from pledgekit.model.findings import Finding
from pledgekit.render.findings.common import by_file, detail, place
from pledgekit.render.md_escape import md_cell

#: Largest output in bytes, kept under GitHub's 1 MiB so a little can follow it in the summary.
LIMIT = 1_000_000
_NOTE_ROOM = 512

_HEADER = "| Where | Measure | Code | Severity | Message |\n|---|---|---|---|---|\n"


def _row(item: Finding) -> str:
    message = item.message + (f" {detail(item)}" if detail(item) else "")
    cells = [place(item.location) or "-", item.measure or "", f"`{item.code}`"]
    cells = [md_cell(cells[0]), md_cell(cells[1]), cells[2], item.severity.value, md_cell(message)]
    return "| " + " | ".join(cells) + " |\n"


def render_markdown(report: ValidationReport, *, limit: int = LIMIT) -> str:
    """The step summary: verdict, counts per code, and each finding that fits in ``limit`` bytes."""
    verdict = "passed" if report.passed() else "failed"
    parts = [f"## pledgekit validate: {verdict}\n\n", f"{md_cell(report.summary())}\n\n"]
    if not report.definition_loaded:
        parts.append(
            "The pledge definition has problems, so the checks that need it were skipped.\n\n"
        )
    if report.by_code:
        parts.append("| Code | Severity | Count |\n|---|---|---:|\n")
        parts += [f"| `{c.code}` | {c.severity.value} | {c.count} |\n" for c in report.by_code]
        parts.append("\n")
    size = sum(len(p.encode("utf-8")) for p in parts)
    shown = 0
    full = False
    for file, findings in by_file(report):
        if full:
            break
        section = [f"### {md_cell(file)}\n\n"]
        section.append(_HEADER if findings else "No problems found.\n")
        cost = sum(len(p.encode("utf-8")) for p in section)
        if size + cost + _NOTE_ROOM > limit:
            break
        parts += section
        size += cost
        for item in findings:
            row = _row(item)
            cost = len(row.encode("utf-8"))
            if size + cost + _NOTE_ROOM > limit:
                full = True
                break
            parts.append(row)
            size += cost
            shown += 1
        parts.append("\n")
    left_out = len(report.findings) - shown + report.omitted
    if left_out:
        parts.append(
            f"_{left_out} more finding(s) not shown here: GitHub limits a step summary to 1 MiB "
            "(or --max-findings was set). Use `--format json` or `--format xlsx -o "
            "findings.xlsx` for the full list._\n"
        )
    return "".join(parts)
