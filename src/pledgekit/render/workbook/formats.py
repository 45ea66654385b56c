"""The collection workbook's output format (see :mod:`pledgekit.render.registry`)."""

from __future__ import annotations

from pledgekit.render.registry import OutputFormat, Registry

FORMATS: Registry[object] = Registry("collection workbook", default="xlsx")

FORMATS.add(
    OutputFormat(
        "xlsx",
        "an Excel workbook with locked titles and data validation",
        "pledgekit.render.workbook.collection:build_collection",
        suffixes=(".xlsx",),
        binary=True,
    )
)
