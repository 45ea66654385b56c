"""Timing helpers shared by the benchmark scripts: each contender runs in a fresh process.

A fresh interpreter per run gives honest wall times (imports included where the user pays them)
and a clean peak-memory reading (``ru_maxrss``), which also counts memory that Rust and C
libraries allocate outside Python's tracemalloc.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

_PROBE = """
import json, resource, sys, time
setup = {setup!r}
body = {body!r}
namespace = {{}}
exec(setup, namespace)
start = time.perf_counter()
exec(body, namespace)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": elapsed, "peak_mb": peak}}))
"""


@dataclass(frozen=True)
class Timing:
    """Best-of-N wall time (seconds) and the peak resident memory of that process (MB)."""

    name: str
    seconds: float
    peak_mb: float
    runs: list[float]


def time_python(name: str, body: str, *, setup: str = "", repeat: int = 3) -> Timing:
    """Run ``body`` in a fresh interpreter ``repeat`` times; time only ``body``."""
    runs, peaks = [], []
    for _ in range(repeat):
        script = _PROBE.format(setup=setup, body=body)
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"{name} failed:\n{done.stderr[-2000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        runs.append(result["seconds"])
        peaks.append(result["peak_mb"])
    best = min(range(repeat), key=lambda i: runs[i])
    return Timing(name, runs[best], peaks[best], runs)


def time_command(
    name: str, argv: list[str], *, repeat: int = 3, ok: tuple[int, ...] = (0, 1)
) -> Timing:
    """Wall time of a whole command (start-up included), best of ``repeat``."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, check=False)
        runs.append(time.perf_counter() - start)
        if done.returncode not in ok:
            raise RuntimeError(f"{name} exited {done.returncode}:\n{done.stderr.decode()[-2000:]}")
    return Timing(name, min(runs), float("nan"), runs)


def table(rows: list[tuple[str, Timing, Timing | None]]) -> str:
    """Markdown table: name, time, peak memory, and ratio against a baseline where given."""
    lines = ["| what | best time | peak memory | vs. baseline |", "|---|--:|--:|--:|"]
    for label, timing, baseline in rows:
        ratio = f"{baseline.seconds / timing.seconds:.1f}x faster" if baseline else ""
        memory = "" if timing.peak_mb != timing.peak_mb else f"{timing.peak_mb:,.0f} MB"
        lines.append(f"| {label} | {timing.seconds:.2f} s | {memory} | {ratio} |")
    return "\n".join(lines)


def median(values: list[float]) -> float:
    """Median of a list of timings."""
    return statistics.median(values)
