"""Content spans of verbs of saying: the complement of a cue, cut at asides and occasions, widened over conjuncts the parser misplaced."""
from __future__ import annotations

from .quotes import in_quote
from .cuewords import agentive, cues

CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "oprd", "attr")


def after_object(prep, kids) -> bool:
    """Tell whether a phrase after the cue's object belongs to what is said ("to a snake", "in the way ..."), not its time."""
    if prep.lower_ in cues()["object_preps"]:
        return True
    if prep.lower_ in cues()["occasions"]["preps"] or not any(
            c.dep_ in ("dobj", "dative") and c.i < prep.i for c in kids):
        return False
    return not any(o.dep_ == "pobj" and (o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in cues()["occasions"]["nouns"])
                   for o in prep.children)


def occasion(tok) -> bool:
    """Tell whether a phrase gives the time or occasion of saying ("during the debate", "Wednesday", "in a speech")."""
    occasions = cues()["occasions"]
    if tok.dep_ == "npadvmod":
        return tok.ent_type_ in ("DATE", "TIME")
    if tok.dep_ != "prep" or tok.lower_ == "of":
        return False
    return tok.lower_ in occasions["preps"] or any(
        o.dep_ == "pobj" and (o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in occasions["nouns"])
        for o in tok.children)


def cut_occasion(toks: list, verb) -> list:
    """Return content tokens without the occasions that close an 'as' phrase ("called it a scam | during the debate")."""
    while toks:
        last = max(x.i for x in toks if not x.is_punct) if any(not x.is_punct for x in toks) else -1
        cut = None
        for t in toks:
            if not occasion(t) or max(x.i for x in t.subtree) < last:
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


def content_tokens(verb, kind_phrasal: bool):
    """Return the complement tokens of a cue verb (the reported clause), or []."""
    kids = [c for c in verb.children]
    ccomp = [c for c in kids if c.dep_ == "ccomp"]
    if ccomp:
        # "said that Y": Y without the complementiser
        toks = stolen_subject(verb, ccomp[0])
        for c in ccomp:
            toks.extend(t for t in c.subtree)
        first = min(x.i for x in toks)
        return [t for t in toks if not (t.i == first and t.dep_ == "mark" and t.lower_ == "that")]
    has_obj = any(c.dep_ in ("dobj", "dative") and c.i > verb.i for c in kids)
    comps = [c for c in kids if c.i > verb.i and (
        c.dep_ in CONTENT_DEPS or c.dep_ == "dative"
        # "called on fellow Republicans to ...": a particle parsed with its own object, the one called on
        or (c.dep_ == "prt" and any(o.dep_ == "pobj" for o in c.children))
        or (c.dep_ == "prep" and (kind_phrasal or c.lower_ == "as"
                                  or (has_obj and after_object(c, kids)))))]
    # "urged Congress to act": the one urged, right before the infinitive, is who is to act, part of what was urged
    bidden = [c for c in comps if c.dep_ == "dobj" and any(
        x.dep_ == "xcomp" and 0 < x.left_edge.i - max(t.i for t in c.subtree) <= 2 for x in comps)]
    # "told reporters that ...", "told me": the one told is not what was said
    comps = [c for c in comps if (c.dep_ != "dative" or recipient(c, verb)) and (not addressee(c, verb) or c in bidden)]
    if verb.lemma_.lower() in cues()["address_verbs"] and len(comps) > 1 and comps[0] not in bidden:
        comps = comps[1:]
    if not comps:
        return []
    toks = []
    for c in comps:
        toks.extend(t for t in c.subtree if t.i != c.i or c.dep_ != "prt")
    return toks


def recipient(dative, verb) -> bool:
    """Tell whether a 'to' phrase after the object names who gets what is offered ("offers loans to parents"), part of the offer."""
    return dative.lower_ == "to" and verb.lemma_.lower() not in cues()["address_verbs"] \
        and any(c.dep_ == "dobj" and c.i < dative.i for c in verb.children)


def stolen_subject(verb, ccomp) -> list:
    """Return the subject of a reported clause the parser made the cue's object ("think [the outreach to voters] [was phony]"), or []."""
    if ccomp.i < verb.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in ccomp.children) \
            or ccomp.left_edge.i != ccomp.i:
        return []
    objs = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < ccomp.i and not addressee(c, verb)]
    if not objs:
        return []
    run = [t for t in verb.doc[objs[0].left_edge.i:ccomp.i]]
    # only the object and phrases hung on the verb between it and the clause
    if any(t.is_punct for t in run) or not all(
            t.head.i == verb.i and t.dep_ in ("dobj", "prep") or any(a.i == objs[0].i or a.dep_ == "prep" and a.head.i == verb.i
                                                              for a in t.ancestors) for t in run):
        return []
    return run


