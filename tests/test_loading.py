"""loading: reading files, gzip and stdin; decoding bytes in any common encoding."""
from __future__ import annotations

import gzip
import io
import sys

import pytest

from copydesk import loading
from copydesk.loading import decode, repair_mojibake
from copydesk.errors import DecodeError, InputError

PAGE = "<html><body><p>{}</p></body></html>"
WORDS = "café naïve façade “quoted” — dash"
JAPANESE = "日本語の記事です。これはテストの段落で、十分な長さがあります。" * 3
CHINESE = "这是一篇中文文章的段落，内容足够长，用于测试编码检测。" * 3


def page(text: str, charset: str | None = None) -> str:
    head = f'<meta charset="{charset}">' if charset else ""
    return head + PAGE.format(text)


# -- reading ----------------------------------------------------------------------------------

def test_reads_a_file(tmp_path):
    path = tmp_path / "a.html"
    path.write_bytes(b"<p>hi</p>")
    assert loading.read_source(path) == b"<p>hi</p>"


def test_gunzips_by_magic_bytes(tmp_path):
    path = tmp_path / "a.html.gz"
    path.write_bytes(gzip.compress(b"<p>hi</p>"))
    assert loading.read_source(path) == b"<p>hi</p>"
    assert loading.read_source(str(path)) == b"<p>hi</p>"


def test_a_gz_name_on_plain_bytes_is_read_as_is(tmp_path):
    path = tmp_path / "a.html.gz"
    path.write_bytes(b"<p>hi</p>")
    assert loading.read_source(path) == b"<p>hi</p>"


@pytest.mark.parametrize("data", [gzip.compress(b"<p>hi</p>" * 100)[:30], b"\x1f\x8bnot gzip"])
def test_truncated_or_fake_gzip_names_the_input(tmp_path, data):
    path = tmp_path / "bad.html.gz"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"bad\.html\.gz: truncated or corrupt gzip"):
        loading.read_source(path)


def test_reads_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(b"<p>x</p>"))))
    assert loading.read_source("-") == b"<p>x</p>"


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing.html", "no such file"),
    (lambda p: p, "is a directory"),
])
def test_unreadable_paths_say_why(tmp_path, make, message):
    with pytest.raises(InputError, match=message):
        loading.read_source(make(tmp_path))


def test_symlink_loop_is_an_input_error(tmp_path):
    (tmp_path / "a.html").symlink_to(tmp_path / "b.html")
    (tmp_path / "b.html").symlink_to(tmp_path / "a.html")
    with pytest.raises(InputError, match="a.html: cannot read"):
        loading.read_source(tmp_path / "a.html")


def test_permission_denied_is_an_input_error(tmp_path, monkeypatch):
    # Tests run as root, where chmod denies nothing: simulate the refusal.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(InputError, match="x.html: permission denied"):
        loading.read_source(tmp_path / "x.html")


def test_oversized_input_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(loading, "MAX_INPUT_BYTES", 10)
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * 20 + b"</p>")
    with pytest.raises(InputError, match="larger than"):
        loading.read_source(path)


# -- decoding ---------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n "])
def test_empty_input(data):
    with pytest.raises(InputError, match="empty input"):
        loading.decode(data, name="x.html")


@pytest.mark.parametrize("data, what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
    (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
    (bytes(range(256)) * 8, "binary file"),
])
def test_binary_files_are_refused(data, what):
    with pytest.raises(InputError, match=what):
        loading.decode(data, name="x.html")


def test_binary_means_over_a_tenth_c0_controls_other_than_white_space():
    white = b"\t\n\x0b\x0c\r" * 100  # never counted as controls
    body = b"<p>" + b"x" * 897  # with the controls below: a head of 1000 or 1001 bytes
    assert "x" * 897 in loading.decode(white + body + b"\x01\x1f" * 50)
    for control in (b"\x01", b"\x08", b"\x0e", b"\x1f"):
        with pytest.raises(InputError, match="binary file"):
            loading.decode(body + control * 101, name="x.html")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_bom_decides(codec):
    assert WORDS in loading.decode(page(WORDS).encode(codec))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_or_declaration(codec):
    assert WORDS in loading.decode(page(WORDS).encode(codec))


def test_utf16_declared_in_a_meta_tag():
    assert WORDS in loading.decode(page(WORDS, "utf-16").encode("utf-16-le"))


@pytest.mark.parametrize("text, codec", [
    ("café naïve façade", "latin-1"), (WORDS, "cp1252"), (JAPANESE, "shift_jis"),
    (CHINESE, "gb18030"), (JAPANESE, "euc-jp"), (CHINESE, "gb2312"),
])
def test_declared_charset(text, codec):
    assert text in loading.decode(page(text, codec).encode(codec))


