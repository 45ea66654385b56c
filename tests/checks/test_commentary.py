"""Checks on commentary: reds need it, and it must carry no personal data."""

from __future__ import annotations

from pledgekit.checks import run_checks
from pledgekit.config.pledge import Definition
from pledgekit.model.findings import Severity

from .support import codes, complete, found, ob


def test_red_without_commentary_is_an_error_at_the_commentary_cell(
    definition: Definition,
) -> None:
    data = complete(ob("1.1", 70, numerator=70, denominator=100, row=2), skip=("1.1",))
    findings = run_checks(definition, data)
    assert found(findings, "missing-commentary-for-red") == [("F2", "1.1")]
    assert "70.0% misses a target of 90.0% or more" in findings[0].message
    assert findings[0].severity is Severity.ERROR


def test_red_with_commentary_amber_and_history_need_none(definition: Definition) -> None:
    data = complete(
        ob("1.1", 70, numerator=70, denominator=100, row=2, commentary="Recovery plan agreed."),
        ob("1.2", 11, numerator=11, denominator=100, row=3),  # amber: within tolerance 2
        ob("2.1", 1, row=8, period="2019-20 Q1"),  # red, but last quarter's
        skip=("1.1", "1.2"),
    )
    assert "missing-commentary-for-red" not in codes(run_checks(definition, data))


def test_personal_data_in_commentary(definition: Definition) -> None:
    data = complete(
        ob("1.1", 70, numerator=70, denominator=100, row=2, commentary="Jamie Smith (14) moved."),
        skip=("1.1",),
    )
    findings = run_checks(definition, data)
    [item] = [f for f in findings if f.code.startswith("personal-data-")]
    assert item.location.a1 == "F2" and item.measure == "1.1"
    assert "Jamie Smith" not in (item.found or "") + item.message


def test_personal_data_in_the_action_plan(definition: Definition) -> None:
    from pledgekit.model.location import Location
    from pledgekit.model.observations import ActionItem

    data = complete()
    where = Location("q.xlsx", "Actions", 3, "B")
    data.actions = [ActionItem("Call 07700 900123 about the review", where, update="Done.")]
    findings = run_checks(definition, data)
    [item] = [f for f in findings if f.code.startswith("personal-data-")]
    assert item.code == "personal-data-phone" and item.location.a1 == "B3"
