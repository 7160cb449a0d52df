"""No pattern in copydesk may backtrack badly: every compiled regex of every module is run on
long adversarial strings, and each search must end well within a generous cap (a hang guard,
not a timing test: a catastrophic pattern takes minutes or more on these inputs)."""
from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import copydesk
from copydesk.cleaning.patterns import Phrases

# Runs of what the patterns look for (letters, capitals, spaces, dashes, digits, dots, quotes,
# brackets), each long enough that exponential or polynomial backtracking would show.
ADVERSARIAL = [
    "a" * 20000,
    "A" * 20000 + "!",
    " " * 20000 + "x",
    "By " + "Jane Doe and " * 2000 + "!",
    "ISTANBUL, " + "Word " * 4000 + "—",
    "-" * 20000 + "x",
    "1" * 20000,
    "2025-" * 4000,
    "." * 20000 + "a",
    "(" * 10000 + "Photo/" + ")" * 10000,
    "Ã" * 10000 + "\u0080" * 10000,
    "share-" * 4000 + "x",
    "<" * 10000 + "meta charset=" * 500,
    "\n\n".join(["x" * 30] * 2000),
]
CAP_SECONDS = 2.0


def _patterns() -> list[tuple[str, re.Pattern]]:
    found: dict[int, tuple[str, re.Pattern]] = {}
    for info in pkgutil.walk_packages(copydesk.__path__, "copydesk."):
        if info.name.startswith(("copydesk.distributed", "copydesk.__main__")):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            # a table of patterns (a group's per-word search, by group name) is swept too
            items = value.items() if isinstance(value, dict) else [("", value)]
            for key, each in items:
                if isinstance(each, Phrases):  # compiled on first use: sweep the compiled form
                    each = each.compiled()
                if isinstance(each, re.Pattern):
                    label = f"{info.name}.{name}" + (f"[{key!r}]" if key else "")
                    found.setdefault(id(each), (label, each))
    return sorted(found.values(), key=lambda item: item[0])


PATTERNS = _patterns()


def test_the_sweep_finds_the_vocabulary():
    names = {name for name, _ in PATTERNS}
    assert "copydesk.cleaning.patterns.PROMO_TEXT" in names and len(names) > 40


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_stays_linear_on_adversarial_text(name: str, pattern: re.Pattern) -> None:
    for text in ADVERSARIAL:
        subject: str | bytes = text.encode("utf-8", "replace") if isinstance(
            pattern.pattern, bytes) else text
        start = time.monotonic()
        pattern.search(subject)
        assert time.monotonic() - start < CAP_SECONDS, f"{name} on {text[:20]!r}…"
