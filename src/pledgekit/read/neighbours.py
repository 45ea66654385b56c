"""DfE's statistical-neighbour model table: each council's ten nearest councils.

A CSV with one row per council: ``old_la_code, la_name, region_ind, region_name``, then ``SN_1``
to ``SN_10`` (the neighbours' old three-digit LA codes, nearest first) and ``SN_1P`` to
``SN_10P`` (a closeness word: "Very close", "Close", "Somewhat close"). Column names are matched
without regard to case, spaces or underscores, and the file may begin with a byte-order mark.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from pledgekit.model.errors import InputError
from pledgekit.read.bounded_text import printable_names, text_lines
from pledgekit.read.ees import looks_like_header

_SN = re.compile(r"^sn_?(\d+)$")
_SN_WORD = re.compile(r"^sn_?(\d+)_?p$")


def _key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


@dataclass(frozen=True, slots=True)
class Neighbour:
    """One statistical neighbour: its old LA code and how close the model puts it."""

    code: str
    closeness: str | None = None


@dataclass(frozen=True)
class NeighbourTable:
    """The model table: each council's old LA code to its neighbours, nearest first."""

    path: str
    neighbours: dict[str, tuple[Neighbour, ...]]
    names: dict[str, str]
    #: Councils whose row names a neighbour more than once (or itself), with those codes; the
    #: repeats are left out of ``neighbours``.
    repeated: dict[str, list[str]] = field(default_factory=dict)

    def of(self, old_code: str) -> tuple[Neighbour, ...] | None:
        """The neighbours of the council with this old LA code, or None if it has no row."""
        return self.neighbours.get(_code(old_code))


def _code(text: str) -> str:
    """Old LA codes are three digits; spreadsheets drop the leading zeros of none, but be safe."""
    cleaned = text.strip()
    return cleaned.zfill(3) if cleaned.isdigit() else cleaned


def read_neighbours(path: Path) -> NeighbourTable:
    """Read the model table; :class:`InputError` naming the file (never quoting it) when it is
    not one. A neighbour named twice in a row is kept once and listed in ``repeated``."""
    try:
        rows = list(csv.reader(text_lines(path)))
    except csv.Error as exc:
        raise InputError(f"{path}: cannot read the file as CSV ({exc})") from exc
    if not rows:
        raise InputError(f"{path}: the file is empty")
    if not looks_like_header(rows[0]):
        raise InputError(
            f"{path}: not a CSV statistical-neighbour table with a header row (DfE's begins "
            "old_la_code, la_name, ..., SN_1, SN_1P ...)"
        )
    header = [_key(h) for h in rows[0]]
    if "old_la_code" not in header:
        raise InputError(
            f"{path}: not a statistical-neighbour table: no 'old_la_code' column "
            f"(columns: {printable_names(rows[0])})"
        )
    code_at = header.index("old_la_code")
    name_at = header.index("la_name") if "la_name" in header else None
    slots: dict[int, int] = {}
    words: dict[int, int] = {}
    for index, name in enumerate(header):
        if match := _SN_WORD.match(name):
            words[int(match[1])] = index
        elif match := _SN.match(name):
            slots[int(match[1])] = index
    if not slots:
        raise InputError(f"{path}: no neighbour columns SN_1 ... SN_10 found")
    table: dict[str, tuple[Neighbour, ...]] = {}
    names: dict[str, str] = {}
    repeated: dict[str, list[str]] = {}
    for row in rows[1:]:
        if len(row) <= code_at or not row[code_at].strip():
            continue
        code = _code(row[code_at])
        if name_at is not None and name_at < len(row):
            names[code] = row[name_at].strip()
        found: list[Neighbour] = []
        seen = {code}
        for slot in sorted(slots):
            at = slots[slot]
            cell = row[at].strip() if at < len(row) else ""
            if not cell:
                continue
            if _code(cell) in seen:
                repeated.setdefault(code, []).append(_code(cell))
                continue
            seen.add(_code(cell))
            word_at = words.get(slot)
            word = row[word_at].strip() if word_at is not None and word_at < len(row) else ""
            found.append(Neighbour(_code(cell), word or None))
        table[code] = tuple(found)
    return NeighbourTable(str(path), table, names, repeated)
