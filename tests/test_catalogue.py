"""The one catalogue of finding codes: complete, unrepeated, every code used, documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pledgekit.checks import CHECK_CODES
from pledgekit.model import codes
from pledgekit.model.codes import CATALOGUE, Severity, default_severity, info

SRC = Path(__file__).resolve().parent.parent / "src" / "pledgekit"
CONSTANT = re.compile(r"^([A-Z][A-Z0-9_]*) = _code\(", re.M)


def constants() -> list[str]:
    return CONSTANT.findall((SRC / "model" / "codes.py").read_text(encoding="utf-8"))


def test_a_code_catalogued_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="catalogued twice"):
        codes._code("bad-yaml", Severity.ERROR, "Again.", "Again.", "again")


def test_codes_are_unique_slugs_with_every_part_written() -> None:
    slugs = [entry.code for entry in CATALOGUE]
    assert len(slugs) == len(set(slugs)) == len(constants())
    for entry in CATALOGUE:
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", entry.code), entry.code
        assert entry.title.endswith("."), entry.code
        assert entry.meaning.strip() and entry.example.strip(), entry.code


def test_every_catalogued_code_is_used_by_a_module() -> None:
    """A code nothing can emit would sit in the docs as a promise the tool does not keep."""
    others = "\n".join(
        p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if p.name != "codes.py"
    )
    unused = [name for name in constants() if not re.search(rf"\b{name}\b", others)]
    assert unused == []


def test_every_code_the_checks_report_is_catalogued() -> None:
    assert set(CHECK_CODES) <= {entry.code for entry in CATALOGUE}


def test_severity_comes_from_the_catalogue() -> None:
    assert default_severity("unknown-measure") is Severity.ERROR
    assert default_severity("not-a-code") is Severity.WARNING
    assert info("will-be-suppressed").severity is Severity.INFO


def test_docs_list_every_code_with_its_meaning() -> None:
    text = (SRC.parent.parent / "docs" / "findings.md").read_text(encoding="utf-8")
    for entry in CATALOGUE:
        assert f"## {entry.code}\n" in text and entry.meaning in text
