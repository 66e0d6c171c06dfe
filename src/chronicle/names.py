"""Names: describe an actor mention (name, kind, country, role) and merge the
mentions of one actor within an article under one canonical name.

The vocabularies live in data/actors.json (known groups and kind words),
data/demonyms.json (demonyms and country words -> ISO3) and data/titles.json.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .records import Actor, Article

DATA = Path(__file__).resolve().parent / "data"
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
PARTICLES = {"al", "el", "ad", "as", "ash", "an", "ar", "bin", "ibn", "bint", "abd", "abdul", "de", "da", "van", "von", "der"}
PERSON_PRONOUNS = {"he", "him", "she", "her"}
GROUP_PRONOUNS = {"they", "them"}
QUOTES = "'\u2019`\u2018"


@dataclass
class Lexicon:
    """The loaded vocabularies, keyed for fast look-up."""

    groups: list[dict]
    alias_re: re.Pattern
    alias_to_group: dict[str, dict]
    kind_of: dict[str, str]
    demonyms: dict[str, str]
    titles: list[tuple[str, dict]]  # (words, entry), longest words first
    instruments: set[str]
    generic_groups: set[str]
    frames: dict[str, set[str]]


def _norm(s: str) -> str:
    """Lower-case `s`, unify apostrophes and dashes, squeeze spaces."""
    s = s.lower()
    for q in QUOTES:
        s = s.replace(q, "'")
    return re.sub(r"\s+", " ", s.replace("\u2013", "-").replace("\u2014", "-")).strip()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the actor, demonym and title vocabularies once; return them."""
    actors = json.loads((DATA / "actors.json").read_text(encoding="utf-8"))
    demonyms = json.loads((DATA / "demonyms.json").read_text(encoding="utf-8"))
    titles = json.loads((DATA / "titles.json").read_text(encoding="utf-8"))["titles"]
    alias_to_group: dict[str, dict] = {}
    case_aliases, plain_aliases = [], []
    for g in actors["groups"]:
        for a in g["aliases"]:
            key = _norm(a)
            alias_to_group[key] = g
            # short all-capital forms (IS, UN) must keep their case: "is" is a verb
            (case_aliases if a.isupper() and len(a) <= 3 else plain_aliases).append(a)
    parts = [re.escape(_norm(a)).replace("'", "['\u2019]?") for a in sorted(plain_aliases, key=len, reverse=True)]
    cased = [re.escape(a) for a in sorted(case_aliases, key=len, reverse=True)]
    alias_re = re.compile(
        r"(?<![\w-])(?:(?i:%s)|%s)(?![\w-])" % ("|".join(parts), "|".join(cased)))
    kind_of: dict[str, str] = {}
    for kind, words in actors["kind_words"].items():
        for w in words:
            kind_of.setdefault(w, kind)
    entries = sorted(((_norm(w), t) for t in titles for w in t["words"]), key=lambda x: -len(x[0]))
    frames = {k: set(v) for k, v in actors["frames"].items() if not k.startswith("_")}
    return Lexicon(actors["groups"], alias_re, alias_to_group, kind_of, demonyms, entries,
                   set(actors["instrument_words"]), set(actors["generic_group_words"]), frames)


def known_group(text: str) -> Optional[tuple[int, int, dict]]:
    """Return (start, end, group) of the longest known group alias in `text`, or None."""
    lex = lexicon()
    best = None
    for m in lex.alias_re.finditer(text):
        g = lex.alias_to_group.get(_norm(m.group(0)).replace("\u2019", "'"))
        if g is None:
            g = lex.alias_to_group.get(_norm(m.group(0)).replace("'", ""))
        if g is not None and (best is None or m.end() - m.start() > best[1] - best[0]):
            best = (m.start(), m.end(), g)
    return best


def group_spans(text: str) -> list[tuple[int, int, dict]]:
    """Return every known group alias in `text` as (start, end, group), left to right."""
    lex = lexicon()
    out = []
    for m in lex.alias_re.finditer(text):
        g = lex.alias_to_group.get(_norm(m.group(0)))
        if g is None:
            g = next((v for k, v in lex.alias_to_group.items()
                      if k.replace("'", "") == _norm(m.group(0)).replace("'", "")), None)
        if g is not None:
            out.append((m.start(), m.end(), g))
    return out


def country_of_word(word: str) -> Optional[str]:
    """Return the ISO3 code a demonym or country word stands for ("Iraqi" -> IRQ), or None."""
    d = lexicon().demonyms
    w = re.sub(r"['\u2019]s$", "", word.strip())
    if w in d:
        return d[w]
    if w.isupper() and len(w) <= 3:  # "US" and "UK", never the pronoun "us"
        return None
    return d.get(w.lower())


def country_in(text: str) -> Optional[str]:
    """Return the ISO3 code of the first demonym or country word in `text`, or None."""
    words = re.findall(r"[A-Z][\w.\-]*(?:\s+[A-Z][\w\-]*)?", text)
    for w in words:
        for cand in (w, w.split()[0]):
            iso = country_of_word(cand.rstrip("."))
            if iso:
                return iso
    return None


