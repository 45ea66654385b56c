"""The indicator rows of every file read, held as columns: integer codes into distinct values.

A national file repeats 150 area codes, 40 measure ids, 20 periods and a few thousand distinct
figures over 120,000 rows. Each distinct cell value is kept once; a row is a handful of small
integers (numpy arrays), and an :class:`~pledgekit.model.observation.Observation` with its
:class:`~pledgekit.model.location.Location` is built only when someone asks for that row.
This is the one form the dataset takes above ``read/``: rules are written as arrays over it.

numpy is imported where a table is built or asked about, not at import, so importing the model
stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pledgekit.model.location import Location
from pledgekit.model.observation import Observation
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


@dataclass(frozen=True)
class Source:
    """Where rows were read: the file and sheet, each field's column letter (``letters``) and
    the letter a row's location points at (``anchor``, the value column)."""

    file: str
    sheet: str | None
    anchor: str
    letters: tuple[tuple[str, str], ...]


@dataclass(frozen=True, eq=False)
class IndicatorTable:
    """Indicator rows, column by column.

    ``rows`` holds each row's 1-based sheet row and ``source`` its code into ``sources``.
    ``measure``, ``period``, ``area`` and ``commentary`` are codes into ``measures``,
    ``periods``, ``areas`` and ``texts`` (a row without an area or commentary points at None);
    each figure slot (``figures``: value, numerator, denominator, target) and comparator
    (``comparators``) is a code into ``readings``. A slot no sheet has is absent (MISSING).
    """

    rows: Codes
    source: Codes
    sources: Sequence[Source]
    measure: Codes
    measures: Sequence[str]
    period: Codes
    periods: Sequence[Period]
    area: Codes
    areas: Sequence[str | None]
    commentary: Codes
    texts: Sequence[str | None]
    figures: dict[str, Codes]
    comparators: dict[str, Codes]
    readings: Sequence[Reading]
    #: Observations built so far, by row index: the checks and the scorecard ask for the same
    #: home rows, which are built once.
    _built: dict[int, Observation] = field(default_factory=dict, init=False, repr=False)
    _numbers: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    def __len__(self) -> int:
        return len(self.rows)

    def flags(self, slot: str, test: Callable[[Reading], bool]) -> Any:
        """A boolean array: ``test`` holds for the slot's reading, row by row.

        ``test`` runs once per distinct reading, not once per row. A slot no sheet has reads
        as MISSING.
        """
        import numpy as np

        codes = self.figures.get(slot)
        if codes is None:
            return np.full(len(self.rows), test(MISSING), dtype=bool)
        return np.array([test(r) for r in self.readings], dtype=bool)[codes]

    def numbers(self, slot: str) -> Any:
        """The slot's numbers per row as floats, NaN where the reading is not a number."""
        import numpy as np

        found = self._numbers.get(slot)
        if found is None:
            codes = self.figures.get(slot)
            if codes is None:
                found = np.full(len(self.rows), np.nan)
            else:
                per_reading = np.array(
                    [r.number if r.is_number else np.nan for r in self.readings], dtype=float
                )
                found = per_reading[codes] if len(per_reading) else np.full(len(codes), np.nan)
            self._numbers[slot] = found
        return found

    def measures_where(self, mask: Any) -> set[str]:
        """The measure ids of the rows where ``mask`` is true."""
        import numpy as np

        return {self.measures[c] for c in np.unique(self.measure[mask]).tolist()}

    def areas_present(self) -> set[str]:
        """The areas rows name (as written), without the None of rows that name none."""
        import numpy as np

        return {a for c in np.unique(self.area).tolist() if (a := self.areas[c]) is not None}

    def home(self, area: str | None) -> Any | None:
        """Which rows are the home council's: a boolean array, or None when it cannot be told.

        Rows without an area are the home council's. With areas named, ``area`` (pledge.yaml's
        ``area:``, compared by :func:`area_key`) picks the home council's rows, or without one
        the only area there is. None when there are several areas and no ``area``, or when
        ``area`` has no rows. This is the one place the home council is chosen.
        """
        import numpy as np

        keys = {area_key(a) for a in self.areas_present()}
        wanted = area_key(area) if area else None
        if wanted is None and len(keys) > 1:
            return None
        if keys and wanted is not None and wanted not in keys:
            return None
        if wanted is None:
            wanted = next(iter(keys), None)
        mine = np.array([a is None or area_key(a) == wanted for a in self.areas], dtype=bool)
        return mine[self.area] if len(mine) else np.ones(len(self), dtype=bool)

    def home_problem(self, area: str | None) -> str:
        """Why :meth:`home` cannot tell the home council's rows (when it returns None)."""
        present = sorted(self.areas_present())
        shown = ", ".join(present[:5]) + (" ..." if len(present) > 5 else "")
        if area:
            return (
                f"no rows for area {area!r} (the 'area:' in pledge.yaml); the workbook has {shown}"
            )
        return (
            f"the workbook has figures for {len(present)} areas ({shown}); set 'area:' in "
            "pledge.yaml to the code or name of this council"
        )

    def identities(self) -> Any:
        """An int64 array naming each row's (measure, period, area compared by
        :func:`area_key`): equal numbers, the same measure, period and area."""
        import numpy as np

        ids: dict[object, int] = {}
        measure = np.array([ids.setdefault(m, len(ids)) for m in self.measures], dtype=np.int64)
        period = np.array([ids.setdefault(p, len(ids)) for p in self.periods], dtype=np.int64)
        area = np.array(
            [ids.setdefault(area_key(a) if a else None, len(ids)) for a in self.areas],
            dtype=np.int64,
        )
        width = len(ids) + 1
        if not len(self):
            return np.zeros(0, dtype=np.int64)
        return (measure[self.measure] * width + period[self.period]) * width + area[self.area]

    def take(self, keep: Any) -> IndicatorTable:
        """The rows where the boolean array ``keep`` is true (distinct values kept as they are)."""
        return replace(
            self,
            rows=self.rows[keep],
            source=self.source[keep],
            measure=self.measure[keep],
            period=self.period[keep],
            area=self.area[keep],
            commentary=self.commentary[keep],
            figures={slot: codes[keep] for slot, codes in self.figures.items()},
            comparators={name: codes[keep] for name, codes in self.comparators.items()},
        )

    def with_figures(self, which: Any, reading: Reading) -> IndicatorTable:
        """The table with the value, numerator and denominator of the row indices ``which``
        replaced by ``reading``."""
        import numpy as np

        readings = [*self.readings, reading, MISSING]
        figures = dict(self.figures)
        for slot in FIGURE_SLOTS[:3]:
            codes = figures.get(slot)
            codes = (
                np.full(len(self), len(readings) - 1, dtype=np.int32)
                if codes is None
                else codes.copy()
            )
            codes[which] = len(readings) - 2
            figures[slot] = codes
        return replace(self, figures=figures, readings=readings)

    def observations(self, which: Iterable[int] | None = None) -> list[Observation]:
        """The observations of all rows (in table order), or of the row indices ``which``."""
        built = self._built
        wanted = range(len(self.rows)) if which is None else list(which)
        missing = [i for i in wanted if i not in built]
        if missing:
            built.update(zip(missing, self._build(missing), strict=True))
        return [built[i] for i in wanted]

    def where(self, mask: Any) -> list[Observation]:
        """The observations of the rows where the boolean array ``mask`` is true, in order."""
        import numpy as np

        return self.observations(np.flatnonzero(mask).tolist())

    def _build(self, which: Sequence[int]) -> Iterator[Observation]:
        picked = list(which)
        rows = self.rows[picked].tolist()
        sources = [self.sources[c] for c in self.source[picked].tolist()]
        measure = [self.measures[c] for c in self.measure[picked].tolist()]
        period = [self.periods[c] for c in self.period[picked].tolist()]
        area = [self.areas[c] for c in self.area[picked].tolist()]
        texts = [self.texts[c] for c in self.commentary[picked].tolist()]
        readings = self.readings
        missing: list[Reading] = [MISSING] * len(rows)
        slots = {
            slot: [readings[c] for c in codes[picked].tolist()] if codes is not None else missing
            for slot in FIGURE_SLOTS
            for codes in (self.figures.get(slot),)
        }
        compared = [
            (name, [readings[c].number for c in codes[picked].tolist()])
            for name, codes in self.comparators.items()
        ]
        values, nums, dens, targets = (slots[s] for s in FIGURE_SLOTS)
        for i, row in enumerate(rows):
            src, row1 = sources[i], str(row)
            yield Observation(
                measure=measure[i],
                period=period[i],
                location=Location(src.file, src.sheet, row or None, src.anchor),
                value=values[i],
                numerator=nums[i],
                denominator=dens[i],
                commentary=texts[i],
                target=targets[i].number,
                comparators={n: v[i] for n, v in compared if v[i] is not None},
                area=area[i],
                cells={name: letter + row1 for name, letter in src.letters},
            )
