"""Places: resolve each event's location (and launch point) with the gazetteer.

A place is read from the text as a *chain* of names going from small to large, as
reports write them: "Sadr city neighborhood, Baghdad city, Baghdad governorate, Iraq",
"Mudiyah (Mudiyah, Abyan)", "Cuauhtemoc municipality, Chihuahua". The first name of
the chain that the gazetteer knows is the place; the others choose among its
namesakes. The event's chain is the one the parse attaches to the trigger, else the
first one after a locative word in the event's sentence, else in the article.

A wire dateline ("TRIPOLI, Aug. 15, 2023 -", "Kabul (AP) -") names where the report
was filed: its city is read as the most populous namesake, its country joins the
article's countries, and it is the place of an event the text locates no better.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

from .gazetteer import (Entry, Gazetteer, aliases_data, capitals, is_capital, normalise,
                        open_gazetteer, skeleton)
from ..normalise.names import lexicon
from ..records import Article, Event, Place
from ..settings import load as load_settings

# A name word: capitalised, possibly with an Al-/el- prefix or inner apostrophes.
_WORD = r"(?:(?:[Aa]l|[Ee]l|[Aa][dstrzn]|[Aa]sh)[-‐])?\p{Lu}[\p{L}\p{M}'’‘ʼ`]*(?:[-‐]\p{L}[\p{L}\p{M}'’]*)*\.?"
_JOINERS = regex.compile(r" (?:de|del|la|de la|do|da|dos|das) ")
_RELATIVE = regex.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)\s*-?\s*(?P<unit>km|kms|kilomet(?:er|re)s?|mi|miles?|m|met(?:er|re)s)\b"
    r"\s+(?:to\s+the\s+)?(?P<dir>(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?\s+of\s+$",
    regex.I)
_EARTH_KM = 6371.0
_BORDER_KM = 40.0
_PART_KM = 30.0  # how far a neighbourhood or area named with its city may lie from it  # how far over a province line a place may lie and still count as in it
_TYPE_WORD = regex.compile(r"\G[ ]+([A-Za-z-]+)")
_LEAD_WORDS = regex.compile(r"[\p{L}-]+|[(),;:.]")
_POSSESSIVE = regex.compile(r"['’]s$")
_NEXT_WORD = regex.compile(r"[ ]+([\p{L}']+)")
_ANY_WORD = regex.compile(r"[\p{L}']+")
_SPACE_WORD = regex.compile(r"[ ]+\S+")
_CHAIN_GAP = regex.compile(r"[ ]*|[ ]+(?:de|del|de la|la|al|el|do|da|of)[ ]+|"
                           r"\s*(?:,|\(|\)\s*,?|,\s*\(|/)\s*")
_OF_GAP = regex.compile(r"\s*of\s+(?:the\s+)?")
_IN_GAP = regex.compile(r"\s*in\s+(?:the\s+)?")
_SENTENCE_END = regex.compile(r"[.!?]\s")
_FROM_END = regex.compile(r"\bfrom\s+(?:the\s+)?$")
# "the Libyan capital Tripoli", "the capital, Kabul", "the capital city of Sanaa"
_CAPITAL_BEFORE = regex.compile(r"\bcapital(?:\s+city)?(?:\s+of)?,?\s*$", regex.I)
# "the capital" standing alone: the city the article is written from, or its country's
_BARE_CAPITAL = regex.compile(r"\bthe\s+(?:\p{L}+\s+)?capital(?:['’]s|\b)"
                              r"(?!\s*,?\s*(?:city\s+(?:of\s+)?)?\p{Lu})")


@dataclass
class Mention:
    """A run of name words the gazetteer knows, with the type words around it."""

    start: int
    end: int  # end of the name itself
    tail: int  # end including trailing type words
    text: str
    entries: tuple[Entry, ...]
    hint: Optional[str] = None  # precision the type word implies: city, admin2, admin1
    cue: bool = False  # a locative word ("in", "near", "the town of") stands before it
    capital: bool = False  # "capital" stands right before it ("the Libyan capital Tripoli")
    partial: bool = False  # only a part of a longer name ("Ain" of "Ain al Arab")
    road: bool = False  # names a road after a town ("the Miniyeh highway"): a last resort


@dataclass
class Chain:
    """Names that together say one place, smallest first."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[-1].end


