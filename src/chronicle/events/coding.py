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
from .mentions import short_text
from .modes import by_aircraft, clash_weapon, frame_clash, mode_tokens, refine_mode
from .outcome import harmed, report_tokens
from .protest import code_protest, riot_kind
from .rules import fires
from .roles import agent_tokens, captured_people, context_bag, sentence_bag, side_of, trigger_token


def _crowd_doers(tokens) -> bool:
    """Return True when the doers are unorganised people ("community members", "unknown persons") or members
    of a party or other civic body ("members of the student league")."""
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    people = ontology.cue("crowd") | {"person", "persons", "individual", "men", "man", "youth", "youngster"}
    armed = ontology.cue("armed") | ontology.cue("organized_armed") | ontology.cue("armed_group_words")
    party = fires("acled.party_members_looting", bool(lemmas & ontology.cue("affiliates") and lemmas & ontology.cue("political_org_words")))
    return bool(lemmas & people or party) and not lemmas & armed


def _code_acled(article: Article, ev: Event) -> Optional[tuple[str, str]]:
    """Return the (ACLED event type, sub-event type) of one event, or None when ACLED would not code it."""
    head = trigger_token(article, ev)
    if ev.type == "ASSAULT":
        return code_assault(article, ev, head)
    if ev.type == "PROTEST":
        return code_protest(article, ev, head)
    if fires("acled.crime_arrest", ev.type == "COERCE" and ev.mode in ("arrest", "raid") and sentence_bag(article, ev).cue("crime")):
        return None
    if fires("acled.fighters_captured", ev.type == "COERCE" and ev.mode == "arrest" and head is not None
             and head.lemma_.lower() == "capture" and side_of(captured_people(head)) == "armed"):
        return ("Battles", "Armed clash")  # fighters captured in combat: ACLED codes the fight
    if fires("acled.crowd_looting", ev.type == "COERCE" and ev.mode in ("loot", "destroy") and head is not None
             and _crowd_doers(agent_tokens(head))):
        return riot_kind(article, ev)  # a crowd looting or smashing things riots; ACLED's looting is by armed groups
    if fires("acled.crime_seizure", ev.type == "COERCE" and ev.mode == "seize" and sentence_bag(article, ev).cue("crime") and not (
            head is not None and Bag(agent_tokens(head)).cue("armed"))):
        return None  # goods seized from criminals are news only when named forces did it
    if fires("acled.air_raid", ev.type == "COERCE" and ev.mode == "raid" and head is not None and by_aircraft(head)):
        return ("Explosions/Remote violence", "Air/drone strike")  # "raids by the army's helicopters"
    if fires("acled.treaty_withdrawal", ev.type == "RETREAT" and ev.mode == "withdraw" and head is not None and any(
            c.dep_ == "prep" and c.lower_ == "from" and Bag(list(c.subtree)).cue("pact_words") for c in head.children)):
        return ("Strategic developments", "Agreement")  # leaving a treaty is news about an agreement, not ground
    if ev.type == "AID":
        doers = agent_tokens(head) if head is not None else []
        if head is not None and head.dep_ == "acl":  # "members of a gang delivering food": the noun is the doer
            doers += [t for t in head.head.subtree if t.i < head.i]
        givers = Bag(doers) if doers else None
        if fires("acled.armed_group_aid", bool(givers and givers.cue("armed_group_words")) or any(a.kind in ("rebels", "militia") for a in ev.actors)):
            # an armed group handing out food or aid changes what the group does: ACLED records it
            return ("Strategic developments", "Change to group/activity")
        return None
    return ontology.acled_for(ev.type, ev.mode)


ROLE_PREPS = ("on", "against", "targeting")
KIDNAP_WORDS = ("kidnap", "abduct", "execute", "behead", "take hostage", "hostage", "captive")
PERSON_ATTACKS = {"Assassination", "Hostage Taking (Kidnapping)", "Hostage Taking (Barricade Incident)", "Hijacking"}


def _hit_tokens(head) -> list:
    """Return the tokens of what the attack hit: objects of the trigger, its verb and a paired verb, and of 'target'."""
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
    return toks


def _targets_person(head, arson: bool = False) -> bool:
    """Return True when what the attack hit is one named or office-holding person (or their convoy, home)."""
    toks = _hit_tokens(head)
    roles = ontology.cue("official")
    ids = {t.i for t in toks}
    for ent in head.doc.ents:
        if ent.label_ in ("PERSON", "ORG") and ent.root.i in ids and fires("gtd.person_entity", _person_named(ent, roles)):
            return True
    if any(fires("gtd.person_role", t.lemma_.lower() in roles and t.tag_ != "NNS" and t.pos_ == "NOUN") for t in toks):
        return True
    # a house set on fire is a facility attack, whoever owns it
    return not arson and any(fires("gtd.person_possession", _owned_by_person(t, roles)) for t in head.sent)


