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
from typing import Optional

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..normalise import names, victims
from ..parse.docs import doc_text
from ..places.dateline import dateline_city
from ..records import Actor, Article, Event, Span
from .claims import claimants
from .frames import roles_for
from .phrases import MAX_ARGS, REFLEXIVE, UNCOUNTED_ENTS, appos_person, child, frame, is_instrument, phrase

SUBJ = {"nsubj", "csubj"}
NOBODY = {"no one", "nobody", "none", "no group", "no one group", "anyone", "noone", "no organization",
          "no individual", "no party"}
ARMED = {"armed", "unidentified", "unknown", "masked", "hooded", "suspected", "heavily-armed"}
CLAIMED_TYPES = {"ASSAULT", "COERCE", "THREATEN"}  # events a responsibility claim can be about
CLAIM_REACH = 1500  # characters after a trigger in which a claim still speaks of it
THING_TARGETS = {"ASSAULT", "COERCE"}  # events done to things as well as to people; others have actors as targets
PRONOUNS = {"it", "they", "them", "he", "him", "she", "her"}
SAYING_DEPS = {"ccomp", "conj", "xcomp", "advcl"}  # how a reported clause hangs below its verb of saying



def _actor(doc: Doc, tok: Token, groups: list[tuple[int, int]]) -> Optional[Actor]:
    """The Actor for the noun phrase headed by `tok`, or None when it names nobody."""
    if _dateline_word(tok):
        return None  # "MOGADISHU, March 3 - A car bomb ...": where the report was filed, not a doer
    lo, hi = phrase(tok, groups)
    # "a group of day labourers": the people are the mention's kind
    kind_tok = tok
    if tok.lemma_.lower() in frame("quantity_nouns"):
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



def _appos_role(tok: Token) -> Optional[str]:
    """The role an apposition gives a named person ("Ali, a senior leader of X")."""
    for c in tok.children:
        if c.dep_ == "appos":
            hit = names.title_of(c.lemma_) or names.title_of(c.text)
            if hit and hit.get("role"):
                return hit["role"]
    return None



def _group_like(a: Actor, tok: Token) -> bool:
    """True when a claimant or suspect names a group or force, not a thing ("UAVs")."""
    if names.known_group(a.text):
        return True
    if is_instrument(tok) or tok.lemma_.lower() in frame("incident_nouns"):
        return False
    return a.kind in ("rebels", "militia", "military", "police", "government") or tok.ent_type_ in ("ORG", "NORP")



def _claimed_actors(doc: Doc, groups: list[tuple[int, int]]) -> list[tuple[int, Actor]]:
    """(character offset, actor) for every group said to have claimed, or been blamed for, an attack."""
    out: list[tuple[int, Actor]] = []
    for off, t, basis in claimants(doc):
        a = _actor(doc, t, groups)
        if a is not None and _group_like(a, t) and all(
                o != off or x.name != a.name or a.name is None for o, x in out):
            a.basis = basis
            out.append((off, a))
    return out



def _build(doc: Doc, toks: list[Token], groups: list[tuple[int, int]], seen: set,
           trigger: Span, things: bool = True) -> list[Actor]:
    """Actors for the role tokens `toks`; without `things`, only mentions that name people or bodies."""
    out: list[Actor] = []
    for t in toks[:MAX_ARGS]:
        t = appos_person(t)
        a = _actor(doc, t, groups)
        if a is not None and not things and not _names_someone(a, t):
            continue
        if a is not None and t.lower_ in PRONOUNS:
            _resolve_pronoun(doc, a, t, groups)
        if a is not None and a.start < trigger.end and trigger.start < a.end:
            # "the ringleader of Saturday's attack": keep the words before the trigger's phrase
            of = next((c for c in t.children if c.dep_ == "prep" and c.i > t.i), None)
            if of is not None:
                sp = doc[phrase(t, groups)[0]:of.i]
                a.text, a.start, a.end = sp.text, sp.start_char, sp.end_char
        if a is None or any(s0 <= a.start and a.end <= s1 for s0, s1 in seen):
            continue  # already given, or a piece of a name already given ("the Levant")
        a.role = a.role or _appos_role(t)
        seen.add((a.start, a.end))
        out.append(a)
    return out



def _names_someone(a: Actor, tok: Token) -> bool:
    """True when a mention names people or a body, not a thing or an act ("any role", "the forest", "the accusation")."""
    if a.kind is not None or tok.lower_ in PRONOUNS or names.known_group(a.text):
        return True
    return tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or bool(names.title_of(tok.lemma_)) \
        or tok.lemma_.lower() in frame("body_words")


