"""The store's common interface: write articles, read events and statements back.

SQL here is written once with `?` placeholders; the SQLite and PostgreSQL stores
differ only in how they connect, create the schema, run a transaction and search
text (see sqlite.py and postgres.py).
"""
from __future__ import annotations

import json
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Iterable, Iterator, Optional

from .. import errors
from ..records import Article
from ..merge.incidents import Merger
from ..provenance import outlet_of, stamp
from .filters import EventFilter, StatementFilter, check_events, check_statements, event_where, order_by
from .times import now
from .incidents import IncidentFilter, IncidentState, incident_query, incident_view, resolve
from .rows import (ARTICLE_COLUMNS, STATEMENT_COLUMNS, actor_rows, article_key, event_row, statement_row,
                   storable)
from .views import EVENT_SELECT, VIEW_SELECT, event_view, event_view_json, statement_view

log = logging.getLogger(__name__)


@dataclass
class Saved:
    """What one `add` call stored."""

    articles: int = 0
    events: int = 0
    statements: int = 0
    errors: int = 0
    duplicates: int = 0  # inputs whose text repeats a stored article, recorded under their own id


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
        sql = EVENT_SELECT
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
            for row in self._rows(VIEW_SELECT + f" WHERE e.id IN ({marks})", part):
                found[row["id"]] = row
        return [found[i] for i in ids if i in found]

    def event(self, uid: str) -> Optional[dict[str, Any]]:
        """Return one event view with its article text and linked statements, or None."""
        rows = self._rows(EVENT_SELECT + " WHERE e.id = ?", [uid])
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
