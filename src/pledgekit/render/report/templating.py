"""Jinja for the report templates: sandboxed, strict about undefined names, errors located.

A council's own template (``--template FILE``) and the defaults load the same way, in Jinja's
immutable sandbox: a shared template cannot reach Python's internals (``__class__``,
``__subclasses__``, ``cycler``/``joiner`` tricks) to run a command, nor change the report it is
given. A syntax error, a name the report does not have or an attempt the sandbox refuses becomes
a :class:`TemplateError` that says which template and which line, never a traceback.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from pledgekit.model.errors import TemplateError
from pledgekit.model.input_files import check_regular
from pledgekit.render.resources import template_path, templates_dir

#: What a template can call itself when it goes wrong at render time, besides Jinja's own errors.
RENDER_ERRORS = (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError)


def section_blocks() -> dict[str, str]:
    """Each section's built-in template block by the name a template includes it by:
    ``sections/exceptions.md.j2``, ``sections/exceptions.html.j2``."""
    from pledgekit.report.sections import SECTIONS

    blocks = {f"sections/{s.key}.md.j2": s.markdown for s in SECTIONS}
    blocks.update({f"sections/{s.key}.html.j2": s.html for s in SECTIONS})
    return blocks


#: How a built-in block is named in an error: ``sections/watch.md.j2 (built-in)``.
BUILT_IN = " (built-in)"


def _built_in_block(name: str) -> tuple[str, str, Callable[[], bool]] | None:
    """A section's built-in block by name, named as such in errors; None for any other."""
    found = section_blocks().get(name)
    return None if found is None else (found, name + BUILT_IN, lambda: True)


def environment(
    *, autoescape: bool, folder: Path | None = None, trim: bool = True
) -> jinja2.Environment:
    """A sandboxed Jinja environment for report templates: undefined names are errors, not blanks.

    ``trim`` drops the newline after a block tag and the indent before it, so text templates
    can put each tag on its own line. Includes and imports are looked for in the template's own
    folder, then in pledgekit's own templates (the macros) and among the sections' built-in
    blocks (:func:`section_blocks`), nowhere else: a council's copy of one block or of the
    macros replaces that alone.
    """
    # The shipped folder after the council's: its macros (macros.md.j2, macros.html.j2) serve a
    # council's frame or block that imports them without a copy of its own.
    shipped = jinja2.FileSystemLoader(str(templates_dir()))
    loaders: list[jinja2.BaseLoader] = [shipped, jinja2.FunctionLoader(_built_in_block)]
    if folder is not None:
        loaders.insert(0, jinja2.FileSystemLoader(str(folder)))
    return ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=trim,
        lstrip_blocks=trim,
        keep_trailing_newline=True,
    )


def shown_name(template: Path | None, default: str) -> str:
    """How errors name a template: the user's path, or the default's file name."""
    return str(template) if template is not None else f"{default} (default template)"


def _line_of(exc: BaseException, filename: str | None) -> tuple[int | None, str | None]:
    """The template line a render-time error happened on, from Jinja's rewritten traceback, and
    the included template it is in (a block, the macros) when not ``filename`` itself."""
    line = getattr(exc, "lineno", None)
    if line is not None:
        return int(line), None
    found: tuple[int | None, str | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if filename is not None and frame.filename == filename:
            found = (frame.lineno, None)
        elif not frame.filename.endswith(".py") and not frame.filename.startswith("<"):
            found = (frame.lineno, frame.filename)  # deeper: an included or imported template
    return found


#: What the report held directly before 0.3, now each in its section (report.sections).
_SECTION_FIELDS = frozenset(
    (
        *("purpose", "recommendations", "introduction", "summary", "conclusion", "counts"),
        *("exceptions_intro", "exceptions", "watch_intro", "watch", "late_intro", "late"),
        *("pledges", "commitments_intro", "commitments", "commitment_rows", "actions_intro"),
        *("actions", "voice", "inspection", "profile_intro", "profile", "background_intro"),
        *("appendices_intro", "appendices", "symbols", "letters", "comparison_note"),
        *("has_comparators", "has_suppressed"),
    )
)
_MISSING = re.compile(r"'pledgekit\.report\.model\.Report object' has no attribute '(\w+)'")


def _moved(message: str) -> str:
    """A hint for a template written before the report became a list of sections."""
    found = re.search(
        r"'pledgekit\.report\.model\.Report object' has no attribute '(\w+)'", message
    )
    if found is None or found.group(1) not in _SECTION_FIELDS:
        return ""
    return (
        f" (report.{found.group(1)} is now in its section: loop over report.sections, or use "
        "report.section('<key>'); 'pledgekit templates export' writes the current templates, "
        "and their README lists what each section has)"
    )


def template_error(
    exc: BaseException, name: str, *, filename: str | None, where: Callable[[int], str] = str
) -> TemplateError:
    """A :class:`TemplateError` naming the template and line of ``exc``.

    ``where`` turns a line number into words (a Word template says which paragraph).
    """
    line, inner = _line_of(exc, filename)
    if inner is not None:
        name = f"{name}, in {inner}"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        kind = "syntax error"
        if exc.name and exc.filename and exc.filename != filename:
            name = exc.filename  # the error is in an included template
    elif isinstance(exc, jinja2.UndefinedError):
        kind = "undefined variable"
        exc = jinja2.UndefinedError(f"{exc.message}{_moved(exc.message or '')}")
    elif isinstance(exc, SecurityError):
        kind = "refused by the template sandbox"
    else:
        kind = "error"
    place = f", line {where(line)}" if line is not None else ""
    # One line: a message spread over lines would break an annotation or a log line.
    message = " ".join(str(getattr(exc, "message", None) or exc).split())
    return TemplateError(f"{name}{place}: {kind}: {message}")


def render_text(
    report: object,
    *,
    default: str,
    template: Path | None,
    autoescape: bool,
    filters: dict[str, Callable[..., Any]],
) -> str:
    """Render a text template (Markdown or HTML) with ``report`` as ``report``.

    ``template`` is the user's file, or None for the default named ``default``.
    """
    path = template if template is not None else template_path(default)
    name = shown_name(template, default)
    check_regular(path, TemplateError, name)
    if not path.is_file():
        raise TemplateError(f"{name}: template file not found")
    env = environment(autoescape=autoescape, folder=path.parent)
    env.filters.update(filters)
    try:
        compiled = env.get_template(path.name)
    except jinja2.TemplateSyntaxError as exc:
        raise template_error(exc, name, filename=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{name}: cannot read the template ({exc})") from None
    try:
        return compiled.render(report=report)
    except RENDER_ERRORS as exc:
        raise template_error(exc, name, filename=compiled.filename) from None
