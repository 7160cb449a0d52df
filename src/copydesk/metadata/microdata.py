"""schema.org microdata (itemprop attributes) in the page's markup."""
from __future__ import annotations


from ..dom import Element, text_content
from .candidates import Candidates
from .scan import Scan, walk

SOURCE = "microdata"
_FIELDS = {"headline": "headline", "author": "author", "datePublished": "published",
           "dateModified": "modified", "publisher": "publisher"}


def read(root: Element, found: Candidates, page: Scan | None = None) -> None:
    for el in (page or walk(root)).props:  # itemprop headline, author, dates, publisher
        if el.tag == "meta" and el.getparent() is not None and el.getparent().tag == "head":
            continue  # meta tags in <head> were read as meta already
        field = _FIELDS[el.get("itemprop")]
        found.add(field, _value(el, field), SOURCE)


def _value(el: Element, field: str) -> str | None:
    if field in ("published", "modified"):
        return el.get("datetime") or el.get("content") or text_content(el)
    if field in ("author", "publisher"):
        name = el.find(".//*[@itemprop='name']")
        if name is not None:
            el = name
    value = el.get("content") or text_content(el)
    return value if value and len(value) < 300 else None
