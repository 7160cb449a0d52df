"""HTML input to blocks: prune what no reader sees, then one recursive walk over the body."""
from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree, html

from ..model import Block
from ..options import DEFAULT, Options
from . import Container, Page
from .markdown import escape_md, markdown_table

# Never visible to a reader, or never prose: removed in C before the walk.
SKIP_TAGS = (
    "script", "style", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "source", "track", "select", "option", "input",
    "textarea", "head", "link", "meta", "map", "dialog", "frameset", "frame",
)
# Candidates for hidden elements; the style test is finished in Python, since XPath's
# translate() over every element's style cost more than the whole parse.
_MAYBE_HIDDEN = etree.XPath("//*[@hidden or @aria-hidden or @style]")
_MAYBE_HIDDEN_INSIDE = etree.XPath(".//*[@hidden or @aria-hidden or @style]")
INLINE_TAGS = frozenset(
    "a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd label mark nobr q s "
    "samp small span strike strong sub sup time tt u var wbr img br".split()
)
LEAF_KINDS = {
    "p": "p", "h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6",
    "li": "li", "dt": "dt", "dd": "dd", "figcaption": "caption", "caption": "caption",
    "summary": "p", "address": "p",
}
_EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}
_WS = re.compile(r"\s+")
# A table holding these lays out a page; a <p> or <div> in a cell is just CMS markup.
_TABLE_LAYOUT = etree.XPath(
    "boolean(.//*[self::table or self::ul or self::ol or self::h1 or self::h2 or self::h3 "
    "or self::blockquote or self::article or self::section])"
)
# A cell longer than this is a column of prose (a layout table), not a datum.
_CELL_PROSE = 400
# libxml2 never closes a <button> at a <div>, so one unclosed menu button can swallow the page;
# a <noscript> holding blocks is the page's no-JS rendering (Discourse serves its posts there),
# while one holding an <img> or a line is a lazy-image fallback or an "enable JS" notice.
_HOLDS_BLOCKS = etree.XPath(
    "boolean(.//*[self::div or self::p or self::main or self::article or self::section])"
)


def from_html(root: html.HtmlElement, base_url: str | None = None,
              options: Options = DEFAULT) -> Page:
    """Prune what no reader sees, then walk the document once into blocks.

    The walk starts at the root, not <body>: after a stray ``</html>`` libxml2 puts the rest
    of the page beside <body> or in a second top-level element, and that rest is often the
    article (<head> is pruned).
    """
    for stray in [el for el in root.itersiblings() if isinstance(el.tag, str)]:
        root.append(stray)
    etree.strip_elements(root, *SKIP_TAGS, with_tail=False)
    _prune_hidden(root)
    walker = _Walker(base_url, options.max_depth)
    walker.walk(root, 0, -1)
    walker.flush()
    return Page(blocks=walker.blocks, containers=walker.containers)


