"""Parse: load a spaCy pipeline once per process and run it in batches.

The loaded pipeline gives exactly the annotations of `spacy.load(name)`, faster:
two pipes that spend most of their time in per-token Python are replaced by
equivalents that do the same work in bulk (see `speed_up`). The replacements
are checked against the stock pipes in tests/test_workers.py.
"""
from __future__ import annotations

import gc
from functools import lru_cache

import spacy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id

from . import docs  # noqa: F401  (registers the chronicle_long_sentences pipe)

# Token attributes a single-token rule of the attribute ruler may test in bulk.
_BULK_KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}


_FINAL = {".", "!", "?", "\u201d", '"', "'", "\u2019", ":"}


_DASHES = {"-", "--", "\u2013", "\u2014", "\u2015"}
_DATELINE_PUNCT = {",", ".", "(", ")", "/"}
# A wire dateline is short: "KANO, Nigeria, Sept. 3, 2023 (Reuters) -" is 12 tokens.
_DATELINE_MAX_TOKENS = 16


def _dateline_end(doc, start: int):
    """Return the index of the token after a wire dateline opening a paragraph at `start`
    ("LAGOS, Feb. 9, 2023 - ", "Jan. 17, 2024 - ", "KABUL (AP) — "), or None."""
    for tok in doc[start:start + _DATELINE_MAX_TOKENS]:
        if tok.text in _DASHES and tok.i > start:
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is None or not doc[tok.i - 1].whitespace_ or not tok.whitespace_ \
                    or not (nxt.text[:1].isupper() or nxt.is_quote):
                return None
            words = [t for t in doc[start:tok.i] if t.text not in _DATELINE_PUNCT]
            # a place in capitals, a date or an agency in brackets, and nothing but names between
            marked = any(t.like_num for t in words) or any(t.is_upper and len(t) > 1 for t in words) \
                or any(t.text == "(" for t in doc[start:tok.i])
            if marked and words and all(t.like_num or t.text[:1].isupper() for t in words):
                return tok.i + 1
            return None
        if "\n" in tok.text:
            return None
    return None


@Language.component("chronicle_line_breaks")
def line_breaks(doc):
    """Start a sentence after a paragraph break, or after a line break that ends a sentence or
    a headline (the next line starts with a capital); the parser keeps these boundaries. A wire
    dateline opening a paragraph is a sentence of its own, never split inside ("Jan. | 17")."""
    starts = [0] if len(doc) else []
    for tok in doc[1:-1]:
        if not tok.is_space or "\n" not in tok.text:
            continue
        nxt, prev = doc[tok.i + 1], doc[tok.i - 1]
        if "\n\n" in tok.text or prev.text in _FINAL or nxt.text[:1].isupper():
            nxt.is_sent_start = True
        starts.append(tok.i + 1)
    for start in starts:
        end = _dateline_end(doc, start)
        while end is not None and end < len(doc):
            for t in doc[start + 1:end]:
                t.is_sent_start = False
            doc[end].is_sent_start = True
            start, end = end, _dateline_end(doc, end)  # "NAIROBI (AP) — Dec. 2, 2023 — ..."
    return doc


GC_YOUNG = 20_000  # new container objects between two young collections (Python's default: 700)


@lru_cache(maxsize=4)
def load_pipeline(name: str, fast: bool = True, line_breaks: bool = True) -> Language:
    """Load the installed spaCy pipeline `name` (a package, never a download); fast by default.

    With `line_breaks`, sentences never run across a paragraph break (the small parser
    often joins a headline or a paragraph's last sentence to the next one).
    """
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise SystemExit(
            f"spaCy pipeline {name!r} is not installed. Install its package "
            f"(the default is installed by `make install`) or set CHRONICLE_MODEL."
        ) from exc
    if line_breaks and "parser" in nlp.pipe_names:
        nlp.add_pipe("chronicle_line_breaks", before="parser")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("chronicle_long_sentences", before="parser")
    nlp = speed_up(nlp) if fast else nlp
    # The model's objects (hundreds of thousands, alive as long as the process) need never
    # be scanned for cycles: each full collection would walk them all again. And a young
    # collection every 20,000 new objects, not 700: an article makes hundreds of thousands
    # (Tokens, Spans, matches) that die with it, mostly freed by their reference counts,
    # so the default's 1,300 collections and 10 full ones over the bench corpus freed
    # little but cost a second and a half (now 30 and none; peak memory within noise).
    gc.freeze()
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])
    return nlp


