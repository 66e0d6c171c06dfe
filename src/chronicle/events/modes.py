"""How an attack was done: the most specific mode (weapon) the trigger's clause, sentence and report
support, and the words that only frame it."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..records import Article, Event
from . import ontology
from .clauses import Bag, aside_tokens, clause_tokens, doc_words
from .mentions import short_text
from .roles import agent_tokens, context_bag, sentence_bag, sentences_after, trigger_token

DAMAGE_VERBS = {"destroy", "damage", "wreck", "disable"}
INSTRUMENT_VERBS = {"fire", "launch", "throw", "detonate", "plant", "use", "drop", "hurl", "lob", "explode"}


def mode_tokens(head) -> list:
    """Return the clause tokens that can name the means: without what was hit ("shot at a helicopter")."""
    toks = clause_tokens(head)
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


@lru_cache(maxsize=1)
def _chemical_words() -> frozenset:
    """Return every word of the chemical mode's cues (lemma of a "lemma:POS" cue)."""
    return frozenset(w for cue in dict(ontology.mode_cues())["chemical"] for w in cue.split(":")[0].split())


def _gas_named(article: Article, ev: Event) -> bool:
    """Return True when the event's sentence names a gas as what was used, not in a what-about phrase
    ("strikes in retaliation for a chlorine attack") nor as a facility ("chemical weapons sites")."""
    # a short report often says what the shells carried in its next sentence
    sents = sentences_after(article, ev, 1 if short_text(article.text) else 0)
    # a cue is found in some of the sentences' words only if each of its words is among them
    rows, chemical = doc_words(article.doc), _chemical_words()
    if not any(r[0] in chemical or r[1] in chemical or " " in r[0] or " " in r[1]
               for s in sents for r in rows[s.start:s.end]):
        return False
    skip: set[int] = set()
    for t in (t for s in sents for t in s):
        if t.i not in skip:
            skip |= aside_tokens(t)
    facilities = ontology.cue("gas_facilities")
    toks = [t for s in sents for t in s if t.i not in skip and not (
        t.head.lemma_.lower() in facilities or t.head.head.lemma_.lower() in facilities)]
    return Bag(toks).has_any(dict(ontology.mode_cues())["chemical"])


def refine_mode(article: Article, ev: Event) -> Optional[str]:
    """Return the most specific violent mode the trigger's clause, then its sentence, then the next ones support."""
    generic = {None, "explosives", "firearms", "beat", "melee"}
    if ev.mode in (None, "aerial", "artillery", "explosives") and _gas_named(article, ev):
        return "chemical"  # a gas named anywhere in the sentence is what the shell or bomb carried
    if ev.mode not in generic:
        return ev.mode
    head = trigger_token(article, ev)
    if ev.mode is None and head is not None and _gunmen_only(head):
        return "firearms"  # "gunmen attacked a mosque and set off a bomb": an armed assault with a bomb in it
    bags = [Bag(mode_tokens(head))] if head is not None else []
    if head is not None and head.lemma_.lower() in ("throw", "hurl", "lob"):
        # what was thrown is the means: "hurled grenades from a helicopter" is a grenade attack
        bags.insert(0, Bag([t for c in head.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]))
    if ev.mode is None or ev.mode == "explosives":
        # a trigger that names no means takes it from the sentence, then the report around it
        bags += [sentence_bag(article, ev),
                 context_bag(article, ev, 1) if not short_text(article.text) else Bag.of_doc(article.doc)]
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


def by_aircraft(head) -> bool:
    """Return True when the doer named with the trigger is an aircraft or a drone ("raids by warplanes")."""
    doers = agent_tokens(head) + [t for c in head.children if c.dep_ == "compound" for t in c.subtree]
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


def _gunmen_only(head) -> bool:
    """Return True when gunmen did it and neither they nor the trigger's own clause name other means
    ("gunmen targeted the office with a grenade", "suicide bombers and gunmen stormed ...")."""
    agents = agent_tokens(head)
    if not Bag(agents).has_any(GUNMEN):
        return False
    later = {t.i for v in (head, head.head) if v.pos_ == "VERB" for c in v.children
             if c.dep_ == "conj" and c.pos_ == "VERB" for t in c.subtree}
    own = Bag([t for t in mode_tokens(head) + agents if t.i not in later])
    return not any(own.has_any(words) for mode, words in ontology.mode_cues() if mode != "firearms")


def frame_clash(head) -> bool:
    """Return True when a clash noun only frames the sentence ("during the clashes", "as clashes entered
    a second week") rather than being what the sentence reports."""
    if head.pos_ != "NOUN":
        return False
    if head.dep_ == "pobj" and head.head.lower_ in FRAME_PREPS:
        return True
    return head.dep_ == "nsubj" and head.head.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("as", "while") for c in head.head.children)


def clash_weapon(article: Article, ev: Event) -> Optional[str]:
    """Return the remote mode of a weapon the event's sentence names (grenades hurled, missiles launched), or None."""
    sent = sentences_after(article, ev, 0)[0]
    bag = Bag([t for t in sent if not (ev.trigger.start <= t.idx < ev.trigger.end)])
    if bag.has_any(("water cannon", "tear gas")):
        return None  # crowd-control arms at a riot are not a shelling
    named = ontology.cue("clash_weapons")
    for mode, words in ontology.mode_cues():
        if mode in REMOTE and bag.has_any(words & named):
            return mode
    return None


REMOTE = {"chemical", "suicide", "drone", "aerial", "artillery", "grenade", "explosives"}
