"""Benchmark: reading national-scale workbooks, against the calamine floor and the usual readers.

National-style files (councils x 40 measures x 20 quarters, see national.py) of about 10,000,
120,000 and 1,000,000 rows. Contenders, interleaved, each run in a fresh process (medians):

- the floor: bare ``python-calamine``, every cell of the sheet as Python values;
- pledgekit's ingest today (before issue #9) and new: ``read_workbooks`` with the definition;
- ``pandas.read_excel`` with the calamine and the openpyxl engines, and ``polars.read_excel``
  (when installed: ``pip install -e '.[bench]'``), at 120,000 rows;
- ``pledgekit --help`` against ``python -c "import pandas"``.

    python benchmarks/bench_ingest.py                  # 10k and 120k rows, 3 rounds
    python benchmarks/bench_ingest.py --million        # and 1,000,000 rows (slow: minutes)
    python benchmarks/bench_ingest.py --quick          # 10k rows, one round: a smoke test
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import (  # noqa: E402
    Contender,
    arguments,
    baseline_tree,
    interleave,
    markdown,
    memory,
    ratio,
    seconds,
)
from national import ensure_sized  # noqa: E402

#: Councils for each size (x 40 measures x 20 quarters).
SIZES = {"10k": 13, "120k": 150, "1M": 1250}

FLOOR = (
    "book = python_calamine.CalamineWorkbook.from_path(str(path))\n"
    "rows = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)\n"
    "assert len(rows) > 1"
)
OURS = (
    "data = read_workbooks([path], definition=definition)\n"
    "assert not data.findings, data.findings[:3]"
)
#: Each contender imports what it uses (and pledgekit loads the definition) before the clock
#: starts: what is timed is reading the workbook, and each peak is that reader's own.
CALAMINE = "import python_calamine\n"
PLEDGEKIT = (
    "import numpy\n"  # pledgekit imports it when it codes the columns, after calamine's parse
    "from pledgekit.config.pledge import load_definition\n"
    "from pledgekit.read.workbooks import read_workbooks\n"
    "definition = load_definition(pledge)\n"
)
PANDAS = "import pandas\n"
POLARS = "import polars as pl\n"


def _setup(path: Path, pledge: Path, imports: str) -> str:
    where = f"from pathlib import Path\npath = Path({str(path)!r}); pledge = Path({str(pledge)!r})"
    return where + "\n" + imports


def rows_table(sizes: list[str], repeat: int, baseline: str | None) -> str:
    """Floor, today and new for each size, with peak memory."""
    lines = []
    for size in sizes:
        path, pledge = ensure_sized(HERE / "data", SIZES[size], 40)
        ours = _setup(path, pledge, PLEDGEKIT)
        floor = Contender(f"calamine floor {size}", FLOOR, _setup(path, pledge, CALAMINE))
        new = Contender(f"pledgekit new {size}", OURS, ours)
        contenders = [floor, new]
        today = None
        if baseline:
            today = Contender(f"pledgekit today {size}", OURS, ours, pythonpath=baseline)
            contenders.insert(1, today)
        interleave(contenders, 1 if size == "1M" else repeat)
        lines.append(
            [
                size,
                f"{seconds(floor)}, {memory(floor)}",
                f"{seconds(today)}, {memory(today)} ({ratio(today, floor)})" if today else "",
                f"{seconds(new)}, {memory(new)} ({ratio(new, floor)})",
                f"{today.added_mb / new.added_mb:.2f}x" if today else "",
            ]
        )
    header = ["rows", "calamine floor", "pledgekit today (x floor)", "pledgekit new (x floor)"]
    return markdown([*header, "memory added, today / new"], lines)


def readers_table(repeat: int, baseline: str | None) -> str:
    """pledgekit against the general readers on the 120,000-row file."""
    path, pledge = ensure_sized(HERE / "data", SIZES["120k"], 40)
    ours = _setup(path, pledge, PLEDGEKIT)
    contenders = [
        Contender("calamine floor", FLOOR, _setup(path, pledge, CALAMINE)),
        Contender("pledgekit new", OURS, ours),
        Contender(
            "pandas.read_excel(engine='calamine')",
            "assert len(pandas.read_excel(path, engine='calamine')) == 120000",
            _setup(path, pledge, PANDAS + CALAMINE),
        ),
        Contender(
            "pandas.read_excel(engine='openpyxl')",
            "assert len(pandas.read_excel(path, engine='openpyxl')) == 120000",
            _setup(path, pledge, PANDAS + "import openpyxl\n"),
        ),
    ]
    if baseline:
        contenders.insert(2, Contender("pledgekit today", OURS, ours, pythonpath=baseline))
    if importlib.util.find_spec("polars") and importlib.util.find_spec("fastexcel"):
        contenders.append(
            Contender(
                "polars.read_excel (calamine engine)",
                "assert len(pl.read_excel(path)) == 120000",
                _setup(path, pledge, POLARS + "import fastexcel\n"),
            )
        )
    else:
        print("polars or fastexcel not installed: pip install -e '.[bench]'", file=sys.stderr)
    interleave(contenders, repeat)
    new = contenders[1]
    rows = [
        [c.name, seconds(c), memory(c), ratio(c, new) + " of pledgekit new"] for c in contenders
    ]
    return markdown(["reader, 120,000 rows", "median", "peak memory", "time"], rows)


def startup_table(repeat: int) -> str:
    """``pledgekit --help`` against importing pandas, whole processes."""
    exe = shutil.which("pledgekit") or str(Path(sys.executable).with_name("pledgekit"))
    pledgekit = Contender("`pledgekit --help`", argv=[exe, "--help"], ok=(0,))
    pandas = Contender(
        '`python -c "import pandas"`', argv=[sys.executable, "-c", "import pandas"], ok=(0,)
    )
    interleave([pledgekit, pandas], repeat * 2)
    rows = [[c.name, seconds(c)] for c in (pledgekit, pandas)]
    return markdown(["start-up (whole process)", "median"], rows) + (
        f"\n\n`pledgekit --help` takes {ratio(pledgekit, pandas)} the time of importing pandas."
    )


def main() -> None:
    args = arguments(__doc__, "10k rows, one round, no baseline", million=True)
    if args.quick:
        print(rows_table(["10k"], 1, None))
        return
    baseline = baseline_tree(args)
    sizes = ["10k", "120k", *(["1M"] if args.million else [])]
    print(rows_table(sizes, args.repeat, baseline))
    print()
    print(readers_table(args.repeat, baseline))
    print()
    print(startup_table(args.repeat))


if __name__ == "__main__":
    main()
