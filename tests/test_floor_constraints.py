"""The floors constraints file (scripts/floor_constraints.py) pins every dependency pyproject
declares, and the test extra's, to exactly its lower bound: what .ci/run installs to prove the
floors install together and pass the tests."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path
from types import ModuleType

import pytest

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "floor_constraints", ROOT / "scripts" / "floor_constraints.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _declared() -> dict[str, str]:
    """Each dependency of the project and its test extra -> its declared lower bound."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = {}
    for req in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        match = re.fullmatch(r"([A-Za-z0-9._-]+)>=([0-9][0-9A-Za-z.]*)", req)
        assert match, f"{req!r}: a dependency is declared as name>=floor"
        found[match[1].lower()] = match[2]
    return found


def test_every_dependency_is_pinned_to_its_floor() -> None:
    pins = dict(line.split("==") for line in _script().constraints().splitlines())
    assert pins == _declared()


def test_the_ci_installs_the_floors_and_runs_the_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/floor_constraints.py" in ci
    floors = ci[ci.index("scripts/floor_constraints.py") :]
    assert re.search(r"pip install .*-c .*'\.\[test\]'", floors)
    assert "pytest" in floors


def _imported_distributions() -> dict[str, set[str]]:
    """Each distribution that src/pledgekit imports from -> the modules naming it (absolute
    imports at any depth, TYPE_CHECKING ones too: mypy needs those installed as well)."""
    names: set[str] = set()
    for path in (ROOT / "src" / "pledgekit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.partition(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.partition(".")[0])
    owners = packages_distributions()
    found: dict[str, set[str]] = {}
    for name in names - set(sys.stdlib_module_names) - {"pledgekit"}:
        assert name in owners, (
            f"src/pledgekit imports {name!r}, which no installed package provides"
        )
        for dist in owners[name]:
            found.setdefault(_normalised(dist), set()).add(name)
    return found


def _normalised(name: str) -> str:
    """A distribution's name as pip compares it (PEP 503): ``PyYAML`` and ``pyyaml`` alike."""
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_package_src_imports_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = map(_script().floor_pin, project["dependencies"])
    runtime = {_normalised(pin.partition("==")[0]) for pin in pins}
    imported = _imported_distributions()
    assert "numpy" in imported  # the scan sees the import every run makes
    undeclared = {dist: mods for dist, mods in imported.items() if dist not in runtime}
    assert not undeclared, (
        f"imported by src/pledgekit but not in [project] dependencies: {undeclared}"
    )
    unused = runtime - set(imported)
    assert not unused, f"declared in [project] dependencies but never imported: {sorted(unused)}"


def test_a_requirement_without_a_floor_is_refused(tmp_path: Path) -> None:
    script = _script()
    assert script.floor_pin("Foo[bar] >= 1.2, <3") == "foo==1.2"
    assert script.floor_pin('tomli>=2.0 ; python_version < "3.11"') == (
        'tomli==2.0 ; python_version < "3.11"'
    )
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\ndependencies = ["a>=1", "b"]\n', encoding="utf-8")
    with pytest.raises(script.NoFloor, match="'b' has no lower bound"):
        script.constraints(pyproject)
