"""Which collection year a 903 file belongs to, and collection years as users write them.

A collection year runs 1 April to 31 March and is known here by the year it ENDS (2025 for
2024-25, DfE's time period 202425, which DfE also labels 2025). A file's year is, in order:

1. ``--file-year FILE=YEAR`` (FILE may be a folder: every file under it);
2. a year written in the file's name or its folders' names, unambiguously: ``2024-25``,
   ``2024_25``, ``2024/25``, ``202425`` or ``2024-2025`` (a bare ``2024`` is not taken: councils
   use it for both the year starting and the year ending);
3. the dates of the return's episodes: the collection year holding the latest DECOM or DEC
   (a year's return holds every episode open in the year, and none after its 31 March).

Files in one folder whose names carry the same digits (``2017-header.csv`` and
``2017-episodes.csv``; ``header.csv`` and ``oc2.csv``) are one return and share a year, so the
tables without episodes take the year of the Episodes table beside them. A file whose year none
of these tells is reported and not used: the year is never guessed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

_SPAN = re.compile(r"(?<!\d)(\d{4})[-_/ ]?(\d{2}|\d{4})(?!\d)")
_DIGITS = re.compile(r"\d{4,}")
_YEAR_TEXT = re.compile(r"^\s*(\d{4})(?:\s*[-_/]?\s*(\d{2}|\d{4}))?\s*$")


def year_label(year: int) -> str:
    """The ending year as the financial-year label: 2025 -> "2024-25"."""
    return f"{year - 1}-{year % 100:02d}"


def parse_year(text: str) -> int:
    """A collection year as written by a user (2024-25, 2024/25, 202425, 2025, 2024-2025) as its
    ending year; ValueError naming the accepted forms otherwise."""
    found = _YEAR_TEXT.match(text)
    if found:
        first, second = int(found.group(1)), found.group(2)
        if second is None and 1990 < first < 2100:
            return first
        if second is not None and _follows(first, second):
            return first + 1
    raise ValueError(
        f"{text!r} is not a collection year: write it as 2024-25, 202425 or 2025 (the year "
        "ending 31 March 2025)"
    )


def _follows(first: int, second: str) -> bool:
    """True when ``second`` (two or four digits) is the year after ``first``."""
    nxt = first + 1
    return int(second) == (nxt if len(second) == 4 else nxt % 100) and 1990 < first < 2100


def name_year(path: Path, levels: int = 3) -> int | None:
    """The collection year written in the file's name or its nearest folders' names (see the
    module docstring), or None."""
    for part in [path.stem, *(p.name for p in list(path.parents)[:levels])]:
        for first, second in _SPAN.findall(part):
            if _follows(int(first), second):
                return int(first) + 1
    return None


def return_key(path: Path) -> tuple[str, str]:
    """The files that form one return share this key: their folder and their names' digits."""
    return str(path.resolve().parent), "-".join(_DIGITS.findall(path.stem))


def dates_year(episodes: pd.DataFrame) -> int | None:
    """The collection year holding the latest DECOM or DEC of a typed Episodes frame."""
    latest = pd.concat([episodes["DECOM"], episodes["DEC"]]).max()
    if pd.isna(latest):
        return None
    return int(latest.year) + (1 if latest.month >= 4 else 0)
