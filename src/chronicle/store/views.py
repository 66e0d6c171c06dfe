"""What the store reads back: an event or statement row as its view (the contract record
with its store id and its article's summary and provenance), or as that view's JSON text
written without parsing the stored record."""
from __future__ import annotations

import json
import re
from typing import Any, Optional

from .rows import EVENT_COLUMNS

_encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps makes one a call
# What every event view carries of its article: where it came from and what read it.
PROVENANCE = ("source", "url", "outlet", "ingested_at", "chronicle_version", "pipeline")
EVENT_SELECT = (f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)}, a.doc_id, a.title,"
                 f" a.published, {', '.join('a.' + c + ' AS a_' + c for c in PROVENANCE)}"
                 " FROM events e JOIN articles a ON a.id = e.article_id")
# A stored record's last field (Event.to_dict): quotes inside JSON strings are escaped.
_INCIDENT_KEY = ', "incident": '
_LAST_INCIDENT = re.compile(r'(?:null|"[^"\\]*")\}')
# What an event view reads (see `event_view`): no need to carry every column of a page.
VIEW_SELECT = (f"SELECT e.id, e.article_id, e.event_id, e.rank, e.record, e.incident_id, a.doc_id, a.title,"
                f" a.published, {', '.join('a.' + c + ' AS a_' + c for c in PROVENANCE)}"
                " FROM events e JOIN articles a ON a.id = e.article_id")


def _view(row: dict[str, Any]) -> dict[str, Any]:
    """Return the stored contract record of `row` with its store id and article summary."""
    view = json.loads(row["record"])
    view["local_id"] = view.get("id")
    view["id"] = row["id"]
    view["article_id"] = row["article_id"]
    view["article"] = {"id": row["article_id"], "doc_id": row["doc_id"], "title": row["title"],
                       "url": row["url"], "published": row["published"]}
    return view


def event_view(row: dict[str, Any]) -> dict[str, Any]:
    """Return a stored event as its contract EVENT plus store id, rank, and its article with provenance."""
    row = dict(row, url=row.get("a_url"))
    view = _view(row)
    view["rank"] = row["rank"]
    view["incident"] = row.get("incident_id")
    view["article"].update({name: row.get("a_" + name) for name in PROVENANCE})
    return view


def event_view_json(row: dict[str, Any], articles: Optional[dict[int, str]] = None) -> str:
    """Return `event_view(row)` as JSON text without parsing the stored record: the record is
    JSON already, so the view's own keys are written in front of the record's fields, and its
    last field, the incident, is the column's (a merge may have moved the event since).
    `articles` keeps each article's summary, written once, by article id."""
    prefix = '{"id": ' + _encode(row["event_id"]) + ", "
    record = row["record"]
    last = record.rfind(_INCIDENT_KEY)  # found from the end: no scan of the whole record
    if (not record.startswith(prefix) or last < 0
            or not _LAST_INCIDENT.fullmatch(record, last + len(_INCIDENT_KEY))):  # not written by event_row
        return _encode(event_view(row))
    articles = {} if articles is None else articles
    article = articles.get(row["article_id"])
    if article is None:
        summary = {"id": row["article_id"], "doc_id": row["doc_id"], "title": row["title"],
                   "url": row.get("a_url"), "published": row["published"]}
        summary.update({name: row.get("a_" + name) for name in PROVENANCE})
        article = articles[row["article_id"]] = _encode(summary)
    return (f'{{"id": {_encode(row["id"])}, "local_id": {_encode(row["event_id"])},'
            f' "article_id": {int(row["article_id"])}, "rank": {int(row["rank"])},'
            f' "article": {article}, ' + record[len(prefix):last]
            + f', "incident": {_encode(row.get("incident_id"))}}}')


def statement_view(row: dict[str, Any]) -> dict[str, Any]:
    """Return a stored statement as its contract STATEMENT plus store ids and article."""
    view = _view(row)
    view["event_id"] = row["event_id"]
    return view
