"""Text evidence: an article's title and lead as a tf-idf vector, its rare names, its outlet.

Terms are hashed by scikit-learn's `HashingVectorizer` (no vocabulary to keep, the same
columns in every process and every run). Inverse document frequencies come from
`TermCounts`, the document frequencies of every article seen so far: a new article's
vector is weighted with the counts as they stand when it arrives and then frozen, so a
run over the same articles in the same order gives the same vectors, whether it is one
run or several runs that keep the counts in a store.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional
from urllib.parse import urlsplit

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer

from .rules import rules

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[A-Za-z]|\d{2,}")
# Two or more capitalised words in a row: names of people, streets, bars and schools.
_CAPS = re.compile(r"\b[A-Z][a-z]+(?:[-'\u2019][A-Z]?[a-z]+)?"
                   r"(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:[-'\u2019][A-Z]?[a-z]+)?)+")
NAME_PREFIX = "\u00a7"  # marks a name bigram among the hashed terms; no word starts with it


def terms(doc: str, places: frozenset[str] = frozenset()) -> list[str]:
    """Return the terms of a text: content words (lower case) and capitalised word pairs (names).

    A title is the first line: its words count, its capitals do not (titles capitalise every word).
    Names exclude what recurs across incidents: officials with a title ("Officer Richard Roe",
    a police spokesman quoted in every story of a city), days and holidays, and the words of the
    places the article's events are placed in (`places`; place evidence is weighed apart).
    """
    out = [w for w in (m.lower() for m in _WORD.findall(doc))
           if len(w) > 2 and w not in ENGLISH_STOP_WORDS]
    body = doc.split("\n", 1)[1] if "\n" in doc else doc
    titles, calendar = not_names()
    for run in _CAPS.findall(body):
        words = [w.lower().rstrip(".") for w in run.split()]
        if titles.intersection(words):
            continue
        words = [w for w in words if len(w) > 1]
        out += [f"{NAME_PREFIX}{a} {b}" for a, b in zip(words, words[1:])
                if not ({a, b} & ENGLISH_STOP_WORDS or {a, b} & calendar or {a, b} & places)]
    return out


@lru_cache(maxsize=1)
def not_names() -> tuple[frozenset[str], frozenset[str]]:
    """Return the title words that mark an official, and the calendar words, of data/merge.json."""
    cfg = rules()["not_names"]
    return frozenset(cfg["titles"]), frozenset(cfg["calendar"])


def _same(terms_: list[str]) -> list[str]:
    return terms_


@lru_cache(maxsize=1)
def _hasher() -> HashingVectorizer:
    # Terms are made by `terms`; the vectorizer only hashes them (murmurhash3, seed 0: stable).
    return HashingVectorizer(analyzer=_same, n_features=rules()["text"]["n_features"],
                             alternate_sign=False, norm=None, dtype=np.float32)


def hashed(doc: str) -> tuple[np.ndarray, np.ndarray]:
    """Return the hashed columns (sorted) of a text's terms and each one's count."""
    cols, counts, _ = _hash_all(doc)
    return cols, counts


def _hash_all(doc: str, places: frozenset[str] = frozenset()
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the columns (sorted) and counts of a text's terms, and the columns of its names."""
    found = terms(doc, places)
    names = [t for t in found if t.startswith(NAME_PREFIX)]
    rows = _hasher().transform([found, names]).tocsr()
    rows.sort_indices()
    mid = rows.indptr[1]
    return (rows.indices[:mid].astype(np.uint32), rows.data[:mid].astype(np.float32),
            rows.indices[mid:].astype(np.uint32))


class TermCounts:
    """Document frequencies of hashed terms over every article seen so far."""

    def __init__(self, n_features: Optional[int] = None, docs: int = 0,
                 df: Optional[np.ndarray] = None):
        size = n_features or rules()["text"]["n_features"]
        self.docs = docs
        self.df = df if df is not None else np.zeros(size, np.int32)

    def add(self, columns: np.ndarray) -> None:
        """Count one more article holding the terms in `columns` (unique)."""
        self.docs += 1
        self.df[columns] += 1

    def rare(self) -> float:
        """Return the most articles a name may be in and still be rare: a share of the articles seen,
        at least two (the pair compared) and at most `rare_name_max_df`."""
        cfg = rules()["text"]
        return min(cfg["rare_name_max_df"], max(2.0, self.docs * cfg["rare_name_share"]))

    def idf(self, columns: np.ndarray) -> np.ndarray:
        """Return the smoothed inverse document frequency of each column."""
        return np.log((self.docs + 1.0) / (self.df[columns] + 1.0)) + 1.0

    def to_bytes(self) -> bytes:
        """Return the counts as bytes (see `from_bytes`)."""
        return np.int64(self.docs).tobytes() + self.df.astype("<i4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "TermCounts":
        """Return the counts saved by `to_bytes`."""
        docs = int(np.frombuffer(data[:8], "<i8")[0])
        return cls(docs=docs, df=np.frombuffer(data[8:], "<i4").astype(np.int32))


@dataclass
class Signature:
    """An article's text as the merge compares it: a sparse unit vector, its rare names, its keys."""

    columns: np.ndarray  # uint32, sorted
    weights: np.ndarray  # float32, the tf-idf weights of a unit vector (the top ones kept)
    names: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint32))  # name columns, sorted
    keys: tuple[int, ...] = ()  # the heaviest terms still rare when the article came: blocking keys

    def to_bytes(self) -> bytes:
        """Return the signature as bytes (see `from_bytes`)."""
        head = np.array([len(self.columns), len(self.names), len(self.keys)], "<u4").tobytes()
        return (head + self.columns.astype("<u4").tobytes() + self.weights.astype("<f4").tobytes()
                + self.names.astype("<u4").tobytes() + np.array(self.keys, "<u4").tobytes())

    @classmethod
    def from_bytes(cls, data: bytes) -> "Signature":
        """Return the signature saved by `to_bytes`."""
        n, m, k = (int(x) for x in np.frombuffer(data[:12], "<u4"))
        at = 12
        cols = np.frombuffer(data, "<u4", n, at).astype(np.uint32)
        at += 4 * n
        weights = np.frombuffer(data, "<f4", n, at).astype(np.float32)
        at += 4 * n
        names = np.frombuffer(data, "<u4", m, at).astype(np.uint32)
        at += 4 * m
        keys = tuple(int(x) for x in np.frombuffer(data, "<u4", k, at))
        return cls(cols, weights, names, keys)


