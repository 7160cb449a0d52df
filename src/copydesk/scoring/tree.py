"""Selection for HTML: the container whose blocks and self-description score best.

Every container scores the sum of its blocks' scores plus a prior for what it says it is. The
best one wins; its siblings that score like it join it (an article split into sections), and
link rows are trimmed, as are what stands above the headline, a closing list of dated teaser
cards, a closing "Sources"/"Footnotes" apparatus and what follows a closing "Related
Articles"; linked section headings, linked items of plain lists and mostly linked sentences
inside the text are then put back. One pass over blocks × depth, no tree walk.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from ..blocks import Container, Page
from ..cleaning.patterns import CONTENT_WORD, PROMO_HEADING, PROMO_TEXT
from ..metadata.dates import find_date, strip_dates
from ..model import HEADINGS, Block
from ..options import Options
from . import _SENTENCE_END, block_score

_WORD = re.compile(r"\w+")


def best_container(page: Page, kept: list[Block], options: Options,
                   titles: Sequence[str] = ()) -> list[Block]:
    introduced = _introduced_lists(kept, options)
    scored = [(block, 0.0 if block.index in introduced else block_score(block, options))
              for block in kept]
    chrome = chrome_flags(page)
    totals = _totals(page, scored, chrome, options)
    best = max(range(len(page.containers)), key=totals.__getitem__)
    chosen = _with_siblings(page, scored, chrome, best, totals[best], options)
    blocks = _cut_dated_list(_from_headline(_trim(chosen, options, introduced), titles))
    blocks = _cut_apparatus(blocks)
    blocks = _cut_promo_tail(page, blocks)
    blocks = _lede_above(kept, _restore_linked(chosen, blocks, options), titles, options)
    return _dedupe(_drop_orphan_headings(blocks), options)


def _totals(page: Page, scored: list[tuple[Block, float]], chrome: list[bool],
            options: Options) -> list[float]:
    """Each container's blocks' scores, plus its prior as a share of its positive part."""
    sums = [0.0] * len(page.containers)
    positive = [0.0] * len(page.containers)
    for block, s in scored:
        path = block.path
        if s <= 0:
            for cid in path:
                sums[cid] += s
            continue
        start = _chrome_start(path, chrome)
        if start == len(path):
            for cid in path:
                sums[cid] += s
                positive[cid] += s
            continue
        for i, cid in enumerate(path):  # boilerplate to the chrome element and what holds it
            v = -options.link_row_cost if i <= start else s * options.chrome_share
            sums[cid] += v
            if v > 0:
                positive[cid] += v
    boxes = page.containers
    return [total + _prior(boxes[c]) * positive[c] if positive[c] else total
            for c, total in enumerate(sums)]


def _chrome_start(path: tuple[int, ...], chrome: list[bool]) -> int:
    """Where the site's footer, navigation or sidebar starts on a block's path (len(path) when it
    is not in one). Prose there is boilerplate to that element and what holds it, and counts
    only in part inside it: a long legal notice or "About us" in the footer must not outscore a
    short article, nor pull the whole page in with it."""
    start = len(path)
    while start > 0 and chrome[path[start - 1]]:
        start -= 1
    return start


_CHROME_TAGS = frozenset(("footer", "nav", "aside"))
_CHROME_ROLES = frozenset(("contentinfo", "navigation", "complementary"))


def chrome_flags(page: Page) -> list[bool]:
    """Which containers are, or sit in, the site's footer, navigation or sidebar. An <article>
    or <main> inside one is spared: a template that forgets to close an <aside> banner wraps
    the whole page in it."""
    flagged: list[bool] = []
    for box in page.containers:
        inside = flagged[box.parent] if box.parent >= 0 else False
        if box.tag in ("article", "main") or box.role == "main":
            inside = False
        flagged.append(inside or box.tag in _CHROME_TAGS or box.role in _CHROME_ROLES)
    return flagged


def _with_siblings(page: Page, scored: list[tuple[Block, float]], chrome: list[bool], best: int,
                   best_total: float, options: Options) -> list[Block]:
    """The winner's blocks, and those of each sibling container scoring like it."""
    parent = page.containers[best].parent
    if parent < 0 or best_total <= 0:
        return [b for b, _ in scored if best in b.path]
    depth = container_depth(page.containers, parent)
    branches = [_branch(block.path, parent, depth) for block, _ in scored]
    groups: dict[int, float] = {}
    for branch, (_, s) in zip(branches, scored):
        if branch is not None:
            groups[branch] = groups.get(branch, 0.0) + s
    floor = options.sibling_share * best_total
    # the footer or sidebar next to the article never joins it
    joined = {c for c, total in groups.items()
              if c == best or (c >= 0 and total >= floor and not chrome[c])}
    joined |= _twin_sections(page, scored, branches, groups, best, chrome, options)
    if len(joined) > 1:
        joined |= _gaps(groups, joined, chrome)
    return [b for branch, (b, _) in zip(branches, scored) if branch in joined]


