"""Readers: JSONL, text, HTML, WARC, folders, and oversized inputs."""
import gzip
import io
import json
import shutil
from pathlib import Path

import pytest

from chronicle import errors
from chronicle.ingest.clean import clean
from chronicle.ingest.read import RawInput, read_jsonl, read_paths, read_warc
from chronicle.settings import Settings

FIX = Path(__file__).parent / "fixtures" / "ingest"
S = Settings()


def test_jsonl_records_and_bad_lines():
    raws = list(read_jsonl(str(FIX / "articles.jsonl")))
    # the blank line is skipped; every other line gives one RawInput, bad ones included
    assert [r.id for r in raws] == ["note-1", "page-1", "articles.jsonl:3", "articles.jsonl:4",
                                    "articles.jsonl:6", "no-body", "42"]
    note, page = raws[0], raws[1]
    assert note.text.startswith("  On 3 May 2021") and note.published == "2021-05-04"
    assert note.problem is None and note.source.endswith("articles.jsonl:1")
    assert page.html.startswith("<html>") and page.text is None
    assert page.url == "https://example.org/p1" and page.title == "A page"
    for bad in raws[2:6]:
        assert bad.problem == errors.BAD_RECORD and bad.detail
    assert raws[6].problem is None and raws[6].text.startswith("On 5 May 2021")


def test_bad_record_becomes_error_article_and_run_goes_on():
    arts = [clean(r, S) for r in read_jsonl(str(FIX / "articles.jsonl"))]
    assert arts[2].error.code == errors.BAD_RECORD
    assert "not valid JSON" in arts[2].error.message
    assert arts[5].error.code == errors.BAD_RECORD and "`text` or `html`" in arts[5].error.message
    assert arts[6].error is None


def test_jsonl_gzip(tmp_path):
    p = tmp_path / "batch.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "z1", "text": "Some text here."}) + "\n")
    assert [r.id for r in read_paths([str(p)])] == ["z1"]


def test_jsonl_line_over_the_limit_is_skipped_not_loaded(tmp_path):
    p = tmp_path / "big.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "small", "text": "fine"}) + "\n")
        f.write(json.dumps({"id": "huge", "text": "x" * 5000}) + "\n")
        f.write(json.dumps({"id": "after", "text": "still read"}) + "\n")
    raws = list(read_jsonl(str(p), max_bytes=1000))
    assert [r.problem for r in raws] == [None, errors.TOO_LARGE, None]
    assert raws[2].id == "after"


def test_txt_file_is_read_as_bytes_with_stem_as_id():
    (raw,) = read_paths([str(FIX / "report.txt")])
    assert raw.id == "report" and isinstance(raw.data, bytes) and raw.media_type is None
    assert raw.source.endswith("report.txt")


def test_html_file_is_marked_html():
    (raw,) = read_paths([str(FIX / "page.html")])
    assert raw.id == "page" and raw.media_type == "text/html"
    art = clean(raw, S)
    assert art.error is None and "Guaiba river" in art.text


def test_folder_recursive_sorted_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "b" / "c.htm").write_text("<p>c</p>")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / ".git" / "config.txt").write_text("g")
    shutil.copy(FIX / "articles.jsonl", tmp_path / "b" / "d.jsonl")
    ids = [r.id for r in read_paths([str(tmp_path)])]
    assert ids[:2] == ["a", "b/c"]
    assert ids[2] == "note-1" and ids[-1] == "z"
    assert not any("hidden" in i or "config" in i for i in ids)


def test_missing_path_says_so():
    with pytest.raises(FileNotFoundError):
        list(read_paths(["/no/such/place/at/all.txt"]))


