"""HTML input to blocks: prune what no reader sees, then one recursive walk over the body."""
from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urljoin, urlsplit

from lxml import etree

from ..dom import Element, drop_tree, text_content
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
# translate() over every element's style cost more than the whole parse. Selecting the
# attributes (a union comes back in document order) is cheaper in libxml2 than testing a
# predicate on every element, and each candidate costs a Python proxy: most styles hide nothing.
_CANDIDATES = ("{0}@hidden/.. | {0}@popover/.. | {0}@aria-hidden[. = 'true']/.. | "
               "{0}@style[contains(., 'none') or contains(., 'hidden')]/..")
_PRE_LINES = frozenset(("div", "p", "li"))  # elements that hold one line of a code listing
_URL_ODD = re.compile(r"[\t\n\r]")  # urljoin strips these, so the shortcut must not see them
_MAYBE_HIDDEN = etree.XPath(_CANDIDATES.format("//*/"))  # elements only: text nodes skipped
_MAYBE_HIDDEN_INSIDE = etree.XPath(_CANDIDATES.format("descendant::*/"))
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


def from_html(root: Element, base_url: str | None = None, options: Options = DEFAULT,
              hidden: Sequence[Element] | None = None) -> Page:
    """Prune what no reader sees, then walk the document once into blocks.

    The walk starts at the root, not <body>: after a stray ``</html>`` libxml2 puts the rest
    of the page beside <body> or in a second top-level element, and that rest is often the
    article (<head> is pruned). ``hidden``: the elements whose attributes may hide them, in
    document order, when the metadata walk gathered them (else an XPath finds them).
    """
    for stray in [el for el in root.itersiblings() if isinstance(el.tag, str)]:
        root.append(stray)
    etree.strip_elements(root, *SKIP_TAGS, with_tail=False)
    _prune_hidden(root, _MAYBE_HIDDEN(root) if hidden is None else hidden)
    walker = _Walker(base_url, options.max_depth)
    walker.walk(root)
    walker.flush()
    return Page(blocks=walker.blocks, containers=walker.containers)


# How the walk treats a tag; a tag missing here is a container (a block-level element).
_INLINE, _LINK, _EMPH, _BREAK, _IMAGE, _PRE, _TABLE, _CONTROL, _LIST, _SKIP = range(1, 11)
_HOW = {
    **{tag: _INLINE for tag in INLINE_TAGS}, **{tag: _EMPH for tag in _EMPHASIS},
    "a": _LINK, "br": _BREAK, "img": _IMAGE, "pre": _PRE, "table": _TABLE,
    "button": _CONTROL, "noscript": _CONTROL, "ul": _LIST, "ol": _LIST,
    # A comment, PI or entity has a factory for a tag, not a name: one lookup skips it.
    etree.Comment: _SKIP, etree.ProcessingInstruction: _SKIP, etree.Entity: _SKIP,
}
_KIND_OF = {**LEAF_KINDS, "blockquote": "quote"}
_INHERITED = frozenset(("quote", "caption"))  # kinds a plain container inside keeps
_NO_MARKS: frozenset[str] = frozenset()


