"""Incidents in the store: the merge's state in SQL tables, and reading incidents back.

`IncidentState` is the merge stage's `State` (merge/incidents.py) kept in the tables
`incidents`, `incident_reports`, `incident_aliases`, `incident_keys` and `merge_state`
(docs/schema.md), so incidents grow across `chronicle ingest` runs exactly as they would
in one run over the same articles in the same order. One state serves one transaction:
`Store.add` makes it, merges each stored article, then `finish` writes the term counts
and the records of the incidents the batch touched.

Reading: `Store.incidents(IncidentFilter(...))` lists incident views,
`Store.incident(id)` gives one (an alias gives the incident it was merged into).
"""
from __future__ import annotations

import json
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Optional, Protocol

from ..merge.incidents import Decision, merge_entry
from ..merge.record import build
from ..merge.reports import Report
from ..merge.rules import rules
from ..merge.text import Signature, TermCounts
from ..records import Incident
from .countries import country_code
from .times import now


class Store(Protocol):
    """What this module asks of a store (`base.Store`, which imports this module)."""

    def execute(self, sql: str, params: Any = ...) -> Any: ...
    def _insert(self, *args: Any, **kw: Any) -> Any: ...
    def clean(self, *args: Any, **kw: Any) -> Any: ...
    def text_clause(self, *args: Any, **kw: Any) -> Any: ...
    def text_query(self, *args: Any, **kw: Any) -> Any: ...


COUNTS = "term_counts"
CACHE = 20_000  # parsed reports kept between queries, by report key


@dataclass
class IncidentFilter:
    """What to select incidents by; every field left None selects all."""

    type: Optional[str] = None  # PLOVER type or family (ASSAULT, violence)
    country: Optional[str] = None  # ISO alpha-3 (or English name)
    since: Optional[str] = None  # YYYY[-MM[-DD]]: incidents dated on or after
    until: Optional[str] = None
    text: Optional[str] = None  # full-text query over the titles and texts of its articles
    min_reports: int = 1
    limit: Optional[int] = 100
    offset: int = 0


