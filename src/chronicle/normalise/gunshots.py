"""One person shot or dead, said with no number: "a 10-year-old boy was shot", "the girl shot
herself in the leg", "he accidentally shot his brother", "a man suffered a gunshot wound",
"a teenager was fatally shot", "he died at the hospital", and the shooter who then killed
himself. The person is counted as one shot (killed or injured: counts.py takes the injured as
those shot less those killed, and reads these only in a text that tells of no death), or one
killed. These figures are weak: counted only when no other figure of their role is given, and
once however often the text retells them. The shooter's own death adds to the others'."""
from __future__ import annotations

import re
from functools import lru_cache

from .casualty_words import Mention, alt, casualty_words, role_res

# a word that says a person shot died: a shooting told with one is no count of the injured
_DEATH = re.compile(r"\b(?:died|dies|die|dead|killed|killing|fatal|fatally|death|deadly|succumbed|"
                    r"lifeless|homicide|murder|murdered|slain|slaying)\b", re.I)
_SENTENCE_END = re.compile(r"[.;!?\n]")
# a death told anywhere in a text, less the words that deny one ("non-fatal", "no one was killed")
_TOLD_DEATH = re.compile(r"\b(?:died|dies|dead|killed|fatal|fatally|death|deadly|succumbed|slain|homicide|murder|murdered)\b", re.I)
_NO_DEATH = re.compile(r"\bnon[\s-]fatal\b|\b(?:no\s+one|nobody|none)\s+(?:else\s+)?(?:was|were)\s+(?:\w+\s+)?killed\b|"
                       r"\bnot\s+(?:\w+\s+)?(?:killed|dead|fatal)\b", re.I)
# "she later died": the one person told hurt before is the one who died
_PRONOUN_DIED = re.compile(r"\b(?:he|she)\s+(?:\w+\s+)?(?:died|succumbed|passed\s+away|was\s+(?:pronounced|declared)\s+dead)\b",
                           re.I)
# the one who shot killed himself; "killing himself and 12 others" is read with its figure (casualties.py)
_SELF_KILLED = re.compile(r"\b(?:(?:killed|killing|kills|fatally\s+shot|fatally\s+shooting)\s+(?:himself|herself)\b(?!\s+and\b)|"
                          r"(?:committed|committing|commits)\s+suicide\b|took\s+(?:his|her)\s+own\s+life\b)", re.I)
# a suicide attack: casualties.py counts its bombers; "killing himself" there may be a guard who smothered the blast
_BOMBING = re.compile(r"\bbomb|\bexplo|\bdetonat|\bblew\s+(?:himself|herself|themselves)\s+up\b", re.I)


