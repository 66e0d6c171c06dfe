"""The web page: the event desk (facets, map, timeline, list), one event, one article with its
evidence marked, statements, and the API docs with local assets.

Every text is escaped by Jinja2 autoescape; the page's scripts (static/desk.js) read
JSON from the API and write text with textContent only, so article text never runs.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import jinja2
from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import FileResponse, HTMLResponse

from ..records import STATEMENT_KINDS
from ..store import EventFilter, StatementFilter, Store
from ..store.countries import country_name
from ..store.evidence import article_pieces, passages
from ..store.facets import facet_counts
from ..store.neighbours import incident_of
from .data import get_store
from .params import event_filter, page_links, query_string, statement_filter

HERE = Path(__file__).parent
router = APIRouter(include_in_schema=False, tags=["page"])

FACET_TITLES = (("type", "Type"), ("sub_event", "ACLED sub-event"), ("country", "Country"),
                ("status", "Status"), ("mode", "Mode"), ("actor", "Actor"), ("outlet", "Outlet"),
                ("month", "Month"))
SORTS = (("-date", "newest first"), ("date", "oldest first"), ("-casualties", "most casualties"),
         ("-killed", "most killed"), ("-injured", "most injured"), ("type", "type"),
         ("country", "country"), ("outlet", "outlet"))
COLUMNS = (("", "Event"), ("date", "Date"), ("type", "Type"), ("", "ACLED sub-event"),
           ("country", "Place"), ("killed", "Killed"), ("injured", "Injured"), ("", "Actors"),
           ("", "Targets"), ("", "Trigger"), ("outlet", "Article"))
CHIP_NAMES = {"type": "type", "sub_event": "sub-event", "country": "country", "status": "status",
              "mode": "mode", "actor": "actor", "outlet": "outlet", "min_casualties": "casualties ≥",
              "since": "from", "until": "to", "text": "words"}


@lru_cache(maxsize=1)
def templates() -> jinja2.Environment:
    """Return the page templates, with autoescape on for every template."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                              autoescape=True, undefined=jinja2.ChainableUndefined)


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Return template `name` rendered with `context` as an HTML response."""
    return HTMLResponse(templates().get_template(name).render(status=status, **context),
                        status_code=status)


def _label(facet: str, value: Any) -> str:
    if value is None:
        return "(none)"
    if facet == "country":
        name = country_name(value)
        return f"{name} ({value})" if name and name != value else str(value)
    return str(value)


def facet_panels(query: dict[str, Any], counts: dict[str, list]) -> list[dict[str, Any]]:
    """Return each facet's panel: its rows (label, count, link that sets it) and the link that clears it."""
    panels = []
    base = {k: v for k, v in query.items() if k != "offset"}
    for name, title in FACET_TITLES:
        if name == "month":
            current = base.get("since") if base.get("since") and base.get("since") == base.get("until") else None
            rows = [{"label": v or "(none)", "count": n, "on": v == current,
                     "href": query_string(base, since=v, until=v) if v else None}
                    for v, n in counts.get("month", [])]
            remove = query_string(base, since=None, until=None) if current else None
        else:
            current = base.get(name)
            rows = [{"label": _label(name, v), "count": n, "on": current is not None and v == current,
                     "href": query_string(base, **{name: v}) if v is not None else None}
                    for v, n in counts.get(name, [])]
            remove = query_string(base, **{name: None}) if current else None
        panels.append({"name": name, "title": title, "rows": rows, "remove": remove,
                       "current": _label(name, current) if current else None})
    return panels


@router.get("/", response_class=HTMLResponse)
def desk(f: EventFilter = Depends(event_filter), store: Store = Depends(get_store)):
    """The event desk: facets with counts, map, timeline, and the list of matching events."""
    views = store.events(f)
    total = store.total(f)
    query = f.query()
    paging = dict(query, limit=f.limit) if f.limit != 100 else dict(query)
    more, less = page_links(paging, f.limit, f.offset, len(views), total)
    sort_links = {}
    for key in ("date", "type", "country", "killed", "injured", "outlet"):
        # the first click sorts largest or newest first, the next the other way
        flip = key if f.sort == "-" + key else "-" + key
        sort_links[key] = query_string(paging, sort=flip, offset=None)
    chips = [{"name": CHIP_NAMES[k], "value": _label(k, v), "remove": query_string(query, **{k: None})}
             for k, v in query.items() if k in CHIP_NAMES]
    try:
        import pyarrow  # noqa: F401
        parquet = True
    except ImportError:
        parquet = False
    return render("events.html", events=views, f=f, total=total, counts=store.counts(),
                  facets=facet_panels(query, facet_counts(store, f, top=8)),
                  more=more, less=less, first=query_string(paging, offset=None) if f.offset else None,
                  export=query_string(query), sort_links=sort_links, sorts=SORTS,
                  columns=COLUMNS, chips=chips, parquet=parquet,
                  hidden=[(k, v) for k, v in query.items()
                          if k in ("type", "sub_event", "country", "status", "mode", "actor", "outlet")])


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, store: Store = Depends(get_store)):
    """One event: its sentences with trigger and arguments marked, its fields and provenance."""
    view = store.event(event_id)
    if view is None:
        raise HTTPException(404, f"no event {event_id}")
    record = {k: v for k, v in view.items() if k not in ("article", "statements")}
    return render("event.html", e=view, passages=passages(view, view["article"]["text"]),
                  record=json.dumps(record, ensure_ascii=False, indent=2))


