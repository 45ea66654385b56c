"""The indicator table of one sheet: header, then one observation per measure row.

Row-level problems become findings (codes in :mod:`pledgekit.model.codes`) located at their cell.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any

from pledgekit.model.codes import (
    AMBIGUOUS_MEASURE_ID,
    BAD_PERIOD,
    FOOTNOTE_MARK,
    MEASURE_ID_FROM_NUMBER,
    PERIOD_FROM_TITLE,
)
from pledgekit.model.errors import InputError
from pledgekit.model.indicator_table import FIGURE_SLOTS, IndicatorTable, Source
from pledgekit.model.location import Location, column_letter
from pledgekit.model.periods import Period, PeriodError, parse_period
from pledgekit.model.plain_text import has_controls
from pledgekit.model.values import MISSING, Reading, ValueState
from pledgekit.read.books import Sheet
from pledgekit.read.cells import cell_text, id_text, parse_value
from pledgekit.read.column_codes import ColumnCodes
from pledgekit.read.columns import COMPARATORS, INDICATORS, Header, TitlePeriod, find_header
from pledgekit.read.columns import title_period as find_title_period
from pledgekit.read.sheet_context import (
    FIGURES,
    Context,
    clean_text,
    has_columns,
    report_duplicates,
)

# An id followed by footnote marks: superscript digits, daggers, section signs, asterisks.
_FOOTNOTE = re.compile(
    r"^(?P<id>.*?[0-9A-Za-z)])\s*(?P<mark>[\u00b9\u00b2\u00b3\u2070-\u2079†‡§*]+)$"
)
_NOTE_STARTS = ("note", "source", "key", "*", "†", "‡", "(", "[", "nb ", "n.b")
_PROBLEMS = (ValueState.INVALID, ValueState.NO_CACHED_VALUE)
_SAID = {
    "england": "England figure",
    "statistical_neighbours": "statistical neighbours figure",
    "region": "regional figure",
}


def is_prose(text: str) -> bool:
    """True for a note, source line or section heading written where an id would be."""
    lower = text.lower()
    return (
        lower.startswith(_NOTE_STARTS)
        or text.endswith(":")
        or len(text) > 20
        or text.count(" ") >= 2
    )


class IndicatorReader:
    """Reads the indicator tables of one file, matching numeric measure ids to the definition."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.ids = set(ctx.definition.measure_ids()) if ctx.definition else set()
        self.by_number: dict[float, list[str]] = defaultdict(list)
        for measure_id in sorted(self.ids):
            if measure_id.replace(".", "", 1).isdecimal():
                self.by_number[float(measure_id)].append(measure_id)
        self._periods: dict[object, Period | PeriodError] = {}
        self._ids: dict[object, tuple[str | None, str | None, str]] = {}

    def read(self, sheet: Sheet) -> IndicatorTable | None:
        """The indicator table of ``sheet`` as columns (None when it cannot be read: the
        findings say why); problems go to the findings."""
        header = find_header(sheet.head, INDICATORS)
        if header is None:
            raise InputError(
                f"{self.ctx.where(sheet)}: no header row found; expected a row with a 'measure' "
                "column (e.g. 'Measure', 'Ref' or 'Measure ID') and a 'period' column (or pass "
                "--period) in the first 100 rows"
            )
        report_duplicates(self.ctx, sheet, header)
        fallback, title = self.ctx.period, None
        if fallback is None:
            title = find_title_period(sheet.head[: header.row])
            fallback = title.period if title else None
        if not has_columns(self.ctx, sheet, header, INDICATORS, fallback is not None):
            return None
        columns = ColumnCodes(header.columns.values())
        for chunk in sheet.chunks_below(header.row, header.columns_of("measure", "period", "area")):
            columns.add(chunk)
        return _Table(self, sheet, header, columns, fallback, title).read()

    def measure_id(self, raw: object) -> tuple[str | None, str | None, str]:
        """The measure id in a cell, and a finding code and message when a number was matched."""
        key = (type(raw), raw)
        known = self._ids.get(key)
        if known is None:
            known = self._ids[key] = self._resolve(raw)
        return known

    def _resolve(self, raw: object) -> tuple[str | None, str | None, str]:
        text = id_text(raw)
        if text is None or type(raw) not in (int, float):
            return text, None, ""
        assert isinstance(raw, (int, float))
        others = [c for c in self.by_number.get(float(raw), []) if c != text]
        if others and text in self.ids:
            listed = " or ".join(repr(c) for c in [text, *others])
            return (
                text,
                AMBIGUOUS_MEASURE_ID,
                (
                    f"the measure id is the number {text}, which could be measure {listed}; "
                    f"read as {text!r}: type ids as text so that Excel keeps them as written"
                ),
            )
        if len(others) == 1:
            return (
                others[0],
                MEASURE_ID_FROM_NUMBER,
                (
                    f"the measure id is the number {text}; read as measure {others[0]!r}, the only "
                    "measure in the definition with that number"
                ),
            )
        if others:
            listed = " or ".join(repr(c) for c in others)
            return (
                text,
                AMBIGUOUS_MEASURE_ID,
                (
                    f"the measure id is the number {text}, which could be measure {listed}; "
                    f"kept as {text!r}: type ids as text so that Excel keeps them as written"
                ),
            )
        return text, None, ""

    def period(self, raw: object) -> Period | PeriodError:
        """The period in a cell, or the error saying why it is not one (cached per value)."""
        key = (type(raw), raw)
        cached = self._periods.get(key)
        if cached is None:
            try:
                cached = parse_period(raw)
            except PeriodError as exc:
                cached = exc
            self._periods[key] = cached
        return cached


