"""Benchmark: DfE's measures from SSDA903 files, against pandas.read_csv reading the same files.

Synthetic returns (tests/ssda903_synth.py: random children, no real child) of five collection
years, about 370,000 episode rows: 100 councils' worth. Three contenders
run interleaved in fresh processes (imports done before the clock starts), medians kept:

- ``read_csv``: ``pandas.read_csv(dtype=str)`` reading every CSV file, nothing else (the floor;
  every cell as text, as pledgekit's reader reads them, so like is compared with like: letting
  pandas infer types instead is slower, about 1.5x, and would flatter pledgekit);
- ``read``: pledgekit's 903 reader (tables known by their columns, typed, years told);
- ``ssda903``: the whole ``pledgekit ssda903 --years all`` path in the library: reading,
  every measure for every year, disclosure control.

The aims: ``ssda903`` within 3x ``read_csv`` with peak memory under 1 GB, and linear in
children (10x the children at most 11x the time).

    python benchmarks/bench_ssda903.py            # 17,600 and 176,000 children, 3 rounds
    python benchmarks/bench_ssda903.py --quick    # 1,000 and 10,000 children, once
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from harness import Contender, arguments, interleave, markdown, memory, ratio, seconds  # noqa: E402

YEARS = (2021, 2022, 2023, 2024, 2025)
FULL = (17_600, 176_000)
QUICK = (1_000, 10_000)

SETUP = (
    "from pathlib import Path\nimport pandas as pd\nfolder = Path({folder!r})\n"
    "files = sorted(folder.rglob('*.csv'))\n"
    "from pledgekit.api import ssda903\nfrom pledgekit.read.ssda903.read_returns import read_903\n"
    "import pledgekit.records.catalogue, pledgekit.privacy.records_disclosure\n"
)
BODIES = {
    "read_csv": "for f in files:\n    pd.read_csv(f, dtype=str)",
    "read": "assert read_903([folder]).records.years",
    "ssda903": "assert ssda903([folder], all_years=True).figures",
}


def ensure_returns(children: int) -> tuple[Path, int]:
    """The five years' returns for ``children`` children (made once, kept in benchmarks/data),
    and their number of episode rows."""
    from tests.ssda903_synth import synthesize

    folder = HERE / "data" / f"ssda903-synth-{children}"
    if not (folder / "2024-25" / "episodes.csv").exists():
        synthesize(children=children, years=YEARS, seed=children).write(folder)
    rows = sum(sum(1 for _ in p.open()) - 1 for p in folder.rglob("episodes.csv"))
    return folder, rows


def main() -> None:
    args = arguments(__doc__, "1,000 and 10,000 children, once")
    sizes = QUICK if args.quick else FULL
    found: dict[tuple[str, int], Contender] = {}
    rows: dict[int, int] = {}
    for children in sizes:
        folder, rows[children] = ensure_returns(children)
        setup = SETUP.format(folder=str(folder))
        contenders = [
            Contender(f"{name} {children:,}", body, setup) for name, body in BODIES.items()
        ]
        found.update({(name, children): c for name, c in zip(BODIES, contenders, strict=True)})
        interleave(contenders, 1 if args.quick else args.repeat)
    table = []
    for children in sizes:
        floor, read, whole = (found[(name, children)] for name in BODIES)
        table.append(
            [
                f"{children:,}",
                f"{rows[children]:,}",
                seconds(floor),
                seconds(read),
                seconds(whole),
                ratio(read, floor),
                ratio(whole, floor),
                f"{read.cpu_seconds / floor.cpu_seconds:.2f}x",
                f"{whole.cpu_seconds / floor.cpu_seconds:.2f}x",
                memory(whole),
            ]
        )
    print(
        markdown(
            [
                "children",
                "episode rows",
                "read_csv",
                "903 reader",
                "ssda903 (all years)",
                "reader / read_csv",
                "ssda903 / read_csv",
                "reader / read_csv, CPU time",
                "ssda903 / read_csv, CPU time",
                "ssda903 peak memory",
            ],
            table,
        )
    )
    small, large = sizes
    growth = found[("ssda903", large)].seconds / found[("ssda903", small)].seconds
    print(f"\n10x the children: ssda903 takes {growth:.1f}x the time (aim: at most 11x)")


if __name__ == "__main__":
    main()
