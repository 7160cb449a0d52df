"""One walk over the raw tree that gathers every element the metadata sources read.

libxml2 evaluates each ``//*[contains(@class, …)]`` XPath as a full pass with string copies per
element; a dozen of them cost several times the parse. A single Python walk that tests each
element's class, id and text once, with plain substring checks, finds the same elements.

Since it reads every attribute of the body anyway, it also notes the elements whose attributes
may hide them, for the blocks step's pruning (an XPath for them is a pass of its own).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dom import Element

_XML_SPACE = " \t\n\r"  # what XPath's normalize-space() folds (not \xa0)
# First letters of a printed credit ("By", "Written by", "Posted by", "Story by", "Von", "Par").
_CREDIT_LETTERS = frozenset("bBwWpPsSrRvV")
_CREDIT_START = re.compile(r"^\s*(?:by\b|written by|posted by|words by|story by|reported by|von |"
                           r"par |por )", re.I)
_LABEL_LETTERS = frozenset("wWaAcC")
_LABEL_TEXTS = frozenset({"written by", "author", "authors", "contributor", "contributors"})
_LD_CASE = str.maketrans("LDJSON", "ldjson")
_PROPS = frozenset({"headline", "author", "datePublished", "dateModified", "publisher"})
_DATA_DATE_TAGS = frozenset({"html", "body", "article", "main"})
_DATA_DATES = ("data-pubdate", "data-published", "data-publish-date", "data-published-date",
               "data-date-published")


@dataclass
class Scan:
    """Elements by the part they play, each list in document order."""

    metas: list = field(default_factory=list)          # every <meta>
    ld_scripts: list = field(default_factory=list)     # <script type=…ld+json>
    props: list = field(default_factory=list)          # itemprop headline/author/date…
    data_dates: list = field(default_factory=list)     # html/body/article/main[data-pubdate…]
    times: list = field(default_factory=list)          # time[datetime], *[pubdate]
    rel_authors: list = field(default_factory=list)    # a[rel~=author]
    links: list = field(default_factory=list)          # body a[href]
    hrefs: list = field(default_factory=list)          # their href values
    h1s: list = field(default_factory=list)            # body h1
    marked_bylines: list = field(default_factory=list)  # class/id says author, byline, writer
    marked_dates: list = field(default_factory=list)   # class says date/publish/posted/time
    labels: list = field(default_factory=list)         # leaf reading 'Written by' / 'Author'
    credits: list = field(default_factory=list)        # elements holding a 'By …' text node
    titles: list = field(default_factory=list)         # <title>
    canonical_links: list = field(default_factory=list)  # <link rel=canonical>
    # Verdicts of the metadata sources' ancestor walks (visible.py's regions), kept per page:
    # a listing of a thousand bylines walks the same ancestors a thousand times.
    regions: dict = field(default_factory=dict)  # (ancestor, footer passed) → in comments
    menus: dict = field(default_factory=dict)  # element → it is a menu
    # Body elements with a hidden or popover attribute, aria-hidden="true", or a style naming
    # "none" or "hidden" (blocks.html finishes the test); None when the tree has parts the body walk does
    # not see (content after a stray </html>), which the blocks step then searches itself.
    hidden: list | None = field(default_factory=list)


def walk(root: Element) -> Scan:
    """Gather the elements of root's whole document (what ``//…`` XPaths would see)."""
    top = root.getroottree().getroot()
    found = Scan()
    if top.getnext() is not None:  # content beside the root, after a stray </html>
        found.hidden = None
    if top.tag == "body":
        _body(top, found)
        return found
    _head(top, found, alone=True)
    for part in top:
        if part.tag == "body":
            _body(part, found)
        else:
            _head(part, found)
            if part.tag != "head":
                found.hidden = None
    return found


