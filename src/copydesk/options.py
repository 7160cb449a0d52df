"""Every tunable of the pipeline in one frozen object, passed explicitly to each step."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class Options:
    # Input.
    input_format: Literal["auto", "html", "text"] = "auto"
    encoding: str | None = None  # overrides every declaration and guess
    url: str | None = None  # used when the page names no canonical URL

    # Cleaning: rule names to switch off (``--keep RULE``).
    keep: frozenset[str] = field(default_factory=frozenset)
    keep_dateline: bool = False  # leave the dateline inline at the start of the body

    # Blocks: lxml refuses deeper trees anyway (256 levels in libxml2's HTML parser is far
    # beyond real pages); we stop descending here so recursion stays bounded.
    max_depth: int = 400

    # Selection. A block earns its words minus this many, so one-word menu items count
    # against the container that holds them and long paragraphs for it.
    block_word_cost: float = 7.0
    # A block with more than this share of its text in links is navigation, not prose.
    max_link_density: float = 0.5
    # A link row costs this many words however long it is: a menu item and a linked headline
    # are both "not prose", and long linked items in an article's own lists (changelogs,
    # reading lists) must not sink the container that holds them.
    link_row_cost: float = 6.0
    # Readability's sibling step: a sibling of the winner joins it when it scores at least
    # this share of the winner (an article split into several <section>s or columns).
    sibling_share: float = 0.2
    # Prose inside <footer>, <nav>, <aside> (or their ARIA roles) counts for this share of its
    # score inside that element and against everything holding it: a long legal notice or
    # "About us" in the footer must neither outscore a short article nor pull the page in
    # (dev articles F1 0.944 -> 0.946, no page worse; other 0.683 -> 0.684).
    chrome_share: float = 0.2
    # Link rows inside the chosen container are trimmed everywhere by default: "More on …"
    # and jump-link lists inside articles outnumber articles made of link lists (changelogs,
    # reading lists); False trims only the head and tail (dev set: recall +0.011, but
    # boilerplate leaked 0.055 -> 0.073).
    trim_inner_links: bool = True
    # A paragraph this long seen twice in the chosen blocks is a copy (one per breakpoint),
    # not emphasis; shorter lines ("Read more", a date) may honestly repeat.
    repeat_min_chars: int = 80

    # Fallback (step 7b): selection's choice stands when it has at least this many words and,
    # on a page with schema.org articleBody, at least this share of articleBody's words.
    # (60, not 25: a listing's 40-word intro above its cards is no page's text; dev articles
    # F1 0.948 -> 0.949, other 0.704 -> 0.710.)
    fallback_min_words: int = 60
    fallback_body_share: float = 0.5
    # Otherwise the page's main column stands in: the deepest container holding this share
    # of the text (a front page's list of links, a thread's posts) ...
    main_column_share: float = 0.6
    # ... or, with articleBody, the container whose words match it this well (F1 of word
    # sets), else articleBody's own paragraphs.
    body_match_floor: float = 0.6
    # A listing: a choice under this many words whose main column holds listing_share times
    # as many (a list page's intro over its lists of links, one post of a thread, a
    # category's blurb over its items) gives way to the column. (Dev other F1 +0.014: 25
    # pages better, 4 worse; articles: one page changes, for the better. 200 or 500 words,
    # 3x or 6x: smaller gains.)
    listing_max_words: int = 300
    listing_share: float = 4.0


DEFAULT = Options()
