"""The SSDA903 ("903") return as data: its tables, their typed columns, one collection year.

These are the shapes the 903 reader (``read/ssda903``) produces and the measures
(``records/``) consume. They live in ``model`` because both layers speak them: ``read`` sits
below ``records`` and may not import it. ``pledgekit.records.frames`` re-exports them.

Frame columns (the reader's promise): the table's columns, upper-case names as in
:data:`TABLES`; ``CHILD`` as a categorical of str (stripped) whose categories are the same
in every table of every year read together, so its codes identify a child across them;
:data:`DATE_COLUMNS` as ``datetime64[ns]`` with NaT where blank or unparseable;
:data:`NUMBER_COLUMNS` as float64 with NaN where blank or unparseable; every other column a
categorical of str, stripped, upper-case, ``""`` where blank; plus ``_file``
(str: the file's display name) and ``_row`` (int: the 1-based row in the CSV, the header being
row 1; for XML the 1-based index of the CHILD element) to locate findings. A row whose date or
number did not parse keeps its other values.
"""

from __future__ import annotations

__all__ = [
    "DATE_COLUMNS",
    "FILE_COLUMN",
    "NUMBER_COLUMNS",
    "OC2_FLAGS",
    "ROW_COLUMN",
    "TABLES",
    "Records903",
    "YearTables",
]

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas loads only when frames are built, so `pledgekit --help` stays fast
    import pandas as pd

#: OC2's outcome flags, each 0 or 1 (the last columns of the table, in its order).
OC2_FLAGS: tuple[str, ...] = (
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)

# Table name -> its columns, exactly as DfE's 903 guidance and the open validator name them.
TABLES: dict[str, tuple[str, ...]] = {
    "Header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "Episodes": (
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ),
    "UASC": ("CHILD", "SEX", "DOB", "DUC"),
    "Reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "OC2": ("CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", *OC2_FLAGS),
    "OC3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "AD1": (
        "CHILD",
        "DOB",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ),
    "PlacedAdoption": ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
    "PrevPerm": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "Missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "SWEpisodes": ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
}

DATE_COLUMNS: frozenset[str] = frozenset(
    {
        "DOB",
        "MC_DOB",
        "DECOM",
        "DEC",
        "DUC",
        "REVIEW",
        "DATE_INT",
        "DATE_MATCH",
        "DATE_PLACED",
        "DATE_PLACED_CEASED",
        "DATE_PERM",
        "MIS_START",
        "MIS_END",
        "SW_DECOM",
        "SW_DEC",
    }
)

#: Number columns: OC2's SDQ score and flags, and AD1's count of adopters.
NUMBER_COLUMNS: frozenset[str] = frozenset({"SDQ_SCORE", *OC2_FLAGS, "NB_ADOPTR"})

# The two columns the reader adds to every frame, to locate a finding without its value.
FILE_COLUMN = "_file"
ROW_COLUMN = "_row"


@dataclass(frozen=True)
class YearTables:
    """The 903 tables of one collection year, as read from the council's files.

    ``year`` is the collection year by its END: 2025 for 2024-25 (DfE's time period 202425).
    ``tables`` maps a table name of :data:`TABLES` to its frame; a table not given is absent.
    """

    year: int
    tables: Mapping[str, pd.DataFrame]


@dataclass(frozen=True)
class Records903:
    """Every collection year given, by ending year."""

    years: Mapping[int, YearTables]
