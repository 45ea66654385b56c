"""Free text that reaches a report, with where it came from, split into paragraphs and lists.

Every renderer (Markdown, HTML, DOCX) draws the same :class:`Block` structure, so a narrative
reads alike in each. The Markdown understood is deliberately small: paragraphs, ``-``/``*``
bullets, ``1.`` numbered items, ``**bold**`` and ``*italic*``; anything else is plain text, so
no input can inject markup into a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgekit.model.location import Location

PLACEHOLDER = "[to be completed]"

_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")
_EMPHASIS = re.compile(r"\*\*(?P<bold>[^*]+?)\*\*|\*(?P<italic>[^*\s][^*]*?)\*")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph (one item), or a bulleted or numbered list (one item per entry)."""

    kind: str  # "paragraph" | "bullet" | "number"
    items: tuple[tuple[Span, ...], ...]


@dataclass(frozen=True, slots=True)
class Prose:
    """Text from an input file that the report shows, with its source for personal-data findings.

    ``markdown`` is False for text from spreadsheets, where ``*`` is just a character.
    ``placeholder`` marks text pledgekit wrote in place of something missing (highlighted).
    """

    text: str
    field: str
    location: Location | None = None
    markdown: bool = True
    placeholder: bool = False

    @classmethod
    def missing(cls, field: str, text: str = PLACEHOLDER) -> Prose:
        """Placeholder text for a part the author still has to write."""
        return cls(text, field, markdown=False, placeholder=True)

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The text as paragraphs and lists."""
        return parse_blocks(self.text, markdown=self.markdown, placeholder=self.placeholder)

    def __str__(self) -> str:
        return self.text


def spans(text: str, *, markdown: bool = True, bold: bool = False) -> tuple[Span, ...]:
    """Split one line of text into runs at ``**bold**`` and ``*italic*`` marks."""
    if not markdown:
        return (Span(text, bold=bold),)
    result: list[Span] = []
    at = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > at:
            result.append(Span(text[at : match.start()], bold=bold))
        if match["bold"] is not None:
            result.append(Span(match["bold"], bold=True))
        else:
            result.append(Span(match["italic"], bold=bold, italic=True))
        at = match.end()
    if at < len(text):
        result.append(Span(text[at:], bold=bold))
    return tuple(result)


def parse_blocks(
    text: str, *, markdown: bool = True, placeholder: bool = False
) -> tuple[Block, ...]:
    """Paragraphs and lists of ``text``.

    Markdown joins wrapped lines into one paragraph; plain text (spreadsheet cells) keeps each
    line as its own paragraph, because there a line break is what the author meant.
    """
    blocks: list[tuple[str, list[list[str]]]] = []
    joinable = False  # may the next line continue the last paragraph or list item?
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            joinable = False
            continue
        kind, content = _classify(line, markdown=markdown)
        if kind == "number" and not (blocks and blocks[-1][0] == kind) and _first(line) != 1:
            # "250. children were seen late" is a sentence, not item 1 of a list: a numbered
            # list starts at 1, and anything else keeps its number as written.
            kind, content = "paragraph", line
        if kind == "paragraph" and joinable:
            blocks[-1][1][-1].append(content)  # a wrapped line of a paragraph or list item
        elif kind in ("bullet", "number") and blocks and blocks[-1][0] == kind:
            blocks[-1][1].append([content])
        else:
            blocks.append(("paragraph" if kind == "heading" else kind, [[content]]))
        # Headings stand alone; plain text keeps every line break.
        joinable = markdown and kind != "heading"
    return tuple(
        Block(kind, tuple(spans(" ".join(i), markdown=markdown, bold=placeholder) for i in items))
        for kind, items in blocks
    )


def _first(line: str) -> int:
    """The number a numbered-list line starts with."""
    return int(re.match(r"\s*(\d+)", line)[1])  # type: ignore[index]


def _classify(line: str, *, markdown: bool) -> tuple[str, str]:
    for kind, pattern in (("bullet", _BULLET), ("number", _NUMBER)):
        match = pattern.match(line)
        if match:
            return kind, match[1]
    heading = _HEADING.match(line) if markdown else None
    if heading:  # headings would break the report's outline: show them as bold paragraphs
        return "heading", f"**{heading[1]}**"
    return "paragraph", line
