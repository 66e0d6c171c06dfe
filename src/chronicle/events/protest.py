"""ACLED coding of a protest: peaceful, with intervention, excessive force, violent demonstration or
mob, from what the crowd and the forces did around it."""
from __future__ import annotations

from ..records import Article, Event
from . import ontology
from .clauses import YEAR, Bag, aside_tokens, in_background, sentence_text
from .mentions import short_text
from .rules import fires, on
from .roles import agent_tokens, context_bag, sentence_bag, sentences_after, with_parts


def _fact_tokens(article: Article, ev: Event, head, following: int) -> list:
    """Return what happened around the event: its sentence without what-about phrases, and in the
    next sentences only clauses whose doer or sufferer is the crowd or the police."""
    sents = sentences_after(article, ev, following)
    toks = []
    skip: set[int] = set()
    for t in sents[0]:
        if t.i not in skip:
            skip |= aside_tokens(t)
    toks += [t for t in sents[0] if t.i not in skip]
    # in the sentences after a protest, "they" and "some" are mostly the protesters
    people = ontology.cue("crowd") | ontology.cue("armed") | ontology.cue("protest") | {
        "person", "they", "some", "many", "others", "several", "dozens", "hundreds", "rioter", "participant"}
    for s in sents[1:]:
        if YEAR.search(sentence_text(s)):
            continue  # a dated aside ("during an attack in 2018") is background
        for v in s:
            if v.pos_ != "VERB":
                continue
            who = [t for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "agent", "dobj") for t in c.subtree]
            if any(t.lemma_.lower() in people for t in who):
                skip = set()
                for t in v.subtree:
                    if t.i not in skip:
                        skip |= aside_tokens(t)
                toks += [t for t in v.subtree if t.i not in skip and not (t.dep_ == "ccomp")]
    return toks


def riot_kind(article: Article, ev: Event) -> tuple[str, str]:
    """Return Riots / Violent demonstration when a demonstration is named around the event, else Mob violence."""
    if fires("acled.riot_at_demonstration", _held_demonstration(article, ev)):
        return ("Riots", "Violent demonstration")
    return ("Riots", "Mob violence")


def _held_demonstration(article: Article, ev: Event) -> bool:
    """Return True when a demonstration word stands around the event (its sentence and the next two), not
    only as its background ("amid ongoing demonstrations", "on their way to join the rally")."""
    toks = [t for s in sentences_after(article, ev, 2) for t in s]
    if not on("acled.demonstration_not_background"):
        return Bag(toks).cue("demonstration")
    skip: set[int] = set()
    for t in toks:
        if t.i not in skip and in_background(t):
            skip.update(x.i for x in t.subtree)
    kept = Bag([t for t in toks if t.i not in skip])
    if fires("acled.demonstration_not_background", Bag(toks).cue("demonstration") and not kept.cue("demonstration")):
        return False
    return kept.cue("demonstration")


def _forces_acts(tokens) -> set[int]:
    """Return indexes of the tokens in clauses whose doer is the police, army or security forces."""
    armed = ontology.cue("armed") | ontology.cue("government_words") | {"authorities", "authority"}
    out: set[int] = set()
    for v in tokens:
        if v.pos_ != "VERB":
            continue
        doers = [t for c in v.children if c.dep_ in ("nsubj", "agent") for t in c.subtree]
        if any(t.lemma_.lower() in armed for t in doers) and not any(
                t.lemma_.lower() in ("protester", "demonstrator", "protestor", "rioter") for t in doers):
            out.update(t.i for t in v.subtree)
    return out


def _deadly_force(sent) -> bool:
    """Return True when the sentence calls the force used deadly ("a campaign of fatal attacks", "a bloody crackdown")."""
    return any(t.lemma_.lower() in ("attack", "crackdown", "force", "assault", "repression") and any(
        c.dep_ == "amod" and c.lower_ in ("deadly", "fatal", "lethal", "bloody", "murderous") for c in t.children) for t in sent)


