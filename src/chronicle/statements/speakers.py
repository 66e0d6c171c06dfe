"""Speakers and intermediaries: the words naming who speaks, the names they stand for, and via chains."""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple, Optional

from ..records import Actor, Article, Statement
from .quotes import contiguous, in_quote, span_of, subtree_without
from .cuewords import Found, cues, is_media
from ..normalise.names import country_of_word

SUBJECT_DEPS = ("nsubj", "csubj", "expl")


def speaker_tokens(head) -> list:
    """Return the tokens that name a speaker headed by `head`, without clauses around it."""
    # "Its spokesman, Abu Ali al-Askari, said": the role and the name after it are one speaker
    named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > head.i
                  and head.ent_type_ != "PERSON"), None)
    drop = [c for c in head.children if c.dep_ in ("relcl", "acl", "advcl", "cc", "conj")
            or (c.dep_ == "punct" and c.text in (",", ";", ":", "—", "–")
                and not (named is not None and head.i < c.i < named.left_edge.i))
            or (c.dep_ == "appos" and c.ent_type_ not in ("PERSON", "ORG"))
            or (c.dep_ == "prep" and c.i > head.i and c.lower_ in ("in", "during", "on", "at"))]
    toks = contiguous(subtree_without(head, drop), head)
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
    # a name the sentence splitter cut in two ("Kata’ib | Hezbollah"), or whose first word the parser
    # hung on the verb ("Kata'ib" as an adverbial of "rejected"), is joined again
    doc = head.doc
    while toks and toks[0].i > 0 and _split_name(doc[toks[0].i - 1], toks[0]):
        toks.insert(0, doc[toks[0].i - 1])
    return toks or [head]


def _split_name(prev, first) -> bool:
    """Tell whether proper noun `prev`, right before `first`, is the first word of the same name."""
    if prev.pos_ != "PROPN" or first.pos_ != "PROPN" or prev.whitespace_ != " ":
        return False
    return prev.sent.start != first.sent.start or (
        prev.dep_ in ("npadvmod", "dep", "nmod") and prev.head.i != first.i and prev.left_edge.i == prev.i
        and prev.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "CARDINAL", "ORDINAL"))


