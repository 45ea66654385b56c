"""The layer contract of docs/architecture.md, read from the source: imports point one way.

The same contract runs in CI as import-linter's ``lint-imports`` (its layers are in
pyproject.toml, and this test reads them from there). This test also looks for import cycles
between modules, function-level and ``TYPE_CHECKING`` imports included, and proves on a planted
tree that an upward import is caught.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "pledgekit"


def layers() -> list[set[str]]:
    """The layers from pyproject.toml, top first; siblings share a set."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    return [{part.strip() for part in layer.split("|")} for layer in contract["layers"]]


def module_name(path: Path, root: Path) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, root: Path) -> Iterator[tuple[str, int]]:
    """Every module of the package ``path`` imports, anywhere in the file, with its line."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == root.name:
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.split(".")[0] != root.name:
                continue
            yield target, node.lineno
            for alias in node.names:  # "from pkg import module" imports the module
                if (root.parent / Path(*f"{target}.{alias.name}".split("."))).with_suffix(
                    ".py"
                ).exists() or (root.parent / Path(*f"{target}.{alias.name}".split("."))).is_dir():
                    yield f"{target}.{alias.name}", node.lineno


def layer_of(module: str, order: list[set[str]]) -> int | None:
    for index, layer in enumerate(order):
        if any(module == name or module.startswith(name + ".") for name in layer):
            return index
    return None


def upward_imports(root: Path, order: list[set[str]]) -> list[str]:
    """Imports from a lower layer into a higher one (or between siblings), as messages."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        source = module_name(path, root)
        here = layer_of(source, order)
        if here is None:
            continue
        for target, line in imports(path, root):
            there = layer_of(target, order)
            if there is None or there > here:
                continue
            same_layer = there == here
            same_package = same_layer and any(
                source.startswith(n) and target.startswith(n) for n in order[here]
            )
            if there < here or not same_package:
                problems.append(f"{path.relative_to(root.parent)}:{line}: {source} -> {target}")
    return problems


def cycles(root: Path) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        source = module_name(path, root)
        targets = graph.setdefault(source, set())
        for target, _ in imports(path, root):
            # A package's __init__ re-exporting its modules is not a loop through the modules.
            if target != source and not source.startswith(target + "."):
                targets.add(target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                item = stack.pop()
                group.append(item)
                if item == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_subpackage_is_in_a_layer() -> None:
    order = layers()
    for item in sorted(PACKAGE.iterdir()):
        if item.name.startswith(("_", ".")) or item.suffix not in (".py", ""):
            continue
        if item.is_file() or (item / "__init__.py").exists():
            name = f"pledgekit.{item.stem}"
            assert layer_of(name, order) is not None, f"{name} is in no layer of pyproject.toml"


def test_imports_point_down_the_layers() -> None:
    assert upward_imports(PACKAGE, layers()) == []


def test_no_import_cycles() -> None:
    assert cycles(PACKAGE) == []


def test_a_planted_upward_import_is_caught(tmp_path: Path) -> None:
    root = tmp_path / "pledgekit"
    for folder in ("model", "score"):
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "score" / "rules.py").write_text("from pledgekit.model.values import Reading\n")
    # A model module reaching up into score, inside a function, where it is easy to miss.
    (root / "model" / "values.py").write_text(
        "class Reading: ...\n\ndef rate():\n    from pledgekit.score import rules\n"
    )
    order = [{"pledgekit.score"}, {"pledgekit.model"}]
    assert upward_imports(root, order) == [
        "pledgekit/model/values.py:4: pledgekit.model.values -> pledgekit.score",
        "pledgekit/model/values.py:4: pledgekit.model.values -> pledgekit.score.rules",
    ]
    assert cycles(root) == [["pledgekit.model.values", "pledgekit.score.rules"]]


def test_siblings_do_not_import_each_other(tmp_path: Path) -> None:
    root = tmp_path / "pledgekit"
    for folder in ("checks", "report"):
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "checks" / "a.py").write_text("import pledgekit.report.b\n")
    (root / "report" / "b.py").write_text("")
    problems = upward_imports(root, [{"pledgekit.checks", "pledgekit.report"}])
    assert problems == ["pledgekit/checks/a.py:1: pledgekit.checks.a -> pledgekit.report.b"]


# Modules that share a name across layers must do the same job: each renderer folder has its
# own `formats` registry, and the xlsx renderers of two kinds of output.
_SAME_JOB = {"__init__", "formats", "xlsx"}


def test_no_two_layers_hold_a_module_of_the_same_name() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.stem
        if name in _SAME_JOB:
            continue
        where = str(path.relative_to(PACKAGE))
        if name in seen:
            clashes.append(f"{seen[name]} and {where}")
        seen[name] = where
    assert clashes == []


def test_architecture_doc_names_every_layer() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for layer in layers():
        for name in layer:
            short = name.removeprefix("pledgekit.")
            assert f"**`{short}/`**" in text or f"**`{short}.py`**" in text, name


def test_records_sit_between_privacy_and_read() -> None:
    # The 903 measures (records) read the frames the 903 reader gives; suppression (privacy)
    # applies to their counts afterwards. The frames' types are in model so read can build them.
    order = layers()
    places = [layer_of(f"pledgekit.{name}", order) for name in ("privacy", "records", "read")]
    assert None not in places
    assert places == sorted({place for place in places if place is not None})
