"""Seeded mutations of our own fixture articles (tests/fixtures/fuzz), for the fuzz test and the
longer `make fuzz` campaign (bench/fuzz.py).

`mutant(i, seed)` returns one hostile input file, `(file name, bytes)`: a fixture as text,
HTML, JSONL (plain or gzip) or WARC, changed by one or more mutations: bytes flipped, cut,
lone surrogates, NULs and control characters, tags and entities injected, long runs of
symbols, a phrase repeated into one long sentence, a huge table, other encodings, and
valid-JSON changes to the record's fields. Every id in a mutant starts with `m<i>-`, so
ids are unique across a campaign and each input's fate can be checked.
"""
from __future__ import annotations

import gzip
import json
import random
from pathlib import Path
from typing import Callable

from chronicle.commands import json_line
from chronicle.pipeline import spans_of

FIXTURES = Path(__file__).parent / "fixtures" / "fuzz"
SYMBOLS = "=<>&;:#*~^|\\/-_.,!?'\"()[]{}@$%+`"


def fixtures() -> dict[str, str]:
    """Return the fixture texts by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.iterdir())}


# ------------------------------------------------------------------ text mutations
def symbol_run(rng: random.Random, text: str) -> str:
    n = rng.choice([50, 300, 2000, 20000])
    run = rng.choice(SYMBOLS) * n if rng.random() < 0.5 else \
        "".join(rng.choice(SYMBOLS) for _ in range(n))
    at = rng.randrange(len(text) + 1)
    return text[:at] + run + text[at:]


def repeated_phrase(rng: random.Random, text: str) -> str:
    words = text.split()
    start = rng.randrange(max(1, len(words) - 6))
    phrase = " ".join(words[start:start + rng.randint(3, 6)]) + " "
    return text + "\n\nThe officials said that " + phrase * rng.choice([20, 80, 200]) + "it ended."


def surrogates(rng: random.Random, text: str) -> str:
    out = list(text)
    for _ in range(rng.randint(1, 5)):
        out.insert(rng.randrange(len(out) + 1), chr(rng.randint(0xD800, 0xDFFF)))
    return "".join(out)


def controls(rng: random.Random, text: str) -> str:
    out = list(text)
    for _ in range(rng.randint(1, 30)):
        out.insert(rng.randrange(len(out) + 1), chr(rng.choice([0, 1, 7, 8, 11, 27, 127, 0x85, 0x2028, 0xFEFF])))
    return "".join(out)


def tags(rng: random.Random, text: str) -> str:
    bits = ["<script>alert(1)</script>", "<p>", "</div>", "<br/>", "<!--", "-->", "&amp;" * 50,
            "<" * 500, "&#x0;", "&#55296;", "<![CDATA[", "<table>" + "<tr><td>x</td></tr>" * 300]
    out = text
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        out = out[:at] + rng.choice(bits) + out[at:]
    return out


def unicode_noise(rng: random.Random, text: str) -> str:
    pool = "\u0301\u200b\u202e\ufffd\U0001F600\u4e2d\u0627\u05d0\u0e01\u00e9\u00df"
    out = list(text)
    for _ in range(rng.randint(1, 40)):
        out.insert(rng.randrange(len(out) + 1), rng.choice(pool))
    return "".join(out)


def shrink(rng: random.Random, text: str) -> str:
    words = text.split()
    return " ".join(words[:rng.randint(0, 5)])


def long_line(rng: random.Random, text: str) -> str:
    return text.replace("\n", " ").replace(". ", " ; ") * rng.choice([2, 10, 40])


def digits(rng: random.Random, text: str) -> str:
    return text + " " + " ".join(str(rng.randint(0, 10 ** 30)) for _ in range(rng.randint(1, 200)))


TEXT_MUTATIONS: list[Callable[[random.Random, str], str]] = [
    symbol_run, repeated_phrase, surrogates, controls, tags, unicode_noise, shrink, long_line,
    digits]


# ------------------------------------------------------------------ byte mutations
def flip(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def cut(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def splice(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))) + data[at:]


BYTE_MUTATIONS = [flip, cut, splice]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]


def encode(rng: random.Random, text: str) -> bytes:
    codec = rng.choice(ENCODINGS)
    return text.encode(codec, errors="replace" if codec not in ("utf-8",) else "surrogatepass")


# ------------------------------------------------------------------ containers
def json_record(rng: random.Random, rid: str, text: str, html: bool) -> dict:
    rec = {"id": rid, ("html" if html else "text"): text, "published": "2023-04-12"}
    change = rng.random()
    if change < 0.1:
        rec["published"] = rng.choice(["2023-13-45", "yesterday", "0001-01-01", 20230412, None,
                                       "9999-12-31T99:99", "\ud800"])
    elif change < 0.15:
        rec["text" if not html else "html"] = rng.choice([None, 42, ["a"], {"t": text}, ""])
    elif change < 0.2:
        rec["title"] = rng.choice(["<script>x</script>", "\x00", "t" * 10000, 7])
    elif change < 0.23:
        rec = rng.choice([[rec], "just a string", 3.5, None])
    elif change < 0.26:
        rec["id"] = rng.choice([True, None, "", [rid], {"id": rid}])
    return rec


def warc_file(records: list[tuple[str, bytes]]) -> bytes:
    """Return a WARC holding one HTML response per (uri, body)."""
    out = []
    for uri, body in records:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
                f"WARC-Date: 2023-04-12T10:00:00Z\r\n"
                f"Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n").encode()
        out.append(head + http + b"\r\n\r\n")
    return b"".join(out)


def mutant(i: int, seed: int = 0) -> tuple[str, bytes]:
    """Return the `i`th hostile input file of a campaign: (file name, content)."""
    rng = random.Random(seed * 1_000_003 + i)
    texts = fixtures()
    name = rng.choice(sorted(texts))
    text = texts[name]
    for mutate in rng.sample(TEXT_MUTATIONS, rng.choice([1, 1, 1, 2])):
        text = mutate(rng, text)
    html = name.endswith(".html")
    kind = rng.choice(["file", "file", "jsonl", "jsonl", "jsonl.gz", "warc", "warc.gz"])
    if kind == "file":
        data = encode(rng, text) if rng.random() < 0.3 else text.encode("utf-8", "surrogatepass")
        fname = f"m{i}-{name}"
    elif kind.startswith("jsonl"):
        lines = []
        for k in range(rng.randint(1, 3)):
            rec = json_record(rng, f"m{i}-{k}", text if k == 0 else texts[rng.choice(sorted(texts))],
                              html)
            lines.append(json.dumps(rec))
        data = ("\n".join(lines) + "\n").encode("utf-8")
        fname = f"m{i}.{kind}"
    else:
        bodies = [(f"https://example.org/m{i}/{k}",
                   (text if k == 0 else texts["page.html"]).encode("utf-8", "surrogatepass"))
                  for k in range(rng.randint(1, 3))]
        data = warc_file(bodies)
        fname = f"m{i}.{kind}"
    if rng.random() < 0.35:
        data = rng.choice(BYTE_MUTATIONS)(rng, data)
    if fname.endswith(".gz"):
        data = gzip.compress(data)
        if rng.random() < 0.3:
            data = rng.choice(BYTE_MUTATIONS)(rng, data)
    return fname, data


def check_article(raw, art, failures: list) -> None:
    """Append to `failures` what is wrong with the article made from `raw`."""
    if art.id != raw.id:
        failures.append(f"{raw.source}: id {raw.id!r} came out as {art.id!r}")
    try:
        json.loads(json_line(art.to_contract()).encode("utf-8"))
    except Exception as exc:
        failures.append(f"{raw.source}: record is not valid UTF-8 JSON: {exc!r}")
    for span in spans_of(art.events + art.statements):
        if art.text[span.start:span.end] != span.text:
            failures.append(f"{raw.source}: span {span.text[:40]!r} at {span.start} is not the text")
            break
