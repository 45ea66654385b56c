"""pledgekit: corporate-parenting indicator workbooks to RAG scorecards, reports and CI checks.

The library works without the CLI: load a definition, read workbooks, build a scorecard.

    >>> from pledgekit import load_scorecard, load_report, validate
    >>> from pledgekit import load_definition, read_workbooks, build_scorecard
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pledgekit.checks import validate as validate
    from pledgekit.definition import Definition as Definition
    from pledgekit.definition import load_definition as load_definition
    from pledgekit.ingest import read_workbooks as read_workbooks
    from pledgekit.pipeline import load_scorecard as load_scorecard
    from pledgekit.report import load_report as load_report
    from pledgekit.scorecard import Scorecard as Scorecard
    from pledgekit.scorecard import build_scorecard as build_scorecard

_LAZY = {
    "Definition": "pledgekit.definition",
    "load_definition": "pledgekit.definition",
    "read_workbooks": "pledgekit.ingest",
    "Scorecard": "pledgekit.scorecard",
    "build_scorecard": "pledgekit.scorecard",
    "load_scorecard": "pledgekit.pipeline",
    "load_report": "pledgekit.report",
    "validate": "pledgekit.checks",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    # Heavy modules (pandas, pydantic) load only when used, so `pledgekit --help` stays fast.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pledgekit' has no attribute {name!r}")