def subject_of(verb):
    """Return the subject token of `verb`, looking through 'saying', conjuncts and xcomps."""
    v = verb
    own = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.tag_ not in ("WDT", "WP")]
    if verb.tag_ == "VBG" and own:
        return own[-1]  # "with Trump calling for a ban": the participle's own subject says it
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj", "pcomp"):
        # "X said A, saying B": the one saying is the subject of the main verb of saying
        h = verb.head
        for _ in range(4):
            if h.lemma_.lower() in cues()["verbs"] or h.dep_ == "ROOT" or h.head.i == h.i:
                break
            if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and h.pos_ in ("VERB", "AUX") \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
                break  # "X, who stirred Y by questioning Z": 'by' gives the means of the clause it hangs on
            h = h.head
        v = h
    for _ in range(4):
        subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl"]
        if subjects:
            # two subjects is a parse across a line break ("5:45 p.m.\n\nHis doctor is calling"): the nearest
            left = [c for c in subjects if c.i < v.i]
            right = [c for c in subjects if c.i > v.i]
            if right and v.i > 0 and (v.doc[v.i - 1].is_quote or v.doc[v.i - 1].text == ","):
                return right[0]  # '“...,” said X': a tag that opens with its verb has its subject after it
            subj = left[-1] if left else subjects[0]
            if v.i != verb.i and verb.tag_ in ("VB", "VBG") and subj.lower_ in ("it", "that", "this") \
                    and v.lemma_.lower() in ("be", "mean"):
                return None  # "it is important to note", "it means admitting": no one is named as saying it
            return subj
        agent = [c for c in v.children if c.dep_ == "agent"]
        if agent:
            objs = [c for c in agent[0].children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
        if v.dep_ in ("conj", "xcomp", "advcl", "acl") and v.head.i != v.i:
            if v.dep_ == "acl":
                return _channel_owner(v.head) or v.head
            v = v.head
            continue
        if v.dep_ == "relcl":
            return v.head
        break
    if verb.tag_ == "VBG" or verb.dep_ in ("xcomp", "advcl"):
        root = verb.sent.root  # a participle far from its clause: the sentence's subject says it
        return next((c for c in root.children if c.dep_ == "nsubj"), None)
    if verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ == "ROOT":
        return _subject_before(verb)
    return None


def _subject_before(verb):
    """Return the noun phrase right before a finite verb that the parser hung on an earlier phrase
    ("In a note to X, Y, head of Z, recounted ..."), or None."""
    doc, k = verb.doc, verb.i - 1
    while k >= verb.sent.start and (doc[k].dep_ in ("advmod", "neg") and doc[k].head.i == verb.i or doc[k].text == ","):
        k -= 1
    if k < verb.sent.start or doc[k].pos_ not in ("NOUN", "PROPN", "PRON") and doc[k].dep_ not in ("pobj", "appos"):
        return None
    t = doc[k]
    while t.dep_ not in ("appos", "conj") and t.head.i < verb.i and t.head.i != t.i:
        t = t.head
    while t.dep_ == "appos" and t.head.dep_ == "appos":
        t = t.head  # "Y, head of Z": the name with its role
    return t if t.pos_ in ("NOUN", "PROPN", "PRON") and t.head.i != verb.i else None


def _channel_owner(noun):
    """Return who issued a channel a participle hangs on ("his statement saying", "X issued a statement saying"), or None."""
    if noun.lemma_.lower() not in cues()["nouns"]:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    if noun.dep_ == "dobj":
        return next((c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.head.i), None)
    return None


def channels(head, f: Found, data) -> None:
    """Fill via and the possessor-speaker from 'in X's tweet', 'in an interview with Y'."""
    for prep in [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "through", "on", "via")]:
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            noun = obj.lemma_.lower()
            if noun not in data["nouns"]:
                if prep.lower_ == "through" and (obj.ent_type_ == "PERSON" or noun in data["person_roles"]):
                    # "spoke through its Secretary-General X", "through the spokesman X's statement"
                    names = [t for t in obj.subtree if t.pos_ == "PROPN" and t.dep_ in ("poss", "appos", "pobj")]
                    f.name_from = span_of(speaker_tokens(names[0] if names else obj))
                continue
            poss = [c for c in obj.children if c.dep_ == "poss" and c.lower_ not in ("his", "her", "its", "their")]
            if poss:
                f.name_from = span_of(speaker_tokens(poss[0]))
            with_ = [p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                     for p in c.children if p.dep_ == "pobj"]
            if with_:
                f.via.append(span_of(speaker_tokens(with_[0])))
            elif noun in data["channel_nouns"]:
                f.via.append(span_of(speaker_tokens(obj)))
    # "X told CNN that ..." -- an outlet as addressee carries the statement
    for c in head.children:
        if c.dep_ in ("dative", "dobj") and any(c2.dep_ == "ccomp" for c2 in head.children) \
                and is_media(c):
            f.via.append(span_of(speaker_tokens(c)))


def kind_of(tokens, ents) -> Optional[str]:
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


def ents_in(doc, start: int, end: int):
    """Return the named entities inside a character range."""
    ents = doc_ents(doc)
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


