"""Statements cued without a verb of saying: "according to X", "X's claim that", "in a poll, Y", headlines, "Name: words", "as X reported"."""
from __future__ import annotations

import re

from ..events.clauses import doc_words
from ..parse.docs import doc_text
from .quotes import in_quote, paragraphs, span_of, trim, widen
from .contents import has_own_object
from .cuewords import Found, cues, lemma_of
from .speakers import ents_in, speaker_tokens, subject_of


def according_statements(sent, text: str, quotes) -> list[Found]:
    """Return 'according to X, Y' / 'Y, according to X' statements of one sentence."""
    out = []
    if "according" not in doc_text(sent.doc)[sent.start_char:sent.end_char].lower():
        return out  # no token of the sentence is "according"
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
        rel = next((j for j, t in enumerate(speaker_toks) if j > 0 and t.dep_ == "relcl"), None)
        if rel is not None:  # "two officials who spoke on condition of anonymity": the clause describes the speaker
            first = speaker_toks[rel].left_edge.i
            speaker_toks = [t for t in speaker_toks if t.i < first]
        while speaker_toks and speaker_toks[-1].is_punct and speaker_toks[-1].text != ")":
            speaker_toks.pop()
        if not speaker_toks:
            continue
        lead = [t for t in toks[:k] if not (t.is_punct or t.is_space or t.is_quote)]
        # "according to X, speaking in an interview with Y, ...": the channel phrase is no content
        channel_end, channel_via = _speaking_channel(after, comma)
        if not lead and comma is not None:
            body = after[(channel_end if channel_end is not None else comma) + 1:]
        else:
            body = toks[:k]
            # "The plan, according to X, would cost ...": the claim goes on after the source;
            # "Y rose 20 percent, according to X, more than ...": Y is whole, what follows is the writer's
            whole = sent.root.i < tok.i and sent.root.pos_ in ("VERB", "AUX")
            # "Y rose, according to X, and Z fell": a conjunct after the source is more of what X reports
            whole = whole and not (comma is not None and comma + 1 < len(after) and after[comma + 1].dep_ == "cc")
            if comma is not None and not whole and any(not t.is_punct for t in after[comma + 1:]):
                body = body + after[comma + 1:]
        body = [t for t in body if not t.is_space]
        if not body:
            continue
        content = trim(text, *span_of(body))
        if content[1] - content[0] < 3:
            continue
        cue = span_of([tok, toks[k + 1]])
        f = Found(cue, widen(text, quotes, content, cue, sent.end_char), cues()["according"],
                   span_of(speaker_toks))
        for outlet in (channel_via, _outlet(src[cut:]) if cut else []):
            if outlet:
                f.via.append(span_of(outlet))
        out.append(f)
    return out


