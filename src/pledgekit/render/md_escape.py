"""Helpers for Markdown output that renders on GitHub and converts cleanly with pandoc.

User text (titles, commentary, meeting prose, file names) is escaped so it stays text: no code
fence (```` ``` ```` or ``~~~``) can swallow the rest of the paper, no ``250.`` becomes a list
numbered 1, no ``#`` a heading, ``|`` a table, ``<`` raw HTML, and no ``---`` or ``===`` line
turns the line above into a heading or a rule.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
# What Markdown reads at the start of a line: an ordered-list number ("250." or "3)"), a bullet
# or block-quote mark followed by a space, or a line of only -, =, + marks (a rule, a setext
# underline). The mark is escaped, so the text reads exactly as written.
_NUMBER_START = re.compile(r"^(\s*\d{1,9})([.)])(?=\s|$)")
_MARK_START = re.compile(r"^(\s*)([-+])(?=\s|$)")
_RULE = re.compile(r"^(\s*)([-=+])(?=[\s\-=+]*$)")


def _line(text: str) -> str:
    """One line escaped: marks everywhere, then what only matters at the start of a line."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    escaped = _NUMBER_START.sub(r"\1\\\2", escaped)
    escaped = _MARK_START.sub(r"\1\\\2", escaped)
    return _RULE.sub(r"\1\\\2", escaped)


def md_cell(text: object) -> str:
    """Text safe inside a pipe-table cell: ``|`` and Markdown marks escaped, newlines as spaces."""
    if text is None:
        return ""
    return _line(" ".join(str(text).split()))


def md_text(text: object) -> str:
    """Free text from inputs safe as a Markdown paragraph: marks escaped, line breaks kept."""
    if text is None:
        return ""
    return "\n".join(_line(line.rstrip()) for line in str(text).splitlines())
