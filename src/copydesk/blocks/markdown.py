"""Inline Markdown helpers shared by both ways of making blocks."""
from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")


def escape_md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text) if ("*" in text or "_" in text or "[" in text
                                               or "`" in text or "\\" in text) else text


def markdown_table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    cells = [[c.replace("|", "\\|") for c in row] + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)
