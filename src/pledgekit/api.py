"""What the CLI and Python users call: one path from files to a scorecard, a report, a verdict or
benchmarks.

Every command reads its inputs the same way (:func:`read_inputs`): find and load the definition,
read each workbook against it. Then :func:`load_scorecard` rates and guards, :func:`load_report`
builds the committee report from that scorecard, and :func:`validate` runs the checks. The CLI
adds only option parsing, rendering and exit codes, so the library gives the same results.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pledgekit.model.errors import InputError, UsageError
from pledgekit.model.findings import Finding
from pledgekit.model.location import Location
from pledgekit.model.periods import Period, PeriodError, parse_period

if TYPE_CHECKING:
    from pledgekit.checks.result import ValidationReport
    from pledgekit.checks.ssda903_files import RecordsCheck
    from pledgekit.config.pledge import Definition
    from pledgekit.model.observations import Dataset
    from pledgekit.model.records_sheet import RecordsSheet
    from pledgekit.read.published import PublishedData
    from pledgekit.records.frames import CountingOptions
    from pledgekit.report.model import Report
    from pledgekit.score.benchmarks import Benchmarks, BenchmarkSet
    from pledgekit.score.scorecard import Row, Scorecard

_YAML = (".yaml", ".yml")


def parse_period_option(text: str | None) -> Period | None:
    """``--period`` text to a Period; a bad one is a usage error."""
    if text is None:
        return None
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise UsageError(f"--period: {exc}") from exc


@dataclass
class Inputs:
    """The workbooks as read: the dataset, the files that could not be read at all, and the
    personal data found (and masked) in cells other than free text."""

    dataset: Dataset
    unreadable: list[str] = field(default_factory=list)
    personal: list[Finding] = field(default_factory=list)


def load_pledge(
    pledge: Path | str | None, near: Sequence[Path | str] = ()
) -> tuple[Definition, Path]:
    """The pledge definition and its file: ``pledge``, else pledge.yaml beside the first of
    ``near``, else in the current folder. Raises :class:`DefinitionError` naming file and line.
    """
    from pledgekit.config.pledge import find_definition, load_definition

    path = find_definition(Path(pledge) if pledge else None, [Path(p) for p in near])
    return load_definition(path), path


def pledge_schema() -> dict[str, object]:
    """The JSON Schema of pledge.yaml (what ``pledgekit schema`` prints)."""
    from pledgekit.config.pledge import json_schema

    return json_schema()


def read_inputs(
    paths: Sequence[Path],
    definition: Definition | None,
    *,
    period: Period | None = None,
    keep_going: bool = False,
    redact: bool = False,
) -> Inputs:
    """Read every workbook against ``definition``, personal data in its cells masked.

    With ``keep_going`` (validation), a file that cannot be read becomes an ``unreadable-file``
    finding and the others are still read; without it the :class:`InputError` is raised.
    Personal data in ids, areas, periods and figures read as text is masked at once (as
    "[redacted]" with ``redact``) and listed in ``Inputs.personal`` (empty with ``redact``).
    """
    inputs = _read(paths, definition, period=period, keep_going=keep_going)
    from pledgekit.privacy.cell_guard import guard_cells

    found = guard_cells(inputs.dataset, redact=redact)
    inputs.personal = [] if redact else found
    return inputs


def _read(
    paths: Sequence[Path],
    definition: Definition | None,
    *,
    period: Period | None,
    keep_going: bool,
) -> Inputs:
    from pledgekit.read.workbooks import read_workbooks

    # All files in one call: the rules comparing files (a fraction among other quarters'
    # percentages, two files giving one figure differently) see them together in every command.
    unreadable: list[str] = []
    dataset = read_workbooks(
        paths, definition=definition, period=period, unreadable=unreadable if keep_going else None
    )
    return Inputs(dataset, unreadable)


def _published_and_warnings(
    definition: Definition, pledge_path: Path, *, home_required: bool = True
) -> tuple[PublishedData, list[Finding]]:
    """The published figures the definition names, and the warnings met reading them (bad
    figures, years, repeats); :class:`DefinitionError` on any error."""
    from pledgekit.config.problems import problems_error
    from pledgekit.model.findings import has_errors
    from pledgekit.read.published import load_published

    data, findings = load_published(definition, pledge_path, home_required=home_required)
    if has_errors(findings):
        raise problems_error(
            pledge_path, "the benchmark setup (published: and benchmarks:)", findings
        )
    return data, findings


def distinct_files(files: Sequence[Path | str]) -> tuple[list[Path], list[Finding]]:
    """The files in order, each once (the same file written two ways is one), and an
    ``input-repeated`` warning for each repeat."""
    from pledgekit.model.codes import INPUT_REPEATED
    from pledgekit.model.findings import finding
    from pledgekit.model.location import Location

    seen: dict[Path, Path] = {}
    kept: list[Path] = []
    warnings: list[Finding] = []
    for given in map(Path, files):
        try:
            key = given.resolve()
        except OSError:
            key = given
        if key in seen:
            warnings.append(
                finding(
                    INPUT_REPEATED,
                    f"given twice (also as {seen[key]}); read once",
                    Location(str(given)),
                    found=str(given),
                )
            )
            continue
        seen[key] = given
        kept.append(given)
    return kept, warnings


@dataclass
class _Loaded:
    """What :func:`_load_inputs` read: the definition and its file, the workbooks and what they
    gave, the published figures, and the definition's findings that did not stop it loading
    (unknown codes in its ``validation:`` settings, warnings on the published files)."""

    definition: Definition
    pledge_path: Path
    paths: list[Path]
    inputs: Inputs
    published: PublishedData
    findings: list[Finding]


def load_inputs(
    files: Sequence[Path | str], *, pledge: Path | str | None, period: Period | None
) -> tuple[Definition, Dataset, PublishedData]:
    """Find and load the definition and its published figures, then read every workbook."""
    loaded = _load_inputs(files, pledge=pledge, period=period)
    return loaded.definition, loaded.inputs.dataset, loaded.published


def _load_inputs(
    files: Sequence[Path | str],
    *,
    pledge: Path | str | None,
    period: Period | None,
    redact: bool = False,
) -> _Loaded:
    """As :func:`load_inputs`, keeping the personal data found in cells (see read_inputs) and
    the definition's findings."""
    from pledgekit.checks.selection import settings_findings
    from pledgekit.read.ssda903.read_returns import is_903_input

    if not files:
        raise UsageError("give at least one workbook")
    paths = [Path(f) for f in files]
    # SSDA903 files and folders beside the workbooks: their figures join the workbooks' rows.
    records = [p for p in paths if is_903_input(p)]
    paths = [p for p in paths if p not in records]
    definition, pledge_path = load_pledge(pledge, paths or records)
    published, warnings = _published_and_warnings(definition, pledge_path)
    if paths:
        inputs = read_inputs(paths, definition, period=period, redact=redact)
    else:
        from pledgekit.model.observations import Dataset

        inputs = Inputs(Dataset())
    if records:
        _add_903_figures(inputs.dataset, records, definition, pledge_path)
    found = [*settings_findings(pledge_path, definition), *warnings]
    return _Loaded(definition, pledge_path, paths, inputs, published, found)


