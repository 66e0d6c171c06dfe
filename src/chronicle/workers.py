"""Run the pipeline in several processes, the model loaded once per worker, order kept.

`run_parallel(raws, settings)` yields the same `Article`s as `pipeline.run(raws,
settings)`, in input order, using `settings.workers` processes. Inputs are read
lazily and only a few chunks are in flight at a time, so memory stays flat on
inputs of any size.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import traceback
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from itertools import islice
from typing import Iterable, Iterator, Optional

from . import errors, pipeline
from .ingest import RawInput
from .records import Article
from .settings import Settings

log = logging.getLogger(__name__)

# A worker is replaced after this many chunks: spaCy's string store only grows,
# so a fresh process every ~100k articles keeps memory flat on long runs.
TASKS_PER_WORKER = 1500
# The numeric libraries must not start their own threads: the workers are the threads.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")

_settings: Optional[Settings] = None


def _init_worker(settings: Settings) -> None:
    """Load the model once in a fresh worker process (spawned: nothing inherited)."""
    global _settings
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"
    _settings = replace(settings, workers=1)
    from .parse import load_pipeline  # imported here so the thread settings above apply

    load_pipeline(_settings.model)


def _failed(raw: RawInput, exc: BaseException) -> Article:
    """Return an Article for `raw` marked with E008 for `exc`."""
    art = Article(id=raw.id, published=raw.published, title=raw.title, url=raw.url,
                  source=raw.source, outlet=raw.outlet)
    return art.fail(errors.PIPELINE, errors.message(errors.PIPELINE, repr(exc)))


def process_chunk(chunk: list[RawInput], settings: Settings) -> list[Article]:
    """Run the pipeline over one chunk; on a failure outside the stages, retry one by one."""
    try:
        return list(pipeline.run(chunk, settings))
    except Exception:
        log.error("chunk of %d failed, retrying one by one\n%s", len(chunk),
                  traceback.format_exc())
    out = []
    for raw in chunk:
        try:
            out.extend(pipeline.run([raw], settings))
        except Exception as exc:  # one bad input must not stop the run
            log.error("input %s: %s\n%s", raw.id, exc, traceback.format_exc())
            out.append(_failed(raw, exc))
    return out


def peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _work(chunk: list[RawInput]) -> tuple[list[Article], int, float]:
    """Worker side: process one chunk; return articles, pid and peak RSS."""
    assert _settings is not None, "worker not initialised"
    return process_chunk(chunk, _settings), os.getpid(), peak_rss_mb()


def run_parallel(raws: Iterable[RawInput], settings: Settings,
                 stats: Optional[dict] = None) -> Iterator[Article]:
    """Yield finished Articles for `raws` in input order, using settings.workers processes.

    When `stats` is a dict, it receives `peak_rss_mb` (worker pid -> MB) as the run goes.
    """
    workers = max(1, settings.workers)
    chunk_size = max(1, settings.batch_size)
    window = 2 * workers  # chunks in flight: enough to keep every worker busy
    it = iter(raws)
    pending: deque[Future] = deque()
    ctx = multiprocessing.get_context("spawn")  # fork would copy a parent with threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(settings,),
                             max_tasks_per_child=TASKS_PER_WORKER) as pool:
        try:
            while True:
                while len(pending) < window and (chunk := list(islice(it, chunk_size))):
                    pending.append(pool.submit(_work, chunk))
                if not pending:
                    break
                articles, pid, rss = pending.popleft().result()
                if stats is not None:
                    peaks = stats.setdefault("peak_rss_mb", {})
                    peaks[pid] = max(peaks.get(pid, 0.0), rss)
                yield from articles
        finally:  # a consumer that stops early must not wait for work it will not read
            for future in pending:
                future.cancel()


def run(raws: Iterable[RawInput], settings: Settings) -> Iterator[Article]:
    """Yield finished Articles for `raws` in input order: in this process when `settings.workers`
    is 1, else in that many processes (the same articles either way)."""
    if settings.workers > 1:
        yield from run_parallel(raws, settings)
    else:
        yield from pipeline.run(raws, settings)
