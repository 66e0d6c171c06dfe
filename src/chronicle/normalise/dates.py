"""Dates: find date expressions in a text, normalise them, and date each event.

Absolute forms ("9 May 2020", "Nov. 7, 2021", "01/05/2012", "2021-11-07", "May 2020")
and relative ones ("on Sunday", "yesterday", "last week", "earlier this month") are
read by our own patterns; relative ones need `article.published` as the anchor.
A date with no year takes the year from the anchor, else from the other dates in the
text and captions; a weekday written next to a date must agree with it. When the
evidence is missing or contradictory the answer is no date rather than a wrong one.
A dateline ("BAGHDAD, Nov. 8, 2021 -"), also under a headline, is the report's day: it
anchors "on Sunday" and does not date the event itself.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..records import Article, Date, Event
from .numbers import headline_span, number_words, parse_number

# Articles dated up to this many days after publication are read as last year's
# (a report published 3 Jan about "Dec. 30" means the previous year).
FUTURE_SLACK_DAYS = 7
# a date starting this close to the top of the text, in its first sentence, opens the report
LEAD_CHARS = 60
# month names that are also common verbs; only capitalised they are months
_VERB_MONTHS = frozenset({"may", "march"})
_POSSESSIVE = re.compile(r"['’]s?\b")


@dataclass
class DateMention:
    """One date expression found in a text, normalised (value None when unresolvable)."""

    start: int
    end: int
    value: Optional[str]
    precision: Optional[str]
    kind: str  # absolute, partial (no year written), relative, year


@lru_cache(maxsize=1)
def _month_index() -> dict[str, int]:
    """Return month names and abbreviations (lower case) mapped to 1-12."""
    idx = {}
    for i in range(1, 13):
        idx[calendar.month_name[i].lower()] = i
        idx[calendar.month_abbr[i].lower()] = i
    idx["sept"] = 9
    return idx


@lru_cache(maxsize=1)
def _weekday_index() -> dict[str, int]:
    """Return weekday names and abbreviations (lower case) mapped to 0 (Monday)-6."""
    idx = {}
    for i in range(7):
        idx[calendar.day_name[i].lower()] = i
        idx[calendar.day_abbr[i].lower()] = i
    idx.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
    return idx


def _alt(words) -> str:
    """Return a regex alternation of `words`, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _initials(*groups) -> str:
    """Return a lookahead for the first letters of the words in `groups` (lists of words or strings of characters)."""
    chars = sorted({w[0].lower() for g in groups for w in g if w})
    return "(?=[" + "".join(re.escape(c) for c in chars) + "])"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    """Return the (kind, compiled pattern) list, most specific first."""
    months, weekdays = list(_month_index()), list(_weekday_index())
    mon = rf"(?P<mon>{_alt(months)})\b\.?"
    wd = rf"(?:(?P<wd>{_alt(weekdays)})\.?,?\s+(?:the\s+)?)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:1[89]|20)\d\d)"
    part = r"(?:\s+(?:morning|afternoon|evening|night|midnight))?"
    offsets = _alt(number_words()["day_offsets"])
    rels = ["last", "this", "next", "on", "past", "late", "early"]
    wd_only = rf"(?:(?P<rel>{'|'.join(rels)})\s+)?(?P<wdr>{_alt(calendar.day_name)}|{_alt(a for a in calendar.day_abbr)}\.)"
    before_my = ["early", "mid", "late", "in", "of", "during", "since"]
    before_m = ["early", "mid", "late", "in", "during", "since", "until", "through", "throughout", "by"]
    near = ["last", "this", "earlier this", "late last", "early last", "past"]
    near_alt = "|".join(near)
    before_year = ["in", "during", "since", "of", "by"]
    flags = re.I
    # each pattern opens with a lookahead on its possible first letters: most words are
    # rejected there, before the long alternations of month and weekday names are tried
    return [
        ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]?\d)-(?P<day>[0-3]?\d)(?![\d-])")),
        ("slash", re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b")),
        ("range_dmy", re.compile(rf"\b(?:between|from)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+{mon}(?:,?\s+{year})?\b", flags)),
        # a range ("9-10 May 2020", "May 9-10, 2020") is dated by its first day
        ("dmy", re.compile(rf"\b{_initials(weekdays, '0123456789')}{wd}{day}(?:\s*[-–]\s*[0-3]?\d)?(?:\s+of)?\s+{mon}(?:,?\s+{year}\b)?", flags)),
        ("mdy", re.compile(rf"\b{_initials(weekdays, months)}{wd}{mon}\s+{day}(?:\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?)?\b(?:,?\s+{year}\b)?", flags)),
        ("my", re.compile(rf"\b{_initials(before_my, months)}(?:(?:{'|'.join(before_my)})[\s-]+)?{mon},?\s+(?:of\s+)?{year}\b", flags)),
        ("m", re.compile(rf"\b{_initials(before_m)}(?:{'|'.join(before_m)})[\s-]+{mon}(?!\s*\d)", flags)),
        ("offset", re.compile(rf"\b{_initials(number_words()['day_offsets'])}(?P<off>{offsets}){part}\b", flags)),
        ("ago", re.compile(r"\b(?P<n>\w+)\s+(?P<unit>days?|weeks?)\s+ago\b", flags)),
        ("week", re.compile(rf"\b{_initials(near)}(?P<rel>{near_alt})\s+week(?:end)?\b", flags)),
        ("month", re.compile(rf"\b{_initials(near)}(?P<rel>{near_alt})\s+month\b", flags)),
        ("yearrel", re.compile(rf"\b{_initials(near)}(?P<rel>{near_alt})\s+year\b", flags)),
        ("weekday", re.compile(rf"\b{_initials(rels, weekdays)}{wd_only}{part}\b", flags)),
        ("year", re.compile(rf"\b{_initials(before_year)}(?:{'|'.join(before_year)})\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-/]\d)", flags)),
    ]


