"""A coder's label at the head of a short report ("Looting: On 3 May, ...", "Movement of forces: ..."):
ACLED's notes name the kind of a strategic development this way, and the label is its code.

The labels and what they code are data (data/ontology.json, `report_labels`); a label counts only
at the very start of a short report (a note, a summary), before a colon.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..records import Article, Event, Span
from . import ontology
from .mentions import short_text
from .rules import fires

_HEAD = re.compile(r"\s*([A-Za-z][A-Za-z /-]{1,40}?)\s*:\s")


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict]:
    """Return the report labels by lower-case label."""
    return {k.lower(): v for k, v in ontology.load()["report_labels"].items()}


def report_label(article: Article) -> Optional[tuple[dict, int, int]]:
    """Return (what the label codes, start, end) for a short report that opens with a known label, else None."""
    if not short_text(article.text):
        return None
    m = _HEAD.match(article.text)
    if m is None:
        return None
    entry = _labels().get(" ".join(m.group(1).lower().split()))
    return (entry, m.start(1), m.end(1)) if entry else None


def add_label_event(article: Article, events: list[Event]) -> list[Event]:
    """Return `events` with an event for the report's label in front when the report's first event is not a
    physical act (none found, or only words: "an armed group went back and forth between villages")."""
    found = report_label(article)
    if found is None or not fires("acled.report_label_event", not events or events[0].type not in ontology.PHYSICAL):
        return events
    entry, start, end = found
    first = next(iter(article.doc.sents), None) if article.doc is not None else None
    sent = Span(article.text[first.start_char:first.end_char], first.start_char, first.end_char) if first else None
    ev = Event(id="e0", type=entry["type"], trigger=Span(article.text[start:end], start, end), mode=entry.get("mode"),
               confidence=0.6, sentence=sent)
    out = [ev] + events
    for n, e in enumerate(out, 1):
        e.id = f"e{n}"
    return out


def apply_label(article: Article, events: list[Event]) -> None:
    """Give the main event the ACLED code its report's label names (the coder's own code for the note)."""
    found = report_label(article)
    if found is None or not events:
        return
    entry = found[0]
    code = {"event_type": entry["acled"][0], "sub_event_type": entry["acled"][1]}
    if fires("acled.report_label", events[0].acled != code):
        events[0].acled = code
