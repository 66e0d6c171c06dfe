"""The words a stored event came from: its sentences, cut into labelled pieces.

Both `chronicle show` and the web page display an event this way, the trigger and
each argument marked where they stand in the article text.
"""
from __future__ import annotations

import re
from typing import Any, Optional

# Ends of sentences in cleaned news text; the parse that found them is not stored.
_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s)|\n")
_WINDOW = 400  # at most this many characters each side when no sentence end is found

# When marks overlap, the first label in this order wins the overlapping words.
LABELS = ("trigger", "actor", "target", "instrument", "place", "date", "killed", "injured")


def marks(view: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Return (start, end, label) for the trigger and every argument of an event view."""
    out = [(view["trigger"]["start"], view["trigger"]["end"], "trigger")]
    for label, key in (("actor", "actors"), ("target", "targets")):
        out += [(a["start"], a["end"], label) for a in view.get(key) or []]
    for label, key in (("place", "location"), ("date", "date"), ("instrument", "instrument")):
        span = view.get(key)
        if span and span.get("start") is not None:
            out.append((span["start"], span["end"], label))
    for label in ("killed", "injured"):
        detail = view.get(f"{label}_detail")
        if detail and detail.get("span"):
            out.append((detail["span"]["start"], detail["span"]["end"], label))
    return [m for m in out if 0 <= m[0] < m[1]]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return (start, end) of the sentence(s) of `text` holding the characters start..end."""
    lo = max(0, start - _WINDOW)
    before = [m.end() for m in _END.finditer(text, lo, start)]
    s = before[-1] if before else lo
    after = _END.search(text, end, min(len(text), end + _WINDOW))
    e = after.end() if after else min(len(text), end + _WINDOW)
    while s < e and text[s].isspace():
        s += 1
    return s, max(e, end)


def passages(view: dict[str, Any], text: str) -> list[list[tuple[str, Optional[str]]]]:
    """Return the event's sentences in text order, each a list of (words, label or None)."""
    ms = [m for m in marks(view) if m[1] <= len(text)]
    sent = view.get("sentence")
    ranges = []
    if sent and 0 <= sent["start"] < sent["end"] <= len(text):
        ranges.append((sent["start"], sent["end"]))
    for start, end, _ in ms:
        if not any(a <= start and end <= b for a, b in ranges):
            ranges.append(sentence_bounds(text, start, end))
    ranges.sort()
    merged: list[list[int]] = []
    for a, b in ranges:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [_pieces(text, a, b, ms) for a, b in merged]


def _pieces(text: str, a: int, b: int, ms: list[tuple[int, int, str]]) -> list[tuple[str, Optional[str]]]:
    label_at: list[Optional[str]] = [None] * (b - a)
    for start, end, label in sorted(ms, key=lambda m: LABELS.index(m[2]), reverse=True):
        for i in range(max(start, a), min(end, b)):
            label_at[i - a] = label
    out: list[tuple[str, Optional[str]]] = []
    i = a
    while i < b:
        j = i
        while j < b and label_at[j - a] == label_at[i - a]:
            j += 1
        out.append((text[i:j], label_at[i - a]))
        i = j
    return out


# In a whole article, an event's words win over a statement's, and a statement's
# speaker and cue over its content (which often holds the event).
ARTICLE_LABELS = LABELS + ("speaker", "cue", "content")


def article_marks(article: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """Return (start, end, label, whose id) for every event's and statement's words in a stored article."""
    out = []
    for view in article.get("events") or []:
        out += [(a, b, label, view["id"]) for a, b, label in marks(view)]
    for s in article.get("statements") or []:
        for label in ("speaker", "cue", "content"):
            span = s.get(label)
            if span and span.get("start") is not None and span["start"] < span["end"]:
                out.append((span["start"], span["end"], label, s["id"]))
    return out


def article_pieces(article: dict[str, Any]) -> list[tuple[str, Optional[str], Optional[str]]]:
    """Return the article's whole text cut into (words, label or None, whose id or None), in order."""
    text = article.get("text") or ""
    owner: list[Optional[tuple[str, str]]] = [None] * len(text)
    rank = {label: i for i, label in enumerate(ARTICLE_LABELS)}
    for start, end, label, who in sorted(article_marks(article), key=lambda m: rank[m[2]], reverse=True):
        for i in range(max(0, start), min(end, len(text))):
            owner[i] = (label, who)
    out: list[tuple[str, Optional[str], Optional[str]]] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and owner[j] == owner[i]:
            j += 1
        label, who = owner[i] or (None, None)
        out.append((text[i:j], label, who))
        i = j
    return out
