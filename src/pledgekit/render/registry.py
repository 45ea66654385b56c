"""One registry per kind of output: the formats it can be written in, each under one name.

A :class:`Registry` lists each :class:`OutputFormat` with its name, any other spelling accepted
for it, the file extensions it writes, and its renderer. The CLI takes its ``--format`` choices
and help from here, and ``docs/cli.md`` is generated from that help, so a format added here is
offered and documented everywhere.

Renderers are functions, typed by the registry (``Registry[Callable[[Scorecard], str | bytes]]``),
so mypy checks every renderer against the model its kind renders and every call against the
renderer. A kind's ``formats.py`` registers small functions that import the real renderer when
called: listing the formats (``pledgekit --help``) then imports no renderer and none of the
libraries they need (pydantic, openpyxl, Pillow, docxtpl).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pledgekit.model.errors import UsageError

#: A renderer: the kind's model (and any options the kind takes) in, text or bytes out.
R = TypeVar("R", bound=Callable[..., str | bytes])


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
        """Register ``fmt``; a name or alias already taken is a programming error."""
        taken = set(self.formats) | {a for f in self.formats.values() for a in f.aliases}
        clash = taken & {fmt.name, *fmt.aliases}
        if clash:
            raise ValueError(f"{self.kind} format name(s) {', '.join(sorted(clash))} taken twice")
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
        return "; ".join(parts) + f". Default: {self.default}."


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
