"""One small function per kind of boilerplate. Each says whether a block is that boilerplate.

A rule reads a block's text and the marks its containers carry (see patterns.TOKENS); it never
writes article fields. What it drops is handed on, by rule name, to the reconcile step (a
caption becomes a figure, a "Write to …" line a byline).

Every docstring shows a line the rule removes; tests/test_rules.py holds one it must keep.
A rule may only claim a block through a mark, a caption kind, or a phrase of
patterns.TEXT_RULE_PATTERNS asked for with ``ctx.says``: Context.plainly_content keeps every
other block without asking.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from .context import Context
from . import patterns as P
from ..model import HEADINGS, Block

class Needs(NamedTuple):
    marks: frozenset[str]
    phrases: tuple[re.Pattern[str], ...]
    caption: bool
    thread: bool
    box: bool


SHORT = 300  # boilerplate lines are short; prose that merely shares a word is long
PROSE = 150  # a sentence or two: longer than any menu entry or tag
_SENTENCE_END = (".", "!", "?", "…", ".\"", ".”", "?\"", "?”", ":")


def _short(block: Block, limit: int = SHORT) -> bool:
    return len(block.text) <= limit


def _reads_as_prose(block: Block) -> bool:
    """Long, unlinked, punctuated text: a menu, tag list or tool row never reads like this, so a
    container's class ("content-nav-section", "topics") must not drop it."""
    text = block.text
    return (
        len(text) >= PROSE and block.link_density < 0.25 and block.kind not in HEADINGS
        and (text.endswith(_SENTENCE_END) or ". " in text)
    )


def _marked_short_kind(block: Block, ctx: Context, mark: str) -> bool:
    """A mark for a kind of boilerplate made of short items (menus, tags, tools)."""
    return mark in ctx.marks(block) and not _reads_as_prose(block)


def needs(*marks: str, phrases: tuple[re.Pattern[str], ...] = (), caption: bool = False,
          thread: bool = False, box: bool = False):
    """What a rule can claim a block through: container marks, phrase groups it asks
    ``ctx.says`` about, a caption (the block's kind, or a credit just below it), a plain-text
    comment thread. clean() only asks a rule about a block that has one of these."""
    def declare(rule):
        rule.needs = Needs(frozenset(marks), phrases, caption, thread, box)
        return rule
    return declare


@needs("cookie", phrases=(P.COOKIE_TEXT, P.CONSENT_NOTICE, P.COOKIE_WORD))
def cookie_banners(block: Block, ctx: Context) -> bool:
    """We use cookies to improve your experience. Accept all cookies · By clicking to watch this
    video, you agree to our privacy policy."""
    if "cookie" in ctx.marks(block):
        return True
    return (
        ctx.says(block, P.COOKIE_TEXT, 400) or ctx.says(block, P.CONSENT_NOTICE, 400)
        or (ctx.says(block, P.COOKIE_WORD, 400) and bool(P.CONSENT_WORD.search(block.text)))
    )


@needs("dialog")
def dialogs(block: Block, ctx: Context) -> bool:
    """A modal over the page (role="dialog", aria-modal="true"): Added to cart · View cart ·
    Refund policy, the store's whole policy in a pop-up · Get 10% off your first order."""
    return "dialog" in ctx.marks(block)


@needs("reviews")
def product_reviews(block: Block, ctx: Context) -> bool:
    """On a product page (schema.org Product, no article): the customers' reviews under it,
    "5 out of 5 stars · It solved my daughter's problem with the screen…"."""
    return "reviews" in ctx.marks(block)


@needs("navigation", phrases=(P.NAV_TEXT,))
def navigation(block: Block, ctx: Context) -> bool:
    """Home | World | Business | Sport   (inside <nav>, role=navigation, class="menu" …)
    · Table of Contents · Skip to content · Home » Posts · Page 1 of 8"""
    return _marked_short_kind(block, ctx, "navigation") or (
        ctx.says(block, P.NAV_TEXT, 60)
    )


