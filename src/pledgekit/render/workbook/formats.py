"""The collection workbook's one output format (its renderer imported when called, as
:mod:`pledgekit.render.registry` says)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render import registry

if TYPE_CHECKING:
    from pledgekit.config.pledge import Definition
    from pledgekit.model.periods import Period
    from pledgekit.render.workbook import collection
else:
    (collection,) = registry.lazy_modules("pledgekit.render.workbook", "collection")

#: A collection workbook renderer: the definition and the period collected in, bytes out.
WorkbookRenderer = Callable[["Definition", "Period"], bytes]

FORMATS: registry.Registry[WorkbookRenderer] = registry.Registry(
    "collection workbook", default="xlsx"
)

FORMATS.add(
    registry.xlsx_format(
        "an Excel workbook with locked titles and data validation", collection.build_collection
    )
)
