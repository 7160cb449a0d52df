"""Inline Markdown helpers shared by both ways of making blocks."""
from __future__ import annotations

import re

# An underscore between letters or digits (snake_case) never starts emphasis in CommonMark,
# so it stays as written; at a word's edge it is escaped like the other markers.
_MD_SPECIAL = re.compile(r"[\\`*\[\]]|(?<![^\W_])_|_(?![^\W_])")


def escape_md(text: str) -> str:
    if "*" in text or "_" in text or "[" in text or "`" in text or "\\" in text:
        return _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    return text


def markdown_table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    cells = [[c.replace("|", "\\|") for c in row] + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)