def _protesters_hit(tokens) -> bool:
    """Return True when protesters are what an attack or crackdown was aimed at ("attacks against protesters")."""
    crowd = {"protester", "protestor", "demonstrator", "marcher", "protesters", "protestors", "demonstrators"}
    for t in tokens:
        if t.lemma_.lower() in ("attack", "crackdown", "assault") and t.pos_ == "NOUN":
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("on", "against"):
                    if any(g.lemma_.lower() in crowd or g.lower_ in crowd for g in p.subtree):
                        return True
    return False


def _noise_making(tokens) -> set[int]:
    """Return indexes of "beating pots and pans" phrases: a protest form, not violence."""
    noise = ontology.cue("noise_objects")
    out: set[int] = set()
    for t in tokens:
        if t.lemma_.lower() in ("beat", "bang", "strike") and any(
                c.dep_ == "dobj" and any(g.lemma_.lower() in noise for g in with_parts(c)) for c in t.children):
            out.update(g.i for c in t.children if c.dep_ == "dobj" for g in c.subtree)
            out.add(t.i)
    return out


def _rally_attacked_by_civilians(head) -> bool:
    """Return True when the protest is what people other than state forces attacked ("a group attacked a rally")."""
    if head.dep_ not in ("dobj", "nsubjpass") or head.head.lemma_.lower() not in ("attack", "assault", "storm", "beat"):
        return False
    doers = {t.lemma_.lower() for t in agent_tokens(head.head)}
    return bool(doers) and not doers & (ontology.cue("state_forces") | ontology.cue("armed") | ontology.cue("armed_group_words"))


def _negated_word(tok) -> bool:
    """Return True for a word negated by a "non-" prefix split off by the tokenizer ("non-violent")."""
    doc = tok.doc
    return (tok.i >= 1 and doc[tok.i - 1].lower_ in ("non", "non-")) or (
        tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "non")


HARM_VERBS = {"assault", "attack", "beat", "injure", "hit", "stab", "hack", "chase", "storm", "disrupt"}


def _holders_hit(head, tokens) -> set[int]:
    """Return indexes of clauses in which someone harmed the people who held the protest: its holders
    named again as the victims ("assaulted members of the BNP during the BNP's demonstration") or
    victims said to be staging it ("assaulted workers who were staging a protest")."""
    holders = set()
    for c in head.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            holders |= {t.lower_ for t in c.subtree if t.pos_ == "PROPN"}
        if c.dep_ == "prep" and c.lower_ == "of":
            holders |= {t.lower_ for t in c.subtree if t.pos_ == "PROPN"}
    out: set[int] = set()
    for v in tokens:
        if v.pos_ != "VERB" or v.lemma_.lower() not in HARM_VERBS or v.i == head.i:
            continue
        # what follows the verb, without the protest's own phrase: who was hit (the parse often loses the object)
        after = [t for t in v.subtree if t.i > v.i and not head.left_edge.i <= t.i <= head.right_edge.i]
        staging = any(r.dep_ == "relcl" and r.i < head.i <= r.right_edge.i for r in v.subtree if r.i > v.i)
        if fires("acled.holders_attacked", staging or bool(holders & {t.lower_ for t in after})):
            out.update(t.i for t in v.subtree)
    return out


def _done_to_crowd(tokens) -> set[int]:
    """Return indexes of clauses in which someone attacked, beat or disrupted the protesters
    ("members of the ruling party assaulted the demonstrators", "attacked the march")."""
    out: set[int] = set()
    for v in tokens:
        if v.pos_ != "VERB" or v.lemma_.lower() not in HARM_VERBS:
            continue
        hit = [c for c in v.children if c.dep_ == "dobj"] + [
            g for c in v.children if c.dep_ == "prep" and c.lower_ in ("on", "against") for g in c.children if g.dep_ == "pobj"]
        if any({t.lemma_.lower(), t.lower_} & PROTEST_NOUNS or any(
                g.lemma_.lower() in PROTEST_NOUNS or g.lower_ in PROTEST_NOUNS for g in t.children if g.dep_ in ("amod", "compound"))
               for t in hit):
            out.update(t.i for t in v.subtree)
    return out


PROTEST_NOUNS = {"protester", "protestor", "demonstrator", "marcher", "protest", "demonstration", "rally", "march",
                 "procession", "demonstrate", "demonstrating", "protesting", "sit-in", "motorcade", "human chain"}


