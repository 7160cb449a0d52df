"""Throughput of the Dask batch with 1 and 2 workers against the local process pool.

    python bench/dask_batch.py [--limit N] [--workers 1,2] [--no-warc]

Runs on a loopback LocalCluster (one thread per worker process, like the local pool), on the
dev article pages copied to a temporary folder, then on one WARC.gz built from the same pages
(cut into record spans so both workers share it). Cluster start-up (and the workers' first
import of copydesk) is timed apart: it is paid once per cluster, not per batch.
Not named bench/distributed.py: with bench/ on sys.path (pytest, the other scripts) that file
would shadow the dask.distributed package in spawned workers.
Every run converts everything (--force semantics).

Data: WCXB dev split (Web Content eXtraction Benchmark) by Murrough Foley, CC-BY-4.0.
"""
from __future__ import annotations

import argparse
import gzip
import io
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import dataset  # noqa: E402

from copydesk import batch, distributed  # noqa: E402
from copydesk.batch import Settings  # noqa: E402
from copydesk.options import Options  # noqa: E402


def copy_pages(pages: list, folder: Path) -> None:
    folder.mkdir(parents=True)
    for page in pages:
        shutil.copyfile(page.html_path, folder / page.html_path.name)


def build_warc(pages: list, path: Path) -> None:
    """One response record per page (with its request, as crawlers write them)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for page in pages:
            uri = page.url or f"https://example.invalid/{page.pid}"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            body = gzip.decompress(page.html_path.read_bytes())
            request = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))
            writer.write_record(writer.create_warc_record(uri, "response",
                                                          payload=io.BytesIO(body),
                                                          http_headers=http))


def timed(label: str, pages: int, fn: Callable[[], Counter]) -> float:
    start = time.perf_counter()
    counts = fn()
    secs = time.perf_counter() - start
    done = counts["ok"] + counts["failed"] + counts["timeout"]
    print(f"  {label:<28} {secs:7.2f} s  {pages / secs:6.1f} pages/s  "
          f"({counts['ok']} ok, {counts['failed'] + counts['timeout']} failed, {done} done)")
    return secs


def local_pool(src: Path, out: Path, workers: int) -> Counter:
    settings = Settings(Options(), out_dir=out, force=True)
    jobs, _ = batch.plan([src], out, "md")
    return batch.run(jobs, settings, workers, lambda o: None)


def on_dask(client, src: Path, out: Path, span_records: int) -> Counter:
    return distributed.run([str(src)], str(out), Settings(Options(), force=True), client,
                           lambda o: None, span_bytes=0, span_records=span_records)


def warm_up() -> None:
    """Import the pipeline on a worker, as a long-lived cluster already has."""
    from copydesk import pipeline, writers  # noqa: F401
    from copydesk.writers import markdown  # noqa: F401


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=dataset.DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N article pages")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare")
    ap.add_argument("--no-warc", action="store_true", help="skip the WARC runs")
    args = ap.parse_args()
    from distributed import Client, LocalCluster

    pages, _ = dataset.load_pages(args.data, "articles", args.limit)
    n = len(pages)
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
        root = Path(tmp)
        copy_pages(pages, root / "pages")
        if not args.no_warc:
            build_warc(pages, root / "warc" / "dev.warc.gz")
        span = max(20, 2 * n // 16)  # ~8 spans per worker pair: balanced, few round trips
        print(f"{n} dev article pages; WARC spans of {span} records\n{dataset.CREDIT}")
        for workers in (int(w) for w in args.workers.split(",")):
            print(f"\n{workers} worker(s):")
            base = timed("local pool, pages", n,
                         lambda: local_pool(root / "pages", root / f"l{workers}", workers))
            start = time.perf_counter()
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None)
            client = Client(cluster)
            client.run(warm_up)
            print(f"  {'(cluster start-up)':<28} {time.perf_counter() - start:7.2f} s")
            try:
                dask = timed("dask, pages", n,
                             lambda: on_dask(client, root / "pages", root / f"d{workers}", span))
                print(f"  {'dask overhead vs local pool':<28} {100 * (dask / base - 1):+6.1f} %")
                if not args.no_warc:
                    timed("dask, one WARC.gz in spans", n,
                          lambda: on_dask(client, root / "warc", root / f"w{workers}", span))
            finally:
                client.close()
                cluster.close()


if __name__ == "__main__":
    main()
