"""Casualty figures in text: numbers and number words tied to a role (killed, injured) by the words
around them ("killing at least 12", "two soldiers were wounded", "a man was shot dead"), with their
qualifiers, stated totals, attackers among the dead and captives killed later."""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Optional

from .dates import find_dates
from .casualty_words import Mention, alt, casualty_words, not_count, number_re, role_res
from .gunshots import gunshot_mentions
from .numbers import parse_number

# The roles a figure can have, the most telling first: `shot` is people hit by gunfire, killed
# or injured (counts.py takes the injured from it when no figure of injured is given).
ROLES = ("killed", "injured", "shot")
# How many words may stand between a number and its casualty word.
MAX_GAP_WORDS = 9
# How far past a number to look for its casualty word (bounds the work on run-on text).
MAX_REST_CHARS = 240



_PARENS_SIZE = re.compile(r"\[size=[^\]]*\]", re.I)


_MIXED = re.compile(r"\s*(?:,|and|or)\s*(?:injured|wounded|captured|arrested|killed|abducted)\b", re.I)
_PLACE_PREPS = frozenset({"in", "at", "on", "near", "into", "with"})
_STOP_GAP = re.compile(
    r"(?<![\w-])(?:were|was|are|is|have|has|had|been|in|at|on|when|after|while|during|by|with|"
    r"near|into|as|but|that|which|who|for|to|than)(?![\w-])|[.;:!?]")



def _gap_ok(gap: str) -> bool:
    """Return True when `gap` may be the rest of the counted noun phrase."""
    core = re.sub(r",\s*(?:including|among them|of whom|besides|apart from|excluding|not including)[^.;]*,", " ", gap)
    core = re.sub(r",\s*(?:an?|the|one|two)\s[^,]{1,40},", " ", core)  # "two people, an officer and a soldier, were"
    core = re.sub(r"\([^)]*\)", " ", core)
    for stop in _STOP_GAP.finditer(core):
        # "five people in the market", "two assailants travelling in the car": a place may sit in the phrase
        if stop.group(0) not in _PLACE_PREPS:
            return False
    if number_re().search(core):
        return False
    if "," in core.strip().rstrip(","):
        return False
    if re.search(r"\band\s*$", core):
        return False  # "... and executed": an active verb, not the counted noun's fate
    return len(core.split()) <= MAX_GAP_WORDS



def _qualifier(text: str, start: int, end_ctx: str) -> Optional[str]:
    """Return how sure the text is of a figure: claimed/reportedly first, else at least etc."""
    quals = casualty_words()["qualifiers"]
    window = text[max(0, start - 40):start] + " " + end_ctx
    found = [quals[m.group(0).lower()] for m in role_res()["qualifier"].finditer(window)
             if m.group(0).lower() in quals]
    for q in ("claimed", "reportedly"):
        if q in found:
            return q
    before = role_res()["qual_before"].search(text[max(0, start - 25):start])
    return quals.get(re.sub(r"\s+", " ", before.group(0).strip().lower())) if before else None



_NEW_CASUALTY_CLAUSE = re.compile(r"\b(?:and|while|but)\s+(?:also\s+)?(?:killing|wounding|injuring|killed|wounded|injured)\b", re.I)



def _is_subset(text: str, start: int) -> bool:
    """Return True when the figure at `start` sits under "including", "of whom", ... in its clause."""
    clause_start = max(text.rfind(c, 0, start) for c in ",;(:.")
    clause = text[clause_start + 1:start]
    in_clause = list(role_res()["subset"].finditer(clause))
    # "killing two of them and wounding four": a new casualty verb after the cue ends its reach
    if in_clause and not _NEW_CASUALTY_CLAUSE.search(clause, in_clause[-1].end()):
        return True
    # "N people, including two officers, one guard, and 11 assailants, were killed": a list
    # opened by "including" runs on, over commas, until its verb
    sentence = text[max(text.rfind(c, 0, start) for c in ".;") + 1:start]
    cues = list(role_res()["subset"].finditer(sentence))
    return bool(cues) and not re.search(r"\b(?:were|was|are|is|killed|wounded|injured|died|killing|wounding)\b",
                                        sentence[cues[-1].end():])



_NAME_THEN_COMMA = re.compile(r"[A-Z][\w'’\-]*,\s*$")