def _owned_by_person(tok, roles) -> bool:
    """Return True for the car or home of a named or office-holding person ("the vehicle of X", "the residence
    belonging to the district chief", "the mayor's house"): the person is the target whatever hits it."""
    if tok.lemma_.lower() not in ontology.cue("possessions"):
        return False
    owners = [c for c in tok.children if c.dep_ == "poss"]
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() == "belong":
            c = next((x for x in c.children if x.dep_ == "prep" and x.lower_ == "to"), c)
        if c.dep_ == "prep" and c.lower_ in ("of", "to"):
            owners += [x for x in c.children if x.dep_ == "pobj"]
    return any(o.lemma_.lower() in roles or (o.pos_ == "PROPN" and _name_of_person(o, roles)) for o in owners)


def _name_of_person(tok, roles) -> bool:
    """Return True when the name `tok` stands in is a person's: tagged PERSON, or said again as a person
    (the small model tags many people's names as organisations)."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and (ent.label_ == "PERSON" or (ent.label_ == "ORG" and _person_named(ent, roles)))


PLACE_PREPS = {"in", "near", "at", "outside", "inside", "from", "into", "along", "between", "across", "around"}
NAMED_AGAIN = {"kill", "injure", "wound", "survive", "harm", "shoot", "hurt", "die", "escape", "abduct", "kidnap", "target"}


def _person_named(ent, roles) -> bool:
    """Return True when a name the tagger calls a person is a person: a title or role beside it ("Mayor X",
    "X, a journalist") or the name said again of a person ("X was injured"); not a name in a place chain
    ("raided Ouzal, Extreme-North"), under a place preposition or beside a place word (the small model
    tags many town names as people)."""
    doc, root = ent.doc, ent.root
    places = ontology.cue("territory") | ontology.cue("place_words")
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and (prev.lemma_.lower() in roles or prev.lower_.rstrip(".") in ontology.cue("titles")):
        return True
    if (root.dep_ == "appos" and root.head.lemma_.lower() in roles) or any(
            c.dep_ == "appos" and c.lemma_.lower() in roles for c in root.children):
        return True
    if root.head.lemma_.lower() in places or (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS):
        return False
    if ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].text[:1].isupper():
        return False  # "Ouzal, Extreme-North, Cameroon": a chain of places
    if root.dep_ in ("conj", "appos"):
        return False
    last = ent[-1].lower_
    return any(t.lower_ == last and t.dep_ in ("nsubjpass", "nsubj", "dobj") and t.head.lemma_.lower() in NAMED_AGAIN
               for t in doc[ent.end:])


def _code_gtd(article: Article, ev: Event) -> dict[str, str]:
    """Return the GTD attack and weapon type of an ASSAULT."""
    sent = sentence_bag(article, ev)
    near = context_bag(article, ev, 1)
    head = trigger_token(article, ev)
    mode = ev.mode
    attack = ontology.gtd_attack_for(mode)
    if mode == "hostage" and fires("gtd.hostage_kidnap", sent.has_any(("kidnap", "abduct", "kidnapping", "abduction"))):
        attack = "Hostage Taking (Kidnapping)"
    elif mode not in ("abduct", "hostage", "hijack"):
        if fires("gtd.assassination_words", sent.cue("assassination")) or (head is not None and _targets_person(head, mode == "arson")):
            attack = "Assassination"
        elif fires("gtd.kidnap_in_incident", near.has_any(KIDNAP_WORDS)) or fires("gtd.kidnap_in_report", short_text(article.text) and Bag.of_doc(
                article.doc).has_any(KIDNAP_WORDS)):
            # GTD codes an incident in which people were taken as a kidnapping
            attack = "Hostage Taking (Kidnapping)"
    if attack == "Bombing/Explosion" and mode in ("artillery", "grenade") and head is not None and fires("gtd.mixed_arms_assault", Bag(
            mode_tokens(head)).cue("small_arms")):
        attack = "Armed Assault"  # "attacked the village with mortars and gunfire": GTD codes the mixed assault as armed
    weapon = ontology.gtd_weapon_for(mode)
    if attack == "Facility/Infrastructure Attack" and mode == "arson" and fires("gtd.arson_harm", harmed(report_tokens(article, ev))):
        # "set fire to homes; two residents were killed": GTD codes an attack that hurt people as armed
        attack = "Armed Assault"
        if fires("gtd.arson_gunfire", sent.has_any(dict(ontology.mode_cues())["firearms"])):
            weapon = "Firearms"  # "opened fire on residents and set houses ablaze": the guns come first
    if weapon == "Unknown":
        for m, words in ontology.mode_cues():
            if m in ("firearms", "melee", "arson", "explosives", "artillery", "grenade") and sent.has_any(words):
                weapon = ontology.gtd_weapon_for(m)
                break
    if weapon == "Unknown" and fires("gtd.armed_assault_firearms", attack == "Armed Assault"):
        weapon = "Firearms"  # GTD's armed assault is an attack with firearms unless the text names other arms
    elif weapon == "Unknown" and fires("gtd.weapon_default_firearms", attack in PERSON_ATTACKS):
        weapon = "Firearms"  # abductions and killings of a person are done at gunpoint unless the text says otherwise
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
