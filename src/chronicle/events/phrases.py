"""Noun phrases in the parse and the words around a verb: a phrase's bounds (named entities and
known group names kept whole), its conjuncts, a verb's subject and prepositional objects."""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Token

from ..normalise import names

NOUNISH = {"NOUN", "PROPN", "PRON", "NUM"}
LEFT_DEPS = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "predet"}
REFLEXIVE = {"who", "which", "that", "whom", "itself", "themselves", "himself", "herself"}
MAX_ARGS = 12  # actors or targets kept per event: a list longer than this is noise, not news
UNCOUNTED_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY"}



def frame(name: str) -> set[str]:
    return names.lexicon().frames[name]



def is_instrument(tok: Token) -> bool:
    """True when a noun names a weapon or means ("drone", "explosive device")."""
    words = names.lexicon().instruments
    lemma = tok.lemma_.lower()
    prev = tok.doc[tok.i - 1].lemma_.lower() if tok.i > 0 else ""
    if lemma in ("vehicle", "car", "truck", "motorcycle", "bicycle", "strike", "fire", "device"):
        # a car is a weapon only when it carries the bomb; "fire" only as gunfire
        kids = {c.lemma_.lower() for c in tok.subtree}
        return bool(kids & {"bomb", "explosive", "explosives", "laden", "booby", "rig", "rigged", "suicide",
                            "improvised", "artillery", "mortar", "rocket", "air", "drone", "gun", "sniper",
                            "machine"}) or lemma == "device"
    return lemma in words or f"{prev} {lemma}" in words or tok.text.lower() in words



def _entity_bounds(tok: Token) -> Optional[tuple[int, int]]:
    """Token bounds of the named entity `tok` stands in (read off the IOB tags), or None."""
    if not tok.ent_type_ or tok.ent_type_ in UNCOUNTED_ENTS:
        return None
    doc = tok.doc
    lo = tok.i
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    hi = tok.i + 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return lo, hi



def phrase(tok: Token, groups: list[tuple[int, int]]) -> tuple[int, int]:
    """Token bounds [lo, hi) of the noun phrase headed by `tok`, without clauses or conjuncts."""
    lo, hi = tok.i, tok.i + 1
    for c in tok.children:
        if c.i < tok.i and c.dep_ in LEFT_DEPS:
            lo = min(lo, c.left_edge.i)
        elif c.i > tok.i and c.dep_ == "prep" and c.lower_ == "of" and not any(g.dep_ == "pcomp" for g in c.children):
            hi = max(hi, _clause_free_end(c))  # not "accused the party of rigging the vote": that is the charge
        elif c.i > tok.i and c.dep_ in ("compound", "nummod"):
            hi = max(hi, c.right_edge.i + 1)
    ent = _entity_bounds(tok)
    if ent:
        lo, hi = min(lo, ent[0]), max(hi, ent[1])
    for g0, g1 in groups:  # a known group name is never cut ("Islamic State of Iraq and the Levant")
        if g0 <= tok.i < g1 or (lo <= g0 < hi):
            lo, hi = min(lo, g0), max(hi, g1)
    doc = tok.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in (")",)) or doc[hi - 1].dep_ == "cc":
        hi -= 1
    # a parenthesised acronym right after the name belongs to it: "Kurdish Regional Government (KRG)"
    if hi + 2 < len(doc) and doc[hi].text == "(" and doc[hi + 2].text == ")" and doc[hi + 1].text.isupper():
        hi += 3
    if doc[lo:hi].text.count("(") != doc[lo:hi].text.count(")"):
        hi = lo + next((k for k, t in enumerate(doc[lo:hi]) if t.text == "("), hi - lo)
    return lo, max(hi, lo + 1)



def _clause_free_end(tok: Token) -> int:
    """End (token index) of `tok`'s subtree, stopping before clauses and appositions."""
    end = tok.i + 1
    for c in tok.children:
        if c.i > tok.i and c.dep_ not in ("relcl", "acl", "appos", "punct", "advcl", "conj", "cc"):
            end = max(end, _clause_free_end(c))
    return end



def conjuncts(tok: Token) -> list[Token]:
    """`tok` and the nouns coordinated with it ("soldiers and police")."""
    out = [tok]
    for c in tok.conjuncts[:MAX_ARGS]:  # hostile text can coordinate thousands of nouns
        if c.pos_ in NOUNISH and c.i > tok.i and "\n" not in tok.doc[tok.i:c.i].text \
                and c.lemma_.lower() not in frame("incident_nouns"):
            out.append(c)
    return out



def appos_person(tok: Token) -> Token:
    """Prefer the named person of an apposition ("the spokesman, Ned Price")."""
    for c in tok.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON" and tok.ent_type_ != "PERSON":
            return c
    return tok



def child(tok: Token, *deps: str) -> Optional[Token]:
    return next((c for c in tok.children if c.dep_ in deps), None)



def pobjs(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of `tok`'s prepositions named in `preps`."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out



def subject(verb: Token) -> tuple[Optional[Token], bool]:
    """(subject, passive) of a verb, inherited from the verb it is coordinated with or governed by."""
    v = verb
    for _ in range(3):
        s = child(v, "nsubj", "csubj")
        if s is not None and s.lower_ in ("that", "which", "who") and v.dep_ == "relcl":
            return v.head, False
        if s is not None:
            return s, False
        s = child(v, "nsubjpass", "csubjpass")
        if s is not None:
            return s, True
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in NOUNISH:
            h = v.head
            # a past participle hanging on a noun is passive ("a man shot by police"); a past tense
            # there is a misparsed main verb ("2500 interns protested")
            passive = v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children) and \
                v.lemma_.lower() not in frame("intransitive_verbs")
            passive = passive or any(c.dep_ in ("agent", "auxpass") for c in v.children)
            to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            if to_inf:  # "the IRA's decision to carry out": the possessor decides
                return child(h, "poss"), False
            return h, passive
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            continue
        break
    return None, False