def _age_after_name(before: str, after: str) -> bool:
    """Return True when the figure sits between commas just after a name ("Keith Scott, 43, was killed"): an age."""
    return bool(after.startswith(",") and _NAME_THEN_COMMA.search(before))



def _is_definite(text: str, start: int) -> bool:
    """Return True when the figure follows "the" or "these" (a figure already given)."""
    return bool(re.search(r"\b(?:the|these|those|all)\s*$", text[max(0, start - 8):start], re.I))


def _forward_role(after: str) -> Optional[tuple[str, int, int]]:
    """Return (role, gap length, match end) when a casualty word follows the counted noun phrase."""
    res = role_res()
    stop = re.search(r"[.;:!?](?:\s|$)", after)
    rest = (after[:stop.start()] if stop else after)[:MAX_REST_CHARS]
    if not res["any_after"].search(rest):
        return None  # no casualty word anywhere after it: no split below can find one
    for k in [0] + [i + 1 for i, ch in enumerate(rest) if ch == " "]:
        gap = rest[:k]
        if len(gap.split()) > MAX_GAP_WORDS + 8:
            break
        tail = rest[k:]
        # the casualty word is looked for first: it is rarely there, and the gap test is dear
        # "shot" last: "were shot dead" and "were shot and wounded" say more
        hits = [(r, m) for r in ROLES for m in (res[f"{r}_after"].match(tail),) if m]
        if not hits or not _gap_ok(gap):
            continue
        for r, m in hits:
            if m:
                if _MIXED.match(rest[k + m.end():]):
                    return None  # "were killed and wounded": no split is given
                return r, k, k + m.end()
    return None


def _backward_role(before: str) -> Optional[tuple[str, int, int]]:
    """Return (role, -1, 0) when a casualty verb or noun stands just before the figure."""
    res = role_res()
    if not res["any_before"].search(before):
        return None  # the qualifiers stripped below only shorten `before`: no casualty word, no role
    head = before
    for _ in range(3):
        head = res["qual_before"].sub("", head)
        head = re.sub(r"\b(?:the|another|a further|a total of|total of|some|an?\s+family\s+of)\s*$", "", head, flags=re.I)
    for r in ROLES:
        if res[f"{r}_before"].search(head):
            return r, -1, 0
    return None


def _number_mentions(text: str, blocked: list[tuple[int, int]]) -> list[Mention]:
    """Return casualty figures written as numbers in `text`."""
    res = role_res()
    found: list[Mention] = []
    matches = [m for m in number_re().finditer(text)
               if not any(s < m.end() and m.start() < e for s, e in blocked)]
    roles: list[Optional[tuple[str, int]]] = []
    for m in matches:
        s, e = m.span()
        value = parse_number(m.group(0))
        after, before = text[e:e + 200], text[max(0, s - 80):s]
        if value is None or not_count(after, before) or _age_after_name(before, after):
            roles.append(None)
            continue
        role = None if _background(text, s) else (_backward_role(before) or _forward_role(after))
        if role is not None and role[0] == "shot":  # "the shooting 2 people died": the words after say more
            told = _forward_role(after)
            role = told if told is not None and told[0] != "shot" else role
        roles.append(role)
        if role is None:
            continue
        span_end = e + role[2] if role[1] >= 0 else e
        noun = text[e:e + role[1]] if role[1] >= 0 else re.split(r"[,.;]| and ", text[e:e + 60])[0]
        if role[1] >= 0 and re.search(r"\band\s+(?:the|a|an|his|her|their|another)\s+[a-z]+\s*$", noun):
            value += 1  # "eight soldiers and the driver were killed"
        if role[1] < 0 and re.match(r"\s*[\w\-]+(?:\s+[\w\-]+){0,2}?\s+and\s+(?:the|a|an|his|her|their)\s+[a-z]+"
                                    r"(?=\s*[,.;]|\s+(?:in|at|on|near|when|while|as)\b|\s*$)", text[e:e + 80]):
            value += 1  # "killed two children and their mother"
        self_too = role[0] == "killed" and bool(re.search(r"\b(?:himself|herself)\s+and\s+$", before, re.I))
        value += int(self_too)  # "killing himself and 12 others"
        if role[1] >= 0 and (
                re.search(r"(?:^|[.,;:]\s*|\b(?:and|while|but)\s+)(?:a|an|another|the)\s+(?:[a-z\-]+\s+){0,2}?and\s+$", before, re.I)
                or re.search(r"(?:^|[.;:]\s+)[A-Z][\w\-'’]+,\s[^,]{1,60},\s+and\s+$", before)):
            value += 1  # "a soldier and three civilians were injured"; "Risha, a leader, and four guards"
        w = casualty_words()
        additive = bool(re.search(rf"\b(?:{alt(w['additive_cues_before'])})\s*$", before, re.I)
                        or re.match(rf"\s*(?:{alt(w['additive_cues_after'])})\b", text[e:e + 20], re.I)
                        or re.search(r"\balso\b", text[e:span_end], re.I))
        found.append(Mention(role[0], value, s, e, _qualifier(text, s, text[e:span_end]),
                             total=role[1] < 0 and bool(re.search(r"\btoll\b[\w\s]{0,20}$", before, re.I)),
                             definite=_is_definite(text, s),
                             attacker=self_too or bool(res["attacker"].search(noun)), reach=span_end,
                             additive=additive))
        if _is_subset(text, s):
            found.pop()
    # "one soldier and two assailants were killed": the first figure shares the second's role
    for i, m in enumerate(matches[:-1]):
        if roles[i] is None and roles[i + 1] is not None and roles[i + 1][1] >= 0:
            between = text[m.end():matches[i + 1].start()]
            if re.fullmatch(r"\s*[\w\-'’ ]{0,40}?\s+and\s+(?:another\s+)?", between) and _gap_ok(between.rsplit(" and", 1)[0]):
                value = parse_number(m.group(0))
                if (value is not None and not not_count(text[m.end():m.end() + 20])
                        and not _is_subset(text, m.start())):
                    found.append(Mention(roles[i + 1][0], value, m.start(), m.end(),
                                         _qualifier(text, m.start(), ""),
                                         attacker=bool(res["attacker"].search(between))))
    return found



