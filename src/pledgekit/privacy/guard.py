"""Safe to publish: the personal-data guard over every piece of free text in an output's model.

The guard knows no output: it walks any tree of dataclasses, tuples and lists (a scorecard, a
report) and scans each :class:`~pledgekit.model.prose.Prose` in it, so a text field added to a
model later is guarded without a change here. pledge.yaml's own text (titles, promises, owners)
and file and sheet names reach outputs as plain strings: :func:`guard_definition` scans them at
their YAML lines. Small-number suppression happens earlier, in
:mod:`pledgekit.privacy.suppression`, before anything is rated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass, replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from pledgekit.config.pledge import Definition
from pledgekit.model.findings import Finding
from pledgekit.model.location import Location
from pledgekit.model.periods import Period
from pledgekit.model.prose import Prose
from pledgekit.model.values import Reading
from pledgekit.privacy.detect import pii_findings, scan_text
from pledgekit.privacy.detect import redact as redact_text

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

#: Values that hold no free text: skipped at once, as a scorecard of 2,000 measures has half a
#: million of them. Readings, periods and locations are the model's value types (numbers, labels
#: and places that pledgekit derived, never prose a person wrote).
_LEAVES = (str, int, float, bool, type(None), Enum, date, Reading, Period, Location)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(item.name for item in fields(cls))
    return names


def guard(tree: T, *, redact: bool = False, where: str = "report") -> tuple[T, list[Finding]]:
    """Scan every :class:`Prose` in ``tree``.

    Returns the tree (with matches replaced by ``[redacted]`` when ``redact``; unchanged parts
    are the same objects) and the findings that must block output (none when redacting), each
    located at the text's source, or at ``where`` when the text has none. Placeholders pledgekit
    wrote are skipped.
    """
    blocking: list[Finding] = []

    def visit(node: object) -> object:
        if isinstance(node, _LEAVES):
            return node
        if isinstance(node, Prose):
            if node.placeholder or not scan_text(node.text):
                return node
            if redact:
                return replace(node, text=redact_text(node.text))
            blocking.extend(pii_findings(node.text, node.location or Location(where), node.field))
            return node
        if isinstance(node, (tuple, list)):
            items = [visit(item) for item in node]
            if all(a is b for a, b in zip(items, node, strict=True)):
                return node
            return tuple(items) if isinstance(node, tuple) else items
        if is_dataclass(node) and not isinstance(node, type):
            changes = {}
            for name in _field_names(type(node)):
                value = getattr(node, name)
                if (guarded := visit(value)) is not value:
                    changes[name] = guarded
            return replace(node, **changes) if changes else node
        return node

    guarded = visit(tree)
    assert isinstance(guarded, type(tree))
    # The same text can be shown twice (an exception repeats the scorecard's commentary).
    return guarded, list(dict.fromkeys(blocking))


# Keys of pledge.yaml whose values are codes, paths or filters, never text a person reads.
_NOT_TEXT = frozenset(
    {"id", "part_of", "file", "where", "denominator_where", "reference_pack", "area", "unit"}
)


def _texts(node: object, key: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text in a pydantic model from YAML, with its key path (``("pledges", 0, "title")``)."""
    if isinstance(node, str):
        yield key, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name not in _NOT_TEXT:
                yield from _texts(getattr(node, name), (*key, name))
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            yield from _texts(item, (*key, index))
    elif isinstance(node, dict):
        for name, value in node.items():
            yield from _texts(value, (*key, str(name)))


def guard_definition(
    definition: Definition,
    path: Path | str,
    *,
    redact: bool = False,
    names: Iterable[tuple[str, Location]] = (),
) -> tuple[Definition, list[Finding]]:
    """Scan pledge.yaml's text (council, titles, promises, owners, descriptions) and ``names``
    (file and sheet names, each with where it was met): all of it can reach an output.

    Returns the definition (its texts redacted when ``redact``) and the findings that must
    block output, each at its YAML line (with ``redact``, only those about names).
    """
    found: list[Finding] = []
    for key, text in _texts(definition, ()):
        if text and scan_text(text):
            line, col = definition.position(key)
            field = ".".join(map(str, key))
            found += pii_findings(text, Location(str(path), line=line, col=col), field)
    named: list[Finding] = []
    for name, where in names:  # a name cannot be redacted: it blocks even with --redact
        if name and scan_text(name):
            named += pii_findings(name, where, "file or sheet name")
    if not redact:
        return definition, list(dict.fromkeys([*found, *named]))
    return _redacted(definition), list(dict.fromkeys(named))


def _redacted(node: M) -> M:
    """A copy of a pydantic model with personal data in its texts replaced by [redacted]."""

    def fix(value: object, name: str) -> object:
        if name in _NOT_TEXT:
            return value
        if isinstance(value, str):
            return redact_text(value) if scan_text(value) else value
        if isinstance(value, BaseModel):
            return _redacted(value)
        if isinstance(value, list):
            return [fix(item, "") for item in value]
        return value

    changes = {
        name: fixed
        for name in type(node).model_fields
        if (fixed := fix(getattr(node, name), name)) != getattr(node, name)
    }
    return node.model_copy(update=changes) if changes else node
