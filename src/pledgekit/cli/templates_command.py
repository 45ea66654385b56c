"""``pledgekit templates``: the default report templates, for a council to restyle."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

import typer

from pledgekit.cli.options import ForceOption, handle_errors

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
    for path in export_templates(folder, force=force):
        typer.echo(f"Wrote {path}")


def export_templates(folder: Path, *, force: bool = False) -> list[Path]:
    """Copy every default template into ``folder`` (created if missing); return the new paths.

    The frames (``report.md.j2``, ``report.html.j2``), the Word template and the README go in
    ``folder``; each section's built-in block goes in ``folder/sections`` (``exceptions.md.j2``
    ...), where the frames include it from, so a council edits one section's block alone.
    Nothing is written when any target exists and ``force`` is False, so an export never
    leaves a mix of old and new templates behind.
    """
    from pledgekit.cli.output import write_all
    from pledgekit.model.errors import OutputError
    from pledgekit.render.report.templating import section_blocks
    from pledgekit.render.resources import template_files

    if folder.is_symlink():  # as -o refuses a link: the files would land where it points
        raise OutputError(f"{folder} is a symbolic link; name the folder itself, not a link to it")
    files: list[tuple[Path, bytes | str]] = [
        (folder / s.name, s.read_bytes()) for s in template_files()
    ]
    files += [(folder / name, text) for name, text in sorted(section_blocks().items())]
    targets = [target for target, _ in files]
    existing = [t for t in targets if t.exists() or t.is_symlink()]
    if existing and not force:
        names = ", ".join(str(t.relative_to(folder)) for t in existing)
        raise OutputError(f"{folder} already has {names}; use --force to replace them")
    for made in (folder, folder / "sections"):
        if made.is_symlink() or (made.exists() and not made.is_dir()):
            raise OutputError(f"{made} is not a folder")
    created = [p for p in (folder / "sections", folder, *folder.parents) if not p.exists()]
    try:
        (folder / "sections").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the folder ({exc.strerror})") from exc
    try:
        write_all(files, force=force)
    except BaseException:
        # A failed export leaves nothing behind: not the files, nor the folders it made.
        for made in created:
            with contextlib.suppress(OSError):
                made.rmdir()
        raise
    return targets
