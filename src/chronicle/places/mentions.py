"""Place names in text: runs of capitalised words the gazetteer knows, with the type words
("district", "governorate") and locative words around them, grouped into chains that name one
place ("Sadr city neighborhood, Baghdad city, Iraq"); the countries a text names; the wire dateline."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Optional

import regex

from .gazetteer import Entry, Gazetteer, aliases_data, key, normalise

# A name word: capitalised, possibly with an Al-/el- prefix or inner apostrophes.
# one word of a place name, with the Arabic article joined to it ("al-Hasakah")
NAME_WORD = r"(?:(?:[Aa]l|[Ee]l|[Aa][dstrzn]|[Aa]sh)[-‐])?\p{Lu}[\p{L}\p{M}'’‘ʼ`]*(?:[-‐]\p{L}[\p{L}\p{M}'’]*)*\.?"
_WORD_RE = regex.compile(NAME_WORD)
_JOINERS = regex.compile(r" (?:de|del|la|de la|do|da|dos|das) ")
_TYPE_WORD = regex.compile(r"\G[ ]+([A-Za-z-]+)")
_LEAD_WORDS = regex.compile(r"[\p{L}-]+|[(),;:.]")
_POSSESSIVE = regex.compile(r"['’]s$")
# the next word, past an acronym in brackets ("the Patriotic Union of Kurdistan (PUK) office")
_NEXT_WORD = regex.compile(r"(?:[ ]+\(\p{Lu}[\p{Lu}\d&-]{1,9}\))?[ ]+([\p{L}']+)")
_ANY_WORD = regex.compile(r"[\p{L}']+")
_SPACE_WORD = regex.compile(r"[ ]+\S+")
_NUMBER_AFTER = regex.compile(r"[ ]\d")
_CHAIN_GAP = regex.compile(r"[ ]*|[ ]+(?:de|del|de la|la|al|el|do|da|of)[ ]+|"
                           r"\s*(?:,|\(|\)\s*,?|,\s*\(|/)\s*")
_OF_GAP = regex.compile(r"\s*of\s+(?:the\s+)?")
_IN_GAP = regex.compile(r"\s*in\s+(?:the\s+)?")
# "Gary, Ind.": a place and a comma right before a province's abbreviation
_AFTER_PLACE = regex.compile(r"\p{Lu}[\p{L}.'’-]*,[ ]*$")
# "the Libyan capital Tripoli", "the capital, Kabul", "the capital city of Sanaa"
_AFTER_COMMA = regex.compile(r"\p{L}[.]?,[ ]*$")
_CAPITAL_BEFORE = regex.compile(r"\bcapital(?:\s+city)?(?:\s+of)?,?\s*$", regex.I)
# "the 1700 block of South Hamilton": an address names a street, not the town of that name
_BLOCK_OF = regex.compile(r"\bblocks?\s+of\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?$")
_CAPITAL_NEXT = regex.compile(r"[ ]+\p{Lu}")
# "in Southeast": a city's quadrant; a province so named is written "South-East", or with a type word
_QUADRANTS = ("northeast", "northwest", "southeast", "southwest")



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
    guessed: bool = False  # readings found by spelling alone ("Kafr Noran" for Kafr Nuran)



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
def vocab() -> dict:
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
        "run": regex.compile(rf"{NAME_WORD}(?:[ ]+(?:(?:{'|'.join(data['name_joiners'])})[ ]+){{0,2}}{NAME_WORD})*"),
        "plain_words": {normalise(w) for w in data["not_places"]},
        "not_starts": {w.lower() for w in data["not_name_starts"]},
        "loose_joiners": set(data["loose_joiners"]),
        "joiners": set(data["name_joiners"]),
        "not_places": {normalise(w) for w in data["not_places"]} | {
            normalise(w) for w in data["country_cues"] if w not in data["aliases"]},
        "facilities": set(data["facility_words"]),
        "owned": regex.compile(r"\b(?:" + "|".join(data["possessives"]) + r")\s+$", regex.I),
        "roads": set(data["road_words"]),
        # the first town of "X - Y highway", a road named after the towns it joins
        "road_pair": regex.compile(rf"[ ]*[-–][ ]*{NAME_WORD}(?:[ ]+{NAME_WORD})?[ ]+(?i:"
                                   + "|".join(data["road_words"]) + r")\b"),
        "abbreviations": {short: (iso3, full) for iso3, names in data["province_abbreviations"].items()
                          for short, full in names.items()},
        "postal": {short: (iso3, full) for iso3, names in data["postal_codes"].items()
                   for short, full in names.items()},
        # "Bedford, N.H.": abbreviations written with inner full stops are no words of a run
        "dotted": regex.compile(r"(?<![\p{L}.])(" + "|".join(
            regex.escape(short) for names in data["province_abbreviations"].values()
            for short in names if "." in short) + r")\."),
        "origin_re": regex.compile(r"\b(?:" + "|".join(data["origin_cues"]) + r")\b"),
        # "Young was shot", "said Rita", "Hayes' body": a person's name
        "person_after": regex.compile(r"\G[ ]+(?:" + "|".join(data["person_words_after"]) + r")\b"),
        "person_before": regex.compile(r"\b(?:" + "|".join(data["person_words_before"]) + r")[ ]+$"),
        "possessed": regex.compile(r"\G['’]s?[ ]+(?:" + "|".join(data["possessed_by_people"]) + r")\b"),
        # "the North Zone of Rio", "the western side of Mosul": a part of the next place
        "compass_part": regex.compile(r"\G\s+(?:(?:" + "|".join(data["compass_qualifiers"])
                                      + r")\b\s*(?:of\b)?|of\b)", regex.I),
    }



def _trailing_types(text: str, pos: int) -> tuple[int, Optional[str], list[str]]:
    """Read type words ("city neighborhood", "governorate") right after `pos`."""
    types = vocab()["types"]
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
    v = vocab()
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
    v = vocab()
    out: list[Mention] = []

    def add(s: int, e: int, entries: tuple[Entry, ...]) -> None:
        tail, hint, _ = _trailing_types(text, e)
        nxt = _NEXT_WORD.match(text, max(tail, run_end))
        name = text[s:e]
        if not entries and hint in ("admin1", "admin2"):
            # "Budgam district" for Badgam: an area by a spelling the index lacks
            entries = gaz.fuzzy(name, kind=hint)
        # the whole run names the road: "Marj" of "the Bar Elias-el Marj intersection" does not;
        # so does a town before road words in the run ("the Baghdad Airport Road")
        rest = text[e:run_end].split()
        road = s == run_start and (
            (e == run_end and bool(nxt) and nxt.group(1).lower() in v["roads"])
            or (bool(rest) and all(w.lower().rstrip(".") in v["roads"] for w in rest))
            or (e == run_end and bool(v["road_pair"].match(text, e))))  # "Dhaka - Sylhet highway"
        if road:
            # "the Baalbek-Homs road" is named after the towns it joins: the first one
            entries = entries or (gaz.lookup(name.split("-")[0]) if "-" in name else ())
            entries = tuple(x for x in entries if x.kind == "city")
        # "the Meade company's office": the owner's 's does not hide the facility word
        elif name in v["abbreviations"] and text[e:e + 1] == ".":
            pass  # "Columbia, Tenn. police": the full stop ends the place's name
        elif any(_POSSESSIVE.sub("", w.lower()) in v["facilities"] for w in _words_around(text, s, e, run_end, nxt)) \
                and not v["owned"].search(text, max(0, s - 8), s):
            # "his Baghdad home" says where the home is; "the Sabriya mosque" names the mosque
            entries = ()  # "al-Hajja Sabriya mosque", "Kurdistan Democratic Party"
        if _NUMBER_AFTER.match(text, e) or _BLOCK_OF.search(text, max(0, s - 30), s):
            entries = ()  # "Mile 3 Market", "Plot 11", "the 300 block of Madison": an address
        if name.isupper() and len(name) <= 5:
            # "GNA", "NGO" are organisations; "USA" and "UP" (Uttar Pradesh) are places
            entries = tuple(x for x in entries if x.kind in ("country", "admin1"))
        elif len(name) == 3:
            # an ISO3 code is a country only in capitals: "Geo office" is not Georgia
            entries = tuple(x for x in entries
                            if not (x.kind == "country" and x.iso3 == name.upper()))
        said = normalise(name).split()
        if said[0] in v["compass"]:
            if len(said) == 1 and (_CAPITAL_NEXT.match(text, e) or s > run_start):
                return  # "Southeast Portland", "New Orleans East": a part of a place, not a region
            if (len(said) == 1 and v["compass_part"].match(text, e)) or (
                    len(said) == 2 and v["compass_part"].match(" " + said[1])) or (
                    name.lower() in _QUADRANTS and tail == e):
                entries = ()  # "the West Side", "the North Zone of Rio": a part of a place
        cue, lead_hint = _leading_context(text, s)
        capital = _CAPITAL_BEFORE.search(text[max(0, s - 40):s]) is not None
        out.append(Mention(s, e, tail, text[s:e], entries, hint or lead_hint, cue, capital,
                           road=road))

    dotted = [m for m in v["dotted"].finditer(text)
              if m.group(1) == "D.C" or _AFTER_PLACE.search(text, max(0, m.start() - 40), m.start())]
    dotted_at = [m.start() for m in dotted]
    for run in v["run"].finditer(text):
        run_start, run_end = run.start(), run.end()
        words = list(_WORD_RE.finditer(run.group()))
        if dotted:
            k = bisect_left(dotted_at, run_start)
            cut = dotted_at[k] if k < len(dotted_at) else None
            if cut is not None and cut < run_end:  # the run stops at "N.H."
                words = [w for w in words if run_start + w.end() <= cut]
                if not words:
                    continue
                run_end = run_start + words[-1].end()
        i, unknown_from = 0, None
        while i < len(words):
            found = None
            # "A New" is not the town of Änew: a function word starts no name
            starts = words[i].group().lower() not in v["not_starts"]
            for j in range(min(len(words), i + 5) if starts else i, i, -1):
                if any(w.group().endswith(".") and len(w.group()) > 3 for w in words[i:j - 1]):
                    continue  # "Mali. No casualties": a full stop ends the name ("Gustavo A. Madero" not)
                s, e = run.start() + words[i].start(), run.start() + words[j - 1].end()
                name = _POSSESSIVE.sub("", text[s:e].rstrip("."))
                e = s + len(name)
                if normalise(name) in v["not_places"] or len(key(name)) < 2:
                    continue  # "J" of "J&K" is no place
                entries: tuple[Entry, ...] = ()
                if j == i + 1 and (
                        (name in v["abbreviations"] and text[e:e + 1] == ".")
                        or (name in v["postal"] and not regex.match(r"\p{L}", text[e:e + 1])
                            and _has_province(out, *v["postal"][name])))\
                        and _AFTER_PLACE.search(text, max(0, s - 40), s):
                    entries = _province(gaz, *(v["abbreviations"].get(name) or v["postal"][name]))
                    if entries:
                        found = (s, e, entries, j, False)
                        break
                _, _, tw = _trailing_types(text, e)
                if tw and tw[0] in ("city", "town", "camp", "village"):
                    # "Sadr City" is a name of its own; try it before "Sadr". When the bare
                    # name is known too, both are read, the type word kept as a type word:
                    # "Alam town, Saladin" is Al-Alam, not the Pakistani "Alam Town"
                    entries = gaz.lookup(f"{name} {tw[0]}")
                    bare = gaz.lookup(name) if entries else ()
                    if bare:
                        entries = bare + tuple(x for x in entries if x not in bare)
                    elif entries:
                        e = _SPACE_WORD.match(text, e).end()
                entries = entries or gaz.lookup(name) or (
                    gaz.lookup(_JOINERS.sub(" ", name)) if " " in name else ()) or (
                    # "Balad Ruz" for Baladruz: one name written in two words
                    gaz.lookup(name.replace(" ", "")) if " " in name else ())
                guessed = False
                if not entries and j - i > 1 and _spelled(name, words[i + 1:j], v):
                    # "Ain al Arab" for 'Ayn al 'Arab, "Kafr Noran" for Kafr Nuran: a name of
                    # several words is distinctive enough to be looked up by spelling, before
                    # its first word alone ("Ain", "Kafr") is; without a joiner, the spellings
                    # must look alike too
                    size = len(normalise(name).split())
                    loose = v["joined"].search(name) is None
                    entries = _closest(name, [x for x in gaz.fuzzy(name, kind="city")
                                              if len(normalise(x.name).split()) == size
                                              and (not loose or _alike(name, x.name))])
                    guessed = loose
                if entries:
                    found = (s, e, entries, j, guessed)
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
            s, e, entries, j, out_guessed = found
            held = len(out)
            add(s, e, entries)
            if len(out) > held:
                out[-1].partial = _partial(run.group(), words, i, j, v)
                out[-1].guessed = out_guessed
            i = j
        if unknown_from is not None:
            add(run.start() + words[unknown_from].start(), run.start() + words[-1].end(), ())
    if dotted:
        for m in dotted:
            out.append(Mention(m.start(), m.end(), m.end(), m.group(), _province(
                gaz, *v["abbreviations"][m.group(1)])))
        out.sort(key=lambda x: x.start)
    return _joined_areas(text, gaz, out)



_JOINED = regex.compile(rf"({NAME_WORD}(?:[ ]+{NAME_WORD}){{0,2}})[ ]+(and|of the)[ ]+({NAME_WORD}(?:[ ]+{NAME_WORD}){{0,2}})")


def _joined_areas(text: str, gaz: Gazetteer, out: list[Mention]) -> list[Mention]:
    """Read a country or province whose name holds "and" or "of the" as one name, in place of
    the names it is split into: "Jammu and Kashmir", "Democratic Republic of the Congo"."""
    for m in _JOINED.finditer(text):
        left, right = m.group(1).split(), m.group(3).split()
        found = None
        for a in range(len(left)):
            for b in range(len(right), 0, -1):
                name = " ".join(left[a:] + [m.group(2)] + right[:b]).rstrip(".")
                entries = tuple(e for e in gaz.lookup(name) if e.kind in ("country", "admin1"))
                if entries:
                    found = (m.end(1) - len(" ".join(left[a:])), name, entries)
                    break
            if found:
                break
        if found is None:
            continue
        s, name, entries = found
        e = s + len(name)
        tail, hint, _ = _trailing_types(text, e)
        cue, lead_hint = _leading_context(text, s)
        at = next((i for i, x in enumerate(out) if x.tail > s), len(out))
        out[at:] = [Mention(s, e, tail, name, entries, hint or lead_hint, cue)] + [
            x for x in out[at:] if x.start >= e]
    return out



def _words_around(text: str, start: int, end: int, run_end: int, nxt) -> list[str]:
    """Return the words that may make a name a facility: the name itself when it is one word,
    the word after its run of capitalised words, the run's last word and the word right after
    the name ("Maryland Drive on Friday")."""
    found = [text[start:end]] if " " not in text[start:end] else []  # "the Sports Bar and Grill"
    found += [nxt.group(1)] if nxt else []
    found += _ANY_WORD.findall(text[start:run_end])[-1:]
    after = _ANY_WORD.match(text, end + 1) if end < run_end else None
    return found + [after.group()] if after else found


def _has_province(before: list[Mention], iso3: str, name: str) -> bool:
    """Say whether the name before a postal code can lie in its province: "Dallas, TX" can,
    "Chennai, TN" (Tamil Nadu) cannot be in Tennessee."""
    return bool(before) and any(x.iso3 == iso3 and x.admin1 == name for x in before[-1].entries)


def _province(gaz: Gazetteer, iso3: str, name: str) -> tuple[Entry, ...]:
    """Return the gazetteer's province called `name` in country `iso3` (none when it lacks it)."""
    return tuple(x for x in gaz.lookup(name) if x.kind == "admin1" and x.iso3 == iso3)[:1]


