"""Workbooks written at different times give the same bytes."""

from __future__ import annotations

import io
import zipfile

from pledgekit.render.stablezip import FIXED_TIME, stable_zip

CORE = (
    b'<cp:coreProperties><dcterms:modified xsi:type="dcterms:W3CDTF">{}</dcterms:modified>'
    b"</cp:coreProperties>"
)


def _zip(when: tuple[int, int, int, int, int, int], modified: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("xl/workbook.xml", date_time=when), b"<workbook/>")
        archive.writestr(
            zipfile.ZipInfo("docProps/core.xml", date_time=when), CORE.replace(b"{}", modified)
        )
    return out.getvalue()


def test_entry_times_and_modified_property_are_fixed() -> None:
    first = _zip((2026, 1, 1, 9, 0, 0), b"2026-01-01T09:00:00Z")
    later = _zip((2026, 1, 1, 9, 0, 2), b"2026-01-01T09:00:02Z")
    assert first != later
    assert stable_zip(first) == stable_zip(later)
    archive = zipfile.ZipFile(io.BytesIO(stable_zip(first)))
    assert {info.date_time for info in archive.infolist()} == {FIXED_TIME}
    assert b"2000-01-01T00:00:00Z" in archive.read("docProps/core.xml")
    assert archive.read("xl/workbook.xml") == b"<workbook/>"
