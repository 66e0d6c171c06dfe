"""Ingest: read inputs (JSONL, text, HTML, WARC, folders) into `RawInput`s.

Placeholder: JSONL and .txt only, until the ingest stage lands.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional


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
    problem: Optional[str] = None  # an error code found while reading (e.g. a bad JSONL line)


def read_jsonl(path: str) -> Iterator[RawInput]:
    """Yield one RawInput per line of a contract JSONL file."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rec = json.loads(line)
            yield RawInput(id=str(rec["id"]), text=rec.get("text"), html=rec.get("html"),
                           published=rec.get("published"), title=rec.get("title"),
                           url=rec.get("url"), source=f"{path}:{n}")


def read_paths(paths: Iterable[str]) -> Iterator[RawInput]:
    """Yield RawInputs from files and folders."""
    for p in map(Path, paths):
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            if f.suffix == ".jsonl":
                yield from read_jsonl(str(f))
            else:
                yield RawInput(id=f.stem, data=f.read_bytes(), source=str(f))
