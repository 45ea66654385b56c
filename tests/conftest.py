"""Settings shared by the whole suite.

Hypothesis' per-example deadline measures wall time, so on a loaded machine (CI shares its cores)
a slow example fails a property that holds: speed is measured in benchmarks/, never asserted in
tests. A failure prints the blob that reproduces it.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("pledgekit", deadline=None, print_blob=True)
settings.load_profile("pledgekit")
