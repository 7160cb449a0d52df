"""Step 7: selection. Score the kept blocks and pick the article's.

HTML: every container's score is the sum of its blocks' scores plus a prior from what it says
it is (<article>, itemprop=articleBody, class="entry-content"); the best container wins, so the
article's prose pulls its container up and menus and link lists pull wider containers down.
Plain text has no containers: the best contiguous run of blocks wins instead.
"""
from __future__ import annotations

from .blocks import Page
from .cleaning.patterns import CONTENT_TOKENS
from .model import Block
from .options import Options

_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_SENTENCE_END = (".", "!", "?", "…", ".\"", ".”", "?\"", "?”", ":")


def block_score(block: Block, options: Options) -> float:
    """Words of prose, less a fixed cost: long paragraphs count for, short link rows against."""
    if block.kind == "img":
        return 0.0
    words = block.text.count(" ") + 1
    density = block.link_density
    if density > options.max_link_density:
        return -words * density - options.block_word_cost * 0.5
    if block.kind in _HEADINGS:
        return 1.0 if words <= 20 else -2.0
    cost = options.block_word_cost
    if block.kind in ("li", "dd", "dt", "table", "pre"):
        cost *= 0.4  # a list of short plain items is content, just terse
    score = words * (1.0 - density) - cost
    if block.text.endswith(_SENTENCE_END):
        score += 3.0
    return score


def select(page: Page, kept: list[Block], options: Options) -> list[Block]:
    """The blocks of the article, in reading order."""
    if not kept:
        return []
    if not page.is_html or len(page.containers) <= 1:
        return best_run(kept, options)
    return best_container(page, kept, options)


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


def best_run(kept: list[Block], options: Options) -> list[Block]:
    """Maximum-sum contiguous run of blocks (Kadane), for inputs without structure."""
    best_sum, best_span = float("-inf"), (0, 0)
    run_sum, run_start = 0.0, 0
    for i, block in enumerate(kept):
        if run_sum <= 0:
            run_sum, run_start = 0.0, i
        run_sum += block_score(block, options)
        if run_sum > best_sum:
            best_sum, best_span = run_sum, (run_start, i + 1)
    start, end = best_span
    return kept[start:end]
