"""Benchmark: DfE published data files, one council against every council, and a 177 MB file.

Writes a synthetic Explore Education Statistics file the size DfE publishes (153 councils, 9
regions and England; 10 years; 30 filter combinations: about 49,000 rows, byte-order mark
included), DfE's neighbour table for all 153 councils and a pledge.yaml with two measures, then
times, each in a fresh process and interleaved:

- ``pledgekit benchmark -f json`` for one council;
- ``pledgekit benchmark --areas all -f json`` for all 153 (aim: at most 5x one council);
- with ``--big``, reading a synthetic 177 MB file (1.2 million rows) through
  ``load_published`` (aim: under 400 MB peak; only the picked rows are kept).

    python benchmarks/bench_published.py [--big] [--quick]
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Contender, arguments, interleave, markdown, memory, ratio, seconds  # noqa: E402

GEO = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,old_la_code,la_name,new_la_code"
)
AGES = ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over", "Total"]
GROUPS = ["With 3 or more placements during the year", "With 2 placements", "With 1 placement",
          "Total children", "Not known"]  # fmt: skip
COUNCILS = 153


def _councils(count: int) -> list[tuple[str, str, str, int]]:
    return [
        (str(200 + i), f"E06000{200 + i}", f"Council {i} (synthetic)", i % 9) for i in range(count)
    ]


def write_data(path: Path, *, years: range, councils: int, ages: list[str], seed: int = 7) -> int:
    """The synthetic EES file; returns its rows."""
    rng = random.Random(seed)
    rows = 0
    with path.open("w", encoding="utf-8-sig", newline="\n") as out:
        out.write(GEO + ",age_group,placement_stability,children_count,children_percent\n")
        for year in years:
            for age in ages:
                for group in GROUPS:
                    national = f"{year},Reporting year,National,E92000001,England,,,,,,"
                    out.write(f"{national}{age},{group},80000,10\n")
                    for region in range(9):
                        code = f"E1200000{region + 1}"
                        out.write(
                            f"{year},Reporting year,Regional,E92000001,England,{code},"
                            f"Region {region + 1},,,,{age},{group},9000,11\n"
                        )
                    rows += 10
                    for old, new, name, region in _councils(councils):
                        count = rng.randint(0, 60)
                        total = 400
                        cell = "c" if count < 5 else str(count)
                        percent = (
                            "c"
                            if count < 5
                            else ("k" if count == 5 else str(round(100 * count / total)))
                        )
                        if group == "Total children":
                            cell, percent = "400", "100"
                        out.write(
                            f"{year},Reporting year,Local authority,E92000001,England,"
                            f"E1200000{region + 1},Region {region + 1},{old},{name},{new},"
                            f"{age},{group},{cell},{percent}\n"
                        )
                        rows += 1
    return rows


def write_files(folder: Path, *, years: range, councils: int, ages: list[str]) -> tuple[Path, int]:
    """The data file, neighbour table (every council) and pledge.yaml; returns the pledge."""
    rows = write_data(folder / "big.csv", years=years, councils=councils, ages=ages)
    header = "old_la_code,la_name,region_ind,region_name," + ",".join(
        f"SN_{i},SN_{i}P" for i in range(1, 11)
    )
    lines = [header]
    found = _councils(councils)
    for index, (old, _, name, region) in enumerate(found):
        near = [found[(index + k) % len(found)][0] for k in range(1, 11)]
        lines.append(
            f"{old},{name},{region},Region {region + 1}," + ",".join(f"{n},Close" for n in near)
        )
    (folder / "sn.csv").write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    measure = (
        "      - id: '{id}'\n        title: {title}\n        polarity: lower\n        published:\n"
        "          file: big.csv\n          where: {{age_group: {age}, placement_stability: "
        '"With 3 or more placements during the year"}}\n          value: children_percent\n'
        "          numerator: children_count\n"
        '          denominator_where: {{placement_stability: "Total children"}}\n'
    )
    pledge = folder / "pledge.yaml"
    pledge.write_text(
        'council: Council 0 (synthetic)\narea: "E06000200"\nbenchmarks:\n  neighbours: sn.csv\n'
        "pledges:\n  - id: '3'\n    title: Stability\n    measures:\n"
        + measure.format(id="3.1", title="Three or more placements", age="Total")
        + measure.format(id="3.2", title="Three or more placements, 10 to 15", age='"10 to 15"'),
        encoding="utf-8",
    )
    return pledge, rows


def main() -> None:
    big = "--big" in sys.argv
    if big:  # this script's own option, beside the harness's
        sys.argv.remove("--big")
    args = arguments(
        __doc__,
        "small files (20 councils, 3 years), one round, no 177 MB file",
    )
    repeat = 1 if args.quick else args.repeat
    councils, years = (20, range(2023, 2026)) if args.quick else (COUNCILS, range(2016, 2026))
    exe = str(Path(sys.executable).parent / "pledgekit")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pledge, rows = write_files(folder, years=years, councils=councils, ages=AGES)
        one = Contender(
            "one council", argv=[exe, "benchmark", "--pledge", str(pledge), "-f", "json"]
        )
        every = Contender(
            f"all {councils} councils",
            argv=[exe, "benchmark", "--pledge", str(pledge), "--areas", "all", "-f", "json"],
        )
        contenders = [one, every]
        large = None
        if big and not args.quick:
            path = folder / "huge.csv"
            # 1.27 million rows, about 177 MB: 156 age groups over 10 years.
            ages = [f"Age band {i}" for i in range(155)] + ["Total"]
            huge_rows = write_data(path, years=range(2016, 2026), councils=COUNCILS, ages=ages)
            size = path.stat().st_size / 2**20
            large = Contender(
                f"load_published, {huge_rows:,} rows, {size:,.0f} MB",
                setup=(
                    "from pathlib import Path\n"
                    "from pledgekit.config.pledge import load_definition\n"
                    "from pledgekit.read.published import load_published\n"
                    f"pledge = Path({str(pledge)!r})\n"
                    f"pledge.write_text(pledge.read_text().replace('big.csv', 'huge.csv'))\n"
                    "definition = load_definition(pledge)\n"
                ),
                body="data, found = load_published(definition, pledge)\nassert data.series\n",
            )
        interleave(contenders, repeat)
        if large is not None:
            interleave([large], 1)
    table = [
        ("`benchmark`, one council", seconds(one), ""),
        (f"`benchmark --areas all`, {councils} councils", seconds(every), ratio(every, one)),
    ]
    print(f"{rows:,} rows, 2 measures, {len(years)} years\n")
    print(markdown(["run", "time", "x one council"], table))
    if large is not None:
        print()
        print(
            markdown(["read", "time", "peak memory"], [(large.name, seconds(large), memory(large))])
        )


if __name__ == "__main__":
    main()
