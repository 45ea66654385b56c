"""Read YAML keeping the line and column of every key, so errors can point at them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

#: libyaml's C parser where PyYAML was built with it: about ten times faster on a definition of
#: thousands of measures, and its nodes carry the same line and column marks.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]
Positions = dict[Path_, tuple[int, int]]


class YamlProblem(Exception):
    """YAML that cannot be read; carries a 1-based line and column."""

    def __init__(self, message: str, line: int | None = None, col: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


def _walk(node: yaml.Node, loader: yaml.SafeLoader, path: Path_, positions: Positions) -> Any:
    positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise YamlProblem("a mapping key must be plain text", key_node.start_mark.line + 1)
            if key in result:
                raise YamlProblem(
                    f"key {key!r} appears twice in the same mapping",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
            child: Path_ = (*path, str(key) if not isinstance(key, str) else key)
            positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _walk(value_node, loader, child, positions)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, loader, (*path, i), positions) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:
        # PyYAML builds dates itself and lets ValueError out for e.g. 2026-13-45.
        raise YamlProblem(
            f"{node.value!r} looks like a date but is not one ({exc}); "
            "write a real date as YYYY-MM-DD, or quote the text",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        ) from exc


def load_yaml(path: Path) -> tuple[Any, Positions]:
    """Parse a YAML file into Python data and a map from key path to (line, column).

    Raises :class:`YamlProblem` for syntax errors and duplicate keys.
    """
    text = path.read_text(encoding="utf-8-sig")
    if _FAST_LOADER is not yaml.SafeLoader:
        try:
            return _load(text, _FAST_LOADER)
        except YamlProblem:
            pass  # say it as the pure-Python parser does: same words whichever PyYAML is built
    return _load(text, yaml.SafeLoader)


def _load(text: str, loader_class: type[yaml.SafeLoader]) -> tuple[Any, Positions]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        positions: Positions = {}
        data = None if node is None else _walk(node, loader, (), positions)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise YamlProblem(f"YAML syntax error: {problem}", line, col) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML syntax error: {exc}") from exc
    finally:
        loader.dispose()
    return data, positions


def position_of(positions: Positions, loc: Path_) -> tuple[int | None, int | None]:
    """Line and column of the nearest enclosing key for a validation error path."""
    for end in range(len(loc), -1, -1):
        found = positions.get(tuple(loc[:end]))
        if found:
            return found
    return None, None
