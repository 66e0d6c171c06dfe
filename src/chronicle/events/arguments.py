"""Arguments: actors, targets and instrument of each event, read off the parse.

Walks the dependency tree around each event's trigger (subjects, objects, passive
agents, "targeting" clauses, prepositional targets, possessors and compounds of
nominal triggers, the verbs a nominal trigger is the object of), splits coordinated
mentions and reads appositions. Responsibility claims and attributions elsewhere in
the article ("X claimed responsibility", "sources blamed X") name the actor of the
attacks before them when the trigger's own sentence names none (their `basis` says
"claimed" or "suspected"). Only tree walks: no extra model.

Kinds: military, police, rebels, militia, protesters, civilians, government, person,
organization, and `unknown` for an armed or hostile actor whose affiliation the text
does not give ("unidentified gunmen", "two armed men"). An absent perpetrator gives
no actor at all ("no group claimed responsibility").
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..normalise import names
from ..places import locate as places
from ..records import Actor, Article, Event, Span

NOUNISH = {"NOUN", "PROPN", "PRON", "NUM"}
LEFT_DEPS = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "predet"}
SUBJ = {"nsubj", "csubj"}
NOBODY = {"no one", "nobody", "none", "no group", "no one group", "anyone", "noone", "no organization",
          "no individual", "no party"}
REFLEXIVE = {"who", "which", "that", "whom", "itself", "themselves", "himself", "herself"}
ARMED = {"armed", "unidentified", "unknown", "masked", "hooded", "suspected", "heavily-armed"}
MAX_ARGS = 12  # actors or targets kept per event: a list longer than this is noise, not news
CLAIMED_TYPES = {"ASSAULT", "COERCE", "THREATEN"}  # events a responsibility claim can be about
CLAIM_REACH = 1500  # characters after a trigger in which a claim still speaks of it
DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
             "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend"}
UNCOUNTED_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY"}


def _frame(name: str) -> set[str]:
    return names.lexicon().frames[name]


# ------------------------------------------------------------------ mentions

def _is_instrument(tok: Token) -> bool:
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


def _phrase(tok: Token, groups: list[tuple[int, int]]) -> tuple[int, int]:
    """Token bounds [lo, hi) of the noun phrase headed by `tok`, without clauses or conjuncts."""
    lo, hi = tok.i, tok.i + 1
    for c in tok.children:
        if c.i < tok.i and c.dep_ in LEFT_DEPS:
            lo = min(lo, c.left_edge.i)
        elif c.i > tok.i and c.dep_ == "prep" and c.lower_ == "of":
            hi = max(hi, _clause_free_end(c))
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


def _conjuncts(tok: Token) -> list[Token]:
    """`tok` and the nouns coordinated with it ("soldiers and police")."""
    out = [tok]
    for c in tok.conjuncts[:MAX_ARGS]:  # hostile text can coordinate thousands of nouns
        if c.pos_ in NOUNISH and c.i > tok.i and "\n" not in tok.doc[tok.i:c.i].text \
                and c.lemma_.lower() not in _frame("incident_nouns"):
            out.append(c)
    return out


def _actor(doc: Doc, tok: Token, groups: list[tuple[int, int]]) -> Optional[Actor]:
    """The Actor for the noun phrase headed by `tok`, or None when it names nobody."""
    if _dateline_word(tok):
        return None  # "MOGADISHU, March 3 - A car bomb ...": where the report was filed, not a doer
    lo, hi = _phrase(tok, groups)
    # "a group of day labourers": the people are the mention's kind
    kind_tok = tok
    if tok.lemma_.lower() in _frame("quantity_nouns"):
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            kind_tok = pobj
    span = doc[lo:hi]
    text = span.text
    low = text.lower()
    if low in NOBODY or any(c.lower_ == "no" and c.dep_ == "det" for c in tok.children):
        return None
    if tok.lower_ in REFLEXIVE or (tok.ent_type_ in UNCOUNTED_ENTS and kind_tok is tok):
        return None
    a = Actor(text, span.start_char, span.end_char)
    g = names.known_group(text)
    if g is not None:
        a.name, a.kind, a.country = g[2]["name"], g[2]["kind"], g[2].get("country")
    _, role, country = names.strip_title(text)
    a.role = role
    a.country = a.country or country or _country_from_tokens(span)
    word_kind = names.kind_of_head(kind_tok.lemma_, doc[kind_tok.i - 1].lemma_ if kind_tok.i > 0 else "")
    if word_kind in (None, "military", "unknown"):
        # a modifier can say more than the head: "rebel forces", "police units", "militia gunmen"
        for m in kind_tok.children:
            mk = names.kind_of_head(m.lemma_) if m.i < kind_tok.i and m.dep_ in ("amod", "compound") else None
            if mk in ("rebels", "militia", "police"):
                word_kind = mk
    if word_kind in (None, "civilians") and any(m.lower_ in ARMED for m in kind_tok.children if m.i < kind_tok.i):
        word_kind = "unknown"  # "two armed men", "masked gunmen": armed, affiliation unsaid
    if a.kind is None and word_kind and (hi - lo <= 2 or tok.ent_type_ != "PERSON") and not role:
        a.kind = word_kind
    if a.kind is None:
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and role):
            a.kind = "person"
        else:
            prev = doc[kind_tok.i - 1].lemma_ if kind_tok.i > 0 else ""
            a.kind = names.kind_of_head(kind_tok.lemma_, prev)
            if a.kind is None and tok.ent_type_ == "ORG":
                a.kind = "organization"
            if a.kind is None and role:
                a.kind = "person"
    if a.kind in ("civilians", "unknown") and role:
        a.kind = "person"
    if tok.ent_type_ == "GPE" and a.country is None:
        a.country = names.country_of_word(span.text)
    return a


def _country_from_tokens(span: SpacySpan) -> Optional[str]:
    for t in span:
        if t.dep_ in ("amod", "compound", "poss", "nmod") or t.ent_type_ in ("NORP", "GPE"):
            iso = names.country_of_word(t.text)
            if iso:
                return iso
    return None


def _appos_person(tok: Token) -> Token:
    """Prefer the named person of an apposition ("the spokesman, Ned Price")."""
    for c in tok.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON" and tok.ent_type_ != "PERSON":
            return c
    return tok


def _appos_role(tok: Token) -> Optional[str]:
    """The role an apposition gives a named person ("Ali, a senior leader of X")."""
    for c in tok.children:
        if c.dep_ == "appos":
            hit = names.title_of(c.lemma_) or names.title_of(c.text)
            if hit and hit.get("role"):
                return hit["role"]
    return None


# ------------------------------------------------------------------ trigger frames

class _Roles:
    """What the tree walk found for one trigger."""

    def __init__(self) -> None:
        self.actors: list[Token] = []
        self.targets: list[Token] = []
        self.instrument: Optional[Token] = None

    def add(self, role: str, tok: Optional[Token]) -> None:
        if tok is None or tok.pos_ not in NOUNISH or not any(ch.isalnum() for ch in tok.text):
            return
        counted = bool(_pobjs(tok, ("of",)))  # "hundreds of nurses" is people, "2020" is not
        if (tok.ent_type_ in UNCOUNTED_ENTS and not counted) or tok.lemma_.lower() in DAY_WORDS or \
                re.fullmatch(r"[\d/.:-]+", tok.text):
            return
        tok = _through_measure(tok)
        if role == "instrument" and tok.lemma_.lower() in _frame("incident_nouns"):
            return
        if role == "actor" and _is_instrument(tok):
            role = "instrument"
        if role == "instrument":
            if self.instrument is None:
                self.instrument = tok
            return
        if role == "target" and _is_place(tok):
            return
        for t in _conjuncts(tok):
            bucket = self.actors if role == "actor" else self.targets
            if all(t.i != b.i for b in self.actors + self.targets):
                bucket.append(t)


def _is_place(tok: Token) -> bool:
    """True when a noun names a place, not a target ("at Oxford Street", "in the area")."""
    return tok.ent_type_ in ("GPE", "LOC") or tok.lemma_.lower() in _frame("place_words")


def _through_measure(tok: Token) -> Token:
    """The of-object of a measure noun ("1,000lb of explosives" -> explosives)."""
    if tok.lemma_.lower() in _frame("measure_nouns") or tok.lower_ in _frame("measure_nouns"):
        inner = _pobjs(tok, ("of",))
        if inner:
            return inner[0]
    return tok


def _child(tok: Token, *deps: str) -> Optional[Token]:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobjs(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of `tok`'s prepositions named in `preps`."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def _subject(verb: Token) -> tuple[Optional[Token], bool]:
    """(subject, passive) of a verb, inherited from the verb it is coordinated with or governed by."""
    v = verb
    for _ in range(3):
        s = _child(v, "nsubj", "csubj")
        if s is not None and s.lower_ in ("that", "which", "who") and v.dep_ == "relcl":
            return v.head, False
        if s is not None:
            return s, False
        s = _child(v, "nsubjpass", "csubjpass")
        if s is not None:
            return s, True
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in NOUNISH:
            h = v.head
            # a past participle hanging on a noun is passive ("a man shot by police"); a past tense
            # there is a misparsed main verb ("2500 interns protested")
            passive = v.tag_ == "VBN" and not any(c.dep_ == "aux" for c in v.children) and \
                v.lemma_.lower() not in _frame("intransitive_verbs")
            passive = passive or any(c.dep_ in ("agent", "auxpass") for c in v.children)
            to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            if to_inf:  # "the IRA's decision to carry out": the possessor decides
                return _child(h, "poss"), False
            return h, passive
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            continue
        break
    return None, False


def _verb_frame(v: Token, r: _Roles) -> None:
    lemma = v.lemma_.lower()
    subj, passive = _subject(v)
    passive = passive or any(c.dep_ == "auxpass" for c in v.children)
    use = lemma in _frame("use_verbs")
    if passive:
        r.add("instrument" if use else "target", subj)
        for a in _pobjs(v, ("by",)):
            r.add("actor", a)
    elif lemma in _frame("victim_subject"):
        r.add("target", subj)
    elif subj is not None and lemma in _frame("device_subject") and (
            _is_instrument(subj) or (not _child(v, "dobj") and subj.lower_ in ("it", "they", "which", "that"))):
        r.add("instrument", subj)
    else:
        r.add("actor", subj)
    obj = _child(v, "dobj")
    if obj is not None and not passive:
        if obj.lemma_.lower() in ("fire", "shot", "shots", "round", "rounds", "salvo", "barrage"):
            for t in _pobjs(obj, _frame("target_preps")):
                r.add("target", t)
        elif use and (_is_instrument(_through_measure(obj)) or obj.pos_ == "PRON"):
            r.add("instrument", obj)
        elif obj.lower_ not in REFLEXIVE:
            r.add("target", obj)
    for t in _pobjs(v, _frame("target_preps")):
        r.add("target", t)
    if lemma in _frame("device_subject") | _frame("use_verbs"):
        for t in _pobjs(v, ("under", "inside")):
            r.add("target", t)
    if lemma in _frame("mutual_verbs"):
        for t in _pobjs(v, ("with",)):
            r.add("target", t)
    for t in _pobjs(v, ("with", "using", "by")):
        if _is_instrument(t):
            r.add("instrument", t)
            _targeting(t, r)
    _targeting(v, r)


def _targeting(tok: Token, r: _Roles) -> None:
    """Objects of "targeting"/"aimed at" clauses hanging on `tok`."""
    for c in tok.children:
        if c.dep_ in ("acl", "advcl", "xcomp") and c.lemma_.lower() in _frame("target_verbs"):
            r.add("target", _child(c, "dobj"))
            for t in _pobjs(c, ("at", "on", "against")):
                r.add("target", t)
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("carry", "claim", "launch", "conduct", "perpetrate", "stage"):
            for a in _pobjs(c, ("by",)):
                r.add("actor", a)


def _compound_actor(c: Token) -> bool:
    """True when a modifier of a nominal trigger names who did it ("Taliban attack", "Israeli strikes")."""
    if names.known_group(c.text) or c.ent_type_ == "NORP":
        return True
    if c.ent_type_ == "ORG":
        return names.kind_of_head(c.lemma_) in ("military", "police", "rebels", "militia", "government")
    return False


def _noun_frame(n: Token, trig_lemmas: set[str], r: _Roles) -> None:
    victim_noun = bool(trig_lemmas & _frame("victim_noun"))
    of_target = victim_noun or bool(trig_lemmas & _frame("of_target_nouns"))
    poss = _child(n, "poss")
    if poss is not None and poss.lower_ not in ("its", "their", "his", "her"):
        r.add("target" if victim_noun else "actor", poss)
    for c in n.children:
        if c.i < n.i and c.dep_ in ("compound", "amod", "nmod"):
            if c.lemma_.lower() in trig_lemmas:
                continue
            if _is_instrument(c):
                r.add("instrument", c)
            elif _compound_actor(c):
                r.add("target" if victim_noun else "actor", c)
    for a in _pobjs(n, ("by",)):
        r.add("actor", a)
        _targeting(a, r)  # "an attempt by a drone targeting his residence"
    for t in _pobjs(n, _frame("target_preps")):
        r.add("target", t)
    if of_target:
        for t in _pobjs(n, ("of",)):
            r.add("target", t)
    for t in _pobjs(n, ("with", "using")):
        if _is_instrument(t):
            r.add("instrument", t)
    for b in _pobjs(n, ("between",)):  # "a battle between troops and terrorists"
        sides = _conjuncts(b)
        if len(sides) > 1:
            r.actors.append(sides[0])
            r.targets += [t for t in sides[1:] if all(t.i != x.i for x in r.targets)]
    _targeting(n, r)
    _governing(n, r)


def _governing(n: Token, r: _Roles) -> None:
    """Roles from the words that govern a nominal trigger: "X carried out the attack", "X survived an attempt"."""
    # climb out of "a series of attacks", "one of the bombings"
    while n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.pos_ in NOUNISH and (
            n.head.head.lemma_.lower() in _frame("quantity_nouns") | {"wave", "spate", "string", "one"}):
        n = n.head.head
        _targeting(n, r)
    head = n.head
    if n.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        hl = head.lemma_.lower()
        subj, passive = _subject(head)
        if n.dep_ == "nsubjpass":
            for a in _pobjs(head, ("by",)):
                r.add("actor", a)
        elif hl in _frame("victim_support"):
            r.add("target", subj)
        elif hl in _frame("agent_support") and not passive:
            r.add("actor", subj)
    elif n.dep_ == "nsubj" and head.pos_ == "VERB":
        hl = head.lemma_.lower()
        if hl in _frame("target_verbs") | _frame("device_subject") | {"kill", "wound", "injure", "damage", "destroy"}:
            r.add("target", _child(head, "dobj"))
            for t in _pobjs(head, _frame("target_preps")):
                r.add("target", t)
        _targeting(head, r)
    elif n.dep_ == "pobj":
        prep, gov = n.head, n.head.head
        gl = gov.lemma_.lower()
        if prep.dep_ == "agent" and gov.pos_ == "VERB":  # "shattered by an explosion"
            subj, _ = _subject(gov)
            r.add("target", subj)
        elif prep.lower_ in ("of", "behind", "in", "for") and gov.pos_ in NOUNISH and (
                gl in _frame("agent_nouns") or gov.lower_ in _frame("agent_nouns")):
            r.add("actor", _appos_person(gov) if gov.dep_ != "appos" else gov.head)
        elif prep.lower_ == "for" and gl in _frame("claim_nouns") and gov.head.lemma_.lower() in _frame("claim_verbs"):
            subj, _ = _subject(gov.head)
            r.add("actor", subj)
        elif prep.lower_ in ("in", "behind", "for") and (gl in _frame("involve_words") or prep.lower_ == "behind"):
            subj, _ = _subject(gov) if gov.pos_ in ("VERB", "AUX", "ADJ") else (None, False)
            if gov.pos_ == "ADJ" and gov.dep_ == "acomp":
                subj, _ = _subject(gov.head)
            r.add("actor", subj)
        elif prep.lower_ in ("in", "during") and gov.pos_ == "VERB" and not r.targets and gl in (
                "kill", "wound", "injure", "die", "hurt", "kidnap", "abduct"):
            subj, passive = _subject(gov)
            if passive or gl == "die":
                r.add("target", subj)


def _trigger_tokens(doc: Doc, trigger: Span) -> list[Token]:
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _roles_for(doc: Doc, event: Event) -> _Roles:
    r = _Roles()
    toks = _trigger_tokens(doc, event.trigger)
    if not toks:
        return r
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[-1])
    lemmas = {t.lemma_.lower() for t in toks}
    if head.pos_ in ("VERB", "AUX"):
        _verb_frame(head, r)
    elif head.lemma_.lower() in _frame("agent_nouns") or _is_instrument(head):
        # the trigger names the attacker or the weapon ("a suicide bomber struck", "a car bomb
        # exploded near X"): it fills that role, and its verb gives the rest
        agent = head.lemma_.lower() in _frame("agent_nouns")
        first = head
        while first.dep_ == "conj" and first.head.pos_ in NOUNISH:
            first = first.head
        verb = first.head if first.dep_ in ("nsubj", "nsubjpass") and first.head.pos_ == "VERB" else None
        if agent and first is not head:
            r.actors.append(first)
        if agent:
            r.actors.append(head)
        elif verb is not None:  # "a car bomb exploded"; not "firearms are everywhere"
            r.instrument = head
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


# ------------------------------------------------------------------ claims of responsibility

def _group_like(a: Actor, tok: Token) -> bool:
    """True when a claimant or suspect names a group or force, not a thing ("UAVs")."""
    if names.known_group(a.text):
        return True
    if _is_instrument(tok) or tok.lemma_.lower() in _frame("incident_nouns"):
        return False
    return a.kind in ("rebels", "militia", "military", "police", "government") or tok.ent_type_ in ("ORG", "NORP")


def _is_unnamed(tok: Token) -> bool:
    """True for a mention that does not say who it is ("the gunmen", "assailants")."""
    return names.kind_of_head(tok.lemma_) == "unknown" or tok.lower_ in ("they", "them")


def _says_involved(verb: Token, lemma: str) -> bool:
    """True when a passive "suspected"/"believed" says its subject took part ("of the attack", "to be involved")."""
    involve = _frame("involve_words") | {"behind", "responsible"}
    if lemma == "suspect":
        return bool(_pobjs(verb, ("of", "in")))
    return any(t.lemma_.lower() in involve or t.lower_ in involve
               for c in verb.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree)


def _about_attack(clause: Token) -> bool:
    """True when a reported clause speaks of taking part in an attack ("X was behind it", "X carried out the attack")."""
    words = _frame("involve_words") | _frame("agent_support") | _frame("incident_nouns") | {
        "behind", "responsible", "suspect", "suspected", "perpetrate", "perpetuate"}
    return any(t.lemma_.lower() in words or t.lower_ in words for t in clause.subtree)


def _hedged(verb: Token) -> bool:
    """True when a verb is told as belief, not fact ("is believed to have been carried out", "may have")."""
    hedges = {"believe", "suspect", "speculate", "think", "posit", "allege", "suggest", "indicate", "say"}
    if any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in verb.children):
        return True
    return any(a.lemma_.lower() in hedges for a in verb.ancestors)


def _charge_about_attack(verb: Token, obj: Token) -> bool:
    """True when what someone is accused or blamed of is the attack ("of perpetrating the attack")."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    preps += [c for c in obj.subtree if c.dep_ == "prep" and c.lower_ in ("of", "for", "over", "in")]
    return any(_about_attack(p) for p in preps if p.lower_ in ("of", "for", "over", "in"))


