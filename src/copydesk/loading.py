"""Step 1–2: bytes from a file, a .gz or stdin, decoded to text; HTML or plain text?"""
from __future__ import annotations

import codecs
import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import DecodeError, InputError

GZIP_MAGIC = b"\x1f\x8b"
MAX_INPUT_BYTES = 256 * 1024 * 1024  # a saved page larger than this is not a page
DETECT_SAMPLE = 64 * 1024  # bytes the encoding detector looks at
# Labels pages (and detectors) use for a subset of what the bytes really are, as browsers read
# them (WHATWG Encoding): decoding with the superset keeps the characters the subset lacks.
_SUPERSETS = {
    "iso8859-1": "cp1252", "ascii": "cp1252",
    "gb2312": "gb18030", "gbk": "gb18030",
    "shift_jis": "cp932", "euc_kr": "cp949", "iso8859-9": "cp1254", "tis-620": "cp874",
}

# Signatures of files users feed by mistake (first bytes).
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x7fELF": "an executable",
    b"RIFF": "a RIFF media file",
}
# C0 controls other than tab, newline, vertical tab, form feed and carriage return: text
# has few, binary formats many.
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{1,40})""", re.I
)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.\-]{1,40})""")
_HTML_SIGNS = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a\s|table|br|"
    r"h[1-6]|ul|li|script|link|\?xml|rss|feed)\b",
    re.I,
)


def read_source(source: str | Path | BinaryIO) -> bytes:
    """Read raw bytes from a path, ``-`` (stdin) or a binary file object; gunzip when gzipped."""
    if isinstance(source, (str, Path)):
        name = str(source)
    else:
        name = str(getattr(source, "name", "input"))
    with input_errors(name):
        if source == "-":
            return read_stream(sys.stdin.buffer, name)
        if isinstance(source, (str, Path)):
            with open(source, "rb") as handle:
                return read_stream(handle, name)
        return read_stream(source, name)


