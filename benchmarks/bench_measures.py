"""Benchmark: scorecard and validate as the definition grows from 35 to 2,000 measures.

One council, 20 quarters, 35 / 140 / 500 / 2,000 percent measures (see national.py). Linear
cost means four times the measures takes about four times as long; the aim is at most 4.5
times. Today (before issue #9) and new run interleaved, each in a fresh process (imports done
before the clock starts; reading pledge.yaml is timed, as it grows with the measures); medians.

    python benchmarks/bench_measures.py                 # 3 rounds
    python benchmarks/bench_measures.py --quick         # 35 and 140 measures, new only, once
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Contender, arguments, interleave, markdown, versions  # noqa: E402
from national import ensure_sized  # noqa: E402

MEASURES = (35, 140, 500, 2000)
SCORECARD = "card, _ = load_scorecard([book], pledge=pledge)\nassert len(card.rows) == measures"
VALIDATE = "report = validate([book], pledge=pledge)\nassert report.counts is not None"


def main() -> None:
    args = arguments(__doc__, "35 and 140 measures, once, new only")
    sizes = MEASURES[:2] if args.quick else MEASURES
    runs = versions(args)
    found: dict[tuple[str, str, int], Contender] = {}
    for measures in sizes:
        book, pledge = ensure_sized(HERE / "data", 1, measures)
        setup = (
            f"from pathlib import Path\nbook = Path({str(book)!r}); pledge = Path({str(pledge)!r})"
            f"\nmeasures = {measures}\nfrom pledgekit.api import load_scorecard, validate\n"
            "import pledgekit.checks, pledgekit.score.scoring, pledgekit.read.workbooks\n"
            "import numpy, pandas\n"
        )
        contenders = []
        for version, path in runs.items():
            for what, body in (("scorecard", SCORECARD), ("validate", VALIDATE)):
                contender = Contender(f"{what} {version} {measures}", body, setup, pythonpath=path)
                found[(what, version, measures)] = contender
                contenders.append(contender)
        interleave(contenders, 1 if args.quick else args.repeat)
    rows = []
    for what in ("scorecard", "validate"):
        for version in runs:
            times = [found[(what, version, m)].seconds for m in sizes]
            growth = [f"{b / a:.1f}x" for a, b in itertools.pairwise(times)]
            rows.append([f"{what}, {version}", *(f"{t:.2f} s" for t in times), *growth])
    steps = [f"{b:,} / {a:,}" for a, b in itertools.pairwise(sizes)]
    print(markdown(["measures", *(f"{m:,}" for m in sizes), *steps], rows))


if __name__ == "__main__":
    main()