_SINGLE_KILLED = re.compile(
    r"\b(?P<det>an?|the|one|his|her|their)\s+(?P<np>(?:[\w\-'’]+\s+){0,4}?)(?!and\b|or\b)(?P<noun>(?:\d+-)?[a-z\-]+)\s*(?:,[^,.;]{1,80},\s*)?"
    r"(?:was|had\s+been|has\s+been|is)\s+(?:\w+ly\s+)?(?:(?:shot|stabbed|beaten|hacked|burned|burnt)\s+"
    r"(?:and\s+)?)?(?P<verb>killed|shot\s+dead|shot\s+to\s+death|stabbed\s+to\s+death|beaten\s+to\s+death|"
    r"murdered|executed|beheaded|assassinated|found\s+dead|pronounced\s+dead|declared\s+dead|lynched|slain|gunned\s+down|hanged|"
    r"injured|wounded|hurt)\b", re.I)
_SINGLE_DIED = re.compile(r"\b(?P<det>an?|the|one|his|her|their)\s+(?P<np>(?:[\w\-'’]+\s+){0,3}?)(?!and\b|or\b)(?P<noun>(?:\d+-)?[a-z\-]+)\s+"
                          r"(?:later\s+|subsequently\s+|also\s+)?(?:died|succumbed)\b", re.I)
# one person named by a noun phrase of up to four words with no conjunction among them
_ONE_PERSON = r"\b(?P<det>an?|the|one)\s+(?P<np>(?:(?!and\b|or\b|but\b)[\w\-'’]+\s+){0,3}?)(?!and\b|or\b|but\b)(?P<noun>(?:\d+-)?[a-z\-]+)"
# "a 15-year-old boy remains in critical condition": one person hurt, said by the state they are in
_SINGLE_CONDITION = re.compile(
    _ONE_PERSON + r"\s+(?:\w+ly\s+)?(?:remains?|remained|is|was|were|has\s+been|had\s+been|is\s+listed|was\s+listed)\s+"
    r"(?P<verb>in\s+(?:critical|serious|grave|stable|fair|life-threatening)(?:\s+but\s+stable)?\s+condition)\b",
    re.I)
