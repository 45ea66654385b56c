"""Timing helpers shared by the benchmark scripts: contenders side by side, interleaved, medians.

Each run of each contender is a fresh interpreter, so wall times are honest (imports included
where the user pays them) and the peak memory (``ru_maxrss``) counts what Rust and C libraries
allocate outside Python. Runs are interleaved (A B C A B C ...) rather than batched, so a busy
neighbour on a shared machine slows every contender alike, and the median of the runs is kept.

"Today" is pledgekit as it was before issue #9 (commit :data:`TODAY`), run from a ``git archive``
of that commit put first on ``PYTHONPATH``; "new" is the working tree.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The last commit before the columnar dataset (issue #9): the "today" figures.
TODAY = "0194eff"

_PROBE = """
import json, resource, sys, time
setup = {setup!r}
body = {body!r}
namespace = {{}}
exec(setup, namespace)
with open("/proc/self/statm") as statm:
    base = int(statm.read().split()[1]) * resource.getpagesize() / 2**20
start = time.perf_counter()
cpu = time.process_time()
exec(body, namespace)
elapsed = time.perf_counter() - start
cpu = time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": elapsed, "cpu": cpu, "peak_mb": peak, "added_mb": peak - base}}))
"""


@dataclass
class Contender:
    """Something to time: Python ``body`` after ``setup`` (untimed), or a whole command."""

    name: str
    body: str = ""
    setup: str = ""
    argv: Sequence[str] = ()
    pythonpath: str | None = None
    ok: tuple[int, ...] = (0, 1)
    runs: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    added: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        """Median wall time of the runs."""
        return statistics.median(self.runs)

    @property
    def cpu_seconds(self) -> float:
        """Median CPU time of the runs (NaN for whole commands): less swayed by other load."""
        return statistics.median(self.cpus) if self.cpus else float("nan")

    @property
    def peak_mb(self) -> float:
        """Median peak resident memory of the runs (NaN for whole commands)."""
        return statistics.median(self.peaks) if self.peaks else float("nan")

    @property
    def added_mb(self) -> float:
        """Median growth of the peak over the memory held before the timed part started."""
        return statistics.median(self.added) if self.added else float("nan")

    def run_once(self) -> None:
        """One run in a fresh process; raises with the child's stderr when it fails."""
        env = dict(os.environ)
        if self.pythonpath:
            env["PYTHONPATH"] = self.pythonpath + os.pathsep + env.get("PYTHONPATH", "")
        if self.argv:
            start = time.perf_counter()
            done = subprocess.run(list(self.argv), capture_output=True, check=False, env=env)
            self.runs.append(time.perf_counter() - start)
            if done.returncode not in self.ok:
                message = done.stderr.decode(errors="replace")[-2000:]
                raise RuntimeError(f"{self.name} exited {done.returncode}:\n{message}")
            return
        script = _PROBE.format(setup=self.setup, body=self.body)
        ran = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=env
        )
        if ran.returncode != 0:
            raise RuntimeError(f"{self.name} failed:\n{ran.stderr[-2000:]}")
        result = json.loads(ran.stdout.strip().splitlines()[-1])
        self.runs.append(result["seconds"])
        self.peaks.append(result["peak_mb"])
        self.added.append(result["added_mb"])
        self.cpus.append(result["cpu"])


def interleave(contenders: Sequence[Contender], repeat: int) -> None:
    """Run every contender ``repeat`` times, one run of each in turn, printing progress."""
    for round_ in range(repeat):
        for contender in contenders:
            contender.run_once()
            print(
                f"  [{round_ + 1}/{repeat}] {contender.name}: {contender.runs[-1]:.2f} s",
                file=sys.stderr,
                flush=True,
            )


def arguments(
    doc: str, quick: str, million: bool = False, baseline: str = TODAY
) -> argparse.Namespace:
    """The options every benchmark script takes: ``--repeat``, ``--quick`` (what ``quick``
    says), ``--baseline`` (by default ``baseline``: '' for none) and, for the row-scaling
    scripts, ``--million``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (median kept)")
    if million:
        parser.add_argument("--million", action="store_true", help="also 1,000,000 rows (slow)")
    parser.add_argument("--quick", action="store_true", help=quick)
    parser.add_argument("--baseline", default=baseline, help="git revision of 'today' (or '')")
    return parser.parse_args()


def baseline_tree(args: argparse.Namespace) -> str | None:
    """``src`` of the 'today' tree to run beside the new code, or None (``--quick`` runs the
    new code only)."""
    return today_tree(args.baseline) if args.baseline and not args.quick else None


def versions(args: argparse.Namespace) -> dict[str, str | None]:
    """Each version to run and its ``PYTHONPATH``: new (this tree) and, unless quick, today."""
    baseline = baseline_tree(args)
    return {"new": None, **({"today": baseline} if baseline else {})}


def today_tree(rev: str = TODAY) -> str:
    """``src`` of commit ``rev`` (with the templates and sample data it finds beside it in a
    checkout) extracted into a temporary folder; returns the path of ``src``."""
    folder = Path(tempfile.mkdtemp(prefix="pledgekit-today-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    archive = folder / "src.tar"
    with archive.open("wb") as handle:
        subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "archive",
                "--format=tar",
                rev,
                "src",
                "templates",
                "sample_data",
            ],
            stdout=handle,
            check=True,
        )
    with tarfile.open(archive) as tar:
        try:
            tar.extractall(folder, filter="data")
        except TypeError:  # Python without extraction filters (before 3.10.12)
            tar.extractall(folder)  # our own repository's archive
    return str(folder / "src")


def ratio(a: Contender, b: Contender) -> str:
    """How many times ``a``'s median time is ``b``'s, as ``1.4x``."""
    return f"{a.seconds / b.seconds:.2f}x"


def seconds(c: Contender) -> str:
    """Median time, as ``1.23 s``."""
    return f"{c.seconds:.2f} s"


def memory(c: Contender) -> str:
    """Median peak memory and, after ``+``, what the timed part added to the memory held
    before it (imports and setup): ``180 MB (+98)``. Blank for whole commands."""
    if c.peak_mb != c.peak_mb:
        return ""
    return f"{c.peak_mb:,.0f} MB (+{c.added_mb:,.0f})"


def markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
