"""Victims read off the parse: the people each casualty verb names, coordinated ones counted
one by one ("the district chief and four guards were killed", "killing 6 fighters and 1 soldier",
"Nazari and his driver were killed", "shot and killed Daniel Reyes"). A conjunct counts its
number, or one when it is a singular noun, a name or "him"; a plural with no number makes the
whole list unknown. counts.py uses these where they say more than the figures in the words."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..parse.docs import doc_text
from .casualty_words import casualty_words, role_res
from .numbers import parse_number

KILL_VERBS = {"kill", "murder", "execute", "behead", "assassinate", "lynch", "slay", "massacre", "slaughter"}
DIE_VERBS = {"die", "succumb", "perish"}
HURT_VERBS = {"injure", "wound", "hurt"}
TO_DEATH = {"burn", "beat", "stab", "hack", "shoot", "stone", "club", "torture", "crush", "starve"}
ONE_PERSON = {"him", "her", "himself", "herself"}
SUBSET_PREPS = {"including", "among", "besides"}
MAX_VICTIMS = 12  # conjuncts read per verb: a longer list is a parse gone wrong


@dataclass
class Group:
    """The victims of one casualty verb."""

    role: str  # killed, injured
    value: int
    start: int  # character span of the verb and its victims
    end: int
    conjuncts: int
    attacker: bool = False
    definite: bool = False


def _role(tok) -> Optional[str]:
    """Return the role a verb gives its victims ("killed", "injured"), or None."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    if lemma in KILL_VERBS or lemma in DIE_VERBS:
        return "killed"
    if lemma in HURT_VERBS:
        return "injured"
    if lemma in TO_DEATH and any(c.dep_ == "prep" and c.lower_ == "to" and any(
            g.lower_ == "death" for g in c.children) for c in tok.children):
        return "killed"  # "burned to death two men"
    if lemma == "shoot" and any(c.lower_ == "dead" for c in tok.children):
        return "killed"
    return None


def _victim_heads(tok) -> list:
    """Return the head words of the people a casualty verb names."""
    lemma = tok.lemma_.lower()
    kids = list(tok.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    # "were shot and killed", "shot and killed X": the first verb's words, when nothing stands between
    shared = tok.dep_ == "conj" and tok.head.pos_ == "VERB" and tok.i - tok.head.i <= 3
    single = False
    if lemma in DIE_VERBS:
        heads = [c for c in kids if c.dep_ == "nsubj"]
    elif passive:
        heads = [c for c in kids if c.dep_ == "nsubjpass"]
        if not heads and shared:
            heads = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
    else:
        heads = [c for c in kids if c.dep_ == "dobj"]
        if not heads and shared:
            heads = [c for c in tok.head.children if c.dep_ == "dobj" and c.i > tok.i]
        if not heads and tok.dep_ == "acl" and tok.tag_ == "VBN":
            heads, single = [tok.head], True  # "two soldiers killed in the ambush"
        if not heads and lemma in HURT_VERBS | KILL_VERBS and tok.dep_ == "conj":
            heads, single = [c for c in kids if c.dep_ == "nsubj" and c.pos_ == "NUM"], True  # "... and two wounded"
    out = []
    for h in heads:
        if h.tag_ in ("WP", "WDT") and h.head.dep_ == "relcl":
            h = h.head.head  # "civilians who were killed"
        out.append(h)
        listed = next((c.i for c in h.children if c.dep_ == "prep" and c.lower_ in SUBSET_PREPS), len(h.doc))
        more = [c for c in h.conjuncts if h.i < c.i < listed]  # not the ones of "X, including A, B and C"
        # "A, B and C": a list joined by "and"; "two people in Miango, Plateau state" is no list
        if more and not single and any(t.dep_ == "cc" and t.lower_ == "and" for x in [h] + more for t in x.children):
            out += [c for c in more if c.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME")]
    return out[:MAX_VICTIMS + 1]


def _unreal(tok) -> bool:
    """Tell whether a casualty verb reports no deaths of this event: negated, only aimed at, told as
    background, or undecided between roles ("was not injured", "attempted to assassinate", "a man who had
    killed his mother", "accused of killing", "killed or wounded")."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ == "to") for c in tok.children):
        return True
    if tok.dep_ in ("relcl", "pcomp", "csubj") or (tok.dep_ == "acl" and tok.tag_ != "VBN"):
        return True
    joined = [tok.head] if tok.dep_ == "conj" else []
    joined += [c for c in tok.children if c.dep_ == "conj"]
    return any(_role(v) is not None and any(c.dep_ == "cc" and c.lower_ == "or" for c in
                                              list(tok.children) + list(v.children)) for v in joined)


def _one_person(tok, heads) -> bool:
    """Tell whether conjoined words name one person, told by a singular verb ("a scholar and teacher was killed")."""
    return len(heads) > 1 and any(c.dep_ in ("auxpass", "aux") and c.lower_ in ("was", "is", "has") for c in tok.children)


def _how_many(tok) -> Optional[int]:
    """Return how many people a victim's head word stands for, or None when the text does not say."""
    if tok.lower_ in ONE_PERSON:
        return 1
    if tok.lemma_.lower() in casualty_words()["vague_nouns"]:
        return None  # "40 cows", "a number of people"
    if tok.pos_ == "NUM":
        return parse_number(tok.lower_)
    nums = [c for c in tok.children if c.dep_ == "nummod"]
    if nums:  # "between 11 and 20 people": the lower figure
        values = [parse_number(t.lower_) for t in nums[0].subtree if t.like_num]
        return min((v for v in values if v is not None), default=None)
    if tok.pos_ == "PRON":
        return None
    if tok.tag_ in ("NN", "NNP"):
        return 1
    return None


def victims_of(verbs) -> list:
    """Return the head words of the people the casualty verbs among `verbs` say were killed or hurt."""
    return [h for tok in verbs if _role(tok) is not None and not _unreal(tok) for h in _victim_heads(tok)
            if h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() not in casualty_words()["vague_nouns"]]


def victim_groups(sent) -> list[Group]:
    """Return the victims of each casualty verb of a parsed sentence that names them all."""
    out = []
    background = role_res()["background"]
    text = None
    for tok in sent:
        role = _role(tok)
        if role is None:
            continue
        if text is None:
            text = doc_text(sent.doc)
        if tok.dep_ != "ROOT" and background.search(text[sent.start_char:tok.idx][-60:]):
            continue  # "in retaliation for an attack which killed 20": another event's dead
        if any(a.dep_ == "prep" and a.lower_ in SUBSET_PREPS for a in tok.ancestors):
            continue  # "four were killed, including one who was beheaded": part of a figure given
        if _unreal(tok):
            continue
        heads = _victim_heads(tok)
        if not heads or len(heads) > MAX_VICTIMS or _one_person(tok, heads):
            continue
        values = [_how_many(h) for h in heads]
        if any(v is None for v in values):
            continue
        span = [tok] + [t for h in heads for t in (h.left_edge, h)]
        attackers = casualty_words()["attacker_nouns"]
        out.append(Group(role, sum(values), min(t.idx for t in span), max(t.idx + len(t) for t in span),
                         len(heads), attacker=any(h.lower_ in attackers for h in heads),
                         definite=len(heads) == 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in heads[0].children)))
    return out
