"""Statements cued by verbs of saying: "X said Y", "Y, X said", "X is said to Y", "X called on Y to Z"."""
from __future__ import annotations

import re
from typing import Optional

from .quotes import across_paragraphs, in_quote, near_quote, one_paragraph, span_of, trim, widen
from .cuewords import Found, agentive, cues, lemma_of
from .speakers import channels, speaker_tokens, subject_of

CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "oprd", "attr")


def _after_object(prep, kids) -> bool:
    """Tell whether a phrase after the cue's object belongs to what is said ("to a snake", "in the way ..."), not its time."""
    if prep.lower_ in cues()["object_preps"]:
        return True
    if prep.lower_ in cues()["occasions"]["preps"] or not any(
            c.dep_ in ("dobj", "dative") and c.i < prep.i for c in kids):
        return False
    return not any(o.dep_ == "pobj" and (o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in cues()["occasions"]["nouns"])
                   for o in prep.children)


def _occasion(tok) -> bool:
    """Tell whether a phrase gives the time or occasion of saying ("during the debate", "Wednesday", "in a speech")."""
    occasions = cues()["occasions"]
    if tok.dep_ == "npadvmod":
        return tok.ent_type_ in ("DATE", "TIME")
    if tok.dep_ != "prep" or tok.lower_ == "of":
        return False
    return tok.lower_ in occasions["preps"] or any(
        o.dep_ == "pobj" and (o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in occasions["nouns"])
        for o in tok.children)


def _cut_occasion(toks: list, verb) -> list:
    """Return content tokens without the occasions that close an 'as' phrase ("called it a scam | during the debate")."""
    while toks:
        last = max(x.i for x in toks if not x.is_punct) if any(not x.is_punct for x in toks) else -1
        cut = None
        for t in toks:
            if not _occasion(t) or max(x.i for x in t.subtree) < last:
                continue
            h = t.head
            while h.i != verb.i and (h.dep_ in ("pobj", "conj", "oprd", "appos") or (h.dep_ == "prep" and h.lower_ == "as")):
                h = h.head
            if h.i == verb.i and h.i != t.head.i:
                cut = t
                break
        out = [x for x in toks if cut is not None and x.i < cut.left_edge.i]
        if not out:
            return toks
        toks = out
    return toks


def _content_tokens(verb, kind_phrasal: bool):
    """Return the complement tokens of a cue verb (the reported clause), or []."""
    kids = [c for c in verb.children]
    ccomp = [c for c in kids if c.dep_ == "ccomp"]
    if ccomp:
        # "said that Y": Y without the complementiser
        toks = []
        for c in ccomp:
            toks.extend(t for t in c.subtree)
        first = min(x.i for x in toks)
        return [t for t in toks if not (t.i == first and t.dep_ == "mark" and t.lower_ == "that")]
    has_obj = any(c.dep_ in ("dobj", "dative") and c.i > verb.i for c in kids)
    comps = [c for c in kids if c.i > verb.i and (
        c.dep_ in CONTENT_DEPS or c.dep_ == "dative"
        or (c.dep_ == "prep" and (kind_phrasal or c.lower_ == "as"
                                  or (has_obj and _after_object(c, kids)))))]
    # "told reporters that ...", "told me": the one told is not what was said
    comps = [c for c in comps if c.dep_ != "dative" and not _addressee(c, verb)]
    if verb.lemma_.lower() in cues()["address_verbs"] and len(comps) > 1:
        comps = comps[1:]
    if not comps:
        return []
    toks = []
    for c in comps:
        toks.extend(c.subtree)
    return toks


def _addressee(tok, verb) -> bool:
    """Tell whether an object of a verb of address is the one spoken to ("told me", "warned a dispatcher")."""
    data = cues()
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in data["address_verbs"]:
        return False
    return tok.lower_ in data["object_pronouns"] or (tok.pos_ != "PRON" and agentive(tok, data))


