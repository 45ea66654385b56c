"""Benchmark: reading a national-scale DfE published data file and benchmarking against it.

Writes a synthetic Explore Education Statistics file the size DfE publishes (153 councils, 9
regions and England; 10 years; 30 filter combinations: about 49,000 rows, byte-order mark
included) and a neighbour table, then times, each in a fresh process:

- ``read_ees`` alone (the csv module, columns of text);
- ``pandas.read_csv`` of the same file, for scale;
- ``pledgekit benchmark --format json`` end to end (definition, file, checks, neighbours, rank,
  significance for every year).

    python benchmarks/bench_published.py      # prints a Markdown table; aim: under 2 s
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import table, time_command, time_python  # noqa: E402

GEO = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,old_la_code,la_name,new_la_code"
)
AGES = ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over", "Total"]
GROUPS = ["With 3 or more placements during the year", "With 2 placements", "With 1 placement",
          "Total children", "Not known"]  # fmt: skip


def write_files(folder: Path) -> Path:
    """The synthetic file, neighbour table and pledge.yaml; returns the pledge's path."""
    rng = random.Random(7)
    lines = [GEO + ",age_group,placement_stability,children_count,children_percent"]
    councils = [
        (str(200 + i), f"E06000{200 + i}", f"Council {i} (synthetic)", i % 9) for i in range(153)
    ]
    for year in range(2016, 2026):
        for age in AGES:
            for group in GROUPS:
                lines.append(
                    f"{year},Reporting year,National,E92000001,England,,,,,,{age},{group},80000,10"
                )
                for region in range(9):
                    lines.append(
                        f"{year},Reporting year,Regional,E92000001,England,E1200000{region + 1},"
                        f"Region {region + 1},,,,{age},{group},9000,11"
                    )
                for old, new, name, region in councils:
                    count = rng.randint(0, 60)
                    cell = "c" if count < 5 else str(count)
                    percent = "c" if count < 5 else str(round(100 * count / 400))
                    lines.append(
                        f"{year},Reporting year,Local authority,E92000001,England,"
                        f"E1200000{region + 1},Region {region + 1},{old},{name},{new},"
                        f"{age},{group},{cell},{percent}"
                    )
    (folder / "big.csv").write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    header = "old_la_code,la_name,region_ind,region_name," + ",".join(
        f"SN_{i},SN_{i}P" for i in range(1, 11)
    )
    row = "200,Council 0 (synthetic),1,Region 1," + ",".join(f"{201 + i},Close" for i in range(10))
    (folder / "sn.csv").write_text(header + "\n" + row + "\n", encoding="utf-8-sig")
    pledge = folder / "pledge.yaml"
    pledge.write_text(
        'council: Council 0 (synthetic)\narea: "E06000200"\nbenchmarks:\n  neighbours: sn.csv\n'
        "pledges:\n  - id: '3'\n    title: Stability\n    measures:\n      - id: '3.1'\n"
        "        title: Three or more placements\n        polarity: lower\n        published:\n"
        "          file: big.csv\n          where: {age_group: Total, placement_stability: "
        '"With 3 or more placements during the year"}\n          value: children_percent\n'
        "          numerator: children_count\n"
        '          denominator_where: {placement_stability: "Total children"}\n',
        encoding="utf-8",
    )
    return pledge


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pledge = write_files(folder)
        big = folder / "big.csv"
        rows = big.read_text(encoding="utf-8-sig").count("\n") - 1
        setup = f"from pathlib import Path\npath = Path({str(big)!r})"
        ours = time_python(
            "read_ees",
            "from pledgekit.read.ees import read_ees\n"
            "ees = read_ees(path)\nassert ees.rows > 40000",
            setup=setup,
        )
        pandas = time_python(
            "pandas.read_csv",
            "import pandas as pd\nframe = pd.read_csv(path, dtype=str, encoding='utf-8-sig')",
            setup=setup,
        )
        exe = Path(sys.executable).parent / "pledgekit"
        command = time_command(
            "pledgekit benchmark",
            [str(exe), "benchmark", "--pledge", str(pledge), "--format", "json"],
            ok=(0,),
        )
    print(f"{rows:,} rows\n")
    print(
        table(
            [
                (f"read_ees, {rows:,} rows", ours, pandas),
                ("`pandas.read_csv(dtype=str)`, same file", pandas, None),
                ("`pledgekit benchmark` end to end (10 years)", command, None),
            ]
        )
    )


if __name__ == "__main__":
    main()
