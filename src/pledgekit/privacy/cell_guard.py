"""Personal data in the cells that are not free text: ids, areas, periods, figures read as text.

A name with an age typed into a Value or Period cell, or a phone number in an Area cell, reaches
outputs by other roads than the commentary: as a measure or area shown in a table, or quoted in
the finding that says the cell is not a number. So right after reading, every text cell that can
reach an output is scanned, and a match is masked where it sits (in the observation and in every
finding quoting it) before anything else sees it. Commentary, updates and commitments are free
text, guarded where they are published (:mod:`pledgekit.privacy.guard`) and checked by
``validate``'s personal-data check, so they are left to those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from pledgekit.model.findings import Finding
from pledgekit.model.indicator_table import IndicatorTable
from pledgekit.model.location import Location
from pledgekit.model.observations import ActionItem, Dataset
from pledgekit.privacy.detect import PiiMatch, pii_findings, scan_text

_REDACTED = "[redacted]"


class _Masker:
    """Scans texts once each (ids and areas repeat down a table) and masks what it finds."""

    def __init__(self, redact: bool) -> None:
        self.redact = redact
        self.seen: dict[str, list[PiiMatch]] = {}
        self.findings: dict[tuple[object, ...], Finding] = {}

    def matches(self, text: str) -> list[PiiMatch]:
        found = self.seen.get(text)
        if found is None:
            found = self.seen[text] = scan_text(text)
        return found

    def mask(self, text: str, matches: list[PiiMatch]) -> str:
        for match in sorted(matches, key=lambda m: m.start, reverse=True):
            shown = _REDACTED if self.redact else match.masked
            text = text[: match.start] + shown + text[match.end :]
        return text

    def check(
        self, text: str | None, where: Location | Callable[[], Location], field: str
    ) -> str | None:
        """``text`` masked, recording a finding per match at ``where``; None stays None.

        ``where`` may be a function giving the location, called only when there is a match.
        """
        if not text:
            return text
        matches = self.matches(text)
        if not matches:
            return text
        place = where if isinstance(where, Location) else where()
        for item in pii_findings(text, place, field):
            loc = item.location
            self.findings.setdefault((loc.file, loc.sheet, loc.row, loc.column, item.code), item)
        return self.mask(text, matches)


def guard_cells(dataset: Dataset, *, redact: bool = False) -> list[Finding]:
    """Mask personal data in ``dataset``'s non-prose text cells, in place; return the findings.

    Each finding names the cell and what the text was read as (measure id, area, value, period
    ...), with the identifier masked. With ``redact`` matches become "[redacted]", else the
    masked form ("J**** ***** (**)"), so the text left in findings never repeats it.
    """
    masker = _Masker(redact)
    # Each distinct value is masked once, in the columns: no row becomes an observation here.
    dataset.table = _table(masker, dataset.table)
    dataset.findings = [_finding(masker, item) for item in dataset.findings]
    dataset.profile = [
        replace(
            item,
            label=masker.check(item.label, item.location, "profile label") or "",
            value=masker.check(item.value, item.location, "profile value") or "",
            england=masker.check(item.england, item.location, "profile England figure"),
        )
        for item in dataset.profile
    ]
    dataset.commitments = [
        replace(
            item,
            directorate=masker.check(item.directorate, item.location, "directorate") or "",
            status=masker.check(item.status, item.location, "status"),
            lead=masker.check(item.lead, item.location, "lead"),
        )
        for item in dataset.commitments
    ]
    # The action plan's short fields are shown as they are (the action and its update are free
    # text, guarded where they are published).
    dataset.actions = [_action(masker, item) for item in dataset.actions]
    return list(masker.findings.values())


def _action(masker: _Masker, item: ActionItem) -> ActionItem:
    """An action with its short fields masked (the action and its update are free text,
    guarded where they are published)."""

    def check(text: str | None, name: str) -> str | None:
        return masker.check(text, item.location, f"action {name}")

    return replace(
        item,
        ref=check(item.ref, "ref"),
        pledge=check(item.pledge, "pledge"),
        promise=check(item.promise, "promise"),
        lead=check(item.lead, "lead"),
        partners=check(item.partners, "partners"),
        resources=check(item.resources, "resources"),
        status=check(item.status, "status"),
    )


def _table(masker: _Masker, table: IndicatorTable) -> IndicatorTable:
    """The table with personal data masked in its distinct ids, areas and figures read as text.

    Each is reported at the first row holding it.
    """
    import numpy as np

    def first(codes: Any, code: int, field: str) -> Location:
        index = int(np.flatnonzero(codes == code)[0])
        source = table.sources[int(table.source[index])]
        letter = dict(source.letters).get(field)
        return Location(source.file, source.sheet, int(table.rows[index]), letter)

    changes: dict[str, Any] = {}
    # Values of rows that did not become observations (no period, say) reach no output here;
    # the findings about those rows quote them, and are masked with the findings.
    used = set(np.unique(table.measure).tolist())
    measures = [
        masker.check(m, partial(first, table.measure, code, "measure"), "measure id") or ""
        if code in used
        else m
        for code, m in enumerate(table.measures)
    ]
    if measures != list(table.measures):
        changes["measures"] = measures
    in_area = set(np.unique(table.area).tolist())
    areas = [
        masker.check(a, partial(first, table.area, code, "area"), "area") if code in in_area else a
        for code, a in enumerate(table.areas)
    ]
    if areas != list(table.areas):
        changes["areas"] = areas
    readings = list(table.readings)
    for code, reading in enumerate(readings):
        if not reading.raw or reading.is_number or not masker.matches(reading.raw):
            continue
        for name, codes in table.figures.items():
            if (codes == code).any():
                where = first(codes, code, name)
                readings[code] = replace(reading, raw=masker.check(reading.raw, where, name))
                break
    if readings != list(table.readings):
        changes["readings"] = readings
    return replace(table, **changes) if changes else table


def _finding(masker: _Masker, item: Finding) -> Finding:
    """A finding quoting a cell (``found``) with the cell's personal data masked."""
    if item.code.startswith("personal-data-"):
        return item
    if item.measure and masker.matches(item.measure):
        item = replace(item, measure=masker.mask(item.measure, masker.matches(item.measure)))
    if not item.found:
        return item
    matches = masker.matches(item.found)
    if not matches:
        return item
    what = "period" if item.code == "bad-period" else "cell"
    masker.check(item.found, item.location, what)
    message = item.message
    for match in matches:
        message = message.replace(match.text, _REDACTED if masker.redact else match.masked)
    return replace(item, found=masker.mask(item.found, matches), message=message)
