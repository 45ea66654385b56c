"""Benchmark: ``pledgekit validate`` on a national-scale workbook against ``frictionless validate``.

The file is 150 councils x 40 measures x 20 quarters (120,000 rows, see national.py). Both tools
read every row: frictionless infers a schema and checks every cell against it; pledgekit reads
the workbook, checks the definition and runs every validation check. Blank commentary cells are
legitimate, so frictionless is told to skip ``missing-cell`` (otherwise it stops at its error
limit after about 1,100 rows) and its error limit is lifted.

Each contender runs in a fresh interpreter (imports excluded from the Python timings, included in
the whole-command ones); peak memory is that process's ``ru_maxrss``.

    python benchmarks/bench_validate.py              # best of 3 (frictionless: of 1)
    python benchmarks/bench_validate.py --repeat 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Timing, table, time_command, time_python  # noqa: E402
from national import ensure  # noqa: E402

#: Aims from the issue: at least this many times faster than frictionless, and under 1 GB.
AIM_SPEEDUP = 5.0
AIM_PEAK_MB = 1024.0


def _exe(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).with_name(name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of pledgekit (best kept)")
    parser.add_argument("--frictionless-repeat", type=int, default=1)
    args = parser.parse_args()

    workbook, pledge = ensure(HERE / "data")
    # frictionless refuses absolute paths (it treats them as unsafe): run both from the folder.
    os.chdir(workbook.parent)
    workbook, pledge = Path(workbook.name), Path(pledge.name)
    setup = f"book = {str(workbook)!r}; pledge = {str(pledge)!r}"
    ours = time_python(
        "pledgekit validate (API)",
        "from pledgekit.api import validate\n"
        "report = validate([book], pledge=pledge)\n"
        "assert not report.unreadable, report.unreadable\n"
        "assert report.counts is not None",
        setup=setup,
        repeat=args.repeat,
    )
    theirs = time_python(
        "frictionless validate (API)",
        "from frictionless import Checklist, validate\n"
        "report = validate(book, checklist=Checklist(skip_errors=['missing-cell']),"
        " limit_errors=10**9)\n"
        "assert report.tasks[0].stats['rows'] == 120000, report.tasks[0].stats",
        setup=setup,
        repeat=args.frictionless_repeat,
    )
    our_cli = time_command(
        "pledgekit validate (command)",
        [_exe("pledgekit"), "validate", str(workbook), "--pledge", str(pledge), "-f", "json"],
        repeat=args.repeat,
    )
    their_cli = time_command(
        "frictionless validate (command)",
        [
            _exe("frictionless"),
            "validate",
            str(workbook),
            "--skip-errors",
            "missing-cell",
            "--limit-errors",
            "1000000000",
            "--json",
        ],
        repeat=args.frictionless_repeat,
    )
    rows: list[tuple[str, Timing, Timing | None]] = [
        ("`pledgekit.checks.validate`, 120,000 rows", ours, theirs),
        ("`frictionless.validate`, same file", theirs, None),
        ("`pledgekit validate -f json` (whole process)", our_cli, their_cli),
        ("`frictionless validate --json` (whole process)", their_cli, None),
    ]
    print(table(rows))
    print()
    speedup = theirs.seconds / ours.seconds
    print(
        f"pledgekit validate: {ours.seconds:.2f} s, peak {ours.peak_mb:,.0f} MB; "
        f"frictionless: {theirs.seconds:.2f} s, peak {theirs.peak_mb:,.0f} MB; "
        f"pledgekit is {speedup:.1f}x faster "
        f"({their_cli.seconds / our_cli.seconds:.1f}x as whole commands)."
    )
    met = speedup >= AIM_SPEEDUP and ours.peak_mb < AIM_PEAK_MB
    verdict = "met" if met else "NOT met"
    print(f"Aim ({AIM_SPEEDUP:g}x faster, under {AIM_PEAK_MB:,.0f} MB): {verdict}.")


if __name__ == "__main__":
    main()
