"""The Pledge definition (``pledge.yaml``): pledges, their promises and measures, as typed models.

:func:`load_definition` reads the file and raises :class:`DefinitionError` naming file, line and
column for every problem; :func:`check_definition` returns the same problems as findings.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from pledgekit.config.problems import check_yaml_model, problems_error
from pledgekit.config.reference_pack import ReferencePack, available_packs, load_pack
from pledgekit.config.references import NEIGHBOURS, PUBLISHED, Kind, refusal
from pledgekit.config.yamlsource import Path_, Positions, position_of
from pledgekit.model.codes import BAD_DEFINITION, DUPLICATE_MEASURE, REFERENCE_MISMATCH
from pledgekit.model.errors import DefinitionError
from pledgekit.model.findings import Finding, finding, has_errors
from pledgekit.model.location import Location
from pledgekit.model.measure_kinds import Frequency, Polarity, RagRule, TargetValue, Unit
from pledgekit.model.periods import Period, PeriodError, parse_period
from pledgekit.model.published_figures import NationalFrom, NeighbourAverage
from pledgekit.model.values import checked_number, figure

#: A tolerance: an absolute amount in the measure's unit, or a string like "10%" (of the target).
_RELATIVE = re.compile(r"^\s*\d+(\.\d+)?\s*%\s*$")


def _tolerance(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return checked_number(value)
    if isinstance(value, str) and _RELATIVE.match(value):
        checked_number(float(value.strip().rstrip("%")))  # "999...9%" is no tolerance
        return value.replace(" ", "")
    raise ValueError("expected a number like 5, or a share of the target like '10%'")


Tolerance = Annotated[float | str, BeforeValidator(_tolerance)]
#: A target, band end, comparator or setting: a finite number of sensible size, never true/false.
Figure = Annotated[float, BeforeValidator(figure)]
Target = Figure | tuple[Figure, Figure]


class _Strict(BaseModel):
    # NaN and infinity are never a target, band, tolerance or threshold.
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_enum_values=False, allow_inf_nan=False
    )


class Defaults(_Strict):
    """Settings every measure inherits unless it sets its own."""

    tolerance: Tolerance = Field(5, description="Amber band: absolute, or '10%' of the target.")
    stable_within: Figure = Field(
        0.5, ge=0, description="A change smaller than this is 'no change' in direction of travel."
    )
    rag_rule: RagRule = RagRule.TOLERANCE
    suppression_threshold: int = Field(
        5, ge=0, description="Counts below this (and rates resting on them) are suppressed."
    )
    similar_within: Figure | None = Field(
        None,
        ge=0,
        description="Comparator position 'similar' band for figures without a numerator and "
        "denominator (with them, a significance test decides); defaults to stable_within.",
    )


def _filter_text(value: Any) -> Any:
    """Filter values are text in the file; YAML may read ``19`` or ``2025`` as numbers."""
    if isinstance(value, dict):
        return {
            k: str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
            for k, v in value.items()
        }
    return value


Filters = Annotated[dict[str, str], BeforeValidator(_filter_text)]


class Published(_Strict):
    """Where a measure's figures are in a DfE published data file (EES tidy CSV)."""

    file: str = Field(description="The CSV file, relative to pledge.yaml.")
    where: Filters = Field(
        default_factory=dict,
        description="Filter column values that pick the measure's rows, e.g. {cla_group: ...}.",
    )
    value: str = Field(description="Indicator column holding the figure, e.g. children_percent.")
    numerator: str | None = Field(
        None, description="Indicator column holding the numerator, e.g. children_count."
    )
    denominator: str | None = Field(
        None,
        description="Indicator column holding the denominator (default: the numerator column, "
        "read from the rows denominator_where picks).",
    )
    denominator_where: Filters | None = Field(
        None,
        description="Filter values that replace those in 'where' to pick the denominator's rows, "
        "e.g. {placement_stability: Total children}.",
    )


class BenchmarkSettings(_Strict):
    """Where statistical neighbours come from and how comparisons are judged."""

    neighbours: str | list[str] | None = Field(
        None,
        description="DfE's statistical-neighbour model table (CSV, relative to pledge.yaml), or "
        "a list of the neighbours' LA codes.",
    )
    neighbour_average: NeighbourAverage = NeighbourAverage.MEDIAN
    confidence: float = Field(
        95, description="Confidence level of significance tests: 95 or 99.8 (per cent)."
    )
    region: str | None = Field(
        None,
        description="The region to compare with: 'London' (DfE's neighbour table and dashboard, "
        "the default for a London borough), 'file' (the data file's own coding: Inner or Outer "
        "London), or a region name or code as the file writes it.",
    )
    national_from: NationalFrom = Field(
        NationalFrom.PUBLISHED,
        description="England's and the region's figures: 'published' (DfE's percentage, a "
        "whole number) or 'counts' (numerator / denominator where the file publishes both; "
        "national and regional counts are rounded to the nearest 10).",
    )

    @field_validator("confidence")
    @classmethod
    def _level(cls, value: float) -> float:
        if value not in (95, 99.8):
            raise ValueError("expected 95 or 99.8")
        return value