def _riot_or_mob(article: Article, ev: Event) -> tuple[str, str]:
    """Return Violent demonstration for a violent protest, or Mob violence when no demonstration was held."""
    context = context_bag(article, ev, 2)
    if fires("acled.riot_without_demonstration", ev.mode != "riot" and not context.cue("demonstration")) or fires(
            "acled.prison_riot", context.has_any(("prisoner", "inmate"))):
        # violence by a crowd that held no demonstration (a brawl with police, a prison riot) is a mob
        return ("Riots", "Mob violence")
    return ("Riots", "Violent demonstration")


def code_protest(article: Article, ev: Event, head) -> tuple[str, str]:
    """Return the ACLED Protests or Riots sub-event for a protest, from what happened at it."""
    toks = _fact_tokens(article, ev, head, 2 if not short_text(article.text) else 4) if head is not None else []
    toks = [t for t in toks if t.i not in _noise_making(toks)]
    facts = Bag(toks)
    by_forces = _forces_acts(toks)
    # "a violent crackdown": the violence of the forces, not of the crowd
    crowd_toks = [t for t in toks if t.i not in by_forces and t.head.lemma_.lower() not in ontology.cue("crackdown_words")
                  and not _negated_word(t)]
    by_crowd = Bag(crowd_toks)
    # "protesters were injured": what the crowd suffered is not what it did
    sufferers = ontology.cue("crowd") | ontology.cue("protest") | {"protestor", "protesters", "demonstrators"}
    # in a long page the sentences after a protest mention are often about other days: only its own counts here
    own = (lambda t: True) if short_text(article.text) else (lambda t: ev.sentence.start <= t.idx < ev.sentence.end)
    # "party members assaulted the demonstrators": what others did to the crowd is an intervention, not its violence
    done_to = _done_to_crowd(toks)
    if head is not None and on("acled.holders_attacked"):
        done_to |= _holders_hit(head, toks)
    crowd_did = Bag([t for t in crowd_toks if own(t) and t.i not in done_to and not (t.pos_ == "VERB" and any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in sufferers for c in t.children))])
    fought = Bag([t for t in toks if own(t)]).cue("crowd_fought")
    if fires("acled.protest_mob", ev.mode == "mob" or by_crowd.cue("mob")) or fires(
            "acled.rally_attacked_by_civilians", head is not None and _rally_attacked_by_civilians(head)):
        return ("Riots", "Mob violence")
    if fires("acled.protesters_killed", head is not None and (facts.has_any(("kill", "die", "fatal", "deadly")) or _deadly_force(head.sent))
             and _protesters_hit(list(head.sent))):
        # "attacks against peaceful protesters" that killed: the force fell on the crowd
        return ("Protests", "Excessive force against protesters")
    if fires("acled.protest_riot_mode", ev.mode == "riot") or fires("acled.crowd_riot_acts", crowd_did.cue("riot_acts")) or fires(
            "acled.crowd_fought", fought):
        # protesters who fought or smashed things held a violent demonstration, whatever force met them
        return _riot_or_mob(article, ev)
    if fires("acled.excessive_force", facts.has_any(("live ammunition", "live round", "live bullet", "excessive force", "violently suppress",
                                                     "violently disperse")) or (facts.has_any(("kill", "die", "shoot dead", "shot dead")) and (
                                                         facts.cue("armed") or facts.has_any(("gunfire", "bullet", "shot"))))):
        return ("Protests", "Excessive force against protesters")
    # "the march descended into the worst violence in years": a turn the what-about filter would drop
    turned = (context_bag(article, ev, 1) if short_text(article.text) else sentence_bag(article, ev)).cue("violent_turn")
    if fires("acled.protest_turned_violent", turned):
        return _riot_or_mob(article, ev)
    if fires("acled.protesters_attacked", bool(done_to)):
        return ("Protests", "Protest with intervention")
    # a short report may say how the police ended the protest before it names the protest
    scene = Bag.of_doc(article.doc) if short_text(article.text) else sentence_bag(article, ev)
    if fires("acled.intervention_acts", facts.cue("intervention_acts")) or fires("acled.crowd_control", scene.cue("crowd_control")):
        return ("Protests", "Protest with intervention")
    return ("Protests", "Peaceful protest")
