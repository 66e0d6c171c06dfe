"""Reading faults: every unreadable, corrupt or cut source gives an E010 record naming it, and
the other sources are read; folders give only their article files."""
from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from chronicle import errors
from chronicle.ingest.read import read_paths, read_warc

REPORT = ("Farmers blocked the main road into the provincial capital on Wednesday to protest "
          "against a new tax on fertiliser, the local radio station reported.")


def lines(n: int, prefix: str = "r") -> str:
    return "".join(json.dumps({"id": f"{prefix}{i}", "text": f"{REPORT} Item {i}."}) + "\n"
                   for i in range(n))


def ids_and_codes(raws) -> list[tuple[str, str]]:
    return [(r.id, r.problem) for r in raws]


def test_cut_gzip_jsonl_keeps_the_lines_before_and_says_where(tmp_path):
    data = gzip.compress(lines(200).encode())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    after = tmp_path / "after.jsonl"
    after.write_text(lines(1, prefix="next"))
    raws = list(read_paths([str(cut), str(after)]))
    assert raws[-1].id == "next0" and raws[-1].problem is None
    bad = raws[-2]
    assert bad.problem == errors.UNREADABLE and "cut.jsonl.gz" in bad.detail
    good = raws[:-2]
    assert good and [r.id for r in good] == [f"r{i}" for i in range(len(good))]
    assert bad.id == f"cut.jsonl.gz:{len(good) + 1}"


def test_corrupt_gzip_jsonl_gives_an_error_record(tmp_path):
    data = bytearray(gzip.compress(lines(50).encode()))
    for i in range(40, 60):  # bytes flipped inside the deflate stream
        data[i] ^= 0xFF
    p = tmp_path / "flipped.jsonl.gz"
    p.write_bytes(bytes(data))
    raws = list(read_paths([str(p)]))
    assert raws[-1].problem == errors.UNREADABLE
    assert all(r.problem in (None, errors.BAD_RECORD) for r in raws[:-1])


def test_a_file_named_gz_that_is_not_gzip(tmp_path):
    p = tmp_path / "plain.jsonl.gz"
    p.write_text(lines(2))
    (raw,) = read_paths([str(p)])
    assert raw.problem == errors.UNREADABLE and raw.source.endswith("plain.jsonl.gz:1")


def test_unreadable_text_file_is_not_called_empty(tmp_path, monkeypatch):
    p = tmp_path / "locked.txt"
    p.write_text(REPORT)
    real_open = open

    def no_permission(path, *a, **k):
        if str(path) == str(p):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", no_permission)
    (raw,) = read_paths([str(p)])
    assert raw.problem == errors.UNREADABLE and "Permission denied" in raw.detail


def test_unreadable_folder_gives_an_error_record_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(REPORT)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(REPORT)
    real_scandir = os.scandir

    def refuse_a(path):
        if Path(path).name == "a":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_a)
    raws = list(read_paths([str(tmp_path)]))
    assert ids_and_codes(raws) == [("a", errors.UNREADABLE), ("b/two", None)]


def test_symlink_loops_give_error_records(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "story.txt").write_text(REPORT)
    (root / "sub" / "back").symlink_to(root, target_is_directory=True)  # a loop through folders
    (root / "self.txt").symlink_to(root / "self.txt")  # a link to itself
    (root / "gone.txt").symlink_to(root / "nowhere.txt")  # a dangling link
    raws = list(read_paths([str(root)]))
    codes = dict(ids_and_codes(raws))
    assert codes["sub/story"] is None
    assert codes["sub/back"] == errors.UNREADABLE
    assert codes["self.txt"] == errors.UNREADABLE and codes["gone.txt"] == errors.UNREADABLE
    assert len(raws) == 4


def test_a_linked_folder_is_read(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "story.txt").write_text(REPORT)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "linked").symlink_to(tmp_path / "real", target_is_directory=True)
    assert ids_and_codes(read_paths([str(tmp_path / "in")])) == [("linked/story", None)]