@lru_cache(maxsize=1)
def _vocab() -> dict:
    data = aliases_data()
    return {
        "types": {k.lower(): v for k, v in data["type_words"].items()},
        "admin1_types": set(data["admin1_types"]),
        "compass": data["compass"],
        "units": data["units"],
        "preps": set(data["locative_preps"]),
        "origin": tuple(data["origin_cues"]),
        "cues": data["country_cues"],
        "cue_re": regex.compile(r"\b(" + "|".join(
            regex.escape(k) for k in sorted(data["country_cues"], key=len, reverse=True)) + r")\b"),
        "filler": set(data["filler_words"]),
        # up to two joiners between name words: "Santa Cruz de la Sierra"
        "joined": regex.compile(r" (?:" + "|".join(data["name_joiners"]) + r") ", regex.I),
        "run": regex.compile(rf"{_WORD}(?:[ ]+(?:(?:{'|'.join(data['name_joiners'])})[ ]+){{0,2}}{_WORD})*"),
        "plain_words": {normalise(w) for w in data["not_places"]},
        "loose_joiners": set(data["loose_joiners"]),
        "not_places": {normalise(w) for w in data["not_places"]} | {
            normalise(w) for w in data["country_cues"] if w not in data["aliases"]},
        "facilities": set(data["facility_words"]),
        "owned": regex.compile(r"\b(?:" + "|".join(data["possessives"]) + r")\s+$", regex.I),
        "roads": set(data["road_words"]),
        "origin_re": regex.compile(r"\b(?:" + "|".join(data["origin_cues"]) + r")\b"),
        "dateline": _dateline_pattern(data["months"]),
        # "the North Zone of Rio", "the western side of Mosul": a part of the next place
        "compass_part": regex.compile(r"\G\s+(?:(?:" + "|".join(data["compass_qualifiers"])
                                      + r")\b\s*(?:of\b)?|of\b)", regex.I),
    }


def _dateline_pattern(months: list[str]) -> regex.Pattern:
    """Compile the wire dateline at a line start: "TRIPOLI, Aug. 15, 2023 -", "Kabul (AP) -"."""
    month = "|".join(sorted(months, key=len, reverse=True))
    date = rf"(?:,?\s*(?:{month})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
    agency = r"(?:\s*\([\p{L}\p{Lu} .&-]{1,30}\))"
    dash = r"\s*(?:--|[-–—―])\s"
    caps = r"\p{Lu}[\p{Lu}\p{M}'’.-]+(?:[ ]\p{Lu}[\p{Lu}\p{M}'’.-]+){0,3}"
    mixed = rf"{_WORD}(?:[ ]{_WORD}){{0,3}}"
    region = rf"(?:,\s*(?P<region>{_WORD}(?:[ ]{_WORD}){{0,2}}))"
    return regex.compile(
        rf"^[ \t]*(?:(?P<city>{caps}){region}?{date}?{agency}?{dash}"
        rf"|(?P<city2>{mixed}){region}?(?:{date}{agency}?|{agency}){dash})", regex.M)


