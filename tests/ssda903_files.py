"""Synthetic SSDA903 returns on disk: several years' CSV files for many children, vectorised.

For the 903 command's end-to-end, leak and speed tests. Every value is random (no real child):
children come into care over the years in one or more periods of care, each a run of episodes
(changes of placement or legal status) and each year's return holds the episodes open at any
time in that year (DEC and REC blank when the episode was still open at 31 March), with a
Header row per child, OC2 rows for the children looked after all year, OC3 rows for care
leavers aged 17 to 21 and Missing rows for some. ``plant`` gives every child a UPN, full
postcodes and a date of birth that the leak tests then look for in every output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pledgekit.model.ssda903_tables import TABLES

_DAY = np.timedelta64(1, "D")
_LS = (
    ["C2", "C1", "V2", "E1", "J2", "L1", "V3", "V4"],
    [0.5, 0.12, 0.18, 0.08, 0.03, 0.03, 0.03, 0.03],
)
_PLACE = (
    ["U1", "U3", "U4", "U5", "U6", "K2", "K3", "P1", "P2", "R1", "A3", "A5", "T1", "Z1", "S1"],
    [0.06, 0.06, 0.3, 0.12, 0.1, 0.12, 0.05, 0.05, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02],
)
_LEAVE = (["E11", "E12", "E13", "E41", "E45", "E4A", "E5", "E3", "E8"], None)
_ACTIV = ["F1", "F2", "P1", "P2", "G4", "G5", "G6", "0"]
_ACCOM = ["S1", "S2", "B1", "T1", "V2", "G1", "R1", "0"]


@dataclass
class Planted:
    """The child-level values written, for the leak tests to look for."""

    upns: list[str] = field(default_factory=list)
    postcodes: list[str] = field(default_factory=list)
    births: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)


def _dates(days: np.ndarray) -> np.ndarray:
    return (np.datetime64("1970-01-01") + days.astype("int64") * _DAY).astype("datetime64[D]")


def _text(dates: np.ndarray) -> pd.Series:
    """Dates as dd/mm/yyyy, blank for NaT."""
    series = pd.Series(pd.to_datetime(dates))
    return series.dt.strftime("%d/%m/%Y").fillna("")


def write_returns(
    folder: Path, *, children: int, years: tuple[int, ...] = (2025,), seed: int = 903
) -> Planted:
    """Write one folder per collection year (``folder/2024-25/...``) for ``children`` children.

    Each child has one to three periods of care of one to six episodes. Returns what was
    planted: every child's UPN, postcodes, date of birth (as written) and CHILD id.
    """
    rng = np.random.default_rng(seed)
    first, last = min(years), max(years)
    start = np.datetime64(f"{first - 4}-04-01").astype("int64")
    end = np.datetime64(f"{last}-03-31").astype("int64")
    # Nine-digit ids, all different: distinctive enough for the leak tests to search for.
    ids = (rng.permutation(9 * 10**8 // 7919)[:children] * 7919 + 10**8).astype(str)
    birth = end - rng.integers(2 * 365, 20 * 365, children)
    upn = np.array([f"A{n:012d}" for n in rng.integers(10**11, 10**12, children)])
    post = np.array([f"ZZ{n % 90 + 1} {n % 9}XY" for n in rng.integers(0, 10**6, children)])

    # Episodes: per child a first DECOM, then runs of episodes, each lasting 20 to 700 days.
    counts = rng.integers(1, 7, children)
    owner = np.repeat(np.arange(children), counts)
    rows = len(owner)
    length = rng.integers(20, 700, rows)
    offset = np.cumsum(length) - length
    first_in = np.repeat(np.cumsum(counts) - counts, counts)
    begin = np.repeat(rng.integers(start, end - 30, children), counts)
    decom = begin + offset - offset[first_in]
    dec = decom + length
    last_of = np.r_[owner[1:] != owner[:-1], True]
    opening = np.r_[True, owner[1:] != owner[:-1]]
    ceased_with = rng.choice(_LEAVE[0], rows)
    rec = np.where(last_of, ceased_with, "X1")
    rne = np.where(
        opening, "S", rng.choice(["P", "T", "L", "B", "U"], rows, p=[0.6, 0.1, 0.2, 0.05, 0.05])
    )
    ls = rng.choice(_LS[0], rows, p=_LS[1])
    place = rng.choice(_PLACE[0], rows, p=np.array(_PLACE[1]) / sum(_PLACE[1]))
    # A fifth of the children are still in care: their last episode is open.
    still = np.repeat(rng.random(children) < 0.2, counts) & last_of
    dec = np.where(still, np.iinfo(np.int64).max // 2, dec)
    episodes = pd.DataFrame(
        {
            "CHILD": ids[owner],
            "DECOM": decom,
            "RNE": rne,
            "LS": ls,
            "CIN": rng.choice(["N1", "N2", "N4", "N8"], rows),
            "PLACE": place,
            "PLACE_PROVIDER": rng.choice(["PR1", "PR2", "PR4"], rows),
            "DEC": dec,
            "REC": rec,
            "REASON_PLACE_CHANGE": np.where(rne == "P", "CARPL", ""),
            "HOME_POST": post[owner],
            "PL_POST": np.array(
                [f"YY{n % 50 + 1} {n % 9}AB" for n in rng.integers(0, 10**6, rows)]
            ),
            "URN": rng.integers(1000000, 9999999, rows).astype(str),
        }
    )
    for year in years:
        _write_year(folder, year, episodes, ids, birth, upn, rng)
    return Planted(
        upns=list(upn),
        postcodes=sorted(set(post) | set(episodes["PL_POST"])),
        births=list(_text(_dates(birth))),
        children=list(ids),
    )


def _write_year(
    folder: Path,
    year: int,
    episodes: pd.DataFrame,
    ids: np.ndarray,
    birth: np.ndarray,
    upn: np.ndarray,
    rng: np.random.Generator,
) -> None:
    """One year's return: the episodes open in the year and each table for those children."""
    year_start = np.datetime64(f"{year - 1}-04-01").astype("int64")
    year_end = np.datetime64(f"{year}-03-31").astype("int64")
    seen = episodes[(episodes["DECOM"] <= year_end) & (episodes["DEC"] >= year_start)].copy()
    open_at_end = seen["DEC"] > year_end
    seen["REC"] = seen["REC"].where(~open_at_end, "")
    seen["DECOM"] = _text(_dates(seen["DECOM"].to_numpy())).to_numpy()
    seen["DEC"] = np.where(
        open_at_end, "", _text(_dates(np.minimum(seen["DEC"], year_end).to_numpy())).to_numpy()
    )
    out = folder / f"{year - 1}-{year % 100:02d}"
    out.mkdir(parents=True, exist_ok=True)
    seen.to_csv(out / "episodes.csv", index=False)
    index = pd.Index(ids).get_indexer(seen["CHILD"].unique())
    header = pd.DataFrame(
        {
            "CHILD": ids[index],
            "SEX": rng.choice(["1", "2"], len(index)),
            "DOB": _text(_dates(birth[index])).to_numpy(),
            "ETHNIC": rng.choice(["WBRI", "MWBC", "BAFR", "AIND"], len(index)),
            "UPN": upn[index],
            "MOTHER": "",
            "MC_DOB": "",
        }
    )
    header.to_csv(out / "header.csv", index=False)
    n = len(header)
    flags = {c: rng.choice(["0", "1"], n, p=[0.15, 0.85]) for c in TABLES["OC2"][4:]}
    oc2 = pd.DataFrame(
        {
            "CHILD": header["CHILD"],
            "DOB": header["DOB"],
            "SDQ_SCORE": rng.integers(0, 41, n).astype(str),
            "SDQ_REASON": "",
            **flags,
        }
    )
    oc2[open_at_end.groupby(seen["CHILD"]).any().reindex(header["CHILD"]).to_numpy()].to_csv(
        out / "oc2.csv", index=False
    )
    age = (year_end - birth[index]) / 365.25
    leavers = header[(age >= 17) & (age < 22)]
    pd.DataFrame(
        {
            "CHILD": leavers["CHILD"],
            "DOB": leavers["DOB"],
            "IN_TOUCH": rng.choice(["YES", "NO", "REFU"], len(leavers), p=[0.85, 0.1, 0.05]),
            "ACTIV": rng.choice(_ACTIV, len(leavers)),
            "ACCOM": rng.choice(_ACCOM, len(leavers)),
        }
    ).to_csv(out / "oc3.csv", index=False)
    gone = header.sample(frac=0.1, random_state=int(rng.integers(0, 2**31)))
    went = year_start + rng.integers(0, 360, len(gone))
    pd.DataFrame(
        {
            "CHILD": gone["CHILD"],
            "DOB": gone["DOB"],
            "MISSING": rng.choice(["M", "A"], len(gone)),
            "MIS_START": _text(_dates(went)).to_numpy(),
            "MIS_END": _text(_dates(went + 2)).to_numpy(),
        }
    ).to_csv(out / "missing.csv", index=False)
