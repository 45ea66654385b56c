"""Write a pip constraints file pinning each dependency to its floor, the lower bound pyproject
declares: every requirement of ``[project.dependencies]`` and of the ``test`` extra, as
``name==floor``. CI installs ``.[test]`` with it and runs the tests, so the floors are known to
install together and to work.

    python scripts/floor_constraints.py                   # the constraints, on stdout
    python scripts/floor_constraints.py -o floors.txt     # into a file

A requirement without a ``>=`` lower bound is an error: every dependency needs a floor.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
#: The extras whose requirements are pinned besides the project's own.
EXTRAS = ("test",)
# `name[extras]>=1.2, <3 ; marker`: the name, and the version after `>=`.
_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?")
_FLOOR = re.compile(r">=\s*([0-9][0-9A-Za-z.+!-]*)")


class NoFloor(ValueError):
    """A requirement with no ``>=`` lower bound."""


def requirements(pyproject: dict[str, object]) -> list[str]:
    """The requirements to pin: the project's dependencies and its :data:`EXTRAS`, the project
    itself (``pledgekit[test]`` in another extra) left out."""
    project = pyproject["project"]
    assert isinstance(project, dict)
    name = project["name"]
    found = list(project.get("dependencies", []))
    extras = project.get("optional-dependencies", {})
    for extra in EXTRAS:
        found += extras.get(extra, [])
    return [req for req in found if _name(req) != name]


def _name(requirement: str) -> str:
    match = _NAME.match(requirement)
    if match is None:
        raise NoFloor(f"{requirement!r} is not a requirement")
    return match[1]


def floor_pin(requirement: str) -> str:
    """``name==floor`` for a requirement (its marker kept); raises :class:`NoFloor`."""
    spec, _, marker = requirement.partition(";")
    floor = _FLOOR.search(spec)
    if floor is None:
        raise NoFloor(f"{requirement!r} has no lower bound (>=): every dependency needs a floor")
    pin = f"{_name(spec).lower()}=={floor[1]}"
    return f"{pin} ; {marker.strip()}" if marker.strip() else pin


def constraints(pyproject_path: Path = ROOT / "pyproject.toml") -> str:
    """The constraints file's text: one pin a line, in pyproject's order."""
    data = tomllib.loads(pyproject_path.read_text(encoding="utf-8"))
    return "".join(floor_pin(req) + "\n" for req in requirements(data))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    parser.add_argument("--pyproject", type=Path, default=ROOT / "pyproject.toml")
    args = parser.parse_args()
    try:
        text = constraints(args.pyproject)
    except NoFloor as exc:
        sys.exit(f"error: {exc}")
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
