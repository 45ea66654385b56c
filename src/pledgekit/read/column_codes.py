"""A table's columns as codes into their distinct values, built from its rows a slice at a time.

A national sheet of a million rows is never held as Python lists all at once (that alone is
400 MB): its rows come a slice at a time, each slice is coded column by column, and only the
codes (four bytes a cell) and each column's distinct values are kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any

_SIMPLE_TYPES = frozenset({str, float, type(None)})


def _numbering(known: dict[object, int]) -> defaultdict[object, int]:
    """``known`` (value -> code, codes 0 to n - 1) giving a value met for the first time the
    next code: looking a column's values up numbers them, in one pass in C."""
    numbering = defaultdict(int, known)
    numbering.default_factory = numbering.__len__
    return numbering


class _Column:
    """One column's distinct values so far (numbered in order of first appearance) and the
    codes of the slices read."""

    def __init__(self) -> None:
        self.index = _numbering({})
        self.tagged = False
        self.parts: list[Any] = []

    def add(self, values: list[object]) -> None:
        import numpy as np

        keys = values
        if not self.tagged and not set(map(type, values)) <= _SIMPLE_TYPES:
            # Text, floats and None never equal one another, so the codes so far stand when
            # their values are keyed by type too.
            self.tagged = True
            self.index = _numbering({(type(v), v): code for v, code in self.index.items()})
        if self.tagged:
            keys = list(zip(map(type, values), values, strict=True))
        self.parts.append(
            np.fromiter(map(self.index.__getitem__, keys), dtype=np.int32, count=len(keys))
        )

    def done(self) -> tuple[Any, list[object]]:
        import numpy as np

        codes = np.concatenate(self.parts) if self.parts else np.zeros(0, dtype=np.int32)
        if self.tagged:
            return codes, [key[1] for key in self.index]  # type: ignore[index]
        return codes, list(self.index)


class ColumnCodes:
    """Codes for some columns of a table, fed its rows slice by slice in order.

    Each column becomes codes into its distinct values (an int32 array, one per row), numbered
    in order of first appearance, as if the whole column had been coded at once. Values of
    different types are kept apart (True, 1 and 1.0 are equal in Python but not in a
    spreadsheet); a column of text and floats, the usual case, needs no tagging. The loops run
    in C (``map`` over a ``defaultdict`` that numbers a value when first looked up): this is the
    one pass over every cell.
    """

    def __init__(self, columns: Iterable[int]) -> None:
        self._columns = {col: _Column() for col in columns}
        self._done: dict[int, tuple[Any, list[object]]] = {}
        #: Rows coded so far.
        self.count = 0

    def add(self, rows: Sequence[Sequence[object]]) -> None:
        """Code the next slice of rows (each at least as wide as the widest column coded)."""
        for col, column in self._columns.items():
            column.add(list(map(itemgetter(col), rows)))
        self.count += len(rows)

    def column(self, col: int) -> tuple[Any, list[object]]:
        """The column's codes (an int32 array, one per row) and its distinct values, once every
        row has been added."""
        known = self._done.get(col)
        if known is None:
            known = self._done[col] = self._columns.pop(col).done()
        return known
