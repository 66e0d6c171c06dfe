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

This module holds the two entry points and the choice among overlapping finds;
the finders live in saying.py (verbs; their content spans in contents.py) and
sourcing.py (other cues), quotations in quotes.py, speakers and via chains in
speakers.py, the vocabulary in cuewords.py.
"""
from __future__ import annotations

import re
from typing import Optional

from ..records import Article, Span, Statement
from ..places.dateline import dateline_end
from .quotes import in_quote, paragraphs, quote_run_on, quote_spans, trim
from .cuewords import Found, cues, filters
from .speakers import Names, clean_name, restore_names, speaker_actor, via_actor
from .saying import verb_statements
from .sourcing import (according_statements, as_reported, evidence_statements, headline_statement, noun_statements,
                       punctuation_statements)


def _kind(f: Found, text: str) -> str:
    """Return the statement kind from its cue, refined by what is said."""
    data = cues()
    content = text[f.content[0]:f.content[1]].lower()
    if f.kind == "claim":
        for kind, key in (("deny", "deny_content"), ("condemn", "condemn_content"), ("support", "support_content")):
            if any(w in content for w in data[key]):
                return kind
    return f.kind


def _hedged(f: Found, text: str, sent_text: str, cue_lemma: str) -> bool:
    """Tell whether the claim is marked as unconfirmed."""
    data = cues()
    if cue_lemma in data["hedge_cues"]:
        return True
    words = set(re.findall(r"[a-z]+", sent_text.lower()))
    return bool(words & data["hedges"])


def _dedupe(found: list[Found], lemmas: dict) -> list[Found]:
    """Drop statements whose content mostly repeats an earlier, same-cue or same-content one."""
    found.sort(key=lambda f: (f.content[0], f.cue[0]))
    out: list[Found] = []
    for f in found:
        dup = False
        for k in range(len(out) - 1, max(len(out) - 40, 0) - 1, -1):  # sorted by start: far earlier ones cannot repeat this one
            g = out[k]
            inter = min(f.content[1], g.content[1]) - max(f.content[0], g.content[0])
            union = max(f.content[1], g.content[1]) - min(f.content[0], g.content[0])
            # half the union: two contents this close are one claim to a reader (and to PolNeAR's matching)
            if g.cue == f.cue or (union and inter / union >= 0.5):
                dup = True
                if _prefer(f, g, lemmas):
                    f.via = f.via or g.via
                    out[k] = f
                elif f.via and not g.via:
                    g.via = f.via
                break
        if not dup:
            out.append(f)
    return out


def _carries(f: Found, g: Found) -> bool:
    """Tell whether the content of `f` holds the cue of `g` ('“A,” X said, according to Y': Y's report carries X's)."""
    return f.content[0] <= g.cue[0] and g.cue[1] <= f.content[1]


def _prefer(f: Found, g: Found, lemmas: dict) -> bool:
    """Tell whether `f` should replace its near-duplicate `g`: an outer plain report ('according to', 'said') over
    the one it carries, then a plain verb of saying over another cue."""
    outer = f if _carries(f, g) and not _carries(g, f) else g if _carries(g, f) and not _carries(f, g) else None
    if outer is not None and _plain_report(outer, lemmas):
        return outer is f  # PolNeAR marks the outer plain report, not the one it carries
    core = cues()["core_verbs"]
    return lemmas.get(f.cue, "") in core and lemmas.get(g.cue, "") not in core


def _without_dateline(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """Return a content that starts a paragraph without the dateline in front of it."""
    s, e = content
    if s == 0 or text[s - 1] == "\n":
        after = dateline_end(text, s, e)
        if after is not None and after < e:
            return after, e
    return content


def _run_on(doc, text: str, content: tuple[int, int]) -> tuple[int, int]:
    """Return a content carried over a sentence break the splitter put inside a clause ("remarks | Trump had made")."""
    s, e = content
    tok = doc.char_span(e - 1, e, alignment_mode="expand")
    if tok is None:
        return content
    sent = tok[-1].sent
    if sent.end >= len(doc) or sent.end_char != e or not text[e - 1].isalnum():
        return content
    nxt = doc[sent.end].sent
    if "\n" in text[e:nxt.end_char].rstrip() or text[sent.end_char:nxt.start_char] != " ":
        return content
    return trim(text, s, nxt.end_char)


def _nested(f: Found, found: list[Found], quotes) -> bool:
    """Tell whether `f` is speech quoted inside another statement ('"I think ...," he said')."""
    if not in_quote(quotes, f.cue):
        return False
    return any(g is not f and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1]
               and not in_quote(quotes, g.cue) for g in found)


def _quoted_cue(f: Found, quotes, lemmas: dict) -> bool:
    """Tell whether `f` is cued by a word inside a quotation ('"We have to show that we have his back"')."""
    # what a quoted speaker says others think or know is part of the quotation, whoever is found to
    # have said it; tags of punctuation ("NAME: words") have no word and stay
    return bool(lemmas.get(f.cue)) and in_quote(quotes, f.cue)


def _minor_inside(f: Found, found: list[Found], lemmas: dict) -> bool:
    """Tell whether `f` is cued by a verb other than plain saying and sits inside another content."""
    if lemmas.get(f.cue, "") in cues()["core_verbs"]:
        return False
    return any(g is not f and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1] for g in found)


def _plain_report(g: Found, lemmas: dict) -> bool:
    """Tell whether `g` is cued by a plain verb of saying, 'according to' or a tag of punctuation or headline."""
    lemma = lemmas.get(g.cue, "")
    return not lemma or lemma in cues()["core_verbs"]


def _reported_inside(f: Found, found: list[Found], lemmas: dict) -> bool:
    """Tell whether `f` is a saying inside what someone plainly reports ('X said that Y announced Z')."""
    # PolNeAR marks the outer report and not the one it carries; a quote split by the same
    # speaker's second tag ('"A," X said, adding "B"') holds two statements of their own
    return any(g is not f and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1] and _plain_report(g, lemmas)
               and (g.speaker != f.speaker or g.cue[0] < f.cue[0])
               and not f.content[0] <= g.cue[0] < f.content[1] for g in found)


def _carrier(g: Found, found: list[Found], lemmas: dict, doc) -> bool:
    """Tell whether `g`, cued by no plain verb of saying, only carries a plain report inside its content."""
    if _plain_report(g, lemmas):
        return False
    tok = doc.char_span(g.cue[0], g.cue[1], alignment_mode="expand")
    if tok is not None and any(c.dep_ == "xcomp" for c in tok[0].children):
        return False  # "declined to threaten or declare X": what was said is the whole of what is refused
    # "the results of their check by announcing that Y", "Trump, who says Y": the report is the saying inside
    return any(f is not g and lemmas.get(f.cue) and _plain_report(f, lemmas)
               and g.content[0] <= min(f.cue[0], f.content[0]) and max(f.cue[1], f.content[1]) <= g.content[1]
               for f in found)


def _narrated_act(f: Found, doc) -> bool:
    """Tell whether `f` is a plain act of 'they', 'we', 'I' or 'you' on a thing or an aim ('they cite the election'), not a stand taken."""
    data = filters()
    spk = doc.char_span(*f.speaker, alignment_mode="expand") if f.speaker else None
    cue = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
    content = doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
    if spk is None or cue is None or content is None or spk.root.lower_ not in data["narrative_pronouns"] \
            or f.kind not in data["narrative_kinds"]:
        return False
    root = content.root
    return root.dep_ in data["object_deps"] and root.head in cue


def _notes(text: str) -> list[tuple[int, int]]:
    """Return the spans of the paper's own notes ("Editor's note: ..."), each up to the next blank line."""
    out = []
    low = text.lower()
    for label in cues()["note_labels"]:
        for m in re.finditer(re.escape(label) + r"\s*:", low):
            if m.start() and text[:m.start()].rstrip(" \t\xa0")[-1:] not in ("", "\n"):
                continue  # a note starts its own line
            end = text.find("\n\n", m.end())
            out.append((m.start(), len(text) if end < 0 else end))
    return out


