"""pledgekit: corporate-parenting indicator workbooks to RAG scorecards, reports and CI checks.

The library works without the CLI. The API (:mod:`pledgekit.api`) is what the commands call:

    >>> from pledgekit import load_scorecard, load_report, validate, benchmark

and lower down, each step on its own:

    >>> from pledgekit import load_definition, read_workbooks, build_scorecard
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pledgekit.api import benchmark as benchmark
    from pledgekit.api import load_report as load_report
    from pledgekit.api import load_scorecard as load_scorecard
    from pledgekit.api import validate as validate
    from pledgekit.config.pledge import Definition as Definition
    from pledgekit.config.pledge import load_definition as load_definition
    from pledgekit.read.workbooks import read_workbooks as read_workbooks
    from pledgekit.score.scorecard import Scorecard as Scorecard
    from pledgekit.score.scoring import build_scorecard as build_scorecard

_LAZY = {
    "Definition": "pledgekit.config.pledge",
    "load_definition": "pledgekit.config.pledge",
    "read_workbooks": "pledgekit.read.workbooks",
    "Scorecard": "pledgekit.score.scorecard",
    "build_scorecard": "pledgekit.score.scoring",
    "load_scorecard": "pledgekit.api",
    "load_report": "pledgekit.api",
    "validate": "pledgekit.api",
    "benchmark": "pledgekit.api",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    # Heavy modules (pandas, pydantic) load only when used, so `pledgekit --help` stays fast.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pledgekit' has no attribute {name!r}")