def _twin_sections(page: Page, scored: list[tuple[Block, float]], branches: list[int | None],
                   groups: dict[int, float], best: int, chrome: list[bool],
                   options: Options) -> set[int]:
    """Siblings built like the winner (same tag and class or id words: a reference page's
    sections, whose lists of linked names and one-line definitions score low) join it, unless
    links make most of their text."""
    boxes = page.containers
    twin = (boxes[best].tag, boxes[best].tokens)
    if not twin[1]:  # a bare <div> or <section> says too little
        return set()
    candidates = {c for c in groups if c >= 0 and c != best and not chrome[c]
                  and (boxes[c].tag, boxes[c].tokens) == twin}
    if not candidates:
        return set()
    chars: dict[int, int] = {}
    links: dict[int, int] = {}
    for branch, (block, _) in zip(branches, scored):
        if branch in candidates:
            chars[branch] = chars.get(branch, 0) + len(block.text)
            links[branch] = links.get(branch, 0) + block.link_chars
    return {c for c in candidates
            if chars.get(c) and links[c] <= options.max_link_density * chars[c]}


def _gaps(groups: dict[int, float], joined: set[int], chrome: list[bool]) -> set[int]:
    """Siblings standing between two joined ones that add to the text (a section whose own
    link list drags it under the share): the article does not skip a part in its middle."""
    lo, hi = min(joined), max(joined)
    return {c for c, total in groups.items() if lo < c < hi and total > 0 and not chrome[c]}


def _branch(path: tuple[int, ...], parent: int, depth: int) -> int | None:
    """Which child container of ``parent`` (at ``depth``, see container_depth) holds the
    block: -1 if it sits in ``parent`` itself, None if it is not inside ``parent`` at all. A
    path is a chain of parents, so ``parent`` can only stand at its depth: one look, not a scan
    of the path."""
    if len(path) <= depth or path[depth] != parent:
        return None
    return path[depth + 1] if len(path) > depth + 1 else -1


def container_depth(containers: list[Container], cid: int) -> int:
    """How many containers hold ``cid``: its place on the path of every block inside it."""
    depth = 0
    while containers[cid].parent >= 0:
        cid = containers[cid].parent
        depth += 1
    return depth


def _prior(box: Container) -> float:
    """A bonus, as a share of the container's positive score, for saying it is the article."""
    bonus = 0.0
    if box.itemprop == "articleBody":
        bonus += 0.3
    if box.tag in ("article", "main"):
        bonus += 0.1
    if box.tokens and CONTENT_WORD.search(" " + box.tokens):  # CONTENT_TOKENS, sooner
        bonus += 0.1
    return bonus


def _is_link_row(b: Block, options: Options) -> bool:
    return b.kind != "img" and b.link_density > options.max_link_density and len(b.text) <= 400


def _introduced_lists(kept: list[Block], options: Options) -> set[int]:
    """Link rows that a line of the text introduces ("Many patches were sent for review:",
    "Top expert recommendations:"): a list the article cites, not the site's navigation. They
    score as neutral and are not trimmed. A lead-in that names a promo ("Related stories:")
    introduces nothing."""
    out: set[int] = set()
    lead = False
    for b in kept:
        if _is_link_row(b, options):
            if lead:
                out.add(b.index)
            continue
        lead = (b.text.endswith(":") and b.link_density < 0.5 and len(b.text) >= 20
                and not PROMO_TEXT.search(b.text))
    return out