class IncidentState:
    """The merge's state in the store's tables, for one transaction (merge.State)."""

    def __init__(self, store: "Store") -> None:
        self.store = store
        row = store.execute("SELECT value FROM merge_state WHERE name = ?", [COUNTS]).fetchone()
        self.counts = TermCounts.from_bytes(zlib.decompress(bytes(row[0]))) if row else TermCounts()
        self.cap = rules()["blocking"]["posting_cap"]
        self.compared = rules()["blocking"]["members_compared"]
        self.seq = self._max("SELECT max(seq) FROM incident_reports")
        self.started = self._max("SELECT max(seq) FROM incidents")
        self.parsed: OrderedDict[str, tuple[Report, Signature]] = OrderedDict()
        self.touched: set[str] = set()
        self.where: dict[str, tuple[str, int]] = {}  # event id in the current article -> (event uid, article id)
        self.founded_at: dict[str, int] = {}

    def _max(self, sql: str) -> int:
        got = self.store.execute(sql).fetchone()[0]
        return -1 if got is None else int(got)

    # -- merge.State ------------------------------------------------------------------
    def candidates(self, keys: list[str]) -> list[str]:
        if not keys:
            return []
        marks = ", ".join("?" for _ in keys)
        rows = self.store.execute(
            f"SELECT key, incident_id FROM incident_keys WHERE key IN ({marks}) ORDER BY key, seq",
            keys).fetchall()
        by_key: dict[str, list[str]] = {}
        for key, inc in rows:
            by_key.setdefault(key, []).append(inc)
        out: dict[str, None] = {}
        for key in keys:  # the same order as MemoryState: keys in order, each oldest first
            filed = by_key.get(key, [])
            if len(filed) > self.cap:  # each key keeps its latest incidents, as in MemoryState
                self._prune(key)
            for inc in filed[-self.cap:]:
                out[self.resolve(inc)] = None
        return list(out)

    def _prune(self, key: str) -> None:
        """Drop all but the latest `cap` incidents filed under a key."""
        row = self.store.execute("SELECT seq FROM incident_keys WHERE key = ? ORDER BY seq DESC"
                                 " LIMIT 1 OFFSET ?", [key, self.cap - 1]).fetchone()
        if row is not None:
            self.store.execute("DELETE FROM incident_keys WHERE key = ? AND seq < ?", [key, row[0]])

    def members_of(self, incidents: list[str]) -> dict[str, list[tuple[Report, Signature]]]:
        out: dict[str, list[str]] = {inc: [] for inc in incidents}
        for start in range(0, len(incidents), 500):  # one query for many incidents
            some = incidents[start:start + 500]
            marks = ", ".join("?" for _ in some)
            for inc, key in self.store.execute(
                    f"SELECT incident_id, report_key FROM incident_reports WHERE incident_id IN ({marks})"
                    " ORDER BY incident_id, seq", some).fetchall():
                out[inc].append(key)
        window = self.compared
        return {inc: [self._parsed(k) for k in (keys if len(keys) <= window else keys[:1] + keys[-(window - 1):])]
                for inc, keys in out.items()}

    def _parsed(self, key: str) -> tuple[Report, Signature]:
        got = self.parsed.get(key)
        if got is None:
            report, sig = self.store.execute(
                "SELECT report, signature FROM incident_reports WHERE report_key = ?", [key]).fetchone()
            got = (Report.from_dict(json.loads(report)), Signature.from_bytes(bytes(sig)))
            self.parsed[key] = got
            if len(self.parsed) > CACHE:
                self.parsed.popitem(last=False)
        else:
            self.parsed.move_to_end(key)
        return got

    def founded(self, incident: str) -> int:
        if incident not in self.founded_at:
            row = self.store.execute("SELECT seq FROM incidents WHERE id = ?", [incident]).fetchone()
            self.founded_at[incident] = int(row[0])
        return self.founded_at[incident]

    def found(self, incident: str, report: Report, sig: Signature, decision: Decision) -> None:
        self.started += 1
        self.store._insert("incidents", {"id": incident, "seq": self.started, "family": report.family,
                                         "started_at": now(), "updated_at": now()})
        self.founded_at[incident] = self.started
        self._report(incident, report, sig, decision)

    def join(self, incident: str, report: Report, sig: Signature, decision: Decision) -> None:
        self._report(incident, report, sig, decision)

    def _report(self, incident: str, report: Report, sig: Signature, decision: Decision) -> None:
        self.seq += 1
        uid, article_id = self.where[report.event]
        self.store._insert("incident_reports", {
            "report_key": report.key, "incident_id": incident, "event_id": uid,
            "article_id": article_id, "seq": self.seq, "joined_with": decision.joined,
            "score": decision.score, "evidence": json.dumps(decision.parts) if decision.parts else None,
            "report": json.dumps(report.to_dict(), ensure_ascii=False), "signature": sig.to_bytes()})
        self.parsed[report.key] = (report, sig)
        self.touched.add(incident)

    def absorb(self, survivor: str, absorbed: str, decision: Decision) -> None:
        entry = merge_entry(decision)
        self.store._insert("incident_aliases", {
            "alias": absorbed, "incident_id": survivor, "merged_at": now(), "report_key": decision.report,
            "score": decision.score, "evidence": json.dumps(entry["evidence"])})
        for table in ("incident_reports", "events"):
            self.store.execute(f"UPDATE {table} SET incident_id = ? WHERE incident_id = ?",
                               [survivor, absorbed])
        self.store.execute("DELETE FROM incidents WHERE id = ?", [absorbed])
        self.touched.discard(absorbed)
        self.touched.add(survivor)

    def post(self, keys: list[str], incident: str) -> None:
        for key in dict.fromkeys(keys):
            self.store._insert("incident_keys", {"key": key, "incident_id": incident, "seq": self.seq},
                               conflict="key, incident_id")

    def resolve(self, incident: str) -> str:
        return resolve(self.store, incident)

    def seen(self, key: str) -> Optional[str]:
        row = self.store.execute("SELECT incident_id FROM incident_reports WHERE report_key = ?",
                                 [key]).fetchone()
        return row[0] if row else None

    # -- end of a transaction -----------------------------------------------------------
    def finish(self) -> None:
        """Save the term counts and rebuild the records of the incidents touched."""
        blob = zlib.compress(self.counts.to_bytes(), 1)
        self.store.execute("DELETE FROM merge_state WHERE name = ?", [COUNTS])
        self.store._insert("merge_state", {"name": COUNTS, "value": blob})
        for inc in sorted(self.touched):
            refresh(self.store, inc)
        self.touched.clear()


def resolve(store: "Store", incident: str) -> str:
    """Return the id an incident id stands for now (aliases followed)."""
    seen = {incident}
    while True:
        row = store.execute("SELECT incident_id FROM incident_aliases WHERE alias = ?",
                            [incident]).fetchone()
        if row is None or row[0] in seen:
            return incident
        incident = row[0]
        seen.add(incident)


