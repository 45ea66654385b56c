"""Placement stability and the joining of years: hand-made scenarios, counts in comments.

Year 2024-25 (2025). Each child's whole history is written once and cut into the yearly files a
council would send (``by_year``): a year's file holds the episodes open at any time in it.
"""

from __future__ import annotations

import pandas as pd

from pledgekit.records.frames import CountingOptions
from pledgekit.records.history import combined_episodes
from pledgekit.records.placements import (
    long_term_stability,
    placements_3plus,
    placements_3plus_2_years,
)
from tests.records903 import by_year, episode, header, records

OPTIONS = CountingOptions()


def moves(child: str, since: str, *later: tuple[str, str, str]) -> list[dict[str, str]]:
    """A child's episodes: a start ``since``, then each (date, RNE, PLACE) as a new episode (X1)."""
    dates = [since, *(d for d, _, _ in later)]
    kinds = [("S", "U4"), *((r, p) for _, r, p in later)]
    return [
        episode(
            child,
            start,
            rne,
            dates[i + 1] if i + 1 < len(dates) else "",
            "X1" if i + 1 < len(dates) else "",
            place=place,
        )
        for i, (start, (rne, place)) in enumerate(zip(dates, kinds, strict=True))
    ]


PLACEMENTS = [
    *moves("A", "01/04/2020", ("01/06/2024", "P", "U4"), ("01/09/2024", "P", "K2")),  # 3: yes
    *moves("B", "01/04/2020", ("01/06/2024", "L", "U4"), ("01/09/2024", "P", "U5")),  # L: 2
    *moves("C", "01/04/2020", ("01/06/2024", "P", "U4"), ("01/09/2024", "T", "A3")),  # T->A3: 2
    *moves("D", "01/04/2020", ("01/06/2024", "P", "U4"), ("01/09/2024", "U", "A5")),  # U->A5: 2
    *moves("E", "01/04/2020", ("01/06/2024", "P", "U4"), ("01/09/2024", "T", "U5")),  # T->U5: 3
    *moves("F", "01/04/2020", ("01/06/2024", "P", "T1"), ("01/07/2024", "P", "U4")),  # temp: 3
    *[
        {**row, "LS": "V3"}
        for row in moves("G", "01/04/2020", ("01/06/2024", "P", "U4"), ("01/09/2024", "P", "U5"))
    ],  # short breaks only: not looked after at 31 March
    *moves("H", "01/04/2020", ("01/06/2024", "P", "U4"), ("01/09/2024", "P", "U5"))[:-1],
    episode("H", "01/09/2024", "P", "31/03/2025", "E4A"),  # 3 placements but left on 31 March
    *moves("I", "01/05/2024", ("01/06/2024", "P", "U4"), ("01/09/2024", "P", "U5")),  # new: 3
]


def test_placements_3plus_in_the_year() -> None:
    data = records({2025: {"Episodes": PLACEMENTS}})
    # Looked after at 31 March: A, B, C, D, E, F, I (7). With 3 or more: A, E, F, I (4).
    count = placements_3plus(data, 2025, OPTIONS)
    assert (count.numerator, count.denominator) == (4, 7)


def test_temporary_placements_can_be_left_out() -> None:
    data = records({2025: {"Episodes": PLACEMENTS}})
    # Without the temporary placement (T1) F has 2: A, E, I (3) of 7.
    options = CountingOptions(temporary_placements_are_moves=False)
    assert placements_3plus(data, 2025, options).numerator == 3


def test_a_move_on_1_april_is_in_the_year() -> None:
    history = moves("A", "01/04/2020", ("01/04/2024", "P", "U4"), ("01/09/2024", "P", "K2"))
    data = records({2025: {"Episodes": history}})
    # The placement that ended on 1 April, the one begun that day, and September's: 3.
    assert placements_3plus(data, 2025, OPTIONS).numerator == 1


TWO_YEARS = [
    *moves("A", "01/04/2020", ("01/10/2023", "P", "U4"), ("01/10/2024", "P", "U5")),  # 3: yes
    *moves("B", "01/04/2020", ("01/10/2024", "P", "U5")),  # 2: no
    *moves("C", "01/04/2023", ("01/10/2023", "P", "U4"), ("01/10/2024", "P", "U5")),  # 2 years
    *moves("D", "02/04/2023", ("01/10/2023", "P", "U4"), ("01/10/2024", "P", "U5")),  # < 2 years
    episode("E", "01/04/2020", "S", "01/06/2023", "E4A"),  # care ended and began again:
    *moves("E", "01/07/2023", ("01/10/2024", "P", "U5")),  # ... not 2 years continuously
]


