"""What a cleaning rule may read besides its block: container marks and neighbours."""
from __future__ import annotations

import re
from functools import lru_cache

from ..blocks import Container, Page
from ..model import HEADINGS, Block
from ..options import Options
from . import patterns as P

_EMPTY: frozenset[str] = frozenset()
# No text rule looks at a block longer than this (rules.py: the largest _short limit).
SUSPECT_LIMIT = 400
# A container holding this share of the page's text is a page wrapper whatever its class
# says ("has-sidebar", "comments-open" on a theme's outer div): its marks are ignored.
WRAPPER_SHARE = 0.4
# A promo box is short: a heading, a line or two of pitch, a button; and a page has a few
# (its menus' "Contact us" make some more). Cards of a listing, each with its "Book now", are
# many and hold a paragraph of description each.
BOX_CHARS = 350
BOX_BLOCKS = 6
BOX_LINE = 250
MAX_BOXES = 10


class Context:
    def __init__(self, page: Page, options: Options) -> None:
        self.page = page
        self.options = options
        self._marks = _block_marks(page)
        self._thread_start: int | None = None
        self._screen = P.screen()
        # Every block is screened in one pass (see Screen.could_match_all): no rule looks at a
        # block longer than SUSPECT_LIMIT, so those are screened as empty.
        self._phrases = self._screen.could_match_all(
            [b.text if len(b.text) <= SUSPECT_LIMIT else "" for b in page.blocks])
        self._credit = self._screen.bits[P.CREDIT_TEXT]
        self._button_bits = 0
        for rx, _ in (*P.BUTTONS, (P.BUTTON_TEXT, 0)):
            self._button_bits |= self._screen.bits[rx]
        self._promo_box: set[int] | None = None
        self._triggers: list[int] | None = None

    def phrases(self, block: Block) -> int:
        """Bits of the phrase groups whose literals occur in this block (0 for most blocks)."""
        return self._phrases[block.index]

    def suspect(self, block: Block) -> bool:
        """Could any rule's phrase match this block?"""
        return bool(self.phrases(block))

    def says(self, block: Block, rx: re.Pattern[str], limit: int) -> bool:
        """Does this block, at most ``limit`` characters long, hold a phrase of ``rx`` (one of
        patterns.TEXT_RULE_PATTERNS)? Searched only when the screen found its literals."""
        return (len(block.text) <= limit and bool(self.phrases(block) & self._screen.bits[rx])
                and rx.search(block.text) is not None)

    def triggers(self, block: Block) -> int:
        """What rules could claim this block through, as bits to match a rule's ``mask``: the
        phrase groups screened in its text, its containers' marks, a caption (its kind, or a
        credit line just below a short paragraph), a promo box, a plain-text comment thread.
        0 for most blocks, which are then kept without asking any rule."""
        return self.all_triggers()[block.index]

    def all_triggers(self) -> list[int]:
        """triggers() of every block, found page-wide once: a caption line is looked for only
        above the few credit lines the screen found, not below every short paragraph."""
        if self._triggers is None:
            self._triggers = self._find_triggers()
        return self._triggers

    def _find_triggers(self) -> list[int]:
        blocks = self.page.blocks
        found = [phrases | _mark_bits(marks) if marks else phrases
                 for phrases, marks in zip(self._phrases, self._marks)]
        for i, block in enumerate(blocks):
            if block.kind == "caption":
                found[i] |= CAPTION
        credit = self._credit
        for c in [i for i, phrases in enumerate(self._phrases) if phrases & credit]:
            for i in range(max(c - 3, 0), c):
                block = blocks[i]
                if (block.kind == "p" and len(block.text) <= 200
                        and self.next_block(block) is blocks[c]):
                    found[i] |= CAPTION
        if not self.page.is_html:
            for i in range(self.thread_start, len(blocks)):
                found[i] |= THREAD
        for i in self.promo_box:
            found[i] |= BOX
        return found

    @property
    def promo_box(self) -> set[int]:
        """Indices of the blocks in a promo box: the largest small container (at most BOX_CHARS
        of text in BOX_BLOCKS blocks) around a button line (patterns.BUTTONS): "Get started
        for free" under "Begin learning a new language today!"."""
        if self._promo_box is None:
            self._promo_box = self._find_promo_boxes()
        return self._promo_box

    def _is_button(self, block: Block) -> bool:
        """A call to action, or a bare button label ("Learn more") that is not a heading: a
        heading opens a section ("Learn More!" over a list of resources), a button closes it."""
        return (any(self.says(block, rx, limit) for rx, limit in P.BUTTONS)
                or (block.kind not in HEADINGS and self.says(block, P.BUTTON_TEXT, 60)))

    def _find_promo_boxes(self) -> set[int]:
        blocks = self.page.blocks
        anchors = [b for b, phrases in zip(blocks, self._phrases)
                   if phrases & self._button_bits and b.path and self._is_button(b)]
        boxes = {span for span in (_box_around(blocks, b) for b in anchors) if span}
        members = [b for lo, hi in boxes for b in blocks[lo:hi + 1] if b.text]
        # Cards of a listing (a shop, a guide to restaurants) each end in a button too: boxes
        # that repeat, or hold a paragraph of description, are the page's own.
        if len(boxes) > MAX_BOXES or any(len(b.text) > BOX_LINE for b in members):
            return set()
        return {b.index for b in members if b.kind != "h1"}

    def plainly_content(self, block: Block) -> bool:
        """No rule can claim this block (see triggers)."""
        return not self.triggers(block)

    def marks(self, block: Block) -> frozenset[str]:
        return self._marks[block.index]

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


