"""Coding: map each found event to ACLED (event type, sub-event type) and GTD (attack, weapon).

Type and mode give a default code (data/ontology.json); the parse around the trigger settles
what depends on who was hit (an armed side or civilians), who did it (a crowd or an armed
group) and what happened around a protest.
"""
from __future__ import annotations

from typing import Optional

from . import ontology
from .mentions import short_text
from .events import YEAR, Bag, _aside, _clause_tokens, _definite
from .records import Article, Event


def _sentences_after(article: Article, ev: Event, following: int) -> list:
    """Return the event's sentence and up to `following` sentences after it."""
    sents = list(article.doc.sents)
    k = next((i for i, s in enumerate(sents) if s.start_char <= ev.trigger.start < s.end_char), 0)
    return sents[k:k + 1 + following]


def _context_bag(article: Article, ev: Event, following: int = 2) -> Bag:
    """Return a Bag over the event's sentence and the `following` sentences after it."""
    return Bag([t for s in _sentences_after(article, ev, following) for t in s])


def _sentence_bag(article: Article, ev: Event) -> Bag:
    """Return a Bag over the event's own sentence."""
    return _context_bag(article, ev, 0)


def _fact_tokens(article: Article, ev: Event, head, following: int) -> list:
    """Return what happened around the event: its sentence without what-about phrases, and in the
    next sentences only clauses whose doer or sufferer is the crowd or the police."""
    sents = _sentences_after(article, ev, following)
    toks = []
    skip: set[int] = set()
    for t in sents[0]:
        if t.i not in skip:
            skip |= _aside(t)
    toks += [t for t in sents[0] if t.i not in skip]
    # in the sentences after a protest, "they" and "some" are mostly the protesters
    people = ontology.cue("crowd") | ontology.cue("armed") | ontology.cue("protest") | {
        "person", "they", "some", "many", "others", "several", "dozens", "hundreds", "rioter", "participant"}
    for s in sents[1:]:
        if YEAR.search(s.text):
            continue  # a dated aside ("during an attack in 2018") is background
        for v in s:
            if v.pos_ != "VERB":
                continue
            who = [t for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "agent", "dobj") for t in c.subtree]
            if any(t.lemma_.lower() in people for t in who):
                skip = set()
                for t in v.subtree:
                    if t.i not in skip:
                        skip |= _aside(t)
                toks += [t for t in v.subtree if t.i not in skip and not (t.dep_ == "ccomp")]
    return toks


def _agent_tokens(head) -> list:
    """Return the tokens of who did it: the subject, or the 'by' agent of a passive."""
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    out = []
    for v in (head, verb):
        for c in v.children:
            if c.dep_ in ("nsubj", "agent") or (c.dep_ == "prep" and c.lower_ == "by"):
                out += list(c.subtree)
    if not out and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return _agent_tokens(verb.head)  # "a mob vandalised temples and attacked shops": the first verb's doer
    return out


DAMAGE_VERBS = {"destroy", "damage", "wreck", "disable"}
INSTRUMENT_VERBS = {"fire", "launch", "throw", "detonate", "plant", "use", "drop", "hurl", "lob", "explode"}


def _mode_tokens(head) -> list:
    """Return the clause tokens that can name the means: without what was hit ("shot at a helicopter")."""
    toks = _clause_tokens(head)
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    hit: set[int] = set()
    for v in {head, verb}:
        for c in v.children:
            if c.dep_ == "nsubjpass" or (c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "near", "toward", "towards")) or (
                    c.dep_ == "dobj" and v.lemma_.lower() not in INSTRUMENT_VERBS):
                hit.update(t.i for t in c.subtree)
    for v in toks:
        if v.pos_ == "VERB" and v.lemma_.lower() in DAMAGE_VERBS:
            # "the missile hit the base, destroying several helicopters": what was destroyed is not the means
            hit.update(t.i for c in v.children if c.dep_ == "dobj" for t in c.subtree)
    # what an instrument verb fires or drops is the means, "of" phrase and all ("dozens of rockets");
    # "missiles fired by ...": the noun the verb describes
    means = [t for v in {head, verb, *toks} if v.pos_ == "VERB" and v.lemma_.lower() in INSTRUMENT_VERBS
             for c in v.children if c.dep_ == "dobj" for t in c.subtree]
    if head.dep_ == "acl" and head.lemma_.lower() in INSTRUMENT_VERBS:
        means += [t for t in head.head.subtree if t.i < head.i]
    seen = {t.i for t in toks}
    return [t for t in toks if t.i not in hit] + [t for t in means if t.i not in seen]