def _gazetteer() -> Gazetteer:
    return open_gazetteer(load_settings().gazetteer)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def offset_point(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """Return the point `km` away from (lat, lon) along `bearing` degrees (0 = north)."""
    d, b = km / _EARTH_KM, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


def _trailing_types(text: str, pos: int) -> tuple[int, Optional[str], list[str]]:
    """Read type words ("city neighborhood", "governorate") right after `pos`."""
    types = _vocab()["types"]
    hint, words, end = None, [], pos
    for m in _TYPE_WORD.finditer(text, pos=pos):
        w = m.group(1).lower()
        if w not in types:
            break
        words.append(w)
        hint = hint or types[w]
        end = m.end()
    return end, hint, words


def _leading_context(text: str, start: int) -> tuple[bool, Optional[str]]:
    """Say whether a locative word stands before `start`, and what type word ("town of")."""
    v = _vocab()
    words = _LEAD_WORDS.findall(text[max(0, start - 80):start])
    hint, prev = None, ""
    for w in reversed(words):
        lw = w.lower()
        if lw in v["preps"]:
            return True, hint
        if lw in v["filler"] or lw.isdigit():
            if lw in v["types"] and hint is None:
                hint = v["types"][lw]
            prev = lw
            continue
        break
    # "the town of Banfora" names a place whatever stands before it
    return prev == "the" and hint is not None, hint


def find_mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    """Return the capitalised names in `text` in order, with the gazetteer's entries for each.

    Names the gazetteer lacks are kept with no entries: they still belong to chains
    ("Jamis neighborhood, Mansour district, Baghdad governorate").
    """
    v = _vocab()
    out: list[Mention] = []

    def add(s: int, e: int, entries: tuple[Entry, ...]) -> None:
        tail, hint, _ = _trailing_types(text, e)
        nxt = _NEXT_WORD.match(text, max(tail, run_end))
        last = _ANY_WORD.findall(text[s:run_end])[-1:]
        name = text[s:e]
        if not entries and hint in ("admin1", "admin2"):
            # "Budgam district" for Badgam: an area by a spelling the index lacks
            entries = tuple(x for x in gaz.fuzzy(name) if x.kind == hint)
        # the whole run names the road: "Marj" of "the Bar Elias-el Marj intersection" does not
        road = (s, e) == (run_start, run_end) and bool(nxt) and nxt.group(1).lower() in v["roads"]
        if road:
            # "the Baalbek-Homs road" is named after the towns it joins: the first one
            entries = entries or (gaz.lookup(name.split("-")[0]) if "-" in name else ())
            entries = tuple(x for x in entries if x.kind == "city")
        # "the Meade company's office": the owner's 's does not hide the facility word
        elif ((nxt and _POSSESSIVE.sub("", nxt.group(1).lower()) in v["facilities"]) or (
                last and last[0].lower() in v["facilities"])) and not v["owned"].search(text, max(0, s - 8), s):
            # "his Baghdad home" says where the home is; "the Sabriya mosque" names the mosque
            entries = ()  # "al-Hajja Sabriya mosque", "Kurdistan Democratic Party"
        if name.isupper() and len(name) <= 5:
            # "GNA", "NGO" are organisations; "USA" and "UP" (Uttar Pradesh) are places
            entries = tuple(x for x in entries if x.kind in ("country", "admin1"))
        elif len(name) == 3:
            # an ISO3 code is a country only in capitals: "Geo office" is not Georgia
            entries = tuple(x for x in entries
                            if not (x.kind == "country" and x.iso3 == name.upper()))
        if normalise(name) in v["compass"] and v["compass_part"].match(text, e):
            entries = ()
        cue, lead_hint = _leading_context(text, s)
        capital = _CAPITAL_BEFORE.search(text[max(0, s - 40):s]) is not None
        out.append(Mention(s, e, tail, text[s:e], entries, hint or lead_hint, cue, capital,
                           road=road))

    for run in v["run"].finditer(text):
        run_start, run_end = run.start(), run.end()
        words = list(regex.finditer(_WORD, run.group()))
        i, unknown_from = 0, None
        while i < len(words):
            found = None
            for j in range(min(len(words), i + 5), i, -1):
                s, e = run.start() + words[i].start(), run.start() + words[j - 1].end()
                name = _POSSESSIVE.sub("", text[s:e].rstrip("."))
                e = s + len(name)
                if normalise(name) in v["not_places"]:
                    continue
                entries: tuple[Entry, ...] = ()
                _, _, tw = _trailing_types(text, e)
                if tw and tw[0] in ("city", "town", "camp", "village"):
                    # "Sadr City" is a name of its own; try it before "Sadr"
                    entries = gaz.lookup(f"{name} {tw[0]}")
                    if entries:
                        e = _SPACE_WORD.match(text, e).end()
                entries = entries or gaz.lookup(name) or (
                    gaz.lookup(_JOINERS.sub(" ", name)) if " " in name else ()) or (
                    # "Balad Ruz" for Baladruz: one name written in two words
                    gaz.lookup(name.replace(" ", "")) if " " in name else ())
                if not entries and j - i > 1 and v["joined"].search(name):
                    # "Ain al Arab" for 'Ayn al 'Arab: a joined name is distinctive enough to
                    # be looked up by spelling, before its first word alone ("Ain") is
                    size = len(normalise(name).split())
                    entries = tuple(x for x in gaz.fuzzy(name) if x.kind == "city"
                                    and len(normalise(x.name).split()) == size)
                if entries:
                    found = (s, e, entries, j)
                    break
            if found is None:
                w = words[i]
                if normalise(w.group()) not in v["not_places"] and unknown_from is None:
                    unknown_from = i
                elif normalise(w.group()) in v["not_places"] and unknown_from is not None:
                    add(run.start() + words[unknown_from].start(),
                        run.start() + words[i - 1].end(), ())
                    unknown_from = None
                i += 1
                continue
            if unknown_from is not None:
                add(run.start() + words[unknown_from].start(),
                    run.start() + words[i - 1].end(), ())
                unknown_from = None
            s, e, entries, j = found
            add(s, e, entries)
            out[-1].partial = _partial(run.group(), words, i, j, v)
            i = j
        if unknown_from is not None:
            add(run.start() + words[unknown_from].start(), run.start() + words[-1].end(), ())
    return out


def _partial(run: str, words: list, i: int, j: int, v: dict) -> bool:
    """Say whether words i..j-1 of a run are only a part of a longer name in it.

    A word after a full stop starts another sentence; type words ("Governorate") and plain
    words ("Monday") do not lengthen a name, unless a joiner binds them ("Ain al Arab").
    """
    def lengthens(a: int, b: int) -> bool:  # word b next to word a
        if words[min(a, b)].group().endswith("."):
            return False
        w = words[b].group()
        gap = run[words[min(a, b)].end():words[max(a, b)].start()].strip()
        joined = bool(gap) and gap not in v["loose_joiners"]
        return w.lower() not in v["types"] and (
            joined or normalise(w) not in v["plain_words"])
    return (i > 0 and lengthens(i, i - 1)) or (j < len(words) and lengthens(j - 1, j))


def _chains(text: str, mentions: list[Mention]) -> list[Chain]:
    """Group mentions that together name one place ("X, Y (Z)") into chains."""
    admin_types = _vocab()["admin1_types"] | {"district", "municipality", "countryside"}
    chains: list[Chain] = []
    for m in mentions:
        if chains:
            prev = chains[-1].mentions[-1]
            gap = text[prev.tail:m.start]
            joined = _CHAIN_GAP.fullmatch(gap) is not None
            if not joined and prev.tail > prev.end and _OF_GAP.fullmatch(gap):
                joined = True  # "the Kifa neighborhood of Tal Afar city"
            if not joined and (prev.entries or prev.tail > prev.end or prev.cue) and _IN_GAP.fullmatch(gap):
                # "Maan town in Hama countryside": an admin word makes it one place
                _, _, tw = _trailing_types(text, m.end)
                joined = (bool(tw) and tw[0] in admin_types) or any(
                    e.kind == "admin1" for e in m.entries)
            if joined:
                chains[-1].mentions.append(m)
                continue
        chains.append(Chain([m]))
    return chains


def _kind_fit(entry: Entry, hint: Optional[str]) -> float:
    if hint is None:
        return {"city": 0.6, "admin1": 0.2, "country": 0.8, "admin2": 0.0}[entry.kind]
    if hint == "point":
        hint = "city"
    order = {"city": ("city", "admin2"), "admin2": ("admin2", "city"),
             "admin1": ("admin1", "admin2")}[hint]
    if entry.kind == order[0]:
        return 2.0
    if entry.kind == order[1]:
        return 0.8
    return -1.0 if entry.kind != "country" else 0.0


def _related(a: Entry, b: Entry) -> float:
    """Score how well `b` (a larger place named next to `a`) contains or neighbours `a`."""
    if a.id == b.id:
        return 0.0
    if b.kind == "country":
        return 2.0 if a.cc == b.cc else -1.0
    if a.cc != b.cc:
        return -1.0
    score = 1.0
    if b.kind == "admin1" and a.a1 == b.a1:
        score += 3.0
    elif b.kind == "admin2" and a.a2 == b.id:
        # a town's own same-named municipality says little ("Formosa (Formosa)" is the province)
        own = (b.seat_lat, b.seat_lon) == (a.lat, a.lon) and normalise(a.name) == normalise(b.name)
        score += 1.0 if own else 3.5
    elif b.kind in ("city", "admin2") and a.a1 == b.a1:
        score += 2.0
    if haversine_km(a.lat, a.lon, b.lat, b.lon) < 60:
        score += 1.0
    return score


def _choose(mention: Mention, others: list[Mention], countries: set[str],
            gaz: Optional[Gazetteer] = None,
            nearby: tuple[Mention, ...] = ()) -> tuple[Entry, float]:
    """Pick the mention's best entry given the names around it and the article's countries.

    When no reading of the name lies in the countries the article names, spelling
    variants that do are weighed too ("Ras al Ain" for Ra's al 'Ayn in Syria).
    """
    best, best_score = None, -math.inf
    entries = mention.entries
    if gaz is not None and mention.hint == "admin1" and not any(e.kind == "admin1" for e in entries):
        # "Al-Hasakeh province": a province by a spelling the index lacks
        entries = entries + tuple(e for e in gaz.fuzzy(mention.text) if e.kind == "admin1")
    if gaz is not None and countries and not any(e.iso3 in countries for e in entries) and not any(
            e.kind == "admin1" for e in entries):
        # a province's name is no misspelling: "al-Hasakeh" is not a town in Turkey
        entries = entries + tuple(e for e in gaz.fuzzy(mention.text)
                                  if e.iso3 in countries and e.kind != "country")
    # the last name of "X (Y, Z)" is most often a province
    last = bool(others) and all(o.start < mention.start for o in others)
    said = normalise(mention.text)
    # a city named like the province around it: the bare name means the city ("Kharkiv")
    city_a1 = {(e.cc, e.a1) for e in entries if e.kind == "city" and normalise(e.name) == said}
    for e in entries:
        score = _kind_fit(e, mention.hint) + math.log10(max(e.population, 1) + 10) * 0.5
        if normalise(e.name) == said:
            score += 1.0  # a main name outranks an alternate one ("Nov" for Huambo)
        if mention.hint is None and e.kind in ("admin1", "admin2") and (e.cc, e.a1) in city_a1:
            score -= 1.0
        if mention.capital and is_capital(e):
            score += 3.0
        elif mention.hint is None and is_capital(e):
            score += 1.0  # a bare "Sofia" is the capital, not a province of that name abroad
        if last and e.kind == "admin1":
            score += 1.0
        if e.iso3 in countries:
            score += 2.5
        for o in others:
            score += max((_related(e, d) for d in o.entries), default=0.0)
        for o in nearby:
            # a province or country named elsewhere in the sentence counts for half
            score += 0.5 * max((_related(e, d) for d in o.entries
                                if d.kind in ("admin1", "country")), default=0.0)
        if score > best_score:
            best, best_score = e, score
    assert best is not None
    return best, best_score


def _country_context(text: str, chains: list[Chain]) -> set[str]:
    """Return the ISO3 codes of countries named (or cued by demonyms, actors) in `text`."""
    v = _vocab()
    found = {v["cues"][m.group(1)] for m in v["cue_re"].finditer(text)}
    for c in chains:
        # a country counts when named as a place ("in Lebanon", "Belgrade, Serbia"), not
        # as a modifier ("the US dollar")
        for m in c.mentions:
            if m.cue or len(c.mentions) > 1:
                found.update(e.iso3 for e in m.entries if e.kind == "country")
        # so does the one country whose province a chain names by its main name:
        # "(Nabarangpur, Odisha)" is about India
        for m in c.mentions[1:]:
            said = normalise(m.text)
            provinces = {e.iso3 for e in m.entries
                         if e.kind == "admin1" and normalise(e.name) == said}
            if len(provinces) == 1:
                found |= provinces
    return found


def _drop_partial_abroad(mentions: list[Mention], countries: set[str]) -> None:
    """Drop readings outside the article's countries of names that are part of a longer one.

    "Ain al Arab" in a report on Syria is not the town of El Ain elsewhere.
    """
    if not countries:
        return
    for m in mentions:
        if m.partial:
            m.entries = tuple(e for e in m.entries if e.iso3 in countries)


def _point(entry: Entry) -> tuple[float, float]:
    # reports name an admin area by its main town more often than by its middle
    if entry.kind == "admin2":
        town = _namesake_town(entry)
        if town is not None:
            return town.lat, town.lon
    if entry.kind in ("admin2", "admin1"):
        return entry.seat_lat, entry.seat_lon
    return entry.lat, entry.lon


def _namesake_town(area: Entry) -> Optional[Entry]:
    """Return the town inside the district `area` that bears its name, or None.

    A district is named after its seat ("Birnin Gwari LGA"), which need not be its
    most populous town.
    """
    said = normalise(area.name)
    towns = [e for e in _gazetteer().lookup(area.name)
             if e.kind == "city" and e.a2 == area.id and normalise(e.name) == said]
    return max(towns, key=lambda e: e.population, default=None)


def resolve_chain(chain: Chain, countries: set[str], gaz: Optional[Gazetteer] = None,
                  nearby: tuple[Mention, ...] = ()) -> Optional[tuple[Mention, Entry, str]]:
    """Return the chain's most specific known name, its entry and the precision it gives.

    Readings of a name that no reading of a larger name after it could hold ("Taji" as a
    town in Japan before "Saladin governorate, Iraq") are dropped; a name left with none
    is passed over. A name the gazetteer lacks is looked up by spelling variant ("Al-Dejail"
    for Ad Dujayl) among the places inside the larger name after it.
    """
    ms = [m for m in chain.mentions if m.entries]
    for i, m in enumerate(chain.mentions):
        larger = [o for o in chain.mentions[i + 1:] if o.entries]
        if not m.entries:
            later = [_choose(o, [x for x in ms if x is not o], countries)[0] for o in larger]
            found = _variant(m, later, gaz) if gaz is not None else None
            if found is not None:
                return m, found, "city"
            continue
        fits = tuple(e for e in m.entries
                     if not any(all(_outside(e, d, _part_of_city(m, o, d)) for d in o.entries)
                                for o in larger))
        if not fits:
            # "Basira town in Deir-ez-Zor": every namesake lies elsewhere; a variant may not
            later = [_choose(o, [x for x in ms if x is not o], countries)[0] for o in larger]
            found = _variant(m, later, gaz, 3) if gaz is not None and later else None
            if found is not None and found not in m.entries:
                return m, found, "city"
            continue
        narrowed = Mention(m.start, m.end, m.tail, m.text, fits, m.hint, m.cue, m.capital)
        entry = _choose(narrowed, [o for o in ms if o is not m], countries, gaz, nearby)[0]
        return m, entry, entry.kind
    first = chain.mentions[0]
    if gaz is not None and countries and first.cue and not ms:
        # "protested in Nassriya", the article about Iraq: a variant in that country
        hits = [e for e in gaz.fuzzy(first.text) if e.kind == "city" and e.iso3 in countries]
        if hits:
            return first, max(hits, key=lambda e: e.population), "city"
    return None


def _part_of_city(m: Mention, larger: Mention, reading: Entry) -> bool:
    """Say whether `m` names a part of the city `reading` ("Shuala neighborhood, Baghdad city")."""
    return reading.kind == "city" and (m.hint == "point" or larger.hint == "city")


def _outside(entry: Entry, larger: Entry, part: bool = False) -> bool:
    """Say whether `entry` cannot lie in `larger`, a place named after it in the same chain.

    `part`: `entry` is named as a part of the city `larger`, so it must lie close to it.
    """
    if larger.kind == "country" or entry.cc != larger.cc:
        return entry.cc != larger.cc
    if part:
        return _km(entry, larger) > _PART_KM
    if larger.kind == "admin1" and entry.kind != "admin1":
        return entry.a1 != larger.a1 and _km(entry, larger) > 100 and not _borders(entry, larger)
    return _km(entry, larger) > 150


def _borders(entry: Entry, area: Entry) -> bool:
    """Say whether `entry` lies within a few km of a city of the admin1 `area`.

    Coders draw province lines differently from GeoNames (Tarmiyah in Saladin, not
    Baghdad), so a place just over the line is still taken as inside.
    """
    if not area.a1:
        return False
    return any(haversine_km(entry.lat, entry.lon, lat, lon) <= _BORDER_KM
               for lat, lon in _gazetteer().area_points(area.a1))


def _km(a: Entry, b: Entry) -> float:
    return haversine_km(a.seat_lat, a.seat_lon, b.seat_lat, b.seat_lon)


def _variant(m: Mention, later: list[Entry], gaz: Gazetteer,
             min_len: int = 2) -> Optional[Entry]:
    """Find a spelling variant of an unknown name inside the first area named after it."""
    anchor = next((d for d in later if d.kind in ("admin1", "admin2", "city", "country")), None)
    if anchor is None:
        return None
    # held to one area, a short skeleton is safe ("Qayarah" for Al Qayyarah); with only
    # a country after it ("Maqdadiyah city, Iraq"), anywhere in that country
    short = min_len if anchor.kind in ("admin1", "admin2", "city") else 3
    hits = [e for e in gaz.fuzzy(m.text, short) if e.kind == "city" and e.cc == anchor.cc
            and (anchor.kind == "country" or e.a1 == anchor.a1 or (
                # a province: only just over its line, not 100 km from its main town
                _borders(e, anchor) if anchor.kind == "admin1" else _km(e, anchor) < 100))]
    if len(skeleton(m.text)) < 3:
        hits = [e for e in hits if e.a1 == anchor.a1]  # a short skeleton: the same province only
    # a variant inside the named province before a larger one next to it
    return max(hits, key=lambda e: (e.a1 == anchor.a1, e.population), default=None)


def _place(text: str, start: int, end: int, entry: Entry, precision: str,
           lat: Optional[float] = None, lon: Optional[float] = None,
           name: Optional[str] = None) -> Place:
    plat, plon = _point(entry)
    return Place(text[start:end], start, end, name or entry.name, entry.iso3 or None,
                 entry.admin1 if entry.kind != "country" else None,
                 round(lat if lat is not None else plat, 5),
                 round(lon if lon is not None else plon, 5), precision, entry.id)


def _relative(text: str, chain: Chain, entry: Entry, mention: Mention) -> Optional[Place]:
    """Read "12 km northeast of X" before the chain's first name; return the offset point."""
    m = _RELATIVE.search(text[max(0, chain.start - 60):chain.start])
    if not m or mention is not chain.mentions[0]:
        return None
    v = _vocab()
    km = float(m.group("num").replace(",", ".")) * v["units"].get(m.group("unit").lower(), 1.0)
    direction = m.group("dir").lower().replace(" ", "").replace("-", "")
    bearing = v["compass"].get(direction)
    if bearing is None or km > 500:
        return None
    lat, lon = offset_point(entry.lat, entry.lon, km, bearing)
    start = chain.start - 60 + m.start() if chain.start >= 60 else m.start()
    return _place(text, start, mention.end, entry, "point", lat, lon,
                  name=f"{text[start:mention.end]}")


def _nearby(text: str, chain: Chain, chains: list[Chain]) -> tuple[Mention, ...]:
    """Return the mentions of provinces and countries in other chains of the chain's sentence.

    "the road from Esperanza to Santa Catarina, Puebla": Puebla says which Esperanza.
    """
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, 0, chain.start)), default=0)
    hi = _SENTENCE_END.search(text, chain.end)
    hi = hi.start() + 1 if hi else len(text)
    return tuple(m for c in chains if c is not chain and lo <= c.start < hi
                 for m in c.mentions if any(e.kind in ("admin1", "country") for e in m.entries))


