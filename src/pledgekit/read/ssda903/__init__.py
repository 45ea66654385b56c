"""SSDA903 files (the children looked after return) -> ``model.ssda903_tables.Records903``.

CSV files of any name (each table known by its columns), folders of them, and the XML return.
See :mod:`.read_returns` for the entry point and :mod:`.return_years` for how a file's
collection year is known.
"""
