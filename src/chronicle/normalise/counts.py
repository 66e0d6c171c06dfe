"""Counts: how many were killed and injured in each event.

Figures are read from words and digits ("seven", "at least 20", "a dozen") next to a
casualty word: after the counted noun ("five soldiers were killed"), before it
("killing five soldiers", "the deaths of five"), or as a total ("3 fatalities",
"fatalities coded as 10", "the death toll rose to 9"). Separate groups are summed
("one soldier and two assailants were killed"; "Two more died later"); subsets
("including two women") and repeats ("the two victims") are not. Dead attackers
count ("a suicide bomber detonated"; "in addition to the bomber"). A singular
victim with no number ("a man was shot dead", "the body of a woman was found")
counts one. Ages, calibres, dates, times, money and sizes are never counts. A figure in
the headline ("Car bomb kills 12") repeats the body's and is used only when the body
gives none for that role.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from ..parse.docs import sentences
from ..records import Article, Count, Event, Span
from .casualties import find_counts
from .casualty_words import Mention, casualty_words, role_res
from .gunshots import died_later, first_weak, tells_death
from .numbers import headline_span, number_words, parse_number
from .victims import victim_groups

GROUPS = "chronicle_victim_groups"  # Doc.user_data cache: each sentence's victim groups

# Texts up to this long are read whole for the main event (one-paragraph reports,
# ACLED notes, GTD summaries); longer ones only in the event's own sentences. A short text
# of several paragraphs sums the figures of one paragraph only.
SHORT_TEXT_CHARS = 1500



_ATTACKS = r"(?:attacks?|incidents?|bombings?|blasts?|explosions?|assaults?|shootings?|raids?|events?|clash(?:es)?)"
_ACROSS = re.compile(r"\b(?:across|in\s+(?=the\s+(?:blasts|attacks|explosions|bombings|assaults)\b|both\b|all\s+(?!of\b)[\w-]+\s+(?:of\s+the\s+)?" + _ATTACKS + r"|the\s+(?!\w+\s+of\b)[\w-]+\s+" + _ATTACKS + r"))\s*(?P<p>(?:which\b|(?:the|these|all|both|this|each)\b[^.;]{0,50}?" + _ATTACKS + r"\b|"
                     r"[\w\-]+\s+(?:of\s+the\s+|other\s+|similar\s+|coordinated\s+|local\s+|such\s+)*" + _ATTACKS + r"\b))"
                     r"(?!\s*\(\s*\d)", re.I)
_ONE_OF = re.compile(r"\b(?:one|first|second|third|last)\s+of\s+(?:at\s+least\s+|approximately\s+|about\s+)?"
                     r"(?P<n>[\w\-]+)\s+(?:[\w\-]+\s+){0,2}?" + _ATTACKS + r"\b", re.I)



def _split_shared(text: str) -> tuple[int, bool]:
    """Return (how many events share the totals written in `text`, whether to round the share up)."""
    if role_res()["this_event"].search(text):
        return 1, False  # "2 fatalities coded to this event": the share is given
    m = role_res()["split"].search(text)
    if m:
        n = parse_number(m.group("n"))
        return (n if n and n > 1 else 1), False  # ACLED's split notes round half up
    m = _ACROSS.search(text)
    if not m:
        return 1, True
    p = m.group("p").lower()
    if re.search(r"\bboth\b|\bthis\s+(?:\w+\s+)?and\s+(?:another|a\s+similar)\b", p):
        return 2, True
    more = re.search(r"\bthis\s+(?:\w+\s+)?and\s+(?P<n>[\w\-]+)\s+(?:other|similar|more)", p)
    if more and parse_number(more.group("n")):
        return parse_number(more.group("n")) + 1, True
    for w in re.findall(r"[\w\-]+", p):
        n = parse_number(w) if w not in ("a", "an", "no", "none") and w not in number_words()["vague"] else None
        if n and n > 1:
            return n, True
    # "across which", "across all of the attacks": the number named by "one of N attacks"
    ones = [o for o in _ONE_OF.finditer(text, 0, m.start()) if parse_number(o.group("n"))]
    if ones:
        n = parse_number(ones[-1].group("n"))
        return (n if n > 1 else 1), True
    return 1, True  # GTD shares round up



def total(mentions: list[Mention], role: str, shared: int = 1, round_up: bool = False,
          sum_all: bool = True) -> Optional[Count]:
    """Return the figure for `role` from `mentions`: a stated total, else the sum of distinct groups (with `sum_all` False, the first figure and those said to add to it)."""
    ms = [m for m in mentions if m.role == role]
    if not ms:
        return None
    if not all(m.aside for m in ms):
        ms = [m for m in ms if not m.aside]  # "25 soldiers (22 according to X)": the bracket is another source
    if any(not (m.weak or m.additive or m.attacker) for m in ms):
        ms = [m for m in ms if not m.weak]  # "two men were shot ... he died": the figure tells more than the pronoun
    totals = [m for m in ms if m.total]
    kept = ([m for m in totals if m.coded] or totals)[-1:]  # "coded as 3 (X reported 6 fatalities)"
    if not totals:
        for m in ms:
            if m.definite and kept:
                continue  # "the two victims" restates a figure already counted
            if kept and not sum_all and not (m.additive or m.attacker):
                continue  # a long report repeats, breaks down and recalls figures
            kept.append(m)
    value = sum(m.value for m in kept)
    if shared > 1:
        if not round_up:
            value = math.floor(value / shared + 0.5)  # ACLED's split notes
        else:
            value = math.ceil(value / shared)  # GTD's shares of a total round up
    first = kept[0]
    quals = [m.qualifier for m in kept if m.qualifier]
    qual = next((q for q in ("claimed", "reportedly") if q in quals), quals[0] if quals else None)
    return Count(value, Span("", first.start, kept[-1].end), qual)



def count_text(text: str, totals_only: bool = False) -> tuple[Optional[Count], Optional[Count]]:
    """Return (killed, injured) Counts of `text` read as one event (spans relative to `text`)."""
    return count_segments(text, [(0, len(text))], totals_only)



def count_segments(text: str, segments: list[tuple[int, int]], totals_only: bool = False,
                   headline: Optional[tuple[int, int]] = None, doc=None) -> tuple[Optional[Count], Optional[Count]]:
    """Return (killed, injured) Counts of the `segments` (start, end) of `text` read as one event; figures in the `headline` span count only when the body gives none; with the parsed `doc`, victim lists read off the parse."""
    mentions: list[Mention] = []
    for s, e in segments:
        for m in find_counts(text[s:e]):
            m.start, m.end = m.start + s, m.end + s
            mentions.append(m)
    death = tells_death(text)
    if death:
        # "a man was shot ... he was pronounced dead": one person shot, said with no number, in a story of a
        # death is no count of the injured
        mentions = [m for m in mentions if not (m.weak and m.role == "shot")]
    mentions = first_weak(text, mentions)
    if doc is not None:
        mentions = _with_victims(mentions, doc, segments)
    if headline is not None:
        mentions = _without_headline(mentions, headline)
    if totals_only:
        mentions = [m for m in mentions if m.total]
    shared, round_up = _split_shared(" ".join(text[s:e] for s, e in segments))
    sum_all = sum(e - s for s, e in segments) <= SHORT_TEXT_CHARS
    if sum_all and any("\n" in text[s:e].strip() for s, e in segments):
        # a story of several paragraphs tells its figures again ("a teen shot and killed his
        # friend ... the boy died at the scene"): its groups are summed in one paragraph only
        mentions = _first_paragraph(text, mentions)
    killed = total(mentions, "killed", shared, round_up, sum_all)
    injured = total(mentions, "injured", shared, round_up, sum_all)
    if injured is not None and injured.value == 1 and died_later(text, mentions, injured.span.start):
        # "a girl was struck in the head ... she later died": the one hurt is the one who died
        injured = Count(0, injured.span, injured.qualifier)
    if injured is None and killed is None and death:
        return None, None  # "both were shot" in a story of a death it gives no figure for: how many lived is unknown
    return killed, injured if injured is not None else _shot_not_killed(mentions, killed, shared, round_up, sum_all)


def _first_paragraph(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return, for each role, the figures of the first paragraph that gives one, with the stated
    totals and the figures said to add to them ("two more died later") wherever they are."""
    def paragraph(m: Mention) -> int:
        # the paragraph the figure's words start in (a match may begin with the end of the sentence before)
        lead = re.match(r"[\s.;:!?]*", text[m.start:m.end]).end()
        return text.count("\n", 0, m.start + lead)

    first: dict[tuple[str, bool], int] = {}  # one person said with no number ("he died") apart from the figures
    for m in mentions:
        if not (m.total or m.additive or m.aside):
            first.setdefault((m.role, m.weak), paragraph(m))
    return [m for m in mentions if m.total or m.additive or m.attacker or (m.role, m.weak) not in first
            or paragraph(m) == first[(m.role, m.weak)]]


