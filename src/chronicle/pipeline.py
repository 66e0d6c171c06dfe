"""The pipeline, top to bottom.

    raw input -> clean -> parse -> events -> arguments -> codes (ACLED, GTD)
              -> places, dates, counts
              -> names -> statements -> (merge, store: see store/ and merge.py)

`run(raws)` yields finished `Article`s in input order. Every stage is a plain
function over `Article` that can also be called alone; a failure inside a stage
marks that article with error E008 and the run goes on.
"""
from __future__ import annotations

import logging
import traceback
from itertools import islice
from typing import Iterable, Iterator

from . import arguments, attribution, clean, counts, dates, errors, events, names, places
from .ingest import RawInput
from .parse import load_pipeline, parse_articles
from .records import Article
from .settings import Settings

log = logging.getLogger(__name__)


def extract(article: Article) -> Article:
    """Run every extraction stage on one parsed article; return it."""
    if article.error is not None or article.doc is None:
        return article
    try:
        found = events.find_events(article)
        arguments.fill_arguments(article, found)
        events.code_events(article, found)
        places.locate_events(article, found)
        dates.date_events(article, found)
        counts.count_events(article, found)
        article.events = found
        article.statements = attribution.find_statements(article)
        names.canonicalise(article)
        attribution.link_statements(article)
    except Exception as exc:  # one bad article must not stop a run of millions
        log.error("article %s: %s\n%s", article.id, exc, traceback.format_exc())
        article.fail(errors.PIPELINE, errors.message(errors.PIPELINE, repr(exc)))
    article.doc = None
    return article


def run(raws: Iterable[RawInput], settings: Settings) -> Iterator[Article]:
    """Clean, parse and extract every input; yield articles in input order."""
    if settings.workers > 1:
        from .workers import run_parallel  # same output, same order; workers run with workers=1
        yield from run_parallel(raws, settings)
        return
    nlp = load_pipeline(settings.model)
    it = iter(raws)
    while batch := list(islice(it, settings.batch_size)):
        arts = [clean.clean(raw, settings) for raw in batch]
        parse_articles(arts, nlp, settings.batch_size, settings.max_chars_parsed)
        for article in arts:
            yield extract(article)
