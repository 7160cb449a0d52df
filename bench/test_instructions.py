"""The instruction benchmark's stage runner must do what copydesk.extract does."""
import gzip
from pathlib import Path

import pytest

import instructions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize("name", ["republished-article", "npr-meditation-anxiety"])
def test_stage_runner_matches_extract(name: str) -> None:
    from copydesk import extract
    folder = FIXTURES / name
    page = folder / "page.html"
    raw = page.read_bytes() if page.exists() else gzip.decompress((folder / "page.html.gz").read_bytes())
    html = raw.decode("utf-8", errors="replace")
    article = extract(html, url="https://example.com/story")
    body, text = instructions._stage_runner("render")(html, "https://example.com/story")
    assert (body, text) == (article.body, article.text)


def test_every_stage_runs() -> None:
    html = (FIXTURES / "republished-article" / "page.html").read_text(encoding="utf-8")
    for stage in instructions.STAGES[:-1]:
        assert instructions._stage_runner(stage)(html, None) is None