def _agrees(pronoun: Token, tok: Token) -> bool:
    """True when a noun can be what a pronoun stands for ("it": one body, "they": several, "he": a person)."""
    low = pronoun.lower_
    if tok.lower_ in PRONOUNS or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    person = tok.ent_type_ == "PERSON" or bool(names.title_of(tok.lemma_))
    if low in ("he", "him", "she", "her"):
        return person
    if person:
        return False
    plural = tok.tag_ in ("NNS", "NNPS")
    collective = names.kind_of_head(tok.lemma_) in ("military", "police", "government", "rebels", "militia") \
        or tok.ent_type_ in ("ORG", "NORP") or bool(names.known_group(tok.text))
    return (plural or collective) if low in ("they", "them") else (not plural and (collective or tok.ent_type_ == "GPE"))


def _reporter(pronoun: Token) -> Optional[Token]:
    """The subject of the verb of saying that reports the pronoun's clause ("the army said it had retaken the town"), or None."""
    v = pronoun.head
    for _ in range(6):
        if v.dep_ not in SAYING_DEPS or v.head.i == v.i:
            return None
        v = v.head
        if v.pos_ not in ("VERB", "AUX"):
            return None
        subj = child(v, "nsubj")
        if subj is not None and subj.i < pronoun.i and subj.i != pronoun.i:
            if subj.lower_ in PRONOUNS or not any(c.dep_ == "ccomp" for c in v.children):
                return None  # a subject that is itself a pronoun, or a verb that reports nothing
            return subj if _agrees(pronoun, subj) else None
    return None


def _resolve_pronoun(doc: Doc, a: Actor, tok: Token, groups: list[tuple[int, int]]) -> None:
    """Name a pronoun mention after the one who reports its clause, when that subject agrees with it."""
    ante = _reporter(tok)
    if ante is None:
        return
    b = _actor(doc, appos_person(ante), groups)
    if b is not None:
        a.name = b.name or re.sub(r"^(?:the|a|an)\s+", "", b.text, flags=re.I)
        a.kind, a.country, a.role = b.kind, b.country, b.role


def _victims(doc: Doc, ev: Event) -> list[Token]:
    """The people the attack itself killed or hurt ("attacked X, killing Y", "the blast killed Y",
    "Y were killed in the attack"): they are its targets too."""
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    if span is None:
        return []
    head = span.root
    verbs = [head, head.head] + [c for c in head.children if c.dep_ in ("advcl", "conj", "xcomp")]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        verbs.append(head.head.head)  # "were killed in the attack"
    return victims.victims_of(verbs)


def _dateline_word(tok: Token) -> bool:
    """True for a word of the wire dateline's place name ("MOGADISHU, March 3 -"), found once per doc."""
    doc = tok.doc
    if "chronicle_dateline" not in doc.user_data:
        doc.user_data["chronicle_dateline"] = dateline_city(doc_text(doc))
    span = doc.user_data["chronicle_dateline"]
    return span is not None and span[0] <= tok.idx < span[1]



def _named(a: Actor) -> bool:
    """True when a mention names who it is (a known group or a proper name), not "gunmen"."""
    return bool(names.known_group(a.text)) or any(w[:1].isupper() for w in a.text.split()[1:]) or (
        a.text[:1].isupper() and a.kind in ("person", "organization"))



def _group_token_bounds(doc: Doc) -> list[tuple[int, int]]:
    out = []
    for s, e, _ in names.group_spans(doc_text(doc)):
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
        r = roles_for(doc, ev, ev.type not in THING_TARGETS)
        seen: set = set()
        ev.actors = _build(doc, r.actors, groups, seen, ev.trigger)
        if ev.type == "PROTEST":  # people who protest are protesters, whoever they are otherwise
            for a in ev.actors:
                if a.kind in (None, "civilians", "unknown"):
                    a.kind = "protesters"
        hit = r.targets + (_victims(doc, ev) if ev.type == "ASSAULT" else [])
        ev.targets = sorted(_build(doc, hit, groups, seen, ev.trigger, ev.type in THING_TARGETS),
                            key=lambda a: a.start)
        if r.instrument is not None:
            lo, hi = phrase(r.instrument, groups)
            sp = doc[lo:hi]
            ev.instrument = Span(sp.text, sp.start_char, sp.end_char)
    claims = _claimed_actors(doc, groups)
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
