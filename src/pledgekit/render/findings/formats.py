"""The output formats of ``validate``'s findings (see :mod:`pledgekit.render.registry`).

The renderer modules are imported when a renderer is called (:func:`lazy_modules`), so listing
the formats stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render.registry import (
    OutputFormat,
    Registry,
    json_format,
    lazy_modules,
    markdown_format,
    xlsx_format,
)

if TYPE_CHECKING:
    from pledgekit.checks.result import ValidationReport
    from pledgekit.render.findings import common, github, junit, markdown, text, xlsx
else:
    common, github, junit, markdown, text, xlsx = lazy_modules(
        "pledgekit.render.findings", "common", "github", "junit", "markdown", "text", "xlsx"
    )

#: A findings renderer: validate's result in, text or bytes out.
FindingsRenderer = Callable[["ValidationReport"], "str | bytes"]

FORMATS: Registry[FindingsRenderer] = Registry("findings", default="text")

FORMATS.add(
    OutputFormat(
        "text",
        "findings grouped by file and sheet, for people",
        text.render_plain,
        suffixes=(".txt",),
        aliases=("table",),
    )
)
FORMATS.add(json_format("the documented pledgekit.validation/1 shape", common.render_json))
FORMATS.add(
    OutputFormat(
        "github",
        "GitHub Actions annotations, and the full list in the job summary",
        github.render_github,
    )
)
FORMATS.add(markdown_format("a Markdown summary and table", markdown.render_markdown))
FORMATS.add(
    OutputFormat(
        "junit", "JUnit XML for GitLab and Azure DevOps", junit.render_junit, suffixes=(".xml",)
    )
)
FORMATS.add(
    xlsx_format(
        "a workbook with a summary sheet and a detail sheet, for data owners (needs -o)",
        xlsx.render_xlsx,
    )
)
