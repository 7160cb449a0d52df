"""OpenGraph, article:*, Twitter, Parse.ly, Sailthru, Dublin Core and citation_* meta tags,
plus <title>, <link rel=canonical> and <html lang>."""
from __future__ import annotations

import re


from ..dom import Element
from .candidates import Candidates
from .scan import Scan, walk
from .visible import is_credential

SOURCE = "meta"
# meta name/property (lower-cased) → field, in order of preference within the field.
FIELDS: dict[str, str] = {
    "og:title": "headline", "twitter:title": "headline", "parsely-title": "headline",
    "sailthru.title": "headline", "dc.title": "headline", "dcterms.title": "headline",
    "citation_title": "headline", "headline": "headline",
    "author": "author", "article:author": "author", "parsely-author": "author",
    "sailthru.author": "author", "dc.creator": "author", "dcterms.creator": "author",
    "citation_author": "author", "citation_authors": "author", "byl": "author",
    "twitter:creator:name": "author",
    "article:published_time": "published", "article:published": "published",
    "parsely-pub-date": "published", "sailthru.date": "published", "dc.date": "published",
    "dc.date.issued": "published", "dcterms.date": "published", "dcterms.issued": "published",
    "citation_publication_date": "published", "citation_date": "published",
    "pubdate": "published", "publishdate": "published", "publish-date": "published",
    "publish_date": "published", "date": "published", "og:published_time": "published",
    "datepublished": "published", "article.published": "published",
    "article:modified_time": "modified", "og:updated_time": "modified",
    "dcterms.modified": "modified", "last-modified": "modified", "datemodified": "modified",
    "og:site_name": "publisher", "application-name": "publisher", "dc.publisher": "publisher",
    "citation_publisher": "publisher",
    "og:description": "description", "description": "description",
    "twitter:description": "description", "dc.description": "description",
    "og:image": "image", "og:image:url": "image", "twitter:image": "image",
    "twitter:image:src": "image",
    "article:section": "section", "parsely-section": "section", "sailthru.section": "section",
    "article:tag": "tags", "news_keywords": "tags", "keywords": "tags", "parsely-tags": "tags",
    "sailthru.tags": "tags",
    "og:locale": "language", "content-language": "language", "dc.language": "language",
    "og:url": "url",
}
_LIST_FIELDS = frozenset({"tags"})
def read(root: Element, found: Candidates, page: Scan | None = None) -> None:
    page = page or walk(root)
    signed: dict[str, list[str]] = {}  # author tag name → its values, one tag per author
    for meta in page.metas:
        if meta.get("content") is None:
            continue
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop")
               or meta.get("http-equiv") or "").strip().lower()
        field = FIELDS.get(key) or _date_field(key)
        if field is None:
            continue
        content = meta.get("content") or ""
        if field in _LIST_FIELDS:
            for word in content.split(","):
                found.add(field, word.strip(), SOURCE)
        elif field == "author" and content.startswith("http"):
            continue  # article:author is often a profile URL, not a name
        else:
            if field == "author":
                content = reader_order(content) if key in _SURNAME_FIRST else content
                signed.setdefault(key, []).append(content)
            found.add(field, content, SOURCE)
    for names in signed.values():
        if len(names) > 1:  # a paper's citation_author tags: its co-authors, in order
            found.add("coauthors", tuple(names), SOURCE)
    _labelled_data(root, page.metas, found)
    _data_attributes(page.data_dates, found)
    _page_level(root, page, found)


# Library tags write a name surname first ("Roy, Aniruddha", "Kaufman, Jeff T."), one per tag.
_SURNAME_FIRST = frozenset({"citation_author", "citation_authors", "dc.creator",
                            "dcterms.creator"})
_INVERTED = re.compile(  # anchored: a search from every position would go quadratic
    r"^([^\W\d][\w'’-]*), ((?:[A-Z][\w'’-]*\.?)(?: [A-Z][\w'’-]*\.?){0,2})$")


def reader_order(name: str) -> str:
    """'Roy, Aniruddha' → 'Aniruddha Roy'; a credential after the comma stays ('Doe, MD')."""
    match = _INVERTED.match(name.strip())
    if match is None or is_credential(match.group(2)):
        return name
    return f"{match.group(2)} {match.group(1)}"


def _data_attributes(elements: list, found: Candidates) -> None:
    """Publication dates templates write as attributes of the page or article element
    (<body data-pubdate="2022-10-05">): machine-readable, like a meta tag."""
    for el in elements[:2]:
        for name in ("data-pubdate", "data-published", "data-publish-date",
                     "data-published-date", "data-date-published"):
            found.add("published", el.get(name), SOURCE)


_AUTHOR_LABELS = frozenset({"written by", "author", "by", "authors"})


def _labelled_data(root: Element, metas: list, found: Candidates) -> None:
    """Link-preview pairs ('twitter:label1' = 'Written by', 'twitter:data1' = 'Jane Doe'),
    which blog engines write when they write no other author tag."""
    labels = [m for m in metas if (m.get("name") or "").startswith("twitter:label")
              or (m.get("property") or "").startswith("twitter:label")]
    for label in labels:
        key = label.get("name") or label.get("property") or ""
        if (label.get("content") or "").strip().lower() not in _AUTHOR_LABELS:
            continue
        data = key.replace("label", "data")
        for meta in root.iterfind(f".//meta[@name='{data}']"):
            found.add("author", meta.get("content"), SOURCE)
        for meta in root.iterfind(f".//meta[@property='{data}']"):
            found.add("author", meta.get("content"), SOURCE)


# Sites name their own date tags ("w-published-date", "cXenseParse:recs:publishtime").
_PUBLISHED_KEY = re.compile(r"(?:^|[-_.:])(?:published|publish|pub|publication|release)"
                            r"[-_.]?(?:date|time|datetime|on|at)?$")
_MODIFIED_KEY = re.compile(r"(?:^|[-_.:])(?:modified|updated|last[-_.]?modified)"
                           r"[-_.]?(?:date|time|datetime|on|at)?$")


# Sites name their own author tags too ("cXenseParse:author", "og:article:author").
_AUTHOR_KEY = re.compile(r"[-_.:]author$")


def _date_field(key: str) -> str | None:
    """A meta name not in FIELDS that still says it holds the publication or update date,
    or the author."""
    if _AUTHOR_KEY.search(key):
        return "author"
    if _PUBLISHED_KEY.search(key):
        return "published"
    if _MODIFIED_KEY.search(key):
        return "modified"
    return None


def _page_level(root: Element, page: Scan, found: Candidates) -> None:
    title = next((t for t in page.titles if t is not root), None)
    if title is not None and title.text:
        found.add("title_tag", title.text, SOURCE)
    for link in page.canonical_links:
        found.add("url", link.get("href"), SOURCE)
    lang = root.get("lang") or root.get("xml:lang")
    if lang:
        found.add("language", lang, SOURCE)
