"""The catalogue of 903 measures: ids of the reference pack, wording for the docs, availability."""

from __future__ import annotations

import pytest

from pledgekit.config.reference_pack import load_pack
from pledgekit.records.catalogue import MEASURES, compute, wording
from pledgekit.records.frames import Count, CountingOptions, Records903
from tests.records903 import episode, records


def test_every_measure_is_a_reference_pack_measure_of_the_same_unit() -> None:
    pack = load_pack("dfe-2025")
    for measure in MEASURES:
        found = pack.find(measure.reference)
        assert found is not None and found.id == measure.reference, measure.reference
        assert found.unit == measure.unit, measure.reference


def test_every_measure_says_its_rule_cohort_exclusions_and_source() -> None:
    for measure in MEASURES:
        assert all(
            (measure.title, measure.rule, measure.cohort, measure.exclusions, measure.source)
        )
        assert measure.rule.startswith("DfE: "), measure.reference


def test_a_docstring_without_a_field_is_refused() -> None:
    def half_said(records: Records903, year: int, options: CountingOptions) -> Count:
        """Something.

        Rule: counted somehow.
        Cohort: everyone.
        """
        raise NotImplementedError

    with pytest.raises(ValueError, match="Exclusions, Source"):
        wording(half_said)


def test_compute_says_what_is_missing_instead_of_failing() -> None:
    data = records({2025: {"Episodes": [episode("A", "01/04/2020")]}})
    result = compute(data, [2025, 2026], CountingOptions())
    reasons = {(u.reference, u.year): u.reason for u in result.unavailable}
    assert reasons[("health-assessment", 2025)] == "needs the OC2 table of 2024-25, not given"
    assert reasons[("long-term-stability", 2025)] == "needs the Header table of 2024-25, not given"
    assert reasons[("placements-3plus-2-years", 2025)] == (
        "needs the earlier years' Episodes for its history: 2023-24 not given"
    )
    assert reasons[("cla-number", 2026)] == "no 903 files for 2025-26"
    assert "population" in reasons[("cla-rate", 2025)]
    computed = {(c.reference, c.year) for c in result.counts}
    assert computed == {
        (r, 2025)
        for r in ("cla-number", "cla-started", "cla-ceased", "placements-3plus", "foster-care")
    }
    # Every measure and year is either computed or explained.
    assert len(result.counts) + len(result.unavailable) == 2 * len(MEASURES)


def test_compute_only_some_and_unknown_references() -> None:
    data = records({2025: {"Episodes": [episode("A", "01/04/2020")]}})
    result = compute(data, [2025], CountingOptions(), only=["cla-number", "ks4-attainment-8"])
    assert [c.reference for c in result.counts] == ["cla-number"]
    (unknown,) = result.unavailable
    assert (unknown.reference, unknown.reason) == (
        "ks4-attainment-8",
        "not a measure computed from 903 files",
    )


def test_shared_work_never_mixes_options_or_records() -> None:
    from tests.test_records903_placements import PLACEMENTS

    data = records({2025: {"Episodes": PLACEMENTS}})
    moves, no_temporary = CountingOptions(), CountingOptions(temporary_placements_are_moves=False)
    first = compute(data, [2025], moves, only=["placements-3plus"]).counts
    other = compute(data, [2025], no_temporary, only=["placements-3plus"]).counts
    again = compute(data, [2025], moves, only=["placements-3plus"]).counts
    assert first == again != other
    # A new records object with other episodes gets its own figures.
    fewer = records({2025: {"Episodes": PLACEMENTS[:3]}})
    assert compute(fewer, [2025], moves, only=["placements-3plus"]).counts != first
