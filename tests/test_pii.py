"""The personal-data guard, against planted identifiers and ordinary report commentary."""

from __future__ import annotations

import doctest
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pledgekit.model.codes import default_severity
from pledgekit.model.findings import Severity
from pledgekit.model.location import Location
from pledgekit.privacy import detect as pii
from pledgekit.privacy import patterns as piipatterns
from pledgekit.privacy.detect import PiiKind, PiiMatch, pii_findings, redact, scan_text
from pledgekit.privacy.patterns import child_birth_year, nhs_check_digit, upn_valid

DATA = Path(__file__).parent / "data"
MARK = re.compile(r"\[\[(.+?)\]\]")


def _lines(path: Path) -> list[str]:
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def _positives() -> list[tuple[PiiKind, str, int, int]]:
    """(kind, text, start, end) with the [[marked]] identifier's span in the unmarked text."""
    out = []
    for line in _lines(DATA / "pii_positive.tsv"):
        kind, marked = line.split("\t")
        (mark,) = MARK.finditer(marked)  # exactly one planted identifier per line
        text = MARK.sub(r"\1", marked)
        out.append((PiiKind(kind), text, mark.start(), mark.end() - 4))
    return out


POSITIVES = _positives()
NEGATIVES = _lines(DATA / "pii_negative.txt")


