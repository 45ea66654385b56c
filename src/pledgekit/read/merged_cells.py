"""Merged cells' values copied into the rows they span, over rows read a slice at a time.

A spreadsheet keeps a merged cell's value in its first (top-left) cell only; the other cells of
the merge read as blank. A measure or period merged down a block of rows belongs to every row
of the block, so the reader copies it down. A national sheet is read a slice of rows at a time,
so the copying works on whatever slice it is given, remembering each merge's value from the
slice that held its first cell.

A file may list merges far beyond its cells, or hundreds of thousands of them (a 935 KB file
can hold 200,000 merges each a row wide): :func:`bounded_merges` cuts them to the cells the
sheet holds, and refuses merges that together cover more cells than that, as they can only do
by overlapping (which no spreadsheet program writes). Filling then costs at most one step for
each cell the sheet holds, whatever the file lists.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from pledgekit.model.errors import InputError
from pledgekit.model.location import column_letter
from pledgekit.read.xlsx_styles import MergedRange


def bounded_merges(
    merged: Iterable[MergedRange], end: tuple[int, int] | None, where: str
) -> list[MergedRange]:
    """The merges cut to the sheet's cells, from A1 to ``end`` (its last row and column,
    0-based; None for an empty sheet), in the file's order; merges wholly beyond are dropped.

    Raises :class:`InputError` (``where`` names the file and sheet) when the merges, so cut,
    cover more cells than the sheet holds: they overlap.
    """
    if end is None:
        return []
    last_row, last_col = end
    kept: list[MergedRange] = []
    covered = 0
    for (top, left), (bottom, right) in merged:
        if top > last_row or left > last_col:
            continue
        bottom, right = min(bottom, last_row), min(right, last_col)
        kept.append(((top, left), (bottom, right)))
        covered += (bottom - top + 1) * (right - left + 1)
    cells = (last_row + 1) * (last_col + 1)
    if covered > cells:
        raise InputError(
            f"{where}: the {len(kept):,} merged ranges cover {covered:,} cells where the sheet "
            f"has {cells:,} (to {column_letter(last_col)}{last_row + 1}): merged ranges that "
            "overlap, which no spreadsheet program writes; unmerge and merge them again"
        )
    return kept


class MergeFill:
    """Copies each merged cell's value into the rows it spans, in some columns only.

    Only merges starting below row ``below`` (the header) count, and only ``columns`` are
    filled: merged figure cells are left alone, as copying a number would double count it.
    Merges apply in the order the file lists them, each copying the value its first cell holds
    once the merges before it have applied (as filling the whole sheet at once would), however
    the rows are cut into slices.
    """

    def __init__(self, merged: Sequence[MergedRange], below: int, columns: Iterable[int]) -> None:
        wanted = sorted(set(columns))
        # The wanted columns a merge spans, found by bisection: a merge A:XFD costs no more
        # than one of a single column.
        spans = (
            (top, left, bottom, wanted[bisect_left(wanted, left) : bisect_right(wanted, right)])
            for (top, left), (bottom, right) in merged
            if top > below
        )
        # (first row, first column, last row, columns to fill), for merges that fill anything.
        self._spans = [span for span in spans if span[3]]
        # Merges by first row, to take up as the slices reach them; the ones taken up that may
        # still fill rows, in the file's order: a slice looks at these only.
        self._waiting = sorted(range(len(self._spans)), key=lambda i: -self._spans[i][0])
        self._open: list[int] = []
        # Each merge's value, by its place in _spans, once its first row has been read; a merge
        # whose first cell is beyond the row's end has none and fills nothing.
        self._values: dict[int, object] = {}

    def fill(self, rows: Sequence[list[object]], first: int) -> None:
        """Fill ``rows`` in place: the sheet's rows from 0-based row ``first``, in sheet order
        (slices given one after another, from the top)."""
        end = first + len(rows)
        spans, waiting, reached = self._spans, self._waiting, []
        while waiting and spans[waiting[-1]][0] < end:
            reached.append(waiting.pop())
        self._open = sorted(i for i in [*self._open, *reached] if spans[i][2] >= first)
        for index in self._open:
            top, left, bottom, columns = spans[index]
            if first <= top < end and left < len(rows[top - first]):
                self._values[index] = rows[top - first][left]
            if index not in self._values:
                continue
            value = self._values[index]
            for row in rows[max(top + 1, first) - first : min(bottom + 1, end) - first]:
                for col in columns:
                    row[col] = value
