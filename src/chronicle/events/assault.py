"""ACLED coding of an attack: battle, remote violence, violence against civilians, riot or strategic
development, from its mode, its sides and what was hit."""
from __future__ import annotations

from functools import lru_cache

from ..parse.docs import doc_text
from ..records import Article, Event
from . import ontology
from .clauses import Bag, clause_tokens
from .mentions import short_text
from .modes import REMOTE
from .protest import riot_kind
from .rules import fires
from .roles import (
    agent_tokens,
    captured_people,
    context_bag,
    former,
    governing_agents,
    own_parts,
    patient_heads,
    purpose,
    sentence_bag,
    side_of,
    victims,
    with_parts,
)


ATTACK_VERBS = ("attack", "raid", "storm", "assault", "ambush")


def _unopposed(sent) -> bool:
    """Return True when the sentence says the ground changed hands without a fight ("without any armed clashes",
    "handed authority over the region")."""
    fight = ontology.cue("fight_words")
    for t in sent:
        if t.lower_ == "without" and any(g.lemma_.lower() in fight for g in t.subtree):
            return True
        if t.lemma_.lower() == "hand" and any(c.dep_ == "prt" and c.lower_ == "over" for c in t.children) or (
                t.lemma_.lower() == "hand" and any(c.dep_ == "prep" and c.lower_ == "over" for c in t.children)):
            return True
    return False


def _in_arms_store(head) -> bool:
    """Return True when the trigger names arms held in a store ("a cache of rockets"), not arms used."""
    up = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    return up is not None and up.head.lemma_.lower() in ontology.cue("arms_store")


def _is_crowd(tokens) -> bool:
    """Return True when the words name a crowd of civilians, or members of a group that is not armed
    ("members of the party's student wing"), and no organised armed group."""
    bag = Bag(tokens)
    if not tokens or bag.cue("organized_armed") or bag.cue("armed_group_words"):
        return False
    return bag.cue("crowd") or fires("acled.party_members", bag.cue("affiliates") and bag.cue("political_org_words"))


UNNAMED_DOERS = {"assailant", "attacker"}


def _unarmed_doers(agents, clause: Bag) -> bool:
    """Return True when the doers are named people with no arms and no armed side among them ("relatives of
    a patient", "brokers of private clinics", "four brothers", "assailants, led by a council chairman"),
    and the clause names no gun: who assaults people with bare hands or sticks is a mob, not an armed group."""
    nouns = [t for t in agents if t.pos_ in ("NOUN", "PROPN")]
    if not nouns or clause.cue("weapons") or clause.has_any(("shoot", "shot", "gun", "gunfire", "open fire", "fire:VERB")):
        return False
    lemmas = {t.lemma_.lower() for t in agents} | {t.lower_ for t in agents}
    return not lemmas & _armed_words()


@lru_cache(maxsize=1)
def _armed_words() -> frozenset:
    """Return the words that make doers armed, a state force or a criminal trade (read once)."""
    return frozenset((ontology.cue("organized_armed") - UNNAMED_DOERS) | ontology.cue("armed")
                     | ontology.cue("armed_group_words") | ontology.cue("criminal_doers")
                     | ontology.cue("state_forces") | (ontology.cue("non_state") - {"group", "faction", "opposition"}))


def _words_before(head) -> list:
    """Return the nouns before a verb trigger in its sentence, outside dates and place phrases: who did it, when
    the parse lost the subject ("On 10 April, supporters of a candidate stabbed ...")."""
    if head is None or head.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
        return []  # "supporters were attacked": the words before a passive verb are who was hit
    return [t for t in head.sent if t.i < head.i and t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ in ("DATE", "TIME", "GPE", "LOC")
            and not (t.dep_ == "pobj" and t.head.lower_ in ("on", "in", "at", "near"))]


