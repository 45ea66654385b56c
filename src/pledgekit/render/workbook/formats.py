"""The collection workbook's output format (see :mod:`pledgekit.render.registry`).

The renderer's module is imported when it is called (:func:`lazy_modules`), so listing the
format stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render.registry import Registry, lazy_modules, xlsx_format

if TYPE_CHECKING:
    from pledgekit.config.pledge import Definition
    from pledgekit.model.periods import Period
    from pledgekit.render.workbook import collection
else:
    (collection,) = lazy_modules("pledgekit.render.workbook", "collection")

#: A collection workbook renderer: the definition and the period collected in, bytes out.
WorkbookRenderer = Callable[["Definition", "Period"], bytes]

FORMATS: Registry[WorkbookRenderer] = Registry("collection workbook", default="xlsx")

FORMATS.add(
    xlsx_format(
        "an Excel workbook with locked titles and data validation", collection.build_collection
    )
)
