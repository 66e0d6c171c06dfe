"""Events: find the events an article reports, and code them in ACLED and GTD terms.

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

from . import ontology
from .records import Article, Event, Span

PHYSICAL = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AGREE", "RETREAT"}
# Which event leads when several types share a sentence: a protest met by police is
# coded as the protest; an interception outranks the attack it stopped.
SENTENCE_PRIORITY = {"PROTEST": 6, "ASSAULT": 5, "COERCE": 4, "MOBILIZE": 3, "AGREE": 2, "RETREAT": 2}
PRIORITY_BY_MODE = {("COERCE", "intercept"): 5.5, ("COERCE", "defuse"): 5.5, ("PROTEST", "mob"): 4.5,
                    ("COERCE", "curfew"): 0, ("AGREE", "agree"): 0, ("RETREAT", "flee"): 0}
DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her"}
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


class Bag:
    """Words of a stretch of text, for cue look-ups by lemma, word or phrase."""

    def __init__(self, tokens):
        toks = [t for t in tokens if not t.is_space]
        self.lemmas = {t.lemma_.lower() for t in toks}
        self.words = {t.lower_ for t in toks}
        self.tagged = {f"{t.lemma_.lower()}:{t.pos_}" for t in toks}
        self.lemma_text = " " + " ".join(t.lemma_.lower() for t in toks) + " "
        self.word_text = " " + " ".join(t.lower_ for t in toks) + " "

    def has_any(self, words) -> bool:
        """Return True when any cue word or phrase of `words` occurs."""
        return any(self.has(w) for w in words)

    def has(self, w: str) -> bool:
        """Return True when cue `w` (a word, `lemma:POS`, or a phrase) occurs."""
        if ":" in w:
            return w in self.tagged
        if " " in w:
            return f" {w} " in self.lemma_text or f" {w} " in self.word_text
        return w in self.lemmas or w in self.words

    def cue(self, name: str) -> bool:
        """Return True when any word of ontology cue list `name` occurs."""
        return self.has_any(ontology.cue(name))


@dataclass
class Candidate:
    """A trigger match before merging: the tokens, its lexicon entry and its status."""

    tokens: list
    entry: dict
    sent_index: int
    sent: object
    status: str
    definite: bool


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
    return singles, phrases


def _tok_is(tok, word: str) -> bool:
    return tok.lemma_.lower() == word or tok.lower_ == word


def _match_phrase(sent_toks, i: int, words: list[str]) -> Optional[list[int]]:
    """Return the token indexes of phrase `words` starting at i, allowing one ADJ/DET/ADV gap."""
    idx = [i]
    j = i + 1
    for w in words[1:]:
        if j < len(sent_toks) and _tok_is(sent_toks[j], w):
            idx.append(j)
            j += 1
        elif (j + 1 < len(sent_toks) and sent_toks[j].pos_ in ("ADJ", "DET", "ADV")
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
    return out


def _context_ok(entry: dict, head, bag: Bag) -> bool:
    """Return True when the entry's required context is present and its blocking context is not."""
    if "with" in entry and not (_near_lemmas(head) & set(entry["with"])):
        return False
    if "ctx" in entry and not bag.cue(entry["ctx"]):
        return False
    nctx = entry.get("nctx")
    if nctx:
        if nctx == "crime":
            return not bag.cue("crime")
        if bag.cue(nctx) and not (bag.cue("weapons") or bag.cue("armed")):
            return False
    return True


def _phrase_head(toks):
    """Return the token of `toks` whose head lies outside them (the syntactic head)."""
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def _negated(head) -> bool:
    """Return True when the trigger is negated ("did not attack", "no shots were fired")."""
    for c in head.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "det" and c.lower_ in ("no", "neither"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                c.lower_ in ("nobody", "none", "nothing")
                or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)):
            return True
    if head.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and head.head.pos_ in ("VERB", "AUX"):
        return any(c.dep_ == "neg" for c in head.head.children)
    return False