def _trim(blocks: list[Block], options: Options, keep: set[int] = frozenset()) -> list[Block]:
    """Drop link rows (mostly links and short) at the head and tail, or everywhere."""
    def link_row(b: Block) -> bool:
        return b.index not in keep and _is_link_row(b, options)

    if options.trim_inner_links:
        return [b for b in blocks if not link_row(b)]
    start, end = 0, len(blocks)
    while start < end and (link_row(blocks[start]) or blocks[start].kind == "img"):
        start += 1
    while end > start and (link_row(blocks[end - 1]) or blocks[end - 1].kind == "img"):
        end -= 1
    kept = [b for b in blocks[:start] if b.kind == "img"] + blocks[start:end]
    return kept + [b for b in blocks[end:] if b.kind == "img"]


def _restore_linked(chosen: list[Block], blocks: list[Block], options: Options) -> list[Block]:
    """Put back the link rows inside the text that are its own: a linked heading over the
    section it titles (an anchor, the product reviewed), a linked item in a list of plain
    ones ("Buy: check price at …") and a sentence that is mostly a link. A teaser card's
    linked title heads nothing of the text, a run of linked items is a menu or other stories:
    they stay out, as does all outside the text's first and last block, which the edge cuts
    above have settled."""
    text = [b.index for b in blocks if b.kind != "img"]  # images kept past the edges widen nothing
    if len(text) < 2:
        return blocks
    lo, hi = text[0], text[-1]
    have = {b.index for b in blocks}
    back = [b for i, b in enumerate(chosen)
            if lo < b.index < hi and b.index not in have and _is_link_row(b, options)
            and (_heads_a_section(chosen, i, options) or _among_plain_items(chosen, i, options)
                 or _linked_sentence(chosen, i, options))]
    return sorted(blocks + back, key=lambda b: b.index) if back else blocks


def _heads_a_section(chosen: list[Block], i: int, options: Options) -> bool:
    """A heading whose box (the innermost one holding more than the heading and its wrappers)
    goes on with plain text after it: in a teaser card only a byline link or another linked
    title follows it."""
    head = chosen[i]
    if head.kind not in HEADINGS:
        return False
    near = [b for b in (_neighbour(chosen, i, -1), _neighbour(chosen, i, 1)) if b is not None]
    for depth in range(len(head.path) - 2, -1, -1):
        box = head.path[depth]
        if not any(len(b.path) > depth and b.path[depth] == box for b in near):
            continue  # a wrapper of the heading alone (<header><h3>): look one level up
        for b in islice(chosen, i + 1, None):
            if len(b.path) <= depth or b.path[depth] != box:
                return False
            if b.kind != "img" and b.kind not in HEADINGS and not _is_link_row(b, options):
                return True
        return False
    return False


def _neighbour(chosen: list[Block], i: int, step: int) -> Block | None:
    """The nearest block before (step -1) or after (step 1) that is not an image."""
    j = i + step
    while 0 <= j < len(chosen) and chosen[j].kind == "img":
        j += step
    return chosen[j] if 0 <= j < len(chosen) else None


def _linked_sentence(chosen: list[Block], i: int, options: Options) -> bool:
    """A sentence of the text that is mostly a link ("Some of the health benefits of [plant-based
    diets] include:"): a paragraph of some words, ending like a sentence, with a word of its
    own outside the link, between two blocks that are not link rows. A wholly linked line, a
    promo lead-in ("Read more: …") or one of a run of links is not."""
    b = chosen[i]
    if (b.kind != "p" or b.text.count(" ") < _SENTENCE_MIN_WORDS - 1
            or b.link_density > _LINKED_SENTENCE_DENSITY or not b.text.endswith(_SENTENCE_END)
            or PROMO_TEXT.search(b.text)):
        return False
    near = (_neighbour(chosen, i, -1), _neighbour(chosen, i, 1))
    return all(n is not None and not _is_link_row(n, options) for n in near)


_SENTENCE_MIN_WORDS = 6
_LINKED_SENTENCE_DENSITY = 0.95  # a sentence with no word outside its link is a link


def _among_plain_items(chosen: list[Block], i: int, options: Options) -> bool:
    """A list item next to an item of the same list that is not a link row."""
    item = chosen[i]
    if item.kind != "li":
        return False
    return any(0 <= j < len(chosen) and chosen[j].kind == "li"
               and chosen[j].path[:-1] == item.path[:-1] and not _is_link_row(chosen[j], options)
               for j in (i - 1, i + 1))


