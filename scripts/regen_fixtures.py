"""Regenerate the golden expectations of fixtures/<slug>/ for review in `git diff`.

    python scripts/regen_fixtures.py              # every fixture folder
    python scripts/regen_fixtures.py SLUG [SLUG…] # only these

Each folder holds one input (page.html, page.html.gz or page.txt, bytes as saved) and an optional
case.toml whose [options] table is passed to extract() (url, keep_dateline, input_format, …).
tests/test_golden.py loads this file to run the cases exactly as it does, so the two never differ.
"""
from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from copydesk import Article, Options, extract

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
INPUT_NAMES = ("page.html", "page.html.gz", "page.txt")
_OPTION_NAMES = frozenset(f.name for f in fields(Options))


@dataclass(frozen=True, slots=True)
class Case:
    slug: str
    input: Path
    options: Options

    @property
    def folder(self) -> Path:
        return self.input.parent


def slugs(root: Path = FIXTURES) -> list[str]:
    """Every folder under fixtures/ that holds an input, in name order."""
    return sorted(p.name for p in root.iterdir() if p.is_dir() and _input_of(p) is not None)


def load(slug: str, root: Path = FIXTURES) -> Case:
    folder = root / slug
    page = _input_of(folder)
    if page is None:
        raise FileNotFoundError(f"{folder}: no {' / '.join(INPUT_NAMES)}")
    return Case(slug, page, _options(folder / "case.toml"))


def run(case: Case) -> Article:
    """Extract as a user would, naming the source relative to fixtures/ so output is stable."""
    source = f"{case.slug}/{case.input.name}"
    return extract(case.input.read_bytes(), options=case.options, source=source)


def render(article: Article) -> tuple[str, str]:
    """The two golden files: expected.md and expected.json."""
    return article.to_markdown(), article.to_json() + "\n"


def regenerate(slug: str, root: Path = FIXTURES) -> list[str]:
    """Write one folder's expectations; return the names of the files that changed."""
    case = load(slug, root)
    md, js = render(run(case))
    changed = []
    for name, text in (("expected.md", md), ("expected.json", js)):
        path = case.folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changed.append(name)
    return changed


def _input_of(folder: Path) -> Path | None:
    found = [folder / n for n in INPUT_NAMES if (folder / n).is_file()]
    if len(found) > 1:
        raise ValueError(f"{folder}: more than one input ({', '.join(p.name for p in found)})")
    return found[0] if found else None


def _options(path: Path) -> Options:
    """case.toml's [options] as an Options; unknown names fail so a typo never goes unseen."""
    if not path.exists():
        return Options()
    table = tomllib.loads(path.read_text(encoding="utf-8")).get("options", {})
    unknown = sorted(set(table) - _OPTION_NAMES)
    if unknown:
        raise ValueError(f"{path}: unknown option(s) {', '.join(unknown)}")
    if "keep" in table:
        table["keep"] = frozenset(table["keep"])
    return Options(**table)


def main(argv: list[str]) -> int:
    wanted = argv or slugs()
    unknown = [s for s in wanted if not (FIXTURES / s).is_dir()]
    if unknown:
        print(f"no such fixture: {', '.join(unknown)}", file=sys.stderr)
        return 2
    for slug in wanted:
        changed = regenerate(slug)
        print(f"{slug}: {', '.join(changed) if changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
