"""The optional ``Actions`` sheet (the action plan) and the date cells of plans and commitments.

An action plan row as Middlesbrough's plan has it: action, pledge or promise, linked measures,
lead and partners, resources, milestone date, status and update. A milestone that is not a
date is a ``bad-date`` finding at its cell; the action is still read, with no date.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from pledgekit.model.codes import BAD_DATE
from pledgekit.model.observations import ActionItem
from pledgekit.read.books import Sheet
from pledgekit.read.cells import cell_text, id_text
from pledgekit.read.columns import Header
from pledgekit.read.sheet_context import Context, clean_text

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_SPLIT = re.compile(r"[,;\s]+")


def date_cell(ctx: Context, sheet: Sheet, row0: int, col: int | None) -> date | None:
    """The date in column ``col`` of row ``row0`` (a date, ``2026-12-31`` or ``31/12/2026``);
    None when blank or when the sheet has no such column (``col`` None).

    Anything else is a ``bad-date`` finding at the cell and None.
    """
    if col is None:
        return None
    raw = sheet.rows[row0][col]
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = cell_text(raw)
    if text is None:
        return None
    for pattern, order in ((_ISO, (0, 1, 2)), (_UK, (2, 1, 0))):
        match = pattern.match(text.strip())
        if match:
            parts = [int(g) for g in match.groups()]
            try:
                return date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                break
    ctx.add(
        BAD_DATE,
        f"{text!r} is not a date, so this item cannot be checked for being overdue",
        ctx.at(sheet, row0, col),
        found=text,
        expected="a date such as 2026-12-31 or 31/12/2026",
    )
    return None


def _measure_ids(raw: object) -> tuple[str, ...]:
    """``"1.4, 2.4"`` or a number typed as 1.4 -> ("1.4", "2.4")."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        single = id_text(raw)
        return (single,) if single else ()
    text = cell_text(raw) or ""
    return tuple(part for part in _SPLIT.split(text) if part)


def read_actions(ctx: Context, sheet: Sheet, header: Header) -> list[ActionItem]:
    """Every row of an Actions sheet that names an action."""
    cols = header.columns
    found = []

    def text(row0: int, name: str) -> str | None:
        col = cols.get(name)
        if col is None:
            return None
        return clean_text(ctx, sheet, row0, col, cell_text(sheet.rows[row0][col]), name)

    for row0 in range(header.row + 1, len(sheet.rows)):
        row = sheet.rows[row0]
        action = text(row0, "action")
        if action is None:
            continue
        milestone = date_cell(ctx, sheet, row0, cols.get("milestone"))
        found.append(
            ActionItem(
                action=action,
                location=ctx.at(sheet, row0, cols["action"]),
                ref=text(row0, "ref"),
                pledge=id_text(row[cols["pledge"]]) if "pledge" in cols else None,
                promise=text(row0, "promise"),
                measures=_measure_ids(row[cols["measures"]]) if "measures" in cols else (),
                lead=text(row0, "lead"),
                partners=text(row0, "partners"),
                resources=text(row0, "resources"),
                milestone=milestone,
                status=text(row0, "status"),
                update=text(row0, "update"),
            )
        )
    return found
