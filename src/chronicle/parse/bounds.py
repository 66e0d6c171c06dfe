"""Bounds on what the parser and the rules are handed, so that no input costs more than its size.

- `parser_text`: the text cut to `max_chars` and to about `max_tokens` words and marks,
  with every run of more than `max_token_chars` characters without a space blanked out
  (spaCy's tokenizer peels a run of symbols one character at a time, in time that grows
  with the square of the run; and no rule needs a 20,000-character "word"). Blanks keep
  the length, so every offset into the article text still holds.
- `chronicle_long_sentences`: a pipe before the parser that starts a sentence after
  `max_sentence_tokens` tokens with no sentence end, so no sentence handed to the rules
  is longer (several rules look at every pair of words in a sentence). A parse that still
  makes a longer sentence is redone with a start forced every `max_sentence_tokens` tokens.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

UNIT = re.compile(r"\w+|[^\w\s]")  # a word or a mark: about one token each, never fewer
SENTENCE_ENDS = frozenset({".", "!", "?", "…", "...", "\u3002"})
STRICT = "chronicle_strict"  # Doc.user_data key: force a start every max_sentence_tokens tokens
LIMIT = "chronicle_max_sentence_tokens"  # Doc.user_data key: the bound for this doc


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
    """Start a sentence where `max_sentence_tokens` tokens have gone by without a sentence end
    (or, for a doc marked strict, without a sentence start)."""
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
        if not strict and tok.text in SENTENCE_ENDS:
            run = 0
    return doc


def longest_sentence(doc) -> int:
    """Return the number of tokens in the doc's longest sentence."""
    return max((s.end - s.start for s in doc.sents), default=0)
