"""What a cleaning rule may read besides its block: container marks and neighbours."""
from __future__ import annotations

from functools import lru_cache

from ..blocks import Page
from ..model import Block
from ..options import Options
from . import patterns as P

_EMPTY: frozenset[str] = frozenset()
# No text rule looks at a block longer than this (rules.py: the largest _short limit).
SUSPECT_LIMIT = 400
# A container holding this share of the page's text is a page wrapper whatever its class
# says ("has-sidebar", "comments-open" on a theme's outer div): its marks are ignored.
WRAPPER_SHARE = 0.4


class Context:
    def __init__(self, page: Page, options: Options) -> None:
        self.page = page
        self.options = options
        self._marks = _container_marks(page)
        self._thread_start: int | None = None
        self._suspects: dict[int, bool] = {}

    def suspect(self, block: Block) -> bool:
        """Could any rule's phrase match this block? One union search instead of one per rule."""
        verdict = self._suspects.get(block.index)
        if verdict is None:
            text = block.text
            verdict = len(text) <= SUSPECT_LIMIT and bool(
                P.RULE_TEXT_AT_START.match(text) or P.RULE_TEXT_ANYWHERE.search(text)
            )
            self._suspects[block.index] = verdict
        return verdict

    def plainly_content(self, block: Block) -> bool:
        """No rule can claim this block: every rule needs a mark on its containers, a caption,
        a phrase the screen suspects in its text (or, for a caption line, in the next block's),
        or, in plain text, a comment thread. Most blocks are decided here, without the rules."""
        if self.marks(block) or block.kind == "caption" or self.suspect(block):
            return False
        if not self.page.is_html and block.index >= self.thread_start:
            return False
        nxt = self.next_block(block) if len(block.text) <= 200 else None
        return nxt is None or not self.suspect(nxt)

    def marks(self, block: Block) -> frozenset[str]:
        return self._marks[block.path[-1]] if block.path else _EMPTY

    @property
    def thread_start(self) -> int:
        """Plain text only: index of the first block of a comment thread (len(blocks) if none)."""
        if self._thread_start is None:
            self._thread_start = _thread_start(self.page)
        return self._thread_start

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
    if box.tokens:
        found.update(_token_kinds(box.tokens))
    return frozenset(found) if found else _EMPTY


@lru_cache(maxsize=8192)
def _token_kinds(tokens: str) -> frozenset[str]:
    """Kinds a class/id string names; cached, as themes repeat the same strings many times."""
    if P.CONTENT_EXEMPT.search(tokens):
        return _EMPTY
    tokens = P.BEM_JOINER.sub("-", P.MODIFIER_CLASSES.sub(" ", tokens))
    runs = P.alnum_runs(tokens)
    return frozenset(name for name, rx in P.TOKENS.items()
                     if not runs.isdisjoint(P.FIRST_PARTS[rx]) and rx.search(tokens))


def _thread_start(page: Page) -> int:
    """The first comment signature ("Amy says") with a stamp or "Reply" within two blocks; the
    thread's heading ("109 Comments", "Reader Interactions") just above it belongs to it too."""
    blocks = page.blocks
    if page.is_html:
        return len(blocks)
    for i, block in enumerate(blocks):
        if len(block.text) > 48 or not P.COMMENT_SIGNATURE.match(block.text):
            continue
        if any(len(b.text) < 40 and P.COMMENT_STAMP.search(b.text) for b in blocks[i + 1:i + 3]):
            return _thread_heading(blocks, i)
    return len(blocks)


def _thread_heading(blocks: list[Block], start: int) -> int:
    for j in range(start - 1, max(start - 4, -1), -1):
        if len(blocks[j].text) > 60:
            break
        if P.COMMENT_TEXT.search(blocks[j].text) or P.THREAD_HEADING.search(blocks[j].text):
            return j
    return start
