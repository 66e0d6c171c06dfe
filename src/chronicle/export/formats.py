"""Exports of stored events for analysts' tools, one writer per format.

    csv       ACLED's layout (acled.py): ACLED-coded events, ACLED's columns first
    json      a JSON array of flat event records (rows.py), provenance included
    jsonl     the same records, one a line
    plover    PLOVER-style records (plover.py), one a line
    geojson   a FeatureCollection (geo.py)
    parquet   the flat records as Parquet (parquet.py; needs pyarrow)
    contract  the stored articles as contract records (../shared/eval/CONTRACT.md), one a line

By default an export counts each incident once: one record per incident, the event its
record's values were chosen from (incidents.py), with the incident id, its number of
`reports` and their outlets; later mentions that restate an event are left out.
`per="event"` writes every reported event instead, each carrying its `incident`. The
contract format stays one record per article. CSV cells that a spreadsheet would run as a formula (starting
with = + - @) get a leading apostrophe: article text is hostile input.
"""
from __future__ import annotations

import csv
import json
from dataclasses import replace
from typing import IO, Any, Iterable, Optional, TextIO

from ..store import EventFilter, Store
from .acled import acled_row, codable, columns
from .geo import feature
from .incidents import once_per_incident
from .parquet import write_parquet
from .plover import plover_record
from .rows import event_record

FORMATS = ("csv", "json", "jsonl", "plover", "geojson", "parquet", "contract")
BINARY = ("parquet",)
PER = ("incident", "event")  # one record per incident (the default) or per reported event
# Media type and file name extension of each format, for downloads.
MEDIA = {"csv": ("text/csv; charset=utf-8", "csv"), "json": ("application/json", "json"),
         "jsonl": ("application/x-ndjson", "jsonl"), "plover": ("application/x-ndjson", "plover.jsonl"),
         "geojson": ("application/geo+json", "geojson"),
         "parquet": ("application/vnd.apache.parquet", "parquet"),
         "contract": ("application/x-ndjson", "contract.jsonl")}
DEFAULT = EventFilter(limit=None, repeats=False)


def write_csv(views: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write the ACLED-coded event views as ACLED-layout CSV to `out`; return the number of rows."""
    w = csv.DictWriter(out, fieldnames=columns(), lineterminator="\n")
    w.writeheader()
    n = 0
    for view in views:
        if codable(view):
            w.writerow(acled_row(view))
            n += 1
    return n


def write_lines(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write records one JSON object a line to `out`; return how many."""
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_array(records: Iterable[dict[str, Any]], out: TextIO, wrap: str = "") -> int:
    """Write records as one JSON array (inside `wrap`'s object when given), streamed; return how many."""
    head, tail = ("[", "]") if not wrap else (f'{{"type": "FeatureCollection", "{wrap}": [', "]}")
    out.write(head)
    n = 0
    for rec in records:
        out.write((",\n" if n else "\n") + json.dumps(rec, ensure_ascii=False))
        n += 1
    out.write("\n" + tail + "\n")
    return n


def export(store: Store, fmt: str, out: IO, f: Optional[EventFilter] = None,
           per: str = "incident") -> int:
    """Write the store's events matching `f` to `out` (binary for parquet) in `fmt`, one per
    incident (per="incident") or every one (per="event"); return how many records."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if per not in PER:
        raise ValueError(f"unknown export unit {per!r}; use one of {', '.join(PER)}")
    f = replace(f, limit=None, offset=0) if f is not None else DEFAULT
    views = store.iter_events(f)
    if per == "incident":
        views = once_per_incident(store, views)
    if fmt == "csv":
        return write_csv(views, out)
    if fmt == "json":
        return write_array((event_record(v) for v in views), out)
    if fmt == "jsonl":
        return write_lines((event_record(v) for v in views), out)
    if fmt == "plover":
        return write_lines((plover_record(v) for v in views), out)
    if fmt == "geojson":
        return write_array((feature(v) for v in views), out, wrap="features")
    if fmt == "parquet":
        return write_parquet(views, out)
    selecting = {k for k in f.query() if k not in ("repeats", "sort")}
    ids = sorted({v["article_id"] for v in views}) if selecting else None
    return write_lines(store.contract_records(ids), out)
