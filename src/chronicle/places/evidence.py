"""Which readings of a name its context supports: people are never places, and a village that
only the WOF extract knows is taken only when the text marks the name as a place.

With 1.7 million places in the index, most personal names, common words and building
names are also the name of a village somewhere ("Tim", "Morrison", "About", "the Serail").
A name keeps such readings when a locative or type word, a larger place named with it,
or the article's country supports them.
"""
from __future__ import annotations

import regex

from ..normalise.names import lexicon
from .gazetteer import key, normalise
from .mentions import Chain, Mention, vocab

_MAIN_PLACE = 50_000  # people: a town this large is what its bare name means
_LIST_GAP = regex.compile(r"\s*(?:,|\(|\)\s*,?|,\s*\()\s*")
_IN_GAP = regex.compile(r"\s+in\s+(?:the\s+)?")
_AND = regex.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+")
_LIST_ON = regex.compile(r"[,.]?\s*,\s*\p{Lu}")  # "Beersheba, Southern, Israel"
_THE_BEFORE = regex.compile(r"\bthe\s+$", regex.I)
_LETTERS = regex.compile(r"[\p{L}-]+")
_NAMES_THEN_WORD = regex.compile(r"(?:[ ]+\p{Lu}[\p{L}'’-]*)+[ ]+([a-z-]+)")
# words that open a sentence and name no place when the parse does not read them as names
_NOT_NAME_POS = {"ADV", "ADP", "DET", "PRON", "AUX", "VERB", "SCONJ", "CCONJ", "NUM", "PART",
                 "INTJ", "ADJ"}
# locative words ("residents of") that make a name a place even when the parser took it for a person
_PLACE_PREPS = {"in", "near", "at", "outside", "around", "inside", "within", "across",
                "throughout", "nearby", "along", "towards", "between", "residents",
                "villagers", "inhabitants"}



def without_people(text: str, mentions: list[Mention], doc) -> list[Mention]:
    """Drop names that are people's: a PERSON entity of the parse ("Tim Morrison"), a name
    after a title ("spokesman Saad Maan") and that surname standing alone later; and
    names of peoples (NORP: "Fulani", "Borana").

    A PERSON entity still counts as a place after a locative preposition, before a type
    word ("in Kibanda village"), named with a larger place ("Napula (Macomia, Cabo
    Delgado)") or naming a road ("the Baalbek-Homs road"): small parsers take unknown
    village names for people. A NORP entity that is the name of a town of `_MAIN_PLACE`
    people or more is that town.
    """
    if doc is None:
        return mentions
    # peoples and communities ("clashes between Pokot and Turkana herders") are no places either
    # (but the parser takes many a town for a people: "Bobo-Dioulasso", "Kadiogo")
    people = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("PERSON", "NORP")]
    if people:
        listed = _listed(text, mentions)
        kept: list[Mention] = []
        for m in mentions:
            if (not any(s <= m.start < e or m.start <= s < m.end for s, e, _ in people)
                    or (_town(m) and not any(s <= m.start < e for s, e, lab in people if lab == "PERSON"))
                    or _after_place_prep(text, m.start) or m.tail > m.end or m.road
                    or id(m) in listed or _listed_after(text, kept, m)):
                kept.append(m)
        mentions = kept
    mentions = [m for m in mentions if not _said_as_person(text, m)]
    return without_surnames(mentions, doc)


def _said_as_person(text: str, m: Mention) -> bool:
    """Say whether the words around a name with no locative or type word make it a person's:
    "Young was shot", "Rodriguez said", "said Rita", "Hayes' body"."""
    v = vocab()
    if v["possessed"].match(text, m.end - (text[m.end - 1:m.end] in "'’")):
        return True  # "near Hayes' body" too
    return not m.cue and m.tail == m.end and bool(
        v["person_after"].match(text, m.end) or v["person_before"].search(text, max(0, m.start - 12), m.start))



def without_surnames(mentions: list[Mention], doc) -> list[Mention]:
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


def _main_readings(m: Mention) -> list:
    """Return the readings a name means by itself: a province, or a town of `_MAIN_PLACE`
    people or more, of that very name."""
    said = key(m.text)
    return [e for e in m.entries if key(e.name) == said and (
        e.kind == "admin1" or (e.kind == "city" and e.population >= _MAIN_PLACE))]


def _town(m: Mention) -> bool:
    """Say whether a name is that of a town of `_MAIN_PLACE` people or more."""
    return any(e.kind == "city" for e in _main_readings(m))


def _listed(text: str, mentions: list[Mention]) -> set[int]:
    """Return the ids of known names joined by a comma or a bracket to another known name
    ("Napula (Macomia, Cabo Delgado)"), or put in a province or district ("Qayara in
    Nineveh province"), as places are written; not by a space ("Tim Morrison")."""
    out = set()
    for a, b in zip(mentions, mentions[1:]):
        if not b.entries:
            continue
        if (a.entries and _LIST_GAP.fullmatch(text, a.tail, b.start)) or (
                b.hint in ("admin1", "admin2") and _IN_GAP.fullmatch(text, a.tail, b.start)):
            out |= {id(a), id(b)}
    # "raided Ouzal, Extreme-North, Cameroon": names listed up to a country are places, known or not
    run: list[Mention] = []
    for m in mentions:
        if run and not _LIST_GAP.fullmatch(text, run[-1].tail, m.start):
            run = []
        run.append(m)
        if len(run) > 1 and any(e.kind == "country" and key(e.name) == key(m.text) for e in m.entries):
            out |= {id(x) for x in run}
    return out



