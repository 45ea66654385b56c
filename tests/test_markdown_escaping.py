"""User text cannot restructure the Markdown paper: pandoc finds every section (#19 item 12).

A ``~~~`` line in a narrative opened a code fence that swallowed the rest of the paper, and
"250. children were seen late" was published as "1. children ...". Every kind of Markdown a
person might type (fences, list numbers, bullets, headings, tables, rules, quotes, raw HTML) is
put into the meeting prose and pledge.yaml titles, and the paper pandoc reads back must have
the same sections as a clean one, with the words as written.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pledgekit.cli import app
from pledgekit.model.prose import parse_blocks
from pledgekit.render.md_escape import md_cell, md_text
from pledgekit.render.resources import sample_data_dir

runner = CliRunner()
HOSTILE = [
    "~~~",
    "```python",
    "250. children were seen late",
    "3) three",
    "# Not a heading",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "<script>alert(1)</script>",
    "<!-- hidden",
    "Title underlined\n===",
    "Rule below\n---",
    "> a quote",
    "- a bullet",
    "+ plus",
    "    indented code",
]
TEXT = "\n\n".join(HOSTILE) + "\n"

pandoc = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(pandoc is None, reason="pandoc is not installed")


def _report(folder: Path) -> str:
    result = runner.invoke(
        app, ["report", "2026-27-Q2.xlsx", "-m", "meeting.yaml", "--format", "md"]
    )
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def _pandoc(markdown: str, to: str) -> str:
    assert pandoc is not None
    done = subprocess.run(
        [pandoc, "-f", "gfm", "-t", to],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout


def _headers(ast: dict[str, Any]) -> list[str]:
    def words(inlines: list[dict[str, Any]]) -> str:
        return "".join(
            i["c"] if i["t"] == "Str" else " " if i["t"] == "Space" else "" for i in inlines
        )

    return [words(b["c"][2]) for b in ast["blocks"] if b["t"] == "Header"]


def _kinds(ast: dict[str, Any]) -> set[str]:
    return {b["t"] for b in ast["blocks"]}


@needs_pandoc
def test_every_section_survives_hostile_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(sample_data_dir(), tmp_path / "s")
    folder = tmp_path / "s"
    monkeypatch.chdir(folder)
    clean = json.loads(_pandoc(_report(folder), "json"))
    meeting = yaml.safe_load((folder / "meeting.yaml").read_text(encoding="utf-8"))
    for key in ("purpose", "introduction", "conclusion"):
        meeting[key] = TEXT
    meeting["recommendations"] = HOSTILE
    meeting["narratives"] = dict.fromkeys(meeting["narratives"], TEXT)
    (folder / "meeting.yaml").write_text(yaml.safe_dump(meeting), encoding="utf-8")
    pledge = (folder / "pledge.yaml").read_text(encoding="utf-8")
    pledge = pledge.replace("title: Being healthy", "title: '~~~ 250. <b>healthy</b> | #'", 1)
    (folder / "pledge.yaml").write_text(pledge, encoding="utf-8")
    markdown = _report(folder)
    hostile = json.loads(_pandoc(markdown, "json"))
    assert len(_headers(hostile)) == len(_headers(clean))
    # No code block, raw HTML or rule came from the text: only what the clean paper has.
    assert _kinds(hostile) <= _kinds(clean) | {"Para", "BulletList", "OrderedList"}
    assert "RawBlock" not in json.dumps(hostile) or "RawBlock" in json.dumps(clean)
    assert '"RawInline"' not in json.dumps(hostile) or '"RawInline"' in json.dumps(clean)
    plain = _pandoc(markdown, "plain")
    for words in ("250. children were seen late", "~~~", "```python", "<script>", "3) three"):
        assert words in " ".join(plain.split()), words
    assert "1. children were seen late" not in plain


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="~`#|<>-=+*_.)0123456789 \nab", max_size=30))
def test_escaped_text_never_starts_a_block(text: str) -> None:
    for line in md_text(text).splitlines():
        stripped = line.lstrip()
        assert not stripped.startswith(("~~~", "```", "#", "<", ">", "|", "- ", "+ "))
        assert (stripped.rstrip() not in {"-", "+", "="} and not set(stripped) <= {"-", "="}) or (
            not stripped or stripped.startswith("\\")
        )
    assert "\n" not in md_cell(text)


def test_a_numbered_sentence_keeps_its_number() -> None:
    (block,) = parse_blocks("250. children were seen late")
    assert block.kind == "paragraph"
    assert block.items[0][0].text == "250. children were seen late"
    assert parse_blocks("1. first\n2. second")[0].kind == "number"