def _from_headline(blocks: list[Block], titles: Sequence[str]) -> list[Block]:
    """The story starts at its headline: what its container shows above the h1 that the page's
    title sources name (a teaser, the author's card, a "Blog." label) is the template's. An h1
    the title sources do not name is a section heading, and cuts nothing."""
    if not titles:
        return blocks
    heads = [i for i, b in enumerate(blocks) if b.kind == "h1"]
    if len(heads) > 1:
        heads = _story_head(blocks, heads, titles)
    if len(heads) != 1 or heads[0] == 0 or not _names(blocks[heads[0]].text, titles):
        return blocks
    k = heads[0]
    if sum(len(b.text) for b in blocks[:k]) > 0.25 * sum(len(b.text) for b in blocks):
        return blocks
    return [b for b in blocks[:k] if b.kind == "img"] + blocks[k:]


_ABOVE_MAX = 200  # characters above the story's h1 that another h1 may hold: a banner's line


def _story_head(blocks: list[Block], heads: list[int], titles: Sequence[str]) -> list[int]:
    """Of several h1s, the one the title names, when only a line or two stands above it: a
    promo banner's h1 ("Do you want more web conversions?") over the story's own. Further down
    the text, an h1 the title names is the start of a section."""
    named = [i for i in heads if _names(blocks[i].text, titles)]
    if len(named) == 1 and sum(len(b.text) for b in blocks[:named[0]]) <= _ABOVE_MAX:
        return named
    return heads


_LEDE_GAP = 3  # byline and stamp lines that may stand between the headline and the lede
_LEDE_LINE = 80  # what stands there is that short
_LEDE_MIN = 2  # paragraphs


def _lede_above(kept: list[Block], blocks: list[Block], titles: Sequence[str],
                options: Options) -> list[Block]:
    """The paragraphs right under the headline, when the chosen box starts below them: a
    listing's or a guide's opening words sit in the masthead, outside the box of its entries.
    One sentence there is a standfirst, which answers mostly leave out: it takes two."""
    if not blocks or not titles or any(b.kind == "h1" for b in blocks):
        return blocks
    first = blocks[0].index
    heads = [i for i, b in enumerate(kept) if b.kind == "h1" and b.index < first]
    if len(heads) != 1 or not _names(kept[heads[0]].text, titles):
        return blocks
    head = kept[heads[0]]
    lede: list[Block] = []
    for b in kept[heads[0] + 1:]:
        if b.index >= first:
            break
        if _is_lede(b, options):
            lede.append(b)
        elif lede or len(b.text) > _LEDE_LINE or b.index - head.index > _LEDE_GAP:
            break
    return lede + blocks if len(lede) >= _LEDE_MIN else blocks


def _is_lede(block: Block, options: Options) -> bool:
    return (block.kind == "p" and block.text.endswith(_SENTENCE_END)
            and block.link_density <= options.max_link_density)


def _names(heading: str, titles: Sequence[str]) -> bool:
    """Most of the heading's words (at least two) are in one of the titles."""
    words = set(_WORD.findall(heading.casefold()))
    return len(words) >= 2 and any(
        len(words & set(_WORD.findall(t.casefold()))) >= 0.6 * len(words) for t in titles)


_APPARATUS = re.compile(
    r"^(?:(?:article )?sources|citations|footnotes|further reading|bibliography|works cited|"
    r"quellen|einzelnachweise|fußnoten|weiterführende literatur|literatur|"
    r"notes de bas de page|bibliographie|fuentes|bibliografía|referencias bibliográficas)"
    r"\s*:?$", re.I)


def _cut_apparatus(blocks: list[Block]) -> list[Block]:
    """Sources, footnotes and further reading close a text but are not its prose: cut from
    such a label to the end when it stands in the second half of the text, after prose (a
    "Sources" line in a report's table of contents is one entry among many short ones).
    "References" is left alone: as often as not it is part of the answer people expect."""
    total = sum(len(b.text) for b in blocks)
    seen = 0
    for i, b in enumerate(blocks):
        if (seen >= 0.5 * total and len(b.text) <= 40 and _APPARATUS.match(b.text)
                and any(_is_prose(x) for x in blocks[max(i - 8, 0):i])):
            return blocks[:i] + [x for x in blocks[i:] if x.kind == "img"]
        seen += len(b.text)
    return blocks


