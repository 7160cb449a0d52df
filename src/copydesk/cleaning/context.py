"""What a cleaning rule may read besides its block: container marks and neighbours."""
from __future__ import annotations

from ..blocks import Page
from ..model import Block
from ..options import Options
from . import patterns as P

_EMPTY: frozenset[str] = frozenset()
# A container holding this share of the page's text is a page wrapper whatever its class
# says ("has-sidebar", "comments-open" on a theme's outer div): its marks are ignored.
WRAPPER_SHARE = 0.4


class Context:
    def __init__(self, page: Page, options: Options) -> None:
        self.page = page
        self.options = options
        self._marks = _container_marks(page)

    def marks(self, block: Block) -> frozenset[str]:
        return self._marks[block.path[-1]] if block.path else _EMPTY

    def next_block(self, block: Block) -> Block | None:
        blocks = self.page.blocks
        for i in range(block.index + 1, min(block.index + 4, len(blocks))):
            if blocks[i].text:
                return blocks[i]
        return None


def _container_marks(page: Page) -> list[frozenset[str]]:
    """Each container's boilerplate kinds, inherited from its parents (parents come first)."""
    sizes = [0] * len(page.containers)
    total = 0
    for block in page.blocks:
        total += len(block.text)
        for cid in block.path:
            sizes[cid] += len(block.text)
    wrapper = WRAPPER_SHARE * total
    marks: list[frozenset[str]] = []
    for cid, box in enumerate(page.containers):
        inherited = marks[box.parent] if box.parent >= 0 else _EMPTY
        own = _own_marks(box) if sizes[cid] < wrapper or total < 200 else _EMPTY
        marks.append(inherited | own if own else inherited)
    return marks


def _own_marks(box) -> frozenset[str]:
    found = set()
    if box.tag in P.TAG_MARKS:
        found.add(P.TAG_MARKS[box.tag])
    if box.role in P.ROLE_MARKS:
        found.add(P.ROLE_MARKS[box.role])
    if box.tokens and not P.CONTENT_EXEMPT.search(box.tokens):
        tokens = P.BEM_JOINER.sub("-", P.MODIFIER_CLASSES.sub(" ", box.tokens))
        found.update(name for name, rx in P.TOKENS.items() if rx.search(tokens))
    return frozenset(found) if found else _EMPTY
