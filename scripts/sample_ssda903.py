"""Synthetic SSDA903 files for the sample: three collection years of a small invented council.

Writes ``sample_data/ssda903/2022-23``, ``2023-24`` and ``2024-25`` (a CSV per table) from the
seeded generator in ``tests/ssda903_synth.py`` (random children, no real child), so the README's
path from 903 files to a scorecard runs on files in the repository. The generator plants UPN-
and postcode-shaped values for leak tests; the sample carries none: every UPN is ``UN1`` (the
return's own code for "no UPN known"), and HOME_POST and PL_POST are blank, so nothing in the
sample looks like a child's identifier beyond the invented CHILD ids and dates of birth that
counting needs.

    python scripts/sample_ssda903.py     # rewrites sample_data/ssda903 (same bytes every time)
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.ssda903_synth import synthesize  # noqa: E402

FOLDER = ROOT / "sample_data" / "ssda903"
CHILDREN = 400
YEARS = (2023, 2024, 2025)
SEED = 903


def main() -> None:
    """Rewrite the sample's 903 files."""
    made = synthesize(children=CHILDREN, years=YEARS, seed=SEED)
    for tables in made.tables.values():
        tables["Header"]["UPN"] = "UN1"
        for column in ("HOME_POST", "PL_POST"):
            tables["Episodes"][column] = ""
    shutil.rmtree(FOLDER, ignore_errors=True)
    for path in made.write(FOLDER):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
