"""One registry per kind of output: the formats it can be written in, each under one name.

A :class:`Registry` lists each :class:`OutputFormat` with its name, any other spelling accepted
for it, the file extensions it writes, and where its renderer lives. The CLI takes its
``--format`` choices and help from here, and ``docs/cli.md`` is generated from that help, so a
format added here is offered and documented everywhere. Renderers are named as
``"module:function"`` and imported only when used, so listing formats stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pledgekit.model.errors import UsageError

T = TypeVar("T")


@dataclass(frozen=True)
class OutputFormat:
    """One output format of a kind of output."""

    name: str
    help: str
    renderer: str
    suffixes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    binary: bool = False
    #: The format whose templates this one renders through (a PDF is made from a Word
    #: template), when it is not the format's own.
    template_format: str | None = None

    def load(self) -> Callable[..., str | bytes]:
        """The renderer function."""
        module, _, function = self.renderer.partition(":")
        found: Callable[..., str | bytes] = getattr(importlib.import_module(module), function)
        return found


@dataclass
class Registry(Generic[T]):
    """The formats of one kind of output (``kind`` names it in messages: "scorecard")."""

    kind: str
    default: str
    formats: dict[str, OutputFormat] = field(default_factory=dict)

    def add(self, fmt: OutputFormat) -> OutputFormat:
        """Register ``fmt``; a name or alias already taken is a programming error."""
        taken = set(self.formats) | {a for f in self.formats.values() for a in f.aliases}
        clash = taken & {fmt.name, *fmt.aliases}
        if clash:
            raise ValueError(f"{self.kind} format name(s) {', '.join(sorted(clash))} taken twice")
        self.formats[fmt.name] = fmt
        return fmt

    def __iter__(self) -> Iterator[OutputFormat]:
        return iter(self.formats.values())

    @property
    def names(self) -> list[str]:
        """The canonical names, in registration order."""
        return list(self.formats)

    def get(self, name: str) -> OutputFormat:
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

    def for_suffix(self, suffix: str) -> OutputFormat | None:
        """The format that writes files ending in ``suffix`` (".md"), or None."""
        wanted = suffix.lower()
        return next((f for f in self.formats.values() if wanted in f.suffixes), None)

    def render(self, model: T, name: str, **options: Any) -> str | bytes:
        """``model`` rendered in the format called ``name``."""
        return self.get(name).load()(model, **options)

    def help(self) -> str:
        """One line for ``--help``: each format with what it is."""
        parts = []
        for fmt in self.formats.values():
            also = f" (or {', '.join(fmt.aliases)})" if fmt.aliases else ""
            parts.append(f"{fmt.name}{also}: {fmt.help}")
        return "; ".join(parts) + f". Default: {self.default}."
