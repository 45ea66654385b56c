"""Where something was found: a file and a sheet cell, or a YAML line."""

from __future__ import annotations

from dataclasses import dataclass


def column_letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str | bytes) -> int:
    """0-based column index of column letters (A -> 0, AA -> 26, XFD -> 16383)."""
    index = 0
    for char in letters.decode() if isinstance(letters, bytes) else letters:
        index = index * 26 + ord(char) - 64
    return index - 1


@dataclass(frozen=True, slots=True)
class Location:
    """A place in an input file. Rows, columns and lines are 1-based, as users see them."""

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    line: int | None = None
    col: int | None = None
    field: str | None = None

    @classmethod
    def cell(cls, file: str, sheet: str | None, row0: int, col0: int) -> Location:
        """Location of a sheet cell from 0-based indices."""
        return cls(file=file, sheet=sheet, row=row0 + 1, column=column_letter(col0))

    @property
    def a1(self) -> str | None:
        """The A1 cell reference, when this is a cell."""
        if self.row is not None and self.column is not None:
            return f"{self.column}{self.row}"
        return None

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet is not None:
            cell = self.a1
            if cell:
                parts.append(f"sheet {self.sheet!r} cell {cell}")
            elif self.row is not None:
                parts.append(f"sheet {self.sheet!r} row {self.row}")
            else:
                parts.append(f"sheet {self.sheet!r}")
        elif self.row is not None and self.column is None:
            parts.append(f"row {self.row}")
        if self.line is not None:
            parts.append(f"line {self.line}" + (f", column {self.col}" if self.col else ""))
        if self.field:
            parts.append(self.field)
        return ", ".join(parts)

    def to_dict(self) -> dict[str, str | int | None]:
        """Plain dict for JSON output, with the A1 cell spelled out."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.a1,
            "row": self.row,
            "column": self.column,
            "line": self.line,
            "col": self.col,
            "field": self.field,
        }
