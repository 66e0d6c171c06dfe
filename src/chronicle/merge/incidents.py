"""Incremental merging: each new article's reports join an incident or start one.

`Merger(state).add(article)` takes one finished article and returns, for each of its
events that tells an incident, the incident's id. A report is compared (evidence.py)
with the latest reports of the incidents blocking.py finds around it; it joins the
incident it scores best with, if that score reaches `join`, and otherwise starts one.
When a report scores `bridge` or more with several incidents, they were one incident
told in pieces: the oldest keeps its id and the others become its aliases.

Ids live: an incident's id is made from its first report's key (the hash of its
article's text and the event id), so the same input in the same order gives the same
ids in every run, and an id never changes as reports join. The state (incidents,
reports, keys, aliases, history, term counts) is kept by a `State`: `MemoryState` here
for one `chronicle extract` run, the store's for `chronicle ingest` across runs.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Protocol

from ..records import Article, Incident
from .blocking import index_keys, query_keys
from .evidence import Evidence, compare
from .record import build
from .reports import Report, article_key, reports_of
from .rules import rules
from .text import Signature, TermCounts, sign, similarities


@dataclass
class Decision:
    """Why a report went where it did: the incident, the evidence, what it brought together."""

    report: str  # report key
    incident: str
    joined: Optional[str] = None  # key of the member it scored best with; None: it started the incident
    score: Optional[float] = None
    parts: dict[str, float] = field(default_factory=dict)
    absorbed: list[str] = field(default_factory=list)  # incidents that became aliases of `incident`


class State(Protocol):
    """Where the merge keeps what it has seen (MemoryState, or the store's IncidentState)."""

    counts: TermCounts

    def candidates(self, keys: list[str]) -> list[str]:
        """Return the (current) ids of the incidents filed under any of `keys`."""

    def members_of(self, incidents: list[str]) -> dict[str, list[tuple[Report, Signature]]]:
        """Return, for each incident in order, the reports to compare with: its first and its latest."""

    def founded(self, incident: str) -> int:
        """Return the order in which an incident was started (older is smaller)."""

    def found(self, incident: str, report: Report, sig: Signature, decision: Decision) -> None:
        """Start an incident with its first report."""

    def join(self, incident: str, report: Report, sig: Signature, decision: Decision) -> None:
        """Add a report to an incident."""

    def absorb(self, survivor: str, absorbed: str, decision: Decision) -> None:
        """Make `absorbed` an alias of `survivor` and move its reports there."""

    def post(self, keys: list[str], incident: str) -> None:
        """File an incident under `keys`."""

    def resolve(self, incident: str) -> str:
        """Return the id an incident id stands for now (itself, or the incident it was merged into)."""

    def seen(self, key: str) -> Optional[str]:
        """Return the incident of a report already merged (a re-run), or None."""


def merge_entry(d: Decision) -> dict:
    """Return the history entry of a decision that brought incidents together."""
    return {"into": d.incident, "absorbed": list(d.absorbed), "report": d.report,
            "with": d.joined, "score": d.score, "evidence": d.parts}


def incident_id(report_key: str) -> str:
    """Return the id of an incident started by the report `report_key`."""
    return "inc-" + hashlib.sha256(report_key.encode("utf-8")).hexdigest()[:16]


class MemoryState:
    """The merge's state in memory, for one run (extract, tests, bench)."""

    def __init__(self) -> None:
        cfg = rules()["blocking"]
        self.counts = TermCounts()
        self.cap, self.compared = cfg["posting_cap"], cfg["members_compared"]
        self.postings: dict[str, dict[str, None]] = {}  # key -> incidents, oldest first
        self.reports: dict[str, list[tuple[Report, Signature]]] = {}  # incident -> members
        self.order: dict[str, int] = {}
        self.aliases: dict[str, str] = {}
        self.where: dict[str, str] = {}  # report key -> incident when it was merged
        self.arrival: dict[str, int] = {}  # report key -> order it came in
        self.history: list[Decision] = []

    def candidates(self, keys: list[str]) -> list[str]:
        out: dict[str, None] = {}
        for k in keys:
            for inc in self.postings.get(k, ()):
                out[self.resolve(inc)] = None
        return list(out)

    def members_of(self, incidents: list[str]) -> dict[str, list[tuple[Report, Signature]]]:
        out = {}
        for inc in incidents:
            got = self.reports[inc]
            out[inc] = got if len(got) <= self.compared else [got[0]] + got[-(self.compared - 1):]
        return out

    def founded(self, incident: str) -> int:
        return self.order[incident]

    def found(self, incident: str, report: Report, sig: Signature, decision: Decision) -> None:
        self.order[incident] = len(self.order)
        self.reports[incident] = [(report, sig)]
        self.where[report.key] = incident
        self.arrival[report.key] = len(self.arrival)

    def join(self, incident: str, report: Report, sig: Signature, decision: Decision) -> None:
        self.reports[incident].append((report, sig))
        self.where[report.key] = incident
        self.arrival[report.key] = len(self.arrival)

    def absorb(self, survivor: str, absorbed: str, decision: Decision) -> None:
        self.aliases[absorbed] = survivor
        moved = self.reports.pop(absorbed)
        self.reports[survivor] = sorted(self.reports[survivor] + moved,
                                        key=lambda m: self.arrival[m[0].key])
        self.history.append(decision)

    def post(self, keys: list[str], incident: str) -> None:
        for k in keys:
            filed = self.postings.setdefault(k, {})
            if incident not in filed:
                filed[incident] = None
                if len(filed) > self.cap:  # each key keeps its latest incidents
                    del filed[next(iter(filed))]

    def resolve(self, incident: str) -> str:
        seen = incident
        while seen in self.aliases:
            seen = self.aliases[seen]
        return seen

    def seen(self, key: str) -> Optional[str]:
        inc = self.where.get(key)
        return self.resolve(inc) if inc else None

    def incidents(self) -> dict[str, list[Report]]:
        """Return every incident's reports, in the order they came."""
        return {inc: [r for r, _ in members] for inc, members in self.reports.items()}

    def records(self, chosen: Optional[dict[str, str]] = None) -> list[Incident]:
        """Return the merged record of every incident, in the order they were started."""
        aliases: dict[str, list[str]] = {}
        for alias in self.aliases:
            aliases.setdefault(self.resolve(alias), []).append(alias)
        merges: dict[str, list[dict]] = {}
        for d in self.history:
            merges.setdefault(self.resolve(d.incident), []).append(merge_entry(d))
        return [build(inc, [r for r, _ in members], aliases.get(inc, ()), merges.get(inc, ()), chosen)
                for inc, members in sorted(self.reports.items(), key=lambda kv: self.order[kv[0]])]


class Merger:
    """Assigns incidents to the events of articles given one at a time, in order."""

    def __init__(self, state: Optional[State] = None) -> None:
        self.state = state if state is not None else MemoryState()
        w = rules()["weights"]
        self.join_at, self.bridge_at = w["join"], w["bridge"]
        self.decisions: list[Decision] = []

    def add(self, article: Article, key: Optional[str] = None) -> dict[str, str]:
        """Merge one article; return its events' incidents (event id -> incident id), and set `Event.incident`."""
        if article.error is not None or not article.text:
            return {}
        akey = key or article_key(article)
        reports, restated = reports_of(article, akey)
        if not reports:
            return {}
        places = frozenset(w for r in reports for said in (r.place, (r.spans.get("place") or [""])[0])
                           for w in re.findall(r"[a-z]{3,}", (said or "").lower()))
        sig = sign(article.title, article.text, self.state.counts, places)
        found: dict[str, str] = {}
        for report in reports:
            found[report.event] = self._place(report, sig)
        for event, target in restated.items():
            found[event] = found[target]
        for event in article.events:
            event.incident = found.get(event.id)
        return found

    def _place(self, report: Report, sig: Signature) -> str:
        """Return the incident one report joins (or starts), updating the state."""
        st = self.state
        again = st.seen(report.key)
        if again is not None:  # the same article merged before: it stays where it is
            return again
        scored: list[tuple[float, int, str, Evidence, str]] = []
        found = list(st.members_of(st.candidates(query_keys(report, sig))).items())
        text, names = similarities(sig, [m[1] for _, members in found for m in members], st.counts)
        at = 0
        for inc, members in found:
            k = len(members)
            ev, member = self._against(report, sig, members, text[at:at + k], names[at:at + k])
            at += k
            if ev is not None and ev.score >= self.join_at:
                scored.append((ev.score, -st.founded(inc), inc, ev, member))
        scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
        if not scored:
            inc = incident_id(report.key)
            decision = Decision(report.key, inc)
            st.found(inc, report, sig, decision)
        else:
            score, _, inc, ev, member = scored[0]
            if "copy" in ev.parts:
                report.copy_of = member
            bridged = [s[2] for s in scored[1:] if s[0] >= self.bridge_at] if score >= self.bridge_at else []
            group = sorted([inc] + bridged, key=st.founded)
            inc = group[0]
            decision = Decision(report.key, inc, member, round(score, 3),
                                {k: round(v, 3) for k, v in ev.parts.items()}, group[1:])
            for other in group[1:]:
                st.absorb(inc, other, decision)
            st.join(inc, report, sig, decision)
        st.post(index_keys(report, sig), inc)
        self.decisions.append(decision)
        return inc

    def _against(self, report: Report, sig: Signature, members: list[tuple[Report, Signature]],
                 text: list[float], names: list[int]) -> tuple[Optional[Evidence], Optional[str]]:
        """Return the evidence that a report belongs to an incident, and the member it is closest to.

        The closest member gives the evidence, except its date: a report's date must suit every
        member's (complete link), so a chain of look-alike stories weeks apart never grows one incident.
        """
        best: Optional[Evidence] = None
        key, worst = None, 0.0
        for (member, msig), t, n in zip(members, text, names):
            ev = compare(report, sig, member, msig, self.state.counts, t, n)
            worst = min(worst, ev.parts.get("date", 0.0))
            if best is None or ev.score > best.score:
                best, key = ev, member.key
        if best is None:
            return None, None
        drop = min(0.0, worst - min(0.0, best.parts.get("date", 0.0)))
        if drop:
            best = Evidence(best.score + drop, dict(best.parts, conflict=drop))
        return best, key

    def resolve(self, incident: Optional[str]) -> Optional[str]:
        """Return the current id of an incident id given earlier (aliases followed)."""
        return self.state.resolve(incident) if incident else None


def merge_articles(articles: Iterable[Article], state: Optional[State] = None) -> Merger:
    """Merge articles in order (setting every event's `incident`); return the merger, aliases resolved on the events."""
    merger = Merger(state)
    kept = []
    for article in articles:
        merger.add(article)
        kept.append(article)
    for article in kept:
        for event in article.events:
            event.incident = merger.resolve(event.incident)
    return merger