def record_of(store: "Store", incident: str) -> Optional[Incident]:
    """Return the merged record of an incident, built from its reports now, or None."""
    rows = store.execute("SELECT report FROM incident_reports WHERE incident_id = ? ORDER BY seq",
                         [incident]).fetchall()
    if not rows:
        return None
    aliases = [a for (a,) in store.execute(
        "SELECT alias FROM incident_aliases WHERE incident_id = ? ORDER BY merged_at, alias",
        [incident]).fetchall()]
    for alias in list(aliases):  # aliases of aliases
        aliases += [a for (a,) in store.execute(
            "SELECT alias FROM incident_aliases WHERE incident_id = ?", [alias]).fetchall()]
    merges = [{"into": incident, "absorbed": [alias], "report": key, "score": score,
               "evidence": json.loads(ev) if ev else {}, "at": at}
              for alias, key, score, ev, at in store.execute(
                  "SELECT alias, report_key, score, evidence, merged_at FROM incident_aliases"
                  " WHERE incident_id = ? ORDER BY merged_at, alias", [incident]).fetchall()]
    return build(incident, [Report.from_dict(json.loads(r)) for (r,) in rows], aliases, merges)


def refresh(store: "Store", incident: str) -> None:
    """Rebuild an incident's stored record and its columns from its reports."""
    rec = record_of(store, incident)
    if rec is None:
        return
    date, place = rec.value("date") or {}, rec.value("place") or {}
    articles = len({r["key"].split(":")[0] for r in rec.reports})
    store.execute(
        "UPDATE incidents SET family = ?, type = ?, mode = ?, status = ?, date_value = ?,"
        " date_precision = ?, place_name = ?, place_country = ?, place_admin1 = ?, place_lat = ?,"
        " place_lon = ?, place_precision = ?, killed = ?, injured = ?, n_reports = ?, n_articles = ?,"
        " record = ?, updated_at = ? WHERE id = ?",
        [rec.value("family"), rec.value("type"), rec.value("mode"), rec.value("status"),
         date.get("value"), date.get("precision"), place.get("name"), place.get("country"),
         place.get("admin1"), place.get("lat"), place.get("lon"), place.get("precision"),
         rec.value("killed"), rec.value("injured"), len(rec.reports), articles,
         store.clean(json.dumps(rec.to_dict(), ensure_ascii=False)), now(), incident])


INCIDENT_COLUMNS = ("id", "seq", "family", "type", "mode", "status", "date_value", "date_precision",
                    "place_name", "place_country", "place_admin1", "place_lat", "place_lon",
                    "place_precision", "killed", "injured", "n_reports", "n_articles", "started_at",
                    "updated_at")


def incident_query(store: "Store", f: IncidentFilter) -> tuple[str, list[Any]]:
    """Return the SQL and parameters listing the incidents `f` selects, newest first."""
    where, params = ["i.n_reports >= ?"], [int(f.min_reports)]
    if f.type:
        where.append("(upper(i.type) = upper(?) OR lower(i.family) = lower(?))")
        params += [f.type, f.type]
    if f.country:
        where.append("upper(i.place_country) = upper(?)")
        params.append(country_code(f.country))
    if f.since:
        where.append("i.date_value || '-99' >= ?")
        params.append(f.since)
    if f.until:
        where.append("i.date_value <= ?")
        params.append(f.until)
    if f.text:
        where.append("i.id IN (SELECT r.incident_id FROM incident_reports r JOIN articles a"
                     f" ON a.id = r.article_id WHERE {store.text_clause()})")
        params.append(store.text_query(f.text))
    sql = (f"SELECT {', '.join('i.' + c for c in INCIDENT_COLUMNS)}, i.record FROM incidents i"
           f" WHERE {' AND '.join(where)} ORDER BY i.date_value DESC, i.seq DESC")
    if f.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(f.limit), int(f.offset)]
    return sql, params


def incident_view(row: dict[str, Any]) -> dict[str, Any]:
    """Return an incidents row as a view: its columns, then the merged record's fields,
    reports (each with its source) and disagreements."""
    view = {k: row[k] for k in INCIDENT_COLUMNS}
    rec = json.loads(row["record"]) if row.get("record") else {}
    view.update(aliases=rec.get("aliases", []), fields=rec.get("fields", {}),
                reports=rec.get("reports", []), disagreements=rec.get("disagreements", {}),
                merges=rec.get("merges", []))
    return view
