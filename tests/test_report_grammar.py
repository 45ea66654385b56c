"""Every generated summary sentence reads right with 0, 1, 2 and 5 of each kind (issue 18).

A property test: each count is drawn from 0, 1, 2 and 5 and the sentences are checked for
the mistakes councils' papers were found to make ("These 1 measure", "0 are green", "Of the 1
measures", a count opening a sentence, the same sentence twice in a row).
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pledgekit.model.prose import Prose
from pledgekit.model.status import Direction
from pledgekit.report.openings import late_intro, watch_intro
from pledgekit.report.plans import LateLine
from pledgekit.report.summary_text import (
    moved_clause,
    rated_sentence,
    reds_paragraph,
    unrated_sentence,
)

COUNT = st.sampled_from([0, 1, 2, 5])
NOUNS = "measure|action|commitment|directorate"
_WRONG = [
    (r"(?<![\d.])0 (?!percentage)", "a count of nought written as 0"),
    (rf"(?<![\d.])1 ({NOUNS})s\b", "one with a plural noun"),
    (rf"(?<![\d.])(?:[02-9]|\d\d+) ({NOUNS})\b(?!s)", "many with a singular noun"),
    (r"\b(These|Of the|the) 1\b", "'these 1'"),
    (r"(?<![\d.])1 (measures? )?(are|have)\b", "one with a plural verb"),
    (r"(?<![\d.])(?:[2-9]|\d\d+) (?:\w+ )?(is|has)\b", "many with a singular verb"),
    (r"  |\s[.,;]|,\.|\.\.", "stray spacing or punctuation"),
]


def check(text: str) -> None:
    """Fail with the sentence and the rule it breaks."""
    for pattern, what in _WRONG:
        assert not re.search(pattern, text), f"{what}: {text!r}"
    sentences = [s for s in re.split(r"(?<=\.)\s+", text.strip()) if s]
    for sentence in sentences:
        assert sentence[:1].isupper(), f"does not open with a capital: {sentence!r}"
        assert sentence.endswith("."), f"no full stop: {sentence!r}"
    for one, two in itertools.pairwise(sentences):
        assert one != two, f"the same sentence twice: {one!r}"


@settings(max_examples=150, deadline=None)
@given(
    green=COUNT,
    amber=COUNT,
    red=COUNT,
    no_data=COUNT,
    suppressed=COUNT,
    context=COUNT,
    not_applicable=COUNT,
)
def test_the_status_counts_read_right(
    green: int,
    amber: int,
    red: int,
    no_data: int,
    suppressed: int,
    context: int,
    not_applicable: int,
) -> None:
    text = rated_sentence({"green": green, "amber": amber, "red": red}, "quarter")
    text += unrated_sentence(no_data, suppressed, context, "quarter", not_applicable=not_applicable)
    check(text)
    for colour, n in (("green", green), ("amber", amber), ("red", red)):
        assert (colour in text) is (n > 0), text  # a colour with no measure is left out


@settings(max_examples=80, deadline=None)
@given(improved=COUNT, declined=COUNT, same=COUNT)
def test_the_movement_reads_right(improved: int, declined: int, same: int) -> None:
    moved = Counter(
        {Direction.IMPROVED: improved, Direction.DECLINED: declined, Direction.NO_CHANGE: same}
    )
    if improved + declined + same == 0:
        return  # said as "no figures to compare with" by the caller
    check(f"Compared with April to June 2026, {moved_clause(moved)}.")


@settings(max_examples=80, deadline=None)
@given(reds=COUNT, silent=COUNT, long_red=COUNT)
def test_the_reds_read_right(reds: int, silent: int, long_red: int) -> None:
    named = [(f"measure {chr(65 + i)} ({i + 1}.1)", f"{i + 1}.1") for i in range(reds)]
    streaks = {ref: (3 if i < long_red else 1) for i, (_, ref) in enumerate(named)}
    missing = [ref for _, ref in named][: min(silent, reds)]
    text = reds_paragraph(named, streaks, missing, "quarter")
    check(text if not text.endswith("in section") else text + " 5.")
    assert text.count("been red") <= 1  # one sentence for every streak, not one each


@settings(max_examples=40, deadline=None)
@given(ambers=COUNT)
def test_the_watch_list_opening_reads_right(ambers: int) -> None:
    check(watch_intro(ambers, "quarter"))


@settings(max_examples=40, deadline=None)
@given(actions=COUNT, commitments=COUNT)
def test_the_late_list_opening_reads_right(actions: int, commitments: int) -> None:
    def line(kind: str) -> LateLine:
        return LateLine(kind, "A1", Prose("x", "x"), "", "", "Overdue", Prose("", "x"))

    late = [line("Action")] * actions + [line("Commitment")] * commitments
    if late:
        check(late_intro(late, datetime.date(2026, 11, 12), dated=True))


def test_a_measure_not_applicable_is_not_called_context() -> None:
    assert unrated_sentence(0, 0, 1, "quarter", not_applicable=1) == (
        " A further 2 measures are not rated this quarter: 1 is shown for context without a "
        "target and 1 does not apply this period."
    )
