"""The output formats of ``validate``'s findings (see :mod:`pledgekit.render.registry`)."""

from __future__ import annotations

from pledgekit.render.registry import OutputFormat, Registry

FORMATS: Registry[object] = Registry("findings", default="text")
_HERE = "pledgekit.render.findings"

FORMATS.add(
    OutputFormat(
        "text",
        "findings grouped by file and sheet, for people",
        f"{_HERE}.text:render_plain",
        suffixes=(".txt",),
        aliases=("table",),
    )
)
FORMATS.add(
    OutputFormat(
        "json",
        "the documented pledgekit.validation/1 shape",
        f"{_HERE}.common:render_json",
        suffixes=(".json",),
    )
)
FORMATS.add(
    OutputFormat(
        "github",
        "GitHub Actions annotations, and the full list in the job summary",
        f"{_HERE}.github:render_github",
    )
)
FORMATS.add(
    OutputFormat(
        "md",
        "a Markdown summary and table",
        f"{_HERE}.markdown:render_markdown",
        suffixes=(".md", ".markdown"),
        aliases=("markdown",),
    )
)
FORMATS.add(
    OutputFormat(
        "junit",
        "JUnit XML for GitLab and Azure DevOps",
        f"{_HERE}.junit:render_junit",
        suffixes=(".xml",),
    )
)
FORMATS.add(
    OutputFormat(
        "xlsx",
        "a workbook with a summary sheet and a detail sheet, for data owners (needs -o)",
        f"{_HERE}.xlsx:render_xlsx",
        suffixes=(".xlsx",),
        binary=True,
    )
)
