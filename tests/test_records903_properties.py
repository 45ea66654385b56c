"""Properties of every 903 measure over random care histories (hypothesis).

- A child whose only episodes are short breaks (V3/V4) changes nothing.
- A child counts once however many episodes: splitting an episode in two (a legal status change
  only, RNE L, same placement) changes nothing.
- Numerators never exceed denominators, nor denominators the cohort.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pledgekit.records.catalogue import compute
from pledgekit.records.frames import Count, CountingOptions, Records903
from tests.records903 import by_year, episode, header, records

YEARS = [2023, 2024, 2025]
OPTIONS = CountingOptions(population_under_18=10000)
ORIGIN = date(2019, 6, 1)


def day(offset: int) -> str:
    return f"{ORIGIN + timedelta(days=offset):%d/%m/%Y}"


@st.composite
def history(draw: st.DrawFn, child: str) -> list[dict[str, str]]:
    """One child's episodes: one or two periods of care, each of a few X1-joined episodes."""
    rows: list[dict[str, str]] = []
    at = draw(st.integers(0, 2000))
    for _ in range(draw(st.integers(1, 2))):
        parts = draw(st.integers(1, 4))
        for i in range(parts):
            length = draw(st.integers(1, 500))
            last = i == parts - 1
            ends = not last or draw(st.booleans())
            rows.append(
                episode(
                    child,
                    day(at),
                    "S" if i == 0 else draw(st.sampled_from("PLTUB")),
                    day(at + length) if ends else "",
                    ("X1" if not last else draw(st.sampled_from(["E4A", "E3", "E11", "E13"])))
                    if ends
                    else "",
                    ls=draw(st.sampled_from(["C2", "V2", "E1", "V3"])),
                    place=draw(st.sampled_from(["U1", "U4", "K2", "A3", "A4", "A5", "T1", "P1"])),
                )
            )
            at += length
        if not ends:
            break
        at += draw(st.integers(1, 200))
    return rows


@st.composite
def children(draw: st.DrawFn) -> dict[str, dict[str, object]]:
    count = draw(st.integers(1, 6))
    names = [f"C{i}" for i in range(count)]
    return {
        name: {
            "episodes": draw(history(name)),
            "dob": day(-draw(st.integers(0, 7000))),
            "flags": draw(st.lists(st.sampled_from(["0", "1", ""]), min_size=4, max_size=4)),
            "sdq": str(draw(st.integers(0, 40))),
            "missing": draw(st.booleans()),
        }
        for name in names
    }


def build(kids: dict[str, dict[str, object]]) -> Records903:
    episodes = [row for kid in kids.values() for row in kid["episodes"]]  # type: ignore[attr-defined]
    files = by_year(episodes, YEARS)
    headers = [header(name, kid["dob"]) for name, kid in kids.items()]  # type: ignore[arg-type]
    oc2 = [
        dict(
            zip(
                ("HEALTH_ASSESSMENT", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_CHECK"),
                kid["flags"],  # type: ignore[arg-type]
                strict=True,
            ),
            CHILD=name,
            CONVICTED=kid["flags"][0],  # type: ignore[index]
            SDQ_SCORE=kid["sdq"],
        )
        for name, kid in kids.items()
    ]
    missing = [
        {"CHILD": name, "MISSING": "M", "MIS_START": "01/06/2024"}
        for name, kid in kids.items()
        if kid["missing"]
    ]
    # Care leavers' rows for the children of the histories (a short-breaks child is no leaver).
    oc3 = [
        {"CHILD": name, "DOB": "01/04/2005", "ACTIV": "F1", "ACCOM": "B1"}
        for name in kids
        if name != "SB"
    ]
    return records(
        {
            year: {
                "Episodes": rows,
                "Header": headers,
                "OC2": oc2,
                "Missing": missing,
                "OC3": oc3 if year == 2025 else [],
            }
            for year, rows in files.items()
        }
    )


def figures(data: Records903) -> dict[str, Count]:
    result = compute(data, [2025], OPTIONS)
    assert not result.unavailable
    return {count.reference: count for count in result.counts}


@settings(max_examples=15, deadline=None)
@given(children(), st.integers(0, 2300), st.sampled_from(["V3", "V4"]))
def test_a_short_breaks_only_child_changes_nothing(
    kids: dict[str, dict[str, object]], start: int, status: str
) -> None:
    before = figures(build(kids))
    breaks = [
        episode("SB", day(start), "S", day(start + 3), "E4A", ls=status),
        episode("SB", day(start + 30), "S", ls=status),  # and one still open
    ]
    extra = {
        "episodes": breaks,
        "dob": "01/01/2014",
        "flags": ["1"] * 4,
        "sdq": "20",
        "missing": True,
    }
    assert figures(build({**kids, "SB": extra})) == before


@settings(max_examples=15, deadline=None)
@given(children(), st.data())
def test_a_child_counts_once_however_many_episodes(
    kids: dict[str, dict[str, object]], data: st.DataObject
) -> None:
    before = figures(build(kids))
    name = data.draw(st.sampled_from(sorted(kids)))
    rows: list[dict[str, str]] = kids[name]["episodes"]  # type: ignore[assignment]
    index = data.draw(st.integers(0, len(rows) - 1))
    row = rows[index]
    start = pd.to_datetime(row["DECOM"], format="%d/%m/%Y")
    end = (
        pd.to_datetime(row["DEC"], format="%d/%m/%Y")
        if row["DEC"]
        else start + pd.Timedelta(days=400)
    )
    if (end - start).days < 2:
        return
    cut = f"{start + pd.Timedelta(days=data.draw(st.integers(1, (end - start).days - 1))):%d/%m/%Y}"
    # The same placement and legal status, recorded as two episodes joined by X1 and RNE L.
    split = [{**row, "DEC": cut, "REC": "X1"}, {**row, "DECOM": cut, "RNE": "L"}]
    after = figures(
        build({**kids, name: {**kids[name], "episodes": rows[:index] + split + rows[index + 1 :]}})
    )
    assert after == before


@settings(max_examples=20, deadline=None)
@given(children())
def test_numerators_never_exceed_denominators_or_cohorts(
    kids: dict[str, dict[str, object]],
) -> None:
    for count in figures(build(kids)).values():
        if count.unit == "percent":
            assert count.denominator is not None
            assert 0 <= count.numerator <= count.denominator <= count.cohort
            assert count.value is None or 0 <= count.value <= 100
        elif count.unit == "count":
            assert count.numerator == count.cohort >= 0
        elif count.unit == "score":
            assert count.denominator is not None and count.denominator <= count.cohort
