"""Machine instructions per page under valgrind: speed ratios that the shared machine's load
cannot move.

    python bench/instructions.py [--step 40] [--tools copydesk,parse] [--stages]

Wall-clock ratios on a busy two-core machine drift by ±10 % between runs; the number of
instructions a page costs does not. Each tool runs twice under ``valgrind --tool=callgrind``:
once importing and warming up on the first page, once doing that and then every page of the
sample; the difference, divided by the number of pages, is what a page costs. Instructions are
not time (a cache miss costs more than an add), so the wall-clock figures of speed.py stay the
reference; this script is for comparing two versions of the code, or copydesk with the parse,
without noise. ``--stages`` splits copydesk's cost by pipeline step.

Data: WCXB (Web Content eXtraction Benchmark) dev split by Murrough Foley, CC-BY-4.0.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import dataset  # noqa: E402

STAGES = ("parse", "metadata", "blocks", "clean", "select", "reconcile", "render")


def sample(data: Path, step: int) -> list[dataset.Page]:
    pages, _ = dataset.load_pages(data, "articles")
    return pages[::step]


def child(tool: str, upto: str, args: argparse.Namespace) -> None:
    """The measured process: warm up on the first page, then run ``tool`` (or copydesk up to
    the stage ``upto``) on every page of the sample; 'base' stops after the warm-up."""
    pages = sample(args.data, args.step)
    work = [(p.url, dataset.read_html(p)) for p in pages]
    fn = _stage_runner(upto) if tool == "stage" else _tool(tool)
    url, html = work[0]
    fn(html, url)
    if args.child_mode == "run":
        for url, html in work:
            fn(html, url)


def _tool(tool: str):
    if tool == "parse":
        import lxml.html
        return lambda html, url: lxml.html.fromstring(html)
    import peers  # here, not at the top: importing it turns sockets off in this process
    return peers.ADAPTERS[tool]


def _stage_runner(upto: str):
    """What ``copydesk.extract(html, url=url)`` does, stopping after the step ``upto``."""
    from dataclasses import replace

    from copydesk import blocks, cleaning, dom, fallback, loading, metadata, scoring
    from copydesk.options import DEFAULT
    from copydesk.pipeline import _base_url, _for_page
    from copydesk.reconcile import reconcile
    from copydesk.writers.body import render
    last = STAGES.index(upto)

    def run(html: str, url: str | None) -> tuple[str, str] | None:
        options = replace(DEFAULT, url=url) if url else DEFAULT
        root = dom.parse(loading.repair_mojibake(html))  # as extract() does with a str
        if last < 1:
            return
        scan = metadata.walk(root)
        found = metadata.collect(root, options.url, scan)
        if last < 2:
            return
        page = blocks.from_html(root, _base_url(found, options), options, scan.hidden)
        if last < 3:
            return
        cleaned = cleaning.clean(page, _for_page(options, found))
        if last < 4:
            return
        titles = [value for value, _ in found.get("headline")]
        chosen = scoring.select(page, cleaned.kept, options, titles)
        chosen = fallback.recover(page, cleaned.kept, chosen, found, options, cleaned.dropped)
        if last < 5:
            return
        _, body = reconcile(found, page, chosen, cleaned.dropped, options)
        return render(body) if last >= 6 else None
    return run


def count(tool: str, upto: str, mode: str, args: argparse.Namespace) -> int:
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
           __file__, "--child", tool, "--upto", upto, "--child-mode", mode,
           "--step", str(args.step), "--data", str(args.data)]
    # A fixed hash seed: str hashes order sets and size dicts, which moved a page's count by
    # about 1 M from run to run (85.6 and 86.3 M for the same code).
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode or not found:
        raise SystemExit(f"error: valgrind run of {tool} failed: {proc.stderr.strip()[-300:]}")
    return int(found.group(1))


def per_page(tool: str, args: argparse.Namespace, upto: str = "render") -> float:
    """Millions of instructions a page costs: (warm-up + pages) − warm-up, over the pages."""
    n = len(sample(args.data, args.step))
    return (count(tool, upto, "run", args) - count(tool, upto, "base", args)) / n / 1e6


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--step", type=int, default=40, help="every Nth dev article page (default 40)")
    ap.add_argument("--tools", default="copydesk,parse")
    ap.add_argument("--stages", action="store_true", help="copydesk's cost per pipeline step")
    ap.add_argument("--data", type=Path, default=dataset.DEFAULT_DATA)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--upto", default="render", help=argparse.SUPPRESS)
    ap.add_argument("--child-mode", default="run", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child(args.child, args.upto, args)
    if not shutil.which("valgrind"):
        raise SystemExit("error: valgrind is not installed (apt install valgrind)")
    n = len(sample(args.data, args.step))
    print(f"# Instructions per page (callgrind)\n\n{dataset.CREDIT}\n{n} pages (every "
          f"{args.step}th dev article).\n")
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    cost = {t: per_page(t, args) for t in tools}
    print("| tool | M instructions / page |\n|---|---|")
    for t, m in cost.items():
        print(f"| {t} | {m:.1f} |")
    for other in ("trafilatura", "parse"):
        if "copydesk" in cost and other in cost:
            print(f"\ncopydesk / {other}: {cost['copydesk'] / cost[other]:.2f}×")
    if args.stages:
        print("\n| step | M instructions / page |\n|---|---|")
        before = 0.0
        for stage in STAGES:
            total = per_page("stage", args, stage)
            print(f"| {stage} | {total - before:.1f} |")
            before = total


if __name__ == "__main__":
    main()
