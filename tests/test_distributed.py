"""The Dask batch: same outputs, resume and manifest as the local batch, on a loopback cluster."""
from __future__ import annotations

import gzip
import io
import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from copydesk import archives, batch, distributed  # noqa: E402
from copydesk.batch import Outcome, Settings  # noqa: E402
from copydesk.errors import InputError  # noqa: E402
from copydesk.options import Options  # noqa: E402


def page(title: str) -> str:
    paras = "".join(f"<p>{title}, part {i}: the harbour board voted on Monday to dredge the "
                    "channel before winter, the fishermen's union said.</p>" for i in range(4))
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{paras}</article></body></html>")


def warc_of(n: int) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    for i in range(n):
        body = io.BytesIO(page(f"Record {i}").encode())
        writer.write_record(writer.create_warc_record(f"https://example.org/r/{i}", "response",
                                                      payload=body, http_headers=http))
    return buf.getvalue()


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None)
    with Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for i in range(5):
        (root / f"p{i}.html").write_text(page(f"Page {i}"), encoding="utf-8")
    (root / "sub" / "z.html.gz").write_bytes(gzip.compress(page("Zipped").encode()))
    (root / "sub" / "empty.html").write_text("<html><body></body></html>")
    (root / "notes.csv").write_text("not a page")
    return root


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file()}


def dask_run(client, inputs, out, settings, **kwargs) -> tuple[Counter, list[Outcome]]:
    seen: list[Outcome] = []
    counts = distributed.run([str(i) for i in inputs], str(out) if out else None, settings,
                             client, seen.append, **kwargs)
    return counts, seen


def test_outputs_and_manifest_match_the_local_batch(client, pages: Path, tmp_path: Path):
    settings = Settings(Options(), fmt="json")
    jobs, _ = batch.plan([pages], tmp_path / "local", "json")
    local: list[Outcome] = []
    batch.run(jobs, Settings(Options(), fmt="json", out_dir=tmp_path / "local"), 1,
              local.append)
    counts, seen = dask_run(client, [pages], tmp_path / "dask", settings)
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    assert counts == Counter({"ok": 6, "failed": 1})
    as_set = lambda outs: {(o.path, o.status, o.reason) for o in outs}  # noqa: E731
    assert as_set(seen) == as_set(local)


def test_a_second_run_resumes_and_force_redoes(client, pages: Path, tmp_path: Path):
    settings = Settings(Options())
    dask_run(client, [pages], tmp_path / "o", settings)
    counts, _ = dask_run(client, [pages], tmp_path / "o", settings)
    assert counts == Counter({"skipped": 6, "failed": 1})
    forced, _ = dask_run(client, [pages], tmp_path / "o", Settings(Options(), force=True))
    assert forced["ok"] == 6


def test_warc_cut_into_spans_gives_the_local_outputs(client, tmp_path: Path):
    src = tmp_path / "in" / "crawls" / "c1.warc.gz"
    src.parent.mkdir(parents=True)
    src.write_bytes(warc_of(7))
    local = archives.convert_container(str(src), "crawls/c1.warc.gz", str(tmp_path / "local"),
                                       Settings(Options()))
    counts, seen = dask_run(client, [tmp_path / "in"], tmp_path / "dask", Settings(Options()),
                            span_bytes=0, span_records=3)
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    assert len(tree(tmp_path / "dask")) == 7 and counts == Counter({"ok": 7})
    assert sorted(o.record()["record_id"] for o in seen) == sorted(
        o.record()["record_id"] for o in local)


def test_fsspec_urls_in_and_out(client, pages: Path, tmp_path: Path):
    counts, seen = dask_run(client, [f"file://{pages}/sub"], f"file://{tmp_path}/o",
                            Settings(Options()))
    assert counts == Counter({"ok": 1, "failed": 1})
    assert (tmp_path / "o" / "z.md").read_text().startswith("# Zipped")


def test_missing_inputs_and_clashing_outputs_are_reported(client, tmp_path: Path):
    (tmp_path / "a.html").write_text(page("A"))
    (tmp_path / "a.htm").write_text(page("A again"))
    counts, seen = dask_run(client, [tmp_path / "a.html", tmp_path / "a.htm",
                                     tmp_path / "gone"], tmp_path / "o", Settings(Options()))
    reasons = sorted(o.reason for o in seen if o.status == "failed")
    assert counts == Counter({"ok": 1, "failed": 2})
    assert reasons[0] == "no such file" and reasons[1].startswith("would overwrite")


