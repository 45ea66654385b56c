"""Read YAML keeping the line and column of every key, so errors can point at them.

Only YAML's plain data is built (PyYAML's safe constructor: no Python objects), and a file is
refused, as one located problem, before it can take much memory or time:

- larger than :data:`MAX_BYTES` (a pledge definition is a few kilobytes);
- nested deeper than :data:`MAX_DEPTH`;
- using more than :data:`MAX_ALIASES` aliases, or aliases that would expand the document
  beyond :data:`MAX_NODES` values (the "billion laughs"), or an alias inside its own anchor.

The limits are checked on the composed node graph, where an alias is the same node met twice,
so they hold whichever PyYAML loader (pure Python or libyaml's C one) composed it. Merge keys
(``<<: *defaults``) are supported: the merged keys count as written, and keys written beside
``<<`` override them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pledgekit.model.input_files import not_regular

#: libyaml's C parser where PyYAML was built with it: about ten times faster on a definition of
#: thousands of measures, and its nodes carry the same line and column marks.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]
Positions = dict[Path_, tuple[int, int]]

#: Largest YAML file read, in bytes.
MAX_BYTES = 2_000_000
#: Deepest nesting of mappings and lists.
MAX_DEPTH = 50
#: Most aliases (``*name``) in one file.
MAX_ALIASES = 1_000
#: Most values (keys, scalars, lists, mappings) the document may hold once aliases are expanded.
MAX_NODES = 200_000

_MERGE = "tag:yaml.org,2002:merge"


class YamlProblem(Exception):
    """YAML that cannot be read; carries a 1-based line and column."""

    def __init__(self, message: str, line: int | None = None, col: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


def _at(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _problem(message: str, node: yaml.Node) -> YamlProblem:
    return YamlProblem(message, *_at(node))


class _Limits:
    """Measures the node graph: depth, aliases and expanded size, before anything is built."""

    def __init__(self) -> None:
        self.sizes: dict[int, int] = {}
        self.open: set[int] = set()
        self.aliases = 0

    def size(self, node: yaml.Node, depth: int) -> int:
        key = id(node)
        if key in self.open:
            raise _problem("an alias refers to the anchor it is inside, so it never ends", node)
        known = self.sizes.get(key)
        if known is not None:  # met before: this use is an alias
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _problem(f"more than {MAX_ALIASES:,} aliases (*name) in one file", node)
            return known
        if depth > MAX_DEPTH:
            raise _problem(f"nested more than {MAX_DEPTH} levels deep", node)
        total = 1
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            self.open.add(key)
            children = (
                [part for pair in node.value for part in pair]
                if isinstance(node, yaml.MappingNode)
                else node.value
            )
            for child in children:
                total += self.size(child, depth + 1)
                if total > MAX_NODES:
                    raise _problem(
                        f"the aliases here expand to more than {MAX_NODES:,} values; "
                        "a pledge definition needs far fewer",
                        node,
                    )
            self.open.discard(key)
        self.sizes[key] = total
        return total


def _construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except yaml.MarkedYAMLError:
        raise
    except (ValueError, TypeError, OverflowError) as exc:
        # PyYAML builds dates itself and lets ValueError out for e.g. 2026-13-45.
        text = node.value if isinstance(node, yaml.ScalarNode) else node.tag
        if node.tag.endswith(":timestamp"):
            raise _problem(
                f"{text!r} looks like a date but is not one ({exc}); "
                "write a real date as YYYY-MM-DD, or quote the text",
                node,
            ) from exc
        raise _problem(f"{text!r} cannot be read ({exc}); quote it as text", node) from exc


def _merged(node: yaml.MappingNode, loader: yaml.SafeLoader) -> tuple[list[Any], set[int]]:
    """The mapping's key/value pairs with ``<<`` merges applied, and the ids of merged keys."""
    own = {id(k) for k, _ in node.value if k.tag != _MERGE}
    if not any(k.tag == _MERGE for k, _ in node.value):
        return list(node.value), set()
    copy = yaml.MappingNode(node.tag, list(node.value), node.start_mark, node.end_mark)
    try:
        loader.flatten_mapping(copy)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or node.start_mark
        raise YamlProblem(
            "a merge key (<<) takes an alias of a mapping (<<: *defaults) or a list of them",
            mark.line + 1,
            mark.column + 1,
        ) from exc
    return list(copy.value), {id(k) for k, _ in copy.value} - own


