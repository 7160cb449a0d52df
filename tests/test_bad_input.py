"""Bad input, one test each: the best output, or one line naming the input and the reason with
exit 1, within bounded time, never a traceback, and never the batch taken down."""
from __future__ import annotations

import gzip
import os
import random
import time
from pathlib import Path

import pytest

from conftest import deny_folder
from click.testing import CliRunner

from copydesk.cli import main

ARTICLE = "<html><head><title>T</title></head><body><article><h1>Headline</h1>{}</article>" \
          "</body></html>"
PROSE = "This is paragraph {} of an article, with enough words in it to be read as prose."
HANG_CAP = 60.0  # seconds: only there to catch a hang; real runs take a fraction of it


def article(text: str = "", paragraphs: int = 6) -> str:
    body = "".join(f"<p>{PROSE.format(i)} {text}</p>" for i in range(paragraphs))
    return ARTICLE.format(body)


def declared(charset: str, page: str) -> str:
    return f'<meta charset="{charset}">' + page


def deep(levels: int) -> bytes:
    return (b"<html><body><p>" + PROSE.format(0).encode() + b"</p>" + b"<div>" * levels +
            b"deep" + b"</div>" * levels + b"</body></html>")


JA = "日本語の記事です。これはテストの段落で、十分な長さがあります。"
ZH = "这是一篇中文文章的段落，内容足够长，用于测试编码检测。"
EN = "café naïve façade “quoted” — dash"
random.seed(7)

# name → (bytes, expected): "ok" output with that text, "fail" one-line reason, "either".
CASES: dict[str, tuple[bytes, str, str]] = {
    "empty.html": (b"", "fail", "empty input"),
    "blank.html": (b" \n\t\r\n  ", "fail", "empty input"),
    "image.html": (b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "fail", "binary file"),
    "doc.html": (b"%PDF-1.5\n" + os.urandom(2000), "fail", "binary file"),
    "noise.html": (bytes(random.randrange(256) for _ in range(5000)), "fail", "binary file"),
    "nul.html": (article("a\x00b").encode(), "ok", "paragraph 5"),
    "bad-utf8.html": (declared("utf-8", article("café")).encode() + b"\xff\xfe<p>x</p>", "ok",
                      "café"),
    "latin1.html": (article("café naïve").encode("latin-1"), "ok", "café naïve"),
    "latin1-declared.html": (declared("iso-8859-1", article("café")).encode("latin-1"), "ok",
                             "café"),
    "cp1252.html": (article(EN).encode("cp1252"), "ok", EN),
    "cp1252-declared.html": (declared("windows-1252", article(EN)).encode("cp1252"), "ok", EN),
    "sjis.html": (article(JA).encode("shift_jis"), "ok", JA),
    "sjis-declared.html": (declared("shift_jis", article(JA)).encode("shift_jis"), "ok", JA),
    "gb.html": (article(ZH).encode("gb18030"), "ok", ZH),
    "gb-declared.html": (declared("gb18030", article(ZH)).encode("gb18030"), "ok", ZH),
    "utf16-bom.html": (article(EN).encode("utf-16"), "ok", EN),
    "utf16-bare.html": (article(EN).encode("utf-16-le"), "ok", EN),
    "utf16-declared.html": (declared("utf-16", article(EN)).encode("utf-16-le"), "ok", EN),
    "truncated.html.gz": (gzip.compress(article().encode())[:80], "fail", "truncated or corrupt"),
    "fake.html.gz": (b"\x1f\x8b\x08 not really gzip", "fail", "truncated or corrupt"),
    "scripts.html": (b"<html><head>" + b"<script>var a = 1;</script>" * 2000 +
                     b"</head><body><script>run()</script></body></html>", "fail",
                     "no article text found"),
    "feed.html": (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item>'
                  b"<title>One</title><description>" + PROSE.format(1).encode() +
                  b"</description></item></channel></rss>", "either", "Feed"),
    "data.html": (b'{"title": "Hello", "body": "not a page", "items": [1, 2, 3]}', "either", ""),
    "xxe.html": (b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY f SYSTEM "file:///etc/passwd">'
                 b'<!ENTITY n SYSTEM "http://127.0.0.1:9/">]>' + article("&f; &n;").encode(),
                 "ok", "paragraph 5"),
    "xinclude.html": (b'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><article>'
                      + "".join(f"<p>{PROSE.format(i)}</p>" for i in range(5)).encode() +
                      b'<xi:include href="/etc/passwd" parse="text"/></article></body></html>',
                      "ok", "paragraph 4"),
    "nested.html": (deep(200_000), "either", "paragraph 0"),
}


