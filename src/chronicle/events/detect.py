"""Events: find the events an article reports (coding in ACLED and GTD terms is in coding.py).

Detection matches the trigger lexicon (data/triggers.jsonl) on lemmas and parts of
speech, then uses the dependency parse to drop negated, hypothetical, threatened and
background mentions and to set the status. Coding maps type and mode to ACLED and GTD
(data/ontology.json) and settles the cases that depend on who was hit (armed side or
civilians) or on what happened around a protest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..records import Article, Event, Span
from . import labels, mentions, ontology
from .clauses import DEFINITE, YEAR, Bag, clause_tokens, doc_words, sentence_text
from .rules import fires, on
from .status import claimed_act, mention_status, negated

PHYSICAL = ontology.PHYSICAL
# Which event leads when several types share a sentence: a protest met by police is
# coded as the protest; an interception outranks the attack it stopped.
SENTENCE_PRIORITY = {"PROTEST": 6, "ASSAULT": 5, "COERCE": 4, "MOBILIZE": 3, "AGREE": 2, "RETREAT": 2}
PRIORITY_BY_MODE = {("COERCE", "intercept"): 5.5, ("COERCE", "defuse"): 5.5, ("PROTEST", "mob"): 4.5,
                    ("COERCE", "curfew"): 0, ("AGREE", "agree"): 0, ("RETREAT", "flee"): 0}


@dataclass
class Candidate:
    """A trigger match before merging: the tokens, its lexicon entry and its status."""

    tokens: list
    entry: dict
    sent_index: int
    sent: object
    status: str
    definite: bool
    claimed: bool = False
    framed: bool = False


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict, dict]:
    """Return (single-word entries by lemma, phrase entries by first lemma)."""
    singles: dict[str, list[dict]] = {}
    phrases: dict[str, list[dict]] = {}
    for e in ontology.triggers():
        words = e["lemma"].split()
        if len(words) == 1:
            singles.setdefault(words[0], []).append(e)
        else:
            phrases.setdefault(words[0], []).append(dict(e, words=words))
    for lst in phrases.values():
        lst.sort(key=lambda e: -len(e["words"]))
    # an entry with conditions is a narrower reading of its word: try it first
    for lst in singles.values():
        lst.sort(key=lambda e: -sum(k in e for k in ("with", "dep")))
    return singles, phrases


def _tok_is(tok, word: str) -> bool:
    return tok.lemma_.lower() == word or tok.lower_ == word


def _match_phrase(sent_toks, i: int, words: list[str]) -> Optional[list[int]]:
    """Return the token indexes of phrase `words` starting at i, allowing one ADJ/DET gap (or a possessive: 'attempt on his life')."""
    idx = [i]
    j = i + 1
    for w in words[1:]:
        if j < len(sent_toks) and _tok_is(sent_toks[j], w):
            idx.append(j)
            j += 1
        elif (j + 1 < len(sent_toks) and (sent_toks[j].pos_ in ("ADJ", "DET") or sent_toks[j].tag_ == "PRP$")
              and _tok_is(sent_toks[j + 1], w)):
            idx.append(j + 1)
            j += 2
        else:
            return None
    return idx


def _near_lemmas(tok) -> set[str]:
    """Return lemmas of the children and grandchildren of `tok`, and of its head."""
    out = {tok.head.lemma_.lower()}
    for c in tok.children:
        out.add(c.lemma_.lower())
        out.update(g.lemma_.lower() for g in c.children)
        if c.dep_ in ("dobj", "nsubjpass", "nsubj"):
            out.update(g.lemma_.lower() for g in c.subtree)
    return out


def _context_ok(entry: dict, head, bag: Bag, primed: bool = False, loose: bool = False) -> bool:
    """Return True when the entry's required context is present and its blocking context is not;
    `primed` says violence was already reported earlier in the article."""
    if "with" in entry and fires(f"{entry['id']}:with", not (_near_lemmas(head) & set(entry["with"]))):
        return False
    if "ctx" in entry and fires(f"ctx:{entry['ctx']}", not bag.cue(entry["ctx"]) and not (primed and entry["ctx"] == "violence")
                                and not (entry["ctx"] == "violence" and fires("ctx.people_hit", _people_hit(head)))):
        return False
    if "dep" in entry and fires(f"{entry['id']}:dep", head.dep_ not in entry["dep"]):
        return False
    if "not_by" in entry and fires(f"{entry['id']}:not_by", any(
            c.dep_ == "nsubj" and c.lemma_.lower() in ontology.cue(entry["not_by"]) for c in head.children)):
        return False
    nctx = entry.get("nctx") or []
    for name in [nctx] if isinstance(nctx, str) else nctx:
        if not bag.cue(name):
            continue
        if name in mentions.vocab()["loose_blocks"] and (loose or (name == "figurative" and on("block.figurative_local"))) \
                and not mentions.block_applies(head, name):
            fires("block.figurative_local", not loose)  # "members of the Awami League assaulted": a name is no sense
            continue
        if name == "crime":
            if fires("block:crime"):
                return False
        elif name == "disaster":
            if fires("block:disaster", not (bag.cue("weapons") or bag.has_any(("gunman", "gunmen", "assailant", "attacker", "militant",
                                                                              "hostilities", "clashes", "fighting")))):
                return False
        elif fires(f"block:{name}", not (bag.cue("weapons") or bag.cue("armed") or bag.has("armed")
                                         or fires("unblock.people_subject", _people_subject(head))
                                         or fires("unblock.protest_sense", _protest_sense(head)))):
            return False
    return True


def _people_hit(head) -> bool:
    """Return True when a force word was done to people ("raiders attacked civilians", "a man was beaten"):
    harm to people is violence whatever other words the text uses."""
    people = ontology.cue("civilian") | ontology.cue("crowd") | ontology.cue("people_words")
    hit = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if head.pos_ == "NOUN":
        hit += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "against") for g in c.children]
    return any(t.lemma_.lower() in people or t.lower_ in people for t in hit)


def _troops_marching(head) -> bool:
    """Return True for "march" done by soldiers or armed forces."""
    if head.lemma_.lower() != "march" or head.pos_ != "VERB":
        return False
    verb = head.head if head.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in head.children) else head
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in ontology.cue("organized_armed") or any(
        g.lemma_.lower() in ontology.cue("organized_armed") for g in c.children if g.dep_ in ("compound", "amod")))
        for c in verb.children)


def _protest_sense(head) -> bool:
    """Return True for "demonstrated" with no object: people protesting, not showing something."""
    return head.lemma_.lower() == "demonstrate" and head.pos_ == "VERB" and not any(
        c.dep_ in ("dobj", "ccomp", "attr") for c in head.children)


def _people_subject(head) -> bool:
    """Return True when the trigger verb's subject names people ("market sellers demonstrated")."""
    people = ontology.cue("crowd") | ontology.cue("protest")
    return head.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and (c.lemma_.lower() in people or c.lower_ in people) for c in head.children)


