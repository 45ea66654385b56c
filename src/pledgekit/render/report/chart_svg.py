"""A chart's scene as an inline SVG element: text stays text, so it is sharp at any zoom.

The element has no fixed size (it scales to its column through its ``viewBox``, in points),
names the body font first, and is an image labelled by its ``<title>`` and ``<desc>``, which
:func:`svg_element` is given by the caller.
"""

from __future__ import annotations

from html import escape

from pledgekit.render.report import chart_style as style
from pledgekit.render.report.chart_layout import Box, Dot, Item, Polyline, Scene

_FONT = ", ".join(f"'{name}'" for name in style.FONTS) + ", sans-serif"


def _n(value: float) -> str:
    """A coordinate to a hundredth of a point, without trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _item(item: Item) -> str:
    if isinstance(item, Box):
        return (
            f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.width)}" '
            f'height="{_n(item.height)}" style="fill: {item.fill}"/>'
        )
    if isinstance(item, Dot):
        return (
            f'<circle cx="{_n(item.x)}" cy="{_n(item.y)}" r="{_n(item.radius)}" '
            f'style="fill: {item.colour}"/>'
        )
    if isinstance(item, Polyline):
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in item.points)
        line = item.stroke
        dash = f"; stroke-dasharray: {','.join(_n(d) for d in line.dash)}" if line.dash else ""
        tag = "polygon" if item.closed else "polyline"
        return (
            f'<{tag} points="{points}" style="fill: none; stroke: {line.colour}; '
            f'stroke-width: {_n(line.width)}; stroke-linejoin: round{dash}"/>'
        )
    weight = "; font-weight: bold" if item.bold else ""
    return (
        f'<text x="{_n(item.x)}" y="{_n(item.y)}" text-anchor="{item.anchor}" '
        f'style="font-size: {_n(item.size)}px; fill: {item.colour}{weight}">'
        f"{escape(item.text, quote=False)}</text>"
    )


def svg_element(scene: Scene, opening: str, head: str) -> str:
    """``<svg ...>`` with ``opening``'s attributes, ``head`` (title, desc), then the drawing."""
    body = "\n".join(_item(item) for item in scene.items)
    return (
        f'<svg {opening} xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {_n(scene.width)} {_n(scene.height)}">{head}\n'
        f'<rect width="{_n(scene.width)}" height="{_n(scene.height)}" style="fill: #FFFFFF"/>\n'
        f'<g style="font-family: {_FONT}">\n{body}\n</g>\n</svg>\n'
    )