def _safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    """Return the date, or None when it does not exist."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _fit_year(month: int, day: Optional[int], anchor: Optional[dt.date], hint: Optional[int]) -> list[int]:
    """Return candidate years for a month/day written without one, best first."""
    if anchor is not None:
        y = anchor.year
        probe = _safe_date(y, month, day or 1) or _safe_date(y, month, 28)
        if probe and (probe - anchor).days > FUTURE_SLACK_DAYS:
            return [y - 1, y]
        return [y, y - 1]
    if hint is not None:
        return [hint, hint - 1, hint + 1]
    return []


def _day_value(m: re.Match, kind: str, anchor, hint) -> tuple[Optional[str], Optional[str], str]:
    """Normalise a day-precision match; return (value, precision, kind)."""
    g = m.groupdict()
    mi = _month_index()
    if kind == "iso":
        month, day = int(g["mon"]), int(g["day"])
    elif kind == "slash":
        a, b = int(g["a"]), int(g["b"])
        # month first (US and GTD usage) unless the first number cannot be a month
        month, day = (a, b) if a <= 12 else (b, a)
        if day == 0 and 1 <= month <= 12:
            return f"{int(g['year']):04d}-{month:02d}", "month", "absolute"
    else:
        month, day = mi[g["mon"].lower()], int(g["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None, None, "absolute"
    wd = g.get("wd")
    wanted = _weekday_index()[wd.lower()] if wd else None
    if g.get("year"):
        d = _safe_date(int(g["year"]), month, day)
        # a written year wins over a contradicting weekday only when no weekday is given
        if d is None or (wanted is not None and d.weekday() != wanted):
            return None, None, "absolute"
        return d.isoformat(), "day", "absolute"
    for y in _fit_year(month, day, anchor, hint):
        d = _safe_date(y, month, day)
        if d is not None and (wanted is None or d.weekday() == wanted):
            return d.isoformat(), "day", "partial"
        if wanted is None:
            break
    return None, None, "partial"


def _relative(kind: str, m: re.Match, anchor: Optional[dt.date]) -> tuple[Optional[str], Optional[str]]:
    """Normalise a relative expression against `anchor`; return (value, precision)."""
    if anchor is None:
        return None, None
    g = m.groupdict()
    rel = (g.get("rel") or "").lower()
    if kind == "offset":
        off = number_words()["day_offsets"][re.sub(r"\s+", " ", g["off"].lower())]
        return (anchor + dt.timedelta(days=off)).isoformat(), "day"
    if kind == "ago":
        n = parse_number(g["n"])
        if n is None:
            return None, None
        if g["unit"].lower().startswith("week"):
            d = anchor - dt.timedelta(weeks=n)
            return (d - dt.timedelta(days=d.weekday())).isoformat(), "week"
        return (anchor - dt.timedelta(days=n)).isoformat(), "day"
    if kind == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday())
        if "last" in rel or rel == "past":
            monday -= dt.timedelta(weeks=1)
        return monday.isoformat(), "week"
    if kind == "month":
        y, mo = anchor.year, anchor.month
        if "last" in rel or rel == "past":
            y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
        return f"{y:04d}-{mo:02d}", "month"
    if kind == "yearrel":
        y = anchor.year - (1 if "last" in rel or rel == "past" else 0)
        return f"{y:04d}", "year"
    if kind == "weekday":
        name = g["wdr"].lower().rstrip(".")
        wanted = _weekday_index()[name]
        back = (anchor.weekday() - wanted) % 7
        if rel == "next":
            return (anchor + dt.timedelta(days=(wanted - anchor.weekday()) % 7 or 7)).isoformat(), "day"
        if rel in ("last", "past") and back == 0:
            back = 7
        return (anchor - dt.timedelta(days=back)).isoformat(), "day"
    return None, None


def _parse_anchor(anchor) -> Optional[dt.date]:
    """Return `anchor` (a date or YYYY-MM-DD string) as a date, or None."""
    if anchor is None or isinstance(anchor, dt.date):
        return anchor
    try:
        return dt.date.fromisoformat(str(anchor)[:10])
    except ValueError:
        return None


# patterns that every match of holds one of these strings (in lower case)
_NEEDED = {"iso": ("-",), "slash": ("/",), "range_dmy": ("between", "from"), "ago": ("ago",),
           "week": ("week",), "month": ("month",), "yearrel": ("year",)}


@lru_cache(maxsize=64)
def _scan(text: str) -> tuple[tuple[str, re.Match], ...]:
    """Return the (kind, match) date expressions of `text` in order; where they are does not depend on the anchor."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, re.Match]] = []
    low = text.lower()
    for kind, pat in _patterns():
        needed = _NEEDED.get(kind)
        if needed and not any(w in low for w in needed):
            continue  # the pattern cannot match without one of these: no need to scan for it
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "weekday" and m.group(0)[0].islower() and not m.group("rel"):
                continue  # weekdays are capitalised; lower case is not a date
            mon = m.groupdict().get("mon")
            if mon and mon.islower() and mon in _VERB_MONTHS:
                continue  # "may", "march" in lower case are verbs
            taken.append((s, e))
            found.append((kind, m))
    found.sort(key=lambda km: km[1].start())
    return tuple(found)