@needs("share", phrases=(P.SHARE_TEXT,))
def share_widgets(block: Block, ctx: Context) -> bool:
    """Share this: · Spread the love · Click to share on Twitter (Opens in new window)"""
    return "share" in ctx.marks(block) or (ctx.says(block, P.SHARE_TEXT, 80))


@needs("caption", phrases=(P.CREDIT_TEXT, P.CREDIT_LEAD), caption=True)
def captions(block: Block, ctx: Context) -> bool:
    """(AP Photo/Evan Vucci) · vladimir smirnov/Agence France-Presse/Getty Images · a figcaption,
    and the one-sentence caption line printed just above such a credit."""
    if block.kind == "caption" or "caption" in ctx.marks(block):
        return True
    if ctx.says(block, P.CREDIT_TEXT, 200) or ctx.says(block, P.CREDIT_LEAD, 300):
        return True
    nxt = ctx.next_block(block)
    return (
        nxt is not None and ctx.says(nxt, P.CREDIT_TEXT, 120)
        and block.kind == "p" and _caption_line(block, nxt, ctx)
    )


def _caption_line(block: Block, credit: Block, ctx: Context) -> bool:
    """A line printed just above a credit is that picture's caption when no picture stands
    between them (a paragraph above an image is the story's) and it is short, or follows the
    picture it describes (plain text has no pictures to follow)."""
    blocks = ctx.page.blocks
    if any(blocks[i].kind == "img" for i in range(block.index + 1, credit.index)):
        return False
    after_picture = block.index > 0 and blocks[block.index - 1].kind == "img"
    return _short(block, 200 if after_picture or not ctx.page.is_html else 120)


@needs(phrases=(P.VIDEO_TEXT, P.VIDEO_TEXT_CI))
def video_blurbs(block: Block, ctx: Context) -> bool:
    """WATCH: Biden speaks in Delaware (2:14) · … (Published 10/23/19) Image: … /Reuters"""
    return ctx.says(block, P.VIDEO_TEXT, 400) or ctx.says(block, P.VIDEO_TEXT_CI, 400)


@needs("related", phrases=(P.PROMO_TEXT, P.PROMO_HEADING))
def inline_promos(block: Block, ctx: Context) -> bool:
    """Read more: Inflation eases for a third month · Related: … · lists of related-story links
    · a heading over other stories: "Read more from our in-house experts." """
    if "related" in ctx.marks(block):
        return True
    return ctx.says(block, P.PROMO_TEXT, 200) or (
        block.kind in HEADINGS and ctx.says(block, P.PROMO_HEADING, 120))


@needs("newsletter", phrases=(P.NEWSLETTER_TEXT,))
def newsletter_prompts(block: Block, ctx: Context) -> bool:
    """Sign up for our morning newsletter · Already a subscriber? Log in"""
    return "newsletter" in ctx.marks(block) or (
        ctx.says(block, P.NEWSLETTER_TEXT, 200)
    )


@needs("comments", phrases=(P.COMMENT_TEXT,), thread=True)
def comments(block: Block, ctx: Context) -> bool:
    """Leave a Reply · Your email address will not be published. · %d bloggers like this:
    · in plain text, the whole thread from its first "Amy says" / "July 14, 2015 at 3:53 pm"."""
    if not ctx.page.is_html and block.index >= ctx.thread_start:
        return True
    return "comments" in ctx.marks(block) or (
        ctx.says(block, P.COMMENT_TEXT, 160)
    )


@needs(phrases=(P.CONTACT_TEXT,))
def contact_footer(block: Block, ctx: Context) -> bool:
    """Write to Jared Malsin at jared.malsin@wsj.com   (handed to reconcile as a byline)"""
    return ctx.says(block, P.CONTACT_TEXT, 200)


@needs(phrases=(P.COPYRIGHT_TEXT,))
def copyright_footers(block: Block, ctx: Context) -> bool:
    """Copyright ©2021 Dow Jones & Company, Inc. All Rights Reserved. · Source link · This story
    about tutoring was written by Jill Barshay and produced by The Hechinger Report …"""
    return ctx.says(block, P.COPYRIGHT_TEXT, 300)


