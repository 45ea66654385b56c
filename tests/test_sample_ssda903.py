"""The sample's 903 files are what scripts/sample_ssda903.py writes, and carry no identifier."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from pledgekit.privacy.detect import scan_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data" / "ssda903"


def test_sample_903_files_are_regenerated_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = runpy.run_path(str(ROOT / "scripts" / "sample_ssda903.py"))
    monkeypatch.setitem(script["main"].__globals__, "FOLDER", tmp_path / "ssda903")
    monkeypatch.setitem(script["main"].__globals__, "ROOT", tmp_path)
    script["main"]()
    shipped = sorted(p.relative_to(SAMPLE) for p in SAMPLE.rglob("*.csv"))
    made = sorted(p.relative_to(tmp_path / "ssda903") for p in (tmp_path / "ssda903").rglob("*"))
    assert shipped == [p for p in made if p.suffix == ".csv"]
    assert len(shipped) == 21
    for name in shipped:
        assert (SAMPLE / name).read_bytes() == (tmp_path / "ssda903" / name).read_bytes(), name


def test_sample_903_files_hold_nothing_the_guard_flags() -> None:
    for path in SAMPLE.rglob("*.csv"):
        assert scan_text(path.read_text(encoding="utf-8")) == [], path.name
    header = (SAMPLE / "2024-25" / "header.csv").read_text(encoding="utf-8").splitlines()
    assert {line.split(",")[4] for line in header[1:]} == {"UN1"}
