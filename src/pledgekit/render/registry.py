"""One registry per kind of output: the formats it can be written in, each under one name.

A :class:`Registry` lists each :class:`OutputFormat` with its name, any other spelling accepted
for it, the file extensions it writes, and its renderer. The CLI takes its ``--format`` choices
and help from here, and ``docs/cli.md`` is generated from that help, so a format added here is
offered and documented everywhere.

Renderers are functions, typed by the registry (``Registry[Callable[[Scorecard], str | bytes]]``),
so mypy checks every renderer against the model its kind renders and every call against the
renderer. A kind's ``formats.py`` registers its renderer modules' functions themselves, through
:func:`lazy_modules`: mypy sees the modules imported, while at run time each function is a
:class:`LazyFunction` that imports its module when first called, so listing the formats
(``pledgekit --help``) imports no renderer and none of the libraries they need (openpyxl,
Pillow, docxtpl).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pledgekit.model.errors import UsageError

#: A renderer: the kind's model (and any options the kind takes) in, text or bytes out.
R = TypeVar("R", bound=Callable[..., str | bytes])


@dataclass(frozen=True)
class LazyFunction:
    """The function ``name`` of the module ``module``, imported when first called."""

    module: str
    name: str

    def resolve(self) -> Callable[..., Any]:
        """The function itself, its module imported now.

        Raises ImportError or AttributeError when the module or function does not exist.
        """
        found: Callable[..., Any] = getattr(importlib.import_module(self.module), self.name)
        return found

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.resolve()(*args, **kwargs)


class LazyModule:
    """Stands in at run time for a module not imported yet: each attribute is a
    :class:`LazyFunction` of it, so nothing is imported until one is called."""

    def __init__(self, module: str) -> None:
        self.module = module

    def __getattr__(self, name: str) -> LazyFunction:
        if name.startswith("__"):  # copy, pickle and inspect probe for dunders: not functions
            raise AttributeError(name)
        return LazyFunction(self.module, name)


def lazy_modules(package: str, *names: str) -> tuple[LazyModule, ...]:
    """Stand-ins for ``from package import names``: a kind's ``formats.py`` takes its renderer
    modules this way, so the type checker sees the modules and run time imports none::

        if TYPE_CHECKING:
            from pledgekit.render.scorecard import flat, xlsx
        else:
            flat, xlsx = lazy_modules("pledgekit.render.scorecard", "flat", "xlsx")

        FORMATS.add(json_format("...", flat.render_json))

    mypy reads only the first branch, so ``flat.render_json`` is checked against the kind's
    renderer type; ``tests/test_registry.py`` checks that both branches name the same modules
    and that every registered function resolves.
    """
    return tuple(LazyModule(f"{package}.{name}") for name in names)


@dataclass(frozen=True)
class OutputFormat(Generic[R]):
    """One output format of a kind of output, and the function that writes it."""

    name: str
    help: str
    renderer: R
    suffixes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    binary: bool = False
    #: The format whose templates this one renders through (a PDF is made from a Word
    #: template), when it is not the format's own.
    template_format: str | None = None


@dataclass
class Registry(Generic[R]):
    """The formats of one kind of output (``kind`` names it in messages: "scorecard")."""

    kind: str
    default: str
    formats: dict[str, OutputFormat[R]] = field(default_factory=dict)

    def add(self, fmt: OutputFormat[R]) -> OutputFormat[R]:
        """Register ``fmt``; a name, alias or suffix already taken is a programming error (so a
        file's suffix names at most one format: see :meth:`for_suffix`)."""
        taken = set(self.formats) | {a for f in self.formats.values() for a in f.aliases}
        clash = taken & {fmt.name, *fmt.aliases}
        if clash:
            raise ValueError(f"{self.kind} format name(s) {', '.join(sorted(clash))} taken twice")
        claimed = {s for f in self.formats.values() for s in f.suffixes} & set(fmt.suffixes)
        if claimed:
            raise ValueError(f"{self.kind} suffix(es) {', '.join(sorted(claimed))} taken twice")
        self.formats[fmt.name] = fmt
        return fmt

    def __iter__(self) -> Iterator[OutputFormat[R]]:
        return iter(self.formats.values())

    @property
    def names(self) -> list[str]:
        """The canonical names, in registration order."""
        return list(self.formats)

    def get(self, name: str) -> OutputFormat[R]:
        """The format called ``name`` (or one of its aliases, any case).

        Raises :class:`UsageError` naming the choices for an unknown name.
        """
        wanted = name.strip().lower()
        for fmt in self.formats.values():
            if wanted == fmt.name or wanted in fmt.aliases:
                return fmt
        raise UsageError(
            f"unknown {self.kind} format {name!r}; choose one of {', '.join(self.names)}"
        )

    def for_suffix(self, suffix: str) -> OutputFormat[R] | None:
        """The format that writes files ending in ``suffix`` (".md"), or None."""
        wanted = suffix.lower()
        return next((f for f in self.formats.values() if wanted in f.suffixes), None)

    def help(self) -> str:
        """One line for ``--help``: each format with what it is."""
        parts = []
        for fmt in self.formats.values():
            also = f" (or {', '.join(fmt.aliases)})" if fmt.aliases else ""
            parts.append(f"{fmt.name}{also}: {fmt.help}")
        return "; ".join(parts) + "."


# The formats most kinds offer, each with the same name, extensions and aliases everywhere.


#: What a kind's ``table`` format is, unless it says more.
TERMINAL_TABLE = "a table for the terminal (plain text in a file)"


def table_format(help: str, renderer: R) -> OutputFormat[R]:
    """``table`` (or ``text``): for the terminal, plain text in a .txt file."""
    return OutputFormat("table", help, renderer, suffixes=(".txt",), aliases=("text",))


def json_format(help: str, renderer: R) -> OutputFormat[R]:
    """``json``: a .json file."""
    return OutputFormat("json", help, renderer, suffixes=(".json",))


def csv_format(help: str, renderer: R) -> OutputFormat[R]:
    """``csv``: a .csv file."""
    return OutputFormat("csv", help, renderer, suffixes=(".csv",))


def markdown_format(help: str, renderer: R) -> OutputFormat[R]:
    """``md`` (or ``markdown``): a .md or .markdown file."""
    return OutputFormat("md", help, renderer, suffixes=(".md", ".markdown"), aliases=("markdown",))


def xlsx_format(help: str, renderer: R) -> OutputFormat[R]:
    """``xlsx``: an Excel workbook, bytes, so only to a file."""
    return OutputFormat("xlsx", help, renderer, suffixes=(".xlsx",), binary=True)