def _claims(doc: Doc, groups: list[tuple[int, int]]) -> list[tuple[int, Actor]]:
    """(character offset, actor) for every group said to have claimed, or been blamed for, an attack."""
    out: list[tuple[int, Actor]] = []
    incident = _frame("incident_nouns")
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" and lemma != "be":
            continue
        found: list[Token] = []
        basis = "claimed" if lemma in _frame("claim_verbs") else "suspected"
        obj = _child(tok, "dobj")
        subj, passive = _subject(tok)
        subj_incident = subj is not None and subj.lemma_.lower() in incident
        if lemma in ("bear", "have", "show", "carry") and obj is not None and obj.lemma_.lower() in (
                "hallmark", "trademark", "signature", "mark"):
            basis = "suspected"
            for inner in _pobjs(obj, ("of",)):  # "bore the hallmarks of an AQI attack"
                found += [c for c in inner.children if c.dep_ in ("compound", "nmod")] + [inner]
        elif lemma in _frame("claim_verbs"):
            if lemma == "claim" and passive and subj_incident:
                found += _pobjs(tok, ("by",))  # "attacks ... claimed by AQI"
            elif obj is not None and not passive and (
                    obj.lemma_.lower() in _frame("claim_nouns") or (lemma == "claim" and (
                        obj.lemma_.lower() in incident or _pobjs(obj, ("of",)) and
                        _pobjs(obj, ("of",))[0].lemma_.lower() in incident))):
                found.append(subj)  # "X claimed responsibility", "X claimed all 43 of the attacks"
        elif passive and subj_incident and lemma in _frame("agent_support") | {"perpetuate", "attribute"}:
            found += _pobjs(tok, ("by", "to"))  # "the attack was carried out by X", "was attributed to X"
            basis = "suspected" if lemma == "attribute" or _hedged(tok) else None
        elif lemma in ("attribute", "link", "tie") and obj is not None and obj.lemma_.lower() in incident:
            found += _pobjs(tok, ("to",)) + _pobjs(obj, ("to",))  # "sources attributed the attack to X"
        elif lemma == "blame":
            if obj is not None and obj.lemma_.lower() in incident:
                found += _pobjs(tok, ("on",)) + _pobjs(obj, ("on",))  # "blamed the attack on X"
            elif obj is not None and _charge_about_attack(tok, obj):
                found.append(obj)  # "blamed X for the attack"
        elif lemma in ("suspect", "accuse", "speculate", "believe", "think", "indicate", "say", "note",
                       "report", "posit", "suggest", "state"):
            if obj is not None and lemma in ("suspect", "speculate"):
                found.append(obj)  # "sources suspected X"
            if obj is not None and lemma == "accuse" and _charge_about_attack(tok, obj):
                found.append(obj)  # "accused X of complicity in the attack", not "of missing warnings"
            if passive and subj is not None and not subj_incident and _says_involved(tok, lemma):
                found.append(subj)  # "X is suspected of involvement", "X is believed to be involved"
            for c in tok.children:
                if c.dep_ == "ccomp":  # "sources suspected that X was behind it"
                    s_ = _child(c, "nsubj", "nsubjpass")
                    if s_ is not None and s_.lemma_.lower() not in incident and not _is_unnamed(s_) and \
                            _about_attack(c):
                        found.append(s_)
        elif lemma == "be" and subj is not None and (subj.lemma_.lower() in _frame("agent_nouns") or _is_unnamed(subj)):
            attr = _child(tok, "attr")  # "the gunmen were members of X"
            if attr is not None and attr.lemma_.lower() in ("member", "militant", "fighter", "operative"):
                found += _pobjs(attr, ("of",))
        for f in found:
            if f is None:
                continue
            # "the involvement of X", "elements of X": the group is the of-object
            if f.lemma_.lower() in ("involvement", "element", "member", "militant", "fighter", "hand", "role"):
                inner = _pobjs(f, ("of",))
                if inner:
                    f = inner[0]
            for t in _conjuncts(f):
                a = _actor(doc, t, groups)
                if a is not None and _group_like(a, t) and all(
                        o != tok.idx or x.name != a.name or a.name is None for o, x in out):
                    a.basis = basis
                    out.append((tok.idx, a))
    return out


