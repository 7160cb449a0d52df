"""JSON: the Article's fields, in their documented order (schema/article.schema.json)."""
from __future__ import annotations

from ..model import Article


def write(article: Article, indent: int | None = 2, **_: object) -> str:
    return article.to_json(indent=indent)
