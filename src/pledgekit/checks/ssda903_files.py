"""``validate`` on SSDA903 files: what stops a count, as located findings.

The reader's findings (unknown tables, missing columns, dates and codes that do not read,
collection years), the structural problems of the records that stop a count (an episode ending
before it starts, overlapping episodes, an episode open at a year's end missing from the next
year's file, OC2 rows outside the 12-month cohort) and, for the latest year given, each measure
that cannot be computed with what it lacks. DfE's 300 validation rules are the open validators' job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pledgekit.model.findings import Finding
from pledgekit.privacy.records_disclosure import missing_findings
from pledgekit.read.ssda903.read_returns import read_903
from pledgekit.records.frames import CountingOptions


@dataclass
class RecordsCheck:
    """The findings on the 903 inputs, the files read and those that could not be read."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def check_903_files(paths: Sequence[Path]) -> RecordsCheck:
    """Read the 903 files and folders in ``paths`` and list what stops a count."""
    from pledgekit.records.catalogue import compute
    from pledgekit.records.structure import structural_findings

    read = read_903(paths)
    found = RecordsCheck(list(read.findings), read.files, read.unreadable)
    found.findings += structural_findings(read.records)
    if read.records.years:
        latest = max(read.records.years)
        result = compute(read.records, [latest], CountingOptions())
        # The population under 18 is never in the files: cla-rate needs --population.
        found.findings += missing_findings(
            [u for u in result.unavailable if u.reference != "cla-rate"]
        )
    return found
