"""`scorecard --period P` against the paper for P: by default the card shows P with every figure
now known, and names the measures that figures from later workbooks change; `--as-at` rates P
from what was known at it, as `report --period P` does, so the two can be checked one against
the other."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit.api import load_report, load_scorecard
from pledgekit.cli import app
from pledgekit.model.status import Status
from pledgekit.render.report.markup import render_markdown
from pledgekit.score.scorecard import Scorecard

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
BOOKS = sorted(SAMPLE.glob("*.xlsx"))
PLEDGE = SAMPLE / "pledge.yaml"
EARLIER = "2026-27 Q1"
runner = CliRunner()


def _up_to(period: str) -> list[Path]:
    """The sample's quarterly returns up to ``period``: what the Council had then."""
    label = period.replace(" ", "-")
    return [book for book in BOOKS if book.stem <= label]


def _shown(card: Scorecard) -> dict[str, tuple[object, ...]]:
    return {
        r.measure.id: (r.display, r.status, r.short_term.direction, r.long_term.direction)
        for r in card.rows
    }


def test_as_at_is_the_card_of_the_returns_in_by_then() -> None:
    then, _ = load_scorecard(BOOKS, pledge=PLEDGE, period=EARLIER, as_at=True)
    alone, _ = load_scorecard(_up_to(EARLIER), pledge=PLEDGE, period=EARLIER)
    assert _up_to(EARLIER) != BOOKS
    assert _shown(then) == _shown(alone)
    assert then.arrived_later == ()


def test_an_earlier_period_names_what_later_workbooks_change() -> None:
    now, _ = load_scorecard(BOOKS, pledge=PLEDGE, period=EARLIER)
    alone, _ = load_scorecard(_up_to(EARLIER), pledge=PLEDGE, period=EARLIER)
    before, after = _shown(alone), _shown(now)
    changed = tuple(ref for ref in after if after[ref] != before[ref])
    assert changed  # the sample's later returns bring annual results dated before Q1
    assert now.arrived_later == changed


@pytest.mark.parametrize("period", [None, "2026-27 Q2"])
def test_the_latest_period_has_nothing_arrived_later(period: str | None) -> None:
    card, _ = load_scorecard(BOOKS, pledge=PLEDGE, period=period)
    assert card.arrived_later == ()
    as_at, _ = load_scorecard(BOOKS, pledge=PLEDGE, period=period, as_at=True)
    assert _shown(as_at) == _shown(card)


def test_the_cli_note_names_the_measures_and_the_way_to_the_papers_view() -> None:
    now, _ = load_scorecard(BOOKS, pledge=PLEDGE, period=EARLIER)
    result = runner.invoke(app, ["scorecard", *map(str, BOOKS), "--period", EARLIER])
    assert result.exit_code == 0, result.output
    named = ", ".join(now.arrived_later)
    assert f"({named}) show figures that arrived after {EARLIER}" in result.stderr
    assert "--as-at" in result.stderr
    plain = runner.invoke(app, ["scorecard", *map(str, BOOKS)])
    assert plain.exit_code == 0 and "arrived after" not in plain.stderr


def test_the_cli_as_at_counts_are_the_papers() -> None:
    """What the checklist asks of a paper: its prose counts match the scorecard of its quarter."""
    result = runner.invoke(app, ["scorecard", *map(str, BOOKS), "--period", EARLIER, "--as-at"])
    assert result.exit_code == 0, result.output
    assert "arrived after" not in result.stderr
    then, _ = load_scorecard(BOOKS, pledge=PLEDGE, period=EARLIER, as_at=True)
    counts = then.summary.statuses
    green, amber, red = (counts[s] for s in (Status.GREEN, Status.AMBER, Status.RED))
    headline = f"{EARLIER}: {len(then.rows)} measures: {green} green, {amber} amber, {red} red"
    assert headline in " ".join(result.stdout.split())
    report, _, _ = load_report(BOOKS, meeting=SAMPLE / "meeting.yaml", period=EARLIER)
    paper = " ".join(render_markdown(report).split())
    assert f"{green} are green, {amber} amber and {red} red" in paper
    now, _ = load_scorecard(BOOKS, pledge=PLEDGE, period=EARLIER)
    assert _shown(now) != _shown(then)  # without --as-at the counts would not be the paper's
