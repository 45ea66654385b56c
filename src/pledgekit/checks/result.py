"""The result of ``pledgekit validate``: every finding, the counts, and whether it passed.

The JSON shape (``pledgekit.validation/1``, see docs/validate.md) is what ``--format json`` prints
and what :meth:`ValidationReport.to_dict` returns, so CI scripts and Python callers see the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pledgekit.model.findings import Finding, Severity

if TYPE_CHECKING:
    import pandas as pd

SCHEMA = "pledgekit.validation/1"
FRAME_COLUMNS = (
    "code",
    "severity",
    "message",
    "measure",
    "found",
    "expected",
    "file",
    "sheet",
    "cell",
    "row",
    "column",
    "line",
)


@dataclass(frozen=True, slots=True)
class CodeCount:
    """How many findings one code produced at one severity (the summary sheet's rows)."""

    code: str
    severity: Severity
    count: int


@dataclass(frozen=True)
class ValidationReport:
    """Everything ``validate`` found.

    ``findings`` are sorted by file (the definition first, then workbooks in the order given),
    sheet, row, column and code, and cut to ``max_findings`` if one was set; ``omitted`` says how
    many were cut. ``counts`` and ``by_code`` always count every finding, shown or not.
    ``unreadable`` lists files that could not be read at all (exit code 2). ``checked`` lists the
    checks' codes that were looked for, after --select and --ignore (problems met while reading
    a file or the definition are always looked for, and only listed when found).
    ``definition_loaded`` is False when the definition had problems: the checks that need it
    were skipped.
    """

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    counts: dict[Severity, int]
    by_code: tuple[CodeCount, ...] = ()
    pledge: str | None = None
    strict: bool = False
    omitted: int = 0
    unreadable: tuple[str, ...] = ()
    checked: tuple[str, ...] = field(default_factory=tuple)
    definition_loaded: bool = True

    @classmethod
    def build(
        cls,
        findings: Iterable[Finding],
        *,
        files: Iterable[str],
        pledge: str | None = None,
        strict: bool = False,
        max_findings: int | None = None,
        unreadable: Iterable[str] = (),
        checked: Iterable[str] = (),
        definition_loaded: bool = True,
    ) -> ValidationReport:
        """A report from already sorted findings, counting them before any are cut."""
        every = list(findings)
        severities = Counter(f.severity for f in every)
        tally = Counter((f.code, f.severity) for f in every)
        shown = every if max_findings is None else every[:max_findings]
        return cls(
            findings=tuple(shown),
            files=tuple(files),
            counts={s: severities.get(s, 0) for s in Severity},
            by_code=tuple(
                CodeCount(code, severity, n) for (code, severity), n in sorted(tally.items())
            ),
            pledge=pledge,
            strict=strict,
            omitted=len(every) - len(shown),
            unreadable=tuple(unreadable),
            checked=tuple(checked),
            definition_loaded=definition_loaded,
        )

    @property
    def total(self) -> int:
        """Number of findings, including any cut by ``max_findings``."""
        return sum(self.counts.values())

    def passed(self, strict: bool | None = None) -> bool:
        """True when there are no errors (nor warnings, when strict) and every file was read.

        ``strict`` defaults to the report's own setting.
        """
        strict = self.strict if strict is None else strict
        if self.unreadable or self.counts[Severity.ERROR]:
            return False
        return not (strict and self.counts[Severity.WARNING])

    def exit_code(self, strict: bool | None = None) -> int:
        """0 passed, 1 failed on findings, 2 some input could not be read."""
        if self.unreadable:
            return 2
        return 0 if self.passed(strict) else 1

    def summary(self) -> str:
        """One line: ``2 errors, 1 warning, 0 info in 3 files: failed``."""
        parts = [
            _plural(self.counts[Severity.ERROR], "error"),
            _plural(self.counts[Severity.WARNING], "warning"),
            f"{self.counts[Severity.INFO]} info",
        ]
        files = len(self.files) + (1 if self.pledge else 0)
        verdict = "passed" if self.passed() else "failed"
        strict = " (strict)" if self.strict else ""
        return f"{', '.join(parts)} in {_plural(files, 'file')}: {verdict}{strict}"

    def to_frame(self) -> pd.DataFrame:
        """One row per finding shown, as a pandas DataFrame for analysts working in notebooks.

        Columns: code, severity, message, measure, found, expected, file, sheet, cell, row,
        column, line.
        """
        import pandas as pd

        frame: pd.DataFrame = pd.DataFrame(
            [
                {
                    "code": f.code,
                    "severity": f.severity.value,
                    "message": f.message,
                    "measure": f.measure,
                    "found": f.found,
                    "expected": f.expected,
                    "file": f.location.file,
                    "sheet": f.location.sheet,
                    "cell": f.location.a1,
                    "row": f.location.row,
                    "column": f.location.column,
                    "line": f.location.line,
                }
                for f in self.findings
            ],
            columns=list(FRAME_COLUMNS),
        )
        return frame

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape ``pledgekit.validation/1``."""
        return {
            "schema": SCHEMA,
            "passed": self.passed(),
            "strict": self.strict,
            "pledge": self.pledge,
            "definition_loaded": self.definition_loaded,
            "files": list(self.files),
            "unreadable": list(self.unreadable),
            "counts": {s.value: n for s, n in self.counts.items()},
            "total": self.total,
            "omitted": self.omitted,
            "by_code": [
                {"code": c.code, "severity": c.severity.value, "count": c.count}
                for c in self.by_code
            ],
            "checked": list(self.checked),
            "findings": [f.to_dict() for f in self.findings],
        }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
