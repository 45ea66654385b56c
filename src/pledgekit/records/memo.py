"""Sharing intermediate frames between the measures computed from one set of records.

Several measures start from the same sorted episodes, the same cohort or the same joined
history, and callers compute year by year (``compute`` once per year, then the structural
checks). A function decorated with :func:`memoised` computes once per records object and
arguments, and hands the same result to every later caller while that records object lives;
the results go when it is garbage collected. Records903 and its frames are treated as
immutable (nothing in pledgekit changes them after reading), and callers never modify what they
get (pandas copy-on-write makes every derived frame a new one), so a measure returns the same
count whether it runs alone or after others.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from functools import wraps
from typing import ParamSpec, TypeVar, cast

from pledgekit.records.frames import Records903

P = ParamSpec("P")
R = TypeVar("R")

# id(records) -> that records object's results. An entry is removed when its records object is
# collected (weakref.finalize runs before the id can be reused).
_RESULTS: dict[int, dict[Hashable, object]] = {}


def _results_of(records: Records903) -> dict[Hashable, object]:
    key = id(records)
    results = _RESULTS.get(key)
    if results is None:
        results = _RESULTS[key] = {}
        weakref.finalize(records, _RESULTS.pop, key, None)
    return results


def memoised(function: Callable[P, R]) -> Callable[P, R]:
    """Remember ``function``'s result per records object (its first argument) and arguments.

    The other arguments must be hashable (years, counts of years, frozen options).
    """

    @wraps(function)
    def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
        records = args[0]
        if not isinstance(records, Records903):
            raise TypeError(f"{function.__qualname__} takes the records first")
        results = _results_of(records)
        key = (function.__qualname__, args[1:], tuple(sorted(kwargs.items())))
        if key not in results:
            results[key] = function(*args, **kwargs)
        return cast(R, results[key])

    return remembered