def _to_place(text: str, chain: Chain, countries: set[str],
              memo: Optional[dict] = None) -> Optional[Place]:
    """Return the chain's place; `memo` keeps each chain's answer (and the article's chains)."""
    if memo is not None and id(chain) in memo:
        return memo[id(chain)]
    nearby = _nearby(text, chain, (memo or {}).get("chains", []))
    resolved = resolve_chain(chain, countries, _gazetteer(), nearby)
    place = None
    if resolved is not None:
        mention, entry, precision = resolved
        place = _relative(text, chain, entry, mention) or _place(
            text, mention.start, mention.end, entry, precision)
    if memo is not None:
        memo[id(chain)] = place
    return place


def _dateline_match(text: str):
    """Return the wire dateline's match at the article's start and the group of its place name."""
    m = _vocab()["dateline"].search(text, 0, 1000)
    return (m, "city" if m.group("city") else "city2") if m is not None else (None, "")


def dateline_end(text: str, start: int, end: int) -> Optional[int]:
    """Return where a wire dateline opening the line at `start` ends ("BAGHDAD, Nov. 8, 2021 - "), or None."""
    m = _vocab()["dateline"].match(text, start, end)
    return m.end() if m is not None else None


def dateline_city(text: str) -> Optional[tuple[int, int]]:
    """Return the span of the wire dateline's place name at the article's start, or None."""
    m, key = _dateline_match(text)
    return (m.start(key), m.end(key)) if m is not None else None


