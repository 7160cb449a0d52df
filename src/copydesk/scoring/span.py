"""Selection for plain text: no containers, so the best contiguous run of blocks wins."""
from __future__ import annotations

from ..model import Block
from ..options import Options
from . import block_score


def best_run(kept: list[Block], options: Options) -> list[Block]:
    """Maximum-sum contiguous run of blocks (Kadane), for inputs without structure.

    A line cleaning removed still stands between its neighbours: each one missing from the
    index sequence costs like a one-word line, so dropping "Share this:" or a menu does not
    open a bridge from the story into the footer."""
    best_sum, best_span = float("-inf"), (0, 0)
    run_sum, run_start = 0.0, 0
    previous = None
    for i, block in enumerate(kept):
        gap = 0 if previous is None else max(block.index - previous - 1, 0)
        previous = block.index
        run_sum -= gap * options.block_word_cost
        if run_sum <= 0:
            run_sum, run_start = 0.0, i
        run_sum += block_score(block, options)
        if run_sum > best_sum:
            best_sum, best_span = run_sum, (run_start, i + 1)
    start, end = best_span
    return kept[start:end]
