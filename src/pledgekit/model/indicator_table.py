"""One sheet's indicator rows held as columns: integer codes into the distinct values read.

A national file repeats 150 area codes, 40 measure ids, 20 periods and a few thousand distinct
figures over 120,000 rows. Each distinct cell value is read once; a row is a handful of small
integers (numpy arrays), and an :class:`~pledgekit.model.observations.Observation` with its
:class:`~pledgekit.model.location.Location` is built only when someone asks for that row.

numpy is imported by the reader that fills a table, not here, so importing the model stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pledgekit.model.location import Location
from pledgekit.model.observations import Observation
from pledgekit.model.periods import Period
from pledgekit.model.values import MISSING, Reading

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Codes = npt.NDArray[np.int32]
else:
    Codes = Any

#: The figure slots of a row, in the order the reader fills them.
FIGURE_SLOTS = ("value", "numerator", "denominator", "target")


@lru_cache(maxsize=4096)  # a national file repeats ~150 areas 120,000 times
def area_key(area: str) -> str:
    """An area as compared: case and spacing ignored ("North  Yorkshire" is "north yorkshire")."""
    return " ".join(area.split()).casefold()


@dataclass(frozen=True, eq=False)
class IndicatorTable:
    """The rows of one indicator table that became observations, column by column.

    ``rows`` holds each row's 1-based sheet row. ``measure``, ``period``, ``area`` and
    ``commentary`` are codes into ``measures``, ``periods``, ``areas`` and ``texts``; each figure
    slot (``figures``: value, numerator, denominator, target) and comparator (``comparators``)
    is a code into ``readings``. A slot whose column the sheet lacks is absent (MISSING).
    ``letters`` gives each field's column letter, ``anchor`` the letter observations point at.
    """

    file: str
    sheet: str | None
    anchor: str
    letters: tuple[tuple[str, str], ...]
    rows: Codes
    measure: Codes
    measures: Sequence[str]
    period: Codes
    periods: Sequence[Period]
    area: Codes | None
    areas: Sequence[str | None]
    commentary: Codes | None
    texts: Sequence[str | None]
    figures: dict[str, Codes]
    comparators: dict[str, Codes]
    readings: Sequence[Reading]
    #: Observations built so far, by row index: the validation context and the scorecard ask
    #: for the same home rows, which are built once.
    _built: dict[int, Observation] = field(default_factory=dict, init=False, repr=False)

    def __len__(self) -> int:
        return len(self.rows)

    def flags(self, slot: str, test: Callable[[Reading], bool]) -> Any:
        """A boolean array: ``test`` holds for the slot's reading, row by row.

        ``test`` runs once per distinct reading, not once per row. A slot whose column the sheet
        lacks reads as MISSING.
        """
        import numpy as np

        codes = self.figures.get(slot)
        if codes is None:
            return np.full(len(self.rows), test(MISSING), dtype=bool)
        return np.array([test(r) for r in self.readings], dtype=bool)[codes]

    def measures_where(self, mask: Any) -> set[str]:
        """The measure ids of the rows where ``mask`` is true."""
        import numpy as np

        return {self.measures[c] for c in np.unique(self.measure[mask]).tolist()}

    def rows_of(self, measures: Collection[str]) -> Any:
        """Row indices of the rows reporting one of ``measures``, in sheet order."""
        import numpy as np

        wanted = np.array([m in measures for m in self.measures], dtype=bool)
        return np.flatnonzero(wanted[self.measure]) if len(wanted) else np.zeros(0, dtype=int)

    def revised(self, keep: Any, unsure: Any, reading: Reading) -> IndicatorTable:
        """The rows where ``keep`` is true, the figures (value, numerator, denominator) of the
        row indices ``unsure`` replaced by ``reading``."""
        import numpy as np

        readings = [*self.readings, reading]
        code = len(self.readings)
        figures = dict(self.figures)
        for slot in FIGURE_SLOTS[:3]:
            codes = figures.get(slot)
            if codes is None:
                readings.append(MISSING)
                codes = np.full(len(self.rows), len(readings) - 1, dtype=np.int32)
            codes = codes.copy()
            codes[unsure] = code
            figures[slot] = codes
        return replace(
            self,
            rows=self.rows[keep],
            measure=self.measure[keep],
            period=self.period[keep],
            area=self.area[keep] if self.area is not None else None,
            commentary=self.commentary[keep] if self.commentary is not None else None,
            figures={slot: codes[keep] for slot, codes in figures.items()},
            comparators={name: codes[keep] for name, codes in self.comparators.items()},
            readings=readings,
        )

    def observations(self, which: Sequence[int] | None = None) -> list[Observation]:
        """The observations of all rows (in sheet order), or of the row indices ``which``."""
        built = self._built
        wanted = range(len(self.rows)) if which is None else which
        missing = [i for i in wanted if i not in built]
        if missing:
            built.update(zip(missing, self._build(missing), strict=True))
        return [built[i] for i in wanted]

    def _build(self, which: Sequence[int] | None) -> Iterator[Observation]:
        picked: Any = slice(None) if which is None else list(which)
        rows = self.rows[picked].tolist()
        measures, periods, readings = self.measures, self.periods, self.readings
        measure = [measures[c] for c in self.measure[picked].tolist()]
        period = [periods[c] for c in self.period[picked].tolist()]
        count = len(rows)
        none: list[None] = [None] * count
        area = none if self.area is None else [self.areas[c] for c in self.area[picked].tolist()]
        texts = (
            none
            if self.commentary is None
            else [self.texts[c] for c in self.commentary[picked].tolist()]
        )
        missing: list[Reading] = [MISSING] * count
        slots = {
            slot: [readings[c] for c in codes[picked].tolist()] if codes is not None else missing
            for slot in FIGURE_SLOTS
            for codes in (self.figures.get(slot),)
        }
        compared = [
            (name, [readings[c].number for c in codes[picked].tolist()])
            for name, codes in self.comparators.items()
        ]
        file, sheet, anchor, letters = self.file, self.sheet, self.anchor, self.letters
        values, nums, dens, targets = (slots[s] for s in FIGURE_SLOTS)
        for i, row in enumerate(rows):
            row1 = str(row)
            yield Observation(
                measure=measure[i],
                period=period[i],
                location=Location(file=file, sheet=sheet, row=row, column=anchor),
                value=values[i],
                numerator=nums[i],
                denominator=dens[i],
                commentary=texts[i],
                target=targets[i].number,
                comparators={n: v[i] for n, v in compared if v[i] is not None},
                area=area[i],
                cells={name: letter + row1 for name, letter in letters},
            )


def row_identities(tables: Sequence[IndicatorTable]) -> list[Any]:
    """Per table, an int64 array naming each row's (measure, period, area) across all the
    tables: equal numbers, same measure, period and area (compared by :func:`area_key`)."""
    import numpy as np

    ids: dict[object, int] = {}
    keys = []
    for table in tables:
        measure = np.array([ids.setdefault(m, len(ids)) for m in table.measures], dtype=np.int64)
        period = np.array([ids.setdefault(p, len(ids)) for p in table.periods], dtype=np.int64)
        area = np.array(
            [ids.setdefault(area_key(a) if a else None, len(ids)) for a in table.areas] or [0],
            dtype=np.int64,
        )
        where = (
            area[table.area]
            if table.area is not None
            else np.full(len(table), ids.setdefault(None, len(ids)), dtype=np.int64)
        )
        keys.append((measure[table.measure], period[table.period], where))
    width = len(ids) + 1
    return [(m * width + p) * width + a for m, p, a in keys]
