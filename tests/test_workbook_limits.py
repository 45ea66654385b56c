"""Hostile workbooks (issue 13, item 4): refused before the reader allocates, bounded memory."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.model.errors import InputError
from pledgekit.model.location import column_index
from pledgekit.read import xlsx_limits
from pledgekit.read.workbooks import read_workbook
from pledgekit.read.xlsx_limits import MAX_CELLS

from .factories import DEFINITION
from .memory import peak_memory_mb
from .workbooks import write_xlsx

runner = CliRunner()
ROWS = [["Measure", "Period", "Value"], ["1.1", "2025-26 Q1", 92], ["1.2", "2025-26 Q1", 8]]
SHEET = "xl/worksheets/sheet1.xml"


def rebuild(source: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """Copy the zip ``source`` to ``target``, passing each part through ``change``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info.filename))
            new.writestr(info.filename, data if data is not None else old.read(info.filename))
    return target


def extra_cells(xml: str) -> Callable[[str, bytes], bytes | None]:
    def change(name: str, data: bytes) -> bytes | None:
        return (
            data.replace(b"</sheetData>", xml.encode() + b"</sheetData>") if name == SHEET else None
        )

    return change


@pytest.fixture
def base(tmp_path: Path) -> Path:
    (tmp_path / "pledge.yaml").write_text(DEFINITION, encoding="utf-8")
    return write_xlsx(tmp_path / "base.xlsx", ROWS)


