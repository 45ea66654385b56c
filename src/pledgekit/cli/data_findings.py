"""Printing findings to stderr for commands whose main output is something else."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from pledgekit.model.findings import Finding, Severity


def print_data_findings(findings: Sequence[Finding], blocking: Sequence[Finding]) -> None:
    """Tell the user, on stderr, about problems met while reading and about blocked output."""
    for item in blocking:
        print(f"{item.location}: {item.message}", file=sys.stderr)
    if blocking:
        print(
            f"Error: {len(blocking)} piece(s) of personal data found; nothing was written. "
            "Remove them from the source, or pass --redact to replace them with [redacted].",
            file=sys.stderr,
        )
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = [f for f in findings if f.severity is Severity.WARNING]
    for item in errors[:10]:
        print(f"{item.location}: {item.message}", file=sys.stderr)
    if len(errors) > 10:
        print(f"... and {len(errors) - 10} more errors", file=sys.stderr)
    if errors or warnings:
        print(
            f"{len(errors)} error(s) and {len(warnings)} warning(s) in the data; "
            "run 'pledgekit validate' for the full list.",
            file=sys.stderr,
        )