def _phrase_head(toks):
    """Return the token of `toks` whose head lies outside them (the syntactic head)."""
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def _background(head, sent, ref_year: Optional[int]) -> bool:
    """Return True when the mention sits in a clause about an earlier time ("since 2017, when ...")."""
    for anc in [head, *head.ancestors]:
        if anc.lower_ in ("since",) and anc.dep_ == "prep":
            return True
        if anc.dep_ == "pobj" and anc.head.lower_ == "since":
            return True
    sent_text = sentence_text(sent)
    if re.search(r"\bsince (?:the )?(?:19|20)\d\d\b", sent_text, re.I):
        # "since 2017, when a general was killed ...": the when-clause is history
        for anc in [head, *head.ancestors]:
            if any(c.lower_ == "when" and c.dep_ == "advmod" for c in anc.children):
                return True
    if ref_year is None:
        return False
    years = [int(y) for y in YEAR.findall(sent_text)]
    if years and max(years) < ref_year:
        return True
    text = sent_text.lower()
    return any(p in text for p in ("years ago", "last year", "a year ago", "decade ago"))


def _figurative_use(head) -> bool:
    """Return True when a force word is used of something else: "ransomware attack", "protests exploding"."""
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in ontology.cue("not_force_modifier")
           for c in head.children):
        return True
    if head.pos_ != "VERB":
        return False
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if head.dep_ == "acl":  # "with protests exploding": the noun it modifies is its subject
        subjects.append(head.head)
    return any(t.lemma_.lower() in ontology.cue("figurative_subject") or t.lower_ in ontology.cue("figurative_subject")
               for t in subjects)


