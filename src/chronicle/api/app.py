"""The HTTP API (JSON) and web page over a store.

Run with `chronicle serve --db chronicle.db`, or `uvicorn chronicle.api.app:app`
with CHRONICLE_DB set. Every text on the page is escaped by Jinja2 autoescape and
the page runs no script, so stored article text can never execute.
"""
from __future__ import annotations

import io
import json
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import urlencode

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import settings as settings_mod
from ..export.formats import export as export_events
from ..store import EventFilter, IncidentFilter, StatementFilter, Store, open_store
from ..store.evidence import passages

HERE = Path(__file__).parent
MAX_LIMIT = 1000
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self';"
                               " form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@lru_cache(maxsize=1)
def templates() -> jinja2.Environment:
    """Return the page templates, with autoescape on for every template."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                              autoescape=True, undefined=jinja2.ChainableUndefined)


def _filter(type: Optional[str], country: Optional[str], since: Optional[str],
            until: Optional[str], text: Optional[str], limit: Optional[int], offset: int
            ) -> EventFilter:
    return EventFilter(type=type or None, country=country or None, since=since or None,
                       until=until or None, text=text or None, limit=limit, offset=offset)


def page_links(query: dict, limit: int, offset: int, shown: int) -> tuple[Optional[str], Optional[str]]:
    """Return the query strings of the next and previous pages (None where there is none)."""
    more = urlencode({**query, "limit": limit, "offset": offset + limit}) if shown == limit else None
    less = urlencode({**query, "limit": limit, "offset": max(0, offset - limit)}) if offset else None
    return more, less


def create_app(db: str) -> FastAPI:
    """Return the FastAPI app serving the store named by `db` (path or postgresql:// URL)."""
    open_store(db).close()  # create the schema once, so requests only read
    app = FastAPI(title="Chronicle", description="Events and statements extracted from news.")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        # FastAPI's own /docs page loads its scripts from a CDN; everything else gets the policy.
        if request.url.path not in ("/docs", "/redoc"):
            response.headers.update(SECURITY_HEADERS)
        return response

    def get_store() -> Iterator[Store]:
        store = open_store(db, create=False)
        try:
            yield store
        finally:
            store.close()

    def event_filter(type: Optional[str] = None, country: Optional[str] = None,
                     since: Optional[str] = None, until: Optional[str] = None,
                     text: Optional[str] = None,
                     limit: int = Query(100, ge=1, le=MAX_LIMIT),
                     offset: int = Query(0, ge=0)) -> EventFilter:
        return _filter(type, country, since, until, text, limit, offset)

    @app.get("/events")
    def list_events(f: EventFilter = Depends(event_filter), store: Store = Depends(get_store)):
        """Events matching the filters, as JSON."""
        return {"events": store.events(f), "limit": f.limit, "offset": f.offset}

    @app.get("/events/{event_id}")
    def get_event(event_id: str, store: Store = Depends(get_store)):
        """One event with its article and linked statements, as JSON."""
        view = store.event(event_id)
        if view is None:
            raise HTTPException(404, f"no event {event_id}")
        return view

    @app.get("/statements")
    def list_statements(speaker: Optional[str] = None, kind: Optional[str] = None,
                        event: Optional[str] = None,
                        limit: int = Query(100, ge=1, le=MAX_LIMIT),
                        offset: int = Query(0, ge=0), store: Store = Depends(get_store)):
        """Statements matching the filters, as JSON."""
        f = StatementFilter(speaker=speaker or None, kind=kind or None, event=event or None,
                            limit=limit, offset=offset)
        return {"statements": store.statements(f), "limit": limit, "offset": offset}

    @app.get("/incidents")
    def list_incidents(f: EventFilter = Depends(event_filter), min_reports: int = Query(1, ge=1),
                       store: Store = Depends(get_store)):
        """Incidents matching the filters, newest first, each with its record and its reports, as JSON."""
        g = IncidentFilter(type=f.type, country=f.country, since=f.since, until=f.until, text=f.text,
                           min_reports=min_reports, limit=f.limit, offset=f.offset)
        return {"incidents": store.incidents(g), "limit": g.limit, "offset": g.offset}

    @app.get("/incidents/{incident_id}")
    def get_incident(incident_id: str, store: Store = Depends(get_store)):
        """One incident (an alias gives the incident it was merged into) with its reports, as JSON."""
        view = store.incident(incident_id)
        if view is None:
            raise HTTPException(404, f"no incident {incident_id}")
        return view

    @app.get("/articles/{article_id}")
    def get_article(article_id: int, store: Store = Depends(get_store)):
        """One stored article with its text, events and statements, as JSON."""
        art = store.article(article_id)
        if art is None:
            raise HTTPException(404, f"no article {article_id}")
        return art

    def exported(fmt: str, media: str, f: EventFilter, store: Store) -> Response:
        f.limit, f.offset = None, 0
        out = io.StringIO()
        export_events(store, fmt, out, f)
        return Response(out.getvalue(), media_type=media, headers={
            "Content-Disposition": f'attachment; filename="chronicle-events.{fmt}"'})

    @app.get("/export.csv")
    def export_csv(f: EventFilter = Depends(event_filter), store: Store = Depends(get_store)):
        """Events matching the filters as CSV in ACLED-like columns."""
        return exported("csv", "text/csv; charset=utf-8", f, store)

    @app.get("/export.geojson")
    def export_geojson(f: EventFilter = Depends(event_filter), store: Store = Depends(get_store)):
        """Located events matching the filters as a GeoJSON FeatureCollection."""
        return exported("geojson", "application/geo+json", f, store)

    @app.get("/export.jsonl")
    def export_jsonl(f: EventFilter = Depends(event_filter), store: Store = Depends(get_store)):
        """Articles (with events matching the filters) as contract JSONL records."""
        return exported("jsonl", "application/x-ndjson", f, store)

    @app.get("/", response_class=HTMLResponse)
    def page_events(f: EventFilter = Depends(event_filter), store: Store = Depends(get_store)):
        """The web page: events with filters."""
        views = store.events(f)
        query = {k: getattr(f, k) for k in ("type", "country", "since", "until", "text")
                 if getattr(f, k)}
        more, less = page_links(query, f.limit, f.offset, len(views))
        html = templates().get_template("events.html").render(
            events=views, f=f, counts=store.counts(), more=more, less=less,
            export=urlencode(query))
        return HTMLResponse(html)

    @app.get("/event/{event_id}", response_class=HTMLResponse)
    def page_event(event_id: str, store: Store = Depends(get_store)):
        """The web page of one event: its sentences with trigger and arguments marked."""
        view = store.event(event_id)
        if view is None:
            raise HTTPException(404, f"no event {event_id}")
        html = templates().get_template("event.html").render(
            e=view, passages=passages(view, view["article"]["text"]),
            record=json.dumps({k: v for k, v in view.items() if k not in ("article", "statements")},
                              ensure_ascii=False, indent=2))
        return HTMLResponse(html)

    @app.get("/statements.html", response_class=HTMLResponse)
    def page_statements(speaker: Optional[str] = None, kind: Optional[str] = None,
                        event: Optional[str] = None,
                        limit: int = Query(100, ge=1, le=MAX_LIMIT),
                        offset: int = Query(0, ge=0), store: Store = Depends(get_store)):
        """The web page of statements: who said what, via whom, with filters."""
        f = StatementFilter(speaker=speaker or None, kind=kind or None, event=event or None,
                            limit=limit, offset=offset)
        views = store.statements(f)
        query = {k: getattr(f, k) for k in ("speaker", "kind", "event") if getattr(f, k)}
        more, less = page_links(query, limit, offset, len(views))
        html = templates().get_template("statements.html").render(
            statements=views, f=f, more=more, less=less)
        return HTMLResponse(html)

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def page_article(article_id: int, store: Store = Depends(get_store)):
        """The web page of one stored article: its text, events and statements."""
        art = store.article(article_id)
        if art is None:
            raise HTTPException(404, f"no article {article_id}")
        return HTMLResponse(templates().get_template("article.html").render(a=art))

    return app


def __getattr__(name: str):
    # `uvicorn chronicle.api.app:app` builds the app on first use from CHRONICLE_DB.
    if name == "app":
        return create_app(settings_mod.load().db)
    raise AttributeError(name)