def _add_903_figures(
    dataset: Dataset, records: Sequence[Path], definition: Definition, pledge_path: Path
) -> None:
    """Every year's figures computed from the 903 files, keyed to the pledge's measures and
    disclosed, added to ``dataset`` as rows; a figure that, beside a workbook's quarter, would
    subtract down to 1 to 5 children is hidden too."""
    from pledgekit.privacy.records_disclosure import figure_observations, guard_differences

    sheet = ssda903(records, all_years=True, pledge=pledge_path)
    where = ", ".join(str(p) for p in records)
    computed, findings = guard_differences(
        figure_observations(sheet.figures, where), dataset.observations(), definition
    )
    from pledgekit.model.observations import Dataset

    dataset.extend(Dataset.of(computed, findings=[*sheet.findings, *findings], files=sheet.files))


def _benchmark_inputs(
    files: Sequence[Path | str], pledge: Path | str | None, *, home_required: bool
) -> tuple[Definition, PublishedData, list[Finding]]:
    """The definition (pledge.yaml found as every command finds it), its published figures, and
    the warnings. Every workbook given is read and checked, each once: a file that cannot be
    read stops the command, though benchmarks come from the published files alone."""
    paths, warnings = distinct_files(files)
    definition, pledge_path = load_pledge(pledge, paths)
    if paths:
        read_inputs(paths, definition)
    published, found = _published_and_warnings(definition, pledge_path, home_required=home_required)
    if published.empty:
        raise UsageError(
            f"{pledge_path}: no measure has a 'published:' entry naming a DfE data file, so "
            "there is nothing to benchmark (see docs/formats.md)"
        )
    return definition, published, [*warnings, *found]


