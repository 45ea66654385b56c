"""The byte look that spares ordinary sheets the parse is sound: it never clears a sheet that the
careful parse would refuse.

``read/xlsx_limits.check_sheet`` first looks at a sheet's bytes (``_plain_bound``) and, when that
look proves the sheet ordinary, skips the streaming parse (``_careful_extent``): the parse costs
35-70% of the read on the national tables. The claim tested here, differentially, on sheet XML
written every way XML allows (quoting, spaces around ``=``, namespace prefixes, character
references, comments, CDATA, processing instructions, attribute order, far and huge references,
cells and rows without ``r``, other encodings) and cut into chunks anywhere: whenever the byte
look clears a sheet, the careful parse reads it without error and its extent passes
``check_extent``.
"""

from __future__ import annotations

import io
import zipfile
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pledgekit.read import xlsx_limits, xml_stream
from pledgekit.read.xlsx_limits import SheetCursor, check_extent

PART = "xl/worksheets/sheet1.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# References: plainly small ones, far ones, odd ones the parser reads and ones it refuses.
_SMALL = st.builds(
    lambda letter, row: f"{letter}{row}",
    st.sampled_from(["", "A", "B", "O"]),
    st.integers(1, 999_999),
)
_FAR = st.builds(
    lambda letters, row: f"{letters}{row}",
    st.sampled_from(["P", "Z", "AA", "XFD", "XFE", "ZZZ", "ABCD", "a", "xfd"]),
    st.sampled_from([1, 9, 999_999, 1_000_000, 1_048_576, 1_048_577, 9_999_999, 10**12]),
)
_ODD = st.sampled_from(
    [
        "&#65;1",  # A1 by a character reference
        "A&#49;",
        "&#x58;FD1048576",
        " A1",
        "A1 ",
        "A1>",
        "A1&#10;",
        "A0000001",
        "A01048577",
        "5",  # a cell reference without a column
        "",
        "A",
        "²",  # a digit Python's isdigit() knows and int() does not
        "A١",  # an Arabic-Indic digit
        "XFD1048576",
    ]
)
REFERENCES = st.one_of(_SMALL, _FAR, _ODD)
#: A cell's reference as Excel writes it, within the limits.
_PLACED = st.builds(
    lambda letter, row: f"{letter}{row}",
    st.sampled_from(["A", "B", "C", "O", "P", "AA"]),
    st.integers(1, 1_048_576),
)
_ROWS = st.one_of(st.integers(1, 999_999), st.sampled_from([1_048_576, 1_048_577, 9_999_999])).map(
    str
)
SPACES = ("", " ", "\t", "\n", "\r\n")


def usual(odd: bool, usual: str, *others: str) -> st.SearchStrategy[str]:
    """``usual`` (as Excel writes a sheet) where the sheet is written plainly, else any of them.

    Most of a sheet is written plainly and one place at most oddly, so that many examples are
    sheets the byte look clears, where its claim can fail."""
    return st.sampled_from((usual, *others)) if odd else st.just(usual)


@st.composite
def attribute(draw: st.DrawFn, name: str, value: str, odd: bool) -> str:
    """``name="value"`` written any way XML allows: either quote, spaces around ``=``."""
    quote = draw(usual(odd, '"', "'"))
    if quote in value:
        quote = "'" if quote == '"' else '"'
    before, after = draw(usual(odd, "", *SPACES)), draw(usual(odd, "", *SPACES))
    return f"{name}{before}={after}{quote}{value}{quote}"


def escaped(value: str) -> str:
    return value.replace("&", "&amp;") if "&#" not in value else value


@st.composite
def cell(draw: st.DrawFn, prefix: str, odd: bool) -> str:
    attrs = []
    if not odd or draw(st.integers(0, 5)):  # most cells carry their reference
        reference = draw(REFERENCES if odd else st.one_of(_PLACED, _PLACED, _PLACED, _FAR))
        attrs.append(draw(attribute("r", escaped(reference), odd)))
    extras = ["s", "t", "x:r", "cm"] if odd else ["s", "t"]
    for extra in draw(st.lists(st.sampled_from(extras), max_size=2, unique=True)):
        value = {"s": "1", "t": "n", "x:r": draw(REFERENCES), "cm": "1"}[extra]
        attrs.append(draw(attribute(extra, escaped(value), odd)))
    if odd and draw(st.booleans()):  # in another order than Excel's (r first)
        attrs = draw(st.permutations(attrs))
    head = "".join(draw(usual(odd, " ", "  ", "\t", "\n")) + a for a in attrs)
    name = f"{prefix}c"
    content = draw(
        usual(
            odd,
            "<v>1</v>",
            "",
            f"<{prefix}v>2</{prefix}v>",
            "<f>A1+1</f><v>3</v>",
            "<is><t>text</t></is>",
            '<is><t><![CDATA[<c r="XFD1048576"><v>1</v></c>]]></t></is>',
            "<!-- a comment --><v>1</v>",
            '<?pi <c r="XFD1048576"?><v>1</v>',
        )
    )
    closing = draw(usual(odd, "", *SPACES))
    if not content and draw(st.booleans()):
        return f"<{name}{head}{closing}/>"
    return f"<{name}{head}{closing}>{content}</{name}>"