def region_entries(gaz: Gazetteer, name: str) -> tuple[Entry, ...]:
    """Return the places a dateline's region names ("Lebanon"; "Tenn." for Tennessee)."""
    short = vocab()["abbreviations"].get(name.rstrip("."))
    return _province(gaz, *short) if short else gaz.lookup(name.rstrip("."))


def _spelled(name: str, rest: list, v: dict) -> bool:
    """Say whether a name of several words may be sought by spelling: two words or more once
    folded ("Al Marawasah" is one), none after the first a type or plain word ("Sabuwa LGA")."""
    return len(normalise(name).split()) > 1 and not any(
        w.group().lower() in v["types"] or (normalise(w.group()) in v["plain_words"]
                                            and w.group().lower() not in v["joiners"])
        for w in rest)



def _alike(name: str, other: str) -> bool:
    """Say whether two spellings of a name look alike (their keys at least 0.6 similar)."""
    matcher = SequenceMatcher(None, key(name), key(other))
    # the quick ratios bound the ratio from above: most namesakes by skeleton fail on them
    return matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6 and matcher.ratio() >= 0.6



def _likeness(name: str, other: str) -> float:
    return SequenceMatcher(None, key(name), key(other)).ratio()



def _closest(name: str, hits: list[Entry]) -> tuple[Entry, ...]:
    """Return the places of `hits` spelled closest to `name` (within 0.1 of the closest)."""
    if not hits:
        return ()
    score = {x.id: _likeness(name, x.name) for x in hits}
    top = max(score.values())
    return tuple(x for x in hits if score[x.id] >= top - 0.1)



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
    admin_types = vocab()["admin1_types"] | {"district", "municipality", "countryside"}
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



