from pathlib import Path

import pytest

from pledgekit.config.pledge import check_definition, find_definition, json_schema, load_definition
from pledgekit.model.errors import DefinitionError
from pledgekit.model.measure_kinds import Polarity
from pledgekit.model.periods import Period

GOOD = """\
council: Test Council
area: E09000999
defaults:
  tolerance: 5
pledges:
  - id: 1
    title: Health
    promises: [We will keep you healthy.]
    measures:
      - id: "1.1"
        title: Health assessments
        unit: percent
        polarity: higher
        target: {"2019-20": 85, "2020-21": 90}
        tolerance: "10%"
      - id: "1.2"
        title: Caseload
        unit: count
        polarity: band
        target: [12, 18]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pledge.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def codes_and_lines(tmp_path: Path, text: str) -> list[tuple[str, int | None]]:
    definition, findings = check_definition(write(tmp_path, text))
    assert definition is None
    return [(f.code, f.location.line) for f in findings]


def test_loads_targets_per_year_and_relative_tolerance(tmp_path: Path) -> None:
    definition = load_definition(write(tmp_path, GOOD))
    measure = definition.measure("1.1")
    assert measure is not None
    assert measure.target_for(Period(2019, 2)) == 85
    assert measure.target_for(Period(2020)) == 90
    assert measure.target_for(Period(2021, 1)) is None
    assert definition.tolerance_for(measure, 90) == pytest.approx(9)
    band = definition.measure("1.2")
    assert band is not None and band.polarity is Polarity.BAND
    assert band.target_for(Period(2019, 1)) == (12, 18)
    assert definition.pledges[0].id == "1"


def test_unknown_key_names_line_column_and_suggestion(tmp_path: Path) -> None:
    text = GOOD.replace('        tolerance: "10%"', '        tolerence: "10%"')
    definition, findings = check_definition(write(tmp_path, text))
    assert definition is None
    [problem] = findings
    assert problem.code == "unknown-key"
    assert (problem.location.line, problem.location.col) == (15, 9)
    assert "did you mean 'tolerance'" in problem.message


def test_wrong_type_and_bad_enum_are_located(tmp_path: Path) -> None:
    text = GOOD.replace("polarity: higher", "polarity: hgher").replace(
        "tolerance: 5", "tolerance: lots"
    )
    found = codes_and_lines(tmp_path, text)
    assert sorted(found) == [("bad-definition", 4), ("bad-definition", 13)]


def test_numeric_measure_id_must_be_quoted(tmp_path: Path) -> None:
    text = GOOD.replace('- id: "1.2"', "- id: 2.10")
    definition, findings = check_definition(write(tmp_path, text))
    assert definition is None
    assert "quotes" in findings[0].message and findings[0].location.line == 16


def test_duplicate_measure_ids(tmp_path: Path) -> None:
    text = GOOD.replace('- id: "1.2"', '- id: "1.1"')
    found = codes_and_lines(tmp_path, text)
    assert found == [("duplicate-measure-id", 16)]


def test_yaml_syntax_error_is_a_finding_with_line(tmp_path: Path) -> None:
    found = codes_and_lines(tmp_path, GOOD.replace("title: Health\n", "title: [Health\n"))
    assert found[0][0] == "bad-yaml" and found[0][1] is not None


def test_duplicate_yaml_key_is_reported(tmp_path: Path) -> None:
    found = codes_and_lines(tmp_path, GOOD.replace("area: E09000999", "council: Again"))
    assert found == [("bad-yaml", 2)]


def test_band_needs_band_target(tmp_path: Path) -> None:
    found = codes_and_lines(tmp_path, GOOD.replace("target: [12, 18]", "target: 12"))
    assert found[0][0] == "bad-definition"


def test_empty_file(tmp_path: Path) -> None:
    assert codes_and_lines(tmp_path, "") == [("bad-definition", 1)]


def test_load_definition_raises_one_message_with_every_problem(tmp_path: Path) -> None:
    text = GOOD.replace("polarity: higher", "polarity: up").replace("unit: count", "unit: kg")
    with pytest.raises(DefinitionError) as info:
        load_definition(write(tmp_path, text))
    message = str(info.value)
    assert "2 problems" in message and "line 13" in message and "line 18" in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DefinitionError, match="not found"):
        load_definition(tmp_path / "nope.yaml")


def test_find_definition_beside_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "data"
    folder.mkdir()
    with pytest.raises(DefinitionError, match="--pledge"):
        find_definition(None, [folder / "q1.xlsx"])
    (folder / "pledge.yaml").write_text(GOOD)
    assert find_definition(None, [folder / "q1.xlsx"]) == folder / "pledge.yaml"


def test_schema_is_generated_from_models() -> None:
    schema = json_schema()
    assert schema["additionalProperties"] is False
    assert "pledges" in schema["required"]
    measure = schema["$defs"]["Measure"]
    assert set(measure["properties"]["polarity"]["$ref"].split("/")[-1:]) == {"Polarity"}


def test_impossible_date_is_a_located_yaml_problem(tmp_path: Path) -> None:
    found = codes_and_lines(tmp_path, GOOD.replace("council: Test Council", "council: 2026-13-45"))
    assert found == [("bad-yaml", 1)]
    _, findings = check_definition(tmp_path / "pledge.yaml")
    assert "looks like a date but is not one" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        GOOD,
        GOOD.replace("title: Health\n", "title: [Health\n"),
        GOOD.replace("area: E09000999", "council: Again"),
        GOOD.replace("council: Test Council", "council: 2026-13-45"),
        GOOD.replace("  tolerance: 5", "  tolerance: 5\n tab:\tbad"),
    ],
)
def test_libyaml_and_pure_python_loaders_give_the_same_data_lines_and_errors(
    tmp_path: Path, text: str
) -> None:
    import yaml

    from pledgekit.config import yamlsource

    path = write(tmp_path, text)
    results = []
    for loader in {yamlsource._FAST_LOADER, yaml.SafeLoader}:
        try:
            results.append(("ok", yamlsource._load(text, loader)))
        except yamlsource.YamlProblem as problem:
            results.append(("problem", (problem.line, problem.col)))
    assert all(kind == results[0][0] for kind, _ in results)
    if results[0][0] == "ok":
        assert all(found == results[0][1] for _, found in results)
        assert yamlsource.load_yaml(path) == results[0][1]
    else:
        # The message is the pure-Python parser's, whichever loader found the problem first.
        with pytest.raises(yamlsource.YamlProblem) as raised:
            yamlsource.load_yaml(path)
        with pytest.raises(yamlsource.YamlProblem) as reference:
            yamlsource._load(text, yaml.SafeLoader)
        assert raised.value.message == reference.value.message
        assert (raised.value.line, raised.value.col) == (reference.value.line, reference.value.col)
        assert raised.value.line is not None