def test_folder_reads_article_files_only_and_counts_the_rest(tmp_path):
    (tmp_path / "README.md").write_text("# notes about this folder\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "story.txt").write_text(REPORT)
    (tmp_path / "page.htm").write_text(f"<html><body><p>{REPORT}</p></body></html>")
    (tmp_path / "batch.jsonl").write_text(lines(2))
    skipped: list[str] = []
    ids = [r.id for r in read_paths([str(tmp_path)], skipped=skipped)]
    assert ids == ["r0", "r1", "page", "story"]
    assert sorted(Path(p).name for p in skipped) == ["README.md", "photo.jpg"]


def test_a_file_named_on_the_command_line_is_read_whatever_its_name(tmp_path):
    p = tmp_path / "notes.md"
    p.write_text(REPORT)
    (raw,) = read_paths([str(p)])
    assert raw.problem is None and raw.data


def test_missing_paths_are_named_before_anything_is_read(tmp_path):
    good = tmp_path / "story.txt"
    good.write_text(REPORT)
    with pytest.raises(FileNotFoundError, match="nowhere.txt"):
        next(read_paths([str(good), str(tmp_path / "nowhere.txt")]))


# ------------------------------------------------------------------ WARC
def warc_record(uri: str, body: bytes) -> bytes:
    """Return one WARC response record holding an HTTP 200 HTML page."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-03-02T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def page(n: int) -> bytes:
    return f"<html><body><article><p>{REPORT} Page {n}.</p></article></body></html>".encode()


def test_warc_record_cut_in_the_middle_is_an_error_and_the_next_is_read(tmp_path):
    first, second, third = (warc_record(f"https://example.org/{i}", page(i)) for i in range(3))
    body_at = second.index(b"<article>")
    damaged = second[:body_at] + second[body_at + 40:]  # 40 bytes lost; the header still says more
    p = tmp_path / "crawl.warc"
    p.write_bytes(first + damaged + third)
    raws = list(read_warc(str(p)))
    assert ids_and_codes(raws) == [("https://example.org/0", None),
                                   ("https://example.org/1", errors.UNREADABLE),
                                   ("https://example.org/2", None)]
    assert raws[1].source.endswith("#2") and "record 2" in raws[1].detail
    assert b"Page 2" in raws[2].data


def test_warc_cut_at_the_end_is_not_stored_as_a_short_article(tmp_path):
    whole = warc_record("https://example.org/0", page(0)) + warc_record("https://example.org/1", page(1))
    p = tmp_path / "cut.warc"
    p.write_bytes(whole[:-60])
    raws = list(read_warc(str(p)))
    assert ids_and_codes(raws) == [("https://example.org/0", None),
                                   ("https://example.org/1", errors.UNREADABLE)]
    assert "declared" in raws[1].detail


def test_gzip_warc_cut_gives_an_error_after_what_was_read(tmp_path):
    members = b"".join(gzip.compress(warc_record(f"https://example.org/{i}", page(i)))
                       for i in range(3))
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(members[:-30])
    raws = list(read_warc(str(p)))
    assert [r.problem for r in raws] == [None, None, errors.UNREADABLE]


def test_garbage_between_warc_records_is_reported_and_skipped(tmp_path):
    p = tmp_path / "noisy.warc"
    p.write_bytes(warc_record("https://example.org/0", page(0)) + b"some stray bytes\r\n"
                  + warc_record("https://example.org/1", page(1)))
    raws = list(read_warc(str(p)))
    assert [r.problem for r in raws] == [None, errors.UNREADABLE, None]
    assert raws[2].id == "https://example.org/1"


def test_warc_from_warcio_still_reads(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "w.warc.gz"
    with open(p, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i in range(2):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://example.org/{i}", "response", payload=io.BytesIO(page(i)),
                http_headers=http))
    raws = list(read_warc(str(p)))
    assert [(r.id, r.problem) for r in raws] == [("https://example.org/0", None),
                                                ("https://example.org/1", None)]


def test_extract_says_how_many_files_it_skipped(tmp_path, capsys):
    from chronicle.cli import main
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "README.md").write_text("# what is in this folder\n")
    (folder / "story.txt").write_text(REPORT)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "skipped 1 file that is not an article (README.md)" in err
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["story"]
