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

from functools import lru_cache
from typing import Optional

import regex

from ..records import Article, Event, Place
from ..settings import load as load_settings
from .choose import lies_within, outside, resolve_chain
from .dateline import dateline_match
from .evidence import inferred_countries, weigh, without_people
from .gazetteer import Entry, Gazetteer, capitals, is_capital, key, open_gazetteer, skeleton
from .mentions import (
    Chain,
    Mention,
    _chains,
    _country_context,
    drop_partial_abroad,
    find_mentions,
    region_entries,
    vocab,
)
from .offsets import RELATIVE, haversine_km, offset_point, relative_offset

_SENTENCE_END = regex.compile(r"[.!?]\s")
_SUBJECTS = ("nsubj", "nsubjpass")
_FROM_END = regex.compile(r"\bfrom\s+(?:the\s+)?$")
# "between X and Y", "between the villages of X and Y"
_BETWEEN = regex.compile(r"\bbetween\s+(?:the\s+(?:\p{L}+\s+){1,2}of\s+)?$", regex.I)
_AND_GAP = regex.compile(r"\s*,?\s+and\s+(?:the\s+(?:\p{L}+\s+){1,2}of\s+)?")
# "the capital" standing alone: the city the article is written from, or its country's
_BARE_CAPITAL = regex.compile(r"\bthe\s+(?:\p{L}+\s+)?capital(?:['’]s|\b)"
                              r"(?!\s*,?\s*(?:city\s+(?:of\s+)?)?\p{Lu})")



def _gazetteer() -> Gazetteer:
    return open_gazetteer(load_settings().gazetteer)



def _point(entry: Entry, gaz: Gazetteer) -> tuple[float, float]:
    # reports name an admin area by its main town more often than by its middle
    if entry.kind == "admin2":
        town = _namesake_town(entry, gaz)
        if town is not None:
            return town.lat, town.lon
    if entry.kind in ("admin2", "admin1"):
        return entry.seat_lat, entry.seat_lon
    return entry.lat, entry.lon



@lru_cache(maxsize=4096)  # the same districts come back article after article
def _namesake_town(area: Entry, gaz: Gazetteer) -> Optional[Entry]:
    """Return the town inside the district `area` that bears its name, or None.

    A district is named after its seat ("Birnin Gwari LGA"), which need not be its
    most populous town. Where the index does not say which district a town is in, a town
    of that name within 60 km of the district's point counts (a village: within 40 km if
    spelled the same, 25 km if only alike).
    """
    said = skeleton(area.name)
    towns = [e for e in gaz.lookup(area.name) + gaz.fuzzy(area.name, kind="city")
             if e.kind == "city" and skeleton(e.name) == said and (
                 e.a2 == area.id or haversine_km(e.lat, e.lon, area.lat, area.lon) <= (
                     (40 if key(e.name) == key(area.name) else 25) if e.minor else 60))]
    return max(towns, key=lambda e: (e.population, not e.minor), default=None)


def _place(text: str, start: int, end: int, entry: Entry, precision: str, gaz: Gazetteer,
           lat: Optional[float] = None, lon: Optional[float] = None,
           name: Optional[str] = None) -> Place:
    plat, plon = _point(entry, gaz)
    return Place(text[start:end], start, end, name or entry.name, entry.iso3 or None,
                 entry.admin1 if entry.kind != "country" else None,
                 round(lat if lat is not None else plat, 5),
                 round(lon if lon is not None else plon, 5), precision, entry.id)



