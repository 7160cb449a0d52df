"""Speed of copydesk against trafilatura, readability-lxml and a bare lxml parse.

    python bench/speed.py [--limit N] [--tools copydesk,trafilatura,readability-lxml,parse]
                          [--profile] [--no-memory] [--no-size] [--no-cli]

Data: WCXB (Web Content eXtraction Benchmark) dev split by Murrough Foley, CC-BY-4.0.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import dataset  # noqa: E402
import peers  # noqa: E402

DEFAULT_TOOLS = "copydesk,trafilatura,readability-lxml,parse"


def parse_floor(html: str, url: str | None) -> dict:
    """The floor: parsing the page with lxml and nothing else."""
    import lxml.html
    lxml.html.fromstring(html)
    return {}


def adapter(tool: str):
    return parse_floor if tool == "parse" else peers.ADAPTERS[tool]


def load(args: argparse.Namespace) -> list[tuple[str, str | None, str]]:
    """(pid, url, html) of the dev article pages, decompressed up front (not timed)."""
    pages, _ = dataset.load_pages(args.data, "articles", args.limit)
    return [(p.pid, p.url, dataset.read_html(p)) for p in pages]


def timed(fn, html: str, url: str | None) -> tuple[float, bool]:
    """Seconds for one call and whether it raised."""
    start = time.perf_counter()
    try:
        fn(html, url)
        ok = True
    except Exception:
        ok = False
    return time.perf_counter() - start, ok


# --- per-page latency ---------------------------------------------------------------
def latency(pages: list, tools: list[str]) -> dict[str, list[float]]:
    """Page-major run: every tool on page i (order rotated) before page i+1."""
    fns = {t: adapter(t) for t in tools}
    for _, url, html in pages[:3]:  # warm-up: imports, lazy caches
        for t in tools:
            timed(fns[t], html, url)
    times: dict[str, list[float]] = {t: [] for t in tools}
    fails: dict[str, int] = {t: 0 for t in tools}
    for i, (_, url, html) in enumerate(pages):
        k = i % len(tools)
        for t in tools[k:] + tools[:k]:
            secs, ok = timed(fns[t], html, url)
            times[t].append(secs)
            fails[t] += not ok
        if (i + 1) % 100 == 0:
            print(f"  latency: {i + 1}/{len(pages)} pages", file=sys.stderr)
    for t, n in fails.items():
        if n:
            print(f"note: {t} raised on {n} pages (timed anyway)")
    return times


def stats(secs: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in secs)
    p99 = ms[min(len(ms) - 1, int(round(0.99 * (len(ms) - 1))))]
    return {"median": statistics.median(ms), "mean": statistics.fmean(ms), "p99": p99,
            "pps": 1000 * len(ms) / sum(ms) if sum(ms) else 0.0}


# --- memory -----------------------------------------------------------------------
def peak_rss_kb() -> int:
    """High-water RSS of this process image: VmHWM (Linux), else getrusage maxrss.

    ru_maxrss alone is not used on Linux: it keeps the parent's high-water mark across fork+exec.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_child(tool: str, args: argparse.Namespace) -> None:
    """In a fresh process: peak RSS after imports, then after running the tool on every page."""
    pages, _ = dataset.load_pages(args.data, "articles", args.limit)
    fn = adapter(tool)
    fn("<html><body><p>warm up</p></body></html>", None)
    base = peak_rss_kb()
    for p in pages:  # pages decompressed one at a time so the data set is not counted
        timed(fn, dataset.read_html(p), p.url)
    print(json.dumps({"base_kb": base, "peak_kb": peak_rss_kb()}))


