"""Numbered paragraphs: the ``4.2`` members cite in debate, drawn alike in every format."""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.model.prose import Block, Prose, Span


@dataclass(frozen=True, slots=True)
class Para:
    """A numbered paragraph: its number (``4.2``) and its text.

    ``blocks`` are the text's blocks with the number in bold before the first paragraph, so
    every renderer that draws prose draws the number too.
    """

    number: str
    prose: Prose

    @property
    def text(self) -> str:
        """The paragraph's text, without its number."""
        return self.prose.text

    @property
    def placeholder(self) -> bool:
        """True when the text is a gap still to be written."""
        return self.prose.placeholder

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The text as blocks, the number leading the first paragraph."""
        lead = Span(f"{self.number} ", bold=True)
        blocks = self.prose.blocks
        if blocks and blocks[0].kind == "paragraph":
            first = (lead, *blocks[0].items[0])
            return (Block("paragraph", (first,)), *blocks[1:])
        return (Block("paragraph", ((lead,),)), *blocks)


def generated(text: str, field: str = "generated text") -> Prose:
    """Text pledgekit wrote from the figures (plain text: no Markdown in it)."""
    return Prose(text, field, markdown=False)
