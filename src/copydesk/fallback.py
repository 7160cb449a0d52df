"""Step 7b: fallback. When selection found (next to) nothing, take the best alternative.

Selection trusts prose; some pages give it none to trust: a front page of links, a thread whose
every post cleaning took for comments, an article the template renders only into schema.org
``articleBody``. Here, and only when the chosen text is short (or far shorter than the page's
own ``articleBody``), the page's main column stands in, or ``articleBody`` itself. A list page
is the same case one step up: a short intro chosen over a column of lists many times its size
gives way to the column. A reader view is one column, never the whole page.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .blocks import Page
from .blocks.markdown import escape_md
from .metadata.candidates import Candidates
from .model import Block
from .options import Options
from .scoring.tree import chrome_flags, container_depth

_WORD = re.compile(r"\w+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r\n\s*\r\n|\n")


def recover(page: Page, kept: list[Block], chosen: list[Block], found: Candidates,
            options: Options, dropped: Sequence[tuple[str, Block]] = ()) -> list[Block]:
    """The chosen blocks, or a better alternative when they are too few to be the page's text.
    ``dropped`` is what cleaning removed, with the rule's name."""
    have = _words(chosen)
    body = found.article_body
    short_of_body = bool(body) and have < options.fallback_body_share * len(_WORD.findall(body))
    if have >= options.fallback_min_words and not short_of_body:
        return _listing(page, kept, chosen, have, options) if not body else chosen
    pool = kept if _words(kept) >= options.fallback_min_words else _but_notices(page, dropped)
    if body:
        alternative = _matching_container(page, pool, body, options) or _from_text(body, chosen)
    else:
        alternative = _main_column(page, pool, chosen, options)
    # A few more words are no reason to trade: the alternative must at least double them.
    return alternative if _words(alternative) > 2 * have else chosen


def _listing(page: Page, kept: list[Block], chosen: list[Block], have: int,
             options: Options) -> list[Block]:
    """A short choice (``have`` words) inside a main column that holds many times its words
    is a listing's intro, or one part of it (a list page's lead over its lists of links, one
    post of a thread): the column is the page's text. Otherwise the choice stands."""
    if not 0 < have < options.listing_max_words:
        return chosen
    column = _main_column(page, kept, chosen, options)
    return column if _words(column) >= options.listing_share * have else chosen


# What cleaning took for these is no page's text even when nothing else is left (a forum
# topic's posts, taken for comments, come back; a consent panel's cookie texts do not).
_NEVER_TEXT = frozenset(("cookie_banners",))


def _but_notices(page: Page, dropped: Sequence[tuple[str, Block]]) -> list[Block]:
    gone = {block.index for name, block in dropped if name in _NEVER_TEXT}
    return [block for block in page.blocks if block.index not in gone] if gone else page.blocks


def _words(blocks: list[Block]) -> int:
    return sum(b.text.count(" ") + 1 for b in blocks if b.text)


def _main_column(page: Page, pool: list[Block], chosen: list[Block],
                 options: Options) -> list[Block]:
    """The blocks of the deepest container holding most of the pool's text and what selection
    chose: the list of a front page, the posts of a thread, under the intro selection found,
    without the header and footer around them."""
    if not page.is_html:
        return []  # plain text has no columns: the whole text is no reader view
    holds = set.intersection(*(set(b.path) for b in chosen)) if chosen else None
    chars = [0] * len(page.containers)
    total = 0
    for block in pool:
        total += len(block.text)
        for cid in block.path:
            chars[cid] += len(block.text)
    if not total:
        return []
    floor = options.main_column_share * total
    column = max((c for c in range(len(chars))
                  if chars[c] >= floor and (holds is None or c in holds)),
                 key=lambda cid: container_depth(page.containers, cid), default=-1)
    if column < 0 or page.containers[column].tag in _WHOLE_PAGE:
        return []  # no column holds the text: the whole page is no reader view
    chrome = chrome_flags(page)  # a menu or sidebar inside the column is still not its text
    return [b for b in pool if (b.text or b.kind == "img") and column in b.path
            and not any(chrome[c] for c in b.path)]


_WHOLE_PAGE = frozenset(("html", "body"))


def _matching_container(page: Page, pool: list[Block], body: str,
                        options: Options) -> list[Block] | None:
    """The container whose words best match ``articleBody`` (F1 over word sets), if any matches
    well enough: the page's own rendering keeps its headings, lists and links."""
    want = set(_WORD.findall(body.lower()))
    if not want or not page.is_html:
        return None
    words: dict[int, set[str]] = {}
    for block in pool:
        got = _WORD.findall(block.text.lower())
        for cid in block.path:
            words.setdefault(cid, set()).update(got)
    best, best_f1 = -1, 0.0
    for cid in sorted(words):  # a parent comes before its children: a tie goes to the wider
        got = words[cid]
        hit = len(got & want)
        f1 = 2 * hit / (len(got) + len(want)) if hit else 0.0
        if f1 > best_f1:
            best, best_f1 = cid, f1
    if best < 0 or best_f1 < options.body_match_floor:
        return None
    return [b for b in pool if (b.text or b.kind == "img") and best in b.path]


def _from_text(body: str, chosen: list[Block]) -> list[Block]:
    """``articleBody``'s paragraphs as blocks, placed where the chosen text began."""
    index = chosen[0].index if chosen else 0
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(body))
    return [Block(text=p, md=escape_md(p), kind="p", index=index) for p in paragraphs if p]