def _gas_named(article: Article, ev: Event) -> bool:
    """Return True when the event's sentence names a gas as what was used, not in a what-about phrase
    ("strikes in retaliation for a chlorine attack") nor as a facility ("chemical weapons sites")."""
    # a short report often says what the shells carried in its next sentence
    sents = _sentences_after(article, ev, 1 if short_text(article.text) else 0)
    skip: set[int] = set()
    for t in (t for s in sents for t in s):
        if t.i not in skip:
            skip |= _aside(t)
    facilities = ontology.cue("gas_facilities")
    toks = [t for s in sents for t in s if t.i not in skip and not (
        t.head.lemma_.lower() in facilities or t.head.head.lemma_.lower() in facilities)]
    return Bag(toks).has_any(dict(ontology.mode_cues())["chemical"])


def _refine_mode(article: Article, ev: Event) -> Optional[str]:
    """Return the most specific violent mode the trigger's clause, then its sentence, then the next ones support."""
    generic = {None, "explosives", "firearms", "beat", "melee"}
    if ev.mode in (None, "aerial", "artillery", "explosives") and _gas_named(article, ev):
        return "chemical"  # a gas named anywhere in the sentence is what the shell or bomb carried
    if ev.mode not in generic:
        return ev.mode
    head = _trigger_token(article, ev)
    if ev.mode is None and head is not None and _gunmen_only(head):
        return "firearms"  # "gunmen attacked a mosque and set off a bomb": an armed assault with a bomb in it
    bags = [Bag(_mode_tokens(head))] if head is not None else []
    if head is not None and head.lemma_.lower() in ("throw", "hurl", "lob"):
        # what was thrown is the means: "hurled grenades from a helicopter" is a grenade attack
        bags.insert(0, Bag([t for c in head.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]))
    if ev.mode is None or ev.mode == "explosives":
        # a trigger that names no means takes it from the sentence, then the report around it
        bags += [_sentence_bag(article, ev),
                 _context_bag(article, ev, 1) if not short_text(article.text) else Bag.of_doc(article.doc)]
    for n, bag in enumerate(bags):
        for mode, words in ontology.mode_cues():
            if ontology.mode_rank(mode) >= ontology.mode_rank(ev.mode):
                break
            if n > 0 and mode in ("arson", "sexual"):
                # houses burned in the same raid do not make the attack an arson; "killed for sexual conduct" is no rape
                continue
            if bag.has_any(words):
                return mode
    if ev.mode is None and head is not None and head.lemma_.lower() in ("explosion", "explode", "blast"):
        return "explosives"
    if ev.mode == "explosives" and head is not None and _self_killed(head):
        return "suicide"
    return ev.mode


GUNMEN = ("gunman", "gunmen", "armed man", "armed men")
FRAME_PREPS = ("during", "in", "amid", "amidst")


def _by_aircraft(head) -> bool:
    """Return True when the doer named with the trigger is an aircraft or a drone ("raids by warplanes")."""
    doers = _agent_tokens(head) + [t for c in head.children if c.dep_ == "compound" for t in c.subtree]
    if head.dep_ == "pobj":  # "losses in raids by helicopters": the parser hangs the "by" on the noun before
        doers += [t for c in head.head.head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for t in c.subtree]
    words = dict(ontology.mode_cues())
    return Bag(doers).has_any(words["aerial"] | words["drone"])


def _self_killed(head) -> bool:
    """Return True when the attackers killed themselves with what they set off ("detonated explosives, killing themselves")."""
    for v in [head] + [c for c in head.children if c.dep_ in ("advcl", "conj", "xcomp")]:
        if v.lemma_.lower() in ontology.cue("killing_verbs") and any(
                c.dep_ == "dobj" and c.lower_ in ("themselves", "himself", "herself") for c in v.children):
            return True
    return False


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


def _gunmen_only(head) -> bool:
    """Return True when gunmen did it and neither they nor the trigger's own clause name other means
    ("gunmen targeted the office with a grenade", "suicide bombers and gunmen stormed ...")."""
    agents = _agent_tokens(head)
    if not Bag(agents).has_any(GUNMEN):
        return False
    later = {t.i for v in (head, head.head) if v.pos_ == "VERB" for c in v.children
             if c.dep_ == "conj" and c.pos_ == "VERB" for t in c.subtree}
    own = Bag([t for t in _mode_tokens(head) + agents if t.i not in later])
    return not any(own.has_any(words) for mode, words in ontology.mode_cues() if mode != "firearms")


