"""Shared test helpers: where the dev set and the fixtures are."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
# The WCXB dev set lies beside the repository (read-only); CI has it there too.
DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT.parent / "shared" / "examples"


def dev_page(set_name: str, page_id: str) -> tuple[bytes, dict]:
    """A dev page's gzipped HTML and its ground truth; skips the test when the data is absent."""
    import gzip
    import json

    html_path = DATA / set_name / "html" / f"{page_id}.html.gz"
    truth_path = DATA / set_name / "ground-truth" / f"{page_id}.json"
    if not html_path.exists():
        pytest.skip(f"dev data not found at {DATA}")
    return gzip.decompress(html_path.read_bytes()), json.loads(truth_path.read_text())