def _framed(head) -> bool:
    """Return True when the mention only sets the scene ("amid ongoing fighting", "as battles continue")."""
    frame = ontology.cue("background_frame")
    if any(c.lemma_.lower() in frame for c in head.children if c.dep_ in ("amod", "advmod")):
        return True
    return any(a.lemma_.lower() in frame for a in head.ancestors if a.head.i != a.i)


def _expected(head) -> bool:
    """Return True for a protest that is only expected or headed off ("deployed in anticipation of protests")."""
    return any(a.lemma_.lower() in ontology.cue("expected_frame") for a in head.ancestors if a.head.i != a.i)


def _reference_year(article: Article) -> Optional[int]:
    """Return the year the report is written in: from `published`, else the first year in the text."""
    if article.published and YEAR.match(article.published[:4]):
        return int(article.published[:4])
    m = re.search(r"\b\d{1,2}/\d{1,2}/(\d{4})\b", article.text[:200]) or YEAR.search(article.text[:300])
    if m:
        return int(m.group(1))
    # a report is written no earlier than the latest year it names
    years = [int(y) for y in YEAR.findall(article.text)]
    return max(years) if years else None


def _candidates(article: Article) -> list[Candidate]:
    """Return every trigger match that survives the precision checks, in text order."""
    singles, phrases = _lexicon()
    keys = singles.keys() | phrases.keys()
    ref_year = _reference_year(article)
    out: list[Candidate] = []
    primed = False
    short = mentions.short_text(article.text)
    whole = Bag.of_doc(article.doc) if short else None
    words = doc_words(article.doc)  # (lemma, word, ...) of every token: no Token built to skip one
    for si, sent in enumerate(article.doc.sents):
        # a short report (an ACLED note, a GTD summary) is one story: its words are one context;
        # a sentence's own bag is built when a trigger asks for its context
        bag = whole
        used: set[int] = set()
        aftermath: set[int] = set()
        for i in range(len(sent)):
            lem, low = words[sent.start + i][:2]
            if i in used or not keys.intersection((lem, low, low[:-1], low[:-2])):
                continue  # no entry under any form `reading` may give: not a trigger
            tok = sent[i]
            if tok.is_space or tok.is_punct:
                continue
            lem, pos = mentions.reading(tok, lem, singles)
            found = None
            for e in phrases.get(lem, []) + phrases.get(tok.lower_, []):
                idx = _match_phrase(sent, i, e["words"])
                if idx and not used.intersection(idx):
                    span = [sent[k] for k in idx]
                    bag = bag or Bag.of_span(sent)
                    if _context_ok(e, _phrase_head(span), bag) and fires(e["id"]):
                        found = (e, span, idx)
                        break
            if found is None:
                if tok.dep_ in ("compound", "amod") and tok.head.i != tok.i and tok.pos_ != "VERB" and not (
                        lem in ("protest", "demonstration") and tok.head.lemma_.lower() not in singles
                        and tok.head.lemma_.lower() not in ("leader", "organizer", "organiser", "group", "movement", "song", "vote", "letter")):
                    if mentions.event_head(tok):
                        pass  # "shooting incidents", "a stabbing spree": the compound names the attack
                    elif tok.pos_ != "NOUN" or tok.head.lemma_.lower() not in ontology.cue("aftermath_heads"):
                        continue  # "assault rifle", "protest leader"; but "protest procession" is a protest
                    else:
                        aftermath.add(tok.i)  # "the bombing suspect", "the attack site": a mention, not a report
                # the tagger's lemma can be wrong ("raped" -> "rap"): an entry for the word form is tried too
                for e in singles.get(lem, []) + (singles.get(tok.lower_, []) if tok.lower_ != lem else []):
                    bag = bag or Bag.of_span(sent)
                    if pos in e["pos"] and _context_ok(e, tok, bag, primed, loose=primed and not short) and fires(e["id"]):
                        found = (e, [tok], [i])
                        break
            if found is None:
                continue
            entry, span, idx = found
            head = _phrase_head(span)
            used.update(range(idx[0], idx[-1] + 1))
            past = _background(head, sent, ref_year)
            if negated(head) or (past and (short or entry["type"] != "ASSAULT")):
                continue
            if not short and entry["type"] == "ASSAULT" and mentions.not_an_attack(span, head, sent):
                continue
            if entry["type"] == "ASSAULT" and _figurative_use(head):
                continue
            if entry["type"] == "PROTEST" and _troops_marching(head):
                continue  # "government forces marched into the district" is an advance, not a protest
            # "claimed responsibility for the bombing" restates an attack: kept as a mention, never coded
            claimed = entry["type"] == "ASSAULT" and (claimed_act(head) or head.i in aftermath or past)
            if entry["type"] == "ASSAULT" and entry.get("mode") != "sexual" and Bag(clause_tokens(head)).cue("crowd_control"):
                # "police fired tear gas at the crowd" reports a protest met by police
                entry = dict(entry, type="PROTEST", mode="demonstrate")
            elif not short and entry.get("mode") == "clash" and mentions.demonstrators_clash(head):
                entry = dict(entry, type="PROTEST", mode="riot")  # protesters fighting police riot; they do not attack
            status = mention_status(head, span, entry)
            supposed = status is None and not short and entry["type"] == "ASSAULT"
            if supposed:  # "if you shoot it down": a full article's supposed attack is named, not coded
                status, claimed = "unknown", True
            if status is None:
                continue
            definite = head.pos_ == "NOUN" and any(
                c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in head.children)
            framed = (entry["type"] == "ASSAULT" and _framed(head)) or (entry["type"] == "PROTEST" and _expected(head))
            out.append(Candidate(span, entry, si, sent, status, definite, claimed, framed))
            primed = primed or (entry["type"] == "ASSAULT" and not (past or supposed) and (not claimed or not short))
    return out


