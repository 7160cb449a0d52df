"""Step 4: metadata read from the raw tree, before anything is pruned.

Each source module adds candidates (value, source) per field; the reconcile step votes on them
after selection, when it also knows what the chosen article itself shows.
"""
from __future__ import annotations


from ..dom import Element
from . import jsonld, meta_tags, microdata, visible
from .candidates import Candidates
from .scan import Scan, walk

__all__ = ["Candidates", "Scan", "collect", "walk"]


def collect(root: Element, url: str | None = None, page: Scan | None = None) -> Candidates:
    """Candidates from JSON-LD, meta tags, microdata and page-level visible signs. ``page`` is
    the raw tree's walk when the caller made it (the pipeline shares it with the blocks step)."""
    found = Candidates()
    if page is None:
        page = walk(root)  # one pass gathers what every source reads
    jsonld.read(root, found, page)
    meta_tags.read(root, found, page)
    microdata.read(root, found, page)
    visible.read(root, found, page)
    if url and not found.first("url"):
        found.add("url", url, "input")
    return found