def find_dateline(text: str, gaz: Gazetteer) -> Optional[tuple[int, int, Entry]]:
    """Return the span and entry of the wire dateline city at the article's start, or None.

    A dateline names where the report was filed, nearly always a large city: of its
    namesakes the most populous city wins, within the region it names if it names one
    ("TRIPOLI, Lebanon -").
    """
    m, key = _dateline_match(text)
    if m is None:
        return None
    entries = gaz.lookup(m.group(key).rstrip("."))
    if not entries:
        return None
    if m.group("region"):
        larger = gaz.lookup(m.group("region").rstrip("."))
        entries = tuple(e for e in entries if any(not _outside(e, d) for d in larger)) or entries
    cities = [e for e in entries if e.kind == "city"] or list(entries)
    return m.start(key), m.end(key), max(cities, key=lambda e: e.population)


def _capital_of(country: Optional[str], gaz: Gazetteer) -> Optional[Entry]:
    """Return the capital city entry of the country with ISO3 code `country`, or None."""
    entry = gaz.country(country) if country else None
    if entry is None:
        return None
    name = capitals().get(entry.cc)
    hits = [e for e in gaz.lookup(name) if e.cc == entry.cc and is_capital(e)] if name else []
    return max(hits, key=lambda e: e.population, default=None)