def _prep_object(verb, data) -> list:
    """Return what a cue with no other content is about ("complained about the noise", "warned against hackers"), or []."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in data["topic_preps"] or c.i > verb.i + 2 or _occasion(c):
            continue
        if not all(t.pos_ == "ADV" for t in verb.doc[verb.i + 1:c.i]):
            continue
        toks = [t for t in c.subtree if t.i != c.i]
        return _cut_occasion(_cut_tail(toks, []), verb) if toks else []
    return []


def _that_clause(verb):
    """Return a that-clause the parser hung off a phrase after the verb ("tweeted in the morning that Y"), or None."""
    for c in verb.subtree:
        if c.i <= verb.i or c.dep_ not in ("advcl", "relcl", "acl") or c.left_edge.lower_ != "that":
            continue
        if c.left_edge.dep_ not in ("mark", "advmod") or not any(
                k.dep_ in ("nsubj", "nsubjpass", "csubj") and k.i != c.left_edge.i for k in c.children):
            continue  # "the plan that he drew up": a relative clause, not what was said
        h = c.head
        while h.i != verb.i and h.dep_ in ("prep", "pobj", "npadvmod", "dative"):
            h = h.head
        if h.i == verb.i:
            return c
    return None


def _without_cue_conjuncts(toks: list, data) -> list:
    """Return content tokens up to a conjoined verb of saying with no subject ("said A and warned B"): that is a second statement."""
    for t in sorted(toks, key=lambda x: x.i):
        if t.dep_ == "conj" and t.i > min(x.i for x in toks) and t.tag_ in ("VBD", "VBZ", "VBP") \
                and t.lemma_.lower() in data["core_verbs"] and _cue_of(t, data) is not None \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            stop = t.left_edge.i
            while stop > 0 and (t.doc[stop - 1].dep_ == "cc" or t.doc[stop - 1].is_punct):
                stop -= 1
            return [x for x in toks if x.i < stop]
    return toks


def _more_infinitives(verb) -> list:
    """Return the conjuncts the parser hung off the cue instead of its object ("wants to triple A, grow B and create C")."""
    objs = [c for c in verb.children if c.i > verb.i and c.dep_ in ("xcomp", "dobj")]
    if not objs:
        return []
    first = objs[0]
    gerund = first.tag_ == "VBG" or any(t.tag_ == "VBG" and t.i == first.left_edge.i for t in first.subtree)
    out = []
    for c in verb.children:
        if c.dep_ != "conj" or c.i <= first.i or any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children):
            continue
        # a conjunct of the cue's own form ("said A and left") is a second act; one of the object's form is more object
        if first.dep_ == "xcomp" and first.tag_ == "VB" and c.tag_ in ("VB", "VBP") and c.tag_ != verb.tag_ \
                and not any(k.dep_ == "aux" and k.lower_ != "to" for k in c.children):
            out.extend(c.subtree)
        elif first.dep_ == "dobj" and gerund and c.tag_ == "VBG" and verb.tag_ != "VBG":
            out.extend(c.subtree)
        elif first.dep_ == "dobj" and c.pos_ == "ADP" and any(t.dep_ == "prep" and t.lower_ == c.lower_ for t in first.subtree):
            out.extend(c.subtree)  # "cited her years as A and as B"
    return out


def _to_sentence_end(sent, toks: list) -> list:
    """Return content tokens run on to the end of the sentence, before a paragraph break or another cue's clause."""
    if not toks:
        return toks
    doc = sent.doc
    last = max(t.i for t in toks)
    stop = sent.end
    data = cues()
    for t in sent:
        if t.i > last and (t.lower_ == "according" or _cue_of(t, data) is not None):
            # the clause of a later cue ("..., and X said Y") is that cue's content, not this one's
            stop = min(t.left_edge.i, t.i)
            while stop > last + 1 and not doc[stop - 1].is_punct and doc[stop - 1].dep_ != "cc":
                stop -= 1
            while stop > last + 1 and (doc[stop - 1].is_punct or doc[stop - 1].dep_ == "cc"):
                stop -= 1  # ", and" between the two clauses belongs to neither
            break
    out = list(toks)
    for t in doc[last + 1:max(stop, last + 1)]:
        if "\n" in t.text or "\n" in doc[t.i - 1].whitespace_:
            break
        out.append(t)
    return out


