"""Copying the default report templates out, so a council can restyle its own."""

from __future__ import annotations

from pathlib import Path

from pledgekit.errors import OutputError
from pledgekit.outputs import write_atomic
from pledgekit.resources import templates_dir


def export_templates(folder: Path, *, force: bool = False) -> list[Path]:
    """Copy every default template into ``folder`` (created if missing); return the new paths.

    Nothing is written when any target exists and ``force`` is False, so an export never
    leaves a mix of old and new templates behind.
    """
    sources = sorted(p for p in templates_dir().iterdir() if p.is_file())
    targets = [folder / source.name for source in sources]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        names = ", ".join(t.name for t in existing)
        raise OutputError(f"{folder} already has {names}; use --force to replace them")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the folder ({exc.strerror})") from exc
    for source, target in zip(sources, targets, strict=True):
        write_atomic(target, source.read_bytes(), force=force)
    return targets