def speed_up(nlp: Language) -> Language:
    """Swap the attribute ruler's matching and the rule lemmatizer for bulk versions; return nlp."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    for _, pipe in nlp.pipeline:
        # Swapping the class keeps the pipe's name, config, tables and patterns;
        # only the per-token loop changes.
        if type(pipe) is AttributeRuler:
            pipe.__class__ = _BulkAttributeRuler
            pipe._bulk = _split_rules(pipe)
        elif isinstance(pipe, Lemmatizer) and pipe.mode == "rule" and not pipe.overwrite:
            pipe.__class__ = _bulk_lemmatizer_class(type(pipe))
            pipe._bulk = {}
    return nlp


def _simple_test(token_pattern: dict):
    """Return [(attr id, kind, values)] for a one-token rule on bulk keys, or None."""
    tests = []
    for key, value in token_pattern.items():
        attr = _BULK_KEYS.get(key)
        if attr is None:
            return None
        if isinstance(value, bool):
            tests.append((attr, "eq", {int(value)}))
        elif isinstance(value, str):
            tests.append((attr, "eq", {get_string_id(value)}))
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
            op, vals = next(iter(value.items()))
            if not all(isinstance(v, str) for v in vals):
                return None
            tests.append((attr, "eq" if op == "IN" else "ne", {get_string_id(v) for v in vals}))
        else:
            return None
    return tests


def _split_rules(ruler) -> dict:
    """Split the ruler's rules into one-token rules tested in bulk and a Matcher for the rest."""
    by_tag: dict[int, list] = {}
    any_tag: list = []
    rest = Matcher(ruler.vocab)
    for i in range(len(ruler.attrs)):
        key = str(i)
        match_id = ruler.vocab.strings.add(key)
        for pattern in ruler.matcher.get(key)[1]:
            tests = _simple_test(pattern[0]) if len(pattern) == 1 else None
            if tests is None:
                rest.add(key, [pattern])
                continue
            rule = (i, match_id, tests)
            tags = [v for a, kind, v in tests if a == TAG and kind == "eq"]
            if tags:
                for tag in tags[0]:
                    by_tag.setdefault(tag, []).append(rule)
            else:
                any_tag.append(rule)
    columns = [TAG, LOWER, DEP, IS_SPACE]
    return {"by_tag": by_tag, "any_tag": any_tag, "rest": rest, "columns": columns}


class _BulkAttributeRuler(spacy.pipeline.AttributeRuler):
    """The attribute ruler with one-token rules tested by table look-up, not by the Matcher."""

    def match(self, doc):
        """Return the same sorted (rule, match id, start, end) list as AttributeRuler.match."""
        bulk = self._bulk
        col = {a: j for j, a in enumerate(bulk["columns"])}
        rows = doc.to_array(bulk["columns"]).tolist()
        matches = []
        by_tag, any_tag = bulk["by_tag"], bulk["any_tag"]
        for pos, row in enumerate(rows):
            for i, match_id, tests in (*by_tag.get(row[0], ()), *any_tag):
                for attr, kind, values in tests:
                    if (row[col[attr]] in values) != (kind == "eq"):
                        break
                else:
                    matches.append((i, match_id, pos, pos + 1))
        for match_id, start, end in bulk["rest"](doc, allow_missing=True, as_spans=False):
            matches.append((int(self.vocab.strings[match_id]), match_id, start, end))
        matches.sort()
        return matches


@lru_cache(maxsize=None)
def _bulk_lemmatizer_class(base: type) -> type:
    """Return a subclass of the lemmatizer class `base` that lemmatises each form once."""

    class BulkLemmatizer(base):
        """Rule lemmatizer: one look-up per (form, POS, morphology), set for the whole Doc."""

        def __call__(self, doc):
            if not self._validated:
                self._validate_tables()
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3].copy()
            cache = self._bulk
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma:
                    continue
                key = (orth, pos, morph)
                value = cache.get(key)
                if value is None:
                    value = cache[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                lemmas[i] = value
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
            return doc

    BulkLemmatizer.__name__ = f"Bulk{base.__name__}"
    return BulkLemmatizer