def _same_time(sent) -> list:
    """Return the sentence's tokens without its "after ..." and "since ..." clauses and phrases (earlier news)."""
    skip = {t.i for c in sent for t in c.subtree if (c.dep_ == "prep" and c.lower_ in ("after", "following", "since")) or (
        c.dep_ in ("advcl", "conj") and any(m.dep_ == "mark" and m.lower_ in ("after", "since") for m in c.children))}
    return [t for t in sent if t.i not in skip]


def _failed_defusal(head) -> bool:
    """Return True for a defusal the device cut short ("the bomb went off as police tried to defuse it")."""
    tok = head
    while tok.dep_ in ("xcomp", "advcl", "conj") and tok.head.i != tok.i:
        if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("as", "while", "when") for m in tok.children):
            return tok.head.lemma_.lower() in ("detonate", "explode", "blow", "go")
        tok = tok.head
    return False


ARMS_TAKEN = {"seize", "capture", "confiscate", "destroy", "dismantle", "find", "discover"}
FIGHT_VERBS = ontology.cue("killing_verbs") | {"attack", "ambush", "clash"}
ENDING_VERBS = {"break", "disperse", "quell", "stop", "prevent", "end", "suppress", "crush", "halt"}


def _protest_aside(head, sent) -> bool:
    """Return True for a protest named only as what forces were sent to end ("to break up the protest")."""
    tok = head
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ == "VERB" and tok.dep_ in ("advcl", "xcomp") and tok.lemma_.lower() in ENDING_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return True
    return False


