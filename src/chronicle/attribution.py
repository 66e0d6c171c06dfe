"""Attribution: who said what, and via whom.

Statements are found from the dependency parse: a verb of saying (cues.json)
with its subject as speaker and its clausal complement as content, or the rest
of the sentence around a speaker tag ("Y, X said"); "according to X, Y"; "as X
reported"; nouns of saying ("his claim that"); "Name: words" and "“words” ― Name";
direct quotes, widened to the whole quotation (across sentences, and around a
"he said" that splits them). Channels give the via chain ("in an interview with
Y", "X's tweet", "told Reuters"). Speakers given as pronouns or roles ("he",
"the spokesman", "the league") get the name of the person or body they stand
for earlier in the article; link_statements puts those names back after
names.canonicalise and ties each statement to the event it is about.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Optional

from .records import Actor, Article, Span, Statement

CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "oprd", "attr")
SUBJECT_DEPS = ("nsubj", "csubj", "expl")
TRIM = " \t\n,;:.—–-―"


@lru_cache(maxsize=1)
def cues() -> dict:
    """Return the attribution vocabulary from data/cues.json."""
    with resources.files("chronicle.data").joinpath("cues.json").open(encoding="utf-8") as f:
        data = json.load(f)
    for key, value in data.items():
        if isinstance(value, list):
            data[key] = frozenset(value)
    return data


@dataclass
class _Found:
    """A statement before speaker names are resolved: token-level pieces."""

    cue: tuple[int, int]
    content: tuple[int, int]
    kind: str
    speaker: Optional[tuple[int, int]] = None
    name_from: Optional[tuple[int, int]] = None  # a better mention of the speaker (possessor)
    via: list[tuple[int, int]] = field(default_factory=list)
    hedged: bool = False


# ---------------------------------------------------------------- spans
def _span_of(tokens) -> tuple[int, int]:
    """Return the character extent (start, end) of some tokens."""
    toks = list(tokens)
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return (start, end) without surrounding spaces and clause punctuation."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _subtree_without(tok, drop) -> list:
    """Return the tokens of `tok`'s subtree outside the subtrees of `drop`."""
    skip = set()
    for d in drop:
        skip.update(t.i for t in d.subtree)
    return [t for t in tok.subtree if t.i not in skip]


