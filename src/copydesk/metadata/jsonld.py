"""schema.org data from <script type="application/ld+json">: the most trusted source."""
from __future__ import annotations

import json
import re
from typing import Any, Iterator


from ..dom import Element
from .candidates import Candidates
from .scan import Scan, walk

SOURCE = "json-ld"
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "report", "reportagenewsarticle",
    "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
    "techarticle", "scholarlyarticle", "liveblogposting", "socialmediaposting", "posting",
    "medicalscholarlyarticle", "advertisernewsarticle", "satiricalarticle", "discussionforumposting",
    "review", "recipe", "howto", "blog",
})
# A page whose schema.org data is a forum topic or a question is its posts and answers.
DISCUSSION_TYPES = frozenset({"discussionforumposting", "qapage"})
# A product page with no article is its description: its customers' reviews go.
PRODUCT_TYPES = frozenset({"product", "productgroup"})
PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "faqpage", "qapage", "collectionpage"})
ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "ngo",
                       "educationalorganization", "governmentorganization", "localbusiness"})
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x1f]")


def read(root: Element, found: Candidates, page: Scan | None = None) -> None:
    page = page or walk(root)
    texts = [script.text or "" for script in page.ld_scripts] or _meta_ld(page.metas)
    objects = [obj for text in texts for obj in _load(text)]
    nodes = list(_flatten(objects))
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    articles = [n for n in nodes if _types(n) & ARTICLE_TYPES]
    pages = [n for n in nodes if _types(n) & PAGE_TYPES]
    for node in articles + pages:
        _read_node(node, by_id, found, is_article=node in articles)
    for node in nodes:
        if _types(node) & {"website"} and isinstance(node.get("name"), str):
            found.add("publisher", node["name"], SOURCE)
    if any(_types(node) & DISCUSSION_TYPES for node in nodes):
        found.add("genre", "discussion", SOURCE)
    elif not articles and any(_types(node) & PRODUCT_TYPES for node in nodes):
        found.add("genre", "product", SOURCE)


def _meta_ld(metas: list) -> list[str]:
    """JSON-LD some page frameworks write into a meta tag (<meta name="script:ld+json"
    content="{…}">) instead of a script (looked for only when no script carries any)."""
    return [meta.get("content") or "" for meta in metas
            if "ld+json" in (meta.get("name") or "").lower()]


def _load(text: str) -> list[Any]:
    """Parse one script's JSON, tolerating the usual breakage (trailing commas, raw newlines)."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    if not text:
        return []
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", text))):
        try:
            data = json.loads(attempt)
            return data if isinstance(data, list) else [data]
        except (ValueError, RecursionError):
            continue
    return []


def _flatten(objects: list[Any], depth: int = 0) -> Iterator[dict]:
    for obj in objects:
        if isinstance(obj, list) and depth < 5:
            yield from _flatten(obj, depth + 1)
        elif isinstance(obj, dict):
            yield obj
            graph = obj.get("@graph")
            if isinstance(graph, list) and depth < 5:
                yield from _flatten(graph, depth + 1)
            main = obj.get("mainEntity")
            if isinstance(main, dict) and depth < 5:
                yield from _flatten([main], depth + 1)


def _types(node: dict) -> set[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return {kind.lower().rsplit("/", 1)[-1]}
    if isinstance(kind, list):
        return {k.lower().rsplit("/", 1)[-1] for k in kind if isinstance(k, str)}
    return set()


def _read_node(node: dict, by_id: dict, found: Candidates, is_article: bool) -> None:
    source = SOURCE if is_article else SOURCE + ":page"
    for key in ("headline", "name") if is_article else ("headline",):
        if isinstance(node.get(key), str):
            found.add("headline", node[key], source)
            break
    for field, key in (("published", "datePublished"), ("modified", "dateModified"),
                       ("published", "dateCreated"), ("description", "description"),
                       ("section", "articleSection"), ("language", "inLanguage"),
                       ("dateline", "dateline")):
        value = node.get(key)
        if isinstance(value, list) and value and isinstance(value[0], str):
            value = value[0]
        if isinstance(value, str):
            found.add(field, value, source)
    if is_article:
        _read_people(node.get("author"), by_id, found)
        _read_publisher(node.get("publisher"), by_id, found)
        _read_keywords(node.get("keywords"), found)
        found.add("image", _url_of(_referenced(node.get("image"), by_id)), source)
        found.add("url", _url_of(node.get("url") or node.get("mainEntityOfPage")), source)
        body = node.get("articleBody")
        if isinstance(body, str) and len(body) > 200 and found.article_body is None:
            found.article_body = body


def _read_people(value: Any, by_id: dict, found: Candidates) -> None:
    names: list[str] = []
    for person in value if isinstance(value, list) else [value]:
        if isinstance(person, dict) and "@id" in person and "name" not in person:
            person = by_id.get(person["@id"], person)
        if isinstance(person, str):
            found.add("author", person, SOURCE)
            names.append(person)
        elif isinstance(person, dict):
            name = person.get("name")
            if isinstance(name, list):
                name = ", ".join(n for n in name if isinstance(n, str))
            if not isinstance(name, str):
                continue
            field = "organization" if _types(person) & ORG_TYPES else "author"
            found.add(field, name, SOURCE)
            if field == "author":
                names.append(name)
    if len(names) > 1:  # one article's authors, together: the byline a reader sees
        found.add("coauthors", tuple(names), SOURCE)


def _read_publisher(value: Any, by_id: dict, found: Candidates) -> None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict) and "@id" in value and "name" not in value:
        value = by_id.get(value["@id"], value)
    if isinstance(value, dict) and _types(value) == {"person"}:
        return  # a personal blog: its owner is a person, not a site name to keep out of bylines
    name = value.get("name") if isinstance(value, dict) else value
    if isinstance(name, str):
        found.add("publisher", name, SOURCE)


def _read_keywords(value: Any, found: Candidates) -> None:
    words = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else []
    for word in words:
        if isinstance(word, str) and word.strip():
            found.add("tags", word.strip(), SOURCE)


def _referenced(value: Any, by_id: dict) -> Any:
    """The node an ``{"@id": …}`` reference points to (Yoast's image is
    ``{"@id": "…#primaryimage"}``, its ImageObject elsewhere in the graph)."""
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict) and set(value) == {"@id"}:
        return by_id.get(value["@id"], value)
    return value


def _url_of(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id") or value.get("contentUrl")
    return value if isinstance(value, str) and value.startswith(("http", "/")) else None