def _clause_chain(head, depth: int = 3):
    """Yield the governing words of `head` up through clause links, nearest first."""
    tok = head
    for _ in range(depth):
        if tok.head.i == tok.i:
            return
        if tok.dep_ not in ("xcomp", "ccomp", "pobj", "prep", "dobj", "acl", "advcl", "compound", "conj", "nsubjpass", "nsubj"):
            return
        tok = tok.head
        yield tok


def _status(head, toks, entry: dict) -> Optional[str]:
    """Return the event's status, or None when the mention is hypothetical or only threatened."""
    if entry["type"] == "THREATEN":
        return "threatened"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in head.children):
        return None
    status = "occurred"
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ontology.cue("modal") and a.lower_ not in ("would",) for a in auxes):
        return None
    if any(a.lower_ in ("will", "'ll", "shall") for a in auxes):
        status = "planned"
    lemmas_in = {t.lemma_.lower() for t in toks}
    attempt = ontology.cue("attempt")
    near = {c.lemma_.lower() for c in head.children if c.dep_ in ("amod", "compound", "advmod", "nsubj", "dobj")}
    for gov in _clause_chain(head):
        g = gov.lemma_.lower()
        if g in ontology.cue("threat"):
            return None
        if g in ontology.cue("plan") and head.dep_ in ("xcomp",) or g == "plan" and head.dep_ in ("pobj", "xcomp", "dobj"):
            status = "planned"
        if g in ontology.cue("modal"):
            return None
        if g in ontology.cue("denial") and head.pos_ == "VERB" and head.dep_ in ("ccomp", "xcomp"):
            return "denied"
        if g in attempt:
            return "attempted"
        near.update(c.lemma_.lower() for c in gov.children if c.dep_ in ("amod", "compound"))
    if (lemmas_in | near) & attempt:
        return "attempted"
    if head.dep_ == "pobj" and head.head.lemma_.lower() == "of" and head.head.head.lemma_.lower() in ("threat", "risk", "fear", "danger", "possibility"):
        return None
    return status


def _background(head, sent, ref_year: Optional[int]) -> bool:
    """Return True when the mention sits in a clause about an earlier time ("since 2017, when ...")."""
    for anc in [head, *head.ancestors]:
        if anc.lower_ in ("since",) and anc.dep_ == "prep":
            return True
        if anc.dep_ == "pobj" and anc.head.lower_ == "since":
            return True
    if ref_year is None:
        return False
    years = [int(y) for y in YEAR.findall(sent.text)]
    if years and max(years) < ref_year:
        return True
    text = sent.text.lower()
    return any(p in text for p in ("years ago", "last year", "a year ago", "decade ago"))


def _reference_year(article: Article) -> Optional[int]:
    """Return the year the report is written in: from `published`, else the first year in the text."""
    if article.published and YEAR.match(article.published[:4]):
        return int(article.published[:4])
    m = re.search(r"\b\d{1,2}/\d{1,2}/(\d{4})\b", article.text[:200]) or YEAR.search(article.text[:300])
    return int(m.group(1)) if m else None


def _candidates(article: Article) -> list[Candidate]:
    """Return every trigger match that survives the precision checks, in text order."""
    singles, phrases = _lexicon()
    ref_year = _reference_year(article)
    out: list[Candidate] = []
    for si, sent in enumerate(article.doc.sents):
        toks = [t for t in sent]
        bag = Bag(toks)
        used: set[int] = set()
        for i, tok in enumerate(toks):
            if i in used or tok.is_space or tok.is_punct:
                continue
            lem = tok.lemma_.lower()
            found = None
            for e in phrases.get(lem, []) + phrases.get(tok.lower_, []):
                idx = _match_phrase(toks, i, e["words"])
                if idx and not used.intersection(idx):
                    span = [toks[k] for k in idx]
                    if _context_ok(e, _phrase_head(span), bag):
                        found = (e, span, idx)
                        break
            if found is None:
                if tok.dep_ in ("compound", "amod") and tok.head.i != tok.i and tok.pos_ != "VERB":
                    continue
                for e in singles.get(lem, []):
                    if tok.pos_ in e["pos"] and _context_ok(e, tok, bag):
                        found = (e, [tok], [i])
                        break
            if found is None:
                continue
            entry, span, idx = found
            head = _phrase_head(span)
            used.update(range(idx[0], idx[-1] + 1))
            if _negated(head) or _background(head, sent, ref_year):
                continue
            status = _status(head, span, entry)
            if status is None:
                continue
            definite = head.pos_ == "NOUN" and any(
                c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in head.children)
            out.append(Candidate(span, entry, si, sent, status, definite))
    return out


