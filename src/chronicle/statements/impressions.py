"""Statements cued by a held feeling or impression rather than a verb of saying: "X is convinced that Y", "it is clear that Y", "X seems to Y", "X made it clear that Y"."""
from __future__ import annotations

from typing import Optional

from .contents import cut_tail
from .cuewords import Found, lemma_of
from .quotes import in_quote, span_of, trim
from .speakers import speaker_tokens


def _feeling(tok, text: str, quotes, data) -> Optional[Found]:
    """Return 'X is convinced / worried / frustrated that Y' as X's statement of Y, or None."""
    if tok.lower_ not in data["feelings"] or tok.dep_ not in ("acomp", "oprd", "ROOT", "conj", "ccomp"):
        return None
    clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if clause is None:
        # "the union is angry about the tax", "she was critical of the plan": what the feeling is about
        clause = next((p for p in tok.children if p.dep_ == "prep" and p.i == tok.i + 1 and p.lower_ in data["attitude_preps"]
                       and any(o.dep_ in ("pobj", "pcomp") for o in p.children)), None)
        if clause is None:
            return None
        clause = next(o for o in clause.children if o.dep_ in ("pobj", "pcomp"))
        if clause.tag_ in ("WDT", "WP") or clause.dep_ == "pobj" and clause.i < tok.i:
            return None  # "the cause she is passionate about": what it is about stands outside, before the feeling
    host = tok.head if tok.dep_ in ("acomp", "oprd") else tok
    if host.lemma_.lower() in data["feeling_hosts"]:
        return None
    subj = next((c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and host.dep_ in ("xcomp", "conj"):
        subj = next((c for c in host.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "I am sure that", "it is worrying that": the writer's own voice or no holder at all
    if subj is None or subj.lower_ in ("i", "you", "it", "this", "that") or subj.i > tok.i:
        return None
    toks = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i and t.lower_ == "that")]
    toks = cut_tail(toks, quotes)
    if not toks:
        return None
    return Found(span_of([tok]), trim(text, *span_of(toks)), "claim", span_of(speaker_tokens(subj)))


def _evident(tok, text: str, quotes, data) -> Optional[Found]:
    """Return 'it is clear / obvious that Y' as a statement of Y that names no one, or None."""
    if tok.lower_ not in data["evident_words"] or tok.dep_ != "acomp" or tok.head.lemma_ != "be":
        return None
    host = tok.head
    if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in host.children):
        return None  # "the lines have been clear": a plain description, not a claim
    clause = next((c for c in list(tok.children) + list(host.children) if c.dep_ == "ccomp" and c.i > tok.i), None)
    if clause is None or clause.left_edge.tag_ in ("WDT", "WP", "WRB") or clause.left_edge.lower_ in ("whether", "if"):
        return None  # "it is clear what effect it might have": an open question, not a claim
    toks = cut_tail(list(clause.subtree), quotes)
    if not toks:
        return None
    return Found(span_of([tok]), trim(text, *span_of(toks)), "claim", None)


def _seeming(tok, text: str, quotes, data) -> Optional[Found]:
    """Return 'X seems to Y' as a statement of the whole clause, held by whoever it seems so to ('seemed far away to voters'), or None."""
    if tok.lemma_.lower() not in data["seem_verbs"] or tok.pos_ not in ("VERB", "AUX") or in_quote(quotes, (tok.idx, tok.idx + 1)):
        return None  # inside a quotation the impression is the speaker's own words, already reported
    kids = list(tok.children)
    if not any(c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp") or (c.dep_ == "prep" and c.lower_ == "like") for c in kids):
        return None  # "she appeared at the rally": no impression without what it seems
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None or subj.lower_ == "it" or subj.i > tok.i or any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
        return None  # "makes him seem kinder", "as odd as it may seem": no clause of its own
    stop = min([c.left_edge.i for c in kids if c.dep_ in ("conj", "cc") and c.i > tok.i] + [tok.sent.end])
    toks = [t for t in tok.subtree if subj.left_edge.i <= t.i < stop]
    toks = cut_tail(toks, quotes)
    paren = next((t.i for t in toks if t.text == "(" and t.i > tok.i), None)
    toks = [t for t in toks if paren is None or t.i < paren]
    while toks and (toks[-1].is_punct and not toks[-1].is_quote or toks[-1].dep_ == "cc"):
        toks.pop()
    if len(toks) < 3:
        return None
    holder = next((o for c in kids + [k for c in kids if c.dep_ in ("acomp", "attr") for k in c.children]
                   if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"), None)
    speaker = span_of([holder]) if holder is not None else None
    return Found(span_of([tok]), trim(text, *span_of(toks)), "claim", speaker, hedged=True)


def impression(tok, text: str, quotes, data) -> Optional[Found]:
    """Return the statement a feeling, 'it is clear' or 'seems' at `tok` makes, or None."""
    return _feeling(tok, text, quotes, data) or _evident(tok, text, quotes, data) or _seeming(tok, text, quotes, data)


def made_clear(tok, data):
    """Return the word 'clear' ('plain', 'obvious') of 'made (it) clear that Y' when `tok` is such a verb, else None."""
    if lemma_of(tok) not in data["evident_hosts"]:
        return None
    word = next((c for c in tok.children if c.i > tok.i and c.lower_ in data["evident_words"]
                 and c.dep_ in ("oprd", "ccomp", "acomp", "dobj")), None)
    if word is None or not any(c.dep_ in ("ccomp", "advcl") and c.i > word.i for c in list(word.children) + list(tok.children)):
        return None  # "made the rules clear": no clause, nothing stated
    return word