def find_dates(text: str, anchor=None, year_hint: Optional[int] = None) -> list[DateMention]:
    """Return the date expressions of `text` in order, normalised against `anchor` (YYYY-MM-DD)."""
    anchor_d = _parse_anchor(anchor)
    # the same text is read for its year, its dates and its counts: scan it once
    return [DateMention(m.start(), m.end(), *_normalise(kind, m, anchor_d, year_hint)) for kind, m in _scan(text)]


def _normalise(kind: str, m: re.Match, anchor, hint) -> tuple[Optional[str], Optional[str], str]:
    """Return (value, precision, kind) for a match of pattern `kind`."""
    g = m.groupdict()
    if kind in ("iso", "slash", "dmy", "mdy", "range_dmy"):
        return _day_value(m, kind, anchor, hint)
    if kind in ("my", "m"):
        month = _month_index()[g["mon"].lower()]
        if g.get("year"):
            return f"{int(g['year']):04d}-{month:02d}", "month", "absolute"
        years = _fit_year(month, None, anchor, hint)
        return (f"{years[0]:04d}-{month:02d}", "month", "partial") if years else (None, None, "partial")
    if kind == "year":
        return g["year"], "year", "year"
    value, precision = _relative(kind, m, anchor)
    return value, precision, "relative"


