"""Coding: map each found event to ACLED (event type, sub-event type) and GTD (attack, weapon).

Type and mode give a default code (data/ontology.json); the parse around the trigger settles
what depends on who was hit (an armed side or civilians), who did it (a crowd or an armed
group) and what happened around a protest.
"""
from __future__ import annotations

from typing import Optional

from ..records import Article, Event
from . import ontology
from .assault import code_assault
from .clauses import Bag, is_definite
from .modes import by_aircraft, clash_weapon, frame_clash, mode_tokens, refine_mode
from .protest import code_protest, riot_kind
from .roles import agent_tokens, captured_people, context_bag, sentence_bag, side_of, trigger_token


def _crowd_doers(tokens) -> bool:
    """Return True when the doers are unorganised people ("community members", "unknown persons")."""
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    people = ontology.cue("crowd") | {"person", "persons", "individual", "men", "man", "youth", "youngster"}
    armed = ontology.cue("armed") | ontology.cue("organized_armed") | ontology.cue("armed_group_words")
    return bool(lemmas & people) and not lemmas & armed


def _code_acled(article: Article, ev: Event) -> Optional[tuple[str, str]]:
    """Return the (ACLED event type, sub-event type) of one event, or None when ACLED would not code it."""
    head = trigger_token(article, ev)
    if ev.type == "ASSAULT":
        return code_assault(article, ev, head)
    if ev.type == "PROTEST":
        return code_protest(article, ev, head)
    if ev.type == "COERCE" and ev.mode in ("arrest", "raid") and sentence_bag(article, ev).cue("crime"):
        return None
    if ev.type == "COERCE" and ev.mode == "arrest" and head is not None and head.lemma_.lower() == "capture" and (
            side_of(captured_people(head)) == "armed"):
        return ("Battles", "Armed clash")  # fighters captured in combat: ACLED codes the fight
    if ev.type == "COERCE" and ev.mode in ("loot", "destroy") and head is not None and _crowd_doers(agent_tokens(head)):
        return riot_kind(article, ev)  # a crowd looting or smashing things riots; ACLED's looting is by armed groups
    if ev.type == "COERCE" and ev.mode == "seize" and sentence_bag(article, ev).cue("crime") and not (
            head is not None and Bag(agent_tokens(head)).cue("armed")):
        return None  # goods seized from criminals are news only when named forces did it
    if ev.type == "COERCE" and ev.mode == "raid" and head is not None and by_aircraft(head):
        return ("Explosions/Remote violence", "Air/drone strike")  # "raids by the army's helicopters"
    if ev.type == "RETREAT" and ev.mode == "withdraw" and head is not None and any(
            c.dep_ == "prep" and c.lower_ == "from" and Bag(list(c.subtree)).cue("pact_words") for c in head.children):
        return ("Strategic developments", "Agreement")  # leaving a treaty is news about an agreement, not ground
    if ev.type == "AID":
        doers = agent_tokens(head) if head is not None else []
        if head is not None and head.dep_ == "acl":  # "members of a gang delivering food": the noun is the doer
            doers += [t for t in head.head.subtree if t.i < head.i]
        givers = Bag(doers) if doers else None
        if (givers and givers.cue("armed_group_words")) or any(a.kind in ("rebels", "militia") for a in ev.actors):
            # an armed group handing out food or aid changes what the group does: ACLED records it
            return ("Strategic developments", "Change to group/activity")
        return None
    return ontology.acled_for(ev.type, ev.mode)


ROLE_PREPS = ("on", "against", "targeting")


def _targets_person(head) -> bool:
    """Return True when what the attack hit is one named or office-holding person (or their convoy, home)."""
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    toks = []
    # "shot and killed Captain X": the second verb holds who was hit
    pair = [c for v in (head, verb) for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for v in {head, verb, *pair}:
        for c in v.children:
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ROLE_PREPS):
                toks += list(c.subtree)
    for t in head.sent:
        if t.lemma_.lower() == "target" and t.pos_ == "VERB":
            toks += [x for c in t.children if c.dep_ == "dobj" for x in c.subtree]
    roles = ontology.cue("official")
    places = ontology.cue("territory") | {"governorate", "neighbourhood", "neighborhood", "street", "square"}
    ids = {t.i for t in toks}
    for ent in head.doc.ents:
        if ent.label_ == "PERSON" and ent.root.i in ids and ent.root.dep_ != "compound" \
                and ent.root.head.lemma_.lower() not in places:
            return True
    for t in toks:
        if t.lemma_.lower() in roles and t.tag_ != "NNS" and t.pos_ == "NOUN":
            return True
    return False


def _code_gtd(article: Article, ev: Event) -> dict[str, str]:
    """Return the GTD attack and weapon type of an ASSAULT."""
    sent = sentence_bag(article, ev)
    near = context_bag(article, ev, 1)
    head = trigger_token(article, ev)
    mode = ev.mode
    attack = ontology.gtd_attack_for(mode)
    if mode == "hostage" and sent.has_any(("kidnap", "abduct", "kidnapping", "abduction")):
        attack = "Hostage Taking (Kidnapping)"
    elif mode not in ("abduct", "hostage", "hijack"):
        if sent.cue("assassination") or (head is not None and _targets_person(head)):
            attack = "Assassination"
        elif near.has_any(("kidnap", "abduct", "execute", "behead", "take hostage", "hostage", "captive")):
            # GTD codes an incident in which people were taken as a kidnapping
            attack = "Hostage Taking (Kidnapping)"
    if attack == "Bombing/Explosion" and mode in ("artillery", "grenade") and head is not None and Bag(
            mode_tokens(head)).cue("small_arms"):
        attack = "Armed Assault"  # "attacked the village with mortars and gunfire": GTD codes the mixed assault as armed
    weapon = ontology.gtd_weapon_for(mode)
    if weapon == "Unknown":
        for m, words in ontology.mode_cues():
            if m in ("firearms", "melee", "arson", "explosives", "artillery", "grenade") and sent.has_any(words):
                weapon = ontology.gtd_weapon_for(m)
                break
    if weapon == "Unknown" and attack == "Armed Assault":
        weapon = "Firearms"  # GTD's armed assault is an attack with firearms unless the text names other arms
    return {"attack_type": attack, "weapon_type": weapon}


def code_events(article: Article, events: list[Event]) -> None:
    """Set `acled` (and `gtd` for attacks) on each event from its type, mode, arguments and context."""
    if article.doc is None:
        return
    main = None
    for ev in events:
        if ev.type == "ASSAULT":
            ev.mode = refine_mode(article, ev)
            head = trigger_token(article, ev)
            if ev.mode == "clash" and head is not None and frame_clash(head):
                ev.mode = clash_weapon(article, ev) or ev.mode
                ev._frame_weapon = ev.mode != "clash"
            if main is None:
                main = ev
            elif ev.mode is None and head is not None and is_definite(head) and main.trigger.start < ev.trigger.start:
                ev.mode = main.mode  # "the attack" restates the attack reported before it
        elif ev.type == "AGREE" and ev.mode == "agree":
            bag = sentence_bag(article, ev)
            if bag.cue("ceasefire"):
                ev.mode = "ceasefire"
            elif bag.cue("organized_armed") or bag.cue("prisoners"):
                ev.mode = "accord"  # a deal between armed parties: ACLED records it
        pair = _code_acled(article, ev)
        ev.acled = {"event_type": pair[0], "sub_event_type": pair[1]} if pair else None
        stored = ev.type == "ASSAULT" and pair == ("Strategic developments", "Disrupted weapons use")
        ev.gtd = _code_gtd(article, ev) if ev.type == "ASSAULT" and not stored else None
