"""Folders of saved pages: discovery, output names, parallel workers, atomic writes, resume,
per-page time limit, progress and the error manifest. No heuristics live here.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO

from .errors import CopydeskError, InputError, NoContentError, PageTimeout
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
    timeout: float = 10.0


@dataclass(frozen=True, slots=True)
class Job:
    path: Path
    output: Path | None


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
        return data


# -- planning ---------------------------------------------------------------------------------

def is_page(path: Path) -> bool:
    return path.name.lower().endswith(PAGE_SUFFIXES)


def page_stem(name: str) -> str:
    lower = name.lower()
    for suffix in PAGE_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def discover(root: Path) -> Iterator[Path]:
    """Every page under root, in a stable order; symlinked folders are not followed (no loops)."""
    for folder, dirs, files in os.walk(root, onerror=_walk_error):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if is_page(path):
                yield path


def _walk_error(exc: OSError) -> None:
    print(f"Error: {exc.filename}: {exc.strerror or 'cannot read folder'}", file=sys.stderr)


def output_for(path: Path, root: Path, out_dir: Path, ext: str) -> Path:
    """``root/a/b.html.gz`` → ``out_dir/a/b.<ext>``; never a path outside out_dir."""
    rel = path.relative_to(root) if path != root else Path(path.name)
    parts = [p for p in rel.parts[:-1] if p not in ("", ".", "..")]
    target = out_dir.joinpath(*parts, page_stem(rel.name) + "." + ext)
    return target


def plan(inputs: Iterable[Path], out_dir: Path | None, ext: str) -> tuple[list[Job], list[str]]:
    """Jobs for every page of every input; outputs two inputs would share are refused."""
    jobs: list[Job] = []
    seen: dict[Path, Path] = {}
    clashes: list[str] = []
    for item in inputs:
        pages = discover(item) if item.is_dir() else [item]
        root = item if item.is_dir() else item.parent
        for page in pages:
            out = output_for(page, root, out_dir, ext) if out_dir else None
            if out is not None and out in seen:
                clashes.append(f"{page}: would overwrite the output of {seen[out]} ({out})")
                continue
            if out is not None:
                seen[out] = page
            jobs.append(Job(page, out))
    return jobs, clashes


# -- one page ---------------------------------------------------------------------------------

def convert(job: Job, settings: Settings) -> Outcome:
    """Convert one page; every failure becomes an Outcome, never an exception."""
    start = time.perf_counter()
    name = str(job.path)
    try:
        if job.output and not settings.force and _up_to_date(job.path, job.output):
            return Outcome(name, "skipped", "output is newer than the page", 0.0, str(job.output))
        with _time_limit(settings.timeout):
            content = render_page(job.path, settings)
        if job.output:
            _check_inside(job.output, settings.out_dir)
            write_atomic(job.output, content)
            content = None
        return Outcome(name, "ok", None, time.perf_counter() - start,
                       str(job.output) if job.output else None, content)
    except PageTimeout:
        return Outcome(name, "timeout", f"took longer than {settings.timeout:g} s",
                       time.perf_counter() - start)
    except CopydeskError as exc:
        return Outcome(name, "failed", _reason(exc, name), time.perf_counter() - start)
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


def _reason(exc: Exception, name: str) -> str:
    text = str(exc)
    return text[len(name) + 2:] if text.startswith(name + ": ") else text


def _up_to_date(page: Path, output: Path) -> bool:
    try:
        return output.stat().st_mtime >= page.stat().st_mtime
    except OSError:
        return False


def _check_inside(output: Path, out_dir: Path | None) -> None:
    if out_dir is None:
        return
    output.parent.mkdir(parents=True, exist_ok=True)
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


class _time_limit:
    """SIGALRM-based limit: it interrupts the page's Python code wherever it is."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.usable = seconds > 0 and hasattr(signal, "setitimer")

    def __enter__(self) -> None:
        if self.usable:
            try:
                self.previous = signal.signal(signal.SIGALRM, _on_alarm)
            except ValueError:  # not the main thread: no alarm there
                self.usable = False
                return
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)


def _on_alarm(signum: int, frame: object) -> None:
    raise PageTimeout("page took too long")


# -- many pages -------------------------------------------------------------------------------

def run(jobs: list[Job], settings: Settings, workers: int,
        on_outcome: Callable[[Outcome], None]) -> Counter:
    """Convert every job, in order, calling on_outcome for each as it completes."""
    counts: Counter = Counter()
    for outcome in _outcomes(jobs, settings, workers):
        counts[outcome.status] += 1
        on_outcome(outcome)
    return counts


def _outcomes(jobs: list[Job], settings: Settings, workers: int) -> Iterator[Outcome]:
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield convert(job, settings)
        return
    chunk = max(1, min(32, len(jobs) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
        try:
            yield from pool.map(convert, jobs, [settings] * len(jobs), chunksize=chunk)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _worker_init() -> None:
    # The parent handles Ctrl-C; workers just stop when the pool is shut down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
            filled = width * self.done // self.total
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] "
                              f"{self.done}/{self.total} pages")
            self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def manifest_line(outcome: Outcome) -> str:
    return json.dumps(outcome.record(), ensure_ascii=False)
