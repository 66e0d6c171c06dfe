"""Texts into parsed Docs, within bounds, so that no input costs more than its size allows.

- `parser_text`: the text cut to `max_chars_parsed` and to about `max_tokens_parsed` words
  and marks, with every run of more than `max_token_chars` characters without a space
  blanked out (spaCy's tokenizer peels a run of symbols one character at a time, in time
  that grows with the square of the run, and no rule needs a 20,000-character "word").
  Blanks keep the length, so every offset into the article text still holds.
- `chronicle_long_sentences`: a pipe before the parser that starts a sentence after
  `max_sentence_tokens` tokens with no sentence end or line break, so no sentence handed to
  the rules is longer (several rules compare the words of a sentence pairwise). A parse that still makes
  a longer sentence is redone with a start forced every `max_sentence_tokens` tokens.
- A text of more than `max_tokens_whole` tokens is parsed in pieces of PIECE_TOKENS, cut at
  paragraph breaks and joined back into one Doc, so that its time budget can stop it
  between pieces; shorter texts are parsed whole, in batches.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterable, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .. import errors
from ..records import Article
from ..settings import Settings

log = logging.getLogger(__name__)

UNIT = re.compile(r"\w+|[^\w\s]")  # a word or a mark: about one token each, never fewer
SENTENCE_ENDS = frozenset({".", "!", "?", "…", "...", "\u3002"})
STRICT = "chronicle_strict"  # Doc.user_data key: force a start every max_sentence_tokens tokens
LIMIT = "chronicle_max_sentence_tokens"  # Doc.user_data key: the bound for this doc
PIECE_TOKENS = 1_000
PIECES_PER_BATCH = 4
SENTENCES, STARTS = "chronicle_sentences", "chronicle_sentence_starts"  # Doc.user_data caches
TEXT = "chronicle_text"  # Doc.user_data cache: the parsed doc's text, joined once


@lru_cache(maxsize=8)
def _long_run(max_token_chars: int) -> re.Pattern:
    return re.compile(r"\S{%d,}" % (max_token_chars + 1))


def parser_text(text: str, max_chars: int, max_tokens: int, max_token_chars: int) -> str:
    """Return the text the parser reads: a prefix of `text` (at most `max_chars` characters and
    about `max_tokens` tokens) with overlong space-free runs turned to spaces, same length."""
    text = text[:max_chars]
    if len(text) > max_tokens:  # shorter texts cannot hold more units than characters
        for i, m in enumerate(UNIT.finditer(text)):
            if i == max_tokens:
                text = text[:m.start()]
                break
    return _long_run(max_token_chars).sub(lambda m: " " * len(m.group()), text)


@Language.component("chronicle_long_sentences")
def long_sentences(doc):
    """Start a sentence where `max_sentence_tokens` tokens have gone by without a sentence end or
    a line break (or, for a doc marked strict, without a sentence start)."""
    limit = doc.user_data.get(LIMIT)
    if not limit:
        return doc
    strict = doc.user_data.get(STRICT, False)
    run = 0
    for tok in doc:
        if tok.is_sent_start:
            run = 0
        elif run >= limit:
            tok.is_sent_start = True
            run = 0
        run += 1
        if not strict and (tok.text in SENTENCE_ENDS or (tok.is_space and "\n" in tok.text)):
            run = 0  # a sentence may end here: the parser decides
    return doc


def doc_text(doc: Doc) -> str:
    """Return a parsed doc's text: the text `make_doc` tokenized, else joined once per doc
    (`Doc.text` builds every Token each time)."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def sentences(doc: Doc) -> list:
    """Return the doc's sentences as a list, made once per doc (rules ask for them per event)."""
    found = doc.user_data.get(SENTENCES)
    if found is None:
        found = doc.user_data[SENTENCES] = list(doc.sents)
    return found


def sentence_at(doc: Doc, char: int) -> Optional[int]:
    """Return the index in `sentences(doc)` of the sentence holding character `char`, or None."""
    sents = sentences(doc)
    starts = doc.user_data.get(STARTS)
    if starts is None:
        starts = doc.user_data[STARTS] = [s.start_char for s in sents]
    k = bisect_right(starts, char) - 1
    return k if 0 <= k < len(sents) and char < sents[k].end_char else None


def longest_sentence(doc: Doc) -> int:
    """Return the number of tokens in the doc's longest sentence."""
    return max((s.end - s.start for s in doc.sents), default=0)