def has_own_object(verb) -> bool:
    """Tell whether a verb under 'as' has an object of its own ("as she called for a vote", "as the paper called them Y"), not 'as X said'."""
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ in ("dobj", "ccomp") and c.lower_ != "it":
            return True
        if c.dep_ in ("prep", "prt") and f"{verb.lemma_.lower()} {c.lower_}" in cues()["phrasal"] \
                and any(o.dep_ in ("pobj", "pcomp") for o in c.children):
            return True
    return False


def addressee(tok, verb) -> bool:
    """Tell whether an object of a verb of address is the one spoken to ("told me", "warned a dispatcher")."""
    data = cues()
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in data["address_verbs"]:
        return False
    return tok.lower_ in data["object_pronouns"] or (tok.pos_ != "PRON" and agentive(tok, data))


def prep_object(verb, data) -> list:
    """Return what a cue with no other content is about ("complained about the noise", "warned against hackers"), or []."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in data["topic_preps"] or c.i > verb.i + 2 or occasion(c):
            continue
        if not all(t.pos_ == "ADV" for t in verb.doc[verb.i + 1:c.i]):
            continue
        toks = [t for t in c.subtree if t.i != c.i]
        toks = cut_occasion(cut_tail(toks, []), verb) if toks else []
        return toks + hung_above(toks)
    return []


def more_infinitives(verb) -> list:
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


def _inner_marks(toks: list, quotes, marks: tuple) -> list:
    """Return the punctuation MARKS inside sorted content tokens, past the first three words and outside quotations."""
    if not toks:
        return []
    first, last = toks[0].i, toks[-1].i
    return [t for t in toks if t.text in marks and first + 2 < t.i < last
            and not in_quote(quotes, (t.idx, t.idx + len(t)))]


def cut_tail(toks: list, quotes) -> list:
    """Return content tokens up to an aside that follows a comma (', which ...', ', although ...', '; ...')."""
    toks = sorted(toks, key=lambda t: t.i)
    asides = cues()["aside_words"]
    for t in _inner_marks(toks, quotes, (";", ",", "—", "--")):
        if t.text == ";":
            return [x for x in toks if x.i < t.i]
        doc, last = t.doc, toks[-1].i
        nxt = doc[t.i + 1]
        if nxt.lower_ in cues()["setting_words"]:
            continue  # ", where ...": the place or state of things the content speaks of goes on with it
        heads = [h for h in (nxt, nxt.head) if h.left_edge.i == nxt.i
                 and h.dep_ in ("advcl", "relcl", "appos", "acl", "parataxis")]
        if heads and heads[0].dep_ == "appos" and nxt.lower_ not in asides and inner_appos(heads[0], last):
            continue
        if heads and heads[0].dep_ in ("relcl", "acl", "appos") and parenthetical(heads[0], last):
            continue
        # ", even as ...", ", even though ...": a concession set against what was said
        concession = nxt.dep_ == "advmod" and doc[t.i + 2].lower_ in cues()["subordinators"] and doc[t.i + 2].dep_ == "mark"
        if nxt.lower_ in asides or concession or (heads and (heads[0].tag_ == "VBG" or heads[0].dep_ != "advcl"
                                                             or nxt.dep_ == "mark")):
            return [x for x in toks if x.i < t.i]
    return toks


def cut_comment(toks: list, quotes) -> list:
    """Return a reported clause up to a comment on it after a comma (', contradicting ...', ', although ...'), keeping relative clauses and appositives."""
    toks = sorted(toks, key=lambda t: t.i)
    asides = cues()["aside_words"]
    for t in _inner_marks(toks, quotes, (",",)):
        doc = t.doc
        nxt = doc[t.i + 1]
        participle = nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "acl", "xcomp", "conj") and nxt.left_edge.i == nxt.i \
            and nxt.lower_ not in cues()["list_preps"]
        # "while reducing its impact": a participle under "while" is part of the clause, how it is done
        comment = nxt.lower_ in asides and nxt.tag_ not in ("WDT", "WP", "WP$") and doc[nxt.i + 1].tag_ != "VBG"
        if participle or comment:
            return [x for x in toks if x.i < t.i]
    return toks


def parenthetical(aside, last: int) -> bool:
    """Tell whether an aside on a noun closes with a comma and the noun's own verb goes on ("what the car, made in Mexico, would cost")."""
    noun = aside.head
    end = max(t.i for t in aside.subtree)
    doc = aside.doc
    return end + 2 <= last and doc[end + 1].text == "," and noun.dep_ in ("nsubj", "nsubjpass") \
        and end < noun.head.i <= last


def inner_appos(appos, last: int) -> bool:
    """Tell whether an appositive sits inside the content, its phrase going on after it ("offers help, merit aid, to students")."""
    end = max(t.i for t in appos.subtree)
    doc = appos.doc
    if appos.ent_type_ == "GPE" or end + 2 > last or doc[end + 1].text != ",":
        return False  # "in Flint, Mich., for ...": a place's state, an address rather than an aside
    return doc[end + 2].pos_ == "ADP" or (doc[end + 2].lower_ == "to" and doc[end + 2].dep_ == "aux")


