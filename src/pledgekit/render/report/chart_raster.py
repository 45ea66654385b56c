"""A chart's scene painted as PNG for Word, with Pillow: sharp, small and quick to make.

Level and upright lines are painted sharp on the pixel grid; slopes and dots are painted at
twice the size and halved, which smooths their edges; text is set by FreeType, which smooths
its own. The picture is stored with a palette made of the chart's colours and their blends
with the page: about 20 kB, where full colour would be 70, and much quicker to compress. The
same scene gives the same bytes (no timestamp or software name is written).
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Iterator
from functools import lru_cache

from PIL import Image, ImageDraw

from pledgekit.render.report.chart_fonts import font
from pledgekit.render.report.chart_layout import Box, Dot, Label, Measure, Point, Polyline, Scene

#: Slopes and dots are painted this many times larger, then reduced.
SUPERSAMPLE = 2
#: zlib's effort: past 3 a chart compresses little smaller for twice the time.
COMPRESS_LEVEL = 3
#: The page.
WHITE = "#FFFFFF"
#: How much of a label's width lies left of its anchor.
_ANCHOR_SHARE = {"start": 0.0, "middle": 0.5, "end": 1.0}


def _rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def px_per_pt(dpi: float) -> float:
    """Pixels to a point at ``dpi``."""
    return dpi / 72.0


def text_measure(dpi: float) -> Measure:
    """Text widths in points as this module will set them: the layout's ``measure``."""
    scale = px_per_pt(dpi)

    def measure(text: str, size: float, bold: bool) -> float:
        face, stroke = font(size * scale, bold)
        return (face.getlength(text) + 2 * stroke) / scale

    return measure


