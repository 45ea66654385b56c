"""Read indicator workbooks (.xlsx, .xlsm, .ods, .csv) into a :class:`Dataset`.

A file that cannot be read at all raises :class:`InputError` with one line naming it. Everything
wrong inside a readable file becomes a finding located at its cell, and reading carries on: the
caller decides what blocks. Nothing is guessed silently: a cell that is neither a number nor a known
symbol is reported, and a reading that needed interpretation (a numeric measure id, a period taken
from a title) says so in a finding.

Finding codes produced here: ``not-a-number``, ``bad-period``, ``missing-column``,
``duplicate-column``, ``formula-without-value``, ``ambiguous-measure-id``,
``measure-id-from-number``, ``missing-id``, ``period-from-title`` (registered in
:mod:`pledgekit.read.sheet_context`) and ``percent-scale-unclear``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pledgekit.config.pledge import Definition
from pledgekit.model.codes import (
    BAD_PERIOD,
    HIDDEN_SHEET,
    MISSING_COLUMN,
    UNREADABLE_FILE,
)
from pledgekit.model.errors import InputError
from pledgekit.model.findings import finding
from pledgekit.model.indicator_table import IndicatorTable
from pledgekit.model.location import Location
from pledgekit.model.observations import Commitment, Dataset, PledgeUpdate, ProfileItem
from pledgekit.model.periods import Period, PeriodError, parse_period
from pledgekit.model.table_making import combine
from pledgekit.model.values import format_number
from pledgekit.read.action_sheet import date_cell, read_actions
from pledgekit.read.books import Sheet
from pledgekit.read.cells import cell_text, id_text
from pledgekit.read.columns import (
    ACTIONS,
    COMMITMENTS,
    PROFILE,
    UPDATES,
    Header,
    find_header,
    title_period,
)
from pledgekit.read.conflicts import conflict_findings
from pledgekit.read.indicators import IndicatorReader
from pledgekit.read.input_formats import open_book
from pledgekit.read.percent_scale import percent_scale_findings
from pledgekit.read.sheet_context import Context, clean_text, has_columns, report_duplicates

_OPTIONAL_SHEETS = {
    "commitments": COMMITMENTS,
    "updates": UPDATES,
    "profile": PROFILE,
    "actions": ACTIONS,
}


def read_workbook(
    path: Path,
    *,
    definition: Definition | None = None,
    period: Period | None = None,
    sheet: str | None = None,
) -> Dataset:
    """Read one workbook into a :class:`Dataset`: observations, optional sheets and findings.

    ``definition`` lets numeric measure ids (2.1 for ``"2.10"``) and percent measures be checked;
    ``period`` applies to rows without a period cell; ``sheet`` names the indicator sheet (default
    ``Indicators``, else the first sheet other than Commitments, Updates, Profile and Actions;
    ignored for .csv, which holds one table). Raises :class:`InputError` when the file cannot be
    read.
    """
    return read_workbooks([path], definition=definition, period=period, sheet=sheet)


def read_workbooks(
    paths: Sequence[Path],
    *,
    definition: Definition | None = None,
    period: Period | None = None,
    sheet: str | None = None,
    unreadable: list[str] | None = None,
) -> Dataset:
    """Read several workbooks (e.g. one per quarter) into one :class:`Dataset`, in order.

    Same arguments as :func:`read_workbook`; ``Dataset.files`` lists the files read. The rules
    that compare files run once over all of them: two files giving one figure differently
    (:mod:`~pledgekit.read.conflicts`) and a fraction among percentages
    (:mod:`~pledgekit.read.percent_scale`). Given an ``unreadable`` list, a file that cannot be
    read is added to it with an ``unreadable-file`` finding and the others are still read;
    without one its :class:`InputError` is raised.
    """
    dataset = Dataset()
    tables: list[IndicatorTable] = []
    for path in map(Path, paths):
        try:
            data, table = _read_file(path, definition, period, sheet)
        except InputError as exc:
            if unreadable is None:
                raise
            unreadable.append(str(path))
            dataset.findings.append(
                finding(UNREADABLE_FILE, str(exc), Location(str(path)), found=path.name)
            )
            continue
        dataset.extend(data)
        tables.extend([table] if table is not None else [])
    dataset.table = combine(tables)
    dataset.findings.extend(conflict_findings(dataset.table))
    dataset.findings.extend(percent_scale_findings(dataset.table, definition))
    return dataset


def _read_file(
    path: Path, definition: Definition | None, period: Period | None, wanted: str | None
) -> tuple[Dataset, IndicatorTable | None]:
    """The file's optional sheets and findings, and its indicator table (None without one)."""
    data = Dataset(files=[str(path)])
    table = None
    with open_book(path) as book:
        ctx = Context(str(path), definition, period, is_csv=book.is_csv)
        ctx.findings.extend(book.findings)
        main = _indicator_sheet(ctx.file, book.names, wanted, book.is_csv, book.hidden)
        if main is not None and main in book.hidden:
            ctx.add(
                HIDDEN_SHEET,
                "the sheet is hidden in Excel (hidden sheets often hold old or working figures) "
                "and its figures were read: unhide it if it is the one to read",
                Location(ctx.file, main),
                found=main,
                expected="a visible sheet",
            )
        if main is not None:
            table = IndicatorReader(ctx).read(book.sheet(main))
        for name in book.names:
            if name != main and name.lower() in _OPTIONAL_SHEETS:
                _read_optional(ctx, book.sheet(name), data)
    data.findings = ctx.findings
    return data, table