def _frame_clash(head) -> bool:
    """Return True when a clash noun only frames the sentence ("during the clashes", "as clashes entered
    a second week") rather than being what the sentence reports."""
    if head.pos_ != "NOUN":
        return False
    if head.dep_ == "pobj" and head.head.lower_ in FRAME_PREPS:
        return True
    return head.dep_ == "nsubj" and head.head.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("as", "while") for c in head.head.children)


def _clash_weapon(article: Article, ev: Event) -> Optional[str]:
    """Return the remote mode of a weapon the event's sentence names (grenades hurled, missiles launched), or None."""
    sent = _sentences_after(article, ev, 0)[0]
    bag = Bag([t for t in sent if not (ev.trigger.start <= t.idx < ev.trigger.end)])
    if bag.has_any(("water cannon", "tear gas")):
        return None  # crowd-control arms at a riot are not a shelling
    named = ontology.cue("clash_weapons")
    for mode, words in ontology.mode_cues():
        if mode in REMOTE and bag.has_any(words & named):
            return mode
    return None


def _in_arms_store(head) -> bool:
    """Return True when the trigger names arms held in a store ("a cache of rockets"), not arms used."""
    up = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    return up is not None and up.head.lemma_.lower() in ontology.cue("arms_store")


def _trigger_token(article: Article, ev: Event):
    """Return the syntactic head of the event's trigger."""
    span = article.doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


BLAST_MODES = {None, "explosives"}
REMOTE = {"chemical", "suicide", "drone", "aerial", "artillery", "grenade", "explosives"}


def _is_crowd(tokens) -> bool:
    """Return True when the words name a crowd of civilians and no organised armed group."""
    bag = Bag(tokens)
    return bool(tokens) and bag.cue("crowd") and not bag.cue("organized_armed")


