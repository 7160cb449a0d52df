"""Step 5: a page becomes a flat list of paragraph-level Blocks plus the containers holding them.

HTML (``blocks.html``): one walk over the pruned tree. Plain text (``blocks.text``): paragraphs
and lines. Both give the same Block model, so the cleaning rules and selection never ask where
the input came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block


@dataclass(slots=True)
class Container:
    """A block-level element that holds blocks: its tag, class/id words and parent."""

    tag: str
    tokens: str  # class and id, lower-cased
    role: str
    parent: int  # -1 for the root
    itemprop: str = ""


@dataclass(slots=True)
class Page:
    """What the blocks step hands on: blocks in reading order and their containers."""

    blocks: list[Block]
    containers: list[Container] = field(default_factory=list)
    is_html: bool = True


from .html import from_html  # noqa: E402
from .text import from_text  # noqa: E402

__all__ = ["Container", "Page", "from_html", "from_text"]
