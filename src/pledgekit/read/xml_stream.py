"""A streaming XML parser for untrusted XML: the sheets inside spreadsheet files and the
SSDA903 XML return.

Such XML can be hundreds of MB, so it is parsed as it is inflated, a chunk at a time, with
expat (the parser under :mod:`xml.etree.ElementTree`) calling back for each element: nothing
is kept but what the caller keeps, and a chunk boundary can fall anywhere, inside a tag or an
attribute, without changing what is seen. As defusedxml does (``forbid_dtd``,
``forbid_entities``, ``forbid_external``), a document type declaration, an entity declaration
or an external entity is refused (parameter entities are never parsed): no input pledgekit
reads has them, and they are how an XML file grows a billionfold or reads other files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from xml.parsers import expat


class XmlError(ValueError):
    """The XML is not well-formed, or declares what no input pledgekit reads ever does."""


class _Forbidden(Exception):
    """Raised inside a handler: expat stops and the parse fails with it."""


def _forbid_dtd(*_: object) -> None:
    raise _Forbidden("a document type declaration (DTD), which no input pledgekit reads has")


def _forbid_entity(*_: object) -> None:
    raise _Forbidden("an entity declaration, which no input pledgekit reads has")


def _forbid_external(*_: object) -> bool:
    raise _Forbidden("an external entity, which no input pledgekit reads uses")


StartHandler = Callable[[str, dict[str, str]], Any]
EndHandler = Callable[[str], Any]
TextHandler = Callable[[str], Any]


def parse(
    chunks: Iterable[bytes],
    start: StartHandler,
    end: EndHandler | None = None,
    text: TextHandler | None = None,
) -> None:
    """Parse the XML given in ``chunks``, calling ``start(name, attributes)`` for each element,
    ``end(name)`` as each closes and ``text(characters)`` for the text between tags (entities
    and character references replaced; one call for each run of text).

    Names are as written, prefix included (``x:c``; see :func:`local`). The handlers may raise
    (an :class:`~pledgekit.model.errors.InputError`, say) to stop the parse: it propagates.
    Raises :class:`XmlError` for XML that is not well-formed or that declares a DTD or entities.
    """
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _forbid_dtd
    parser.EntityDeclHandler = _forbid_entity
    parser.UnparsedEntityDeclHandler = _forbid_entity
    parser.ExternalEntityRefHandler = _forbid_external
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.buffer_text = True
        parser.CharacterDataHandler = text
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Forbidden as exc:
        raise XmlError(f"line {parser.CurrentLineNumber}: the XML holds {exc}") from None
    except expat.ExpatError as exc:
        raise XmlError(f"the XML is damaged ({exc})") from None


def local(name: str) -> str:
    """An element's name without its namespace prefix (``x:c`` -> ``c``)."""
    return name.rpartition(":")[2]
