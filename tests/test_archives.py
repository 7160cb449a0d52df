"""WARC and MHTML containers: every HTML page inside becomes one article."""
from __future__ import annotations

import base64
import json
import gzip
import io
import quopri
import socket
import sys
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from copydesk import archives  # noqa: E402
from copydesk.archives import Span  # noqa: E402
from copydesk.batch import Settings  # noqa: E402
from copydesk.errors import InputError  # noqa: E402
from copydesk.options import Options  # noqa: E402


def article_html(title: str, extra: str = "", charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    paras = "".join(
        f"<p>{title}, part {i}: the council met on Tuesday and agreed to fund the new bridge "
        "over the river, residents and shop owners said after the vote.</p>" for i in range(5))
    return (f"<html><head>{meta}<title>{title}</title></head><body><nav><a href='/'>Home</a>"
            f"</nav><article><h1>{title}</h1>{paras}{extra}</article></body></html>")


def _http(content_type: str, status: str = "200 OK", extra: tuple = ()) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type), *extra],
                            protocol="HTTP/1.1")


def build_warc(pages: list[tuple[str, bytes, StatusAndHeaders]], compress: bool = True,
               noise: bool = True) -> bytes:
    """A WARC as a crawler writes it: warcinfo, then a request and a response per page."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    if noise:
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for uri, body, http in pages:
        if noise:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    return buf.getvalue()


def news_warc(n: int = 3, **kwargs) -> bytes:
    pages = [(f"https://example.org/news/{i}", article_html(f"Story {i}").encode(),
              _http("text/html; charset=utf-8")) for i in range(n)]
    pages.append(("https://example.org/logo.png", b"\x89PNG....", _http("image/png")))
    return build_warc(pages, **kwargs)


# -- WARC -------------------------------------------------------------------------------------

def test_every_html_response_is_one_article_named_by_its_record():
    found = list(archives.iter_extract(news_warc()))
    assert [a.headline for _, a in found] == ["Story 0", "Story 1", "Story 2"]
    assert all(rid.startswith("<urn:uuid:") for rid, _ in found)
    assert found[1][1].url == "https://example.org/news/1"


def test_uncompressed_warc_reads_the_same():
    assert ([a.headline for _, a in archives.iter_extract(news_warc(compress=False))]
            == ["Story 0", "Story 1", "Story 2"])


def test_records_that_are_not_pages_are_skipped_and_counted():
    data = build_warc([
        ("https://example.org/a", article_html("A").encode(), _http("text/html")),
        ("https://example.org/old", b"<html>Moved</html>", _http("text/html", "301 Moved")),
        ("https://example.org/x.js", b"var x;", _http("application/javascript")),
    ])
    stats: Counter = Counter()
    items = list(archives.expand(data, stats))
    assert [i.url for i in items] == ["https://example.org/a"]
    assert items[0].index == 2  # warcinfo, request, then the response
    assert stats == Counter({"request records": 3, "warcinfo records": 1,
                             "non-2xx responses": 1, "non-HTML records": 1})


def test_http_charset_decodes_a_page_that_declares_none():
    body = article_html("Αθήνα σήμερα").encode("iso-8859-7")
    data = build_warc([("https://example.gr/", body, _http("text/html; charset=iso-8859-7"))])
    (_, article), = archives.iter_extract(data)
    assert article.headline == "Αθήνα σήμερα"


def test_page_declaration_wins_when_the_header_charset_does_not_fit():
    body = article_html("Café crème", charset="utf-8").encode("utf-8")
    data = build_warc([("https://example.fr/", body, _http("text/html; charset=us-ascii"))])
    (_, article), = archives.iter_extract(data)
    assert article.headline == "Café crème"


def test_gzip_content_encoding_is_undone():
    body = gzip.compress(article_html("Zipped").encode())
    http = _http("text/html", extra=(("Content-Encoding", "gzip"),))
    (_, article), = archives.iter_extract(build_warc([("https://example.org/z", body, http)]))
    assert article.headline == "Zipped"


def test_a_truncated_warc_is_an_input_error():
    data = news_warc(compress=False)
    with pytest.raises(InputError, match="not a readable WARC"):
        list(archives.expand(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\n"
                             + data[:200]))


def test_missing_warcio_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    with pytest.raises(InputError, match=r"copydesk\[dask\]"):
        list(archives.expand(news_warc()))


def test_spans_cover_every_record_once():
    data = news_warc(5)
    spans = archives.warc_spans(data, 4)
    assert [s.start for s in spans] == [0, 4, 8, 12]  # warcinfo + 6 requests + 6 responses
    assert spans[-1].stop is None
    pieces = [i.index for s in spans for i in archives.expand(data, Counter(), s)]
    assert pieces == [i.index for i in archives.expand(data)]


def test_spans_of_what_is_not_a_warc_are_refused():
    with pytest.raises(InputError, match="not a readable WARC"):
        archives.warc_spans(b"<html>no</html>" * 20, 4)


def test_a_span_stops_before_its_stop_record():
    data = news_warc(5)
    first = archives.warc_spans(data, 4)[0]
    assert [i.index for i in archives.expand(data, Counter(), first)] == [2]
    assert [i.index for i in archives.expand(data, Counter(), Span(0, 0, 5))] == [2, 4]


# -- MHTML ------------------------------------------------------------------------------------

def build_mhtml(html: str, url: str, encoding: str = "quoted-printable",
                charset: str = "utf-8", frame_first: bool = False) -> bytes:
    """What Chrome's 'Save as single file' writes: a frame part may come before the page."""
    body = html.encode(charset)
    payload = (quopri.encodestring(body) if encoding == "quoted-printable"
               else base64.encodebytes(body))
    page = (f"Content-Type: text/html; charset=\"{charset}\"\r\n"
            f"Content-Transfer-Encoding: {encoding}\r\nContent-Location: {url}\r\n\r\n"
            ).encode() + payload
    frame = (b"Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
             b"Content-Transfer-Encoding: quoted-printable\r\n\r\n<html><body>ad</body></html>")
    image = (b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
             b"Content-Location: https://example.org/a.png\r\n\r\niVBORw0KGgo=")
    parts = [frame, page, image] if frame_first else [page, frame, image]
    head = (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\n"
            "Subject: test\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            '\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc----"\r\n\r\n').encode()
    sep = b"\r\n------MultipartBoundary--abc----\r\n"
    return head + sep + sep.join(parts) + b"\r\n------MultipartBoundary--abc------\r\n"


@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_mhtml_page_is_decoded_and_its_location_is_the_url(encoding):
    data = build_mhtml(article_html("Crème brûlée"), "https://example.fr/recette", encoding)
    (record_id, article), = archives.iter_extract(data)
    assert article.headline == "Crème brûlée"
    assert article.url == "https://example.fr/recette"
    assert record_id == "https://example.fr/recette"


def test_mhtml_part_charset_is_used():
    data = build_mhtml(article_html("Αθήνα"), "https://example.gr/", charset="iso-8859-7")
    (_, article), = archives.iter_extract(data)
    assert article.headline == "Αθήνα"


def test_mhtml_snapshot_location_picks_the_page_over_a_frame():
    data = build_mhtml(article_html("The page"), "https://example.org/p", frame_first=True)
    stats: Counter = Counter()
    (item,) = archives.expand(data, stats)
    assert item.url == "https://example.org/p"
    assert stats["non-HTML parts"] == 2


def test_mhtml_file_on_disk_by_suffix(tmp_path: Path):
    path = tmp_path / "saved.mht"
    path.write_bytes(build_mhtml(article_html("On disk"), "https://example.org/d"))
    assert archives.is_container(path)
    assert [a.headline for _, a in archives.iter_extract(path)] == ["On disk"]


# -- names and detection ----------------------------------------------------------------------

def test_plain_page_bytes_are_one_article():
    (record_id, article), = archives.iter_extract(article_html("Plain").encode())
    assert (record_id, article.headline) == ("page", "Plain")


def test_containers_are_told_by_name_and_by_content():
    assert archives.container_kind("a/crawl.WARC.gz") == "warc"
    assert archives.container_kind("x.mhtml") == "mhtml"
    assert archives.container_kind("x.html") is None
    assert archives.sniff(news_warc(compress=False)[:100]) == "warc"
    assert archives.sniff(build_mhtml("<p>x</p>", "u")[:4096]) == "mhtml"
    assert archives.sniff(b"<html>multipart/related</html>") is None


def test_record_output_names_are_index_and_uri_hash():
    name = archives.record_output_name(7, "https://example.org/a", "md")
    assert name.startswith("00007-") and name.endswith(".md") and len(name) == 17
    assert name != archives.record_output_name(7, "https://example.org/b", "md")
    item = archives.Item(7, "id", "https://example.org/a", b"")
    assert archives.item_output("../x/./c.warc.gz", item, "warc", "md") == f"x/c/{name}"
    assert archives.item_output("x/s.mhtml", item, "mhtml", "json") == "x/s.json"


# -- converting a container (what the batch and the Dask workers call) ------------------------

def test_convert_container_writes_resumes_and_accounts(tmp_path: Path):
    warc = tmp_path / "in" / "crawl.warc.gz"
    warc.parent.mkdir()
    warc.write_bytes(news_warc())
    out = tmp_path / "out"
    settings = Settings(Options(), out_dir=out)
    first = archives.convert_container(str(warc), "crawl.warc.gz", str(out), settings)
    assert [o.status for o in first] == ["ok", "ok", "ok", "container"]
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert written == sorted(f"crawl/{Path(o.output).name}" for o in first[:3])
    assert first[0].record()["url"] == "https://example.org/news/0"
    assert first[0].record()["record_id"].startswith("<urn:uuid:")
    assert "1 non-HTML records" in first[-1].reason
    again = archives.convert_container(str(warc), "crawl.warc.gz", str(out), settings)
    assert [o.status for o in again[:3]] == ["skipped"] * 3
    forced = Settings(Options(), out_dir=out, force=True)
    assert archives.convert_container(str(warc), "crawl.warc.gz", str(out), forced)[0].status \
        == "ok"


def test_convert_container_without_out_dir_returns_content(tmp_path: Path):
    warc = tmp_path / "c.warc"
    warc.write_bytes(news_warc(1, compress=False))
    settings = Settings(Options(), fmt="json")
    (page, summary) = archives.convert_container(str(warc), "c.warc", None, settings)
    assert '"headline": "Story 0"' in page.content and page.output is None


def test_a_broken_container_is_one_failed_outcome(tmp_path: Path):
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not a warc file at all")
    (outcome,) = archives.convert_container(str(bad), "bad.warc", str(tmp_path / "o"),
                                            Settings(Options()))
    assert outcome.status == "failed" and "not a WARC" in outcome.reason


def test_no_connection_is_made_because_of_what_a_page_contains(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    extra = ('<img src="https://tracker.example/p.gif"><iframe src="https://ads.example/">'
             '</iframe><link rel="stylesheet" href="https://cdn.example/s.css">')
    pages = [("https://example.org/t", article_html("Tracked", extra).encode(),
              _http("text/html"))]
    assert [a.headline for _, a in archives.iter_extract(build_warc(pages))] == ["Tracked"]


# -- through the command line -----------------------------------------------------------------

def _cli(args: list[str]):
    from click.testing import CliRunner

    from copydesk.cli import main

    return CliRunner().invoke(main, args)


def test_a_warc_inside_a_batch_folder_gives_one_output_per_record(tmp_path: Path):
    src = tmp_path / "in"
    (src / "crawls").mkdir(parents=True)
    (src / "crawls" / "c1.warc.gz").write_bytes(news_warc(3))
    (src / "page.html").write_text(article_html("Plain page"), encoding="utf-8")
    result = _cli([str(src), "-o", str(tmp_path / "out"), "-j", "2"])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(tmp_path / "out").as_posix()
                     for p in (tmp_path / "out").rglob("*.md"))
    assert "page.md" in written
    records = [w for w in written if w.startswith("crawls/c1/")]
    assert len(records) == 3 and all(w.split("/")[-1][:5].isdigit() for w in records)


def test_one_warc_on_the_command_line_is_a_batch(tmp_path: Path):
    warc = tmp_path / "c1.warc.gz"
    warc.write_bytes(news_warc(2))
    result = _cli([str(warc), "-f", "json"])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.output.splitlines() if ln.startswith("{")]
    assert sorted(json.loads(ln)["headline"] for ln in lines) == ["Story 0", "Story 1"]
    assert _cli([str(warc)]).exit_code == 2  # Markdown for many pages needs -o