@needs("ads", phrases=(P.AD_TEXT, P.AD_SUFFIX))
def advertisements(block: Block, ctx: Context) -> bool:
    """Advertisement · Story continues below advertisement · Anzeige · a title marked as paid
    for: "GitHub Actions analytics (Sponsored)"."""
    return ("ads" in ctx.marks(block) or ctx.says(block, P.AD_TEXT, 60)
            or ctx.says(block, P.AD_SUFFIX, 160))


@needs(phrases=(P.DISCLOSURE_TEXT,))
def disclosures(block: Block, ctx: Context) -> bool:
    """We may earn commission from links on this page, but we only recommend products we back.
    · We may be compensated when you click on a link. · The views expressed on this site are not
    necessarily those of the institute."""
    return ctx.says(block, P.DISCLOSURE_TEXT, 400)


@needs(phrases=(P.CTA_TEXT,))
def calls_to_action(block: Block, ctx: Context) -> bool:
    """Get started today · Request a Quote · Ready to Create Something Extraordinary?"""
    return ctx.says(block, P.CTA_TEXT, 100)


@needs(phrases=(P.SPONSOR_TEXT,))
def sponsor_labels(block: Block, ctx: Context) -> bool:
    """In partnership with · Presented by · Brought to you by   (over a partner's logo)"""
    return ctx.says(block, P.SPONSOR_TEXT, 60)


@needs(phrases=(P.SUPPORT_TEXT,))
def support_appeals(block: Block, ctx: Context) -> bool:
    """This story is funded by readers like you · If you liked this article, please consider
    subscribing to the newsletter."""
    return ctx.says(block, P.SUPPORT_TEXT, 400)


@needs(phrases=(P.FOLLOW_TEXT,))
def follow_prompts(block: Block, ctx: Context) -> bool:
    """Catch up on our coverage, and follow us on Facebook, Instagram and TikTok to stay up to
    date."""
    return ctx.says(block, P.FOLLOW_TEXT, 300)


@needs(phrases=(P.CONTACT_CTA_TEXT,))
def contact_prompts(block: Block, ctx: Context) -> bool:
    """CONTACT US · Get in touch · Advertise with us"""
    return ctx.says(block, P.CONTACT_CTA_TEXT, 40)


@needs(phrases=(P.DEAL_TEXT,))
def deal_promos(block: Block, ctx: Context) -> bool:
    """USE PROMO CODE · Deal of the Day · Promotion Has Expired · Buy now from our partners:
    · See price at Amazon · Free standard shipping on orders $60+. For more information …"""
    return ctx.says(block, P.DEAL_TEXT, 160)


@needs(phrases=(P.POSTER_TEXT,))
def poster_details(block: Block, ctx: Context) -> bool:
    """Joined: Mar 12, 2020 · Messages 65,334 · Reaction score · Well-known member · 410 posts ·
    Joined 2002   (a forum post's author panel; the member's name stays)"""
    return ctx.says(block, P.POSTER_TEXT, 40)


@needs(phrases=(P.RATING_TEXT,))
def rating_widgets(block: Block, ctx: Context) -> bool:
    """Was this article helpful? · Click a star to add your vote · 5 votes - average 4.2 out
    of 5 · Rate this article · How Was This Issue?"""
    return ctx.says(block, P.RATING_TEXT, 120)


@needs("author_bio", phrases=(P.BIO_TEXT,))
def author_bios(block: Block, ctx: Context) -> bool:
    """About the author: Jane Doe covers energy for …  (class="author-bio")"""
    return "author_bio" in ctx.marks(block) or (ctx.says(block, P.BIO_TEXT, 40))


@needs("tags", phrases=(P.TAGS_TEXT,))
def tag_lists(block: Block, ctx: Context) -> bool:
    """Tags: Syria, Turkey, Russia · Filed under: Politics"""
    return _marked_short_kind(block, ctx, "tags") or (ctx.says(block, P.TAGS_TEXT, 200))