def test_an_output_folder_inside_the_input_is_not_read_back(client, pages: Path):
    dask_run(client, [pages], pages / "out", Settings(Options(), fmt="text"))
    (pages / "out" / "stray.html").write_text(page("Stray"))
    counts, _ = dask_run(client, [pages], pages / "out", Settings(Options(), fmt="text"))
    assert counts == Counter({"skipped": 6, "failed": 1})


def test_an_empty_folder_is_not_missing(client, tmp_path: Path):
    (tmp_path / "empty").mkdir()
    assert dask_run(client, [tmp_path / "empty"], tmp_path / "o", Settings(Options()))[0] \
        == Counter()


def test_a_large_file_that_is_not_a_warc_fails_with_its_reason(client, tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "fake.warc").write_bytes(b"<html>not a crawl</html>" * 10)
    counts, seen = dask_run(client, [tmp_path / "in"], tmp_path / "o", Settings(Options()),
                            span_bytes=0)
    assert counts == Counter({"failed": 1}) and "not a readable WARC" in seen[0].reason


def test_json_lines_come_back_when_there_is_no_output_folder(client, pages: Path):
    counts, seen = dask_run(client, [pages / "p0.html"], None, Settings(Options(), fmt="json"))
    assert counts == Counter({"ok": 1})
    assert seen[0].content.startswith('{"headline": "Page 0"')


def test_a_task_that_fails_as_a_whole_accounts_for_each_input():
    class Lost:
        def result(self):
            raise RuntimeError("worker died 3 times")

    task = distributed.Task("pages", ("a.html", "b.html"), (None, None))
    outcomes = distributed._results(Lost(), task)
    assert [(o.path, o.status) for o in outcomes] == [("a.html", "failed"), ("b.html", "failed")]
    assert "worker died" in outcomes[0].reason


def test_unreachable_scheduler_is_a_one_line_error(tmp_path: Path):
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        distributed.run([str(tmp_path)], None, Settings(Options()), "tcp://127.0.0.1:9",
                        lambda o: None, connect_timeout=1)


def test_missing_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(InputError, match=r"copydesk\[dask\]"):
        distributed.run(["x"], None, Settings(Options()), "tcp://127.0.0.1:9", lambda o: None)


def test_a_worker_that_dies_mid_batch_has_its_share_redone(client, tmp_path: Path):
    root = tmp_path / "in"
    root.mkdir()
    for i in range(64):
        (root / f"p{i:02d}.html").write_text(page(f"Page {i}") * 3)
    victim = sorted(client.run(os.getpid).items())[0][1]
    done: list[Outcome] = []

    def kill_one_worker() -> None:  # SIGKILL once some pages are written: a real crash
        while not done:
            time.sleep(0.01)
        os.kill(victim, signal.SIGKILL)

    killer = threading.Thread(target=kill_one_worker)
    killer.start()
    counts = distributed.run([str(root)], str(tmp_path / "o"), Settings(Options()), client,
                             done.append)
    killer.join()
    assert victim not in client.run(os.getpid).values()
    assert counts["ok"] + counts["skipped"] == 64 and not counts["failed"]
    assert len(list((tmp_path / "o").glob("*.md"))) == 64


def test_the_cli_sends_a_batch_to_the_scheduler(client, pages: Path, tmp_path: Path):
    from click.testing import CliRunner

    from copydesk.cli import main

    out = tmp_path / "out-cli"
    result = CliRunner().invoke(main, [str(pages), "-o", str(out), "--scheduler",
                                       client.scheduler.address])
    local = tmp_path / "out-local"
    CliRunner().invoke(main, [str(pages), "-o", str(local), "-j", "1"])
    assert result.exit_code == 1  # empty.html holds no article, on both
    assert tree(out) == tree(local) and tree(out)
    from_env = tmp_path / "out-env"  # COPYDESK_SCHEDULER names the cluster as well as the option
    CliRunner().invoke(main, [str(pages), "-o", str(from_env)],
                       env={"COPYDESK_SCHEDULER": client.scheduler.address})
    assert tree(from_env) == tree(local)