def test_http_equiv_declaration():
    head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    assert WORDS in loading.decode((head + PAGE.format(WORDS)).encode("cp1252"))


@pytest.mark.parametrize("text, codec", [
    ("café naïve façade", "latin-1"), (WORDS, "cp1252"), (JAPANESE, "shift_jis"),
    (CHINESE, "gb18030"),
])
def test_undeclared_charset_is_detected(text, codec):
    assert text in loading.decode(page(text).encode(codec))


def test_latin1_label_reads_cp1252_quotes():
    # Browsers read "iso-8859-1" as windows-1252; pages rely on it for curly quotes.
    assert "“quoted”" in loading.decode(page("“quoted”", "iso-8859-1").encode("cp1252"))


def test_a_false_utf8_declaration_falls_back_to_detection():
    data = page(WORDS * 20, "utf-8").encode("cp1252")
    assert WORDS in loading.decode(data)


def test_invalid_bytes_in_a_utf8_page_become_replacement_characters():
    data = page("café " * 30 + "\udcff" + " naïve", "utf-8").encode("utf-8", "surrogateescape")
    text = loading.decode(data)
    assert "café" in text and "naïve" in text and "\ufffd" in text


def test_encoding_override_wins():
    data = page("café", "utf-8").encode("latin-1")
    assert "café" in loading.decode(data, "latin-1")


def test_unknown_override_is_a_decode_error():
    with pytest.raises(DecodeError, match="unknown encoding 'nope'"):
        loading.decode(b"<p>hi</p>", "nope", name="x.html")


def test_undetectable_bytes_are_a_decode_error(monkeypatch):
    from bs4 import dammit

    class Blind:
        def __init__(self, *args, **kwargs):
            self.unicode_markup, self.original_encoding = None, None

    monkeypatch.setattr(dammit, "UnicodeDammit", Blind)
    with pytest.raises(DecodeError, match="cannot tell the text encoding"):
        loading.decode("<p>café</p>".encode("latin-1"), name="x.html")


def test_detection_looks_at_a_sample_only(monkeypatch):
    from bs4 import dammit

    seen = []
    real = dammit.UnicodeDammit

    def spy(data, *args, **kwargs):
        seen.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(dammit, "UnicodeDammit", spy)
    text = loading.decode(page("café " * 100_000).encode("latin-1"))
    assert seen == [loading.DETECT_SAMPLE] and text.count("café") == 100_000


# -- HTML or text ------------------------------------------------------------------------------

def test_looks_like_html():
    assert loading.looks_like_html("<!doctype html><p>x</p>")
    assert not loading.looks_like_html("Plain text where 3 < 4 is true.")


# -- mojibake: UTF-8 that was decoded as Latin-1/cp1252 once before it was saved ---------------

def test_double_encoded_utf8_is_mended() -> None:
    once = "It’s the investor’s “best” guide — café"
    # As browsers read cp1252: its five undefined bytes pass through as C1 controls.
    twice = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                    for b in once.encode("utf-8"))
    page = f"<html><body><p>{twice}</p></body></html>".encode("utf-8")
    assert once in decode(page)


def test_latin1_shown_c1_controls_are_mended() -> None:
    twice = "don’t won’t can’t".encode("utf-8").decode("latin-1")
    assert repair_mojibake(twice) == "don’t won’t can’t"


def test_clean_text_with_rare_pairs_is_left_alone() -> None:
    clean = "Der Fuß« ist lang. São Paulo, Ãgua? Ça va."
    assert repair_mojibake(clean) == clean


@pytest.mark.parametrize("text", [
    "", "â", "Ã", "â€", "â€â€â€", "â\u0080 Ã© Ã¿", "Ãâ€Ã\u00c0Ã\u00bfÃ", "ââ€ÃÃ©",
    "Château âge " * 50 + "Ã©",  # many leads, one pair: the whole text is searched
    "x" * 1000 + "Ã",
])
def test_tell_tale_pairs_are_counted_as_the_pattern_defines_them(text) -> None:
    import re

    pattern = re.compile("\u00e2[\u20ac\u0080]|\u00c3[\u0080-\u00bf]")
    assert loading._evidence(text) == min(3, len(pattern.findall(text)))


def test_blank_input_beyond_the_first_bytes_is_still_empty() -> None:
    with pytest.raises(InputError, match="empty input"):
        decode(b" " * 10000 + b"\n\t")
    assert decode(b" " * 300 + b"<p>x</p>").strip() == "<p>x</p>"