class _Walker:
    """One recursive pass: inline text gathers in a buffer, block boundaries flush it.

    The walk costs Python work per element and per text node, so the hot path stays in
    ``children`` and ``container``: Markdown is escaped only when a block is flushed or a
    link or emphasis wraps it (``md`` mirrors ``text[:synced]``), most text never needs it.
    White space met while the buffer is empty is only counted (``blank``): the block would
    strip it, and an empty buffer spares most flushes. It still counts in the positions
    that ``mark`` hands out, so links and emphasis wrap exactly what they did when it was
    kept (a flush that makes no block empties the buffer without counting as a flush).
    """

    def __init__(self, base_url: str | None, max_depth: int) -> None:
        self.base_url = base_url
        self.max_depth = max_depth
        self.blocks: list[Block] = []
        self.containers: list[Container] = []
        self.path: list[int] = []
        self.text: list[str] = []
        self.md: list[str] = []  # escaped pieces of text[:synced], as wrapped so far
        self.synced = 0
        self.blank = 0  # white-space pieces dropped from the start of the buffer
        self.link_chars = 0
        self.in_link = 0
        self.kind = "p"
        self.lists = 0  # lists open around the walk
        self.item_depth = 0  # a block's list depth: an item of the outermost list is at 0
        self.ordered = False  # the innermost list is an <ol>
        self.flushes = 0
        self.joined: dict[str, str] = {}
        self.origin = _origin(base_url)

    # -- buffer -------------------------------------------------------------------------
    def add(self, text: str) -> None:
        if self.text or not text.isspace():
            self.text.append(text)
            if self.in_link:
                self.link_chars += len(text.strip())
        else:
            self.blank += 1

    def mark(self) -> int:
        """Where the Markdown of what is added next will start (see ``wrap``)."""
        return self.blank + len(self.md) + len(self.text) - self.synced

    def sync(self) -> None:
        pending = self.text[self.synced:]
        if pending:
            self.md.extend(map(escape_md, pending))
            self.synced = len(self.text)

    def flush(self) -> None:
        parts = self.text
        self.blank = 0
        if not parts:  # most containers open and close with nothing gathered
            return
        raw = "".join(parts)
        # Most buffers hold no white space but single spaces between words (isprintable() is
        # False for every other white-space character): folding them would copy each word.
        if raw.isprintable() and "  " not in raw and raw[:1] != " " and raw[-1:] != " ":
            text = raw
        else:
            text = " ".join(raw.split())  # str.split folds the same \s as re
        if text:
            blocks = self.blocks
            # With no wrap and no marker (five memchr scans beat one regex) the Markdown is
            # the text: most blocks.
            md = (self.markdown() if self.md or "*" in raw or "_" in raw or "[" in raw
                  or "`" in raw or "\\" in raw else text)
            blocks.append(Block(  # positional: a keyword call costs twice as much
                text, md, self.kind, len(blocks), tuple(self.path), _NO_MARKS,
                min(self.link_chars, len(text)), self.item_depth, self.ordered,
            ))
            self.flushes += 1
        parts.clear()
        self.md.clear()
        self.synced = 0
        self.link_chars = 0

    def markdown(self) -> str:
        """The gathered pieces escaped one by one (as written, escaping depends on the
        neighbours inside a piece) and wrapped."""
        if self.md:
            self.sync()
            return " ".join("".join(self.md).split())
        return " ".join("".join(map(escape_md, self.text)).split())

    # -- walk ---------------------------------------------------------------------------
    def walk(self, el: Element, depth: int = 0) -> None:
        """The root: dispatched like any child (its tail is not the page's)."""
        if depth > self.max_depth:
            return
        tag = el.tag
        how = _HOW.get(tag)
        if how is None:
            self.container(el, tag, depth)
        elif how == _INLINE:
            self.children(el, depth)
        else:
            self.special(el, tag, how, depth)

    def children(self, el: Element, depth: int) -> None:
        """The text and child elements of ``el``; the hot loop, so dispatch is inlined."""
        parts = self.text
        text = el.text
        # Tested here (see ``add``): most elements have no text or tail, and calls cost.
        if text:
            if parts or not text.isspace():
                parts.append(text)
                if self.in_link:
                    self.link_chars += len(text.strip())
            else:
                self.blank += 1
        depth += 1
        if depth > self.max_depth:  # too deep to walk: only the tails are this level's text
            for child in el:
                if child.tail:
                    self.add(child.tail)
            return
        for child in el:
            tag = child.tag
            how = _HOW.get(tag)
            if how is None:
                self.container(child, tag, depth)
            elif how == _INLINE:
                self.children(child, depth)
            else:
                self.special(child, tag, how, depth)
            text = child.tail
            if text:
                if parts or not text.isspace():
                    parts.append(text)
                    if self.in_link:
                        self.link_chars += len(text.strip())
                else:
                    self.blank += 1

    def container(self, el: Element, tag: str, depth: int) -> None:
        if self.text:
            self.flush()
        else:  # what a flush of white space does (see ``mark``), without the call
            self.blank = 0
        containers, path = self.containers, self.path
        attrs = el.items()  # one C call: a third of all elements have no attribute at all
        parent = path[-1] if path else -1
        path.append(len(containers))  # the id it is about to get
        containers.append(_container(tag, parent, attrs) if attrs
                          else Container(tag, "", "", parent))
        outer_kind = self.kind
        self.kind = _KIND_OF.get(tag) or (outer_kind if outer_kind in _INHERITED else "p")
        self.children(el, depth)
        if self.text:
            self.flush()
        else:
            self.blank = 0
        self.kind = outer_kind
        path.pop()

    def listing(self, el: Element, tag: str, depth: int) -> None:
        """A <ul> or <ol>: a container whose blocks know their list and its depth."""
        if self.text:  # the text before the list is not in it
            self.flush()
        outer = self.lists, self.item_depth, self.ordered
        self.item_depth = self.lists
        self.lists += 1
        self.ordered = tag == "ol"
        self.container(el, tag, depth)
        self.lists, self.item_depth, self.ordered = outer

    def special(self, el: Element, tag: str, how: int, depth: int) -> None:
        """Tags that are neither plain containers nor plain inline markup."""
        if how == _LINK:
            flushes, mark = self.flushes, self.mark()
            self.in_link += 1
            self.children(el, depth)
            self.in_link -= 1
            href = el.get("href")
            if href and flushes == self.flushes and not href.startswith(("javascript:", "#")):
                self.wrap(mark, "[", f"]({self.absolute(href)})")
        elif how == _EMPH:
            flushes, mark = self.flushes, self.mark()
            self.children(el, depth)
            if flushes == self.flushes:
                self.wrap(mark, _EMPHASIS[tag], _EMPHASIS[tag])
        elif how == _LIST:
            self.listing(el, tag, depth)
        elif how == _BREAK:
            self.add(" ")
            if _double_break(el):
                self.flush()
        elif how == _IMAGE:
            self.image(el)
        elif how == _PRE:
            self.pre(el)
        elif how == _TABLE:
            if _TABLE_LAYOUT(el) or not self.table(el):
                self.container(el, tag, depth)
        elif how == _CONTROL and _HOLDS_BLOCKS(el):  # a label or fallback goes, not its tail
            self.container(el, tag, depth)

    def wrap(self, start: int, before: str, after: str) -> None:
        """Wrap the Markdown gathered since ``start``, keeping its outer spaces outside."""
        self.sync()
        blank = self.blank
        start -= blank  # the position in ``md``; below 0 when dropped white space leads
        md = self.md
        raw = "".join(md[max(start, 0):])
        inner = raw.strip()
        if not inner:
            return
        lead = " " if start < 0 or raw[:1].isspace() else ""
        trail = " " if raw[-1:].isspace() else ""
        if start < 0:  # the dropped pieces it wrapped are in it now
            self.blank, start = blank + start, 0
        del md[start:]
        md.append(f"{lead}{before}{inner}{after}{trail}")

    def image(self, el: Element) -> None:
        src = el.get("src") or el.get("data-src") or el.get("data-lazy-src")
        if not src or src.startswith("data:"):
            return
        self.blocks.append(Block(
            text="", md=el.get("alt") or "", kind="img", index=len(self.blocks),
            path=tuple(self.path), src=self.absolute(src),
        ))

    def pre(self, el: Element) -> None:
        self.flush()
        code = _pre_text(el).strip("\n")
        if code.strip():
            self.blocks.append(Block(
                text=code, md=code, kind="pre", index=len(self.blocks), path=tuple(self.path),
            ))

    def table(self, el: Element) -> bool:
        """A data table becomes one block; False leaves a layout table to the walk."""
        rows = [[_WS.sub(" ", text_content(cell)).strip() for cell in tr.iter("td", "th")]
                for tr in el.iter("tr")]
        rows = [row for row in rows if any(row)]
        if any(len(cell) > _CELL_PROSE for row in rows for cell in row):
            return False
        self.flush()
        if not rows:
            return True
        text = "\n".join(" ".join(c for c in row if c) for row in rows)
        links = sum(len(text_content(a).strip()) for a in el.iter("a"))
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
            joined = self.joined[href] = _join(self.base_url, self.origin, href)
        return joined


