"""The benchmarks as one accessible web page: a table and a funnel chart per measure and year.

Self-contained (no script, nothing fetched), headings in order, tables with captions and column
headers in a labelled box that scrolls on a narrow screen, charts as inline SVG with a title and a
description, colour never alone (shapes and dash patterns tell the marks apart).
"""

from __future__ import annotations

from html import escape

from pledgekit.render.benchmark.funnels import funnel_svg
from pledgekit.render.benchmark.lines import HEADERS, heading, notes, year_cells
from pledgekit.score.benchmarks import Benchmarks, BenchmarkSet, MeasureBenchmark

_STYLE = """
body { font-family: Arial, Helvetica, sans-serif; color: #1A1A1A; margin: 0; line-height: 1.45; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
.table-wrap { overflow-x: auto; max-width: 100%; }
.table-wrap:focus { outline: 3px solid #1F3864; }
table { border-collapse: collapse; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
th, td { border: 1px solid #8C8C8C; padding: 0.25rem 0.5rem; text-align: left; }
th { background: #E7ECF5; }
figure { margin: 1rem 0; }
svg.chart { display: block; width: 100%; height: auto; }
/* Each funnel comes wide and narrow: the narrow one on a phone or at high zoom, so its text
   stays large; display: none also hides the other from screen readers. */
svg.chart-narrow { display: none; max-width: 28em; }
@media (max-width: 40em) {
  svg.chart-wide { display: none; }
  svg.chart-narrow { display: block; }
}
figcaption { font-size: 0.9rem; }
.notes { font-size: 0.9rem; }
"""


def _table(caption: str, headers: list[str], rows: list[list[str]], label: str) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<div class="table-wrap" role="region" aria-label="{escape(label)}" tabindex="0">'
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
    )


def _measure(bench: Benchmarks, mb: MeasureBenchmark) -> list[str]:
    parts = [f"<h2>{escape(heading(mb))}</h2>"]
    rows = [year_cells(mb, yb) for yb in mb.years]
    if rows:
        parts.append(
            _table(
                f"{mb.measure.id}: {bench.council} by year",
                list(HEADERS),
                rows,
                f"Table of measure {mb.measure.id}",
            )
        )
    else:
        parts.append("<p>No published row for this council.</p>")
    for yb in mb.years:
        svg = funnel_svg(mb, yb)
        if svg:
            parts.append(
                f"<figure>{svg}<figcaption>Funnel chart, {escape(yb.year.label)}: every "
                "council's figure against its denominator, England's figure as the centre line "
                "with 95% (dashed) and 99.8% (dotted) control limits; this council a large dot, "
                "its neighbours squares.</figcaption></figure>"
            )
    return parts


def _page(title: str, body: list[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{escape(title)}</h1>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )


def _notes(bench: Benchmarks) -> str:
    items = "".join(f"<li>{escape(line)}</li>" for line in notes(bench))
    return f'<h2>Notes</h2><ul class="notes">{items}</ul>'


def render_html(bench: Benchmarks | BenchmarkSet) -> str:
    """The page: one council's tables and funnels, or every council's in a set."""
    if isinstance(bench, BenchmarkSet):
        return _set_page(bench)
    body: list[str] = []
    for mb in bench.measures:
        body += _measure(bench, mb)
    body.append(_notes(bench))
    return _page(f"{bench.council}: benchmarks from published statistics", body)


def _set_page(found: BenchmarkSet) -> str:
    """Every council in one table per measure and year, and the funnel with the marked council."""
    body: list[str] = []
    marked = found.marked
    first = found.councils[0] if found.councils else None
    if first is None:
        return _page("Benchmarks from published statistics", ["<p>No council.</p>"])
    for index, mb in enumerate(first.measures):
        body.append(f"<h2>{escape(heading(mb))}</h2>")
        for yb in mb.years:
            body.append(f"<h3>{escape(yb.year.label)}</h3>")
            rows = []
            for bench in found.councils:
                if index >= len(bench.measures):
                    continue
                other = bench.measures[index]
                years = {y.year: y for y in other.years}
                got = years.get(yb.year)
                if got is not None:
                    rows.append([bench.council, *year_cells(other, got)[1:]])
            body.append(
                _table(
                    f"{mb.measure.id}, {yb.year.label}: every council",
                    ["Council", *HEADERS[1:]],
                    rows,
                    f"Table of measure {mb.measure.id} in {yb.year.label}",
                )
            )
            chart_bench = marked or first
            chart_mb = chart_bench.measures[index]
            chart_year = next((y for y in chart_mb.years if y.year == yb.year), None)
            svg = funnel_svg(chart_mb, chart_year) if chart_year else ""
            if svg:
                body.append(
                    f"<figure>{svg}<figcaption>Funnel chart, {escape(yb.year.label)}"
                    "</figcaption></figure>"
                )
    body.append(_notes(marked or first))
    return _page("Benchmarks from published statistics: every council", body)
