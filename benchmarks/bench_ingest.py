"""Benchmark: reading a national-scale workbook (120,000 rows) and building the scorecard.

Compares pledgekit's ingest (python-calamine) with the usual alternative on the same file:
``pandas.read_excel(engine="openpyxl")`` and openpyxl's read-only iteration. Also times
``pledgekit --help`` and the scorecard of the shipped sample data end to end.

    python benchmarks/bench_ingest.py            # prints a Markdown table for the README
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Timing, table, time_command, time_python  # noqa: E402
from national import ensure  # noqa: E402

ROOT = HERE.parent


def main() -> None:
    workbook, pledge = ensure(HERE / "data")
    setup = (
        f"from pathlib import Path\nbook = Path({str(workbook)!r}); pledge = Path({str(pledge)!r})"
    )
    ours = time_python(
        "pledgekit ingest",
        "from pledgekit.config.pledge import load_definition\n"
        "from pledgekit.read.workbooks import read_workbooks\n"
        "data = read_workbooks([book], definition=load_definition(pledge))\n"
        "assert len(data.observations) == 120000, len(data.observations)",
        setup=setup,
    )
    scorecard = time_python(
        "pledgekit ingest + scorecard",
        "from pledgekit.api import load_scorecard\n"
        "card, _ = load_scorecard([book], pledge=pledge)\n"
        "assert len(card.rows) == 40",
        setup=setup,
    )
    pandas = time_python(
        "pandas + openpyxl",
        "import pandas as pd\n"
        "frame = pd.read_excel(book, engine='openpyxl')\n"
        "assert len(frame) == 120000",
        setup=setup,
    )
    openpyxl = time_python(
        "openpyxl read-only",
        "from openpyxl import load_workbook\n"
        "wb = load_workbook(book, read_only=True, data_only=True)\n"
        "rows = sum(1 for _ in wb.active.iter_rows(values_only=True))\n"
        "assert rows == 120001",
        setup=setup,
    )
    exe = shutil.which("pledgekit") or str(Path(sys.executable).with_name("pledgekit"))
    samples = sorted((ROOT / "sample_data").glob("*.xlsx"))
    help_time = time_command("pledgekit --help", [exe, "--help"], repeat=5)
    sample = time_command(
        "pledgekit scorecard (sample data)", [exe, "scorecard", *map(str, samples)], repeat=3
    )
    rows: list[tuple[str, Timing, Timing | None]] = [
        ("pledgekit ingest, 120,000 rows", ours, pandas),
        ("pledgekit ingest + scorecard, 120,000 rows", scorecard, pandas),
        ("pandas.read_excel(engine='openpyxl')", pandas, None),
        ("openpyxl read-only, values only", openpyxl, None),
        ("`pledgekit --help` (whole process)", help_time, None),
        ("`pledgekit scorecard sample_data/*.xlsx` (whole process)", sample, None),
    ]
    print(table(rows))
    print()
    print(
        f"ingest is {pandas.seconds / ours.seconds:.1f}x faster than pandas + openpyxl and "
        f"{openpyxl.seconds / ours.seconds:.1f}x faster than openpyxl read-only iteration."
    )


if __name__ == "__main__":
    main()
