"""Regenerate the docs that come from code: CLI reference, finding codes, pledge.yaml schema.

python scripts/gen_docs.py          # rewrite docs/cli.md, docs/findings.md, docs/pledge.schema.json
python scripts/gen_docs.py --check  # exit 1 if any is out of date (run by the tests)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import typer

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _commands(group: click.Group, prefix: str) -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name in sorted(group.commands):
        command = group.commands[name]
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found += _commands(command, path)
    return found


def cli_reference() -> str:
    """Markdown with the --help text of every command."""
    from pledgekit.cli import app

    root = typer.main.get_command(app)
    assert isinstance(root, click.Group)
    parts = [
        "# Command-line reference",
        "",
        "Generated from `--help` by `python scripts/gen_docs.py`; do not edit by hand.",
        "",
    ]
    for path, command in [("pledgekit", root), *_commands(root, "pledgekit")]:
        with click.Context(
            command, info_name=path, terminal_width=100, max_content_width=100
        ) as ctx:
            text = command.get_help(ctx)
        parts += [f"## `{path}`", "", "```text", text.rstrip(), "```", ""]
    return "\n".join(parts)


def findings_catalogue() -> str:
    """Markdown table of every finding code."""
    from pledgekit.findings import catalogue

    lines = [
        "# Finding codes",
        "",
        "Every problem `pledgekit validate` (and the other commands) can report. Codes are stable:",
        "use them with `--select` / `--ignore` and in `validation:` settings in pledge.yaml.",
        "Generated from the code by `python scripts/gen_docs.py`; do not edit by hand.",
        "",
        "| code | severity | meaning |",
        "|---|---|---|",
    ]
    for info in catalogue():
        lines.append(f"| `{info.code}` | {info.severity.value} | {info.summary} |")
    return "\n".join(lines) + "\n"


def schema() -> str:
    """The JSON Schema of pledge.yaml."""
    from pledgekit.definition import json_schema

    return json.dumps(json_schema(), indent=2) + "\n"


def outputs() -> dict[Path, str]:
    """Each generated file and its current content."""
    return {
        DOCS / "cli.md": cli_reference(),
        DOCS / "findings.md": findings_catalogue(),
        DOCS / "pledge.schema.json": schema(),
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
