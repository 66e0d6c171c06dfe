"""Outcome: whether an attack failed (status `attempted`), from what the report says happened to it.

Read after coding, from the whole text of a short report (a summary, a note) or the event's
sentence and the next one in a full article. An attack failed when its device was defused,
intercepted or did not go off, when it was repelled, or when the one person it was aimed at
came out alive. A defusal or interception is itself the record of a failed bombing: it takes
GTD's codes for one. Harm counts only when it is said to have happened: "no one was hurt",
"it is unknown if the attack caused injuries" and attackers killed in the fight are no harm.
"""
from __future__ import annotations

from functools import cache, partial

from ..records import Article, Event
from . import ontology
from .clauses import Bag
from .mentions import short_text
from .roles import sentences_after, trigger_token
from .rules import fires

HARM_LEMMAS = {"kill", "injure", "wound", "hurt", "die", "dead", "casualty", "fatality", "injury", "death"}
DISRUPTING = {"intercept", "interception", "down", "defuse", "dismantle", "find", "discover", "destroy", "detonate"}
DISRUPTED_GTD = {"attack_type": "Bombing/Explosion", "weapon_type": "Explosives"}
REMOTE = {"explosives", "grenade", "artillery", "drone", "aerial", "suicide", "chemical"}


def report_tokens(article: Article, ev: Event) -> list:
    """Return the tokens the outcome is read from: the whole short report, or the event's sentence and the next."""
    if short_text(article.text):
        return list(article.doc)
    return [t for s in sentences_after(article, ev, 1) for t in s]


def _hypothetical(tok) -> bool:
    """Return True for a word in an if/whether clause or an unknown-outcome phrase ("unknown if ... injuries")."""
    for anc in [tok, *tok.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in anc.children):
            return True
    return False


def _negated(tok) -> bool:
    """Return True for harm said not to have happened ("no casualties", "no one was hurt", "did not injure")."""
    near = [tok, *tok.children]
    if tok.head.i != tok.i and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "amod", "acomp"):
        near += [tok.head, *tok.head.children]
    for t in near:
        if t.dep_ == "neg" or (t.dep_ == "det" and t.lower_ in ("no", "neither")) or t.lower_ in ("nobody", "none"):
            return True
        if t.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ == "det" and g.lower_ == "no" for g in t.children):
            return True
    return False


def _sufferers(tok) -> list:
    """Return who a harm word is said of: the passive subject, object, or subject of "die"."""
    out = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj") or (c.dep_ == "nsubj" and tok.lemma_.lower() in ("die", "dead"))]
    if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head)  # "two wounded soldiers"
    if tok.dep_ == "conj" and not out:
        return _sufferers(tok.head)  # "were killed and five were injured": the first verb's subject
    return out


def harmed(tokens) -> bool:
    """Return True when the words report someone other than the attackers killed or hurt."""
    attackers = ontology.cue("attacker_words")
    for t in tokens:
        if t.lemma_.lower() not in HARM_LEMMAS and t.lower_ not in HARM_LEMMAS:
            continue
        if _negated(t) or _hypothetical(t):
            continue
        who = _sufferers(t)
        if who and all({w.lemma_.lower(), w.lower_} & attackers or any(
                g.lemma_.lower() in attackers for g in w.children if g.dep_ in ("compound", "amod", "poss")) for w in who):
            continue  # "two assailants were killed in the ensuing clash": the attack still failed
        return True
    return False


def settle_outcomes(article: Article, events: list[Event]) -> None:
    """Set status `attempted` on attacks the report says failed; give disrupted weapons GTD's codes."""
    if article.doc is None:
        return
    for ev in events:
        if ev.status not in ("occurred", "attempted"):
            continue
        head = trigger_token(article, ev)
        if head is None:
            continue
        if ev.type == "COERCE" and ev.acled and ev.acled.get("sub_event_type") == "Disrupted weapons use":
            if fires("gtd.disrupted_device", head.lemma_.lower() in DISRUPTING or head.lower_ in ("shot", "downed")):
                ev.gtd = dict(DISRUPTED_GTD)  # a defused or intercepted device is the record of a bombing
                if fires("status.disrupted_device", not harmed(report_tokens(article, ev))):
                    ev.status = "attempted"
            continue
        if ev.type != "ASSAULT" or not ev.gtd:
            continue
        toks = cache(partial(report_tokens, article, ev))  # built when a harm test is reached
        bag = Bag.of_doc(article.doc) if short_text(article.text) else Bag(
            [i for s in sentences_after(article, ev, 1) for i in range(s.start, s.end)], article.doc)
        if fires("status.device_failed", ev.mode in REMOTE and bag.cue("device_failed") and not harmed(toks())):
            ev.status = "attempted"
        elif fires("status.repelled", bag.cue("repelled") and not harmed(toks())):
            ev.status = "attempted"
        elif ev.gtd.get("attack_type") == "Assassination":
            if fires("status.target_unharmed", bag.cue("unharmed") and not harmed([t for t in toks() if t.lemma_.lower() in ("kill", "die", "dead", "death")])):
                ev.status = "attempted"
            elif fires("status.target_injured", harmed(toks()) and not harmed([t for t in toks() if t.lemma_.lower() in ("kill", "die", "dead", "death", "fatality", "casualty")])):
                ev.status = "attempted"  # GTD counts an assassination as done only when its target died
