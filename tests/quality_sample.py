"""The fixed sample of dev pages behind the quality floor, and how it is scored.

Scoring reuses the benchmark's own metric (bench/metrics.py) so the floor and the README's
table measure the same thing.
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FLOOR_FILE = Path(__file__).with_name("quality_floor.json")
SETS = {"wcxb-dev-articles": 12, "wcxb-dev-other": 40}  # every Nth page of each set

sys.path.insert(0, str(ROOT / "bench"))
import metrics  # noqa: E402

from copydesk import extract  # noqa: E402


def sample() -> dict[str, list[str]]:
    """Page ids of the sample, per set; pages without an answer are left out."""
    chosen: dict[str, list[str]] = {}
    for set_name, step in SETS.items():
        truths = sorted((DATA / set_name / "ground-truth").glob("*.json"))
        ids = [p.stem for p in truths if _answer(set_name, p.stem)]
        chosen[set_name] = ids[::step]
    return chosen


def _answer(set_name: str, pid: str) -> str:
    truth = json.loads((DATA / set_name / "ground-truth" / f"{pid}.json").read_text())
    return truth["ground_truth"].get("main_content") or ""


def page_f1(set_name: str, pid: str) -> float:
    html = gzip.decompress((DATA / set_name / "html" / f"{pid}.html.gz").read_bytes())
    article = extract(html)
    return metrics.page_score(article.text, _answer(set_name, pid)).f1


def score_sample(set_name: str, ids: list[str]) -> dict[str, float]:
    return {pid: page_f1(set_name, pid) for pid in ids}
