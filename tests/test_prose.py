"""The small Markdown subset of report prose: paragraphs, lists, bold and italic, nothing else."""

from __future__ import annotations

from pledgekit.model.prose import Block, Prose, Span, parse_blocks


def test_markdown_paragraphs_lists_and_emphasis() -> None:
    blocks = parse_blocks(
        "First line\nwraps **here** and *there*.\n\n- one\n  continues\n- two\n1. a\n2) b\n\n## Head\nText"
    )
    assert blocks == (
        Block(
            "paragraph",
            (
                (
                    Span("First line wraps "),
                    Span("here", bold=True),
                    Span(" and "),
                    Span("there", italic=True),
                    Span("."),
                ),
            ),
        ),
        Block("bullet", ((Span("one continues"),), (Span("two"),))),
        Block("number", ((Span("a"),), (Span("b"),))),
        Block("paragraph", ((Span("Head", bold=True),),)),
        Block("paragraph", ((Span("Text"),),)),
    )


def test_plain_text_keeps_line_breaks_and_asterisks() -> None:
    blocks = parse_blocks("Up 5*2 points\nsecond line\n- a bullet", markdown=False)
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "bullet"]
    assert blocks[0].items[0] == (Span("Up 5*2 points"),)


def test_markup_is_only_text() -> None:
    [block] = parse_blocks("<b>not bold</b> [link](http://x)")
    assert block.items[0] == (Span("<b>not bold</b> [link](http://x)"),)


def test_placeholder_is_bold_and_flagged() -> None:
    prose = Prose.missing("purpose")
    assert prose.placeholder and str(prose) == "[to be completed]"
    assert prose.blocks[0].items[0] == (Span("[to be completed]", bold=True),)