def _priority(c: Candidate) -> float:
    """Return the within-sentence rank of a candidate's type and mode."""
    key = (c.entry["type"], c.entry.get("mode"))
    if c.framed:
        return SENTENCE_PRIORITY["AGREE"] - 0.5  # a deployment or a truce "amid fighting" is the news
    if key == ("AGREE", "agree") and (lambda b: b.cue("ceasefire") or b.cue("organized_armed") or b.cue("prisoners"))(Bag.of_span(c.sent)):
        return SENTENCE_PRIORITY["AGREE"]  # an agreement between armed parties is news ACLED records
    if c.entry["type"] == "ASSAULT" and c.entry["lemma"] == "operation":
        return SENTENCE_PRIORITY["COERCE"] - 0.5  # arrests or seizures made in an operation are its news
    if key == ("COERCE", "defuse") and c.entry["lemma"] == "destroy" and Bag.of_span(c.sent).cue("strike_words"):
        return SENTENCE_PRIORITY["COERCE"]  # arms destroyed beside an attack are its damage, not a defusal
    if c.entry["lemma"] in ARMS_TAKEN and key in (("COERCE", "defuse"), ("COERCE", "intercept")) and fires("order.arms_taken_in_fight", any(
            t.pos_ == "VERB" and t.lemma_.lower() in FIGHT_VERBS for t in _same_time(c.sent)) or Bag(_same_time(c.sent)).cue("fire_fight")):
        return SENTENCE_PRIORITY["COERCE"]  # "killed four militants and seized their arms": the fight is the news
    if c.entry["type"] == "PROTEST" and _protest_aside(_phrase_head(c.tokens), c.sent):
        return SENTENCE_PRIORITY["ASSAULT"] - 0.5  # "grenades hurled at troops sent to break up the protest"
    if key == ("COERCE", "defuse") and (_failed_defusal(_phrase_head(c.tokens)) or (
            lambda b: b.cue("explosion_words") and b.cue("casualty"))(Bag(_same_time(c.sent)))):
        return SENTENCE_PRIORITY["COERCE"]  # a device that went off and killed is the news, not the ones found
    return PRIORITY_BY_MODE.get(key, SENTENCE_PRIORITY.get(c.entry["type"], 1))


def _to_event(article: Article, c: Candidate, mode: Optional[str], status: str) -> Event:
    """Return an Event for candidate `c` (id set later)."""
    start, end = c.tokens[0].idx, c.tokens[-1].idx + len(c.tokens[-1].text)
    s = c.sent
    s_start, s_end = s.start_char, s.end_char
    conf = min(0.95, 0.35 + 0.18 * c.entry["weight"])
    return Event(id="", type=c.entry["type"], trigger=Span(article.text[start:end], start, end),
                 mode=mode, status=status, confidence=conf,
                 sentence=Span(article.text[s_start:s_end], s_start, s_end))


def _headline(article: Article, sent) -> bool:
    """Return True when `sent` is a headline line: the text's first line, ending without a full stop."""
    line_end = article.text.find("\n")
    if sent.start_char > 0 or line_end < 0 or article.text[line_end:sent.end_char].strip():
        return False
    return article.text[:line_end].rstrip()[-1:] not in ".!?\"\u201d:"


FORCE_TYPES = {"ASSAULT"}
FORCE_MODES = {("COERCE", "intercept"), ("COERCE", "defuse"), ("PROTEST", "riot"), ("PROTEST", "mob")}


def _figurative_page(article: Article) -> bool:
    """Return True when the article is about sport or a game rather than violence: it names
    at least three words of that field and more of them than words of real violence."""
    bag = Bag.of_doc(article.doc)
    field = sum(1 for w in ontology.cue("sport_or_game") if bag.has(w))
    force = sum(1 for w in ontology.cue("hard_violence") if bag.has(w))
    return field >= 3 and field > 2 * force


