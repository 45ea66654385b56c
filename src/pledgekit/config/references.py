"""File references in pledge.yaml and meeting.yaml, confined to the folder of the file naming them.

A shared pledge.yaml or meeting.yaml is an input someone else wrote: an appendix of
``/proc/self/environ``, a published file of ``../../etc/passwd`` or a symlink out of the folder
would put what it names into a public committee paper, or its first line into an error message.
Every file reference (appendices, published data files, the neighbour table) therefore:

- resolves, symlinks followed, inside the folder of the YAML file that names it, or inside a
  folder the user allowed explicitly (``pledgekit --allow-dir FOLDER``, or
  :func:`allowed_folders` from Python);
- is a path, never a URL;
- has an extension on the allow-list of its kind, and is no larger than its kind's limit;
- is a regular file (:mod:`pledgekit.model.input_files`) when it exists.

A refused reference is one message naming the YAML key and line; it never quotes the file. A
file that does not exist is not refused here: each reader says "not found" where it matters.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from pledgekit.model.input_files import not_regular


@dataclass(frozen=True)
class Kind:
    """One kind of referenced file: its name in messages, the extensions allowed, a size limit."""

    noun: str
    suffixes: tuple[str, ...]
    max_bytes: int


APPENDIX = Kind(
    "appendix file",
    (".md", ".markdown", ".txt", ".pdf", ".docx", ".odt", ".xlsx", ".ods", ".csv", ".html"),
    20 * 1024**2,
)
PUBLISHED = Kind("published data file", (".csv",), 1024**3)
NEIGHBOURS = Kind("neighbour table", (".csv",), 64 * 1024**2)

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:(//|[^\\/])")
_ALLOWED: ContextVar[tuple[Path, ...]] = ContextVar("pledgekit_allowed_folders", default=())


@contextlib.contextmanager
def allowed_folders(folders: Iterable[Path]) -> Iterator[None]:
    """Within the block, references may also resolve inside ``folders`` (``--allow-dir``)."""
    token = _ALLOWED.set(tuple(Path(f).resolve() for f in folders))
    try:
        yield
    finally:
        _ALLOWED.reset(token)


def allow_folders(folders: Iterable[Path]) -> None:
    """Allow ``folders`` for the rest of this run (the command line's ``--allow-dir``)."""
    _ALLOWED.set(tuple(Path(f).resolve() for f in folders))


def refusal(value: str, *, base: Path, kind: Kind) -> str | None:
    """Why the reference ``value`` (relative to the folder ``base``) is refused, or None.

    The words say what is wrong with the reference, never what the file holds.
    """
    if not value.strip() or "\x00" in value:
        return f"the {kind.noun} is an empty or unreadable name"
    if _URL.match(value) and not re.match(r"^[A-Za-z]:[\\/]", value):
        return f"the {kind.noun} {_shown(value)} is a URL; name a file in the folder instead"
    named = base / value
    try:
        real = named.resolve()
        folders = (base.resolve(), *_ALLOWED.get())
    except (OSError, RuntimeError) as exc:  # a symlink loop
        return f"the {kind.noun} {_shown(value)} cannot be resolved ({exc})"
    if not any(real.is_relative_to(folder) for folder in folders):
        return (
            f"the {kind.noun} {_shown(value)} is outside the folder of the file naming it "
            f"({base.resolve()}); move it there, or allow its folder with --allow-dir"
        )
    for suffix in {named.suffix.lower(), real.suffix.lower()}:
        if suffix not in kind.suffixes:
            return (
                f"the {kind.noun} {_shown(value)} is not a {' or '.join(kind.suffixes)} file"
                if len(kind.suffixes) < 3
                else f"the {kind.noun} {_shown(value)} has an extension not allowed for it "
                f"(allowed: {', '.join(kind.suffixes)})"
            )
    if not real.exists():
        return None  # "not found" is the reader's to say, where the file is used
    reason = not_regular(real)
    if reason is not None:
        return f"the {kind.noun} {_shown(value)} {reason}"
    size = real.stat().st_size
    if size > kind.max_bytes:
        return (
            f"the {kind.noun} {_shown(value)} is {size / 1024**2:,.0f} MB; "
            f"the most read is {kind.max_bytes / 1024**2:,.0f} MB"
        )
    return None


def _shown(value: str) -> str:
    """A reference for a message: quoted, cut, with control characters made visible."""
    text = value if len(value) <= 80 else value[:60] + "..."
    return repr(text)


def referenced_files(yaml_file: Path) -> list[Path]:
    """Every file a pledge.yaml or meeting.yaml names: published files, the neighbour table,
    appendices, as paths beside it. [] when the file cannot be read as YAML.

    Read from the YAML itself, not the validated model, so a run can protect these files from
    its output (``-o``) before anything else is loaded.
    """
    from pledgekit.config.yamlsource import YamlProblem, load_yaml

    try:
        data, _ = load_yaml(yaml_file)
    except (YamlProblem, OSError, ValueError):
        return []
    if not isinstance(data, dict):
        return []
    named: list[object] = []
    benchmarks = data.get("benchmarks")
    if isinstance(benchmarks, dict):
        named.append(benchmarks.get("neighbours"))
    for pledge in _dicts(data.get("pledges")):
        for measure in _dicts(pledge.get("measures")):
            published = measure.get("published")
            if isinstance(published, dict):
                named.append(published.get("file"))
    named += [entry.get("file") for entry in _dicts(data.get("appendices"))]
    base = yaml_file.parent
    return [base / value for value in named if isinstance(value, str) and value.strip()]


def _dicts(value: object) -> list[dict[str, object]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
