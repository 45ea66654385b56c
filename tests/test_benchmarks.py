"""Benchmarks from DfE's published files: the EES reader, neighbours, rank, significance, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from pledgekit import api
from pledgekit.cli import app
from pledgekit.config.pledge import load_definition
from pledgekit.model.errors import DefinitionError, InputError
from pledgekit.model.measure_kinds import Polarity
from pledgekit.model.status import Position, Significance
from pledgekit.model.values import ValueState
from pledgekit.read.ees import ees_value, parse_year, read_ees
from pledgekit.read.neighbours import read_neighbours
from pledgekit.read.published import load_published
from pledgekit.score.benchmarking import build_benchmarks, rank_of
from pledgekit.score.benchmarks import Rank

from .report_parts import part

GEO = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,old_la_code,la_name,new_la_code"
)
HEADER = GEO + ",cla_group,placement_stability,children_count,children_percent"
NATIONAL = "{y},Reporting year,National,E92000001,England,,,,,"
REGION = "{y},Reporting year,Regional,E92000001,England,E12000001,North East,,,"
OTHER_REGION = "{y},Reporting year,Regional,E92000001,England,E12000002,North West,,,"


def la(year: str, old: str, name: str, region: str = "E12000001") -> str:
    rname = "North East" if region == "E12000001" else "North West"
    return f"{year},Reporting year,Local authority,E92000001,England,{region},{rname},{old},{name},E06000{old}"


THREE = "CLA on 31 March,With 3 or more placements during the year"
TOTAL = "CLA on 31 March,Total children"


def placement_file(year: str = "2025") -> str:
    """A synthetic CLA file: England, two regions, twelve councils (all invented)."""
    rows = [
        f"{NATIONAL.format(y=year)},{TOTAL},81770,100",
        f"{NATIONAL.format(y=year)},{THREE},8180,10",
        f"{REGION.format(y=year)},{TOTAL},5000,100",
        f"{REGION.format(y=year)},{THREE},600,12",
        f"{OTHER_REGION.format(y=year)},{THREE},700,9",
    ]
    # old code, count, total: home is 901 (20 of 100 = 20%); 902 and 903 tie with it.
    councils = [
        ("901", "Home (synthetic)", "20", "100"),
        ("902", "Tie A (synthetic)", "10", "50"),
        ("903", "Tie B (synthetic)", "40", "200"),
        ("904", "Better (synthetic)", "5", "100"),
        ("905", "Worse (synthetic)", "30", "100"),
        ("906", "Suppressed (synthetic)", "c", "40"),
        ("907", "Not available (synthetic)", "x", "x"),
        ("908", "Low (synthetic)", "low", "100"),
        ("909", "Below half (synthetic)", "k", "100"),
        ("910", "Unreliable (synthetic)", "u", "100"),
        ("911", "Not applicable (synthetic)", "z", "z"),
        ("912", "Old mark (synthetic)", "..", ":"),
    ]
    for old, name, count, total in councils:
        percent = (
            str(round(100 * int(count) / int(total)))
            if count.isdigit() and total.isdigit()
            else count
        )
        rows.append(f"{la(year, old, name)},{TOTAL},{total},100")
        rows.append(f"{la(year, old, name)},{THREE},{count},{percent}")
    return "\n".join(rows)


def write_files(tmp_path: Path, *, bom: bool = True, years: tuple[str, ...] = ("2025",)) -> Path:
    text = HEADER + "\n" + "\n".join(placement_file(y) for y in years) + "\n"
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "cla.csv").write_text(text, encoding="utf-8-sig" if bom else "utf-8")
    sn_header = "old_la_code,la_name,region_ind,region_name," + ",".join(
        f"SN_{i},SN_{i}P" for i in range(1, 11)
    )
    neighbours = ["902", "903", "904", "905", "906", "907", "908", "909", "910", "999"]
    words = ["Very close"] * 2 + ["Close"] * 5 + ["Somewhat close"] * 3
    sn_row = "901,Home (synthetic),1,North East," + ",".join(
        f"{c},{w}" for c, w in zip(neighbours, words, strict=True)
    )
    (tmp_path / "data" / "sn.csv").write_text(
        sn_header + "\n" + sn_row + "\n", encoding="utf-8-sig"
    )
    return tmp_path


PLEDGE = """council: Home Borough (synthetic)
area: "{area}"
benchmarks:
  neighbours: {neighbours}
  neighbour_average: {average}
