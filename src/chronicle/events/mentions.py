"""Mentions: which attack words in a full article name an attack a reader should see.

A long article (a news story, a web page) names the same attack many times, in headings,
quotations, history, legal wording and reactions. detect.py finds trigger words; the rules
here decide, for texts longer than LONG_TEXT, which of them are attack mentions:

- an attack placed in an earlier time, or only supposed ("if you shoot it down"), is still a
  mention, kept without ACLED or GTD codes so it never becomes the record's event;
- a heading restates the story below it; a definite repeat in the same paragraph ("an
  explosion ... the explosion") or a predicate noun ("the bombing was an attack") restates
  the mention before it, unless it names who carried the attack out ("the attack was carried
  out by the cell"); the act a sentence reports never restates a noun only named beside it
  ("the bomber behind the bombing ... committed the attack"); planting a bomb prepares the
  explosion the article reports;
- a weapon noun handled as an object ("used IEDs to make roadside bombs"), a bare offence
  name under legal wording ("on charges of murder"), an aim clause ("to target the police")
  and a campaign word with no outcome ("operations") name no attack;
- once violence is reported, figurative and disaster words block a trigger only from its
  own phrase ("an attack on the Christmas market" is an attack);
- an attack noun only tied to people or things ("arrested in connection with the attack") refers
  back to an attack the article reports elsewhere; it is dropped;
- later mentions repeating the main attack keep no ACLED or GTD code: one record per attack.

Two readings hold for every text: a capitalised noun opening a sentence that the tagger took
for a name ("Shootings went on"), and an attack noun modifying a word for a happening
("shooting incidents"). Short reports (ACLED notes, GTD summaries) keep detect.py's rules
otherwise unchanged.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from . import ontology
from .rules import fires

DATA = Path(__file__).resolve().parent / "data"
HEADLINE_MAX_WORDS = 14
SUBHEADING_MAX_WORDS = 8
LONG_TEXT = 600  # detect.py reads a text this short as one report (a note, a summary)


def short_text(text: str) -> bool:
    """Return True when `text` is short enough to read as one report (a coder's note, a summary)."""
    return len(text) <= LONG_TEXT


def full_article(text: str) -> bool:
    """Return True when `text` is a full article rather than one report: longer than LONG_TEXT, or
    written in more than one line (a headline over a body, several paragraphs); coders' notes and
    summaries are one paragraph."""
    return len(text) > LONG_TEXT or sum(1 for line in text.splitlines() if line.strip()) > 1


@lru_cache(maxsize=1)
def vocab() -> dict[str, frozenset[str]]:
    """Return the word lists of data/mentions.json as frozensets."""
    with open(DATA / "mentions.json", encoding="utf-8") as f:
        return {k: frozenset(v) for k, v in json.load(f).items()}


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def offence_name(head) -> bool:
    """Return True for a bare offence noun under legal wording ("charges of murder", "tried for homicide")."""
    v = vocab()
    if head.pos_ != "NOUN" or _lemma(head) not in v["offence_nouns"]:
        return False
    if any(c.dep_ in ("det", "poss") for c in head.children):
        return False  # "charged with the murder of a judge" points at a real killing
    tok = head
    for _ in range(4):
        if tok.dep_ not in ("pobj", "prep", "conj", "dobj", "appos", "compound"):
            return False
        tok = tok.head
        if _lemma(tok) in v["legal_heads"] or tok.lower_ in v["legal_heads"]:
            return True
    return False


def weapon_object(tokens, head) -> bool:
    """Return True when a weapon-noun trigger ("roadside bombs") is the object of handling, not an attack."""
    v = vocab()
    phrase = " ".join(_lemma(t) for t in tokens)
    if phrase not in v["weapon_triggers"]:
        return False
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("dobj", "pobj") or tok.dep_ == "nsubjpass":
        gov = tok.head if tok.dep_ != "pobj" else tok.head.head
        return _lemma(gov) in v["weapon_handling_verbs"]
    return False


def bare_campaign(head, sent) -> bool:
    """Return True for a campaign word ("operations") with no outcome word in its sentence."""
    v = vocab()
    if _lemma(head) not in v["campaign_triggers"]:
        return False
    words = {t.lower_ for t in sent} | {_lemma(t) for t in sent}
    return not (words & v["outcome_words"])


def stated_aim(head) -> bool:
    """Return True for an aim verb in an infinitive clause ("planted a bomb to target the police"):
    it says what an act was meant for, it is not an attack of its own."""
    return (_lemma(head) in vocab()["aim_verbs"] and head.dep_ in ("advcl", "xcomp", "acl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children))


def not_an_attack(tokens, head, sent) -> bool:
    """Return True when an attack trigger of a long article names a weapon, a charge, an aim or a bare campaign."""
    return offence_name(head) or weapon_object(tokens, head) or bare_campaign(head, sent) or stated_aim(head)


def drop_preparations(article, events: list) -> list:
    """Return `events` without planting mentions ("the bomb had been planted in a car") when the
    article reports an explosion: the planting prepared the attack the explosion reports."""
    v = vocab()
    lemmas = {id(ev): _lemma(h) for ev in events if ev.type == "ASSAULT"
              for h in [_head_token(article.doc, ev)] if h is not None}
    if not any(lem in v["explosion_words"] for lem in lemmas.values()):
        return events
    return [ev for ev in events if lemmas.get(id(ev)) not in v["preparation_verbs"]]


def heading_line(text: str, start: int, end: int) -> bool:
    """Return True when text[start:end] lies on a heading: the first line, or a short line further
    down, with no closing stop (a caption or a long run-on line is not a heading)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    if not line or line[-1] in ".!?:;\"\u201d'\u2019)":
        return False
    limit = HEADLINE_MAX_WORDS if not text[:line_start].strip() else SUBHEADING_MAX_WORDS
    return len(line.split()) <= limit


def casualty_word(ev) -> bool:
    """Return True when an attack trigger is only a word of harm ("Injured", "kills"): it names no act."""
    return ev.type == "ASSAULT" and ev.trigger.text.lower() in vocab()["casualty_forms"]


def drop_headings(text: str, events: list) -> list:
    """Return `events` without the event words on heading lines that the body reports too: an attack
    when the body reports an attack, any other event when the body has one of its type and mode. A
    heading's bare word of harm ("Students Injured") sums up the body's protest as well."""
    heads = [ev for ev in events if heading_line(text, ev.trigger.start, ev.trigger.end)]
    body = [ev for ev in events if not heading_line(text, ev.trigger.start, ev.trigger.end)]
    kinds = {(ev.type, None if ev.type == "ASSAULT" else ev.mode) for ev in body}
    harmful = any(ev.type in vocab()["harm_bearing_types"] for ev in body)
    gone = {id(ev) for ev in heads if (ev.type, None if ev.type == "ASSAULT" else ev.mode) in kinds
            or (harmful and casualty_word(ev))}
    return [ev for ev in events if id(ev) not in gone] if gone else events


def _head_token(doc, ev):
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _paragraph(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _same_kind(a: str, b: str) -> bool:
    """Return True when attack words `a` and `b` can name one happening ("explosion", "blast"; "attack", anything)."""
    v = vocab()
    general, blasts = v["general_attack_nouns"], v["explosion_words"]
    return a == b or a in general or b in general or (a in blasts and b in blasts)


def attributed(head) -> bool:
    """Return True when an attack noun is what a named doer carried out ("the attack was carried
    out by the group", "the group committed the attack"): the mention says who did it."""
    if head.dep_ not in ("dobj", "nsubjpass"):
        return False
    verbs = [head.head] + [c for c in head.head.children if c.dep_ == "xcomp"]
    for verb in verbs:
        if _lemma(verb) not in vocab()["perpetration_verbs"] and verb.lower_ not in vocab()["perpetration_verbs"]:
            continue  # the word form too: the tagger reads "staged" as "stag"
        doer = "agent" if head.dep_ == "nsubjpass" or verb.i != head.head.i else "nsubj"
        if any(c.dep_ == doer for c in verb.children):
            return True
    return False


def restatement(head, earlier: set[str], in_sentence: frozenset = frozenset()) -> bool:
    """Return True when noun `head` restates an attack already named: a predicate noun ("the blast
    was an attack", "called the blast an attack") or a definite repeat of a word used earlier in the
    paragraph ("an explosion ... the explosion"), or a definite general word ("... the attack")."""
    if head.pos_ != "NOUN" or attributed(head):
        return False  # naming who carried it out adds a fact to the attack named before
    if head.dep_ in ("attr", "oprd") and earlier:
        return True
    definite = any(c.dep_ == "det" and c.lower_ in vocab()["definite_determiners"] for c in head.children)
    if not definite or not earlier or head.tag_ != "NN":
        return False  # "the two worst explosions" picks some out of several: a plural is not a repeat
    if any(c.dep_ == "nummod" or c.tag_ in ("JJS", "RBS") for c in head.children):
        return False
    lemma = _lemma(head)
    return (any(_same_kind(lemma, other) for other in in_sentence)
            or lemma in earlier or lemma in vocab()["general_attack_nouns"])


def drop_restatements(article, events: list) -> list:
    """Return `events` without attack mentions that restate one named before them in the same paragraph."""
    doc, text = article.doc, article.text
    named: dict[int, set[str]] = {}
    sentences: dict[int, set[str]] = {}
    asides: dict[int, set[str]] = {}
    gone: set[int] = set()
    for ev in sorted(events, key=lambda e: e.trigger.start):
        if ev.type != "ASSAULT":
            continue
        head = _head_token(doc, ev)
        if head is None:
            continue
        para = _paragraph(text, ev.trigger.start)
        earlier = named.setdefault(para, set())
        # within one sentence a definite word of the same kind restates ("an explosion ... who saw the blast")
        same_sentence = sentences.setdefault(head.sent.start, set())
        aside = asides.setdefault(head.sent.start, set())
        if getattr(ev, "_claimed", True):
            found = restatement(head, earlier, frozenset(same_sentence))
        else:
            # the act a sentence reports does not restate a noun only named beside it
            # ("the bomber behind the bombing ... committed the attack")
            found = restatement(head, earlier - aside, frozenset(same_sentence - aside))
        if found:
            gone.add(id(ev))
        if getattr(ev, "_aside", False) and _lemma(head) not in earlier:
            aside.add(_lemma(head))
        earlier.add(_lemma(head))
        same_sentence.add(_lemma(head))
    return [ev for ev in events if id(ev) not in gone] if gone else events


def reference_frame(head) -> bool:
    """Return True when a definite attack noun is only what a case is tied to ("arrested in connection
    with the attack", "searches related to the bombing", "the inquiry into the blast"): the phrase
    refers back to an attack, it does not report one; so does a picture of it ("a video showing the
    explosion"). "Involved in" and "role in" name who took part (an attacker), so they stay mentions."""
    if head.pos_ != "NOUN" or not any(c.dep_ in ("det", "poss") for c in head.children):
        return False  # "in connection with a shooting on Monday" may be the only report of it
    if head.dep_ == "dobj":  # "a video showing the explosion" pictures it
        return _lemma(head.head) in vocab()["depiction_verbs"]
    if head.dep_ != "pobj" or head.head.dep_ != "prep":
        return False
    prep, gov = head.head, head.head.head
    return f"{_lemma(gov)} {prep.lower_}" in vocab()["reference_frames"]


def drop_references(article, events: list) -> list:
    """Return `events` without attack nouns in reference frames, when another attack mention stays."""
    gone = {id(ev) for ev in events if ev.type == "ASSAULT"
            for h in [_head_token(article.doc, ev)] if h is not None and reference_frame(h)}
    if not gone or not any(ev.type == "ASSAULT" and id(ev) not in gone for ev in events):
        return events
    return [ev for ev in events if id(ev) not in gone]


def _distinct(head) -> bool:
    """Return True when the trigger is marked as a different attack ("another stabbing", "a second
    man was stabbed", "stabbed again")."""
    near = list(head.children)
    if head.pos_ == "VERB":
        near += [g for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children]
    return any(t.lower_ in vocab()["distinct_markers"] for t in near)


def uncode_repeats(article, events: list) -> None:
    """In a full article, drop the ACLED and GTD codes of later mentions that repeat a reported event
    (and point `repeats` at it):
    for attacks, the main attack's ACLED sub-event type and mode; for other events (a protest, an
    arrest), the first coded event of the same type and mode. A word saying it is another one, or a
    place named that the first mention's sentence does not name, keeps a mention coded."""
    if article.doc is None or not full_article(article.text):
        return
    coded = sorted((ev for ev in events if ev.acled), key=lambda e: e.trigger.start)
    attacks = [ev for ev in coded if ev.type == "ASSAULT"]
    main = attacks[0] if attacks else None
    # a later attack word left uncoded ("rejected any role in the attack") restates the main attack too
    later = [ev for ev in events if main and ev.type == "ASSAULT" and not ev.acled
             and ev.trigger.start > main.trigger.start]
    for ev in attacks[1:] + later:
        if ev.acled and (ev.acled != main.acled or ev.mode != main.mode):
            continue
        if not ev.acled and ev.mode not in (main.mode, None):
            continue
        head = _head_token(article.doc, ev)
        if head is None or head.tag_ in ("NNS", "NNPS") or _distinct(head):
            continue  # "attacks", "another attack": more than the one already recorded
        ev.acled = ev.gtd = None
        ev.repeats = main.id
    first: dict = {}
    for ev in coded:
        if ev.type == "ASSAULT":
            continue
        lead = first.setdefault((ev.type, ev.mode), ev)
        if lead is ev:
            continue
        head = _head_token(article.doc, ev)
        if head is None or _distinct(head) or _new_place(head, _head_token(article.doc, lead)):
            continue  # "another arrest", "protests also spread to Kandy"
        ev.acled = ev.gtd = None
        ev.repeats = lead.id


def _new_place(head, main_head) -> bool:
    """Return True when `head`'s sentence names a place, or says "also", where `main_head`'s does not."""
    if main_head is None:
        return True
    known = {e.text.lower() for e in main_head.sent.ents if e.label_ in ("GPE", "LOC", "FAC")}
    sent = head.sent
    return any(t.lower_ == "also" for t in sent) or any(
        e.label_ in ("GPE", "LOC", "FAC") and e.text.lower() not in known for e in sent.ents)


def demonstrators_clash(head) -> bool:
    """Return True when a clash word has protesters for a side ("protesters clashed with the police",
    "clashes between demonstrators and troops"): a demonstration turned violent, not an attack."""
    words = vocab()["demonstrator_words"]
    verbs = {head, head.head} if head.dep_ in ("conj", "xcomp", "nsubj") else {head}
    for verb in verbs:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass", "agent") or (c.dep_ == "prep" and c.lower_ in ("with", "between")):
                if any(_lemma(t) in words or t.lower_ in words for t in c.subtree):
                    return True
    return False


def block_applies(head, cue_name: str) -> bool:
    """Return True when a blocking cue list (figurative use, disaster) still blocks the trigger in a
    full article that already reported violence: only when its word stands in the trigger's own
    phrase ("gas cylinder explosion", "attacked the market share"), not elsewhere in the sentence
    ("an attack on the Christmas market", "I thought it was a car crash")."""
    if cue_name not in vocab()["loose_blocks"]:
        return True
    words = ontology.cue(cue_name)
    near = [head.head, *head.children]
    near += [g for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "compound", "amod") for g in c.children]
    # "members of the Chhatra League": a word inside a name is the name, not the field it comes from
    return any((_lemma(t) in words or t.lower_ in words) and not fires("block.name_part", t.pos_ == "PROPN")
               for t in near if t.i != head.i)


def reading(tok, lemma: str, lexicon) -> tuple[str, str]:
    """Return the (lemma, part of speech) to look a token up by: a capitalised common noun opening a
    sentence ("Shootings in the city went on") is often tagged a proper noun; read it as the noun."""
    if tok.pos_ != "PROPN" or not tok.is_sent_start or not tok.text[:1].isupper() or tok.text.isupper():
        return lemma, tok.pos_
    low = tok.lower_
    for cand in (low, low[:-1] if low.endswith("s") else None, low[:-2] if low.endswith("es") else None):
        if cand and any("NOUN" in (e.get("pos") or ()) for e in lexicon.get(cand, ())):
            return cand, "NOUN"
    return lemma, tok.pos_


def event_head(tok) -> bool:
    """Return True when a noun modifier's head is a word for a happening ("shooting incidents",
    "a stabbing spree"), so the modifier names the attack itself."""
    return tok.pos_ == "NOUN" and tok.dep_ == "compound" and _lemma(tok.head) in vocab()["event_heads"]
