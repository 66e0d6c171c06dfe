"""Read WARC files (plain or gzip) record by record, each checked against its declared length.

Records are framed here, not by warcio, so that damage is seen: a record cut at the end of
the file (fewer bytes than its Content-Length), or cut in the middle (its declared length
runs into the next record's header, or is not followed by the record separator), gives an
E010 record naming the file and the record, and reading goes on at the next record header.
A whole record is then handed to warcio, which reads its HTTP headers and decodes its body.
"""
from __future__ import annotations

import gzip
import io
import re
import zlib
from pathlib import Path
from typing import IO, Iterator, Optional

from .. import errors
from .raw import RawInput, default_max_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_LINE = 64 * 1024  # a WARC or HTTP header line longer than this is damage
MAX_HEADER_LINES = 500
CHUNK = 1 << 16
HEADER_START = re.compile(rb"(?:^|\n)(WARC/1\.[0-9]\r?\n)")
BODY_TYPES = ("response", "resource")


class _Stream:
    """A binary stream that can take bytes back, counting the offset of the next byte."""

    def __init__(self, f: IO[bytes]):
        self.f, self.buf, self.pos = f, b"", 0

    def read(self, n: int) -> bytes:
        """Return up to `n` bytes; fewer only at the end of the stream."""
        out = [self.buf[:n]]
        self.buf = self.buf[n:]
        got = len(out[0])
        while got < n:
            more = self.f.read(min(n - got, CHUNK * 16))
            if not more:
                break
            out.append(more)
            got += len(more)
        data = b"".join(out)
        self.pos += len(data)
        return data

    def readline(self) -> bytes:
        """Return one line (with its newline) of at most MAX_LINE bytes."""
        i = self.buf.find(b"\n", 0, MAX_LINE)
        if i < 0 and len(self.buf) < MAX_LINE:
            self.buf += self.f.readline(MAX_LINE - len(self.buf))
            i = self.buf.find(b"\n", 0, MAX_LINE)
        end = i + 1 if i >= 0 else min(len(self.buf), MAX_LINE)
        line, self.buf = self.buf[:end], self.buf[end:]
        self.pos += len(line)
        return line

    def unread(self, data: bytes) -> None:
        """Put `data` back in front of the stream."""
        self.buf = data + self.buf
        self.pos -= len(data)

    def skip_to_header(self) -> bool:
        """Skip to the next line starting a WARC record; return False at the end of the stream."""
        tail = b"\n"
        while True:
            chunk = self.read(CHUNK)
            if not chunk:
                return False
            window = tail + chunk
            m = HEADER_START.search(window)
            if m:
                self.unread(window[m.start(1):])
                return True
            tail = window[-16:]


def _headers(lines: list[bytes]) -> dict[str, str]:
    out = {}
    for line in lines:
        key, sep, value = line.decode("latin-1").partition(":")
        if sep:
            out[key.strip().lower()] = value.strip()
    return out


def _charset(content_type: str) -> Optional[str]:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _date(value: Optional[str]) -> Optional[str]:
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else None


class _Record:
    """One framed record: its number, WARC headers, raw header bytes and block (or why not)."""

    def __init__(self, n: int, offset: int, head: bytes, headers: dict[str, str]):
        self.n, self.offset, self.head, self.headers = n, offset, head, headers
        self.block: Optional[bytes] = None
        self.problem: Optional[str] = None  # errors.UNREADABLE or errors.TOO_LARGE
        self.detail = ""
        self.http_type: Optional[str] = None  # Content-Type of an over-limit record's HTTP part
        self.cut_at_end = False  # the file ends inside this record

    @property
    def type(self) -> str:
        return self.headers.get("warc-type", "").lower()

    @property
    def uri(self) -> Optional[str]:
        return self.headers.get("warc-target-uri") or None


def _frame(s: _Stream, limit: int) -> Iterator[_Record]:
    """Yield the records of a decompressed WARC stream, damaged ones marked UNREADABLE."""
    n = 0
    while True:
        line = s.readline()
        while line and not line.strip():
            line = s.readline()
        if not line:
            return
        n += 1
        offset = s.pos - len(line)
        if not line.startswith(b"WARC/"):
            rec = _Record(n, offset, b"", {})
            rec.problem, rec.detail = errors.UNREADABLE, f"no WARC header at byte {offset}"
            yield rec
            if not s.skip_to_header():
                return
            continue
        lines = [line]
        while len(lines) <= MAX_HEADER_LINES:
            line = s.readline()
            lines.append(line)
            if not line.strip():
                break
        rec = _Record(n, offset, b"".join(lines), _headers(lines[1:]))
        if not lines[-1]:
            rec.problem, rec.cut_at_end = errors.UNREADABLE, True
            rec.detail = "the file ends inside the record's header"
            yield rec
            return
        try:
            length = int(rec.headers.get("content-length", ""))
            if length < 0 or lines[-1].strip():
                raise ValueError
        except ValueError:
            rec.problem, rec.detail = errors.UNREADABLE, "no valid Content-Length or header end"
            yield rec
            if not s.skip_to_header():
                return
            continue
        yield _read_block(s, rec, length, limit)
        if rec.cut_at_end:
            return