def run(*args: str) -> tuple:
    start = time.monotonic()
    result = CliRunner().invoke(main, list(args))
    return result, time.monotonic() - start


def assert_one_line_error(result, name: str, reason: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {name}: "), result.stderr
    assert reason in lines[0]
    assert "Traceback" not in result.output and result.stdout == ""


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(tmp_path, name):
    data, expected, needle = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    result, seconds = run("-f", "text", str(path))
    assert seconds < HANG_CAP
    assert "Traceback" not in result.output
    if expected == "fail" or (expected == "either" and result.exit_code):
        assert_one_line_error(result, str(path), "" if expected == "either" else needle)
    else:
        assert result.exit_code == 0, result.stderr
        assert needle in result.stdout


def test_external_references_are_never_read(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY s SYSTEM "file://{secret}">]>'
            f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><article>'
            f'{"".join(f"<p>{PROSE.format(i)} &s;</p>" for i in range(5))}'
            f'<xi:include href="{secret}" parse="text"/></article></body></html>')
    path = tmp_path / "page.html"
    path.write_text(page)
    result, _ = run("-f", "json", str(path))
    assert result.exit_code == 0 and "TOP-SECRET-VALUE" not in result.output


def test_a_10_mb_page_gives_output_or_a_timeout(tmp_path):
    path = tmp_path / "big.html"
    para = "".join(f"<p>{PROSE.format(i)}</p>" for i in range(20)).encode()
    path.write_bytes(b"<html><body><article>" + para * (10 * 2**20 // len(para) + 1) +
                     b"</article></body></html>")
    result, seconds = run("--timeout", "2", "-f", "text", str(path))
    assert seconds < HANG_CAP
    if result.exit_code:
        assert_one_line_error(result, str(path), "took longer than 2 s")
    else:
        assert "paragraph 19" in result.stdout


def test_a_million_siblings_give_output_or_a_timeout(tmp_path):
    path = tmp_path / "wide.html"
    path.write_bytes(b"<html><body>" + b"<span>x</span>" * 1_000_000 + b"</body></html>")
    result, seconds = run("--timeout", "2", "-f", "text", str(path))
    assert seconds < HANG_CAP
    if result.exit_code:
        assert_one_line_error(result, str(path), "took longer than 2 s")


def test_missing_path(tmp_path):
    result, _ = run(str(tmp_path / "nope.html"))
    assert_one_line_error(result, str(tmp_path / "nope.html"), "no such file")


def test_symlink_loop(tmp_path):
    (tmp_path / "a.html").symlink_to(tmp_path / "b.html")
    (tmp_path / "b.html").symlink_to(tmp_path / "a.html")
    result, _ = run(str(tmp_path / "a.html"))
    assert_one_line_error(result, str(tmp_path / "a.html"), "cannot read")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file: see the simulated test")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.html"
    path.write_text(article())
    path.chmod(0)
    result, _ = run(str(path))
    assert_one_line_error(result, str(path), "permission denied")


def test_unreadable_folder_in_a_batch_simulated(tmp_path, monkeypatch):
    # Root reads any folder, so the refusal is simulated where os.walk lists folders.
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "good.html").write_text(article())
    deny_folder(monkeypatch, "locked")
    result, _ = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'in' / 'locked'}: cannot read folder" in result.stderr
    assert (tmp_path / "out" / "good.md").exists()


def test_every_bad_input_in_one_batch(tmp_path):
    """The whole zoo in one folder: each bad page is named, the good ones are written."""
    src = tmp_path / "in"
    src.mkdir()
    for name, (data, _, _) in CASES.items():
        (src / name).write_bytes(data)
    (src / "loop.html").symlink_to(src / "loop.html")
    report = tmp_path / "report.jsonl"
    result, seconds = run(str(src), "-o", str(tmp_path / "out"), "-j", "2",
                          "--report", str(report))
    assert seconds < HANG_CAP and result.exit_code == 1
    assert "Traceback" not in result.output
    failing = {n for n, (_, e, _) in CASES.items() if e == "fail"} | {"loop.html"}
    for name in failing:
        assert f"Error: {src / name}: " in result.stderr
    for name in (n for n, (_, e, _) in CASES.items() if e == "ok"):
        stem = name.removesuffix(".html")
        assert (tmp_path / "out" / f"{stem}.md").exists(), name
    assert len(report.read_text().splitlines()) == len(CASES) + 1
