"""Same input, same bytes: rewrite a zip (an .xlsx) with fixed entry times.

openpyxl stamps every zip entry, and the document's "modified" property, with the time of saving,
so two saves a second apart differ whatever properties were set. Golden tests, caches and "did
anything change?" checks in CI need the bytes to depend on the content only.
"""

from __future__ import annotations

import io
import re
import zipfile

#: The earliest time a zip entry can carry; any fixed value would do.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def stable_zip(data: bytes) -> bytes:
    """``data`` (a zip archive) re-written with every entry's time set to :data:`FIXED_TIME`."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            target.writestr(entry, content)
    return out.getvalue()
