"""The report's view of ``meeting.yaml``: cover details and the author's prose, placeholders marked.

Whatever the meeting file leaves out (or the whole file, when there is none) becomes
``[to be completed]``, highlighted in the document, so a draft always renders and the gaps show.
"""

from __future__ import annotations

from dataclasses import dataclass

from pledgekit.config.meeting import Implication, Meeting, Person
from pledgekit.model.prose import PLACEHOLDER, Prose


@dataclass(frozen=True, slots=True)
class Detail:
    """One line of the cover table: a label and its value (officers' work details, not scanned)."""

    label: str
    text: str
    placeholder: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class ImplicationView:
    """One implication heading, its text, who verified it and how to reach them."""

    number: str
    heading: str
    text: Prose
    verified_by: Detail
    contact: str


@dataclass(frozen=True, slots=True)
class Appendix:
    """An appendix: its letter and title; its text when included, else where to find it."""

    letter: str
    title: str
    text: Prose | None = None
    where: str = ""


@dataclass(frozen=True, slots=True)
class MeetingView:
    """Meeting details as the report shows them."""

    committee: str
    date: Detail
    title: Prose
    cover: tuple[Detail, ...]
    purpose: Prose
    recommendations: tuple[Prose, ...]
    conclusion: Prose
    background_papers: tuple[Prose, ...]
    author: Detail
    introduction: Prose | None


_IMPLICATIONS = (
    ("financial", "Financial implications"),
    ("legal", "Legal implications"),
    ("hr", "Human resources implications"),
    ("equality", "Equality and diversity implications"),
    ("risk", "Risk implications"),
    ("corporate_priorities", "Corporate priorities"),
    ("other", "Other implications"),
)


def _detail(label: str, text: str | None) -> Detail:
    if text is None or not text.strip():
        return Detail(label, PLACEHOLDER, placeholder=True)
    return Detail(label, text)


def _person(person: Person | None, *, contact: bool = False) -> str | None:
    if person is None:
        return None
    parts = [person.name] + ([person.role] if person.role else [])
    if contact:
        parts += [p for p in (person.email, person.phone) if p]
    return ", ".join(parts)


def _yes_no(flag: bool | None, reason: str | None = None) -> str | None:
    if flag is None:
        return None
    return ("Yes" + (f": {reason}" if reason else "")) if flag else "No"


def _prose(meeting: Meeting, text: str | None, field: str, *path: str | int) -> Prose:
    if text is None or not text.strip():
        return Prose.missing(field)
    return Prose(text, field, meeting.location(*path))


def _implication(meeting: Meeting, key: str, heading: str, number: str) -> ImplicationView:
    item: Implication | None = getattr(meeting.implications, key)
    field = f"implications.{key}"
    if item is None:
        return ImplicationView(
            number, heading, Prose.missing(field), _detail("Verified by", None), ""
        )
    text = _prose(meeting, item.text, field, "implications", key, "text")
    return ImplicationView(
        number, heading, text, _detail("Verified by", item.verified_by), item.contact or ""
    )


def implication_views(meeting: Meeting | None, section: str) -> tuple[ImplicationView, ...]:
    """The implications, numbered in ``section`` (``10.1``), placeholders where not given."""
    m = meeting or Meeting()
    return tuple(
        _implication(m, key, heading, f"{section}.{i}")
        for i, (key, heading) in enumerate(_IMPLICATIONS, start=1)
    )


def meeting_view(meeting: Meeting | None, *, committee: str, default_title: str) -> MeetingView:
    """The cover and prose of the report from ``meeting`` (None: all placeholders).

    Without a title the report gets ``default_title``: a heading reading "[to be completed]"
    would say nothing about the paper.
    """
    m = meeting or Meeting()
    title = m.title if m.title and m.title.strip() else default_title
    day = f"{m.date.day} {m.date:%B %Y}" if m.date else None
    wards = ", ".join(m.wards_affected) if m.wards_affected else None
    cover = (
        _detail("Committee", m.committee or committee),
        _detail("Date of meeting", day),
        _detail("Report title", title),
        _detail("Report type", m.report_type),
        _detail("Version", m.version),
        _detail("Portfolio holder", _person(m.portfolio_holder)),
        _detail("Report author", _person(m.author, contact=True)),
        _detail("Senior officer", _person(m.senior_officer)),
        _detail("Wards affected", wards),
        _detail("Key decision", _yes_no(m.key_decision)),
        _detail("Exempt", _yes_no(m.exempt, m.exempt_reason)),
    )
    return MeetingView(
        committee=m.committee or committee,
        date=cover[1],
        title=_prose(m, title, "title", "title"),
        cover=cover,
        purpose=_prose(m, m.purpose, "purpose", "purpose"),
        recommendations=tuple(
            _prose(m, text, "recommendations", "recommendations", i)
            for i, text in enumerate(m.recommendations)
        )
        or (Prose.missing("recommendations"),),
        conclusion=_prose(m, m.conclusion, "conclusion", "conclusion"),
        background_papers=tuple(
            _prose(m, text, "background papers", "background_papers", i)
            for i, text in enumerate(m.background_papers)
        ),
        author=cover[6],
        introduction=(
            _prose(m, m.introduction, "introduction", "introduction") if m.introduction else None
        ),
    )
