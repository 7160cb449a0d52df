"""The one place that knows the order of the steps.

bytes → loading (decode) → dom (parse) → metadata (raw tree) → blocks → cleaning → scoring
(select) → fallback → reconcile → Article; writers turn the Article into Markdown, JSON or text.
Metadata's one walk of the raw tree also notes the elements that may be hidden, for the blocks
step to prune without a pass of its own.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from . import blocks, cleaning, dom, fallback, loading, metadata, scoring
from .metadata.candidates import Candidates
from .model import Article, Block
from .options import DEFAULT, Options
from .reconcile import reconcile
from .writers.body import render


@dataclass(frozen=True, slots=True)
class Result:
    """An Article and what cleaning removed from the article's stretch (for --explain)."""

    article: Article
    dropped: tuple[tuple[str, Block], ...]


def extract(data: bytes | str, *, url: str | None = None, options: Options | None = None,
            source: str | None = None) -> Article:
    """Extract the article from a saved page (HTML or plain text, as bytes or str)."""
    return run(data, url=url, options=options, source=source).article


def run(data: bytes | str, *, url: str | None = None, options: Options | None = None,
        source: str | None = None) -> Result:
    options = options or DEFAULT
    if url:
        options = replace(options, url=url)
    name = source or "input"
    # Text handed in as str was decoded elsewhere, mojibake and all: mended the same way.
    text = loading.repair_mojibake(data) if isinstance(data, str) else loading.decode(
        loading.gunzip(data, name), options.encoding, name
    )
    if _is_html(text, options):
        root = dom.parse(text)
        scan = metadata.walk(root)
        found = metadata.collect(root, options.url, scan)
        page = blocks.from_html(root, _base_url(found, options), options, scan.hidden)
    else:
        found = Candidates()
        if options.url:
            found.add("url", options.url, "input")
        page = blocks.from_text(text)
    cleaned = cleaning.clean(page, _for_page(options, found))
    titles = [value for value, _ in found.get("headline")]
    chosen = scoring.select(page, cleaned.kept, options, titles)
    # Step 7b: too little chosen (a front page of links, articleBody only) → the best alternative.
    chosen = fallback.recover(page, cleaned.kept, chosen, found, options, cleaned.dropped)
    fields, body_blocks = reconcile(found, page, chosen, cleaned.dropped, options)
    body, plain = render(body_blocks)
    article = Article(**fields.values, body=body, text=plain,
                      provenance=fields.provenance, source=source)
    return Result(article, _dropped_near(cleaned.dropped, chosen))


def _for_page(options: Options, found: Candidates) -> Options:
    """A discussion (a forum topic, a Q&A page) is its posts: cleaning keeps what it would
    take for comments elsewhere. Customers' reviews are no part of the text only on a product
    page: elsewhere (a buyer's guide, a forum) a review box is the page's own."""
    genre = found.first("genre")
    off = set()
    if genre == ("discussion", "json-ld"):
        off.add("comments")
    if genre != ("product", "json-ld"):
        off.add("product_reviews")
    return replace(options, keep=options.keep | off) if off - options.keep else options


def _is_html(text: str, options: Options) -> bool:
    if options.input_format != "auto":
        return options.input_format == "html"
    return loading.looks_like_html(text)


def _base_url(found: Candidates, options: Options) -> str | None:
    for value, _ in found.get("url"):
        if value.startswith(("http://", "https://")):
            return value
    return options.url


def _dropped_near(dropped: list[tuple[str, Block]], chosen: list[Block]):
    """What cleaning removed between the article's first and last block (for --explain)."""
    if not chosen:
        return ()
    lo, hi = chosen[0].index - 3, chosen[-1].index + 8
    return tuple((rule, b) for rule, b in dropped if lo <= b.index <= hi and b.text)
