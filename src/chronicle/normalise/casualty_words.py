"""The words of casualty figures: the record of one figure found in a text (`Mention`), the
casualty vocabulary (data/casualty_words.json) and the patterns built from it: number
phrases, words that make a number no casualty figure (an age, a size, a sum), and the
words that tie a figure to its role (killed, injured, shot)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from .numbers import number_words


@dataclass
class Mention:
    """One casualty figure found in a text."""

    role: str  # killed, injured, shot (hit by gunfire: killed or injured)
    value: int
    start: int
    end: int
    qualifier: Optional[str] = None
    total: bool = False  # a stated total that replaces the sum of the parts
    definite: bool = False  # "the two victims": may repeat an earlier figure
    attacker: bool = False  # the dead include the attackers themselves
    reach: int = 0  # end of the whole phrase ("... were killed"), when longer than the figure
    additive: bool = False  # "two more", "another five", "were also killed": adds to an earlier figure
    coded: bool = False  # a total the note says it codes ("Fatalities coded as 3"), over others it reports
    aside: bool = False  # inside brackets: another source's figure or a breakdown ("(22 according to X)")
    weak: bool = False  # one person told with no number ("he died"): counted only when no other figure of its role is


@lru_cache(maxsize=1)
def casualty_words() -> dict:
    """Return the casualty-word data."""
    return json.loads(resources.files(__package__).joinpath("data/casualty_words.json").read_text("utf-8"))


def alt(words) -> str:
    """Return a regex alternation of `words`, longest first, spaces matching any blank."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def number_re() -> re.Pattern:
    """Return the pattern of a number phrase (digits, number words, vague quantities)."""
    n = number_words()
    word = alt([w for w in n["units"] if w not in ("a", "an", "no", "none", "single", "lone")]
                + list(n["tens"]) + list(n["multipliers"]))
    words = rf"(?:{word})(?:(?:\s+and\s+|[\s\-]+)(?:{word}))*"
    groups = rf"(?:a\s+|one\s+|two\s+|three\s+)?(?:{alt(n['groups'])})(?:\s+of)?"
    vague = rf"(?:{alt(n['vague'])})(?=\s+(?!\d|(?:{word})\b))"
    digits = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?![\d,.:/]\d)"
    return re.compile(rf"(?<![\w$£€,/:-])(?<![\d$]\.)(?:{digits}|{groups}|{words}|{vague})(?![\w-])", re.I)


# a number followed by these is an age, a size, a calibre, a time or money
@lru_cache(maxsize=1)
def not_count_res() -> tuple[re.Pattern, re.Pattern]:
    """Return the patterns of words after / before a number that make it no casualty figure."""
    n = number_words()
    after = re.compile(rf"^[\s-]?(?:{alt(n['not_count_after'])})(?![a-z])".replace(r"\ ", r"[\s-]+"), re.I)
    before = re.compile(rf"(?:{alt(n['not_count_before'])})\s*$", re.I)
    return after, before


def not_count(after: str, before: str = "") -> bool:
    """Return True when the words around a number make it an age, size, time, sum or thing."""
    a, b = not_count_res()
    return bool(a.match(after) or (before and b.search(before)))


@lru_cache(maxsize=1)
def role_res() -> dict[str, re.Pattern]:
    """Return the compiled casualty-word patterns."""
    w = casualty_words()
    link = (r"(?:\s*,?\s*(?:were|was|are|is|have|has|had|been|being|be|also|later|reportedly|"
            r"allegedly|reported|all|both|each|subsequently|instantly|immediately|initially|"
            r"seriously|critically|severely|badly|slightly|lightly|mortally|fatally|"
            r"(?:shot|stabbed|kidnapped|abducted|tortured|beaten|attacked|captured)\s+and|shot|stabbed|found|claimed|said|believed|thought|to|left|confirmed|"
            r"feared))*")
    return {
        "killed_after": re.compile(rf"^{link}\s*,?\s*(?:{alt(w['killed_after'])})\b", re.I),
        "injured_after": re.compile(rf"^{link}\s*,?\s*(?:{alt(w['injured_after'])})\b", re.I),
        "killed_before": re.compile(rf"\b(?:{alt(w['killed_before'])})\s*$", re.I),
        "injured_before": re.compile(rf"\b(?:{alt(w['injured_before'])})\s*$", re.I),
        "shot_after": re.compile(rf"^{link}\s*,?\s*(?:{alt(w['shot_after'])})\b", re.I),
        "shot_before": re.compile(rf"\b(?:{alt(w['shot_before'])})\s*$", re.I),
        "any_after": re.compile(rf"(?:{alt(w['killed_after'] + w['injured_after'] + w['shot_after'])})\b", re.I),
        "any_before": re.compile(rf"\b(?:{alt(w['killed_before'] + w['injured_before'] + w['shot_before'])})", re.I),
        "qual_before": re.compile(rf"\b(?:{alt(w['qualifiers'])})\s*$", re.I),
        "subset": re.compile(rf"\b(?:{alt(w['subset_cues'])})\b", re.I),
        "acled_total": re.compile(rf"\b(?:{alt(w['acled_totals'])})\s*(?:across\s+\w+\s+events\s*)?\(?\s*(?P<n>\d+)", re.I),
        "fatalities": re.compile(r"(?<![\w,])(?<!\d\.)(?P<n>\d+)\s+(?:[\w/-]+\s+){0,2}?"
                                 r"(?:and\s+(?P<more>\d+)\s+(?:[\w/-]+\s+){0,2}?)?fatalit(?:y|ies)\b", re.I),
        "this_event": re.compile(r"\b(?P<n>\d+)\s+(?:[\w-]+\s+){0,2}?fatalit(?:y|ies)\b(?:\s*\([^()]*\))?\s+"
                                 r"(?:(?:are|is|were|was|have\s+been|has\s+been)\s+)?coded\s+to\s+this\s+event", re.I),
        "coded": re.compile(r"\bfatalit(?:y|ies)\b[^.;\[\]]{0,40}?\b(?:coded|reported)\s+(?:as|at)\s+(?P<n>\d+)"
                            r"(?:,?\s+in\s+addition\s+to\s+(?P<more>\d+)\s+(?:known\s+)?fatalit)?|"
                            r"\bfatalit(?:y|ies)\b[^.;\[\]]{0,60}?\brounded\s+(?:down|up)\s+to\s+(?P<n2>\d+)", re.I),
        "none": re.compile(r"\bno\s+(?:reported\s+)?(?:fatalities|deaths|casualties)\b|\b(?:no\s+one|nobody)\s+(?:was|were)\s+(?:killed|hurt|injured|wounded)\b", re.I),
        "split": re.compile(r"\b(?:split|distributed|divided|spread)(?:\s+equally)?\s+(?:up\s+)?(?:between|across|among|over)\s+"
                            r"(?P<n>\w+)\s+(?:events|locations|incidents|attacks|days)\b(?!\s*\(\s*\d)", re.I),
        "attacker": re.compile(rf"\b(?:{alt(w['attacker_nouns'])})\b", re.I),
        "qualifier": re.compile(rf"\b(?:{alt(w['qualifiers'])})\b", re.I),
        "background": re.compile(rf"\b(?:{alt(w['background_cues'])})\b[^.;]*$", re.I),
    }
