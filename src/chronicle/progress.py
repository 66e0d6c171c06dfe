"""Progress bars (count, rate, ETA) for long runs, drawn on stderr only when it is a terminal.

A log file or a pipe gets no bar: the commands print their one-line summaries instead.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Iterable, Optional

from tqdm import tqdm


def shown(stream: Optional[IO] = None) -> bool:
    """Return whether a bar would be drawn on `stream` (default stderr): only on a terminal."""
    stream = stream or sys.stderr
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def bar(total: Optional[int] = None, desc: str = "", unit: str = "articles",
        stream: Optional[IO] = None) -> tqdm:
    """Return a tqdm bar on `stream` (default stderr), disabled unless that is a terminal."""
    stream = stream or sys.stderr
    return tqdm(total=total, desc=desc, unit=" " + unit, file=stream, disable=not shown(stream),
                dynamic_ncols=True, smoothing=0.05, mininterval=0.5)


def _jsonl_records(path: Path) -> int:
    import gzip
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def count_inputs(paths: Iterable[str]) -> Optional[int]:
    """Return how many articles `paths` hold (JSONL lines, one per other file), or None when unknown (WARC, stdin)."""
    from .ingest.read import JSONL_SUFFIXES, READ_ERRORS, WARC_SUFFIXES, walk
    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        files = walk(path) if path.is_dir() else [path]
        for f in files:
            if not isinstance(f, Path):  # a folder or link that cannot be read: one error record
                total += 1
                continue
            name = f.name.lower()
            if name.endswith(WARC_SUFFIXES):
                return None
            try:
                total += _jsonl_records(f) if name.endswith(JSONL_SUFFIXES) else 1
            except READ_ERRORS:
                total += 1  # the reader reports it as one failed input (after what it could read)
    return total
