"""The attribution vocabulary (data/cues.json) and the token-level statement record the finders share."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional



def _load(name: str) -> dict:
    """Return a vocabulary file of chronicle.data with its lists as frozensets."""
    with resources.files(__package__).joinpath("data", name).open(encoding="utf-8") as f:
        data = json.load(f)
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}


@lru_cache(maxsize=1)
def cues() -> dict:
    """Return the attribution vocabulary from data/cues.json."""
    return _load("cues.json")


@lru_cache(maxsize=1)
def filters() -> dict:
    """Return the word lists that drop found statements, from data/statement_filters.json."""
    return _load("statement_filters.json")


@lru_cache(maxsize=1)
def word_classes() -> dict:
    """Return the WordNet-derived word classes from data/word_classes.json (tools/verb_classes.py)."""
    data = _load("word_classes.json")
    return {part: {name: frozenset(words) for name, words in data[part].items()} for part in ("verbs", "nouns")}


def person_noun(tok) -> bool:
    """Tell whether a token names people: a person's name, a pronoun for one, or a noun of a person ("farmers")."""
    return tok.ent_type_ == "PERSON" or tok.lower_ in ("him", "her", "them", "us", "me", "you") \
        or tok.lemma_.lower() in word_classes()["nouns"]["person"]


def verb_class(lemma: str, name: str) -> bool:
    """Tell whether a verb lemma belongs to a WordNet class ("communication", "cognition", "emotion", "perception")."""
    return lemma in word_classes()["verbs"][name]


@dataclass
class Found:
    """A statement before speaker names are resolved: token-level pieces."""

    cue: tuple[int, int]
    content: tuple[int, int]
    kind: str
    speaker: Optional[tuple[int, int]] = None
    name_from: Optional[tuple[int, int]] = None  # a better mention of the speaker (possessor)
    via: list[tuple[int, int]] = field(default_factory=list)
    hedged: bool = False


def agentive(tok, data) -> bool:
    """Tell whether a subject is someone who can say or think (a person, body or pronoun)."""
    return (tok.lower_ in ("he", "she", "they", "we", "who") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or tok.lemma_.lower() in data["person_roles"] or tok.lemma_.lower() in data["anonymous"]
            or tok.lemma_.lower() in data["bodies"])


def is_media(tok) -> bool:
    """Tell whether a noun names a news outlet or platform."""
    words = {t.lower_ for t in tok.subtree}
    return bool(words & cues()["media"]) and tok.pos_ in ("PROPN", "NOUN")


def lemma_of(tok) -> str:
    """Return a token's lemma, mended where the lemmatiser is known to slip ("hopes" read as "hop")."""
    lemma = tok.lemma_.lower()
    fix = cues()["lemma_fixes"].get(lemma)
    return fix if fix and tok.lower_.startswith(fix) else lemma


def formula(tok, data) -> bool:
    """Tell whether a verb of saying is part of a set phrase ("having said that", "it goes without saying")."""
    doc = tok.doc
    for phrase in data["formulas"]:
        words = phrase.split()
        for k, w in enumerate(words):
            lo = tok.i - k
            if w == tok.lower_ and lo >= 0 and lo + len(words) <= len(doc) \
                    and [t.lower_ for t in doc[lo:lo + len(words)]] == words:
                return True
    return False
