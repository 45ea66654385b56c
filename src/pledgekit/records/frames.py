"""Placeholder copy of the SSDA903 frame types from /work/SSDA903_INTERFACE.md (records903 owns
this module; read903's copy is replaced by theirs on merge)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

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
    "OC2": (
        "CHILD",
        "DOB",
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
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
    "DOB MC_DOB DECOM DEC DUC REVIEW DATE_INT DATE_MATCH DATE_PLACED DATE_PLACED_CEASED "
    "DATE_PERM MIS_START MIS_END SW_DECOM SW_DEC".split()
)
NUMBER_COLUMNS: frozenset[str] = frozenset(
    "SDQ_SCORE CONVICTED HEALTH_CHECK IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT "
    "SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED NB_ADOPTR".split()
)


@dataclass(frozen=True)
class YearTables:
    """The 903 tables of one collection year, as read from the council's files."""

    year: int
    tables: Mapping[str, pd.DataFrame]


@dataclass(frozen=True)
class Records903:
    """Every collection year given, by ending year."""

    years: Mapping[int, YearTables]