def memory(tool: str, args: argparse.Namespace) -> dict[str, float] | None:
    cmd = [sys.executable, __file__, "--memory-child", tool, "--data", str(args.data)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        print(f"note: memory run of {tool} failed: {proc.stderr[-300:]}")
        return None


# --- size scaling -------------------------------------------------------------------
def repeat_body(html: str, times: int) -> str:
    """The page with the inside of <body> repeated `times` times."""
    start, end = re.search(r"<body[^>]*>", html, re.I), html.lower().rfind("</body>")
    if not start or end < start.end():
        return html
    inner = html[start.end():end]
    return html[:start.end()] + inner * times + html[end:]


def size_scaling(pages: list, tools: list[str], factors=(1, 4, 16), n_pages: int = 5) -> list[str]:
    """ms and ms/KB of the same pages' bodies repeated 1x/4x/16x (best of 3 runs)."""
    by_size = sorted(pages, key=lambda p: len(p[2]))
    mid = len(by_size) // 2
    chosen = by_size[max(0, mid - n_pages // 2):mid - n_pages // 2 + n_pages]
    rows = ["| tool | × | mean KB | ms (mean) | ms per KB |", "|---|---|---|---|---|"]
    for t in tools:
        fn = adapter(t)
        for f in factors:
            docs = [(repeat_body(h, f), u) for _, u, h in chosen]
            ms = [1000 * min(timed(fn, d, u)[0] for _ in range(3)) for d, u in docs]
            kb = [len(d.encode()) / 1024 for d, _ in docs]
            rows.append(f"| {t} | {f} | {statistics.fmean(kb):.0f} | {statistics.fmean(ms):.1f} | "
                        f"{statistics.fmean(m / k for m, k in zip(ms, kb)):.3f} |")
    return rows


# --- CLI batch ------------------------------------------------------------------------
def cli_command() -> tuple[list[str], dict] | None:
    """How to start copydesk's CLI, or None when there is none."""
    env = dict(os.environ)
    if shutil.which("copydesk"):
        return ["copydesk"], env
    src = peers.REPO / "src"
    if (src / "copydesk" / "__main__.py").exists():
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
        return [sys.executable, "-m", "copydesk"], env
    return None


def cli_batch(pages: list) -> list[str]:
    """Pages/s of `copydesk DIR -o OUT -j 1` vs `-j 2` on a temp copy of the pages."""
    found = cli_command()
    if not found:
        return ["CLI batch: skipped (no `copydesk` command and no src/copydesk/__main__.py)."]
    cmd, env = found
    rows = [f"CLI batch, `{' '.join(cmd)} DIR -o OUT -j N` on {len(pages)} pages (wall time incl. start-up):",
            "", "| jobs | seconds | pages/s | files written |", "|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for pid, _, html in pages:
            (src / f"{pid}.html").write_text(html, encoding="utf-8")
        rates = {}
        for j in (1, 2):
            start = time.perf_counter()
            proc = subprocess.run(cmd + [str(src), "-o", str(Path(tmp) / f"out{j}"), "-j", str(j)],
                                  env=env, capture_output=True, text=True)
            secs = time.perf_counter() - start
            if proc.returncode:
                return [f"CLI batch: `{' '.join(cmd)} DIR -o OUT -j {j}` failed "
                        f"(exit {proc.returncode}): {proc.stderr.strip()[-300:]}"]
            rates[j] = len(pages) / secs
            made = sum(1 for f in (Path(tmp) / f"out{j}").rglob("*") if f.is_file())
            rows.append(f"| {j} | {secs:.1f} | {rates[j]:.1f} | {made} |")
    rows.append(f"\n-j 2 / -j 1 throughput ratio: {rates[2] / rates[1]:.2f}")
    return rows


# --- profile -------------------------------------------------------------------------------
def profile(pages: list, tool: str) -> list[str]:
    fn = adapter(tool)
    prof = cProfile.Profile()
    prof.enable()
    for _, url, html in pages:
        timed(fn, html, url)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(25)
    return [f"cProfile of {tool} over {len(pages)} pages, top 25 by cumulative time:", "```",
            buf.getvalue().strip(), "```"]


# --- driver ---------------------------------------------------------------------------------
def pick(spec: str) -> list[str]:
    tools = [t.strip() for t in spec.split(",") if t.strip()]
    if "copydesk" in tools and not peers.copydesk_available():
        print("note: copydesk.extract is not importable yet; copydesk skipped\n")
        tools.remove("copydesk")
    return tools


def ratio_lines(st: dict[str, dict]) -> list[str]:
    out = []
    for other in ("trafilatura", "parse"):
        if "copydesk" in st and other in st:
            a, b = st["copydesk"], st[other]
            out.append(f"copydesk / {other}: median {a['median'] / b['median']:.2f}×, "
                       f"mean {a['mean'] / b['mean']:.2f}×")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tools", default=DEFAULT_TOOLS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--data", type=Path, default=dataset.DEFAULT_DATA)
    ap.add_argument("--profile", action="store_true", help="cProfile copydesk, top 25 cumulative")
    ap.add_argument("--profile-tool", default="copydesk", help=argparse.SUPPRESS)
    ap.add_argument("--no-memory", action="store_true")
    ap.add_argument("--no-size", action="store_true")
    ap.add_argument("--no-cli", action="store_true")
    ap.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child:
        return memory_child(args.memory_child, args)
    pages = load(args)
    print(f"# copydesk speed benchmark\n\n{dataset.CREDIT}\n{len(pages)} pages, "
          f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}.\n")
    if args.profile:
        tool = args.profile_tool
        if tool == "copydesk" and not peers.copydesk_available():
            return print("copydesk.extract is not importable: nothing to profile.")
        return print("\n".join(profile(pages, tool)))
    tools = pick(args.tools)
    st = {t: stats(s) for t, s in latency(pages, tools).items()}
    mem = {} if args.no_memory else {t: memory(t, args) for t in tools}
    print("Per page, one process, tools interleaved page by page. Memory: peak RSS (VmHWM, i.e. the "
          "maxrss high-water mark) of a fresh subprocess per tool, after imports and after all pages.\n")
    print("| tool | version | median ms | mean ms | p99 ms | pages/s | RSS after import MB | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for t, s in st.items():
        mm = mem.get(t)
        m1, m2 = (f"{mm['base_kb'] / 1024:.0f}", f"{mm['peak_kb'] / 1024:.0f}") if mm else ("–", "–")
        ver = peers.version("lxml") if t == "parse" else peers.version(t)
        print(f"| {t} | {ver} | {s['median']:.1f} | {s['mean']:.1f} | {s['p99']:.1f} | {s['pps']:.1f} "
              f"| {m1} | {m2} |")
    print("\n" + "\n".join(ratio_lines(st)) + "\n")
    if not args.no_size:
        print("Cost vs page size (5 median-size pages, <body> content repeated; best of 3):\n")
        print("\n".join(size_scaling(pages, tools)) + "\n")
    if not args.no_cli:
        print("\n".join(cli_batch(pages)))


if __name__ == "__main__":
    main()
