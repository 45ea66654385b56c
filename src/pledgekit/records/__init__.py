"""The records layer: DfE's headline children-looked-after measures from the council's 903 files.

One small pure function per measure over the 903 frames (``in_care``, ``outcomes``,
``care_leavers``, ``placements``), the groups and joins they share (``cohorts``, ``history``,
``collection_year``, ``memo``), the catalogue that runs them (``catalogue``), and the structural
problems that stop a count (``structure``). Nothing child-level leaves this layer: a measure
returns counts, and a finding names a file, row and column, never a value.
"""