def code_assault(article: Article, ev: Event, head) -> tuple[str, str]:
    """Return the ACLED (event type, sub-event type) of an ASSAULT."""
    sent = sentence_bag(article, ev)
    clause = Bag(clause_tokens(head)) if head is not None else sent
    agents = agent_tokens(head) if head is not None else []
    if fires("acled.arms_store", head is not None and _in_arms_store(head)):
        return ("Strategic developments", "Disrupted weapons use")
    if fires("acled.frame_weapon", getattr(ev, "_frame_weapon", False)):
        return ontology.acled_for("ASSAULT", ev.mode)  # the clash word only frames it: the weapon is the news
    if ev.mode == "capture":
        report = Bag.of_doc(article.doc) if short_text(article.text) else sent
        if fires("acled.capture_unopposed", sent.has_any(("withdraw", "pull out", "without resistance", "without a fight", "hand over", "handed over")) or (
                head is not None and _unopposed(head.sent)) or report.has_any(("withdrawal", "withdraw", "pullout"))):
            return ("Strategic developments", "Non-violent transfer of territory")
        if fires("acled.capture_people", head is not None and side_of(captured_people(head)) == "armed"):
            return ("Battles", "Armed clash")  # fighters "killed, injured or captured": people taken, not ground
        if fires("acled.capture_repelled", sent.cue("repelled") or (head is not None and purpose(head)) or (
                ev.status in ("planned", "attempted") and context_bag(article, ev, 1).cue("strong_clash"))):
            # "an attack to capture the positions was fended off": the ground did not change hands
            return ("Battles", "Armed clash")
        if head is not None and not agents:
            agents = governing_agents(head)
        subj = [t for t in agents if t.dep_ in ("nsubj", "agent", "pobj") and t.head.i in {head.i, head.head.i}] if head is not None else []
        who = Bag([p for t in subj for p in with_parts(t)] or agents)
        if not (who.cue("government_words") or who.cue("non_state")):
            who = Bag(agents)  # "Provinces, Army units, established control": the side is in an apposition
        first = Bag(own_parts(subj[0])) if subj else who
        if any(a.kind in ("military", "government", "police") for a in ev.actors) or who.cue("government_words"):
            # allies named after the army ("the army and allied militias") do not change whose gain it is
            gov = not first.cue("non_state") or first.cue("government_words")
        elif who.cue("non_state") or any(a.kind in ("rebels", "militia") for a in ev.actors):
            gov = False
        else:
            gov = clause.cue("recapture")
        fires("acled.capture_side_government" if gov else "acled.capture_side_non_state")
        return ("Battles", "Government regains territory" if gov else "Non-state actor overtakes territory")
    story = Bag.of_doc(article.doc) if short_text(article.text) else sent
    if fires("acled.no_shot_fired", ev.mode in (None, "firearms", "melee") and story.cue("no_fighting") and not story.cue("casualty")):
        # armed men storming a post and leaving without a shot: a change in what the group does
        return ("Strategic developments", "Change to group/activity")
    crowd = fires("acled.crowd_doers", _is_crowd(agents)) or fires("acled.crowd_before_verb", not agents and _is_crowd(_words_before(head))) or fires("acled.mob_words", ev.mode in ("mob",) or clause.cue("mob"))
    crowd = crowd or fires("acled.unarmed_doers", ev.mode in (None, "melee", "beat") and head is not None
                                  and head.lemma_.lower() == "assault" and _unarmed_doers(agents, clause))
    # "attacked settlements and burnt homes": the burning is part of an attack on people ("arson attack" is not)
    attack_on_people = head is not None and head.lemma_.lower() in ATTACK_VERBS and not any(
        w in ev.trigger.text.lower() for w in ("arson", "fire", "burn", "torch", "blaze"))
    # "militants attacked the police station ... and set it ablaze": the burning is part of the attack told beside it
    attack_on_people = attack_on_people or fires("acled.arson_in_attack", head is not None and ev.mode == "arson" and any(
        t.pos_ == "VERB" and t.lemma_.lower() in ATTACK_VERBS and t.i != head.i for t in head.sent))
    if ev.mode == "arson" and fires("acled.arson_not_attack", not attack_on_people):
        if crowd:
            return _crowd_riot(article, ev, clause)
        if fires("acled.arson_casualties", sent.cue("casualty") or (short_text(article.text) and Bag.of_doc(article.doc).cue("casualty"))):
            return ("Violence against civilians", "Attack")
        return ("Strategic developments", "Looting/property destruction")
    if ev.mode in ("sexual",):
        return ontology.acled_for("ASSAULT", ev.mode)
    if ev.mode in ("abduct", "hostage", "hijack"):
        if fires("acled.abduct_armed", bool({t.lemma_.lower() for t in patient_heads(head)} & ontology.cue("organized_armed"))):
            return ("Battles", "Armed clash")
        if fires("acled.abduct_and_kill", head is not None and any(
                c.dep_ == "conj" and c.lemma_.lower() in ontology.cue("killing_verbs") for c in head.children)):
            return ("Violence against civilians", "Attack")  # "kidnapped and killed": ACLED codes the killing
        if fires("acled.abduct_then_kill", context_bag(article, ev, 1).cue("killing_verbs")):
            return ("Violence against civilians", "Attack")  # "abducted a man, later found executed": the killing
        return ontology.acled_for("ASSAULT", ev.mode)
    if crowd and ev.mode not in REMOTE:
        return _crowd_riot(article, ev, clause)
    if fires("acled.crude_bombs", ev.mode in ("explosives", "grenade") and sent.cue("crude_bombs") and not (
            Bag(agents).cue("state_forces") or Bag(agents).cue("armed_group_words"))):
        # crude or petrol bombs thrown by party men or unnamed people: ACLED codes a riot, not a remote explosive
        return _crowd_riot(article, ev, clause)
    if fires("acled.unarmed_beat_forces", ev.mode in ("melee", "beat") and agents and not Bag(agents).cue("organized_armed")
             and not Bag(agents).cue("armed") and side_of(patient_heads(head)) == "armed"):
        # people without arms beating a policeman or soldier: a mob, not a battle
        return ("Riots", "Mob violence")
    if fires("acled.private_dispute", ev.mode not in REMOTE and sent.cue("private_dispute") and not sent.cue("organized_armed")):
        # a fight over land or a quarrel between unorganised people is mob violence, not an attack
        return ("Riots", "Mob violence")
    report = Bag.of_doc(article.doc) if short_text(article.text) else context_bag(article, ev, 1)
    if fires("acled.armed_response", ev.mode in (None, "firearms", "melee", "grenade", "explosives") and report.cue("armed_response")):
        return ("Battles", "Armed clash")  # the side attacked fired back: ACLED codes the exchange as a battle
    remote = ev.mode in ("chemical", "suicide", "drone", "aerial", "explosives", "grenade")
    fire_fight = sent.cue("fire_fight") and not remote
    duel = ("small arms", "clash", "exchange of fire", "exchange fire", "shoot-out", "fighting", "both directions")
    if ev.mode == "artillery":
        # fire "in both directions" of a front line, said anywhere in a short report, is a battle
        report = Bag.of_doc(article.doc) if short_text(article.text) else sent
        fire_fight = (fire_fight and sent.has_any(duel)) or report.has_any(("both directions", "exchange of fire", "exchanged fire"))
    if fires("acled.fire_on_civilians", fire_fight and ev.mode != "clash" and side_of(patient_heads(head)) == "civilian"):
        return ("Violence against civilians", "Attack")
    if fire_fight or ev.mode == "clash":
        arms = sent.cue("weapons") or sent.has_any(("small arms", "gunfire", "shot", "shoot", "fire"))
        if fires("acled.clash_unarmed_mob", _is_crowd(agents) or sent.cue("mob") or not (sent.cue("organized_armed") or arms or sent.cue("armed"))):
            return ("Riots", "Mob violence")
        if fires("acled.crowd_against_forces", head is not None and ev.mode == "clash" and _crowd_against_forces(head)):
            # shopkeepers or youths fighting the police: a riot, not a battle between armed sides
            return riot_kind(article, ev)
        fires("acled.clash_or_fire_fight")
        return ("Battles", "Armed clash")
    if fires("acled.strong_clash_armed_hit", sent.cue("strong_clash") and not remote and ev.mode != "artillery" and (
            side_of(patient_heads(head)) == "armed" or (not patient_heads(head) and sent.cue("organized_armed")))):
        return ("Battles", "Armed clash")
    pair = ontology.acled_for("ASSAULT", ev.mode)
    if ev.mode in REMOTE and pair:
        return pair
    return _battle_or_civilians(ev, head, sent)


