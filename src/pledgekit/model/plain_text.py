"""Text as it may be published: without the invisible control characters pasted in from Word.

A vertical tab is Word's manual line break and becomes a line break; the other C0 controls (and
the two non-characters U+FFFE and U+FFFF) mean nothing to a reader and are not allowed in XML, so
an xlsx, docx or JUnit file holding one would be broken; the C1 controls (U+0080-U+009F) are
escape codes to a terminal. Tab, line feed and carriage return stay.
"""

from __future__ import annotations

import re

# C1 controls (U+0080-U+009F) too: U+009B is a terminal's CSI, as ESC [ is.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_BREAKS = {"\x0b": "\n", "\x0c": "\n"}


def has_controls(text: str) -> bool:
    """True when ``text`` holds a character :func:`without_controls` would change."""
    return CONTROL.search(text) is not None


_search = CONTROL.search


def without_controls(text: str) -> str:
    """``text`` with vertical tabs and form feeds as line breaks and other controls removed."""
    if _search(text) is None:
        return text
    return CONTROL.sub(lambda m: _BREAKS.get(m.group(), ""), text)


def describe_controls(text: str) -> str:
    """Which control characters ``text`` holds, for a message: '2 control characters (U+000B)'."""
    found = CONTROL.findall(text)
    kinds = ", ".join(sorted({f"U+{ord(c):04X}" for c in found}))
    return f"{len(found)} control character{'s' if len(found) != 1 else ''} ({kinds})"
