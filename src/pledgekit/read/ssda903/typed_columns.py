"""A 903 table read as text turned into the typed frame the records layer counts from.

In: a frame of strings (every cell as written, "" when blank) with canonical column names.
Out: dates as datetime64 (NaT when blank or unparseable), numbers as float64 (NaN likewise),
other columns stripped and upper-cased as categoricals, plus ``_file`` and ``_row``; and the
findings for dates, numbers and codes that did not read. CHILD is left as read until every file
is read: :func:`code_children` then codes it once across them all. Every step is vectorised
(one pass per column, a fixed date format), so a national-scale file costs no Python per row. A
finding names the file, the column and the rows, never the value: these are children's records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from pledgekit.model.codes import SSDA903_BAD_CODE, SSDA903_BAD_DATE
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.ssda903_tables import DATE_COLUMNS, NUMBER_COLUMNS, TABLES
from pledgekit.read.ssda903.known_codes import CODE_LISTS, FLAG_COLUMNS, SDQ_RANGE

#: How many row numbers a finding lists before "and N more".
_ROWS_SHOWN = 5


def typed_table(
    raw: pd.DataFrame, table: str, file: str, rows: np.ndarray
) -> tuple[pd.DataFrame, list[Finding]]:
    """``raw`` (strings, canonical names, the table's columns) as the typed frame of ``table``.

    ``rows`` are the 1-based rows users see for each frame row (CSV: the header is row 1;
    XML: the CHILD element's position). Returns the frame and the findings.
    """
    findings: list[Finding] = []
    out: dict[str, object] = {}
    for column in TABLES[table]:
        if column == "CHILD":  # coded once across every file read (code_children)
            given = raw.get(column)
            out[column] = np.full(len(raw), "", dtype=object) if given is None else given.to_numpy()
            continue
        # A column holds few distinct values (codes, dates): each step works on the distinct
        # values only and the result is spread back by their codes.
        codes, distinct = _distinct(raw.get(column), len(raw))
        bad: pd.Series | None = None
        if column in DATE_COLUMNS:
            values, bad = _dates(distinct)
            what, code = "not a date in dd/mm/yyyy", SSDA903_BAD_DATE
            out[column] = values.to_numpy()[codes]
        elif column in NUMBER_COLUMNS:
            values, bad = _numbers(distinct, column)
            what, code = _NUMBER_WHAT.get(column, "not a whole number"), SSDA903_BAD_CODE
            out[column] = values.to_numpy()[codes]
        else:
            values = _upper(distinct)
            bad = _bad_code(values, column)
            what, code = _code_what(column), SSDA903_BAD_CODE
            # Values that upper-casing made equal become one category (a few values, not rows).
            merged, categories = pd.factorize(values.to_numpy())
            out[column] = pd.Categorical.from_codes(
                merged[codes], categories=pd.Index(categories), validate=False
            )
        if bad is not None and bad.any():
            _report(findings, bad.to_numpy()[codes], rows, file, column, what, code)
    frame = pd.DataFrame(out, index=pd.RangeIndex(len(raw)))
    frame["_file"] = file
    frame["_row"] = rows.astype(np.int64)
    return frame, findings


_NUMBER_WHAT = dict.fromkeys(FLAG_COLUMNS, "not 0 or 1") | {"SDQ_SCORE": "not a score from 0 to 40"}
#: A care leaver's accommodation: a type letter and 1 (suitable) or 2 (unsuitable), or 0.
_ACCOM = r"^(?:[A-Z][12]|0)$"


def _bad_code(upper: pd.Series, column: str) -> pd.Series | None:
    """Non-blank cells of a coded column whose code the return does not define."""
    if column == "ACCOM":
        return (upper != "") & ~upper.str.match(_ACCOM)
    if column in CODE_LISTS:
        return (upper != "") & ~upper.isin(CODE_LISTS[column][1])
    return None


def _code_what(column: str) -> str:
    if column == "ACCOM":
        return "not an accommodation code (a letter and 1 or 2, or 0)"
    label = CODE_LISTS[column][0] if column in CODE_LISTS else "codes"
    return f"not one of the SSDA903 {label}"


def code_children(frames: Sequence[pd.DataFrame]) -> list[pd.DataFrame]:
    """The typed ``frames`` with CHILD coded: one categorical dtype over every frame's ids.

    The ids of every table of every year are factorised together, once, stripped: a child has
    the same code wherever it appears, and the records layer joins, sorts and counts on the
    codes without hashing the ids again. Categories are in the order ids first appear.
    (The other text columns are categoricals too, each frame with its own categories.)
    """
    if not frames:
        return []
    ids = pd.Series(np.concatenate([frame["CHILD"].to_numpy(dtype=object) for frame in frames]))
    codes, distinct = _distinct(ids, len(ids))
    children = pd.Categorical.from_codes(codes, categories=pd.Index(distinct), validate=False)
    coded, at = [], 0
    for frame in frames:
        coded.append(frame.assign(CHILD=children[at : at + len(frame)]))
        at += len(frame)
    return coded


def _distinct(column: pd.Series | None, length: int) -> tuple[np.ndarray, pd.Series]:
    """A text column as codes into its distinct values, stripped ("" for a column not given);
    no two values are equal."""
    if column is None:
        return np.zeros(length, dtype=np.intp), pd.Series([""], dtype=object)
    cells = column.to_numpy(dtype=object)
    # The CSV reader never gives a missing cell (blank is ""), so the NA-aware factorize (which
    # scans the whole column for missing values first) is needed only when one shows up.
    codes, uniques = pd.factorize(cells)
    if len(codes) and codes.min() < 0:
        codes, uniques = pd.factorize(cells, use_na_sentinel=False)
    if not len(uniques):
        return codes, pd.Series([""], dtype=object)
    # Text from the parsers, so the values are strings (checked in C); str() only otherwise.
    if infer_dtype(uniques, skipna=False) == "string":
        texts: list[str] = uniques.tolist()
    else:
        texts = [str(value) for value in uniques]
    # Stripping is a Python loop over the distinct values; most files need none, which one
    # search of the values joined (in C) tells. Values that differed only by spaces become one.
    if _PADDED.search("\0" + "\0".join(texts) + "\0"):
        merged, stripped = pd.factorize(np.array([value.strip() for value in texts], dtype=object))
        return merged[codes], pd.Series(stripped, dtype=object)
    return codes, pd.Series(texts, dtype=object)


#: Whitespace at either end of a value, in the values joined by NULs.
_PADDED = re.compile(r"\s\0|\0\s")


def _upper(distinct: pd.Series) -> pd.Series:
    """The distinct values upper-cased (a Python loop only when some are not already)."""
    texts: list[str] = distinct.tolist()
    joined = "\0".join(texts)
    if joined.upper() == joined:
        return distinct
    return pd.Series([value.upper() for value in texts], dtype=object)


def _dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates in dd/mm/yyyy, else yyyy-mm-dd (ISO, a time after it ignored), else dd/mm/yy (as
    Excel exports write them: 00-68 are 2000-2068, 69-99 are 1969-1999); the mask of non-blank
    cells none of these reads. Exact dd/mm/yyyy (nearly every cell) is read by numpy; pandas'
    parser sees only the rest."""
    fast, read = _day_month_year(text.tolist())
    parsed = pd.Series(fast, index=text.index)
    rest = ~read & (text != "").to_numpy()
    if rest.any():
        parsed[rest] = _parsed_dates(text[rest])
    return parsed, parsed.isna() & (text != "")


def _parsed_dates(text: pd.Series) -> pd.Series:
    """Each format tried, vectorised, only on what is still unread (NaT where none reads)."""
    parsed = pd.to_datetime(text, format="%d/%m/%Y", errors="coerce")
    for fmt, width in (("%Y-%m-%d", 10), ("%d/%m/%y", 8)):
        missed = parsed.isna() & (text != "")
        if not missed.any():
            break
        again = pd.to_datetime(text[missed].str.slice(0, width), format=fmt, errors="coerce")
        parsed = parsed.where(~missed, again.reindex(parsed.index))
    result: pd.Series = parsed.astype("datetime64[ns]")
    return result


#: The digit positions of dd/mm/yyyy, and its slashes.
_DIGITS = [0, 1, 3, 4, 6, 7, 8, 9]
_SLASH = ord("/") - ord("0")


def _day_month_year(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Exactly dd/mm/yyyy dates (the return's own format) read with numpy, and which were.

    The common case at numpy speed; anything else (one-digit days, other formats, a year
    outside 1678-2261) is left to pandas' parser. A day past the month's end is not read.
    """
    n = len(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    chars = np.array(texts, dtype="<U10").view(np.uint32).reshape(n, 10).astype(np.int64)
    chars -= ord("0")
    digits = chars[:, _DIGITS]
    read = (
        (lengths == 10)
        & (chars[:, 2] == _SLASH)
        & (chars[:, 5] == _SLASH)
        & ((digits >= 0) & (digits <= 9)).all(axis=1)
    )
    day = chars[:, 0] * 10 + chars[:, 1]
    month = chars[:, 3] * 10 + chars[:, 4]
    year = chars[:, 6] * 1000 + chars[:, 7] * 100 + chars[:, 8] * 10 + chars[:, 9]
    read &= (month >= 1) & (month <= 12) & (day >= 1) & (year >= 1678) & (year <= 2261)
    months = np.where(read, (year - 1970) * 12 + month - 1, 0).astype("datetime64[M]")
    days = months.astype("datetime64[D]") + np.where(read, day - 1, 0)
    read &= days.astype("datetime64[M]") == months
    dates = np.where(read, days.astype("datetime64[ns]"), np.datetime64("NaT", "ns"))
    return dates, read


def _numbers(text: pd.Series, column: str) -> tuple[pd.Series, pd.Series]:
    """Numbers (float64); the mask of non-blank cells that are not numbers in the column's range."""
    values = pd.to_numeric(text.where(text != "", None), errors="coerce").astype("float64")
    if column in FLAG_COLUMNS:
        wrong = ~values.isin((0.0, 1.0))
    elif column == "SDQ_SCORE":
        wrong = (values < SDQ_RANGE[0]) | (values > SDQ_RANGE[1]) | values.isna()
    else:
        wrong = values.isna() | (values < 0)
    bad = wrong & (text != "")
    return values.where(~bad), bad


def _report(
    findings: list[Finding],
    bad: np.ndarray,
    rows: np.ndarray,
    file: str,
    column: str,
    what: str,
    code: str,
) -> None:
    """One finding per file and column, naming the first rows (never the values)."""
    count = int(bad.sum())
    if not count:
        return
    where = rows[bad]
    shown = ", ".join(str(int(r)) for r in where[:_ROWS_SHOWN])
    more = f" and {count - _ROWS_SHOWN} more" if count > _ROWS_SHOWN else ""
    plural = "s" if count > 1 else ""
    message = f"{column}: {what} in {count} row{plural} ({shown}{more})"
    findings.append(finding(code, message, Location(file, row=int(where[0]), field=column)))