def _without_own_cue(f: Found, doc, text: str) -> tuple[int, int]:
    """Return a content opened by a relative word before its own speaker and cue ("which officials said killed
    two people") cut to what follows the cue: the relative word stands for words outside the content."""
    s, e = f.content
    if not s < f.cue[0] < f.cue[1] < e:
        return f.content
    first = doc.char_span(s, s + 1, alignment_mode="expand")
    if first is None or first[0].tag_ not in ("WDT", "WP", "WP$"):
        return f.content
    return trim(text, f.cue[1], e)


def _headline_end(text: str) -> int:
    """Return where a headline line opening the text ends, or 0 when the text opens with no headline."""
    end = text.find("\n")
    return end if 0 < end and len(text[:end].split()) <= 25 and text[end:].strip() else 0


def _gist(text: str) -> set[str]:
    """Return the content words of a text, cut to a stem ("condemns", "condemned" -> "conde")."""
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3 and w not in cues()["function_words"]}


def _headline_repeats(found: list[Found], text: str) -> list[Found]:
    """Return `found` without statements of the headline that a statement of the body repeats (same kind, most of its words)."""
    end = _headline_end(text)
    if not end:
        return found
    body = [g for g in found if g.cue[0] >= end]
    out = []
    for f in found:
        words = _gist(text[f.content[0]:f.content[1]])
        if f.cue[0] < end and words and any(
                g.kind == f.kind and len(words & _gist(text[g.content[0]:g.content[1]])) * 2 >= len(words) for g in body):
            continue  # "Group denies role in attack" above "The group denied any role in the attack ..."
        out.append(f)
    return out


def _orphan(f: Found, found: list[Found]) -> bool:
    """Tell whether `f` has no speaker and sits inside another statement's content."""
    return f.speaker is None and any(g is not f and g.content[0] <= f.cue[0] and f.cue[1] <= g.content[1]
                                     for g in found)


