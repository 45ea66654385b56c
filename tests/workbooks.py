"""Writers for small test workbooks: .xlsx (openpyxl), .csv and .ods (written by hand).

Rows are lists of cell values starting at A1; ``None`` is a blank cell.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

Rows = Sequence[Sequence[object]]


def write_xlsx(
    path: Path,
    rows: Rows,
    *,
    sheet: str = "Indicators",
    formats: Mapping[str, str] | None = None,
    merges: Sequence[str] = (),
    sheets: Mapping[str, Rows] | None = None,
    first: Mapping[str, Rows] | None = None,
) -> Path:
    """Write ``rows`` to ``sheet`` with number ``formats`` by A1 cell and ``merges`` ranges.

    ``sheets`` are written after the main sheet and ``first`` before it.
    """
    book = Workbook()
    book.remove(book.active)
    for name, content in (first or {}).items():
        _fill(book.create_sheet(name), content)
    main = book.create_sheet(sheet)
    _fill(main, rows)
    for ref, number_format in (formats or {}).items():
        main[ref].number_format = number_format
    for merged in merges:
        main.merge_cells(merged)
    for name, content in (sheets or {}).items():
        _fill(book.create_sheet(name), content)
    book.save(path)
    return path


def _fill(worksheet: Any, rows: Rows) -> None:
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                worksheet.cell(row=r, column=c, value=value)


def patch_sheet_xml(path: Path, replace: Mapping[str, str], sheet_part: str = "sheet1") -> None:
    """Rewrite parts of a sheet's XML, e.g. to give a formula the saved result Excel would."""
    part = f"xl/worksheets/{sheet_part}.xml"
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    text = members[part].decode()
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    members[part] = text.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def write_csv(path: Path, rows: Rows, *, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    """Write ``rows`` as CSV text in ``encoding``."""
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return path


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)


def write_ods(
    path: Path,
    sheets: Mapping[str, Rows],
    *,
    percent: Sequence[str] = (),
    spans: Mapping[str, int] | None = None,
) -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice would save it.

    ``percent`` cells are typed as percentages (value 0.36 shows 36%); ``spans`` maps an A1
    cell to the number of rows it is merged down (the cells below become covered cells).
    """
    merged = {_cell(ref): rows for ref, rows in (spans or {}).items()}
    covered = {(r + i, c) for (r, c), n in merged.items() for i in range(1, n)}
    pct = {_cell(ref) for ref in percent}
    tables = []
    for name, rows in sheets.items():
        xml_rows = []
        for r, row in enumerate(rows):
            cells = []
            for c, value in enumerate(row):
                if (r, c) in covered:
                    cells.append("<table:covered-table-cell/>")
                    continue
                span = f' table:number-rows-spanned="{merged[r, c]}"' if (r, c) in merged else ""
                cells.append(_ods_cell(value, (r, c) in pct, span))
            xml_rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        tables.append(f'<table:table table:name="{escape(name)}">{"".join(xml_rows)}</table:table>')
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} '
        f'office:version="1.2"><office:body><office:spreadsheet>{"".join(tables)}'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


@dataclass(frozen=True)
class OdsFormula:
    """A formula cell as LibreOffice saves it: with its result, or an error; or with neither."""

    formula: str
    value: float | None = None
    error: str | None = None


def _ods_cell(value: object, percent: bool, span: str) -> str:
    if isinstance(value, OdsFormula):
        formula = f'table:formula="of:{escape(value.formula)}"'
        if value.error:
            return (
                f'<table:table-cell {formula} office:value-type="string" office:string-value="" '
                f'calcext:value-type="error"><text:p>{value.error}</text:p></table:table-cell>'
            )
        if value.value is not None:
            return (
                f'<table:table-cell {formula} office:value-type="float" '
                f'office:value="{value.value}"><text:p>{value.value}</text:p></table:table-cell>'
            )
        return f"<table:table-cell {formula}/>"
    if value is None:
        return f"<table:table-cell{span}/>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        kind = "percentage" if percent else "float"
        return (
            f'<table:table-cell office:value-type="{kind}" office:value="{value}"{span}>'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="string"{span}><text:p>{escape(str(value))}'
        "</text:p></table:table-cell>"
    )


def _cell(ref: str) -> tuple[int, int]:
    letters, row = coordinate_from_string(ref)
    return row - 1, column_index_from_string(letters) - 1