def _read_block(s: _Stream, rec: _Record, length: int, limit: int) -> _Record:
    """Read the record's block and check what follows it; return the record, marked if damaged."""
    if length > limit:
        head = s.read(min(length, CHUNK))
        rec.http_type = _http_type(head) if rec.type == "response" else None
        got = len(head)
        while got < length and (more := s.read(min(length - got, CHUNK * 16))):
            got += len(more)
        block, rec.problem = b"", errors.TOO_LARGE
        rec.detail = f"record body of {length} bytes, limit {limit}"
    else:
        block = s.read(length)
        got = len(block)
    if got < length:
        rec.problem, rec.cut_at_end = errors.UNREADABLE, True
        rec.detail = f"the file ends inside the record: {length} bytes declared, {got} present"
        return rec
    ahead = s.read(16)
    s.unread(ahead)
    rest = ahead.lstrip(b"\r\n")
    separated = ahead.startswith((b"\r\n\r\n", b"\n\n"))  # the record ends where it said
    if not separated and rest and not rest.startswith(b"WARC/"[:len(rest)]):
        # The declared length is wrong: the record was cut and the next one follows early.
        m = HEADER_START.search(block)
        if m:
            s.unread(block[m.start(1):])
        else:
            s.skip_to_header()
        rec.problem, rec.block = errors.UNREADABLE, None
        rec.detail = (f"the record is cut: {length} bytes declared, but "
                      + (f"the next record starts after {m.start(1)}" if m
                         else "no record separator follows"))
        return rec
    if rec.problem is None:
        rec.block = block
    return rec


def _http_type(head: bytes) -> Optional[str]:
    """Return the Content-Type of the HTTP response starting `head`, or None."""
    lines = head.split(b"\r\n\r\n", 1)[0].split(b"\n")
    return _headers(lines[1:]).get("content-type")


def _warcio_record(rec: _Record):
    """Return warcio's parsed record for one whole framed record."""
    from warcio.archiveiterator import ArchiveIterator  # late import: only WARC runs need it

    data = rec.head + rec.block + b"\r\n\r\n"
    return next(iter(ArchiveIterator(io.BytesIO(data))))


def _input(rec: _Record, path: str, limit: int) -> Optional[RawInput]:
    """Return the RawInput of one framed record, or None when it is not an HTML page."""
    name = Path(path).name
    if rec.problem == errors.UNREADABLE:
        rid = rec.uri if rec.uri and rec.type in BODY_TYPES else f"{name}:{rec.n}"
        what = f"WARC record {rec.n} at byte {rec.offset}"
        if rec.headers.get("warc-record-id"):
            what += f" ({rec.headers['warc-record-id']})"
        return RawInput(id=rid, url=rec.uri, source=f"{path}#{rec.n}", problem=rec.problem,
                        detail=f"{what}: {rec.detail}")
    if rec.type not in BODY_TYPES:
        return None
    if rec.problem == errors.TOO_LARGE:
        ctype = rec.http_type if rec.type == "response" else rec.headers.get("content-type")
        if (ctype or "").split(";")[0].strip().lower() not in HTML_TYPES:
            return None
        return RawInput(id=rec.uri or f"{name}:{rec.n}", url=rec.uri, source=f"{path}#{rec.n}",
                        media_type="text/html", problem=rec.problem, detail=rec.detail,
                        crawled=_date(rec.headers.get("warc-date")))
    record = _warcio_record(rec)
    if record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode() or "200"
        if not status.startswith("2"):
            return None
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    uri = rec.uri or f"{name}:{rec.n}"
    raw = RawInput(id=uri, url=uri, source=f"{path}#{rec.n}", media_type="text/html",
                   crawled=_date(rec.headers.get("warc-date")), charset=_charset(ctype))
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        raw.problem, raw.detail = errors.TOO_LARGE, f"record body over {limit} bytes"
    else:
        raw.data = data
    return raw


def _guarded_input(rec: _Record, path: str, limit: int) -> Optional[RawInput]:
    """Return `_input` of the record, or an E010 RawInput naming it when warcio cannot read it."""
    try:
        return _input(rec, path, limit)
    except Exception as exc:  # a whole but malformed record (HTTP headers, encoding) is one error
        rec.problem, rec.detail = errors.UNREADABLE, f"unreadable record: {type(exc).__name__}: {exc}"
        return _input(rec, path, limit)


def _head(path: str, size: int = 5) -> bytes:
    """Return the first bytes of a file, decompressed when it is gzip."""
    with open(path, "rb") as f:
        magic = f.read(2)
    try:
        with gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb") as f:
            return f.read(size)
    except (OSError, EOFError, zlib.error):
        return b"?"


def read_warc(path: str, max_bytes: Optional[int] = None) -> Iterator[RawInput]:
    """Yield one RawInput per HTML response (or resource) record of a WARC file, and one E010
    RawInput per damaged record or for a gzip stream that breaks off."""
    limit = max_bytes or default_max_bytes()
    name = Path(path).name
    try:
        head = _head(path)
    except OSError as exc:
        yield RawInput(id=name, source=path, problem=errors.UNREADABLE,
                       detail=f"could not open the file: {exc.strerror or exc}")
        return
    if head and not head.startswith(b"WARC/"):
        yield RawInput(id=name, source=path, problem=errors.BAD_RECORD,
                       detail="not a WARC file: it does not start with a WARC/ header")
        return
    n = 0
    try:
        with open(path, "rb") as raw_file:
            gzipped = raw_file.read(2) == b"\x1f\x8b"
            raw_file.seek(0)
            f = gzip.open(raw_file, "rb") if gzipped else raw_file
            for rec in _frame(_Stream(f), limit):
                n = rec.n
                raw = _guarded_input(rec, path, limit)
                if raw is not None:
                    yield raw
    except (OSError, EOFError, zlib.error) as exc:  # a gzip stream cut or corrupt: keep what was read
        yield RawInput(id=f"{name}:{n + 1}", source=f"{path}#{n + 1}", problem=errors.UNREADABLE,
                       detail=f"the file is damaged after WARC record {n}: {exc}")
