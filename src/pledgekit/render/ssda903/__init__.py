"""The figures computed from SSDA903 files, written out: the indicator sheet in every format."""
