"""The store's common interface: write articles, read events and statements back.

SQL here is written once with `?` placeholders; the SQLite and PostgreSQL stores
differ only in how they connect, create the schema, run a transaction and search
text (see sqlite.py and postgres.py).
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Iterable, Iterator, Optional

from .. import errors
from ..records import Actor, Article, Event, Statement
from ..merge.incidents import Merger
from ..provenance import outlet_of, stamp
from .filters import (EventFilter, StatementFilter, check_events, check_statements, day_bounds,
                      event_where, order_by)
from .times import now
from .incidents import IncidentFilter, IncidentState, incident_query, incident_view, resolve

EVENT_COLUMNS = (
    "id", "article_id", "event_id", "rank", "type", "mode", "acled_event_type",
    "acled_sub_event_type", "gtd_attack_type", "gtd_weapon_type", "status", "confidence",
    "trigger_text", "trigger_start", "trigger_end", "sentence_start", "sentence_end",
    "date_value", "date_precision", "date_text", "date_start", "date_end",
    "place_name", "place_country", "place_admin1", "place_lat", "place_lon",
    "place_precision", "place_text", "place_start", "place_end",
    "killed", "killed_qualifier", "killed_text", "killed_start", "killed_end",
    "injured", "injured_qualifier", "injured_text", "injured_start", "injured_end",
    "instrument_text", "instrument_start", "instrument_end", "repeats", "record", "incident_id",
)
STATEMENT_COLUMNS = (
    "id", "article_id", "statement_id", "rank", "kind", "speaker_name", "speaker_kind",
    "speaker_country", "speaker_text", "speaker_start", "speaker_end",
    "cue_text", "cue_start", "cue_end", "content_text", "content_start", "content_end",
    "via_name", "via_chain", "event_id", "hedged", "record",
)
log = logging.getLogger(__name__)
_encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps makes one a call
UNPAIRED = re.compile("[\ud800-\udfff]")
INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1

ARTICLE_COLUMNS = ("id", "doc_id", "source", "url", "outlet", "title", "published",
                   "content_hash", "error_code", "error_message", "ingested_at",
                   "chronicle_version", "pipeline")
# What every event view carries of its article: where it came from and what read it.
PROVENANCE = ("source", "url", "outlet", "ingested_at", "chronicle_version", "pipeline")
_EVENT_SELECT = (f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)}, a.doc_id, a.title,"
                 f" a.published, {', '.join('a.' + c + ' AS a_' + c for c in PROVENANCE)}"
                 " FROM events e JOIN articles a ON a.id = e.article_id")
# A stored record's last field (Event.to_dict): quotes inside JSON strings are escaped.
_INCIDENT_KEY = ', "incident": '
_LAST_INCIDENT = re.compile(r'(?:null|"[^"\\]*")\}')
# What an event view reads (see `event_view`): no need to carry every column of a page.
_VIEW_SELECT = (f"SELECT e.id, e.article_id, e.event_id, e.rank, e.record, e.incident_id, a.doc_id, a.title,"
                f" a.published, {', '.join('a.' + c + ' AS a_' + c for c in PROVENANCE)}"
                " FROM events e JOIN articles a ON a.id = e.article_id")


@dataclass
class Saved:
    """What one `add` call stored."""

    articles: int = 0
    events: int = 0
    statements: int = 0
    errors: int = 0
    duplicates: int = 0  # inputs whose text repeats a stored article, recorded under their own id


def storable(value: Any) -> Any:
    """Return `value` as every engine can take it: text without NUL or lone surrogates (U+FFFD
    instead, so offsets hold), integers within 64 bits (an id or offset beyond them matches
    nothing either way)."""
    if isinstance(value, str):
        if "\x00" in value or UNPAIRED.search(value):
            return UNPAIRED.sub("\ufffd", value.replace("\x00", "\ufffd"))
    elif isinstance(value, int) and not isinstance(value, bool):
        return min(max(value, INT64_MIN), INT64_MAX)
    return value


def article_key(article: Article) -> str:
    """Return the article's content hash, or for an error with no text a hash of where it came from."""
    if article.text:
        return article.content_hash
    where = f"empty\0{article.source or ''}\0{article.id}"
    return hashlib.sha256(where.encode("utf-8")).hexdigest()


def _span(s, prefix: str) -> dict[str, Any]:
    return {f"{prefix}_text": s.text if s else None, f"{prefix}_start": s.start if s else None,
            f"{prefix}_end": s.end if s else None}


