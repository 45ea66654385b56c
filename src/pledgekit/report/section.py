"""A section of the committee report: what it shows and how each format lays it out, in one place.

Every section of the paper is one module in :mod:`pledgekit.report.sections` holding one
:class:`Section`: its key and heading, whether it is shown, how its view is built from the
report's inputs (:class:`~pledgekit.report.inputs.ReportInputs`), and its template block in each
format (Markdown, HTML, and the Word template's paragraphs and tables through a
:class:`WordBlock`). The :class:`~pledgekit.report.model.Report` is the list of the views built,
each a :class:`Part` carrying its number, so templates loop over it and every format numbers
alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from pledgekit.model.prose import Prose
from pledgekit.report.meeting_view import Appendix
from pledgekit.report.paragraphs import Para

if TYPE_CHECKING:
    from pledgekit.report.inputs import ReportInputs


@dataclass(frozen=True, slots=True)
class Part:
    """A section as the report holds it: its key, number (``5``, or an appendix's ``B``) and
    title. Each section's view adds what it shows."""

    key: str
    number: str
    title: str

    @property
    def appendix(self) -> bool:
        """True for an appendix (lettered), False for a numbered section of the body."""
        return self.number.isalpha()

    @property
    def heading(self) -> str:
        """The heading as every format prints it: ``5. Exceptions ...``, ``Appendix B: ...``."""
        if self.appendix:
            return f"Appendix {self.number}: {self.title}"
        return f"{self.number}. {self.title}"

    @property
    def anchor(self) -> str:
        """The heading's id in the web page, for the contents' links."""
        return f"appendix-{self.number.lower()}" if self.appendix else f"s{self.key}"

    @property
    def contents(self) -> tuple[tuple[str, str], ...]:
        """The contents lines of this part: (anchor, heading)."""
        return ((self.anchor, self.heading),)

    @property
    def gaps(self) -> tuple[str, ...]:
        """What this part lacks for the report to be final, beyond "[to be completed]" text
        (which :func:`~pledgekit.report.gaps.placeholder_gaps` finds in any part)."""
        return ()


@dataclass(frozen=True, slots=True)
class Paragraphs(Part):
    """A section of numbered paragraphs only (purpose, recommendations, conclusion ...)."""

    paras: tuple[Para, ...]


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Listed(Part, Generic[T]):
    """A section opened by a numbered paragraph (``intro``), then a list or table of ``items``:
    the red measures, the amber ones, what is late, the action plan, the profile ..."""

    intro: Para
    items: tuple[T, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a section stands: its own number and every shown section's, for cross-references
    ("see section 5"), and every appendix of the report, lettered: the shown appendix sections,
    then meeting.yaml's own."""

    number: str
    numbers: Mapping[str, str]
    appendices: tuple[Appendix, ...] = ()

    def para(self, index: int) -> str:
        """The number of the section's ``index``-th paragraph: ``5.2``."""
        return f"{self.number}.{index}"

    def paras(self, texts: Sequence[Prose], start: int = 1) -> tuple[Para, ...]:
        """Numbered paragraphs from prose, ``5.1``, ``5.2`` ... (from ``start``)."""
        return tuple(Para(self.para(i), text) for i, text in enumerate(texts, start=start))


class WordBlock(Protocol):
    """What a section writes the Word template with (``scripts/build_docx_template.py``).

    Text holds docxtpl tags: ``{{ }}`` and ``{%p %}`` (a paragraph-level tag), ``{{r }}`` rich
    text, ``{% cellbg %}`` cell shading. Within its block, ``section`` is the section's view.
    """

    def heading(self, text: str, level: int, *, new_page: bool = False) -> None:
        """A heading at ``level`` (1 for the section's own), on a new page if asked."""

    def opening(self) -> None:
        """The section's heading and its opening paragraph (a :class:`Listed` section's)."""

    def para(self, text: str, style: str | None = None) -> None:
        """A paragraph, in ``style`` (a Word style name) or Normal."""

    def prose(self, expr: str) -> None:
        """The paragraphs and lists of the prose or numbered paragraph ``expr``."""

    def paras(self, expr: str) -> None:
        """Each numbered paragraph of the sequence ``expr``, as :meth:`prose`."""

    def caption(self, text: str, *, ends_figure: bool = False) -> None:
        """A caption (above a table; ``ends_figure`` below a chart, not kept with what follows)."""

    def table(
        self,
        caption: str,
        headers: Sequence[str],
        cells: Sequence[str],
        widths: Sequence[float],
        loop: str,
        *,
        numbers: tuple[int, ...] = (),
    ) -> None:
        """A captioned table: a header row, then ``cells`` repeated ``{%tr for loop %}``."""

    def details(
        self, caption: str, rows: Sequence[tuple[str, str]], widths: tuple[float, float]
    ) -> None:
        """A captioned two-column table of items ("Item | Detail")."""


V = TypeVar("V", bound=Part)


def _always(inputs: ReportInputs) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Section(Generic[V]):
    """One section of the paper, everything about it in one place.

    ``title`` may hold ``{period}`` (the report's period). ``shown`` says whether the report has
    the section at all (a section left out takes no number). ``build`` makes its view from the
    inputs and its :class:`Place`. ``markdown`` and ``html`` are Jinja template blocks, and
    ``word`` writes the Word template's block; in each, ``section`` is the view and ``report``
    the whole report. ``appendix`` sections are lettered after the body's numbered ones;
    ``numbered=False`` takes neither (the council's own appendices, lettered by meeting.yaml's
    list).
    """

    key: str
    title: str
    build: Callable[[ReportInputs, Place], V]
    markdown: str
    html: str
    word: Callable[[WordBlock], None]
    appendix: bool = False
    numbered: bool = True
    shown: Callable[[ReportInputs], bool] = field(default=_always)

    def titled(self, period: str) -> str:
        """The title for a report of ``period``."""
        return self.title.format(period=period)
