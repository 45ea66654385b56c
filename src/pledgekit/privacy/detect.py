"""The personal-data guard: find what could identify a child in free text before it is published.

Committee papers are public, so commentary, updates and narrative are scanned for names next to
ages, dates of birth, unique pupil numbers, NHS and National Insurance numbers, email addresses,
phone numbers and full postcodes. Each hit becomes an error finding (``personal-data-<kind>``)
that blocks rendering unless the user overrides it on purpose. Findings carry a masked copy of
what was found, never the identifier itself, so the report of a leak is not a second leak.

    >>> [m.kind.value for m in scan_text("Jamie Smith (14) moved placement.")]
    ['name-with-age']
    >>> redact("Contact 07700 900123 for details.")
    'Contact [redacted] for details.'
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum

from pledgekit.model import codes
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.privacy import patterns as pp


class PiiKind(str, Enum):
    """A kind of personal data the guard looks for."""

    NAME_WITH_AGE = "name-with-age"
    DATE_OF_BIRTH = "date-of-birth"
    UPN = "upn"
    NHS_NUMBER = "nhs-number"
    NI_NUMBER = "ni-number"
    EMAIL = "email"
    PHONE = "phone"
    POSTCODE = "postcode"


@dataclass(frozen=True, slots=True)
class PiiMatch:
    """One piece of personal data found in a text: its kind, span (``text[start:end]``) and text."""

    kind: PiiKind
    start: int
    end: int
    text: str

    @property
    def masked(self) -> str:
        """The text with every letter and digit after the first hidden: "J*** ***** (**)".

        The shape (spaces, brackets, separators) stays, so a reader can find the passage.
        """
        return self.text[:1] + "".join("*" if c.isalnum() else c for c in self.text[1:])


# What each kind is called in a finding message.
_DESCRIPTIONS: dict[PiiKind, str] = {
    PiiKind.NAME_WITH_AGE: "a name next to an age",
    PiiKind.DATE_OF_BIRTH: "a date of birth",
    PiiKind.UPN: "a unique pupil number",
    PiiKind.NHS_NUMBER: "an NHS number",
    PiiKind.NI_NUMBER: "a National Insurance number",
    PiiKind.EMAIL: "an email address",
    PiiKind.PHONE: "a phone number",
    PiiKind.POSTCODE: "a full postcode",
}

#: Finding code for each kind (see :mod:`pledgekit.model.codes`).
CODES: dict[PiiKind, str] = {
    PiiKind.NAME_WITH_AGE: codes.PERSONAL_DATA_NAME_WITH_AGE,
    PiiKind.DATE_OF_BIRTH: codes.PERSONAL_DATA_DATE_OF_BIRTH,
    PiiKind.UPN: codes.PERSONAL_DATA_UPN,
    PiiKind.NHS_NUMBER: codes.PERSONAL_DATA_NHS_NUMBER,
    PiiKind.NI_NUMBER: codes.PERSONAL_DATA_NI_NUMBER,
    PiiKind.EMAIL: codes.PERSONAL_DATA_EMAIL,
    PiiKind.PHONE: codes.PERSONAL_DATA_PHONE,
    PiiKind.POSTCODE: codes.PERSONAL_DATA_POSTCODE,
}

_ORDER = {kind: i for i, kind in enumerate(PiiKind)}
_DIGIT_RE = re.compile(r"\d")
_NON_DIGIT_RE = re.compile(r"\D")
# "placed in Basildon aged 14": a lone unknown word after these is a place, not a name.
_PLACE_CUE_RE = re.compile(r"(?i)\b(?:in|at|near|into|across|around|outside|within)\s+$")
_CALLED_RE = re.compile(r"(?i)\b(?:called|named|known\s+as)\s+$")


def scan_text(text: str) -> list[PiiMatch]:
    """Every piece of personal data in ``text``, in order of position, none overlapping.

    Where two candidates overlap the earlier (then the longer) one is kept. The text is scanned
    as :func:`normalise` writes it (Unicode spaces and dashes as plain ones, invisible
    characters gone), and each match is given back as it stands in ``text``.
    """
    if not text:
        return []
    plain, where = normalise(text)
    if where is None:
        return _scan(text)
    found = []
    for m in _scan(plain):
        start = where[m.start]
        end = where[m.end - 1] + 1 if m.end > m.start else start
        found.append(PiiMatch(m.kind, start, end, text[start:end]))
    return found


# Spaces people (and Word) type between digit groups, and dashes and hyphens of every kind.
_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t"
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DOTS = "\u00b7\u2024\u2027\u22c5\uff0e"
# Characters that show nothing: dropped, so "943\u200b476 5919" is still ten digits.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_TABLE = str.maketrans(
    {**dict.fromkeys(_SPACES, " "), **dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_DOTS, ".")}
)
_ODD = re.compile(f"[{_SPACES}{_DASHES}{_DOTS}{_INVISIBLE}]")


def normalise(text: str) -> tuple[str, list[int] | None]:
    """``text`` with odd spaces, dashes and dots made plain and invisible characters removed,
    and for each character kept its index in ``text`` (None when nothing changed)."""
    if _ODD.search(text) is None:
        return text, None
    kept = [i for i, c in enumerate(text) if c not in _INVISIBLE]
    plain = "".join(text[i] for i in kept).translate(_TABLE)
    return plain, kept


def _scan(text: str) -> list[PiiMatch]:
    candidates: list[PiiMatch] = []
    if "@" in text:
        candidates.extend(_simple(text, pp.EMAIL_RE, PiiKind.EMAIL))
    if _DIGIT_RE.search(text):  # every other kind has a digit in it
        for needs, scanners in _SCANNERS:
            if needs.search(text):
                for scanner in scanners:
                    candidates.extend(scanner(text))
    candidates.sort(key=lambda m: (m.start, m.start - m.end, _ORDER[m.kind]))
    chosen: list[PiiMatch] = []
    for match in candidates:
        if not chosen or match.start >= chosen[-1].end:
            chosen.append(match)
    return chosen


def redact(text: str, matches: list[PiiMatch] | None = None) -> str:
    """``text`` with each match (by default, each found by :func:`scan_text`) as "[redacted]"."""
    if matches is None:
        matches = scan_text(text)
    out = text
    for match in sorted(matches, key=lambda m: m.start, reverse=True):
        out = out[: match.start] + "[redacted]" + out[match.end :]
    return out


def pii_findings(text: str, location: Location, field: str) -> list[Finding]:
    """One error finding per piece of personal data in ``text``, located at ``field``.

    ``found`` is the masked text, so the finding itself never repeats the identifier.
    """
    where = dataclasses.replace(location, field=field)
    return [
        finding(
            CODES[m.kind],
            f"{field} may identify a child: {_DESCRIPTIONS[m.kind]} ({m.masked})",
            where,
            found=m.masked,
            expected="no personal data: remove or anonymise it",
        )
        for m in scan_text(text)
    ]


# --- Scanners -----------------------------------------------------------------------------------


def _make(text: str, kind: PiiKind, start: int, end: int) -> PiiMatch:
    return PiiMatch(kind, start, end, text[start:end])


def _simple(text: str, pattern: re.Pattern[str], kind: PiiKind) -> Iterator[PiiMatch]:
    for m in pattern.finditer(text):
        yield _make(text, kind, m.start(), m.end())


def _upns(text: str) -> Iterator[PiiMatch]:
    for m in pp.UPN_RE.finditer(text):
        cued = pp.UPN_CUE_RE.search(text[max(0, m.start() - 30) : m.start()])
        if pp.upn_valid(m.group()) or cued:
            yield _make(text, PiiKind.UPN, m.start(), m.end())


def _nhs_numbers(text: str) -> Iterator[PiiMatch]:
    for m in pp.NHS_RE.finditer(text):
        if pp.nhs_valid(_NON_DIGIT_RE.sub("", m.group())):
            yield _make(text, PiiKind.NHS_NUMBER, m.start(), m.end())


def _dates_of_birth(text: str) -> Iterator[PiiMatch]:
    return _simple(text, pp.DOB_RE, PiiKind.DATE_OF_BIRTH)


def _is_initial(unit: str) -> bool:
    return unit.endswith(".")


def _is_stop(unit: str) -> bool:
    return not _is_initial(unit) and unit.lower() in pp.STOPWORDS


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:;(\"“‘'•*-–—"


def _name_shape(units: list[str]) -> tuple[bool, bool]:
    """(given, shaped): starts with a known given name; looks like a full name (J. Smith)."""
    words = [u for u in units if not _is_initial(u)]
    given = bool(words) and words[0].lower() in pp.FIRST_NAMES
    surname = bool(words) and words[-1].lower() in pp.SURNAMES
    initials = len(units) - len(words)
    shaped = len(units) >= 2 and (initials > 0 or given or surname)
    return given, shaped


def _names_then_age(text: str) -> Iterator[PiiMatch]:
    """Names followed by an age or a date: "J. Smith (14)", "Jamie, aged 14", "Jo (12.3.2010)"."""
    for m in pp.NAME_FIRST_RE.finditer(text):
        units = list(pp.NAME_UNIT_RE.finditer(m.group("name")))
        # The name is the run of name-like words that ends next to the age: "In March Jamie (14)".
        keep: list[re.Match[str]] = []
        for unit in reversed(units):
            if _is_stop(unit.group()):
                break
            keep.insert(0, unit)
        if (
            not keep
            and len(units) >= 2
            and units[-1].group().lower() in pp.SURNAMES
            and units[-2].group().lower() in pp.FIRST_NAMES
            and not _is_stop(units[-2].group())
        ):
            keep = units[-2:]  # a surname that is also a word ("Grace Ward") after a given name
        words = [u.group() for u in keep]
        if not words or (len(words) < 2 and _is_initial(words[0])):
            continue
        start = m.start("name") + keep[0].start()
        given, shaped = _name_shape(words)
        if m.group("dob"):
            if not (m.group("dcue") or pp.child_birth_year(m.group("date"))):
                continue  # "verified by Sarah Jones (2 March 2026)" is a sign-off, not a birth
            kind, strong = PiiKind.DATE_OF_BIRTH, False
        else:
            age = next(m.group(g) for g in ("a1", "a2", "a3", "a4", "a5", "a6") if m.group(g))
            if int(age) > 25:
                continue
            kind = PiiKind.NAME_WITH_AGE
            strong = bool(
                m.group("aged")
                or m.group("years")
                or m.group("verb")
                or (m.group("paren") and (m.group("pcue") or m.group("punit")))
            )
        # A bare count in brackets or between commas needs a name that looks like one; a clear
        # age ("aged 14") needs only a capitalised word that is not report vocabulary, unless it
        # opens the sentence (where any word is capitalised) or follows "in"/"at" (a place).
        if strong:
            doubtful = _at_sentence_start(text, start) or _PLACE_CUE_RE.search(text, 0, start)
            ok = len(words) >= 2 or given or not doubtful
        else:
            ok = given or shaped
        if ok:
            yield _make(text, kind, start, m.end())


def _age_then_name(text: str) -> Iterator[PiiMatch]:
    """Ages followed by a name: "a 14-year-old called Jamie", "15-year-old Kayleigh Jones"."""
    for m in pp.AGE_FIRST_RE.finditer(text):
        if int(m.group("age")) > 25:
            continue
        keep: list[str] = []
        end = m.start("name")
        for unit in pp.NAME_UNIT_RE.finditer(m.group("name")):
            if _is_stop(unit.group()):
                break
            keep.append(unit.group())
            end = m.start("name") + unit.end()
        if not keep or all(_is_initial(w) for w in keep):
            continue
        given, shaped = _name_shape(keep)
        called = _CALLED_RE.search(text, m.start(), m.start("name"))
        if called or given or shaped:
            yield _make(text, PiiKind.NAME_WITH_AGE, m.start(), end)


# "the m6 1st junction": in lower case, an ordinal is not the inward half of a postcode.
_ORDINAL_END = re.compile(r"\d(?:st|nd|rd|th)$")


def _postcodes(text: str) -> Iterator[PiiMatch]:
    for m in _simple(text, pp.POSTCODE_RE, PiiKind.POSTCODE):
        if not _ORDINAL_END.search(m.text):
            yield m


_Scanner = Callable[[str], Iterator[PiiMatch]]
# Scanners behind a cheap regex that a text must match for them to be worth running.
_SCANNERS: tuple[tuple[re.Pattern[str], tuple[_Scanner, ...]], ...] = (
    (pp.AGE_CUE_RE, (_names_then_age,)),
    (re.compile(r"(?i)old\b"), (_age_then_name,)),
    (re.compile(r"(?i)b(?:irth|orn)|d\.?\s?o\.?\s?b"), (_dates_of_birth,)),
    (
        re.compile(r"\d(?:[ .-]?\d){5}"),  # NHS, UPN, NI and phone numbers all have 6+ digits
        (
            _upns,
            _nhs_numbers,
            lambda text: _simple(text, pp.NI_RE, PiiKind.NI_NUMBER),
            lambda text: _simple(text, pp.PHONE_RE, PiiKind.PHONE),
        ),
    ),
    (
        re.compile(r"(?i)[A-Z]\d"),
        (_postcodes,),
    ),
)
