"""Pin the quality floor that tests/test_quality_floor.py enforces.

    python scripts/pin_quality_floor.py          # print what the floors would be
    python scripts/pin_quality_floor.py --write  # write tests/quality_floor.json

Run it by hand when quality has improved and review the diff: a floor is raised on purpose,
never lowered silently. The sample is fixed (every 12th page of the article set, every 40th of
the others) so the same pages are scored from run to run.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from quality_sample import FLOOR_FILE, sample, score_sample  # noqa: E402

PAGE_MARGIN = 0.05  # one page may move a little when rules change; more is a regression
MEAN_MARGIN = 0.005


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write tests/quality_floor.json")
    args = parser.parse_args()
    pins: dict[str, dict] = {}
    for set_name, ids in sample().items():
        scores = score_sample(set_name, ids)
        mean = sum(scores.values()) / len(scores)
        pins[set_name] = {
            "mean_f1": round(mean - MEAN_MARGIN, 3),
            "pages": {pid: round(max(0.0, f1 - PAGE_MARGIN), 3) for pid, f1 in scores.items()},
        }
        print(f"{set_name}: {len(scores)} pages, mean F1 {mean:.3f}")
    if args.write:
        FLOOR_FILE.write_text(json.dumps(pins, indent=1, sort_keys=True) + "\n")
        print(f"wrote {FLOOR_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
