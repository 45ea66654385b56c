"""Cross-checks between what the paper's prose says and what its tables show.

Each disagreement is a gap (the report stays a DRAFT and ``--final`` refuses, listing it):

- a cohort-profile England figure that differs from the England comparator of the measure of
  the same thing (the profile line's words all in the measure's title);
- a narrative or update sentence that names a measure and states a status or a direction its
  row contradicts ("now meet the target" beside an amber; "improved" beside a decline);
- a count in meeting.yaml's prose ("the five measures rated red", "two actions that are
  overdue") that is not the scorecard's.

The checks read words, so they are deliberately narrow: a sentence that does not name a
measure, or names two, is not judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from pledgekit.model.status import Direction, Status
from pledgekit.report.measure_lines import MeasureLine
from pledgekit.report.model import Report
from pledgekit.report.plans import ActionLine
from pledgekit.report.section import Listed
from pledgekit.report.sections.profile import ProfileLine

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBERS = {w: i for i, w in enumerate(_WORDS)}
_STOP = {"the", "a", "an", "of", "in", "to", "and", "or", "for", "with", "who", "are", "is"}
#: Words every cohort label shares: matching on them alone would pair unlike things.
_COHORT = {"children", "child", "care", "looked", "after", "young", "people", "number"}
_MEETS = re.compile(r"\b(now )?(meets?|met|meeting|on) (the |its )?(higher |new )?target\b", re.I)
_MISSES = re.compile(r"\b(below|above|off|short of|misses|missed) (the |its )?target\b", re.I)
_UP = re.compile(r"\b(improved|improving|better than)\b", re.I)
_DOWN = re.compile(r"\b(declined|worsened|worse than|deteriorated|fell back)\b", re.I)
_COUNT = r"(\d+|" + "|".join(_NUMBERS) + r")"
_STATUS_COUNT = re.compile(
    rf"\b{_COUNT} (?:(red|amber|green) measures?|measures? (?:rated |that are |which are )?"
    r"(red|amber|green))\b",
    re.I,
)
_OVERDUE = re.compile(rf"\b{_COUNT} actions? (?:that are |which are )?overdue\b", re.I)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def _number(text: str) -> float | None:
    found = re.search(r"-?\d+(?:\.\d+)?", text.replace(",", ""))
    return float(found.group()) if found else None


def profile_gaps(profile: Iterable[tuple[str, str]], lines: Sequence[MeasureLine]) -> list[str]:
    """Profile (label, England figure) pairs that disagree with a measure's England figure."""
    gaps = []
    for label, england in profile:
        theirs = _number(england)
        words = _words(label) - _COHORT
        if theirs is None or len(words) < 2:
            continue
        for line in lines:
            ours = _number(line.england.split(" (")[0]) if line.england else None
            if ours is None or not words <= _words(line.title):
                continue
            if abs(ours - theirs) > 0.5:  # published figures are rounded to whole numbers
                gaps.append(
                    f"profile: England {england.strip()} for {label.strip()!r} disagrees with "
                    f"the England figure measure {line.ref} is compared with ({line.england})"
                )
    return gaps


def _named(sentence: str, lines: Sequence[MeasureLine]) -> MeasureLine | None:
    """The one measure a sentence names, by its short title or "measure 1.2"; else None."""
    lower = sentence.lower()
    found = [
        line
        for line in lines
        if (len(line.short) > 8 and line.short.lower() in lower)
        or re.search(rf"\bmeasure {re.escape(line.ref)}\b", lower)
    ]
    return found[0] if len(found) == 1 else None


def narrative_gaps(where: str, text: str, lines: Sequence[MeasureLine]) -> list[str]:
    """Sentences of ``text`` stating a status or direction the named measure's row denies."""
    gaps = []
    for sentence in re.split(r"(?<=[.;:])\s+|\n+", text):
        line = _named(sentence, lines)
        if line is None:
            continue
        said = sentence.strip()[:80]
        meets = _MEETS.search(sentence) and not _MISSES.search(sentence)
        if meets and line.status in (Status.AMBER, Status.RED):
            gaps.append(
                f"{where}: {said!r} says measure {line.ref} meets its target, but it is "
                f"{line.status.label.lower()}"
            )
        if line.direction is Direction.DECLINED and _UP.search(sentence):
            gaps.append(f"{where}: {said!r} says measure {line.ref} improved, but it declined")
        if line.direction is Direction.IMPROVED and _DOWN.search(sentence):
            gaps.append(f"{where}: {said!r} says measure {line.ref} declined, but it improved")
    return gaps


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def count_gaps(where: str, text: str, statuses: dict[str, int], overdue: int) -> list[str]:
    """Counts of red/amber/green measures and overdue actions in ``text`` that are wrong."""
    gaps = []
    for found in _STATUS_COUNT.finditer(text):
        colour = (found.group(2) or found.group(3)).lower()
        if _count(found.group(1)) != statuses.get(colour, 0):
            gaps.append(
                f"{where}: says {found.group(0)!r}, but {statuses.get(colour, 0)} measures "
                f"are {colour}"
            )
    for found in _OVERDUE.finditer(text):
        if _count(found.group(1)) != overdue:
            gaps.append(f"{where}: says {found.group(0)!r}, but {overdue} actions are overdue")
    return gaps


def _items(report: Report, key: str) -> tuple[Any, ...]:
    """The items of the listed section ``key``, or none when the report leaves it out."""
    found = report.section(key)
    return found.items if isinstance(found, Listed) else ()


def prose_gaps(report: Report) -> list[str]:
    """Every cross-check above, over a built report."""
    from pledgekit.report.sections.pledges import Pledges

    pledges = report.find(Pledges)
    found = pledges.pledges if pledges is not None else ()
    lines = [line for p in found for line in p.lines]
    profiled: tuple[ProfileLine, ...] = _items(report, "profile")
    gaps = profile_gaps(((i.label.text, i.england) for i in profiled), lines)
    for p in found:
        if not p.narrative.placeholder:
            gaps += narrative_gaps(f"narrative for pledge {p.id}", p.narrative.text, lines)
    counts = pledges.counts if pledges is not None else ()
    statuses = {c.status.value: c.count for c in counts}
    actions: tuple[ActionLine, ...] = _items(report, "actions")
    overdue = sum(1 for a in actions if a.overdue)
    m = report.meeting
    texts = [("purpose", m.purpose), ("conclusion", m.conclusion)]
    texts += [(f"recommendation {i}", r) for i, r in enumerate(m.recommendations, start=1)]
    for where, prose in texts:
        if not prose.placeholder:
            gaps += count_gaps(where, prose.text, statuses, overdue)
    return gaps
