"""cli: every option, exit code and error message, through click's CliRunner."""
from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from copydesk import batch, pipeline
from copydesk.cli import main
from copydesk.errors import ExitCode

PROSE = "This is paragraph {} of an article, with enough words in it to be read as prose."
PAGE = ("<html><head><title>T</title></head><body><article><h1>Headline</h1>"
        + "".join(f"<p>{PROSE.format(i)}</p>" for i in range(6)) + "</article></body></html>")
EMPTY = "<html><body><script>x()</script></body></html>"


def cli(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    return path


@pytest.fixture
def folder(tmp_path) -> Path:
    for rel in ["a/b.html.gz", "a/c.htm", "d.xhtml", "e.shtml", "f.txt", "g.html"]:
        path = tmp_path / "saved" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = (PROSE.format(1) + "\n\n" + PROSE.format(2)) if rel.endswith(".txt") else PAGE
        path.write_bytes(gzip.compress(data.encode()) if rel.endswith(".gz") else data.encode())
    return tmp_path / "saved"


def test_exit_codes_are_one_named_enum():
    assert [(c.name, int(c)) for c in ExitCode] == [("OK", 0), ("FAILED", 1), ("USAGE", 2),
                                                   ("INTERRUPTED", 130)]


# -- one page ---------------------------------------------------------------------------------

def test_markdown_by_default(page):
    result = cli(page)
    assert result.exit_code == 0
    assert result.stdout.startswith("# Headline\n") and PROSE.format(5) in result.stdout


def test_json_is_one_object(page):
    result = cli("-f", "json", page)
    data = json.loads(result.stdout)
    assert data["headline"] == "Headline" and PROSE.format(0) in data["text"]


def test_text(page):
    result = cli("-f", "text", page)
    assert result.exit_code == 0 and "#" not in result.stdout and PROSE.format(3) in result.stdout


def test_front_matter(page):
    result = cli("--front-matter", page)
    assert result.stdout.startswith("---\n") and "Headline" in result.stdout.split("---")[1]


@pytest.mark.parametrize("args", [(), ("-",)])
def test_stdin(args):
    result = cli(*args, input=PAGE)
    assert result.exit_code == 0 and "# Headline" in result.stdout


def test_gzipped_stdin():
    result = cli("-", input=gzip.compress(PAGE.encode()))
    assert result.exit_code == 0 and "# Headline" in result.stdout


def test_html_gz_file(tmp_path):
    path = tmp_path / "p.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-16")))
    assert "# Headline" in cli(path).stdout


def test_encoding_override(tmp_path):
    path = tmp_path / "p.html"
    lying = '<meta charset="utf-8">' + PAGE.replace("Headline", "Café")
    path.write_bytes(lying.encode("cp1252"))
    assert "# Café" in cli("--encoding", "cp1252", path).stdout


def test_unknown_encoding_is_one_line(page):
    result = cli("--encoding", "klingon", page)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {page}: unknown encoding 'klingon'\n"


def test_url_is_used_when_the_page_names_none(page):
    result = cli("-f", "json", "--url", "https://example.com/news/1", page)
    assert json.loads(result.stdout)["url"] == "https://example.com/news/1"


def test_input_format_text(page):
    result = cli("--input-format", "text", "-f", "text", page)
    assert result.exit_code == 0 and "<p>" in result.stdout


def test_output_file_and_folder(tmp_path, page):
    assert cli(page, "-o", tmp_path / "x.md").exit_code == 0
    assert (tmp_path / "x.md").read_text().startswith("# Headline")
    (tmp_path / "o").mkdir()
    assert cli("-f", "json", page, "-o", tmp_path / "o").exit_code == 0
    assert json.loads((tmp_path / "o" / "page.json").read_text())["headline"] == "Headline"


