"""Evidence that two reports tell one incident, and how much.

`compare(a, b)` weighs what two reports (with their articles' signatures) have in common:
similar wording (tf-idf cosine of title and lead), shared rare names, dates within the
window their precision allows, places within the distance their precision allows,
casualty figures, and how far apart the articles were published. The weights are in
data/merge.json. Reports of different type families, or one article's reports of
events it tells apart, are never one incident.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Day
from functools import lru_cache
from typing import Optional

from .reports import PRECISION, Report, km
from .rules import rules
from .text import Signature, TermCounts, shared_names, similarity

PRECISION_ORDER = PRECISION
DATE_ORDER = ("day", "week", "month", "year")
NEVER = -100.0


@dataclass
class Evidence:
    """The score of a pair of reports and what it is made of (feature -> contribution)."""

    score: float
    parts: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=100_000)
def day(value: Optional[str]) -> Optional[Day]:
    """Return the first day a date value (YYYY, YYYY-MM or YYYY-MM-DD) covers, or None."""
    if not value:
        return None
    try:
        parts = [int(x) for x in value.split("-")] + [1, 1]
        return Day(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None


def _coarser(a: Optional[str], b: Optional[str], order: tuple[str, ...]) -> str:
    ia = order.index(a) if a in order else len(order) - 1
    ib = order.index(b) if b in order else len(order) - 1
    return order[max(ia, ib)]


def _at(table: list[float], n: int) -> float:
    """Return table[n], or its last item for larger n."""
    return table[min(n, len(table) - 1)]


def _upto(table: list, n: int) -> float:
    """Return the evidence of the first [most, evidence] pair with n <= most (most None: any n)."""
    return next(v for most, v in table if most is None or n <= most)


def fresh(r: Report) -> Optional[bool]:
    """Return whether a report's day is 0 to a few days before its article came out (news, not history)."""
    d, p = day(r.date), day(r.published)
    if d is None or p is None or r.date_precision != "day" or r.follow_up:
        return None
    return 0 <= (p - d).days <= rules()["weights"]["fresh_days"]


def date_part(a: Report, b: Report) -> Optional[float]:
    """Return the evidence of two reports' dates, or None when one has none."""
    da, db = day(a.date), day(b.date)
    if da is None or db is None:
        return None
    w = rules()["weights"]
    days = abs((da - db).days)
    if a.date_precision == "day" and b.date_precision == "day":
        both = (fresh(a), fresh(b))
        table = w["day_gap"]["both_fresh" if all(both) else "one_fresh" if any(both) else "neither"]
        return _upto(table, days)
    window = rules()["date_window_days"][_coarser(a.date_precision, b.date_precision, DATE_ORDER)]
    return w["coarse_date"]["within" if days <= window else "outside"]


def place_gap(a: Report, b: Report) -> Optional[float]:
    """Return how many allowed distances apart two reports' places are (0 = within one), or None."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return None
    allowed = rules()["place_km"][_coarser(a.place_precision, b.place_precision, PRECISION_ORDER)]
    return max(0.0, km(a.lat, a.lon, b.lat, b.lon) - allowed) / allowed


def place_part(a: Report, b: Report) -> Optional[float]:
    """Return the evidence of two reports' places, or None when one has none."""
    gap = place_gap(a, b)
    if gap is None:
        return None
    w = rules()["weights"]["place"]
    return w["within"] if gap == 0 else w["near"] if gap < 0.5 else w["close"] if gap < 1 else w["far"]


def related(fa: str, fb: str) -> bool:
    """Return whether one family answers the other (an arrest after a shooting)."""
    answers = rules()["responses"]
    return fb in answers.get(fa, ()) or fa in answers.get(fb, ())


def published_days(a: Report, b: Report) -> Optional[int]:
    """Return the days between the two articles' publication dates, or None."""
    da, db = day(a.published), day(b.published)
    return abs((da - db).days) if da and db else None


def compare(a: Report, sa: Signature, b: Report, sb: Signature, counts: TermCounts,
            text: Optional[float] = None, names: Optional[int] = None) -> Evidence:
    """Return the evidence that reports `a` and `b` (with their articles' signatures) tell one incident;
    `text` and `names`, when given, are their signatures' similarity and shared rare names."""
    w = rules()["weights"]
    if a.article == b.article:
        return Evidence(NEVER, {"same article": NEVER})
    parts: dict[str, float] = {}
    if a.family != b.family:
        if not related(a.family, b.family):
            return Evidence(NEVER, {"family": NEVER})
        parts["related"] = w["related"]
    text = similarity(sa, sb) if text is None else text
    names = shared_names(sa, sb, counts) if names is None else names
    if a.outlet and a.outlet == b.outlet:  # one outlet's pages share furniture: words and names
        text, names = text - w["same_outlet"]["text"], max(0, names - w["same_outlet"]["names"])
    t = w["text"]
    parts["text"] = min(t["max"], max(t["min"], t["slope"] * (text - t["zero"])))
    if len(sa.names) and len(sb.names):
        parts["names"] = _at(w["names"], names)
    if text + (w["same_outlet"]["text"] if a.outlet and a.outlet == b.outlet else 0) \
            >= rules()["text"]["copy_similarity"]:
        parts["copy"] = w["copy"]
    when = date_part(a, b) if "related" not in parts else None  # an arrest comes after its shooting
    if when is None and "related" not in parts:
        when = w["no_date"]
    for name, value in (("date", when), ("place", place_part(a, b))):
        if value is not None:
            parts[name] = value
    days = published_days(a, b)
    if days is not None:
        parts["published"] = _upto(w["published_days"], days)
    for key in ("killed", "injured"):
        x, y = getattr(a, key), getattr(b, key)
        if x is not None and y is not None and (x or y):
            parts[key] = w["count_match"] if x == y else w["count_differ"]
    parts = {k: v for k, v in parts.items() if v}
    return Evidence(sum(parts.values()), parts)