# ------------------------------------------------------------------ the stage

def _build(doc: Doc, toks: list[Token], groups: list[tuple[int, int]], seen: set,
           trigger: Span) -> list[Actor]:
    out: list[Actor] = []
    for t in toks[:MAX_ARGS]:
        t = _appos_person(t)
        a = _actor(doc, t, groups)
        if a is not None and a.start < trigger.end and trigger.start < a.end:
            # "the ringleader of Saturday's attack": keep the words before the trigger's phrase
            of = next((c for c in t.children if c.dep_ == "prep" and c.i > t.i), None)
            if of is not None:
                sp = doc[_phrase(t, groups)[0]:of.i]
                a.text, a.start, a.end = sp.text, sp.start_char, sp.end_char
        if a is None or any(s0 <= a.start and a.end <= s1 for s0, s1 in seen):
            continue  # already given, or a piece of a name already given ("the Levant")
        a.role = a.role or _appos_role(t)
        seen.add((a.start, a.end))
        out.append(a)
    return out


def _dateline_word(tok: Token) -> bool:
    """True for a word of the wire dateline's place name ("MOGADISHU, March 3 -"), found once per doc."""
    doc = tok.doc
    if "chronicle_dateline" not in doc.user_data:
        doc.user_data["chronicle_dateline"] = places.dateline_city(doc.text)
    span = doc.user_data["chronicle_dateline"]
    return span is not None and span[0] <= tok.idx < span[1]