def _code_assault(article: Article, ev: Event, head) -> tuple[str, str]:
    """Return the ACLED (event type, sub-event type) of an ASSAULT."""
    sent = _sentence_bag(article, ev)
    clause = Bag(_clause_tokens(head)) if head is not None else sent
    agents = _agent_tokens(head) if head is not None else []
    if head is not None and _in_arms_store(head):
        return ("Strategic developments", "Disrupted weapons use")
    if getattr(ev, "_frame_weapon", False):
        return ontology.acled_for("ASSAULT", ev.mode)  # the clash word only frames it: the weapon is the news
    if ev.mode == "capture":
        report = Bag.of_doc(article.doc) if short_text(article.text) else sent
        if sent.has_any(("withdraw", "pull out", "without resistance", "without a fight", "hand over", "handed over")) or (
                head is not None and _unopposed(head.sent)) or report.has_any(("withdrawal", "withdraw", "pullout")):
            return ("Strategic developments", "Non-violent transfer of territory")
        if head is not None and _side(_captured_people(head)) == "armed":
            return ("Battles", "Armed clash")  # fighters "killed, injured or captured": people taken, not ground
        if sent.cue("repelled") or (head is not None and _purpose(head)) or (
                ev.status in ("planned", "attempted") and _context_bag(article, ev, 1).cue("strong_clash")):
            # "an attack to capture the positions was fended off": the ground did not change hands
            return ("Battles", "Armed clash")
        if head is not None and not agents:
            agents = _governing_agents(head)
        subj = [t for t in agents if t.dep_ in ("nsubj", "agent", "pobj") and t.head.i in {head.i, head.head.i}] if head is not None else []
        who = Bag([p for t in subj for p in _with_parts(t)] or agents)
        if not (who.cue("government_words") or who.cue("non_state")):
            who = Bag(agents)  # "Provinces, Army units, established control": the side is in an apposition
        first = Bag(_own_parts(subj[0])) if subj else who
        if any(a.kind in ("military", "government", "police") for a in ev.actors) or who.cue("government_words"):
            # allies named after the army ("the army and allied militias") do not change whose gain it is
            gov = not first.cue("non_state") or first.cue("government_words")
        elif who.cue("non_state") or any(a.kind in ("rebels", "militia") for a in ev.actors):
            gov = False
        else:
            gov = clause.cue("recapture")
        return ("Battles", "Government regains territory" if gov else "Non-state actor overtakes territory")
    story = Bag.of_doc(article.doc) if short_text(article.text) else sent
    if ev.mode in (None, "firearms", "melee") and story.cue("no_fighting") and not story.cue("casualty"):
        # armed men storming a post and leaving without a shot: a change in what the group does
        return ("Strategic developments", "Change to group/activity")
    crowd = _is_crowd(agents) or (ev.mode in ("mob",) or clause.cue("mob"))
    # "attacked settlements and burnt homes": the burning is part of an attack on people ("arson attack" is not)
    attack_on_people = head is not None and head.lemma_.lower() in ("attack", "raid", "storm", "assault") and not any(
        w in ev.trigger.text.lower() for w in ("arson", "fire", "burn", "torch", "blaze"))
    if ev.mode == "arson" and not attack_on_people:
        if crowd:
            return _crowd_riot(article, ev, clause)
        if sent.cue("casualty") or (short_text(article.text) and Bag.of_doc(article.doc).cue("casualty")):
            return ("Violence against civilians", "Attack")
        return ("Strategic developments", "Looting/property destruction")
    if ev.mode in ("sexual",):
        return ontology.acled_for("ASSAULT", ev.mode)
    if ev.mode in ("abduct", "hostage", "hijack"):
        if {t.lemma_.lower() for t in _patient_heads(head)} & ontology.cue("organized_armed"):
            return ("Battles", "Armed clash")
        if head is not None and any(c.dep_ == "conj" and c.lemma_.lower() in ontology.cue("killing_verbs") for c in head.children):
            return ("Violence against civilians", "Attack")  # "kidnapped and killed": ACLED codes the killing
        return ontology.acled_for("ASSAULT", ev.mode)
    if crowd and ev.mode not in REMOTE:
        return _crowd_riot(article, ev, clause)
    if ev.mode in ("melee", "beat") and agents and not Bag(agents).cue("organized_armed") and not Bag(agents).cue("armed") \
            and _side(_patient_heads(head)) == "armed":
        # people without arms beating a policeman or soldier: a mob, not a battle
        return ("Riots", "Mob violence")
    if ev.mode not in REMOTE and sent.cue("private_dispute") and not sent.cue("organized_armed"):
        # a fight over land or a quarrel between unorganised people is mob violence, not an attack
        return ("Riots", "Mob violence")
    report = Bag.of_doc(article.doc) if short_text(article.text) else _context_bag(article, ev, 1)
    if ev.mode in (None, "firearms", "melee", "grenade", "explosives") and report.cue("armed_response"):
        return ("Battles", "Armed clash")  # the side attacked fired back: ACLED codes the exchange as a battle
    remote = ev.mode in ("chemical", "suicide", "drone", "aerial", "explosives", "grenade")
    fire_fight = sent.cue("fire_fight") and not remote
    duel = ("small arms", "clash", "exchange of fire", "exchange fire", "shoot-out", "fighting", "both directions")
    if ev.mode == "artillery":
        # fire "in both directions" of a front line, said anywhere in a short report, is a battle
        report = Bag.of_doc(article.doc) if short_text(article.text) else sent
        fire_fight = (fire_fight and sent.has_any(duel)) or report.has_any(("both directions", "exchange of fire", "exchanged fire"))
    if fire_fight and ev.mode != "clash" and _side(_patient_heads(head)) == "civilian":
        return ("Violence against civilians", "Attack")
    if fire_fight or ev.mode == "clash":
        arms = sent.cue("weapons") or sent.has_any(("small arms", "gunfire", "shot", "shoot", "fire"))
        if _is_crowd(agents) or sent.cue("mob") or not (sent.cue("organized_armed") or arms or sent.cue("armed")):
            return ("Riots", "Mob violence")
        if head is not None and ev.mode == "clash" and _crowd_against_forces(head):
            # shopkeepers or youths fighting the police: a riot, not a battle between armed sides
            return _riot_kind(article, ev)
        return ("Battles", "Armed clash")
    if sent.cue("strong_clash") and not remote and ev.mode != "artillery" and (
            _side(_patient_heads(head)) == "armed" or (not _patient_heads(head) and sent.cue("organized_armed"))):
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
    if ev.mode == "mob" or clause.cue("mob"):
        return ("Riots", "Mob violence")
    return _riot_kind(article, ev)


def _riot_kind(article: Article, ev: Event) -> tuple[str, str]:
    """Return Riots / Violent demonstration when a demonstration is named around the event, else Mob violence."""
    if _context_bag(article, ev, 2).cue("demonstration"):
        return ("Riots", "Violent demonstration")
    return ("Riots", "Mob violence")


def _captured_people(head) -> list:
    """Return the head words of who was captured ("captured two fighters", "militants were killed or captured")."""
    verbs = [head]
    while verbs[-1].dep_ in ("conj", "advcl") and len(verbs) < 4:  # "were killed, injured or captured"
        verbs.append(verbs[-1].head)
    out = []
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                out += _with_parts(c)
    if any(t.lemma_.lower() in ontology.cue("territory") for t in out):
        return []
    return out


