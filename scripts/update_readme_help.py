"""Copy the current `copydesk --help` into README.md (tests/test_readme.py checks they match)."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from copydesk.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def update() -> None:
    text = CliRunner().invoke(main, ["--help"], prog_name="copydesk", terminal_width=100).output
    readme = README.read_text(encoding="utf-8")
    block = f"<!-- help -->\n```text\n{text}```\n<!-- /help -->"
    README.write_text(re.sub(r"<!-- help -->.*?<!-- /help -->", lambda _: block, readme,
                             flags=re.S), encoding="utf-8")


if __name__ == "__main__":
    update()
