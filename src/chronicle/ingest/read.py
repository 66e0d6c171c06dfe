"""Ingest: read inputs (JSONL, text, HTML, WARC, folders) into `RawInput`s.

Everything streams: a JSONL file or a WARC is read one record at a time, and a
file larger than `max_bytes` is judged from its size on disk without being read.
Bytes are not decoded here; `clean.clean` decodes, checks and cleans them.

A source that cannot be read (no permission, a corrupt or cut gzip stream, a symbolic
link loop, a damaged WARC record) gives a RawInput with error E010 naming it; what
could be read before is kept and the other sources are read. In a folder only article
files are read (ARTICLE_SUFFIXES); the others are counted in `skipped`.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from .. import errors
from .raw import RawInput, default_max_bytes
from .warc import read_warc

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TEXT_SUFFIXES = (".txt", ".text")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
SKIP_CHUNK = 1 << 20  # bytes read at a time when skipping the rest of an oversized line
READ_ERRORS = (OSError, EOFError, zlib.error)  # what a cut or corrupt file raises while read

__all__ = ["RawInput", "read_paths", "read_jsonl", "read_jsonl_stream", "read_warc",
           "read_file", "parse_record", "walk", "is_article_file"]


def _open_binary(path: str) -> IO[bytes]:
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def _unreadable(rid: str, where: str, detail: str) -> RawInput:
    return RawInput(id=rid, source=where, problem=errors.UNREADABLE, detail=detail)


def _why(exc: BaseException) -> str:
    """Return a short reason for a read error ('Permission denied', 'Too many levels ...')."""
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


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
    except RecursionError:
        return bad(fallback_id, "not valid JSON: nested too deeply")
    except ValueError as exc:
        return bad(fallback_id, f"not valid JSON: {getattr(exc, 'msg', exc)}"
                                f" at column {getattr(exc, 'colno', '?')}")
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
    try:
        f = _open_binary(path)
    except OSError as exc:
        yield _unreadable(Path(path).name, path, f"could not open the file: {_why(exc)}")
        return
    with f:
        yield from read_jsonl_stream(f, path, max_bytes)


def read_jsonl_stream(f: IO[bytes], path: str = "-",
                      max_bytes: Optional[int] = None) -> Iterator[RawInput]:
    """Yield one RawInput per non-blank line of an open binary JSONL stream (e.g. stdin);
    a stream that breaks off (a cut or corrupt gzip file) ends with one E010 RawInput."""
    limit = max_bytes or default_max_bytes()
    name = Path(path).name if path != "-" else "stdin"
    n = 0
    while True:
        try:
            line, too_long = _read_line(f, limit)
        except READ_ERRORS as exc:
            yield _unreadable(f"{name}:{n + 1}", f"{path}:{n + 1}",
                              f"{path} could not be read after line {n}: {_why(exc)}")
            return
        if not line:
            return
        n += 1
        where = f"{path}:{n}"
        if too_long:
            yield RawInput(id=f"{name}:{n}", source=where, problem=errors.TOO_LARGE,
                           detail=f"line {n} is longer than {limit} bytes")
        elif line.strip():
            yield parse_record(line, where, f"{name}:{n}")


def read_file(path: Path, rid: str, max_bytes: Optional[int] = None) -> RawInput:
    """Return a RawInput holding a file's bytes, a TOO_LARGE one judged from its size, or an
    UNREADABLE one saying why it could not be read."""
    limit = max_bytes or default_max_bytes()
    media = "text/html" if path.name.lower().endswith(HTML_SUFFIXES) else None
    raw = RawInput(id=rid, source=str(path), media_type=media)
    try:
        size = path.stat().st_size
        if size > limit:
            raw.problem, raw.detail = errors.TOO_LARGE, f"{size} bytes on disk, limit {limit}"
            return raw
        with open(path, "rb") as f:
            data = f.read(limit + 1)  # a device or a growing file says nothing true in st_size
    except OSError as exc:
        raw.problem, raw.detail = errors.UNREADABLE, f"could not read the file: {_why(exc)}"
        return raw
    if len(data) > limit:
        raw.problem, raw.detail = errors.TOO_LARGE, f"over {limit} bytes when read"
    else:
        raw.data = data
    return raw


def is_article_file(name: str) -> bool:
    """Return whether a file name says it holds articles (text, HTML, JSONL or WARC)."""
    return name.lower().endswith(ARTICLE_SUFFIXES)


def walk(folder: Path, skipped: Optional[list[str]] = None,
         _above: frozenset = frozenset()) -> Iterator[Union[Path, RawInput]]:
    """Yield the article files under `folder` in path order (recursively, following links to
    folders, skipping hidden ones), and an E010 RawInput for each folder or link that cannot
    be read; other files are appended to `skipped`."""
    try:
        st = folder.stat()
        here = (st.st_dev, st.st_ino)
        if here in _above:
            yield _unreadable(folder.as_posix(), str(folder),
                              "symbolic link loop: it leads back to a folder above it")
            return
        with os.scandir(folder) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield _unreadable(folder.as_posix(), str(folder), f"could not read the folder: {_why(exc)}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_dir():
                yield from walk(path, skipped, _above | {here})
            elif entry.is_file():
                if is_article_file(entry.name):
                    yield path
                elif skipped is not None:
                    skipped.append(str(path))
            elif entry.is_symlink():
                yield _unreadable(path.as_posix(), str(path),
                                  "broken symbolic link: " + _why(_stat_error(path)))
            elif skipped is not None:  # a socket, a pipe, a device: never an article
                skipped.append(str(path))
        except OSError as exc:  # a link loop, or a file gone while the folder was read
            yield _unreadable(path.as_posix(), str(path), f"could not read: {_why(exc)}")


def _stat_error(path: Path) -> BaseException:
    try:
        path.stat()
    except OSError as exc:
        return exc
    return OSError("the target is not a file or folder")


def _strip_suffix(name: str) -> str:
    lower = name.lower()
    for suffix in (".warc.gz", ".jsonl.gz") + HTML_SUFFIXES + TEXT_SUFFIXES:
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


def read_paths(paths: Iterable[str], max_bytes: Optional[int] = None,
               skipped: Optional[list[str]] = None) -> Iterator[RawInput]:
    """Yield RawInputs from files, folders (recursively, in sorted order) and "-" (JSONL on stdin).

    Every path must exist (FileNotFoundError before anything is read); files in folders
    that are not article files are appended to `skipped` when it is given.
    """
    limit = max_bytes or default_max_bytes()
    paths = list(paths)
    missing = [a for a in paths if a != "-" and not os.path.lexists(a)]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    for arg in paths:
        p = Path(arg)
        if arg == "-":  # JSONL on standard input, for shell pipelines
            yield from read_jsonl_stream(sys.stdin.buffer, "-", limit)
        elif p.is_dir():
            for item in walk(p, skipped):
                if isinstance(item, RawInput):  # named like the articles: relative to the folder
                    rel_error = Path(item.source or arg).relative_to(p).as_posix()
                    item.id = p.name if rel_error == "." else rel_error
                    yield item
                    continue
                rel = item.relative_to(p)
                yield from read_one(item, (rel.parent / _strip_suffix(rel.name)).as_posix(), limit)
        else:
            yield from read_one(p, _strip_suffix(p.name), limit)
