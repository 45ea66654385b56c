"""Sharing intermediate frames between the measures of one run, without changing any result.

Several measures start from the same sorted episodes, the same cohort or the same joined
history. Inside :func:`shared` (``catalogue.compute`` opens it), a function decorated with
:func:`memoised` computes once per records object and arguments and hands the same frame to
every later caller; outside it, every call computes afresh. Callers never modify what they get
(pandas copy-on-write makes every derived frame a new one), so a measure returns the same count
whether it runs alone or in a catalogue run.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import ParamSpec, TypeVar, cast

from pledgekit.records.frames import Records903

P = ParamSpec("P")
R = TypeVar("R")

_RUN: ContextVar[dict[Hashable, object] | None] = ContextVar("records903_run", default=None)


@contextmanager
def shared() -> Iterator[None]:
    """Within this block, memoised functions compute once per records object and arguments."""
    token = _RUN.set({})
    try:
        yield
    finally:
        _RUN.reset(token)


def memoised(function: Callable[P, R]) -> Callable[P, R]:
    """Remember ``function``'s result inside :func:`shared`; its first argument is the records.

    The key is the records object's identity (it is held for the run, so the id cannot be
    reused) and the other arguments, which must be hashable.
    """

    @wraps(function)
    def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
        run = _RUN.get()
        if run is None:
            return function(*args, **kwargs)
        records = args[0]
        assert isinstance(records, Records903)
        key = (function.__qualname__, id(records), args[1:], tuple(sorted(kwargs.items())))
        if key not in run:
            # The records are kept with the result so their id stays theirs for the run.
            run[key] = (records, function(*args, **kwargs))
        entry = cast("tuple[Records903, R]", run[key])
        return entry[1]

    return remembered