def _cut_tail(toks: list, quotes) -> list:
    """Return content tokens up to an aside that follows a comma (', which ...', ', although ...', '; ...')."""
    if not toks:
        return toks
    toks = sorted(toks, key=lambda t: t.i)
    first, last = toks[0].i, toks[-1].i
    doc = toks[0].doc
    asides = cues()["aside_words"]
    for t in toks:
        if t.i <= first + 2 or t.i >= last or in_quote(quotes, (t.idx, t.idx + len(t))):
            continue
        if t.text == ";":
            return [x for x in toks if x.i < t.i]
        if t.text not in (",", "—", "--"):
            continue
        nxt = doc[t.i + 1]
        heads = [h for h in (nxt, nxt.head) if h.left_edge.i == nxt.i
                 and h.dep_ in ("advcl", "relcl", "appos", "acl", "parataxis")]
        if nxt.lower_ in asides or (heads and (heads[0].tag_ == "VBG" or heads[0].dep_ != "advcl"
                                                or nxt.dep_ == "mark")):
            return [x for x in toks if x.i < t.i]
    return toks


def _attitude(tok, data):
    """Return (noun, preposition) when a light verb takes a noun of attitude ("expressed concern about", "made the case for"), else None."""
    if tok.lemma_.lower() not in data["light_verbs"]:
        return None
    for obj in tok.children:
        if obj.dep_ != "dobj" or obj.i < tok.i or obj.lemma_.lower() not in data["attitude_nouns"]:
            continue
        for prep in obj.rights:
            if prep.dep_ == "prep" and prep.lower_ in data["attitude_preps"] and any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
                return obj, prep
    return None


def _cue_of(tok, data):
    """Return (kind, particle) when `tok` is a verb of saying, else None."""
    if tok.dep_ in ("amod", "aux", "auxpass", "compound") or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return None  # "emissions, known as HFCs": a participle naming a thing, not someone saying
    if tok.tag_ == "VBN" and tok.dep_ == "prep":
        return None  # "compared with", "based on": a participle used as a preposition
    att = _attitude(tok, data) if tok.pos_ in ("VERB", "AUX") else None
    if att is not None:
        return data["attitude_nouns"][att[0].lemma_.lower()], None
    if tok.pos_ not in ("VERB", "AUX") and not (
            tok.pos_ == "NOUN" and any(c.dep_ in ("nsubj", "ccomp") for c in tok.children)):
        return None
    lemma = lemma_of(tok)
    for c in tok.children:
        # the particle must follow the verb ("called on X"), not end a later phrase ("called X on Monday")
        near = c.dep_ == "prt" or c.i - tok.i <= 2 and all(t.pos_ == "ADV" for t in tok.doc[tok.i + 1:c.i])
        if c.dep_ in ("prt", "prep") and near and f"{lemma} {c.lower_}" in data["phrasal"]:
            return data["phrasal"][f"{lemma} {c.lower_}"], c
    if lemma in data["naming_verbs"]:
        # "called the charges fabricated": naming is saying only with what it names them
        if (tok.dep_ not in ("acl", "relcl") or _wh_object(tok) is not None) and any(c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")
                                                    for c in tok.children) \
                and any(c.dep_ in ("dobj", "oprd") for c in tok.children):
            return data["naming_verbs"][lemma], None
        return None
    if lemma in data["verbs"]:
        return data["verbs"][lemma], None
    if lemma in data["intent_verbs"] and any(c.dep_ == "xcomp" for c in tok.children):
        return data["intent_verbs"][lemma], None
    if lemma not in data["not_cues"] and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and agentive(subj, data):
            return "claim", None
    return None