def _own_parts(tok) -> list:
    """Return `tok` with its compounds and modifiers, without coordinated nouns."""
    return [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]


def _purpose(head) -> bool:
    """Return True when the trigger is an aim ("an attack to capture the town"), not a deed."""
    return head.pos_ == "VERB" and head.dep_ in ("acl", "xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and head.head.pos_ == "NOUN"


def _governing_agents(head) -> list:
    """Return the doer of the clause that governs a subjectless trigger ("troops won by controlling the area")."""
    tok = head
    for _ in range(3):
        if tok.dep_ not in ("pcomp", "pobj", "prep", "advcl", "xcomp", "conj") or tok.head.i == tok.i:
            return []
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            found = _agent_tokens(tok)
            if found:
                return found
    return []


def _with_parts(tok) -> list:
    """Return `tok` with its compounds, modifiers and coordinated nouns ("militia members and soldiers")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            out.append(c)
        elif c.dep_ == "conj":
            out += _with_parts(c)
        elif c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_.lower() in ("position", "base", "member", "convoy", "patrol", "unit", "group", "camp", "post", "element",
                                                                          "score", "dozen", "hundred", "ten", "number", "dozens", "scores"):
            out += [g for p in c.children if p.dep_ == "pobj" for g in _with_parts(p)]
    return out


def _patient_heads(head) -> list:
    """Return the head words of what the trigger was done to, with their compounds and conjuncts."""
    if head is None:
        return []
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    verbs = {head, verb} | {c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"}
    out = []
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() not in ("fire", "shot", "shell", "round"):
                out += _with_parts(c)
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "towards", "toward"):
                out += [g for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")
                        for g in _with_parts(p)]
            if c.dep_ == "dobj":  # "opened fire on two children"
                out += [g for p in c.children if p.dep_ == "prep" and p.lower_ in ("on", "at", "against")
                        for q in p.children if q.dep_ == "pobj" for g in _with_parts(q)]
    return out


def _victims(head) -> list:
    """Return the head words of who was killed, wounded or shot in the trigger's sentence."""
    if head is None:
        return []
    out = []
    for v in head.sent:
        if v.pos_ == "VERB" and v.lemma_.lower() in ("kill", "wound", "injure", "shoot", "hurt", "die"):
            for c in v.children:
                if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "nsubj" and v.lemma_.lower() == "die"):
                    out += _with_parts(c)
    return out


def _former(tok) -> bool:
    """Return True for a word qualified as past ("a former bodyguard", "a retired soldier")."""
    return any(c.lower_ in ("former", "retired", "ex", "ex-") for c in tok.children)


def _side(tokens) -> Optional[str]:
    """Return 'armed' or 'civilian' for head words naming an armed side or unarmed people, else None."""
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    armed, civilian = lemmas & ontology.cue("armed"), lemmas & ontology.cue("civilian")
    # people hit decide over the place they were hit at ("shot two children at a checkpoint")
    if armed - ontology.cue("armed_places"):
        return "armed"
    if civilian - ontology.cue("civilian_places"):
        return "civilian"
    if armed:
        return "armed"
    if civilian:
        return "civilian"
    return None


def _battle_or_civilians(ev: Event, head, bag: Bag) -> tuple[str, str]:
    """Return ACLED Battles/Armed clash or Violence against civilians/Attack for a direct attack."""
    for side in (_side(_patient_heads(head)), _side(_victims(head))):
        if side == "armed":
            return ("Battles", "Armed clash")
        if side == "civilian":
            return ("Violence against civilians", "Attack")
    if any(t.kind in ontology.armed_kinds() for t in ev.targets):
        return ("Battles", "Armed clash")
    if head is not None and short_text(head.doc.text) and any(
            {t.lemma_.lower() for t in _victims(s.root) if not _former(t)} & ontology.cue("state_forces") for s in head.doc.sents):
        return ("Battles", "Armed clash")  # "the mayor's bodyguards, two policemen, were also killed": forces fell
    if head is not None and head.pos_ == "VERB":
        # the parse found no object: an armed side named in the clause, and not as its doer, was hit
        doers = {t.i for t in _agent_tokens(head)}
        # "killed during a police raid": the raid is when it happened, not who was hit
        during = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ in ("during", "in", "amid") for t in c.subtree}
        rest = [t for t in _clause_tokens(head) if t.i not in doers and t.i not in during and t.ent_type_ not in ("DATE", "TIME")]
        lemmas = {t.lemma_.lower() for t in rest} | {t.lower_ for t in rest}
        if lemmas & ontology.cue("armed") and not lemmas & ontology.cue("civilian"):
            return ("Battles", "Armed clash")
    return ("Violence against civilians", "Attack")


