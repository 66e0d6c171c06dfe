"""Who did it and to whom, read from the parse around a trigger: doers, what was hit, who was
killed, which side (armed or civilian) they are on, and the sentences around an event."""
from __future__ import annotations

from typing import Optional

from ..records import Article, Event
from . import ontology
from .clauses import Bag
from ..parse.docs import sentence_at, sentences


def sentences_after(article: Article, ev: Event, following: int) -> list:
    """Return the event's sentence and up to `following` sentences after it."""
    sents = sentences(article.doc)  # made once per doc: this is asked for every event
    k = sentence_at(article.doc, ev.trigger.start) or 0
    return sents[k:k + 1 + following]


def context_bag(article: Article, ev: Event, following: int = 2) -> Bag:
    """Return a Bag over the event's sentence and the `following` sentences after it (built once per doc and window)."""
    doc = article.doc
    key = (sentence_at(doc, ev.trigger.start) or 0, following)
    bags = doc.user_data.setdefault("chronicle_bags", {})
    if key not in bags:
        bags[key] = Bag([i for s in sentences_after(article, ev, following) for i in range(s.start, s.end)], doc)
    return bags[key]


def sentence_bag(article: Article, ev: Event) -> Bag:
    """Return a Bag over the event's own sentence."""
    return context_bag(article, ev, 0)


def agent_tokens(head) -> list:
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
        return agent_tokens(verb.head)  # "a mob vandalised temples and attacked shops": the first verb's doer
    return out


def trigger_token(article: Article, ev: Event):
    """Return the syntactic head of the event's trigger."""
    span = article.doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


def captured_people(head) -> list:
    """Return the head words of who was captured ("captured two fighters", "militants were killed or captured")."""
    verbs = [head]
    while verbs[-1].dep_ in ("conj", "advcl") and len(verbs) < 4:  # "were killed, injured or captured"
        verbs.append(verbs[-1].head)
    out = []
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                out += with_parts(c)
    if any(t.lemma_.lower() in ontology.cue("territory") for t in out):
        return []
    return out


def own_parts(tok) -> list:
    """Return `tok` with its compounds and modifiers, without coordinated nouns."""
    return [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]


def purpose(head) -> bool:
    """Return True when the trigger is an aim ("an attack to capture the town"), not a deed."""
    return head.pos_ == "VERB" and head.dep_ in ("acl", "xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and head.head.pos_ == "NOUN"


def governing_agents(head) -> list:
    """Return the doer of the clause that governs a subjectless trigger ("troops won by controlling the area")."""
    tok = head
    for _ in range(3):
        if tok.dep_ not in ("pcomp", "pobj", "prep", "advcl", "xcomp", "conj") or tok.head.i == tok.i:
            return []
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            found = agent_tokens(tok)
            if found:
                return found
    return []


def with_parts(tok) -> list:
    """Return `tok` with its compounds, modifiers and coordinated nouns ("militia members and soldiers")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            out.append(c)
        elif c.dep_ == "conj":
            out += with_parts(c)
        elif c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_.lower() in ("position", "base", "member", "convoy", "patrol", "unit", "group", "camp", "post", "element",
                                                                          "score", "dozen", "hundred", "ten", "number", "dozens", "scores"):
            out += [g for p in c.children if p.dep_ == "pobj" for g in with_parts(p)]
    return out


def patient_heads(head) -> list:
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
                out += with_parts(c)
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "towards", "toward"):
                out += [g for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")
                        for g in with_parts(p)]
            if c.dep_ == "dobj":  # "opened fire on two children"
                out += [g for p in c.children if p.dep_ == "prep" and p.lower_ in ("on", "at", "against")
                        for q in p.children if q.dep_ == "pobj" for g in with_parts(q)]
    return out


def victims(head) -> list:
    """Return the head words of who was killed, wounded or shot in the trigger's sentence."""
    if head is None:
        return []
    out = []
    for v in head.sent:
        if v.pos_ == "VERB" and v.lemma_.lower() in ("kill", "wound", "injure", "shoot", "hurt", "die"):
            for c in v.children:
                if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "nsubj" and v.lemma_.lower() == "die"):
                    out += with_parts(c)
    return out


def former(tok) -> bool:
    """Return True for a word qualified as past ("a former bodyguard", "a retired soldier")."""
    return any(c.lower_ in ("former", "retired", "ex", "ex-") for c in tok.children)


def side_of(tokens) -> Optional[str]:
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
