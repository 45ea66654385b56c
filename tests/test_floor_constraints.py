"""The floors constraints file (scripts/floor_constraints.py) pins every dependency pyproject
declares, and the test extra's, to exactly its lower bound: what .ci/run installs to prove the
floors install together and pass the tests."""

from __future__ import annotations

import importlib.util
import re
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


def test_numpy_which_every_run_imports_is_declared() -> None:
    assert "numpy" in _declared()


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