def _attached(article: Article, event: Event, chains: list[Chain]) -> Optional[Chain]:
    """Return the chain whose first name the parse attaches to the event's trigger."""
    doc = article.doc
    if doc is None or event.trigger is None:
        return None
    trig = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trig is None:
        return None
    trig_ids = {t.i for t in trig}
    for chain in chains:
        if not chain.mentions[0].cue or not _known(chain):
            continue
        span = doc.char_span(chain.start, chain.end, alignment_mode="expand")
        if span is None:
            continue
        tok, steps = span.root, 0
        while steps < 4 and tok.head is not tok:
            tok, steps = tok.head, steps + 1
            if tok.i in trig_ids:
                return chain
            if tok.pos_ in ("VERB", "AUX") and tok.i not in trig_ids and tok.dep_ != "xcomp":
                break
    return None


def _known(chain: Chain) -> bool:
    return any(m.entries for m in chain.mentions)


def _ranked(chains: list[Chain], attached: Optional[Chain], lo: int, hi: int) -> list[Chain]:
    """Order chains for an event: a bare country last ("Al-Qaida in Iraq" says less than
    "Dora neighborhood, Baghdad city"), a road named after a town just before it; then
    attached by the parse; then after a locative word in its sentence; then after a
    locative word anywhere, the event's sentence first, then text order. A name followed
    by a type word ("Baiji city") counts as after a locative word."""
    def key(c: Chain) -> tuple:
        only_country = all(e.kind == "country" for m in c.mentions for e in m.entries)
        first = c.mentions[0]
        inside, cue = lo <= c.start < hi, first.cue or first.tail > first.end
        return (only_country, first.road, c is not attached, not (inside and cue), not cue,
                not inside, c.start)
    return sorted(chains, key=key)


