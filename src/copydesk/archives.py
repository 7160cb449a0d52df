"""Containers of many saved pages: WARC / WARC.gz files (crawls, browser archives) and MHTML
('Save as single file'). Each HTML page inside becomes one Item, then one Article.

WARC is read with warcio (it undoes chunked transfer and gzip/deflate/brotli content encoding
for us); MHTML with the standard library's MIME parser. Both are loaded lazily: warcio is an
optional extra (``pip install 'copydesk[dask]'``), and ``import copydesk`` stays fast.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import hashlib
import io
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from email.message import EmailMessage
from pathlib import Path
from typing import IO, TYPE_CHECKING, BinaryIO, Protocol

from .batch import Outcome, Settings, time_limit, write_atomic
from .errors import CopydeskError, InputError, NoContentError, PageTimeout
from .loading import GZIP_MAGIC, MAX_INPUT_BYTES, gunzip
from .writers import FORMATS

if TYPE_CHECKING:
    from .model import Article
    from .options import Options

WARC_SUFFIXES = (".warc.gz", ".warc")
MHTML_SUFFIXES = (".mhtml.gz", ".mht.gz", ".mhtml", ".mht")
HTML_TYPES = ("text/html", "application/xhtml+xml")
EXTRA_HINT = "reading WARC files needs warcio: pip install 'copydesk[dask]'"


@dataclass(frozen=True, slots=True)
class Item:
    """One HTML page found in a container."""

    index: int  # position of its record in the container (0-based, every record counted)
    record_id: str  # WARC-Record-ID; an MHTML part's Content-ID (or its URL)
    url: str | None  # WARC-Target-URI; an MHTML's Content-Location
    data: bytes | str  # str when the container named a charset that decoded cleanly


# -- what a file is ---------------------------------------------------------------------------

def container_kind(name: str) -> str | None:
    """'warc', 'mhtml' or None, by the file's name."""
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(MHTML_SUFFIXES):
        return "mhtml"
    return None


def is_container(path: str | Path) -> bool:
    return container_kind(str(path)) is not None


def sniff(head: bytes) -> str | None:
    """'warc', 'mhtml' or None, by the first (already gunzipped) bytes."""
    start = head.lstrip()[:4096]
    if start.startswith(b"WARC/"):
        return "warc"
    if not start.startswith(b"<") and b"multipart/related" in start.lower():
        return "mhtml"
    return None


