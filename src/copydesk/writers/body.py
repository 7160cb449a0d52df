"""The body fields from the article's blocks: Markdown (``body``) and plain text (``text``).

The Markdown is CommonMark: list items are numbered and nested under their parent's text,
consecutive quoted paragraphs form one blockquote, and a heading is not wrapped in bold.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block

_HEADING_LEVEL = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}  # h1 is the headline's
# A heading whose whole text is bold or italic: the emphasis adds nothing to a heading.
_WRAPPED = re.compile(r"^(\*\*|\*|__|_)(?P<inner>[^*_](?:.*[^*_\\])?)\1$")


def render(blocks: list[Block]) -> tuple[str, str]:
    """Markdown and plain text of the body; list items and quoted paragraphs stay together."""
    md_parts: list[str] = []
    text_parts: list[str] = []
    lists = _ListState()
    previous = ""
    for block in blocks:
        md = lists.item(block) if block.kind == "li" else _markdown(block)
        if block.kind != "li":
            lists.close()
        md_sep, text_sep = _separators(previous, block.kind)
        md_parts.append((md_sep if md_parts else "") + md)
        text_parts.append((text_sep if text_parts else "") + block.text)
        previous = block.kind
    return "".join(md_parts), "".join(text_parts)


def _separators(previous: str, kind: str) -> tuple[str, str]:
    if kind == previous == "li":
        return "\n", "\n"
    if kind == previous == "quote":
        return "\n>\n", "\n\n"  # one blockquote of several paragraphs
    return "\n\n", "\n\n"


def _markdown(block: Block) -> str:
    kind = block.kind
    if kind in _HEADING_LEVEL:
        return "#" * _HEADING_LEVEL[kind] + " " + _unwrap(block.md)
    if kind == "quote":
        return "> " + block.md
    if kind == "pre":
        fence = _fence(block.text)
        return f"{fence}\n{block.text}\n{fence}"
    if kind == "dt":
        return f"**{_unwrap(block.md)}**"
    return block.md


def _unwrap(md: str) -> str:
    match = _WRAPPED.match(md)
    if match is None or match.group(1) in match.group("inner"):
        return md  # "**a** and **b**": two spans, not one around the whole
    return match.group("inner")


def _fence(code: str) -> str:
    """A backtick fence longer than any run of backticks inside the code."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


@dataclass(slots=True)
class _Open:
    """One list level that is open: its depth in the page, its indent and its item count."""

    depth: int
    key: tuple[int, ...]  # the list's container path, to tell two lists apart
    ordered: bool
    indent: int  # columns before the marker
    width: int = 0  # columns of the marker and its space: nested items go past it
    count: int = 0


@dataclass(slots=True)
class _ListState:
    """Markers and indents for list items, so nesting survives CommonMark's column rules."""

    stack: list[_Open] = field(default_factory=list)

    def item(self, block: Block) -> str:
        while self.stack and self.stack[-1].depth > block.depth:
            self.stack.pop()
        key = block.path[:-1]
        top = self.stack[-1] if self.stack else None
        if top is not None and top.depth == block.depth and (
                top.key != key or top.ordered != block.ordered):
            self.stack.pop()  # a different list at the same level
            top = self.stack[-1] if self.stack else None
        if top is None or top.depth < block.depth:
            indent = top.indent + top.width if top else 0
            top = _Open(block.depth, key, block.ordered, indent)
            self.stack.append(top)
        top.count += 1
        marker = f"{top.count}. " if top.ordered else "- "
        top.width = len(marker)
        return " " * top.indent + marker + block.md

    def close(self) -> None:
        self.stack.clear()
