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


def deny_folder(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make a folder called ``name`` unreadable even for root (chmod does not stop root)."""
    import os

    real = os.scandir

    def scandir(path="."):
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
