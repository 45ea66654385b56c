"""The SSDA903 XML return (``EXPSSDA903``) -> the same tables as the CSV files.

One ``CHILD`` element per child holds its header fields (``CHILDID`` for CHILD) and groups of
repeated fields: ``EPISODE`` (``PL`` for PLACE), ``AREVIEW``, ``AMISSING``, ``OC2``,
``PERMANENCE``, ``AD_PLACED``; a group under another name is placed by the columns it holds.
Care leaver (OC3), adoption (AD1) and UASC fields sit with the header fields: a child with any
of them gets a row in that table. Each row's number is the CHILD element's position (1-based).

The file is parsed as a stream by :mod:`pledgekit.read.xml_stream`, which refuses every DTD:
no entity can expand and nothing outside the file is ever fetched. Messages never quote the
file's text.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from pledgekit.model.codes import UNREADABLE_FILE
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.ssda903_tables import TABLES
from pledgekit.read import xml_stream
from pledgekit.read.ssda903.csv_returns import RawTable

_RENAMED = {"CHILDID": "CHILD", "PL": "PLACE"}
_GROUPS = {
    "EPISODE": "Episodes",
    "AREVIEW": "Reviews",
    "AMISSING": "Missing",
    "OC2": "OC2",
    "PERMANENCE": "PrevPerm",
    "AD_PLACED": "PlacedAdoption",
    "SW_EPISODE": "SWEpisodes",
    "OC3": "OC3",
    "AD1": "AD1",
}
_PERSON = ("CHILD", "DOB", "SEX")
#: Tables whose fields sit beside the header's, and the fields that make a child have a row.
_BESIDE_HEADER = {
    "UASC": ("DUC",),
    "OC3": ("IN_TOUCH", "ACTIV", "ACCOM"),
    "AD1": ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
}
_CHUNK = 1 << 20


class _Return:
    """The parser's state: the child being read and every table's rows so far."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, str]]] = {name: [] for name in TABLES}
        self.numbers: dict[str, list[int]] = {name: [] for name in TABLES}
        self.children = 0
        self.stack: list[list[object]] = []  # [tag, fields, has elements inside]
        self.text: list[str] = []
        self.person: dict[str, str] = {}
        self.groups: list[tuple[str, dict[str, str]]] = []

    def start(self, tag: str, _attrs: object) -> None:
        tag = tag.upper()
        if self.stack:
            self.stack[-1][2] = True
        if tag == "CHILD":
            self.children += 1
            self.person, self.groups = {}, []
        self.stack.append([tag, {}, False])
        self.text = []

    def chars(self, data: str) -> None:
        self.text.append(data)

    def end(self, _tag: str) -> None:
        tag, fields, nested = self.stack.pop()
        assert isinstance(tag, str) and isinstance(fields, dict)
        inside = [str(entry[0]) for entry in self.stack]
        if "CHILD" not in inside and tag != "CHILD":
            return
        if tag == "CHILD":
            self._child()
        elif not nested:
            name = _RENAMED.get(tag, tag)
            value = "".join(self.text).strip()
            target = self.person
            for entry in reversed(self.stack):
                if entry[0] == "CHILD":
                    break
                if entry[0] != "HEADER":
                    target = entry[1]  # type: ignore[assignment]
                    break
            target.setdefault(name, value)
        elif tag != "HEADER":
            self.groups.append((tag, fields))
        self.text = []

    def _child(self) -> None:
        person = self.person
        self._add("Header", person)
        for table, marks in _BESIDE_HEADER.items():
            if any(person.get(mark) for mark in marks):
                self._add(table, person)
        for tag, fields in self.groups:
            group = _GROUPS.get(tag) or _closest(fields)
            if group is not None:
                self._add(group, {**{k: person.get(k, "") for k in _PERSON}, **fields})

    def _add(self, table: str, fields: dict[str, str]) -> None:
        self.rows[table].append({c: fields.get(c, "") for c in TABLES[table]})
        self.numbers[table].append(self.children)


def _closest(fields: dict[str, str]) -> str | None:
    """The table a group of an unfamiliar name belongs to, by the columns it holds."""
    own = {name: set(cols) - set(_PERSON) for name, cols in TABLES.items()}
    best = max(own, key=lambda name: len(own[name] & set(fields)))
    return best if own[best] & set(fields) else None


def read_xml_tables(path: Path, shown: str) -> tuple[list[RawTable], list[Finding]]:
    """Every 903 table of the XML return at ``path`` (all of them, empty when the return has
    no rows of one), or a finding when the file cannot be read as one."""
    state = _Return()
    try:
        if not path.is_file():
            raise OSError("not a regular file")
        with path.open("rb") as handle:
            chunks = iter(partial(handle.read, _CHUNK), b"")
            xml_stream.parse(chunks, state.start, state.end, state.chars)
    except xml_stream.XmlError as exc:
        return [], [_unreadable(shown, str(exc))]
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else "cannot be opened"
        return [], [_unreadable(shown, str(exc) if "regular" in str(exc) else reason)]
    if not state.children:
        return [], [_unreadable(shown, "no CHILD elements: not an SSDA903 XML return")]
    tables = []
    for table, rows in state.rows.items():
        frame = pd.DataFrame(rows, columns=list(TABLES[table]), dtype=object)
        tables.append(RawTable(table, frame, np.asarray(state.numbers[table], dtype=np.int64)))
    return tables, []


def _unreadable(shown: str, reason: str) -> Finding:
    return finding(UNREADABLE_FILE, reason, Location(shown), found=Path(shown).name)