def _in_view(sent, text: str, prep, obj) -> list[Found]:
    """Return 'Under X's plan, Y' / 'By X's own admission, Y' / 'In a statement, X was Y' as a statement of Y, or []."""
    data = cues()
    doc = sent.doc
    end = max(t.i for t in prep.subtree)
    if end + 1 >= sent.end or doc[end + 1].text != ",":
        return []
    body = [t for t in sent if t.i > end + 1 and not t.is_space]
    if not any(t.pos_ in ("VERB", "AUX") for t in body):
        return []
    if sent.root.lemma_.lower() in data["verbs"]:
        return []  # "In a statement, X said Y": the verb of saying gives the statement
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    if owner is None and obj.lemma_.lower() in data["view_needs_owner"]:
        return []  # "under the plan", "in my view" of no one named: the writer's own framing
    if owner is None:
        owner = next((t for t in body if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    if owner is None or owner.lower_ in ("i", "you", "we", "my", "our", "your"):
        return []
    content = trim(text, *span_of(body))
    return [Found(span_of([prep, obj]), content, "claim", span_of(speaker_tokens(owner)))]


def _speaking_channel(after: list, comma):
    """Return (index of the closing comma, outlet tokens) of ', speaking in an interview with Y,' after a source, or (None, None)."""
    if comma is None or comma + 1 >= len(after) or after[comma + 1].lower_ not in cues()["speaking_participles"]:
        return None, None
    phrase = after[comma + 1:]
    end = next((j for j, t in enumerate(phrase) if t.text in (",", ";", "—", "–") or t.is_space), len(phrase))
    phrase = phrase[:end]
    if not any(t.lemma_.lower() in cues()["nouns"] for t in phrase):
        return None, None
    return comma + 1 + end, _outlet(phrase)


def _outlet(phrase: list) -> list:
    """Return the words after 'with' or 'to' that follow a channel noun ('in an interview with Y'), or []."""
    for j, t in enumerate(phrase):
        if t.lower_ in ("with", "to") and any(x.lemma_.lower() in cues()["nouns"] for x in phrase[:j]):
            return [x for x in phrase[j + 1:] if not x.is_punct or x.text == ")"]
    return []


def evidence_statements(sent, text: str, quotes) -> list[Found]:
    """Return 'In a poll released Monday, Y' and 'Y in the new poll' statements: the poll (study, survey) is the source of Y."""
    return _opening_evidence(sent, text) or _poll_results(sent, text, quotes)


def _opening_evidence(sent, text: str) -> list[Found]:
    """Return 'In a poll released Monday, Y' / 'Under X's plan, Y' statements of a sentence opened by such a phrase."""
    toks = [t for t in sent if not (t.is_space or t.is_punct and t.text != ",")]
    while toks and toks[0].dep_ == "cc":
        toks = toks[1:]
    if len(toks) < 5 or toks[0].dep_ != "prep":
        return []
    obj = next((c for c in toks[0].children if c.dep_ == "pobj"), None)
    if obj is not None and toks[0].lower_ in cues()["view_preps"] and obj.lemma_.lower() in cues()["view_nouns"]:
        return _in_view(sent, text, toks[0], obj)
    if toks[0].lower_ != "in" or obj is None or obj.lemma_.lower() not in cues()["evidence"]:
        return []
    phrase = list(toks[0].subtree)
    end = max(t.i for t in phrase)
    doc = sent.doc
    if end + 1 >= sent.end or doc[end + 1].text != ",":
        return []
    body = [t for t in sent if t.i > end + 1 and not t.is_space]
    if not any(t.pos_ in ("VERB", "AUX") for t in body):
        return []
    content = trim(text, *span_of(body))
    src = span_of(speaker_tokens(obj))
    return [Found(span_of([toks[0]]), content, "report", src)]


def _poll_results(sent, text: str, quotes) -> list[Found]:
    """Return 'X leads by 8 points in the new poll' statements: the poll is the source of the clause before it."""
    data = cues()
    out = []
    for prep in sent:
        if prep.lower_ != "in" or prep.dep_ != "prep" or prep.i == sent.start or in_quote(quotes, (prep.idx, prep.idx + 2)):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lower_ not in data["poll_nouns"]:
            continue  # one poll ("in the new poll"), not a standing ("rose in the polls")
        sides = [(c.lower_, c.i < prep.i) for c in prep.head.children if c.dep_ == "prep"]
        if ("from", True) in sides and ("to", False) in sides:
            continue  # "fell from 58 percent in the last poll to 55": the poll dates one figure of a change
        verb = prep.head
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT" and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i > prep.i or lemma_of(verb) in data["verbs"]:
            continue  # "40 percent said in the poll": the verb of saying gives the statement
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < verb.i), None)
        if subj is not None and subj.lower_ in ("who", "which", "that"):
            continue  # "a rival who is far behind in the poll": a description, not a finding
        first = subj.left_edge.i if subj is not None else min([verb.i] + [c.i for c in verb.children
                                                                            if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i])
        body = [t for t in sent.doc[first:prep.i] if not t.is_space]
        while body and body[-1].is_punct:
            body.pop()
        if len(body) < 2:
            continue
        out.append(Found(span_of([prep]), trim(text, *span_of(body)), "report", span_of(speaker_tokens(obj))))
    return out


