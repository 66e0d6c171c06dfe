"""Ingest: read inputs (JSONL, text, HTML, WARC, folders) into `RawInput`s.

Everything streams: a JSONL file or a WARC is read one record at a time, and a
file larger than `max_bytes` is judged from its size on disk without being read.
Bytes are not decoded here; `clean.clean` decodes, checks and cleans them.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

from .. import errors

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
SKIP_CHUNK = 1 << 20  # bytes read at a time when skipping the rest of an oversized line


@dataclass
class RawInput:
    """One input document before cleaning; exactly one of text, html, data is set."""

    id: str
    text: Optional[str] = None
    html: Optional[str] = None
    data: Optional[bytes] = None
    published: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    outlet: Optional[str] = None  # who published it ("Reuters"), when the input says
    problem: Optional[str] = None  # an error code found while reading (e.g. a bad JSONL line)
    detail: Optional[str] = None  # what exactly was wrong, for the error message
    crawled: Optional[str] = None  # YYYY-MM-DD the page was fetched: `published` when nothing better
    media_type: Optional[str] = None  # "text/html" when the file name or WARC header says so
    charset: Optional[str] = None  # the encoding the container declares, if any


def default_max_bytes() -> int:
    """Return settings.max_bytes from the environment or settings file."""
    from ..settings import load  # late import: settings reads the environment
    return load().max_bytes


def _open_binary(path: str) -> IO[bytes]:
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def _read_line(f: IO[bytes], limit: int) -> tuple[bytes, bool]:
    """Return (line, too_long): at most `limit` bytes are kept; the rest of a long line is skipped."""
    line = f.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, False
    while True:  # skip the rest of the oversized line without holding it
        rest = f.readline(SKIP_CHUNK)
        if not rest or rest.endswith(b"\n"):
            return line, True


def _str_or_none(value) -> Optional[str]:
    return value if isinstance(value, str) and value.strip() else None


def parse_record(line: bytes, where: str, fallback_id: str) -> RawInput:
    """Return the RawInput for one JSONL line (bytes), or one with problem=BAD_RECORD."""
    def bad(rid: str, detail: str) -> RawInput:
        return RawInput(id=rid, source=where, problem=errors.BAD_RECORD, detail=detail)

    try:
        rec = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return bad(fallback_id, "the line is not UTF-8")
    except ValueError as exc:
        return bad(fallback_id, f"not valid JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(rec, dict):
        return bad(fallback_id, f"a JSON {type(rec).__name__}, not an object")
    rid = rec.get("id")
    if not isinstance(rid, (str, int)) or isinstance(rid, bool) or str(rid).strip() == "":
        return bad(fallback_id, "no `id`")
    rid = str(rid)
    text, html = rec.get("text"), rec.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return bad(rid, "no `text` or `html` string")
    return RawInput(id=rid, text=text if isinstance(text, str) else None,
                    html=html if isinstance(html, str) and not isinstance(text, str) else None,
                    published=_str_or_none(rec.get("published")),
                    title=_str_or_none(rec.get("title")), url=_str_or_none(rec.get("url")),
                    outlet=_str_or_none(rec.get("outlet")), source=where)


def read_jsonl(path: str, max_bytes: Optional[int] = None) -> Iterator[RawInput]:
    """Yield one RawInput per non-blank line of a contract JSONL file (plain or .gz)."""
    with _open_binary(path) as f:
        yield from read_jsonl_stream(f, path, max_bytes)


def read_jsonl_stream(f: IO[bytes], path: str = "-",
                      max_bytes: Optional[int] = None) -> Iterator[RawInput]:
    """Yield one RawInput per non-blank line of an open binary JSONL stream (e.g. stdin)."""
    limit = max_bytes or default_max_bytes()
    name = Path(path).name if path != "-" else "stdin"
    n = 0
    while True:
        line, too_long = _read_line(f, limit)
        if not line:
            return
        n += 1
        where = f"{path}:{n}"
        if too_long:
            yield RawInput(id=f"{name}:{n}", source=where, problem=errors.TOO_LARGE,
                           detail=f"line {n} is longer than {limit} bytes")
        elif line.strip():
            yield parse_record(line, where, f"{name}:{n}")


def _warc_date(value: Optional[str]) -> Optional[str]:
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else None


def _head(path: str, size: int = 5) -> bytes:
    """Return the first bytes of a file, decompressed when it is gzip."""
    with open(path, "rb") as f:
        magic = f.read(2)
    try:
        with gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb") as f:
            return f.read(size)
    except (OSError, EOFError):
        return b"?"


def read_warc(path: str, max_bytes: Optional[int] = None) -> Iterator[RawInput]:
    """Yield one RawInput per HTML response (or resource) record of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator  # late import: only WARC runs need it

    limit = max_bytes or default_max_bytes()
    head = _head(path)
    if head and not head.startswith(b"WARC/"):
        yield RawInput(id=Path(path).name, source=path, problem=errors.BAD_RECORD,
                       detail="not a WARC file: it does not start with a WARC/ header")
        return
    n = 0
    try:
        with open(path, "rb") as f:
            for n, record in enumerate(ArchiveIterator(f), 1):
                raw = _warc_input(record, path, n, limit)
                if raw is not None:
                    yield raw
    except Exception as exc:  # a truncated or non-WARC file: report it, keep what was read
        yield RawInput(id=f"{Path(path).name}:{n + 1}", source=f"{path}#{n + 1}",
                       problem=errors.BAD_RECORD,
                       detail=f"damaged WARC after record {n}: {type(exc).__name__}")