@pytest.mark.parametrize("content, reason", [
    (b"", "empty input"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (a PNG image), not a page"),
    (gzip.compress(PAGE.encode())[:40], "truncated or corrupt gzip data"),
    (EMPTY.encode(), "no article text found"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path, content, reason):
    path = tmp_path / "bad.html.gz"
    path.write_bytes(content)
    result = cli(path)
    assert result.exit_code == ExitCode.FAILED
    assert result.stderr == f"Error: {path}: {reason}\n" and result.stdout == ""


def test_missing_file(tmp_path):
    result = cli(tmp_path / "nope.html")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope.html'}: no such file\n"


def test_empty_stdin():
    result = cli("-", input="")
    assert result.exit_code == 1 and result.stderr == "Error: -: empty input\n"


def test_timeout_in_single_mode(page, monkeypatch):
    def forever(*args, **kwargs):
        while True:
            pass

    monkeypatch.setattr(pipeline, "run", forever)
    result = cli("--timeout", "0.3", page)
    assert result.exit_code == 1 and result.stderr == f"Error: {page}: took longer than 0.3 s\n"


def boom(*args, **kwargs):
    raise RuntimeError("a bug")


def test_no_traceback_by_default(page, monkeypatch):
    monkeypatch.setattr(pipeline, "run", boom)
    result = cli(page)
    assert result.exit_code == 1
    assert result.stderr == "Error: unexpected RuntimeError: a bug\n"


def test_debug_shows_the_traceback(page, monkeypatch):
    monkeypatch.setattr(pipeline, "run", boom)
    result = cli("--debug", page)
    assert isinstance(result.exception, RuntimeError)
    assert cli("--traceback", page).exception is not None


def test_explain_lists_dropped_text_on_stderr(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(PAGE.replace("</article>", "<p>Share this article</p></article>"))
    result = cli("--explain", path)
    assert result.exit_code == 0 and "Share this" not in result.stdout


def test_keep_dateline():
    page = ("<html><body><article><h1>Headline</h1><p>WASHINGTON (AP) — The senate voted on "
            f"Tuesday to pass a bill.</p><p>{PROSE.format(2)}</p></article></body></html>")
    assert "WASHINGTON (AP) — The senate" not in cli("-f", "text", "-", input=page).stdout
    kept = cli("-f", "text", "--keep-dateline", "-", input=page).stdout
    assert "WASHINGTON (AP) — The senate" in kept


def test_version():
    result = cli("--version")
    assert result.exit_code == 0 and ", version " in result.stdout


def test_list_rules_and_keep(page):
    rules = cli("--list-rules").stdout.split()
    assert rules and cli("--keep", rules[0], page).exit_code == 0


# -- usage errors -----------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ("--bogus",), ("-f", "pdf", "x.html"), ("--keep", "no-such-rule", "x.html"), ("-j", "0", "x"),
])
def test_usage_errors_exit_2(args):
    assert cli(*args).exit_code == ExitCode.USAGE


def test_a_folder_as_markdown_without_o_is_a_usage_error(folder):
    result = cli(folder)
    assert result.exit_code == 2 and "need -o FOLDER" in result.stderr


def test_batch_into_an_existing_file_is_a_usage_error(folder, tmp_path):
    (tmp_path / "file.md").write_text("x")
    assert cli(folder, "-o", tmp_path / "file.md").exit_code == 2


def test_no_input_on_a_terminal_is_a_usage_error(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("copydesk.cli.sys.stdin", Tty())
    runner = CliRunner()
    with monkeypatch.context() as m:
        m.setattr(runner, "isolation", _keep_stdin(runner.isolation))
        result = runner.invoke(main, [])
    assert result.exit_code == 2 and "no input" in result.output


def _keep_stdin(isolation):
    """CliRunner swaps sys.stdin for a pipe; put the fake terminal back inside the run."""
    from contextlib import contextmanager

    tty = sys.stdin

    @contextmanager
    def wrapped(*args, **kwargs):
        with isolation(*args, **kwargs) as streams:
            sys.stdin = tty
            yield streams

    return wrapped


def test_help_documents_the_exit_codes():
    result = cli("--help")
    assert result.exit_code == 0
    for code in ("0 ", "1 ", "2 ", "130"):
        assert f"\n    {code}" in result.stdout


# -- folders ----------------------------------------------------------------------------------

def test_folder_mirrors_paths_and_formats(folder, tmp_path):
    out = tmp_path / "out"
    result = cli(folder, "-o", out, "-j", "2")
    assert result.exit_code == 0, result.stderr
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert made == ["a/b.md", "a/c.md", "d.md", "e.md", "f.md", "g.md"]
    assert result.stderr.strip().splitlines()[-1].startswith("6 pages: 6 converted, 0 up to date, "
                                                              "0 failed")


@pytest.mark.parametrize("fmt, ext", [("json", "json"), ("text", "txt")])
def test_folder_extension_matches_the_format(folder, tmp_path, fmt, ext):
    cli(folder, "-o", tmp_path / "out", "-f", fmt, "-j", "1")
    assert {p.suffix for p in (tmp_path / "out").rglob("*.*")} == {f".{ext}"}


def test_rerun_skips_up_to_date_pages_unless_forced(folder, tmp_path):
    out = tmp_path / "out"
    cli(folder, "-o", out, "-j", "1")
    again = cli(folder, "-o", out, "-j", "1")
    assert "0 converted, 6 up to date" in again.stderr and again.exit_code == 0
    forced = cli(folder, "-o", out, "-j", "1", "--force")
    assert "6 converted, 0 up to date" in forced.stderr


def test_one_bad_page_never_stops_the_batch(folder, tmp_path):
    (folder / "bad.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "empty.html").write_text(EMPTY)
    result = cli(folder, "-o", tmp_path / "out", "-j", "2")
    assert result.exit_code == 1
    assert f"Error: {folder / 'bad.html'}: binary file (a PNG image), not a page" in result.stderr
    assert f"Error: {folder / 'empty.html'}: no article text found" in result.stderr
    assert "8 pages: 6 converted, 0 up to date, 2 failed" in result.stderr


def test_clashing_outputs_are_reported_not_overwritten(folder, tmp_path):
    (folder / "g.htm").write_text(PAGE.replace("Headline", "Other"))
    result = cli(folder, "-o", tmp_path / "out", "-j", "1")
    # g.htm sorts first and claims out/g.md; g.html is named and its output never written.
    assert result.exit_code == 1
    assert f"Error: {folder / 'g.html'}: would overwrite {tmp_path / 'out' / 'g.md'}" in \
        result.stderr
    assert (tmp_path / "out" / "g.md").read_text().startswith("# Other")


def test_report_manifest(folder, tmp_path):
    (folder / "bad.html").write_text("")
    report = tmp_path / "report.jsonl"
    cli(folder, "-o", tmp_path / "out", "-j", "2", "--report", report)
    rows = [json.loads(line) for line in report.read_text().splitlines()]
    assert len(rows) == 7 and set(rows[0]) == {"path", "status", "reason", "seconds", "output"}
    bad = next(r for r in rows if r["path"].endswith("bad.html"))
    assert (bad["status"], bad["reason"]) == ("failed", "empty input")


def test_json_lines_on_stdout_stay_valid_when_pages_fail(folder):
    (folder / "bad.html").write_bytes(b"%PDF-1.4\n\x00\x01")
    result = cli(folder, "-f", "json", "-j", "2")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 6 and all(r["headline"] or r["text"] for r in rows)
    assert result.exit_code == 1 and "bad.html" in result.stderr


def test_output_folder_named_with_a_trailing_slash(page, tmp_path):
    assert cli(page, "-o", f"{tmp_path / 'new'}/").exit_code == 0
    assert (tmp_path / "new" / "page.md").read_text().startswith("# Headline")
    assert cli("-o", f"{tmp_path / 'new'}/", "-f", "text", "-", input=PAGE).exit_code == 0
    assert (tmp_path / "new" / "stdin.txt").exists()


def test_an_error_about_an_odd_file_name_stays_one_line(folder, tmp_path):
    (folder / "two\nlines.html").write_text("")
    result = cli(folder, "-o", tmp_path / "out", "-j", "1")
    assert f"Error: {folder}/two\\nlines.html: empty input\n" in result.stderr


def test_several_files_and_a_missing_one(folder, tmp_path):
    result = cli(folder / "g.html", tmp_path / "nope.html", "-o", tmp_path / "out")
    assert result.exit_code == 1 and "nope.html: no such file" in result.stderr
    assert (tmp_path / "out" / "g.md").exists()


def test_timeout_in_a_batch(folder, tmp_path, monkeypatch):
    def slow(path, settings):
        while "g.html" in str(path):
            pass
        return "ok\n"

    monkeypatch.setattr(batch, "render_page", slow)
    result = cli(folder, "-o", tmp_path / "out", "-j", "1", "--timeout", "0.3")
    assert result.exit_code == 1 and f"{folder / 'g.html'}: took longer than 0.3 s" in result.stderr


def test_progress_bar_only_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        bar = batch.Progress(2, stream)
        bar.step()
        bar.step()
        bar.close()
    assert "2/2 pages" in tty.getvalue() and pipe.getvalue() == ""


# -- the library stays light ------------------------------------------------------------------

def test_import_copydesk_loads_neither_click_nor_bs4():
    code = "import sys, copydesk; print(sorted({'click', 'bs4'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_import_copydesk_loads_no_mail_or_network_modules():
    """email.utils (for RFC 2822 dates) drags in socket and more: it loads on first use."""
    code = "import sys, copydesk; print(sorted({'email.utils', 'socket'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_python_m_copydesk(page):
    out = subprocess.run([sys.executable, "-m", "copydesk", "-f", "text", str(page)],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "Headline" in out.stdout
    usage = subprocess.run([sys.executable, "-m", "copydesk", "--help"], capture_output=True,
                           text=True).stdout
    assert usage.startswith("Usage: copydesk ")