def benchmark(files: Sequence[Path | str] = (), *, pledge: Path | str | None = None) -> Benchmarks:
    """Benchmarks of every measure with a ``published:`` entry, from DfE's published files.

    ``files`` are indicator workbooks: each is read and checked (an unreadable one raises
    :class:`InputError`), and pledge.yaml is looked for beside the first, else in the current
    folder, as every command does; ``pledge`` names it directly. Raises
    :class:`DefinitionError` listing every problem with the published entries (a missing file, a
    column or filter value the file does not have, each with its line), and :class:`UsageError`
    when no measure has one. Warnings (impossible published figures, a file given twice) are
    kept in the result's ``warnings``.
    """
    from pledgekit.score.benchmarking import build_benchmarks

    definition, published, warnings = _benchmark_inputs(files, pledge, home_required=True)
    return build_benchmarks(definition, published, warnings)


def benchmark_areas(
    areas: Sequence[str] | None = None,
    files: Sequence[Path | str] = (),
    *,
    pledge: Path | str | None = None,
) -> BenchmarkSet:
    """Benchmarks of many councils from one read of each published file.

    ``areas`` None (``--areas all``) is every council the files cover, in code order; otherwise
    codes or names of councils (a name the files lack is a :class:`UsageError` with a "did you
    mean"). Each council's neighbours come from DfE's model table where pledge.yaml names one;
    the council pledge.yaml's ``area:`` names is marked in funnel charts.
    """
    import difflib

    from pledgekit.score.benchmarking import build_area_benchmarks
    from pledgekit.score.benchmarks import BenchmarkSet

    definition, published, warnings = _benchmark_inputs(files, pledge, home_required=False)
    every = sorted(published.areas.values(), key=lambda a: a.code)
    if areas is None:
        chosen = every
    else:
        chosen = []
        for wanted in areas:
            found = next((a for a in every if a.named(wanted)), None)
            if found is None:
                names = [a.code for a in every] + [a.name for a in every]
                close = difflib.get_close_matches(wanted, names, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise UsageError(f"--areas: {wanted!r} is no council of the published files{hint}")
            if found not in chosen:
                chosen.append(found)
    councils = build_area_benchmarks(definition, published, chosen, warnings)
    home = published.home
    marked = next((b for b in councils if home is not None and b.area == home), None)
    return BenchmarkSet(councils, marked)


def load_guarded(
    files: Sequence[Path | str],
    *,
    pledge: Path | str | None = None,
    period: str | Period | None = None,
    threshold: int | None = None,
    redact: bool = False,
    as_at: bool = False,
) -> tuple[Scorecard, Dataset, list[Finding]]:
    """Read the inputs and build the scorecard, guarded for personal data.

    Returns the scorecard, the dataset it came from (the report also needs its optional sheets)
    and the personal-data findings that block output (none with ``redact``, which replaces
    the matches with [redacted] instead). ``as_at`` rates the period from what was known at it,
    as its report does; without it, an earlier period's card names in ``arrived_later`` the
    measures that figures from later workbooks change.
    """
    card, blocking, loaded = _load_guarded(files, pledge, period, threshold, redact, as_at)
    return card, loaded.inputs.dataset, blocking


def _load_guarded(
    files: Sequence[Path | str],
    pledge: Path | str | None,
    period: str | Period | None,
    threshold: int | None,
    redact: bool,
    as_at: bool = False,
) -> tuple[Scorecard, list[Finding], _Loaded]:
    from pledgekit.privacy.guard import guard, guard_definition
    from pledgekit.score.scoring import build_scorecard

    chosen = parse_period_option(period) if isinstance(period, str) else period
    loaded = _load_inputs(files, pledge=pledge, period=chosen, redact=redact)
    definition, inputs, published = loaded.definition, loaded.inputs, loaded.published
    dataset = inputs.dataset
    # pledge.yaml's titles, promises and owners, and file and sheet names, reach outputs too.
    definition, named = guard_definition(
        definition, loaded.pledge_path, redact=redact, names=_names(dataset)
    )
    card = build_scorecard(
        definition, dataset, period=chosen, threshold=threshold, published=published
    )
    if as_at or chosen is not None:
        # A paper shows only what was known at its period: rate again without later figures,
        # and either use that card or name the measures where the two differ.
        from pledgekit.report.as_at import known_at

        # The full dataset is still returned: the report takes its sheets by the same rule.
        known = known_at(dataset, card.period)
        if known.trimmed:
            then = build_scorecard(
                definition,
                known.dataset,
                period=card.period,
                threshold=threshold,
                published=published,
            )
            card = then if as_at else replace(card, arrived_later=_differing(card, then))
    card, blocking = guard(card, redact=redact, where=card.files[0] if card.files else "")
    return card, [*inputs.personal, *named, *blocking], loaded


def _differing(now: Scorecard, then: Scorecard) -> tuple[str, ...]:
    """The measures whose figure, status or trend differ between two cards of one period."""

    def shown(row: Row) -> tuple[object, ...]:
        return (row.display, row.status, row.short_term.direction, row.long_term.direction)

    before = {row.measure.id: shown(row) for row in then.rows}
    return tuple(row.measure.id for row in now.rows if before.get(row.measure.id) != shown(row))


def _names(dataset: Dataset) -> list[tuple[str, Location]]:
    """The file and sheet names of a dataset, with where each is, for the personal-data guard."""
    names = [(Path(file).name, Location(file)) for file in dataset.files]
    sheets = {(f.location.file, f.location.sheet) for f in dataset.findings}
    # The indicator table knows each sheet it read without building rows.
    sheets |= {(source.file, source.sheet) for source in dataset.table.sources}
    names += [(sheet, Location(file, sheet)) for file, sheet in sorted(sheets, key=str) if sheet]
    return names


#: How many earlier quarters the report rates again to count how long a measure has been red.
STREAK_QUARTERS = 8


def earlier_scorecards(
    definition: Definition, dataset: Dataset, card: Scorecard, *, threshold: int | None = None
) -> list[Scorecard]:
    """The scorecards of the quarters before ``card``'s that the data has (newest first).

    Only their statuses are used (how long a measure has been red), so no text from them is
    shown and they need no guard.
    """
    from pledgekit.report.as_at import known_at
    from pledgekit.score.scoring import build_scorecard

    quarters = [p for p in card.periods if not p.is_annual and p < card.period]
    # Each quarter rated as its own paper rated it: from what was known then.
    return [
        build_scorecard(definition, known_at(dataset, p).dataset, period=p, threshold=threshold)
        for p in sorted(quarters, reverse=True)[:STREAK_QUARTERS]
    ]


def load_scorecard(
    files: Sequence[Path | str],
    *,
    pledge: Path | str | None = None,
    period: str | Period | None = None,
    threshold: int | None = None,
    redact: bool = False,
    as_at: bool = False,
) -> tuple[Scorecard, list[Finding]]:
    """Build the scorecard for ``files``; also return personal-data findings that block output.

    With ``redact`` the free text is redacted instead and nothing blocks. With ``as_at`` the
    period is rated from what was known at it (figures that arrived in a later workbook set
    aside), as its report is.
    """
    card, _, blocking = load_guarded(
        files, pledge=pledge, period=period, threshold=threshold, redact=redact, as_at=as_at
    )
    return card, blocking


def load_report(
    files: Sequence[Path | str],
    *,
    meeting: Path | None = None,
    pledge: Path | str | None = None,
    period: str | Period | None = None,
    threshold: int | None = None,
    redact: bool = False,
) -> tuple[Report, ValidationReport, list[Finding]]:
    """Read the inputs and build the committee report, guarded for personal data.

    Returns the report; what :func:`validate` says of the same inputs, as they were read for
    the report (its ``exit_code()`` is the report command's, once the report is written; with
    ``redact``, personal data in free text is not held against it); and
    the personal-data findings that must block output (none when ``redact``: matches are then
    replaced by [redacted]).
    """
    from pledgekit.config.meeting import load_meeting
    from pledgekit.privacy.guard import guard
    from pledgekit.report.assembly import build_report

    details = load_meeting(meeting) if meeting is not None else None
    card, blocking, loaded = _load_guarded(files, pledge, period, threshold, redact, as_at=True)
    dataset = loaded.inputs.dataset
    earlier = earlier_scorecards(loaded.definition, dataset, card, threshold=threshold)
    built = build_report(card, dataset, details, earlier=earlier)
    report, more = guard(built, redact=redact)
    ignore = loaded.definition.validation.ignore
    if redact:  # personal data in free text is redacted in the report: asked for, and done
        from pledgekit.privacy.detect import CODES as PERSONAL_DATA_CODES

        ignore = [*ignore, *PERSONAL_DATA_CODES.values()]
    verdict = _verdict(
        loaded.definition,
        loaded.findings,
        loaded.pledge_path,
        loaded.paths,
        loaded.inputs,
        ignore=ignore,
    )
    # The exceptions repeat scorecard commentary, so the same finding can come twice.
    return report, verdict, list(dict.fromkeys([*blocking, *more]))


def validate(
    files: Sequence[Path | str],
    *,
    pledge: Path | str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    strict: bool | None = None,
    max_findings: int | None = None,
) -> ValidationReport:
    """Check the pledge definition and every workbook; return every finding in a report.

    ``files`` are workbooks (a ``.yaml`` among them is taken as the definition when ``pledge`` is
    not given). ``select``, ``ignore``, ``strict`` and ``max_findings`` replace the settings in
    pledge.yaml's ``validation:`` section when given. Findings that stop the definition loading
    are always reported, whatever ``select`` and ``ignore`` say, as nothing else can be trusted.

    Raises :class:`UsageError` for unknown codes or no input, and :class:`DefinitionError` when
    no definition can be found or opened. A workbook that cannot be read is an ``unreadable-file``
    finding (the report's exit code is then 2) so the other files are still checked.
    """
    from pledgekit.checks.selection import check_codes, parse_codes, settings_findings
    from pledgekit.checks.ssda903_files import check_903_files
    from pledgekit.config.pledge import check_definition, find_definition
    from pledgekit.read.published import load_published
    from pledgekit.read.ssda903.read_returns import is_903_input

    paths = [Path(f) for f in files]
    # SSDA903 files and folders (child-level records) go to their own reader.
    records = [p for p in paths if is_903_input(p)]
    paths = [p for p in paths if p not in records]
    yamls = [p for p in paths if p.suffix.lower() in _YAML]
    workbooks = [p for p in paths if p.suffix.lower() not in _YAML]
    if yamls and (pledge is not None or len(yamls) > 1):
        raise UsageError("give one pledge definition, either as --pledge or among the files")
    explicit = Path(pledge) if pledge is not None else (yamls[0] if yamls else None)
    if not workbooks and explicit is None and not records:
        raise UsageError("give at least one workbook, or a pledge definition to check")
    # Codes may come repeated and comma-separated, as the command line gives them.
    select, ignore = parse_codes(select), parse_codes(ignore)
    for option, codes in (("--select", select), ("--ignore", ignore)):
        check_codes(codes or [], option)
    checked_903 = check_903_files(records) if records else None
    if checked_903 is not None and not workbooks and explicit is None:
        return _validate_903_only(checked_903, select, ignore, bool(strict), max_findings)

    pledge_path = find_definition(explicit, workbooks)
    definition, definition_findings = check_definition(pledge_path)
    if definition is not None:
        definition_findings += settings_findings(pledge_path, definition)
        definition_findings += load_published(definition, pledge_path)[1]
    inputs = read_inputs(workbooks, definition, keep_going=True)
    if definition is not None:  # its titles, promises and owners are published too
        from pledgekit.privacy.guard import guard_definition

        names = _names(inputs.dataset)
        definition_findings += guard_definition(definition, pledge_path, names=names)[1]
    if checked_903 is not None:
        inputs.dataset.findings.extend(checked_903.findings)
        inputs.unreadable += checked_903.unreadable
        workbooks = [*workbooks, *(Path(f) for f in checked_903.files)]
    return _verdict(
        definition,
        definition_findings,
        pledge_path,
        workbooks,
        inputs,
        select=select,
        ignore=ignore,
        strict=strict,
        max_findings=max_findings,
    )


def _verdict(
    definition: Definition | None,
    definition_findings: list[Finding],
    pledge_path: Path,
    workbooks: Sequence[Path],
    inputs: Inputs,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    strict: bool | None = None,
    max_findings: int | None = None,
) -> ValidationReport:
    """The checks run over what was read, and every finding filtered and counted as
    :func:`validate` reports them (``select`` and the rest as there, already parsed)."""
    from pledgekit.checks import CHECK_CODES, run_checks
    from pledgekit.checks.result import ValidationReport
    from pledgekit.checks.selection import sort_findings, unique_findings
    from pledgekit.config.pledge import ValidationSettings
    from pledgekit.model.codes import BAD_YAML, UNREADABLE_FILE

    settings = definition.validation if definition else ValidationSettings()
    chosen = select if select is not None else settings.select
    ignored = set(ignore if ignore is not None else settings.ignore)
    strict = settings.strict if strict is None else strict
    limit = settings.max_findings if max_findings is None else max_findings

    if any(f.code == BAD_YAML for f in definition_findings):
        # A definition that is not YAML at all is unreadable input (exit 2), like a broken
        # workbook; one that parses but breaks the format is findings (exit 1).
        inputs.unreadable.insert(0, str(pledge_path))
    dataset = inputs.dataset
    found = unique_findings([*dataset.findings, *inputs.personal, *run_checks(definition, dataset)])

    def runs(code: str) -> bool:
        return (chosen is None or code in chosen) and code not in ignored

    def wanted(f: Finding) -> bool:
        return runs(f.code)

    # A definition that did not load is reported whatever the filters say (see validate).
    kept = definition_findings if definition is None else list(filter(wanted, definition_findings))
    kept += [f for f in found if wanted(f) or f.code == UNREADABLE_FILE]
    order = [str(pledge_path), *(str(p) for p in workbooks)]
    return ValidationReport.build(
        sort_findings(kept, order),
        files=[str(p) for p in workbooks],
        pledge=str(pledge_path),
        strict=strict,
        max_findings=limit,
        unreadable=inputs.unreadable,
        checked=sorted(code for code in CHECK_CODES if runs(code)),
        definition_loaded=definition is not None,
    )


def _validate_903_only(
    checked: RecordsCheck,
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
    strict: bool,
    max_findings: int | None,
) -> ValidationReport:
    """``validate`` of SSDA903 files alone: no pledge definition is needed to check them."""
    from pledgekit.checks.result import ValidationReport
    from pledgekit.checks.selection import sort_findings
    from pledgekit.model.codes import UNREADABLE_FILE

    def wanted(f: Finding) -> bool:
        chosen = select is None or f.code in select or f.code == UNREADABLE_FILE
        return chosen and f.code not in set(ignore or ())

    return ValidationReport.build(
        sort_findings([f for f in checked.findings if wanted(f)], checked.files),
        files=checked.files,
        strict=strict,
        max_findings=max_findings,
        unreadable=checked.unreadable,
    )


def parse_years_option(values: Sequence[str] | None) -> list[int] | None:
    """``--year`` values (2024-25, 2025, 202425) as ending years; a bad one is a usage error."""
    from pledgekit.read.ssda903.return_years import parse_year

    try:
        return [parse_year(v) for v in values] if values else None
    except ValueError as exc:
        raise UsageError(f"--year: {exc}") from exc


def ssda903(
    files: Sequence[Path | str],
    *,
    years: Sequence[int] | None = None,
    all_years: bool = False,
    pledge: Path | str | None = None,
    options: CountingOptions | None = None,
    population: int | Path | str | None = None,
    file_years: dict[Path, int] | None = None,
    progress: Callable[[str], None] | None = None,
) -> RecordsSheet:
    """DfE's headline measures computed from SSDA903 files, with disclosure control applied.

    ``files`` are 903 CSV files, folders of them and XML returns. ``years`` are ending years
    (2025 for 2024-25); without them the latest year the files cover, and with ``all_years``
    every year they cover. With ``pledge``, the figures are keyed to the pledge's measures
    through their ``reference`` and compared with their ``published:`` figures; without it,
    every computable measure by reference id. ``population`` (a number, or a CSV by year: see
    :mod:`pledgekit.read.ssda903.population_file`) gives ``cla-rate``.

    Raises :class:`InputError` when no 903 table could be read at all and :class:`UsageError`
    for a year the files do not cover. Everything else is a finding on the returned sheet.
    """
    from dataclasses import asdict

    from pledgekit.model.records_sheet import RecordsSheet
    from pledgekit.privacy.records_disclosure import sheet_figures
    from pledgekit.read.ssda903.read_returns import read_903
    from pledgekit.read.ssda903.return_years import year_label
    from pledgekit.records.frames import CountingOptions
    from pledgekit.score.records_calibration import calibrated

    read = read_903(files, file_years=file_years, progress=progress)
    covered = sorted(read.records.years)
    if not covered:
        shown = "; ".join(str(f) for f in read.findings[:5]) or "no CSV or XML files found"
        raise InputError(f"no SSDA903 table could be read: {shown}")
    if all_years:
        chosen = covered
    elif years:
        absent = [y for y in years if y not in read.records.years]
        if absent:
            raise UsageError(
                f"--year {', '.join(year_label(y) for y in absent)}: the files cover "
                f"{', '.join(year_label(y) for y in covered)}"
            )
        chosen = sorted(set(years))
    else:
        chosen = covered[-1:]
    definition = load_pledge(pledge)[0] if pledge is not None else None
    base = options or CountingOptions()
    people = _population(population)
    figures, findings = sheet_figures(read.records, chosen, definition, base, people)
    if definition is not None and not figures and not findings:
        from pledgekit.records.catalogue import BY_REFERENCE

        raise UsageError(
            f"{pledge}: no measure has a 'reference' the 903 files give; use one of "
            + ", ".join(BY_REFERENCE)
        )
    if definition is not None and pledge is not None:
        figures, more = calibrated(figures, definition, Path(pledge))
        findings += more
    return RecordsSheet(
        figures=figures,
        findings=[*read.findings, *findings],
        files=read.files,
        unreadable=read.unreadable,
        options={k: v for k, v in asdict(base).items() if k != "population_under_18"},
        council=definition.council if definition is not None else None,
    )


def _population(given: int | Path | str | None) -> dict[int | None, int] | None:
    """``--population``: a number of children under 18, or a CSV of them by year."""
    if given is None:
        return None
    if isinstance(given, int):
        if given <= 0:
            raise UsageError("--population must be a positive number of children under 18")
        return {None: given}
    text = str(given).replace(",", "").strip()
    if text.isdigit():
        return _population(int(text))
    from pledgekit.read.ssda903.population_file import read_population

    return read_population(Path(given))
