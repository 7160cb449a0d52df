"""Batch on a Dask distributed cluster: the same pages, outputs, resume and manifest as the local
batch, with the work spread over machines.

The client only lists the inputs and submits tasks; workers read the pages, write the outputs
themselves (local folder, shared mount or any fsspec URL such as s3://) and send back Outcome
records for the manifest. Work is cut by file: a few pages per task, one task per container,
and record spans for large WARC files. A task lost with a dead worker is redone by Dask; what it
wrote is kept, and resume skips it. The only connections are to the scheduler and the storage
the user named: nothing a page contains is ever fetched.

Dask and fsspec are an optional extra: ``pip install 'copydesk[dask]'``.
"""
from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from . import archives
from .batch import Outcome, Settings, is_page, page_stem, write_atomic
from .errors import CopydeskError, InputError
from .writers import FORMATS

EXTRA_HINT = "the Dask batch needs dask and fsspec: pip install 'copydesk[dask]'"
PAGES_PER_TASK = 16  # enough work per task to hide Dask's per-task cost, few enough to balance
SPAN_BYTES = 64 * 2**20  # WARC files larger than this are cut into record spans
SPAN_RECORDS = 300  # records per span (requests and responses alternate: ~150 pages)
WINDOW_PER_THREAD = 4  # tasks in flight per worker thread: busy workers, bounded client memory


# -- storage ----------------------------------------------------------------------------------

class FsStore:
    """Any fsspec location. Locally: write to a temporary file and rename; on an object store
    one upload is the atomic write (nobody ever sees part of an object)."""

    def mtime(self, path: str) -> float | None:
        fs, inner = _fs(path)
        try:
            return fs.modified(inner).timestamp()
        except FileNotFoundError:
            return None
        except (NotImplementedError, OSError):  # a store that keeps no times: existence counts
            return 0.0 if _exists(fs, inner) else None

    def write(self, path: str, text: str) -> None:
        fs, inner = _fs(path)
        if _is_local(fs):
            write_atomic(Path(inner), text)
        else:
            fs.pipe_file(inner, text.encode("utf-8"))

    def read(self, path: str) -> bytes:
        from .loading import input_errors, read_stream

        fs, inner = _fs(path)
        with input_errors(path), fs.open(inner, "rb") as handle:
            return read_stream(handle, path)


def _fs(url: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError(EXTRA_HINT) from None
    return url_to_fs(url)


def _is_local(fs: Any) -> bool:
    protocols = fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)
    return "file" in protocols


def _exists(fs: Any, inner: str) -> bool:
    try:
        return bool(fs.exists(inner))
    except OSError:
        return False


# -- planning (on the client: listing only) ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class Task:
    """One unit of work: a few pages, a container, a WARC to cut into spans, or one span."""

    kind: str  # pages | container | index | span
    sources: tuple[str, ...]
    outputs: tuple[str | None, ...] = ()
    rel: str = ""  # a container's path below its input folder (its outputs mirror it)
    span: archives.Span | None = None
    every: int = SPAN_RECORDS  # records per span, for an index task


def plan(inputs: Iterable[str], out: str | None, ext: str, span_bytes: int = SPAN_BYTES,
         span_records: int = SPAN_RECORDS) -> tuple[list[Task], list[Outcome]]:
    """Tasks for every page and container under the inputs, and a failed Outcome for each
    input that does not exist or page whose output another page already claims."""
    pages: list[tuple[str, str | None]] = []
    tasks: list[Task] = []
    refused: list[Outcome] = []
    claimed: dict[str, str] = {}
    for given in inputs:
        found = list(_discover(given, out))
        if not found and not _exists(*_fs(given)):
            refused.append(Outcome(given, "failed", "no such file"))
        for source, rel, size in found:
            if archives.is_container(rel):
                big = archives.container_kind(rel) == "warc" and size > span_bytes
                tasks.append(Task("index" if big else "container", (source,), rel=rel,
                                  every=span_records))
                continue
            output = _join(out, _page_output(rel, ext)) if out else None
            if output is not None and output in claimed:
                refused.append(Outcome(source, "failed", f"would overwrite {output}, the output "
                                                         f"of {claimed[output]}"))
                continue
            claimed[output or source] = source
            pages.append((source, output))
    for start in range(0, len(pages), PAGES_PER_TASK):
        chunk = pages[start:start + PAGES_PER_TASK]
        tasks.append(Task("pages", tuple(s for s, _ in chunk), tuple(o for _, o in chunk)))
    return tasks, refused


def _discover(given: str, out: str | None) -> Iterator[tuple[str, str, int]]:
    """(source URL, path below the input folder, size) of each page and container; like the
    local batch, an output folder inside the input folder is left out (our own outputs)."""
    fs, root = _fs(given)
    skip = _inside(fs, out)
    wanted = lambda name: is_page(Path(name)) or archives.is_container(name)  # noqa: E731
    if not fs.isdir(root):
        if fs.exists(root):
            yield given, PurePosixPath(root).name, fs.size(root) or 0
        return
    local = _is_local(fs)
    for path, info in sorted(fs.find(root, detail=True).items()):
        if not wanted(path) or (local and _through_symlink(root, path)) or \
                (skip and path.startswith(skip)):
            continue
        rel = PurePosixPath(path).relative_to(root).as_posix()
        # Named as the user named the folder, like the local batch (a page's JSON shows it).
        source = str(Path(given) / rel) if "://" not in given else _join(given, rel)
        yield source, rel, int(info.get("size") or 0)


