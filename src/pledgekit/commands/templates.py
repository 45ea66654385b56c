"""``pledgekit templates``: the default report templates, for a council to restyle."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pledgekit.commands.common import ForceOption, handle_errors

app = typer.Typer(
    name="templates",
    help=(
        "The default report templates: export them to restyle, then use --template.\n\n"
        "Example: pledgekit templates export my-templates"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("export", no_args_is_help=True)
@handle_errors
def export(
    folder: Annotated[
        Path, typer.Argument(help="Folder to copy the templates into (created if missing).")
    ],
    force: ForceOption = False,
) -> None:
    """Copy the default report templates (Markdown, HTML, Word) and their README into FOLDER.

    Edit a copy, then pass it to the report: the Word template keeps its {{ }} and {% %} tags
    but can be restyled freely in Word.

    Example: pledgekit templates export my-templates && pledgekit report q2.xlsx
    --template my-templates/report.docx -o report.docx
    """
    from pledgekit.templates_export import export_templates

    for path in export_templates(folder, force=force):
        typer.echo(f"Wrote {path}")
