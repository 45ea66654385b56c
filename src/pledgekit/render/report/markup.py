"""The committee report as Markdown or a self-contained HTML page, from Jinja templates.

Markdown escaping is done by filters (``md_cell`` for table cells, ``md_text`` and ``md_prose``
for paragraphs); HTML is autoescaped. Charts go into the HTML as inline SVG with a ``<title>``
and ``<desc>`` (``chart_svg``: sharp at any zoom, read out by screen readers), or as ``data:``
URIs of PNGs (``chart_uri``, for templates written before SVG), so the page works offline and can
be emailed as one file.
"""

from __future__ import annotations

import base64
from pathlib import Path

from markupsafe import Markup

from pledgekit.model.prose import Prose, Span
from pledgekit.render.md_escape import md_cell, md_text
from pledgekit.render.report.templating import render_text
from pledgekit.report.exception_items import ChartData
from pledgekit.report.model import Report
from pledgekit.report.paragraphs import Para
from pledgekit.score.benchmarks import MeasureBenchmark, YearBenchmark

MARKDOWN_TEMPLATE = "report.md.j2"
HTML_TEMPLATE = "report.html.j2"


def _md_span(span: Span) -> str:
    text = span.text
    if not text.strip():
        return text
    # Emphasis marks must hug the text, so keep surrounding spaces outside them.
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    core = md_cell(text)  # a span is one line: escaped, inner whitespace collapsed
    if span.bold:
        core = f"**{core}**"
    if span.italic:
        core = f"*{core}*"
    return f"{lead}{core}{trail}"


def md_prose(prose: Prose | Para) -> str:
    """Prose as Markdown paragraphs and lists, its text escaped, its emphasis kept."""
    parts = []
    for block in prose.blocks:
        lines = []
        for number, item in enumerate(block.items, start=1):
            prefix = {"bullet": "- ", "number": f"{number}. "}.get(block.kind, "")
            lines.append(prefix + "".join(_md_span(span) for span in item))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def render_markdown(report: Report, *, template: Path | None = None) -> str:
    """GitHub-flavoured Markdown of ``report`` from ``template`` (default: report.md.j2)."""
    return render_text(
        report,
        default=MARKDOWN_TEMPLATE,
        template=template,
        autoescape=False,
        filters={"md_cell": md_cell, "md_text": md_text, "md_prose": md_prose},
    )


def chart_uri(chart: ChartData) -> str:
    """A chart as a ``data:image/png;base64`` URI for an ``<img src>``."""
    from pledgekit.render.report.charts import chart_png

    return "data:image/png;base64," + base64.b64encode(chart_png(chart)).decode("ascii")


def chart_svg(chart: ChartData) -> Markup:
    """A chart as inline ``<svg role="img">`` with its ``<title>`` and ``<desc>``, twice: wide,
    and narrow for phones and high zoom (the page's CSS shows one, hiding the other from
    screen readers too)."""
    from pledgekit.render.report.chart_style import NARROW, WIDE
    from pledgekit.render.report.charts import chart_svg as svg

    return Markup(svg(chart, WIDE) + svg(chart, NARROW))


def funnel_svg(published: tuple[MeasureBenchmark, YearBenchmark]) -> Markup:
    """A red measure's funnel chart from DfE's published figures (every council against its
    denominator, England's control limits), wide and narrow as the trend charts; empty markup
    when the figures cannot make one."""
    from pledgekit.render.benchmark.funnels import funnel_svg as svg

    return Markup(svg(*published))


def render_html(report: Report, *, template: Path | None = None) -> str:
    """A single self-contained HTML page of ``report`` (default template: report.html.j2)."""
    return render_text(
        report,
        default=HTML_TEMPLATE,
        template=template,
        autoescape=True,
        filters={"chart_uri": chart_uri, "chart_svg": chart_svg, "funnel_svg": funnel_svg},
    )