def _relative(text: str, chain: Chain, entry: Entry, mention: Mention,
              gaz: Gazetteer) -> Optional[Place]:
    """Read "12 km northeast of X" before the chain's first name; return the offset point."""
    found = relative_offset(text, chain.start)
    if found is None or mention is not chain.mentions[0]:
        return None
    start, km, bearing = found
    lat, lon = offset_point(entry.lat, entry.lon, km, bearing)
    return _place(text, start, mention.end, entry, "point", gaz, lat, lon,
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
    gaz = (memo or {}).get("gaz") or _gazetteer()
    resolved = resolve_chain(chain, countries, gaz, nearby, (memo or {}).get("home"))
    place = None
    if resolved is not None:
        mention, entry, precision = resolved
        if precision == "admin2" and mention.hint in ("city", "point") and _namesake_town(
                entry, gaz) is not None:
            precision = "city"  # "Ras al-Ain city": the district's town, where it is placed
        place = _relative(text, chain, entry, mention, gaz) or _place(
            text, mention.start, mention.end, entry, precision, gaz)
    if memo is not None:
        memo[id(chain)] = place
    return place



def find_dateline(text: str, gaz: Gazetteer) -> Optional[tuple[int, int, Entry]]:
    """Return the span and entry of the wire dateline city at the article's start, or None.

    A dateline names where the report was filed, nearly always a large city: of its
    namesakes the most populous city wins, within the region it names if it names one
    ("TRIPOLI, Lebanon -"); a city that only lists the name among its other names must be
    ten times as large as the largest of that very name ("NEW YORK" is New York City, but
    "MIAMI" is not a larger city once called so).
    """
    m, group = dateline_match(text)
    if m is None:
        return None
    name = m.group(group).rstrip(".")
    said, entries = key(name), gaz.lookup(name)
    if not entries:
        return None
    if m.group("region"):
        larger = region_entries(gaz, m.group("region"))
        larger = tuple(d for d in larger if d.kind in ("admin1", "country")) or larger  # "Ohio", not a town so named
        entries = tuple(e for e in entries if any(not outside(e, d, gaz) for d in larger)) or entries
    cities = [e for e in entries if e.kind == "city"] or list(entries)
    largest = max(cities, key=lambda e: e.population)
    named = max((e for e in cities if key(e.name) == said), key=lambda e: e.population, default=largest)
    return m.start(group), m.end(group), largest if largest.population > 10 * named.population else named



def _capital_of(country: Optional[str], gaz: Gazetteer) -> Optional[Entry]:
    """Return the capital city entry of the country with ISO3 code `country`, or None."""
    entry = gaz.country(country) if country else None
    if entry is None:
        return None
    name = capitals().get(entry.cc)
    hits = [e for e in gaz.lookup(name) if e.cc == entry.cc and is_capital(e)] if name else []
    return max(hits, key=lambda e: e.population, default=None)



ROOTS = "chronicle_place_roots"  # Doc.user_data key: the root token of each place chain's span


def _attached(article: Article, event: Event, chains: list[Chain]) -> Optional[Chain]:
    """Return the chain whose first name the parse attaches to the event's trigger."""
    doc = article.doc
    if doc is None or event.trigger is None:
        return None
    trig = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trig is None:
        return None
    trig_ids = {t.i for t in trig}
    roots = doc.user_data.setdefault(ROOTS, {})  # asked for every event: found once per doc
    for chain in chains:
        if not chain.mentions[0].cue or not _known(chain):
            continue
        if (chain.start, chain.end) not in roots:
            span = doc.char_span(chain.start, chain.end, alignment_mode="expand")
            roots[chain.start, chain.end] = None if span is None else span.root.i
        if roots[chain.start, chain.end] is None:
            continue
        tok, steps = doc[roots[chain.start, chain.end]], 0
        while steps < 4 and tok.head is not tok:
            tok, steps = tok.head, steps + 1
            if tok.i in trig_ids:
                return chain
            if tok.pos_ in ("VERB", "AUX") and tok.i not in trig_ids and tok.dep_ != "xcomp":
                break
            if tok.dep_ in _SUBJECTS:
                break  # "Assailants in Gaza fired ...": where the doers are from
    return None



def _of_subject(doc, chain: Chain) -> bool:
    """Say whether the parse hangs the chain on a verb's subject ("Assailants in Gaza fired a
    rocket that struck Sderot"): it says where the doers are, not where the event is."""
    span = doc.char_span(chain.start, chain.end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    tok = span.root
    for _ in range(2):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.dep_ in _SUBJECTS and tok.pos_ in ("NOUN", "PROPN"):
            return True
        if tok.pos_ != "ADP" or tok.lower_ not in ("in", "from"):
            return False  # "youths of Okpanam blocked ...": who they are, and where
    return False



def _known(chain: Chain) -> bool:
    return any(m.entries for m in chain.mentions)



def _ranked(chains: list[Chain], attached: Optional[Chain], lo: int, hi: int,
            doers: frozenset = frozenset()) -> list[Chain]:
    """Order chains for an event: a bare country last ("Al-Qaida in Iraq" says less than
    "Dora neighborhood, Baghdad city"), a road named after a town just before it; then
    attached by the parse; then after a locative word in its sentence, where the doers
    are from (`doers`, ids of chains) after where it happened; then after a locative
    word anywhere, the event's sentence first, then text order. A name followed by a type
    word ("Baiji city") counts as after a locative word."""
    def key(c: Chain) -> tuple:
        only_country = all(e.kind == "country" for m in c.mentions for e in m.entries)
        first = c.mentions[0]
        inside, cue = lo <= c.start < hi, first.cue or first.tail > first.end
        return (only_country, first.road, c is not attached, not (inside and cue),
                id(c) in doers, not cue, not inside, c.start)
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
    cues = vocab()["origin_re"]
    for chain in chains:
        before = text[max(0, chain.start - 120):chain.start]
        sentence_part = _SENTENCE_END.split(before)[-1].lower()
        if cues.search(sentence_part) and (
                RELATIVE.search(before[-60:]) or _FROM_END.search(before)):
            return _to_place(text, chain, countries, memo)
    return None



def locate_events(article: Article, events: list[Event]) -> None:
    """Set `location` (and `origin` where said) on each event."""
    if not events or not article.text:
        return
    text = article.text
    gaz = _gazetteer()
    mentions = without_people(text, find_mentions(text, gaz), article.doc)
    wire, _ = dateline_match(text)
    if wire is not None:  # "(AP)" in "ALBUQUERQUE, N.M. (AP) -" is the agency, not Andhra Pradesh
        mentions = [m for m in mentions if not (wire.start() <= m.start < wire.end()
                                                and "(" in text[wire.start():m.start])]
    chains = _chains(text, mentions)
    countries = _country_context(text, chains) | inferred_countries(chains)
    drop_partial_abroad(mentions, countries)
    weigh(text, chains, countries, article.doc)
    _same_names(chains, countries, gaz)
    memo: dict = {"chains": chains, "gaz": gaz}
    dateline = find_dateline(text, gaz)
    home = None  # the dateline city: where the report was filed
    if dateline is not None:
        start, end, entry = dateline
        home = _place(text, start, end, entry, "city", gaz)
        countries.add(entry.iso3)
        memo["home"] = entry
        for chain in chains:
            if chain.start == start:
                memo[id(chain)] = home
    origin = _origin(article, chains, countries, memo)
    usable = [c for c in chains if not (origin and c.start <= origin.end and c.end >= origin.start)]
    known = [c for c in usable if _known(c) or (countries and c.mentions[0].cue)]
    doers = frozenset(id(c) for c in known if _of_subject(article.doc, c))
    for event in events:
        sent = (event.sentence.start, event.sentence.end) if event.sentence else (0, 0)
        attached = _attached(article, event, known)
        ranked = _ranked(known, attached, *sent, doers)
        found = _first_place(text, ranked, attached, countries, memo)
        if found is not None:
            i, place = found
            place = _finer(text, ranked, i, place, sent, countries, memo, gaz)
            place = _between(text, ranked[i], place, chains, countries, memo)
            event.location = _within_city(text, ranked[i], place, ranked[i + 1:], sent,
                                          countries, memo)
        elif ranked:
            event.location = None
        if event.location is None or event.location.precision == "country":
            event.location = _capital(text, sent, event.location, home, countries, gaz) or (
                event.location or home)
        if origin is not None and event.type in ("ASSAULT", "", None):
            event.origin = origin



def _same_names(chains: list[Chain], countries: set[str], gaz: Gazetteer) -> None:
    """Read a name said alone as the place it names where the article says it with its larger
    places: "at Kumarkhali railway station in Kumarkhali town (Kushtia, Khulna)"."""
    fuller: dict[str, Entry] = {}
    # only a name some chain says alone is worth resolving (most articles have none)
    alone = {key(c.mentions[0].text) for c in chains if len(c.mentions) == 1 and c.mentions[0].hint is None}
    for chain in chains:
        first = chain.mentions[0]
        if len(chain.mentions) > 1 and first.entries and key(first.text) in alone \
                and key(first.text) not in fuller:
            resolved = resolve_chain(chain, countries, gaz)
            if resolved is not None and resolved[0] is first:
                fuller[key(first.text)] = resolved[1]
    for chain in chains:
        m = chain.mentions[0]
        entry = fuller.get(key(m.text))
        if len(chain.mentions) == 1 and m.hint is None and entry in m.entries:
            m.entries = (entry,)



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
        lead = chain.mentions[0]
        if lead.tail == lead.end and key(lead.text) == key(area.name):
            continue  # the area named again ("in Shabwah governorate ... in Shabwah")
        found = _to_place(text, chain, countries, memo)
        if found is None or found.precision not in ("city", "point") or found.geonameid is None:
            continue
        entry = gaz.get(found.geonameid)
        if entry is not None and lies_within(entry, area, gaz):
            return found
    return place



def _between(text: str, chain: Chain, place: Place, chains: list[Chain], countries: set[str],
             memo: dict) -> Place:
    """Return the midpoint of "between X and Y" when X and Y are towns near each other, else X.

    The point between two towns up to 60 km apart is nearer the event than either; its
    precision says how far apart they are (city up to 20 km, else admin2). Farther apart,
    the first one stands for the stretch between them, as coders do.
    """
    if place.precision not in ("city", "point") or not _BETWEEN.search(
            text, max(0, chain.start - 40), chain.start):
        return place
    other = next((c for c in chains if c.start >= chain.end), None)
    if other is None or not _AND_GAP.fullmatch(text, chain.mentions[-1].tail, other.start):
        return place
    second = _to_place(text, other, countries, memo)
    if second is None or second.precision not in ("city", "point") or second.country != place.country:
        return place
    km = haversine_km(place.lat, place.lon, second.lat, second.lon)
    if km > 60:
        return place
    return Place(text[place.start:second.end], place.start, second.end,
                 f"between {place.name} and {second.name}", place.country, place.admin1,
                 round((place.lat + second.lat) / 2, 5), round((place.lon + second.lon) / 2, 5),
                 "city" if km <= 20 else "admin2", place.geonameid)



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
    named = [c for c in countries if "." not in c]  # countries, not the provinces cued
    country = found.country if found is not None else (named[0] if len(named) == 1 else None)
    entry = _capital_of(country, gaz)
    if entry is None:
        return None
    hit = _BARE_CAPITAL.search(text, sent[0], sent[1])
    return _place(text, hit.start(), hit.end(), entry, "city", gaz)
