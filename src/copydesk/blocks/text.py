"""Plain-text input to blocks: paragraphs at blank lines; short lines (menus) stay apart."""
from __future__ import annotations

import re

from ..model import Block
from . import Container, Page
from .markdown import escape_md

_WS = re.compile(r"\s+")
_PARA_SPLIT = re.compile(r"\n[ \t\u00a0]*\n\s*")


def from_text(text: str) -> Page:
    """Plain text: one block per paragraph; a paragraph of short lines becomes one per line."""
    blocks: list[Block] = []
    for para in _PARA_SPLIT.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        if not lines:
            continue
        # Wrapped prose (long lines) is one paragraph; short lines (menus, lists) stay apart.
        chunks = [" ".join(lines)] if _is_wrapped_prose(lines) else lines
        for chunk in chunks:
            clean = _WS.sub(" ", chunk).strip()
            blocks.append(Block(text=clean, md=escape_md(clean), kind="p", index=len(blocks)))
    return Page(blocks=blocks, containers=[Container("text", "", "", -1)], is_html=False)


def _is_wrapped_prose(lines: list[str]) -> bool:
    if len(lines) < 2:
        return True
    long_lines = sum(1 for ln in lines[:-1] if len(ln) >= 50)
    return long_lines >= 0.8 * (len(lines) - 1)


