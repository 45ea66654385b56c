"""The report of the shipped sample data (all six quarters and meeting.yaml), as users make it."""

from __future__ import annotations

from functools import lru_cache

from pledgekit.api import load_report
from pledgekit.render.resources import sample_data_dir
from pledgekit.report.model import Report


@lru_cache(maxsize=1)
def sample_report() -> Report:
    """``pledgekit report sample_data/*.xlsx --meeting sample_data/meeting.yaml``, as a model."""
    folder = sample_data_dir()
    report, _, blocking = load_report(
        sorted(folder.glob("*.xlsx")), meeting=folder / "meeting.yaml"
    )
    assert blocking == []
    return report
