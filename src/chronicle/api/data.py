"""The JSON API: events (with totals), facet counts, a timeline, map points, statements,
articles, and downloads of the current filter in every export format."""
from __future__ import annotations

import io
import json
import tempfile
import threading
from typing import Any, AsyncIterator, Iterator, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse

from ..export import BINARY, FORMATS, MEDIA, export, write_statements_csv
from ..store import EventFilter, IncidentFilter, StatementFilter, Store, open_store
from ..store.facets import TIMELINE_STEPS, facet_counts, map_points, timeline
from ..store.neighbours import incident_of
from .params import event_filter, refuse, statement_filter

router = APIRouter()
# Routes that read one bounded page (at most `limit` rows, found by index) are `async`: they
# run on the event loop, as a hop to a worker thread costs more than their queries (about
# 1 ms of CPU a request under load; bench/api_load.py). Counts over the whole filter and
# downloads stay plain functions, run in the thread pool, so they never hold up the loop.
_encode = json.JSONEncoder(ensure_ascii=False, default=str).encode


class StorePool:
    """Stores kept open between requests: opening one costs more than most queries."""

    def __init__(self, db: str, keep: int = 32):
        self.db, self.keep = db, keep
        self.free: list[Store] = []
        self.lock = threading.Lock()

    def take(self) -> Store:
        with self.lock:
            if self.free:
                return self.free.pop()
        return open_store(self.db, create=False)

    def give_back(self, store: Store) -> None:
        with self.lock:
            if len(self.free) < self.keep:
                self.free.append(store)
                return
        store.close()


async def get_store(request: Request) -> AsyncIterator[Store]:
    """Lend the app's store to one request (async: taking one from the pool does no I/O)."""
    pool = request.app.state.stores
    store = pool.take()
    try:
        yield store
    finally:
        pool.give_back(store)


def json_response(payload: Any) -> Response:
    """Return `payload` (plain JSON types) serialised once, not re-encoded field by field."""
    return Response(_encode(payload), media_type="application/json")


@router.get("/events")
async def list_events(f: EventFilter = Depends(event_filter), store: Store = Depends(get_store)):
    """Events matching the filters, newest first unless `sort` says otherwise, with the total that match."""
    views = store.events_json(f)  # already JSON: the page is written, not re-encoded
    known = len(views) < f.limit and (views or not f.offset)  # the last page tells the total
    total = f.offset + len(views) if known else store.total(f)
    return Response(f'{{"events":[{",".join(views)}],"total":{total},"limit":{f.limit},'
                    f'"offset":{f.offset},"filter":{_encode(f.query())}}}',
                    media_type="application/json")


@router.get("/events/{event_id}")
async def get_event(event_id: str, store: Store = Depends(get_store)):
    """One event with its article (and provenance) and linked statements."""
    view = store.event(event_id)
    if view is None:
        raise HTTPException(404, f"no event {event_id}")
    return json_response(view)


@router.get("/events/{event_id}/incident")
async def get_incident(event_id: str, store: Store = Depends(get_store)):
    """The incident an event belongs to: the agreed fields, every report of it (the event
    asked for first) and the fields where the reports differ."""
    inc = incident_of(store, event_id)
    if inc is None:
        raise HTTPException(404, f"no event {event_id}")
    return inc


@router.get("/incidents")
async def list_incidents(type: Optional[str] = None, country: Optional[str] = None,
                   since: Optional[str] = None, until: Optional[str] = None,
                   text: Optional[str] = None, min_reports: int = Query(1, ge=1),
                   limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0),
                   store: Store = Depends(get_store)):
    """Incidents merged from many reports, newest first, each with its record (the chosen value
    and rule of each field), its reports (each with its source and words) and disagreements."""
    f = IncidentFilter(type=type or None, country=country or None, since=since or None,
                       until=until or None, text=text or None, min_reports=min_reports,
                       limit=limit, offset=offset)
    return {"incidents": store.incidents(f), "limit": limit, "offset": offset}


