"""Safe to publish: the personal-data guard over a scorecard's free text.

Small-number suppression happens earlier, in :mod:`pledgekit.suppression`, before rating.
"""

from __future__ import annotations

from dataclasses import replace

from pledgekit.findings import Finding
from pledgekit.scorecard import Scorecard


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