# "the girl was shot in the arm": one person hit and, unless the sentence goes on to a death, hurt
_SINGLE_HIT = re.compile(
    _ONE_PERSON + r"\s+(?:was|had\s+been|has\s+been|is)\s+(?:\w+ly\s+)?(?P<verb>shot|struck|hit|grazed)"
    r"(?:\s+(?:once|twice|several\s+times|multiple\s+times))?\s+in\s+(?:the|his|her|both)\s+"
    r"(?:arm|arms|leg|legs|hand|foot|feet|shoulder|back|chest|stomach|abdomen|hip|thigh|knee|ankle|ankles|"
    r"buttocks|side|neck|face|head|torso|wrist|elbow)\b(?![^.;]*\b(?:died|dead|killed|fatal|fatally|death|succumbed)\b)",
    re.I)
# the lookahead holds the first letters of the verbs below ("the killing of" included):
# most words fail on it at once; keep it in step when a verb is added
_ACTIVE_SINGLE = re.compile(
    r"\b(?=[abdegiklmstw])(?P<verb>killing|killed|kills|assassinated|assassinating|murdered|murdering|beheaded|beheading|"
    r"executed|executing|lynched|lynching|shot\s+dead|shooting\s+dead|shot\s+and\s+killed|gunned\s+down|"
    r"stabbed\s+to\s+death|(?:the\s+)?(?:killing|death|murder|execution)\s+of|leaving|left|"
    r"injuring|injured|wounding|wounded|(?:the\s+)?(?:injuring|wounding)\s+of)\s+"
    r"(?:(?P<det>an?|one|the)\s+(?!number\b|few\b|total\b|dozen|couple|handful|group|family|series|"
    r"lot\b|hundred|thousand|score|rest\b|other\b|others\b|following\b|next\b|previous\b|same\b|day\b|night\b)(?P<np>[\w\-'’]+(?:\s+[\w\-'’]+){0,3}?)"
    r"(?=(?:\s+(?:and|in|at|on|near|from|who|with|of|when|as|after|during|while|for|by|to|dead|injured|wounded)\b)|\s*[,.;(]|$)"
    r"|another\b)",
    re.I)
_ACTIVE_NAMED = re.compile(
    r"\b(?:killed|killing|assassinated|assassinating|murdered|murdering|executed|executing|beheaded|"
    r"shot\s+dead|shot\s+and\s+killed|gunned\s+down)\s+(?P<name>(?:(?:[A-Z][\w\-'’]+|al|el|bin|abu|ibn)\s+){1,5}?"
    r"(?:[A-Z][\w\-'’]+|(?:al|el)-[\w'’]+))(?P<second>\s+and\s+(?:(?:[A-Z][\w\-'’]+|al|el|bin|abu|ibn)\s+){0,4}?(?:[A-Z][\w\-'’]+|(?:al|el)-[\w'’]+))?"
    r"(?=\s*[,.;(]|\s+(?:in|at|near|on|outside|inside|and|while|as|when|after|from|during)\b)")
_TWO_SINGLES = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=,\s))(?:the|a|an)\s+(?:[\w\-]+\s+){0,2}?(?:[\w\-]+[^s\s]\s+)and\s+(?:the|a|an|his|her|their)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:were|had\s+been|have\s+been)\s+(?:\w+ly\s+|also\s+)?(?:shot\s+and\s+)?"
    r"(?P<verb>killed|wounded|injured|hurt|shot\s+dead|executed|murdered)\b", re.I)
_AND_ONE_MORE = re.compile(
    r"\b(?:and|while|but)\s+(?:a|an|another|one\s+other|(?:a|the)\s+(?:second|third|fourth|fifth)|their|his|her)"
    r"(?:\s+(?!was\b|were\b)[a-z\-]+){0,2}?\s+(?:was\s+|were\s+)?(?:also\s+|later\s+|reportedly\s+|seriously\s+|critically\s+)?"
    r"(?P<verb>wounded|injured|hurt|killed|died)\b", re.I)
_BODY_FOUND = re.compile(r"\bresult(?:ing|ed)\s+in\s+(?:his|her)\s+death\b|\b(?:the|a)\s+(?:dead\s+)?(?:body|corpse)\s+of\s+(?:an?|one)\b|"
                         r"\ban?\s+(?:\w+\s+){0,2}?\w+['’]s\s+(?:dead\s+)?(?:body|corpse)\b|"
                         r"\b(?:an?|the)\s+(?:dead\s+)?body\s+(?:was|has\s+been)\s+found\b", re.I)
