"""Quality floor: a fixed sample of dev pages must not score below the pinned F1 floors.

The floors live in tests/quality_floor.json and are raised by hand with
scripts/pin_quality_floor.py when quality improves; a change that makes extraction worse on
this sample fails here. The dev set lies read-only beside the repository (and in CI).
"""
from __future__ import annotations

import json
import os

import pytest

from quality_sample import DATA, FLOOR_FILE, page_f1

if not DATA.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"CI must have the dev set at {DATA}")
    pytest.skip(f"dev set not found at {DATA}", allow_module_level=True)

FLOORS = json.loads(FLOOR_FILE.read_text())
CASES = [(s, pid, floor) for s, pins in FLOORS.items() for pid, floor in pins["pages"].items()]
_scores: dict[tuple[str, str], float] = {}


def _f1(set_name: str, pid: str) -> float:
    if (set_name, pid) not in _scores:
        _scores[set_name, pid] = page_f1(set_name, pid)
    return _scores[set_name, pid]


@pytest.mark.parametrize(("set_name", "pid", "floor"), CASES,
                         ids=[f"{s.rsplit('-', 1)[-1]}-{p}" for s, p, _ in CASES])
def test_page_stays_above_its_floor(set_name: str, pid: str, floor: float) -> None:
    assert _f1(set_name, pid) >= floor


@pytest.mark.parametrize("set_name", sorted(FLOORS))
def test_sample_mean_stays_above_floor(set_name: str) -> None:
    pages = FLOORS[set_name]["pages"]
    mean = sum(_f1(set_name, pid) for pid in pages) / len(pages)
    assert mean >= FLOORS[set_name]["mean_f1"], f"{set_name}: mean F1 {mean:.3f}"