def _is_blank(value: object) -> bool:
    return value == "" or value is None


class _Table:
    """One sheet's indicator rows, read column by column.

    Each column's cells are coded by distinct value, each distinct value is read once (id,
    period, figure, area, text), and the row rules (no id, notes below the table, bad or empty
    periods, unusable figures) become boolean arrays. Findings are reported in row order, as a
    row-by-row reader would.
    """

    def __init__(
        self,
        reader: IndicatorReader,
        sheet: Sheet,
        header: Header,
        columns: ColumnCodes,
        fallback: Period | None,
        title: TitlePeriod | None,
    ) -> None:
        self.reader, self.ctx, self.sheet, self.header = reader, reader.ctx, sheet, header
        self.column, self.count = columns.column, columns.count
        self.fallback, self.title, self.from_title = fallback, title, 0
        cols = header.columns
        self.numeric = [cols[f] for f in (*FIGURES, "target", *COMPARATORS) if f in cols]
        scaled = [cols[f] for f in ("value", "target", *COMPARATORS) if f in cols]
        self.percent = sheet.percent_cells(scaled)
        # Numbers matched to ids are reported once per sheet and id, not on every row.
        self.id_notes: dict[str, tuple[str, str, Location, int]] = {}
        self.start = header.row + 1

    def blank(self, col: int | None) -> Any:
        """A boolean array: the column's cell is blank, row by row (all blank without a column)."""
        import numpy as np

        if col is None:
            return np.ones(self.count, dtype=bool)
        codes, values = self.column(col)
        return np.array([_is_blank(v) for v in values], dtype=bool)[codes]

    def read(self) -> IndicatorTable:
        import numpy as np

        cols, ctx, reader, start = self.header.columns, self.ctx, self.reader, self.start
        count = self.count
        m_col, p_col = cols["measure"], cols.get("period")
        a_col, c_col = cols.get("area"), cols.get("commentary")
        # Every numeric cell of a row goes into one list of slots: the three figures, the
        # target, then the comparators.
        slots = (*FIGURES, "target", *COMPARATORS)
        numeric = [
            (i, name, _SAID.get(name, name), cols[name])
            for i, name in enumerate(slots)
            if name in cols
        ]
        figures = [col for i, _, _, col in numeric if i < len(FIGURES)]
        content = [*self.numeric, *([c_col] if c_col is not None else [])]
        # (row index, slot, finding) for the row rules, sorted into row order at the end.
        events: list[tuple[int, int, Callable[[], None]]] = []

        # The measure id: blank (or only spaces) rows are skipped, reported when they hold figures.
        m_codes, m_raw = self.column(m_col)
        resolved = [None if _is_blank(raw) else self._measure(raw) for raw in m_raw]
        resolved = self._plain_ids(m_codes, m_raw, resolved, m_col)
        self._count_id_notes(m_codes, m_raw, resolved)
        no_id = np.array([m is None for m in resolved], dtype=bool)[m_codes]
        has_figure = np.zeros(count, dtype=bool)
        for col in figures:
            has_figure |= ~self.blank(col)
        for index in np.flatnonzero(no_id & has_figure).tolist():
            events.append((index, -1, partial(self._missing_id, start + index, m_col)))

        # Notes, sources and headings below or inside the table: no period, no figures.
        no_period = self.blank(p_col)
        prose = np.array(
            [
                type(raw) is str and m is not None and m not in reader.ids and is_prose(m)
                for raw, m in zip(m_raw, resolved, strict=True)
            ],
            dtype=bool,
        )[m_codes]
        empty = np.ones(count, dtype=bool)
        for col in content:
            empty &= self.blank(col)
        candidate = ~no_id & ~(no_period & prose & empty)

        # The period: each distinct cell parsed once; the fallback for rows without one.
        periods: list[Period] = []
        p_codes = np.zeros(count, dtype=np.int32)
        bad = np.zeros(count, dtype=bool)
        if p_col is not None:
            codes, raws = self.column(p_col)
            parsed = [None if _is_blank(raw) else reader.period(raw) for raw in raws]
            position = []
            for got in parsed:
                position.append(len(periods) if isinstance(got, Period) else -1)
                if isinstance(got, Period):
                    periods.append(got)
            p_codes = np.array(position, dtype=np.int32)[codes]
            bad = candidate & ~no_period & (p_codes < 0)
            for index in np.flatnonzero(bad).tolist():
                error = parsed[codes[index]]
                events.append(
                    (index, -1, partial(self._bad_period, index, str(error), resolved, m_codes))
                )
        undated = candidate & no_period
        if self.fallback is not None:
            p_codes[no_period] = len(periods)
            periods.append(self.fallback)
            if ctx.period is None:
                self.from_title += int(undated.sum())
            kept = candidate & ~bad
        else:
            for index in np.flatnonzero(undated).tolist():
                events.append((index, -1, partial(self._empty_period, index, resolved, m_codes)))
            kept = candidate & ~bad & ~no_period

        # The figures: each distinct cell read once, percent-formatted cells apart.
        readings: list[Reading] = [MISSING]
        coded: dict[str, Any] = {}
        hidden: dict[tuple[int, int], Reading] | None = None
        for _, name, _, col in numeric:
            codes, raws = self.column(col)
            base = len(readings)
            readings.extend(MISSING if _is_blank(raw) else parse_value(raw) for raw in raws)
            slot = codes + base
            scaled_rows = self._rows_in(self.percent.get(col))
            if len(scaled_rows):
                wanted = np.unique(codes[scaled_rows])
                scaled = np.zeros(len(raws), dtype=np.int32)
                for code in wanted.tolist():
                    raw = raws[code]
                    scaled[code] = len(readings)
                    readings.append(
                        MISSING if _is_blank(raw) else parse_value(raw, percent_format=True)
                    )
                slot[scaled_rows] = scaled[codes[scaled_rows]]
            blanks = self.blank(col) & kept
            if blanks.any():
                if hidden is None:
                    hidden = self.sheet.hidden_cells(self.numeric)
                for (row0, hidden_col), reading in hidden.items():
                    index = row0 - start
                    if hidden_col == col and 0 <= index < count and blanks[index]:
                        slot[index] = len(readings)
                        readings.append(reading)
            coded[name] = slot
        problem = np.array([r.state in _PROBLEMS for r in readings], dtype=bool)
        for i, name, what, col in numeric:
            slot = coded[name]
            for index in np.flatnonzero(kept & problem[slot]).tolist():
                reading = readings[slot[index]]
                events.append(
                    (index, i, partial(self._figure, reading, what, index, col, resolved, m_codes))
                )

        events.sort(key=lambda event: (event[0], event[1]))
        for *_, report in events:
            report()
        self._report_notes()

        rows = np.flatnonzero(kept)
        none = np.zeros(len(rows), dtype=np.int32)
        areas: list[str | None] = [None]
        a_codes = none
        if a_col is not None:
            codes, raws = self.column(a_col)
            areas = [None if _is_blank(raw) else id_text(raw) for raw in raws]
            areas = self._plain_texts(codes, areas, a_col, "area")
            a_codes = codes[rows]
        texts: list[str | None] = [None]
        c_codes = none
        if c_col is not None:
            codes, raws = self.column(c_col)
            texts = [None if raw == "" else cell_text(raw) for raw in raws]
            texts = self._plain_texts(codes, texts, c_col, "commentary")
            c_codes = codes[rows]
        return IndicatorTable(
            rows=(rows + start + 1).astype(np.int32),
            source=none,
            sources=[
                Source(
                    file=ctx.file,
                    sheet=self.sheet.name,
                    anchor=column_letter(cols.get("value", m_col)),
                    letters=tuple((name, column_letter(col)) for name, col in cols.items()),
                )
            ],
            measure=m_codes[rows],
            measures=[m or "" for m in resolved],
            period=p_codes[rows],
            periods=periods,
            area=a_codes,
            areas=areas,
            commentary=c_codes,
            texts=texts,
            figures={name: coded[name][rows] for name in FIGURE_SLOTS if name in coded},
            comparators={name: coded[name][rows] for name in COMPARATORS if name in coded},
            readings=readings,
        )

    def _rows_in(self, rows0: set[int] | None) -> Any:
        """Row indices of the table among 0-based sheet rows (percent-formatted cells)."""
        import numpy as np

        if not rows0:
            return np.zeros(0, dtype=np.int64)
        start, end = self.start, self.start + self.count
        return np.array(sorted(r - start for r in rows0 if start <= r < end), dtype=np.int64)

    def _plain_texts(
        self, codes: Any, texts: list[str | None], col: int, what: str
    ) -> list[str | None]:
        """Distinct texts of a column without control characters, each reported at its first
        cell (see :func:`clean_text`)."""
        if not any(text is not None and has_controls(text) for text in texts):
            return texts
        import numpy as np

        _, first = np.unique(codes, return_index=True)
        return [
            clean_text(self.ctx, self.sheet, self.start + int(first[code]), col, text, what)
            if text is not None and has_controls(text)
            else text
            for code, text in enumerate(texts)
        ]

    def _plain_ids(
        self, codes: Any, raws: list[object], resolved: list[str | None], col: int
    ) -> list[str | None]:
        """Measure ids without control characters or footnote marks (2.6¹), each reported."""
        if not any(m is not None and (has_controls(m) or _FOOTNOTE.match(m)) for m in resolved):
            return resolved
        import numpy as np

        _, first = np.unique(codes, return_index=True)
        plain: list[str | None] = []
        for code, (raw, measure) in enumerate(zip(raws, resolved, strict=True)):
            if type(raw) is str and measure is not None and code < len(first):
                row0 = self.start + int(first[code])
                measure = clean_text(self.ctx, self.sheet, row0, col, measure, "measure id")
                if measure is not None:
                    measure = self._footnote(measure, row0, col)
            plain.append(measure)
        return plain

    def _footnote(self, measure: str, row0: int, col0: int) -> str:
        """The id without a footnote mark after it (2.6¹, 2.6*, 2.6†), reported if it had one."""
        match = _FOOTNOTE.match(measure)
        if match is None or measure in self.reader.ids or is_prose(match["id"]):
            return measure
        bare = match["id"]
        self.ctx.add(
            FOOTNOTE_MARK,
            f"{measure!r} read as measure {bare!r}: the footnote mark {match['mark']!r} belongs "
            "in a notes column",
            self.ctx.at(self.sheet, row0, col0),
            found=measure,
            expected="the measure id alone",
            measure=bare,
        )
        return bare

    def _measure(self, raw: object) -> str | None:
        measure, _, _ = self.reader.measure_id(raw)
        return measure

    def _count_id_notes(self, codes: Any, raws: list[object], resolved: list[str | None]) -> None:
        """A note per numeric id matched to the definition: its first cell and how many rows."""
        import numpy as np

        counts = np.bincount(codes, minlength=len(raws)).tolist()
        _, first = np.unique(codes, return_index=True)
        m_col = self.header.columns["measure"]
        for code, (raw, measure) in enumerate(zip(raws, resolved, strict=True)):
            if measure is None:
                continue
            _, finding_code, message = self.reader.measure_id(raw)
            if finding_code is None:
                continue
            where = self.ctx.at(self.sheet, self.start + int(first[code]), m_col)
            self.id_notes[f"{raw!r}"] = (finding_code, message, where, counts[code])

    def _measure_at(self, index: int, resolved: list[str | None], codes: Any) -> str:
        return resolved[codes[index]] or ""

    def _bad_period(self, index: int, message: str, resolved: list[str | None], codes: Any) -> None:
        p_col = self.header.columns["period"]
        p_codes, p_raws = self.column(p_col)
        self.ctx.add(
            BAD_PERIOD,
            message,
            self.ctx.at(self.sheet, self.start + index, p_col),
            found=p_raws[p_codes[index]],
            expected="a reporting period such as '2019-20 Q1'",
            measure=self._measure_at(index, resolved, codes),
        )

    def _empty_period(self, index: int, resolved: list[str | None], codes: Any) -> None:
        self.ctx.add(
            BAD_PERIOD,
            "the period is empty; fill it in, pass --period, or write e.g. 'Period: 2019-20 Q1' "
            "above the table",
            self.ctx.at(self.sheet, self.start + index, self.header.columns["period"]),
            expected="a reporting period such as '2019-20 Q1'",
            measure=self._measure_at(index, resolved, codes),
        )

    def _figure(
        self,
        reading: Reading,
        what: str,
        index: int,
        col: int,
        resolved: list[str | None],
        codes: Any,
    ) -> None:
        measure = self._measure_at(index, resolved, codes)
        self.ctx.figure(reading, what, self.ctx.at(self.sheet, self.start + index, col), measure)

    def _report_notes(self) -> None:
        for key, (code, message, where, count) in self.id_notes.items():
            more = f" ({count - 1} more cells on this sheet hold {key})" if count > 1 else ""
            self.ctx.add(code, message + more, where, found=key, expected="the id as text")
        if self.title is not None and self.from_title:
            if self.header.columns.get("period") is None:
                rows = "every row takes"
            else:
                count = self.from_title
                rows = f"{count} row{'s' if count != 1 else ''} without a period take"
            self.ctx.add(
                PERIOD_FROM_TITLE,
                f"{rows} the period {self.title.period.label} from {self.title.text!r} above "
                "the table",
                self.ctx.at(self.sheet, self.title.row, self.title.col),
                found=self.title.text,
            )

    def _missing_id(self, row0: int, col0: int) -> None:
        self.ctx.skipped_row(self.sheet, row0, col0, "figures", "measure id", "a measure id")
