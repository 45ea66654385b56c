"""Findings as JUnit XML, which CI systems show as test results: one test case per code per file.

A case fails when its findings fail validation (errors; warnings too under --strict); other
findings are listed in the case's ``system-out``. No timestamps or timings, so output is stable.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from pledgekit.checks.result import ValidationReport
from pledgekit.model.codes import BAD_DEFINITION, DUPLICATE_MEASURE
from pledgekit.model.findings import Finding, Severity
from pledgekit.model.plain_text import without_controls
from pledgekit.render.findings.common import by_file, detail, place

#: Codes about the pledge definition: test cases of the definition file, not of workbooks.
DEFINITION_CODES = ("bad-yaml", "unknown-key", BAD_DEFINITION, DUPLICATE_MEASURE)


def _failing(item: Finding, strict: bool) -> bool:
    return item.severity is Severity.ERROR or (strict and item.severity is Severity.WARNING)


def _text(items: list[Finding]) -> str:
    lines = []
    for item in items:
        where = place(item.location)
        head = f"{where}: " if where else ""
        measure = f"[{item.measure}] " if item.measure else ""
        extra = f" {detail(item)}" if detail(item) else ""
        lines.append(f"{head}{item.severity.value}: {measure}{item.message}{extra}")
    return "\n".join(lines)


def render_junit(report: ValidationReport) -> str:
    """A ``<testsuites>`` document: a suite per file, a case per check code."""
    root = ET.Element("testsuites", name="pledgekit validate")
    total = failed = 0
    for file, findings in by_file(report):
        is_pledge = file == report.pledge
        codes = [c for c in report.checked if (c in DEFINITION_CODES) == is_pledge] + sorted(
            {f.code for f in findings} - set(report.checked)
        )
        codes = list(dict.fromkeys(codes))
        suite = ET.SubElement(root, "testsuite", name=file)
        suite_failed = 0
        for code in codes:
            items = [f for f in findings if f.code == code]
            case = ET.SubElement(suite, "testcase", classname=file, name=code)
            bad = [f for f in items if _failing(f, report.strict)]
            if bad:
                suite_failed += 1
                failure = ET.SubElement(
                    case, "failure", type=code, message=f"{len(bad)} finding(s) of {code}"
                )
                failure.text = _text(bad)
            rest = [f for f in items if not _failing(f, report.strict)]
            if rest:
                ET.SubElement(case, "system-out").text = _text(rest)
        suite.set("tests", str(len(codes)))
        suite.set("failures", str(suite_failed))
        suite.set("errors", "0")
        total += len(codes)
        failed += suite_failed
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    # Findings are free of control characters already; file names may not be (XML forbids them).
    body = without_controls(ET.tostring(root, encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
