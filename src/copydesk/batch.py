"""Folders of saved pages: discovery, output names, parallel workers, atomic writes, resume,
per-page time limit, progress and the error manifest. No heuristics live here.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import IO, Any

from .errors import CopydeskError, InputError, NoContentError, PageTimeout, reason
from .options import Options

# Longest first: "a.html.gz" loses ".html.gz", not just ".gz".
PAGE_SUFFIXES = (".html.gz", ".htm.gz", ".xhtml.gz", ".txt.gz", ".html", ".htm", ".xhtml",
                 ".shtml", ".txt")


@dataclass(frozen=True, slots=True)
class Settings:
    """What every worker needs to turn one page into one output."""

    options: Options
    fmt: str = "markdown"
    front_matter: bool = False
    out_dir: Path | None = None  # None: outputs come back to the caller (JSON Lines)
    force: bool = False
    timeout: float = 5.0


@dataclass(frozen=True, slots=True)
class Job:
    path: Path
    output: Path | None
    rel: str | None = None  # set for a container (WARC, MHTML): its path below the input


@dataclass(slots=True)
class Outcome:
    path: str
    status: str  # ok | skipped | failed | timeout
    reason: str | None = None
    seconds: float = 0.0
    output: str | None = None
    content: str | None = field(default=None, repr=False)  # only when out_dir is None

    def record(self) -> dict:
        data = asdict(self)
        data.pop("content")
        data["seconds"] = round(self.seconds, 3)
        return data


# -- planning ---------------------------------------------------------------------------------

def is_page(path: Path) -> bool:
    return path.name.lower().endswith(PAGE_SUFFIXES)


def is_input(path: Path) -> bool:
    """A saved page, or a container of pages (WARC, MHTML)."""
    from .archives import is_container

    return is_page(path) or is_container(path)


def page_stem(name: str) -> str:
    lower = name.lower()
    for suffix in PAGE_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def discover(root: Path, errors: list[Outcome] | None = None,
             skip: Path | None = None) -> Iterator[Path]:
    """Every page under root, in a stable order. Symlinked folders are not followed (no loops);
    folders that cannot be read land in errors; the resolved folder skip (our output) is left out.
    """
    def on_error(exc: OSError) -> None:
        if errors is not None:
            errors.append(Outcome(str(exc.filename), "failed",
                                  f"cannot read folder ({exc.strerror or exc})"))

    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs.sort()
        if skip is not None:
            dirs[:] = [d for d in dirs if (Path(folder) / d).resolve() != skip]
        for name in sorted(files):
            path = Path(folder) / name
            if is_input(path):
                yield path


def output_for(path: Path, root: Path, out_dir: Path, ext: str) -> Path:
    """``root/a/b.html.gz`` → ``out_dir/a/b.<ext>``; never a path outside out_dir."""
    rel = path.relative_to(root) if path != root else Path(path.name)
    parts = [p for p in rel.parts[:-1] if p not in ("", ".", "..")]
    return out_dir.joinpath(*parts, page_stem(rel.name) + "." + ext)


def plan(inputs: Iterable[Path], out_dir: Path | None,
         ext: str) -> tuple[list[Job], list[Outcome]]:
    """Jobs for every page of every input, and the inputs refused before any work: missing
    paths, stdin, unreadable folders, and pages whose output another page already claims."""
    jobs: list[Job] = []
    problems: list[Outcome] = []
    seen: dict[Path, Path] = {}
    skip = out_dir.resolve() if out_dir else None
    for item in inputs:
        if item == Path("-") or not (item.exists() or item.is_symlink()):
            reason = "stdin cannot be part of a batch" if item == Path("-") else "no such file"
            problems.append(Outcome(str(item), "failed", reason))
            continue
        pages = discover(item, problems, skip) if item.is_dir() else [item]
        root = item if item.is_dir() else item.parent
        for page in pages:
            if not is_page(page) and is_input(page):  # a container names its own outputs
                jobs.append(Job(page, None, page.relative_to(root).as_posix()))
                continue
            out = output_for(page, root, out_dir, ext) if out_dir else None
            if out is not None and out in seen:
                problems.append(Outcome(str(page), "failed",
                                        f"would overwrite {out}, the output of {seen[out]}"))
                continue
            if out is not None:
                seen[out] = page
            jobs.append(Job(page, out))
    return jobs, problems


# -- one page ---------------------------------------------------------------------------------

def convert_job(job: Job, settings: Settings) -> Iterator[Outcome]:
    """A page gives one Outcome; a container one per record, and one for what it skipped."""
    if job.rel is None:
        yield convert(job, settings)
        return
    from .archives import convert_container

    out_dir = str(settings.out_dir) if settings.out_dir else None
    yield from convert_container(str(job.path), job.rel, out_dir, settings)


def convert(job: Job, settings: Settings) -> Outcome:
    """Convert one page; every failure becomes an Outcome, never an exception."""
    start = time.perf_counter()
    name = str(job.path)
    try:
        if job.output and not settings.force and _up_to_date(job.path, job.output):
            return Outcome(name, "skipped", "output is newer than the page", 0.0, str(job.output))
        with time_limit(settings.timeout):
            content = render_page(job.path, settings)
        if job.output:
            _check_inside(job.output, settings.out_dir)
            write_atomic(job.output, content)
            content = None
        return Outcome(name, "ok", None, time.perf_counter() - start,
                       str(job.output) if job.output else None, content)
    except PageTimeout as exc:
        return Outcome(name, "timeout", str(exc), time.perf_counter() - start)
    except CopydeskError as exc:
        return Outcome(name, "failed", reason(exc, name), time.perf_counter() - start)
    except (OSError, RecursionError, MemoryError, ValueError) as exc:
        return Outcome(name, "failed", f"{type(exc).__name__}: {exc}",
                       time.perf_counter() - start)


def render_page(path: Path, settings: Settings) -> str:
    from .loading import read_source
    from .pipeline import extract
    from .writers import write

    article = extract(read_source(path), options=settings.options, source=str(path))
    if not article.text:
        raise NoContentError("no article text found")
    if settings.fmt == "json" and settings.out_dir is None:
        return write(article, "json", indent=None)
    return write(article, settings.fmt, front_matter=settings.front_matter)


def _up_to_date(page: Path, output: Path) -> bool:
    try:
        return output.stat().st_mtime >= page.stat().st_mtime
    except OSError:
        return False


def _check_inside(output: Path, out_dir: Path | None) -> None:
    """Refuse an output whose folder, symlinks followed, lies outside out_dir (checked before
    any folder is made, so not even an empty one appears outside)."""
    if out_dir is None:
        return
    if not output.parent.resolve().is_relative_to(out_dir.resolve()):
        raise InputError(f"{output}: would be written outside {out_dir}")


def write_atomic(path: Path, content: str) -> None:
    """Write to a temporary file beside the target and rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".copydesk-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class _Alarm(BaseException):
    """Raised by the alarm; a BaseException so no `except Exception` in a step can swallow it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise PageTimeout when the body outlives seconds (SIGALRM: interrupts Python code only;
    C code that never returns is the pool's job, which kills the worker)."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return
    try:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
    except ValueError:  # not the main thread: no alarm there
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Alarm:
        raise PageTimeout(f"took longer than {seconds:g} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _on_alarm(signum: int, frame: object) -> None:
    raise _Alarm


# -- many pages -------------------------------------------------------------------------------

_JOB_DONE = "job done"  # a worker's word that its current job (page or container) is finished
WORKER_PAGES = 400  # a worker retires after this many pages, so memory stays flat
CHUNK_PAGES = 16  # pages handed to a worker at once: fewer round trips, still balanced


def run(jobs: list[Job], settings: Settings, workers: int,
        on_outcome: Callable[[Outcome], None]) -> Counter:
    """Convert every job, calling on_outcome for each as it completes (not in input order).

    Pages run in worker processes, even with one worker, so a page that outlives its time
    limit inside C code (where the alarm cannot reach) is stopped by killing its worker.
    """
    counts: Counter = Counter()
    outcomes = _serial(jobs, settings) if len(jobs) <= 1 else _Pool(settings, workers).run(jobs)
    for outcome in outcomes:
        counts[outcome.status] += 1
        on_outcome(outcome)
    return counts


def _serial(jobs: list[Job], settings: Settings) -> Iterator[Outcome]:
    for job in jobs:
        yield from convert_job(job, settings)


def hard_limit(timeout: float) -> float | None:
    """When a worker is killed: well after its own alarm should have fired."""
    return timeout * 1.5 + 2.0 if timeout > 0 else None


@dataclass(slots=True)
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    pending: deque[Job] = field(default_factory=deque)
    since: float = 0.0  # when its current page started (its last message)
    done: int = 0


class _Pool:
    """Worker processes, each fed chunks of jobs through its own pipe."""

    def __init__(self, settings: Settings, size: int) -> None:
        self.settings, self.size = settings, max(1, size)
        self.limit = hard_limit(settings.timeout)
        method = "fork" if "fork" in mp.get_all_start_methods() else None
        self.ctx = mp.get_context(method)
        self.workers: list[_Worker] = []

    def run(self, jobs: list[Job]) -> Iterator[Outcome]:
        _preload()  # forked workers inherit the imported pipeline instead of importing it
        queue = deque(jobs)
        previous = _on_sigterm(_raise_interrupt)
        finished = False
        try:
            self.workers = [self._spawn() for _ in range(min(self.size, len(jobs)))]
            while queue or any(w.pending for w in self.workers):
                self._feed(queue)
                yield from self._collect(queue)
            finished = True
        finally:
            self._stop_all(interrupted=not finished)
            _on_sigterm(previous)

    def _spawn(self) -> _Worker:
        ours, theirs = self.ctx.Pipe()
        process = self.ctx.Process(target=_worker_main, args=(theirs, self.settings), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _feed(self, queue: deque[Job]) -> None:
        for index, worker in enumerate(self.workers):
            if worker.pending or not queue:
                continue
            if worker.done >= WORKER_PAGES:
                self._retire(worker)
                worker = self.workers[index] = self._spawn()
            size = max(1, min(CHUNK_PAGES, len(queue) // (self.size * 4)))
            chunk = [queue.popleft() for _ in range(min(size, len(queue)))]
            worker.pending.extend(chunk)
            worker.since = time.monotonic()
            worker.conn.send(chunk)

    def _collect(self, queue: deque[Job]) -> Iterator[Outcome]:
        busy = {w.conn: w for w in self.workers if w.pending}
        for conn in wait(list(busy), timeout=self._wait_time()):
            worker = busy[conn]
            try:
                message = conn.recv()
            except (EOFError, OSError):
                yield self._replace(worker, queue, "failed", self._death(worker))
                continue
            worker.since = time.monotonic()  # every message shows the worker is alive
            if message == _JOB_DONE:
                worker.pending.popleft()
                continue
            worker.done += 1
            yield message
        now = time.monotonic()
        for worker in [w for w in self.workers if w.pending]:
            if self.limit is not None and now - worker.since > self.limit:
                reason = f"took longer than {self.settings.timeout:g} s (worker stopped)"
                yield self._replace(worker, queue, "timeout", reason)

    def _wait_time(self) -> float | None:
        if self.limit is None:
            return None
        starts = [w.since for w in self.workers if w.pending]
        return max(0.05, min(starts) + self.limit - time.monotonic()) if starts else 0.05

    def _replace(self, worker: _Worker, queue: deque[Job], status: str, reason: str) -> Outcome:
        """The worker's current page failed with it: kill it, requeue the rest of its chunk."""
        job = worker.pending.popleft()
        seconds = time.monotonic() - worker.since
        queue.extendleft(reversed(worker.pending))
        worker.pending.clear()
        _kill(worker)
        self.workers[self.workers.index(worker)] = self._spawn()
        return Outcome(str(job.path), status, reason, seconds)

    @staticmethod
    def _death(worker: _Worker) -> str:
        worker.process.join(1.0)
        code = worker.process.exitcode
        return f"worker died (signal {-code})" if code and code < 0 else "worker died"

    def _retire(self, worker: _Worker) -> None:
        try:
            worker.conn.send(None)
        except OSError:
            pass
        worker.process.join(5.0)
        _kill(worker)

    def _stop_all(self, interrupted: bool) -> None:
        """Ask every worker to stop (SIGTERM lets a page being written remove its temp file;
        one stopped between creating that file and guarding it cannot, hence the sweep)."""
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.terminate()
        killed = False
        for worker in self.workers:
            worker.process.join(3.0)
            killed |= _kill(worker)
        self.workers = []
        if (killed or interrupted) and self.settings.out_dir is not None:
            _sweep_temporaries(self.settings.out_dir)


