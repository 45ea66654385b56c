"""LibreOffice, headless, for the tests that check a file the way an office suite opens it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def find_soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(
    source: Path, to: str, outdir: Path, *, infilter: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Have LibreOffice open ``source`` and save it as ``to`` (``"pdf"``, ``"xlsx"``, a
    ``"csv:..."`` filter) in ``outdir``; the result says how it went (not checked here).

    A private profile beside the output keeps parallel runs from sharing one, and HOME points
    there too, so nothing is written to the user's own.
    """
    soffice = find_soffice()
    assert soffice is not None, "LibreOffice is not installed"
    profile = outdir / "lo-profile"
    return subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "HOME": str(outdir)},
    )