@router.get("/incidents/{incident_id}")
async def get_incident_by_id(incident_id: str, store: Store = Depends(get_store)):
    """One incident with its record and reports (an alias gives the incident it was merged into)."""
    view = store.incident(incident_id)
    if view is None:
        raise HTTPException(404, f"no incident {incident_id}")
    return view


@router.get("/facets")
def facets(f: EventFilter = Depends(event_filter), top: int = Query(12, ge=1, le=100),
           store: Store = Depends(get_store)):
    """How many events match the filters, and the most frequent values of each facet among them."""
    counts = facet_counts(store, f, top=top)
    return {"total": store.total(f), "filter": f.query(),
            "facets": {k: [{"value": v, "count": n} for v, n in rows] for k, rows in counts.items()}}


@router.get("/timeline")
def get_timeline(f: EventFilter = Depends(event_filter),
                 step: str = Query("day", description="day, week or month"),
                 store: Store = Depends(get_store)):
    """Events matching the filters per day, week (from Monday) or month."""
    if step not in TIMELINE_STEPS:
        raise refuse(f"step: unknown step {step!r}; use one of: {', '.join(TIMELINE_STEPS)}")
    return timeline(store, f, step)


@router.get("/map")
def get_map(f: EventFilter = Depends(event_filter),
            points: int = Query(5000, ge=1, le=20000, description="at most this many points"),
            store: Store = Depends(get_store)):
    """Placed events matching the filters (most casualties first), for a map."""
    found = map_points(store, f, points)
    found["total"] = store.total(f)
    return found


@router.get("/statements")
async def list_statements(f: StatementFilter = Depends(statement_filter),
                    store: Store = Depends(get_store)):
    """Statements matching the filters."""
    return json_response({"statements": store.statements(f), "limit": f.limit, "offset": f.offset})


@router.get("/articles/{article_id}")
async def get_article(article_id: int, store: Store = Depends(get_store)):
    """One stored article with its text, events and statements."""
    art = store.article(article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id}")
    return json_response(art)


def _download(write, media: str, name: str, binary: bool) -> StreamingResponse:
    """Write a download to a spooled file (the store closes after the request) and stream it."""
    spool = tempfile.SpooledTemporaryFile(max_size=8 << 20)
    if binary:
        write(spool)
    else:
        text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
        write(text)
        text.flush()
        text.detach()
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        with spool:
            while block := spool.read(1 << 16):
                yield block
    return StreamingResponse(chunks(), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


PER = Query("incident", description="incident: one record per incident, so that each counts once;"
                                     " event: every reported event, each with its incident")


def _export_route(fmt: str) -> None:
    media, ext = MEDIA[fmt]

    def download(f: EventFilter = Depends(event_filter), per: Literal["incident", "event"] = PER,
                 store: Store = Depends(get_store)):
        return _download(lambda out: export(store, fmt, out, f, per=per), media,
                         f"chronicle-events.{ext}", fmt in BINARY)
    download.__name__ = f"export_{fmt}"
    download.__doc__ = f"Events matching the filters as {fmt} (see docs/exports.md)."
    router.add_api_route(f"/export.{fmt}", download, methods=["GET"])


for _fmt in FORMATS:
    if _fmt != "parquet":
        _export_route(_fmt)


@router.get("/export.parquet")
def export_parquet(f: EventFilter = Depends(event_filter), per: Literal["incident", "event"] = PER,
                   store: Store = Depends(get_store)):
    """Events matching the filters as Parquet (needs the parquet extra on the server)."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise HTTPException(501, "Parquet needs pyarrow on the server: pip install 'chronicle[parquet]'")
    return _download(lambda out: export(store, "parquet", out, f, per=per), MEDIA["parquet"][0],
                     "chronicle-events.parquet", True)


@router.get("/statements.csv")
def statements_csv(f: StatementFilter = Depends(statement_filter), store: Store = Depends(get_store)):
    """Statements matching the filters as CSV."""
    f.limit, f.offset = None, 0
    return _download(lambda out: write_statements_csv(store.statements(f), out),
                     "text/csv; charset=utf-8", "chronicle-statements.csv", False)
