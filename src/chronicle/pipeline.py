"""The pipeline, top to bottom.

    raw input -> clean -> parse -> events -> arguments -> codes (ACLED, GTD)
              -> places, dates, counts
              -> names -> statements -> (merge, store: see merge/ and store/)

`run(raws)` yields finished `Article`s in input order, exactly one per input, in this
process (`workers.run` spreads the same work over several). Every stage is a plain
function over `Article` that can also be called alone. Each article's steps run under
a guard (guard.py): a failure marks that article with E008, an article still running
after `settings.article_seconds` (cleaning, its share of the parse, and extraction)
gets E009, and the run goes on.
"""
from __future__ import annotations

import dataclasses
import logging
import time
import traceback
from itertools import islice
from typing import Iterable, Iterator

from . import errors, events, normalise, places, statements
from .guard import ArticleTimeout, Clock, time_limit
from .ingest import RawInput, clean
from .parse import doc_text, load_pipeline, make_doc, parse_doc, parse_docs
from .provenance import pipeline_label
from .records import Article, Count, Span
from .settings import Settings

log = logging.getLogger(__name__)


def stages(article: Article) -> None:
    """Run every extraction stage on one parsed article, in order (exceptions pass through).

    The stages see the text the parser read: a text cut by the parse bounds is cut for
    them too (its whole text is put back after), so no rule scans what was not parsed."""
    full = article.text
    parsed = doc_text(article.doc) if article.doc is not None else None
    if parsed is not None and len(parsed) < len(full):
        article.text = full[:len(parsed)]
    try:
        _run_stages(article)
    finally:
        article.text = full
    if parsed is not None and parsed != article.text[:len(parsed)]:
        repair_spans(article)


def _run_stages(article: Article) -> None:
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


def extract(article: Article) -> Article:
    """Run every extraction stage on one parsed article; return it (E008 if a stage fails)."""
    if article.error is not None or article.doc is None:
        return article
    try:
        stages(article)
    except Exception as exc:  # one bad article must not stop a run of millions
        log.error("article %s: %s\n%s", article.id, exc, traceback.format_exc())
        article.fail(errors.PIPELINE, errors.message(errors.PIPELINE, repr(exc)))
    article.doc = None
    return article


def spans_of(value) -> Iterator[Span]:
    """Yield every Span inside an event, a statement, or a list of them."""
    if isinstance(value, Span):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from spans_of(item)
    elif isinstance(value, Count):
        yield value.span
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from spans_of(getattr(value, f.name))


def repair_spans(article: Article) -> None:
    """Set each span's text from the article text (the parser read runs blanked out)."""
    for span in spans_of(article.events + article.statements):
        span.text = article.text[span.start:span.end]


def failed(raw: RawInput, code: str, message: str) -> Article:
    """Return the Article of `raw` marked with error `code`."""
    art = Article(id=raw.id, published=clean.publication_date(clean.unpaired(raw.published)),
                  title=clean.unpaired(raw.title), url=clean.unpaired(raw.url),
                  source=clean.unpaired(raw.source), outlet=clean.unpaired(raw.outlet))
    return art.fail(code, message)


def _parse(todo: list[tuple[Article, Clock]], nlp, settings: Settings) -> None:
    """Set each article's doc: tokenized under its clock, short ones parsed in one batch (each
    charged its share, by length), long ones in pieces under their clock; failures marked."""
    tokenized = []
    for article, clock in todo:
        doc, why = clock.run(lambda: make_doc(nlp, article.text, settings), "tokenizing",
                             article.id)
        if why is not None:
            article.fail(why.code, why.message)
        else:
            tokenized.append((article, clock, doc))
    short = [t for t in tokenized if len(t[2]) <= settings.max_tokens_whole]
    # The batch may run until its most hurried article's time is up; if it does, each of its
    # articles is parsed again alone under its own clock, so none overruns its budget.
    limit = min((c.left for _, c, _ in short), default=0.0) if settings.article_seconds > 0 else 0
    start = time.perf_counter()
    try:
        with time_limit(max(limit, 0.001) if limit else 0):
            parsed = parse_docs(nlp, [d for _, _, d in short], [a.text for a, _, _ in short],
                                settings)
    except ArticleTimeout:
        parsed = None
    elapsed = time.perf_counter() - start
    tokens = sum(len(d) for _, _, d in short) or 1
    if parsed is None:
        log.warning("a parse batch of %d ran out of time after %.1f s; parsing its texts one by one",
                    len(short), elapsed)
        for article, clock, doc in short:
            clock.spent += elapsed * len(doc) / tokens
            article.doc, why = clock.run(  # from the text again: the batch may be half-annotated
                lambda: parse_doc(nlp, make_doc(nlp, article.text, settings), settings),
                "parsing", article.id)
            if why is not None:
                article.fail(why.code, why.message)
        short, parsed = [], []
    for (article, clock, doc), result in zip(short, parsed):
        clock.spent += elapsed * len(doc) / tokens
        if isinstance(result, Exception):
            article.fail(errors.PIPELINE, errors.message(errors.PIPELINE, f"parse: {result!r}"[:500]))
        elif clock.over() is not None:
            article.fail(errors.TIMEOUT, clock.over().message)
        else:
            article.doc = result
    for article, clock, doc in tokenized:
        if len(doc) > settings.max_tokens_whole:
            article.doc, why = clock.run(lambda: parse_doc(nlp, doc, settings), "parsing",
                                         article.id)
            if why is not None:
                article.fail(why.code, why.message)


def run_batch(batch: list[RawInput], nlp, settings: Settings) -> list[Article]:
    """Clean, parse and extract one batch of inputs, each under its own clock; return one
    Article per input, in order."""
    clocks = [Clock(settings.article_seconds) for _ in batch]
    arts = []
    for raw, clock in zip(batch, clocks):
        art, why = clock.run(lambda: clean.clean(raw, settings), "cleaning", raw.id)
        arts.append(art if why is None else failed(raw, why.code, why.message))
    _parse([(a, c) for a, c in zip(arts, clocks) if a.error is None], nlp, settings)
    label = pipeline_label(settings.model)
    for article, clock in zip(arts, clocks):
        article.pipeline = label
        if article.error is None and article.doc is not None:
            _, why = clock.run(lambda: stages(article), "extraction", article.id)
            if why is not None:
                article.fail(why.code, why.message)
        article.doc = None
    return arts


def run(raws: Iterable[RawInput], settings: Settings) -> Iterator[Article]:
    """Clean, parse and extract every input in this process; yield one article per input, in order.

    `workers.run` gives the same articles from `settings.workers` processes.
    """
    nlp = load_pipeline(settings.model)
    it = iter(raws)
    while batch := list(islice(it, settings.batch_size)):
        yield from run_batch(batch, nlp, settings)
