"""Realistic synthetic SSDA903 files over several years, for speed and leak tests.

``synthesize(children=2000, years=range(2021, 2026), seed=0)`` builds every child's care history
once (periods of care with X1-joined episodes, moves, legal statuses, short-break children,
adoptions and transfers) and cuts it into the yearly files a council sends: a year's Episodes
hold every episode open at any time in the year with its real DECOM (DEC and REC blank when it
ends after the year), with the Header, UASC, Reviews, OC2 (the children looked after all year),
OC3 (care leavers aged 17 to 21) and Missing tables of the same year. Proportions follow DfE's
national figures roughly (foster care about 70%, health assessments about 90%, care leavers in
education, employment or training about 55%), so computed measures look plausible.

Every value is random: no real child. Identifying values are planted so leak tests can grep
every output for them: ``Synthetic903.upns`` (13-character UPNs), ``postcodes`` (the partial
postcodes of HOME_POST and PL_POST, as councils write them, e.g. ``QX7 4``), ``dobs`` (dates of
birth as written, dd/mm/yyyy) and ``child_ids``. ``write(folder, ...)`` writes one folder per year
(``2024-25/episodes.csv``, ...). Fast: vectorised with numpy; 370k episode rows in a few seconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

DAY = np.timedelta64(1, "D")
# The synthetic histories start this many years before the first collection year.
HISTORY_YEARS = 8

_PLACES = ["U1", "U2", "U3", "U4", "U5", "U6", "K2", "K1", "R1", "H5", "K3", "P1", "P2", "S1", "Z1"]
_PLACE_WEIGHTS = [4, 2, 2, 30, 8, 24, 12, 0.5, 1, 2, 4, 6, 2, 1, 0.5]
_STATUSES = ["C2", "C1", "V2", "E1", "J2", "L2"]
_STATUS_WEIGHTS = [60, 12, 18, 6, 2, 2]
_MOVES = ["P", "L", "T", "U", "B"]
_MOVE_WEIGHTS = [45, 30, 8, 5, 12]
_ENDS = ["E4A", "E11", "E12", "E41", "E45", "E13", "E3", "E2", "E5", "E6", "E7", "E9", "E8"]
_END_WEIGHTS = [30, 8, 3, 6, 10, 5, 2, 0.3, 6, 6, 2, 1, 8]
_ACTIV_EET = ["F1", "F2", "F3", "F4", "F5", "P1", "P2", "P3", "P4", "P5"]
_ACTIV_NOT = ["G4", "G5", "G6"]
_ACCOM_TYPES = ["B", "C", "D", "E", "K", "S", "T", "U", "V", "W", "X", "Y", "Z", "G", "H", "R"]
_IN_TOUCH = ["YES", "NO", "REFU", "NREQ", "RHOM", "DIED"]
_IN_TOUCH_WEIGHTS = [86, 5, 3, 3, 2.5, 0.5]
_LETTERS = np.array(list("ABCDEFGHJKLMNPRSTUWXYZ"))


def _pick(rng: np.random.Generator, values: list[str], weights: list[float], n: int) -> np.ndarray:
    p = np.asarray(weights, dtype=float)
    return rng.choice(np.asarray(values, dtype=object), size=n, p=p / p.sum())


def _dates(values: np.ndarray) -> np.ndarray:
    """datetime64[D] -> 'dd/mm/yyyy' strings ('' for NaT)."""
    text = pd.Series(values).dt.strftime("%d/%m/%Y")
    return text.fillna("").to_numpy(dtype=object)


@dataclass
class Synthetic903:
    """Each year's tables as CSV-ready frames of strings, and the planted identifying values."""

    tables: dict[int, dict[str, pd.DataFrame]]
    upns: set[str] = field(default_factory=set)
    postcodes: set[str] = field(default_factory=set)
    dobs: set[str] = field(default_factory=set)
    child_ids: set[str] = field(default_factory=set)

    def episode_rows(self) -> int:
        """Episode rows over every year's file."""
        return sum(len(t["Episodes"]) for t in self.tables.values())

    def write(self, folder: Path) -> list[Path]:
        """One folder per year (``2024-25``), a CSV per table; the paths written."""
        paths = []
        for year, tables in sorted(self.tables.items()):
            where = folder / f"{year - 1}-{year % 100:02d}"
            where.mkdir(parents=True, exist_ok=True)
            for name, frame in tables.items():
                path = where / f"{name.lower()}.csv"
                frame.to_csv(path, index=False)
                paths.append(path)
        return paths