def _indicator_sheet(
    file: str, names: list[str], wanted: str | None, is_csv: bool, hidden: set[str]
) -> str | None:
    """The sheet holding the indicator table, or None for a file of optional sheets only.

    ``wanted`` by name (exact, else ignoring case); else a visible ``Indicators``; else the first
    visible sheet that is not Commitments, Updates, Profile or Actions; else a hidden
    ``Indicators``.
    """
    if is_csv:
        return names[0]
    if wanted is not None:
        exact = [n for n in names if n == wanted] or [
            n for n in names if n.lower() == wanted.lower()
        ]
        if not exact:
            shown = ", ".join(repr(n) for n in names)
            raise InputError(f"{file}: no sheet named {wanted!r}; sheets are: {shown}")
        return exact[0]
    # Visible sheets first: a hidden 'Indicators' is often last year's, kept for reference.
    visible = [n for n in names if n not in hidden]
    by_lower = {n.lower(): n for n in reversed(visible)}
    if "indicators" in by_lower:
        return by_lower["indicators"]
    first = next((n for n in visible if n.lower() not in _OPTIONAL_SHEETS), None)
    if first is not None:
        return first
    return next((n for n in names if n.lower() == "indicators"), None)


def _read_optional(ctx: Context, sheet: Sheet, data: Dataset) -> None:
    """Commitments, Updates, Profile or Actions: same header rules, read into the dataset."""
    spec = _OPTIONAL_SHEETS[sheet.name.lower()]
    header = find_header(sheet.head, spec)
    if header is None:
        ctx.add(
            MISSING_COLUMN,
            f"no header row found, so nothing on this sheet was read; expected a row with a "
            f"{spec.key!r} column",
            ctx.at(sheet, 0, 0),
            expected=spec.key,
        )
        return
    report_duplicates(ctx, sheet, header)
    if not has_columns(ctx, sheet, header, spec):
        return
    if spec is COMMITMENTS:
        sheet.fill_merged(header.row, header.columns_of("directorate", "pledge"))
        data.commitments.extend(_commitments(ctx, sheet, header))
    elif spec is UPDATES:
        sheet.fill_merged(header.row, header.columns_of("pledge"))
        data.updates.extend(_updates(ctx, sheet, header))
    elif spec is ACTIONS:
        sheet.fill_merged(header.row, header.columns_of("pledge"))
        data.actions.extend(read_actions(ctx, sheet, header))
    else:
        sheet.fill_merged(header.row, header.columns_of("period"))
        data.profile.extend(_profile(ctx, sheet, header))