def test_placements_3plus_over_two_years() -> None:
    data = records(
        {year: {"Episodes": rows} for year, rows in by_year(TWO_YEARS, [2024, 2025]).items()}
    )
    # Looked after continuously since 1 April 2023 or before: A, B, C (C from 1 April 2023
    # exactly). With 3 or more placements since then: A, C (2 of 3). D and E are too recent.
    count = placements_3plus_2_years(data, 2025, OPTIONS)
    assert (count.numerator, count.denominator, count.cohort) == (2, 3, 5)


STABILITY = [
    episode("A", "01/10/2022"),  # 2.5 years exactly, one placement: yes
    episode("B", "02/10/2022"),  # a day short of 2.5 years: out
    *moves("C", "01/04/2020", ("01/04/2023", "P", "U5")),  # placement of 2 years exactly: yes
    *moves("D", "01/04/2020", ("02/04/2023", "P", "U5")),  # a day short of 2 years: no
    *moves("E", "01/04/2020", ("01/06/2024", "L", "U4")),  # a legal change only: same place, yes
    # Placed for adoption (A4) in 2024, from a placement begun in 2022: together 2 years, yes.
    *moves("F", "01/04/2020", ("01/06/2022", "P", "U5"), ("01/01/2024", "P", "A4")),
    # The same, the placement before adoption having two episodes (a legal change, L): yes.
    *moves(
        "J",
        "01/04/2020",
        ("01/06/2022", "P", "U5"),
        ("01/01/2023", "L", "U5"),
        ("01/01/2024", "P", "A4"),
    ),
    *moves("G", "01/04/2020", ("01/01/2024", "T", "U5")),  # same carer, new placement: no
    episode("H", "01/04/2020"),  # 16 at 31 March: out
    episode("I", "01/04/2020", ls="V4"),  # short breaks only: out
]
STABILITY_AGES = [header(c, "01/04/2012") for c in "ABCDEFGIJ"] + [header("H", "31/03/2009")]


def stability_records() -> object:
    files = by_year(STABILITY, [2023, 2024, 2025])
    return records(
        {year: {"Episodes": rows, "Header": STABILITY_AGES} for year, rows in files.items()}
    )


def test_long_term_stability() -> None:
    data = stability_records()
    # Under 16 and looked after since 1 October 2022 or before: A, C, D, E, F, G, J (7).
    # In the same placement since 1 April 2023 or before: A, C, E, F, J (5).
    count = long_term_stability(data, 2025, OPTIONS)  # type: ignore[arg-type]
    assert (count.numerator, count.denominator) == (5, 7)


def test_long_term_stability_with_the_same_carer() -> None:
    data = stability_records()
    # DfE's "same carer" wording: G's change of placement with the same carer (T) does not
    # break the two years: 6 of 7.
    count = long_term_stability(data, 2025, CountingOptions(stability_same_carer=True))  # type: ignore[arg-type]
    assert (count.numerator, count.denominator) == (6, 7)


def test_the_later_file_wins_and_earlier_files_give_only_history() -> None:
    data = records(
        {
            2024: {
                "Episodes": [
                    # The 2023-24 file said A moved in October 2023 ...
                    episode("A", "01/04/2020", "S", "01/10/2023", "X1"),
                    episode("A", "01/10/2023", "P", place="K2"),
                    # ... and that B's placement began in 2022 and was still open.
                    episode("B", "01/06/2022", "S"),
                    episode("C", "01/06/2018", "S", "01/06/2019", "X1"),  # C's early history
                    episode("C", "01/06/2019", "P"),
                ]
            },
            2025: {
                "Episodes": [
                    # The council amended A's history: no move, one episode since 2020.
                    episode("A", "01/04/2020", "S"),
                    # B's episode now starts later: the old one is cut where the new file begins.
                    episode("B", "01/09/2023", "S"),
                    episode("C", "01/06/2019", "P"),
                ]
            },
        }
    )
    joined = combined_episodes(data, 2025, 1)
    # Each joined row by the file year and row it came from, with its end as joined.
    rows = {
        (r["_year"], r["_row"], None if pd.isna(r["DEC"]) else f"{r['DEC']:%Y-%m-%d}")
        for r in joined.to_dict("records")
    }
    assert rows == {
        (2025, 2, None),  # A: the 2024 file's move (its rows 2 and 3) is gone
        (2024, 4, "2023-09-01"),  # B: history up to where 2025's file begins
        (2025, 3, None),
        (2024, 5, "2019-06-01"),  # C: earlier history kept
        (2025, 4, None),  # C: the same episode once, from 2025's file (not the 2024 file's row 6)
    }
