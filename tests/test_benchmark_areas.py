"""Every council in one pass (``benchmark --areas``), the benchmark web page and its funnels,
and what the command does with the files it is given."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgekit import api
from pledgekit.cli import app
from pledgekit.model.measure_kinds import Unit
from pledgekit.render.report.funnel_layout import FunnelData, FunnelPoint, limit, outside
from pledgekit.score.significance import Level
from tests.test_accessibility import WIDTHS, axe_results
from tests.test_benchmarks import pledge, write_files

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["benchmark", *args])
    return result.exit_code, result.stdout, result.stderr


def test_every_council_in_one_pass_agrees_with_one_council(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = pledge(tmp_path)
    found = api.benchmark_areas(None, pledge=path)
    assert len(found.councils) == 12
    assert found.marked is not None and found.marked.area is not None
    assert found.marked.area.code == "E06000901"
    one = api.benchmark(pledge=path)
    # The home council's figures are the same whichever way they are worked out.
    assert found.marked.to_dict()["measures"] == one.to_dict()["measures"]
    # Ranks of all councils: 908 and 909 (k, low) share 1st, 904 3rd, three tie at 4th.
    positions = {
        b.area.old_code: b.measures[0].years[0].rank.position  # type: ignore[union-attr]
        for b in found.councils
        if b.area is not None and b.measures[0].years[0].rank is not None
    }
    assert positions == {"901": 4, "902": 4, "903": 4, "904": 3, "905": 7, "908": 1, "909": 1}


def test_areas_by_code_and_a_wrong_code(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = pledge(tmp_path)
    found = api.benchmark_areas(["E06000902", "Better (synthetic)"], pledge=path)
    assert [b.council for b in found.councils] == ["Tie A (synthetic)", "Better (synthetic)"]
    code, _, err = _run("--pledge", str(path), "--areas", "E06000992", "-f", "json")
    assert code == 2 and "is no council of the published files; did you mean" in err


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_area_formats_have_a_row_per_council_measure_and_year(tmp_path: Path, fmt: str) -> None:
    write_files(tmp_path, years=("2024", "2025"))
    path = pledge(tmp_path)
    code, out, _ = _run("--pledge", str(path), "--areas", "all", "-f", fmt)
    assert code == 0
    if fmt == "json":
        data = json.loads(out)
        assert data["schema"] == "pledgekit.benchmark-areas/1" and data["marked"] == "E06000901"
        assert len(data["councils"]) == 12
    else:
        lines = out.strip().splitlines()
        assert lines[0].startswith("area_code,area,pledge,measure")
        assert len(lines) == 1 + 12 * 2


def test_area_xlsx_and_refused_formats(tmp_path: Path) -> None:
    import openpyxl

    write_files(tmp_path)
    path = pledge(tmp_path)
    out = tmp_path / "all.xlsx"
    assert _run("--pledge", str(path), "--areas", "all", "-f", "xlsx", "-o", str(out))[0] == 0
    sheet = openpyxl.load_workbook(out)["Benchmarks"]
    assert sheet.max_row == 2 + 12
    code, _, err = _run("--pledge", str(path), "--areas", "all", "-f", "md")
    assert code == 2 and "--areas writes json, csv, xlsx, html" in err


def test_the_web_page_has_a_funnel_per_measure_and_year(tmp_path: Path) -> None:
    write_files(tmp_path, years=("2024", "2025"))
    path = pledge(tmp_path)
    code, page, _ = _run("--pledge", str(path), "-f", "html")
    assert code == 0
    svgs = re.findall(r"<svg [^>]*>", page)
    # Wide and narrow, for each of two years; the page shows one of each pair by width.
    assert len(svgs) == 4 and sum("chart-narrow" in svg for svg in svgs) == 2
    for svg in svgs:
        assert 'role="img"' in svg and "aria-labelledby" in svg and "width=" not in svg
    assert page.count('<title id="funnel-') == 4 and page.count('<desc id="funnel-') == 4
    assert "Home (synthetic): 20.0% of 100, outside the 99.8% limits." in page
    assert "rounded to whole numbers" in page


def test_funnel_limits_narrow_and_contain_england() -> None:
    data = FunnelData("t", (FunnelPoint("a", 100, 10),), 10.0, Unit.PERCENT)
    wide = limit(data, 50, Level.P99_8.z)
    narrow = limit(data, 5000, Level.P99_8.z)
    assert wide[0] < narrow[0] < 10 < narrow[1] < wide[1]
    inner = limit(data, 50, Level.P95.z)
    assert wide[0] < inner[0] and inner[1] < wide[1]
    assert outside(data, FunnelPoint("b", 5000, 20)) and not outside(data, FunnelPoint("c", 50, 15))


def test_the_web_page_passes_axe(tmp_path: Path) -> None:
    write_files(tmp_path, years=("2024", "2025"))
    path = pledge(tmp_path)
    page = tmp_path / "bench.html"
    code, _, _ = _run("--pledge", str(path), "-f", "html", "-o", str(page))
    assert code == 0
    results = axe_results(page)
    assert results["fetched"] == []
    for width in WIDTHS:
        found = results[str(width)]
        assert found["violations"] == [], f"axe at {width} px: {found['violations']}"
        assert found["overflow"]["elements"] == [], found["overflow"]


# --- the files benchmark is given (#19 item 14) ------------------------------------------


def test_a_broken_file_argument_is_an_error_not_ignored(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = pledge(tmp_path)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    code, _, err = _run(str(broken), "--pledge", str(path))
    assert code == 2 and "broken.xlsx" in err


def test_pledge_yaml_is_found_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(tmp_path)
    pledge(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run("-f", "json")
    assert code == 0 and json.loads(out)["council"] == "Home Borough (synthetic)"


def test_a_file_given_twice_is_read_once_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(tmp_path)
    pledge(tmp_path)
    (tmp_path / "q.csv").write_text(
        "Measure,Period,Value,Numerator,Denominator\n3.1,2025-26 Q2,18.0,36,200\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = _run("q.csv", "./q.csv", "-f", "json")
    assert code == 0, err
    assert "q.csv" in err and "read once" in err and "[input-repeated]" in err
    assert any("read once" in w for w in json.loads(out)["warnings"])


def test_the_every_council_page_has_a_table_and_funnel_per_measure_and_year(
    tmp_path: Path,
) -> None:
    write_files(tmp_path, years=("2024", "2025"))
    path = pledge(tmp_path)
    code, page, _ = _run("--pledge", str(path), "--areas", "all", "-f", "html")
    assert code == 0
    assert page.count("<table>") == 2 and page.count('class="chart chart-wide funnel"') == 2
    # Every council with a row is in each year's table, the marked one among them.
    assert page.count("<td>Home (synthetic)</td>") == 2
    assert page.count("<td>Worse (synthetic)</td>") == 2


def test_a_red_measure_with_published_figures_has_a_funnel_in_the_report(tmp_path: Path) -> None:
    from pledgekit.render.report.markup import render_html

    write_files(tmp_path)
    path = pledge(tmp_path)
    (tmp_path / "q.csv").write_text(
        "Measure,Period,Value,Numerator,Denominator\n3.1,2025-26 Q2,18.0,36,200\n",
        encoding="utf-8",
    )
    report, _, _ = api.load_report([tmp_path / "q.csv"], pledge=path)
    page = render_html(report)
    assert page.count('class="chart chart-wide funnel"') == 1
    assert "every council's published figure for 2025 against its denominator" in page
    assert "Home (synthetic): 20.0% of 100, outside the 99.8% limits." in page