def _clash_parties(head) -> list:
    """Return the tokens naming the sides of a clash: its subject and its 'with' or 'between' phrase."""
    out = []
    # "youths mobilised and clashed with ...", "a clash erupted between ...": the governing verb holds the sides
    for v in {head, head.head} if head.dep_ in ("conj", "xcomp", "nsubj") else {head}:
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "agent") or (c.dep_ == "prep" and c.lower_ in ("with", "between", "against")):
                out += list(c.subtree)
    return out


def _crowd_against_forces(head) -> bool:
    """Return True when a crowd of civilians fought state forces and no side is an armed group."""
    sides = _clash_parties(head)
    lemmas = {t.lemma_.lower() for t in sides} | {t.lower_ for t in sides}
    return bool(lemmas & ontology.cue("crowd")) and bool(lemmas & ontology.cue("state_forces")) and not lemmas & ontology.cue("armed_group_words") and not (
        lemmas & {"armed", "gunman", "gunmen", "bandit", "assailant", "attacker", "fighter", "soldier", "troops"}) and not (
        Bag(sides).cue("weapons"))


def _crowd_riot(article: Article, ev: Event, clause: Bag) -> tuple[str, str]:
    """Return the Riots sub-event of violence by a crowd: a mob, unless it acted at a demonstration
    ("workers burned tyres and demanded their wages")."""
    if fires("acled.mob_words", ev.mode == "mob" or clause.cue("mob")):
        return ("Riots", "Mob violence")
    return riot_kind(article, ev)