def title_at(words: str) -> Optional[tuple[str, dict]]:
    """Return (matched words, title entry) when `words` starts with a known title, else None."""
    n = _norm(words)
    for w, entry in lexicon().titles:
        if n == w or n.startswith(w + " "):
            return w, entry
    return None


def title_of(words: str) -> Optional[dict]:
    """Return the title entry for `words` that are only a title ("spokesman"), else None."""
    n = _norm(words)
    return next((e for w, e in lexicon().titles if n == w), None)


def kind_of_head(lemma: str, prev_lemma: str = "") -> Optional[str]:
    """Return the kind named by a head noun's lemma (two-word forms first), or None."""
    k = lexicon().kind_of
    low = lemma.lower()
    singular = re.sub(r"(?<=[^s])s$", "", low)
    two = f"{prev_lemma} {low}".strip().lower()
    return k.get(two) or k.get(low) or k.get(singular)


def strip_title(text: str) -> tuple[str, Optional[str], Optional[str]]:
    """Split "Iraqi Prime Minister Mustafa Al-Kadhimi" into (name, role, ISO3)."""
    words = text.split()
    role = country = None
    while words:
        w = words[0]
        if w.lower() in DETERMINERS:
            words = words[1:]
            continue
        iso = country_of_word(w)
        if iso and len(words) > 1:
            country = country or iso
            words = words[1:]
            continue
        hit = title_at(" ".join(words))
        if hit and len(hit[0].split()) < len(words):
            role = role or hit[1]["role"]
            words = words[len(hit[0].split()):]
            continue
        break
    return " ".join(words), role, country


# ------------------------------------------------------------------ merging

def _name_tokens(name: str) -> list[str]:
    """Lower-cased name words without particles: "Al-Kadhimi" -> ["kadhimi"]."""
    s = _norm(name).replace("'", "")
    toks = re.findall(r"[^\W_]+", s)
    return [t for t in toks if t not in PARTICLES] or toks


def _near(a: str, b: str) -> bool:
    """True when two name words are one typo apart ("kadhim", "kadhimi")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.85


def same_person(short: list[str], full: list[str]) -> bool:
    """True when every word of the shorter name matches a word of the longer one."""
    if not short or not full or len(short) > len(full):
        return False
    return all(any(_near(s, f) for f in full) for s in short) and _near(short[-1], full[-1])


def _mentions(article: Article) -> list[Actor]:
    """Every actor mention of the article's events and statements."""
    out: list[Actor] = []
    for e in article.events:
        out += e.actors + e.targets
    for s in article.statements:
        if s.speaker is not None:
            out.append(s.speaker)
        out += s.via
    return out


def _acronyms(text: str) -> dict[str, str]:
    """Map acronyms defined in parentheses ("Kurdish Regional Government (KRG)") to the long form."""
    out = {}
    for m in re.finditer(r"((?:[A-Z][\w'\u2019\-]*\s+(?:(?:of|the|and|for|in|de|al)\s+)*){1,8})\(([A-Z][A-Za-z]{1,7})\)", text):
        words = m.group(1).split()
        acr = m.group(2)
        caps = [w for w in words if w[0].isupper()]
        # keep the shortest tail of capitalised words whose initials spell the acronym
        for i in range(len(words)):
            tail = [w for w in words[i:] if w[0].isupper()]
            initials = "".join(w[0] for w in tail).upper()
            if initials == acr.upper() or (len(tail) >= 2 and acr.upper().startswith(initials[:2]) and i == 0 and len(caps) >= len(acr) - 1):
                out[acr] = " ".join(words[i:])
                break
    return out


@dataclass
class _Person:
    name: str
    tokens: list[str]
    roles: set
    country: Optional[str]
    start: int


def _roster(article: Article) -> list[_Person]:
    """People the article names, with the titles written before their names."""
    doc = article.doc
    people: list[_Person] = []
    ents = [e for e in doc.ents if e.label_ == "PERSON"] if doc is not None else []
    for ent in ents:
        text = ent.text
        name, role, country = strip_title(text)
        roles = {role} if role else set()
        # titles just before the entity: "Iraqi Prime Minister Mustafa Al-Kadhimi"
        lo = ent.start
        while lo > ent.sent.start and doc[lo - 1].pos_ in ("PROPN", "ADJ", "NOUN", "PUNCT") and lo > ent.start - 5:
            lo -= 1
        prefix = doc[lo:ent.start].text
        for k in range(len(prefix.split())):
            rest = " ".join(prefix.split()[k:])
            hit = title_at(rest)
            if hit and _norm(rest) == hit[0]:
                roles.add(hit[1]["role"])
                country = country or country_in(" ".join(prefix.split()[:k]))
                break
        toks = _name_tokens(name)
        if toks and not title_of(name):
            people.append(_Person(name, toks, roles, country, ent.start_char))
    return people


