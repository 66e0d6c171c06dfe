"""Choosing among a name's namesakes: by place type, population, the larger places named with it,
the article's countries and the places nearby; spelling variants inside a named area.

With villages in the index nearly every name has namesakes in many countries, so the
larger names of a chain ("X (Y, Z)") are read first as what they can be: a province, a
district, a country or a town (not a village of the same name), as their type word says.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from difflib import SequenceMatcher
from typing import Optional

from .gazetteer import Entry, Gazetteer, bare_key, is_capital, key, normalise, skeleton
from .mentions import Chain, Mention
from .offsets import haversine_km

_BORDER_KM = 40.0  # how far over a province line a place may lie and still count as in it
_PART_KM = 30.0  # how far a town named with its district may lie from the district's point
# how far a neighbourhood or area named with its city may lie from it: farther, a namesake
# elsewhere is likelier, and the city itself is as near to where the event took place
_CITY_PART_KM = 20.0
_NEAR_KM = 30.0  # a place this close to a district's point or a town is taken as in it
_KM_PER_DEGREE = haversine_km(0.0, 0.0, 1.0, 0.0)  # along a meridian
_HINT_KINDS = {"city": ("city",), "point": ("city",), "admin2": ("admin2", "city"),
               "admin1": ("admin1",)}



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



def containers(m: Mention) -> tuple[Entry, ...]:
    """Return the readings of a larger name of a chain: what it can be as the area around a place.

    Its type word decides the kind ("Mosul city" is the town, "Anbar governorate" the
    province); villages only the WOF extract knows are left out: a name that is only that
    says nothing about the place before it. Places named so in their own name come before
    those that list it among their other names ("Lahij" is the province, not its neighbour
    that was once part of it).
    """
    kinds = _HINT_KINDS.get(m.hint or "")
    readings = tuple(e for e in m.entries if kinds is None or e.kind in kinds) or m.entries
    readings = tuple(e for e in readings if not e.minor)
    # a place by its own name before one of its kind that merely lists it among its other names
    said = key(m.text)
    own = {e.id for e in readings if key(e.name) == said or bare_key(e.name) == said}
    kinds = {e.kind for e in readings if e.id in own}
    return tuple(e for e in readings if e.id in own or e.kind not in kinds)



def _related(a: Entry, b: Entry, gaz: Optional[Gazetteer] = None) -> float:
    """Score how well `b` (a larger place named next to `a`) contains or neighbours `a`."""
    if a.id == b.id:
        return 0.0
    if b.kind == "country":
        return 2.0 if a.cc == b.cc else -1.0
    if a.cc != b.cc:
        return -1.0
    score = 1.0
    km = _km(a, b)
    if b.kind == "admin1":
        if in_province(a, b):
            score += 3.0
        elif gaz is not None and _borders(a, b, gaz):
            score += 2.0
    elif b.kind == "admin2":
        if a.a2 == b.id:
            # a town's own same-named municipality says little ("Formosa (Formosa)" is the province)
            own = (b.seat_lat, b.seat_lon) == (a.lat, a.lon) and normalise(a.name) == normalise(b.name)
            score += 1.0 if own else 3.5
        elif min(km, _km_label(a, b)) <= _NEAR_KM:
            score += 3.0
        elif a.a1 == b.a1:
            score += 2.0
    elif b.kind == "city":
        if km <= 15:
            score += 3.0
        elif km <= 40:
            score += 2.0
        elif a.a1 == b.a1:
            score += 1.5
    if km < 60:
        score += 1.0
    if b.kind == "admin2" and a.kind == "city":
        # of namesakes alike in every other way, the one nearer the district named with it
        # ("Patgram upazila (Lalmonirhat, Rangpur)": two Patgrams in Rangpur)
        score += 0.5 * max(0.0, 1.0 - min(km, _km_label(a, b)) / 200.0)
    return score



def _similar(name: str, entry: Entry) -> float:
    """Return how alike a name as written and a place's name are, 0 to 1 (their index keys)."""
    return SequenceMatcher(None, key(name), key(entry.name)).ratio()



