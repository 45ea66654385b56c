"""Published statistics as pledgekit holds them: areas, years, figures, series and neighbours.

The types that DfE's published files (read/published.py) produce and benchmarking (score/) and
the renderers use. Nothing here reads a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from pledgekit.model.values import MISSING, Reading, ValueState

NATIONAL = "national"
REGIONAL = "regional"
LOCAL = "local authority"

#: London as DfE's neighbour table and dashboard name it; the data files code each borough
#: Inner London or Outer London instead.
LONDON_CODE = "E12000007"
LONDON_PARTS = frozenset({"inner london", "outer london", "e13000001", "e13000002"})


class NeighbourAverage(str, Enum):
    """How the neighbours' figures are summarised: DfE uses the median."""

    MEDIAN = "median"
    MEAN = "mean"


class NationalFrom(str, Enum):
    """Where England's and the region's figures come from."""

    PUBLISHED = "published"  # the published percentage (a whole number)
    COUNTS = "counts"  # numerator / denominator where the file publishes both


@dataclass(frozen=True, slots=True)
class Year:
    """A published period: ``2025`` (year to 31 March 2025) or ``202425`` (2024/25)."""

    code: str

    @property
    def end(self) -> int:
        """The calendar year the period ends in (2025 for both ``2025`` and ``202425``)."""
        return int(self.code[:4]) + (1 if len(self.code) == 6 else 0)

    @property
    def label(self) -> str:
        """As written in papers: ``2025`` or ``2024-25``."""
        if len(self.code) == 6:
            return f"{self.code[:4]}-{self.code[4:]}"
        return self.code

    def __lt__(self, other: Year) -> bool:
        return (self.end, self.code) < (other.end, other.code)


def parse_year(text: str) -> Year | None:
    """``2025`` or ``202425`` (consecutive years) to a :class:`Year`; None for anything else."""
    code = text.strip()
    if len(code) == 4 and code.isdigit():
        return Year(code)
    if len(code) == 6 and code.isdigit() and (int(code[:4]) + 1) % 100 == int(code[4:]):
        return Year(code)
    return None


@dataclass(frozen=True, slots=True)
class Area:
    """An area as the published files name it."""

    level: str
    code: str
    name: str
    old_code: str = ""
    region_code: str = ""
    region_name: str = ""

    def named(self, text: str) -> bool:
        """True when ``text`` is this area's new code, old code or name (any case)."""
        wanted = " ".join(text.split()).casefold()
        return wanted in {self.code.casefold(), self.old_code.casefold(), self.name.casefold()}

    @property
    def in_london(self) -> bool:
        """True for a borough the files code Inner London or Outer London."""
        return bool(
            {self.region_code.casefold(), self.region_name.casefold()} & LONDON_PARTS
            or self.region_code == LONDON_CODE
        )


@dataclass(frozen=True, slots=True)
class Figure:
    """One area's published figure in one year."""

    area: Area
    value: Reading
    numerator: Reading = MISSING
    denominator: Reading = MISSING


@dataclass(frozen=True)
class PublishedSeries:
    """A measure's published figures: every area, every year, oldest first."""

    measure: str
    file: str
    years: dict[Year, list[Figure]]


@dataclass(frozen=True, slots=True)
class NeighbourRef:
    """A statistical neighbour: the area (when the files have it) and its closeness word."""

    code: str
    name: str
    closeness: str | None = None
    old_code: str = ""


@dataclass
class PublishedData:
    """Everything benchmarking needs from the published files.

    ``home`` is the council ``area:`` names; ``areas`` every council the files cover (by new
    code), and ``neighbours_of`` each one's neighbours where the model table gives them, so every
    council can be benchmarked from one read. ``region`` is pledge.yaml's ``region:`` choice.
    """

    home: Area | None = None
    neighbours: list[NeighbourRef] = field(default_factory=list)
    neighbours_source: str | None = None
    average: NeighbourAverage = NeighbourAverage.MEDIAN
    confidence: float = 95
    national_from: NationalFrom = NationalFrom.PUBLISHED
    region: str | None = None
    series: dict[str, PublishedSeries] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    neighbours_of: dict[str, list[NeighbourRef]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when no measure has published figures."""
        return not self.series


#: How each published symbol is shown and counted. ``k`` and ``low`` are small published values
#: (below 0.5, not zero); the others withhold the figure.
SMALL_VALUE = 0.25


def published_symbol(reading: Reading) -> str:
    """The symbol as DfE wrote it: ``k``, ``low``, ``u``, ``c``, ``x``, ``z`` ('' for a number or a
    blank, ``?`` for a figure that could not be used)."""
    if reading.is_number:
        return ""
    raw = (reading.raw or "").strip().lower()
    if raw in {"low", "u"}:
        return raw
    return {
        ValueState.SUPPRESSED: "c",
        ValueState.NOT_APPLICABLE: "z",
        ValueState.NOT_AVAILABLE: "x",
        ValueState.BELOW_HALF: "k",
        ValueState.MISSING: "",
    }.get(reading.state, "?")


def is_small(reading: Reading) -> bool:
    """True for ``k`` or ``low``: published as below 0.5 but not zero."""
    return reading.state is ValueState.BELOW_HALF


def rankable(reading: Reading) -> float | None:
    """The number a figure counts as in ranks and averages: itself, :data:`SMALL_VALUE` for a
    small published value (``k``/``low``, the middle of 0 to 0.5), None when withheld."""
    if reading.is_number:
        return reading.number
    return SMALL_VALUE if is_small(reading) else None