def _shot_not_killed(mentions: list[Mention], killed: Optional[Count], shared: int, round_up: bool,
                     sum_all: bool) -> Optional[Count]:
    """Return the injured as the people shot less those killed ("four teenagers were shot, one
    fatally": 3), or None when no figure of people shot is given or it is below the killed."""
    shot = total(mentions, "shot", shared, round_up, sum_all)
    dead = killed.value if killed is not None else 0
    if shot is None or shot.value < dead:
        return None
    return Count(shot.value - dead, shot.span, shot.qualifier)



def _with_victims(mentions: list[Mention], doc, segments: list[tuple[int, int]]) -> list[Mention]:
    """Return `mentions` with the figures of each parsed victim list that counts more than the words found in it
    ("Nazari and his driver were killed": 2, where the words give one)."""
    groups = doc.user_data.setdefault(GROUPS, {})  # each sentence's, read once for all its events
    for sent in sentences(doc):
        if not any(s <= sent.start_char < e for s, e in segments):
            continue
        if sent.start not in groups:
            groups[sent.start] = victim_groups(sent)
        for g in groups[sent.start]:
            inside = [m for m in mentions if m.role == g.role and not m.total
                      and m.start < g.end and g.start < max(m.end, m.reach)]
            if g.value <= sum(m.value for m in inside) or any(m.additive or m.aside for m in inside):
                continue
            quals = [m.qualifier for m in inside if m.qualifier]
            mentions = [m for m in mentions if m not in inside]
            mentions.append(Mention(g.role, g.value, g.start, g.end, quals[0] if quals else None,
                                    definite=g.definite, attacker=g.attacker or any(m.attacker for m in inside)))
    return sorted(mentions, key=lambda m: m.start)