def _forces_acts(tokens) -> set[int]:
    """Return indexes of the tokens in clauses whose doer is the police, army or security forces."""
    armed = ontology.cue("armed") | ontology.cue("government_words") | {"authorities", "authority"}
    out: set[int] = set()
    for v in tokens:
        if v.pos_ != "VERB":
            continue
        doers = [t for c in v.children if c.dep_ in ("nsubj", "agent") for t in c.subtree]
        if any(t.lemma_.lower() in armed for t in doers) and not any(
                t.lemma_.lower() in ("protester", "demonstrator", "protestor", "rioter") for t in doers):
            out.update(t.i for t in v.subtree)
    return out


def _deadly_force(sent) -> bool:
    """Return True when the sentence calls the force used deadly ("a campaign of fatal attacks", "a bloody crackdown")."""
    return any(t.lemma_.lower() in ("attack", "crackdown", "force", "assault", "repression") and any(
        c.dep_ == "amod" and c.lower_ in ("deadly", "fatal", "lethal", "bloody", "murderous") for c in t.children) for t in sent)


def _protesters_hit(tokens) -> bool:
    """Return True when protesters are what an attack or crackdown was aimed at ("attacks against protesters")."""
    crowd = {"protester", "protestor", "demonstrator", "marcher", "protesters", "protestors", "demonstrators"}
    for t in tokens:
        if t.lemma_.lower() in ("attack", "crackdown", "assault") and t.pos_ == "NOUN":
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("on", "against"):
                    if any(g.lemma_.lower() in crowd or g.lower_ in crowd for g in p.subtree):
                        return True
    return False


def _noise_making(tokens) -> set[int]:
    """Return indexes of "beating pots and pans" phrases: a protest form, not violence."""
    noise = ontology.cue("noise_objects")
    out: set[int] = set()
    for t in tokens:
        if t.lemma_.lower() in ("beat", "bang", "strike") and any(
                c.dep_ == "dobj" and any(g.lemma_.lower() in noise for g in _with_parts(c)) for c in t.children):
            out.update(g.i for c in t.children if c.dep_ == "dobj" for g in c.subtree)
            out.add(t.i)
    return out


def _rally_attacked_by_civilians(head) -> bool:
    """Return True when the protest is what people other than state forces attacked ("a group attacked a rally")."""
    if head.dep_ not in ("dobj", "nsubjpass") or head.head.lemma_.lower() not in ("attack", "assault", "storm", "beat"):
        return False
    doers = {t.lemma_.lower() for t in _agent_tokens(head.head)}
    return bool(doers) and not doers & (ontology.cue("state_forces") | ontology.cue("armed") | ontology.cue("armed_group_words"))


def _negated_word(tok) -> bool:
    """Return True for a word negated by a "non-" prefix split off by the tokenizer ("non-violent")."""
    doc = tok.doc
    return (tok.i >= 1 and doc[tok.i - 1].lower_ in ("non", "non-")) or (
        tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "non")


def _riot_or_mob(article: Article, ev: Event) -> tuple[str, str]:
    """Return Violent demonstration for a violent protest, or Mob violence when no demonstration was held."""
    context = _context_bag(article, ev, 2)
    if (ev.mode != "riot" and not context.cue("demonstration")) or context.has_any(("prisoner", "inmate")):
        # violence by a crowd that held no demonstration (a brawl with police, a prison riot) is a mob
        return ("Riots", "Mob violence")
    return ("Riots", "Violent demonstration")