def _within_city(text: str, chain: Chain, place: Place, others: list[Chain],
                 sent: tuple[int, int], countries: set[str],
                 memo: Optional[dict] = None) -> Place:
    """Keep a lone neighbourhood only if it lies in the city its sentence names, else the city.

    "in Timoteo, Minas Gerais, a man was shot in Primavera neighborhood": a Primavera
    elsewhere is a namesake, and the event is in Timoteo.
    """
    if len(chain.mentions) > 1 or chain.mentions[0].hint != "point":
        return place
    for other in others:
        if not sent[0] <= other.start < sent[1] or other is chain:
            continue
        city = _to_place(text, other, countries, memo)
        if city is None or city.precision == "country":
            continue
        if haversine_km(place.lat, place.lon, city.lat, city.lon) > 30:
            return city
        return place
    return place


def _origin(article: Article, chains: list[Chain], countries: set[str],
            memo: Optional[dict] = None) -> Optional[Place]:
    """Return the place a sentence says an attack was launched from, if one does."""
    text = article.text
    cues = _vocab()["origin_re"]
    for chain in chains:
        before = text[max(0, chain.start - 120):chain.start]
        sentence_part = _SENTENCE_END.split(before)[-1].lower()
        if cues.search(sentence_part) and (
                _RELATIVE.search(before[-60:]) or _FROM_END.search(before)):
            return _to_place(text, chain, countries, memo)
    return None


def _without_surnames(mentions: list[Mention], doc) -> list[Mention]:
    """Drop the names of people introduced by a role ("spokesman Saad Maan") and their surname standing alone later ("Maan")."""
    if doc is None:
        return mentions
    titles = {words.split()[-1] for words, _ in lexicon().titles}
    people = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e.start > 0
              and doc[e.start - 1].lower_ in titles]
    last = {e[-1].text: e.end_char for e in reversed(people)}
    return [m for m in mentions
            if not any(e.start_char <= m.start < e.end_char for e in people)
            and not (m.text in last and last[m.text] <= m.start and not m.cue and _as_person(doc, m.start))]


