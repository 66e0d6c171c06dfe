"""Load inputs into a store: skip what is already there, run the pipeline, save in batches.

Each input is known by a hash of its raw content. Inputs already stored are dropped
before the pipeline sees them, so a re-run adds nothing and a killed run resumes
where it stopped without parsing again. Each batch is saved in one transaction: a
run killed mid-batch leaves none of that batch behind, and the next run redoes it.
"""
from __future__ import annotations

import hashlib
from collections import deque
from itertools import chain, islice
from typing import Callable, Iterable, Iterator, Optional

from ..ingest.read import RawInput
from ..workers import run
from ..records import Article
from ..settings import Settings
from .base import Saved, Store


def raw_hash(raw: RawInput) -> str:
    """Return the sha256 of a raw input's content (or of its origin when it has none)."""
    content = raw.text if raw.text is not None else raw.html
    if content is not None and content:
        return hashlib.sha256(content.encode("utf-8", errors="surrogatepass")).hexdigest()
    if raw.data:
        return hashlib.sha256(raw.data).hexdigest()
    where = f"empty\0{raw.source or ''}\0{raw.id}\0{getattr(raw, 'problem', '') or ''}"
    return hashlib.sha256(where.encode("utf-8")).hexdigest()


def new_inputs(raws: Iterable[RawInput], store: Store, batch_size: int,
               hashes: deque, skipped: list[int]) -> Iterator[RawInput]:
    """Yield the raws not yet stored nor seen in this run; queue each one's hash in `hashes`."""
    seen: set[bytes] = set()  # 16-byte digests: small enough for millions of inputs
    it = iter(raws)
    while batch := list(islice(it, batch_size)):
        keyed = [(raw_hash(r), r) for r in batch]
        known = store.known_inputs([h for h, _ in keyed])
        for h, raw in keyed:
            short = bytes.fromhex(h)[:16]
            if h in known or short in seen:
                skipped[0] += 1
                continue
            seen.add(short)
            hashes.append((raw.id, h))
            yield raw


def load(raws: Iterable[RawInput], store: Store, settings: Settings,
         progress: Optional[Callable[[Saved, int], None]] = None) -> tuple[Saved, int]:
    """Run the pipeline over new `raws` and store them; return what was saved and how many were skipped."""
    hashes: deque = deque()
    skipped = [0]
    total = Saved()
    batch: list[tuple[Article, Optional[str]]] = []

    def flush() -> None:
        saved = store.add([a for a, _ in batch], [h for _, h in batch])
        for name in ("articles", "events", "statements", "errors", "duplicates"):
            setattr(total, name, getattr(total, name) + getattr(saved, name))
        batch.clear()
        if progress:
            progress(total, skipped[0])

    todo = new_inputs(raws, store, settings.batch_size, hashes, skipped)
    first = next(todo, None)
    if first is None:  # nothing new: a re-run need not even load the parser
        if progress:
            progress(total, skipped[0])
        return total, skipped[0]
    for article in run(chain([first], todo), settings):
        raw_id, h = hashes.popleft() if hashes else (None, None)
        # The pipeline yields one article per input, in order; if that ever breaks,
        # store the article without an input hash rather than under the wrong one.
        batch.append((article, h if raw_id == article.id else None))
        if len(batch) >= settings.batch_size:
            flush()
    if batch:
        flush()
    elif progress:
        progress(total, skipped[0])
    return total, skipped[0]