def _head(part: Element, found: Scan, alone: bool = False) -> None:
    """Outside <body>: only the machine-readable sources."""
    for el in [part] if alone else part.iter():
        tag = el.tag
        if tag.__class__ is str:
            get = el.get
            _anywhere(el, tag, get("itemprop"), get("pubdate"), found)


def _anywhere(el: Element, tag: str, prop: str | None, pubdate: str | None,
              found: Scan) -> None:
    """The tests that apply anywhere in the document (only some tags or attributes get here)."""
    if prop is not None and prop in _PROPS:
        found.props.append(el)
    if tag == "a":
        if pubdate is not None:
            found.times.append(el)
        rel = el.get("rel")
        if rel is not None and _has_author(rel):
            found.rel_authors.append(el)
    else:
        _machine(el, tag, pubdate, found)


_CODE_TAGS = frozenset({"script", "style"})  # their text is code: never read as a credit
# Tags the walk must look at whatever their attributes.
_SPECIAL_TAGS = frozenset({"time", "meta", "script", "h1", "link", "title"}) | _DATA_DATE_TAGS


def _xml_split(text: str) -> list[str]:
    return [w for w in re.split(r"[ \t\n\r]+", text) if w]


def _body(body: Element, found: Scan) -> None:
    """Every test, on body's subtree: one flat loop, since its cost is paid per element."""
    credits: list[tuple[tuple, Element]] = []
    marked_bylines, marked_dates, labels = found.marked_bylines, found.marked_dates, found.labels
    props, times, hidden = found.props, found.times, found.hidden
    if hidden is None:
        hidden = []  # gathered all the same, and not handed on
    special, first_letter, opens = _SPECIAL_TAGS, _FIRST_LETTER.match, _OPENS
    for i, el in enumerate(body.iter()):
        tag = el.tag
        if tag.__class__ is str:
            # One items() call reads every attribute: a get() per name costs about as much
            # each (lxml parses the name every time), and most names asked for are absent.
            cls = ident = prop = pubdate = None
            hides = False
            for name, value in el.items():
                if name == "class":
                    cls = value
                elif name == "id":
                    ident = value
                elif name == "itemprop":
                    prop = value
                elif name == "pubdate":
                    pubdate = value
                elif name in _HIDING:
                    hides = hides or _may_hide(name, value)
            if hides:
                hidden.append(el)
            if prop is not None and prop in _PROPS:
                props.append(el)
            if tag == "a":
                _link(el, pubdate, found)
            elif tag in special:
                _special(el, tag, pubdate, found)
                if el is body:
                    if el.text is not None and first_letter(el.text) and _credit(el.text):
                        credits.append(((i, 0), el))
                    continue
            elif pubdate is not None:
                times.append(el)
            if cls is not None:
                if ("author" in cls or "byline" in cls or "writer" in cls or "Author" in cls
                        or "autor" in cls or "auteur" in cls):
                    marked_bylines.append(el)
                elif ident is not None and "byline" in ident:
                    marked_bylines.append(el)
                if "date" in cls or "publish" in cls or "posted" in cls or "time" in cls:
                    marked_dates.append(el)
                elif tag == "time" and el.get("datetime") is None:
                    marked_dates.append(el)
            else:
                if ident is not None and "byline" in ident:
                    marked_bylines.append(el)
                if tag == "time" and el.get("datetime") is None:
                    marked_dates.append(el)
            # A script's or style's text is code, and reading it copies it (often 100 KB+).
            text = el.text if tag not in _CODE_TAGS else None
            # The first character rules out most texts before a regex call (which costs more
            # than the test): prose starts with another letter, layout white space is blank.
            if text and text[0] in opens and not text.isspace() \
                    and (first := first_letter(text)) is not None:
                letter = first.group(1)
                if first.end() <= 24 and letter in _CREDIT_LETTERS and _credit(text):
                    credits.append(((i, 0), el))
                if letter in _LABEL_LETTERS and _is_label(el, text, first.start(1)):
                    labels.append(el)
        tail = el.tail
        if tail and tail[0] in opens and not tail.isspace() \
                and (first := first_letter(tail)) is not None and first.end() <= 24 \
                and first.group(1) in _CREDIT_LETTERS and _credit(tail):
            owner = el.getparent()
            if owner is not None:
                # a tail follows its element's subtree: order it after the last descendant
                credits.append(((i + sum(1 for _ in el.iter()) - 1, 1,
                                 -sum(1 for _ in el.iterancestors())), owner))
    credits.sort(key=lambda c: c[0])
    found.credits = [el for _, el in credits]