def container_stem(name: str) -> str:
    """``crawl-01.warc.gz`` → ``crawl-01``; names of other files are returned unchanged."""
    lower = name.lower()
    for suffix in WARC_SUFFIXES + MHTML_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def record_output_name(index: int, url: str | None, ext: str) -> str:
    """``<record index>-<short hash of the URI>.<ext>``: stable, sortable, never a path."""
    digest = hashlib.sha1((url or "").encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{index:05d}-{digest}.{ext}"


# -- reading ----------------------------------------------------------------------------------

def expand(source: str | Path | bytes | BinaryIO, stats: Counter | None = None,
           span: Span | None = None) -> Iterator[Item]:
    """Every HTML page of a WARC or MHTML (a path, fsspec URL, bytes or binary stream).

    Records that are not HTML pages are skipped and counted in ``stats`` (by reason). A span
    reads only the WARC records from one offset up to a record index (see ``warc_spans``).
    """
    stats = stats if stats is not None else Counter()
    with _open(source, span.offset if span else 0) as stream:
        kind = "warc" if span else _kind_of(source, stream.peek(4096))
        if kind == "warc":
            yield from _warc_items(stream, stats, span)
        elif kind == "mhtml":
            yield from _mhtml_items(stream, stats)
        else:
            raise InputError(f"{_name(source)}: not a WARC or MHTML file (no WARC/ or MIME header)")


@dataclass(frozen=True, slots=True)
class Span:
    """Records ``start`` (found at byte ``offset``) up to, not including, ``stop``."""

    start: int
    offset: int
    stop: int | None


def warc_spans(source: str | Path | bytes | BinaryIO, size: int) -> list[Span]:
    """Cut a WARC into spans of ``size`` records, so workers can share one large file.

    Reading headers only is fast next to extraction, and a span's offset lets a worker seek
    straight to its records (each record of a .warc.gz is its own gzip member).
    """
    cuts: list[tuple[int, int]] = []
    with _open(source, 0) as stream:
        if _kind_of(None, stream.peek(4096)) != "warc":
            raise InputError(f"{_name(source)}: not a readable WARC file (no WARC/ header)")
        records = _warc_reader(stream, parse=False)
        for index, _ in enumerate(_guarded(records)):
            if index % size == 0:
                cuts.append((index, records.get_record_offset()))
    return [Span(i, off, cuts[n + 1][0] if n + 1 < len(cuts) else None)
            for n, (i, off) in enumerate(cuts)]


def _kind_of(source: object, head: bytes) -> str | None:
    """By content; the name only vouches for MHTML (whose headers vary by browser): a '.warc'
    that does not start as WARC is refused rather than guessed at (warcio would read it as ARC)."""
    if head.startswith(GZIP_MAGIC):
        head = _gunzip_head(head)
    found = sniff(head)
    if found is None and isinstance(source, (str, Path)) and container_kind(str(source)) == "mhtml":
        return "mhtml"
    return found


def _gunzip_head(head: bytes) -> bytes:
    import zlib

    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""


class _open:
    """A buffered binary stream over a path, an fsspec URL, bytes or an open stream."""

    def __init__(self, source: str | Path | bytes | BinaryIO, offset: int) -> None:
        self.source, self.offset, self.owned = source, offset, None

    def __enter__(self) -> io.BufferedReader:
        src = self.source
        if isinstance(src, (bytes, bytearray, memoryview)):
            src = io.BytesIO(bytes(src))
        elif isinstance(src, (str, Path)):
            try:
                src = self.owned = _open_path(str(src))
            except FileNotFoundError:
                raise InputError(f"{src}: no such file") from None
            except OSError as exc:
                raise InputError(f"{src}: cannot read ({exc.strerror or exc})") from None
        if self.offset:
            src.seek(self.offset)
        return src if hasattr(src, "peek") else io.BufferedReader(src)  # type: ignore

    def __exit__(self, *exc: object) -> None:
        if self.owned is not None:
            self.owned.close()


def _open_path(name: str) -> IO[bytes]:
    if "://" not in name:
        return open(name, "rb")
    import fsspec

    return fsspec.open(name, "rb").open()


def _name(source: object) -> str:
    return str(source) if isinstance(source, (str, Path)) else "input"


def _warc_reader(stream: IO[bytes], parse: bool = True):
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise InputError(EXTRA_HINT) from None
    # parse=False still reads each record's WARC headers, just not its HTTP headers.
    return ArchiveIterator(stream, no_record_parse=not parse)


def _guarded(records: Iterator) -> Iterator:
    try:
        yield from records
    except Exception as exc:  # warcio raises its own types on truncated or foreign data
        raise InputError(f"not a readable WARC file ({type(exc).__name__}: {exc})") from None


def _warc_items(stream: IO[bytes], stats: Counter, span: Span | None) -> Iterator[Item]:
    start = span.start if span else 0
    stop = span.stop if span else None
    for index, record in enumerate(_guarded(_warc_reader(stream)), start):
        if stop is not None and index >= stop:
            return
        item = warc_item(index, record, stats)
        if item is not None:
            yield item


def warc_item(index: int, record, stats: Counter) -> Item | None:
    """The record's page, or None (counted in stats) when it holds no HTML page."""
    content_type, status = _record_type(record)
    if content_type is None:
        stats[f"{record.rec_type} records"] += 1
        return None
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        stats["non-HTML records"] += 1
        return None
    if not 200 <= status < 300:  # redirects and error pages are not the page asked for
        stats["non-2xx responses"] += 1
        return None
    headers = record.rec_headers
    data = record.content_stream().read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        stats["oversized records"] += 1
        return None
    url = headers.get_header("WARC-Target-URI")
    record_id = headers.get_header("WARC-Record-ID") or f"record-{index}"
    return Item(index, record_id, url, _decoded(data, _charset(content_type)))


def _record_type(record) -> tuple[str | None, int]:
    """(content type of the page, HTTP status) of a response or resource record."""
    if record.rec_type == "response" and record.http_headers is not None:
        headers = record.http_headers
        try:
            status = int(headers.get_statuscode() or 0)
        except ValueError:
            status = 0
        return headers.get_header("Content-Type") or "", status
    if record.rec_type == "resource":  # what archiving extensions write for a captured page
        return record.rec_headers.get_header("Content-Type") or "", 200
    return None, 0


def _charset(content_type: str) -> str | None:
    msg = EmailMessage()
    msg["Content-Type"] = content_type
    return msg.get_content_charset()


def _decoded(data: bytes, charset: str | None) -> bytes | str:
    """Text by the container's charset when it names one that fits (as browsers rank a header
    above <meta>); a BOM, a bad name or bytes that do not decode leave it to loading."""
    if not charset or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return data
    if codec.startswith(("utf-16", "utf-32")):
        return data
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return data


def _mhtml_items(stream: IO[bytes], stats: Counter) -> Iterator[Item]:
    raw = stream.read(MAX_INPUT_BYTES + 1)
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError(f"larger than {MAX_INPUT_BYTES // 2**20} MiB")
    message = email.message_from_bytes(gunzip(raw), policy=email.policy.compat32)
    parts = [p for p in message.walk() if not p.is_multipart()]
    page = _mhtml_page(message, parts)
    if page is None:
        raise InputError("MHTML file holds no HTML part")
    stats["non-HTML parts"] += len(parts) - 1
    index = parts.index(page)
    data = page.get_payload(decode=True) or b""
    url = page.get("Content-Location") or message.get("Snapshot-Content-Location")
    record_id = page.get("Content-ID") or url or f"part-{index}"
    yield Item(index, str(record_id).strip(), url and str(url).strip(),
               _decoded(data, page.get_content_charset()))


def _mhtml_page(message, parts: list) -> object | None:
    """The part that is the page: the one at the snapshot's address, else the first HTML."""
    html = [p for p in parts if p.get_content_type() in HTML_TYPES]
    where = message.get("Snapshot-Content-Location")
    for part in html:
        if where and part.get("Content-Location") == where:
            return part
    return html[0] if html else None


# -- extracting -------------------------------------------------------------------------------

def iter_extract(source: str | Path | bytes | BinaryIO,
                 options: Options | None = None) -> Iterator[tuple[str, Article]]:
    """``(record_id, Article)`` for every page a WARC or MHTML holds; a plain page is one.

    Nothing is fetched: the URL a record names is used only to resolve the page's links.
    """
    from .pipeline import extract

    if isinstance(source, (bytes, bytearray)):
        data = gunzip(bytes(source))
        if sniff(data[:4096]) is None:
            yield "page", extract(data, options=options)
            return
        source = data
    elif isinstance(source, (str, Path)) and not is_container(source):
        from .loading import read_source

        yield str(source), extract(read_source(source), options=options, source=str(source))
        return
    for item in expand(source):
        yield item.record_id, extract(item.data, url=_url(item, options), options=options,
                                      source=item.url or item.record_id)


def _url(item: Item, options: Options | None) -> str | None:
    """The record's URL unless the user gave one explicitly."""
    return (options.url if options and options.url else None) or item.url


@dataclass(slots=True)
class RecordOutcome(Outcome):
    """An Outcome that also names the record (its URI and id) in the manifest."""

    url: str | None = None
    record_id: str | None = None


class Store(Protocol):
    """Where outputs go: a local folder here, any fsspec location in ``distributed``."""

    def mtime(self, path: str) -> float | None: ...

    def write(self, path: str, text: str) -> None: ...


class LocalStore:
    """Local files: stat for resume, write-to-temporary-and-rename for every output."""

    def mtime(self, path: str) -> float | None:
        try:
            return os.stat(path).st_mtime
        except OSError:
            return None

    def write(self, path: str, text: str) -> None:
        write_atomic(Path(path), text)


def convert_container(source: str, rel: str, out_dir: str | None, settings: Settings,
                      store: Store | None = None, span: Span | None = None) -> list[Outcome]:
    """Every page of one container (or one span of it) converted, written and accounted for.

    ``rel`` is the container's path below the input folder: its outputs mirror it under
    ``out_dir``. Resume: a page whose output is newer than the container is not redone.
    Ends with one ``container`` Outcome counting the records that were not pages.
    """
    store = store or LocalStore()
    ext = FORMATS[settings.fmt]
    kind = "warc" if span else (container_kind(source) or container_kind(rel) or "warc")
    since = None if settings.force else store.mtime(source)
    stats: Counter = Counter()
    outcomes: list[Outcome] = []
    try:
        for item in expand(source, stats, span):
            output = f"{out_dir.rstrip('/')}/{item_output(rel, item, kind, ext)}" if out_dir \
                else None
            outcomes.append(_one(item, source, output, settings, store, since))
    except CopydeskError as exc:
        outcomes.append(Outcome(source, "failed", without_name(str(exc), source)))
    summary = skipped_outcome(source, stats)
    return outcomes + ([summary] if summary else [])


def _one(item: Item, container: str, output: str | None, settings: Settings, store: Store,
         since: float | None) -> Outcome:
    if output and since is not None and (store.mtime(output) or 0.0) >= since:
        outcome = Outcome(f"{container}#{item.index}", "skipped",
                          "output is newer than the container", 0.0, output)
    else:
        outcome = convert_item(item, f"{container}#{item.index}", settings, output, store.write)
    return RecordOutcome(*(getattr(outcome, f.name) for f in fields(Outcome)),
                         url=item.url, record_id=item.record_id)


def without_name(text: str, name: str) -> str:
    """An error message without the page name the manifest already holds."""
    return text[len(name) + 2:] if text.startswith(name + ": ") else text


def render_item(item: Item, settings: Settings, source: str) -> str:
    """One page of a container as output text, in the batch's format and settings."""
    from .pipeline import extract
    from .writers import write

    article = extract(item.data, url=_url(item, settings.options), options=settings.options,
                      source=source)
    if not article.text:
        raise NoContentError("no article text found")
    if settings.fmt == "json" and settings.out_dir is None:
        return write(article, "json", indent=None)
    return write(article, settings.fmt, front_matter=settings.front_matter)


def convert_item(item: Item, name: str, settings: Settings, output: str | None,
                 writer: Callable[[str, str], None], source: str | None = None) -> Outcome:
    """Render one item and hand the text to ``writer(output, text)``; failures are Outcomes.

    ``name`` is the Outcome's path; ``source`` the Article's (default: the record's URL).
    """
    start = time.perf_counter()
    try:
        with time_limit(settings.timeout):
            text = render_item(item, settings, source or item.url or name)
        if output is not None:
            writer(output, text)
            return Outcome(name, "ok", None, time.perf_counter() - start, output)
        return Outcome(name, "ok", None, time.perf_counter() - start, None, text)
    except PageTimeout as exc:
        return Outcome(name, "timeout", str(exc), time.perf_counter() - start)
    except (CopydeskError, OSError, RecursionError, MemoryError, ValueError) as exc:
        reason = str(exc) if isinstance(exc, CopydeskError) else f"{type(exc).__name__}: {exc}"
        return Outcome(name, "failed", without_name(reason, name), time.perf_counter() - start)


def item_output(container_rel: str, item: Item, kind: str, ext: str) -> str:
    """Output path (relative, '/'-separated, never climbing out) of one container page.

    A WARC's pages go to ``<warc path without suffix>/<index>-<hash>.<ext>``; an MHTML holds
    one page, which is named like a saved page: ``<mhtml path without suffix>.<ext>``.
    """
    parts = [p for p in container_rel.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    stem = container_stem("/".join(parts))
    if kind == "mhtml":
        return f"{stem}.{ext}"
    return f"{stem}/{record_output_name(item.index, item.url, ext)}"


def skipped_outcome(container: str, stats: Counter) -> Outcome | None:
    """One manifest line per container for what it held besides pages (None when nothing)."""
    if not stats:
        return None
    reason = ", ".join(f"{n} {what}" for what, n in sorted(stats.items()))
    return Outcome(container, "container", f"not pages: {reason}")
