"""Plain text: the headline, one line of who/where/when, then the body's paragraphs."""
from __future__ import annotations

from ..model import Article
from .markdown import meta_line


def write(article: Article, **_: object) -> str:
    parts = [p for p in (article.headline, meta_line(article), article.text) if p]
    return "\n\n".join(parts) + "\n"