def _priority(c: Candidate) -> float:
    """Return the within-sentence rank of a candidate's type and mode."""
    key = (c.entry["type"], c.entry.get("mode"))
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


def find_events(article: Article) -> list[Event]:
    """Return the article's events (ids e1, e2, ...), main event first."""
    if article.doc is None:
        return []
    cands = _candidates(article)
    # one event per type per sentence: several triggers there name the same happening
    groups: dict[tuple[int, str], list[Candidate]] = {}
    for c in cands:
        groups.setdefault((c.sent_index, c.entry["type"]), []).append(c)
    picked: list[tuple[Candidate, list[Candidate]]] = []
    seen_types: dict[str, int] = {}
    for (si, typ), group in sorted(groups.items()):
        best = max(group, key=lambda c: (c.entry["weight"], -c.tokens[0].i))
        # a later "the attack" restates an event already reported: count it, don't repeat it
        if all(c.definite for c in group) and typ in seen_types and typ in PHYSICAL:
            continue
        seen_types[typ] = si
        picked.append((best, group))
    events = []
    for best, group in picked:
        modes = [c.entry.get("mode") for c in group if c.entry.get("mode")]
        mode = min(modes, key=ontology.mode_rank) if modes else None
        if best.entry.get("mode") and best.entry["type"] != "ASSAULT":
            mode = best.entry["mode"]
        statuses = {c.status for c in group}
        status = "attempted" if "attempted" in statuses else best.status
        ev = _to_event(article, best, mode, status)
        ev._rank = (0 if ev.type in PHYSICAL and _priority(best) > 0 else 1, best.sent_index,
                    -_priority(best), -best.entry["weight"])
        events.append(ev)
    events.sort(key=lambda e: e._rank)
    for n, ev in enumerate(events, 1):
        ev.id = f"e{n}"
        del ev._rank
    return events


# ---------------------------------------------------------------- coding


def _context_bag(article: Article, ev: Event, following: int = 2) -> Bag:
    """Return a Bag over the event's sentence and the `following` sentences after it."""
    doc = article.doc
    if ev.sentence is None:
        return Bag(doc)
    sents = list(doc.sents)
    k = next((i for i, s in enumerate(sents) if s.start_char <= ev.trigger.start < s.end_char), 0)
    toks = [t for s in sents[k:k + 1 + following] for t in s]
    return Bag(toks)


def _sentence_bag(article: Article, ev: Event) -> Bag:
    """Return a Bag over the event's own sentence."""
    return _context_bag(article, ev, 0)


def _refine_mode(ev: Event, bag: Bag) -> Optional[str]:
    """Return the most specific violent mode the context supports, keeping a specific trigger mode."""
    generic = {None, "explosives", "firearms", "beat", "melee"}
    if ev.mode not in generic:
        return ev.mode
    for mode, words in ontology.mode_cues():
        if ontology.mode_rank(mode) >= ontology.mode_rank(ev.mode):
            break
        if bag.has_any(words):
            return mode
    return ev.mode


def _trigger_token(article: Article, ev: Event):
    """Return the spaCy token at the start of the event's trigger."""
    span = article.doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


