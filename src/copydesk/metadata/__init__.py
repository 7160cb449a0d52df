"""Step 4: metadata read from the raw tree, before anything is pruned.

Each source module adds candidates (value, source) per field; the reconcile step votes on them
after selection, when it also knows what the chosen article itself shows.
"""
from __future__ import annotations

from urllib.parse import urljoin

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
    _absolute_urls(found, url)
    visible.read(root, found, page)
    if url and not found.first("url"):
        found.add("url", url, "input")
    return found


_WEB = ("http://", "https://")


def _absolute_urls(found: Candidates, url: str | None) -> None:
    """A canonical link or og:url written relative ('viewtopic.php?id=309936') is resolved
    against the page's address (given, or the first absolute one the page states); one that
    cannot be resolved is no address, and is dropped. A relative lead image is resolved the
    same way, or kept as the page wrote it."""
    values = found.values.get("url", [])
    base = url if url and url.startswith(_WEB) else next(
        (value for value, _ in values if value.startswith(_WEB)), None)
    if values:
        found.values["url"] = _resolved(values, base, keep=False)
    images = found.values.get("image")
    if images and base:
        found.values["image"] = _resolved(images, base, keep=True)


def _resolved(values: list[tuple[str, str]], base: str | None,
              keep: bool) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for value, source in values:
        if not value.startswith(_WEB) and base:
            value = urljoin(base, value)
        if (keep or value.startswith(_WEB)) and (value, source) not in out:
            out.append((value, source))
    return out
