"""Published files as they come: hostile or damaged files refused or reported, never trusted.

Regular files only, bounded reads, a header checked to be one before any column is named, every
wrong column and filter value at once, impossible figures and bad years reported where they are,
repeated neighbours counted once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pledgekit.config.pledge import load_definition
from pledgekit.model.errors import InputError
from pledgekit.read.bounded_text import text_lines
from pledgekit.read.ees import read_ees
from pledgekit.read.neighbours import read_neighbours
from pledgekit.read.published import load_published
from pledgekit.score.benchmarking import build_benchmarks
from tests.test_benchmarks import HEADER, pledge, write_files

PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"


def _findings(tmp_path: Path, **kwargs: str) -> list[str]:
    path = pledge(tmp_path, **kwargs)
    _, found = load_published(load_definition(path), path)
    return [f"{f.code}|{f.location.file}|{f.location.line}|{f.message}" for f in found]


@pytest.mark.parametrize("reader", [read_ees, read_neighbours])
def test_a_file_that_is_not_a_csv_is_never_quoted(tmp_path: Path, reader: object) -> None:
    path = tmp_path / "passwd.csv"
    path.write_text(PASSWD, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        reader(path)  # type: ignore[operator]
    message = str(caught.value)
    assert "header row" in message
    assert "root" not in message.replace(str(tmp_path), "") and "/bin/bash" not in message


def test_a_password_file_named_as_published_is_one_located_error(tmp_path: Path) -> None:
    write_files(tmp_path)
    (tmp_path / "data" / "cla.csv").write_text(PASSWD, encoding="utf-8")
    [found] = _findings(tmp_path)
    assert found.startswith("published-file-unreadable|")
    assert "root:x" not in found and "daemon" not in found


def test_long_column_names_are_cut(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("a" * 90 + ",b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_ees(path)
    assert "a" * 50 not in str(caught.value)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused_before_reading(device: str) -> None:
    with pytest.raises(InputError, match="not a regular file"):
        read_ees(Path(device))


def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_ees(fifo)


def test_a_line_past_the_bound_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_bytes(b"time_period,geographic_level\n" + b"x" * 5000 + b"\n")
    with pytest.raises(InputError, match="line 2: longer than"):
        list(text_lines(path, max_line=4096))
    with pytest.raises(InputError, match="more than"):
        list(text_lines(path, max_bytes=1000, max_line=10**6))


def test_every_missing_column_and_every_wrong_value_at_once(tmp_path: Path) -> None:
    write_files(tmp_path)
    found = _findings(
        tmp_path, value="children_percentage", filter="With 3 or more placement during the year"
    )
    codes = sorted(f.split("|")[0] for f in found)
    assert codes == ["published-column-missing", "published-no-match"]
    column = next(f for f in found if f.startswith("published-column-missing"))
    assert "did you mean 'children_percent'?" in column
    # Every column of the file is listed, not only the first few.
    assert "'children_count'" in column and "'placement_stability'" in column


def test_impossible_figures_and_bad_years_are_located_warnings(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = tmp_path / "data" / "cla.csv"
    text = path.read_text(encoding="utf-8-sig")
    text += (
        "2025,Reporting year,Local authority,E92000001,England,E12000001,North East,913,"
        "Odd (synthetic),E06000913,CLA on 31 March,Total children,400,100\n"
        "2025,Reporting year,Local authority,E92000001,England,E12000001,North East,913,"
        "Odd (synthetic),E06000913,CLA on 31 March,With 3 or more placements during the year,"
        "900,-5\n"
        "2025Q1,Reporting year,National,E92000001,England,,,,,,CLA on 31 March,"
        "With 3 or more placements during the year,1,1\n"
    )
    path.write_text(text, encoding="utf-8")
    found = _findings(tmp_path)
    bad = [f for f in found if f.startswith("published-bad-figure")]
    years = [f for f in found if f.startswith("published-bad-year")]
    assert len(bad) == 1 and "cla.csv" in bad[0] and "Odd (synthetic) 2025" in bad[0]
    assert bad[0].split("|")[2] == str(text.count("\n") - 1)
    assert len(years) == 1 and "'2025Q1'" in years[0]
    # The impossible -5% is not ranked best (lower is better): still 4th of 7.
    pledge_path = tmp_path / "pledge.yaml"
    definition = load_definition(pledge_path)
    data, _ = load_published(definition, pledge_path)
    [year] = build_benchmarks(definition, data).measures[0].years
    assert year.rank is not None and year.rank.position == 4
    assert dict(year.rank.excluded)["?"] == 1


def test_a_duplicated_column_is_a_warning(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = tmp_path / "data" / "cla.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines = [lines[0] + ",children_count"] + [line + ",0" for line in lines[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = _findings(tmp_path)
    assert [f.split("|")[0] for f in found] == ["published-duplicate-column"]
    assert found[0].split("|")[2] == "1"


def test_a_repeated_neighbour_is_counted_once(tmp_path: Path) -> None:
    write_files(tmp_path)
    table = tmp_path / "data" / "sn.csv"
    text = table.read_text(encoding="utf-8-sig").replace(",903,", ",902,", 1)
    table.write_text(text, encoding="utf-8")
    found = _findings(tmp_path)
    assert [f.split("|")[0] for f in found] == ["neighbour-repeated"]
    assert read_neighbours(table).repeated == {"901": ["902"]}
    found = _findings(tmp_path, neighbours='["E06000902", "902", "E06000904"]')
    assert [f.split("|")[0] for f in found] == ["neighbour-repeated"]


def test_only_the_picked_rows_are_kept(tmp_path: Path) -> None:
    write_files(tmp_path)
    path = tmp_path / "data" / "cla.csv"
    everything = read_ees(path)
    some = read_ees(path, [{"placement_stability": "Total children"}])
    assert some.rows * 2 < everything.rows and some.total_rows == everything.total_rows
    # Filter values are still known over the whole file, for messages.
    assert "With 3 or more placements during the year" in some.distinct("placement_stability")
    assert HEADER.split(",") == some.header


def test_a_large_published_file_is_read_in_little_memory(tmp_path: Path) -> None:
    """About 130,000 rows of breakdowns no measure picks: only the picked rows are kept, so the
    peak stays well below what the file takes as Python lists (about ten times its size)."""
    from tests.memory import peak_memory_mb

    write_files(tmp_path)
    path = tmp_path / "data" / "cla.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    filler = [line.replace("CLA on 31 March", f"Other group {i}") for i in range(5000)
              for line in lines[1:]]  # fmt: skip
    with path.open("a", encoding="utf-8") as out:
        out.write("\n".join(filler) + "\n")
    size_mb = path.stat().st_size / 2**20
    assert size_mb > 12
    pledge_path = pledge(tmp_path)
    peak, out = peak_memory_mb(
        f"""
        from pathlib import Path
        from pledgekit.config.pledge import load_definition
        from pledgekit.read.published import load_published
        path = Path({str(pledge_path)!r})
        data, found = load_published(load_definition(path), path)
        print(len(data.series["3.1"].years), len(found))
        """
    )
    assert out.split()[:2] == ["1", "0"]
    assert peak < 120, f"{peak:.0f} MB for a {size_mb:.0f} MB file"
