"""The shared record types every stage reads and fills.

One `Article` flows through the pipeline. Each stage fills its part:
ingest sets `text`, parse sets `doc`, events and attribution set `events` and
`statements`. `Article.to_contract()` gives exactly the scorer's record format
(`../shared/eval/CONTRACT.md`, version 1) plus a few extra fields.

Offsets are character offsets into `Article.text` (the cleaned text).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Optional

PLOVER_TYPES = (
    "ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "ACCUSE", "REJECT", "REQUEST",
    "SUPPORT", "AID", "THREATEN", "SANCTION", "CONSULT", "AGREE", "COOPERATE",
    "CONCEDE", "RETREAT",
)
STATUSES = ("occurred", "attempted", "threatened", "planned", "denied", "unknown")
STATEMENT_KINDS = ("claim", "deny", "condemn", "appeal", "support", "threaten", "report")


@dataclass
class Span:
    """Words of the cleaned text: `text == article.text[start:end]`."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["Span"]:
        return None if d is None else cls(d["text"], d["start"], d["end"])


@dataclass
class Actor(Span):
    """A mention of who did or suffered something, with its canonical name."""

    name: Optional[str] = None
    kind: Optional[str] = None  # government, military, police, rebels, militia, protesters, civilians, person, organization
    country: Optional[str] = None  # ISO 3166-1 alpha-3
    role: Optional[str] = None  # title kept as an attribute: "Prime Minister", "spokesman"
    basis: Optional[str] = None  # "claimed" (claimed responsibility) or "suspected" (blamed by others); None when told as fact
    anonymous: bool = False  # an unnamed source ("a source close to the prime minister", "officials")

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d.update(name=self.name, kind=self.kind, country=self.country)
        if self.role:
            d["role"] = self.role
        if self.basis:
            d["basis"] = self.basis
        if self.anonymous:
            d["anonymous"] = True
        return d

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["Actor"]:
        if d is None:
            return None
        return cls(d["text"], d["start"], d["end"], d.get("name"), d.get("kind"),
                   d.get("country"), d.get("role"), d.get("basis"), bool(d.get("anonymous")))


@dataclass
class Place(Span):
    """A resolved place. `precision` is point, city, admin2, admin1 or country."""

    name: Optional[str] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    precision: Optional[str] = None
    geonameid: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d.update(name=self.name, country=self.country, admin1=self.admin1,
                 lat=self.lat, lon=self.lon, precision=self.precision)
        return d

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["Place"]:
        if d is None:
            return None
        return cls(d["text"], d["start"], d["end"], d.get("name"), d.get("country"),
                   d.get("admin1"), d.get("lat"), d.get("lon"), d.get("precision"))


@dataclass
class Date(Span):
    """A normalised date: `value` is YYYY-MM-DD, YYYY-MM or YYYY."""

    value: Optional[str] = None
    precision: Optional[str] = None  # day, week, month, year

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d.update(value=self.value, precision=self.precision)
        return d

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["Date"]:
        if d is None:
            return None
        return cls(d["text"], d["start"], d["end"], d.get("value"), d.get("precision"))


@dataclass
class Count:
    """A casualty figure with the words it came from and how sure the text is."""

    value: int
    span: Span
    qualifier: Optional[str] = None  # "claimed", "reportedly", "at least", ...

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "span": self.span.to_dict(), "qualifier": self.qualifier}

    @classmethod
    def from_dict(cls, d: Optional[dict]) -> Optional["Count"]:
        return None if d is None else cls(d["value"], Span.from_dict(d["span"]), d.get("qualifier"))


