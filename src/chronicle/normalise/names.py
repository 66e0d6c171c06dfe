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

from ..records import Actor, Article

DATA = Path(__file__).resolve().parent / "data"
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
PARTICLES = {"al", "el", "ad", "as", "ash", "an", "ar", "bin", "ibn", "bint", "abd", "abdul", "de", "da", "van", "von", "der"}
PERSON_PRONOUNS = {"he", "him", "she", "her"}
GROUP_PRONOUNS = {"they", "them", "it"}
MAX_PEOPLE = 400  # PERSON names read per article; more is a list, not a story, and merging is quadratic
GROUP_KINDS = {"military", "police", "rebels", "militia", "government", "organization", "protesters",
               "civilians", "unknown"}
QUOTES = "'\u2019`\u2018"
_FOLD, _SPACES = str.maketrans({q: "'" for q in QUOTES} | {"\u2013": "-", "\u2014": "-"}), re.compile(r"\s+")


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


@lru_cache(maxsize=65_536)  # asked again and again of the same few words
def _norm(s: str) -> str:
    """Lower-case `s`, unify apostrophes and dashes, squeeze spaces."""
    return _SPACES.sub(" ", s.lower().translate(_FOLD)).strip()


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


@lru_cache(maxsize=16_384)
def known_group(text: str) -> Optional[tuple[int, int, dict]]:
    """Return (start, end, group) of the longest known group alias in `text`, or None."""
    spans = group_spans.__wrapped__(text)  # not kept twice: this one has its own cache
    return max(spans, key=lambda x: x[1] - x[0]) if spans else None


@lru_cache(maxsize=1)
def _loose_aliases() -> dict[str, dict]:
    """Aliases keyed without apostrophes, for spellings like "Kataib" and "Kata'ib"."""
    return {k.replace("'", ""): v for k, v in lexicon().alias_to_group.items()}


@lru_cache(maxsize=8)  # an article's whole text is read for its arguments and for its names
def group_spans(text: str) -> tuple[tuple[int, int, dict], ...]:
    """Return every known group alias in `text` as (start, end, group), left to right."""
    lex, out = lexicon(), []
    for m in lex.alias_re.finditer(text):
        key = _norm(m.group(0))
        g = lex.alias_to_group.get(key) or _loose_aliases().get(key.replace("'", ""))
        if g is not None:
            out.append((m.start(), m.end(), g))
    return tuple(out)


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


@lru_cache(maxsize=1)
def _title_index() -> dict[str, dict]:
    return {w: e for w, e in reversed(lexicon().titles)}


@lru_cache(maxsize=16384)
def title_at(words: str) -> Optional[tuple[str, dict]]:
    """Return (matched words, title entry) when `words` starts with a known title, else None."""
    idx = _title_index()
    parts = _norm(words).split(" ")
    for k in range(min(4, len(parts)), 0, -1):
        w = " ".join(parts[:k])
        if w in idx:
            return w, idx[w]
    return None


def title_of(words: str) -> Optional[dict]:
    """Return the title entry for `words` that are only a title ("spokesman"), else None."""
    return _title_index().get(_norm(words))


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