def _named(a: Actor) -> bool:
    """True when a mention names who it is (a known group or a proper name), not "gunmen"."""
    return bool(names.known_group(a.text)) or any(w[:1].isupper() for w in a.text.split()[1:]) or (
        a.text[:1].isupper() and a.kind in ("person", "organization"))


def _group_token_bounds(doc: Doc) -> list[tuple[int, int]]:
    out = []
    for s, e, _ in names.group_spans(doc.text):
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            out.append((sp.start, sp.end))
    return out


def fill_arguments(article: Article, events: list[Event]) -> None:
    """Set `actors`, `targets` and `instrument` on each event of a parsed article."""
    doc = article.doc
    if doc is None or not events:
        return
    groups = _group_token_bounds(doc)
    for ev in events:
        r = _roles_for(doc, ev)
        seen: set = set()
        ev.actors = _build(doc, r.actors, groups, seen, ev.trigger)
        if ev.type == "PROTEST":  # people who protest are protesters, whoever they are otherwise
            for a in ev.actors:
                if a.kind in (None, "civilians", "unknown"):
                    a.kind = "protesters"
        ev.targets = sorted(_build(doc, r.targets, groups, seen, ev.trigger), key=lambda a: a.start)
        if r.instrument is not None:
            lo, hi = _phrase(r.instrument, groups)
            sp = doc[lo:hi]
            ev.instrument = Span(sp.text, sp.start_char, sp.end_char)
    claims = _claims(doc, groups)
    for ev in events:
        if ev.type not in CLAIMED_TYPES or any(_named(a) for a in ev.actors):
            continue
        # a claim names the actor of the attacks reported before it (or in its own sentence),
        # alongside the unnamed attackers the sentence gives ("a suicide bomber")
        start = ev.sentence.start if ev.sentence else ev.trigger.start
        after = sorted(((off, a) for off, a in claims if start <= off <= ev.trigger.end + CLAIM_REACH
                        and "\n" not in article.text[ev.trigger.end:off]), key=lambda x: x[0])
        picked: list[Actor] = []
        for off, a in after:
            if picked and off != after[0][0]:
                break  # only the nearest claim's groups
            if any(a.start == x.start and a.end == x.end for x in ev.actors):
                continue  # the parse already gave this mention as the actor
            if all(a.name != p.name or a.text != p.text for p in picked):
                picked.append(Actor(a.text, a.start, a.end, a.name, a.kind, a.country, a.role, a.basis))
        ev.actors = ev.actors + picked