def _text(ctx: Context, sheet: Sheet, row0: int, col: int | None, what: str = "text") -> str | None:
    if col is None:
        return None
    return clean_text(ctx, sheet, row0, col, cell_text(sheet.rows[row0][col]), what)


def _commitments(ctx: Context, sheet: Sheet, header: Header) -> list[Commitment]:
    cols = header.columns
    found = []
    for row0 in range(header.row + 1, len(sheet.rows)):
        row = sheet.rows[row0]
        text = _text(ctx, sheet, row0, cols["commitment"], "commitment")
        if text is None:
            continue
        pledge = id_text(row[cols["pledge"]]) if "pledge" in cols else None
        due = date_cell(ctx, sheet, row0, cols.get("due"))
        found.append(
            Commitment(
                directorate=_text(ctx, sheet, row0, cols["directorate"], "directorate") or "",
                pledge=pledge,
                commitment=text,
                status=_text(ctx, sheet, row0, cols.get("status"), "status"),
                update=_text(ctx, sheet, row0, cols.get("update"), "update"),
                location=ctx.at(sheet, row0, cols["commitment"]),
                lead=_text(ctx, sheet, row0, cols.get("lead"), "lead"),
                due=due,
            )
        )
    return found


def _updates(ctx: Context, sheet: Sheet, header: Header) -> list[PledgeUpdate]:
    pledge_col, text_col = header.columns["pledge"], header.columns["text"]
    found = []
    for row0 in range(header.row + 1, len(sheet.rows)):
        row = sheet.rows[row0]
        text = _text(ctx, sheet, row0, text_col, "update")
        if text is None:
            continue
        pledge = id_text(row[pledge_col])
        if pledge is None:
            ctx.skipped_row(sheet, row0, pledge_col, "text", "pledge", "a pledge id")
            continue
        found.append(PledgeUpdate(pledge, text, ctx.at(sheet, row0, text_col)))
    return found


def _profile(ctx: Context, sheet: Sheet, header: Header) -> list[ProfileItem]:
    cols = header.columns
    label_col, value_col, period_col = cols["label"], cols["value"], cols.get("period")
    england_col = cols.get("england")
    shares = sheet.percent_cells([c for c in (value_col, england_col) if c is not None])
    percent = shares.get(value_col, set())
    hidden = sheet.hidden_cells([value_col])
    title = title_period(sheet.head[: header.row])
    fallback = ctx.period or (title.period if title else None)
    found = []
    for row0 in range(header.row + 1, len(sheet.rows)):
        row = sheet.rows[row0]
        label, raw = _text(ctx, sheet, row0, label_col, "label"), row[value_col]
        where = ctx.at(sheet, row0, value_col)
        if (row0, value_col) in hidden:
            ctx.figure(hidden[row0, value_col], "value", where)
            continue
        if label is None or raw in ("", None):
            if label is None and raw not in ("", None):
                ctx.skipped_row(sheet, row0, label_col, "a value", "label", "a label")
            continue
        period = fallback
        if period_col is not None and row[period_col] not in ("", None):
            try:
                period = parse_period(row[period_col])
            except PeriodError as exc:
                period = None  # kept, but not placed in a period it does not state
                ctx.add(
                    BAD_PERIOD,
                    str(exc),
                    ctx.at(sheet, row0, period_col),
                    found=row[period_col],
                    expected="a reporting period such as '2019-20 Q1'",
                )
        text = _profile_value(raw, row0 in percent)
        england = None
        if "england" in cols and row[cols["england"]] not in ("", None):
            england = _profile_value(
                row[cols["england"]], row0 in shares.get(cols["england"], set())
            )
        found.append(ProfileItem(label, text, where, period, england))
    return found


def _profile_value(raw: object, percent: bool) -> str:
    """A profile figure as shown: 412, 1,234, 36% (a percent-formatted 0.36)."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if percent:
            return f"{format_number(round(raw * 100, 9))}%"
        return format_number(raw)
    return cell_text(raw) or ""
