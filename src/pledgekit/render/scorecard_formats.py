"""Pick the scorecard renderer for a format name."""

from __future__ import annotations

from pledgekit.scorecard import Scorecard

FORMATS = ("table", "json", "csv", "md", "xlsx")


def render_scorecard(card: Scorecard, fmt: str) -> str | bytes:
    """The scorecard in ``fmt`` (one of :data:`FORMATS`); ``table`` is plain text here."""
    if fmt == "table":
        from pledgekit.render.scorecard_text import render_table
        from pledgekit.terminal import captured

        return captured(lambda console: render_table(card, console))
    if fmt == "xlsx":
        from pledgekit.render.scorecard_xlsx import render_xlsx

        return render_xlsx(card)
    from pledgekit.render import scorecard_flat

    renderers = {
        "json": scorecard_flat.render_json,
        "csv": scorecard_flat.render_csv,
        "md": scorecard_flat.render_markdown,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown scorecard format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return renderers[fmt](card)