def _choose(mention: Mention, others: list[Mention], countries: set[str],
            gaz: Optional[Gazetteer] = None,
            nearby: tuple[Mention, ...] = (), home: Optional[Entry] = None) -> tuple[Entry, float]:
    """Pick the mention's best entry given the names around it and the article's countries.

    When no reading of the name lies in the countries the article names, nor in a larger
    place named with it, spelling variants in those countries are weighed too ("Ras al
    Ain" for Ra's al 'Ayn in Syria), the closer in spelling the better.
    """
    best, best_score = None, -math.inf
    entries = mention.entries
    variants: set[int] = set()
    if gaz is not None and mention.hint == "admin1" and not any(e.kind == "admin1" for e in entries):
        # "Al-Hasakeh province": a province by a spelling the index lacks
        found = gaz.fuzzy(mention.text, kind="admin1")
        entries, variants = entries + found, variants | {e.id for e in found}
    around = [containers(o) for o in others]  # the same for every entry: read once
    held = any(_related(e, d, gaz) > 1.0 for ds in around for d in ds for e in entries)
    if gaz is not None and countries and not held and not any(
            e.iso3 in countries for e in entries) and not any(e.kind == "admin1" for e in entries):
        # a province's name is no misspelling: "al-Hasakeh" is not a town in Turkey
        found = tuple(e for e in gaz.fuzzy(mention.text)
                      if e.iso3 in countries and e.kind != "country")
        entries, variants = entries + found, variants | {e.id for e in found}
    # the last name of "X (Y, Z)" is most often a province
    last = bool(others) and all(o.start < mention.start for o in others)
    said = key(mention.text)
    # a city named like the province around it: the bare name means the city ("Kharkiv")
    city_a1 = {(e.cc, e.a1) for e in entries if e.kind == "city" and key(e.name) == said}
    for e in entries:
        score = _kind_fit(e, mention.hint) + math.log10(max(e.population, 1) + 10) * 0.5
        if e.id in variants:
            score += 2.0 * _similar(mention.text, e) - 2.0
        elif key(e.name) == said:
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
        if e.a1 in countries:
            score += 1.5  # the provinces of the war an actor named fights ("OSCE SMM")
        for ds in around:
            score += max((_related(e, d, gaz) for d in ds), default=0.0)
        if home is not None and home.kind == "city":
            score += 5.0 if e.id == home.id else _related(e, home, gaz)  # the city itself as near as can be
        for o in nearby:
            # a province or country named elsewhere in the sentence counts for half
            score += 0.5 * max((_related(e, d, gaz) for d in o.entries
                                if d.kind in ("admin1", "country")), default=0.0)
        if score > best_score:
            best, best_score = e, score
    assert best is not None
    return best, best_score



def resolve_chain(chain: Chain, countries: set[str], gaz: Gazetteer,
                  nearby: tuple[Mention, ...] = (), home: Optional[Entry] = None,
                  ) -> Optional[tuple[Mention, Entry, str]]:
    """Return the chain's most specific known name, its entry and the precision it gives.

    Readings of a name that no reading of a larger name after it could hold ("Taji" as a
    town in Japan before "Saladin governorate, Iraq") are dropped; a name left with none
    is passed over. A name the gazetteer lacks is looked up by spelling variant ("Al-Dejail"
    for Ad Dujayl) among the places inside the larger name after it. A country named
    before smaller places ("western Yemen (Ad Durayhimi, Al Hudaydah)") is passed over.
    `home`, the city of the report's dateline, counts as a larger place named with each name
    ("CHICAGO - ... in Englewood": the Chicago neighbourhood, not the town in Colorado).
    """
    ms = [m for m in chain.mentions if m.entries]
    for i, m in enumerate(chain.mentions):
        larger = [o for o in chain.mentions[i + 1:] if containers(o)]
        if not m.entries:
            later = [_choose(o, [x for x in ms if x is not o], countries, gaz)[0] for o in larger]
            found = _variant(m, later, gaz, _reach(larger)) if gaz is not None else None
            if found is not None:
                return m, found, precision_of(found)
            continue
        if larger and any(e.kind == "country" and key(e.name) == key(m.text) for e in m.entries):
            continue
        held = [_held(o, ms, countries, gaz) for o in larger]
        fits = tuple(e for e in m.entries
                     if not any(all(outside(e, d, gaz, _part_of_city(m, o, d)) for d in h)
                                for o, h in zip(larger, held)))
        if not fits:
            # "Basira town in Deir-ez-Zor": every namesake lies elsewhere; a variant may not
            later = [_choose(o, [x for x in ms if x is not o], countries, gaz)[0] for o in larger]
            found = _variant(m, later, gaz, _reach(larger)) if gaz is not None and later else None
            if found is not None and _part_of_city(m, larger[0], later[0]) and _km(
                    found, later[0]) > _CITY_PART_KM:
                found = None  # "Gabtoli area, Dhaka city" is not Gabtali, 37 km away
            if found is not None and found not in m.entries:
                return m, found, precision_of(found)
            continue
        narrowed = Mention(m.start, m.end, m.tail, m.text, fits, m.hint, m.cue, m.capital)
        entry = _choose(narrowed, [o for o in ms if o is not m], countries, gaz, nearby, home)[0]
        if held and larger[0].hint in ("city", "admin2") and _far_from(entry, held[0]):
            # a namesake village or town far from the district it is said to be in ("X union,
            # Y upazila"): the district is nearer
            continue
        return m, entry, precision_of(entry)
    first = chain.mentions[0]
    if gaz is not None and countries and first.cue and not ms:
        # "protested in Nassriya", the article about Iraq: a variant in that country
        hits = [e for e in gaz.fuzzy(first.text, kind="city") if e.iso3 in countries
                and _similar(first.text, e) >= 0.6]
        if hits:
            hit = max(hits, key=lambda e: (_similar(first.text, e), e.population))
            return first, hit, precision_of(hit)
    return None



