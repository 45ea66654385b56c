"""The body font's files for PNG charts, found once per process, with Pillow's own as a last resort.

Pillow looks for a bare file name in the system's font folders (Windows, macOS and the Linux
XDG folders). The first of ``chart_style.FONT_FILES`` found is used: Arial, or a font with its
metrics, or DejaVu Sans. Where none is installed, Pillow's bundled font stands in, and bold
is drawn by thickening the strokes.
"""

from __future__ import annotations

from functools import lru_cache

from PIL import ImageFont

from pledgekit.render.report import chart_style as style


@lru_cache(maxsize=1)
def _files() -> tuple[str, str] | None:
    """Paths of the first regular and bold pair installed, or None."""
    for regular, bold in style.FONT_FILES:
        try:
            found = (ImageFont.truetype(regular, 10).path, ImageFont.truetype(bold, 10).path)
        except OSError:
            continue
        return (str(found[0]), str(found[1]))
    return None


@lru_cache(maxsize=16)
def font(size_px: float, bold: bool) -> tuple[ImageFont.FreeTypeFont, int]:
    """The font at ``size_px`` pixels, and the stroke width that makes it bold where no bold
    face was found (0 otherwise)."""
    files = _files()
    if files is not None:
        return ImageFont.truetype(files[bold], size_px), 0
    fallback = ImageFont.load_default(size_px)
    assert isinstance(fallback, ImageFont.FreeTypeFont), "Pillow was built without FreeType"
    return fallback, 1 if bold else 0
