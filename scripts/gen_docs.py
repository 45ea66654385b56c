"""Regenerate the docs that come from code: CLI reference, finding codes, pledge.yaml schema,
the measures computed from 903 files.

python scripts/gen_docs.py          # rewrite the files under docs/ that come from code
python scripts/gen_docs.py --check  # exit 1 if any is out of date (run by the tests)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _command_paths(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and sub-command below ``command``, as argument paths."""
    found: list[tuple[str, ...]] = [path]
    for name in sorted(getattr(command, "commands", {}) or {}):
        found += _command_paths(command.commands[name], (*path, name))
    return found


def cli_reference() -> str:
    """Markdown with the --help text of every command, as a user sees it at 100 columns."""
    from typer.testing import CliRunner

    from pledgekit.cli import app

    runner = CliRunner()
    parts = [
        "# Command-line reference",
        "",
        "Generated from `--help` by `python scripts/gen_docs.py`; do not edit by hand.",
        "",
    ]
    for path in _command_paths(typer.main.get_command(app)):
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1"})
        if result.exit_code != 0:
            raise RuntimeError(f"pledgekit {' '.join(path)} --help failed: {result.output}")
        title = " ".join(("pledgekit", *path))
        parts += [f"## `{title}`", "", "```text", result.stdout.rstrip(), "```", ""]
    return "\n".join(parts)


def findings_catalogue() -> str:
    """Markdown catalogue of every finding code, from :mod:`pledgekit.model.codes`."""
    from pledgekit.model.codes import CATALOGUE

    lines = [
        "# Finding codes",
        "",
        "Every problem `pledgekit validate` (and the other commands) can report. Codes are stable:",
        "use them with `--select` / `--ignore` and in `validation:` settings in pledge.yaml.",
        "Generated from `src/pledgekit/model/codes.py` by `python scripts/gen_docs.py`; do not",
        "edit by hand.",
        "",
        "| code | severity | title |",
        "|---|---|---|",
    ]
    for info in CATALOGUE:
        lines.append(f"| [`{info.code}`](#{info.code}) | {info.severity.value} | {info.title} |")
    for info in CATALOGUE:
        lines += [
            "",
            f"## {info.code}",
            "",
            f"**{info.severity.value}**: {info.title}",
            "",
            info.meaning,
            "",
            "Example:",
            "",
            "```text",
            info.example,
            "```",
        ]
    return "\n".join(lines) + "\n"


def schema() -> str:
    """The JSON Schema of pledge.yaml."""
    from pledgekit.config.pledge import json_schema

    return json.dumps(json_schema(), indent=2) + "\n"


def ssda903_measures() -> str:
    """Markdown table of the measures computed from 903 files, from their functions' docstrings."""
    import inspect
    import re

    from pledgekit.records import history
    from pledgekit.records.catalogue import MEASURES
    from pledgekit.records.frames import CountingOptions

    def plain(text: str) -> str:  # reStructuredText roles and literals as Markdown code
        return re.sub(r":\w+:`~?", "`", text).replace("``", "`")

    def cell(text: str) -> str:
        return plain(" ".join(text.split())).replace("|", "\\|")

    lines = [
        "# Measures computed from SSDA903 files",
        "",
        "The DfE headline measures `pledgekit ssda903` computes from a council's own 903 files, by",
        "reference-pack id, with DfE's counting rules as implemented. Generated from the measure",
        "functions' docstrings in `src/pledgekit/records/` by `python scripts/gen_docs.py`; do not",
        "edit by hand. Years run 1 April to 31 March; ages are at 31 March unless a rule says",
        "otherwise; episodes with legal status V3 or V4 (agreed series of short breaks) are left",
        "out everywhere, so a child whose only episodes are short breaks counts in nothing.",
        "",
        "| measure | rule | cohort | exclusions | source | needs |",
        "|---|---|---|---|---|---|",
    ]
    for m in MEASURES:
        needs = ", ".join(sorted(m.tables))
        if m.history_years:
            needs += f"; {m.history_years} earlier year(s) of Episodes"
        lines.append(
            f"| `{m.reference}` ({m.unit}): {cell(m.title)} | {cell(m.rule)} | {cell(m.cohort)} "
            f"| {cell(m.exclusions)} | {cell(m.source)} | {needs} |"
        )
    notes = inspect.cleandoc(CountingOptions.__doc__ or "")
    options = re.findall(r"^- ``(\w+)``: (.*?)(?=^- ``|\Z)", notes, flags=re.MULTILINE | re.DOTALL)
    defaults = CountingOptions()
    lines += [
        "",
        "## Counting options",
        "",
        "Where DfE's rule is open, an option with a documented default, never a silent guess.",
        "",
        "| option | default | meaning |",
        "|---|---|---|",
    ]
    for name, meaning in options:
        lines.append(f"| `{name}` | `{getattr(defaults, name)!r}` | {cell(meaning)} |")
    lines += ["", "## Several years' files", "", plain(inspect.cleandoc(history.__doc__ or ""))]
    return "\n".join(lines) + "\n"


def outputs() -> dict[Path, str]:
    """Each generated file and its current content."""
    return {
        DOCS / "cli.md": cli_reference(),
        DOCS / "findings.md": findings_catalogue(),
        DOCS / "pledge.schema.json": schema(),
        DOCS / "ssda903.md": ssda903_measures(),
    }


def main(argv: list[str]) -> int:
    stale = []
    for path, text in outputs().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path)
            if "--check" not in argv:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if stale and "--check" in argv:
        names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
        print(f"out of date: {names}; run python scripts/gen_docs.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