def _contiguous(tokens, anchor) -> list:
    """Return the run of `tokens` (sorted by index) that holds `anchor`, without gaps."""
    idx = sorted(t.i for t in tokens)
    if not idx:
        return []
    pos = idx.index(anchor.i) if anchor.i in idx else 0
    lo = hi = pos
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi < len(idx) - 1 and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    doc = anchor.doc
    return [doc[i] for i in idx[lo:hi + 1]]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each quotation in `text`, marks included."""
    out, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        opener = ch in "“«" or (ch == '"' and (i == 0 or not text[i - 1].isalnum()))
        if not opener:
            i += 1
            continue
        line_end = text.find("\n", i)
        line_end = n if line_end < 0 else line_end
        j = i + 1
        while j < line_end:
            c = text[j]
            # straight and curly marks are mixed in the wild: either closes
            if c in "”»" or (c == '"' and (j + 1 >= n or not text[j + 1].isalnum())):
                break
            if c == "“" and j > i + 1:
                j = line_end  # a new quote opens before this one closed: not a quote
                break
            j += 1
        if j < line_end:
            out.append((i, j + 1))
            i = j + 1
        else:
            # a quote left open at a paragraph's end runs on in the next paragraph
            nxt = line_end
            while nxt < n and text[nxt] in "\n ":
                nxt += 1
            if nxt < n and text[nxt] in "“\"" and line_end - i > 20:
                out.append((i, line_end))
            i = line_end
    # some papers quote with doubled apostrophes: ''like this''
    found = sorted(out)
    for m in re.finditer(r"''(?:(?!'').){2,}?''", text, flags=re.S):
        k = bisect.bisect_left(found, (m.start(), m.start()))
        near = found[max(k - 1, 0):k + 1]
        if "\n\n" not in m.group() and not any(q[0] < m.end() and m.start() < q[1] for q in near):
            out.append((m.start(), m.end()))
    return sorted(out)


# ---------------------------------------------------------------- speakers
def _speaker_tokens(head) -> list:
    """Return the tokens that name a speaker headed by `head`, without clauses around it."""
    drop = [c for c in head.children if c.dep_ in ("relcl", "acl", "advcl", "cc", "conj")
            or (c.dep_ == "punct" and c.text in (",", ";", ":", "—", "–"))
            or (c.dep_ == "appos" and c.ent_type_ not in ("PERSON", "ORG"))
            or (c.dep_ == "prep" and c.i > head.i and c.lower_ in ("in", "during", "on", "at"))]
    toks = _contiguous(_subtree_without(head, drop), head)
    while toks and toks[-1].is_punct and not (toks[-1].text == ")" and any(t.text == "(" for t in toks)):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if toks and toks[-1].text == "(":
        toks.pop()
    # a headline or time stamp glued on by the parser ("The Latest: Trump", "5:45 p.m.\n\nHe")
    cut = [k for k, t in enumerate(toks) if t.i < head.i and (t.text == ":" or "\n" in t.text + t.whitespace_)]
    if cut:
        toks = toks[cut[-1] + 1:]
    # a name the sentence splitter cut in two ("Kata’ib | Hezbollah") is joined again
    doc = head.doc
    while toks and toks[0].i > 0 and doc[toks[0].i - 1].pos_ == "PROPN" and toks[0].pos_ == "PROPN" \
            and doc[toks[0].i - 1].whitespace_ == " " and not doc[toks[0].i - 1].sent.start == toks[0].sent.start:
        toks.insert(0, doc[toks[0].i - 1])
    return toks or [head]


def _subject(verb):
    """Return the subject token of `verb`, looking through 'saying', conjuncts and xcomps."""
    v = verb
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj", "pcomp"):
        # "X said A, saying B": the one saying is the subject of the main verb of saying
        h = verb.head
        for _ in range(4):
            if h.lemma_.lower() in cues()["verbs"] or h.dep_ == "ROOT" or h.head.i == h.i:
                break
            h = h.head
        v = h
    for _ in range(4):
        subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl"]
        if subjects:
            # two subjects is a parse across a line break ("5:45 p.m.\n\nHis doctor is calling"): the nearest
            left = [c for c in subjects if c.i < v.i]
            return left[-1] if left else subjects[0]
        agent = [c for c in v.children if c.dep_ == "agent"]
        if agent:
            objs = [c for c in agent[0].children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
        if v.dep_ in ("conj", "xcomp", "advcl", "acl") and v.head.i != v.i:
            if v.dep_ == "acl":
                return v.head
            v = v.head
            continue
        if v.dep_ == "relcl":
            return v.head
        break
    if verb.tag_ == "VBG" or verb.dep_ in ("xcomp", "advcl"):
        root = verb.sent.root  # a participle far from its clause: the sentence's subject says it
        return next((c for c in root.children if c.dep_ == "nsubj"), None)
    return None


# ---------------------------------------------------------------- content
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
                                  or (has_obj and c.lower_ in cues()["object_preps"]))))]
    # "told reporters that ...": the one told is not what was said
    comps = [c for c in comps if c.dep_ != "dative"]
    if verb.lemma_.lower() in cues()["address_verbs"] and len(comps) > 1:
        comps = comps[1:]
    if not comps:
        return []
    toks = []
    for c in comps:
        toks.extend(c.subtree)
    return toks


def _cut_tail(toks: list, quotes) -> list:
    """Return content tokens up to an aside that follows a comma (', which ...', ', although ...', '; ...')."""
    if not toks:
        return toks
    toks = sorted(toks, key=lambda t: t.i)
    first, last = toks[0].i, toks[-1].i
    doc = toks[0].doc
    asides = cues()["aside_words"]
    for t in toks:
        if t.i <= first + 2 or t.i >= last or _in_quote(quotes, (t.idx, t.idx + len(t))):
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


def _near_quote(text: str, quotes, start: int, end: int, before: bool):
    """Return the quotation that starts right after `end` (or ends right before `start`)."""
    if before:
        k = bisect.bisect_right(quotes, (start, start)) - 1
        cands = [q for q in quotes[max(k - 1, 0):k + 1] if q[1] <= start]
    else:
        k = bisect.bisect_left(quotes, (end, end))
        cands = quotes[k:k + 1]
    for q in cands:
        gap = text[end:q[0]] if not before else text[q[1]:start]
        if len(gap) <= 3 and not gap.strip(" ,:\n"):
            return q
    return None


def _one_paragraph(text: str, quotes, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """Clip a content to the paragraph next to its cue, unless a quotation runs on."""
    s, e = content
    if "\n" not in text[s:e] or any(q[0] <= s and e <= q[1] for q in quotes):
        return content
    if cue[1] <= s:
        cut = text.find("\n", s)
        return _trim(text, s, cut) if cut > s else content
    if cue[0] >= e:
        cut = text.rfind("\n", s, e)
        return _trim(text, cut + 1, e)
    return content


def _across_paragraphs(text: str, quotes, content: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Tell whether a paragraph break separates a cue from its (unquoted) content."""
    gap = text[cue[1]:content[0]] if cue[1] <= content[0] else text[content[1]:cue[0]] if content[1] <= cue[0] else ""
    return "\n" in gap and not any(q[0] <= content[0] and content[1] <= q[1] for q in quotes)


def _widen(text: str, quotes, content: tuple[int, int], cue: tuple[int, int],
           sent_end: int) -> tuple[int, int]:
    """Widen a content to whole quotations it touches; join a quote split by its cue."""
    s, e = content
    for q in quotes:
        if q[0] < e and s < q[1] and (q[1] - q[0]) > 2 and not (q[0] <= cue[0] < q[1]):
            s, e = min(s, q[0]), max(e, q[1])
    # “A,” he said, “B.” parsed with B as the complement: A is the first half
    starts_quote = any(q[0] == s for q in quotes)
    if s >= cue[1] and starts_quote and len(text[cue[1]:s].split()) <= 10 \
            and not re.search(r"[.;\n]|\bthat\b", text[cue[1]:s]):
        k = bisect.bisect_right(quotes, (cue[0], cue[0])) - 1
        if k >= 0 and quotes[k][1] <= cue[0] and text[quotes[k][1] - 2:quotes[k][1] - 1] == ",":
            gap = text[quotes[k][1]:cue[0]]
            if len(gap.split()) <= 5 and not re.search(r"[.;:\n]", gap):
                s = quotes[k][0]
    # “A,” he said, “B.”  /  “A,” he said. “B.” -- the quote goes on after the tag
    if e <= cue[0] and any(q[1] == e for q in quotes):
        stop = text.find("\n", cue[1])
        stop = len(text) if stop < 0 else stop
        nxt = next((q for q in quotes if cue[1] <= q[0] < stop), None)
        if nxt is not None and nxt[0] <= max(sent_end, cue[1]) + 3 \
                and not re.search(r"\bthat\b|\badding\b", text[cue[1]:nxt[0]]):
            e = nxt[1]
    return s, e