def _listed_after(text: str, kept: list[Mention], m: Mention) -> bool:
    """Say whether `m` follows a place in a list a locative word opens ("between Tikrit and
    Samarra", "in Dogbo, Azove and Lalo")."""
    prev = kept[-1] if kept else None
    return (prev is not None and bool(prev.entries) and _AND.fullmatch(text, prev.tail, m.start)
            is not None and _after_place_prep(text, prev.start))



def _after_place_prep(text: str, start: int) -> bool:
    """Say whether a locative preposition ("in", "near the village of") stands before `start`."""
    v = vocab()
    words = _LETTERS.findall(text[max(0, start - 60):start])
    for w in reversed(words):
        lw = w.lower()
        if lw in _PLACE_PREPS:
            return True
        if lw not in v["filler"]:
            return False
    return False



def weigh(text: str, chains: list[Chain], countries: set[str], doc=None) -> None:
    """Drop the readings a name's context does not support, in place.

    - A capitalised common word opening a sentence ("About", "According") is no name.
    - A lone name inside an organisation's name the parse finds, none of whose readings
      lies in the article's countries, is a word of that name ("Reserve", "Cinema").
    - A village with no population figure, only in the WOF extract, is kept for a name
      that a locative or type word introduces, or that is named with a larger place,
      or that lies in a country the article names; never for part of a longer name
      ("Kafr" of "Kafr Nassij") nor after "the" ("the Serail").
    """
    orgs = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"] if doc else []
    for chain in chains:
        single = len(chain.mentions) == 1
        for m in chain.mentions:
            if not m.entries:
                continue
            if doc is not None and _common_word(doc, m):
                m.entries = ()
                continue
            if single and countries and m.tail == m.end and not _LIST_ON.match(text, m.end) and any(
                    s <= m.start and m.end <= e for s, e in orgs) and not any(
                    e.iso3 in countries for e in m.entries):
                # "a Central Reserve Police Force camp": a word of an organisation's name, no
                # place of the article's countries (nor one spelled like it)
                m.entries, m.cue = (), False
                continue
            if not any(e.minor for e in m.entries):
                continue
            if m.partial and _run_has_type(text, m):
                m.entries = ()  # "Sana Bharandi village": the whole run names the village
                continue
            weak = m.partial or (m.tail == m.end and _THE_BEFORE.search(text, max(0, m.start - 5), m.start))
            bare = single and not m.cue and m.tail == m.end
            m.entries = tuple(e for e in m.entries if not e.minor or not (
                weak or (bare and e.iso3 not in countries)))



def _run_has_type(text: str, m: Mention) -> bool:
    """Say whether the capitalised run holding `m` goes on after it to a type word."""
    rest = _NAMES_THEN_WORD.match(text[m.end:m.end + 80])
    return rest is not None and rest.group(1) in vocab()["types"]



def _common_word(doc, m: Mention) -> bool:
    """Say whether a one-word name is a common word the parse does not read as a name."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.is_sent_start and tok.pos_ in _NOT_NAME_POS and tok.ent_type_ not in ("GPE", "LOC")



def inferred_countries(chains: list[Chain]) -> set[str]:
    """Return the country an article is about as its places say it, with the provinces it
    names there (their admin1 keys, "US.OH"): {} when unsure.

    Local news ("shot near 5th Street in Toledo, Ohio") and short conflict notes
    ("Karimganj upazila (Kishoregonj, Dhaka)") seldom name their country, and without
    one every capitalised word has a namesake abroad ("Side", "North", "Save"); the
    countries read from cue words can be such namesakes too ("South": a region of
    Cameroon). A name speaks for a country when every reading of it that is a province,
    or a town of `_MAIN_PLACE` people or more, lies there; no other country may have
    half as many names speaking for it; a name that is part of a longer one speaks for none.
    A province named so says which of a country's
    namesakes is meant ("Wayne County" in an article that names Ohio).
    """
    votes: dict[str, set[str]] = {}
    provinces: dict[str, set[str]] = {}
    compass = vocab()["compass"]
    for chain in chains:
        for m in chain.mentions:
            if m.partial or normalise(m.text) in compass:
                continue  # "David" of "David Smith", "Southwest" speak for no country
            said = key(m.text)
            main = _main_readings(m)
            if len({e.iso3 for e in main}) == 1:
                votes.setdefault(main[0].iso3, set()).add(said)
                a1s = {e.a1 for e in main if e.kind == "admin1" and e.a1}
                if len(a1s) == 1:
                    provinces.setdefault(main[0].iso3, set()).update(a1s)
    ranked = sorted(((len(v), c) for c, v in votes.items()), reverse=True)
    if not ranked or (len(ranked) > 1 and 2 * ranked[1][0] >= ranked[0][0]):
        return set()
    return {ranked[0][1]} | provinces.get(ranked[0][1], set())