def _pre_text(el: Element) -> str:
    """A <pre>'s text with its line breaks: a <br>, or the end of a line element (some
    highlighters put each line in a <div> or <p>), is a newline, as it is on screen."""
    if next(el.iter("br", *_PRE_LINES), None) is None:
        return text_content(el)  # the usual case: the newlines are in the text itself
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if node.tag == "br":
                parts.append("\n")
            elif node.text and isinstance(node.tag, str):
                parts.append(node.text)
            continue
        if node.tag in _PRE_LINES and parts and not parts[-1].endswith("\n"):
            parts.append("\n")
        if node.tail and node is not el:
            parts.append(node.tail)
    return "".join(parts)


def _origin(base_url: str | None) -> str | None:
    """'https://host' of an http(s) base, for the root-relative links most pages use."""
    if not base_url or not base_url.startswith(("https://", "http://")):
        return None
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None


def _join(base_url: str, origin: str | None, href: str) -> str:
    """urljoin, with its answer for a plain '/path' found by concatenation.

    urljoin costs ~10 µs a call (a page has a few dozen distinct relative links); the
    shortcut is taken only where urljoin would give the same string: no '//' host, no dot
    segments to resolve, no empty '?'/'#' for it to drop, no tab or newline for it to strip.
    """
    if (origin and href[:1] == "/" and href[1:2] != "/" and "/." not in href
            and not href.endswith(("?", "#")) and "?#" not in href
            and not _URL_ODD.search(href)):
        return origin + href
    return urljoin(base_url, href)