def _battle_or_civilians(ev: Event, head, bag: Bag) -> tuple[str, str]:
    """Return ACLED Battles/Armed clash or Violence against civilians/Attack for a direct attack."""
    for name, found in (("hit", side_of(patient_heads(head))), ("victims", side_of(victims(head)))):
        if fires(f"acled.{name}_armed", found == "armed"):
            return ("Battles", "Armed clash")
        if fires(f"acled.{name}_civilian", found == "civilian"):
            return ("Violence against civilians", "Attack")
    if fires("acled.target_kind_armed", any(t.kind in ontology.armed_kinds() for t in ev.targets)):
        return ("Battles", "Armed clash")
    if fires("acled.forces_among_dead", head is not None and short_text(doc_text(head.doc)) and any(
            {t.lemma_.lower() for t in victims(s.root) if not former(t)} & ontology.cue("state_forces") for s in head.doc.sents)):
        return ("Battles", "Armed clash")  # "the mayor's bodyguards, two policemen, were also killed": forces fell
    if head is not None and head.pos_ == "VERB":
        # the parse found no object: an armed side named in the clause, and not as its doer, was hit
        doers = {t.i for t in agent_tokens(head)}
        # "killed during a police raid": the raid is when it happened, not who was hit
        during = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ in ("during", "in", "amid") for t in c.subtree}
        rest = [t for t in clause_tokens(head) if t.i not in doers and t.i not in during and t.ent_type_ not in ("DATE", "TIME")]
        lemmas = {t.lemma_.lower() for t in rest} | {t.lower_ for t in rest}
        if fires("acled.armed_in_clause", bool(lemmas & ontology.cue("armed")) and not lemmas & ontology.cue("civilian")):
            return ("Battles", "Armed clash")
    return ("Violence against civilians", "Attack")