def _other_mentions(best: Candidate, group: list[Candidate]) -> list[Candidate]:
    """Return the attack nouns of an ASSAULT sentence group besides its leading trigger, one per word."""
    if best.entry["type"] != "ASSAULT":
        return []
    seen = {_phrase_head(best.tokens).lemma_.lower()}
    taken = {t.i for t in best.tokens}
    out = []
    for c in group:
        head = _phrase_head(c.tokens)
        if c is best or c.entry.get("casualty") or head.pos_ != "NOUN" or head.lemma_.lower() in seen:
            continue
        if taken & {t.i for t in c.tokens} or head.head.i in taken:
            continue
        seen.add(head.lemma_.lower())
        out.append(c)
    return out


def find_events(article: Article) -> list[Event]:
    """Return the article's events (ids e1, e2, ...), main event first."""
    if article.doc is None:
        return []
    cands = _candidates(article)
    if cands and _figurative_page(article):
        # "attacked the ball", "shot down every doubt": the words of force are the field's idiom
        cands = [c for c in cands if c.entry["type"] not in FORCE_TYPES
                 and (c.entry["type"], c.entry.get("mode")) not in FORCE_MODES]
    # one event per type per sentence: several triggers there name the same happening
    groups: dict[tuple[int, str], list[Candidate]] = {}
    for c in cands:
        groups.setdefault((c.sent_index, c.entry["type"]), []).append(c)
    picked: list[tuple[Candidate, list[Candidate], list[Candidate]]] = []
    seen_types: set[str] = set()
    for (si, typ), group in sorted(groups.items()):
        named = [c for c in group if not c.framed]  # a claimed noun beside the reported act is still named
        # a scene-setting or claimed mention yields to the reported act beside it
        group = [c for c in group if not (c.claimed or c.framed)] or group
        best = max(group, key=lambda c: (not c.claimed, c.entry["weight"], -c.tokens[0].i))
        # "two were killed", after an attack was reported, counts that attack's victims
        if typ == "ASSAULT" and typ in seen_types and all(c.entry.get("casualty") for c in group):
            continue
        seen_types.add(typ)
        picked.append((best, group, named))
    events = []
    for best, group, named in picked:
        modes = [c.entry.get("mode") for c in group if c.entry.get("mode")]
        # the leading trigger's own mode ("exchanged fire": a clash) beats a weaker word's
        mode = min(modes, key=ontology.mode_rank) if modes else None
        if best.entry.get("mode") in ("clash", "capture"):
            mode = best.entry["mode"]
        if best.entry.get("mode") and best.entry["type"] != "ASSAULT":
            mode = best.entry["mode"]
        statuses = {c.status for c in group}
        status = "attempted" if "attempted" in statuses else best.status
        ev = _to_event(article, best, mode, status)
        ev._claimed = best.claimed
        # a headline restates the lead in fewer words: the body's sentence carries the arguments
        order = len(article.text) + best.sent_index if _headline(article, best.sent) else best.sent_index
        ev._rank = (2 if best.claimed else 0 if ev.type in PHYSICAL and _priority(best) > 0 else 1, order,
                    -_priority(best), -best.entry["weight"])
        events.append(ev)
        for other in _other_mentions(best, named):
            # "the bombings ... the explosion": each attack noun is a mention a reader can check;
            # it restates what the sentence's main trigger reports, so it is not coded again
            mention = _to_event(article, other, mode, status)
            mention._claimed, mention._aside = True, other.claimed
            mention._rank = (2, best.sent_index, 0, -other.entry["weight"])
            events.append(mention)
    if mentions.full_article(article.text):
        events = mentions.drop_restatements(article, mentions.drop_preparations(article, mentions.drop_headings(article.text, events)))
        events = mentions.drop_references(article, events)
    events.sort(key=lambda e: e._rank)
    for n, ev in enumerate(events, 1):
        ev.id = f"e{n}"
        del ev._rank
    return labels.add_label_event(article, events)
