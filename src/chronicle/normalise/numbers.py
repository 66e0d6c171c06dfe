"""Numbers as news text writes them ("twenty-five", "1,200", "dozens") and the headline an article
opens with: read the same way by dates and counts."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from ..records import Article


@lru_cache(maxsize=1)
def number_words() -> dict:
    """Return the number-word data."""
    return json.loads(resources.files(__package__).joinpath("data/numbers.json").read_text("utf-8"))


def parse_number(text: str) -> Optional[int]:
    """Return the integer a number phrase means ("twenty-five", "1,200", "a dozen", "dozens"), or None."""
    n = number_words()
    t = re.sub(r"[\s\-]+", " ", text.strip().lower()).replace(" of", "").strip()
    if not t:
        return None
    if re.fullmatch(r"\d{1,3}(,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    if t in n["vague"]:
        return n["vague"][t]
    total, current, seen = 0, 0, False
    for w in t.split():
        if w == "and":
            continue
        if re.fullmatch(r"\d+", w):
            current += int(w)
        elif w in n["units"]:
            current += n["units"][w]
        elif w in n["tens"]:
            current += n["tens"][w]
        elif w in n["groups"]:
            current = max(current, 1) * n["groups"][w]
        elif w in n["multipliers"]:
            current = max(current, 1) * n["multipliers"][w]
            if n["multipliers"][w] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def headline_span(article: Article) -> Optional[tuple[int, int]]:
    """Return the (start, end) of the headline the article's text opens with, or None."""
    text, title = article.text, (article.title or "").strip()
    if not title:
        return None
    at = len(text) - len(text.lstrip())
    end = at + len(title)
    if text.startswith(title, at) and text[end:end + 1] in ("\n", ""):
        return at, end
    return None