@st.composite
def row(draw: st.DrawFn, prefix: str, odd: bool) -> str:
    attrs = ""
    if not odd or draw(st.integers(0, 5)):
        number = draw(st.one_of(st.integers(1, 2_000_000).map(str), _ODD) if odd else _ROWS)
        attrs = " " + draw(attribute("r", escaped(number), odd))
    if draw(st.booleans()):
        attrs += ' spans="1:3"'
    cells = "".join(
        draw(st.lists(st.booleans().flatmap(lambda o: cell(prefix, odd and o)), max_size=4))
    )
    between = draw(usual(odd, "", "\n", "<!-- <c r='XFD1'/> -->", "<?pi x?>"))
    return f"<{prefix}row{attrs}>{between}{cells}</{prefix}row>"


@st.composite
def sheet(draw: st.DrawFn) -> bytes:
    """A worksheet part: its XML and its encoding. Written plainly but in one row at most, and
    in its namespace prefix and encoding one time in four."""
    odd = draw(st.integers(0, 3)) == 0
    prefix = draw(usual(odd, "", "x:"))
    namespace = f'xmlns:x="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    count = draw(st.integers(0, 5))
    strange = draw(st.integers(-1, count - 1))  # the row written oddly (-1: none)
    rows = "".join(draw(row(prefix, number == strange)) for number in range(count))
    body = (
        f'<{prefix}worksheet {namespace}><{prefix}dimension ref="A1:B2"/>'
        f'<{prefix}sheetViews><{prefix}sheetView><{prefix}selection sqref="XFD1048576"/>'
        f"</{prefix}sheetView></{prefix}sheetViews>"
        f"<{prefix}sheetData>{rows}</{prefix}sheetData></{prefix}worksheet>"
    )
    encoding = draw(usual(odd, "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1"))
    declared = draw(usual(odd, "UTF-8", "", "utf-8", "UTF-16", "ISO-8859-1"))
    if encoding.startswith("utf-16") and declared not in ("", "UTF-16"):
        declared = "UTF-16"
    if encoding == "latin-1" and declared != "ISO-8859-1":
        declared = "ISO-8859-1"
    standalone = ' standalone="yes"' if draw(st.booleans()) else ""
    prolog = (
        f'<?xml version="1.0" encoding="{declared}"{standalone}?>\n'
        if declared
        else draw(st.sampled_from(["", '<?xml version="1.0"?>']))
    )
    return (prolog + body).encode(encoding, errors="xmlcharrefreplace")


def zipped(xml: bytes) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(PART, xml)
    return zipfile.ZipFile(buffer)


def careful_verdict(archive: zipfile.ZipFile) -> str:
    """What the careful parse says of the sheet: "within", "beyond" or "refused"."""
    try:
        extent = xlsx_limits._careful_extent(archive, PART)
    except xml_stream.XmlError:
        return "refused"
    try:
        check_extent("sheet", extent)
    except Exception:
        return "beyond"
    return "within"


FAR_UTF16 = (
    f'<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="{MAIN}"><sheetData>'
    '<row r="1"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
)


@settings(max_examples=600)
@given(xml=sheet(), chunk=st.sampled_from([7, 16, 61, 1 << 23]))
@example(xml=FAR_UTF16.encode("utf-16"), chunk=1 << 23)
@example(xml=FAR_UTF16.replace(' encoding="UTF-16"', "").encode("utf-16-le"), chunk=1 << 23)
@example(
    xml=f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="5"><v>1</v></c></row>'
    "</sheetData></worksheet>".encode(),
    chunk=1 << 23,
)
@example(
    xml=f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1>"><v>1</v></c></row>'
    "</sheetData></worksheet>".encode(),
    chunk=1 << 23,
)
@example(xml=b"", chunk=1 << 23)
@example(
    xml=f'<worksheet xmlns="{MAIN}"><sheetData><row r= "&#65;1"></row></sheetData></worksheet>'.encode(),
    chunk=61,
)
@example(xml=f'<?XML version="1.0"?><worksheet xmlns="{MAIN}"/>'.encode(), chunk=1 << 23)
def test_what_the_byte_look_clears_the_careful_parse_finds_within_the_limits(
    xml: bytes, chunk: int
) -> None:
    with mock.patch.object(xlsx_limits, "_CHUNK", chunk), zipped(xml) as archive:
        if xlsx_limits._plain_bound(archive, PART):
            assert careful_verdict(archive) == "within"


def test_an_ordinary_sheet_is_still_cleared_by_its_bytes() -> None:
    """The soundness is not bought by clearing nothing: Excel's own way of writing a sheet
    (a UTF-8 declaration, ``<c r="A1" ...>``) is cleared without the parse."""
    cells = "".join(
        f'<row r="{n}" spans="1:3"><c r="A{n}" t="s"><v>0</v></c><c r="B{n}" s="1"><v>{n}</v></c>'
        f'<c r="C{n}"><f>B{n}*2</f><v>{2 * n}</v></c></row>'
        for n in range(1, 200)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        f'<worksheet xmlns="{MAIN}"><dimension ref="A1:C199"/><sheetData>{cells}</sheetData>'
        "</worksheet>"
    ).encode()
    for data in (xml, b"\xef\xbb\xbf" + xml, xml.replace(b' encoding="UTF-8"', b"")):
        with zipped(data) as archive:
            assert xlsx_limits._plain_bound(archive, PART)
            assert careful_verdict(archive) == "within"


@pytest.mark.parametrize("number", ["²", "١", "1.5", "-1", " 7"])
def test_a_row_number_that_is_not_one_is_a_located_error_not_a_crash(number: str) -> None:
    cursor = SheetCursor()
    with pytest.raises(xml_stream.XmlError, match="not a row number"):
        cursor.row({"r": number})
