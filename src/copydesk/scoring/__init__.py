"""Step 7: selection (tree.py for HTML, span.py for plain text). Score the kept blocks and pick the article's.

HTML: every container's score is the sum of its blocks' scores plus a prior from what it says
it is (<article>, itemprop=articleBody, class="entry-content"); the best container wins, so the
article's prose pulls its container up and menus and link lists pull wider containers down.
Plain text has no containers: the best contiguous run of blocks wins instead.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..blocks import Page
from ..model import HEADINGS, Block
from ..options import Options

_SENTENCE_END = (".", "!", "?", "…", ".\"", ".”", "?\"", "?”", ":")


def block_score(block: Block, options: Options) -> float:
    """Words of prose, less a fixed cost: long paragraphs count for, short link rows against."""
    if block.kind == "img":
        return 0.0
    words = block.text.count(" ") + 1
    density = block.link_density
    if block.kind == "dt" and words <= 20:
        return 1.0  # a term, linked or not, titles the definition below it
    if density > options.max_link_density:
        return -options.link_row_cost
    if block.kind in HEADINGS:
        return 1.0 if words <= 20 else -2.0
    cost = options.block_word_cost
    if block.kind in ("li", "dd", "dt", "table", "pre"):
        cost *= 0.4  # a list of short plain items is content, just terse
    score = words * (1.0 - density) - cost
    if block.text.endswith(_SENTENCE_END):
        score += 3.0
    return score


def select(page: Page, kept: list[Block], options: Options,
           titles: Sequence[str] = ()) -> list[Block]:
    """The blocks of the article, in reading order; ``titles`` (what the page's metadata calls
    its title) mark where the story starts."""
    if not kept:
        return []
    from .span import best_run
    from .tree import best_container

    if not page.is_html or len(page.containers) <= 1:
        return best_run(kept, options)
    return best_container(page, kept, options, titles)