def _warc_input(record, path: str, n: int, limit: int) -> Optional[RawInput]:
    """Return the RawInput for one WARC record, or None when it is not an HTML page."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode() or "200"
        if not status.startswith("2"):
            return None
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    mime = ctype.split(";")[0].strip().lower()
    if mime not in HTML_TYPES:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{Path(path).name}:{n}"
    raw = RawInput(id=uri, url=uri, source=f"{path}#{n}", media_type="text/html",
                   crawled=_warc_date(record.rec_headers.get_header("WARC-Date")),
                   charset=_charset(ctype))
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        raw.problem, raw.detail = errors.TOO_LARGE, f"record body over {limit} bytes"
    else:
        raw.data = data
    return raw


def _charset(content_type: str) -> Optional[str]:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_file(path: Path, rid: str, max_bytes: Optional[int] = None) -> RawInput:
    """Return a RawInput holding a file's bytes, or a TOO_LARGE one judged from its size."""
    limit = max_bytes or default_max_bytes()
    media = "text/html" if path.name.lower().endswith(HTML_SUFFIXES) else None
    raw = RawInput(id=rid, source=str(path), media_type=media)
    try:
        size = path.stat().st_size
        if size > limit:
            raw.problem, raw.detail = errors.TOO_LARGE, f"{size} bytes on disk, limit {limit}"
            return raw
        raw.data = path.read_bytes()
    except OSError as exc:
        raw.problem, raw.detail = errors.EMPTY, f"could not read the file: {exc.strerror}"
    return raw


def walk(folder: Path) -> Iterator[Path]:
    """Yield the files under `folder` in path order, recursively, skipping hidden files and folders."""
    with os.scandir(folder) as it:
        entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _strip_suffix(name: str) -> str:
    lower = name.lower()
    for suffix in (".warc.gz", ".jsonl.gz") + HTML_SUFFIXES + (".txt", ".text"):
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem if "." in name else name


def read_one(path: Path, rid: str, max_bytes: Optional[int] = None) -> Iterator[RawInput]:
    """Yield the RawInputs of one file, chosen by its name: JSONL, WARC, or a single document."""
    lower = path.name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(str(path), max_bytes)
    elif lower.endswith(WARC_SUFFIXES):
        yield from read_warc(str(path), max_bytes)
    else:
        yield read_file(path, rid, max_bytes)


def read_paths(paths: Iterable[str], max_bytes: Optional[int] = None) -> Iterator[RawInput]:
    """Yield RawInputs from files, folders (recursively, in sorted order) and "-" (JSONL on stdin)."""
    limit = max_bytes or default_max_bytes()
    for arg in paths:
        p = Path(arg)
        if arg == "-":  # JSONL on standard input, for shell pipelines
            yield from read_jsonl_stream(sys.stdin.buffer, "-", limit)
        elif p.is_dir():
            for f in walk(p):
                rel = f.relative_to(p)
                rid = (rel.parent / _strip_suffix(rel.name)).as_posix()
                yield from read_one(f, rid, limit)
        elif p.exists():
            yield from read_one(p, _strip_suffix(p.name), limit)
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
