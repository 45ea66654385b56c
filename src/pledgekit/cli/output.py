"""Writing outputs safely: to a regular file or standard output, atomically, never by accident.

The rules every command follows (``scorecard``, ``report``, ``validate``, ``benchmark``,
``ssda903``, ``collection-workbook``, ``schema`` and ``templates export``):

- an output is a regular file, or standard output with ``-o -``; a device (``/dev/null``), a
  FIFO, a folder or a symbolic link is refused, so ``--force`` can never replace one;
- an input is never an output (compared as the same file on disk, not by name), and that
  includes every file pledge.yaml and meeting.yaml name (published files, the neighbour table,
  appendices) and a pledge.yaml found without --pledge;
- the format is ``--format``, else the one that writes ``-o``'s extension, else (standard output)
  the kind's default; an extension no format writes is refused without ``--format``, and one
  ``--format`` does not write is refused with it, so Markdown never lands in a ``.docx``;
  a binary format (xlsx, docx, pdf) goes only to a file (:func:`choose_output`);
- a new file appears whole or not at all, and only if nothing took its name meanwhile (written
  to a temporary file, then hard-linked into place, which fails if the name exists); with
  ``--force`` the temporary file replaces the old one in one rename.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pledgekit.config.references import referenced_files
from pledgekit.model.errors import OutputError, UsageError
from pledgekit.render.registry import OutputFormat, R, Registry


def is_stdout(output: Path | None) -> bool:
    """True when the output is standard output (no ``-o``, or ``-o -``)."""
    return output is None or str(output) == "-"


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_target(path: Path, *, force: bool, inputs: Iterable[Path | str | None] = ()) -> None:
    """Refuse an output that would break the rules above, before any work is done.

    Raises :class:`UsageError` for an input named as output, and :class:`OutputError` for what
    is on disk at ``path``.
    """
    _check_free(path, _check_place(path), force=force, inputs=inputs)


def _check_place(path: Path) -> os.stat_result | None:
    """What is at ``path`` (None for nothing), refusing a link or anything but a regular file."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"{path}: cannot check the output ({exc.strerror})") from exc
    if stat.S_ISLNK(info.st_mode):
        hint = "; use -o - for standard output" if str(path).startswith("/dev/") else ""
        raise OutputError(
            f"{path} is a symbolic link; name the file itself, not a link to it{hint}"
        )
    if not stat.S_ISREG(info.st_mode):
        hint = " (use -o - for standard output)" if stat.S_ISCHR(info.st_mode) else ""
        raise OutputError(f"{path} is {_kind(info.st_mode)}; outputs go to files{hint}")
    return info


def _check_free(
    path: Path, info: os.stat_result | None, *, force: bool, inputs: Iterable[Path | str | None]
) -> None:
    """Refuse an input named as output, an existing file without ``force``, a missing folder."""
    if info is not None:
        for source in every_input(inputs):
            if _same_file(path, source):
                raise UsageError(f"{path} is also an input; write the output somewhere else")
        if not force:
            raise OutputError(f"{path} already exists; use --force to replace it")
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist")


def every_input(inputs: Iterable[Path | str | None]) -> list[Path]:
    """The run's inputs and every file they name: the pledge.yaml a command finds by itself
    (beside a workbook, or here), and the published files, neighbour table and appendices
    pledge.yaml and meeting.yaml name. None of them may be an output, with --force or not.
    """
    given = [Path(s) for s in inputs if s is not None and str(s) != "-"]
    found = [*given, *(p.parent / "pledge.yaml" for p in given), Path("pledge.yaml")]
    for path in list(found):
        if path.suffix.lower() in (".yaml", ".yml") and path.is_file():
            found += referenced_files(path)
    return found


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def format_for(path: Path, formats: Registry[R], given: OutputFormat[R] | None) -> OutputFormat[R]:
    """The format a file named ``path`` is written in: ``given`` (``--format``), else the format
    of ``formats`` that writes ``path``'s extension (a registry gives each to one format).

    Raises :class:`UsageError` when there is no ``given`` and no format writes the extension,
    when ``given`` writes other extensions, and when ``given`` writes none of its own (GitHub
    annotations) but the extension is another format's.
    """
    suffix = path.suffix.lower()
    named = formats.for_suffix(suffix) if suffix else None
    if given is None:
        if named is None:
            raise UsageError(_cannot_tell(path, formats))
        return named
    if given.suffixes and suffix not in given.suffixes:
        expected = " or ".join(given.suffixes)
        why = f"a {suffix} file is written by --format {named.name}" if named else None
        shown = why or (f"{suffix!r} is not a {given.name} extension" if suffix else "no extension")
        raise UsageError(
            f"-o {path.name}: --format {given.name} writes {expected} files ({shown}); "
            f"name the file {path.stem or 'output'}{given.suffixes[0]}"
        )
    if named is not None and named is not given:
        raise UsageError(
            f"-o {path.name}: a {suffix} file is written by --format {named.name}, "
            f"not {given.name}; choose another name"
        )
    return given


