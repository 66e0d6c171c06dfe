"""Whether a trigger reports an act: negated, hypothetical, planned, attempted or denied (its status), and
whether it is only what someone claims or is accused of."""
from __future__ import annotations

from typing import Optional

from . import ontology
from .clauses import suspected_doers
from .rules import fires


def negated(head) -> bool:
    """Return True when the trigger is negated ("did not attack", "no shots were fired")."""
    for c in head.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "det" and c.lower_ in ("no", "neither"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                c.lower_ in ("nobody", "none", "nothing")
                or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)):
            return True
    tok = head
    for _ in range(4):  # "took the towns without any armed clashes", "without firing a shot"
        if tok.dep_ not in ("pobj", "prep", "pcomp", "dobj", "xcomp") or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.lower_ == "without":
            return True
    if head.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and head.head.pos_ in ("VERB", "AUX"):
        return any(c.dep_ == "neg" for c in head.head.children)
    if head.dep_ == "conj" and head.pos_ == "VERB":
        # "won't dishearten the believers nor threaten the state": the negation spans both verbs
        return any(c.dep_ == "neg" for c in head.head.children) or any(
            c.lower_ == "nor" for c in head.head.children)
    return False


def clause_chain(head, depth: int = 3):
    """Yield the governing words of `head` up through clause links, nearest first."""
    tok = head
    for _ in range(depth):
        if tok.head.i == tok.i:
            return
        if tok.dep_ not in ("xcomp", "ccomp", "pobj", "prep", "dobj", "acl", "advcl", "compound", "conj", "nsubjpass", "nsubj"):
            return
        tok = tok.head
        yield tok


def mention_status(head, toks, entry: dict) -> Optional[str]:
    """Return the event's status, or None when the mention is hypothetical or only threatened."""
    if entry["type"] == "THREATEN":
        return "threatened"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in head.children):
        return None
    status = "occurred"
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ontology.cue("modal") and a.lower_ not in ("would",) for a in auxes):
        return None
    if any(a.lower_ in ("will", "'ll", "shall") for a in auxes):
        status = "planned"
    lemmas_in = {t.lemma_.lower() for t in toks}
    attempt = ontology.cue("attempt")
    near = {c.lemma_.lower() for c in head.children if c.dep_ in ("amod", "compound", "advmod", "nsubj", "dobj")}
    for gov in clause_chain(head):
        g = gov.lemma_.lower()
        if g in ontology.cue("threat"):
            return None
        if g in ontology.cue("plan") and head.dep_ in ("xcomp",) or g == "plan" and head.dep_ in ("pobj", "xcomp", "dobj"):
            status = "planned"
        if g in ontology.cue("modal") and gov.pos_ in ("AUX", "VERB"):
            return None  # the month "May" is no modal
        if g in ontology.cue("denial") and head.pos_ == "VERB" and head.dep_ in ("ccomp", "xcomp"):
            return "denied"
        if g in attempt:
            return "attempted"
        near.update(c.lemma_.lower() for c in gov.children if c.dep_ in ("amod", "compound"))
    if (lemmas_in | near) & attempt:
        return "attempted"
    if head.dep_ == "pobj" and head.head.lemma_.lower() == "of" and head.head.head.lemma_.lower() in ("threat", "risk", "fear", "danger", "possibility"):
        return None
    return status


CLAIM_HEADS = {"responsibility", "credit", "responsible", "blame", "involvement", "role", "behind"}


def claimed_act(head) -> bool:
    """Return True when the trigger is what someone claims, denies or is accused of ("took credit for the bomb")."""
    for anc in head.ancestors:
        lemma = anc.lemma_.lower()
        if lemma in CLAIM_HEADS:
            return True
        if anc.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("dobj", "attr", "acomp") and c.lemma_.lower() in CLAIM_HEADS for c in anc.children):
                return True
            if (lemma in ("accuse", "blame") or (lemma == "suspect" and not fires("claim.suspected_doers", suspected_doers(anc)))
                    or (lemma == "claim" and head.head == anc and head.dep_ == "dobj")):
                return True
            if anc.dep_ not in ("relcl", "acl"):
                return False
    return False
