"""Reading SSDA903 files: tables known by their columns, typed columns, located findings that
never quote a value, the XML return, and each file's collection year."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pledgekit.model.codes import (
    SSDA903_BAD_CODE,
    SSDA903_BAD_DATE,
    SSDA903_DUPLICATE_TABLE,
    SSDA903_MISSING_COLUMNS,
    SSDA903_UNKNOWN_TABLE,
    SSDA903_YEAR_MISMATCH,
    SSDA903_YEAR_UNKNOWN,
    UNREADABLE_FILE,
)
from pledgekit.model.ssda903_tables import TABLES
from pledgekit.read.ssda903.read_returns import read_903
from pledgekit.read.ssda903.return_years import name_year, parse_year, year_label
from pledgekit.read.ssda903.table_shapes import match_table

EPISODES = ",".join(TABLES["Episodes"])
HEADER = ",".join(TABLES["Header"])


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def episode(child: str, decom: str, dec: str = "", rne: str = "S", ls: str = "C2") -> str:
    return f"{child},{decom},{rne},{ls},N1,U1,PR1,{dec},{'X1' if dec else ''},,AB1 2CD,EF3 4GH,1"


def test_a_table_is_known_by_its_columns_whatever_the_file_is_called(tmp_path: Path) -> None:
    write(tmp_path / "export (3).csv", EPISODES + "\n" + episode("C1", "01/05/2024") + "\n")
    write(tmp_path / "kids.csv", HEADER + "\nC1,1,01/01/2015,WBRI,A123456789012,,\n")
    result = read_903([tmp_path])
    assert result.findings == []
    (year,) = result.records.years.values()
    assert year.year == 2025
    assert set(year.tables) == {"Episodes", "Header"}
    episodes = year.tables["Episodes"]
    assert episodes["DECOM"].iloc[0] == pd.Timestamp(2024, 5, 1)
    assert episodes["_row"].tolist() == [2]
    assert str(episodes["DECOM"].dtype) == "datetime64[ns]"


def test_headers_forgive_case_spacing_order_and_extra_columns(tmp_path: Path) -> None:
    headers = [c.lower().replace("_", " ") for c in reversed(TABLES["Episodes"])]
    row = list(reversed(episode("C9", "2024-06-30", "31/03/2025", rne="p").split(",")))
    write(tmp_path / "e.csv", ",".join([*headers, "Worker"]) + "\n" + ",".join([*row, "x"]) + "\n")
    frame = read_903([tmp_path / "e.csv"]).records.years[2025].tables["Episodes"]
    assert list(frame.columns[:13]) == list(TABLES["Episodes"])
    assert frame["RNE"].iloc[0] == "P"
    assert frame["DEC"].iloc[0] == pd.Timestamp(2025, 3, 31)
    assert "Worker" not in frame and "WORKER" not in frame


def test_a_bad_date_is_located_without_its_value_and_the_row_is_kept(tmp_path: Path) -> None:
    lines = [episode("C1", "01/05/2024"), episode("C2", "31/02/2024"), episode("C3", "soon")]
    write(tmp_path / "e.csv", "\n".join([EPISODES, *lines]) + "\n")
    result = read_903([tmp_path])
    (bad,) = result.findings
    assert bad.code == SSDA903_BAD_DATE
    assert (bad.location.file, bad.location.row, bad.location.field) == (
        str(tmp_path / "e.csv"),
        3,
        "DECOM",
    )
    assert "2 rows (3, 4)" in bad.message
    assert "soon" not in str(bad.to_dict()) and "31/02" not in str(bad.to_dict())
    frame = result.records.years[2025].tables["Episodes"]
    assert len(frame) == 3 and frame["DECOM"].isna().sum() == 2
    assert frame["CHILD"].tolist() == ["C1", "C2", "C3"]


def test_bad_codes_and_flags_are_located(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", "\n".join([EPISODES, episode("C1", "01/05/2024", ls="Q7")]) + "\n")
    oc2 = ",".join(TABLES["OC2"]) + "\nC1,01/01/2010,41,,0,1,2,1,yes,0,0,0\n"
    write(tmp_path / "oc2.csv", oc2)
    result = read_903([tmp_path])
    found = {(f.code, f.location.field) for f in result.findings}
    assert found == {
        (SSDA903_BAD_CODE, "LS"),
        (SSDA903_BAD_CODE, "SDQ_SCORE"),
        (SSDA903_BAD_CODE, "IMMUNISATIONS"),
        (SSDA903_BAD_CODE, "HEALTH_ASSESSMENT"),
    }
    frame = result.records.years[2025].tables["OC2"]
    assert frame["SDQ_SCORE"].isna().all() and frame["HEALTH_CHECK"].tolist() == [1.0]


def test_a_file_that_is_not_a_table_says_its_columns_and_the_closest(tmp_path: Path) -> None:
    write(tmp_path / "notes.csv", "CHILD,DECOM,RNE,Comment\nC1,01/05/2024,S,hello\n")
    (unknown,) = read_903([tmp_path / "notes.csv"]).findings
    assert unknown.code == SSDA903_UNKNOWN_TABLE
    assert "CHILD, DECOM, RNE and 1 other column" in unknown.message
    assert "closest is Episodes" in unknown.message and "hello" not in unknown.message


def test_a_table_missing_columns_is_named_and_not_used(tmp_path: Path) -> None:
    columns = [c for c in TABLES["Episodes"] if c not in ("DEC", "REC")]
    write(tmp_path / "e.csv", ",".join(columns) + "\n")
    result = read_903([tmp_path])
    (missing,) = result.findings
    assert missing.code == SSDA903_MISSING_COLUMNS
    assert "lacks DEC, REC" in missing.message
    assert result.records.years == {}


def test_a_file_without_a_header_row_names_no_cell(tmp_path: Path) -> None:
    write(tmp_path / "e.csv", episode("C77", "01/05/2024") + "\n")
    (unknown,) = read_903([tmp_path]).findings
    assert unknown.code == SSDA903_UNKNOWN_TABLE
    text = str(unknown.to_dict())
    for value in ("C77", "01/05/2024", "AB1 2CD"):
        assert value not in text
    assert "the first row is data" in unknown.message


def test_unreadable_files_are_findings_and_the_others_still_read(tmp_path: Path) -> None:
    (tmp_path / "bad.xml").write_bytes(b"\x00\x01 not xml")
    write(tmp_path / "e.csv", EPISODES + "\n" + episode("C1", "01/05/2024") + "\n")
    result = read_903([tmp_path, tmp_path / "gone.csv"])
    assert sorted((f.code, Path(f.location.file).name) for f in result.findings) == [
        (UNREADABLE_FILE, "bad.xml"),
        (UNREADABLE_FILE, "gone.csv"),
    ]
    assert result.unreadable == [str(tmp_path / "bad.xml")]
    assert 2025 in result.records.years


def test_windows_1252_files_read(tmp_path: Path) -> None:
    write(tmp_path / "h.csv", HEADER + "\nC1,1,01/01/2015,WBRI,A123456789012,,\n", "cp1252")
    write(tmp_path / "e.csv", EPISODES + "\n" + episode("C1", "01/05/2024") + "\n", "utf-8-sig")
    result = read_903([tmp_path])
    assert result.findings == [] and set(result.records.years[2025].tables) == {
        "Episodes",
        "Header",
    }


XML = """<?xml version="1.0" encoding="utf-8"?>
<EXPSSDA903><CHILD><HEADER><CHILDID>7</CHILDID><UPN>A123456789012</UPN><SEX>1</SEX>
<DOB>02/03/2013</DOB><ETHNIC>WBRI</ETHNIC><UASC/><AREVIEW><REVIEW>28/01/2025</REVIEW>
<REVIEW_CODE>PN3</REVIEW_CODE></AREVIEW><OC2><SDQ_SCORE>12</SDQ_SCORE><CONVICTED>0</CONVICTED>
<HEALTH_CHECK>0</HEALTH_CHECK><IMMUNISATIONS>1</IMMUNISATIONS><TEETH_CHECK>0</TEETH_CHECK>
<HEALTH_ASSESSMENT>1</HEALTH_ASSESSMENT></OC2><AMISSING><MISSING>M</MISSING>
<MIS_START>01/06/2024</MIS_START><MIS_END>02/06/2024</MIS_END></AMISSING></HEADER>
<EPISODE><DECOM>11/11/2023</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL><DEC>26/04/2024</DEC>
<REC>X1</REC></EPISODE><EPISODE><DECOM>26/04/2024</DECOM><RNE>P</RNE><LS>C2</LS><PL>K2</PL>
<DEC/><REC/></EPISODE></CHILD>
<CHILD><HEADER><CHILDID>8</CHILDID><SEX>2</SEX><DOB>19/12/2005</DOB><DUC>15/12/2023</DUC>
<IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>S1</ACCOM></HEADER></CHILD></EXPSSDA903>
"""


def test_the_xml_return_gives_every_table(tmp_path: Path) -> None:
    write(tmp_path / "return.xml", XML)
    result = read_903([tmp_path])
    assert result.findings == []
    tables = result.records.years[2025].tables
    assert set(tables) == set(TABLES)
    assert tables["Episodes"]["PLACE"].tolist() == ["U1", "K2"]
    assert tables["Episodes"]["CHILD"].tolist() == ["7", "7"]
    assert tables["Header"]["CHILD"].tolist() == ["7", "8"]
    assert tables["OC2"]["SDQ_SCORE"].tolist() == [12.0]
    assert tables["Missing"]["MIS_START"].tolist() == [pd.Timestamp(2024, 6, 1)]
    assert tables["UASC"]["CHILD"].tolist() == ["8"] and tables["UASC"]["_row"].tolist() == [2]
    assert tables["OC3"]["ACTIV"].tolist() == ["F2"]
    assert tables["Reviews"]["DOB"].tolist() == [pd.Timestamp(2013, 3, 2)]


def test_the_xml_reader_refuses_entities(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><EXPSSDA903>&a;</EXPSSDA903>'
    )
    write(tmp_path / "r.xml", bomb)
    (refused,) = read_903([tmp_path]).findings
    assert refused.code == UNREADABLE_FILE and "DTD" in refused.message


def test_broken_xml_is_located_by_line(tmp_path: Path) -> None:
    write(tmp_path / "r.xml", "<EXPSSDA903>\n<CHILD><CHILDID>1</CHILD>\n")
    (broken,) = read_903([tmp_path]).findings
    assert broken.code == UNREADABLE_FILE and "line 2" in broken.message


@pytest.mark.parametrize(
    ("text", "year"),
    [("2024-25", 2025), ("2024/25", 2025), ("202425", 2025), ("2025", 2025), ("2024-2025", 2025)],
)
def test_years_as_users_write_them(text: str, year: int) -> None:
    assert parse_year(text) == year
    assert year_label(year) == "2024-25"


@pytest.mark.parametrize("text", ["2024-26", "24-25", "next year", "202426"])
def test_years_that_are_not_years(text: str) -> None:
    with pytest.raises(ValueError, match="2024-25"):
        parse_year(text)


@given(st.integers(1995, 2090))
def test_every_spelling_of_a_year_gives_the_same_year(start: int) -> None:
    spellings = [
        f"{start}-{(start + 1) % 100:02d}",
        f"{start}{(start + 1) % 100:02d}",
        str(start + 1),
    ]
    assert {parse_year(s) for s in spellings} == {start + 1}


def test_a_year_in_the_name_or_folder(tmp_path: Path) -> None:
    assert name_year(tmp_path / "903_2023-24" / "header.csv") == 2024
    assert name_year(tmp_path / "episodes_202324.csv") == 2024
    assert name_year(tmp_path / "2017-episodes.csv") is None  # a bare year is ambiguous


def test_several_years_each_from_its_folder_or_dates(tmp_path: Path) -> None:
    for start in (2022, 2023, 2024):
        folder = tmp_path / f"y{start}"
        write(folder / "episodes.csv", EPISODES + "\n" + episode("C1", f"01/05/{start}") + "\n")
        write(folder / "header.csv", HEADER + "\nC1,1,01/01/2015,WBRI,,,\n")
    write(tmp_path / "named_2020-21" / "oc2.csv", ",".join(TABLES["OC2"]) + "\n")
    result = read_903([tmp_path])
    assert result.findings == []
    assert {y: sorted(t.tables) for y, t in result.records.years.items()} == {
        2021: ["OC2"],
        2023: ["Episodes", "Header"],
        2024: ["Episodes", "Header"],
        2025: ["Episodes", "Header"],
    }


def test_files_named_by_a_bare_year_group_by_it(tmp_path: Path) -> None:
    for start in (2017, 2018):
        write(
            tmp_path / f"{start}-episodes.csv",
            EPISODES + "\n" + episode("C1", f"01/05/{start}") + "\n",
        )
        write(tmp_path / f"{start}-header.csv", HEADER + "\nC1,1,01/01/2015,WBRI,,,\n")
    result = read_903([tmp_path])
    assert result.findings == []
    assert sorted(result.records.years) == [2018, 2019]
    assert all(len(t.tables) == 2 for t in result.records.years.values())


def test_a_year_that_cannot_be_told_is_reported_not_guessed(tmp_path: Path) -> None:
    write(tmp_path / "oc2.csv", ",".join(TABLES["OC2"]) + "\n")
    result = read_903([tmp_path])
    (unknown,) = result.findings
    assert unknown.code == SSDA903_YEAR_UNKNOWN and "--file-year" in unknown.message
    assert result.records.years == {}
    given_year = read_903([tmp_path], file_years={tmp_path: 2025})
    assert given_year.findings == [] and list(given_year.records.years) == [2025]


def test_a_name_that_disagrees_with_the_dates_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "2023-24" / "e.csv", EPISODES + "\n" + episode("C1", "01/05/2024") + "\n")
    result = read_903([tmp_path])
    (mismatch,) = result.findings
    assert mismatch.code == SSDA903_YEAR_MISMATCH and list(result.records.years) == [2024]


def test_two_tables_for_one_year_keep_the_first(tmp_path: Path) -> None:
    write(tmp_path / "a.csv", EPISODES + "\n" + episode("C1", "01/05/2024") + "\n")
    write(tmp_path / "b.csv", EPISODES + "\n" + episode("C2", "01/05/2024") + "\n")
    result = read_903([tmp_path / "a.csv", tmp_path / "b.csv"])
    (dup,) = result.findings
    assert dup.code == SSDA903_DUPLICATE_TABLE
    assert result.records.years[2025].tables["Episodes"]["CHILD"].tolist() == ["C1"]


def test_match_prefers_the_table_with_most_columns() -> None:
    with_uasc = [*TABLES["Header"], "UASC", "DUC"]
    assert match_table(with_uasc).table == "Header"
    assert match_table(list(TABLES["UASC"])).table == "UASC"


def test_identifiers_no_measure_uses_are_never_read(tmp_path: Path) -> None:
    from tests.ssda903_synth import synthesize

    made = synthesize(children=60, years=(2025,), seed=3)
    made.write(tmp_path)
    read = read_903([tmp_path])
    tables = read.records.years[2025].tables
    assert set(tables["Header"]["UPN"]) == {""}
    for column in ("HOME_POST", "PL_POST", "URN"):
        assert set(tables["Episodes"][column]) == {""}
    # What is counted is still read.
    assert set(tables["Header"]["CHILD"]) == set(made.tables[2025]["Header"]["CHILD"])
    assert tables["Episodes"]["DECOM"].notna().all()


@given(
    st.lists(
        st.one_of(
            st.tuples(st.integers(0, 40), st.integers(0, 14), st.integers(1600, 2300)).map(
                lambda d: f"{d[0]:02d}/{d[1]:02d}/{d[2]}"
            ),
            st.sampled_from(["", "1/2/2024", "2024-03-01", "12/05/24", " 01/01/2024", "x"]),
        ),
        min_size=1,
        max_size=30,
        unique=True,
    )
)
def test_fast_dates_read_as_pandas_does(texts: list[str]) -> None:
    """numpy's dd/mm/yyyy path gives what pandas' parser gives for every value it takes."""
    from pledgekit.read.ssda903.typed_columns import _day_month_year, _parsed_dates

    fast, read = _day_month_year(texts)
    taken = pd.Series(texts, dtype=object)[read]
    assert (fast[read] == _parsed_dates(taken).to_numpy()).all()
    assert pd.isna(fast[~read]).all()
    # Only exact dd/mm/yyyy is taken; the rest is left to pandas.
    assert all(len(t) == 10 and t[2] == t[5] == "/" for t in taken)


def test_a_child_has_one_code_in_every_table_and_year(tmp_path: Path) -> None:
    """CHILD is handed on coded: one set of categories over every table and year read, so the
    records layer joins on the codes; ids that differ only by spaces are the same child."""
    write(tmp_path / "2023-24" / "e.csv", EPISODES + "\n" + episode("C2", "01/05/2023") + "\n")
    write(
        tmp_path / "2024-25" / "e.csv",
        EPISODES + "\n" + episode(" C1 ", "01/05/2024") + "\n" + episode("C2", "01/06/2024") + "\n",
    )
    write(
        tmp_path / "2024-25" / "h.csv",
        HEADER + "\nC1,1,01/01/2015,WBRI,,,\nC3,2,01/01/2016,WBRI,,,\n",
    )
    years = read_903([tmp_path]).records.years
    columns = [
        years[2024].tables["Episodes"]["CHILD"],
        years[2025].tables["Episodes"]["CHILD"],
        years[2025].tables["Header"]["CHILD"],
    ]
    first = columns[0].cat.categories
    assert all(column.cat.categories.equals(first) for column in columns)
    assert sorted(first) == ["C1", "C2", "C3"]
    codes = [column.cat.codes.tolist() for column in columns]
    c1, c2, c3 = (first.get_loc(child) for child in ("C1", "C2", "C3"))
    assert codes == [[c2], [c1, c2], [c1, c3]]
    assert columns[1].tolist() == ["C1", "C2"]
