"""Files shipped with pledgekit: the default report templates and the sample data.

In a wheel they sit inside the package (``pledgekit/templates``, ``pledgekit/sample_data``, see
the force-include in pyproject.toml); in a source checkout or an editable install they are the
top-level ``templates/`` and ``sample_data/`` folders. Callers get a real folder either way.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pledgekit.model.errors import InputError, TemplateError

# src/pledgekit/render/resources.py -> the repository root, for a checkout or editable install.
_CHECKOUT = Path(__file__).resolve().parents[3]


def _folder(name: str) -> Path | None:
    packaged = resources.files("pledgekit") / name
    # A wheel installed the usual way unpacks to real files; zipped installs are not supported.
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    checkout = _CHECKOUT / name
    return checkout if checkout.is_dir() else None


def templates_dir() -> Path:
    """The folder holding the default report templates.

    Raises :class:`TemplateError` when the installation has lost them.
    """
    folder = _folder("templates")
    if folder is None:
        raise TemplateError("the default templates are missing from this installation")
    return folder


def template_path(name: str) -> Path:
    """One default template, e.g. ``report.md.j2``; :class:`TemplateError` if it is missing."""
    path = templates_dir() / name
    if not path.is_file():
        raise TemplateError(f"the default template {name} is missing from this installation")
    return path


def template_files() -> list[Path]:
    """Every default template (and its README), sorted by name: what ``templates export`` copies."""
    return sorted(p for p in templates_dir().iterdir() if p.is_file())


def sample_data_dir() -> Path:
    """The folder holding the synthetic sample data (pledge.yaml, workbooks, meeting.yaml)."""
    folder = _folder("sample_data")
    if folder is None:
        raise InputError("the sample data is missing from this installation")
    return folder
