"""Selection for HTML: the container whose blocks and self-description score best."""
from __future__ import annotations

from ..blocks import Page
from ..cleaning.patterns import CONTENT_TOKENS
from ..model import Block
from ..options import Options
from . import block_score


def best_container(page: Page, kept: list[Block], options: Options) -> list[Block]:
    scores = [0.0] * len(page.containers)
    positive = [0.0] * len(page.containers)
    for block in kept:
        s = block_score(block, options)
        for cid in block.path:
            scores[cid] += s
            if s > 0:
                positive[cid] += s
    best, best_score = 0, float("-inf")
    for cid, box in enumerate(page.containers):
        total = scores[cid] + _prior(box) * positive[cid]
        if total > best_score:
            best, best_score = cid, total
    chosen = [b for b in kept if best in b.path]
    return _trim(chosen, options)


def _prior(box) -> float:
    """A bonus, as a share of the container's positive score, for saying it is the article."""
    bonus = 0.0
    if box.itemprop == "articleBody":
        bonus += 0.3
    if box.tag in ("article", "main"):
        bonus += 0.1
    if box.tokens and CONTENT_TOKENS.search(box.tokens):
        bonus += 0.1
    return bonus


def _trim(blocks: list[Block], options: Options) -> list[Block]:
    """Drop link lists inside the chosen container: rows that are mostly links and short."""
    return [
        b for b in blocks
        if b.kind == "img" or b.link_density <= options.max_link_density
        or len(b.text) > 400
    ]


