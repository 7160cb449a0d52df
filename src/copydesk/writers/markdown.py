"""Markdown: ``# Headline``, a line with byline, dateline and date, then the body.

With ``front_matter`` the metadata goes into a YAML block instead (JSON scalars are valid YAML,
so every value is written with json.dumps and needs no escaping rules of its own).
"""
from __future__ import annotations

import json
import re

from ..model import Article

# What would turn plain text into Markdown syntax: emphasis stars, code ticks, link brackets,
# HTML-looking tags, and underscores that open or close a word (an inner one, as in
# snake_case, is literal in CommonMark and stays as it is).
_SPECIAL = re.compile(r"[\\*`\[\]]|<(?=[A-Za-z/!?])|(?<!\w)_|_(?!\w)")

_FRONT_MATTER_FIELDS = ("byline", "organization", "published", "modified", "publisher",
                        "language", "url", "description", "image", "section")


def write(article: Article, front_matter: bool = False, **_: object) -> str:
    if front_matter:
        head = _front_matter(article)
    else:
        title = f"# {escape(article.headline)}\n\n" if article.headline else ""
        line = meta_line(article)
        head = title + (f"*{escape(line)}*\n\n" if line else "")
    return head + (article.body + "\n" if article.body else "")


def escape(text: str) -> str:
    """Plain text as Markdown that shows it literally, escaping only what needs it."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(), text)


def meta_line(article: Article) -> str:
    """By Jane Doe · ISTANBUL · 2021-09-29"""
    parts = []
    # The names, not the byline as printed: a printed byline often carries the date and role,
    # which this line already shows or does not need.
    names = ", ".join(article.authors) or article.byline or ""
    if names:
        if article.organization and article.organization not in names:
            names += f", {article.organization}"
        parts.append(names if names.lower().startswith("by ") else "By " + names)
    if article.dateline:
        parts.append(article.dateline.place)
    if article.published:
        parts.append(article.published[:10])
    return " · ".join(parts)


def _front_matter(article: Article) -> str:
    lines = ["---", f"title: {json.dumps(article.headline, ensure_ascii=False)}"]
    if article.authors:
        lines.append("authors:")
        lines += [f"  - {json.dumps(a, ensure_ascii=False)}" for a in article.authors]
    if article.dateline:
        lines.append(f"dateline: {json.dumps(article.dateline.raw, ensure_ascii=False)}")
    for name in _FRONT_MATTER_FIELDS:
        value = getattr(article, name)
        if value:
            lines.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
    if article.tags:
        lines.append("tags:")
        lines += [f"  - {json.dumps(t, ensure_ascii=False)}" for t in article.tags]
    lines.append(f"word_count: {article.word_count}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"