def _box_around(blocks: list[Block], anchor: Block) -> tuple[int, int] | None:
    """The blocks (first and last index) of the outermost container on the anchor's path that
    is still small (BOX_CHARS, BOX_BLOCKS) and holds something besides it. A container's
    blocks are contiguous, so each one is found by widening the last one's span."""
    lo = hi = anchor.index
    size, count = len(anchor.text), 1
    box = None
    for cid in reversed(anchor.path):
        while lo > 0 and cid in blocks[lo - 1].path:
            lo -= 1
            size, count = size + len(blocks[lo].text), count + bool(blocks[lo].text)
            if size > BOX_CHARS or count > BOX_BLOCKS:
                return box
        while hi + 1 < len(blocks) and cid in blocks[hi + 1].path:
            hi += 1
            size, count = size + len(blocks[hi].text), count + bool(blocks[hi].text)
            if size > BOX_CHARS or count > BOX_BLOCKS:
                return box
        if count > 1:
            box = (lo, hi)
    return box


# Trigger bits beside the phrase groups' (one per group, from bit 0): one per mark, and flags.
_MARK_NAMES = sorted({*P.TOKENS, *P.TAG_MARKS.values(), *P.ROLE_MARKS.values()})
_MARK_BIT = {name: 1 << (32 + i) for i, name in enumerate(_MARK_NAMES)}
BOX = 1 << 61
CAPTION = 1 << 62
THREAD = 1 << 63


@lru_cache(maxsize=None)  # a few dozen distinct sets of marks ever occur
def _mark_bits(marks: frozenset[str]) -> int:
    bits = 0
    for name in marks:
        bits |= _MARK_BIT[name]
    return bits


def mask(needs) -> int:
    """The trigger bits a rule's ``needs`` (rules.needs) answers to."""
    bits = _mark_bits(needs.marks)
    for rx in needs.phrases:
        bits |= P.screen().bits[rx]
    return (bits | (CAPTION if needs.caption else 0) | (THREAD if needs.thread else 0)
            | (BOX if needs.box else 0))


def _block_marks(page: Page) -> list[frozenset[str]]:
    """Each block's boilerplate kinds: those named by the containers holding it (its path),
    except a page wrapper's. A path is its innermost container's chain of parents, so the
    naming containers on it are that container's (see _naming_chains): blocks sharing a chain
    share their marks, and the text sizes and unions are worked out once per chain."""
    blocks = page.blocks
    naming = _naming_boxes(page.containers)
    if not naming:
        return [_EMPTY] * len(blocks)
    chains = _naming_chains(page.containers, naming)
    keys = [chains[block.path[-1]] if block.path else () for block in blocks]
    held: dict[tuple[int, ...], int] = {}  # the text under each chain
    for key, block in zip(keys, blocks):
        held[key] = held.get(key, 0) + len(block.text)
    sizes = dict.fromkeys(naming, 0)  # the text inside each naming box
    for key, size in held.items():
        for cid in key:
            sizes[cid] += size
    total = sum(held.values())
    wrapper = WRAPPER_SHARE * total if total >= 200 else float("inf")
    wrappers = {cid for cid, size in sizes.items() if size >= wrapper}
    if wrappers:
        wrappers = _page_wrappers(wrappers, naming, blocks)
    marks = {key: _chain_marks(key, naming, wrappers) for key in held}
    return [marks[key] for key in keys]


def _page_wrappers(big: set[int], naming: dict[int, frozenset[str]],
                   blocks: list[Block]) -> set[int]:
    """The big naming boxes that wrap the page. A consent manager's panel (OneTrust's cookie
    category texts) or a modal (a shop's whole privacy policy in a pop-up) can hold most of a
    short page's text beside the page: one that does not hold the headline is that panel, and
    keeps its mark."""
    head = next((b.path for b in blocks if b.kind == "h1"), None)
    if head is None:
        return big
    return {cid for cid in big if cid in head or _OVERLAYS.isdisjoint(naming[cid])}


_OVERLAYS = frozenset(("cookie", "dialog"))  # kinds shown over the page, not around it


