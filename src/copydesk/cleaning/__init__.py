"""Step 6: cleaning. An ordered list of small named rules; the first that claims a block drops it.

Rules can be switched off by name (``Options.keep``). What is dropped is kept, with the rule's
name, for ``--explain`` and for the reconcile step (captions → figures, "Write to" → byline).
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from ..blocks import Page
from ..model import Block
from ..options import Options
from . import rules
from .context import Context, mask

Rule = Callable[[Block, Context], bool]

# The order matters only for which name a block is credited to in --explain and hand-offs.
RULES: tuple[tuple[str, Rule], ...] = (
    ("cookie_banners", rules.cookie_banners),
    ("dialogs", rules.dialogs),
    ("navigation", rules.navigation),
    ("captions", rules.captions),
    ("share_widgets", rules.share_widgets),
    ("video_blurbs", rules.video_blurbs),
    ("contact_footer", rules.contact_footer),
    ("copyright_footers", rules.copyright_footers),
    ("comments", rules.comments),
    ("product_reviews", rules.product_reviews),
    ("inline_promos", rules.inline_promos),
    ("newsletter_prompts", rules.newsletter_prompts),
    ("advertisements", rules.advertisements),
    ("disclosures", rules.disclosures),
    ("calls_to_action", rules.calls_to_action),
    ("author_bios", rules.author_bios),
    ("tag_lists", rules.tag_lists),
    ("bylines_and_stamps", rules.bylines_and_stamps),
    ("tool_rows", rules.tool_rows),
    ("page_chrome", rules.page_chrome),
    # Phrase rules added later come last, so blocks the rules above claimed keep their names.
    ("sponsor_labels", rules.sponsor_labels),
    ("support_appeals", rules.support_appeals),
    ("follow_prompts", rules.follow_prompts),
    ("contact_prompts", rules.contact_prompts),
    ("deal_promos", rules.deal_promos),
    ("rating_widgets", rules.rating_widgets),
    ("poster_details", rules.poster_details),
    ("promo_boxes", rules.promo_boxes),
    ("counters", rules.counters),
)
# Page-level passes after the rules, switchable by name like them.
PASSES = ("widget_gaps",)
RULE_NAMES = tuple(name for name, _ in RULES) + PASSES


@dataclass(slots=True)
class Cleaned:
    kept: list[Block]
    dropped: list[tuple[str, Block]]


@functools.cache
def _masks() -> dict[str, int]:
    return {name: mask(rule.needs) for name, rule in RULES}


def clean(page: Page, options: Options) -> Cleaned:
    masks = _masks()
    active = [(name, rule, masks[name]) for name, rule in RULES if name not in options.keep]
    ctx = Context(page, options)
    kept: list[Block] = []
    dropped: list[tuple[str, Block]] = []
    # Only rules that answer to something the block has are asked (rules.needs). A page's
    # blocks have a few dozen sets of triggers between them: each set's rules are listed once.
    asked: dict[int, list[tuple[str, Rule]]] = {}
    for block, found in zip(page.blocks, ctx.all_triggers()):
        if not found:  # most blocks: no rule has anything to go on
            if block.text or block.kind == "img":
                kept.append(block)
            continue
        if not block.text and block.kind != "img":
            continue
        candidates = asked.get(found)
        if candidates is None:
            candidates = asked[found] = [(name, rule) for name, rule, bits in active
                                         if found & bits]
        name = next((name for name, rule in candidates if rule(block, ctx)), None)
        if name is None:
            kept.append(block)
        else:
            dropped.append((name, block))
    if "widget_gaps" not in options.keep:
        kept, dropped = _widget_gaps(page, kept, dropped)
    return Cleaned(kept, dropped)


def _widget_gaps(page: Page, kept: list[Block], dropped: list[tuple[str, Block]]
                 ) -> tuple[list[Block], list[tuple[str, Block]]]:
    verdicts: list[str | None] = [None] * len(page.blocks)
    for block in kept:
        if block.text:
            verdicts[block.index] = ""
    for name, block in dropped:
        verdicts[block.index] = name
    gaps = set(rules.widget_gaps(page.blocks, verdicts))
    if not gaps:
        return kept, dropped
    more = [("widget_gaps", b) for b in kept if b.index in gaps]
    merged = sorted(dropped + more, key=lambda pair: pair[1].index)
    return [b for b in kept if b.index not in gaps], merged