class ValidationSettings(_Strict):
    """Per-project settings for ``pledgekit validate``."""

    select: list[str] | None = Field(None, description="Only these finding codes.")
    ignore: list[str] = Field(default_factory=list, description="Finding codes to leave out.")
    strict: bool = Field(False, description="Warnings fail validation too.")
    max_findings: int | None = Field(None, ge=1)


class Measure(_Strict):
    """One indicator of a pledge."""

    id: str = Field(description="Measure number as the committee knows it, e.g. '2.6'.")
    title: str
    short_title: str | None = Field(
        None,
        description="A short phrase for the report's summary, e.g. 'persistent absence' "
        "(default: the title).",
    )
    unit: Unit = Unit.PERCENT
    polarity: Polarity
    target: Target | dict[str, Target] | None = Field(
        None, description="A number, a [low, high] band, or per financial year {'2019-20': 20}."
    )
    tolerance: Tolerance | None = None
    stable_within: Figure | None = Field(None, ge=0)
    rag_rule: RagRule | None = None
    comparators: dict[str, Figure] = Field(
        default_factory=dict, description="e.g. {england: 25.0, statistical_neighbours: 27.1}"
    )
    comparator_years: dict[str, str] = Field(
        default_factory=dict,
        description="The year each comparator figure is for, e.g. {england: '2024-25'}.",
    )
    reference: str | None = None
    description: str | None = None
    owner: str | None = None
    source: str | None = None
    frequency: Frequency = Frequency.QUARTERLY
    suppress_small: bool = True
    part_of: str | None = Field(
        None,
        description="Id of a count measure this one is a part of (e.g. placements by type); "
        "used to stop a hidden small number being worked out from the total.",
    )
    decimals: int | None = Field(None, ge=0, le=4)
    unit_label: str | None = Field(
        None,
        description="What the figure counts, written after it in the report's body (the "
        "watch list, the exceptions), e.g. 'children per social worker' for a ratio: '19.1 "
        "children per social worker'.",
    )
    published: Published | None = Field(
        None, description="The measure's figures in a DfE published data file, for benchmarks."
    )

    @field_validator("id", mode="before")
    @classmethod
    def _id_text(cls, value: Any) -> Any:
        # YAML reads `id: 2.10` as the float 2.1: require quotes rather than guess.
        if isinstance(value, float):
            raise ValueError(f"write the id in quotes (YAML read it as the number {value!r})")
        return str(value) if isinstance(value, int) else value

    @field_validator("comparator_years", mode="before")
    @classmethod
    def _years_text(cls, value: Any) -> Any:
        # YAML reads `england: 2019` as a number: the year is a label, so take it as written.
        if isinstance(value, dict):
            return {k: str(v) if isinstance(v, (int, float)) else v for k, v in value.items()}
        return value

    @field_validator("target")
    @classmethod
    def _target_years(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for key in value:
                try:
                    parsed = parse_period(key)
                except PeriodError as exc:
                    raise ValueError(f"target year {key!r}: {exc}") from exc
                if not parsed.is_annual:
                    raise ValueError(
                        f"target years are financial years like '2019-20', not {key!r}"
                    )
        return value

    @model_validator(mode="after")
    def _band_needs_band(self) -> Measure:
        targets = list(self.target.values()) if isinstance(self.target, dict) else [self.target]
        for target in targets:
            if target is None:
                continue
            if self.polarity is Polarity.BAND and not isinstance(target, tuple):
                raise ValueError("polarity 'band' needs a target band like [90, 100]")
            if isinstance(target, tuple):
                if self.polarity is not Polarity.BAND:
                    raise ValueError(
                        f"a [low, high] target needs polarity 'band', not {self.polarity.value!r}"
                    )
                if target[0] > target[1]:
                    raise ValueError(f"target band {list(target)} runs high to low")
        return self

    @property
    def rated(self) -> bool:
        """False for context measures that are shown but not rated."""
        return self.polarity is not Polarity.NONE

    def target_for(self, period: Period) -> TargetValue | None:
        """The target that applies in ``period`` (per-year targets by financial year)."""
        if not isinstance(self.target, dict):
            return self.target
        by_year = {parse_period(k).year: v for k, v in self.target.items()}
        return by_year.get(period.year)


class Pledge(_Strict):
    """A pledge: what the council promises, and the measures that show whether it delivers."""

    id: str
    title: str
    outcome: str | None = Field(None, description="Optional grouping, e.g. an ECM outcome.")
    promises: list[str] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)

    @field_validator("id", mode="before")
    @classmethod
    def _id_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) else value