# ---------------------------------------------------------------- finders
def _cue_of(tok, data):
    """Return (kind, particle) when `tok` is a verb of saying, else None."""
    if tok.dep_ in ("amod", "aux", "auxpass", "compound"):
        return None
    if tok.pos_ not in ("VERB", "AUX") and not (
            tok.pos_ == "NOUN" and any(c.dep_ in ("nsubj", "ccomp") for c in tok.children)):
        return None
    lemma = tok.lemma_.lower()
    for c in tok.children:
        # the particle must follow the verb ("called on X"), not end a later phrase ("called X on Monday")
        near = c.dep_ == "prt" or c.i - tok.i <= 2 and all(t.pos_ == "ADV" for t in tok.doc[tok.i + 1:c.i])
        if c.dep_ in ("prt", "prep") and near and f"{lemma} {c.lower_}" in data["phrasal"]:
            return data["phrasal"][f"{lemma} {c.lower_}"], c
    if lemma in data["naming_verbs"]:
        # "called the charges fabricated": naming is saying only with what it names them
        if tok.dep_ not in ("acl", "relcl") and any(c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")
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
        if subj is not None and _agentive(subj, data):
            return "claim", None
    return None


def _agentive(tok, data) -> bool:
    """Tell whether a subject is someone who can say or think (a person, body or pronoun)."""
    return (tok.lower_ in ("he", "she", "they", "we", "who") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or tok.lemma_.lower() in data["person_roles"] or tok.lemma_.lower() in data["anonymous"]
            or tok.lemma_.lower() in data["bodies"])


def _tag(tok, subj, sent) -> tuple[int, int]:
    """Return the token range (first, last) of a speaker tag such as ', he said in an interview'."""
    keep = [tok] + (list(subj.subtree) if subj is not None and subj.head.i == tok.i else [])
    for c in tok.children:
        if c.dep_ in ("aux", "neg", "advmod", "npadvmod", "prep", "agent", "dative", "prt", "nsubj"):
            keep.extend(c.subtree)
    idx = sorted({t.i for t in keep if sent.start <= t.i < sent.end})
    lo = hi = idx.index(tok.i)
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi < len(idx) - 1 and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    return idx[lo], idx[hi]


def _around_tag(sent, first: int, last: int, text: str):
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
    return _trim(text, *_span_of(toks))


def _passive_report(tok, kids, text: str, data) -> Optional[_Found]:
    """Return 'X is expected / said / believed to Y' as a statement with no speaker, or None."""
    if tok.lemma_.lower() not in data["passive_reports"]:
        return None
    subj = next(c for c in kids if c.dep_ == "nsubjpass")
    xcomp = [c for c in kids if c.dep_ == "xcomp" and c.i > tok.i]
    if not xcomp or subj.i > tok.i:
        return None
    toks = list(subj.subtree) + list(xcomp[0].subtree)
    content = _trim(text, *_span_of(toks))
    return _Found(_span_of([tok]), content, data["verbs"].get(tok.lemma_.lower(), "claim"), None, hedged=True)


def _verb_statements(sent, text: str, quotes) -> list[_Found]:
    """Return statements cued by verbs of saying in one sentence."""
    data = cues()
    out = []
    for tok in sent:
        found = _cue_of(tok, data)
        if found is None:
            continue
        kind, particle = found
        lemma = tok.lemma_.lower()
        kids = list(tok.children)
        if any(c.dep_ == "nsubjpass" for c in kids) and not any(c.dep_ == "agent" for c in kids):
            f = _passive_report(tok, kids, text, data)
            if f is not None:
                out.append(f)
            continue  # "were claimed wounded": a hedge, not a speaker
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
            continue  # "as CNN reported" is handled with the statement it qualifies
        subj = _subject(tok)
        weak = lemma in data["weak_verbs"] and particle is None and lemma not in data["naming_verbs"]
        if kind in ("threaten", "condemn", "deny", "support", "appeal") and subj is not None \
                and subj.lemma_.lower() in data["things"]:
            continue  # "the attack won't threaten ...": a thing, not a speaker
        if subj is not None and subj.lower_ in ("i", "you") and lemma in data["inner_verbs"]:
            continue  # "I think", "you know": talk inside talk, not a report
        right_ccomp = [c for c in kids if c.dep_ == "ccomp" and c.i > tok.i]
        cue_end = tok
        if particle is not None and (particle.dep_ == "prt" or particle.i == tok.i + 1):
            cue_end = particle
        cue_span = _span_of([tok, cue_end])
        content = None
        colon = re.match(r"[^.:;“\"\n]{0,60}?:\s*(?=[“\"'])", text[cue_span[1]:sent.end_char + 2])
        if colon is not None:
            q = next((q for q in quotes if q[0] == cue_span[1] + colon.end()), None)
            if q is not None:
                content = q  # "scolded him: “...”", "said: “...”"
        if content is None and right_ccomp:
            ctoks = _cut_tail([t for t in _content_tokens(tok, particle is not None) if t.i > tok.i], quotes)
            content = _trim(text, *_span_of(ctoks)) if ctoks else None
        if content is None and not any(c.dep_ in ("dobj", "xcomp", "oprd") and c.i > tok.i for c in kids):
            first, last = _tag(tok, subj, sent)
            content = _around_tag(sent, first, last, text)
        if content is None and not weak:
            if particle is not None and particle.dep_ == "prep":
                ctoks = [t for t in particle.subtree if t.i != particle.i]
                for c in kids:  # "called on X to do Y"
                    if c.dep_ in ("xcomp", "ccomp") and c.i > particle.i:
                        ctoks.extend(c.subtree)
            else:
                ctoks = _content_tokens(tok, particle is not None)
            ctoks = _cut_tail([t for t in ctoks if t.i != tok.i], quotes)
            if ctoks:
                content = _trim(text, *_span_of(ctoks))
        if content is None or content[1] - content[0] < 2:
            q = _near_quote(text, quotes, cue_span[0], cue_span[1], before=False)
            if q is None:
                left = min(cue_span[0], subj.idx) if subj is not None and subj.i < tok.i else cue_span[0]
                q = _near_quote(text, quotes, left, cue_span[1], before=True)
            if q is None:
                continue
            content = q
        content = _one_paragraph(text, quotes, _widen(text, quotes, content, cue_span, sent.end_char), cue_span)
        if _across_paragraphs(text, quotes, content, cue_span):
            continue  # a headline parsed into the next paragraph: its verb does not cue that paragraph
        if kind == "condemn" and lemma in data["object_needs_agent"] and not any(
                c.dep_ == "dobj" and _agentive(c, data) for c in kids):
            continue  # "attacked the ball": a verb of attack, not of criticism
        speaker = _span_of(_speaker_tokens(subj)) if subj is not None else None
        if subj is not None and subj.i < tok.i:
            colon = [t.i for t in sent if subj.i <= t.i < tok.i and t.text == ":"]
            between = [t for t in sent if colon and colon[-1] < t.i < tok.i and t.dep_ not in ("aux", "neg", "advmod")]
            if between and any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in between):
                speaker = _span_of(between)  # "The Latest: Trump urges ...": the speaker follows the headline
        f = _Found(cue_span, content, kind, speaker)
        _channels(tok, f, data)
        out.append(f)
    return out


