"""Step 9: writers. One function each: Article in, str out. Loaded only when asked for."""
from __future__ import annotations

from importlib import import_module
from typing import Callable

from ..model import Article

FORMATS = {"markdown": "md", "json": "json", "text": "txt"}


def writer(fmt: str) -> Callable[..., str]:
    """The writer function of a format name (markdown, json, text)."""
    module = import_module(f".{'json_' if fmt == 'json' else fmt}", __name__)
    return module.write


def write(article: Article, fmt: str = "markdown", **kwargs) -> str:
    return writer(fmt)(article, **kwargs)
