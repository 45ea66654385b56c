"""Counts as figures: a plain count, a percentage, a rate and a mean, each with its parts."""

from __future__ import annotations

from pledgekit.records.frames import Count


def plain_count(reference: str, year: int, children: int) -> Count:
    """A count of children: no denominator, the figure is the count and so is the cohort."""
    return Count(reference, year, float(children), None, float(children), children, "count")


def percentage(reference: str, year: int, numerator: int, denominator: int, cohort: int) -> Count:
    """``numerator`` of ``denominator`` as a percent (0-100); no figure when the base is 0."""
    value = 100.0 * numerator / denominator if denominator else None
    return Count(reference, year, float(numerator), denominator, value, cohort, "percent")


def rate_per_10000(reference: str, year: int, children: int, population: int) -> Count:
    """``children`` per 10,000 of ``population``; the cohort is the children counted."""
    value = 10000.0 * children / population
    return Count(reference, year, float(children), population, value, children, "rate")


def mean_score(reference: str, year: int, total: float, scored: int, cohort: int) -> Count:
    """The mean of ``scored`` scores summing to ``total``; no figure when none is scored."""
    value = total / scored if scored else None
    return Count(reference, year, total, scored, value, cohort, "score")