def _cannot_tell(path: Path, formats: Registry[R]) -> str:
    """Why ``path``'s extension names no format, with the names that would, and the flag."""
    why = f"no {formats.kind} format writes {path.suffix} files" if path.suffix else "no extension"
    stem = path.stem if path.suffix else path.name
    names = _either([f"{stem or 'output'}{f.suffixes[0]}" for f in formats if f.suffixes])
    flag = f", or pass --format {_either(formats.names)}" if len(formats.names) > 1 else ""
    return f"cannot tell the format from {path.name!r} ({why}): name it {names}{flag}"


def _either(words: list[str]) -> str:
    """``a, b or c``."""
    return " or ".join(filter(None, [", ".join(words[:-1]), words[-1]]))


def choose_output(
    formats: Registry[R],
    explicit: str | None,
    output: Path | None,
    *,
    force: bool,
    inputs: Sequence[Path | str | None] = (),
) -> OutputFormat[R]:
    """Before any work, the format a command writes and a check of where it goes: every command
    with ``-o`` chooses its format here, so they all agree.

    The format is ``explicit`` (``--format``, any alias or case), else the one that writes
    ``output``'s extension (:func:`format_for`), else for standard output (None or ``-``) the
    kind's default. Raises :class:`UsageError` (exit 2) for an unknown format name, an extension
    that names no format or disagrees with ``--format``, a binary format to standard output, an
    input as output; :class:`OutputError` as :func:`check_target` does.
    """
    given = formats.get(explicit) if explicit is not None else None
    if is_stdout(output):
        chosen = given or formats.get(formats.default)
        if chosen.binary:
            stem = formats.kind.replace(" ", "-")
            raise UsageError(
                f"the {chosen.name} format is written only to a file: "
                f"pass --output {stem}{chosen.suffixes[0]}"
            )
        return chosen
    assert output is not None
    info = _check_place(output)  # a device or a link is named as such, whatever its extension
    chosen = format_for(output, formats, given)
    _check_free(output, info, force=force, inputs=inputs)
    return chosen


def write_atomic(
    path: Path,
    data: bytes | str,
    *,
    force: bool = False,
    inputs: Sequence[Path | str | None] = (),
) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    Without ``force`` the file must not exist, now or at the moment it is created (two runs
    racing for one name: one wins, the other is refused). With ``force`` it may replace a
    regular file only. Raises :class:`OutputError` (or :class:`UsageError`, see
    :func:`check_target`).
    """
    write_all([(path, data)], force=force, inputs=inputs)


def write_all(
    files: Sequence[tuple[Path, bytes | str]],
    *,
    force: bool = False,
    inputs: Sequence[Path | str | None] = (),
) -> None:
    """Write several files all or none: every one is written in full to a temporary file
    first (where a full disk shows), and only then are they given their names.
    """
    for path, _ in files:
        check_target(path, force=force, inputs=inputs)
    staged: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    current = files[0][0] if files else Path()
    try:
        for current, data in files:
            staged.append((_stage(current, data), current))
        for tmp, current in staged:
            path = current
            if force:
                check_target(path, force=True)  # still a regular file, not swapped for a link
                tmp.replace(path)
            else:
                _link_new(tmp, path, tmp.read_bytes())
                placed.append(path)
    except OSError as exc:
        for path in placed:  # an all-or-nothing batch: take back what was placed
            path.unlink(missing_ok=True)
        raise OutputError(f"{current}: cannot write ({exc.strerror or exc})") from exc
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        raise
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)


def _stage(path: Path, data: bytes | str) -> Path:
    """``data`` in a new temporary file beside ``path``, flushed to disk."""
    folder = path.parent if str(path.parent) else Path()
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in {folder} ({exc.strerror})") from exc
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        tmp.chmod(_default_mode())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _link_new(tmp: Path, path: Path, payload: bytes) -> None:
    """Give the finished temporary file its name, failing if the name was taken meanwhile."""
    try:
        os.link(tmp, path)
    except FileExistsError as exc:
        raise OutputError(f"{path} already exists; use --force to replace it") from exc
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # No hard links here (some network and FAT drives): create exclusively, then fill.
        _create_exclusive(path, payload)


def _create_exclusive(path: Path, payload: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o666)
    except FileExistsError as exc:
        raise OutputError(f"{path} already exists; use --force to replace it") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def stdout_errors() -> Iterator[None]:
    """Turn a failed write to standard output (a full disk, a closed stream) into OutputError.

    What could not be written is dropped, so Python does not fail again flushing it at exit.
    """
    if sys.stdout is None:
        raise OutputError("standard output is closed; pass -o FILE")
    try:
        yield
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        _silence_stdout()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"cannot write to standard output ({reason})") from exc


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    with contextlib.suppress(Exception):
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 - lives until exit


def emit(
    data: bytes | str,
    output: Path | None,
    *,
    force: bool = False,
    inputs: Sequence[Path | str | None] = (),
) -> None:
    """Send ``data`` to ``output`` atomically, or to standard output for None or ``-``."""
    if is_stdout(output):
        with stdout_errors():
            if isinstance(data, bytes):
                sys.stdout.buffer.write(data)
            else:
                sys.stdout.write(data)
        return
    assert output is not None
    write_atomic(output, data, force=force, inputs=inputs)