def _as_person(doc, start: int) -> bool:
    """Tell whether the word at `start` is read as a person's name or acts as one (the subject of a verb)."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and (span[0].ent_type_ == "PERSON" or span[0].dep_ in ("nsubj", "nsubjpass"))


def locate_events(article: Article, events: list[Event]) -> None:
    """Set `location` (and `origin` where said) on each event."""
    if not events or not article.text:
        return
    text = article.text
    gaz = _gazetteer()
    mentions = _without_surnames(find_mentions(text, gaz), article.doc)
    chains = _chains(text, mentions)
    countries = _country_context(text, chains)
    _drop_partial_abroad(mentions, countries)
    memo: dict = {"chains": chains}
    dateline = find_dateline(text, gaz)
    home = None  # the dateline city: where the report was filed
    if dateline is not None:
        start, end, entry = dateline
        home = _place(text, start, end, entry, "city")
        countries.add(entry.iso3)
        for chain in chains:
            if chain.start == start:
                memo[id(chain)] = home
    origin = _origin(article, chains, countries, memo)
    usable = [c for c in chains if not (origin and c.start <= origin.end and c.end >= origin.start)]
    known = [c for c in usable if _known(c) or (countries and c.mentions[0].cue)]
    for event in events:
        sent = (event.sentence.start, event.sentence.end) if event.sentence else (0, 0)
        attached = _attached(article, event, known)
        ranked = _ranked(known, attached, *sent)
        found = _first_place(text, ranked, attached, countries, memo)
        if found is not None:
            i, place = found
            place = _finer(text, ranked, i, place, sent, countries, memo, gaz)
            event.location = _within_city(text, ranked[i], place, ranked[i + 1:], sent,
                                          countries, memo)
        elif ranked:
            event.location = None
        if event.location is None or event.location.precision == "country":
            event.location = _capital(text, sent, event.location, home, countries, gaz) or (
                event.location or home)
        if origin is not None and event.type in ("ASSAULT", "", None):
            event.origin = origin


def _first_place(text: str, ranked: list[Chain], attached: Optional[Chain],
                 countries: set[str], memo: dict) -> Optional[tuple[int, Place]]:
    """Return the index and place of the best-ranked chain that resolves, or None.

    A place outside every country the article names is taken only if no lower-ranked
    place smaller than a country, marked as a place (see `_introduced`), lies inside
    them ("Abu" in a man's name read as a town in India, the article about Iraq),
    unless the parse attaches its first name to the trigger. A bare country gives way
    to a smaller place in it that such a word introduces ("in Dora neighborhood,
    Baghdad city" over "Al-Qa'ida in Iraq").
    """
    first = None
    for i, chain in enumerate(ranked):
        if first is not None and not _introduced(chain):
            continue
        place = _to_place(text, chain, countries, memo)
        if place is None:
            continue
        if first is None:
            first = (i, place)
            if not countries or place.country in countries or (
                    chain is attached and place.start <= chain.start):
                break
        elif place.country in countries and place.precision != "country":
            first = (i, place)
            break
    if first is None or first[1].precision != "country":
        return first
    for i, chain in enumerate(ranked[first[0] + 1:], start=first[0] + 1):
        if not _introduced(chain):
            continue
        place = _to_place(text, chain, countries, memo)
        if place is not None and place.precision != "country" and place.country == first[1].country:
            return i, place
    return first


def _finer(text: str, ranked: list[Chain], i: int, place: Place, sent: tuple[int, int],
           countries: set[str], memo: dict, gaz: Gazetteer) -> Place:
    """Return a town the event's sentence names inside the area `place`, else `place`.

    "in the town of Busra in the countryside of Dar'a": the province is the larger frame
    and the town, named as a place in the same sentence, is where it happened.
    """
    if place.precision not in ("admin1", "admin2") or place.geonameid is None:
        return place
    area = gaz.get(place.geonameid)
    if area is None:
        return place
    for j, chain in enumerate(ranked):
        if j == i or not (sent[0] <= chain.start < sent[1]) or not _introduced(chain):
            continue
        found = _to_place(text, chain, countries, memo)
        if found is None or found.precision not in ("city", "point") or found.geonameid is None:
            continue
        entry = gaz.get(found.geonameid)
        if entry is not None and _inside(entry, area):
            return found
    return place


def _inside(entry: Entry, area: Entry) -> bool:
    """Say whether the town `entry` lies in the admin area `area` (or just over its line)."""
    if entry.cc != area.cc:
        return False
    if area.kind == "admin2":
        return entry.a2 == area.id or _km(entry, area) <= _PART_KM
    return entry.a1 == area.a1 or _borders(entry, area)


def _introduced(chain: Chain) -> bool:
    """Say whether a locative word, a type word or a larger name marks the chain as a place.

    A lone name nothing marks may be a person's ("Michael" as a town in the US).
    """
    lead = chain.mentions[0]
    return lead.cue or lead.tail > lead.end or len(chain.mentions) > 1


def _capital(text: str, sent: tuple[int, int], found: Optional[Place], home: Optional[Place],
             countries: set[str], gaz: Gazetteer) -> Optional[Place]:
    """Return the capital a sentence names only as "the capital", or None.

    That is the dateline city when it is a capital, else the capital of the country
    found for the event (or of the article's only country).
    """
    if sent[1] <= sent[0] or not _BARE_CAPITAL.search(text, sent[0], sent[1]):
        return None
    if home is not None and home.geonameid is not None:
        entry = gaz.get(home.geonameid)
        if entry is not None and is_capital(entry):
            return home
    country = found.country if found is not None else (
        next(iter(countries)) if len(countries) == 1 else None)
    entry = _capital_of(country, gaz)
    if entry is None:
        return None
    hit = _BARE_CAPITAL.search(text, sent[0], sent[1])
    return _place(text, hit.start(), hit.end(), entry, "city")