def _person_clusters(people: list[_Person]) -> list[_Person]:
    """Merge the roster into one entry per person, keyed by the longest full name."""
    merged: list[_Person] = []
    for p in sorted(people, key=lambda p: (-len(p.tokens), p.start)):
        home = next((m for m in merged if same_person(p.tokens, m.tokens)), None)
        if home is None:
            merged.append(_Person(p.name, p.tokens, set(p.roles), p.country, p.start))
        else:
            home.roles |= p.roles
            home.country = home.country or p.country
            home.start = min(home.start, p.start)
    return merged


def _resolve_role(actor: Actor, people: list[_Person]) -> Optional[_Person]:
    """The one person of the article holding the role a mention names ("the Prime Minister")."""
    name, role, country = strip_title(actor.text)
    hit = title_of(name) if name else None
    if hit is None:
        hit = title_at(name) if name and len(name.split()) <= 3 else None
        hit = hit[1] if hit else None
    if hit is None:
        return None
    if hit.get("stands_for_head"):
        heads = {e["role"] for _, e in lexicon().titles if e.get("head")}
        fits = [p for p in people if p.roles & heads]
    else:
        fits = [p for p in people if hit["role"] in p.roles]
    country = country or actor.country
    if country:
        fits = [p for p in fits if p.country in (None, country)]
    return fits[0] if len(fits) == 1 else None


def _nearest_before(actor: Actor, candidates: list[tuple[int, str]], window: int) -> Optional[str]:
    """The single distinct name among `candidates` (start, name) in the window before `actor`."""
    names = {n for s, n in candidates if actor.start - window <= s < actor.start}
    return names.pop() if len(names) == 1 else None


def canonicalise(article: Article) -> None:
    """Set a canonical `name` on every actor mention of the article."""
    mentions = _mentions(article)
    if not mentions:
        return
    people = _person_clusters(_roster(article) + [
        _Person(*strip_title(a.text)[:1], _name_tokens(strip_title(a.text)[0]), {a.role} if a.role else set(),
                a.country, a.start)
        for a in mentions if a.kind == "person" and strip_title(a.text)[0]
        and not title_of(strip_title(a.text)[0])])
    acronyms = _acronyms(article.text)
    long_forms = {_norm(v): v for v in acronyms.values()}
    person_at: list[tuple[int, str]] = []
    group_at: list[tuple[int, str]] = []
    pending: list[Actor] = []
    for a in sorted(mentions, key=lambda a: a.start):
        low = _norm(a.text)
        if low in PERSON_PRONOUNS | GROUP_PRONOUNS:
            pending.append(a)
            continue
        g = known_group(a.text)
        if g is not None:
            a.name = g[2]["name"]
            a.kind = a.kind or g[2]["kind"]
            a.country = a.country or g[2].get("country")
        elif a.text.strip() in acronyms or (a.name or "").strip() in acronyms:
            a.name = acronyms.get(a.text.strip()) or acronyms[(a.name or "").strip()]
        elif re.sub(r"\s*\([^)]*\)\s*$", "", _norm(a.text)) in long_forms or re.search(r"\([A-Z]{2,8}\)\s*$", a.text):
            a.name = re.sub(r"^(the|a|an)\s+", "", re.sub(r"\s*\([^)]*\)\s*$", "", a.text.strip()), flags=re.I)
        else:
            bare, role, country = strip_title(a.text)
            a.role = a.role or role
            a.country = a.country or country
            person = None
            if a.kind == "person" or (bare and bare[:1].isupper() and not title_of(bare)):
                toks = _name_tokens(bare)
                person = next((p for p in people if same_person(toks, p.tokens)), None)
            if person is None and (title_of(bare) or (title_at(bare) and len(bare.split()) <= 3)):
                person = _resolve_role(a, people)
            if person is not None:
                a.name = person.name
                a.kind = "person"
                a.role = a.role or (sorted(person.roles)[0] if person.roles else None)
                a.country = a.country or person.country
            elif _norm(a.text) in lexicon().generic_groups or _norm(bare) in lexicon().generic_groups:
                a.name = None  # settled below, once every group of the article is known
                pending.append(a)
                continue
            else:
                a.name = re.sub(r"^(the|a|an)\s+", "", a.text.strip(), flags=re.I)
        if a.kind == "person":
            person_at.append((a.start, a.name))
        elif a.name:
            group_at.append((a.start, a.name))
    # groups of the article: known aliases anywhere in the text, and named mentions
    armed = {g["name"] for _, _, g in group_spans(article.text) if g["kind"] in ("rebels", "militia")}
    for a in pending:
        low = _norm(a.text)
        if low in PERSON_PRONOUNS:
            a.name = _nearest_before(a, person_at + [(p.start, p.name) for p in people], 400)
            if a.name:
                a.kind = "person"
        elif low in GROUP_PRONOUNS:
            a.name = _nearest_before(a, group_at, 300)
        elif len(armed) == 1:
            a.name = armed.pop()
            armed.add(a.name)
            a.kind = a.kind or "rebels"
        else:
            a.name = re.sub(r"^(the|a|an)\s+", "", a.text.strip(), flags=re.I)
