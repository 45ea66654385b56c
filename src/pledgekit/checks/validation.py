"""``validate``: the definition and every workbook checked, all findings collected into a report.

Settings come from the ``validation:`` section of pledge.yaml; arguments given here (the CLI's
flags) replace them one by one: ``select`` replaces the file's list rather than adding to it, and
so does ``ignore``, so a command line always says exactly what runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from pledgekit.checks.base import CHECK_CODES, check_code, run_checks
from pledgekit.checks.report import ValidationReport
from pledgekit.definition import (
    BAD_DEFINITION,
    Definition,
    ValidationSettings,
    check_definition,
    find_definition,
)
from pledgekit.errors import InputError, UsageError
from pledgekit.findings import Finding, Severity, catalogue, finding
from pledgekit.location import Location
from pledgekit.observations import Dataset

UNREADABLE_FILE = check_code(
    "unreadable-file",
    Severity.ERROR,
    "A file that cannot be read at all: missing, not a spreadsheet, or damaged (exit code 2).",
)

_YAML = (".yaml", ".yml")


def known_codes() -> list[str]:
    """Every finding code pledgekit can report, sorted."""
    return [info.code for info in catalogue()]


def parse_codes(values: Iterable[str] | None) -> list[str] | None:
    """Codes from repeated and comma-separated options (``--select a,b --select c``)."""
    if values is None:
        return None
    codes = [part.strip() for value in values for part in value.split(",")]
    return [code for code in codes if code]


def check_codes(codes: Iterable[str], option: str) -> None:
    """Raise :class:`UsageError` naming the valid codes when any of ``codes`` is unknown."""
    valid = known_codes()
    unknown = [code for code in codes if code not in valid]
    if unknown:
        raise UsageError(
            f"{option}: unknown finding code{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(unknown)}; valid codes: {', '.join(valid)}"
        )


def _settings_findings(pledge: Path, settings: ValidationSettings) -> list[Finding]:
    """Unknown codes in pledge.yaml's ``validation:`` section, located at their key."""
    from pledgekit.yamlsource import load_yaml, position_of

    valid = set(known_codes())
    problems: list[Finding] = []
    for key, codes in (("select", settings.select or []), ("ignore", settings.ignore)):
        unknown = [code for code in codes if code not in valid]
        if not unknown:
            continue
        _, positions = load_yaml(pledge)
        line, col = position_of(positions, ("validation", key))
        problems.append(
            finding(
                BAD_DEFINITION,
                f"validation.{key}: unknown finding code(s) {', '.join(unknown)}",
                Location(str(pledge), line=line, col=col),
                found=", ".join(unknown),
                expected="codes listed in docs/findings.md",
            )
        )
    return problems


def _read(workbooks: Sequence[Path], definition: Definition | None) -> tuple[Dataset, list[str]]:
    """Read each workbook on its own, so one unreadable file does not hide the others' findings."""
    from pledgekit.ingest import read_workbooks

    dataset = Dataset()
    unreadable: list[str] = []
    for path in workbooks:
        try:
            dataset.extend(read_workbooks([path], definition=definition))
        except InputError as exc:
            unreadable.append(str(path))
            dataset.findings.append(
                finding(UNREADABLE_FILE, str(exc), Location(str(path)), found=path.name)
            )
    return dataset, unreadable


def _column_key(column: str | None) -> tuple[int, str]:
    return (len(column), column) if column else (0, "")


def _sorted(findings: Iterable[Finding], order: Sequence[str]) -> list[Finding]:
    rank = {name: i for i, name in enumerate(order)}

    def key(f: Finding) -> tuple[object, ...]:
        loc = f.location
        return (
            rank.get(loc.file, len(rank)),
            loc.file,
            loc.sheet or "",
            loc.row or loc.line or 0,
            _column_key(loc.column),
            loc.col or 0,
            f.code,
            f.measure or "",
            f.message,
        )

    return sorted(findings, key=key)


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    """Drop repeats: ingest and a check may both report the same cell under the same code."""
    seen: set[tuple[object, ...]] = set()
    kept: list[Finding] = []
    for f in findings:
        loc = f.location
        key: tuple[object, ...] = (f.code, loc.file, loc.sheet, loc.row, loc.column)
        if loc.a1 is None:
            key = (*key, loc.line, loc.col, f.measure, f.message)
        if key not in seen:
            seen.add(key)
            kept.append(f)
    return kept


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
    paths = [Path(f) for f in files]
    yamls = [p for p in paths if p.suffix.lower() in _YAML]
    workbooks = [p for p in paths if p.suffix.lower() not in _YAML]
    if yamls and (pledge is not None or len(yamls) > 1):
        raise UsageError("give one pledge definition, either as --pledge or among the files")
    explicit = Path(pledge) if pledge is not None else (yamls[0] if yamls else None)
    if not workbooks and explicit is None:
        raise UsageError("give at least one workbook, or a pledge definition to check")
    for option, codes in (("--select", select), ("--ignore", ignore)):
        check_codes(codes or [], option)

    pledge_path = find_definition(explicit, workbooks)
    definition, definition_findings = check_definition(pledge_path)
    settings = definition.validation if definition else ValidationSettings()
    if definition is not None:
        definition_findings += _settings_findings(pledge_path, settings)
    chosen = select if select is not None else settings.select
    ignored = set(ignore if ignore is not None else settings.ignore)
    strict = settings.strict if strict is None else strict
    limit = settings.max_findings if max_findings is None else max_findings

    dataset, unreadable = _read(workbooks, definition)
    found = _unique([*dataset.findings, *run_checks(definition, dataset)])

    def runs(code: str) -> bool:
        return (chosen is None or code in chosen) and code not in ignored

    def wanted(f: Finding) -> bool:
        return runs(f.code)

    # A definition that did not load is reported whatever the filters say (see the docstring).
    kept = definition_findings if definition is None else list(filter(wanted, definition_findings))
    kept += [f for f in found if wanted(f) or f.code == UNREADABLE_FILE]
    order = [str(pledge_path), *(str(p) for p in workbooks)]
    return ValidationReport.build(
        _sorted(kept, order),
        files=[str(p) for p in workbooks],
        pledge=str(pledge_path),
        strict=strict,
        max_findings=limit,
        unreadable=unreadable,
        checked=sorted(code for code in CHECK_CODES if runs(code)),
        definition_loaded=definition is not None,
    )