_HIDING = frozenset(("style", "hidden", "aria-hidden", "popover"))


def _may_hide(name: str, value: str) -> bool:
    """What blocks.html's hidden-element XPath selects: a hidden or popover attribute,
    aria-hidden="true", or a style that says "none" or "hidden" somewhere."""
    if name == "style":
        return "none" in value or "hidden" in value
    return name != "aria-hidden" or value == "true"


def _link(el: Element, pubdate: str | None, found: Scan) -> None:
    """An <a>: a pubdate stamp, a link to follow, a rel=author credit."""
    if pubdate is not None:
        found.times.append(el)
    href = el.get("href")
    if href is not None:
        found.links.append(el)
        found.hrefs.append(href)
    rel = el.get("rel")
    if rel is not None and "author" in rel and _has_author(rel):
        found.rel_authors.append(el)


def _special(el: Element, tag: str, pubdate: str | None, found: Scan) -> None:
    """time, meta, script, h1 and the elements that may carry data-pubdate, in the body."""
    if tag == "h1":
        found.h1s.append(el)
        if pubdate is not None:
            found.times.append(el)
    else:
        _machine(el, tag, pubdate, found)


def _machine(el: Element, tag: str, pubdate: str | None, found: Scan) -> None:
    """Machine-readable sources: stamps, meta, <link>/<title>, JSON-LD, data-pubdate holders."""
    if tag == "time" and el.get("datetime") is not None or pubdate is not None:
        found.times.append(el)
    if tag == "meta":
        found.metas.append(el)
    elif tag == "link" or tag == "title":
        _page_tag(el, tag, found)
    elif tag == "script":
        kind = el.get("type")
        if kind is not None and "ld+json" in kind.translate(_LD_CASE):
            found.ld_scripts.append(el)
    elif tag in _DATA_DATE_TAGS and any(el.get(name) is not None for name in _DATA_DATES):
        found.data_dates.append(el)


def _page_tag(el: Element, tag: str, found: Scan) -> None:
    if tag == "title":
        found.titles.append(el)
    elif (el.get("rel") or "").lower() == "canonical" and el.get("href"):
        found.canonical_links.append(el)


def _has_author(rel: str) -> bool:
    return " author " in f" {' '.join(_xml_split(rel))} "


# The first letter after XPath's blanks, when it may open a credit or a label.
# Anchored with \A: used with match(), and a search from every position of a long blank run
# would be quadratic.
_OPENS = frozenset("bBwWpPsSrRvVaAcC" + _XML_SPACE)  # what such a text can start with
_FIRST_LETTER = re.compile(r"\A[ \t\n\r]*+([bBwWpPsSrRvVaAcC])")


def _credit(text: str) -> bool:
    """A text node that opens a printed credit line: short, and 'By …' or the like."""
    return len(text) < 200 and bool(_CREDIT_START.match(text))


def _is_label(el: Element, text: str, start: int) -> bool:
    """A leaf whose text is only 'Written by', 'Author' or 'Contributors:' (the name follows in
    its tail or the next element)."""
    if text[start:start + 6].lower() not in ("writte", "author", "contri"):
        return False
    if len(el) and any(isinstance(child.tag, str) for child in el):
        return False
    norm = " ".join(_xml_split(text))
    return len(norm) < 16 and norm.lower().rstrip(": ") in _LABEL_TEXTS