@pytest.fixture(autouse=True)
def _fixed_year(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bare dates are judged against this year: pin it so the corpus never ages out."""
    monkeypatch.setattr(piipatterns, "current_year", lambda: 2026)


def test_corpus_sizes_88_positive_152_negative() -> None:
    """The corpora hold 88 planted identifiers (all eight kinds) and 152 clean lines."""
    assert (len(POSITIVES), len(NEGATIVES)) == (88, 152)
    for kind in PiiKind:
        assert sum(k is kind for k, *_ in POSITIVES) >= 5, kind


@pytest.mark.parametrize(
    ("kind", "text", "start", "end"),
    POSITIVES,
    ids=[f"{k.value}-{i}" for i, (k, *_) in enumerate(POSITIVES)],
)
def test_every_planted_identifier_is_caught(kind: PiiKind, text: str, start: int, end: int) -> None:
    matches = scan_text(text)
    assert [m.kind for m in matches] == [kind], (text, matches)
    (match,) = matches
    assert match.start <= start and match.end >= end, (text[start:end], match)
    # The span is the identifier and its cue ("DOB", "aged"), not the whole sentence.
    assert (match.end - match.start) - (end - start) <= 20, match
    assert text[match.start : match.end] == match.text


def test_no_ordinary_commentary_is_flagged() -> None:
    flagged = {line: scan_text(line) for line in NEGATIVES}
    offending = {line: [(m.kind.value, m.text) for m in ms] for line, ms in flagged.items() if ms}
    assert not offending, "\n".join(f"{line!r}: {hits}" for line, hits in offending.items())


@pytest.mark.parametrize(
    "text",
    [
        "Year 11",
        "Q1 2019/20",
        "NI 148",
        "NI 62",
        "20 working days",
        "36%",
        "Section 20",
        "aged 19-21",
        "aged 16 to 17",
        "under 16s",
        "Care Matters (2007)",
        "the Leaving Care Team",
        "Children in Care Council",
        "Virtual School Head",
        "KS4",
        "A2 threshold 213 days",
        "12 months",
        "Ofsted (2024)",
        "Pathway Plan",
        "Staying Put",
        "Monday (14), Tuesday (9)",
        "April (12)",
        "The Director of Children's Services",
        "Example Borough Council (14)",
        "Reviews (14) were late",
        "The outward code SW1A alone",
        "as at 31 March 2026",
        "by 30 June",
        "a 15-year-old was reported missing",
        "placed in Basildon aged 14",
    ],
)
def test_performance_vocabulary_is_not_personal_data(text: str) -> None:
    assert scan_text(text) == []


def test_masked_never_reveals_the_identifier() -> None:
    assert PiiMatch(PiiKind.NAME_WITH_AGE, 0, 15, "Jack Smith (14)").masked == "J*** ***** (**)"
    for _, text, start, end in POSITIVES:
        for match in scan_text(text):
            masked = match.masked
            assert len(masked) == len(match.text)
            assert text[start:end] not in masked
            assert not any(c.isalnum() for c in masked[1:]), masked


def test_redact_removes_every_match() -> None:
    for _, text, start, end in POSITIVES:
        out = redact(text)
        assert "[redacted]" in out
        assert text[start:end] not in out
        assert scan_text(out) == []
    assert redact("no personal data here") == "no personal data here"


def test_redact_uses_given_matches() -> None:
    text = "Call 07700 900123 or 07700 900456."
    matches = scan_text(text)
    assert len(matches) == 2
    assert redact(text, matches[:1]) == "Call [redacted] or 07700 900456."


def test_matches_are_sorted_and_do_not_overlap() -> None:
    text = (
        "Jamie Smith (14), DOB 12/03/2010, UPN H801200001001, NHS 943 476 5919, "
        "NI AB 12 34 56 C, jamie@example.org, 07700 900123, SW1A 1AA."
    )
    matches = scan_text(text)
    assert [m.kind for m in matches] == list(PiiKind)
    for before, after in itertools.pairwise(matches):
        assert before.end <= after.start


@st.composite
def _nhs_numbers(draw: st.DrawFn, *, valid: bool) -> str:
    first_nine = draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    check = nhs_check_digit(first_nine)
    if valid:
        assume(check is not None)
        digit = check
    else:
        digit = draw(st.integers(0, 9).filter(lambda d: d != check))
    digits = f"{first_nine}{digit}"
    sep = draw(st.sampled_from(["", " ", "-"]))
    return sep.join((digits[:3], digits[3:6], digits[6:]))


@given(_nhs_numbers(valid=True))
def test_valid_nhs_numbers_are_caught(number: str) -> None:
    text = f"The assessment was logged against {number} in the notes."
    assert [(m.kind, m.text) for m in scan_text(text)] == [(PiiKind.NHS_NUMBER, number)]


@given(_nhs_numbers(valid=False))
def test_ten_digits_with_a_wrong_check_digit_are_not_caught(number: str) -> None:
    assert scan_text(f"The assessment was logged against {number} in the notes.") == []


def test_upn_check_letters() -> None:
    # Examples from the DfE UPN guidance: a permanent and a temporary UPN.
    assert upn_valid("H801200001001")
    assert upn_valid("G80120000101A")
    assert not upn_valid("Z801200001001")
    # A wrong check letter passes only when the text says it is a UPN.
    assert scan_text("Reference Z801200001001 logged.") == []
    assert [m.kind for m in scan_text("UPN Z801200001001 logged.")] == [PiiKind.UPN]


def test_a_bare_date_after_a_name_is_a_birth_date_only_in_a_child_s_years() -> None:
    assert child_birth_year("12.03.2010", 2026)
    assert child_birth_year("05/06/09", 2026)
    assert not child_birth_year("02/03/2026", 2026)  # a sign-off date
    assert not child_birth_year("12/03/99", 2026)
    assert not child_birth_year("1990-03-12", 2026)


def test_pii_findings_carry_code_field_location_and_masked_text() -> None:
    where = Location.cell("q1.xlsx", "Indicators", 4, 5)
    (found,) = pii_findings("Jack Smith (14) moved placement.", where, "commentary")
    assert found.code == "personal-data-name-with-age"
    assert found.severity is Severity.ERROR
    assert found.location.field == "commentary"
    assert (found.location.file, found.location.a1) == ("q1.xlsx", "F5")
    assert found.found == "J*** ***** (**)"
    assert found.message == (
        "commentary may identify a child: a name next to an age (J*** ***** (**))"
    )
    assert "Jack" not in str(found.to_dict())
    assert pii_findings("Reviews (14) were late.", where, "commentary") == []


def test_every_kind_has_a_registered_error_code() -> None:
    for kind in PiiKind:
        code = pii.CODES[kind]
        assert code == f"personal-data-{kind.value}"
        assert default_severity(code) is Severity.ERROR


def test_module_examples() -> None:
    assert doctest.testmod(pii).failed == 0