def _wh_object(tok):
    """Return the relative pronoun a verb names in a relative clause ("which the CEO called nonsense"), or None."""
    return next((c for c in tok.children if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") and c.i < tok.i), None)


def _wh_start(tok, subj):
    """Return the relative or question word that opens what was said before its speaker ("which he said were", "what she says it does"), or None."""
    left = subj.left_edge.i if subj is not None and subj.i < tok.i else tok.i
    for w in tok.subtree:
        if w.i >= left or w.tag_ not in ("WDT", "WP") or w.lower_ == "who":
            continue
        if w.head.i == tok.i and w.dep_ == "dobj" or (w.head.i > tok.i and tok.i in {a.i for a in w.head.ancestors}):
            return w
    return None


def _tag(tok, subj, sent) -> tuple[int, int]:
    """Return the token range (first, last) of a speaker tag such as ', he said in an interview'."""
    keep = [tok] + (list(subj.subtree) if subj is not None and subj.head.i == tok.i else [])
    for c in tok.children:
        if c.dep_ in ("aux", "neg", "advmod", "npadvmod", "prep", "agent", "dative", "prt", "nsubj") or _addressee(c, tok):
            keep.extend(c.subtree)
    idx = sorted({t.i for t in keep if sent.start <= t.i < sent.end})
    lo = hi = idx.index(tok.i)
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi < len(idx) - 1 and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    return idx[lo], idx[hi]


def _adjunct_clause(tok, subord) -> bool:
    """Tell whether a clause says when or how someone spoke ("When X happened, ...", "Speaking to students, ...")."""
    if tok.dep_ != "advcl":
        return False
    if any(m.dep_ in ("mark", "advmod") and m.lower_ in subord and m.i < tok.i for m in tok.children):
        return True
    return tok.tag_ in ("VBG", "VBN") and tok.left_edge.i == tok.i \
        and not any(k.dep_ in ("nsubj", "nsubjpass") for k in tok.children)


def _around_tag(sent, first: int, last: int, text: str, verb=None):
    """Return the content around a speaker tag inside a sentence, or None."""
    doc = sent.doc
    if first - sent.start < 3:
        return None
    before = doc[first - 1]
    if not (before.is_punct or before.is_quote):
        return None
    if last + 1 < sent.end and not (doc[last + 1].is_punct or doc[last + 1].is_quote):
        return None  # "..., he told reporters that": the tag goes on, it is not a tag
    pre = [t for t in sent if t.i < first]
    direct = [t for t in pre if verb is not None and t.head.i == verb.i and not t.is_punct]
    if direct and all(t.dep_ in ("prep", "advmod", "npadvmod", "cc", "mark") for t in direct) \
            and not any(t.is_quote for t in pre):
        return None  # "By signing up, I agree": a phrase about the act, not what was said
    subord = cues()["subordinators"]
    if direct and all(t.dep_ in ("prep", "advmod", "npadvmod", "cc", "mark") or _adjunct_clause(t, subord) for t in direct) \
            and not any(t.is_quote for t in pre) \
            and all(t.is_punct or t.is_space for t in sent if t.i > last):
        return None  # "When Congress cut the funds, Mexico said enough": the time of saying, not what was said
    breaks = [k for k, t in enumerate(pre) if "\n" in t.text or "\n" in t.whitespace_]
    if breaks:
        pre = pre[breaks[-1] + 1:]  # a paragraph break (or a headline) ends the content
    toks = [t for t in sent if t.i > last]
    cut = next((k for k, t in enumerate(toks) if "\n" in t.text or "\n" in t.whitespace_), None)
    if cut is not None:
        toks = toks[:cut]  # the sentence runs over a paragraph break: stop there
    after = [t for t in toks if not (t.is_punct or t.is_space)]
    goes_on = bool(after) and doc[last + 1].text in (",", "—", "–") and pre and pre[-1].text == "," \
        and after[0].tag_ != "VBG" and not after[0].is_quote
    toks = pre + toks if goes_on else pre
    if not any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in toks):
        return None
    return trim(text, *span_of(toks))


def _passive_report(tok, kids, text: str, data) -> Optional[Found]:
    """Return 'X is expected / said / believed to Y' as a statement with no speaker, or None."""
    if tok.lemma_.lower() not in data["passive_reports"]:
        return None
    subj = next(c for c in kids if c.dep_ == "nsubjpass")
    xcomp = [c for c in kids if c.dep_ == "xcomp" and c.i > tok.i]
    if not xcomp or subj.i > tok.i:
        return None
    toks = list(subj.subtree) + list(xcomp[0].subtree)
    content = trim(text, *span_of(toks))
    return Found(span_of([tok]), content, data["verbs"].get(tok.lemma_.lower(), "claim"), None, hedged=True)


def _passive_claim(tok, kids, text: str, quotes, data) -> Optional[Found]:
    """Return 'X was accused of Y', 'X is considered Y' with no one named as a statement whose content is the whole clause, or None."""
    lemma = tok.lemma_.lower()
    if lemma not in data["passive_claims"]:
        return None
    subj = next(c for c in kids if c.dep_ == "nsubjpass")
    rest = [c for c in kids if c.i > tok.i and c.dep_ in ("prep", "oprd", "ccomp", "xcomp", "attr", "dobj")]
    if subj.i > tok.i or not rest or subj.tag_ in ("WDT", "WP") or subj.lower_ == "that":
        return None
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in kids) or any(t.lower_ in ("neither", "nor") for t in subj.subtree):
        return None  # "was never charged": no one is saying it
    toks = [t for t in tok.doc[subj.left_edge.i:tok.i + 1]]
    after = []
    for c in rest:
        after.extend(c.subtree)
    # the subject keeps its relative clause ("X, who shot Y, was charged"); only the tail is cut at an aside
    toks += _cut_tail(sorted([tok] + after, key=lambda t: t.i), quotes)
    kind = data["verbs"].get(lemma) or data["naming_verbs"].get(lemma) or "claim"
    return Found(span_of([tok]), trim(text, *span_of(toks)), kind, None)


