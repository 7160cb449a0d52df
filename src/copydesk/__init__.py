"""copydesk: turn a saved news-article page into clean text.

    >>> from copydesk import extract
    >>> article = extract(open("page.html", "rb").read())
    >>> article.headline, article.authors, article.published
"""
from __future__ import annotations

from .errors import CopydeskError, DecodeError, InputError, NoContentError
from .model import Article, Dateline, Figure
from .options import Options
from .pipeline import extract

__all__ = [
    "Article", "CopydeskError", "Dateline", "DecodeError", "Figure", "InputError",
    "NoContentError", "Options", "extract", "iter_extract",
]
__version__ = "0.1.0"


def __getattr__(name: str):
    # Containers (WARC, MHTML) load their readers only when asked for: import stays fast.
    if name == "iter_extract":
        from .archives import iter_extract

        return iter_extract
    raise AttributeError(f"module 'copydesk' has no attribute {name!r}")