def _patient_words(head) -> set[str]:
    """Return lemmas of what the trigger was done to (object, passive subject, 'on/against' object)."""
    out: set[str] = set()
    for c in head.children:
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "with", "between")):
            out.update(t.lemma_.lower() for t in c.subtree)
    if head.dep_ in ("acl", "relcl") or (head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj")):
        pass
    return out


def _battle_or_civilians(ev: Event, head, bag: Bag) -> tuple[str, str]:
    """Return ACLED Battles/Armed clash or Violence against civilians/Attack for a direct attack."""
    armed, unarmed = ontology.armed_kinds(), ontology.unarmed_kinds()
    if any(t.kind in armed for t in ev.targets):
        return ("Battles", "Armed clash")
    if any(t.kind in unarmed for t in ev.targets):
        return ("Violence against civilians", "Attack")
    if ev.mode == "clash" or bag.cue("clash"):
        return ("Battles", "Armed clash")
    patient = _patient_words(head) if head is not None else set()
    if patient & ontology.cue("armed"):
        return ("Battles", "Armed clash")
    return ("Violence against civilians", "Attack")


def _code_protest(ev: Event, bag: Bag) -> tuple[str, str]:
    """Return the ACLED Protests or Riots sub-event for a protest, from what happened around it."""
    if ev.mode == "mob" or bag.cue("mob"):
        return ("Riots", "Mob violence")
    if ev.mode == "riot" or bag.cue("riot"):
        return ("Riots", "Violent demonstration")
    if bag.has_any(("live ammunition", "live round", "live bullet")) or (
            bag.has_any(("kill", "killed", "shoot dead", "shot dead")) and bag.cue("armed")):
        return ("Protests", "Excessive force against protesters")
    if bag.cue("intervention"):
        return ("Protests", "Protest with intervention")
    return ("Protests", "Peaceful protest")


def _code_acled(article: Article, ev: Event) -> Optional[tuple[str, str]]:
    """Return the (ACLED event type, sub-event type) of one event, or None when ACLED would not code it."""
    near = _context_bag(article, ev, 2 if len(article.text) > 600 else 5)
    sent = _sentence_bag(article, ev)
    if ev.type == "ASSAULT":
        head = _trigger_token(article, ev)
        if ev.mode == "capture":
            gov = any(a.kind in ("military", "government", "police") for a in ev.actors) or sent.cue("recapture")
            return ("Battles", "Government regains territory" if gov else "Non-state actor overtakes territory")
        if ev.mode == "arson":
            if sent.cue("casualty"):
                return ("Violence against civilians", "Attack")
            return ("Strategic developments", "Looting/property destruction")
        if ev.mode in (None, "firearms", "melee", "beat", "vehicle", "clash") and near.cue("mob"):
            return ("Riots", "Mob violence")
        pair = ontology.acled_for("ASSAULT", ev.mode)
        if pair and ev.mode not in (None, "firearms", "melee", "beat", "vehicle", "clash"):
            return pair
        return _battle_or_civilians(ev, head, sent)
    if ev.type == "PROTEST":
        return _code_protest(ev, near)
    if ev.type == "COERCE" and ev.mode in ("arrest", "raid") and sent.cue("crime"):
        return None
    return ontology.acled_for(ev.type, ev.mode)


def _code_gtd(article: Article, ev: Event) -> dict[str, str]:
    """Return the GTD attack and weapon type of an ASSAULT."""
    sent = _sentence_bag(article, ev)
    mode = ev.mode
    attack = ontology.gtd_attack_for(mode)
    if mode == "hostage" and sent.has_any(("kidnap", "abduct", "kidnapping", "abduction")):
        attack = "Hostage Taking (Kidnapping)"
    if sent.cue("assassination") and mode not in ("abduct", "hostage", "hijack"):
        attack = "Assassination"
    weapon = ontology.gtd_weapon_for(mode)
    if weapon == "Unknown":
        for m, words in ontology.mode_cues():
            if m in ("firearms", "melee", "arson", "explosives") and sent.has_any(words):
                weapon = ontology.gtd_weapon_for(m)
                break
    return {"attack_type": attack, "weapon_type": weapon}


def code_events(article: Article, events: list[Event]) -> None:
    """Set `acled` (and `gtd` for attacks) on each event from its type, mode, arguments and context."""
    if article.doc is None:
        return
    for ev in events:
        if ev.type == "ASSAULT":
            ev.mode = _refine_mode(ev, _context_bag(article, ev, 1 if len(article.text) > 600 else 5))
        pair = _code_acled(article, ev)
        ev.acled = {"event_type": pair[0], "sub_event_type": pair[1]} if pair else None
        ev.gtd = _code_gtd(article, ev) if ev.type == "ASSAULT" else None
