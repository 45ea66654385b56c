"""Helpers for Markdown output that renders on GitHub and converts cleanly with pandoc."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_cell(text: object) -> str:
    """Text safe inside a pipe-table cell: ``|`` and Markdown marks escaped, newlines as spaces."""
    if text is None:
        return ""
    flat = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", flat)


def md_text(text: object) -> str:
    """Free text from inputs safe as a Markdown paragraph: marks escaped, line breaks kept."""
    if text is None:
        return ""
    return "\n".join(_SPECIAL.sub(r"\\\1", line.rstrip()) for line in str(text).splitlines())