_NAMED_KILLED = re.compile(
    r"(?:^|[.;]\s+|:\s+)(?P<name>(?:(?:[A-Z][\w\-'’]*|al|el|bin|ibn|abu|al-\w+)\s+){0,4}?(?:[A-Z][\w\-'’]+|(?:al|el)-[\w'’]+))\s*(?:,[^.;]{1,120}?,\s*)?"
    r"(?:(?:was|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:(?:shot|stabbed)\s+(?:and\s+)?)?"
    r"(?P<verb>killed|shot\s+dead|murdered|executed|beheaded|assassinated|found\s+dead|(?:pronounced|declared)\s+dead|gunned\s+down|"
    r"injured|wounded)|(?P<died>died))\b(?P<along>\s+(?:in\s+the\s+\w+\s+)?along\s+with\s+(?P<n>[\w\-]+))?")
_NOT_NAMES = frozenset({"he", "she", "they", "it", "this", "that", "there", "police", "security", "no", "nobody", "one"})
# each one-person pattern with the words one of which its every match holds (a pattern is tried
# only on a text holding one: most sentences hold none, and the patterns backtrack on every "a")
_SINGLE_PATTERNS = (
    (_SINGLE_KILLED, frozenset({"killed", "shot", "stabbed", "beaten", "murdered", "executed", "beheaded",
                                "assassinated", "found", "pronounced", "declared", "lynched", "slain", "gunned", "hanged", "injured",
                                "wounded", "hurt"})),
    (_SINGLE_DIED, frozenset({"died", "succumbed"})),
    (_NAMED_KILLED, frozenset({"killed", "shot", "murdered", "executed", "beheaded", "assassinated", "found", "pronounced", "declared",
                               "gunned", "injured", "wounded", "died"})),
    (_SINGLE_CONDITION, frozenset({"condition"})),
    (_SINGLE_HIT, frozenset({"shot", "struck", "hit", "grazed"})),
)



def _plural(word: str) -> bool:
    """Return True when `word` looks like a plural noun."""
    w = word.lower()
    return w.endswith("s") and not w.endswith(("ss", "us", "is")) or w in ("people", "men", "women", "children", "police")



def _background(text: str, start: int) -> bool:
    """Return True when the figure at `start` is a cause given for the event ("in retaliation for the killing of 3")."""
    return bool(role_res()["background"].search(text[max(0, start - 40):start]))



def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Return True when [start, end) overlaps one of `spans`."""
    return any(start < b and a < end for a, b in spans)



def _singular_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Return one-person casualties written without a number ("a man was shot dead")."""
    found = []
    pronouns = {"it", "this", "that", "which", "who", "whom"}  # "a man who was killed" is a relative clause: background
    low = text.lower()
    for pat, needed in _SINGLE_PATTERNS:
        if not any(w in low for w in needed):
            continue  # none of the words the pattern cannot match without: no need to try it
        for m in pat.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            noun = (m.groupdict().get("noun") or "").lower()
            name = m.groupdict().get("name")
            if name and name.split()[0].lower() in _NOT_NAMES:
                continue
            if noun in pronouns or noun.endswith("ing"):
                continue
            if noun and noun.endswith("s") and not noun.endswith(("ss", "us")) and noun not in ("police",):
                continue  # a plural with no figure: unknown number
            if noun in ("attack", "blast", "explosion", "incident"):
                continue
            verb = (m.groupdict().get("verb") or "died").lower()
            role = "injured" if verb in ("injured", "wounded", "hurt", "shot", "struck", "hit", "grazed") or verb.endswith(
                "condition") else "killed"
            det = (m.groupdict().get("det") or "").lower()
            along = parse_number(m.group("n")) if m.groupdict().get("n") else None
            found.append(Mention(role, 1 + (along or 0), m.start(), m.end(), _qualifier(text, m.start(), m.group(0)),
                                 definite=det == "the",
                                 attacker=bool(role_res()["attacker"].search(m.group(0)))))
            taken.append((m.start(), m.end()))
    for m in _ACTIVE_SINGLE.finditer(text):
        if _overlaps(m.start(), m.end(), taken) or _background(text, m.start()):
            continue
        words = (m.group("np") or "").split()
        if m.group("det") and m.group("det").lower() == "the" and any(_plural(w) for w in words):
            continue  # "killed the militants": a plural with no figure
        role = "injured" if re.match(r"(?:injur|wound)", m.group("verb"), re.I) else "killed"
        if m.group("verb").lower() in ("leaving", "left"):
            after = re.match(r"\s*(dead|injured|wounded)\b", text[m.end():], re.I)
            if not after:
                continue  # "left a message" is no casualty
            role = "killed" if after.group(1).lower() == "dead" else "injured"
        found.append(Mention(role, 1, m.start(), m.end(), _qualifier(text, m.start(), "")))
        taken.append((m.start(), m.end()))
    for m in _ACTIVE_NAMED.finditer(text):
        if _overlaps(m.start(), m.end(), taken) or _background(text, m.start()):
            continue
        found.append(Mention("killed", 2 if m.group("second") else 1, m.start(), m.end(), _qualifier(text, m.start(), "")))
        taken.append((m.start(), m.end()))
    for m in _TWO_SINGLES.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        role = "injured" if m.group("verb").lower() in ("wounded", "injured", "hurt") else "killed"
        found.append(Mention(role, 2, m.start(), m.end(), _qualifier(text, m.start(), m.group(0))))
        taken.append((m.start(), m.end()))
    for m in _AND_ONE_MORE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        role = "injured" if m.group("verb").lower() in ("wounded", "injured", "hurt") else "killed"
        found.append(Mention(role, 1, m.start(), m.end(), _qualifier(text, m.start(), "")))
        taken.append((m.start(), m.end()))
    for m in _BODY_FOUND.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        found.append(Mention("killed", 1, m.start(), m.end(), None,
                             definite=m.group(0).lower().startswith("the body was")))
        taken.append((m.start(), m.end()))
    return found