def _country_context(text: str, chains: list[Chain]) -> set[str]:
    """Return the ISO3 codes of countries named (or cued by demonyms, actors) in `text`,
    with the admin1 codes ("UA.05") of the provinces an actor cued is known to fight in."""
    v = vocab()
    found = {c for m in v["cue_re"].finditer(text) for c in v["cues"][m.group(1)].split("|")}
    for c in chains:
        # a country counts when named as a place ("in Lebanon", "Belgrade, Serbia", "Ashdod,
        # Southern, Israel" past a name it does not know), not as a modifier ("the US dollar")
        for m in c.mentions:
            if m.cue or len(c.mentions) > 1 or _AFTER_COMMA.search(text, max(0, m.start - 3), m.start):
                found.update(e.iso3 for e in m.entries if e.kind == "country")
        # so does the one country whose province or district a chain names by its main
        # name: "(Nabarangpur, Odisha)" is about India, "in Muthanna province" about Iraq,
        # "(Kelbo, Soum)" about Burkina Faso
        lone = c.mentions[:1]
        for m in c.mentions[1:] + lone:
            said = normalise(m.text)
            areas = [e for e in m.entries if e.kind in ("admin1", "admin2")
                     and normalise(e.name) == said]
            provinces = {e.iso3 for e in areas if e.kind == "admin1"} or {e.iso3 for e in areas}
            if m.hint != "admin1" and m is c.mentions[0] and any(
                    e.kind == "city" and e.iso3 not in provinces and normalise(e.name) == said
                    for e in m.entries):
                continue  # "in Albuquerque": a city of that name elsewhere, not a district abroad
            if len(provinces) == 1:
                found |= provinces
    return found



def drop_partial_abroad(mentions: list[Mention], countries: set[str]) -> None:
    """Drop readings outside the article's countries of names that are part of a longer one,
    or found by spelling alone.

    "Ain al Arab" in a report on Syria is not the town of El Ain elsewhere; "Colonia
    Vallejo" in one on Mexico is not Colonia Lavalleja in Uruguay.
    """
    if not countries:
        return
    for m in mentions:
        if m.partial or m.guessed:
            m.entries = tuple(e for e in m.entries if e.iso3 in countries)