def _in_quote(quotes, span) -> bool:
    """Tell whether a span lies inside a quotation."""
    k = bisect.bisect_right(quotes, (span[0], float("inf"))) - 1
    return k >= 0 and quotes[k][0] <= span[0] and span[1] <= quotes[k][1]


def _channels(head, f: _Found, data) -> None:
    """Fill via and the possessor-speaker from 'in X's tweet', 'in an interview with Y'."""
    for prep in [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "through", "on", "via")]:
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            noun = obj.lemma_.lower()
            if noun not in data["nouns"]:
                if prep.lower_ == "through" and (obj.ent_type_ == "PERSON" or noun in data["person_roles"]):
                    # "spoke through its Secretary-General X", "through the spokesman X's statement"
                    names = [t for t in obj.subtree if t.pos_ == "PROPN" and t.dep_ in ("poss", "appos", "pobj")]
                    f.name_from = _span_of(_speaker_tokens(names[0] if names else obj))
                continue
            poss = [c for c in obj.children if c.dep_ == "poss" and c.lower_ not in ("his", "her", "its", "their")]
            if poss:
                f.name_from = _span_of(_speaker_tokens(poss[0]))
            with_ = [p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                     for p in c.children if p.dep_ == "pobj"]
            if with_:
                f.via.append(_span_of(_speaker_tokens(with_[0])))
            elif noun in data["channel_nouns"]:
                f.via.append(_span_of(_speaker_tokens(obj)))
    # "X told CNN that ..." -- an outlet as addressee carries the statement
    for c in head.children:
        if c.dep_ in ("dative", "dobj") and any(c2.dep_ == "ccomp" for c2 in head.children) \
                and _is_media(c):
            f.via.append(_span_of(_speaker_tokens(c)))


def _is_media(tok) -> bool:
    """Tell whether a noun names a news outlet or platform."""
    words = {t.lower_ for t in tok.subtree}
    return bool(words & cues()["media"]) and tok.pos_ in ("PROPN", "NOUN")


def _according(sent, text: str, quotes) -> list[_Found]:
    """Return 'according to X, Y' / 'Y, according to X' statements of one sentence."""
    out = []
    toks = list(sent)
    for k, tok in enumerate(toks[:-2]):
        if tok.lower_ != "according" or toks[k + 1].lower_ != "to":
            continue
        after = toks[k + 2:]
        comma = next((j for j, t in enumerate(after) if t.text in (",", ";", "—", "–")), None)
        src = after[:comma] if comma is not None else [t for t in after if not t.is_punct or t.text == ")"]
        stop = next((j for j, t in enumerate(src) if t.is_space or "\n" in t.whitespace_), None)
        src = src[:stop + (0 if stop is not None and src[stop].is_space else 1)] if stop is not None else src
        # "X in an interview with Y": the speaker stops at the channel
        cut = next((j for j, t in enumerate(src) if j > 0 and t.lower_ in ("in", "during", "on", "at")
                    and any(x.lemma_.lower() in cues()["nouns"] for x in src[j:j + 4])), None)
        speaker_toks = src[:cut] if cut else src
        while speaker_toks and speaker_toks[-1].is_punct and speaker_toks[-1].text != ")":
            speaker_toks.pop()
        if not speaker_toks:
            continue
        lead = [t for t in toks[:k] if not (t.is_punct or t.is_space or t.is_quote)]
        if not lead and comma is not None:
            body = after[comma + 1:]
        else:
            body = toks[:k]
            if comma is not None and any(not t.is_punct for t in after[comma + 1:]):
                body = body + after[comma + 1:]
        body = [t for t in body if not t.is_space]
        if not body:
            continue
        content = _trim(text, *_span_of(body))
        if content[1] - content[0] < 3:
            continue
        cue = _span_of([tok, toks[k + 1]])
        f = _Found(cue, _widen(text, quotes, content, cue, sent.end_char), cues()["according"],
                   _span_of(speaker_toks))
        if cut:
            for t in src[cut:]:
                if t.lower_ in ("with", "to"):
                    rest = [x for x in src[src.index(t) + 1:] if not x.is_punct or x.text == ")"]
                    if rest:
                        f.via.append(_span_of(rest))
                    break
        out.append(f)
    return out


