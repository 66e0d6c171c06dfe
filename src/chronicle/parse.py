"""Parse: load a spaCy pipeline once per process and run it in batches."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import spacy
from spacy.language import Language

from .records import Article


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load the installed spaCy pipeline `name` (a package, never a download)."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise SystemExit(
            f"spaCy pipeline {name!r} is not installed. Install its package "
            f"(the default is installed by `make install`) or set CHRONICLE_MODEL."
        ) from exc


def parse_articles(articles: Iterable[Article], nlp: Language, batch_size: int = 64,
                   max_chars: int = 200_000) -> None:
    """Set `article.doc` on every article without an error, parsing in batches."""
    todo = [a for a in articles if a.error is None]
    texts = (a.text[:max_chars] for a in todo)
    for article, doc in zip(todo, nlp.pipe(texts, batch_size=batch_size)):
        article.doc = doc
