"""The collection workbook's output format (see :mod:`pledgekit.render.registry`).

The renderer imports the module that does the work when it is called, so listing the format
stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgekit.render.registry import Registry, xlsx_format

if TYPE_CHECKING:
    from pledgekit.config.pledge import Definition
    from pledgekit.model.periods import Period

#: A collection workbook renderer: the definition and the period collected in, bytes out.
WorkbookRenderer = Callable[["Definition", "Period"], bytes]


def _xlsx(definition: Definition, period: Period) -> bytes:
    from pledgekit.render.workbook.collection import build_collection

    return build_collection(definition, period)


FORMATS: Registry[WorkbookRenderer] = Registry("collection workbook", default="xlsx")

FORMATS.add(xlsx_format("an Excel workbook with locked titles and data validation", _xlsx))
