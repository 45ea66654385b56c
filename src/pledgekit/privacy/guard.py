"""Safe to publish: the personal-data guard over every piece of free text in an output's model.

The guard knows no output: it walks any tree of dataclasses, tuples and lists (a scorecard, a
report) and scans each :class:`~pledgekit.model.prose.Prose` in it, so a text field added to a
model later is guarded without a change here. Small-number suppression happens earlier, in
:mod:`pledgekit.privacy.suppression`, before anything is rated.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import date
from enum import Enum
from typing import TypeVar

from pledgekit.model.findings import Finding
from pledgekit.model.location import Location
from pledgekit.model.periods import Period
from pledgekit.model.prose import Prose
from pledgekit.model.values import Reading
from pledgekit.privacy.detect import pii_findings, scan_text
from pledgekit.privacy.detect import redact as redact_text

T = TypeVar("T")

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
