"""Step 3: text to an lxml tree, with the parser settings in one place, plus read-only helpers.

The parser never touches the network or the disk: no DTD loading, no entity expansion.
"""
from __future__ import annotations

import re

from lxml import etree, html

from .errors import NoContentError

_PARSER = html.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    collect_ids=False,
    default_doctype=False,
)
# lxml refuses NUL and most C0 controls in str input; they carry nothing for a reader.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_WS = re.compile(r"\s+")


def parse(text: str) -> html.HtmlElement:
    """Parse HTML (or tag soup) into an lxml tree; salvage with BeautifulSoup if lxml gives up."""
    text = _XML_DECL.sub("", _CONTROL.sub("", text), count=1)
    try:
        root = html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        root = _salvage(text)
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


def fold_ws(text: str) -> str:
    return _WS.sub(" ", text).strip()


def text_of(el: etree._Element) -> str:
    """All the text under an element, white space folded."""
    return fold_ws(el.text_content()) if isinstance(el, html.HtmlElement) else fold_ws(
        "".join(el.itertext())
    )


def tokens_of(el: etree._Element) -> str:
    """The element's class and id, lower-cased, as one string of words for token patterns."""
    cls = el.get("class") or ""
    ident = el.get("id") or ""
    if not cls and not ident:
        return ""
    return f"{cls} {ident}".lower()
