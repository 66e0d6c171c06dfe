"""Statements cued by verbs of saying: "X said Y", "Y, X said", "X is said to Y", "X called on Y to Z"."""
from __future__ import annotations

import re
from typing import Optional

from ..events.clauses import doc_words
from .impressions import impression, made_clear
from .quotes import across_paragraphs, in_quote, inverted_subject, near_quote, one_paragraph, quote_tag, span_of, trim, widen
from .cuewords import Found, agentive, cues, formula, lemma_of, person_noun, verb_class
from .speakers import channels, speaker_tokens, subject_of
from .contents import (addressee, claim_topic, content_tokens, cut_comment, cut_occasion, cut_tail,
                       has_own_object, hung_above, more_infinitives, prep_object, wh_object)


def _stray_subject(verb, subj, ccomp) -> list:
    """Return the subject of a reported clause the parser left before a mid-sentence tag ("The stadium, he told us, will cost ..."), or []."""
    if subj is None or subj.i < verb.i - 12 or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in ccomp.children):
        return []
    doc = verb.doc
    left = subj.left_edge.i
    if left < 1 or doc[left - 1].text != ",":
        return []
    stray = [c for c in verb.children if c.dep_ in ("dep", "nsubj") and c.i < left]
    if not stray or any("\n" in t.text_with_ws for t in doc[stray[0].left_edge.i:left]):
        return []
    return list(doc[stray[0].left_edge.i:left])


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
    """Return content tokens up to a conjoined verb of saying ("said A and warned B", "what X says A and how experts say B"): that is a second statement."""
    for t in sorted(toks, key=lambda x: x.i):
        if t.dep_ == "conj" and t.i > min(x.i for x in toks) and t.tag_ in ("VBD", "VBZ", "VBP") \
                and t.lemma_.lower() in data["core_verbs"] and _cue_of(t, data) is not None:
            stop = t.left_edge.i
            while stop > 0 and (t.doc[stop - 1].dep_ == "cc" or t.doc[stop - 1].is_punct):
                stop -= 1
            return [x for x in toks if x.i < stop]
    return toks


def _to_sentence_end(sent, toks: list, verb=None) -> list:
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
    if verb is not None and verb.dep_ == "advcl" and verb.head.i > verb.i:
        stop = min(stop, verb.right_edge.i + 1)  # "Noting that Y, the mayor urged Z": the main clause after it is no more of Y
    out = list(toks)
    for t in doc[last + 1:max(stop, last + 1)]:
        if "\n" in t.text or "\n" in doc[t.i - 1].whitespace_:
            break
        out.append(t)
    return out


def _attitude(tok, data):
    """Return (noun, preposition) when a light verb takes a noun of attitude ("expressed concern about", "made the case for"), else None."""
    if tok.lemma_.lower() not in data["light_verbs"]:
        return None
    for obj in tok.children:
        if obj.dep_ != "dobj" or obj.i < tok.i or obj.lemma_.lower() not in data["attitude_nouns"]:
            continue
        # the parser hangs the preposition on the noun or, right after it, on the verb ("took issue with Y")
        after = [c for c in tok.children if c.i == obj.right_edge.i + 1]
        for prep in list(obj.rights) + after:
            if prep.dep_ == "prep" and prep.lower_ in data["attitude_preps"] and any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
                return obj, prep
    return None


def _past_addressee(tok, prep, data) -> bool:
    """Tell whether a topic ('about') follows its verb past only the one spoken to, a particle or a day ("talked to reporters on Friday about Y")."""
    if prep.dep_ != "prep" or prep.lower_ not in data["noun_topic_preps"] or prep.i <= tok.i:
        return False
    between = set()
    for c in tok.children:
        if tok.i < c.i < prep.i and (c.dep_ in ("prt", "npadvmod", "advmod") or c.dep_ == "prep" and c.lower_ in ("to", "with")):
            between.update(t.i for t in c.subtree)
    return all(i in between for i in range(tok.i + 1, prep.i))