INCIDENT_FIELDS = (("type", "Type"), ("mode", "Mode"), ("acled", "ACLED"), ("gtd", "GTD"),
                   ("status", "Status"), ("date", "Date"), ("place", "Place"), ("killed", "Killed"),
                   ("injured", "Injured"), ("actors", "Actors"), ("targets", "Targets"))


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return " / ".join(str(v) for v in value.values() if v)
    return str(value)


def report_cells(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return, per compared field, one report's value and the words it came from."""
    loc, date = view.get("location") or {}, view.get("date") or {}
    cells = {name: {"value": _plain(view.get(name)), "words": None}
             for name in ("type", "mode", "acled", "gtd", "status")}
    cells["date"] = {"value": date.get("value") or "", "words": date.get("text")}
    cells["place"] = {"value": ", ".join(x for x in (loc.get("name"), loc.get("country")) if x),
                      "words": loc.get("text")}
    for key in ("killed", "injured"):
        detail = view.get(f"{key}_detail") or {}
        cells[key] = {"value": _plain(view.get(key)), "words": (detail.get("span") or {}).get("text")}
    for key in ("actors", "targets"):
        people = view.get(key) or []
        cells[key] = {"value": "; ".join(a.get("name") or a.get("text") or "" for a in people),
                      "words": "; ".join(a.get("text") or "" for a in people) or None}
    return cells


@router.get("/event/{event_id}/incident", response_class=HTMLResponse)
def incident_page(event_id: str, store: Store = Depends(get_store)):
    """The incident an event belongs to: every report of it side by side, field by field,
    with the words each value came from and the fields where the reports differ."""
    inc = incident_of(store, event_id)
    if inc is None:
        raise HTTPException(404, f"no event {event_id}")
    reports = [{"view": v, "cells": report_cells(v),
                "passages": passages(v, store.event(v["id"])["article"]["text"])}
               for v in inc["reports"]]
    agreed = {name: _plain(inc["fields"].get(name)) for name, _ in INCIDENT_FIELDS}
    agreed["actors"] = agreed["targets"] = ""
    return render("incident.html", e=inc["reports"][0], inc=inc, reports=reports,
                  fields=INCIDENT_FIELDS, agreed=agreed)


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(article_id: int, store: Store = Depends(get_store)):
    """One stored article: its whole text with every event's and statement's words marked."""
    art = store.article(article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id}")
    return render("article.html", a=art, pieces=article_pieces(art))


@router.get("/statements.html", response_class=HTMLResponse)
def statements_page(f: StatementFilter = Depends(statement_filter),
                    store: Store = Depends(get_store)):
    """Statements: who said what, via whom, with filters."""
    views = store.statements(f)
    query = {k: getattr(f, k) for k in ("speaker", "kind", "event") if getattr(f, k)}
    more, less = page_links(query, f.limit, f.offset, len(views))
    return render("statements.html", statements=views, f=f, more=more, less=less,
                  kinds=STATEMENT_KINDS, export=query_string(query))


@router.get("/docs", response_class=HTMLResponse)
def swagger_ui():
    """The API's Swagger UI page, with its scripts served from the package."""
    return render("docs.html")


@router.get("/redoc", response_class=HTMLResponse)
def redoc():
    """The API's ReDoc page, with its script served from the package."""
    return render("redoc.html")


@router.get("/favicon.ico")
def favicon():
    """The site icon, for browsers that ask for it by its old name."""
    return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")


def error_page(status: int, message: str, back: Optional[str] = None) -> HTMLResponse:
    """Return a page saying what went wrong (404, 422), escaped like every other page."""
    return render("error.html", status=status, message=message, back=back or "/")