@dataclass
class Event:
    """One coded event. Fields follow the contract's EVENT."""

    id: str
    type: str
    trigger: Span
    mode: Optional[str] = None
    acled: Optional[dict[str, str]] = None  # {"event_type", "sub_event_type"}
    gtd: Optional[dict[str, str]] = None  # {"attack_type", "weapon_type"}
    status: str = "occurred"
    actors: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    instrument: Optional[Span] = None
    location: Optional[Place] = None
    origin: Optional[Place] = None  # where the attack was launched from, when said
    date: Optional[Date] = None
    killed: Optional[Count] = None
    injured: Optional[Count] = None
    confidence: float = 0.5
    sentence: Optional[Span] = None  # the sentence the trigger stands in
    repeats: Optional[str] = None  # id of the event this later mention restates ("the attack" after the lead's strike)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "acled": self.acled,
            "gtd": self.gtd,
            "status": self.status,
            "trigger": self.trigger.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "targets": [a.to_dict() for a in self.targets],
            "instrument": self.instrument.to_dict() if self.instrument else None,
            "location": self.location.to_dict() if self.location else None,
            "origin": self.origin.to_dict() if self.origin else None,
            "date": self.date.to_dict() if self.date else None,
            "killed": self.killed.value if self.killed else None,
            "injured": self.injured.value if self.injured else None,
            "killed_detail": self.killed.to_dict() if self.killed else None,
            "injured_detail": self.injured.to_dict() if self.injured else None,
            "confidence": round(self.confidence, 3),
            "sentence": self.sentence.to_dict() if self.sentence else None,
        }
        if self.repeats:
            d["repeats"] = self.repeats
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Event":
        """Return the Event whose `to_dict()` is `d` (a contract EVENT)."""
        return cls(
            id=d["id"], type=d["type"], trigger=Span.from_dict(d["trigger"]), mode=d.get("mode"),
            acled=d.get("acled"), gtd=d.get("gtd"), status=d.get("status", "occurred"),
            actors=[Actor.from_dict(a) for a in d.get("actors", [])],
            targets=[Actor.from_dict(a) for a in d.get("targets", [])],
            instrument=Span.from_dict(d.get("instrument")), location=Place.from_dict(d.get("location")),
            origin=Place.from_dict(d.get("origin")), date=Date.from_dict(d.get("date")),
            killed=Count.from_dict(d.get("killed_detail")), injured=Count.from_dict(d.get("injured_detail")),
            confidence=d.get("confidence", 0.5), sentence=Span.from_dict(d.get("sentence")),
            repeats=d.get("repeats"))


@dataclass
class Statement:
    """Who said what, and via whom. Fields follow the contract's STATEMENT."""

    id: str
    cue: Span
    content: Span
    kind: str = "claim"
    speaker: Optional[Actor] = None
    via: list[Actor] = field(default_factory=list)  # nearest intermediary first
    event_id: Optional[str] = None
    hedged: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "kind": self.kind,
            "via": self.via[0].to_dict() if self.via else None,
            "via_chain": [v.to_dict() for v in self.via],
            "event_id": self.event_id,
            "hedged": self.hedged,
        }


@dataclass
class ArticleError:
    """Why an article could not be processed. Codes are listed in errors.py."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass
class Article:
    """One news report and everything found in it."""

    id: str
    text: str = ""
    published: Optional[str] = None  # YYYY-MM-DD
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None  # file path or WARC record the article came from
    outlet: Optional[str] = None  # who published it: the input's `outlet`, the site's name, or the URL's host
    pipeline: Optional[str] = None  # the spaCy pipeline (name and version) that read it
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    error: Optional[ArticleError] = None
    captions: list[str] = field(default_factory=list)  # photo captions cut from the text: date evidence, not story
    doc: Any = None  # spaCy Doc over `text`; never serialised

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def fail(self, code: str, message: str) -> "Article":
        self.error = ArticleError(code, message)
        self.events, self.statements, self.doc = [], [], None
        return self

    def to_contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "events": [e.to_dict() for e in self.events],
            "statements": [s.to_dict() for s in self.statements],
            "error": self.error.to_dict() if self.error else None,
            "published": self.published,
            "title": self.title,
            "url": self.url,
        }


@dataclass
class Report:
    """One article's value for a field of a merged incident."""

    article_id: str
    event_id: str
    value: Any


@dataclass
class Incident:
    """One real-world event as reported by one or more articles.

    `fields` holds the agreed value of each field (the most reported one, ties to the
    earliest report); `disagreements` lists, per field where the reports differ, every
    report's value with its article, so no figure is lost.
    """

    id: str
    members: list[tuple[str, str]] = field(default_factory=list)  # (article_id, event_id)
    fields: dict[str, Any] = field(default_factory=dict)
    disagreements: dict[str, list[Report]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "members": [{"article_id": a, "event_id": e} for a, e in self.members],
            "fields": self.fields,
            "disagreements": {k: [vars(r) for r in v] for k, v in self.disagreements.items()},
        }
