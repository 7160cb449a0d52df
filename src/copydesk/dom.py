"""Step 3: text to an lxml tree, with the parser settings in one place, plus read-only helpers.

The parser never touches the network or the disk: no DTD loading, no entity expansion.
"""
from __future__ import annotations

import re

from lxml import etree, html

from .errors import NoContentError

_OPTIONS = dict(remove_comments=True, remove_pis=True, no_network=True, collect_ids=False,
                default_doctype=False)


def _class_lookup() -> etree.ElementNamespaceClassLookup:
    """lxml.html's element classes, chosen in C: its own lookup is a Python method that
    lxml calls for every element proxy it creates, and every step creates hundreds."""
    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=html.HtmlElement, comment=html.HtmlComment,
        pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity,
    ))
    special = lookup.get_namespace(None)  # HTML elements have no namespace
    for tag, cls in html.HtmlElementClassLookup._default_element_classes.items():
        special[tag] = cls  # form, input, select, textarea, label
    return lookup


_PARSER = html.HTMLParser(**_OPTIONS)
# The text is already decoded: lxml reads it back as UTF-8 bytes, which it parses faster than
# a str, and ignores whatever charset the page declares.
_UTF8_PARSER = html.HTMLParser(encoding="utf-8", **_OPTIONS)
for _parser in (_PARSER, _UTF8_PARSER):
    _parser.set_element_class_lookup(_class_lookup())
# lxml refuses NUL and most C0 controls; they carry nothing for a reader. As bytes they never
# occur inside a multi-byte UTF-8 sequence, so one C-level translate removes them all.
_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_CONTROLS = tuple(bytes([byte]) for byte in _CONTROL_BYTES)
_NONCHARACTERS = ("\ufffe", "\uffff")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def parse(text: str) -> html.HtmlElement:
    """Parse HTML (or tag soup) into an lxml tree; salvage with BeautifulSoup if lxml gives up."""
    if text.lstrip()[:5] == "<?xml":
        text = _XML_DECL.sub("", text, count=1)
    for char in _NONCHARACTERS:
        if char in text:
            text = text.replace(char, "")
    data = text.encode("utf-8", errors="replace")
    # Few pages hold any control: a memchr per byte value is cheaper than a translate that
    # copies the page byte by byte.
    if any(control in data for control in _CONTROLS):
        data = data.translate(None, _CONTROL_BYTES)
    try:
        root = html.document_fromstring(data, parser=_UTF8_PARSER)
    except (etree.ParserError, ValueError):
        root = _salvage(data.decode("utf-8", errors="replace"))
    if root is None:
        raise NoContentError("nothing could be parsed")
    return root


def _salvage(text: str) -> html.HtmlElement | None:
    """Badly broken markup that lxml rejects outright: let bs4's tolerant builder re-serialise."""
    from bs4 import BeautifulSoup  # off the hot path: only for pages lxml cannot read

    soup = BeautifulSoup(text, "html.parser")
    try:
        return html.document_fromstring(str(soup) or "<html></html>", parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
