"""Load inputs into a store: skip what is already there, run the pipeline, save in batches.

Each input is known by a hash of its raw content. Inputs already stored are dropped
before the pipeline sees them, so a re-run adds nothing and a killed run resumes
where it stopped without parsing again. Each batch is saved in one transaction: a
run killed mid-batch leaves none of that batch behind, and the next run redoes it.

Every input id ends up in the store once: as an article, or, when its text repeats a
stored article (or one earlier in the same run), in `duplicates` pointing at that
article. An input that could not be read (E010) is stored as an error but not
remembered as seen, so the next run tries it again.
"""
from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Callable, Iterable, Iterator, Optional

from .. import errors
from ..ingest.read import RawInput
from ..workers import run
from ..records import Article
from ..settings import Settings
from .base import Saved, Store

Duplicate = tuple[str, Optional[str], str]  # (input id, source, raw hash)


def raw_hash(raw: RawInput) -> str:
    """Return the sha256 of a raw input's content (or of its origin when it has none)."""
    content = raw.text if raw.text is not None else raw.html
    if content is not None and content:
        return hashlib.sha256(content.encode("utf-8", errors="surrogatepass")).hexdigest()
    if raw.data:
        return hashlib.sha256(raw.data).hexdigest()
    where = f"empty\0{raw.source or ''}\0{raw.id}\0{getattr(raw, 'problem', '') or ''}"
    return hashlib.sha256(where.encode("utf-8", errors="surrogatepass")).hexdigest()


@dataclass
class _Run:
    """What one load has seen: hashes queued for the pipeline's articles, duplicates waiting
    for their article to be stored, inputs skipped."""

    hashes: deque = field(default_factory=deque)
    duplicates: list[Duplicate] = field(default_factory=list)
    skipped: int = 0


def new_inputs(raws: Iterable[RawInput], store: Store, batch_size: int,
               seen_run: _Run) -> Iterator[RawInput]:
    """Yield the raws not yet stored nor seen in this run; queue each one's hash, and each
    repeated text under a new id as a duplicate to record."""
    seen: dict[bytes, int] = {}  # 16-byte digest -> hash of the first id: small for millions
    it = iter(raws)
    while batch := list(islice(it, batch_size)):
        keyed = [(raw_hash(r), r) for r in batch]
        recorded = store.recorded_ids([h for h, _ in keyed])
        for h, raw in keyed:
            short = bytes.fromhex(h)[:16]
            ids = recorded.get(h)
            if ids is not None or short in seen:
                again = raw.id in ids if ids is not None else seen[short] == hash(raw.id)
                if again:  # the same input once more: nothing new to record
                    seen_run.skipped += 1
                else:
                    seen_run.duplicates.append((raw.id, raw.source, h))
                    if ids is not None:
                        ids.add(raw.id)
                continue
            seen[short] = hash(raw.id)
            seen_run.hashes.append((raw.id, None if raw.problem == errors.UNREADABLE else h))
            yield raw


def load(raws: Iterable[RawInput], store: Store, settings: Settings,
         progress: Optional[Callable[[Saved, int], None]] = None,
         total: Optional[Saved] = None) -> tuple[Saved, int]:
    """Run the pipeline over new `raws` and store them; return what was saved and how many
    inputs were skipped as already stored. `total`, when given, is filled as the run goes
    (what was saved before a Ctrl-C)."""
    state = _Run()
    total = total if total is not None else Saved()
    batch: list[tuple[Article, Optional[str]]] = []

    def add(saved: Saved) -> None:
        for name in ("articles", "events", "statements", "errors", "duplicates"):
            setattr(total, name, getattr(total, name) + getattr(saved, name))

    def flush() -> None:
        if batch:
            add(store.add([a for a, _ in batch], [h for _, h in batch]))
            batch.clear()
        if state.duplicates:
            recorded, state.duplicates = store.add_duplicates(state.duplicates)
            total.duplicates += recorded
        if progress:
            progress(total, state.skipped)

    todo = new_inputs(raws, store, settings.batch_size, state)
    first = next(todo, None)
    if first is None:  # nothing new: a re-run need not even load the parser
        flush()
        return total, state.skipped
    articles = run(chain([first], todo), settings)
    try:
        for article in articles:
            raw_id, h = state.hashes.popleft() if state.hashes else (None, None)
            # The pipeline yields one article per input, in order; if that ever breaks,
            # store the article without an input hash rather than under the wrong one.
            batch.append((article, h if raw_id == article.id else None))
            if len(batch) >= settings.batch_size:
                flush()
    except KeyboardInterrupt:
        flush()  # the finished articles of the open batch are kept: less to redo
        raise
    finally:
        articles.close()  # stops any workers now
    flush()
    return total, state.skipped
