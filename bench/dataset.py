"""Loading the WCXB dev pages (CC-BY-4.0, Murrough Foley) for the benchmark."""
from __future__ import annotations

import gzip
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
SETS = {"articles": "wcxb-dev-articles", "other": "wcxb-dev-other"}
CREDIT = ("Data: WCXB dev split (Web Content eXtraction Benchmark) by Murrough Foley, "
          "CC-BY-4.0.")


@dataclass(frozen=True)
class Page:
    """One page's id, url and ground truth (the HTML is loaded on demand)."""
    set: str
    pid: str
    url: str | None
    html_path: Path
    truth: dict = field(repr=False)

    @property
    def answer(self) -> str:
        return self.truth.get("main_content") or ""


def set_dir(data: Path, name: str) -> Path:
    """Folder of a set; 'dumps' are built from the article pages."""
    return data / SETS["articles" if name == "dumps" else name]


def load_pages(data: Path, name: str, limit: int | None = None) -> tuple[list[Page], int]:
    """Pages of a set with a non-empty answer, and how many were skipped."""
    folder = set_dir(data, name)
    pages, skipped = [], 0
    for gt in sorted((folder / "ground-truth").glob("*.json")):
        doc = json.loads(gt.read_text(encoding="utf-8"))
        truth = doc.get("ground_truth") or {}
        if not (truth.get("main_content") or "").strip():
            skipped += 1
            continue
        pages.append(Page(name, gt.stem, doc.get("url"), folder / "html" / f"{gt.stem}.html.gz", truth))
    return (pages[:limit] if limit else pages), skipped


def read_html(page: Page) -> str:
    """Decompressed, decoded page HTML."""
    return gzip.decompress(page.html_path.read_bytes()).decode("utf-8", errors="replace")


def text_dump(markup: str) -> str:
    """Whole-page text dump, as a user would copy it (html_text with layout guessing)."""
    import html_text
    import lxml.html
    return html_text.extract_text(lxml.html.fromstring(markup), guess_layout=True)


def wrap_text(text: str) -> str:
    """Plain text as minimal HTML: blank-line blocks -> <p>, line breaks -> <br>."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    paras = ("<p>" + "<br>\n".join(html.escape(line) for line in b.splitlines()) + "</p>" for b in blocks)
    return "<html><body>\n" + "\n".join(paras) + "\n</body></html>"