def one_error(path: Path) -> str:
    result = runner.invoke(app, ["scorecard", str(path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith(f"Error: {path}") and result.stderr.count("\n") == 1
    return result.stderr


def test_a_cell_at_the_far_corner_is_refused_in_little_memory(base: Path) -> None:
    far = rebuild(
        base,
        base.with_name("far.xlsx"),
        extra_cells('<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>'),
    )
    assert far.stat().st_size < 10_000
    assert "columns A to XFD" in one_error(far) and "sheet 'Indicators'" in one_error(far)
    code = f"""
from pathlib import Path
from pledgekit.model.errors import InputError
from pledgekit.read.workbooks import read_workbook
try:
    read_workbook(Path({str(far)!r}))
except InputError as exc:
    print(exc)
"""
    peak, out = peak_memory_mb(code)
    assert "at most" in out and peak < 200


@pytest.mark.parametrize("row", ["99999999999", "1048577"])
def test_a_row_beyond_excel_is_refused(base: Path, row: str) -> None:
    bad = rebuild(
        base,
        base.with_name("rows.xlsx"),
        extra_cells(f'<row r="{row}"><c r="A{row}" t="n"><v>1</v></c></row>'),
    )
    assert "beyond Excel's last row" in one_error(bad)


def test_a_column_beyond_xfd_is_refused(base: Path) -> None:
    bad = rebuild(
        base, base.with_name("cols.xlsx"), extra_cells('<row r="5"><c r="ZZZZ5"><v>1</v></c></row>')
    )
    assert "last column" in one_error(bad)


def test_a_reference_hidden_after_other_attributes_is_still_seen(base: Path) -> None:
    bad = rebuild(
        base,
        base.with_name("late.xlsx"),
        extra_cells('<row r="900000"><c t="n" r="XFD900000"><v>1</v></c></row>'),
    )
    assert "at most" in one_error(bad)


def test_cells_without_references_are_placed_and_bounded(base: Path) -> None:
    wide = "".join("<c><v>1</v></c>" for _ in range(40))
    bad = rebuild(base, base.with_name("noref.xlsx"), extra_cells(f'<row r="1000000">{wide}</row>'))
    assert f"at most {MAX_CELLS:,}" in one_error(bad)


def test_formatting_far_away_is_not_data_and_is_read(base: Path) -> None:
    styled = rebuild(
        base,
        base.with_name("styled.xlsx"),
        extra_cells('<row r="1048576"><c r="XFD1048576" s="0"/></row>'),
    )
    data = read_workbook(styled)
    assert [o.measure for o in data.observations()] == ["1.1", "1.2"]


def test_a_declared_dimension_alone_is_harmless(base: Path) -> None:
    def change(name: str, data: bytes) -> bytes | None:
        if name != SHEET:
            return None
        return data.replace(b'<dimension ref="A1:C3"/>', b'<dimension ref="A1:XFD1048576"/>')

    assert len(read_workbook(rebuild(base, base.with_name("dim.xlsx"), change)).observations()) == 2


def _bomb(size: int) -> bytes:
    return b" " * size


def test_a_zip_bomb_is_refused_before_inflating(base: Path) -> None:
    def change(name: str, data: bytes) -> bytes | None:
        if name != SHEET:
            return None
        return data.replace(b"<sheetData>", b"<sheetData>" + _bomb(40_000_000))

    bomb = rebuild(base, base.with_name("bomb.xlsx"), change)
    assert bomb.stat().st_size < 100_000
    message = one_error(bomb)
    assert "zip bomb" in message and SHEET in message


def test_a_styles_bomb_is_refused(base: Path) -> None:
    def change(name: str, data: bytes) -> bytes | None:
        if name != "xl/styles.xml":
            return None
        return data.replace(b"</styleSheet>", b"<!--" + _bomb(25_000_000) + b"--></styleSheet>")

    message = one_error(rebuild(base, base.with_name("styles.xlsx"), change))
    assert "styles" in message


def test_the_refusal_is_an_input_error_for_the_library(base: Path) -> None:
    far = rebuild(
        base,
        base.with_name("far.xlsx"),
        extra_cells('<row r="900"><c r="XFD900"><v>1</v></c></row>'),
    )
    assert len(read_workbook(far).observations()) == 2  # 900 x 16,384 cells: within the limit
    far = rebuild(
        base,
        base.with_name("far2.xlsx"),
        extra_cells('<row r="2000000"><c r="B2000000"><v>1</v></c></row>'),
    )
    with pytest.raises(InputError, match="beyond Excel"):
        read_workbook(far)


def test_column_numbers() -> None:
    assert [column_index(c) for c in ("A", "Z", "AA", "ZZ", "XFD")] == [0, 25, 26, 701, 16383]


def test_an_ods_with_a_valued_cell_repeated_a_billion_times_is_refused(base: Path) -> None:
    tmp_path = base.parent
    from .workbooks import write_ods

    path = write_ods(tmp_path / "q.ods", {"Indicators": ROWS})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    bomb = (
        b'<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
        b'table:number-columns-repeated="16000" office:value-type="float" office:value="1"/>'
        b"</table:table-row></table:table>"
    )
    parts["content.xml"] = parts["content.xml"].replace(b"</table:table>", bomb, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert "repeated rows and cells" in one_error(path)
    # The usual trailing run of empty rows LibreOffice writes is not data.
    trailing = (
        b'<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
        b'table:number-columns-repeated="1024"/></table:table-row></table:table>'
    )
    fine = write_ods(tmp_path / "fine.ods", {"Indicators": ROWS})
    with zipfile.ZipFile(fine) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["content.xml"] = parts["content.xml"].replace(b"</table:table>", trailing, 1)
    with zipfile.ZipFile(fine, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert len(read_workbook(fine).observations()) == 2


def _declare(path: Path, part: str, size: int) -> None:
    """Rewrite the uncompressed size the zip declares for ``part`` (local and central)."""
    import struct

    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    name = part.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name:
            struct.pack_into("<I", data, at + 24, size)
            break
        at = data.find(b"PK\x01\x02", at + 1)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("part", [SHEET, "xl/styles.xml"])
def test_a_part_inflating_beyond_its_declared_size_is_refused(base: Path, part: str) -> None:
    # A sheet is inflated (once) just before it is read, any other part when the file opens.
    def change(name: str, data: bytes) -> bytes | None:
        if name != part:
            return None
        if name == SHEET:
            return data.replace(b"<sheetData>", b"<sheetData>" + _bomb(30_000_000))
        return data + b"<!--" + b" " * 30_000_000 + b"-->"

    liar = rebuild(base, base.with_name("liar.xlsx"), change)
    _declare(liar, part, 1_000)
    error = one_error(liar)
    assert f"the part {part} inflates beyond the 1,000 bytes" in error


def test_hostile_files_under_10_mb_stay_under_1_gb(base: Path) -> None:
    """Every refused file is refused in little memory, all read in one child process."""
    files = [
        rebuild(base, base.with_name(f"h{n}.xlsx"), extra_cells(xml))
        for n, xml in enumerate(
            [
                '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
                '<row r="99999999999"><c r="A99999999999"><v>1</v></c></row>',
                '<row r="1048576"><c r="Q1048576"><v>1</v></c></row>',
                '<row r="700000">' + "<c><v>1</v></c>" * 30 + "</row>",
            ]
        )
    ]

    def bomb(name: str, data: bytes) -> bytes | None:
        return data + _bomb(9_000_000) if name == "xl/styles.xml" else None

    files.append(rebuild(base, base.with_name("styles.xlsx"), bomb))
    assert all(f.stat().st_size < 10_000_000 for f in files)
    code = f"""
from pathlib import Path
from pledgekit.model.errors import InputError
from pledgekit.read.workbooks import read_workbook
for name in {[str(f) for f in files]!r}:
    try:
        read_workbook(Path(name))
        print("read", name)
    except InputError as exc:
        print("refused", name)
"""
    peak, out = peak_memory_mb(code)
    assert out.count("refused") == len(files), out
    assert peak < 1024, peak


def test_a_wide_ordinary_sheet_is_read(tmp_path: Path) -> None:
    """Past column O the quick bound is too loose, so every cell is looked at: still read."""
    header = [*ROWS[0], *(f"Note {n}" for n in range(30))]
    rows = [header, *([*row, *(["x"] * 30)] for row in ROWS[1:])]
    path = write_xlsx(tmp_path / "wide.xlsx", rows)
    assert len(read_workbook(path).observations()) == 2


@pytest.mark.parametrize("cut", range(1, 8))
def test_a_chunk_ending_inside_a_cell_start_keeps_the_quick_pass(
    base: Path, monkeypatch: pytest.MonkeyPatch, cut: int
) -> None:
    """A ``<c r="`` cut by the chunk's end is judged whole in the next chunk, not taken for a
    cell without a reference (which sent a million-row sheet through the slow careful pass)."""
    with zipfile.ZipFile(base) as archive:
        xml = archive.read(SHEET)
    start = xml.index(b'<c r="', xml.index(b"<sheetData>") + 100)
    monkeypatch.setattr(xlsx_limits, "_CHUNK", start + cut)

    def careful(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
        raise AssertionError("the careful pass ran")

    monkeypatch.setattr(xlsx_limits, "_careful_extent", careful)
    with zipfile.ZipFile(base) as archive:
        xlsx_limits.check_sheet(base, archive, SHEET, "Indicators")


@pytest.mark.parametrize("cut", range(1, 12))
@pytest.mark.parametrize("cell", ['<c t="n" r="B9"><v>1</v></c>', "<c><v>1</v></c>"])
def test_a_cell_without_its_reference_first_is_seen_wherever_a_chunk_ends(
    base: Path, monkeypatch: pytest.MonkeyPatch, cell: str, cut: int
) -> None:
    odd = rebuild(base, base.with_name("odd.xlsx"), extra_cells(f'<row r="9">{cell}</row>'))
    with zipfile.ZipFile(odd) as archive:
        xml = archive.read(SHEET)
    monkeypatch.setattr(xlsx_limits, "_CHUNK", xml.index(cell.encode()) + cut)
    looked: list[str] = []

    def careful(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
        looked.append(part)
        return 9, 3

    monkeypatch.setattr(xlsx_limits, "_careful_extent", careful)
    with zipfile.ZipFile(odd) as archive:
        xlsx_limits.check_sheet(odd, archive, SHEET, "Indicators")
    assert looked == [SHEET]


@pytest.mark.parametrize(
    ("cells", "careful"),
    [
        ('<row r="1000001"><c r="G1000001"><v>1</v></c></row>', False),
        ('<row r="1000001"><c r="O1000001"><v>1</v></c></row>', False),
        ('<row r="1000001"><c r="P1000001"><v>1</v></c></row>', True),
        ('<row r="999999"><c r="AA999999"><v>1</v></c></row>', True),
        ('<row r="5"><c r="ABCD5"><v>1</v></c></row>', True),
    ],
)
def test_the_quick_pass_bounds_tall_sheets_in_columns_a_to_o(
    base: Path, monkeypatch: pytest.MonkeyPatch, cells: str, careful: bool
) -> None:
    """A million rows in columns A to O fit the limit without looking at every cell; a later
    column on a tall sheet needs the careful pass."""
    tall = rebuild(base, base.with_name("tall.xlsx"), extra_cells(cells))
    looked: list[str] = []

    def careful_extent(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
        looked.append(part)
        return 1, 1

    monkeypatch.setattr(xlsx_limits, "_careful_extent", careful_extent)
    with zipfile.ZipFile(tall) as archive:
        xlsx_limits.check_sheet(tall, archive, SHEET, "Indicators")
    assert bool(looked) is careful


FAR = "XFD1048576"


def _sheet_check(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        xlsx_limits.check_sheet(path, archive, SHEET, "Indicators")


@pytest.mark.parametrize("cut", [70, 90, 120, 150, 163])
def test_a_far_cell_whose_tag_a_chunk_boundary_cuts_is_refused(
    base: Path, monkeypatch: pytest.MonkeyPatch, cut: int
) -> None:
    """The scan this replaced read chunks overlapping by 64 bytes: a far cell with a long tag
    (attributes before its reference) cut by a chunk's end was in neither chunk whole, and the
    reader was left to allocate XFD1048576 cells. The sheet is now parsed, and the byte look
    before the parse cuts only before a ``<``."""
    padding = " ".join(f'x{n}="{"y" * 8}"' for n in range(12))
    cell = f'<c {padding} r="{FAR}"><v>1</v></c>'
    far = rebuild(base, base.with_name("far.xlsx"), extra_cells(f'<row r="9">{cell}</row>'))
    with zipfile.ZipFile(far) as archive:
        xml = archive.read(SHEET)
    assert len(cell) > cut + 10
    monkeypatch.setattr(xlsx_limits, "_CHUNK", xml.index(cell.encode()) + cut)
    with pytest.raises(InputError, match="columns A to XFD"):
        _sheet_check(far)


@pytest.mark.parametrize(
    "cell",
    [
        f"<c r='{FAR}'><v>1</v></c>",  # single quotes
        f'<c\tr="{FAR}"><v>1</v></c>',  # a tab before the reference
        f'<c r = "{FAR}"><v>1</v></c>',  # spaces around the equals sign
        '<c r="&#88;FD1048576"><v>1</v></c>',  # a character reference
        f'<x:c r="{FAR}"><x:v>1</x:v></x:c>',  # a namespace prefix
        f'<c s="0" r="{FAR}"><v>1</v></c>',  # the reference not first
    ],
)
def test_a_far_cell_written_any_way_xml_allows_is_refused(base: Path, cell: str) -> None:
    far = rebuild(base, base.with_name("far.xlsx"), extra_cells(f'<row r="9">{cell}</row>'))
    with pytest.raises(InputError, match="columns A to XFD"):
        _sheet_check(far)


def test_a_sheet_declaring_entities_is_refused(base: Path) -> None:
    """A DTD is how XML grows a billionfold or reads other files: never in a sheet."""

    def change(name: str, data: bytes) -> bytes | None:
        if name != SHEET:
            return None
        dtd = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        return data.replace(b"<worksheet", dtd + b"<worksheet", 1)

    entities = rebuild(base, base.with_name("dtd.xlsx"), change)
    with pytest.raises(InputError, match="document type declaration"):
        _sheet_check(entities)
    assert "document type declaration" in one_error(entities)