def _suicide_mentions(text: str) -> list[Mention]:
    """Return the dead attackers implied by a suicide attack or "in addition to the bomber"."""
    found = []
    m = re.search(r"\bin\s+addition\s+to\s+(?:the\s+)?(?P<n>\w+\s+)?(?:suicide\s+)?"
                  r"(?:bombers?|assailants?|attackers?|perpetrators?)\b", text, re.I)
    if m:
        n = parse_number(m.group("n")) if m.group("n") else None
        found.append(Mention("killed", n or (2 if m.group(0).lower().endswith("s") else 1),
                             m.start(), m.end(), None, attacker=True))
        return found
    m = re.search(r"\b(?:(?P<n>[\w\-]+)\s+)?suicide\s+(?:car\s+|truck\s+)?(?:bombers?|attackers?)\b|"
                  r"\bblew\s+(?:himself|herself|themselves)\s+up\b", text, re.I)
    if m:
        rest = text[m.end():m.end() + 120].split(".")[0]
        if re.search(rf"\b(?:{alt(casualty_words()['attacker_survived'])})\b", rest, re.I):
            return found
        n = parse_number(m.group("n")) if m.group("n") else None
        if n is None:
            n = 2 if re.search(r"bombers|attackers|themselves", m.group(0), re.I) else 1
        found.append(Mention("killed", n, m.start(), m.end(), None, attacker=True))
    return found



_CAPTIVES_FATE = re.compile(
    r"\b(?:the\s+(?:victims|captives|hostages|abductees|kidnapped|bodies|corpses)|they|their\s+(?:bodies|corpses)|"
    r"the\s+[\w\-]+(?:\s+[\w\-]+)?['’]\s+bodies|the\s+bodies\s+of\s+the\s+\w+)\s+(?:were|had\s+been)\s+"
    r"(?:later\s+|subsequently\s+|all\s+|then\s+)?(?:executed|killed|beheaded|shot\s+dead|shot\s+and\s+killed|found\s+dead|found|discovered|recovered)\b"
    r"|\b(?:later\s+|then\s+|subsequently\s+)?(?:killed|executed|beheaded|shot\s+dead)\s+(?:them|all\s+of\s+them)\b",
    re.I)
_TAKEN = re.compile(
    r"\b(?:kidnapped|abducted|arrested|captured|detained)\s+(?:at\s+least\s+|approximately\s+|some\s+)?(?P<np>[^.;:]{1,80}?)(?=\s+(?:from|in|at|near|on|during|while|after|and\s+(?:took|later|then|killed|executed|shot))\b|[.;,])"
    r"|(?P<np2>\b[^.;:,]{1,40}?)\s+(?:were|was)\s+(?:kidnapped|abducted|taken\s+hostage|arrested|captured|detained)\b", re.I)