def _inside(fs: Any, out: str | None) -> str | None:
    """The output folder's path prefix when it lives on the same filesystem as the input."""
    if not out:
        return None
    out_fs, inner = _fs(out)
    if type(out_fs) is not type(fs):
        return None
    return (str(Path(inner).resolve()) if _is_local(fs) else inner.rstrip("/")) + "/"


def _through_symlink(root: str, path: str) -> bool:
    """Like the local batch, do not follow symlinked folders (they can loop)."""
    parent = Path(path).parent
    while parent != Path(root) and parent != parent.parent:
        if parent.is_symlink():
            return True
        parent = parent.parent
    return False


def _page_output(rel: str, ext: str) -> str:
    parts = [p for p in rel.split("/") if p not in ("", ".", "..")]
    return "/".join(parts[:-1] + [page_stem(parts[-1]) + "." + ext])


def _join(base: str, rel: str) -> str:
    return base.rstrip("/") + "/" + rel


# -- on the workers ---------------------------------------------------------------------------

def work(task: Task, out: str | None, settings: Settings) -> list[Outcome] | list[archives.Span]:
    """Run one task on a worker: outputs are written here, Outcomes go back to the client."""
    store = FsStore()
    if task.kind == "pages":
        return [convert_page(s, o, settings, store) for s, o in zip(task.sources, task.outputs)]
    if task.kind == "index":
        try:
            return archives.warc_spans(task.sources[0], task.every)
        except CopydeskError as exc:
            return [Outcome(task.sources[0], "failed", str(exc))]
    return archives.convert_container(task.sources[0], task.rel, out, settings, store, task.span)


def convert_page(source: str, output: str | None, settings: Settings, store: FsStore) -> Outcome:
    """One page, as the local batch converts it, from and to any fsspec location."""
    since = None if settings.force or output is None else store.mtime(source)
    if output and since is not None and (store.mtime(output) or -1.0) >= since:
        return Outcome(source, "skipped", "output is newer than the page", 0.0, output)
    start = time.perf_counter()
    try:
        data = store.read(source)
    except CopydeskError as exc:
        return Outcome(source, "failed", archives.without_name(str(exc), source),
                       time.perf_counter() - start)
    item = archives.Item(0, source, None, data)
    return archives.convert_item(item, source, settings, output, store.write, source=source)


# -- the client -------------------------------------------------------------------------------

def run(inputs: Sequence[str], out: str | None, settings: Settings, scheduler: Any,
        on_outcome: Callable[[Outcome], None], span_bytes: int = SPAN_BYTES,
        span_records: int = SPAN_RECORDS, connect_timeout: float = 30.0) -> Counter:
    """Convert every page under inputs on the cluster at ``scheduler`` (an address or a
    dask ``Client``), calling on_outcome for each as it completes; counts by status.

    A container's records count as pages; its ``container`` Outcome says what else it held.
    """
    client, owned = _client(scheduler, connect_timeout)
    settings = replace(settings, out_dir=PurePosixPath(out) if out else None)  # a flag here
    counts: Counter = Counter()

    def report(outcome: Outcome) -> None:
        counts[outcome.status] += 1
        on_outcome(outcome)

    try:
        tasks, refused = plan(inputs, out, FORMATS[settings.fmt], span_bytes, span_records)
        for outcome in refused:
            report(outcome)
        _drive(client, deque(tasks), out, settings, report)
    finally:
        if owned:
            client.close()
    return counts


def _client(scheduler: Any, timeout: float) -> tuple[Any, bool]:
    try:
        from distributed import Client
    except ImportError:
        raise InputError(EXTRA_HINT) from None
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler, timeout=timeout), True
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None


def _drive(client: Any, queue: deque[Task], out: str | None, settings: Settings,
           report: Callable[[Outcome], None]) -> None:
    """Keep a bounded window of tasks in flight; index tasks add their spans to the queue."""
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    window = max(2, threads * WINDOW_PER_THREAD)
    running = as_completed([], with_results=False)
    tasks: dict[str, Task] = {}

    def submit() -> None:
        while queue and len(tasks) < window:
            task = queue.popleft()
            future = client.submit(work, task, out, settings, pure=False)
            tasks[future.key] = task
            running.add(future)

    submit()
    for future in running:
        task = tasks.pop(future.key)
        for result in _results(future, task):
            if isinstance(result, archives.Span):
                queue.appendleft(Task("span", task.sources, rel=task.rel, span=result))
            else:
                report(result)
        future.release()
        submit()


def _results(future: Any, task: Task) -> list:
    """The task's Outcomes; a task that failed as a whole (a worker killed again and again,
    a bug) becomes one failed Outcome per input it held, so nothing goes unaccounted."""
    try:
        return future.result()
    except Exception as exc:  # whatever the worker raised, reported per input, never lost
        reason = f"worker task failed ({type(exc).__name__}: {exc})"
        where = f"#records {task.span.start}+" if task.span else ""
        return [Outcome(source + where, "failed", reason) for source in task.sources]