@needs("meta", phrases=(P.STAMP_TEXT,))
def bylines_and_stamps(block: Block, ctx: Context) -> bool:
    """Updated 3 hours ago · 5 min read · Written By · the byline/date row (class="post-meta")"""
    return "meta" in ctx.marks(block) or (ctx.says(block, P.STAMP_TEXT, 160))


@needs("tools", phrases=(P.TOOLS_TEXT,))
def tool_rows(block: Block, ctx: Context) -> bool:
    """Print · Email this · Font size A+ A-"""
    return _marked_short_kind(block, ctx, "tools") or (ctx.says(block, P.TOOLS_TEXT, 40))


@needs("footer", "sidebar", "form")
def page_chrome(block: Block, ctx: Context) -> bool:
    """The site's footer, sidebar and forms: <footer>, <aside>, role=complementary, <form>."""
    marks = ctx.marks(block)
    return bool(marks) and not marks.isdisjoint(("footer", "sidebar", "form"))


@needs("control")
def counters(block: Block, ctx: Context) -> bool:
    """95 · 1.2K   (the count of likes, comments or shares on a <button>)"""
    return "control" in ctx.marks(block) and P.COUNTER.match(block.text) is not None


@needs(box=True)
def promo_boxes(block: Block, ctx: Context) -> bool:
    """A small box around a button: "Begin learning a new language with Babbel!" over "Get
    Started for Free"; "Premium Investing Services" over "View Premium Services"."""
    return block.index in ctx.promo_box


# -- After the rules: what stands between the widgets they removed -----------------------------
# Rules whose blocks make the page's widget areas (menus, share rows, sign-up forms, promo boxes,
# related links, comments), around and below the article. Not captions, ad labels or stamps:
# those stand between the article's own paragraphs; nor consent notices, which sit under the
# forms of contact pages whose pitch is the page.
WIDGET_RULES = frozenset((
    "navigation", "share_widgets", "comments", "inline_promos",
    "newsletter_prompts", "calls_to_action", "author_bios", "tag_lists", "tool_rows",
    "page_chrome", "follow_prompts", "contact_prompts", "promo_boxes",
))
GAP_CHARS = 300  # a widget's heading and a line of pitch; the article's prose runs longer
GAP_BLOCKS = 3


def widget_gaps(blocks: list[Block], verdicts: list[str | None]) -> list[int]:
    """Short runs of kept blocks with a widget removed on either side: the heading, pitch or
    label of the same widget area ("Follow Hardtail Canada" between a sign-up form and the
    social icons; "Get updates" over "Stay in touch …" above a newsletter form).
    ``verdicts`` holds, per block, the rule that removed it, "" if kept, None if it has no
    text (images and empty blocks are looked through). Returns the indices to remove."""
    runs: list[tuple[list[int], tuple]] = []
    run: list[int] = []
    size = 0
    opened: str | None = None  # the widget rule the run follows
    for block, verdict in zip(blocks, verdicts):
        if verdict is None:
            continue
        if verdict == "":
            run.append(block.index)
            size += len(block.text)
            continue
        widget = verdict if verdict in WIDGET_RULES else None
        if (widget and opened and run and len(run) <= GAP_BLOCKS and size <= GAP_CHARS
                and not _gap_keeps([blocks[i] for i in run])):
            runs.append((run, (opened, widget, *(blocks[i].kind for i in run))))
        opened, run, size = widget, [], 0
    # The same short run between the same widgets again and again is the page's own list of
    # items, each with its button or link row (products, restaurants, references).
    seen = Counter(shape for _, shape in runs)
    return [i for run, shape in runs if seen[shape] < REPEATS for i in run]


REPEATS = 3


def _gap_keeps(run: list[Block]) -> bool:
    """The headline, a paragraph of prose or two sentences are never a widget's label and
    pitch."""
    sentences = sum(len(b.text) >= 60 and b.text.endswith(_SENTENCE_END) for b in run)
    return sentences >= 2 or any(b.kind == "h1" or _reads_as_prose(b) for b in run)
