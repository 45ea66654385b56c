"""Safe to publish: the personal-data guard over the free text of a scorecard or report.

Small-number suppression happens earlier, in :mod:`pledgekit.suppression`, before rating.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import TYPE_CHECKING

from pledgekit.findings import Finding
from pledgekit.scorecard import Scorecard

if TYPE_CHECKING:
    from pledgekit.report import Report


def guard_scorecard(card: Scorecard, *, redact: bool = False) -> tuple[Scorecard, list[Finding]]:
    """Scan every free-text field of ``card``.

    Returns the card (with matches replaced by ``[redacted]`` when ``redact``) and the findings
    that must block output (none when redacting).
    """
    from pledgekit.location import Location
    from pledgekit.pii import pii_findings, scan_text
    from pledgekit.pii import redact as redact_text

    blocking: list[Finding] = []
    rows = []
    for row in card.rows:
        text = row.commentary
        if text and scan_text(text):
            if redact:
                row = replace(row, commentary=redact_text(text))
            else:
                where = row.location or Location(card.files[0] if card.files else "")
                blocking.extend(pii_findings(text, where, "commentary"))
        rows.append(row)
    return replace(card, rows=rows), blocking


def guard_report(report: Report, *, redact: bool = False) -> tuple[Report, list[Finding]]:
    """Scan every piece of free text in ``report`` (each :class:`~pledgekit.prose.Prose` in it).

    The meeting's prose, pledge narratives, the workbook's Updates, Commitments and Profile text
    and the exceptions' commentary are all Prose, so a field added later is guarded without a
    change here. Returns the report (matches replaced by ``[redacted]`` when ``redact``) and the
    findings that must block output (none when redacting). Placeholders pledgekit wrote are
    skipped.
    """
    from pledgekit.location import Location
    from pledgekit.pii import pii_findings, scan_text
    from pledgekit.pii import redact as redact_text
    from pledgekit.prose import Prose

    blocking: list[Finding] = []

    def guard(node: object) -> object:
        if isinstance(node, Prose):
            if node.placeholder or not scan_text(node.text):
                return node
            if redact:
                return replace(node, text=redact_text(node.text))
            where = node.location or Location("report")
            blocking.extend(pii_findings(node.text, where, node.field))
            return node
        if isinstance(node, tuple):
            items = tuple(guard(item) for item in node)
            return node if all(a is b for a, b in zip(items, node, strict=True)) else items
        if is_dataclass(node) and not isinstance(node, type):
            changes = {}
            for item in fields(node):
                value = getattr(node, item.name)
                if (guarded := guard(value)) is not value:
                    changes[item.name] = guarded
            return replace(node, **changes) if changes else node
        return node

    guarded = guard(report)
    assert isinstance(guarded, type(report))
    return guarded, blocking
