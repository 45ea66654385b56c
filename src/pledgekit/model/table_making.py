"""Making indicator tables: an empty one, one of several files' tables, one from observations.

Each distinct value is kept once in the table made (a measure id, a period, an area, a reading),
the rows' codes renumbered into the merged lists.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

from pledgekit.model.indicator_table import Codes, IndicatorTable, Source
from pledgekit.model.observation import Observation
from pledgekit.model.periods import Period
from pledgekit.model.values import MISSING, Reading, ValueState

V = TypeVar("V", bound=Hashable)


class _Distinct(dict[V, int]):
    """Distinct values numbered in order of first appearance."""

    def codes(self, values: Iterable[V]) -> Any:
        """Each value's number (an int32 array), numbering the ones met for the first time."""
        import numpy as np

        return np.array([self.setdefault(v, len(self)) for v in values], dtype=np.int32)


def empty_table() -> IndicatorTable:
    """A table of no rows."""
    import numpy as np

    none = np.zeros(0, dtype=np.int32)
    return IndicatorTable(
        rows=none,
        source=none,
        sources=[],
        measure=none,
        measures=[],
        period=none,
        periods=[],
        area=none,
        areas=[],
        commentary=none,
        texts=[],
        figures={},
        comparators={},
        readings=[],
    )


def combine(tables: Sequence[IndicatorTable]) -> IndicatorTable:
    """The rows of ``tables`` in one table, in order (a single table is returned as it is)."""
    import numpy as np

    tables = [t for t in tables if len(t)]
    if len(tables) < 2:
        return tables[0] if tables else empty_table()

    def merged(
        values: Callable[[IndicatorTable], Sequence[V]], codes: Callable[[IndicatorTable], Codes]
    ) -> tuple[list[V], Any]:
        distinct: _Distinct[V] = _Distinct()
        joined = np.concatenate([distinct.codes(values(t))[codes(t)] for t in tables])
        return list(distinct), joined.astype(np.int32)

    readings: _Distinct[Reading] = _Distinct({MISSING: 0})
    renumbered = [readings.codes(t.readings) for t in tables]

    def slots(get: Callable[[IndicatorTable], dict[str, Codes]]) -> dict[str, Codes]:
        # A slot one sheet lacks reads as MISSING (code 0) on its rows.
        names = dict.fromkeys(name for t in tables for name in get(t))
        return {
            name: np.concatenate(
                [
                    new[get(t)[name]] if name in get(t) else np.zeros(len(t), dtype=np.int32)
                    for t, new in zip(tables, renumbered, strict=True)
                ]
            ).astype(np.int32)
            for name in names
        }

    sources, source = merged(lambda t: t.sources, lambda t: t.source)
    measures, measure = merged(lambda t: t.measures, lambda t: t.measure)
    periods, period = merged(lambda t: t.periods, lambda t: t.period)
    areas, area = merged(lambda t: t.areas, lambda t: t.area)
    texts, commentary = merged(lambda t: t.texts, lambda t: t.commentary)
    return IndicatorTable(
        rows=np.concatenate([t.rows for t in tables]),
        source=source,
        sources=sources,
        measure=measure,
        measures=measures,
        period=period,
        periods=periods,
        area=area,
        areas=areas,
        commentary=commentary,
        texts=texts,
        figures=slots(lambda t: t.figures),
        comparators=slots(lambda t: t.comparators),
        readings=list(readings),
    )


def table_of(observations: Sequence[Observation]) -> IndicatorTable:
    """A table holding ``observations`` (as Python users and tests write rows), each row read
    back as an equal observation."""
    import numpy as np

    readings: _Distinct[Reading] = _Distinct()
    sources: _Distinct[Source] = _Distinct()
    measures: _Distinct[str] = _Distinct()
    periods: _Distinct[Period] = _Distinct()
    areas: _Distinct[str | None] = _Distinct()
    texts: _Distinct[str | None] = _Distinct()
    comparators = dict.fromkeys(n for o in observations for n in o.comparators)
    return IndicatorTable(
        rows=np.array([o.location.row or 0 for o in observations], dtype=np.int32),
        source=sources.codes(_source(o) for o in observations),
        sources=list(sources),
        measure=measures.codes(o.measure for o in observations),
        measures=list(measures),
        period=periods.codes(o.period for o in observations),
        periods=list(periods),
        area=areas.codes(o.area for o in observations),
        areas=list(areas),
        commentary=texts.codes(o.commentary for o in observations),
        texts=list(texts),
        figures={
            "value": readings.codes(o.value for o in observations),
            "numerator": readings.codes(o.numerator for o in observations),
            "denominator": readings.codes(o.denominator for o in observations),
            "target": readings.codes(_number(o.target) for o in observations),
        },
        comparators={
            n: readings.codes(_number(o.comparators.get(n)) for o in observations)
            for n in comparators
        },
        readings=list(readings),
    )


def _source(obs: Observation) -> Source:
    where = obs.location
    letters = tuple((name, cell.rstrip("0123456789")) for name, cell in obs.cells.items())
    return Source(where.file, where.sheet, where.column or "", letters)


def _number(number: float | None) -> Reading:
    return MISSING if number is None else Reading(ValueState.NUMBER, float(number))