def _is_stamp(block: Block) -> bool:
    """A block that is only a date ("Mar 3, 2026", "03.03.2026"): a card's time stamp."""
    return (len(block.text) <= 40 and find_date(block.text) is not None
            and not any(c.isalpha() for c in strip_dates(block.text)))


def _is_prose(block: Block) -> bool:
    return block.kind == "p" and len(block.text) >= 150 and block.text.endswith(_SENTENCE_END)


_CARD_SPAN = 4  # blocks a teaser card takes at most: title, date, summary, "Read more"
_STORY_MIN_PARAGRAPHS = 3  # what stays must be a story, not a listing's intro


def _cut_dated_list(blocks: list[Block]) -> list[Block]:
    """Other stories close the container: teaser cards with their date stamps ("Latest
    insights", "Read this next"). Cut from the first card of a final run in which a bare date
    recurs every few blocks. Dates all along the text (more than the story's own stamp at its
    head) make a listing or a timeline, which is left whole."""
    stamps = [i for i, b in enumerate(blocks) if _is_stamp(b)]
    if len(stamps) < 2 or len(blocks) - stamps[-1] > 2 * _CARD_SPAN:
        return blocks
    first = len(stamps) - 1
    while first > 0 and stamps[first] - stamps[first - 1] <= _CARD_SPAN:
        first -= 1
    if first == len(stamps) - 1 or first > 1:
        return blocks
    start = _card_start(blocks, stamps[first])
    if sum(_is_prose(b) for b in blocks[:start]) < _STORY_MIN_PARAGRAPHS:
        return blocks  # a listing page: the cards are the content
    return blocks[:start] + [b for b in blocks[start:] if b.kind == "img"]


def _card_start(blocks: list[Block], stamp: int) -> int:
    """The first card's first block: its stamp, or the short title lines just above it."""
    start = stamp
    while (start > 0 and stamp - start < _CARD_SPAN - 1 and len(blocks[start - 1].text) < 300
           and not blocks[start - 1].text.endswith(_SENTENCE_END)):
        start -= 1
    return start


def _drop_orphan_headings(blocks: list[Block]) -> list[Block]:
    """A heading with nothing after it heads something selection left out ("Related posts",
    "Follow us"): it is not the article's."""
    end = len(blocks)
    while end and (blocks[end - 1].kind in HEADINGS or blocks[end - 1].kind == "img"):
        end -= 1
    return blocks[:end] + [b for b in blocks[end:] if b.kind == "img"]


def _dedupe(blocks: list[Block], options: Options) -> list[Block]:
    """Drop repeats of a paragraph already taken: responsive builders (Framer, Webflow) render
    the article once per breakpoint and let CSS show one copy."""
    seen: set[str] = set()
    out = []
    for b in blocks:
        if len(b.text) >= options.repeat_min_chars:
            if b.text in seen:
                continue
            seen.add(b.text)
        out.append(b)
    return out


_PROMO_TAIL = 0.2  # what a promo heading cuts off is at most this share of the text
_LABEL_ONLY = re.compile(r"[:|»>\-–—]\s*\w")  # "Related: <a story's title>" is one promo


def _cut_promo_tail(page: Page, blocks: list[Block]) -> list[Block]:
    """A heading over other stories ("More from CFR", "Related Articles") closes the text when
    it stands in its last fifth: what follows it, kept by cleaning or not, is the site's
    (teaser cards, the publisher's pitch, the editors' box). The heading is looked for among
    all the page's blocks between the chosen ones, as cleaning has usually removed it. A bare
    "Related" (over related work, in a paper's page) and "Related: <a title>" (one inline
    promo) cut nothing."""
    total = sum(len(b.text) for b in blocks)
    seen = 0
    for i in range(1, len(blocks)):
        seen += len(blocks[i - 1].text)
        if seen < (1 - _PROMO_TAIL) * total:
            continue
        for j in range(blocks[i - 1].index + 1, blocks[i].index + 1):
            b = page.blocks[j]
            if (b.kind in HEADINGS and len(b.text) <= 80 and " " in b.text.strip()
                    and not _LABEL_ONLY.search(b.text)
                    and (PROMO_TEXT.search(b.text) or PROMO_HEADING.search(b.text))):
                return blocks[:i] + [x for x in blocks[i:] if x.kind == "img"]
    return blocks