def _histories(rng: np.random.Generator, n: int, first: int, last: int) -> pd.DataFrame:
    """Every child's episodes over the whole span, as typed columns (dates datetime64[D])."""
    span_start = np.datetime64(f"{first - 1 - HISTORY_YEARS}-04-01")
    span_end = np.datetime64(f"{last}-03-31")
    days = int((span_end - span_start) / DAY)
    # One period of care per child; a child may come back (a second period) in a tenth of cases.
    child = np.arange(n)
    periods = 1 + (rng.random(n) < 0.1)
    pchild = np.repeat(child, periods)
    m = len(pchild)
    start = span_start + rng.integers(0, days, m) * DAY
    length = np.minimum(rng.exponential(900, m).astype(int) + 1, 6000)
    end = start + length * DAY
    # A second period begins after the first ends.
    second = np.r_[False, pchild[1:] == pchild[:-1]]
    start[second] = end[np.flatnonzero(second) - 1] + rng.integers(30, 700, second.sum()) * DAY
    end[second] = start[second] + length[second] * DAY
    open_now = end > span_end
    short_breaks = np.repeat(rng.random(n) < 0.03, periods)
    # Episodes within a period: 1 + Poisson(1.6), boundaries at sorted random points.
    k = 1 + rng.poisson(1.6, m)
    eperiod = np.repeat(np.arange(m), k)
    e = len(eperiod)
    offsets = rng.random(e)
    first_of = np.r_[True, eperiod[1:] != eperiod[:-1]]
    offsets[first_of] = 0.0
    order = np.lexsort((offsets, eperiod))
    offsets = offsets[order]
    plen = (end - start)[eperiod] / DAY
    decom = start[eperiod] + (offsets * plen).astype(int) * DAY
    last_of = np.r_[eperiod[1:] != eperiod[:-1], True]
    dec = np.empty(e, dtype="datetime64[D]")
    dec[:-1] = decom[1:]
    dec[last_of] = end[eperiod][last_of]
    # Zero-length episodes (two boundaries on one day) are dropped; the period's first kept
    # episode is its start (RNE S).
    keep = (dec > decom) | last_of
    first_kept = np.zeros(e, dtype=bool)
    idx = np.flatnonzero(keep)
    first_kept[idx[np.r_[True, eperiod[idx][1:] != eperiod[idx][:-1]]]] = True
    rne = _pick(rng, _MOVES, _MOVE_WEIGHTS, e)
    rne[first_kept] = "S"
    ls = _pick(rng, _STATUSES, _STATUS_WEIGHTS, e)
    place = _pick(rng, _PLACES, _PLACE_WEIGHTS, e)
    # Legal status changes (L) keep the placement; adoption comes late in some periods.
    same = np.r_[False, rne[1:] == "L"] & ~first_kept
    place[same] = place[np.flatnonzero(same) - 1]
    adopted = last_of & (rng.random(e) < 0.12) & ~first_of
    place[adopted] = rng.choice(np.array(["A3", "A4", "A5", "A6"], dtype=object), adopted.sum())
    rne[adopted & np.isin(place, ["A3", "A5"])] = "T"
    rec = np.full(e, "X1", dtype=object)
    rec[last_of] = _pick(rng, _ENDS, _END_WEIGHTS, int(last_of.sum()))
    rec[adopted] = "E11"
    sb = short_breaks[eperiod]
    ls[sb] = rng.choice(np.array(["V3", "V4"], dtype=object), sb.sum())
    rne[sb] = "S"
    rec[sb] = "E4A"
    still_open = open_now[eperiod] & last_of
    dec[still_open] = np.datetime64("NaT")
    rec[still_open] = ""
    frame = pd.DataFrame(
        {
            "child": pchild[eperiod],
            "DECOM": decom,
            "RNE": rne,
            "LS": ls,
            "PLACE": place,
            "DEC": dec,
            "REC": rec,
        }
    )[keep]
    return frame.reset_index(drop=True)


