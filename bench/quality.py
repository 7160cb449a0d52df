"""Extraction quality of copydesk and its peers on the WCXB dev pages.

    python bench/quality.py [--tools copydesk,trafilatura,...|all] [--set articles|other|dumps|all]
                            [--limit N] [--worst 20] [--out bench/results] [--jobs 2] [--cache]

Data: WCXB (Web Content eXtraction Benchmark) dev split by Murrough Foley, CC-BY-4.0.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import signal
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dataset  # noqa: E402
import metrics as m  # noqa: E402
import peers  # noqa: E402

RAW = "raw-dump"  # pseudo-tool: the whole-page text dump itself (dumps set)
META_FIELDS = ("title", "authors", "date")
GT_FIELD = {"title": "title", "authors": "author", "date": "publish_date"}


class Timeout(Exception):
    """One tool call took longer than --timeout."""


def _alarm(signum: int, frame: object) -> None:
    raise Timeout("timed out")


# --- worker side -----------------------------------------------------------------
def init_worker() -> None:
    signal.signal(signal.SIGALRM, _alarm)


def tool_input(tool: str, set_name: str, markup: str, dump: str | None) -> tuple[str, peers.Adapter]:
    """What a tool is fed: raw HTML, or for 'dumps' the text (wrapped as HTML for HTML-only peers)."""
    if set_name != "dumps":
        return markup, peers.ADAPTERS[tool]
    if tool == "copydesk":
        return dump or "", peers.copydesk_text
    if tool == RAW:
        return dump or "", lambda text, url: peers.result(text)
    return dataset.wrap_text(dump or ""), peers.ADAPTERS[tool]


def cache_file(cache: Path, tool: str, set_name: str, pid: str) -> Path:
    return cache / f"{tool}-{peers.version(tool)}-r{peers.ADAPTER_REV}" / set_name / f"{pid}.json"


def call(tool: str, page: dataset.Page, markup: str, dump: str | None, cache: Path | None,
         timeout: float) -> tuple[dict, str | None, float, bool]:
    """Run (or load from cache) one tool on one page: output, error, seconds, cached?"""
    path = cache_file(cache, tool, page.set, page.pid) if cache and tool not in ("copydesk", RAW) else None
    hit = read_cache(path) if path else None
    if hit:
        return hit["out"], hit["error"], hit["seconds"], True
    doc, adapter = tool_input(tool, page.set, markup, dump)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        out, err, secs = peers.run(tool, doc, page.url, adapter)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    if path:
        write_cache(path, {"out": out, "error": err, "seconds": secs})
    return out, err, secs, False


def read_cache(path: Path) -> dict | None:
    """A cached peer result, or None when missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_cache(path: Path, entry: dict) -> None:
    """Atomic write, so concurrent benchmark runs never read half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(entry), encoding="utf-8")
    os.replace(tmp, path)


def score(tool: str, page: dataset.Page, out: dict, err: str | None, secs: float, cached: bool) -> dict:
    """Per-page record: body scores, snippets, metadata checks."""
    t = page.truth
    s = m.page_score(out["text"], page.answer)
    rec = {"tool": tool, "set": page.set, "page": page.pid, "url": page.url,
           "P": s.precision, "R": s.recall, "F1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn,
           "exact": m.exact_match(out["text"], page.answer),
           "with_found": m.count_snippets(t.get("with") or [], out["text"], out["body"]),
           "with_total": len(t.get("with") or []),
           "without_leaked": m.count_snippets(t.get("without") or [], out["text"], out["body"]),
           "without_total": len(t.get("without") or []),
           "empty": not m.tokenize(out["text"]), "error": err, "seconds": secs, "cached": cached}
    checks = {"title": m.title_ok, "authors": m.authors_ok, "date": m.date_ok}
    for f, ok in checks.items():
        want, got = t.get(GT_FIELD[f]), out.get(f)
        labelled = not m.is_blank(want)
        rec[f"{f}_ok"] = bool(ok(got, want)) if labelled else None
        rec[f"{f}_none"] = None if labelled else m.is_blank(got)
    want = t.get(GT_FIELD["authors"])
    rec["authors_beyond"] = None if m.is_blank(want) else m.author_beyond_rules(want)
    return rec


def work(task: tuple) -> list[dict]:
    """All tools on one page (page-major, so machine noise hits every tool alike)."""
    page, tools, cache, timeout = task
    markup = dataset.read_html(page)
    dump = dataset.text_dump(markup) if page.set == "dumps" else None
    return [score(tool, page, *call(tool, page, markup, dump, cache, timeout)) for tool in tools]


# --- aggregation -----------------------------------------------------------------
def summarize(recs: list[dict]) -> dict:
    """Corpus figures of one tool on one set."""
    pr = [(r["P"], r["R"]) for r in recs]
    p, r, f = m.corpus_prf(pr)
    lo, hi = m.bootstrap_f1(pr)
    secs = sum(x["seconds"] for x in recs)
    out = {"n": len(recs), "P": p, "R": r, "F1": f, "lo": lo, "hi": hi,
           "exact": share(x["exact"] for x in recs),
           "with": ratio(sum(x["with_found"] for x in recs), sum(x["with_total"] for x in recs)),
           "without": ratio(sum(x["without_leaked"] for x in recs), sum(x["without_total"] for x in recs)),
           "empty": sum(x["empty"] for x in recs), "errors": sum(bool(x["error"]) for x in recs),
           "pps": len(recs) / secs if secs else 0.0, "cached": sum(x["cached"] for x in recs)}
    for f_ in META_FIELDS:
        oks = [x[f"{f_}_ok"] for x in recs if x[f"{f_}_ok"] is not None]
        nones = [x[f"{f_}_none"] for x in recs if x[f"{f_}_none"] is not None]
        out[f_] = (share(oks), len(oks), share(nones), len(nones))
    # Authors on the answers issue #4's byline rules can match, and why the others cannot.
    within = [x["authors_ok"] for x in recs if x["authors_ok"] is not None and not x["authors_beyond"]]
    out["authors_within"] = (share(within), len(within))
    out["authors_beyond"] = Counter(x["authors_beyond"] for x in recs if x["authors_beyond"])
    return out


def share(flags) -> float | None:
    flags = list(flags)
    return sum(flags) / len(flags) if flags else None


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def body_table(summ: dict[str, dict], versions: dict[str, str]) -> list[str]:
    rows = ["| tool | version | P | R | F1 (95% bootstrap) | exact | `with` found | `without` leaked "
            "| empty | errors | pages/s |", "|" + "---|" * 11]
    for tool, s in sorted(summ.items(), key=lambda kv: -kv[1]["F1"]):
        mark = " (cached)" if s["cached"] else ""
        rows.append(f"| {tool}{mark} | {versions[tool]} | {s['P']:.3f} | {s['R']:.3f} | "
                    f"{s['F1']:.3f} ({s['lo']:.3f}–{s['hi']:.3f}) | {pct(s['exact'])} | "
                    f"{pct(s['with'])} | {pct(s['without'])} | {s['empty']} | {s['errors']} | "
                    f"{s['pps']:.1f} |")
    return rows


def meta_table(summ: dict[str, dict]) -> list[str]:
    rows = ["| tool | title | authors | authors: within the rules | date | title: none when none "
            "| authors: none when none | date: none when none |", "|" + "---|" * 8]
    tools = [t for t in peers.META_TOOLS if t in summ]
    for tool in tools:
        s = summ[tool]
        acc = [f"{pct(s[f][0])} (n={s[f][1]})" for f in META_FIELDS]
        acc.insert(2, f"{pct(s['authors_within'][0])} (n={s['authors_within'][1]})")
        empty = [f"{pct(s[f][2])} (n={s[f][3]})" for f in META_FIELDS]
        rows.append(f"| {tool} | " + " | ".join(acc + empty) + " |")
    return rows + ceiling_note(summ[tools[0]]) if tools else rows


def ceiling_note(s: dict) -> list[str]:
    """The authors ceiling issue #4 asks for beside the score: the share of answers its byline
    rules can match at all (counted on the answers, so the same for every tool)."""
    labelled, beyond = s["authors"][1], s["authors_beyond"]
    if not labelled:
        return []
    why = ", ".join(f"{n} {reason}" for reason, n in beyond.most_common())
    out = sum(beyond.values())
    return ["", f"Authors ceiling under issue #4's byline rules: {1 - out / labelled:.3f}. The rules "
            f"strip or refuse part of {out} of the {labelled} answers ({why or 'none'}); 'within "
            f"the rules' scores the other {labelled - out}."]


def worst_list(recs: list[dict], tool: str, n: int) -> list[str]:
    mine = sorted((r for r in recs if r["tool"] == tool), key=lambda r: (r["F1"], r["page"]))[:n]
    rows = [f"{tool}'s {len(mine)} worst pages by F1:", "", "| page | F1 | P | R | url |", "|---|---|---|---|---|"]
    rows += [f"| {r['page']} | {r['F1']:.3f} | {pct(r['P'])} | {pct(r['R'])} | {r['url']} |" for r in mine]
    return rows


# --- driver ----------------------------------------------------------------------
def pick_tools(spec: str, sets: list[str]) -> list[str]:
    """Tool names to run; copydesk is dropped (with a note) when it cannot be imported."""
    names = list(peers.ADAPTERS) if spec == "all" else [t.strip() for t in spec.split(",") if t.strip()]
    unknown = [t for t in names if t not in peers.ADAPTERS and t != RAW]
    if unknown:
        sys.exit(f"unknown tools: {unknown}; known: {list(peers.ADAPTERS) + [RAW]}")
    if "copydesk" in names and not peers.copydesk_available():
        print("note: copydesk.extract is not importable yet; copydesk row skipped\n", file=sys.stderr)
        names.remove("copydesk")
    if "dumps" in sets and RAW not in names and spec == "all":
        names.append(RAW)
    return names


def run_set(name: str, args: argparse.Namespace, tools: list[str]) -> tuple[list[dict], int, float]:
    pages, skipped = dataset.load_pages(args.data, name, args.limit)
    set_tools = [t for t in tools if t != RAW or name == "dumps"]
    cache = args.out / "cache" if args.cache else None
    tasks = [(p, set_tools, cache, args.timeout) for p in pages]
    start = time.perf_counter()
    recs: list[dict] = []
    with mp.Pool(args.jobs, initializer=init_worker) as pool:
        for i, batch in enumerate(pool.imap_unordered(work, tasks), 1):
            recs += batch
            if i % 100 == 0:
                print(f"  {name}: {i}/{len(tasks)} pages", file=sys.stderr)
    return recs, skipped, time.perf_counter() - start


def report_set(name: str, recs: list[dict], skipped: int, wall: float, args: argparse.Namespace,
               tools: list[str]) -> list[str]:
    by_tool: dict[str, list[dict]] = defaultdict(list)
    for r in recs:
        by_tool[r["tool"]].append(r)
    summ = {t: summarize(rs) for t, rs in by_tool.items()}
    versions = {t: (peers.version(t) if t != RAW else "html-text " + peers.version("html-text")) for t in summ}
    n = len({r["page"] for r in recs})
    cached = {t: s["cached"] for t, s in summ.items() if s["cached"]}
    lines = [f"## Set `{name}`: {n} pages scored, {skipped} skipped in the whole set (empty main_content); "
             f"wall {wall:.0f}s with {args.jobs} jobs", ""]
    if cached:
        lines += [f"**Cached peer results used** (pages from bench cache): {cached}; their pages/s "
                  "are the stored timings.", ""]
    lines += body_table(summ, versions) + [""]
    if any(t in summ for t in peers.META_TOOLS):
        lines += ["Metadata accuracy on labelled pages (n = labelled pages); 'none when none' = share "
                  "of pages whose answer is empty where the tool returned nothing:", ""]
        lines += meta_table(summ) + [""]
    if args.worst:
        tool = "copydesk" if "copydesk" in summ else tools[0]
        lines += worst_list(recs, tool, args.worst) + [""]
    return lines


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tools", default="all", help="comma list or 'all' (also: raw-dump)")
    ap.add_argument("--set", default="articles", choices=["articles", "other", "dumps", "all"])
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    ap.add_argument("--worst", type=int, default=0, help="list copydesk's N worst pages")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", action="store_true", help="reuse/stores peers' outputs (never copydesk's)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per tool call")
    ap.add_argument("--data", type=Path, default=dataset.DEFAULT_DATA)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    sets = ["articles", "other", "dumps"] if args.set == "all" else [args.set]
    tools = pick_tools(args.tools, sets)
    args.out.mkdir(parents=True, exist_ok=True)
    lines = ["# copydesk extraction benchmark", "", dataset.CREDIT,
             f"Data dir: {args.data}. Tools: {', '.join(tools)}. {time.strftime('%Y-%m-%d %H:%M')}."
             + (" Cache ON for peers." if args.cache else ""), ""]
    print("\n".join(lines), flush=True)
    for name in sets:  # each set's tables are printed as soon as it is done
        recs, skipped, wall = run_set(name, args, tools)
        with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in sorted(recs, key=lambda r: (r["tool"], r["page"])))
        section = report_set(name, recs, skipped, wall, args, tools)
        print("\n".join(section), flush=True)
        lines += section
    (args.out / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