@lru_cache(maxsize=4)
def tells_death(text: str) -> bool:
    """Return True when `text` tells of a death: one person said shot, with no number, may then be the one who died.

    Asked of a whole article for each of its events: read once per article."""
    return bool(_TOLD_DEATH.search(_NO_DEATH.sub(" ", text)))


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    """Return (role, pattern, the words one of which its every match holds) of each way of saying one
    person was shot or died (a pattern is tried only on a text holding one of its words)."""
    w = casualty_words()
    person = rf"(?:{alt(w['person_nouns'])}|\d+[\s-]*(?:year|month|week)s?[\s-]*old|[a-z]+-(?:year|month)-old)"
    one = (r"\b(?:an?|the|one|his|her|their)\s+(?:(?!and\b|or\b|but\b|who\b|that\b|which\b)[\w\-'’]+\s+){0,3}?" + person)
    aux = r"(?:was|is|has\s+been|had\s+been|got|gets)\s+(?:\w+ly\s+|also\s+|reportedly\s+|then\s+)*"
    return (
        # "he died at the hospital", "she was pronounced dead", "he passed away"
        ("killed", re.compile(r"\b(?:he|she)\s+(?:later\s+|subsequently\s+|eventually\s+|then\s+|also\s+)?"
                              r"(?:died|succumbed|passed\s+away|was\s+(?:pronounced|declared|found)\s+dead)\b", re.I),
         ("died", "succumbed", "passed", "dead")),
        # "a 22-year-old man is dead", "a teenager was fatally shot", "she was fatally wounded"
        ("killed", re.compile(r"(?:" + one + r"|\b(?:he|she))\s+(?:is|was|has\s+been|had\s+been)\s+(?:now\s+)?"
                              r"(?:dead\b|fatally\s+(?:shot|wounded|injured|struck|hit)\b)", re.I), ("dead", "fatally")),
        # "a shooting that claimed the life of a 9-year-old", "officers found the teen dead"
        ("killed", re.compile(r"\b(?:claimed|claiming|claims|took|taking)\s+the\s+life\s+of\s+(?:an?|his|her|their)\s+"
                              r"(?:(?!and\b|or\b)[\w\-'’]+\s+){0,2}?" + person + r"\b|"
                              r"\bfound\s+(?:an?|the|his|her|their)\s+(?:(?!and\b|or\b)[\w\-'’]+\s+){0,2}?" + person + r"\s+dead\b",
                              re.I), ("life", "dead")),
        # "a driver was shot in the chest and died later"
        ("killed", re.compile(r"(?:" + one + r"|\b(?:he|she))\s+" + aux + r"(?:shot|struck|hit|wounded|stabbed)\b[^.;:]{0,60}?"
                              r"\band\s+(?:later\s+|then\s+|subsequently\s+)?(?:died|succumbed)\b", re.I), ("died", "succumbed")),
        # "accused of fatally shooting his nephew", "the shooting death of a 15-year-old"
        ("killed", re.compile(r"\b(?:fatally\s+(?:shot|shooting|shoots)|(?:shooting\s+)?death\s+of)\s+(?:his|her|their|an?)\s+"
                              r"(?:(?!and\b|or\b)[\w\-'’]+\s+){0,2}?" + person + r"\b", re.I), ("fatally", "death")),
        # "a 10-year-old boy was shot Sunday", "she was accidentally shot", "the girl was struck by a stray bullet"
        ("shot", re.compile(r"(?:" + one + r"|\b(?:he|she))\s+(?:,[^,.;]{1,60},\s+)?" + aux +
                            r"(?:shot\b(?!\s+(?:at|dead|and\s+killed|to\s+death)\b)|grazed\b|"
                            r"(?:struck|hit)\s+(?:and\s+wounded\s+)?(?:by|with)\s+(?:an?\s+)?(?:stray\s+|single\s+)?"
                            r"(?:bullets?|gunfire|gunshots?|round)\b)", re.I), ("shot", "grazed", "struck", "hit")),
        # "a 5-year-old boy is recovering", "she is expected to recover"
        ("injured", re.compile(r"(?:" + one + r"|\b(?:he|she))\s+(?:is|was|remains|remained)\s+(?:\w+ly\s+|now\s+|still\s+)*"
                               r"(?:recovering|expected\s+to\s+(?:recover|survive|be\s+ok(?:ay)?))\b", re.I),
         ("recovering", "expected")),
        # "a woman has been hospitalized", "he is in stable condition"
        ("injured", re.compile(r"(?:" + one + r"|\b(?:he|she))\s+" + aux + r"(?:hospitalized|hospitalised)\b|"
                               r"\b(?:he|she)\s+(?:is|was|remains|remained)\s+(?:listed\s+)?in\s+"
                               r"(?:critical|serious|grave|stable|fair|good|guarded)(?:\s+but\s+stable)?\s+condition\b", re.I),
         ("hospitali", "condition")),
        # "the injured man was driven to a hospital"
        ("injured", re.compile(r"\b(?:the|an)\s+injured\s+(?:[\w\-'’]+\s+){0,2}?" + person + r"\b", re.I), ("injured",)),
        # "charged with shooting a 7-year-old boy", "the shooting of a teenager"
        ("shot", re.compile(r"\bshooting\s+(?:of\s+)?(?:his|her|their|an?)\s+(?:(?!and\b|or\b)[\w\-'’]+\s+){0,2}?" + person +
                            r"\b(?!\s+(?:and|or)\s+(?:(?:his|her|their|the|an?)\s+)?(?:[\w\-'’]+\s+)?" + person + r")", re.I),
         ("shooting",)),
        # "shot himself in the leg", "accidentally shoots herself"
        ("shot", re.compile(r"\b(?:shot|shoots|shooting)\s+(?:himself|herself)\b", re.I), ("himself", "herself")),
        # "accidentally shot his brother", "shot a friend in the face"
        ("shot", re.compile(r"\b(?:shot|shoots)\s+(?:his|her|their|the|an?)\s+(?:(?!and\b|or\b)[\w\-'’]+\s+){0,2}?" + person + r"\b"
                            r"(?!\s+(?:and|or)\s+(?:(?:his|her|their|the|an?)\s+)?(?:[\w\-'’]+\s+)?" + person + r")", re.I),
         ("shot", "shoots")),
        # "a man suffered a gunshot wound", "found the child with a gunshot wound to the face"
        ("shot", re.compile(r"\b(?:suffered|suffering|suffers|sustained|sustaining|with|treated\s+for|from)\s+"
                            r"(?:an?|one)\s+(?:single\s+|apparent\s+|minor\s+|serious\s+|non[\s-]life[\s-]threatening\s+|"
                            r"life[\s-]threatening\s+|self[\s-]inflicted\s+|possible\s+)*(?:gunshot|gun\s+shot|bullet)\s+wound\b",
                            re.I), ("wound",)),
    )


