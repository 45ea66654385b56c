"""Pick the validation-findings renderer for a format name."""

from __future__ import annotations

from pledgekit.checks.report import ValidationReport

FORMATS = ("text", "json", "github", "markdown", "junit", "xlsx")


def render_findings(report: ValidationReport, fmt: str) -> str | bytes:
    """The report in ``fmt`` (one of :data:`FORMATS`); ``text`` is plain text here."""
    if fmt == "text":
        from pledgekit.render.findings_text import render_text
        from pledgekit.terminal import captured

        return captured(lambda console: render_text(report, console))
    if fmt == "xlsx":
        from pledgekit.render.findings_xlsx import render_xlsx

        return render_xlsx(report)
    from pledgekit.render import findings_common, findings_github, findings_junit, findings_markdown

    renderers = {
        "json": findings_common.render_json,
        "github": findings_github.render_github,
        "markdown": findings_markdown.render_markdown,
        "junit": findings_junit.render_junit,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown findings format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return renderers[fmt](report)