def _without_headline(mentions: list[Mention], headline: tuple[int, int]) -> list[Mention]:
    """Return `mentions` less those in the `headline` span for roles the body also gives a figure for."""
    hs, he = headline
    inside = [hs <= m.start < he for m in mentions]
    # "Car bomb kills 12" above "... killing at least 12 people": the headline repeats the body
    body_roles = {m.role for m, i in zip(mentions, inside) if not i}
    return [m for m, i in zip(mentions, inside) if not (i and m.role in body_roles)]



def _with_text(count: Optional[Count], text: str) -> Optional[Count]:
    """Return `count` with its span's words filled from `text`."""
    if count is not None:
        count.span = Span(text[count.span.start:count.span.end], count.span.start, count.span.end)
    return count



def _violent(event: Event) -> bool:
    """Return True when the event's own casualties are to be counted (not those it is about)."""
    w = casualty_words()
    if event.acled and event.acled.get("event_type"):
        return (event.acled["event_type"] not in w["non_violent_acled_types"]
                or event.acled.get("sub_event_type") in w["violent_acled_sub_types"])
    return event.type in w["violent_plover_types"]



def _sentences(article: Article) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the article's sentences."""
    if article.doc is not None:
        return [(s.start_char, s.end_char) for s in sentences(article.doc)]
    return [m.span() for m in re.finditer(r"[^.!?\n]+(?:[.!?]+|$)", article.text)]



def _segments(article: Article, events: list[Event]) -> list[list[tuple[int, int]]]:
    """Return each event's text segments: its sentence; the main event also gets sentences no event holds."""
    text = article.text
    own = [[(e.sentence.start, e.sentence.end)] if e.sentence else [] for e in events]
    if len(text) <= SHORT_TEXT_CHARS:
        own[0] = [(0, len(text))]
        return own
    held = [(e.sentence.start, e.sentence.end) for e in events if e.sentence]
    orphans = [(s, e) for s, e in _sentences(article)
               if not any(hs < e and s < he for hs, he in held)]
    own[0] = sorted(own[0] + orphans)
    return own



def count_events(article: Article, events: list[Event]) -> None:
    """Set `killed` and `injured` on each event from its sentence; the main event also reads a short text whole, or else the sentences no event holds."""
    text = article.text
    if not events or not text:
        return
    headline = headline_span(article)
    for event, segments in zip(events, _segments(article, events)):
        if not segments:
            continue
        killed, injured = count_segments(text, segments, not _violent(event), headline, article.doc)
        event.killed = _with_text(killed, text)
        event.injured = _with_text(injured, text)