def test_file_over_max_bytes_is_judged_by_size_on_disk(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(20_000_000)  # 20 MB on disk, written sparse so the test stays small
    (raw,) = read_paths([str(p)], max_bytes=5_000_000)
    assert raw.problem == errors.TOO_LARGE and raw.data is None
    assert "20000000 bytes" in raw.detail
    art = clean(raw, S)
    assert art.error.code == errors.TOO_LARGE and "20000000 bytes" in art.error.message


def _write_warc(path, records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=str(path).endswith(".gz"))
        for uri, rtype, ctype, body, date, status in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, rtype, payload=io.BytesIO(body),
                                            http_headers=http,
                                            warc_headers_dict={"WARC-Date": date})
            writer.write_record(rec)


PLAIN_PAGE = ("<html><head><title>Bridge reopens</title></head><body><article>"
              "<p>The old railway bridge over the river reopened to traffic on Friday after two "
              "years of repairs, the city council said in a short statement to residents.</p>"
              "<p>Engineers replaced the steel beams and the deck, and the council said the work "
              "had cost less than planned.</p></article></body></html>")


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_only(tmp_path, name):
    page = (FIX / "page.html").read_bytes()
    warc = tmp_path / name
    _write_warc(warc, [
        ("https://news.example.org/floods", "response", "text/html; charset=utf-8", page,
         "2024-05-07T10:00:00Z", "200 OK"),
        ("https://news.example.org/logo.png", "response", "image/png", b"\x89PNG\r\n\x1a\n",
         "2024-05-07T10:00:01Z", "200 OK"),
        ("https://news.example.org/gone", "response", "text/html", b"<p>gone</p>",
         "2024-05-07T10:00:02Z", "404 Not Found"),
        ("https://other.example.org/bridge", "response", "text/html", PLAIN_PAGE.encode(),
         "2024-05-08T11:00:00Z", "200 OK"),
    ])
    raws = list(read_paths([str(warc)]))
    assert [r.id for r in raws] == ["https://news.example.org/floods",
                                    "https://other.example.org/bridge"]
    assert raws[0].url == raws[0].id and raws[0].crawled == "2024-05-07"
    assert raws[0].charset == "utf-8"
    floods, bridge = (clean(r, S) for r in raws)
    assert floods.error is None and "Porto Alegre" in floods.text
    assert floods.published == "2024-05-06"  # the page's own date beats the crawl date
    assert bridge.error is None and "railway bridge" in bridge.text
    assert bridge.published == "2024-05-08"  # no date in the page: the crawl date


def test_warc_record_over_limit(tmp_path):
    warc = tmp_path / "big.warc.gz"
    _write_warc(warc, [("https://x.example.org/", "response", "text/html",
                        b"<p>" + b"word " * 2000 + b"</p>", "2024-01-01T00:00:00Z", "200 OK")])
    (raw,) = read_warc(str(warc), max_bytes=1000)
    assert raw.problem == errors.TOO_LARGE and raw.data is None


def test_raw_input_keeps_interface():
    r = RawInput(id="a", text="t", html=None, data=None, published=None, title=None, url=None,
                 source=None, problem=None)
    assert r.id == "a" and r.text == "t"


def test_truncated_warc_keeps_what_was_read(tmp_path):
    warc = tmp_path / "cut.warc.gz"
    _write_warc(warc, [(f"https://x.example.org/{i}", "response", "text/html",
                        PLAIN_PAGE.encode(), "2024-01-01T00:00:00Z", "200 OK") for i in range(3)])
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) * 3 // 4])
    raws = list(read_warc(str(warc)))
    assert raws[0].id == "https://x.example.org/0" and clean(raws[0], S).error is None
    assert [r.problem for r in raws] == [None, None, errors.UNREADABLE]
    assert raws[2].source.endswith("#3") and "WARC record 2" in raws[2].detail


def test_not_a_warc_at_all(tmp_path):
    p = tmp_path / "fake.warc"
    p.write_text("this is just a note, not an archive\n")
    (raw,) = read_paths([str(p)])
    assert raw.problem == errors.BAD_RECORD and "not a WARC" in raw.detail


def test_jsonl_on_stdin(monkeypatch):
    import sys

    data = (json.dumps({"id": "s1", "text": "From a pipe."}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [r.id for r in read_paths(["-"])] == ["s1"]
