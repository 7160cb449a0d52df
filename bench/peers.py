"""One adapter per extractor: name -> callable(html, url) -> dict(text, body, title, authors, date).

Every adapter gets the raw page and must never reach the network: besides
turning off fetching in each library, importing this module disables sockets
in the whole process (attempts are counted and reported on stderr).
"""
from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import logging
import re
import socket
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if (REPO / "src").is_dir() and str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))
warnings.filterwarnings("ignore")
logging.disable(logging.ERROR)  # peers log tracebacks for pages they recover from

Output = dict  # keys: text, body, title, authors, date
Adapter = Callable[[str, "str | None"], Output]

# --- network guard -----------------------------------------------------------
BLOCKED: list[str] = []


def _refuse(*args: object, **kwargs: object) -> None:
    BLOCKED.append(repr(args[:2])[:120])
    if len(BLOCKED) <= 5:
        print(f"bench: blocked a network attempt {BLOCKED[-1]}", file=sys.stderr)
    raise OSError("network access is disabled in the benchmark")


def block_network() -> None:
    """Make every socket connect / DNS look-up in this process fail."""
    socket.socket.connect = _refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = _refuse  # type: ignore[method-assign]
    socket.create_connection = _refuse  # type: ignore[assignment]
    socket.getaddrinfo = _refuse  # type: ignore[assignment]


block_network()

# --- helpers -------------------------------------------------------------------
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2",
    "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table",
    "thead", "tbody", "tr", "td", "th", "figure", "figcaption", "form", "hr", "address", "br",
}
_SKIP_TAGS = {"script", "style", "noscript", "template"}


def result(text: str | None = None, body: str | None = None, title: str | None = None,
           authors: list[str] | None = None, date: object = None) -> Output:
    """Normalised adapter output (body defaults to text)."""
    text = text or ""
    return {"text": text, "body": body if body is not None else text, "title": title or None,
            "authors": flat_names(authors), "date": iso_date(date)}


def flat_names(value: object) -> list[str]:
    """Author names as a flat list of non-empty strings (some peers nest lists)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, (list, tuple, set)):
        return [n for v in value for n in flat_names(v)]
    return flat_names(str(value))


def iso_date(value: object) -> str | None:
    """A peer's date as ISO text (local date kept; unparseable strings kept as is)."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    text = str(value).strip()
    if re.match(r"\d{4}-\d{2}(-\d{2})?", text):
        return text
    try:
        from dateutil import parser
        return parser.parse(text).isoformat()
    except (ValueError, OverflowError, ImportError):
        return text


def element_text(root) -> str:
    """Text of an lxml element, block elements split into blank-line paragraphs."""
    from lxml import etree
    parts: list[str] = []
    skip = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            skip += tag in _SKIP_TAGS or not tag
            if tag in _BLOCK_TAGS:
                parts.append("\n\n")
            if not skip and el.text:
                parts.append(el.text)
            continue
        skip -= tag in _SKIP_TAGS or not tag
        if tag in _BLOCK_TAGS:
            parts.append("\n\n")
        if not skip and el.tail and el is not root:
            parts.append(el.tail)
    return paragraphs("".join(parts))


def paragraphs(text: str) -> str:
    """Collapse white space inside paragraphs; paragraphs joined by one blank line."""
    blocks = (re.sub(r"\s+", " ", b).strip() for b in re.split(r"\n\s*\n", text))
    return "\n\n".join(b for b in blocks if b)


# --- adapters ------------------------------------------------------------------
def copydesk(html: str, url: str | None) -> Output:
    from copydesk import extract
    return _from_article(extract(html, url=url))


def copydesk_text(text: str, url: str | None) -> Output:
    """copydesk on plain-text input (the 'dumps' set)."""
    from copydesk import extract
    from copydesk.options import Options
    return _from_article(extract(text, options=Options(input_format="text")))


def _from_article(a: object) -> Output:
    # copydesk's own dates are scored as returned: no normalisation here.
    out = result(getattr(a, "text", ""), getattr(a, "body", None), getattr(a, "headline", None),
                 getattr(a, "authors", None))
    out["date"] = getattr(a, "published", None)
    return out