def claim_topic(clause) -> list:
    """Return the noun of saying a that-clause belongs to when it is the cue's topic ("asked about [his claim] that Y"), with 'that', or []."""
    noun, data = clause.head, cues()
    if noun.lemma_.lower() not in data["noun_cues"] or noun.dep_ != "pobj" or noun.head.lower_ not in data["topic_preps"]:
        return []
    return [t for t in noun.subtree if t.i < clause.left_edge.i] + [clause.left_edge]


def hung_above(toks: list) -> list:
    """Return the words after a content that the parser hung above it but that belong to it, or []."""
    if not toks:
        return []
    doc = toks[0].doc
    last = max(t.i for t in toks)
    out = _topic_clause(doc, last) or _instances(doc, last, toks[0].i) or _conjunct(doc, last, toks) \
        or _participle(doc, last, toks[0].i) or _infinitive(doc, last, toks[0].i)
    return [] if "\n" in doc[last:last + 1 + len(out)].text else out


def _until_end(doc, last: int, head) -> list:
    """Return the tokens from after `last` to the end of `head`'s subtree."""
    return list(doc[last + 1:max(t.i for t in head.subtree) + 1])


def _topic_clause(doc, last: int) -> list:
    """Return a clause narrowing the topic ("a gap | when it comes to hiring"), or []."""
    k = last + 1
    while k < len(doc) and k < last + 3 and doc[k].is_punct and doc[k].text in ",\"”'’":
        k += 1
    for phrase in cues()["topic_clauses"]:
        words = phrase.split()
        if [t.lower_ for t in doc[k:k + len(words)]] == words:
            h = doc[k]
            while h.head.i >= k and h.head.i != h.i:
                h = h.head
            return _until_end(doc, last, h)
    return []


def _instances(doc, last: int, first: int) -> list:
    """Return instances after 'including' hung on the verb ("condemned the invasion, including the annexation"), or []."""
    j = last + 2
    if j >= len(doc) or doc[last + 1].text != "," or doc[j].lower_ not in cues()["list_preps"] or doc[j].head.i >= first:
        return []
    if any(o.ent_type_ == "PERSON" or o.lemma_.lower() in cues()["person_roles"] for o in doc[j].children):
        return []  # people listed are instances of the speakers ("ministers said so, including the foreign minister")
    return _until_end(doc, last, doc[j]) if len(list(doc[j].subtree)) > 1 else []


def _participle(doc, last: int, first: int) -> list:
    """Return a participle right after the content that describes it ("wrote a memoir entitled X", "disclosed the specter of her husband making millions"), or []."""
    if last + 1 >= len(doc) or doc[last].is_punct:
        return []  # '“partial,” meaning ...': a comma before the quote mark closes the content
    p = doc[last + 1]
    if p.tag_ not in ("VBN", "VBG") or p.dep_ not in ("advcl", "acl", "xcomp", "dep", "oprd") or p.head.i >= first \
            or p.left_edge.i != p.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in p.children):
        return []
    return _until_end(doc, last, p)


def _infinitive(doc, last: int, first: int) -> list:
    """Return a to-infinitive right after the content that the parser hung on the cue ("praised the efforts of X | to
    find a solution", "called on X | to act"): what the thing is for is part of what was said, or []."""
    if last + 2 >= len(doc) or doc[last + 1].lower_ != "to" or doc[last + 1].dep_ != "aux":
        return []
    verb = doc[last + 1].head
    if verb.tag_ != "VB" or verb.left_edge.i != last + 1 or verb.head.i >= first or verb.dep_ not in ("advcl", "xcomp", "ccomp", "acl"):
        return []
    return _until_end(doc, last, verb)


def _conjunct(doc, last: int, toks: list) -> list:
    """Return a noun, prepositional or bare-verb conjunct hung above the content ("stressed fairness, and a need to ..."), or []."""
    j = last + 2 if last + 1 < len(doc) and doc[last + 1].text == "," else last + 1
    if j + 1 >= len(doc) or doc[j].lower_ not in ("and", "or"):
        return []
    h = doc[j + 1]
    while h.head.i > j and h.head.i != h.i:
        h = h.head
    same_prep = h.pos_ == "ADP" and any(t.lower_ == h.lower_ and t.dep_ == "prep" for t in toks)
    if h.dep_ not in ("conj", "prep") or (h.dep_ == "prep" and not same_prep) or h.head.i > last \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
        return []
    # "to meet and in some cases exceed his goals": a bare verb shares the content's "to"
    infinitive = h.tag_ in ("VB", "VBP") and h.lemma_.lower() not in cues()["verbs"] \
        and any(t.lower_ == "to" and t.dep_ == "aux" for t in toks)
    if h.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or same_prep or infinitive:
        return _until_end(doc, last, h)
    return []


def wh_object(tok):
    """Return the relative pronoun a verb names in a relative clause ("which the CEO called nonsense"), or None."""
    return next((c for c in tok.children if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") and c.i < tok.i), None)