def verb_statements(sent, text: str, quotes) -> list[Found]:
    """Return statements cued by verbs of saying in one sentence."""
    data = cues()
    out = []
    for tok in sent:
        found = _cue_of(tok, data)
        if found is None:
            continue
        kind, particle = found
        lemma = lemma_of(tok)
        kids = list(tok.children)
        if any(c.dep_ == "nsubjpass" for c in kids) and not any(c.dep_ == "agent" for c in kids):
            f = _passive_report(tok, kids, text, data) or _passive_claim(tok, kids, text, quotes, data)
            if f is not None:
                out.append(f)
            continue  # "were claimed wounded": a hedge, not a speaker
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
            continue  # "as CNN reported" is handled with the statement it qualifies
        subj = subject_of(tok)
        # a weak verb ("found", "stressed", "agreed") takes its object as content only when someone does it
        weak = lemma in data["weak_verbs"] and particle is None and lemma not in data["naming_verbs"] \
            and not (subj is not None and subj.i < tok.i and (agentive(subj, data) or subj.lemma_.lower() in data["evidence"]))
        if kind in ("threaten", "condemn", "deny", "support", "appeal") and subj is not None \
                and subj.lemma_.lower() in data["things"]:
            continue  # "the attack won't threaten ...": a thing, not a speaker
        if subj is not None and subj.lower_ in ("i", "you") and lemma in data["inner_verbs"] and (subj.lower_ == "you" or in_quote(quotes, (tok.idx, tok.idx + 1))):
            continue  # "I think", "you know": talk inside talk, not a report
        # a clause past a paragraph break is the parser running two paragraphs together, not what was said
        right_ccomp = [c for c in kids if c.dep_ == "ccomp" and c.i > tok.i
                       and "\n" not in text[tok.idx:c.left_edge.idx]]
        cue_end = tok
        if particle is not None and (particle.dep_ == "prt" or particle.i == tok.i + 1):
            cue_end = particle
        cue_span = span_of([tok, cue_end])
        content = None
        att = _attitude(tok, data)
        if att is not None:
            # "expressed concern about the policy": what the concern is about is what was said
            ctoks = _cut_occasion(_cut_tail([t for t in att[1].subtree if t.i != att[1].i], quotes), tok)
            content = trim(text, *span_of(ctoks)) if ctoks else None
        colon = None if content is not None else re.match(r"[^.:;“\"\n]{0,60}?:\s*(?=[“\"'])", text[cue_span[1]:sent.end_char + 2])
        if content is None and colon is None and not any(sent.start_char < q[1] <= cue_span[0] for q in quotes):
            # "joked of the museum, “...”": a quotation right after the tag is what was said
            colon = re.match(r"(?:(?!\w+ing\b|that\b|if\b)[^.:;“\"\n]){0,60}?,\s*(?=[“\"'])", text[cue_span[1]:sent.end_char + 2])
        if colon is not None:
            q = next((q for q in quotes if q[0] == cue_span[1] + colon.end()), None)
            if q is not None and (colon.group().rstrip().endswith(":") or q[1] >= sent.end_char - 2):
                content = q  # "scolded him: “...”", "said: “...”", "joked, “...”" closing the sentence
        if content is None and right_ccomp:
            ctoks = [t for t in _content_tokens(tok, particle is not None) if t.i > tok.i]
            if any(m.dep_ == "mark" and m.lower_ == "that" for c in right_ccomp for m in c.children):
                ctoks = _to_sentence_end(sent, ctoks)  # "said that ...": the rest of the sentence is reported
            else:
                ctoks = _cut_tail(ctoks, quotes)
            ctoks = _without_cue_conjuncts(ctoks, data) if ctoks else ctoks
            content = trim(text, *span_of(ctoks)) if ctoks else None
        clause = _that_clause(tok) if content is None and not right_ccomp else None
        if clause is not None:
            ctoks = _to_sentence_end(sent, [t for t in clause.subtree if t.i != clause.left_edge.i])
            ctoks = _without_cue_conjuncts(ctoks, data)
            content = trim(text, *span_of(ctoks))
        if content is None and not any(c.dep_ in ("dobj", "xcomp", "oprd") and c.i > tok.i and not _addressee(c, tok)
                                       for c in kids):
            first, last = _tag(tok, subj, sent)
            content = _around_tag(sent, first, last, text, tok)
        passive = [c for c in kids if c.dep_ == "nsubjpass" and c.i < tok.i]
        if content is None and passive and any(c.dep_ == "agent" for c in kids):
            # "the plan was criticised by the union": what is criticised is the content
            content = trim(text, *span_of(passive[0].subtree))
        if content is None and not weak:
            if particle is not None and particle.dep_ == "prep":
                ctoks = [t for t in particle.subtree if t.i != particle.i]
                for c in kids:  # "called on X to do Y"
                    if c.dep_ in ("xcomp", "ccomp") and c.i > particle.i:
                        ctoks.extend(c.subtree)
            else:
                ctoks = _content_tokens(tok, particle is not None) + _more_infinitives(tok)
            ctoks = _cut_occasion(_cut_tail([t for t in ctoks if t.i != tok.i], quotes), tok)
            if ctoks:
                content = trim(text, *span_of(ctoks))
        if content is None or content[1] - content[0] < 2:
            q = near_quote(text, quotes, cue_span[0], cue_span[1], before=False)
            if q is None:
                left = min(cue_span[0], subj.idx) if subj is not None and subj.i < tok.i else cue_span[0]
                q = near_quote(text, quotes, left, cue_span[1], before=True)
            if q is None:
                ctoks = _prep_object(tok, data) if not weak else []
                if not ctoks:
                    continue
                q = trim(text, *span_of(ctoks))
            content = q
        wh = _wh_start(tok, subj)
        if wh is not None and wh.idx < content[0] and wh.sent.start == sent.start:
            content = (wh.idx, content[1])  # "which he said were at his side": the clause opens before its speaker
        content = one_paragraph(text, quotes, widen(text, quotes, content, cue_span, sent.end_char), cue_span)
        if across_paragraphs(text, quotes, content, cue_span):
            continue  # a headline parsed into the next paragraph: its verb does not cue that paragraph
        if kind == "condemn" and lemma in data["object_needs_agent"] and not any(
                c.dep_ == "dobj" and (agentive(c, data) or c.lower_ in data["object_pronouns"]) for c in kids) \
                and not any(c.dep_ == "prep" and c.lower_ in ("for", "as") and c.i > tok.i for c in kids):
            continue  # "attacked the ball": a verb of attack, not of criticism
        speaker = span_of(speaker_tokens(subj)) if subj is not None else None
        if subj is not None and subj.i < tok.i:
            # a headline or paragraph break between subject and verb: the parser ran two lines together
            colon = [t.i for t in sent if subj.i <= t.i < tok.i and (t.text == ":" or "\n" in t.text + t.whitespace_)]
            between = [t for t in sent if colon and colon[-1] < t.i < tok.i and t.dep_ not in ("aux", "neg", "advmod")
                       and not t.is_space]
            if between and any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in between):
                speaker = span_of(between)  # "The Latest: Trump urges ...": the speaker follows the headline
        f = Found(cue_span, content, kind, speaker)
        channels(tok, f, data)
        out.append(f)
    return out