def _prune_hidden(root: Element, candidates: Sequence[Element]) -> None:
    """Drop what the page hides, except streamed holders, collapsed prose panels and a cloak
    over the whole page.

    Candidates gathered from the raw tree may sit in what strip_elements took out (the parts of
    an <svg> or a <dialog>): those are detached already, and dropping them changes nothing.
    """
    gone: set[Element] = set()
    page_chars: int | None = None  # measured only on a page that hides some text
    runs: dict[Element, set[str]] = {}
    for el in candidates:  # document order: an ancestor comes before what it holds
        if el in gone or not _is_hidden(el) or el.getparent() is None:
            continue  # gone with a dropped ancestor: its text need not be measured again
        if _streamed(el, runs):
            continue
        text = text_content(el)
        if _collapsed_prose(el, text) and el.get("popover") is None:
            continue
        if page_chars is None:
            page_chars = len(text_content(root))
        if len(text) >= _CLOAK_SHARE * page_chars > 0:
            continue
        gone.update(_MAYBE_HIDDEN_INSIDE(el))
        drop_tree(el)


# A hidden element holding (nearly) all of the page's text is a cloak that the page's scripts
# lift once styles load (``<div style="visibility:hidden">`` around everything), not content
# kept from the reader: a page cannot hide all it shows.
_CLOAK_SHARE = 0.9


def _is_hidden(el: Element) -> bool:
    """Hidden by its attributes. A ``popover`` (a menu, a picker, an "install the app" card)
    shows only when a button opens it."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true" \
            or el.get("popover") is not None:
        return True
    style = el.get("style")
    if not style or ("none" not in style and "hidden" not in style):
        return False
    style = style.replace(" ", "")
    return "display:none" in style or "visibility:hidden" in style


def _streamed(el: Element, runs: dict[Element, set[str]]) -> bool:
    """A holder right under <body> where a streaming renderer parks a server-rendered section
    until a script moves it into place: React's ``<div hidden id="S:0">``, or one of a run of
    numbered hidden holders (Marko's async fragments, ``style="display:none"
    id="afbrwweb14"``). A lone hidden box with an id there is a modal (an age check, a chat
    bubble). ``runs``: the numbered runs found under each parent so far."""
    parent = el.getparent()
    if parent is None or parent.tag not in ("body", "html"):
        return False
    if el.get("hidden") is not None:
        return True
    prefix = _numbered(el)
    if not prefix or el.get("popover") is not None:
        return False
    if parent not in runs:
        runs[parent] = _numbered_runs(parent)
    return prefix in runs[parent]


def _numbered(el: Element) -> str:
    """What comes before the number that ends the element's id ("afbrwweb" of "afbrwweb14");
    "" when the id ends in no number or is only one."""
    ident = el.get("id") or ""
    prefix = ident.rstrip("0123456789")
    return prefix if prefix != ident else ""


_RUN = 3  # numbered hidden holders beside one another: a renderer's, not a page's modals


def _numbered_runs(parent: Element) -> set[str]:
    """The id prefixes that at least _RUN hidden children of ``parent`` share, each followed
    by a number (one pass over the children)."""
    counts: dict[str, int] = {}
    for child in parent:
        prefix = _numbered(child) if isinstance(child.tag, str) else ""
        if prefix and _is_hidden(child):
            counts[prefix] = counts.get(prefix, 0) + 1
    return {prefix for prefix, count in counts.items() if count >= _RUN}


# Hidden text this long, and mostly not links, is a collapsed panel (accordion, tab, "read
# more") a reader opens with one click, not a menu or a modal.
_HIDDEN_PROSE = 300


def _collapsed_prose(el: Element, text: str) -> bool:
    if len(text) < _HIDDEN_PROSE:
        return False
    links = sum(len(text_content(a)) for a in el.iter("a"))
    return links < 0.3 * len(text)


def _double_break(el: Element) -> bool:
    """<br><br>: sites that write paragraphs without <p> separate them this way."""
    nxt = el.getnext()
    return (
        nxt is not None and nxt.tag == "br" and not (el.tail or "").strip()
    )


def _container(tag: str, parent: int, attrs: list[tuple[str, str]]) -> Container:
    """The element's class/id words, role and itemprop, from its attributes read in one call
    (each ``el.get`` converts the name and searches the attributes again)."""
    if len(attrs) == 1 and attrs[0][0] == "class":  # half of all containers
        cls = attrs[0][1]
        return Container(tag, f"{cls} ".lower() if cls else "", "", parent)
    cls = ident = role = itemprop = None
    for name, value in attrs:
        if name == "class":
            cls = value
        elif name == "id":
            ident = value
        elif name == "role":
            role = value
        elif name == "itemprop":
            itemprop = value
        elif name == "aria-modal" and value == "true" and not role:
            role = "dialog"
    tokens = f"{cls or ''} {ident or ''}".lower() if cls or ident else ""
    return Container(tag, tokens, role or "", parent, itemprop or "")
