"""The codes the SSDA903 guidance defines, for the columns whose codes decide a count.

Only these columns are checked: a code outside its list is an ``records-bad-code`` finding and
the row is kept (the rules then treat the code as matching no category). Older returns used a
few codes since withdrawn (H5 semi-independent living before October 2023, E14-E16, the
F placement codes of years before 2010); they are accepted so a past year reads cleanly.
"""

from __future__ import annotations

from pledgekit.model.ssda903_tables import OC2_FLAGS

_RNE = "S L P T B U"
_LS = "C1 C2 D1 E1 V2 V3 V4 L1 L2 L3 J1 J2 J3"
_REC = "X1 E11 E12 E13 E14 E15 E16 E17 E2 E3 E41 E42 E43 E44 E45 E46 E47 E48 E4A E4B E5 E6 E7 E8 E9"
_PLACE = (
    "A1 A2 A3 A4 A5 A6 F1 F2 F3 F4 F5 F6 H1 H2 H3 H4 H5 K1 K2 K3 M1 M2 M3 P0 P1 P2 P3 P4 P5 R0 "
    "R1 R2 R3 R4 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z1"
)
_IN_TOUCH = "YES NO DIED REFU NREQ RHOM"
_ACTIV = "F1 F2 F3 F4 F5 P1 P2 P3 P4 P5 G4 G5 G6 0"

#: Column -> (what its codes are, in a message; the codes).
CODE_LISTS: dict[str, tuple[str, frozenset[str]]] = {
    "RNE": ("reasons for a new episode", frozenset(_RNE.split())),
    "LS": ("legal statuses", frozenset(_LS.split())),
    "REC": ("reasons an episode ceased", frozenset(_REC.split())),
    "PLACE": ("placement types", frozenset(_PLACE.split())),
    "IN_TOUCH": ("care leaver contact codes", frozenset(_IN_TOUCH.split())),
    "ACTIV": ("care leaver activity codes", frozenset(_ACTIV.split())),
}

#: Flag columns holding 0 or 1: OC2's outcome flags.
FLAG_COLUMNS = frozenset(OC2_FLAGS)

#: SDQ scores run from 0 to 40.
SDQ_RANGE = (0.0, 40.0)