def _walk(node: yaml.Node, loader: yaml.SafeLoader, path: Path_, positions: Positions) -> Any:
    positions.setdefault(path, _at(node))
    if isinstance(node, yaml.MappingNode):
        pairs, merged = _merged(node, loader)
        result: dict[Any, Any] = {}
        from_merge: set[Any] = set()
        for key_node, value_node in pairs:
            key = _construct(loader, key_node)
            if isinstance(key, (list, dict, set)):
                raise _problem("a mapping key must be plain text", key_node)
            if key in result and key not in from_merge:
                raise _problem(f"key {key!r} appears twice in the same mapping", key_node)
            # Merged keys come first; a key written beside << (or a later merge) replaces one.
            if id(key_node) in merged:
                from_merge.add(key)
            else:
                from_merge.discard(key)
            child: Path_ = (*path, str(key) if not isinstance(key, str) else key)
            positions[child] = _at(key_node)
            result[key] = _walk(value_node, loader, child, positions)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, loader, (*path, i), positions) for i, item in enumerate(node.value)]
    return _construct(loader, node)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
            line,
            col,
        ) from exc


def _line_col(text: str, position: int) -> tuple[int, int]:
    return text.count("\n", 0, position) + 1, position - (text.rfind("\n", 0, position) + 1) + 1


def _reader_problem(text: str, exc: yaml.reader.ReaderError) -> YamlProblem:
    line, col = _line_col(text, exc.position)
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    what = "a NUL byte" if code == 0 else f"the control character U+{code:04X}"
    return YamlProblem(f"{what} is not allowed in YAML; remove it", line, col)


def load_yaml(path: Path) -> tuple[Any, Positions]:
    """Parse a YAML file into Python data and a map from key path to (line, column).

    Raises :class:`YamlProblem` (with the line, when there is one) for syntax errors, duplicate
    keys, characters YAML does not allow, and files beyond the limits above.
    """
    reason = not_regular(path)  # a FIFO would hang, /dev/zero never end
    if reason is not None:
        raise YamlProblem(f"the file {reason}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise YamlProblem(
            f"the file is {size:,} bytes; a YAML file here is at most {MAX_BYTES:,} bytes"
        )
    with path.open("rb") as handle:
        text = _decode(handle.read(MAX_BYTES + 1))
    if _FAST_LOADER is not yaml.SafeLoader:
        try:
            return _load(text, _FAST_LOADER)
        except YamlProblem:
            pass  # say it as the pure-Python parser does: same words whichever PyYAML is built
    return _load(text, yaml.SafeLoader)


def _load(text: str, loader_class: type[yaml.SafeLoader]) -> tuple[Any, Positions]:
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(text, exc) from exc
    try:
        node = loader.get_single_node()
        positions: Positions = {}
        if node is None:
            return None, positions
        _Limits().size(node, 0)
        return _walk(node, loader, (), positions), positions
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(text, exc) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise YamlProblem(f"YAML syntax error: {problem}", line, col) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML syntax error: {exc}") from exc
    except RecursionError as exc:
        get_mark = getattr(loader, "get_mark", None)  # the C loader may not say where it was
        mark = get_mark() if get_mark is not None else None
        raise YamlProblem(
            f"nested more than {MAX_DEPTH} levels deep",
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from exc
    finally:
        loader.dispose()


def position_of(positions: Positions, loc: Path_) -> tuple[int | None, int | None]:
    """Line and column of the nearest enclosing key for a validation error path."""
    for end in range(len(loc), -1, -1):
        found = positions.get(tuple(loc[:end]))
        if found:
            return found
    return None, None