def _code_protest(article: Article, ev: Event, head) -> tuple[str, str]:
    """Return the ACLED Protests or Riots sub-event for a protest, from what happened at it."""
    toks = _fact_tokens(article, ev, head, 2 if not short_text(article.text) else 4) if head is not None else []
    toks = [t for t in toks if t.i not in _noise_making(toks)]
    facts = Bag(toks)
    by_forces = _forces_acts(toks)
    # "a violent crackdown": the violence of the forces, not of the crowd
    crowd_toks = [t for t in toks if t.i not in by_forces and t.head.lemma_.lower() not in ontology.cue("crackdown_words")
                  and not _negated_word(t)]
    by_crowd = Bag(crowd_toks)
    # "protesters were injured": what the crowd suffered is not what it did
    sufferers = ontology.cue("crowd") | ontology.cue("protest") | {"protestor", "protesters", "demonstrators"}
    # in a long page the sentences after a protest mention are often about other days: only its own counts here
    own = (lambda t: True) if short_text(article.text) else (lambda t: ev.sentence.start <= t.idx < ev.sentence.end)
    crowd_did = Bag([t for t in crowd_toks if own(t) and not (t.pos_ == "VERB" and any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in sufferers for c in t.children))])
    fought = Bag([t for t in toks if own(t)]).cue("crowd_fought")
    if ev.mode == "mob" or by_crowd.cue("mob") or (head is not None and _rally_attacked_by_civilians(head)):
        return ("Riots", "Mob violence")
    if head is not None and (facts.has_any(("kill", "die", "fatal", "deadly")) or _deadly_force(head.sent)) and _protesters_hit(list(head.sent)):
        # "attacks against peaceful protesters" that killed: the force fell on the crowd
        return ("Protests", "Excessive force against protesters")
    if ev.mode == "riot" or crowd_did.cue("riot_acts") or fought:
        # protesters who fought or smashed things held a violent demonstration, whatever force met them
        return _riot_or_mob(article, ev)
    if facts.has_any(("live ammunition", "live round", "live bullet", "excessive force", "violently suppress",
                      "violently disperse")) or (facts.has_any(("kill", "die", "shoot dead", "shot dead")) and (
                          facts.cue("armed") or facts.has_any(("gunfire", "bullet", "shot")))):
        return ("Protests", "Excessive force against protesters")
    if head is not None and facts.has_any(("kill", "die", "fatal", "deadly")) and _protesters_hit(list(head.sent)):
        # "attacks against peaceful protesters" that killed: the force fell on the crowd
        return ("Protests", "Excessive force against protesters")
    # a clash takes two sides: it makes the protest violent whoever is named as its doer
    # "the march descended into the worst violence in years": a turn the what-about filter would drop
    turned = (_context_bag(article, ev, 1) if short_text(article.text) else _sentence_bag(article, ev)).cue("violent_turn")
    if facts.cue("mutual_violence") or turned:
        return _riot_or_mob(article, ev)
    # a short report may say how the police ended the protest before it names the protest
    scene = Bag.of_doc(article.doc) if short_text(article.text) else _sentence_bag(article, ev)
    if facts.cue("intervention_acts") or scene.cue("crowd_control"):
        return ("Protests", "Protest with intervention")
    return ("Protests", "Peaceful protest")


def _crowd_doers(tokens) -> bool:
    """Return True when the doers are unorganised people ("community members", "unknown persons")."""
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    people = ontology.cue("crowd") | {"person", "persons", "individual", "men", "man", "youth", "youngster"}
    armed = ontology.cue("armed") | ontology.cue("organized_armed") | ontology.cue("armed_group_words")
    return bool(lemmas & people) and not lemmas & armed


def _code_acled(article: Article, ev: Event) -> Optional[tuple[str, str]]:
    """Return the (ACLED event type, sub-event type) of one event, or None when ACLED would not code it."""
    head = _trigger_token(article, ev)
    if ev.type == "ASSAULT":
        return _code_assault(article, ev, head)
    if ev.type == "PROTEST":
        return _code_protest(article, ev, head)
    if ev.type == "COERCE" and ev.mode in ("arrest", "raid") and _sentence_bag(article, ev).cue("crime"):
        return None
    if ev.type == "COERCE" and ev.mode == "arrest" and head is not None and head.lemma_.lower() == "capture" and (
            _side(_captured_people(head)) == "armed"):
        return ("Battles", "Armed clash")  # fighters captured in combat: ACLED codes the fight
    if ev.type == "COERCE" and ev.mode in ("loot", "destroy") and head is not None and _crowd_doers(_agent_tokens(head)):
        return _riot_kind(article, ev)  # a crowd looting or smashing things riots; ACLED's looting is by armed groups
    if ev.type == "COERCE" and ev.mode == "seize" and _sentence_bag(article, ev).cue("crime") and not (
            head is not None and Bag(_agent_tokens(head)).cue("armed")):
        return None  # goods seized from criminals are news only when named forces did it
    if ev.type == "COERCE" and ev.mode == "raid" and head is not None and _by_aircraft(head):
        return ("Explosions/Remote violence", "Air/drone strike")  # "raids by the army's helicopters"
    if ev.type == "RETREAT" and ev.mode == "withdraw" and head is not None and any(
            c.dep_ == "prep" and c.lower_ == "from" and Bag(list(c.subtree)).cue("pact_words") for c in head.children):
        return ("Strategic developments", "Agreement")  # leaving a treaty is news about an agreement, not ground
    if ev.type == "AID":
        doers = _agent_tokens(head) if head is not None else []
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
    sent = _sentence_bag(article, ev)
    near = _context_bag(article, ev, 1)
    head = _trigger_token(article, ev)
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
            _mode_tokens(head)).cue("small_arms"):
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
            ev.mode = _refine_mode(article, ev)
            head = _trigger_token(article, ev)
            if ev.mode == "clash" and head is not None and _frame_clash(head):
                ev.mode = _clash_weapon(article, ev) or ev.mode
                ev._frame_weapon = ev.mode != "clash"
            if main is None:
                main = ev
            elif ev.mode is None and head is not None and _definite(head) and main.trigger.start < ev.trigger.start:
                ev.mode = main.mode  # "the attack" restates the attack reported before it
        elif ev.type == "AGREE" and ev.mode == "agree":
            bag = _sentence_bag(article, ev)
            if bag.cue("ceasefire"):
                ev.mode = "ceasefire"
            elif bag.cue("organized_armed") or bag.cue("prisoners"):
                ev.mode = "accord"  # a deal between armed parties: ACLED records it
        pair = _code_acled(article, ev)
        ev.acled = {"event_type": pair[0], "sub_event_type": pair[1]} if pair else None
        stored = ev.type == "ASSAULT" and pair == ("Strategic developments", "Disrupted weapons use")
        ev.gtd = _code_gtd(article, ev) if ev.type == "ASSAULT" and not stored else None


VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
LEAD_SENTENCES = 3
VIOLENT_SHARE = 0.2


def _about_violence(article: Article, events: list[Event]) -> bool:
    """Return True when violence is the article's topic: a short report, violence in the headline
    or lead, or in at least a fifth of its sentences."""
    violent = [ev for ev in events if ev.acled and ev.acled["event_type"] in VIOLENT]
    if short_text(article.text) or not violent:
        return True
    sents = list(article.doc.sents)
    lead_end = sents[min(LEAD_SENTENCES, len(sents)) - 1].end_char
    if any(ev.trigger.start < lead_end for ev in violent):
        return True
    starts = {ev.sentence.start for ev in violent}
    return len(starts) >= VIOLENT_SHARE * len(sents)


def _restates(article: Article, ev: Event, main: Event) -> bool:
    """Return True when `ev` is a definite noun mention ("the attack", "the stabbing") of the main attack."""
    head = _trigger_token(article, ev)
    return head is not None and _definite(head) and ev.mode in (None, main.mode)


REASON_TYPES = {"SANCTION"}


def _reason_tokens(article: Article, events: list[Event]) -> set[int]:
    """Return indexes of tokens in what-for phrases of sanctions and expulsions
    ("sanctions in response to its attack", "expelled diplomats for joining rallies")."""
    out: set[int] = set()
    for ev in events:
        head = _trigger_token(article, ev) if ev.type in REASON_TYPES else None
        if head is None:
            continue
        verb = head if head.pos_ == "VERB" else head.head
        for tok in {head, verb}:
            out |= _aside(tok)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "in" and any(
                        p.lemma_.lower() in ("response", "retaliation", "reaction") for p in c.children):
                    out.update(t.i for t in c.subtree)
    return out


def code_salient(article: Article, events: list[Event]) -> None:
    """Code `events` of `article`, then drop the ACLED and GTD codes of violence the article only
    mentions in passing (a page about something else is not a violent-event report)."""
    code_events(article, events)
    main = None
    for ev in sorted(events, key=lambda e: e.trigger.start):
        if getattr(ev, "_claimed", False):
            ev.acled = ev.gtd = None  # a claim or accusation restates an attack; it is not a new one
        elif ev.type == "ASSAULT" and ev.acled:
            if main is None:
                main = ev
            elif ev.sentence.start > main.sentence.start and _restates(article, ev, main):
                ev.acled = ev.gtd = None  # "the stabbing occurred during ...": the record is the first mention
    if article.doc is not None:
        reasons = _reason_tokens(article, events)
        for ev in events:
            head = _trigger_token(article, ev)
            if ev.acled and head is not None and head.i in reasons:
                ev.acled = ev.gtd = None  # "expelled diplomats for joining protests": the news is the expulsion
    if article.doc is None or _about_violence(article, events):
        return
    for ev in events:
        if ev.acled and ev.acled["event_type"] in VIOLENT:
            ev.acled = None
            ev.gtd = None