def synthesize(
    children: int = 2000, years: Iterable[int] = range(2021, 2026), seed: int = 0
) -> Synthetic903:
    """Seeded synthetic 903 tables for ``children`` children over ``years`` (by their end)."""
    rng = np.random.default_rng(seed)
    years = sorted(years)
    first, last = years[0], years[-1]
    history = _histories(rng, children, first, last)
    ids = np.char.add(
        "C", (10_000_000 + rng.permutation(10 * children)[:children]).astype(str)
    ).astype(object)
    upns = np.char.add(
        _LETTERS[rng.integers(0, len(_LETTERS), children)].astype(str),
        rng.integers(10**11, 10**12, children).astype(str),
    )
    upns = upns.astype(object)
    # Born up to 17 years before the child's first period of care.
    starts = history.groupby("child")["DECOM"].min().reindex(range(children)).to_numpy()
    dob = starts - rng.integers(0, 17 * 365, children) * DAY
    home = np.char.add(
        np.char.add(
            _LETTERS[rng.integers(0, 22, children)].astype(str),
            _LETTERS[rng.integers(0, 22, children)].astype(str),
        ),
        np.char.add(
            rng.integers(1, 30, children).astype(str),
            np.char.add(" ", rng.integers(0, 10, children).astype(str)),
        ),
    ).astype(object)
    history["HOME_POST"] = home[history["child"].to_numpy()]
    history["PL_POST"] = np.where(
        rng.random(len(history)) < 0.7,
        history["HOME_POST"],
        home[rng.integers(0, children, len(history))],
    )
    sex = rng.choice(np.array(["1", "2"], dtype=object), children)
    ethnic = _pick(
        rng,
        ["WBRI", "WOTH", "MWBC", "ABAN", "BAFR", "OOTH", "REFU"],
        [70, 6, 6, 4, 6, 4, 4],
        children,
    )
    uasc = rng.random(children) < 0.06
    flags = rng.random((children, 6))
    sdq = np.clip(rng.normal(14.9, 7, children).round(), 0, 40).astype(int)
    result = Synthetic903(tables={})
    for year in years:
        result.tables[year] = _year_tables(
            rng, year, history, ids, upns, dob, sex, ethnic, uasc, flags, sdq
        )
    # The planted values are those the files hold.
    for tables in result.tables.values():
        result.upns.update(tables["Header"]["UPN"])
        result.dobs.update(tables["Header"]["DOB"])
        result.child_ids.update(tables["Header"]["CHILD"])
        result.postcodes.update(tables["Episodes"]["HOME_POST"])
        result.postcodes.update(tables["Episodes"]["PL_POST"])
    return result


