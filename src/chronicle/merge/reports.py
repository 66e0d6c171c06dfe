"""Reports: what the merge keeps of one article's account of one event.

An article gives one report per event it tells as news: its main event (the first event
of a type that can be merged, coded or not: a follow-up story tells a past shooting as
history), and every other event coded for ACLED that restates nothing. A later mention
that restates an event (`Event.repeats`) belongs to that event's incident. Verbal events
(accuse, condemn, appeal ...) are statements about incidents, not incidents.
"""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import asdict, dataclass, field
from datetime import date as Day
from typing import Any, Optional

from ..records import Article, Event
from .rules import family_of, follow_up_words, rules
from .text import headline, outlet, wire


PRECISION = ("point", "city", "admin2", "admin1", "country")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km between two points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Report:
    """One article's values for one event, with where each value was read."""

    key: str  # '<article key>:<event id>': the same in every run and every store
    article: str  # the article's id where the report was made (doc id, or store article id)
    event: str  # the event's id within its article
    family: str
    type: str
    mode: Optional[str] = None
    status: Optional[str] = None
    acled: Optional[dict] = None  # ACLED event and sub-event type
    published: Optional[str] = None
    date: Optional[str] = None
    date_precision: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    place: Optional[str] = None
    admin1: Optional[str] = None
    country: Optional[str] = None
    place_precision: Optional[str] = None
    killed: Optional[int] = None
    injured: Optional[int] = None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    outlet: Optional[str] = None
    wire: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    main: bool = True  # the article's main report
    follow_up: bool = False  # its headline tells a later development (an arrest, a trial, a funeral)
    copy_of: Optional[str] = None  # key of the report this one is a wire copy or reprint of
    spans: dict[str, list] = field(default_factory=dict)  # field -> [text, start, end] in the article

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data (see `from_dict`)."""
        d = asdict(self)
        d["actors"], d["targets"] = list(self.actors), list(self.targets)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Report":
        """Return the report `to_dict` gave."""
        d = dict(d)
        d["actors"], d["targets"] = tuple(d.get("actors") or ()), tuple(d.get("targets") or ())
        return cls(**d)


def _names(people) -> tuple[str, ...]:
    return tuple((p.name or p.text) for p in people if (p.name or p.text))


def _span(s) -> Optional[list]:
    return [s.text, s.start, s.end] if s is not None else None


def follow_up(title: Optional[str]) -> bool:
    """Return whether a headline tells a later development of an incident (an arrest, a trial, a funeral)."""
    words = set(re.findall(r"[a-z]+", headline(title).lower()))
    return bool(words & follow_up_words())


def report_of(article: Article, article_key: str, event: Event, main: bool) -> Report:
    """Return the report of `event` in `article` (whose store-independent key is `article_key`)."""
    loc, d = event.location, event.date
    spans = {"trigger": _span(event.trigger), "date": _span(d), "place": _span(loc),
             "killed": _span(event.killed.span) if event.killed else None,
             "injured": _span(event.injured.span) if event.injured else None}
    return Report(
        key=f"{article_key[:32]}:{event.id}", article=article.id, event=event.id,
        family=family_of()[event.type], type=event.type, mode=event.mode, status=event.status,
        acled=dict(event.acled) if event.acled else None, published=article.published,
        date=d.value if d else None, date_precision=d.precision if d else None,
        lat=loc.lat if loc else None, lon=loc.lon if loc else None,
        place=loc.name if loc else None, admin1=loc.admin1 if loc else None,
        country=loc.country if loc else None, place_precision=loc.precision if loc else None,
        killed=event.killed.value if event.killed else None,
        injured=event.injured.value if event.injured else None,
        actors=_names(event.actors), targets=_names(event.targets),
        outlet=outlet(article.url, article.text), wire=wire(article.text), title=article.title,
        url=article.url, main=main, follow_up=follow_up(article.title), spans={k: v for k, v in spans.items() if v})


def reports_of(article: Article, article_key: str) -> tuple[list[Report], dict[str, str]]:
    """Return an article's reports (its lead first) and the events that go with another one's
    incident (event id -> event id): restatements, and responses told with the violence they answer."""
    families = family_of()
    if article.error is not None:
        return [], {}
    told = [e for e in article.events if e.type in families and not e.repeats]
    if not told:
        return [], {}
    leading = set(rules()["leading_families"])
    lead = next((e for e in told if families[e.type] in leading), told[0])
    answers = set(rules()["responses"].get(families[lead.type], ()))
    reports = [report_of(article, article_key, lead, main=True)]
    joined: dict[str, str] = {}
    for event in told:
        if event is lead or not event.acled:
            continue
        if families[event.type] in answers and _answers(event, lead):
            joined[event.id] = lead.id
        elif event.type == lead.type and _same(event, lead):
            joined[event.id] = lead.id  # one shooting told as "shot" and as "killed"
        else:
            reports.append(report_of(article, article_key, event, main=False))
    mine = {r.event for r in reports} | set(joined)
    for event in article.events:
        target, seen = event.repeats, set()
        while target and target not in mine and target not in seen:  # a repeat of a repeat
            seen.add(target)
            target = next((e.repeats for e in article.events if e.id == target), None)
        if event.repeats and target in mine:
            joined[event.id] = joined.get(target, target)
    return reports, joined


def _same(event: Event, lead: Event) -> bool:
    """Return whether two events of one article can be one incident: dated within a day, placed within
    the distance their precision allows (either may be missing)."""
    a, b = event.date, lead.date
    if a and b and a.value and b.value and a.precision == "day" and b.precision == "day":
        da, db = Day.fromisoformat(a.value[:10]), Day.fromisoformat(b.value[:10])
        if abs((da - db).days) > 1:
            return False
    la, lb = event.location, lead.location
    if la and lb and la.lat is not None and lb.lat is not None and la.lon is not None \
            and lb.lon is not None:
        coarse = max(PRECISION.index(p) if p in PRECISION else len(PRECISION) - 1
                     for p in (la.precision, lb.precision))
        return km(la.lat, la.lon, lb.lat, lb.lon) <= rules()["place_km"][PRECISION[coarse]]
    return True


def _answers(event: Event, lead: Event) -> bool:
    """Return whether `event` (an arrest, a vigil) can answer `lead` in one article: not dated before it
    and not placed far from it."""
    a, b = event.date, lead.date
    if a and b and a.value and b.value and a.precision == "day" and b.precision == "day" \
            and a.value < b.value:
        return False
    la, lb = event.location, lead.location
    if la and lb and la.lat is not None and lb.lat is not None and la.country != lb.country:
        return False
    return True


def article_key(article: Article) -> str:
    """Return the key of an article that every run and store agree on: the hash of its text."""
    if article.text:
        return article.content_hash
    return hashlib.sha256(f"empty\0{article.id}".encode("utf-8")).hexdigest()