def doc_ents(doc) -> list:
    """Return the doc's entities, computed once per doc (spaCy rebuilds them on each access)."""
    cache = doc.user_data.setdefault("chronicle.attribution", {})
    if "ents" not in cache:
        cache["ents"] = [_Ent(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
        cache["starts"] = [e.start_char for e in cache["ents"]]
    return cache["ents"]


def _ent_starts(doc) -> list:
    """Return the start offsets of the doc's entities, in order."""
    doc_ents(doc)
    return doc.user_data["chronicle.attribution"]["starts"]


def tokens_in(doc, start: int, end: int):
    """Return the tokens inside a character range."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def clean_name(text: str) -> str:
    """Return a mention without leading articles, bracketed acronyms and possessive endings."""
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"\s*\([^()]*\)", "", text)
    return re.sub(r"[’']s$", "", text).strip()


class Names:
    """Earlier mentions of people and bodies, to resolve 'he' and 'the spokesman'."""

    def __init__(self, doc, quotes=()):
        self.doc = doc
        self.quotes = list(quotes)
        self.voices: list[tuple[int, str, str]] = []  # (start, body mention, the person it spoke through)
        self.speakers: list[tuple[int, str, Optional[str]]] = []  # (start, name, kind)
        self.plural: dict[int, bool] = {}  # speaker start -> whether its head noun is plural
        self.chunks = list(doc.noun_chunks) if doc.has_annotation("DEP") else []
        self.persons = [e for e in doc_ents(doc) if e.label_ == "PERSON"]
        self.person_names = [(e.end_char, clean_name(e.text)) for e in self.persons]

    def quoted(self, pos: int) -> bool:
        """Tell whether a character offset lies inside a quotation."""
        return in_quote(self.quotes, (pos, pos))

    def person_before(self, pos: int) -> Optional[str]:
        """Return the last named person before `pos` (a speaker first, then any PERSON)."""
        for start, name, kind in reversed(self.speakers):
            if start < pos and kind == "person" and not is_pronoun(name):
                last_sp = start
                break
        else:
            last_sp = -1
        ents = [e for e in self.persons if e.end_char <= pos]
        if ents and ents[-1].start_char > last_sp + 200:
            return clean_name(ents[-1].text)
        if last_sp >= 0:
            return next(n for s, n, k in reversed(self.speakers) if s == last_sp)
        return clean_name(ents[-1].text) if ents else None

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

    def body_before(self, pos: int, pronoun: str = "it") -> Optional[str]:
        """Return the last body spoken of before `pos` that `pronoun` can stand for ("they": several, "it": one)."""
        several = pronoun in ("they", "we")
        for start, name, kind in reversed(self.speakers):
            if start >= pos or kind == "person" or is_pronoun(name):
                continue
            plural = self.plural.get(start, False)
            if (several and (plural or kind is not None)) or (not several and not plural):
                return name
        ents = [e for e in doc_ents(self.doc) if e.label_ in ("ORG", "NORP") and e.end_char <= pos]
        return clean_name(ents[-1].text) if ents else None

    def role_before(self, word: str, pos: int, mention: str) -> Optional[str]:
        """Return the name of an earlier mention holding `word` ('league' -> 'Arab League')."""
        for start, body, person in reversed(self.voices):
            if start < pos and word in body.lower() and body.lower() != mention.lower():
                return person  # "the league" after "the League spoke through its Secretary-General X"
        for start, name, kind in reversed(self.speakers):
            if start < pos and word in name.lower() and name.lower() != mention.lower():
                return name
        for chunk in reversed([c for c in self.chunks if c.end_char <= pos]):
            if word in chunk.text.lower() and chunk.text.lower() != mention.lower():
                ents = ents_in(self.doc, chunk.start_char, chunk.end_char)
                persons = [e for e in ents if e.label_ == "PERSON"]
                if persons:
                    return clean_name(persons[-1].text)
                orgs = [e for e in ents if e.label_ == "ORG"]
                if orgs:
                    return clean_name(orgs[-1].text)
        return None


def _body_in_role(ents, person_start: int) -> Optional[str]:
    """Return the body named in a speaker's role before the name ('the Interior Ministry spokesman X'), or None."""
    orgs = [x for x in ents if x.label_ == "ORG" and x.end_char <= person_start]
    if not orgs:
        return None
    words = clean_name(orgs[-1].text).split()
    while words and words[-1].lower() in cues()["person_roles"]:
        words.pop()
    return " ".join(words) or None


def is_pronoun(name: str) -> bool:
    """Tell whether a name is only a pronoun."""
    return name.lower() in cues()["speaker_pronouns"]


def speaker_actor(article: Article, span: tuple[int, int], names: Names,
           name_from: Optional[tuple[int, int]] = None) -> Actor:
    """Build the speaker Actor for a span, with the name it stands for."""
    doc, text = article.doc, article.text
    s, e = span
    toks = tokens_in(doc, s, e)
    ents = ents_in(doc, s, e)
    mention = text[s:e]
    low = mention.lower()
    kind = kind_of(toks, ents)
    role = None
    name: Optional[str] = None
    persons = [x for x in ents if x.label_ == "PERSON"]
    if name_from is not None:
        src = speaker_actor(article, name_from, names)
        name, kind, role = src.name, src.kind or kind, src.role
        if name and src.kind == "person":
            names.voices.append((s, mention, name))
    elif low in cues()["person_pronouns"]:
        # an unquoted "I" is the writer, not the last person named
        name = None if low == "i" and not names.quoted(s) else names.person_before(s)
        kind = "person"
    elif low in ("they", "it", "we", "who", "which", "that"):
        if low == "who" and toks:
            head = toks[0].head
            name = clean_name(" ".join(t.text for t in speaker_tokens(head))) if head.i != toks[0].i else None
        name = name or names.body_before(s, low) or (names.person_before(s) if low in ("who", "that") else None)
    elif persons or (len(toks) <= 2 and toks and all(t.pos_ == "PROPN" or t.is_punct for t in toks)):
        name = names.full_name(clean_name(persons[-1].text if persons else mention), s)
        if persons:
            rest = re.sub(re.escape(persons[-1].text), "", mention).strip(" ,’'s")
            role = clean_name(rest) or None
            body = _body_in_role(ents, persons[-1].start_char)
            if body:
                # "They also informed ..." after "the Ministry of Interior spokesman X said" is the ministry
                names.speakers.append((s, body, "organization"))
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
                role = clean_name(mention)
        name = name or clean_name(mention)
    head = _unnamed(toks, ents, name, mention) if name_from is None else None
    # "a senior Iraqi official": an unnamed source's country, where a demonym says it
    country = next((iso for t in head.children if t.dep_ in ("amod", "compound")
                    for iso in [country_of_word(t.text)] if iso), None) if head else None
    act = Actor(mention, s, e, name=name, kind=kind, role=role, country=country, anonymous=head is not None)
    names.speakers.append((s, name or mention, kind))
    head_tok = next((t for t in toks if t.head.i < toks[0].i or t.head.i > toks[-1].i or t.head.i == t.i), None)
    names.plural[s] = head_tok is not None and head_tok.tag_ in ("NNS", "NNPS")
    return act


def _unnamed(toks, ents, name: Optional[str], mention: str):
    """Return the head word of an unnamed source ('a source close to X', 'officials', 'a senior official',
    'an officer who spoke on condition of anonymity'), or None."""
    if not toks or any(x.label_ in ("PERSON", "ORG") for x in ents) or name != clean_name(mention):
        return None
    head = next((t for t in toks if t.head.i < toks[0].i or t.head.i > toks[-1].i or t.head.i == t.i), toks[-1])
    return head if head.lemma_.lower() in cues()["anonymous"] or withheld_name(head) else None


def withheld_name(head) -> bool:
    """Tell whether the words around a speaker say the name is withheld ("who spoke on condition of anonymity",
    "who asked not to be named", "not authorised to speak")."""
    if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
        return False
    words = " ".join(t.lower_ for t in head.subtree if t.i - head.i < 30)
    return any(w in words for w in cues()["withheld_name"])


def via_actor(article: Article, span: tuple[int, int]) -> Actor:
    """Build an intermediary Actor for a span (outlet, channel or addressee)."""
    s, e = span
    mention = article.text[s:e]
    ents = ents_in(article.doc, s, e)
    orgs = [x for x in ents if x.label_ in ("ORG", "PERSON")]
    name = clean_name(orgs[-1].text) if orgs else clean_name(mention)
    kind = "person" if any(x.label_ == "PERSON" for x in orgs) else "organization"
    return Actor(mention, s, e, name=name, kind=kind)


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
    resolved = clean_name(mention).lower() != mine.lower()
    if low in cues()["speaker_pronouns"] or theirs.islower() or mine in theirs or resolved:
        return mine
    if mine.split()[0].lower() in cues()["person_roles"] and theirs != mine:
        return mine  # "President of the KRG" is a person, not the government
    return theirs


def restore_names(st: Statement) -> None:
    """Put back the speaker and via names resolved by find_statements where they were better."""
    saved = getattr(st, "_resolved", None)
    if saved is None:
        return
    name, vias = saved
    if st.speaker is not None:
        st.speaker.name = _better_name(name, st.speaker.name, st.speaker.text)
    for v, mine in zip(st.via, vias):
        v.name = _better_name(mine, v.name, v.text)
