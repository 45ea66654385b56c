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
children (10x the children at most 11x the time). With ``--baseline REV``, the reader and the
whole path as they were at commit REV ("before") run interleaved with this tree's ("after").

    python benchmarks/bench_ssda903.py            # 17,600 and 176,000 children, 3 rounds
    python benchmarks/bench_ssda903.py --baseline d22d5a5   # and before/after rows
    python benchmarks/bench_ssda903.py --quick    # 1,000 and 10,000 children, once
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

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
    args = arguments(__doc__, "1,000 and 10,000 children, once", baseline="")
    sizes = QUICK if args.quick else FULL
    before = baseline_tree(args)
    versions = {**({"before": before} if before else {}), "after": None}
    found: dict[tuple[str, str, int], Contender] = {}
    rows: dict[int, int] = {}
    for children in sizes:
        folder, rows[children] = ensure_returns(children)
        setup = SETUP.format(folder=str(folder))
        floor = Contender(f"read_csv {children:,}", BODIES["read_csv"], setup)
        found[("read_csv", "", children)] = floor
        for version, pythonpath in versions.items():
            for name in ("read", "ssda903"):
                label = f"{name} {children:,}" + (f" {version}" if before else "")
                found[(name, version, children)] = Contender(
                    label, BODIES[name], setup, pythonpath=pythonpath
                )
        contenders = [c for key, c in found.items() if key[2] == children]
        interleave(contenders, 1 if args.quick else args.repeat)
    table = []
    for children in sizes:
        floor = found[("read_csv", "", children)]
        for version in versions:
            read, whole = found[("read", version, children)], found[("ssda903", version, children)]
            table.append(
                [
                    f"{children:,}" + (f", {version}" if before else ""),
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
    growth = found[("ssda903", "after", large)].seconds / found[("ssda903", "after", small)].seconds
    print(f"\n10x the children: ssda903 takes {growth:.1f}x the time (aim: at most 11x)")


if __name__ == "__main__":
    main()