def headline(title: Optional[str]) -> str:
    """Return a page title without the outlet's name the site adds ("... - KSLA News 12 Shreveport")."""
    title = (title or "").strip()
    parts = re.split(r"\s+[-|\u2013\u2014]\s+", title)
    return parts[0] if len(parts) > 1 and len(parts[0]) >= 20 else title


def sign(title: Optional[str], text: str, counts: TermCounts,
         places: frozenset[str] = frozenset()) -> Signature:
    """Return the signature of an article (counting it in `counts` first); `places` are the words
    of the places its events are placed in, which make no names."""
    cfg = rules()["text"]
    cols, tf, names = _hash_all(f"{headline(title)}\n{text[: cfg['chars']]}", places)
    counts.add(cols)
    if not len(cols):
        return Signature(cols, tf)
    df = counts.df[cols]
    w = (1.0 + np.log(tf)) * counts.idf(cols)
    w = (w / np.linalg.norm(w)).astype(np.float32)
    top = np.argsort(-w, kind="stable")[: cfg["keep"]]
    top.sort()
    rare = [int(cols[i]) for i in np.argsort(-w, kind="stable") if df[i] <= cfg["key_max_df"]]
    ndf = counts.df[names]
    rare_names = [int(names[i]) for i in np.argsort(ndf, kind="stable")
                  if ndf[i] <= counts.rare()]
    keys = tuple(dict.fromkeys(rare[: cfg["key_terms"]] + rare_names[: cfg["key_names"]]))
    return Signature(cols[top], w[top], names, keys)


def _common(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the positions in `a` and in `b` (both sorted, unique) of the values they share."""
    if not len(a) or not len(b):
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    at = np.searchsorted(b, a)
    at[at == len(b)] = 0
    hit = b[at] == a
    return np.flatnonzero(hit), at[hit]


def similarity(a: Signature, b: Signature) -> float:
    """Return the cosine of two signatures (0 to 1)."""
    ia, ib = _common(a.columns, b.columns)
    return float(np.dot(a.weights[ia], b.weights[ib])) if len(ia) else 0.0


def shared_names(a: Signature, b: Signature, counts: TermCounts) -> int:
    """Return how many names two signatures share that are still rare (in at most a few articles)."""
    ia, _ = _common(a.names, b.names)
    return int((counts.df[a.names[ia]] <= counts.rare()).sum()) if len(ia) else 0


def similarities(sig: Signature, others: list[Signature], counts: TermCounts
                 ) -> tuple[list[float], list[int]]:
    """Return `similarity` and `shared_names` of one signature with each of many, computed at once."""
    n = len(others)
    if not n:
        return [], []
    seg = np.repeat(np.arange(n), [len(o.columns) for o in others])
    cols = np.concatenate([o.columns for o in others])
    text = np.zeros(n)
    if len(sig.columns) and len(cols):
        at = np.searchsorted(sig.columns, cols)
        at[at == len(sig.columns)] = 0
        hit = sig.columns[at] == cols
        weights = np.concatenate([o.weights for o in others])
        text = np.bincount(seg[hit], weights=weights[hit] * sig.weights[at[hit]], minlength=n)
    rare = sig.names[counts.df[sig.names] <= counts.rare()]
    names = np.zeros(n, np.int64)
    if len(rare):
        nseg = np.repeat(np.arange(n), [len(o.names) for o in others])
        theirs = np.concatenate([o.names for o in others])
        if len(theirs):
            at = np.searchsorted(rare, theirs)
            at[at == len(rare)] = 0
            names = np.bincount(nseg[rare[at] == theirs], minlength=n)
    return [float(x) for x in text], [int(x) for x in names]


def outlet(url: Optional[str], text: str = "") -> Optional[str]:
    """Return the outlet of an article: the host of its URL (no www.), else a wire agency named in its lead."""
    if url:
        try:
            host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        except ValueError:
            host = ""
        host = re.sub(r"^(www\d?|m|mobile|amp)\.", "", host)
        if host:
            return host
    return wire(text)


def wire(text: str) -> Optional[str]:
    """Return the wire agency the article's lead credits ("(AP)", "Reuters"), or None."""
    lead = text[:400]
    for marker in rules()["wire_markers"]:
        if marker in lead:
            return marker.strip("()")
    return None
