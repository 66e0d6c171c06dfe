"""Who is said to be behind an attack: claims of responsibility, blame, accusation and suspicion
("X claimed the attack", "the attack was carried out by X", "officials blamed X")."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..normalise import names
from .phrases import child, conjuncts, frame, pobjs, subject


def _is_unnamed(tok: Token) -> bool:
    """True for a mention that does not say who it is ("the gunmen", "assailants")."""
    return names.kind_of_head(tok.lemma_) == "unknown" or tok.lower_ in ("they", "them")



def _says_involved(verb: Token, lemma: str) -> bool:
    """True when a passive "suspected"/"believed" says its subject took part ("of the attack", "to be involved")."""
    involve = frame("involve_words") | {"behind", "responsible"}
    if lemma == "suspect":
        return bool(pobjs(verb, ("of", "in")))
    return any(t.lemma_.lower() in involve or t.lower_ in involve
               for c in verb.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree)



def _about_attack(clause: Token) -> bool:
    """True when a reported clause speaks of taking part in an attack ("X was behind it", "X carried out the attack")."""
    words = frame("involve_words") | frame("agent_support") | frame("incident_nouns") | {
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



_CUED = frozenset({"bear", "have", "show", "carry", "perpetuate", "attribute", "link", "tie", "blame",
                   "suspect", "accuse", "speculate", "believe", "think", "indicate", "say", "note",
                   "report", "posit", "suggest", "state", "be"})


def claimants(doc: Doc) -> list[tuple[int, Token, Optional[str]]]:
    """(character offset of the verb, token, basis) for everyone said to have claimed, or been blamed
    for, an attack, in text order."""
    out: list[tuple[int, Token, Optional[str]]] = []
    incident = frame("incident_nouns")
    # the verbs a branch below reads: any other verb names no one, so its parse is not read
    cued = frame("claim_verbs") | frame("agent_support") | _CUED
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma not in cued or (tok.pos_ != "VERB" and lemma != "be"):
            continue
        found: list[Token] = []
        basis = "claimed" if lemma in frame("claim_verbs") else "suspected"
        obj = child(tok, "dobj")
        subj, passive = subject(tok)
        subj_incident = subj is not None and subj.lemma_.lower() in incident
        if lemma in ("bear", "have", "show", "carry") and obj is not None and obj.lemma_.lower() in (
                "hallmark", "trademark", "signature", "mark"):
            basis = "suspected"
            for inner in pobjs(obj, ("of",)):  # "bore the hallmarks of an AQI attack"
                found += [c for c in inner.children if c.dep_ in ("compound", "nmod")] + [inner]
        elif lemma in frame("claim_verbs"):
            if lemma == "claim" and passive and subj_incident:
                found += pobjs(tok, ("by",))  # "attacks ... claimed by AQI"
            elif obj is not None and not passive and (
                    obj.lemma_.lower() in frame("claim_nouns") or (lemma == "claim" and (
                        obj.lemma_.lower() in incident or pobjs(obj, ("of",)) and
                        pobjs(obj, ("of",))[0].lemma_.lower() in incident))):
                found.append(subj)  # "X claimed responsibility", "X claimed all 43 of the attacks"
        elif passive and subj_incident and lemma in frame("agent_support") | {"perpetuate", "attribute"}:
            found += pobjs(tok, ("by", "to"))  # "the attack was carried out by X", "was attributed to X"
            basis = "suspected" if lemma == "attribute" or _hedged(tok) else None
        elif lemma in ("attribute", "link", "tie") and obj is not None and obj.lemma_.lower() in incident:
            found += pobjs(tok, ("to",)) + pobjs(obj, ("to",))  # "sources attributed the attack to X"
        elif lemma == "blame":
            if obj is not None and obj.lemma_.lower() in incident:
                found += pobjs(tok, ("on",)) + pobjs(obj, ("on",))  # "blamed the attack on X"
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
                    s_ = child(c, "nsubj", "nsubjpass")
                    if s_ is not None and s_.lemma_.lower() not in incident and not _is_unnamed(s_) and \
                            _about_attack(c):
                        found.append(s_)
        elif lemma == "be" and subj is not None and (subj.lemma_.lower() in frame("agent_nouns") or _is_unnamed(subj)):
            attr = child(tok, "attr")  # "the gunmen were members of X"
            if attr is not None and attr.lemma_.lower() in ("member", "militant", "fighter", "operative"):
                found += pobjs(attr, ("of",))
        for f in found:
            if f is None:
                continue
            # "the involvement of X", "elements of X": the group is the of-object
            if f.lemma_.lower() in ("involvement", "element", "member", "militant", "fighter", "hand", "role"):
                inner = pobjs(f, ("of",))
                if inner:
                    f = inner[0]
            out += [(tok.idx, t, basis) for t in conjuncts(f)]
    return out
