"""Per-field candidate values with the source each came from."""
from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

# Sources in order of trust: a tie between equally supported values goes to the earlier.
TRUST = ("json-ld", "meta", "microdata", "visible", "url", "input")
# Soft hyphens, zero-width spaces, word joiners and stray BOMs: invisible, so no part of a
# field's text ('Assis\xadtance'); ZWJ/ZWNJ are left, as scripts and emoji need them.
INVISIBLE = "\u00ad\u200b\u2060\ufeff"
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


def _clean(value: str) -> str:
    # Feeds and JSON-LD often carry HTML-escaped text ("&#8217;", "&amp;amp;").
    while "&" in value and (unescaped := html.unescape(value)) != value:
        value = unescaped
    if not value.isascii():  # the common ASCII value skips the per-character table
        value = value.translate(_INVISIBLE)
    return " ".join(value.split())


@dataclass
class Candidates:
    values: dict[str, list[tuple[Any, str]]] = field(default_factory=lambda: defaultdict(list))
    article_body: str | None = None  # schema.org articleBody, when the page carries one
    # Fields whose values cost a pass over the page and that few pages are asked about: made
    # on the first get() (see defer).
    deferred: dict[str, tuple[Callable[[], Iterable[Any]], str]] = field(default_factory=dict)

    def add(self, name: str, value: Any, source: str) -> None:
        if value is None:
            return
        if isinstance(value, str):
            value = _clean(value)
        elif isinstance(value, tuple):  # a list of names that belong together
            value = tuple(v for v in map(_clean, value) if v)
        if not value:
            return
        if (value, source) not in self.values[name]:
            self.values[name].append((value, source))

    def defer(self, name: str, produce: Callable[[], Iterable[Any]], source: str) -> None:
        """Values of a field that only a later step may ask for, produced when it does."""
        self.deferred[name] = (produce, source)

    def get(self, name: str) -> list[tuple[Any, str]]:
        if name in self.deferred:
            produce, source = self.deferred.pop(name)
            for value in produce():
                self.add(name, value, source)
        return self.values.get(name, [])

    def first(self, name: str) -> tuple[Any, str] | None:
        found = self.get(name)
        return found[0] if found else None