def _seen_as(tok, data) -> bool:
    """Tell whether a verb of regard takes an object and what it is taken for ("critics see the plan as a giveaway")."""
    if lemma_of(tok) not in data["regard_verbs"]:
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
    return bool(objs) and any(
        p.dep_ == "prep" and p.lower_ == "as" and p.i > objs[0].i and any(not k.is_punct for k in p.children)
        for p in list(tok.children) + list(objs[0].children))


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
        near = c.dep_ == "prt" or 0 < c.i - tok.i <= 2 and all(t.pos_ == "ADV" for t in tok.doc[tok.i + 1:c.i]) \
            or _past_addressee(tok, c, data)
        if c.dep_ in ("prt", "prep") and near and f"{lemma} {c.lower_}" in data["phrasal"]:
            return data["phrasal"][f"{lemma} {c.lower_}"], c
    if _seen_as(tok, data):
        return "claim", None
    if lemma in data["naming_verbs"]:
        # "called the charges fabricated": naming is saying only with what it names them
        if (tok.dep_ not in ("acl", "relcl") or wh_object(tok) is not None) and any(c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")
                                                    for c in tok.children) \
                and any(c.dep_ in ("dobj", "oprd") for c in tok.children):
            return data["naming_verbs"][lemma], None
        # with no name given, naming is saying only as any verb of communication is ("called snap elections"),
        # and not when it calls on someone ("called the farmers on Monday")
        named = [c for c in tok.children if c.dep_ == "dobj"]
        return ("claim", None) if _communicates(tok, lemma, data) \
            and not any(agentive(c, data) or person_noun(c) for c in named) else None
    if lemma in data["verbs"]:
        return data["verbs"][lemma], None
    if lemma in data["passive_claims"] and any(c.dep_ == "nsubjpass" for c in tok.children):
        return "claim", None  # "the claims were rated as false": a judgement with no one named
    if lemma in data["intent_verbs"] and any(c.dep_ == "xcomp" for c in tok.children):
        return data["intent_verbs"][lemma], None
    if lemma in data["intent_verbs"] and any(c.dep_ == "dobj" and c.i > tok.i and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and agentive(subj, data) and subj.lower_ not in ("i", "you", "we"):
            return data["intent_verbs"][lemma], None  # "Trump wants a wall", "the party seeks a recount"
    if lemma in data["intent_verbs"] and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children) \
            and not any(c.dep_ == "nsubj" and c.lower_ in ("i", "you", "we") for c in tok.children):
        return data["intent_verbs"][lemma], None  # "voters expect Clinton to win", "they decided she should share it"
    if made_clear(tok, data) is not None:
        return "claim", None  # "X made (it) clear that Y"
    if lemma not in data["not_cues"] and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and agentive(subj, data):
            return "claim", None
    if _communicates(tok, lemma, data) or quote_tag(tok, data):
        return "claim", None
    return None


def _communicates(tok, lemma: str, data) -> bool:
    """Tell whether a verb of communication outside the lexicon (WordNet's class) has someone as subject and
    what they communicate after it ("Sanders rebuffed the pressure", "who chided the press")."""
    if tok.pos_ != "VERB" or tok.dep_ == "acl" or lemma in data["not_cues"] or not verb_class(lemma, "communication"):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > tok.i]
    # "repeated his comment about Y": the noun of saying cues its own statement
    return subj is not None and subj.i < tok.i and agentive(subj, data) and bool(objs) \
        and not any(o.lemma_.lower() in data["noun_cues"] or o.lemma_.lower() in data["attitude_nouns"] for o in objs)


def _colon_paragraph(text: str, cue_end: int) -> Optional[tuple[int, int]]:
    """Return the next paragraph when a tag ends its own paragraph with a colon ("Limbaugh added:"), or None."""
    m = re.match(r"[^.:;“”\"\n]{0,60}?:[ \t\xa0]*\n\s*", text[cue_end:])
    if m is None:
        return None
    start = cue_end + m.end()
    if text[start:start + 1] in "“\"'‘":
        return None  # a quotation after the colon is found as one, and may run over paragraphs
    stop = text.find("\n", start)
    stop = len(text) if stop < 0 else stop
    return trim(text, start, stop) if stop - start > 10 else None


def _after_break(tok, toks: list) -> list:
    """Return content tokens without a clause that a colon or semicolon parts from the verb ("We were here before: X declared war on Y")."""
    stops = [t.i for t in tok.sent if t.i < tok.i and t.text in (":", ";") and not t.is_quote]
    if not stops:
        return toks
    return [t for t in toks if t.i > stops[-1]]


