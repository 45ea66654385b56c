"""The indicator table of one sheet: header, then one observation per measure row.

Row-level problems become findings (codes in :mod:`pledgekit.model.codes`) located at their cell.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict

from pledgekit.model.codes import (
    AMBIGUOUS_MEASURE_ID,
    BAD_PERIOD,
    FOOTNOTE_MARK,
    MEASURE_ID_FROM_NUMBER,
    MISSING_ID,
    PERIOD_FROM_TITLE,
)
from pledgekit.model.errors import InputError
from pledgekit.model.location import Location, column_letter
from pledgekit.model.observations import Observation
from pledgekit.model.periods import Period, PeriodError, parse_period
from pledgekit.model.plain_text import has_controls
from pledgekit.model.values import MISSING, Reading, ValueState
from pledgekit.read.books import Sheet
from pledgekit.read.cells import cell_text, id_text, parse_value
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
_BLANK = ("", None)
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

    def read(self, sheet: Sheet) -> list[Observation]:
        """Observations from the indicator table of ``sheet``; problems go to the findings."""
        header = find_header(sheet.rows, INDICATORS)
        if header is None:
            raise InputError(
                f"{self.ctx.where(sheet)}: no header row found; expected a row with a 'measure' "
                "column (e.g. 'Measure', 'Ref' or 'Measure ID') and a 'period' column (or pass "
                "--period) in the first 100 rows"
            )
        report_duplicates(self.ctx, sheet, header)
        fallback, title = self.ctx.period, None
        if fallback is None:
            title = find_title_period(sheet.rows[: header.row])
            fallback = title.period if title else None
        if not has_columns(self.ctx, sheet, header, INDICATORS, fallback is not None):
            return []
        sheet.fill_merged(header.row, header.columns_of("measure", "period", "area"))
        # Reading a large table allocates hundreds of thousands of small objects, none of them in
        # reference cycles; the cycle collector would walk the whole heap again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return _Table(self, sheet, header, fallback, title).read()
        finally:
            if collecting:
                gc.enable()

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


class _Table:
    """One sheet's indicator rows: the per-row loop, kept tight because tables can be large."""

    def __init__(
        self,
        reader: IndicatorReader,
        sheet: Sheet,
        header: Header,
        fallback: Period | None,
        title: TitlePeriod | None,
    ) -> None:
        self.reader, self.ctx, self.sheet, self.header = reader, reader.ctx, sheet, header
        self.fallback, self.title, self.from_title = fallback, title, 0
        cols = header.columns
        self.numeric = [cols[f] for f in (*FIGURES, "target", *COMPARATORS) if f in cols]
        scaled = [cols[f] for f in ("value", "target", *COMPARATORS) if f in cols]
        self.percent = sheet.percent_cells(scaled)
        self.hidden: dict[tuple[int, int], Reading] | None = None
        # Per-table caches by cell value (str and float keys only: True == 1.0 must not collide).
        self.cache: dict[object, Reading] = {}
        self.scaled: dict[object, Reading] = {}
        self.id_cache: dict[object, str] = {}
        self.areas: dict[object, str | None] = {}
        self.periods: dict[object, Period] = {}
        # Numbers matched to ids are reported once per sheet and id, not on every row.
        self.id_notes: dict[str, tuple[str, str, Location, int]] = {}

    def read(self) -> list[Observation]:
        observations: list[Observation] = []
        cols = self.header.columns
        m_col, p_col = cols["measure"], cols.get("period")
        a_col, c_col = cols.get("area"), cols.get("commentary")
        # Every numeric cell of a row goes into one list of slots: the three figures, the
        # target, then the comparators.
        slots = (*FIGURES, "target", *COMPARATORS)
        numeric = [
            (i, _SAID.get(name, name), cols[name], self.percent.get(cols[name]))
            for i, name in enumerate(slots)
            if name in cols
        ]
        figures = [col for i, _, col, _ in numeric if i < len(FIGURES)]
        has_comparators = any(name in cols for name in COMPARATORS)
        content = [*self.numeric, *([c_col] if c_col is not None else [])]
        letters = [(name, column_letter(col)) for name, col in cols.items()]
        anchor = column_letter(cols.get("value", m_col))
        file, sheet_name, rows = self.ctx.file, self.sheet.name, self.sheet.rows
        id_cache, areas, periods = self.id_cache, self.areas, self.periods
        cache, scaled_cache = self.cache, self.scaled
        for row0 in range(self.header.row + 1, len(rows)):
            row = rows[row0]
            raw_id = row[m_col]
            if raw_id == "" or raw_id is None:
                if any(row[c] not in _BLANK for c in figures):
                    self._missing_id(row0, m_col)
                continue
            measure = id_cache.get(raw_id) if type(raw_id) is str else None
            if measure is None:
                measure = self._measure(raw_id, row0, m_col)
                if measure is None:  # only spaces
                    if any(row[c] not in _BLANK for c in figures):
                        self._missing_id(row0, m_col)
                    continue
            raw_period = row[p_col] if p_col is not None else ""
            has_period = raw_period != "" and raw_period is not None
            if (
                not has_period
                and isinstance(raw_id, str)
                and measure not in self.reader.ids
                and is_prose(measure)
                and all(row[c] in _BLANK for c in content)
            ):
                continue  # a note, source line or heading below or inside the table
            period = periods.get(raw_period) if has_period else None
            if period is None:
                period = self._period(row, row0, p_col, has_period, measure)
                if period is None:
                    continue
            got = [MISSING] * len(slots)
            for index, what, col, percent in numeric:
                raw = row[col]
                known = None
                if type(raw) is float or type(raw) is str:
                    scaled = percent is not None and row0 in percent
                    known = (scaled_cache if scaled else cache).get(raw)
                got[index] = known or self._reading(row, row0, col, what, measure)
            compared = {}
            if has_comparators:
                for name, reading in zip(COMPARATORS, got[4:], strict=True):
                    if reading.number is not None:
                        compared[name] = reading.number
            area = None
            if a_col is not None:
                raw_area = row[a_col]
                area = areas.get(raw_area)
                if area is None and raw_area not in _BLANK:
                    area = areas[raw_area] = clean_text(
                        self.ctx, self.sheet, row0, a_col, id_text(raw_area), "area"
                    )
            commentary = None
            if c_col is not None and row[c_col] != "":
                commentary = cell_text(row[c_col])
                if commentary is not None and has_controls(commentary):
                    commentary = clean_text(
                        self.ctx, self.sheet, row0, c_col, commentary, "commentary"
                    )
            row1 = str(row0 + 1)
            observations.append(
                Observation(
                    measure=measure,
                    period=period,
                    location=Location(file=file, sheet=sheet_name, row=row0 + 1, column=anchor),
                    value=got[0],
                    numerator=got[1],
                    denominator=got[2],
                    commentary=commentary,
                    target=got[3].number,
                    comparators=compared,
                    area=area,
                    cells={name: letter + row1 for name, letter in letters},
                )
            )
        self._report_notes()
        return observations

    def _measure(self, raw: object, row0: int, col0: int) -> str | None:
        measure, code, message = self.reader.measure_id(raw)
        if type(raw) is str and measure is not None:
            measure = clean_text(self.ctx, self.sheet, row0, col0, measure, "measure id")
            if measure is not None:
                measure = self._footnote(measure, row0, col0)
        if type(raw) is str and measure is not None:
            self.id_cache[raw] = measure
        if code is not None and measure is not None:
            key = f"{raw!r}"
            seen = self.id_notes.get(key)
            if seen is None:
                self.id_notes[key] = (code, message, self.ctx.at(self.sheet, row0, col0), 1)
            else:
                self.id_notes[key] = (seen[0], seen[1], seen[2], seen[3] + 1)
        return measure

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

    def _period(
        self, row: list[object], row0: int, p_col: int | None, has_cell: bool, measure: str
    ) -> Period | None:
        if has_cell:
            assert p_col is not None
            raw = row[p_col]
            parsed = self.reader.period(raw)
            if isinstance(parsed, Period):
                if type(raw) is str:
                    self.periods[raw] = parsed
                return parsed
            self.ctx.add(
                BAD_PERIOD,
                str(parsed),
                self.ctx.at(self.sheet, row0, p_col),
                found=row[p_col],
                expected="a reporting period such as '2019-20 Q1'",
                measure=measure,
            )
            return None
        if self.fallback is not None:
            if self.ctx.period is None:
                self.from_title += 1
            return self.fallback
        assert p_col is not None  # without a period column the sheet needs a fallback to be read
        self.ctx.add(
            BAD_PERIOD,
            "the period is empty; fill it in, pass --period, or write e.g. 'Period: 2019-20 Q1' "
            "above the table",
            self.ctx.at(self.sheet, row0, p_col),
            expected="a reporting period such as '2019-20 Q1'",
            measure=measure,
        )
        return None

    def _reading(self, row: list[object], row0: int, col: int, what: str, measure: str) -> Reading:
        """Read a figure cell, reporting it when unusable.

        Usable readings are cached by cell value (the same figures and symbols recur down a large
        table), apart for cells formatted as percentages. Keys are str or float only, so that
        True (== 1.0) cannot collide with a number.
        """
        raw = row[col]
        percent = self.percent.get(col)
        scaled = percent is not None and row0 in percent
        cache = self.scaled if scaled else self.cache
        keyed = type(raw) is float or type(raw) is str
        if keyed:
            known = cache.get(raw)
            if known is not None:
                return known
        if raw == "" or raw is None:
            if self.hidden is None:
                self.hidden = self.sheet.hidden_cells(self.numeric)
                if not self.hidden:
                    self.cache[""] = MISSING  # no blank cell hides a formula or an error
            reading = self.hidden.get((row0, col), MISSING)
        else:
            reading = parse_value(raw, percent_format=scaled)
            if keyed and reading.state is not ValueState.INVALID:
                cache[raw] = reading
        if reading.state in _PROBLEMS:
            self.ctx.figure(reading, what, self.ctx.at(self.sheet, row0, col), measure)
        return reading

    def _missing_id(self, row0: int, col0: int) -> None:
        self.ctx.add(
            MISSING_ID,
            "this row has figures but no measure id, so it was skipped",
            self.ctx.at(self.sheet, row0, col0),
            expected="a measure id",
        )
