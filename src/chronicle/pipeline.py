"""The pipeline, top to bottom.

    raw input -> clean -> parse -> events -> arguments -> codes (ACLED, GTD)
              -> places, dates, counts
              -> names -> statements -> (merge, store: see merge/ and store/)

`run(raws)` yields finished `Article`s in input order, in this process (`workers.run`
spreads the same work over several). Every stage is a plain
function over `Article` that can also be called alone; a failure inside a stage
marks that article with error E008 and the run goes on.
"""
from __future__ import annotations

import logging
import traceback
from itertools import islice
from typing import Iterable, Iterator

from . import errors, events, normalise, places, statements
from .ingest import RawInput, clean
from .parse import load_pipeline, parse_articles
from .provenance import pipeline_label
from .records import Article
from .settings import Settings

log = logging.getLogger(__name__)


def extract(article: Article) -> Article:
    """Run every extraction stage on one parsed article; return it."""
    if article.error is not None or article.doc is None:
        return article
    try:
        found = events.find_events(article)
        events.fill_arguments(article, found)
        events.code_events(article, found)
        places.locate_events(article, found)
        normalise.date_events(article, found)
        normalise.count_events(article, found)
        article.events = found
        article.statements = statements.find_statements(article)
        normalise.canonicalise(article)
        statements.link_statements(article)
    except Exception as exc:  # one bad article must not stop a run of millions
        log.error("article %s: %s\n%s", article.id, exc, traceback.format_exc())
        article.fail(errors.PIPELINE, errors.message(errors.PIPELINE, repr(exc)))
    article.doc = None
    return article


def run(raws: Iterable[RawInput], settings: Settings) -> Iterator[Article]:
    """Clean, parse and extract every input in this process; yield articles in input order.

    `workers.run` gives the same articles from `settings.workers` processes.
    """
    nlp = load_pipeline(settings.model)
    label = pipeline_label(settings.model)
    it = iter(raws)
    while batch := list(islice(it, settings.batch_size)):
        arts = [clean.clean(raw, settings) for raw in batch]
        parse_articles(arts, nlp, settings.batch_size, settings.max_chars_parsed)
        for article in arts:
            article.pipeline = label
            yield extract(article)
