"""What still stops a report being final: reds without commentary and "[to be completed]" gaps.

A report with any gap is a DRAFT in every format; ``pledgekit report --final`` refuses to write
it and lists every gap. The walk is generic (any dataclass, tuple or list in the report), so a
placeholder added to the model later is found without a change here.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass

from pledgekit.model.prose import PLACEHOLDER, Prose
from pledgekit.report.meeting_view import Detail, ImplicationView


def _label(field: str) -> str:
    return field.replace("_", " ").replace(".", ": ")


def placeholder_gaps(tree: object) -> list[str]:
    """A line for each placeholder in ``tree`` (exception commentary is counted elsewhere)."""
    found: list[str] = []

    def visit(node: object) -> None:
        if isinstance(node, Prose):
            if node.placeholder and node.field != "commentary":
                found.append(f"{_label(node.field)}: {PLACEHOLDER}")
            return
        if isinstance(node, ImplicationView):
            if node.text.placeholder:
                found.append(f"{node.heading}: {PLACEHOLDER}")
            if node.verified_by.placeholder:
                found.append(f"{node.heading}, who verified them: {PLACEHOLDER}")
            return
        if isinstance(node, Detail):
            if node.placeholder:
                found.append(f"cover, {node.label.lower()}: {PLACEHOLDER}")
            return
        if isinstance(node, (tuple, list)):
            for item in node:
                visit(item)
            return
        if is_dataclass(node) and not isinstance(node, type):
            for item in fields(node):
                visit(getattr(node, item.name))

    visit(tree)
    return list(dict.fromkeys(found))