def _dashes(points: tuple[Point, ...], pattern: tuple[float, ...]) -> Iterator[tuple[Point, Point]]:
    """The drawn pieces of a dashed line through ``points``, the pattern running on across
    corners."""
    index, left, drawing = 0, pattern[0], True
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        done = 0.0
        while done < length:
            step = min(left, length - done)
            if drawing:
                a, b = done / length, (done + step) / length
                yield (
                    (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                    (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b),
                )
            done += step
            left -= step
            if left <= 1e-9:
                index = (index + 1) % len(pattern)
                left, drawing = pattern[index], not drawing


def _smooth(item: Box | Dot | Polyline) -> bool:
    """Whether ``item`` has curves or slopes, whose edges need smoothing (a dot, the measure's
    line); level and upright lines and boxes are drawn sharp on the pixel grid."""
    if isinstance(item, Dot):
        return True
    if isinstance(item, Polyline):
        return any(x0 != x1 and y0 != y1 for (x0, y0), (x1, y1) in itertools.pairwise(item.points))
    return False


def _bounds(item: Box | Dot | Polyline, scale: float) -> tuple[int, int, int, int]:
    """The pixels ``item`` may touch, with a margin."""
    if isinstance(item, Dot):
        xs, ys, reach = [item.x], [item.y], item.radius
    elif isinstance(item, Polyline):
        xs, ys, reach = [x for x, _ in item.points], [y for _, y in item.points], item.stroke.width
    else:
        xs, ys, reach = [item.x, item.x + item.width], [item.y, item.y + item.height], 0.0
    margin = reach * scale + 2
    return (
        math.floor(min(xs) * scale - margin),
        math.floor(min(ys) * scale - margin),
        math.ceil(max(xs) * scale + margin),
        math.ceil(max(ys) * scale + margin),
    )


def _regions(
    items: list[Box | Dot | Polyline], scale: float, size: tuple[int, int]
) -> list[tuple[tuple[int, int, int, int], list[Box | Dot | Polyline]]]:
    """Smooth items grouped into rectangles that do not overlap, clipped to the picture."""
    groups: list[tuple[tuple[int, int, int, int], list[Box | Dot | Polyline]]] = []
    for item in items:
        box, members = _bounds(item, scale), [item]
        for other in list(groups):
            (l0, t0, r0, b0), (l1, t1, r1, b1) = box, other[0]
            if l0 < r1 and l1 < r0 and t0 < b1 and t1 < b0:
                groups.remove(other)
                box = (min(l0, l1), min(t0, t1), max(r0, r1), max(b0, b1))
                members = other[1] + members
        groups.append((box, members))
    width, height = size
    return [
        ((max(0, x0), max(0, y0), min(width, x1), min(height, y1)), members)
        for (x0, y0, x1, y1), members in groups
    ]


def _shape(
    draw: ImageDraw.ImageDraw, item: Box | Dot | Polyline, scale: float, origin: Point = (0, 0)
) -> None:
    """Paint ``item`` at ``scale`` pixels a point, ``origin`` being the canvas's top left."""
    ox, oy = origin
    if isinstance(item, Box):
        x, y = item.x * scale - ox, item.y * scale - oy
        draw.rectangle((x, y, x + item.width * scale, y + item.height * scale), fill=item.fill)
    elif isinstance(item, Dot):
        r = item.radius * scale
        x, y = item.x * scale - ox, item.y * scale - oy
        draw.ellipse((x - r, y - r, x + r, y + r), fill=item.colour)
    else:
        line = item.stroke
        width = max(1, round(line.width * scale))
        points = item.points + ((item.points[0],) if item.closed else ())
        scaled = tuple((x * scale - ox, y * scale - oy) for x, y in points)
        if not line.dash:
            draw.line(scaled, fill=line.colour, width=width, joint="curve")
            return
        pattern = tuple(d * scale for d in line.dash)
        for start, end in _dashes(scaled, pattern):
            draw.line((start, end), fill=line.colour, width=width)


def _shapes(image: Image.Image, scene: Scene, scale: float) -> None:
    """Everything but the text. Level and upright shapes are painted first, straight onto the
    picture; then each patch holding a slope or a dot is painted at twice the size over an
    enlarged copy of what lies beneath, and halved back into place, which smooths its edges.
    (Slopes and dots come last in a chart's scene, so the order is the scene's.)"""
    draw = ImageDraw.Draw(image)
    smooth = []
    for item in scene.items:
        if isinstance(item, Label):
            continue
        if _smooth(item):
            smooth.append(item)
        else:
            _shape(draw, item, scale)
    for (left, top, right, bottom), members in _regions(smooth, scale, image.size):
        if right <= left or bottom <= top:
            continue
        patch = image.crop((left, top, right, bottom))
        patch = patch.resize(
            (patch.width * SUPERSAMPLE, patch.height * SUPERSAMPLE), Image.Resampling.NEAREST
        )
        patch_draw = ImageDraw.Draw(patch)
        origin = (left * SUPERSAMPLE, top * SUPERSAMPLE)
        for item in members:
            _shape(patch_draw, item, scale * SUPERSAMPLE, origin)
        image.paste(patch.reduce(SUPERSAMPLE), (left, top))


@lru_cache(maxsize=2048)
def _stamp(text: str, size_px: float, bold: bool) -> tuple[Image.Image, int, int, float]:
    """``text`` set once as a coverage mask: the mask, its offset from the start of the
    baseline, and the text's advance width. Charts of one report repeat most of their words
    (periods, ticks, legend names), so each is set by FreeType once and then stamped."""
    face, stroke = font(size_px, bold)
    box = face.getbbox(text, anchor="ls", stroke_width=stroke)
    left, top, right, bottom = (
        math.floor(box[0]),
        math.floor(box[1]),
        math.ceil(box[2]),
        math.ceil(box[3]),
    )
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
    ImageDraw.Draw(mask).text(
        (-left, -top), text, fill=255, font=face, anchor="ls", stroke_width=stroke, stroke_fill=255
    )
    return mask, left, top, face.getlength(text) + 2 * stroke


def _text(image: Image.Image, scene: Scene, scale: float) -> None:
    """Every label, stamped in its colour where the layout anchors it."""
    for item in scene.items:
        if isinstance(item, Label):
            mask, left, top, advance = _stamp(item.text, item.size * scale, item.bold)
            x = item.x * scale - advance * _ANCHOR_SHARE[item.anchor]
            at = (round(x + left), round(item.y * scale + top))
            image.paste(_rgb(item.colour), (*at, at[0] + mask.width, at[1] + mask.height), mask)


@lru_cache(maxsize=64)
def _palette(grounds: tuple[str, ...], colours: tuple[str, ...]) -> Image.Image:
    """The page and flat fills it may show (``grounds``), every colour drawn, and blends of each
    colour with each ground: the edges that smoothing makes.

    Pillow finds a pixel's nearest entry per cell of four levels a channel, so a blend close to
    a pure colour would take that colour's pixels too (the page would turn grey): blends within
    eight levels of an entry already made are left out.
    """
    pure = [_rgb(c) for c in (*grounds, *colours)]
    blends = []
    pairs = [(g, c) for g in grounds for c in colours if c != g]
    steps = max(2, (256 - len(pure)) // max(1, len(pairs)))
    for ground, colour in pairs:
        g, c = _rgb(ground), _rgb(colour)
        for step in range(1, steps):
            t = step / steps
            blends.append(tuple(round(a + (b - a) * t) for a, b in zip(g, c, strict=True)))
    entries: list[tuple[int, ...]] = []
    for entry in (*pure, *blends):
        if all(max(abs(a - b) for a, b in zip(entry, e, strict=True)) >= 8 for e in entries):
            entries.append(entry)
    entries = entries[:256]
    entries += [entries[0]] * (256 - len(entries))
    image = Image.new("P", (1, 1))
    image.putpalette([channel for entry in entries for channel in entry])
    return image


def to_png(scene: Scene, dpi: float) -> bytes:
    """The scene as PNG bytes at ``dpi``."""
    scale = px_per_pt(dpi)
    size = (round(scene.width * scale), round(scene.height * scale))
    image = Image.new("RGB", size, WHITE)
    _shapes(image, scene, scale)
    _text(image, scene, scale)
    grounds = dict.fromkeys([WHITE, *(i.fill for i in scene.items if isinstance(i, Box))])
    palette = _palette(tuple(grounds), tuple(scene.colours()))
    indexed = image.quantize(palette=palette, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    indexed.save(buffer, "PNG", dpi=(dpi, dpi), compress_level=COMPRESS_LEVEL)
    return buffer.getvalue()