def _captives_killed(text: str) -> list[Mention]:
    """Return the captives said to be killed later ("kidnapped 15 men ... their bodies were found")."""
    fate = _CAPTIVES_FATE.search(text)
    if not fate:
        return []  # rare, and cheaper to find than the abduction
    taken = _TAKEN.search(text)
    if not taken or taken.start() > fate.start():
        return []
    np = taken.group("np") or taken.group("np2")
    np = re.sub(r"^(?:at\s+least|approximately|about|around|some|more\s+than)\s+", "", np.strip(), flags=re.I)
    value = 0
    for part in re.split(r"\s+and\s+", np):
        first = part.split()[0].lower() if part.split() else ""
        n = number_re().match(part.strip())
        if n and parse_number(n.group(0)) is not None and not not_count(part.strip()[n.end():]):
            value += parse_number(n.group(0))
        elif first in ("a", "an", "one") or (part[:1].isupper() and taken.group("np")):
            value += 1
    if not value:
        return []
    return [Mention("killed", value, taken.start(), fate.end(), None)]



def find_counts(text: str) -> list[Mention]:
    """Return every casualty figure of `text`, in order of position."""
    # events sharing a sentence read it once; callers get copies they may shift
    return [dataclasses.replace(m) for m in _cached_counts(text)]



@lru_cache(maxsize=256)
def _cached_counts(text: str) -> tuple[Mention, ...]:
    """Return the casualty figures of `text` (read by `_find_counts`), kept for the next reader of the same text."""
    return tuple(_find_counts(text))



_RANGE = re.compile(r"\bbetween\s+(?P<lo>[\w,]+)\s+and\s+(?:about\s+|around\s+|some\s+|approximately\s+)?[\w,]+\b"
                    r"|\b(?P<lo2>\d+)\s*(?:-|\u2013|to)\s*\d+\b(?![-/.:]\d)", re.I)


def _lower_bounds(text: str) -> str:
    """Return `text` with each range of figures ("between 11 and 20", "8-9") blanked to its lower figure, same length."""
    def low(m: re.Match) -> str:
        lo = m.group("lo") or m.group("lo2")
        if parse_number(lo.replace(",", "")) is None:
            return m.group(0)
        at = m.start("lo") if m.group("lo") else m.start("lo2")
        return " " * (at - m.start()) + lo + " " * (m.end() - at - len(lo))
    return _RANGE.sub(low, text)


def _find_counts(text: str) -> list[Mention]:
    """Return every casualty figure of `text`, in order of position."""
    text = _lower_bounds(text)  # "killed between 11 and 20 people": the lower figure, as ACLED and GTD code it
    res = role_res()
    blocked = [(d.start, d.end) for d in find_dates(text) if d.kind != "relative"]
    blocked += [m.span() for m in _PARENS_SIZE.finditer(text)]
    found: list[Mention] = []
    for key in ("this_event", "acled_total", "coded", "fatalities"):
        for m in res[key].finditer(text):
            if any(s < m.end() and m.start() < e for s, e in blocked):
                continue
            more = m.groupdict().get("more")
            value = int(m.group("n") or m.group("n2")) if "n2" in m.groupdict() else int(m.group("n"))
            value += int(more) if more else 0
            found.append(Mention("killed", value, m.start(), m.end(), None, total=True, coded=key != "fatalities"))
            blocked.append(m.span())
    for m in res["none"].finditer(text):
        said = m.group(0).lower()
        if not re.search(r"hurt|injured|wounded", said):
            found.append(Mention("killed", 0, m.start(), m.end(), None, total=True))
        if re.search(r"casualt|hurt|injured|wounded", said):
            found.append(Mention("injured", 0, m.start(), m.end(), None, total=True))
    nums = _number_mentions(text, blocked)
    found += nums
    taken = [(m.start, max(m.end, m.reach)) for m in found]
    found += _singular_mentions(text, taken)
    found += gunshot_mentions(text, taken)
    if not any(m.role == "killed" for m in found):
        found += _captives_killed(text)
    if not any(m.attacker for m in found if m.role == "killed"):
        found += _suicide_mentions(text)
    brackets = [b.span() for b in re.finditer(r"\([^()]*\)", text)]
    for m in found:
        m.aside = any(s < m.start < e for s, e in brackets)
    found.sort(key=lambda m: m.start)
    return found
