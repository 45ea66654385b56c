"""The output formats of ``validate``'s findings (see :mod:`pledgekit.render.registry`).

Each renderer here imports the module that does the work when it is called, so listing the
formats stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render.registry import (
    OutputFormat,
    Registry,
    json_format,
    markdown_format,
    xlsx_format,
)

if TYPE_CHECKING:
    from pledgekit.checks.result import ValidationReport

#: A findings renderer: validate's result in, text or bytes out.
FindingsRenderer = Callable[["ValidationReport"], "str | bytes"]


def _text(report: ValidationReport) -> str:
    from pledgekit.render.findings.text import render_plain

    return render_plain(report)


def _json(report: ValidationReport) -> str:
    from pledgekit.render.findings.common import render_json

    return render_json(report)


def _github(report: ValidationReport) -> str:
    from pledgekit.render.findings.github import render_github

    return render_github(report)


def _markdown(report: ValidationReport) -> str:
    from pledgekit.render.findings.markdown import render_markdown

    return render_markdown(report)


def _junit(report: ValidationReport) -> str:
    from pledgekit.render.findings.junit import render_junit

    return render_junit(report)


def _xlsx(report: ValidationReport) -> bytes:
    from pledgekit.render.findings.xlsx import render_xlsx

    return render_xlsx(report)


FORMATS: Registry[FindingsRenderer] = Registry("findings", default="text")

FORMATS.add(
    OutputFormat(
        "text",
        "findings grouped by file and sheet, for people",
        _text,
        suffixes=(".txt",),
        aliases=("table",),
    )
)
FORMATS.add(json_format("the documented pledgekit.validation/1 shape", _json))
FORMATS.add(
    OutputFormat(
        "github", "GitHub Actions annotations, and the full list in the job summary", _github
    )
)
FORMATS.add(markdown_format("a Markdown summary and table", _markdown))
FORMATS.add(
    OutputFormat("junit", "JUnit XML for GitLab and Azure DevOps", _junit, suffixes=(".xml",))
)
FORMATS.add(
    xlsx_format(
        "a workbook with a summary sheet and a detail sheet, for data owners (needs -o)", _xlsx
    )
)
