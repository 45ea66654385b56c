"""The output formats of ``validate``'s findings, for people, CI systems and data owners
(renderers imported when called: :mod:`pledgekit.render.registry`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render import registry

if TYPE_CHECKING:
    from pledgekit.checks.result import ValidationReport
    from pledgekit.render.findings import common, github, junit, markdown, text, xlsx
else:
    common, github, junit, markdown, text, xlsx = registry.lazy_modules(
        "pledgekit.render.findings", "common", "github", "junit", "markdown", "text", "xlsx"
    )

#: A findings renderer: validate's result in, text or bytes out.
FindingsRenderer = Callable[["ValidationReport"], "str | bytes"]

FORMATS: registry.Registry[FindingsRenderer] = registry.Registry("findings", default="text")

FORMATS.add(
    registry.OutputFormat(
        "text",
        "findings grouped by file and sheet, for people",
        text.render_plain,
        suffixes=(".txt",),
        aliases=("table",),
    )
)
FORMATS.add(registry.json_format("the documented pledgekit.validation/1 shape", common.render_json))
FORMATS.add(
    registry.OutputFormat(
        "github",
        "GitHub Actions annotations, and the full list in the job summary",
        github.render_github,
    )
)
FORMATS.add(registry.markdown_format("a Markdown summary and table", markdown.render_markdown))
FORMATS.add(
    registry.OutputFormat(
        "junit", "JUnit XML for GitLab and Azure DevOps", junit.render_junit, suffixes=(".xml",)
    )
)
FORMATS.add(
    registry.xlsx_format(
        "a workbook with a summary sheet and a detail sheet, for data owners (needs -o)",
        xlsx.render_xlsx,
    )
)