def parse_date(text: str, anchor=None, year_hint: Optional[int] = None) -> Optional[tuple[str, str]]:
    """Return (value, precision) of the first resolvable date in `text`, or None."""
    for d in find_dates(text, anchor, year_hint):
        if d.value:
            return d.value, d.precision
    return None


def year_hint(article: Article) -> Optional[int]:
    """Return the year most often written in the article's full dates and captions, or None."""
    years: Counter = Counter()
    for text in [article.text, *article.captions]:
        for d in find_dates(text):
            if d.kind == "absolute" and d.value:
                years[int(d.value[:4])] += 1
    if years:
        return years.most_common(1)[0][0]
    if article.published:
        return int(article.published[:4])
    return None


def _token_at(doc, offset: int):
    """Return the token of `doc` covering character `offset`, or None."""
    if doc is None:
        return None
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _clause_head(tok):
    """Return the index of the nearest verb at or above `tok` (its clause's head), or None."""
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i if tok is not None else None


def _possessed(article: Article, d: DateMention) -> Optional[tuple[int, int]]:
    """Return the span of the noun a possessive date qualifies ("last month's election"), or None.

    Such a date says when that thing happened, not when the sentence's other events did.
    """
    if not _POSSESSIVE.match(article.text, d.end):
        return None
    tok = _token_at(article.doc, max(d.start, d.end - 1))
    if tok is None:
        return d.end, d.end + 1
    noun = tok.head if tok.dep_ == "poss" or tok.head.i != tok.i else tok
    return noun.idx, noun.idx + len(noun.text)


def _own(article: Article, event: Event, d: DateMention) -> bool:
    """Say whether date `d` may date `event`: a possessive date only dates the noun it qualifies."""
    span = _possessed(article, d)
    return span is None or (span[0] < event.trigger.end and event.trigger.start < span[1])


def _same_clause(article: Article, event: Event, dates: list[DateMention]) -> list[DateMention]:
    """Return the dates of the trigger's own clause (the nearest verb above each is the trigger's)."""
    sent = event.sentence
    head = _clause_head(_token_at(article.doc, event.trigger.start))
    if sent is None or head is None:
        return []
    return [d for d in dates if d.value and sent.start <= d.start and d.end <= sent.end
            and _clause_head(_token_at(article.doc, d.start)) == head and _own(article, event, d)]


def _pick(article: Article, event: Event, dates: list[DateMention]) -> Optional[DateMention]:
    """Return the date of the trigger's clause, else of its sentence, else None."""
    sent = event.sentence
    if sent is None:
        return None
    inside = [d for d in dates if d.value and sent.start <= d.start and d.end <= sent.end
              and _own(article, event, d)]
    if not inside:
        return None
    trig = event.trigger.start
    same = _same_clause(article, event, inside)
    if same:
        return min(same, key=lambda d: abs(d.start - trig))
    # a bare year in another clause is too weak to date the event
    inside = [d for d in inside if d.kind != "year"] or []
    return min(inside, key=lambda d: abs(d.start - trig)) if inside else None