def _far_from(entry: Entry, readings: tuple[Entry, ...]) -> bool:
    """Say whether `entry` lies farther from the district or town `readings` name than a
    village named with them would: 50 km from a town, 75 km from a district's point."""
    near = [e for e in readings if e.kind in ("city", "admin2")]
    if not near or len(near) < len(readings):
        return False  # a province or country holds places far apart
    return all(min(_km(entry, d), _km_label(entry, d)) > (50 if d.kind == "city" else 75)
               for d in near)



def _held(o: Mention, ms: list[Mention], countries: set[str],
          gaz: Gazetteer) -> tuple[Entry, ...]:
    """Return the readings of the larger name `o` that may hold the names before it: those in
    the country of its best reading given the chain ("Badarganj upazila (Rangpur)" is in
    Bangladesh, so Rangpur is not a town in India)."""
    readings = containers(o)
    if len({e.cc for e in readings}) < 2:
        return readings
    narrowed = Mention(o.start, o.end, o.tail, o.text, readings, o.hint, o.cue, o.capital)
    # read by the names after it; the last name of a chain, by those it holds ("Dindigul
    # city (Dindigul, TN)": Tamil Nadu, not Tunisia)
    after = [x for x in ms if x is not o and x.start > o.start] or [x for x in ms if x is not o]
    best = _choose(narrowed, after, countries, gaz)[0]
    return tuple(e for e in readings if e.cc == best.cc)



def precision_of(entry: Entry) -> str:
    """Return what a place resolves to: a neighbourhood is a point in its city, else its kind."""
    return "point" if entry.ptype in ("neighbourhood", "borough") else entry.kind



def _part_of_city(m: Mention, larger: Mention, reading: Entry) -> bool:
    """Say whether `m` names a part of the city `reading` ("Shuala neighborhood, Baghdad city")."""
    return reading.kind == "city" and (m.hint == "point" or larger.hint == "city")



def outside(entry: Entry, larger: Entry, gaz: Gazetteer, part: bool = False) -> bool:
    """Say whether `entry` cannot lie in `larger`, a place named after it in the same chain.

    `part`: `entry` is named as a part of the city `larger`, so it must lie close to it.
    A district or town after it holds it when it is in the same province or near enough:
    districts are large, and their point is only their middle or their seat.
    """
    if larger.kind == "country" or entry.cc != larger.cc:
        return entry.cc != larger.cc
    if part:
        return _km(entry, larger) > _CITY_PART_KM
    if larger.kind == "admin1" and entry.kind != "admin1":
        return not in_province(entry, larger) and _km(entry, larger) > 100 and not _borders(
            entry, larger, gaz)
    km = min(_km(entry, larger), _km_label(entry, larger))
    return km > 300 or (km > 150 and entry.a1 != larger.a1)



def in_province(entry: Entry, area: Entry) -> bool:
    """Say whether `entry` lies in the admin1 `area`, or in a province split from it that keeps
    its name and one word more: reports of before a split name the old one ("Ilaga, Papua" is
    in Papua Tengah; "Valle del Cauca" is not a part of Cauca)."""
    if entry.a1 == area.a1:
        return True
    if entry.cc != area.cc or not entry.admin1:
        return False
    words, now = normalise(area.name).split(), normalise(entry.admin1).split()
    return len(now) == len(words) + 1 and now[:len(words)] == words