def _kill(worker: _Worker) -> bool:
    """Stop a worker for good; True when it had to be killed (it may have left a temp file)."""
    alive = worker.process.is_alive()
    if alive:
        worker.process.kill()
        worker.process.join(3.0)
    worker.conn.close()
    return alive


def _sweep_temporaries(out_dir: Path) -> None:
    """A worker killed mid-write cannot remove its temporary file: once every worker is
    stopped, remove ours (only our prefix) so an interrupted run leaves no partial file."""
    for tmp in out_dir.rglob(".copydesk-*.tmp"):
        try:
            tmp.unlink()
        except OSError:
            pass


def _worker_main(conn: Connection, settings: Settings) -> None:
    """A worker: chunks of jobs in, one Outcome per page out, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops us
    _on_sigterm(_exit_now)
    try:
        while (chunk := conn.recv()) is not None:
            for job in chunk:
                for outcome in convert_job(job, settings):
                    conn.send(outcome)
                conn.send(_JOB_DONE)
    except (EOFError, OSError, SystemExit):
        pass  # the parent is gone or told us to stop


def _preload() -> None:
    from . import pipeline, writers  # noqa: F401

    for fmt in ("markdown", "json", "text"):
        writers.writer(fmt)


def _on_sigterm(handler: Any) -> Any:
    try:
        return signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        return None


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _exit_now(signum: int, frame: object) -> None:
    raise SystemExit(1)


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, stream: IO[str] = sys.stderr) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.live = total > 1 and stream.isatty()
        self.last = 0.0

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.live and (now - self.last > 0.1 or self.done == self.total):
            self.last = now
            width = 30
            filled = width * min(self.done, self.total) // self.total
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] "
                              f"{self.done}/{self.total} pages")
            self.stream.flush()

    def clear(self) -> None:
        """Wipe the bar so a message can take the line; the next step draws it again."""
        if self.live:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
            self.last = 0.0

    close = clear


def manifest_line(outcome: Outcome) -> str:
    return json.dumps(outcome.record(), ensure_ascii=False)