def _noun_statements(sent, text: str, quotes) -> list[_Found]:
    """Return statements cued by nouns of saying: "Trump's claim that ...", "its plan to ..."."""
    nouns = cues()["noun_cues"]
    out = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns:
            continue
        comp = [c for c in tok.children if c.i > tok.i and c.dep_ in ("acl", "ccomp", "relcl")
                and (any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                     or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
        if not comp:
            continue
        toks = [t for t in comp[0].subtree if not (t.dep_ == "mark" and t.lower_ == "that" and t.head.i == comp[0].i)]
        content = _trim(text, *_span_of(toks))
        poss = [c for c in tok.children if c.dep_ == "poss"]
        owner = poss[0] if poss else None
        if owner is None and tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
            owner = _subject(tok.head)  # "X made a decision to ...", "X issued a warning that ..."
        speaker = _span_of(_speaker_tokens(owner)) if owner is not None else None
        out.append(_Found(_span_of([tok]), content, nouns[tok.lemma_.lower()], speaker))
    return out


def _names_someone(doc, start: int, end: int, words: str) -> bool:
    """Tell whether a 'Name:' prefix names a speaker: a transcript name in capitals, one word, or an entity."""
    if words.isupper() or len(words.split()) == 1:
        return True
    ents = [e for e in _ents_in(doc, start, end) if e.label_ in ("PERSON", "ORG", "NORP", "GPE")]
    return sum(e.end_char - e.start_char for e in ents) * 2 >= end - start


def _headline_statement(doc, text: str) -> list[_Found]:
    """Return the statement of a Title Case headline ("Sanders Vows To Eliminate Tax Breaks"), if any."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    words = text[:end].split()
    if not 3 <= len(words) <= 25 or sum(w[:1].isupper() for w in words) * 3 < len(words) * 2:
        return []
    data = cues()
    lex = set(data["verbs"]) | set(data["intent_verbs"]) | set(data["naming_verbs"])
    toks = [t for t in doc if t.idx + len(t) <= end and not t.is_space]
    for k, t in enumerate(toks[1:-1], 1):
        w = t.lower_
        forms = {w, w[:-1], w[:-2], w[:-3] + "y"} if w.endswith("s") else set()
        if not forms & lex or toks[k - 1].is_punct:
            continue
        kind = next(data["verbs"].get(f) or data["intent_verbs"].get(f) or data["naming_verbs"].get(f)
                    for f in forms if f in lex)
        body = _trim(text, toks[k + 1].idx, end)
        if body[1] - body[0] < 3:
            return []
        return [_Found(_span_of([t]), body, kind, _span_of(toks[:k]))]
    return []


def _punctuation_statements(text: str, quotes, doc=None) -> list[_Found]:
    """Return 'Name: words' (headlines, transcripts) and '“words” ― Name' statements."""
    out = []
    pos = 0
    for para in text.split("\n"):
        start, pos = pos, pos + len(para) + 1
        m = re.match(r"\s*([^:\n“\"]{2,60}?):\s+(\S.*)$", para)
        if m and len(m.group(1).split()) <= 6 and m.group(1).split()[0].lower() not in cues()["colon_skip"] \
                and (m.group(1).isupper() or all(w[:1].isupper() for w in m.group(1).split())) \
                and (doc is None or _names_someone(doc, start + m.start(1), start + m.end(1), m.group(1))):
            spk = (start + m.start(1), start + m.end(1))
            colon = (spk[1], spk[1] + 1)
            body = _trim(text, start + m.start(2), start + m.end(2))
            if body[1] - body[0] > 10:
                out.append(_Found(colon, body, "claim", spk))
            continue
        m = re.match(r"\s*([“\"”].*[”\"])\s*([―—–])\s*([^―—–]{2,80})$", para)
        if m:
            body = (start + m.start(1), start + m.end(1))
            dash = (start + m.start(2), start + m.end(2))
            spk = _trim(text, start + m.start(3), start + m.end(3))
            out.append(_Found(dash, body, "claim", spk))
    return out


def _as_reported(sent, text: str, found: list[_Found]) -> list[_Found]:
    """Attach 'as X reported' to the sentence's statements as via, or make it a statement."""
    data = cues()
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in data["verbs"]:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
            continue
        subj = _subject(tok)
        if subj is None or subj.i > tok.i or subj.head.i != tok.i:
            continue
        sp = _span_of(_speaker_tokens(subj))
        host = [f for f in found if sent.start_char <= f.cue[0] < sent.end_char]
        if host:
            for f in host:
                f.via.append(sp)
            continue
        adv = {t.i for t in tok.subtree}
        head = tok.head if tok.head.i != tok.i else None
        body = [t for t in (head.subtree if head is not None else sent) if t.i not in adv]
        if not any(t.i > max(adv) and not t.is_punct for t in body):
            body = [t for t in body if t.i < min(adv)]  # the tag ends the sentence
        if not body:
            continue
        out.append(_Found(_span_of([tok]), _trim(text, *_span_of(body)), "report", sp))
    return out


# ---------------------------------------------------------------- kinds, hedges
def _kind(f: _Found, text: str) -> str:
    """Return the statement kind from its cue, refined by what is said."""
    data = cues()
    content = text[f.content[0]:f.content[1]].lower()
    if f.kind == "claim":
        for kind, key in (("deny", "deny_content"), ("condemn", "condemn_content")):
            if any(w in content for w in data[key]):
                return kind
    return f.kind


def _hedged(f: _Found, text: str, sent_text: str, cue_lemma: str) -> bool:
    """Tell whether the claim is marked as unconfirmed."""
    data = cues()
    if cue_lemma in data["hedge_cues"]:
        return True
    words = set(re.findall(r"[a-z]+", sent_text.lower()))
    return bool(words & data["hedges"])


# ---------------------------------------------------------------- names
def _kind_of(tokens, ents) -> Optional[str]:
    """Return an actor kind for a mention from its entities and words."""
    data = cues()
    low = " ".join(t.lower_ for t in tokens)
    words = {t.lower_ for t in tokens}
    if any(w in low for w in data["militia_words"]):
        return "militia"
    if any(e.label_ == "PERSON" for e in ents) or words & data["person_roles"] \
            or words & data["person_pronouns"]:
        return "person"
    if any(w in low for w in data["military_words"]):
        return "military"
    if any(w in low for w in data["gov_words"]):
        return "government"
    if any(e.label_ in ("ORG", "NORP", "GPE") for e in ents) or words & data["body_pronouns"]:
        return "organization"
    return None


def _ents_in(doc, start: int, end: int):
    """Return the named entities inside a character range."""
    ents = _doc_ents(doc)
    k = bisect.bisect_left(_ent_starts(doc), start)
    out = []
    for ent in ents[k:]:
        if ent.start_char >= end:
            break
        if ent.end_char <= end:
            out.append(ent)
    return out


class _Ent(NamedTuple):
    """A named entity as plain data (kept in doc.user_data, so it must pickle)."""

    start_char: int
    end_char: int
    label_: str
    text: str


def _doc_ents(doc) -> list:
    """Return the doc's entities, computed once per doc (spaCy rebuilds them on each access)."""
    cache = doc.user_data.setdefault("chronicle.attribution", {})
    if "ents" not in cache:
        cache["ents"] = [_Ent(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
        cache["starts"] = [e.start_char for e in cache["ents"]]
    return cache["ents"]


def _ent_starts(doc) -> list:
    """Return the start offsets of the doc's entities, in order."""
    _doc_ents(doc)
    return doc.user_data["chronicle.attribution"]["starts"]


def _tokens_in(doc, start: int, end: int):
    """Return the tokens inside a character range."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _clean_name(text: str) -> str:
    """Return a mention without leading articles, bracketed acronyms and possessive endings."""
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"\s*\([^()]*\)", "", text)
    return re.sub(r"[’']s$", "", text).strip()


class _Names:
    """Earlier mentions of people and bodies, to resolve 'he' and 'the spokesman'."""

    def __init__(self, doc):
        self.doc = doc
        self.speakers: list[tuple[int, str, Optional[str]]] = []  # (start, name, kind)
        self.chunks = list(doc.noun_chunks) if doc.has_annotation("DEP") else []
        self.persons = [e for e in _doc_ents(doc) if e.label_ == "PERSON"]
        self.person_names = [(e.end_char, _clean_name(e.text)) for e in self.persons]

    def person_before(self, pos: int) -> Optional[str]:
        """Return the last named person before `pos` (a speaker first, then any PERSON)."""
        for start, name, kind in reversed(self.speakers):
            if start < pos and kind == "person" and not _is_pronoun(name):
                last_sp = start
                break
        else:
            last_sp = -1
        ents = [e for e in self.persons if e.end_char <= pos]
        if ents and ents[-1].start_char > last_sp + 200:
            return _clean_name(ents[-1].text)
        if last_sp >= 0:
            return next(n for s, n, k in reversed(self.speakers) if s == last_sp)
        return _clean_name(ents[-1].text) if ents else None

    def full_name(self, name: str, pos: int) -> str:
        """Return the fullest earlier name ending in `name` ('Maan' -> 'Saad Maan')."""
        last = name.split()[-1].lower() if name.split() else ""
        if len(last) < 3:
            return name
        cands = [n for st, n, k in self.speakers if st < pos]
        cands += [n for end, n in self.person_names if end <= pos]
        best = name
        for c in cands:
            words = c.split()
            if words and len(c) > len(best) and (words[-1].lower() == last or (
                    len(last) >= 6 and words[-1].lower().startswith(last))):
                best = c
        return best

    def body_before(self, pos: int) -> Optional[str]:
        """Return the last named body (organisation) spoken of before `pos`."""
        for start, name, kind in reversed(self.speakers):
            if start < pos and kind in ("organization", "government", "military", "militia") \
                    and not _is_pronoun(name):
                return name
        ents = [e for e in _doc_ents(self.doc) if e.label_ in ("ORG", "NORP") and e.end_char <= pos]
        return _clean_name(ents[-1].text) if ents else None

    def role_before(self, word: str, pos: int, mention: str) -> Optional[str]:
        """Return the name of an earlier mention holding `word` ('league' -> 'Arab League')."""
        for start, name, kind in reversed(self.speakers):
            if start < pos and word in name.lower() and name.lower() != mention.lower():
                return name
        for chunk in reversed([c for c in self.chunks if c.end_char <= pos]):
            if word in chunk.text.lower() and chunk.text.lower() != mention.lower():
                ents = _ents_in(self.doc, chunk.start_char, chunk.end_char)
                persons = [e for e in ents if e.label_ == "PERSON"]
                if persons:
                    return _clean_name(persons[-1].text)
                orgs = [e for e in ents if e.label_ == "ORG"]
                if orgs:
                    return _clean_name(orgs[-1].text)
        return None


def _is_pronoun(name: str) -> bool:
    """Tell whether a name is only a pronoun."""
    return name.lower() in cues()["speaker_pronouns"]


def _actor(article: Article, span: tuple[int, int], names: _Names,
           name_from: Optional[tuple[int, int]] = None) -> Actor:
    """Build the speaker Actor for a span, with the name it stands for."""
    doc, text = article.doc, article.text
    s, e = span
    toks = _tokens_in(doc, s, e)
    ents = _ents_in(doc, s, e)
    mention = text[s:e]
    low = mention.lower()
    kind = _kind_of(toks, ents)
    role = None
    name: Optional[str] = None
    persons = [x for x in ents if x.label_ == "PERSON"]
    if name_from is not None:
        src = _actor(article, name_from, names)
        name, kind, role = src.name, src.kind or kind, src.role
    elif low in cues()["person_pronouns"]:
        name = names.person_before(s)
        kind = "person"
    elif low in ("they", "it", "we", "who", "which", "that"):
        if low == "who" and toks:
            head = toks[0].head
            name = _clean_name(" ".join(t.text for t in _speaker_tokens(head))) if head.i != toks[0].i else None
        name = name or names.body_before(s) or names.person_before(s)
    elif persons or (len(toks) <= 2 and toks and all(t.pos_ == "PROPN" or t.is_punct for t in toks)):
        name = names.full_name(_clean_name(persons[-1].text if persons else mention), s)
        if persons:
            rest = re.sub(re.escape(persons[-1].text), "", mention).strip(" ,’'s")
            role = _clean_name(rest) or None
        kind = kind if kind in ("militia", "military", "government") else "person"
    else:
        head = toks[-1] if toks else None
        for t in toks:
            if t.dep_ in ("nsubj", "pobj", "ROOT") or t.head.i < toks[0].i or t.head.i > toks[-1].i:
                head = t
                break
        determined = bool(toks) and toks[0].lower_ == "the" and not ents
        if head is not None and determined:
            found = names.role_before(head.lower_, s, mention)
            if found:
                name = found
                role = _clean_name(mention)
        name = name or _clean_name(mention)
    act = Actor(mention, s, e, name=name, kind=kind, role=role)
    names.speakers.append((s, name or mention, kind))
    return act


def _via_actor(article: Article, span: tuple[int, int]) -> Actor:
    """Build an intermediary Actor for a span (outlet, channel or addressee)."""
    s, e = span
    mention = article.text[s:e]
    ents = _ents_in(article.doc, s, e)
    orgs = [x for x in ents if x.label_ in ("ORG", "PERSON")]
    name = _clean_name(orgs[-1].text) if orgs else _clean_name(mention)
    kind = "person" if any(x.label_ == "PERSON" for x in orgs) else "organization"
    return Actor(mention, s, e, name=name, kind=kind)


# ---------------------------------------------------------------- public
def _dedupe(found: list[_Found]) -> list[_Found]:
    """Drop statements whose content mostly repeats an earlier, same-cue or same-content one."""
    found.sort(key=lambda f: (f.content[0], f.cue[0]))
    out: list[_Found] = []
    for f in found:
        dup = False
        for g in out[-40:]:  # sorted by start: far earlier contents cannot repeat this one
            inter = min(f.content[1], g.content[1]) - max(f.content[0], g.content[0])
            union = max(f.content[1], g.content[1]) - min(f.content[0], g.content[0])
            if g.cue == f.cue or (union and inter / union >= 0.8):
                dup = True
                if f.via and not g.via:
                    g.via = f.via
                break
        if not dup:
            out.append(f)
    return out


@lru_cache(maxsize=1)
def _dateline():
    """Return the compiled dateline pattern ("BAGHDAD, Nov. 8, 2021 - ") from cues.json."""
    return re.compile(cues()["dateline_pattern"], re.M)


def _without_dateline(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """Return a content that starts a paragraph without the dateline in front of it."""
    s, e = content
    if s == 0 or text[s - 1] == "\n":
        m = _dateline().match(text, s, e)
        if m and m.end() < e:
            return m.end(), e
    return content


def _nested(f: _Found, found: list[_Found], quotes) -> bool:
    """Tell whether `f` is speech quoted inside another statement ('"I think ...," he said')."""
    if not _in_quote(quotes, f.cue):
        return False
    return any(g is not f and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1]
               and not _in_quote(quotes, g.cue) for g in found)


def _minor_inside(f: _Found, found: list[_Found], lemmas: dict) -> bool:
    """Tell whether `f` is cued by a verb other than plain saying and sits inside another content."""
    if lemmas.get(f.cue, "") in cues()["core_verbs"]:
        return False
    return any(g is not f and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1] for g in found)


def _orphan(f: _Found, found: list[_Found]) -> bool:
    """Tell whether `f` has no speaker and sits inside another statement's content."""
    return f.speaker is None and any(g is not f and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1]
                                     for g in found)


def find_statements(article: Article) -> list[Statement]:
    """Return the article's statements in text order, ids s1, s2, ..."""
    doc, text = article.doc, article.text
    if doc is None or not text:
        return []
    quotes = quote_spans(text)
    found: list[_Found] = []
    lemmas: dict[tuple[int, int], str] = {}
    sents: dict[tuple[int, int], str] = {}
    for sent in doc.sents:
        here = _verb_statements(sent, text, quotes) + _according(sent, text, quotes)
        here += _noun_statements(sent, text, quotes)
        here += _as_reported(sent, text, here)
        for f in here:
            tok = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
            lemmas[f.cue] = tok[0].lemma_.lower() if tok is not None else ""
            sents[f.cue] = sent.text
        found.extend(here)
    head = _headline_statement(doc, text)
    if head and not any(f.cue[0] < head[0].content[1] and head[0].cue[0] <= f.cue[0] for f in found):
        found += head
        lemmas[head[0].cue], sents[head[0].cue] = "", text[:head[0].content[1]]
    for f in _punctuation_statements(text, quotes, doc):
        found.append(f)
        sent = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
        lemmas[f.cue], sents[f.cue] = "", sent.sent.text if sent is not None else ""
    found = [f for f in found if not _nested(f, found, quotes) and not _orphan(f, found)
             and not _minor_inside(f, found, lemmas)]
    for f in found:
        f.content = _without_dateline(text, f.content)
    found = _dedupe(found)
    found.sort(key=lambda f: min(f.cue[0], f.content[0]))
    names = _Names(doc)
    out = []
    for n, f in enumerate(found, 1):
        cue = Span(text[f.cue[0]:f.cue[1]], *f.cue)
        content = Span(text[f.content[0]:f.content[1]], *f.content)
        speaker = _actor(article, f.speaker, names, f.name_from) if f.speaker else None
        via, seen = [], set()
        for v in f.via:
            if v not in seen and v != f.speaker:
                seen.add(v)
                via.append(_via_actor(article, v))
        st = Statement(id=f"s{n}", cue=cue, content=content, kind=_kind(f, text),
                       speaker=speaker, via=via,
                       hedged=f.hedged or _hedged(f, text, sents.get(f.cue, ""), lemmas.get(f.cue, "")))
        # names.canonicalise runs between the two attribution calls and names mentions from
        # their own words; the names resolved here are kept to be put back where they were better
        st._resolved = (speaker.name if speaker else None, [v.name for v in via])
        out.append(st)
    return out


def _better_name(mine: Optional[str], theirs: Optional[str], mention: str) -> Optional[str]:
    """Return the name to keep for a mention: the resolved one, unless the canonical one adds to it."""
    if not mine:
        return theirs
    if not theirs:
        return mine
    low = theirs.lower()
    extra = theirs[:-len(mine)].split() if theirs.endswith(mine) and theirs != mine else []
    if extra and all(w[:1].isupper() and w.lower() not in cues()["person_roles"] for w in extra):
        return theirs  # a fuller form of the same name: "Al-Kadhimi" -> "Mustafa Al-Kadhimi"
    resolved = _clean_name(mention).lower() != mine.lower()
    if low in cues()["speaker_pronouns"] or theirs.islower() or mine in theirs or resolved:
        return mine
    if mine.split()[0].lower() in cues()["person_roles"] and theirs != mine:
        return mine  # "President of the KRG" is a person, not the government
    return theirs


def _restore_names(st: Statement) -> None:
    """Put back the speaker and via names resolved by find_statements where they were better."""
    saved = getattr(st, "_resolved", None)
    if saved is None:
        return
    name, vias = saved
    if st.speaker is not None:
        st.speaker.name = _better_name(name, st.speaker.name, st.speaker.text)
    for v, mine in zip(st.via, vias):
        v.name = _better_name(mine, v.name, v.text)


def _event_spans(ev) -> list:
    """Return the spans of an event's details (counts, place, date, actors, targets, instrument)."""
    spans = [c.span for c in (ev.killed, ev.injured) if c is not None]
    spans += [x for x in (ev.location, ev.date, ev.instrument) if x is not None]
    return spans + list(ev.actors) + list(ev.targets)


def link_statements(article: Article) -> None:
    """Set `event_id` on statements that are about one of the article's events."""
    for st in article.statements:
        _restore_names(st)
        best = _event_of(st, article.events)
        st.event_id = best.id if best else None


def _event_of(st: Statement, events: list):
    """Return the event a statement is about, or None: named in it, detailed in it, or referred to."""
    s, e = st.content.start, st.content.end
    # the statement is not about the event its own cue names ("condemned" coded as ACCUSE)
    others = [ev for ev in events if not (ev.trigger.start < st.cue.end and st.cue.start < ev.trigger.end)]
    for ev in others:
        if s <= ev.trigger.start and ev.trigger.end <= e:
            return ev
    for ev in others:  # it gives one of the event's details: its toll, place, date or parties
        if any(s <= sp.start and sp.end <= e for sp in _event_spans(ev)):
            return ev
    for ev in others:
        if ev.sentence is not None and ev.sentence.start < e and s < ev.sentence.end:
            return ev
    low = st.content.text.lower()
    if others and re.search(r"\b(the|this|that|its|his|her|their)\s+(\S+\s+){0,2}(%s)\b"
                            % "|".join(map(re.escape, cues()["event_anaphora"])), low):
        return others[0]  # "the attack", "the failed murder effort": the article's main event
    words = set(re.findall(r"[a-z]+", low))
    for ev in others:
        trig = {w for w in re.findall(r"[a-z]+", ev.trigger.text.lower())
                if len(w) > 3 and w not in cues()["function_words"]}
        if trig and trig & words:
            return ev
    return None
