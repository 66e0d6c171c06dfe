"""The HTTP API (JSON) and web page over a store.

Run with `chronicle serve --db chronicle.db`, or `uvicorn chronicle.api.app:app` with
CHRONICLE_DB set. Routes: data.py (JSON, downloads), pages.py (HTML, API docs). Every
response carries a Content-Security-Policy that allows scripts, styles, images and
requests from Chronicle itself only; the pages' own scripts are static files.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import settings as settings_mod
from ..store import open_store
from . import data, pages
from .params import no_unknown_parameters

HERE = Path(__file__).parent
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# Swagger UI and ReDoc set style attributes and ReDoc starts a worker from a blob: they get
# inline styles and blob workers, still nothing from anywhere else.
DOCS_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
               " img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:;"
               " base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def _is_page(request: Request) -> bool:
    route = request.scope.get("route")
    return "page" in (getattr(route, "tags", None) or [])


def _wants_page(request: Request) -> bool:
    """Return whether an answer for no route at all should be a page: a browser asked."""
    return request.scope.get("route") is None and "text/html" in request.headers.get("accept", "")


class HeadAndHeaders:
    """ASGI middleware: the security headers on every answer, and HEAD answered as GET without
    the body. Plain ASGI rather than `@app.middleware`, which costs every request a task and a
    copy of the body."""

    def __init__(self, app):
        self.app = app
        common = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
        self.headers = common + [(b"content-security-policy", POLICY.encode())]
        self.docs_headers = common + [(b"content-security-policy", DOCS_POLICY.encode())]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        head = scope["method"] == "HEAD"
        extra = self.docs_headers if scope["path"] in ("/docs", "/redoc") else self.headers
        if head:
            scope = dict(scope, method="GET")

        async def send_with(message):
            if message["type"] == "http.response.start":
                names = {k for k, _ in extra}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = dict(message, headers=kept + extra)
            elif message["type"] == "http.response.body" and head:
                message = dict(message, body=b"")
            await send(message)

        await self.app(scope, receive, send_with)


def create_app(db: str) -> FastAPI:
    """Return the FastAPI app serving the store named by `db` (path or postgresql:// URL)."""
    open_store(db).close()  # create (or upgrade) the schema once, so requests only read
    app = FastAPI(title="Chronicle", description="Events and statements extracted from news,"
                  " with their sources. Every list takes the same filters as the web page;"
                  " an unknown parameter or value is refused with a 422 saying why.",
                  docs_url=None, redoc_url=None, dependencies=[Depends(no_unknown_parameters)])
    app.state.db = db
    app.state.stores = data.StorePool(db)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(data.router)
    app.include_router(pages.router)

    app.add_middleware(HeadAndHeaders)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404 and _wants_page(request):
            return pages.error_page(404, f"There is no page at {request.url.path}.")
        if _is_page(request):
            return pages.error_page(exc.status_code, str(exc.detail), request.headers.get("referer"))
        return await http_exception_handler(request, exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        if _is_page(request):
            said = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
            return pages.error_page(422, said)
        return await request_validation_exception_handler(request, exc)

    return app


def __getattr__(name: str):
    # `uvicorn chronicle.api.app:app` builds the app on first use from CHRONICLE_DB.
    if name == "app":
        return create_app(settings_mod.load().db)
    raise AttributeError(name)