class _Walker:
    """One recursive pass: inline text gathers in a buffer, block boundaries flush it."""

    def __init__(self, base_url: str | None, max_depth: int) -> None:
        self.base_url = base_url
        self.max_depth = max_depth
        self.blocks: list[Block] = []
        self.containers: list[Container] = []
        self.path: list[int] = []
        self.text: list[str] = []
        self.md: list[str] = []
        self.link_chars = 0
        self.in_link = 0
        self.kind = "p"
        self.list_depth = 0
        self.ordered: list[bool] = []
        self.flushes = 0
        self.joined: dict[str, str] = {}

    # -- buffer -------------------------------------------------------------------------
    def add(self, text: str | None) -> None:
        if not text:
            return
        self.text.append(text)
        self.md.append(escape_md(text))
        if self.in_link:
            self.link_chars += len(text.strip())

    def flush(self, kind: str | None = None) -> None:
        if not self.text:  # most containers open and close with nothing gathered
            return
        text = " ".join("".join(self.text).split())  # str.split folds the same \s as re
        if text:
            md = " ".join("".join(self.md).split())
            self.blocks.append(Block(
                text=text, md=md, kind=kind or self.kind, index=len(self.blocks),
                path=tuple(self.path), link_chars=min(self.link_chars, len(text)),
                depth=max(self.list_depth - 1, 0),
                ordered=bool(self.ordered and self.ordered[-1]),
            ))
            self.flushes += 1
        self.text.clear()
        self.md.clear()
        self.link_chars = 0

    # -- walk ---------------------------------------------------------------------------
    def walk(self, el: html.HtmlElement, depth: int, parent: int) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if depth > self.max_depth or not tag:
            return
        if tag in INLINE_TAGS:
            self.inline(el, tag, depth, parent)
        elif tag == "pre":
            self.pre(el)
        elif tag == "table" and not _TABLE_LAYOUT(el) and self.table(el):
            return
        elif tag in ("button", "noscript") and not _HOLDS_BLOCKS(el):
            return  # a control's label or a fallback; its tail is added by the caller
        else:
            self.container(el, tag, depth)

    def children(self, el: html.HtmlElement, depth: int, parent: int) -> None:
        if el.text:  # tested here: most elements have no text or tail, and calls cost
            self.add(el.text)
        for child in el:
            self.walk(child, depth + 1, parent)
            if child.tail:
                self.add(child.tail)

    def container(self, el: html.HtmlElement, tag: str, depth: int) -> None:
        self.flush()
        cid = len(self.containers)
        self.containers.append(Container(
            tag=tag, tokens=_tokens(el), role=el.get("role") or "",
            parent=self.path[-1] if self.path else -1, itemprop=el.get("itemprop") or "",
        ))
        self.path.append(cid)
        outer_kind = self.kind
        self.kind = _kind_inside(tag, outer_kind)
        is_list = tag in ("ul", "ol")
        if is_list:
            self.list_depth += 1
            self.ordered.append(tag == "ol")
        self.children(el, depth, cid)
        self.flush()
        if is_list:
            self.list_depth -= 1
            self.ordered.pop()
        self.kind = outer_kind
        self.path.pop()

    def inline(self, el: html.HtmlElement, tag: str, depth: int, parent: int) -> None:
        if tag == "br":
            self.add(" ")
            if _double_break(el):
                self.flush()
            return
        if tag == "img":
            self.image(el)
            return
        flushes, mark = self.flushes, len(self.md)
        if tag == "a":
            self.in_link += 1
        self.children(el, depth, parent)
        if tag == "a":
            self.in_link -= 1
            href = el.get("href")
            if href and flushes == self.flushes and not href.startswith(("javascript:", "#")):
                self.wrap(mark, "[", f"]({self.absolute(href)})")
        elif tag in _EMPHASIS and flushes == self.flushes:
            self.wrap(mark, _EMPHASIS[tag], _EMPHASIS[tag])

    def wrap(self, start: int, before: str, after: str) -> None:
        """Wrap the Markdown gathered since ``start``, keeping its outer spaces outside."""
        raw = "".join(self.md[start:])
        inner = raw.strip()
        if not inner:
            return
        lead = " " if raw[:1].isspace() else ""
        trail = " " if raw[-1:].isspace() else ""
        del self.md[start:]
        self.md.append(f"{lead}{before}{inner}{after}{trail}")

    def image(self, el: html.HtmlElement) -> None:
        src = el.get("src") or el.get("data-src") or el.get("data-lazy-src")
        if not src or src.startswith("data:"):
            return
        self.blocks.append(Block(
            text="", md=el.get("alt") or "", kind="img", index=len(self.blocks),
            path=tuple(self.path), src=self.absolute(src),
        ))

    def pre(self, el: html.HtmlElement) -> None:
        self.flush()
        code = el.text_content().strip("\n")
        if code.strip():
            self.blocks.append(Block(
                text=code, md=code, kind="pre", index=len(self.blocks), path=tuple(self.path),
            ))

    def table(self, el: html.HtmlElement) -> bool:
        """A data table becomes one block; False leaves a layout table to the walk."""
        rows = [[_WS.sub(" ", cell.text_content()).strip() for cell in tr.iter("td", "th")]
                for tr in el.iter("tr")]
        rows = [row for row in rows if any(row)]
        if any(len(cell) > _CELL_PROSE for row in rows for cell in row):
            return False
        self.flush()
        if not rows:
            return True
        text = "\n".join(" ".join(c for c in row if c) for row in rows)
        links = sum(len(a.text_content().strip()) for a in el.iter("a"))
        self.blocks.append(Block(
            text=text, md=markdown_table(rows), kind="table", index=len(self.blocks),
            path=tuple(self.path), link_chars=min(links, len(text)),
        ))
        return True

    def absolute(self, href: str) -> str:
        href = href.strip()
        if not self.base_url or href.startswith(("https://", "http://")):
            return href
        joined = self.joined.get(href)
        if joined is None:  # menus repeat the same few relative links many times
            joined = self.joined[href] = urljoin(self.base_url, href)
        return joined


def _prune_hidden(root: html.HtmlElement) -> None:
    """Drop what the page hides, except streamed holders and collapsed prose panels."""
    gone: set[html.HtmlElement] = set()
    for el in _MAYBE_HIDDEN(root):  # document order: an ancestor comes before what it holds
        if el in gone or not _is_hidden(el) or el.getparent() is None:
            continue  # gone with a dropped ancestor: its text need not be measured again
        if not _streamed(el) and not _collapsed_prose(el):
            gone.update(_MAYBE_HIDDEN_INSIDE(el))
            el.drop_tree()


def _is_hidden(el: html.HtmlElement) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    if not style or ("none" not in style and "hidden" not in style):
        return False
    style = style.replace(" ", "")
    return "display:none" in style or "visibility:hidden" in style


def _streamed(el: html.HtmlElement) -> bool:
    """A ``hidden`` holder right under <body>: streaming renderers (React's ``<div hidden
    id="S:0">``) park server-rendered sections there until a script moves them into place."""
    parent = el.getparent()
    return el.get("hidden") is not None and parent is not None and parent.tag in ("body", "html")


# Hidden text this long, and mostly not links, is a collapsed panel (accordion, tab, "read
# more") a reader opens with one click, not a menu or a modal.
_HIDDEN_PROSE = 300


def _collapsed_prose(el: html.HtmlElement) -> bool:
    text = el.text_content()
    if len(text) < _HIDDEN_PROSE:
        return False
    links = sum(len(a.text_content()) for a in el.iter("a"))
    return links < 0.3 * len(text)


def _kind_inside(tag: str, outer: str) -> str:
    if tag in LEAF_KINDS:
        return LEAF_KINDS[tag]
    if tag == "blockquote":
        return "quote"
    return outer if outer in ("quote", "caption") else "p"


def _double_break(el: html.HtmlElement) -> bool:
    """<br><br>: sites that write paragraphs without <p> separate them this way."""
    nxt = el.getnext()
    return (
        nxt is not None and nxt.tag == "br" and not (el.tail or "").strip()
    )


def _tokens(el: html.HtmlElement) -> str:
    cls = el.get("class")
    ident = el.get("id")
    if not cls and not ident:
        return ""
    return f"{cls or ''} {ident or ''}".lower()
