"""Peak memory of a piece of code run in a fresh Python process (for hostile-input tests).

The child runs under an address-space limit, so a runaway allocation fails there (and the test
with it) instead of taking the machine down; it reports its own peak resident size (VmHWM, which, unlike ``getrusage``'s maximum, starts
afresh at exec rather than carrying over the forking test process's size).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap

_LIMIT = 3 * 1024**3  # bytes of address space for the child
_MARK = "PEAK-RSS-KB "


def _limit() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (_LIMIT, _LIMIT))


def peak_memory_mb(code: str, timeout: float = 120) -> tuple[float, str]:
    """Run ``code`` in a new interpreter; return its peak resident memory in MB and its stdout.

    Fails the calling test if the child dies (a Rust abort, a MemoryError, a signal).
    """
    wrapped = (
        "import re\ntry:\n"
        + textwrap.indent(textwrap.dedent(code), "    ")
        + "\nfinally:\n    status = open('/proc/self/status').read()\n"
        + f"    print({_MARK!r} + re.search(r'VmHWM:\\s*(\\d+)', status)[1], flush=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapped],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit,
        check=False,
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-2000:]}"
    out, _, peak = done.stdout.rpartition(_MARK)
    return int(peak) / 1024, out