def trafilatura(html: str, url: str | None) -> Output:
    """Default settings; JSON output = txt output's text + metadata in one pass."""
    import json
    import trafilatura as t
    raw = t.extract(html, url=url, output_format="json", with_metadata=True)
    doc = json.loads(raw) if raw else {}
    text = "\n".join(x for x in (doc.get("text"), doc.get("comments")) if x).strip()
    authors = [a.strip() for a in (doc.get("author") or "").split(";") if a.strip()]
    return result(text, None, doc.get("title"), authors, doc.get("date"))


def readability(html: str, url: str | None) -> Output:
    import lxml.html
    from readability import Document
    doc = Document(html, url=url)
    summary = doc.summary(html_partial=True)
    text = element_text(lxml.html.fromstring(summary)) if summary.strip() else ""
    return result(text, None, doc.short_title())


@functools.cache
def _newspaper_config():
    from newspaper import Config
    cfg = Config()
    cfg.fetch_images = False
    cfg.follow_meta_refresh = False
    cfg.memorize_articles = False
    cfg.disable_category_cache = True
    return cfg


def newspaper4k(html: str, url: str | None) -> Output:
    from newspaper import Article
    art = Article(url or "http://localhost/", config=_newspaper_config())
    art.download(input_html=html, ignore_read_more=True)
    art.parse()
    return result(art.text, None, art.title, list(art.authors or []), art.publish_date)


@functools.cache
def _goose():
    from goose3 import Goose
    return Goose({"enable_image_fetching": False, "http_timeout": 0.001})


def goose3(html: str, url: str | None) -> Output:
    art = _goose().extract(url=url, raw_html=html)
    return result(art.cleaned_text, None, art.title, list(art.authors or []), art.publish_date)


@functools.cache
def _stoplist() -> frozenset:
    import justext
    return justext.get_stoplist("English")


def justext(html: str, url: str | None) -> Output:
    import justext as jt
    paras = jt.justext(html, _stoplist())
    return result("\n\n".join(p.text for p in paras if not p.is_boilerplate))


def boilerpy3(html: str, url: str | None) -> Output:
    from boilerpy3 import extractors
    return result(extractors.ArticleExtractor().get_content(html))


def resiliparse(html: str, url: str | None) -> Output:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree
    return result(extract_plain_text(HTMLTree.parse(html), main_content=True))


ADAPTERS: dict[str, Adapter] = {
    "copydesk": copydesk, "trafilatura": trafilatura, "readability-lxml": readability,
    "newspaper4k": newspaper4k, "goose3": goose3, "justext": justext, "boilerpy3": boilerpy3,
    "resiliparse": resiliparse,
}
DISTS = {"copydesk": "copydesk", "trafilatura": "trafilatura", "readability-lxml": "readability-lxml",
         "newspaper4k": "newspaper4k", "goose3": "goose3", "justext": "jusText",
         "boilerpy3": "boilerpy3", "resiliparse": "resiliparse"}
ADAPTER_REV = "1"  # bump when an adapter changes: it is part of the --cache key
META_TOOLS = ("copydesk", "trafilatura", "newspaper4k", "goose3")


def version(tool: str) -> str:
    """Installed version of a tool's distribution ('dev'/'missing' when unknown)."""
    try:
        return importlib.metadata.version(DISTS.get(tool, tool))
    except importlib.metadata.PackageNotFoundError:
        pass
    if tool == "copydesk":
        try:
            import copydesk as cd
            return str(getattr(cd, "__version__", "dev"))
        except Exception:
            return "missing"
    return "missing" if tool in DISTS else "-"


def copydesk_available() -> bool:
    """True when copydesk.extract can be imported."""
    try:
        from copydesk import extract  # noqa: F401
        return True
    except Exception:
        return False


def run(tool: str, html: str, url: str | None, adapter: Adapter | None = None
        ) -> tuple[Output, str | None, float]:
    """Call one adapter: (output, error or None, seconds). Never raises."""
    fn = adapter or ADAPTERS[tool]
    start = time.perf_counter()
    try:
        out, err = fn(html, url), None
    except Exception as exc:  # any failure = empty output + error
        out, err = result(), f"{type(exc).__name__}: {exc}"[:300]
    return out, err, time.perf_counter() - start
