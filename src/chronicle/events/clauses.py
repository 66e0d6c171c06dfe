"""The clause around a trigger, and the words in a stretch of text: helpers that event
detection and event coding both read."""
from __future__ import annotations

import re
from functools import lru_cache

from ..parse.docs import doc_text
from . import ontology

DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _compound_part(t, lem: str, low: str) -> bool:
    """True for a word that is only part of another thing's name: "grenade launchers" fire like
    artillery, "anti-aircraft" guns are no aircraft, "infantry fighting vehicles" are no fighting."""
    doc = t.doc
    if lem == "grenade":
        return t.i + 1 < len(doc) and doc[t.i + 1].lemma_.lower() == "launcher"
    if low == "aircraft":
        return t.i >= 1 and "anti" in doc[max(0, t.i - 2):t.i].text.lower()
    if low == "fighting":
        return t.i + 1 < len(doc) and doc[t.i + 1].lemma_.lower() == "vehicle"
    return False


def sentence_text(sent) -> str:
    """Return a sentence's text as a slice of its doc's text, which is joined once per doc (Span.text and
    Doc.text build every Token)."""
    return doc_text(sent.doc)[sent.start_char:sent.end_char]


def doc_words(doc) -> tuple:
    """Return, once per doc, each token's (lemma, word, lemma:POS, kept in sequences, kept in sets)."""
    info = doc.user_data.get("chronicle_words")
    if info is None:
        info = []
        for t in doc:
            lem, low = t.lemma_.lower(), t.lower_
            # "24 March", "in May": a date, never a march or a modal
            seq = not t.is_space and not (low in MONTHS and t.text[:1].isupper() and t.i > 0)
            info.append((lem, low, f"{lem}:{t.pos_}", seq, seq and not _compound_part(t, lem, low)))
        info = doc.user_data["chronicle_words"] = tuple(info)
    return info


@lru_cache(maxsize=4096)
def _split(words) -> tuple[frozenset, frozenset, tuple]:
    """Return cue `words` split into single words, lemma:POS pairs and padded phrases."""
    words = frozenset(words)
    return (frozenset(w for w in words if ":" not in w and " " not in w),
            frozenset(w for w in words if ":" in w),
            tuple(f" {w} " for w in words if " " in w and ":" not in w))


class Bag:
    """Words of a stretch of text, for cue look-ups by lemma, word or phrase."""

    def __init__(self, tokens, doc=None):
        """Build from tokens, or from token indexes of `doc` (no Token objects made)."""
        if doc is None:
            tokens = list(tokens)
            doc = tokens[0].doc if tokens else None
            idx = [t.i for t in tokens]
        else:
            idx = tokens
        info = doc_words(doc) if doc is not None else ()
        rows = [info[i] for i in idx if info[i][3]]
        self.lemma_text = " " + " ".join(r[0] for r in rows) + " "
        self.word_text = " " + " ".join(r[1] for r in rows) + " "
        kept = [r for r in rows if r[4]]
        self.lemmas = {r[0] for r in kept}
        self.words = {r[1] for r in kept}
        self.tagged = {r[2] for r in kept}

    @staticmethod
    def of_doc(doc) -> "Bag":
        """Return the Bag of a whole parsed text, built once per doc."""
        bag = doc.user_data.get("chronicle_bag")
        if bag is None:
            bag = doc.user_data["chronicle_bag"] = Bag(range(len(doc)), doc)
        return bag

    @staticmethod
    def of_span(span) -> "Bag":
        """Return the Bag of a sentence or other span."""
        return Bag(range(span.start, span.end), span.doc)

    def has_any(self, words) -> bool:
        """Return True when any cue word or phrase of `words` occurs."""
        singles, tagged, phrases = _split(words if isinstance(words, (frozenset, tuple)) else tuple(words))
        return (not singles.isdisjoint(self.lemmas) or not singles.isdisjoint(self.words)
                or not tagged.isdisjoint(self.tagged)
                or any(p in self.lemma_text or p in self.word_text for p in phrases))

    def has(self, w: str) -> bool:
        """Return True when cue `w` (a word, `lemma:POS`, or a phrase) occurs."""
        if ":" in w:
            return w in self.tagged
        if " " in w:
            return f" {w} " in self.lemma_text or f" {w} " in self.word_text
        return w in self.lemmas or w in self.words

    def cue(self, name: str) -> bool:
        """Return True when any word of ontology cue list `name` occurs."""
        return self.has_any(ontology.cue(name))


def is_definite(head) -> bool:
    """Return True for a noun mention with a definite determiner or possessive ("the attack", "its attacks")."""
    return head.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in head.children)


# what a protest is against, or what it demands, is not what happened at it
ASIDE_PREPS = {"against", "over", "about", "regarding", "following", "after", "amid", "despite", "for", "of", "since"}
ASIDE_VERBS = {"demand", "call", "ask", "denounce", "condemn", "protest", "oppose", "express", "claim", "accuse"}


def aside_tokens(tok) -> set[int]:
    """Return indexes of tokens in what-it-is-about phrases under `tok` ("against the arrest of ...")."""
    out: set[int] = set()
    for c in tok.children:
        if (c.dep_ == "prep" and c.lower_ in ASIDE_PREPS) or (
                c.dep_ in ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl") and c.lemma_.lower() in ASIDE_VERBS) or (
                c.dep_ == "dobj" and tok.lemma_.lower() in ASIDE_VERBS):
            out.update(t.i for t in c.subtree)
    return out


def clause_tokens(head) -> list:
    """Return the tokens of the clause the trigger stands in, without its what-about phrases (once per token)."""
    cache = head.doc.user_data.setdefault("chronicle_clauses", {})
    if head.i not in cache:
        cache[head.i] = _clause_tokens(head)
    return cache[head.i]


def _clause_tokens(head) -> list:
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    skip: set[int] = set()
    for t in verb.subtree:
        if t.i not in skip:
            skip |= aside_tokens(t)
    return [t for t in verb.subtree if t.i not in skip]


BACKGROUND_PREPS = {"amid", "amidst", "following", "after", "over", "despite", "since"}
JOINING = {"join", "attend", "participate", "return", "support"}


def in_background(head) -> bool:
    """Return True for an event noun that only sets the scene of another act: the object of "amid",
    "following", "after", "over" ("attacked amid ongoing demonstrations"), modified by "ongoing",
    or what people went to or came back from ("on their way to join the rally")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.lemma_.lower() in ontology.cue("background_frame") for c in head.children if c.dep_ in ("amod", "advmod")):
        return True
    tok = head
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_PREPS:
            return True
        if tok.dep_ in ("dobj", "pobj") and tok.head.lemma_.lower() in JOINING:
            return True
        if tok.dep_ not in ("pobj", "prep", "compound", "conj", "dobj", "xcomp", "pcomp"):
            return False
        tok = tok.head
    return False


def suspected_doers(verb) -> bool:
    """Return True for "suspected" that only describes the doers named right after it ("suspected
    militants killed four civilians"), which the parser makes the main verb: no one suspects anything."""
    return verb.lower_ == "suspected" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and any(
        c.dep_ == "ccomp" and any(s.dep_ == "nsubj" and s.left_edge.i == verb.i + 1 for s in c.children) for c in verb.children)
