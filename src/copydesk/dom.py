"""Step 3: text to an lxml tree, with the parser settings in one place, plus read-only helpers.

The parser never touches the network or the disk: no DTD loading, no entity expansion.
"""
from __future__ import annotations

import re

from lxml import etree

from .errors import NoContentError

_OPTIONS = dict(remove_comments=True, remove_pis=True, no_network=True, collect_ids=False,
                default_doctype=False)


# Plain etree elements, not lxml.html's: an HtmlElement proxy is a Python subclass instance,
# and every step creates hundreds of proxies; the few HtmlElement helpers used are below.
Element = etree._Element
_PARSER = etree.HTMLParser(**_OPTIONS)
# The text is already decoded: lxml reads it back as UTF-8 bytes, which it parses faster than
# a str, and ignores whatever charset the page declares.
_UTF8_PARSER = etree.HTMLParser(encoding="utf-8", **_OPTIONS)
# XPath string(): all descendant text, no comments or PIs (lxml.html's text_content()).
_STRING = etree.XPath("string()")
# lxml refuses NUL and most C0 controls; they carry nothing for a reader. As bytes they never
# occur inside a multi-byte UTF-8 sequence, so one C-level translate removes them all.
_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_CONTROLS = tuple(bytes([byte]) for byte in _CONTROL_BYTES)
_NONCHARACTERS = ("\ufffe", "\uffff")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def parse(text: str) -> Element:
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
        root = _document(data, _UTF8_PARSER)
    except (etree.ParserError, ValueError):
        root = _salvage(data.decode("utf-8", errors="replace"))
    if root is None:
        raise NoContentError("nothing could be parsed")
    return root


def _salvage(text: str) -> Element | None:
    """Badly broken markup that lxml rejects outright: let bs4's tolerant builder re-serialise."""
    from bs4 import BeautifulSoup  # off the hot path: only for pages lxml cannot read

    soup = BeautifulSoup(text, "html.parser")
    try:
        return _document(str(soup) or "<html></html>", _PARSER)
    except (etree.ParserError, ValueError):
        return None


def _document(data: bytes | str, parser: etree.HTMLParser) -> Element:
    root = etree.fromstring(data, parser)
    if root is None:
        raise etree.ParserError("Document is empty")
    return root


def text_content(el: Element) -> str:
    """All the text inside el, its own tail excluded."""
    return _STRING(el)


def drop_tree(el: Element) -> None:
    """Remove el and everything inside it, keeping its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)