pledges:
  - id: "3"
    title: Stability
    measures:
      - id: "3.1"
        title: Three or more placements
        unit: percent
        polarity: lower
        target: 10
        reference: "NI 62"
        published:
          file: data/cla.csv
          where: {{cla_group: "CLA on 31 March", placement_stability: "{filter}"}}
          value: {value}
          numerator: children_count
          denominator_where: {{placement_stability: "Total children"}}
"""


def pledge(
    tmp_path: Path,
    *,
    area: str = "E06000901",
    neighbours: str = "data/sn.csv",
    average: str = "median",
    filter: str = "With 3 or more placements during the year",
    value: str = "children_percent",
) -> Path:
    path = tmp_path / "pledge.yaml"
    path.write_text(
        PLEDGE.format(
            area=area, neighbours=neighbours, average=average, filter=filter, value=value
        ),
        encoding="utf-8",
    )
    return path


# --- the EES reader -----------------------------------------------------------------------


def test_every_symbol_is_a_typed_state_never_a_number() -> None:
    assert ees_value("c").state is ValueState.SUPPRESSED
    assert ees_value("z").state is ValueState.NOT_APPLICABLE
    assert ees_value("x").state is ValueState.NOT_AVAILABLE
    assert ees_value("k").state is ValueState.BELOW_HALF
    assert ees_value("low").state is ValueState.BELOW_HALF
    unreliable = ees_value("u")
    assert unreliable.state is ValueState.NOT_AVAILABLE and unreliable.unreliable
    assert ees_value("..").state is ValueState.NOT_AVAILABLE
    assert ees_value(":").state is ValueState.NOT_AVAILABLE
    assert ees_value("").state is ValueState.MISSING
    assert ees_value("8,180").number == 8180
    assert ees_value("12.5").number == 12.5


def test_both_period_styles() -> None:
    assert parse_year("2025") is not None and parse_year("2025").label == "2025"  # type: ignore[union-attr]
    academic = parse_year("202425")
    assert academic is not None and academic.label == "2024-25" and academic.end == 2025
    assert parse_year("202426") is None and parse_year("Q1") is None
    assert sorted([parse_year("2025"), parse_year("202324"), parse_year("2024")]) == [  # type: ignore[type-var]
        parse_year("202324"),
        parse_year("2024"),
        parse_year("2025"),
    ]


@pytest.mark.parametrize("bom", [True, False])
def test_reader_with_and_without_byte_order_mark(tmp_path: Path, bom: bool) -> None:
    write_files(tmp_path, bom=bom)
    ees = read_ees(tmp_path / "data" / "cla.csv")
    assert ees.header[0] == "time_period"
    assert set(ees.levels) == {"national", "regional", "local authority"}
    assert ees.rows == 5 + 24


def test_a_file_that_is_not_ees_is_named(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("Measure,Value\n1.1,3\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.csv: not an Explore Education Statistics data file"):
        read_ees(tmp_path / "x.csv")


def test_neighbour_table(tmp_path: Path) -> None:
    write_files(tmp_path)
    table = read_neighbours(tmp_path / "data" / "sn.csv")
    found = table.of("901")
    assert found is not None and len(found) == 10
    assert found[0].code == "902" and found[0].closeness == "Very close"
    assert table.of("123") is None


# --- benchmarks --------------------------------------------------------------------------


def _bench(tmp_path: Path, **kw: str):  # type: ignore[no-untyped-def]
    path = pledge(tmp_path, **kw)
    definition = load_definition(path)
    data, findings = load_published(definition, path)
    assert findings == []
    return build_benchmarks(definition, data)


def test_england_region_neighbours_rank_and_quartile(tmp_path: Path) -> None:
    write_files(tmp_path)
    bench = _bench(tmp_path)
    [measure] = bench.measures
    [year] = measure.years
    assert year.year.label == "2025"
    assert year.council.number == 20 and year.numerator.number == 20
    assert year.denominator.number == 100
    assert year.england == 10 and year.region == 12  # its own region, not the other one
    # Ten neighbours listed; 999 is not in the file, 906 (c), 907 (x) and 910 (u) withheld;
    # 908 (low) and 909 (k) are small published values counted as 0.25: 6 contributed
    # (20, 20, 5, 30, 0.25, 0.25): median 12.5.
    assert year.neighbours_total == 10
    assert year.neighbours_contributed == 6
    assert year.neighbours == 12.5
    assert not year.few_neighbours
    # Lower is better: 908 and 909 (below 0.5%) and 904 (5%) come first; 901, 902 and 903
    # share 4th of 7.
    assert year.rank is not None
    assert year.rank.position == 4 and year.rank.ranked == 7
    assert year.rank.suppressed == 1  # 906 (c)
    assert year.rank.unpublished == 4  # x, u, z, ..
    assert dict(year.rank.excluded) == {"c": 1, "x": 2, "u": 1, "z": 1}
    assert year.rank.small == 2
    assert year.rank.quartile == 2
    # 20 of 100 against England's 10%: Wilson 95% is 13.3% to 28.9%, so worse than chance allows.
    assert year.vs_england is Significance.WORSE
    assert year.vs_neighbours is Significance.WORSE
    assert year.not_tested == ""


def test_mean_is_an_option(tmp_path: Path) -> None:
    write_files(tmp_path)
    [measure] = _bench(tmp_path, average="mean").measures
    assert measure.years[0].neighbours == pytest.approx((20 + 20 + 5 + 30 + 0.25 + 0.25) / 6)


def test_ties_share_a_rank() -> None:
    assert rank_of(20, [5, 20, 20, 20, 30], Polarity.LOWER) == 2
    assert rank_of(30, [5, 20, 20, 20, 30], Polarity.LOWER) == 5
    assert rank_of(20, [5, 20, 20, 20, 30], Polarity.HIGHER) == 2
    assert rank_of(5, [5, 20, 20, 20, 30], Polarity.HIGHER) == 5


def test_a_council_whose_own_value_is_suppressed(tmp_path: Path) -> None:
    write_files(tmp_path)
    [measure] = _bench(tmp_path, area="906", neighbours='["902"]').measures  # old code
    [year] = measure.years
    assert year.council.state is ValueState.SUPPRESSED
    assert year.rank is None
    assert year.vs_england is Significance.NOT_TESTED
    assert year.england == 10


def test_a_series_over_years_in_both_period_styles(tmp_path: Path) -> None:
    write_files(tmp_path, years=("202324", "2024", "2025"))
    [measure] = _bench(tmp_path).measures
    assert [y.year.label for y in measure.years] == ["2023-24", "2024", "2025"]


def test_neighbours_as_a_list_of_codes(tmp_path: Path) -> None:
    write_files(tmp_path)
    [measure] = _bench(tmp_path, neighbours='["E06000904", "905"]').measures
    year = measure.years[0]
    assert year.neighbours_total == 2 and year.neighbours_contributed == 2
    assert year.neighbours == pytest.approx(17.5)


# --- problems in the published entries are located findings ----------------------------


def _findings(tmp_path: Path, **kw: str) -> list[str]:
    path = pledge(tmp_path, **kw)
    _, findings = load_published(load_definition(path), path)
    return [f"{f.code}|{f.location.line}|{f.message}" for f in findings]


def test_a_filter_value_that_matches_nothing(tmp_path: Path) -> None:
    write_files(tmp_path)
    [found] = _findings(tmp_path, filter="With 3 or more placement during the year")
    code, line, message = found.split("|")
    assert code == "published-no-match" and line == "18"
    assert "no row has placement_stability 'With 3 or more placement during the year'" in message
    assert "did you mean 'With 3 or more placements during the year'?" in message


def test_a_column_that_does_not_exist(tmp_path: Path) -> None:
    write_files(tmp_path)
    [found] = _findings(tmp_path, value="children_percentage")
    code, line, message = found.split("|")
    assert code == "published-column-missing" and line == "19"
    assert "did you mean 'children_percent'?" in message


def test_a_missing_file_and_an_unknown_council(tmp_path: Path) -> None:
    write_files(tmp_path)
    assert _findings(tmp_path, area="E06000990")[0].startswith("published-area-missing|2|")
    (tmp_path / "data" / "cla.csv").unlink()
    [found] = _findings(tmp_path)
    assert found.startswith("published-file-unreadable|17|")
    assert "file not found" in found


def test_validate_reports_them_and_benchmark_refuses(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = pledge(tmp_path, filter="nonsense")
    report = api.validate([path])
    assert "published-no-match" in {f.code for f in report.findings}
    with pytest.raises(DefinitionError, match="line 18"):
        api.benchmark(pledge=path)
    result = CliRunner().invoke(app, ["benchmark", "--pledge", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# --- the command, the formats, and the scorecard ----------------------------------------


def test_cli_json_equals_the_library(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = pledge(tmp_path)
    result = CliRunner().invoke(app, ["benchmark", "--pledge", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json.loads(json.dumps(api.benchmark(pledge=path).to_dict()))
    data = json.loads(result.stdout)
    assert data["schema"] == "pledgekit.benchmark/1"
    year = data["measures"][0]["years"][0]
    assert year["significance"]["england"]["label"] == "Significantly worse"
    assert year["rank"]["position"] == 4 and year["rank"]["suppressed"] == 1
    assert year["rank"]["excluded"] == {"c": 1, "u": 1, "x": 2, "z": 1}
    assert set(year["intervals"]) == {"95", "99.8"}


@pytest.mark.parametrize("fmt", ["table", "md", "csv"])
def test_text_formats_show_the_comparison(tmp_path: Path, fmt: str) -> None:
    write_files(tmp_path)
    path = pledge(tmp_path)
    result = CliRunner().invoke(app, ["benchmark", "--pledge", str(path), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "Significantly worse" in result.stdout
    if fmt != "csv":
        assert "4 of 7 (1 c, 1 u, 2 x, 1 z)" in result.stdout
        assert "12.5% (6 of 10)" in result.stdout
        assert "rounded to whole numbers" in result.stdout
        assert "Wilson score interval" in result.stdout


def test_xlsx_needs_output_and_writes_rows(tmp_path: Path) -> None:
    import openpyxl

    write_files(tmp_path)
    path = pledge(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["benchmark", "--pledge", str(path), "-f", "xlsx"]).exit_code == 2
    out = tmp_path / "b.xlsx"
    result = runner.invoke(app, ["benchmark", "--pledge", str(path), "-f", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["Benchmarks"]
    assert sheet["A3"].value == "E06000901" and sheet["D3"].value == "3.1"
    assert sheet["G3"].value == 20


def test_published_figures_flow_into_the_scorecard(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = pledge(tmp_path)
    (tmp_path / "q.csv").write_text(
        "Measure,Period,Value,Numerator,Denominator\n3.1,2025-26 Q2,18.0,36,200\n",
        encoding="utf-8",
    )
    card, _ = api.load_scorecard([tmp_path / "q.csv"], pledge=path)
    [row] = card.rows
    england = row.comparisons["england"]
    assert england.comparator == 10 and england.source == "DfE published 2025"
    assert england.significance is Significance.WORSE and england.position is Position.WORSE
    near = row.comparisons["statistical_neighbours"]
    assert (
        near.comparator == 12.5
        and near.source == "DfE published 2025, median of 6 of 10 neighbours"
    )
    # 36 of 200 (18%): Wilson 95% 13.3% to 23.9%, above the median of 12.5%.
    assert near.significance is Significance.WORSE and near.position is Position.WORSE
    assert row.comparisons["region"].comparator == 12


def test_the_reference_pack_gives_england_by_default(tmp_path: Path) -> None:
    path = tmp_path / "pledge.yaml"
    path.write_text(
        "council: X (synthetic)\nreference_pack: dfe-2025\npledges:\n  - id: '1'\n    title: T\n"
        "    measures:\n      - id: '1.1'\n        title: EET\n        polarity: higher\n"
        "        reference: NI 148\n      - id: '1.2'\n        title: Moves\n"
        "        polarity: higher\n        reference: NI 62\n",
        encoding="utf-8",
    )
    definition = load_definition(path)
    first, _ = (m for _, m in definition.measures())
    assert definition.comparators_for(first) == {"england": 54}
    report = api.validate([path])
    [mismatch] = [f for f in report.findings if f.code == "reference-mismatch"]
    assert mismatch.measure == "1.2" and "polarity 'lower'" in mismatch.message


def test_an_unknown_pack_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "pledge.yaml"
    path.write_text(
        "council: X\nreference_pack: dfe-2052\npledges:\n  - id: '1'\n    title: T\n",
        encoding="utf-8",
    )
    with pytest.raises(DefinitionError, match=r"line 2.*did you mean 'dfe-2025'"):
        load_definition(path)


def test_the_shipped_sample_benchmarks() -> None:
    sample = Path(__file__).resolve().parents[1] / "sample_data" / "pledge.yaml"
    bench = api.benchmark(pledge=sample)
    assert [m.measure.id for m in bench.measures] == ["2.7", "3.1", "3.6"]
    latest = bench.measures[1].latest
    assert latest is not None and latest.year.label == "2025"
    assert latest.neighbours_total == 10 and latest.neighbours_contributed == 8
    assert latest.england == 10
    # A rate (polarity none): figures, interval and "higher"/"lower", but no rank.
    rate = bench.measures[2].latest
    assert rate is not None and rate.rank is None and rate.england == 67
    assert rate.intervals and rate.vs_england.label.startswith(("Significantly", "Not"))
    # DfE's real layouts: a 'breakdown' filter and '19 to 21 years'.
    source = bench.measures[0].measure.published
    assert source is not None and "breakdown" in source.where


def test_the_readme_table_is_what_the_sample_gives() -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ pledgekit benchmark --pledge sample_data/pledge.yaml --format md\n")[1]
    shown = shown.split("```")[0]
    rows = [line for line in shown.splitlines() if line.startswith("| 20")]
    assert len(rows) == 3
    from pledgekit.render.benchmark.text_formats import render_markdown

    actual = render_markdown(api.benchmark(pledge=root / "sample_data" / "pledge.yaml"))
    for line in rows:
        assert line in actual.splitlines()


def test_sample_scorecard_and_report_show_significance_with_the_method() -> None:
    root = Path(__file__).resolve().parents[1]
    books = sorted((root / "sample_data").glob("*.xlsx"))
    card, _ = api.load_scorecard(books)
    rows = {r.measure.id: r for r in card.rows}
    placements = rows["3.1"].comparisons
    assert placements["england"].source == "DfE published 2025"
    assert placements["statistical_neighbours"].source == (
        "DfE published 2025, median of 8 of 10 neighbours"
    )
    data = card.to_dict()
    entry = next(r for r in data["rows"] if r["measure"] == "3.1")["comparators"]["england"]
    assert entry["significance"]["label"] in {s.label for s in Significance}
    assert entry["position"] in {"better", "similar", "worse"}
    published = next(r for r in data["rows"] if r["measure"] == "3.1")["published"]
    assert published["year"] == "2025" and published["neighbours"]["contributed"] == 8
    assert published["rank"]["suppressed"] == 2
    assert next(r for r in data["rows"] if r["measure"] == "1.1")["published"] is None
    # 1.1 (an SDQ score) has no numerator and denominator: not tested.
    assert rows["1.1"].comparisons["england"].significance is Significance.NOT_TESTED
    result = CliRunner().invoke(app, ["scorecard", *map(str, books), "--format", "md"])
    assert "| Compared with |" in result.stdout
    assert "Wilson score interval for percentages; for rates the exact Poisson" in result.stdout
    report, _, _ = api.load_report(books, meeting=root / "sample_data" / "meeting.yaml")
    note = part(report, "pledges").comparison_note
    assert part(report, "pledges").has_comparators and "Wilson score interval" in note
    # Each comparator's sources said once: the neighbours' medians of 8 and of 10 neighbours
    # are one source, not two.
    assert note.count("DfE published 2025") == 3  # England, the neighbours, the region
    assert "statistical neighbours, " in note and "the median of 8 to 10 of 10 neighbours" in note


_FIGURES = st.lists(st.integers(0, 100).map(float), min_size=1, max_size=60)


@given(_FIGURES, st.data())
def test_rank_properties(figures: list[float], data: st.DataObject) -> None:
    """1 is best, ties share a rank, order does not matter, higher and lower mirror each other."""
    value = data.draw(st.sampled_from(figures))
    for polarity in (Polarity.HIGHER, Polarity.LOWER):
        position = rank_of(value, figures, polarity)
        assert 1 <= position <= len(figures)
        assert position == rank_of(value, sorted(figures, reverse=True), polarity)
        for other in figures:
            if other == value:
                assert rank_of(other, figures, polarity) == position
    assert rank_of(value, figures, Polarity.HIGHER) == rank_of(
        -value, [-f for f in figures], Polarity.LOWER
    )
    best = max(figures)
    assert rank_of(best, figures, Polarity.HIGHER) == 1


@given(st.integers(1, 200).flatmap(lambda n: st.tuples(st.integers(1, n), st.just(n))))
def test_quartile_bands_follow_rank(pair: tuple[int, int]) -> None:
    position, ranked = pair
    band = Rank(position, ranked, 0, 0).quartile
    assert 1 <= band <= 4
    if position < ranked:
        assert Rank(position + 1, ranked, 0, 0).quartile >= band
    assert Rank(1, ranked, 0, 0).quartile == 1


def test_a_ragged_row_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "\n" + f"{NATIONAL.format(y='2025')},{TOTAL},81770\n", "utf-8")
    with pytest.raises(InputError, match=r"bad\.csv, line 2: 13 values where the header has 14"):
        read_ees(path)
    path.write_text(HEADER + "\n", "utf-8")
    assert read_ees(path).rows == 0


def test_the_reference_pack_holds_dfe_england_figures_for_2025() -> None:
    """England, year to 31 March 2025 (DfE, Children looked after in England 2025)."""
    from pledgekit.config.reference_pack import available_packs, load_pack

    assert "dfe-2025" in available_packs()
    pack = load_pack("dfe-2025")
    expected = {
        "NI 62": (10, "lower"),
        "placements-3plus-2-years": (23, "lower"),
        "NI 63": (69, "higher"),
        "placed-over-20-miles": (22, "lower"),
        "health-assessment": (90, "higher"),
        "immunisations": (84, "higher"),
        "dental-check": (81, "higher"),
        "NI 58": (14.9, "lower"),
        "convicted-or-cautioned": (2, "lower"),
        "NI 148": (54, "higher"),
        "care-leavers-19-21-neet": (40, "lower"),
        "NI 147": (89, "higher"),
        "care-leavers-17-18-suitable-accommodation": (91, "higher"),
        "care-leavers-17-18-eet": (64, "higher"),
        "cla-rate": (67, "none"),
        "cla-number": (81770, "none"),
        "ks4-grade-5-english-maths": (7.9, "higher"),
        "ks2-expected-standard": (35, "higher"),
        "persistent-absence": (20.3, "lower"),
    }
    for reference, (england, polarity) in expected.items():
        found = pack.find(reference)
        assert found is not None, reference
        assert (found.england, found.polarity.value) == (england, polarity), reference
        assert found.definition.strip()
    assert pack.find("ni  62") is pack.find("placements-3plus")
    assert pack.find("NI 66") is None


def test_filters_that_leave_a_breakdown_open_are_an_error(tmp_path: Path) -> None:
    """Without a filter on age_group the figure taken would be one of several: say which."""
    rows = [GEO + ",age_group,children_count,children_percent"]
    for age, percent in (("Total", "20"), ("Under 1", "5"), ("1 to 4", "8")):
        rows.append(f"{la('2025', '901', 'Home (synthetic)')},{age},10,{percent}")
    (tmp_path / "ages.csv").write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    path = tmp_path / "pledge.yaml"
    path.write_text(
        'council: Home (synthetic)\narea: "901"\npledges:\n  - id: "1"\n    title: T\n'
        '    measures:\n      - id: "1.1"\n        title: M\n        polarity: lower\n'
        "        published:\n          file: ages.csv\n          where: {}\n"
        "          value: children_percent\n",
        encoding="utf-8",
    )
    _, findings = load_published(load_definition(path), path)
    [found] = findings
    assert found.code == "published-ambiguous" and found.location.line == 12
    assert "(2 extra rows in all)" in found.message
    assert "add a filter on age_group ('Total', 'Under 1', '1 to 4')" in found.message
    path.write_text(path.read_text().replace("where: {}", "where: {age_group: Total}"))
    data, findings = load_published(load_definition(path), path)
    assert findings == [] and data.series["1.1"].years


def test_a_council_whose_new_code_changed_is_followed_by_its_old_code(tmp_path: Path) -> None:
    write_files(tmp_path, years=("2024", "2025"))
    path = tmp_path / "data" / "cla.csv"
    text = path.read_text(encoding="utf-8-sig")
    text = "\n".join(
        line.replace(",E06000901,", ",E10000901,") if line.startswith("2024,") else line
        for line in text.splitlines()
    )
    path.write_text(text + "\n", encoding="utf-8-sig")
    [measure] = _bench(tmp_path).measures
    assert [y.year.label for y in measure.years] == ["2024", "2025"]


def test_names_from_the_files_are_never_markup_or_formulas(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = tmp_path / "data" / "cla.csv"
    text = path.read_text(encoding="utf-8-sig").replace("Tie A (synthetic)", "[bold]=cmd|x")
    path.write_text(text, encoding="utf-8-sig")
    pledge_path = pledge(tmp_path)
    runner = CliRunner()
    table = runner.invoke(app, ["benchmark", "--pledge", str(pledge_path)])
    assert table.exit_code == 0 and "[bold]=cmd|x (very close)" in table.stdout
    out = tmp_path / "b.xlsx"
    runner.invoke(app, ["benchmark", "--pledge", str(pledge_path), "-f", "xlsx", "-o", str(out)])
    import openpyxl

    notes = [c.value for c in openpyxl.load_workbook(out)["Notes"]["A"]]
    assert any("[bold]=cmd|x" in str(n) for n in notes)
    assert not any(str(n).startswith("=") for n in notes)


# --- region, England from counts, cautions, symbols shown as published (issue #20) -------


def _london_file(tmp_path: Path) -> Path:
    """A borough coded Inner London, with London and Inner London regional rows."""
    rows = [
        f"{NATIONAL.format(y='2025')},{TOTAL},81770,100",
        f"{NATIONAL.format(y='2025')},{THREE},8180,10",
    ]
    for code, name, count, percent in (
        ("E12000007", "London", "1210", "11"),
        ("E13000001", "Inner London", "700", "14"),
    ):
        geo = f"2025,Reporting year,Regional,E92000001,England,{code},{name},,,"
        rows += [f"{geo},{TOTAL},{int(count) * 9},100", f"{geo},{THREE},{count},{percent}"]
    for old, count in (("201", "12"), ("202", "8"), ("203", "3")):
        geo = (
            f"2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,"
            f"{old},Borough {old} (synthetic),E09000{old}"
        )
        rows += [f"{geo},{TOTAL},100,100", f"{geo},{THREE},{count},{count}"]
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "cla.csv").write_text(HEADER + "\n" + "\n".join(rows) + "\n", "utf-8")
    return pledge(tmp_path, area="E09000201", neighbours='["E09000202", "E09000203"]')


@pytest.mark.parametrize(
    ("setting", "region", "name"),
    [(None, 11, "London"), ("London", 11, "London"), ("file", 14, "Inner London")],
)
def test_a_london_borough_is_compared_with_london_unless_asked(
    tmp_path: Path, setting: str | None, region: float, name: str
) -> None:
    path = _london_file(tmp_path)
    if setting is not None:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("benchmarks:\n", f"benchmarks:\n  region: {setting}\n"))
    bench = api.benchmark(pledge=path)
    [year] = bench.measures[0].years
    assert year.region == region and year.region_name == name
    assert ("London, as DfE's neighbour table" in bench.region_choice) == (name == "London")


def test_england_from_counts_is_an_option_and_said(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = pledge(tmp_path)
    published = api.benchmark(pledge=path)
    assert published.measures[0].years[0].england == 10
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("benchmarks:\n", "benchmarks:\n  national_from: counts\n"))
    counted = api.benchmark(pledge=path)
    year = counted.measures[0].years[0]
    assert year.england == pytest.approx(100 * 8180 / 81770)
    assert year.region == pytest.approx(100 * 600 / 5000)
    result = CliRunner().invoke(app, ["benchmark", "--pledge", str(path), "-f", "md"])
    assert "worked out from the published counts" in result.stdout
    assert "rounded to the nearest 10" in result.stdout


def test_few_neighbours_carry_a_caution_everywhere(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = pledge(tmp_path, neighbours='["E06000902", "E06000904", "E06000906"]')
    bench = api.benchmark(pledge=path)
    [year] = bench.measures[0].years
    assert year.neighbours_contributed == 2 and year.few_neighbours
    result = CliRunner().invoke(app, ["benchmark", "--pledge", str(path), "-f", "md"])
    assert "(2 of 3) caution: few" in result.stdout and "Caution:" in result.stdout
    (tmp_path / "q.csv").write_text(
        "Measure,Period,Value,Numerator,Denominator\n3.1,2025-26 Q2,18.0,36,200\n",
        encoding="utf-8",
    )
    card, _ = api.load_scorecard([tmp_path / "q.csv"], pledge=path)
    from pledgekit.report.comparators import comparator_views
    from pledgekit.score.comparator_text import compared_text

    [row] = card.rows
    assert "(caution: 2 of 3 neighbours have a figure)" in compared_text(row)
    assert "rank 4 of 7 councils, 2nd quartile" in compared_text(row)
    views = {v.name: v for v in comparator_views(row)}
    assert "caution: 2 of 3" in (views["Statistical neighbours"].position or "")
    assert views["Rank among councils"].position == "2nd quartile"


def test_symbols_are_shown_as_published_and_withheld_figures_are_not_judged(
    tmp_path: Path,
) -> None:
    write_files(tmp_path)
    near = '["E06000902"]'
    for area, symbol in (("E06000909", "k"), ("E06000908", "low"), ("E06000910", "u")):
        path = pledge(tmp_path, area=area, neighbours=near)
        bench = api.benchmark(pledge=path)
        [year] = bench.measures[0].years
        assert bench.measures[0].show_reading(year.council) == symbol
        if symbol == "u":
            assert year.rank is None and year.vs_england is Significance.NOT_TESTED
            assert year.not_tested == "not tested: the figure is withheld (u)"
        else:
            # A small value is ranked: best where lower is better (ties with the other one).
            assert year.rank is not None and year.rank.position == 1
    # 907: x with published counts still gets no judgement.
    path = pledge(tmp_path, area="E06000906", neighbours=near)
    [year] = api.benchmark(pledge=path).measures[0].years
    assert year.vs_england is Significance.NOT_TESTED and "withheld (c)" in year.not_tested
    result = CliRunner().invoke(app, ["benchmark", "--pledge", str(path), "-f", "md"])
    assert "Not tested: the figure is withheld (c)" in result.stdout
    assert "Significantly" not in result.stdout.split("Symbols")[0].split("|---|")[1]


def test_a_region_the_files_lack_is_a_located_error(tmp_path: Path) -> None:
    path = _london_file(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("benchmarks:\n", "benchmarks:\n  region: Inner Londn\n"))
    _, found = load_published(load_definition(path), path)
    [problem] = found
    assert problem.code == "published-area-missing" and problem.location.line == 4
    assert "did you mean 'Inner London'?" in problem.message
    path.write_text(text.replace("benchmarks:\n", "benchmarks:\n  region: E13000001\n"))
    [year] = api.benchmark(pledge=path).measures[0].years
    assert year.region_name == "Inner London"