def noun_statements(sent, text: str, quotes) -> list[Found]:
    """Return statements cued by nouns of saying: "Trump's claim that ...", "its plan to ..."."""
    nouns = cues()["noun_cues"]
    out = []
    doc, words = sent.doc, doc_words(sent.doc)
    for i in range(sent.start, sent.end):
        if words[i][0] not in nouns:
            continue  # its lemma is no noun cue (read from the doc's word table: no Token built)
        tok = doc[i]
        if tok.pos_ != "NOUN":
            continue
        if tok.i > sent.start and tok.doc[tok.i - 1].lower_ == "in" and tok.lower_ == "order":
            continue  # "in order to": a purpose, not an order given
        comp = [c for c in tok.children if c.i > tok.i and c.dep_ in ("acl", "ccomp", "relcl")
                and (any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                     or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
        about = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in cues()["noun_topic_preps"]
                 and any(o.dep_ in ("pobj", "pcomp") and o.ent_type_ not in ("DATE", "TIME") for o in c.children)]
        if not comp and about and any(c.dep_ == "poss" for c in tok.children):
            # "his comment about the 47 percent", "North Korea's claims about its test": what it is about
            toks = [t for t in about[0].subtree if t.i != about[0].i]
            out.append(Found(span_of([tok, about[0]]), trim(text, *span_of(toks)), nouns[tok.lemma_.lower()],
                             span_of(speaker_tokens(next(c for c in tok.children if c.dep_ == "poss")))))
            continue
        if not comp:
            continue
        toks = [t for t in comp[0].subtree if not (t.dep_ == "mark" and t.lower_ == "that" and t.head.i == comp[0].i)]
        content = trim(text, *span_of(toks))
        poss = [c for c in tok.children if c.dep_ == "poss"]
        owner = poss[0] if poss else None
        if owner is None:  # "warnings from his lawyer that ...", "a report by the inspectors that ..."
            owner = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("from", "by") and p.i > tok.i
                          for o in p.children if o.dep_ == "pobj"), None)
        if owner is None and tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
            owner = subject_of(tok.head)  # "X made a decision to ...", "X issued a warning that ..."
        if owner is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX") \
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in comp[0].children):
            owner = subject_of(tok.head.head)  # "X stirred controversy with an assertion that ...": X's assertion
        if owner is None and not any(m.dep_ == "mark" and m.lower_ == "that" for m in comp[0].children):
            continue  # "a court order to treat the runoff", "a plan to rule them all": an aim no one is named as holding
        speaker = span_of(speaker_tokens(owner)) if owner is not None else None
        out.append(Found(span_of([tok]), content, nouns[tok.lemma_.lower()], speaker))
    return out


def _names_someone(doc, start: int, end: int, words: str) -> bool:
    """Tell whether a 'Name:' prefix names a speaker: a transcript name in capitals, one word, or an entity."""
    if words.isupper() or len(words.split()) == 1:
        return True
    ents = [e for e in ents_in(doc, start, end) if e.label_ in ("PERSON", "ORG", "NORP", "GPE")]
    return sum(e.end_char - e.start_char for e in ents) * 2 >= end - start


