"""meeting.yaml: typed, every key optional, typos and wrong types located by line and column."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from pledgekit.config.meeting import check_meeting, load_meeting
from pledgekit.model.errors import DefinitionError
from pledgekit.render.resources import sample_data_dir

from .report_fixtures import MEETING


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "meeting.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_complete_meeting_loads_with_locations(tmp_path: Path) -> None:
    meeting = load_meeting(write(tmp_path, MEETING))
    assert meeting.date == datetime.date(2026, 11, 12)
    assert meeting.version == "1.0"
    assert meeting.wards_affected == ["All wards"]  # a single ward is a list of one
    assert meeting.author is not None and meeting.author.email == "performance@example.gov.uk"
    assert meeting.implications.legal is not None
    assert meeting.implications.legal.verified_by == "Lee Law, Senior Solicitor"
    where = meeting.location("narratives", "1")
    assert where.file.endswith("meeting.yaml") and (where.line, where.col) == (19, 3)


def test_sample_meeting_is_valid() -> None:
    meeting = load_meeting(sample_data_dir() / "meeting.yaml")
    assert meeting.title and meeting.recommendations and meeting.narratives


def test_every_key_is_optional(tmp_path: Path) -> None:
    meeting = load_meeting(write(tmp_path, "title: Draft\n"))
    assert meeting.purpose is None and meeting.recommendations == []


def test_pledge_ids_written_as_numbers_are_text(tmp_path: Path) -> None:
    meeting = load_meeting(write(tmp_path, "narratives:\n  1: Health\n  2.5: Other\n"))
    assert meeting.narratives == {"1": "Health", "2.5": "Other"}


def test_every_text_field_yaml_reads_as_a_number_is_taken_as_written(tmp_path: Path) -> None:
    text = (
        "version: 2\nchildren_in_care_measure: 1.4\nauthor:\n  name: A\n  phone: 1632960000\n"
        "implications:\n  legal:\n    text: none\n    contact: 1632960001\n"
        "actions:\n  - id: 3\n    pledge: 2\n    action: Recruit carers\n"
    )
    meeting = load_meeting(write(tmp_path, text))
    assert (meeting.version, meeting.children_in_care_measure) == ("2", "1.4")
    assert meeting.author is not None and meeting.author.phone == "1632960000"
    assert meeting.implications.legal is not None
    assert meeting.implications.legal.contact == "1632960001"
    assert (meeting.actions[0].id, meeting.actions[0].pledge) == ("3", "2")


def test_a_text_field_given_a_list_is_a_located_error(tmp_path: Path) -> None:
    meeting, findings = check_meeting(write(tmp_path, "title: T\nversion: [1]\n"))
    assert meeting is None
    [problem] = findings
    assert problem.location.line == 2 and "version" in problem.message


def test_unknown_key_is_located_with_a_suggestion(tmp_path: Path) -> None:
    text = "title: T\nimplications:\n  legal:\n    text: none\n    verfied_by: Lee Law\n"
    meeting, findings = check_meeting(write(tmp_path, text))
    assert meeting is None
    [problem] = findings
    assert problem.code == "unknown-key"
    assert (problem.location.line, problem.location.col) == (5, 5)
    assert "did you mean 'verified_by'?" in problem.message


def test_wrong_types_are_all_reported(tmp_path: Path) -> None:
    text = "date: next Tuesday\nkey_decision: perhaps\nrecommendations: Note it\n"
    with pytest.raises(DefinitionError) as caught:
        load_meeting(write(tmp_path, text))
    message = str(caught.value)
    assert "the meeting file has 3 problems" in message
    assert "line 1, column 1: date:" in message
    assert "line 2, column 1: key_decision:" in message
    assert "line 3, column 1: recommendations:" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", "found an empty file"), ("- a list\n", "found list"), ("key: [unclosed\n", "YAML")],
)
def test_unusable_files_are_errors(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(DefinitionError, match=expected):
        load_meeting(write(tmp_path, text))


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DefinitionError, match="file not found"):
        load_meeting(tmp_path / "nope.yaml")


def test_the_house_format_parts_load(tmp_path: Path) -> None:
    text = """\
introduction: Background.
actions:
  - {id: A1, action: Extra clinics, pledge: 1, measures: 1.4, milestone: 2026-12-31}
voice_of_children:
  items:
    - {date: 2026-07-15, you_said: More say., we_did: Children chair part of their review.}
inspection:
  framework: ILACS
  judgements: {overall_effectiveness: Good, care_leavers: Requires improvement to be good}
  recommendations:
    - Timeliness of health assessments.
    - {text: Return home interviews., actions: A1}
implications:
  risk: {text: On the register., verified_by: Rita Risk, contact: 01632 960123}
appendices:
  - Survey results
  - {title: Strategy, where: Online}
"""
    meeting = load_meeting(write(tmp_path, text))
    [action] = meeting.actions
    assert (action.pledge, action.measures) == ("1", ["1.4"])  # numbers taken as ids
    assert action.milestone == datetime.date(2026, 12, 31)
    assert meeting.inspection is not None
    grades = meeting.inspection.judgements
    assert grades.care_leavers is not None and grades.care_leavers.value.startswith("Requires")
    assert [r.actions for r in meeting.inspection.recommendations] == [[], ["A1"]]
    assert meeting.implications.risk is not None
    assert meeting.implications.risk.contact == "01632 960123"
    assert [(a.title, a.where) for a in meeting.appendices] == [
        ("Survey results", None),
        ("Strategy", "Online"),
    ]


def test_a_grade_off_the_four_point_scale_is_located(tmp_path: Path) -> None:
    text = "inspection:\n  judgements:\n    children_in_care: Fine\n"
    with pytest.raises(DefinitionError) as caught:
        load_meeting(write(tmp_path, text))
    message = str(caught.value)
    assert "line 3, column 5" in message and "Requires improvement to be good" in message


def test_an_action_needs_its_action(tmp_path: Path) -> None:
    with pytest.raises(DefinitionError, match=r"line 2, column 5: .*action"):
        load_meeting(write(tmp_path, "actions:\n  - lead: Someone\n"))