@lru_cache(maxsize=65536)
def _near(a: str, b: str) -> bool:
    """True when two name words are one typo apart ("kadhim", "kadhimi")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 2 or a[0] != b[0]:
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
        # the longest run of words, starting on a capital, whose initials spell the acronym
        for i in range(len(words)):
            if not words[i][0].isupper():
                continue
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
    starts: list


POSSESSIVE = re.compile(r"['\u2019]s?$")


def _clean_name(name: str) -> str:
    """Drop a possessive ending and surrounding punctuation from a name."""
    return POSSESSIVE.sub("", name.strip()).strip(" ,.-\u2013\u2014\"")


def _title_before(prefix: str) -> tuple[Optional[str], Optional[str]]:
    """(role, ISO3) from the words before a name: the title nearest the name wins."""
    words = prefix.split()
    role = None
    for k in range(len(words)):
        hit = title_at(" ".join(words[k:]))
        if hit and len(hit[0].split()) == len(words) - k:
            role = hit[1]["role"]
            break
    if role is None:
        for k in range(len(words) - 1, -1, -1):
            hit = title_of(re.sub(r"['\u2019]s$", "", words[k]))
            if hit:
                role = hit["role"]
                break
    return role, country_in(prefix)


def _after_titles(text: str) -> tuple[str, str]:
    """Split an over-long PERSON span at its last title or possessive:
    "State Department's spokesman Ned Price" -> ("State Department's spokesman", "Ned Price")."""
    words = _clean_name(text).split()
    cut = 0
    for k, w in enumerate(words[:-1]):
        if title_of(w.rstrip(",")) or re.search(r"['\u2019]s$", w) or title_at(" ".join(words[k:k + 2])) and \
                len(title_at(" ".join(words[k:k + 2]))[0].split()) == 2:
            cut = k + 1 + (1 if title_at(" ".join(words[k:k + 2])) and not title_of(w.rstrip(",")) and
                           len(title_at(" ".join(words[k:k + 2]))[0].split()) == 2 else 0)
    return " ".join(words[:cut]), " ".join(words[cut:])


@lru_cache(maxsize=8)
def _persons_of(doc) -> tuple:
    """The PERSON entities of a Doc, read once (Doc.ents is rebuilt on every access)."""
    return tuple(e for e in doc.ents if e.label_ == "PERSON") if doc is not None else ()


def _person_in(doc, start: int, end: int):
    """The PERSON entity a mention ends with or is about, or None."""
    inside = [e for e in _persons_of(doc) if start <= e.start_char and e.end_char <= end]
    return inside[-1] if inside else None


def _roster(article: Article) -> list[_Person]:
    """Every PERSON mention of the article, with the titles written just before it."""
    doc = article.doc
    people: list[_Person] = []
    for ent in _persons_of(doc)[:MAX_PEOPLE]:
        head, name = _after_titles(ent.text)
        name, role, country = strip_title(name)
        if head:
            r0, c0 = _title_before(head)
            role, country = role or r0, country or c0
        lo = ent.start
        while lo > ent.sent.start and lo > ent.start - 6 and (doc[lo - 1].pos_ in ("PROPN", "ADJ", "NOUN", "PART") or doc[lo - 1].text == "-"):
            lo -= 1
        r2, c2 = _title_before(doc[lo:ent.start].text)
        roles = {x for x in (role, r2) if x}
        toks = _name_tokens(name)
        if toks and not title_of(name) and not known_group(name):
            people.append(_Person(name, toks, roles, country or c2, [ent.start_char]))
    return people


def _person_clusters(people: list[_Person]) -> list[_Person]:
    """Merge the roster into one entry per person, keyed by the longest full name."""
    merged: list[_Person] = []
    for p in sorted(people, key=lambda p: (-len(p.tokens), p.starts[0])):
        home = next((m for m in merged if same_person(p.tokens, m.tokens)), None)
        if home is None:
            merged.append(_Person(p.name, p.tokens, set(p.roles), p.country, list(p.starts)))
        else:
            home.roles |= p.roles
            home.country = home.country or p.country
            home.starts += p.starts
    return merged


def _resolve_role(bare: str, country: Optional[str], people: list[_Person]) -> Optional[_Person]:
    """The one person of the article holding the role a mention names ("the Prime Minister")."""
    hit = title_of(bare)
    if hit is None:
        return None
    if hit.get("stands_for_head"):
        heads = {e["role"] for _, e in lexicon().titles if e.get("head")}
        fits = [p for p in people if p.roles & heads]
    else:
        fits = [p for p in people if hit["role"] in p.roles]
    if country:
        fits = [p for p in fits if p.country in (None, country)]
    return fits[0] if len(fits) == 1 else None


def _pronoun_name(a: Actor, article: Article, candidates: list[tuple[int, str]]) -> Optional[str]:
    """The one name mentioned from the previous sentence up to a pronoun, else None."""
    lo = a.start - 300
    if article.doc is not None:
        sents = [s for s in article.doc.sents if s.start_char <= a.start]
        if sents:
            lo = sents[-2].start_char if len(sents) > 1 else sents[-1].start_char
    names_ = {n for s, n in candidates if lo <= s < a.start and n}
    if len(names_) == 1:
        return names_.pop()
    # otherwise the nearest one when it sits in the pronoun's own sentence
    return None


def _org_head(bare: str, orgs: dict[str, str]) -> Optional[str]:
    """ "the league" -> "Arab League" when exactly one organisation of the article ends in that word."""
    if " " in bare or not bare.islower():
        return None
    fits = {v for k, v in orgs.items() if k.split()[-1] == bare.lower() and " " in k}
    return fits.pop() if len(fits) == 1 else None


def _name_person(a: Actor, article: Article, people: list[_Person]) -> bool:
    """Name a mention after a person of the article when it is one; return True if it was."""
    ent = _person_in(article.doc, a.start, a.end)
    bare, role, country = strip_title(_clean_name(a.text))
    g = known_group(a.text)
    if g is not None and (ent is None or g[0] <= ent.start_char - a.start < g[1] or
                          g[1] >= len(_clean_name(a.text)) - 1):
        return False  # the group is the head: "Islamic State of Iraq and the Levant"
    if ent is not None and not known_group(ent.text):
        head, name = _after_titles(ent.text)
        name = strip_title(name)[0]
        r2, c2 = _title_before((article.text[a.start:ent.start_char] + " " + head).strip())
        role, country = r2 or role, c2 or country
    elif bare[:1].isupper() and not title_at(bare) and not known_group(bare) and not country_of_word(bare) and (
            a.kind == "person" or any(same_person(_name_tokens(bare), p.tokens) for p in people)):
        name = bare
    else:
        name = None
    person = None
    if name:
        toks = _name_tokens(name)
        person = next((p for p in people if same_person(toks, p.tokens)), None)
    elif title_of(bare) or title_of(re.sub(r"^(the|a|an)\s+", "", bare, flags=re.I)):
        person = _resolve_role(re.sub(r"^(the|a|an)\s+", "", bare, flags=re.I), country or a.country, people)
        role = role or (title_of(bare) or {}).get("role")
    if person is None and not name:
        return False
    a.name = person.name if person else name
    a.kind = "person"
    a.role = role or a.role or (sorted(person.roles)[0] if person and person.roles else None)
    a.country = country or a.country or (person.country if person else None)
    return True


def canonicalise(article: Article) -> None:
    """Set a canonical `name` on every actor mention of the article."""
    mentions = _mentions(article)
    if not mentions:
        return
    people = _person_clusters(_roster(article) + [
        _Person(n, _name_tokens(n), set(), None, [a.start]) for a in mentions
        for n in [strip_title(_clean_name(a.text))[0]]
        if a.kind == "person" and n[:1].isupper() and not title_at(n) and not known_group(n)
        and _person_in(article.doc, a.start, a.end) is None])
    acronyms = _acronyms(article.text)
    orgs: dict[str, str] = {_norm(v): v for v in acronyms.values()}
    if article.doc is not None:
        for e in article.doc.ents:
            if e.label_ == "ORG":
                g = known_group(e.text)
                full = g[2]["name"] if g else re.sub(r"^(the)\s+", "", _clean_name(e.text), flags=re.I)
                orgs.setdefault(_norm(full), full)
    person_at = [(s, p.name) for p in people for s in p.starts]
    group_at: list[tuple[int, str]] = []
    pending: list[Actor] = []
    for a in sorted(mentions, key=lambda a: a.start):
        low = _norm(a.text)
        bare = re.sub(r"^(the|a|an)\s+", "", _clean_name(a.text), flags=re.I)
        title = title_at(bare)
        g = known_group(a.text)
        if low in PERSON_PRONOUNS | GROUP_PRONOUNS:
            if a.name is None or _norm(a.name) == low:
                pending.append(a)  # a name already given was read off the parse ("the army said it ...")
            continue
        if title and re.match(r"^%s\s+of\s+" % re.escape(title[0]), _norm(bare)):
            # "the President of the Kurdish Regional Government": a person known by office
            a.name, a.role, a.kind = re.sub(r"\s*\([^)]*\)$", "", bare), title[1]["role"], "person"
            if g is not None:
                a.country = a.country or g[2].get("country")
        elif _name_person(a, article, people):
            pass
        elif g is not None:
            a.name = g[2]["name"]
            a.kind = a.kind if a.kind not in (None, "organization", "person") else g[2]["kind"]
            a.country = a.country or g[2].get("country")
        elif bare in acronyms:
            a.name = acronyms[bare]
        elif re.search(r"\([A-Z]{2,8}\)$", bare):
            a.name = re.sub(r"\s*\([^)]*\)$", "", bare)
        elif _norm(a.text) in lexicon().generic_groups or _norm(bare) in lexicon().generic_groups:
            pending.append(a)
            continue
        else:
            head_of = _org_head(bare, orgs)
            a.name = head_of or bare
            if head_of and a.kind in (None, "government"):
                g2 = known_group(head_of)
                a.kind = g2[2]["kind"] if g2 else "organization"
            a.country = a.country or country_in(bare)
        if a.kind == "person":
            person_at.append((a.start, a.name))
        elif a.name and (a.kind in GROUP_KINDS or g is not None):
            group_at.append((a.start, a.name))
    armed = {g["name"] for _, _, g in group_spans(article.text) if g["kind"] in ("rebels", "militia")}
    for a in pending:
        low = _norm(a.text)
        if low in PERSON_PRONOUNS:
            a.name = _pronoun_name(a, article, person_at)
            a.kind = "person"
            who = next((p for p in people if p.name == a.name), None) if a.name else None
            if who is not None:
                a.country = a.country or who.country
                a.role = a.role or (sorted(who.roles)[0] if who.roles else None)
        elif low in GROUP_PRONOUNS:
            a.name = _pronoun_name(a, article, group_at)
        elif len(armed) == 1:
            a.name = next(iter(armed))
            a.kind = a.kind or "rebels"
        else:
            a.name = re.sub(r"^(the|a|an)\s+", "", a.text.strip(), flags=re.I)
    for e in article.events:  # a pronoun that stands for no one the text names is no actor: the slot stays empty
        e.actors = [a for a in e.actors if a.name or _norm(a.text) not in PERSON_PRONOUNS | GROUP_PRONOUNS]
        e.targets = [a for a in e.targets if a.name or _norm(a.text) not in PERSON_PRONOUNS | GROUP_PRONOUNS]
    _merge_by_country(mentions)


def _merge_by_country(mentions: list[Actor]) -> None:
    """Give "Iraq's military" and "the Iraqi military" one name: same country, same head word."""
    forms: dict[tuple[str, str], list[Actor]] = {}
    for a in mentions:
        if a.kind == "person" or not a.name or not a.country or known_group(a.name):
            continue
        words = _clean_name(a.name).split()
        rest = [w for w in words if country_of_word(w) != a.country]
        if len(rest) == 1 and len(words) == 2:
            forms.setdefault((a.country, rest[0].lower()), []).append(a)
    for group in forms.values():
        best = min((a.name for a in group), key=lambda n: (bool(re.search(r"['\u2019]s\b", n)), -len(n)))
        for a in group:
            a.name = best