def _year_tables(
    rng: np.random.Generator,
    year: int,
    history: pd.DataFrame,
    ids: np.ndarray,
    upns: np.ndarray,
    dob: np.ndarray,
    sex: np.ndarray,
    ethnic: np.ndarray,
    uasc: np.ndarray,
    flags: np.ndarray,
    sdq: np.ndarray,
) -> dict[str, pd.DataFrame]:
    start, end = np.datetime64(f"{year - 1}-04-01"), np.datetime64(f"{year}-03-31")
    dec = history["DEC"].to_numpy()
    ended = ~np.isnat(dec)
    inside = (history["DECOM"].to_numpy() <= end) & (~ended | (dec >= start))
    eps = history[inside].copy()
    later = eps["DEC"].to_numpy() > end
    eps.loc[later, "DEC"] = np.datetime64("NaT")
    eps.loc[later, "REC"] = ""
    kids = eps["child"].to_numpy()
    episodes = pd.DataFrame(
        {
            "CHILD": ids[kids],
            "DECOM": _dates(eps["DECOM"].to_numpy()),
            "RNE": eps["RNE"].to_numpy(),
            "LS": eps["LS"].to_numpy(),
            "CIN": _pick(
                rng,
                ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"],
                [60, 7, 3, 6, 5, 2, 2, 15],
                len(eps),
            ),
            "PLACE": eps["PLACE"].to_numpy(),
            "PLACE_PROVIDER": np.where(
                np.isin(eps["PLACE"].to_numpy(), ["P1", "P2", "Z1"]), "", "PR1"
            ),
            "DEC": _dates(eps["DEC"].to_numpy()),
            "REC": eps["REC"].to_numpy(),
            "REASON_PLACE_CHANGE": np.where(eps["RNE"].to_numpy() == "P", "CARPL", ""),
            "HOME_POST": eps["HOME_POST"].to_numpy(),
            "PL_POST": eps["PL_POST"].to_numpy(),
            "URN": np.where(eps["PLACE"].to_numpy() == "K2", "SC123456", "XXXXXXX"),
        }
    )
    present = np.unique(kids)
    born = _dates(dob[present])
    header = pd.DataFrame(
        {
            "CHILD": ids[present],
            "SEX": sex[present],
            "DOB": born,
            "ETHNIC": ethnic[present],
            "UPN": upns[present],
            "MOTHER": "",
            "MC_DOB": "",
        }
    )
    header.loc[sex[present] == "2", "MOTHER"] = "0"
    uasc_kids = present[uasc[present]]
    uasc_table = pd.DataFrame(
        {"CHILD": ids[uasc_kids], "SEX": sex[uasc_kids], "DOB": _dates(dob[uasc_kids]), "DUC": ""}
    )
    reviews_kids = np.repeat(present, 2)
    reviews = pd.DataFrame(
        {
            "CHILD": ids[reviews_kids],
            "DOB": _dates(dob[reviews_kids]),
            "REVIEW": _dates(start + rng.integers(0, 365, len(reviews_kids)) * DAY),
            "REVIEW_CODE": rng.choice(
                np.array(["PN1", "PN2", "PN3", "PN4", "PN0"], dtype=object), len(reviews_kids)
            ),
        }
    )
    # OC2: children looked after all year (an episode open on 1 April, still in care on 31 March).
    decom = eps["DECOM"].to_numpy()
    dec_y = eps["DEC"].to_numpy()
    on_start = (decom <= start) & (np.isnat(dec_y) | (dec_y > start))
    at_end = np.isnat(dec_y) & ~np.isin(eps["LS"].to_numpy(), ["V3", "V4"])
    whole = np.intersect1d(kids[on_start], kids[at_end])
    age = ((end - dob[whole]) / DAY / 365.25).astype(int)
    f = flags[whole]
    oc2 = pd.DataFrame(
        {
            "CHILD": ids[whole],
            "DOB": _dates(dob[whole]),
            "SDQ_SCORE": np.where(
                (age >= 4) & (age <= 16) & (f[:, 5] < 0.8), sdq[whole].astype(str), ""
            ),
            "SDQ_REASON": np.where((age >= 4) & (age <= 16) & (f[:, 5] >= 0.8), "SDQ2", ""),
            "CONVICTED": np.where(age >= 10, (f[:, 0] < 0.02).astype(int).astype(str), ""),
            "HEALTH_CHECK": np.where(age < 5, (f[:, 1] < 0.88).astype(int).astype(str), ""),
            "IMMUNISATIONS": (f[:, 2] < 0.84).astype(int).astype(str),
            "TEETH_CHECK": (f[:, 3] < 0.81).astype(int).astype(str),
            "HEALTH_ASSESSMENT": (f[:, 4] < 0.9).astype(int).astype(str),
            "SUBSTANCE_MISUSE": (f[:, 0] > 0.96).astype(int).astype(str),
            "INTERVENTION_RECEIVED": "",
            "INTERVENTION_OFFERED": "",
        }
    )
    # OC3: young people aged 17 to 21 this year who left care at 16 or over.
    left = history[~np.isnat(history["DEC"].to_numpy()) & (history["REC"].to_numpy() != "X1")]
    left = left[left["DEC"].to_numpy() <= end]
    left_age = (left["DEC"].to_numpy() - dob[left["child"].to_numpy()]) / DAY / 365.25
    leavers = np.unique(left["child"].to_numpy()[left_age >= 16])
    now = (
        np.array([int(str(d)[:4]) for d in dob[leavers]])
        if len(leavers)
        else np.array([], dtype=int)
    )
    born_month = pd.DatetimeIndex(dob[leavers]).month.to_numpy() if len(leavers) else now
    birthday_age = year - now - (born_month >= 4)
    leavers = leavers[(birthday_age >= 17) & (birthday_age <= 21)]
    n3 = len(leavers)
    eet = rng.random(n3) < 0.55
    activ = np.where(
        eet,
        rng.choice(np.array(_ACTIV_EET, dtype=object), n3),
        rng.choice(np.array(_ACTIV_NOT, dtype=object), n3),
    )
    activ[rng.random(n3) < 0.06] = "0"
    accom = np.char.add(
        rng.choice(np.array(_ACCOM_TYPES), n3).astype(str),
        np.where(rng.random(n3) < 0.89, "1", "2"),
    ).astype(object)
    accom[rng.random(n3) < 0.04] = "0"
    oc3 = pd.DataFrame(
        {
            "CHILD": ids[leavers],
            "DOB": _dates(dob[leavers]),
            "IN_TOUCH": _pick(rng, _IN_TOUCH, _IN_TOUCH_WEIGHTS, n3),
            "ACTIV": activ,
            "ACCOM": accom,
        }
    )
    # Missing: about one child in ten looked after in the year goes missing, some several times.
    goers = present[rng.random(len(present)) < 0.11]
    times = 1 + rng.poisson(1.5, len(goers))
    who = np.repeat(goers, times)
    mis_start = start + rng.integers(0, 365, len(who)) * DAY
    mis_end = mis_start + rng.integers(0, 10, len(who)) * DAY
    mis_end[rng.random(len(who)) < 0.03] = np.datetime64("NaT")
    missing = pd.DataFrame(
        {
            "CHILD": ids[who],
            "DOB": _dates(dob[who]),
            "MISSING": np.where(rng.random(len(who)) < 0.8, "M", "A"),
            "MIS_START": _dates(mis_start),
            "MIS_END": _dates(np.minimum(mis_end, end)),
        }
    )
    return {
        "Header": header,
        "Episodes": episodes,
        "UASC": uasc_table,
        "Reviews": reviews,
        "OC2": oc2,
        "OC3": oc3,
        "Missing": missing,
    }
