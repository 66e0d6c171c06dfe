"""Which coded events an article reports: codes of violence mentioned in passing, claims, restatements
and reasons for another act are dropped."""
from __future__ import annotations

from ..records import Article, Event
from . import coding
from .clauses import aside_tokens, is_definite
from .labels import apply_label
from .mentions import short_text, uncode_repeats
from .outcome import settle_outcomes
from .roles import trigger_token

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
LEAD_SENTENCES = 3
VIOLENT_SHARE = 0.2


def _about_violence(article: Article, events: list[Event]) -> bool:
    """Return True when violence is the article's topic: a short report, violence in the headline
    or lead, or in at least a fifth of its sentences."""
    violent = [ev for ev in events if ev.acled and ev.acled["event_type"] in VIOLENT]
    if short_text(article.text) or not violent:
        return True
    sents = list(article.doc.sents)
    lead_end = sents[min(LEAD_SENTENCES, len(sents)) - 1].end_char
    if any(ev.trigger.start < lead_end for ev in violent):
        return True
    starts = {ev.sentence.start for ev in violent}
    return len(starts) >= VIOLENT_SHARE * len(sents)


def _restates(article: Article, ev: Event, main: Event) -> bool:
    """Return True when `ev` is a definite noun mention ("the attack", "the stabbing") of the main attack."""
    head = trigger_token(article, ev)
    return head is not None and is_definite(head) and ev.mode in (None, main.mode)


REASON_TYPES = {"SANCTION"}


def _reason_tokens(article: Article, events: list[Event]) -> set[int]:
    """Return indexes of tokens in what-for phrases of sanctions and expulsions
    ("sanctions in response to its attack", "expelled diplomats for joining rallies")."""
    out: set[int] = set()
    for ev in events:
        head = trigger_token(article, ev) if ev.type in REASON_TYPES else None
        if head is None:
            continue
        verb = head if head.pos_ == "VERB" else head.head
        for tok in {head, verb}:
            out |= aside_tokens(tok)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "in" and any(
                        p.lemma_.lower() in ("response", "retaliation", "reaction") for p in c.children):
                    out.update(t.i for t in c.subtree)
    return out


def code_salient(article: Article, events: list[Event]) -> None:
    """Code `events` of `article`, then drop the ACLED and GTD codes of violence the article only
    mentions in passing (a page about something else is not a violent-event report)."""
    coding.code_events(article, events)
    main = None
    for ev in sorted(events, key=lambda e: e.trigger.start):
        if getattr(ev, "_claimed", False):
            ev.acled = ev.gtd = None  # a claim or accusation restates an attack; it is not a new one
        elif ev.type == "ASSAULT" and ev.acled:
            if main is None:
                main = ev
            elif ev.sentence.start > main.sentence.start and _restates(article, ev, main):
                ev.acled = ev.gtd = None  # "the stabbing occurred during ...": the record is the first mention
    if article.doc is not None:
        reasons = _reason_tokens(article, events)
        for ev in events:
            head = trigger_token(article, ev)
            if ev.acled and head is not None and head.i in reasons:
                ev.acled = ev.gtd = None  # "expelled diplomats for joining protests": the news is the expulsion
    if article.doc is None or _about_violence(article, events):
        return
    for ev in events:
        if ev.acled and ev.acled["event_type"] in VIOLENT:
            ev.acled = None
            ev.gtd = None


def code_events(article: Article, events: list[Event]) -> None:
    """Code `events` of `article` (ACLED, and GTD for attacks), keep codes only for what the article
    reports, and leave restatements of an earlier event uncoded."""
    code_salient(article, events)
    apply_label(article, events)
    settle_outcomes(article, events)
    uncode_repeats(article, events)
