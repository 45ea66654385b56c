"""docs/architecture.md's "Where a change goes": every answer names files that exist, three at most.

Each answer is a bold "Add ..." line followed by a numbered list whose items start with the file
to touch; a name in angle brackets (``checks/<theme>.py``) stands for any file matching there.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ("input format", "check", "output format", "RAG rule", "report section")


def _answers() -> dict[str, list[str]]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## Where a change goes", 1)[1].split("\n## ", 1)[0]
    answers: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in section.splitlines():
        heading = re.match(r"\*\*Add an? (.+?)\*\*", line)
        if heading:
            current = answers.setdefault(heading.group(1), [])
            continue
        item = re.match(r"\d+\. `([^`]+)`", line)
        if item and current is not None:
            current.append(item.group(1))
    return answers


def test_every_question_is_answered_in_three_files_at_most() -> None:
    answers = _answers()
    assert sorted(answers) == sorted(QUESTIONS)
    for question, files in answers.items():
        assert 1 <= len(files) <= 3, (question, files)


def test_every_file_named_exists() -> None:
    for question, files in _answers().items():
        for name in files:
            pattern = re.sub(r"<[^>]+>", "*", name)
            found = list(ROOT.glob(pattern)) if "*" in pattern else [ROOT / pattern]
            assert any(path.is_file() for path in found), (question, name)