def headline_statement(doc, text: str) -> list[Found]:
    """Return the statement of a Title Case headline ("Sanders Vows To Eliminate Tax Breaks"), if any."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    words = text[:end].split()
    if not 3 <= len(words) <= 25 or end >= len(text):
        return []
    if sum(w[:1].isupper() for w in words) * 3 < len(words) * 2 and re.search(r"[.!?]\s+\S", text[:end]):
        return []  # a headline in sentence case is one sentence: two are a lead paragraph
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
        body = trim(text, toks[k + 1].idx, end)
        if body[1] - body[0] < 3:
            return []
        return [Found(span_of([t]), body, kind, span_of(toks[:k]))]
    return []


def punctuation_statements(text: str, quotes, doc=None) -> list[Found]:
    """Return 'Name: words' (headlines, transcripts) and '“words” ― Name' statements."""
    out = []
    paras = paragraphs(text)  # a paragraph of blanks holds none of these
    for k, (start, end) in enumerate(paras):
        para = text[start:end]
        before = text[paras[k - 1][0]:paras[k - 1][1]].strip() if k else ""
        m = re.match(r"\s*([-―—–])\s*([A-Z][^\n―—–“”\"]{1,60}?)\.?\s*$", para)
        if m and before and before[:1] in "“\"" and before[-1:] in "”\"" \
                and len(m.group(2).split()) <= 6 and all(w[:1].isupper() for w in m.group(2).split()):
            # '“words”' closing a paragraph, then '- Name.' on a line of its own: the line signs the quotation
            out.append(Found((start + m.start(1), start + m.end(1)), trim(text, *paras[k - 1]), "claim",
                             trim(text, start + m.start(2), start + m.end(2))))
            continue
        m = re.match(r"\s*[“\"]?([^:\n“\"]{2,60}?):\s+(\S.*)$", para)  # a transcript paragraph may open with a quote mark
        if m and len(m.group(1).split()) <= 6 and m.group(1).split()[0].lower() not in cues()["colon_skip"] \
                and (m.group(1).isupper() or all(w[:1].isupper() for w in m.group(1).split())) \
                and (doc is None or _names_someone(doc, start + m.start(1), start + m.end(1), m.group(1))):
            spk = (start + m.start(1), start + m.end(1))
            colon = (spk[1], spk[1] + 1)
            body = trim(text, start + m.start(2), start + m.end(2))
            if body[1] - body[0] > 10:
                out.append(Found(colon, body, "claim", spk))
            continue
        m = re.match(r"\s*([“\"”].*[”\"])\s*([―—–])\s*([^―—–]{2,80})$", para)
        if m:
            body = (start + m.start(1), start + m.end(1))
            dash = (start + m.start(2), start + m.end(2))
            spk = trim(text, start + m.start(3), start + m.end(3))
            out.append(Found(dash, body, "claim", spk))
    return out


def _in_tag(f: Found, pos: int) -> bool:
    """Tell whether `pos` lies in a statement's tag: its cue, speaker and the channel it came through."""
    ends = [f.cue[1]] + ([f.speaker[1]] if f.speaker else []) + [v[1] for v in f.via]
    return f.cue[0] <= pos < max(ends)


def as_reported(sent, text: str, found: list[Found]) -> list[Found]:
    """Attach 'as X reported' to the sentence's statements as via, or make it a statement."""
    data = cues()
    out = []
    doc, words = sent.doc, doc_words(sent.doc)
    for i in range(sent.start, sent.end):
        if words[i][0] not in data["verbs"] and words[i][0] != "put":
            continue  # neither a verb of saying nor "put" (read from the doc's word table)
        tok = doc[i]
        put_it = tok.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
        if tok.pos_ != "VERB" or not (tok.lemma_.lower() in data["verbs"] or put_it):
            continue  # "as X put it" says the same as "as X said"
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) or has_own_object(tok):
            continue
        subj = subject_of(tok)
        if subj is None or subj.i > tok.i or subj.head.i != tok.i:
            continue
        sp = span_of(speaker_tokens(subj))
        host = [f for f in found if sent.start_char <= f.cue[0] < sent.end_char]
        head = tok.head if tok.head.i != tok.i else None
        if head is not None and host and not any(f.content[0] <= head.idx < f.content[1] or _in_tag(f, head.idx) for f in host):
            host = []  # "X echo her concerns, because Y, as a memo put it": the tag qualifies Y, which no one else says
        if host:
            tag = span_of(tok.subtree)
            for f in host:
                f.via.append(sp)
                if f.content[0] < tag[0] and tag[0] < f.content[1] <= tag[1] + 1:
                    f.content = trim(text, f.content[0], tag[0])  # ", as CNN reported" is not what was said
            continue
        adv = {t.i for t in tok.subtree}
        if head is not None:
            # "because, while Y, X is Z, as a memo put it": the words that open the clause are the writer's, not the memo's
            subj_at = min((c.left_edge.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), default=head.i)
            for c in head.children:
                if c.i < subj_at and (c.dep_ == "mark" or c.dep_ == "advcl" and c.i != tok.i):
                    adv.update(t.i for t in c.subtree)
        body = [t for t in (head.subtree if head is not None else sent) if t.i not in adv]
        tag_at = [t.i for t in tok.subtree]
        if not any(t.i > max(tag_at) and not t.is_punct for t in body):
            body = [t for t in body if t.i < min(tag_at)]  # the tag ends the sentence
        elif body and body[0].i < min(tag_at) and all(t.is_punct for t in body if t.i < min(tag_at)):
            body = [t for t in body if t.i > max(tag_at)]  # "If, as I suggested, X": the tag opens what is left
        if not body:
            continue
        out.append(Found(span_of([tok]), trim(text, *span_of(body)), "claim" if put_it else "report", sp))
    return out
