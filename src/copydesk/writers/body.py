"""The body fields from the article's blocks: Markdown (``body``) and plain text (``text``)."""
from __future__ import annotations

from ..model import Block

_HEADING_LEVEL = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}  # h1 is the headline's


def render(blocks: list[Block]) -> tuple[str, str]:
    """Markdown and plain text of the body; list items stay together, other blocks apart."""
    md_parts: list[str] = []
    text_parts: list[str] = []
    previous = ""
    for block in blocks:
        md = _markdown(block)
        sep = "\n" if block.kind == "li" and previous == "li" else "\n\n"
        md_parts.append((sep if md_parts else "") + md)
        text_parts.append((sep if text_parts else "") + block.text)
        previous = block.kind
    return "".join(md_parts), "".join(text_parts)


def _markdown(block: Block) -> str:
    kind = block.kind
    if kind in _HEADING_LEVEL:
        return "#" * _HEADING_LEVEL[kind] + " " + block.md
    if kind == "li":
        return "  " * block.depth + ("1. " if block.ordered else "- ") + block.md
    if kind == "quote":
        return "> " + block.md
    if kind == "pre":
        fence = "````" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"
    if kind == "dt":
        return f"**{block.md}**"
    return block.md