@contextmanager
def input_errors(name: str) -> Iterator[None]:
    """OS errors while reading an input, as one-line InputErrors naming it."""
    try:
        yield
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def read_stream(handle: BinaryIO, name: str) -> bytes:
    """At most MAX_INPUT_BYTES from an open binary stream, gunzipped when gzipped."""
    data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: larger than {MAX_INPUT_BYTES // 2**20} MiB")
    return gunzip(data, name)


def gunzip(data: bytes, name: str = "input") -> bytes:
    """Decompress gzip data (by its magic bytes, whatever the file is called)."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(MAX_INPUT_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise InputError(f"{name}: truncated or corrupt gzip data") from None
    if len(out) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: decompresses to more than {MAX_INPUT_BYTES // 2**20} MiB")
    return out


def decode(data: bytes, encoding: str | None = None, name: str = "input") -> str:
    """Bytes to text: the override, a BOM, the page's declaration, UTF-8, then detection;
    UTF-8 that was once decoded as Latin-1 ("Investorâ\x80\x99s") is mended."""
    if not data[:256].strip() and not data.strip():  # most pages: no copy of the whole
        raise InputError(f"{name}: empty input")
    _refuse_binary(data, name)
    if encoding:
        return _decode_as(data, encoding, name)
    return repair_mojibake(_decode_guessing(data, name))


# A UTF-8 lead byte read as Latin-1/cp1252 (Â..ô), then 1-3 continuation bytes read the same way.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]{{1,3}}")


def repair_mojibake(text: str) -> str:
    """Re-decode runs that are UTF-8 bytes shown as Latin-1 or cp1252 characters.

    Only a run that decodes as strict UTF-8 is replaced, so real "Ã" or "â" stay as they are.
    """
    if "\u00c3" not in text and "\u00e2" not in text:
        return text
    # Act only on pages with the tell-tale pairs ("â€", "Ã©"), so "Fuß«" in a clean page stays.
    if _evidence(text) < 3:
        return text
    return _MOJIBAKE.sub(_redecode, text)


def _evidence(text: str, enough: int = 3) -> int:
    """How many tell-tale pairs ("â" then "€" or U+0080, "Ã" then U+0080..U+00BF) the text
    holds, counting up to ``enough``. str.find jumps from lead to lead in C, where a regex
    scanned every character of a page that has an "â" but no pair (French, Portuguese).
    Pairs never overlap: their second character is never a lead."""
    found = 0
    for lead in ("\u00e2", "\u00c3"):
        at = text.find(lead)
        while at >= 0 and found < enough:
            follower = text[at + 1:at + 2]
            if (follower in ("\u20ac", "\u0080") if lead == "\u00e2"
                    else "\u0080" <= follower <= "\u00bf"):
                found += 1
            at = text.find(lead, at + 1)
    return found


def _redecode(match: re.Match[str]) -> str:
    run = match.group(0)
    raw = bytearray()
    for char in run:
        raw += char.encode("cp1252") if char in _CP1252_HIGH else char.encode("latin-1")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return run


def _decode_guessing(data: bytes, name: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    unmarked = decode_utf16_unmarked(data)
    if unmarked is not None:
        return unmarked
    declared = declared_encoding(data)
    if declared:
        text = _try_declared(data, declared)
        if text is not None:
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(data, name)


def declared_encoding(data: bytes) -> str | None:
    """The charset a page names in its first bytes (<meta charset>, http-equiv, <?xml?>)."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try_declared(data: bytes, codec: str) -> str | None:
    """Decode as declared; a declaration that fails on many bytes is a lie (None)."""
    if codec.startswith("utf-16") or codec.startswith("utf-32"):
        return None  # a meta tag read as ASCII cannot be UTF-16; the BOM or detection decides
    codec = _SUPERSETS.get(codec, codec)
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(8, len(text) // 1000):
        return text
    # A UTF-8 page with some broken bytes still has more good non-ASCII text than bad.
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return text if codec == "utf-8" and good > bad else None


def _decode_as(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        raise DecodeError(f"{name}: unknown encoding {encoding!r}") from None


def _detect(data: bytes, name: str) -> str:
    """Guess the encoding of undeclared, non-UTF-8 bytes (bs4's UnicodeDammit, on a sample)."""
    from bs4.dammit import UnicodeDammit  # only for the rare page that needs it

    # Detection is slow on big inputs and a sample decides as well as the whole.
    dammit = UnicodeDammit(data[:DETECT_SAMPLE], is_html=True)
    found = dammit.original_encoding
    if dammit.unicode_markup is None or not found:
        raise DecodeError(f"{name}: cannot tell the text encoding (try --encoding)")
    codec = codecs.lookup(found).name
    return data.decode(_SUPERSETS.get(codec, codec), errors="replace")


def _refuse_binary(data: bytes, name: str) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: binary file ({what}), not a page")
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return
    nuls = head.count(0)
    if nuls > len(head) // 4 and not _looks_utf16(head):
        raise InputError(f"{name}: binary file, not a page")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # counted in C
    if controls > len(head) // 10 and not _looks_utf16(head):
        raise InputError(f"{name}: binary file, not a page")


def _looks_utf16(head: bytes) -> bool:
    """BOM-less UTF-16 text has NUL in every other byte of its ASCII characters."""
    if head.count(0) <= len(head) // 4:  # then neither half can hold more: skip the slicing
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) > len(head) // 4 and min(even, odd) < len(head) // 50


def decode_utf16_unmarked(data: bytes) -> str | None:
    head = data[:8192]
    if not _looks_utf16(head):
        return None
    codec = "utf-16-be" if head[0::2].count(0) > head[1::2].count(0) else "utf-16-le"
    return data.decode(codec, errors="replace")


def looks_like_html(text: str) -> bool:
    """Does this text hold markup? Plain text with a stray '<' stays plain text."""
    head = text[:4096].lstrip()
    if head.startswith("<") and _HTML_SIGNS.match(head):
        return True
    return len(_HTML_SIGNS.findall(text, 0, 20000)) >= 3