def find_statements(article: Article) -> list[Statement]:
    """Return the article's statements in text order, ids s1, s2, ..."""
    doc, text = article.doc, article.text
    if doc is None or not text:
        return []
    quotes = quote_spans(text)
    found: list[Found] = []
    lemmas: dict[tuple[int, int], str] = {}
    sents: dict[tuple[int, int], str] = {}
    for sent in doc.sents:
        here = verb_statements(sent, text, quotes) + according_statements(sent, text, quotes)
        here += noun_statements(sent, text, quotes) + evidence_statements(sent, text, quotes)
        here += as_reported(sent, text, here)
        for f in here:
            tok = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
            lemmas[f.cue] = tok[0].lemma_.lower() if tok is not None else ""
            sents[f.cue] = sent.text
        found.extend(here)
    head = headline_statement(doc, text)
    if head and not any(f.cue[0] < head[0].content[1] and head[0].cue[0] <= f.cue[0] for f in found):
        found += head
        lemmas[head[0].cue], sents[head[0].cue] = "", text[:head[0].content[1]]
    for f in punctuation_statements(text, quotes, doc):
        found.append(f)
        sent = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
        lemmas[f.cue], sents[f.cue] = "", sent.sent.text if sent is not None else ""
    notes = _notes(text)
    found = [f for f in found if not any(s <= f.cue[0] < e for s, e in notes)]
    found = [f for f in found if not _nested(f, found, quotes) and not _quoted_cue(f, quotes, lemmas)
             and not _orphan(f, found) and not _minor_inside(f, found, lemmas)]
    for f in found:
        f.content = _run_on(doc, text, _without_dateline(text, _without_own_cue(f, doc, text)))
    found = _dedupe(found, lemmas)
    found = [f for f in found if not _reported_inside(f, found, lemmas)]
    found = [f for f in found if not _carrier(f, found, lemmas, doc) and not _narrated_act(f, doc)]
    found = _headline_repeats(found, text)
    paras, taken = paragraphs(text), [x for f in found for x in (f.cue[0], f.content[0])]
    for f in found:
        f.content = quote_run_on(text, f.content, f.cue, taken, paras)
    found.sort(key=lambda f: min(f.cue[0], f.content[0]))
    names = Names(doc, quotes) if found else None  # its noun chunks and persons: only for speakers
    out = []
    for n, f in enumerate(found, 1):
        cue = Span(text[f.cue[0]:f.cue[1]], *f.cue)
        content = Span(text[f.content[0]:f.content[1]], *f.content)
        speaker = speaker_actor(article, f.speaker, names, f.name_from) if f.speaker else None
        via, seen = [], set()
        for v in f.via:
            if v not in seen and v != f.speaker:
                seen.add(v)
                via.append(via_actor(article, v))
        st = Statement(id=f"s{n}", cue=cue, content=content, kind=_kind(f, text),
                       speaker=speaker, via=via,
                       hedged=f.hedged or _hedged(f, text, sents.get(f.cue, ""), lemmas.get(f.cue, "")))
        # names.canonicalise runs between the two attribution calls and names mentions from
        # their own words; the names resolved here are kept to be put back where they were better
        st._resolved = (speaker.name if speaker else None, [v.name for v in via])
        out.append(st)
    return out


def _event_spans(ev) -> list:
    """Return the spans of an event's details (counts, place, date, actors, targets, instrument)."""
    spans = [c.span for c in (ev.killed, ev.injured) if c is not None]
    spans += [x for x in (ev.location, ev.date, ev.instrument) if x is not None]
    return spans + list(ev.actors) + list(ev.targets)


def link_statements(article: Article) -> None:
    """Set `event_id` on statements that are about one of the article's events, and settle which speakers are unnamed."""
    details = {id(ev): _event_spans(ev) for ev in article.events}  # once, not once a statement
    for st in article.statements:
        restore_names(st)
        best = _event_of(st, article.events, details)
        st.event_id = _reported(best, article.events).id if best else None
    speakers = [st.speaker for st in article.statements if st.speaker is not None]
    # an unnamed source stays so unless resolved to someone named; "the source" later is that same source
    unnamed = {a.name for a in speakers if a.anonymous and a.name == clean_name(a.text)}
    for a in speakers:
        a.anonymous = a.name in unnamed


def _reported(ev, events: list):
    """Return the event that `ev` restates ('the attack' after the lead's drone strike), or `ev` itself."""
    return next((x for x in events if x.id == ev.repeats), ev) if ev.repeats else ev


def _event_of(st: Statement, events: list, details: Optional[dict] = None):
    """Return the event a statement is about, or None: named in it, detailed in it, or referred to.
    `details` holds each event's `_event_spans` by id(event), when made already."""
    s, e = st.content.start, st.content.end
    # the statement is not about the event its own cue names ("condemned" coded as ACCUSE)
    others = [ev for ev in events if not (ev.trigger.start < st.cue.end and st.cue.start < ev.trigger.end)]
    for ev in others:
        if s <= ev.trigger.start and ev.trigger.end <= e:
            return ev
    for ev in others:  # it gives one of the event's details: its toll, place, date or parties
        spans = details[id(ev)] if details is not None else _event_spans(ev)
        if any(s <= sp.start and sp.end <= e for sp in spans):
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
