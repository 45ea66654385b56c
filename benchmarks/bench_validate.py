"""Benchmark: ``pledgekit validate`` on a national-scale workbook against ``frictionless validate``.

The file is 150 councils x 40 measures x 20 quarters (120,000 rows, see national.py), and the
same rows as CSV. pledgekit reads the workbook, checks the definition and runs every check;
frictionless infers a schema and checks every cell against it, on the xlsx and on the CSV. Blank
commentary cells are legitimate, so frictionless skips ``missing-cell`` (otherwise it stops at
its error limit) and its error limit is lifted. Imports are done before the clock starts.

Contenders run interleaved, each in a fresh process; medians are kept.

    python benchmarks/bench_validate.py                 # 3 rounds (frictionless on xlsx: 1)
    python benchmarks/bench_validate.py --million       # also 1,000,000 rows, one round
    python benchmarks/bench_validate.py --quick         # 10k rows, one round, no frictionless
"""

from __future__ import annotations

import importlib.util
import os
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

OURS = (
    "report = validate([book], pledge=pledge)\n"
    "assert not report.unreadable, report.unreadable\n"
    "assert report.counts is not None"
)
THEIRS = (
    "report = frictionless.validate(book, checklist=frictionless.Checklist("
    "skip_errors=['missing-cell']), limit_errors=10**9)\n"
    "assert report.tasks[0].stats['rows'] == rows, report.tasks[0].stats"
)


def _setup(book: Path, pledge: Path, rows: int) -> str:
    return (
        f"book = {book.name!r}; pledge = {pledge.name!r}; rows = {rows}\n"
        "import numpy, pandas\n"
        "from pledgekit.api import validate\n"
        "import pledgekit.checks, pledgekit.score.scoring, pledgekit.read.workbooks\n"
    )


def main() -> None:
    args = arguments(__doc__, "10k rows, one round, pledgekit only", million=True)
    sizes = {"10k": 13} if args.quick else {"120k": 150, **({"1M": 1250} if args.million else {})}
    baseline = baseline_tree(args)
    has_frictionless = importlib.util.find_spec("frictionless") is not None and not args.quick
    if not has_frictionless and not args.quick:
        print("frictionless not installed: pip install -e '.[bench]'", file=sys.stderr)
    lines = []
    for size, councils in sizes.items():
        book, pledge = ensure_sized(HERE / "data", councils, 40, csv_too=has_frictionless)
        # frictionless refuses absolute paths (it treats them as unsafe): run all from the folder.
        os.chdir(book.parent)
        rows = councils * 40 * 20
        setup = _setup(book, pledge, rows)
        new = Contender(f"pledgekit validate new {size}", OURS, setup)
        contenders = [new]
        if baseline:
            contenders.append(
                Contender(f"pledgekit validate today {size}", OURS, setup, pythonpath=baseline)
            )
        csv_setup = setup.replace(repr(book.name), repr(book.with_suffix(".csv").name))
        their_csv = Contender(f"frictionless CSV {size}", THEIRS, csv_setup + "import frictionless")
        their_xlsx = Contender(f"frictionless xlsx {size}", THEIRS, setup + "import frictionless")
        if has_frictionless:
            contenders.append(their_csv)
        repeat = 1 if size == "1M" or args.quick else args.repeat
        interleave(contenders, repeat)
        xlsx_too = has_frictionless and size != "1M"  # tens of minutes at 1M rows: skipped
        if xlsx_too:
            interleave([their_xlsx], 1)  # a minute or more a run: once
        today = contenders[1] if baseline else None
        lines.append(
            [f"pledgekit validate, new ({size} rows, xlsx)", seconds(new), memory(new), ""]
        )
        if today:
            lines.append([f"pledgekit validate, today ({size})", seconds(today), memory(today), ""])
            lines[-2][3] = f"{ratio(today, new)} faster than today"
        if has_frictionless:
            lines.append(
                [
                    f"frictionless validate, same rows as CSV ({size})",
                    seconds(their_csv),
                    memory(their_csv),
                    f"pledgekit new takes {ratio(new, their_csv)} of this",
                ]
            )
        if xlsx_too:
            lines.append(
                [
                    f"frictionless validate, xlsx ({size})",
                    seconds(their_xlsx),
                    memory(their_xlsx),
                    f"pledgekit new is {ratio(their_xlsx, new)} faster",
                ]
            )
    print(markdown(["what", "median", "peak memory (+ added)", "ratio"], lines))


if __name__ == "__main__":
    main()