def make_doc(nlp: Language, text: str, settings: Settings, strict: bool = False) -> Doc:
    """Return the tokenized, unparsed Doc of the bounded text the parser reads."""
    text = parser_text(text, settings.max_chars_parsed, settings.max_tokens_parsed,
                       settings.max_token_chars)
    doc = nlp.make_doc(text)
    doc.user_data[LIMIT] = settings.max_sentence_tokens
    doc.user_data[TEXT] = text  # the tokenizer keeps every character: Doc.text would rebuild it
    if strict:
        doc.user_data[STRICT] = True
    return doc


def _pieces(doc: Doc, size: int) -> list[tuple[int, int]]:
    """Return (start, end) token ranges of at most `size` tokens, cut after paragraph breaks
    where there is one, covering the doc."""
    out, start, cut = [], 0, None
    for tok in doc:
        if tok.is_space and "\n\n" in tok.text:
            cut = tok.i + 1
        if tok.i - start >= size:
            end = cut if cut and cut > start else tok.i
            out.append((start, end))
            start, cut = end, None
    out.append((start, len(doc)))
    return out


def parse_doc(nlp: Language, doc: Doc, settings: Settings) -> Doc:
    """Return `doc` parsed: whole, or in pieces joined back when it is longer than
    `max_tokens_whole`; redone strict when the parser made an overlong sentence."""
    if len(doc) <= settings.max_tokens_whole:
        parsed = nlp(doc)
    else:
        pieces = []
        bounds = {k: v for k, v in doc.user_data.items() if k != TEXT}  # not the whole's text
        for start, end in _pieces(doc, PIECE_TOKENS):
            piece = doc[start:end].as_doc()
            piece.user_data.update(bounds)
            pieces.append(piece)
        # a few pieces at a time: a time limit can stop the parse between batches
        done = list(nlp.pipe(pieces, batch_size=PIECES_PER_BATCH))
        for piece in done:
            piece.user_data.clear()  # the bounds are the whole doc's, set on it below
        parsed = Doc.from_docs(done, ensure_whitespace=False)
        parsed.user_data.update(bounds)
    return strict_if_needed(nlp, parsed, settings)


def strict_if_needed(nlp: Language, doc: Doc, settings: Settings) -> Doc:
    """Return `doc`, or its text parsed again with forced starts when a sentence is overlong."""
    if "parser" not in nlp.pipe_names or doc.user_data.get(STRICT) \
            or longest_sentence(doc) <= settings.max_sentence_tokens:
        return doc
    again = nlp.make_doc(doc.text)
    again.user_data.update({LIMIT: settings.max_sentence_tokens, STRICT: True})
    return parse_doc(nlp, again, settings)


def parse_docs(nlp: Language, docs: list[Doc], texts: list[str], settings: Settings
               ) -> list[Union[Doc, Exception]]:
    """Return each tokenized doc (of text `texts[i]`) parsed, in one batch; when the batch
    fails, each text again alone, and the exception for a text that fails."""
    try:
        return [strict_if_needed(nlp, d, settings)
                for d in nlp.pipe(docs, batch_size=settings.batch_size)]
    except Exception:  # one bad text must not lose its batch: retry one by one below
        log.warning("a parse batch of %d failed; parsing its texts one by one", len(texts),
                    exc_info=True)
    out: list[Union[Doc, Exception]] = []
    for text in texts:  # from the text again: a failed batch may have half-annotated its docs
        try:
            out.append(parse_doc(nlp, make_doc(nlp, text, settings), settings))
        except Exception as exc:
            out.append(exc)
    return out


def parse_articles(articles: Iterable[Article], nlp: Language,
                   settings: Optional[Settings] = None) -> None:
    """Set `article.doc` on every article without an error, short texts in one batch and long
    ones in pieces; a text that fails gets E008."""
    settings = settings or Settings()
    todo = [a for a in articles if a.error is None]
    docs: list = []
    for article in todo:
        try:
            docs.append(make_doc(nlp, article.text, settings))
        except Exception as exc:
            docs.append(exc)
    short = [i for i, d in enumerate(docs)
             if isinstance(d, Doc) and len(d) <= settings.max_tokens_whole]
    parsed = parse_docs(nlp, [docs[i] for i in short], [todo[i].text for i in short], settings)
    for i, doc in zip(short, parsed):
        docs[i] = doc
    for i, doc in enumerate(docs):
        if isinstance(doc, Doc) and i not in short:
            try:
                docs[i] = parse_doc(nlp, doc, settings)
            except Exception as exc:
                docs[i] = exc
    for article, doc in zip(todo, docs):
        if isinstance(doc, Exception):
            article.fail(errors.PIPELINE, errors.message(errors.PIPELINE, f"parse: {doc!r}"[:500]))
        else:
            article.doc = doc
