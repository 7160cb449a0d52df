"""batch: output names, never outside -o, atomic writes, resume, time limits, the worker pool."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import deny_folder

from copydesk import batch
from copydesk.batch import Job, Outcome, Settings, convert, output_for, plan
from copydesk.errors import PageTimeout
from copydesk.options import Options

ROOT = Path(__file__).resolve().parents[1]
PROSE = "This is paragraph {} of an article, with enough words in it to be read as prose."
PAGE = ("<html><head><title>T</title></head><body><article><h1>Headline</h1>"
        + "".join(f"<p>{PROSE.format(i)}</p>" for i in range(6)) + "</article></body></html>")


def settings(out: Path | None = None, **kw) -> Settings:
    return Settings(options=Options(), out_dir=out, **kw)


def pages(folder: Path, names: list[str]) -> list[Path]:
    paths = []
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE)
        paths.append(path)
    return paths


def collect(jobs: list[Job], s: Settings, workers: int) -> tuple[Counter, list[Outcome]]:
    seen: list[Outcome] = []
    counts = batch.run(jobs, s, workers, seen.append)
    return counts, seen


# -- names ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, ext, want", [
    ("a/b.html.gz", "md", "a/b.md"), ("a/b.HTML", "json", "a/b.json"), ("c.xhtml", "txt", "c.txt"),
    ("d.shtml", "md", "d.md"), ("e.htm", "md", "e.md"), ("f.txt", "json", "f.json"),
    ("g.v2.html", "md", "g.v2.md"), ("..html", "md", "..md"),
])
def test_output_mirrors_the_input_path(tmp_path, name, ext, want):
    assert output_for(tmp_path / "in" / name, tmp_path / "in", tmp_path / "out", ext) == \
        tmp_path / "out" / want


def test_dot_dot_parts_never_leave_the_output_folder(tmp_path):
    out = output_for(Path("in/../../x/page.html"), Path("in"), tmp_path / "out", "md")
    assert out == tmp_path / "out" / "x" / "page.md"


def test_discovery_is_recursive_sorted_and_only_pages(tmp_path):
    pages(tmp_path, ["b.html", "a/z.htm", "a/y.html.gz", "c.shtml", "d.xhtml", "e.txt"])
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    found = [p.relative_to(tmp_path).as_posix() for p in batch.discover(tmp_path)]
    assert found == ["b.html", "c.shtml", "d.xhtml", "e.txt", "a/y.html.gz", "a/z.htm"]


def test_symlinked_folders_are_not_followed(tmp_path):
    pages(tmp_path, ["in/a.html"])
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in")
    assert list(batch.discover(tmp_path / "in")) == [tmp_path / "in" / "a.html"]


def test_plan_reports_clashes_instead_of_overwriting(tmp_path):
    pages(tmp_path, ["in/a.html", "in/a.htm", "in/b.html"])
    jobs, problems = plan([tmp_path / "in"], tmp_path / "out", "md")
    assert [j.path.name for j in jobs] == ["a.htm", "b.html"]
    assert len(problems) == 1 and problems[0].path.endswith("a.html")
    assert "would overwrite" in problems[0].reason and problems[0].status == "failed"


def test_plan_refuses_missing_inputs_and_stdin(tmp_path):
    _, problems = plan([tmp_path / "nope.html", Path("-")], tmp_path / "out", "md")
    assert [p.reason for p in problems] == ["no such file", "stdin cannot be part of a batch"]


def test_plan_skips_an_output_folder_inside_the_input(tmp_path):
    pages(tmp_path, ["in/a.html", "in/out/old.txt"])
    jobs, _ = plan([tmp_path / "in"], tmp_path / "in" / "out", "txt")
    assert [j.path.name for j in jobs] == ["a.html"]


def test_plan_names_folders_it_cannot_read(tmp_path, monkeypatch):
    pages(tmp_path, ["in/ok/a.html", "in/locked/b.html"])
    deny_folder(monkeypatch, "locked")
    jobs, problems = plan([tmp_path / "in"], tmp_path / "out", "md")
    assert [j.path.name for j in jobs] == ["a.html"]
    assert problems[0].path.endswith("locked") and "Permission denied" in problems[0].reason


# -- one page ---------------------------------------------------------------------------------

def test_nothing_is_written_through_a_symlink_out_of_the_output_folder(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "sub").symlink_to(tmp_path / "elsewhere")
    for page in pages(tmp_path, ["in/sub/a.html", "in/sub/deeper/b.html"]):
        job = Job(page, output_for(page, tmp_path / "in", tmp_path / "out", "md"))
        outcome = convert(job, settings(tmp_path / "out"))
        assert outcome.status == "failed" and "outside" in outcome.reason
    assert list((tmp_path / "elsewhere").iterdir()) == []


@pytest.mark.parametrize("name", ["-rf.html", "new\nline.html", "sp ace.html", "ü.html"])
def test_odd_file_names_land_inside_the_output_folder(tmp_path, name):
    page = pages(tmp_path / "in", [name])[0]
    out = tmp_path / "out"
    job = Job(page, output_for(page, tmp_path / "in", out, "md"))
    assert convert(job, settings(out)).status == "ok"
    assert [p.parent for p in out.rglob("*")] == [out]


def test_write_atomic_leaves_nothing_half_written(tmp_path, monkeypatch):
    target = tmp_path / "a.md"
    target.write_text("old and complete")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, text):
            self.handle.write(text[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    with pytest.raises(OSError):
        batch.write_atomic(target, "new content " * 100)
    assert target.read_text() == "old and complete"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_a_full_disk_is_a_failed_page_not_a_crash(tmp_path, monkeypatch):
    page = pages(tmp_path, ["a.html"])[0]

    def full(path, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(batch, "write_atomic", full)
    outcome = convert(Job(page, tmp_path / "out" / "a.md"), settings(tmp_path / "out"))
    assert outcome.status == "failed" and "No space left" in outcome.reason


def test_up_to_date_outputs_are_skipped_unless_forced(tmp_path):
    page = pages(tmp_path, ["a.html"])[0]
    job = Job(page, tmp_path / "out" / "a.md")
    assert convert(job, settings(tmp_path / "out")).status == "ok"
    assert convert(job, settings(tmp_path / "out")).status == "skipped"
    assert convert(job, settings(tmp_path / "out", force=True)).status == "ok"
    later = time.time() + 10
    os.utime(page, (later, later))  # the page changed after its output
    assert convert(job, settings(tmp_path / "out")).status == "ok"


def test_a_page_without_text_fails_with_a_reason(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><body><script>x()</script></body></html>")
    outcome = convert(Job(page, None), settings())
    assert (outcome.status, outcome.reason) == ("failed", "no article text found")


def test_manifest_line_is_json_without_content():
    line = batch.manifest_line(Outcome("a.html", "failed", "why", 0.123456, None, "body"))
    assert json.loads(line) == {"path": "a.html", "status": "failed", "reason": "why",
                                "seconds": 0.123, "output": None}


# -- time limits ------------------------------------------------------------------------------

def test_time_limit_stops_python_code():
    start = time.monotonic()
    with pytest.raises(PageTimeout, match="took longer than 0.2 s"):
        with batch.time_limit(0.2):
            while True:
                pass
    assert time.monotonic() - start < 5


def test_time_limit_cannot_be_swallowed_by_a_broad_except():
    with pytest.raises(PageTimeout):
        with batch.time_limit(0.2):
            for _ in range(100):
                try:
                    time.sleep(0.05)
                except Exception:  # what careless code in a step might do
                    pass


def test_time_limit_restores_the_previous_handler():
    before = signal.getsignal(signal.SIGALRM)
    with batch.time_limit(1):
        pass
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def slow_in_c(path: Path, s: Settings) -> str:
    """A page stuck where no alarm reaches (as in C code): SIGALRM blocked, then a long wait."""
    if "slow" in path.name:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    return f"{os.getpid()}\n"


def test_a_page_stuck_beyond_the_alarm_is_stopped_by_killing_its_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "render_page", slow_in_c)  # forked workers inherit it
    monkeypatch.setattr(batch, "hard_limit", lambda timeout: 0.5)
    paths = pages(tmp_path, ["a.html", "slow.html", "b.html", "c.html"])
    start = time.monotonic()
    counts, seen = collect([Job(p, None) for p in paths], settings(timeout=0.2), 1)
    assert time.monotonic() - start < 30
    assert counts == Counter(ok=3, timeout=1)
    stuck = next(o for o in seen if o.status == "timeout")
    assert stuck.path.endswith("slow.html") and "worker stopped" in stuck.reason


def crash_on_bad(path: Path, s: Settings) -> str:
    if "bad" in path.name:
        os.kill(os.getpid(), signal.SIGKILL)
    return f"{os.getpid()}\n"


def test_a_worker_that_dies_fails_its_page_only(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "render_page", crash_on_bad)
    paths = pages(tmp_path, ["a.html", "bad.html", "b.html", "c.html", "d.html"])
    counts, seen = collect([Job(p, None) for p in paths], settings(), 2)
    assert counts == Counter(ok=4, failed=1)
    dead = next(o for o in seen if o.status == "failed")
    assert dead.path.endswith("bad.html") and "signal 9" in dead.reason


def test_workers_retire_so_memory_stays_flat(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "render_page", crash_on_bad)
    monkeypatch.setattr(batch, "WORKER_PAGES", 3)
    monkeypatch.setattr(batch, "CHUNK_PAGES", 1)
    paths = pages(tmp_path, [f"p{i}.html" for i in range(12)])
    counts, seen = collect([Job(p, None) for p in paths], settings(), 1)
    assert counts == Counter(ok=12)
    pids = Counter(o.content for o in seen)
    assert len(pids) == 4 and set(pids.values()) == {3}


def test_every_page_is_converted_once_in_parallel(tmp_path):
    paths = pages(tmp_path / "in", [f"d{i % 3}/p{i}.html" for i in range(30)])
    jobs, _ = plan([tmp_path / "in"], tmp_path / "out", "md")
    counts, seen = collect(jobs, settings(tmp_path / "out"), 2)
    assert counts == Counter(ok=30)
    assert sorted(o.path for o in seen) == sorted(map(str, paths))
    assert len(list((tmp_path / "out").rglob("*.md"))) == 30


def test_an_interrupt_stops_the_workers_and_leaves_no_temp_files(tmp_path):
    pages(tmp_path / "in", [f"p{i}.html" for i in range(40)])
    jobs, _ = plan([tmp_path / "in"], tmp_path / "out", "md")

    def stop(outcome: Outcome) -> None:
        raise KeyboardInterrupt

    import multiprocessing

    with pytest.raises(KeyboardInterrupt):
        batch.run(jobs, settings(tmp_path / "out"), 2, stop)
    assert multiprocessing.active_children() == []
    assert not list((tmp_path / "out").glob(".copydesk-*"))


def test_an_interrupt_sweeps_temp_files_even_when_no_worker_was_killed(tmp_path):
    # A worker stopped between mkstemp and its guard exits cleanly but leaves its temp file:
    # stand that file in by hand; the interrupted run must remove it.
    pages(tmp_path / "in", [f"p{i}.html" for i in range(40)])
    (tmp_path / "out").mkdir()
    stray = tmp_path / "out" / ".copydesk-stray.tmp"
    stray.write_text("half")
    jobs, _ = plan([tmp_path / "in"], tmp_path / "out", "md")

    def stop(outcome: Outcome) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch.run(jobs, settings(tmp_path / "out"), 2, stop)
    assert not stray.exists()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_kill_ends_a_real_run_cleanly_with_130(tmp_path, sig):
    pages(tmp_path / "in", [f"p{i:03}.html" for i in range(400)])
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    # A shell's background job ignores SIGINT, and a child inherits that: the run must see the
    # Ctrl-C a terminal would send, whoever started the tests.
    proc = subprocess.Popen([sys.executable, "-m", "copydesk", str(tmp_path / "in"), "-o",
                             str(out), "-j", "2"], env=env, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not (out.exists() and any(out.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Interrupted." in err and "Traceback" not in err
    assert not list(out.glob(".copydesk-*"))
    for path in out.glob("*.md"):
        assert path.read_text().endswith("paragraph 5 of an article, with enough words in it "
                                         "to be read as prose.\n")


def test_sweep_after_a_killed_worker_removes_only_our_temporaries(tmp_path):
    from copydesk.batch import _sweep_temporaries

    (tmp_path / "a").mkdir()
    ours = tmp_path / "a" / ".copydesk-x1.tmp"
    theirs = tmp_path / "a" / ".other-x1.tmp"
    done = tmp_path / "a" / "page.md"
    for path in (ours, theirs, done):
        path.write_text("x")
    _sweep_temporaries(tmp_path)
    assert not ours.exists() and theirs.exists() and done.exists()