def _sentence(text: str, start: int, end: int) -> str:
    """Return the sentence of `text` around [start, end)."""
    before = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return text[before:after.start() if after else len(text)]


def first_weak(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return `mentions` with, of each role told only by one person with no number, those of its first
    sentence ("a boy was shot ... he was shot in the arm": one; "he shot his brother, then shot himself": two)."""
    keep: list[Mention] = []
    for m in mentions:
        if m.weak:
            first = next(f for f in mentions if f.weak and f.role == m.role)
            if _SENTENCE_END.search(text, first.start, m.start):
                continue
            said = text[m.start:m.end].lower().split()[-1]
            if said in ("himself", "herself") and any(k.weak and k.role == m.role and text[k.start:k.end].lower().endswith(said)
                                                      for k in keep):
                continue  # "boy shoots himself ... the boy shot himself": one person, told twice
        keep.append(m)
    return keep


def died_later(text: str, mentions: list[Mention], hurt_at: int) -> bool:
    """Return True when the only dead are told by "he" or "she" after the one person hurt at `hurt_at`."""
    dead = [m for m in mentions if m.role == "killed"]
    return bool(dead) and all(m.value == 1 and m.start > hurt_at and _PRONOUN_DIED.search(text[m.start:m.end]) for m in dead)


def gunshot_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Return the one-person figures of `text` outside the `taken` spans (a figure already read)."""
    found: list[Mention] = []
    low = text.lower()
    if ("himself" in low or "herself" in low or "suicide" in low or "own life" in low) and not _BOMBING.search(text):
        # "killed his son and then himself", "before killing himself": the shooter's death adds to the others'
        for m in _SELF_KILLED.finditer(text):
            if not any(m.start() < b and a < m.end() for a, b in taken):
                found.append(Mention("killed", 1, m.start(), m.end(), None, attacker=True, additive=True))
                taken.append((m.start(), m.end()))
                break  # told again further on, it is the same death
    if not any(w in low for w in ("shot", "shoot", "wound", "died", "dead", "succumbed", "bullet", "gunfire", "graze",
                                  "recover", "passed away", "injured", "life",
                                  "hospitali", "condition")):
        return found
    for role, pat, needed in _patterns():
        if not any(w in low for w in needed):
            continue
        for m in pat.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if role_res()["background"].search(text[max(0, m.start() - 40):m.start()]):
                continue  # "justice for the death of a cousin": the cause of the event, not its toll
            if _DEATH.search(_sentence(text, m.start(), m.end())) and role != "killed":
                continue  # "a man was shot and later died": the words of the death tell the count
            found.append(Mention(role, 1, m.start(), m.end(), None,
                                 definite=m.group(0).lower().startswith("the "), weak=True))
            taken.append((m.start(), m.end()))
    return found
