"""Every tunable of the pipeline in one frozen object, passed explicitly to each step."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class Options:
    # Input.
    input_format: Literal["auto", "html", "text"] = "auto"
    encoding: str | None = None  # overrides every declaration and guess
    url: str | None = None  # used when the page names no canonical URL

    # Cleaning: rule names to switch off (``--keep RULE``).
    keep: frozenset[str] = field(default_factory=frozenset)
    keep_dateline: bool = False  # leave the dateline inline at the start of the body

    # Blocks: lxml refuses deeper trees anyway (256 levels in libxml2's HTML parser is far
    # beyond real pages); we stop descending here so recursion stays bounded.
    max_depth: int = 400

    # Selection. A block earns its words minus this many, so one-word menu items count
    # against the container that holds them and long paragraphs for it.
    block_word_cost: float = 7.0
    # A block with more than this share of its text in links is navigation, not prose.
    max_link_density: float = 0.5


DEFAULT = Options()