def _irrealis(tok, data) -> bool:
    """Tell whether a verb of saying is only required, allowed or aimed at ("requires candidates to disclose", "without saying") or a reason ("blamed for promoting"), not a report."""
    if lemma_of(tok) in data["core_verbs"]:
        return False
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp":
        return tok.head.lower_ in data["irrealis_heads"] or tok.head.lower_ in data["reason_preps"]
    return tok.tag_ == "VB" and tok.dep_ in ("xcomp", "ccomp", "advcl", "acl") \
        and tok.head.lemma_.lower() in data["irrealis_heads"]


def _bare_object(tok, subj, content, quotes, data) -> bool:
    """Tell whether a verb that reports only with a clause has just a plain object ("told more jokes", "found a way"), an act."""
    if lemma_of(tok) not in data["clause_verbs"] or content[0] <= tok.idx or in_quote(quotes, (content[0], content[0] + 1)):
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "nsubjpass", "agent") for c in tok.children):
        return False
    span = tok.doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None or any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in span):
        return False  # a clause the parser hung elsewhere ("told a meeting that few people understood ...")
    return not (subj is not None and subj.lemma_.lower() in data["evidence"])


def _tag(tok, subj, sent) -> tuple[int, int]:
    """Return the token range (first, last) of a speaker tag such as ', he said in an interview'."""
    keep = [tok] + (list(subj.subtree) if subj is not None and subj.head.i == tok.i else [])
    for c in tok.children:
        if c.dep_ in ("aux", "neg", "advmod", "npadvmod", "prep", "agent", "dative", "prt", "nsubj") or addressee(c, tok):
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
    if len(pre) > 2 and pre[-1].text == "," and pre[-2].tag_ in ("WDT", "WP") and pre[-3].text == ",":
        pre = pre[-2:]  # "the stadium, which, he said, is full": what was said is the relative clause
    toks = [t for t in sent if t.i > last]
    cut = next((k for k, t in enumerate(toks) if "\n" in t.text or "\n" in t.whitespace_), None)
    if cut is not None:
        toks = toks[:cut]  # the sentence runs over a paragraph break: stop there
    after = [t for t in toks if not (t.is_punct or t.is_space)]
    # "X, he said, replacing Y would ..." goes on; ", he said, adding ..." and ", he said, as they left" do not
    goes_on = bool(after) and doc[last + 1].text in (",", "—", "–") and pre and pre[-1].text == "," \
        and (after[0].tag_ != "VBG" or after[0].lower_ in cues()["list_preps"] or after[0].dep_ in ("csubj", "nsubj")) \
        and not after[0].is_quote and not (after[0].lower_ == "as" and after[0].dep_ == "mark")
    toks = pre + cut_comment(toks, []) if goes_on else pre
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


def _nobody(subj, data) -> bool:
    """Tell whether a subject names no one ("no group", "nobody", "none of them"), so its verb reports nothing."""
    return subj.lower_ in data["nobody_subjects"] or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def _relative(subj) -> bool:
    """Tell whether a subject is a relative pronoun ("which", "much of which"), not a noun with its own relative clause."""
    for t in subj.subtree:
        if t.tag_ not in ("WDT", "WP"):
            continue
        h = t
        while h.i != subj.i and h.dep_ not in ("relcl", "acl"):
            h = h.head
        if h.i == subj.i:
            return True
    return False


def _passive_claim(tok, kids, text: str, quotes, data) -> Optional[Found]:
    """Return 'X was accused of Y', 'X is considered Y' with no one named as a statement whose content is the whole clause, or None."""
    lemma = lemma_of(tok)
    if lemma not in data["passive_claims"]:
        return None
    subj = next(c for c in kids if c.dep_ == "nsubjpass")
    rest = [c for c in kids if c.i > tok.i and c.dep_ in ("prep", "oprd", "ccomp", "xcomp", "attr", "dobj")]
    if subj.i > tok.i or not rest or _relative(subj) or subj.lower_ == "that":
        return None
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in kids) or any(t.lower_ in ("neither", "nor") for t in subj.subtree):
        return None  # "was never charged": no one is saying it
    toks = [t for t in tok.doc[subj.left_edge.i:tok.i + 1]]
    after = []
    for c in rest:
        after.extend(c.subtree)
    # the subject keeps its relative clause ("X, who shot Y, was charged"); only the tail is cut at an aside
    toks += cut_tail(sorted([tok] + after, key=lambda t: t.i), quotes)
    kind = data["verbs"].get(lemma) or data["naming_verbs"].get(lemma) or "claim"
    return Found(span_of([tok]), trim(text, *span_of(toks)), kind, None)