class Definition(_Strict):
    """The whole Pledge definition."""

    council: str
    area: str | None = Field(
        None, description="Code or name of the home council in 'area' columns."
    )
    committee: str = "Corporate Parenting Committee"
    neighbours: list[str] = Field(
        default_factory=list,
        description="Area codes or names of statistical neighbours in 'area' columns.",
    )
    defaults: Defaults = Field(default_factory=Defaults)
    reference_pack: str | None = Field(
        None,
        description="A shipped reference pack (e.g. 'dfe-2025') whose England figures are the "
        "default comparators of measures whose 'reference' names one of its measures.",
    )
    benchmarks: BenchmarkSettings = Field(default_factory=BenchmarkSettings)
    validation: ValidationSettings = Field(default_factory=ValidationSettings)
    pledges: list[Pledge] = Field(min_length=1)
    #: Line and column of every key in the file it was read from (empty when built in Python),
    #: kept from the one parse so later problems are located without reading the file again.
    _positions: Positions = PrivateAttr(default_factory=dict)

    def position(self, key: Path_) -> tuple[int | None, int | None]:
        """Line and column in pledge.yaml of ``key`` (``("validation", "ignore")``), or of the
        nearest key enclosing it; (None, None) for a definition not read from a file."""
        return position_of(self._positions, key)

    @field_validator("reference_pack")
    @classmethod
    def _known_pack(cls, value: str | None) -> str | None:
        if value is not None and value not in available_packs():
            close = difflib.get_close_matches(value, available_packs(), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "shipped packs: "
            raise ValueError(
                f"no reference pack {value!r}; "
                + (hint if close else hint + ", ".join(available_packs()))
            )
        return value

    def pack(self) -> ReferencePack | None:
        """The reference pack named by ``reference_pack``, if any."""
        return load_pack(self.reference_pack) if self.reference_pack else None

    def comparators_for(self, measure: Measure) -> dict[str, float]:
        """The measure's typed comparators over the reference pack's England figure.

        The pack's figure is used only when the pack measure has the same unit as this one.
        """
        pack = self.pack()
        found = pack.find(measure.reference) if pack else None
        figures: dict[str, float] = {}
        if found is not None and found.england is not None and found.unit == measure.unit.value:
            figures["england"] = found.england
        figures.update(measure.comparators)
        return figures

    def measures(self) -> Iterator[tuple[Pledge, Measure]]:
        """Every measure with its pledge, in definition order."""
        for pledge in self.pledges:
            for measure in pledge.measures:
                yield pledge, measure

    def measure(self, measure_id: str) -> Measure | None:
        """The measure with this id, or None."""
        return self.by_id.get(measure_id)

    @cached_property
    def by_id(self) -> dict[str, Measure]:
        """Measures by id (the first of a repeated id), built once.

        Looking a measure up once per row of a national file must not scan every measure: that
        made scorecards quadratic in the number of measures. (Pydantic compares, dumps and
        copies fields only, so this cache is invisible; the model is frozen, so it stays true.)
        """
        index: dict[str, Measure] = {}
        for _, measure in self.measures():
            index.setdefault(measure.id, measure)
        return index

    def measure_ids(self) -> list[str]:
        """All measure ids in definition order."""
        return [m.id for _, m in self.measures()]

    def tolerance_for(self, measure: Measure, target: float) -> float:
        """The amber band for ``measure`` around ``target``, in the measure's unit."""
        tolerance = measure.tolerance if measure.tolerance is not None else self.defaults.tolerance
        if isinstance(tolerance, str):
            return abs(target) * float(tolerance.strip().rstrip("%").strip()) / 100
        return float(tolerance)

    def stable_within(self, measure: Measure) -> float:
        """Smallest change that counts as movement for ``measure``."""
        return (
            measure.stable_within
            if measure.stable_within is not None
            else self.defaults.stable_within
        )

    def rag_rule(self, measure: Measure) -> RagRule:
        """The rating rule for ``measure``."""
        return measure.rag_rule or self.defaults.rag_rule


def check_definition(path: Path) -> tuple[Definition | None, list[Finding]]:
    """Read and validate a pledge definition; return it (or None) and every problem found."""
    definition, positions, problems = check_yaml_model(
        path,
        Definition,
        invalid_code=BAD_DEFINITION,
        expected="a mapping with 'council' and 'pledges'",
    )
    if definition is None:
        return None, problems
    definition._positions = positions
    name = str(path)
    findings = list(problems)  # warnings met while reading (control characters removed)
    seen: dict[str, tuple[int, int]] = {}
    for p_index, pledge in enumerate(definition.pledges):
        for m_index, measure in enumerate(pledge.measures):
            key: tuple[str | int, ...] = ("pledges", p_index, "measures", m_index, "id")
            line, col = definition.position(key)
            if measure.id in seen:
                findings.append(
                    finding(
                        DUPLICATE_MEASURE,
                        f"measure id {measure.id!r} is used twice "
                        f"(first at line {seen[measure.id][0]})",
                        Location(name, line=line, col=col),
                        found=measure.id,
                        expected="a unique id per measure",
                        measure=measure.id,
                    )
                )
            else:
                seen[measure.id] = (line or 0, col or 0)
            findings += _pack_findings(definition, measure, name, (*key[:-1],))
    findings += _reference_findings(definition, path)
    return (None if has_errors(findings) else definition), findings


def _reference_findings(definition: Definition, path: Path) -> list[Finding]:
    """Files pledge.yaml names that :mod:`pledgekit.config.references` refuses, at their key."""
    named: list[tuple[tuple[str | int, ...], str, Kind]] = []
    if isinstance(definition.benchmarks.neighbours, str):
        named.append((("benchmarks", "neighbours"), definition.benchmarks.neighbours, NEIGHBOURS))
    for p_index, pledge in enumerate(definition.pledges):
        for m_index, measure in enumerate(pledge.measures):
            if measure.published is not None:
                at = ("pledges", p_index, "measures", m_index, "published", "file")
                named.append((at, measure.published.file, PUBLISHED))
    found = []
    for key, value, kind in named:
        reason = refusal(value, base=path.parent, kind=kind)
        if reason is not None:
            line, col = definition.position(key)
            where = Location(str(path), line=line, col=col)
            found.append(finding(BAD_DEFINITION, f"{'.'.join(map(str, key))}: {reason}", where))
    return found


def _pack_findings(
    definition: Definition,
    measure: Measure,
    name: str,
    key: tuple[str | int, ...],
) -> list[Finding]:
    """A measure that names a pack measure of another unit or polarity: the classic bug."""
    pack = definition.pack()
    found = pack.find(measure.reference) if pack else None
    if pack is None or found is None:
        return []
    line, col = definition.position((*key, "reference"))
    where = Location(name, line=line, col=col)
    problems: list[tuple[str, str, str]] = []
    if found.unit != measure.unit.value:
        problems.append(
            (
                f"is in {found.unit} in reference pack {pack.pack!r} but in "
                f"{measure.unit.value} here, so the pack's England figure is not used",
                measure.unit.value,
                found.unit,
            )
        )
    if found.polarity is not measure.polarity:
        problems.append(
            (
                f"has polarity {found.polarity.value!r} in reference pack {pack.pack!r} but "
                f"{measure.polarity.value!r} here",
                measure.polarity.value,
                found.polarity.value,
            )
        )
    return [
        finding(
            REFERENCE_MISMATCH,
            f"measure {measure.id} ({measure.reference}) {text}",
            where,
            found=seen,
            expected=wanted,
            measure=measure.id,
        )
        for text, seen, wanted in problems
    ]


def load_definition(path: Path | str) -> Definition:
    """Load ``pledge.yaml``; raise :class:`DefinitionError` listing every problem with its line."""
    definition, findings = check_definition(Path(path))
    if definition is None:
        raise problems_error(path, "the pledge definition", findings)
    return definition


def find_definition(explicit: Path | None, inputs: list[Path]) -> Path:
    """Where the definition is: ``--pledge``, else pledge.yaml beside the first input, else here."""
    if explicit is not None:
        return explicit
    candidates = [p.parent / "pledge.yaml" for p in inputs[:1]] + [Path("pledge.yaml")]
    for candidate in candidates:
        # Anything by that name, so a pipe or folder called pledge.yaml is refused in words.
        if candidate.exists() or candidate.is_symlink():
            return candidate
    raise DefinitionError(
        "no pledge definition found: pass --pledge FILE, or put pledge.yaml beside the workbook "
        "or in the current folder"
    )


def json_schema() -> dict[str, Any]:
    """JSON Schema of ``pledge.yaml``, generated from the models."""
    schema = Definition.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "pledgekit pledge definition"
    return schema