def event_row(article_id: int, rank: int, e: Event, published: Optional[str] = None,
              outlet: Optional[str] = None) -> dict[str, Any]:
    """Return the `events` row of event `e` of stored article `article_id` (published on
    `published`, by `outlet`)."""
    acled, gtd, loc = e.acled or {}, e.gtd or {}, e.location
    first, last = day_bounds((e.date.value if e.date else None) or published)
    row = {
        "id": f"{article_id}:{e.id}", "article_id": article_id, "event_id": e.id, "rank": rank,
        "type": e.type, "mode": e.mode, "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "gtd_attack_type": gtd.get("attack_type"), "gtd_weapon_type": gtd.get("weapon_type"),
        "status": e.status, "confidence": e.confidence,
        "sentence_start": e.sentence.start if e.sentence else None,
        "sentence_end": e.sentence.end if e.sentence else None,
        "date_value": e.date.value if e.date else None,
        "date_precision": e.date.precision if e.date else None,
        "place_name": loc.name if loc else None, "place_country": loc.country if loc else None,
        "place_admin1": loc.admin1 if loc else None, "place_lat": loc.lat if loc else None,
        "place_lon": loc.lon if loc else None, "place_precision": loc.precision if loc else None,
        "killed": e.killed.value if e.killed else None,
        "killed_qualifier": e.killed.qualifier if e.killed else None,
        "injured": e.injured.value if e.injured else None,
        "injured_qualifier": e.injured.qualifier if e.injured else None,
        "repeats": e.repeats, "day_start": first, "day_end": last, "outlet": outlet,
        "record": json.dumps(e.to_dict(), ensure_ascii=False), "incident_id": e.incident,
    }
    row.update(_span(e.trigger, "trigger"))
    row.update(_span(e.date, "date"))
    row.update(_span(loc, "place"))
    row.update(_span(e.killed.span if e.killed else None, "killed"))
    row.update(_span(e.injured.span if e.injured else None, "injured"))
    row.update(_span(e.instrument, "instrument"))
    return row


def actor_rows(event_uid: str, e: Event) -> list[dict[str, Any]]:
    """Return the `event_actors` rows of event `e`, actors then targets."""
    rows = []
    for role, people in (("actor", e.actors), ("target", e.targets)):
        for pos, a in enumerate(people):
            rows.append({"event_id": event_uid, "role": role, "position": pos,
                         "name": a.name or a.text, "kind": a.kind, "country": a.country,
                         "title": a.role, "span_text": a.text, "span_start": a.start,
                         "span_end": a.end})
    return rows


def statement_row(article_id: int, rank: int, s: Statement) -> dict[str, Any]:
    """Return the `statements` row of statement `s`, the `rank`th of stored article `article_id`."""
    sp: Optional[Actor] = s.speaker
    row = {
        "id": f"{article_id}:{s.id}", "article_id": article_id, "statement_id": s.id,
        "rank": rank, "kind": s.kind, "speaker_name": (sp.name or sp.text) if sp else None,
        "speaker_kind": sp.kind if sp else None, "speaker_country": sp.country if sp else None,
        "via_name": (s.via[0].name or s.via[0].text) if s.via else None,
        "via_chain": json.dumps([v.to_dict() for v in s.via], ensure_ascii=False) if s.via else None,
        "event_id": f"{article_id}:{s.event_id}" if s.event_id else None,
        "hedged": bool(s.hedged), "record": json.dumps(s.to_dict(), ensure_ascii=False),
    }
    row.update(_span(sp, "speaker"))
    row.update(_span(s.cue, "cue"))
    row.update(_span(s.content, "content"))
    return row


