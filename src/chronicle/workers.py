"""Run the pipeline in several processes, the model loaded once per worker, order kept.

`run_parallel(raws, settings)` yields the same `Article`s as `pipeline.run(raws,
settings)`, in input order, one per input, using `settings.workers` processes. Inputs
are read lazily and only a few chunks are in flight at a time, so memory stays flat on
inputs of any size.

Faults: a worker that dies (killed, out of memory, a crash in a library) is replaced and
its chunk redone one input at a time, so only the input that kills it is lost (E008).
Workers ignore Ctrl-C (the parent stops them) and end when their parent is gone, even
killed with SIGKILL.
"""
from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
import traceback
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
PR_SET_PDEATHSIG = 1  # linux/prctl.h
DIED = "the worker process died on this input (killed, out of memory, or a crash in a library)"

_settings: Optional[Settings] = None


def _die_with(parent: int) -> None:
    """End this process when `parent` is gone: at once on Linux (the kernel sends SIGKILL),
    else within a second (a thread watching the parent id)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    if os.getppid() != parent:  # the parent died before the kernel was told
        os._exit(1)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _init_worker(settings: Settings, parent: int) -> None:
    """Set up a fresh worker process (spawned: nothing inherited) and load the model once."""
    global _settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    _die_with(parent)
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"
    _settings = replace(settings, workers=1)
    from .parse import load_pipeline  # imported here so the thread settings above apply

    load_pipeline(_settings.model)


def _failed(raw: RawInput, detail: str) -> Article:
    """Return an Article for `raw` marked with E008 for `detail`."""
    return pipeline.failed(raw, errors.PIPELINE, errors.message(errors.PIPELINE, detail))


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
            out.append(_failed(raw, repr(exc)))
    return out


def peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _work(chunk: list[RawInput]) -> tuple[list[Article], int, float]:
    """Worker side: process one chunk; return articles, pid and peak RSS."""
    assert _settings is not None, "worker not initialised"
    return process_chunk(chunk, _settings), os.getpid(), peak_rss_mb()


class _Pool:
    """A process pool that can be replaced when one of its workers dies."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("spawn")  # fork would copy a parent with threads
        return ProcessPoolExecutor(max_workers=max(1, self.settings.workers), mp_context=ctx,
                                   initializer=_init_worker, initargs=(self.settings, os.getpid()),
                                   max_tasks_per_child=TASKS_PER_WORKER)

    def submit(self, chunk: list[RawInput]) -> Future:
        return self.pool.submit(_work, chunk)

    def restart(self) -> None:
        """Stop every worker at once and start a fresh pool."""
        self.stop()
        self.pool = self._start()

    def stop(self) -> None:
        """Stop every worker at once, dropping work in flight."""
        # The executor has no public way to end a busy worker; its process table is stable.
        for proc in list(getattr(self.pool, "_processes", {}).values()):
            if proc.is_alive():
                proc.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(pool: _Pool, chunk: list[RawInput]) -> list[Article]:
    """Redo a chunk whose worker died, one input at a time; the input that kills a worker
    again gets E008."""
    out = []
    for raw in chunk:
        try:
            articles, _, _ = pool.submit([raw]).result()
            out.extend(articles)
        except BrokenProcessPool:
            log.error("input %s: %s", raw.id, DIED)
            pool.restart()
            out.append(_failed(raw, DIED))
    return out


def run_parallel(raws: Iterable[RawInput], settings: Settings,
                 stats: Optional[dict] = None) -> Iterator[Article]:
    """Yield finished Articles for `raws` in input order, using settings.workers processes.

    When `stats` is a dict, it receives `peak_rss_mb` (worker pid -> MB) as the run goes.
    """
    workers = max(1, settings.workers)
    chunk_size = max(1, settings.batch_size)
    window = 2 * workers  # chunks in flight: enough to keep every worker busy
    it = iter(raws)
    pending: deque[tuple[list[RawInput], Future]] = deque()
    pool = _Pool(settings)
    finished = False
    try:
        while True:
            while len(pending) < window and (chunk := list(islice(it, chunk_size))):
                pending.append((chunk, pool.submit(chunk)))
            if not pending:
                break
            chunk, future = pending.popleft()
            try:
                articles, pid, rss = future.result()
            except BrokenProcessPool:
                log.error("a worker died; redoing its chunk of %d one by one", len(chunk))
                pool.restart()
                articles = _one_by_one(pool, chunk)
                pending = deque((c, pool.submit(c)) for c, _ in pending)
                pid, rss = 0, 0.0
            if stats is not None and pid:
                peaks = stats.setdefault("peak_rss_mb", {})
                peaks[pid] = max(peaks.get(pid, 0.0), rss)
            yield from articles
        finished = True
    finally:
        # Stopped early (Ctrl-C, a consumer that went away): stop the workers now rather
        # than wait for chunks nobody will read.
        if finished:
            pool.pool.shutdown(wait=True)
        else:
            pool.stop()


def run(raws: Iterable[RawInput], settings: Settings) -> Iterator[Article]:
    """Yield finished Articles for `raws` in input order: in this process when `settings.workers`
    is 1, else in that many processes (the same articles either way)."""
    if settings.workers > 1:
        yield from run_parallel(raws, settings)
    else:
        yield from pipeline.run(raws, settings)
