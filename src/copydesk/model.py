"""The data that flows through the pipeline: blocks in, one Article out.

Plain dataclasses only (no lxml here), so writers and callers never need a parser.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))  # the heading kinds of a Block


@dataclass(slots=True)
class Block:
    """A paragraph-level unit of a page: what cleaning rules judge and selection picks.

    HTML and plain text both become Blocks; they differ only in how they are made.
    """

    text: str  # plain text, white space folded
    md: str  # the same text with inline Markdown (links, emphasis, code)
    kind: str  # p, h1..h6, li, quote, pre, table, caption, credit
    index: int  # position in the page's block list
    path: tuple[int, ...] = ()  # ids of the containers that hold it, outermost first
    marks: frozenset[str] = frozenset()  # boilerplate kinds its containers are marked with
    link_chars: int = 0  # characters of text inside links
    depth: int = 0  # list nesting depth, for Markdown indentation
    ordered: bool = False  # list item of an <ol>
    src: str | None = None  # image source, for kind == "img"

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


@dataclass(frozen=True, slots=True)
class Figure:
    src: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    date: str | None = None  # ISO 8601 when the year is known
    agency: str | None = None
    raw: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """Everything copydesk extracts from one page. Every field is always present."""

    headline: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    organization: str | None = None
    dateline: Dateline | None = None
    published: str | None = None
    modified: str | None = None
    publisher: str | None = None
    language: str | None = None
    url: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    section: str | None = None
    body: str = ""
    text: str = ""
    figures: tuple[Figure, ...] = ()
    # Left out of hashing (a dict cannot be hashed) so an Article can key a dict or a set.
    provenance: dict[str, str] = field(default_factory=dict, hash=False)
    source: str | None = None

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        """The JSON fields, in their documented order (see schema/article.schema.json)."""
        data = asdict(self)
        data["authors"] = list(self.authors)
        data["tags"] = list(self.tags)
        data["figures"] = [asdict(f) for f in self.figures]
        data["word_count"] = self.word_count
        # Provenance in field order, whatever order reconcile found things in: stable diffs.
        rank = {name: i for i, name in enumerate(FIELD_ORDER)}
        data["provenance"] = dict(sorted(self.provenance.items(),
                                         key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))
        return {key: data[key] for key in FIELD_ORDER}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self, front_matter: bool = False) -> str:
        from .writers.markdown import write  # writers load only when asked for

        return write(self, front_matter=front_matter)


FIELD_ORDER = (
    "headline", "byline", "authors", "organization", "dateline", "published", "modified",
    "publisher", "language", "url", "description", "image", "tags", "section", "body", "text",
    "word_count", "figures", "provenance", "source",
)
