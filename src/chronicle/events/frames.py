"""Which words fill which role of a trigger (actor, target, instrument), read from its verb or noun
frame and from the words that govern it ("X carried out the attack", "an attempt on his life")."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from ..normalise import names
from ..records import Event, Span
from .phrases import (
    NOUNISH,
    REFLEXIVE,
    UNCOUNTED_ENTS,
    appos_person,
    child,
    conjuncts,
    frame,
    is_instrument,
    pobjs,
    subject,
)

DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
             "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend"}



class _Roles:
    """What the tree walk found for one trigger."""

    def __init__(self, gpe_targets: bool = False) -> None:
        self.actors: list[Token] = []
        self.targets: list[Token] = []
        self.instrument: Optional[Token] = None
        self.gpe_targets = gpe_targets  # "blamed Israel": a country is a party here, not where it happened

    def add(self, role: str, tok: Optional[Token]) -> None:
        if tok is None or tok.pos_ not in NOUNISH or not any(ch.isalnum() for ch in tok.text):
            return
        counted = bool(pobjs(tok, ("of",)))  # "hundreds of nurses" is people, "2020" is not
        if (tok.ent_type_ in UNCOUNTED_ENTS and not counted) or tok.lemma_.lower() in DAY_WORDS or \
                re.fullmatch(r"[\d/.:-]+", tok.text):
            return
        tok = _through_measure(tok)
        if role == "instrument" and tok.lemma_.lower() in frame("incident_nouns"):
            return
        if role == "actor" and is_instrument(tok):
            role = "instrument"
        if role == "instrument":
            if self.instrument is None:
                self.instrument = tok
            return
        if role == "target" and _is_place(tok) and not (self.gpe_targets and tok.ent_type_ == "GPE"):
            return
        for t in conjuncts(tok):
            bucket = self.actors if role == "actor" else self.targets
            if all(t.i != b.i for b in self.actors + self.targets):
                bucket.append(t)



def _is_place(tok: Token) -> bool:
    """True when a noun names a place, not a target ("at Oxford Street", "in the area")."""
    return tok.ent_type_ in ("GPE", "LOC") or tok.lemma_.lower() in frame("place_words")



def _through_measure(tok: Token) -> Token:
    """The of-object of a measure noun ("1,000lb of explosives" -> explosives)."""
    if tok.lemma_.lower() in frame("measure_nouns") or tok.lower_ in frame("measure_nouns"):
        inner = pobjs(tok, ("of",))
        if inner:
            return inner[0]
    return tok



def _verb_frame(v: Token, r: _Roles) -> None:
    lemma = v.lemma_.lower()
    subj, passive = subject(v)
    passive = passive or any(c.dep_ == "auxpass" for c in v.children)
    use = lemma in frame("use_verbs")
    if passive:
        r.add("instrument" if use else "target", subj)
        for a in pobjs(v, ("by",)):
            r.add("actor", a)
    elif lemma in frame("victim_subject"):
        r.add("target", subj)
    elif subj is not None and lemma in frame("device_subject") and (
            is_instrument(subj) or (not child(v, "dobj") and subj.lower_ in ("it", "they", "which", "that"))):
        r.add("instrument", subj)
    else:
        r.add("actor", subj)
    obj = child(v, "dobj")
    if obj is not None and not passive:
        if obj.lemma_.lower() in ("fire", "shot", "shots", "round", "rounds", "salvo", "barrage"):
            for t in pobjs(obj, frame("target_preps")):
                r.add("target", t)
        elif use and (is_instrument(_through_measure(obj)) or obj.pos_ == "PRON"):
            r.add("instrument", obj)
        elif obj.lower_ not in REFLEXIVE:
            r.add("target", obj)
    for t in pobjs(v, frame("target_preps")):
        r.add("target", t)
    if lemma in frame("device_subject") | frame("use_verbs"):
        for t in pobjs(v, ("under", "inside")):
            r.add("target", t)
    if lemma in frame("mutual_verbs"):
        for t in pobjs(v, ("with",)):
            r.add("target", t)
    for t in pobjs(v, ("with", "using", "by")):
        if is_instrument(t):
            r.add("instrument", t)
            _targeting(t, r)
    _targeting(v, r)



def _targeting(tok: Token, r: _Roles) -> None:
    """Objects of "targeting"/"aimed at" clauses hanging on `tok`."""
    for c in tok.children:
        if c.dep_ in ("acl", "advcl", "xcomp") and c.lemma_.lower() in frame("target_verbs"):
            r.add("target", child(c, "dobj"))
            for t in pobjs(c, ("at", "on", "against")):
                r.add("target", t)
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("carry", "claim", "launch", "conduct", "perpetrate", "stage"):
            for a in pobjs(c, ("by",)):
                r.add("actor", a)



def _compound_actor(c: Token) -> bool:
    """True when a modifier of a nominal trigger names who did it ("Taliban attack", "Israeli strikes")."""
    if names.known_group(c.text) or c.ent_type_ == "NORP":
        return True
    if c.ent_type_ == "ORG":
        return names.kind_of_head(c.lemma_) in ("military", "police", "rebels", "militia", "government")
    return False



def _noun_frame(n: Token, trig_lemmas: set[str], r: _Roles) -> None:
    victim_noun = bool(trig_lemmas & frame("victim_noun"))
    of_target = victim_noun or bool(trig_lemmas & frame("of_target_nouns"))
    poss = child(n, "poss")
    if poss is not None and poss.lower_ not in ("its", "their", "his", "her"):
        r.add("target" if victim_noun else "actor", poss)
    for c in n.children:
        if c.i < n.i and c.dep_ in ("compound", "amod", "nmod"):
            if c.lemma_.lower() in trig_lemmas:
                continue
            if is_instrument(c):
                r.add("instrument", c)
            elif _compound_actor(c):
                r.add("target" if victim_noun else "actor", c)
            elif c.dep_ == "compound" and c.pos_ == "NOUN" and names.kind_of_head(c.lemma_) is not None:
                r.add("target", c)  # "the embassy bombing", "a market attack": the place or people hit
    for a in pobjs(n, ("by",)):
        r.add("actor", a)
        _targeting(a, r)  # "an attempt by a drone targeting his residence"
    for t in pobjs(n, frame("target_preps")):
        r.add("target", t)
    if of_target:
        for t in pobjs(n, ("of",)):
            r.add("target", t)
    for t in pobjs(n, ("with", "using")):
        if is_instrument(t):
            r.add("instrument", t)
    for b in pobjs(n, ("between",)):  # "a battle between troops and terrorists"
        sides = conjuncts(b)
        if len(sides) > 1:
            r.actors.append(sides[0])
            r.targets += [t for t in sides[1:] if all(t.i != x.i for x in r.targets)]
    _targeting(n, r)
    _governing(n, r)



def _governing(n: Token, r: _Roles) -> None:
    """Roles from the words that govern a nominal trigger: "X carried out the attack", "X survived an attempt"."""
    # climb out of "a series of attacks", "one of the bombings"
    while n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.pos_ in NOUNISH and (
            n.head.head.lemma_.lower() in frame("quantity_nouns") | {"wave", "spate", "string", "one"}):
        n = n.head.head
        _targeting(n, r)
    head = n.head
    if n.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        hl = head.lemma_.lower()
        subj, passive = subject(head)
        if n.dep_ == "nsubjpass":
            for a in pobjs(head, ("by",)):
                r.add("actor", a)
        elif hl in frame("victim_support"):
            r.add("target", subj)
        elif hl in frame("agent_support") and not passive:
            r.add("actor", subj)
    elif n.dep_ == "nsubj" and head.pos_ == "VERB":
        hl = head.lemma_.lower()
        if hl in frame("target_verbs") | frame("device_subject") | {"kill", "wound", "injure", "damage", "destroy"}:
            r.add("target", child(head, "dobj"))
            for t in pobjs(head, frame("target_preps")):
                r.add("target", t)
        _targeting(head, r)
    elif n.dep_ == "pobj":
        prep, gov = n.head, n.head.head
        gl = gov.lemma_.lower()
        if prep.dep_ == "agent" and gov.pos_ == "VERB":  # "shattered by an explosion"
            subj, _ = subject(gov)
            r.add("target", subj)
        elif prep.lower_ in ("of", "behind", "in", "for") and gov.pos_ in NOUNISH and (
                gl in frame("agent_nouns") or gov.lower_ in frame("agent_nouns")):
            r.add("actor", appos_person(gov) if gov.dep_ != "appos" else gov.head)
        elif prep.lower_ == "for" and gl in frame("claim_nouns") and gov.head.lemma_.lower() in frame("claim_verbs"):
            subj, _ = subject(gov.head)
            r.add("actor", subj)
        elif prep.lower_ in ("in", "behind", "for") and (gl in frame("involve_words") or prep.lower_ == "behind"):
            subj, _ = subject(gov) if gov.pos_ in ("VERB", "AUX", "ADJ") else (None, False)
            if gov.pos_ == "ADJ" and gov.dep_ == "acomp":
                subj, _ = subject(gov.head)
            r.add("actor", subj)
        elif prep.lower_ in ("in", "during") and gov.pos_ == "VERB" and not r.targets and gl in (
                "kill", "wound", "injure", "die", "hurt", "kidnap", "abduct"):
            subj, passive = subject(gov)
            if passive or gl == "die":
                r.add("target", subj)



def _trigger_tokens(doc: Doc, trigger: Span) -> list[Token]:
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return list(span) if span is not None else []



def roles_for(doc: Doc, event: Event, gpe_targets: bool = False) -> _Roles:
    """The tokens filling the trigger's roles; with `gpe_targets`, a country or city may be the one acted on."""
    r = _Roles(gpe_targets)
    toks = _trigger_tokens(doc, event.trigger)
    if not toks:
        return r
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[-1])
    lemmas = {t.lemma_.lower() for t in toks}
    if head.pos_ in ("VERB", "AUX"):
        _verb_frame(head, r)
    elif head.lemma_.lower() in frame("agent_nouns") or is_instrument(head):
        # the trigger names the attacker or the weapon ("a suicide bomber struck", "a car bomb
        # exploded near X"): it fills that role, and its verb gives the rest
        agent = head.lemma_.lower() in frame("agent_nouns")
        first = head
        while first.dep_ == "conj" and first.head.pos_ in NOUNISH:
            first = first.head
        verb = first.head if first.dep_ in ("nsubj", "nsubjpass") and first.head.pos_ == "VERB" else None
        if agent and first is not head:
            r.actors.append(first)
        if agent:
            r.actors.append(head)
        elif verb is not None or any(c.dep_ == "compound" and is_instrument(c) or c.lower_ in ("car", "truck", "roadside", "suicide")
                                     for c in head.children):
            r.instrument = head  # "a car bomb exploded", "in the car bomb"; not "firearms are everywhere"
        _noun_frame(head, lemmas, r)
        if verb is not None:
            _verb_frame(verb, r)
        r.actors = [t for t in r.actors if t.i == head.i or t.i not in inside]
        r.targets = [t for t in r.targets if t.i not in inside]
        return r
    else:
        _noun_frame(head, lemmas, r)
    r.actors = [t for t in r.actors if t.i not in inside]
    r.targets = [t for t in r.targets if t.i not in inside]
    return r
