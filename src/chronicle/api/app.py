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


def create_app(db: str) -> FastAPI:
    """Return the FastAPI app serving the store named by `db` (path or postgresql:// URL)."""
    open_store(db).close()  # create (or upgrade) the schema once, so requests only read
    app = FastAPI(title="Chronicle", description="Events and statements extracted from news,"
                  " with their sources. Every list takes the same filters as the web page;"
                  " an unknown parameter or value is refused with a 422 saying why.",
                  docs_url=None, redoc_url=None, dependencies=[Depends(no_unknown_parameters)])
    app.state.db = db
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(data.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        docs = request.url.path in ("/docs", "/redoc")
        response.headers["Content-Security-Policy"] = DOCS_POLICY if docs else POLICY
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
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
