"""Plain-text selection: the best contiguous run of kept blocks."""
from __future__ import annotations

from copydesk.model import Block
from copydesk.options import DEFAULT
from copydesk.scoring.span import best_run

PROSE = "The council voted on Tuesday to extend the program for another year, officials said."


def block(index: int, text: str) -> Block:
    return Block(text=text, md=text, kind="p", index=index)


def test_the_prose_run_wins_over_menus() -> None:
    kept = [block(0, "Home"), block(1, "World"), block(2, PROSE), block(3, PROSE), block(4, "About")]
    assert [b.index for b in best_run(kept, DEFAULT)] == [2, 3]


def test_a_dropped_line_still_separates_story_from_footer() -> None:
    """Blocks 3-6 were removed by cleaning ("Share this:", menus); the footer's short prose
    after them must not join the story through the gap."""
    footer = "We are a small team of writers and we love hearing from you."
    kept = [block(0, PROSE), block(1, PROSE), block(2, PROSE), block(7, footer)]
    assert [b.index for b in best_run(kept, DEFAULT)] == [0, 1, 2]
    # Without the gap the footer joins the story.
    joined = [block(0, PROSE), block(1, PROSE), block(2, PROSE), block(3, footer)]
    assert [b.index for b in best_run(joined, DEFAULT)] == [0, 1, 2, 3]