def _borders(entry: Entry, area: Entry, gaz: Gazetteer) -> bool:
    """Say whether `entry` lies within a few km of a town of the admin1 `area`.

    Coders draw province lines differently from GeoNames (Tarmiyah in Saladin, not
    Baghdad), so a place just over the line is still taken as inside. A village far from
    any town (its province was guessed from the nearest one) is given more room.
    """
    if not area.a1:
        return False
    limit = max(_BORDER_KM, 1.5 * entry.near_km + 15.0)
    # only the towns whose latitude alone leaves them within reach: a degree of latitude is
    # never less than _KM_PER_DEGREE away, and the margin is far above any rounding
    lats, points = gaz.area_by_lat(area.a1)
    reach = limit / _KM_PER_DEGREE + 0.01
    lo, hi = bisect_left(lats, entry.lat - reach), bisect_right(lats, entry.lat + reach)
    return any(haversine_km(entry.lat, entry.lon, lat, lon) <= limit for lat, lon in points[lo:hi])



def _km(a: Entry, b: Entry) -> float:
    return haversine_km(a.seat_lat, a.seat_lon, b.seat_lat, b.seat_lon)



def _km_label(a: Entry, b: Entry) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)



def _reach(larger: list[Mention]) -> str:
    """Say how far from the first larger name a variant may lie: "near" a place called a city
    ("Mugda area, Dhaka city"), "province" for a name that is also a province ("Banisa,
    Mandera, Kenya"), else "district"."""
    if not larger or larger[0].hint == "city":
        return "near" if larger else "district"
    return "province" if any(e.kind == "admin1" for e in containers(larger[0])) else "district"



def _variant(m: Mention, later: list[Entry], gaz: Gazetteer, reach: str = "district",
             min_len: int = 2) -> Optional[Entry]:
    """Find a spelling variant of an unknown name inside the first area named after it.

    Of several, the closest in spelling wins, then the one inside the named province.
    `reach` (see `_reach`): how far from a town or district it may lie.
    """
    anchor = next((d for d in later if d.kind in ("admin1", "admin2", "city", "country")), None)
    if anchor is None:
        return None
    # held to one area, a short skeleton is safe ("Qayarah" for Al Qayyarah); with only
    # a country after it ("Maqdadiyah city, Iraq"), anywhere in that country
    short = min_len if anchor.kind in ("admin1", "admin2", "city") else 3
    # inside a province (or just over its line, not 100 km from its main town); near a
    # district or town, not anywhere in its province ("Baraigram upazila (Natore, Rajshahi)"
    # is not Baragram across Rajshahi division)
    hits = [e for e in gaz.fuzzy(m.text, short, anchor.cc, "city")
            if e.cc == anchor.cc and (anchor.kind == "country" or (e.a1 == anchor.a1 and reach == "province") or (
                (in_province(e, anchor) or _borders(e, anchor, gaz)) if anchor.kind == "admin1" else
                min(_km(e, anchor), _km_label(e, anchor)) < (40 if reach == "near" else 60)))]
    if len(skeleton(m.text)) < 3:
        hits = [e for e in hits if e.a1 == anchor.a1]  # a short skeleton: the same province only
    # consonants alone match unrelated names ("Qwertyabad", "Qaryat al Abbadi"): the
    # spellings must be alike too; with three consonants or fewer, a town or nearly the same
    hits = [e for e in hits if _similar(m.text, e) >= 0.6]
    if len(skeleton(m.text)) <= 3:
        hits = [e for e in hits if not e.minor or _similar(m.text, e) >= 0.8]
    # a variant inside the named province before a larger one next to it
    return max(hits, key=lambda e: (round(_similar(m.text, e), 1), e.a1 == anchor.a1,
                                    e.population), default=None)



def lies_within(entry: Entry, area: Entry, gaz: Gazetteer) -> bool:
    """Say whether the town `entry` lies in the admin area `area` (or just over its line)."""
    if entry.cc != area.cc:
        return False
    if area.kind == "admin2":
        return entry.a2 == area.id or min(_km(entry, area), _km_label(entry, area)) <= _PART_KM
    return entry.a1 == area.a1 or _borders(entry, area, gaz)
