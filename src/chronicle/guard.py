"""Guards around each per-article step: a failure or an overrun marks that article, never the run.

`Clock(budget).run(step, ...)` runs one step of one article within what is left of its
budget: an exception becomes error E008, and a step still running when the budget is
spent is stopped with E009. The time limit is a real
interruption where the platform allows it (SIGALRM in the main thread of a process, which
is where the pipeline and its workers run); elsewhere it is checked when the step returns.
Either way the article's time is charged, so the next step gets only what is left.
"""
from __future__ import annotations

import logging
import signal
import threading
import time
import traceback
from contextlib import contextmanager
from typing import Callable, Iterator, Optional, TypeVar

from . import errors

log = logging.getLogger(__name__)
T = TypeVar("T")


class ArticleTimeout(BaseException):
    """Raised inside a step that ran over its article's time budget.

    A BaseException, so that a stage's own `except Exception` cannot swallow it.
    """


class Failure:
    """Why a guarded step did not finish: an error code and its message."""

    def __init__(self, code: str, detail: str):
        self.code, self.message = code, errors.message(code, detail)


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise_timeout(signum, frame) -> None:
    raise ArticleTimeout()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ArticleTimeout inside the block once it has run `seconds` (where SIGALRM exists)."""
    if not _can_alarm() or seconds <= 0:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Clock:
    """One article's time budget: seconds spent so far and seconds left."""

    def __init__(self, budget: float):
        self.budget, self.spent = float(budget), 0.0

    @property
    def left(self) -> float:
        return self.budget - self.spent

    def over(self) -> Optional[Failure]:
        """Return a timeout Failure when the budget is spent, else None."""
        if self.budget > 0 and self.spent > self.budget:
            return Failure(errors.TIMEOUT, f"{self.spent:.1f} s, budget {self.budget:g} s")
        return None

    def run(self, step: Callable[[], T], what: str, name: str) -> tuple[Optional[T], Optional[Failure]]:
        """Run `step()` within what is left of the budget; return (result, None) or (None, why)."""
        if self.budget > 0 and self.left <= 0:
            return None, self.over() or Failure(errors.TIMEOUT, f"no time left for {what}")
        start = time.perf_counter()
        try:
            with time_limit(self.left if self.budget > 0 else 0):
                result = step()
        except ArticleTimeout:
            self.spent += time.perf_counter() - start
            log.warning("article %s: stopped in %s after %.1f s", name, what, self.spent)
            return None, Failure(errors.TIMEOUT, f"stopped in {what} after {self.spent:.1f} s,"
                                                 f" budget {self.budget:g} s")
        except Exception as exc:  # one bad article must not stop a run of millions
            self.spent += time.perf_counter() - start
            log.error("article %s: %s failed: %r\n%s", name, what, exc, traceback.format_exc())
            return None, Failure(errors.PIPELINE, f"{what}: {exc!r}"[:500])
        self.spent += time.perf_counter() - start
        over = self.over()
        return (None, over) if over else (result, None)