def _opening_dates(article: Article, event: Event, opening: DateMention,
                   dates: list[DateMention]) -> DateMention:
    """Return the date of the main event: the opening date, unless it is a relative one that
    belongs to another clause of the sentence and the trigger's own clause gives another
    date ("The group on Wednesday denied carrying out Monday's attack": Monday). A full
    date opening a note ("On 6 May 2020, ...") always dates its main event."""
    if opening.kind == "absolute":
        return opening  # "On 6 May 2020, ...": a note's date is the report's, whatever follows
    own = _same_clause(article, event, dates)
    if not own or any(d.start == opening.start for d in own):
        return opening
    opening_head = _clause_head(_token_at(article.doc, opening.start))
    trig_head = _clause_head(_token_at(article.doc, event.trigger.start))
    if opening_head is None or opening_head == trig_head:
        return opening
    return min(own, key=lambda d: abs(d.start - event.trigger.start))


_DATELINE = re.compile(r"\s*(?:\([A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)\s*)?[-–—]\s")


@lru_cache(maxsize=1)
def _stamp() -> re.Pattern:
    """Return the pattern of a page stamp's words ending right before a date ("Posted: ", "Updated on ")."""
    words = _alt(number_words()["date_stamps"])
    return re.compile(rf"\b(?:{words})(?:\s+(?:on|at))?\s*[:\-–]?\s*$", re.I)


def _stamped(text: str, d: DateMention) -> bool:
    """Return whether a date is a page's stamp (the day it was posted or updated), not an event's."""
    return bool(_stamp().search(text[max(0, d.start - 24):d.start]))


def _body_start(article: Article) -> int:
    """Return the offset where the report starts, past a headline the text opens with."""
    span = headline_span(article)
    if span is None:
        return 0
    rest = article.text[span[1]:]
    return span[1] + len(rest) - len(rest.lstrip())


def _opening(text: str, dates: list[DateMention], start: int = 0) -> Optional[DateMention]:
    """Return the date the text opens with at `start` ("On 9 May 2020, ...", "01/05/2012: ..."), or None."""
    end = re.compile(r"[.!?](?:\s|$)").search(text, start)
    first_end = end.end() if end else len(text)
    for d in dates:
        if d.start < start:
            continue
        if d.start > min(start + LEAD_CHARS, first_end):
            break
        if d.value and d.kind != "year" and not _POSSESSIVE.match(text, d.end):
            return d  # not "last month's election": that dates the election only
    return None


def date_events(article: Article, events: list[Event]) -> None:
    """Set `date` on each event: the opening date for the main event, else its clause's, its sentence's or the lead date."""
    if not events:
        return
    hint = year_hint(article)
    # the page's own stamps ("Posted: Friday, January 31, 2014") tell when it went online
    dates = [d for d in find_dates(article.text, article.published, hint) if not _stamped(article.text, d)]
    # a headline above the report does not hide its dateline ("Drone hits ...\n\nBAGHDAD, Nov. 8 -")
    opening = _opening(article.text, dates, _body_start(article))
    if opening is not None and _DATELINE.match(article.text[opening.end:opening.end + 30]):
        # "BAGHDAD, Nov. 8 (Reuters) -": the day of the report, which anchors "on Sunday"
        if article.published is None and opening.precision == "day":
            dates = [d for d in find_dates(article.text, opening.value, hint)
                     if d.start != opening.start and not _stamped(article.text, d)]
        else:
            dates = [d for d in dates if d.start != opening.start]
        opening = None
    # a possessive date ("last month's election") dates only its noun, not the report
    lead = opening or next((d for d in dates if d.value and d.kind != "year"
                            and not _POSSESSIVE.match(article.text, d.end)), None)
    for i, event in enumerate(events):
        # a report that opens with a date dates its main event by it (dateline, ACLED and GTD
        # notes), unless that date is another clause's and the event's clause has its own
        d = (_opening_dates(article, event, opening, dates) if i == 0 and opening else None) or (
            _pick(article, event, dates) or lead)
        if d is not None:
            event.date = Date(article.text[d.start:d.end], d.start, d.end, d.value, d.precision)
