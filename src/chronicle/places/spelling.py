"""Place-name spelling: the folded form names are matched on, the index key, the consonant
skeleton for transliteration variants, and names in Arabic script.

One name is written many ways in news and in gazetteers: "Al-Qaim", "Al Qa'im", "Qaim";
"Deir ez-Zor", "Dayr az Zawr"; "Balad Ruz", "Baladruz"; "Hasakeh", "Al Hasakah". The
folded form drops case, accents, apostrophes and Arabic articles and reads "-ah"/"-eh"
endings alike; the key also drops the spaces, so that a name split in two words or joined
in one meets; the skeleton keeps the consonants only, for variants the key still misses.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼʻ`´ʿʾ\"ʹ"), None)
_SEPARATORS = dict.fromkeys(map(ord, "-‐‑–_./,()"), " ")
# Latin letters that NFKD does not decompose into ASCII
_LATIN = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae",
                        "œ": "oe", "þ": "th", "ð": "d", "ħ": "h", "ŀ": "l", "ŧ": "t",
                        "ə": "a", "ɛ": "e", "ɔ": "o", "ŋ": "ng"})
# The Arabic article in its Latin spellings: assimilated ("ad-", "ash-", "az-") or not
# ("al-", "el-", "ul-"). Dropped anywhere in a name of several words.
ARTICLES = frozenset({"al", "el", "ul", "il", "ad", "an", "ar", "as", "ash", "at", "az",
                      "ath", "adh", "aj", "ed", "en", "er", "es", "esh", "et", "ez", "ech",
                      "ej", "eth", "edh"})

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")
_ARABIC_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي",
                                 "ئ": "ي", "ة": "ه", "ۀ": "ه", "ؤ": "و", "ک": "ك", "گ": "ك",
                                 "ڭ": "ك", "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف",
                                 "ء": None, "\u200c": " ", "\u200d": None, "\u200e": None,
                                 "\u200f": None, "،": " "})


def is_arabic(name: str) -> bool:
    """Say whether `name` is written in Arabic script."""
    return _ARABIC.search(name) is not None


def _fold_arabic(name: str) -> str:
    s = _ARABIC_MARKS.sub("", name).translate(_ARABIC_LETTERS)
    s = re.sub(r"[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF ]+", " ", s)
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in s.split()]
    return " ".join(words)


def fold(name: str) -> str:
    """Return `name` folded for matching: lower case, no accents, no Arabic article, "-ah" as "-a".

    Names in Arabic script are folded in that script (hamza forms, ta marbuta and the
    article "ال" unified); names in other non-Latin scripts fold to "". Not cached: for
    building the index, where each name comes once.
    """
    s = name
    if not s.isascii():  # most names are plain ASCII: skip the slow decomposition
        if is_arabic(s):
            return _fold_arabic(s)
        s = unicodedata.normalize("NFKD", s.lower().translate(_LATIN).translate(_APOSTROPHES))
        s = s.encode("ascii", "ignore").decode()  # accents, and letters of other scripts
        if not s.strip():
            return ""
    s = s.lower().translate(_APOSTROPHES).translate(_SEPARATORS)
    words = s.split()
    if len(words) > 1:
        kept = [w for w in words[:-1] if w not in ARTICLES] + words[-1:]
        words = kept
    # "Basrah" and "Basra", "Hasakeh" and "Hasakah" are one name
    return " ".join(w[:-2] + "a" if len(w) > 3 and w[-2:] in ("ah", "eh") else w for w in words)


normalise = lru_cache(maxsize=200_000)(fold)


@lru_cache(maxsize=200_000)
def key(name: str) -> str:
    """Return the index key of `name`: its folded form without spaces ("Balad Ruz" = "Baladruz")."""
    return normalise(name).replace(" ", "")


_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("dh", "d"), ("th", "t"), ("ch", "s"),
             ("ph", "f"), ("ou", "u"), ("dj", "j"))
_SINGLES = str.maketrans({"q": "k", "c": "k", "z": "s", "w": "u", "v": "u", "x": "ks"})
_VOWELS = dict.fromkeys(map(ord, "aeiouy"), None)
_REPEATS = re.compile(r"(.)\1+", re.S)


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """Return the consonant skeleton of `name`, for spelling variants ("Dejail" ~ "Dujail").

    Arabic-script names have none (their letters are consonants already): "".
    """
    return skeleton_of_key(key(name))


def skeleton_of_key(s: str) -> str:
    """Return the consonant skeleton of an index key (see `key`)."""
    if not s or not s.isascii():
        return ""
    for a, b in _DIGRAPHS:
        if a in s:
            s = s.replace(a, b)
    s = s.translate(_SINGLES)
    s = s[0] + s[1:].translate(_VOWELS)
    return _REPEATS.sub(r"\1", s).rstrip("h")

