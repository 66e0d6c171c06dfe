"""Statements as CSV: who said what, via whom, about which event, with the article's provenance."""
from __future__ import annotations

import csv
from typing import Any, Iterable, TextIO

from .rows import flat_cell

COLUMNS = (
    "id", "article_id", "doc_id", "statement", "kind", "hedged", "speaker", "speaker_kind",
    "speaker_country", "anonymous", "via", "cue", "content", "event_id", "title", "url",
    "published",
)


def statement_row(view: dict[str, Any]) -> dict[str, Any]:
    """Return one statement view (Store.statements) as a row of COLUMNS, cells made safe."""
    sp = view.get("speaker") or {}
    art = view.get("article") or {}
    via = " < ".join(v.get("name") or v.get("text") or "" for v in view.get("via_chain") or [])
    row = {
        "id": view["id"], "article_id": view.get("article_id"), "doc_id": art.get("doc_id"),
        "statement": view.get("local_id"), "kind": view.get("kind"),
        "hedged": bool(view.get("hedged")), "speaker": sp.get("name") or sp.get("text"),
        "speaker_kind": sp.get("kind"), "speaker_country": sp.get("country"),
        "anonymous": bool(sp.get("anonymous")), "via": via or None,
        "cue": (view.get("cue") or {}).get("text"), "content": (view.get("content") or {}).get("text"),
        "event_id": view.get("event_id"), "title": art.get("title"), "url": art.get("url"),
        "published": art.get("published"),
    }
    return {k: flat_cell(v) for k, v in row.items()}


def write_statements_csv(views: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write statement views as CSV with a header to `out`; return the number of rows."""
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for view in views:
        w.writerow(statement_row(view))
        n += 1
    return n
