"""What the store writes: the columns of its tables and the row each record becomes.

Every value passes `storable` first, so no engine is ever handed a NUL, a lone surrogate
or an integer beyond 64 bits.
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Optional

from ..records import Actor, Article, Event, Statement
from .filters import day_bounds

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
ARTICLE_COLUMNS = ("id", "doc_id", "source", "url", "outlet", "title", "published",
                   "content_hash", "error_code", "error_message", "ingested_at",
                   "chronicle_version", "pipeline")
UNPAIRED = re.compile("[\ud800-\udfff]")
INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1



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
