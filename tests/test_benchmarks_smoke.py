"""The benchmark scripts still run (their ``--quick`` mode: small files, one round, no baseline).

Timings are never asserted here: speed is measured by the scripts themselves, not in CI.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_ingest_and_measures_benchmarks_run_and_print_their_tables() -> None:
    for script, heading in (
        ("bench_ingest.py", "| rows | calamine floor |"),
        ("bench_measures.py", "| measures | 35 | 140 |"),
    ):
        done = subprocess.run(
            [sys.executable, str(BENCHMARKS / script), "--quick"],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.startswith(heading), done.stdout
        assert "pledgekit new" in done.stdout or "new" in done.stdout


def test_ssda903_benchmark_runs_and_prints_its_table() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "bench_ssda903.py"), "--quick"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("| children | episode rows | read_csv |"), done.stdout
    assert "10x the children: ssda903 takes" in done.stdout