class Store:
    """A database of articles, events and statements. Subclasses bind one engine."""

    placeholder = "?"

    # -- engine hooks -------------------------------------------------------
    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        """Run one statement with `?` placeholders; return the cursor."""
        if self.placeholder != "?":
            sql = sql.replace("?", self.placeholder)
        return self.conn.execute(sql, tuple(self.clean(v) for v in params))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one transaction: all of it is stored, or none."""
        raise NotImplementedError

    def text_clause(self) -> str:
        """Return a WHERE clause over alias `a` (articles) matching one text-query parameter."""
        raise NotImplementedError

    def text_query(self, query: str) -> str:
        """Return the engine's form of a user's full-text query."""
        return query

    def clean(self, value: Any) -> Any:
        """Return `value` as every engine can take it (see `storable`): no query or row ever
        hands the database a NUL, a lone surrogate or an integer beyond 64 bits."""
        return storable(value)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing --------------------------------------------------------------
    def _insert(self, table: str, row: dict[str, Any], returning: bool = False,
                conflict: str = "") -> Any:
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        sql = f"INSERT INTO {table} ({cols}) VALUES ({marks})"
        if conflict:
            sql += f" ON CONFLICT ({conflict}) DO NOTHING"
        if returning:
            sql += " RETURNING id"
        cur = self.execute(sql, list(row.values()))
        if returning:
            found = cur.fetchone()
            return found[0] if found else None
        return None

    def known_inputs(self, raw_hashes: list[str]) -> set[str]:
        """Return those of `raw_hashes` already seen by an earlier run."""
        if not raw_hashes:
            return set()
        marks = ", ".join("?" for _ in raw_hashes)
        cur = self.execute(f"SELECT raw_hash FROM inputs WHERE raw_hash IN ({marks})", raw_hashes)
        return {r[0] for r in cur.fetchall()}

    def recorded_ids(self, raw_hashes: list[str]) -> dict[str, set[str]]:
        """Return, for those of `raw_hashes` already stored, the input ids recorded for the
        article each became (its own id and the ids of its recorded duplicates)."""
        if not raw_hashes:
            return {}
        marks = ", ".join("?" for _ in raw_hashes)
        out: dict[str, set[str]] = {}
        for sql in ("SELECT i.raw_hash, a.doc_id FROM inputs i JOIN articles a ON a.id = i.article_id"
                    f" WHERE i.raw_hash IN ({marks})",
                    "SELECT i.raw_hash, d.doc_id FROM inputs i JOIN duplicates d"
                    f" ON d.article_id = i.article_id WHERE i.raw_hash IN ({marks})"):
            for h, doc_id in self.execute(sql, raw_hashes).fetchall():
                out.setdefault(h, set()).add(doc_id)
        return out

    def add_duplicates(self, items: list[tuple[str, Optional[str], str]]
                       ) -> tuple[int, list[tuple[str, Optional[str], str]]]:
        """Record each (input id, source, raw hash) as a duplicate of the article its raw hash
        became; return how many were recorded and the items whose hash is not stored yet."""
        recorded, waiting = 0, []
        with self.transaction():
            for doc_id, source, raw_hash in items:
                row = self.execute("SELECT i.article_id, a.doc_id FROM inputs i JOIN articles a"
                                   " ON a.id = i.article_id WHERE i.raw_hash = ?",
                                   [raw_hash]).fetchone()
                if row is None:
                    waiting.append((doc_id, source, raw_hash))
                elif self._duplicate(doc_id, source, row[0], row[1]):
                    recorded += 1
        return recorded, waiting

    def _duplicate(self, doc_id: str, source: Optional[str], article_id: int,
                   stored_id: str) -> bool:
        """Record input `doc_id` as a duplicate of stored article `article_id` (whose own id
        is `stored_id`); return whether that is new."""
        if self.clean(doc_id) == stored_id:
            return False  # the same input again, not a duplicate
        cur = self.execute("INSERT INTO duplicates (doc_id, source, article_id, ingested_at)"
                           " VALUES (?, ?, ?, ?) ON CONFLICT (doc_id, article_id) DO NOTHING",
                           [doc_id, source, article_id, now()])
        return cur.rowcount > 0

    def add(self, articles: Iterable[Article], raw_hashes: Optional[Iterable[Optional[str]]] = None
            ) -> Saved:
        """Store `articles` (and the hashes of the inputs they came from) in one transaction."""
        articles = list(articles)
        hashes = list(raw_hashes) if raw_hashes is not None else [None] * len(articles)
        saved = Saved()
        with self.transaction():
            self._merging = Merger(IncidentState(self))
            for article, raw_hash in zip(articles, hashes):
                article_id = self._add_safely(article, saved)
                if raw_hash:
                    self._insert("inputs", {"raw_hash": raw_hash, "source": article.source,
                                            "article_id": article_id, "ingested_at": now()},
                                 conflict="raw_hash")
            self._merging.state.finish()
            self._merging = None
        return saved

    def _add_safely(self, article: Article, saved: Saved) -> Optional[int]:
        # A record a stage got wrong (a duplicate event id, a span without offsets) must
        # not lose the rest of the batch: keep the article, marked with why.
        one = Saved()
        self.execute("SAVEPOINT article")
        try:
            article_id = self._add_article(article, one)
        except Exception as exc:
            self.execute("ROLLBACK TO SAVEPOINT article")
            log.error("article %s could not be stored: %r", article.id, exc)
            article.fail(errors.PIPELINE, errors.message(errors.PIPELINE,
                                                         f"could not be stored: {exc!r}"))
            one = Saved()
            article_id = self._add_article(article, one)
        self.execute("RELEASE SAVEPOINT article")
        for name in ("articles", "events", "statements", "errors", "duplicates"):
            setattr(saved, name, getattr(saved, name) + getattr(one, name))
        return article_id

    def _add_article(self, article: Article, saved: Saved) -> Optional[int]:
        key = article_key(article)
        err = article.error
        outlet = article.outlet or outlet_of(article.url)
        article_id = self._insert("articles", {
            "doc_id": article.id, "source": article.source, "url": article.url,
            "title": article.title, "published": article.published, "content_hash": key,
            "text": article.text, "error_code": err.code if err else None,
            "error_message": err.message if err else None, "ingested_at": now(),
            **stamp(outlet, article.pipeline),
        }, returning=True, conflict="content_hash")
        if article_id is None:  # this text is stored: record this input as its duplicate
            article_id, stored_id = self.execute(
                "SELECT id, doc_id FROM articles WHERE content_hash = ?", [key]).fetchone()
            saved.duplicates += self._duplicate(article.id, article.source, article_id, stored_id)
            return article_id
        if err is None and article.source:  # a record read whole replaces its earlier read error
            self.execute("DELETE FROM articles WHERE doc_id = ? AND source = ? AND error_code = ?",
                         [article.id, article.source, errors.UNREADABLE])
        saved.articles += 1
        saved.errors += err is not None
        merger = getattr(self, "_merging", None)
        if merger is not None and err is None:  # each new story's events join incidents or start them
            merger.state.where = {e.id: (f"{article_id}:{e.id}", article_id) for e in article.events}
            merger.add(article, key)
        for rank, e in enumerate(article.events):
            row = event_row(article_id, rank, e, article.published, outlet)
            self._insert("events", row)
            for actor in actor_rows(row["id"], e):
                self._insert("event_actors", actor)
            saved.events += 1
        local_events = {e.id for e in article.events}
        for rank, s in enumerate(article.statements):
            row = statement_row(article_id, rank, s)
            if s.event_id not in local_events:
                row["event_id"] = None  # a link to an event that was not kept
            self._insert("statements", row)
            saved.statements += 1
        return article_id

    # -- reading --------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Return how many articles, events, statements, errors and duplicates are stored."""
        q = {"articles": "SELECT count(*) FROM articles",
             "events": "SELECT count(*) FROM events",
             "statements": "SELECT count(*) FROM statements",
             "errors": "SELECT count(*) FROM articles WHERE error_code IS NOT NULL",
             "duplicates": "SELECT count(*) FROM duplicates"}
        return {k: self.execute(sql).fetchone()[0] for k, sql in q.items()}

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def _event_query(self, f: EventFilter) -> tuple[str, list[Any]]:
        f = check_events(replace(f))
        where, params = event_where(f, self.text_clause(), self.text_query)
        sql = _EVENT_SELECT
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY " + order_by(f.sort)
        if f.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(f.limit), int(f.offset)]
        return sql, params

    def total(self, f: EventFilter = EventFilter()) -> int:
        """Return how many events match `f` (paging aside)."""
        f = check_events(replace(f, limit=None, offset=0))
        where, params = event_where(f, self.text_clause(), self.text_query)
        sql = "SELECT count(*) FROM events e"
        if any(re.search(r"\ba\.", w) for w in where):  # join the articles only when a condition reads them
            sql += " JOIN articles a ON a.id = e.article_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return int(self.execute(sql, params).fetchone()[0])

    def iter_events(self, f: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        """Yield the events matching `f`, newest first, as event views, a few rows at a time."""
        sql, params = self._event_query(f)
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(500):
            for r in rows:
                yield event_view(dict(zip(names, r)))

    def events(self, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """Return the events matching `f`, newest first, as event views (see `event_view`)."""
        if f.limit is None:
            return list(self.iter_events(f))
        return [event_view(r) for r in self._page_rows(f)]

    def events_json(self, f: EventFilter) -> list[str]:
        """Return the page of events matching `f` (it has a limit) as the JSON texts of their
        views, written without parsing the stored records (see `event_view_json`)."""
        articles: dict[int, str] = {}  # an article's summary, written once for all its events
        return [event_view_json(r, articles) for r in self._page_rows(f)]

    def _page_rows(self, f: EventFilter) -> list[dict[str, Any]]:
        # Sort the narrow ids first, then read the page's rows only: a sort carrying every
        # record costs a page of 100 about as much as the whole store.
        f = check_events(replace(f))
        where, params = event_where(f, self.text_clause(), self.text_query)
        sql = "SELECT e.id FROM events e"
        if any(re.search(r"\ba\.", w) for w in where):
            sql += " JOIN articles a ON a.id = e.article_id"
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY " + order_by(f.sort)
        ids = [r[0] for r in self.execute(sql + " LIMIT ? OFFSET ?",
                                          params + [int(f.limit), int(f.offset)]).fetchall()]
        found = {}
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            marks = ", ".join("?" for _ in part)
            for row in self._rows(_VIEW_SELECT + f" WHERE e.id IN ({marks})", part):
                found[row["id"]] = row
        return [found[i] for i in ids if i in found]

    def event(self, uid: str) -> Optional[dict[str, Any]]:
        """Return one event view with its article text and linked statements, or None."""
        rows = self._rows(_EVENT_SELECT + " WHERE e.id = ?", [uid])
        if not rows:
            return None
        view = event_view(rows[0])
        view["article"]["text"] = self.execute(
            "SELECT text FROM articles WHERE id = ?", [view["article_id"]]).fetchone()[0]
        view["statements"] = self.statements(StatementFilter(event=uid, limit=None))
        return view

    def statements(self, f: StatementFilter = StatementFilter()) -> list[dict[str, Any]]:
        """Return the statements matching `f` as statement views."""
        f = check_statements(replace(f))
        where, params = [], []
        if f.speaker:
            where.append("(lower(s.speaker_name) LIKE ? OR lower(s.speaker_text) LIKE ?)")
            params += [f"%{f.speaker.lower()}%"] * 2
        if f.kind:
            where.append("s.kind = ?")
            params.append(f.kind)
        if f.event:
            where.append("s.event_id = ?")
            params.append(f.event)
        if f.article_id is not None:
            where.append("s.article_id = ?")
            params.append(f.article_id)
        sql = (f"SELECT {', '.join('s.' + c for c in STATEMENT_COLUMNS)}, a.doc_id, a.title,"
               " a.url, a.published FROM statements s JOIN articles a ON a.id = s.article_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY s.article_id DESC, s.rank"
        if f.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(f.limit), int(f.offset)]
        return [statement_view(r) for r in self._rows(sql, params)]

    def article(self, article_id: int) -> Optional[dict[str, Any]]:
        """Return one stored article with its text, event views and statement views, or None."""
        rows = self._rows(f"SELECT {', '.join(ARTICLE_COLUMNS)}, text FROM articles WHERE id = ?",
                          [article_id])
        if not rows:
            return None
        art = rows[0]
        art["events"] = self.events(EventFilter(article_id=article_id, limit=None))
        art["events"].sort(key=lambda v: v["rank"])
        art["statements"] = self.statements(StatementFilter(article_id=article_id, limit=None))
        return art

    def incidents(self, f: IncidentFilter = IncidentFilter()) -> list[dict[str, Any]]:
        """Return the incidents matching `f`, newest first, as incident views (store/incidents.py)."""
        sql, params = incident_query(self, f)
        return [incident_view(r) for r in self._rows(sql, params)]

    def incident(self, incident_id: str) -> Optional[dict[str, Any]]:
        """Return one incident view (an alias gives the incident it was merged into), or None."""
        found = resolve(self, incident_id)
        sql, params = incident_query(self, IncidentFilter(limit=None))
        rows = self._rows(sql.replace(" ORDER BY", " AND i.id = ? ORDER BY"), params + [found])
        return incident_view(rows[0]) if rows else None

    def contract_records(self, article_ids: Optional[Iterable[int]] = None
                         ) -> Iterator[dict[str, Any]]:
        """Yield stored articles as contract records (CONTRACT.md), oldest stored first."""
        ids = list(article_ids) if article_ids is not None else [
            r[0] for r in self.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        for article_id in ids:
            art = self._rows("SELECT doc_id, text, published, title, url, error_code,"
                             " error_message FROM articles WHERE id = ?", [article_id])
            if not art:
                continue
            a = art[0]
            events = [dict(json.loads(r[0]), incident=r[1]) for r in self.execute(
                "SELECT record, incident_id FROM events WHERE article_id = ? ORDER BY rank",
                [article_id]).fetchall()]
            statements = [json.loads(r[0]) for r in self.execute(
                "SELECT record FROM statements WHERE article_id = ? ORDER BY rank",
                [article_id]).fetchall()]
            error = ({"code": a["error_code"], "message": a["error_message"]}
                     if a["error_code"] else None)
            yield {"id": a["doc_id"], "text": a["text"], "events": events,
                   "statements": statements, "error": error, "published": a["published"],
                   "title": a["title"], "url": a["url"]}


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