def _naming_chains(containers: list[Container], naming: dict[int, frozenset[str]]
                   ) -> list[tuple[int, ...]]:
    """For each container, the naming containers on its chain of parents (itself included),
    outermost first: its parent's chain, and itself if it names a kind. Parents come before
    their children, so one pass finds them all."""
    chains: list[tuple[int, ...]] = []
    for cid, box in enumerate(containers):
        chain = chains[box.parent] if box.parent >= 0 else ()
        chains.append(chain + (cid,) if cid in naming else chain)
    return chains


def _chain_marks(chain: tuple[int, ...], naming: dict[int, frozenset[str]],
                 wrappers: set[int]) -> frozenset[str]:
    kinds = [naming[cid] for cid in chain if cid not in wrappers]
    return frozenset().union(*kinds) if kinds else _EMPTY


def _naming_boxes(containers: list[Container]) -> dict[int, frozenset[str]]:
    """The containers that name a kind, with it: by their tag, role or class/id words."""
    tag_marks, role_marks = P.TAG_MARKS, P.ROLE_MARKS
    naming = {}
    post_forms = _forms_holding_articles(containers)
    kinds_of: dict[str, frozenset[str]] = {}  # half of a page's class strings repeat (cards)
    # Across pages whole strings rarely recur (see _class_kinds); their words do (_word_kinds).
    for cid, box in enumerate(containers):
        tokens = box.tokens
        own = kinds_of.get(tokens)
        if own is None:
            own = kinds_of[tokens] = _class_kinds(tokens)
        if (box.tag in tag_marks or box.role in role_marks) and cid not in post_forms:
            own = _own_marks(box.tag, box.role, own)
        if own:
            naming[cid] = own
    return naming


def _forms_holding_articles(containers: list[Container]) -> set[int]:
    """The <form>s around an <article>: a forum wraps its posts in one (the moderators'
    checkboxes), ASP.NET the whole page. They are no sign-up or comment form."""
    found: set[int] = set()
    for box in containers:
        if box.tag == "article":
            parent = box.parent
            while parent >= 0:
                if containers[parent].tag == "form":
                    found.add(parent)
                parent = containers[parent].parent
    return found


def _class_kinds(tokens: str) -> frozenset[str]:
    """_token_kinds of a class/id string. Most name nothing: no group's word stands in them,
    and one search (ANY_WORD) settles those without judging each word. Not cached across
    pages: in a long batch 9 in 10 of a page's strings were new to a cache of 16384 (two in
    three to one that never forgets), and its misses cost more than its hits saved."""
    if not tokens or P.ANY_WORD.search(" " + tokens) is None:
        return _EMPTY
    return _token_kinds(tokens)


@lru_cache(maxsize=256)  # few tags and roles name a kind, few class strings go with them
def _own_marks(tag: str, role: str, class_kinds: frozenset[str]) -> frozenset[str]:
    """Kinds a container names by its tag and role, and by its class/id (``class_kinds``)."""
    found = set(class_kinds)
    if tag in P.TAG_MARKS:
        found.add(P.TAG_MARKS[tag])
    if role in P.ROLE_MARKS:
        found.add(P.ROLE_MARKS[role])
    return frozenset(found)


def _token_kinds(tokens: str) -> frozenset[str]:
    """Kinds a class/id string names: those its words name, or none when a word says the box
    holds the article. No group's word spans a space, so each word is judged (and cached) on
    its own: words recur across pages far more than whole class strings do."""
    kinds = _EMPTY
    for word in tokens.split():
        own = _word_kinds(word)
        if own is None:
            return _EMPTY
        if own:
            kinds = kinds | own
    return kinds


_SLUG_WORDS = frozenset(("a", "an", "and", "are", "can", "do", "does", "for", "how", "in", "is",
                         "of", "the", "to", "what", "when", "why", "with", "you", "your"))


@lru_cache(maxsize=16384)
def _word_kinds(word: str) -> frozenset[str] | None:
    """Kinds one class/id word names; None when it says the box holds the article. A word made
    from a heading ("1-heading-how-popular-are-meditation-and-mindfulness") names nothing: a
    section named after its own title names no component, though a part ("popular") may look
    like one. Only the groups one of whose words starts with a run of the word are searched."""
    if word.count("-") >= 4 and not _SLUG_WORDS.isdisjoint(word.split("-")):
        return _EMPTY
    runs = P.known_runs(word)
    if not runs:
        return _EMPTY
    if not P.FIRST_PARTS[P.CONTENT_EXEMPT].isdisjoint(runs) and P.CONTENT_EXEMPT.search(word):
        return None
    if word.startswith(P.MODIFIER_STARTS) or "--" in word or "__" in word:
        bare = P.BEM_JOINER.sub("-", P.MODIFIER_CLASSES.sub(" ", word))
        if bare != word:  # a state class removed: its runs go with it
            word = bare
            runs = P.known_runs(bare)
    names = {name for run in runs for name in P.GROUPS_BY_FIRST_PART[run]}
    word = " " + word  # as TOKEN_WORDS search it
    return frozenset(name for name in names if P.TOKEN_WORDS[name].search(word))


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