def verb_statements(sent, text: str, quotes) -> list[Found]:
    """Return statements cued by verbs of saying in one sentence."""
    data = cues()
    out = []
    doc, words = sent.doc, doc_words(sent.doc)  # (lemma, word, lemma:POS, ...): no Token built
    for i in range(sent.start, sent.end):
        if words[i][2].rpartition(":")[2] not in ("VERB", "AUX", "NOUN") and words[i][1] not in data["feelings"] \
                and words[i][1] not in data["evident_words"]:
            continue  # no feeling, 'clear', verb or noun: `_cue_of` and the impressions answer None
        tok = doc[i]
        feeling = impression(tok, text, quotes, data)
        if feeling is not None:
            out.append(feeling)
            continue
        found = _cue_of(tok, data)
        if found is None:
            continue
        kind, particle = found
        if _irrealis(tok, data) or formula(tok, data):
            continue
        lemma = lemma_of(tok)
        kids = list(tok.children)
        if any(c.dep_ == "nsubjpass" for c in kids) and not any(c.dep_ == "agent" for c in kids):
            f = _passive_report(tok, kids, text, data) or _passive_claim(tok, kids, text, quotes, data)
            if f is not None:
                out.append(f)
            continue  # "were claimed wounded": a hedge, not a speaker
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in kids) and not has_own_object(tok):
            continue  # "as CNN reported" is handled with the statement it qualifies
        subj = subject_of(tok) or (inverted_subject(tok) if tok.i and tok.doc[tok.i - 1].is_quote else None)  # "“...” reacted X"
        if subj is not None and (subj.lower_ in data["generic_subjects"] or _nobody(subj, data)):
            continue  # "anyone wanting to borrow", "no group has claimed it": no one in particular, so no report
        if subj is None and tok.tag_ == "VB" and tok.dep_ == "ROOT":
            continue  # "Ask yourself that question": a bidding, not a report
        # a weak verb ("found", "stressed", "agreed") takes its object as content only when someone does it
        weak = lemma in data["weak_verbs"] and particle is None and lemma not in data["naming_verbs"] and not _seen_as(tok, data) \
            and not quote_tag(tok, data) and not (subj is not None and subj.i < tok.i and (agentive(subj, data) or subj.lemma_.lower() in data["evidence"]))
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
            ctoks = cut_occasion(cut_tail([t for t in att[1].subtree if t.i != att[1].i], quotes), tok)
            ctoks = ctoks + hung_above(ctoks)
            content = trim(text, *span_of(ctoks)) if ctoks else None
        ahead = None if content is not None or right_ccomp else _colon_paragraph(text, cue_span[1])
        if ahead is not None:
            content = ahead  # "Limbaugh added:" closing a paragraph: the next paragraph is what he added
        colon = None if content is not None else re.match(r"[^.:;“\"\n]{0,60}?:\s*(?=[“\"'])", text[cue_span[1]:sent.end_char + 2])
        if content is None and colon is None and not any(sent.start_char < q[1] <= cue_span[0] for q in quotes):
            # "joked of the museum, “...”": a quotation right after the tag is what was said
            colon = re.match(r"(?:(?!\w+ing\b|that\b|if\b)[^.:;“\"\n]){0,60}?,\s*(?=[“\"'])", text[cue_span[1]:sent.end_char + 2])
        if colon is not None:
            q = next((q for q in quotes if q[0] == cue_span[1] + colon.end()), None)
            if q is not None and (colon.group().rstrip().endswith(":") or q[1] >= sent.end_char - 2):
                content = q  # "scolded him: “...”", "said: “...”", "joked, “...”" closing the sentence
        if content is None and right_ccomp:
            ctoks = [t for t in content_tokens(tok, particle is not None) if t.i > tok.i]
            word = made_clear(tok, data)
            if word is not None:  # "made it clear that Y": Y, after the word
                ctoks = [t for t in ctoks if t.i > word.i and not (t.i == word.i + 1 and t.lower_ == "that")]
            if any(m.dep_ == "mark" and m.lower_ == "that" for c in right_ccomp for m in c.children):
                ctoks = cut_comment(_to_sentence_end(sent, ctoks, tok), quotes)  # "said that ...": the rest of the sentence is reported
            else:
                ctoks = cut_tail(ctoks, quotes)
                ctoks = ctoks + hung_above(ctoks)
            ctoks = _without_cue_conjuncts(ctoks, data) if ctoks else ctoks
            ctoks = _stray_subject(tok, subj, right_ccomp[0]) + ctoks if ctoks else ctoks
            content = trim(text, *span_of(ctoks)) if ctoks else None
        clause = _that_clause(tok) if content is None and not right_ccomp else None
        if clause is not None:
            ctoks = cut_comment(_to_sentence_end(sent, [t for t in clause.subtree if t.i != clause.left_edge.i]), quotes)
            ctoks = claim_topic(clause) + ctoks
            ctoks = _without_cue_conjuncts(ctoks, data)
            content = trim(text, *span_of(ctoks))
        # "calling for his dismissal": a phrasal cue with its own object says that, not the words around it
        own_object = particle is not None and particle.dep_ == "prep" and any(c.dep_ in ("pobj", "pcomp") for c in particle.children)
        if content is None and not own_object and not any(c.dep_ in ("dobj", "xcomp", "oprd") and c.i > tok.i
                                                          and not addressee(c, tok) for c in kids):
            first, last = _tag(tok, subj, sent)
            content = _around_tag(sent, first, last, text, tok)
        passive = [c for c in kids if c.dep_ == "nsubjpass" and c.i < tok.i]
        if content is None and passive and any(c.dep_ == "agent" for c in kids):
            # "the plan was criticised by the union": what is criticised is the content
            content = trim(text, *span_of(passive[0].subtree))
        # '“...!” he told the crowd': the one told closes a tag after a quotation, and the quotation is what was told
        if content is None and not weak and not (lemma in data["address_verbs"] and quote_tag(tok, data, True)):
            if particle is not None and particle.dep_ == "prep":
                ctoks = [t for t in particle.subtree if t.i != particle.i]
                for c in kids:  # "called on X to do Y", "referred to X as Y"
                    if (c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")) and c.i > particle.i:
                        ctoks.extend(c.subtree)
                if ctoks and all(t.ent_type_ in ("DATE", "TIME") for t in ctoks if not t.is_punct):
                    # "weighed in Friday about Y": the particle took the day; what was said is the topic after it
                    ctoks = next(([t for t in c.subtree if t.i != c.i] for c in kids if c.dep_ == "prep" and c.i > particle.i
                                  and c.lower_ in data["topic_preps"]), [])
            else:
                ctoks = _after_break(tok, content_tokens(tok, particle is not None) + more_infinitives(tok))
            ctoks = cut_occasion(cut_tail([t for t in ctoks if t.i != tok.i], quotes), tok)
            ctoks = ctoks + hung_above(ctoks)
            if ctoks:
                content = trim(text, *span_of(ctoks))
        if content is None or content[1] - content[0] < 2:
            q = near_quote(text, quotes, cue_span[0], cue_span[1], before=False)
            if q is None:
                # the whole subject stands between ("“...?” a narrator in the ad asks"), but no paragraph break
                left = min(cue_span[0], subj.left_edge.idx) if subj is not None and subj.i < tok.i else cue_span[0]
                q = near_quote(text, quotes, left, cue_span[1], before=True)
                q = None if q is not None and "\n" in text[q[1]:left] and left != cue_span[0] else q
            if q is None:
                ctoks = prep_object(tok, data) if not weak else []
                if not ctoks:
                    continue
                q = trim(text, *span_of(ctoks))
            content = q
        content = one_paragraph(text, quotes, widen(text, quotes, content, cue_span, sent.end_char), cue_span)
        if _bare_object(tok, subj, content, quotes, data):
            continue
        if across_paragraphs(text, quotes, content, cue_span) and content != ahead:
            continue  # a headline parsed into the next paragraph: its verb does not cue that paragraph
        if kind == "condemn" and lemma in data["object_needs_agent"] and not any(
                c.dep_ == "dobj" and (agentive(c, data) or c.lower_ in data["object_pronouns"]) for c in kids) \
                and not any(c.dep_ == "prep" and c.lower_ in ("for", "as") and c.i > tok.i for c in kids):
            continue  # "attacked the ball": a verb of attack, not of criticism
        # a passive with no agent names no speaker: "when asked about Y" (X is the one asked), "X ... but is expected to Y"
        unnamed = tok.tag_ == "VBN" and "agent" not in [c.dep_ for c in kids] and (
            tok.dep_ == "advcl" and lemma in data["address_verbs"] or "auxpass" in [c.dep_ for c in kids])
        speaker = span_of(speaker_tokens(subj)) if subj is not None and not unnamed else None
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
