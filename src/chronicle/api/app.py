"""The HTTP API (JSON) and web page over a store.

Run with `chronicle serve --db chronicle.db`, or `uvicorn chronicle.api.app:app`
with CHRONICLE_DB set. Every text on the page is escaped by Jinja2 autoescape and
the page runs no script, so stored article text can never execute.
"""
from __future__ import annotations

import io
import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, AsyncIterator, Optional
from urllib.parse import urlencode

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import settings as settings_mod
from ..export.formats import export as export_events
from ..store import EventFilter, StatementFilter, Store, open_store
from ..store.evidence import passages

HERE = Path(__file__).parent
MAX_LIMIT = 1000
PAGE_PATHS = ("/event/", "/article/", "/statements.html")  # web pages: a 404 is a page too
API_PATHS = ("/events", "/statements", "/articles", "/export.", "/openapi.json", "/docs",
             "/redoc", "/static/")
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


def json_response(payload: Any) -> Response:
    """Return `payload` as a JSON response, serialised once (no per-field re-encoding)."""
    return Response(json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/json")


def wants_page(request: Request) -> bool:
    """Return whether a 404 should be a web page: a page path, or a browser asking for HTML."""
    path = request.url.path
    if path.startswith(PAGE_PATHS) or path == "/":
        return True
    if path.startswith(API_PATHS):
        return False
    return "text/html" in request.headers.get("accept", "")


class StorePool:
    """Open stores kept between requests (opening one costs more than most queries)."""

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


class HeadAndHeaders:
    """ASGI middleware: the security headers on every answer (but FastAPI's /docs, which loads
    its scripts from a CDN), and HEAD answered as GET without the body."""

    def __init__(self, app):
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        head = scope["method"] == "HEAD"
        secure = scope["path"] not in ("/docs", "/redoc")
        if head:
            scope = dict(scope, method="GET")

        async def send_with(message):
            if message["type"] == "http.response.start" and secure:
                message = dict(message, headers=list(message.get("headers", [])) + self.headers)
            elif message["type"] == "http.response.body" and head:
                message = dict(message, body=b"")
            await send(message)

        await self.app(scope, receive, send_with)


def create_app(db: str) -> FastAPI:
    """Return the FastAPI app serving the store named by `db` (path or postgresql:// URL)."""
    open_store(db).close()  # create the schema once, so requests only read
    app = FastAPI(title="Chronicle", description="Events and statements extracted from news.")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(HeadAndHeaders)
    stores = StorePool(db)

    @app.exception_handler(StarletteHTTPException)
    async def not_found_page(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404 and wants_page(request):
            html = templates().get_template("notfound.html").render(path=request.url.path)
            return HTMLResponse(html, status_code=404)
        return await http_exception_handler(request, exc)

    # The dependencies are async: they do no I/O, and a sync one costs a thread hop per request.
    async def get_store() -> AsyncIterator[Store]:
        store = stores.take()
        try:
            yield store
        finally:
            stores.give_back(store)

    async def event_filter(type: Optional[str] = None, country: Optional[str] = None,
                     since: Optional[str] = None, until: Optional[str] = None,
                     text: Optional[str] = None,
                     limit: int = Query(100, ge=1, le=MAX_LIMIT),
                     offset: int = Query(0, ge=0)) -> EventFilter:
        return _filter(type, country, since, until, text, limit, offset)

    @app.get("/events")
    def list_events(f: EventFilter = Depends(event_filter), store: Store = Depends(get_store)):
        """Events matching the filters, as JSON."""
        body = ",".join(store.events_json(f))
        return Response(f'{{"events":[{body}],"limit":{f.limit},"offset":{f.offset}}}',
                        media_type="application/json")

    @app.get("/events/{event_id}")
    def get_event(event_id: str, store: Store = Depends(get_store)):
        """One event with its article and linked statements, as JSON."""
        view = store.event(event_id)
        if view is None:
            raise HTTPException(404, f"no event {event_id}")
        return json_response(view)

    @app.get("/statements")
    def list_statements(speaker: Optional[str] = None, kind: Optional[str] = None,
                        event: Optional[str] = None,
                        limit: int = Query(100, ge=1, le=MAX_LIMIT),
                        offset: int = Query(0, ge=0), store: Store = Depends(get_store)):
        """Statements matching the filters, as JSON."""
        f = StatementFilter(speaker=speaker or None, kind=kind or None, event=event or None,
                            limit=limit, offset=offset)
        return json_response({"statements": store.statements(f), "limit": limit, "offset": offset})

    @app.get("/articles/{article_id}")
    def get_article(article_id: int, store: Store = Depends(get_store)):
        """One stored article with its text, events and statements, as JSON."""
        art = store.article(article_id)
        if art is None:
            raise HTTPException(404, f"no article {article_id}")
        return json_response(art)

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
