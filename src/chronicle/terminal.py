"""Text for a terminal: article words made safe (no control characters), tables, marked evidence."""
from __future__ import annotations

import re
from typing import Any

# Article text may carry terminal escape sequences; none of it reaches the terminal raw.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ANSI = {"trigger": "\x1b[1;31m", "actor": "\x1b[1;34m", "target": "\x1b[1;35m",
        "place": "\x1b[32m", "date": "\x1b[36m", "killed": "\x1b[33m", "injured": "\x1b[33m",
        "instrument": "\x1b[4m"}
RESET = "\x1b[0m"


def safe(value: Any, one_line: bool = True) -> str:
    """Return `value` as text safe for a terminal (no control characters; one line if asked)."""
    s = "" if value is None else str(value)
    if one_line:
        s = re.sub(r"[\r\n\t\v\f\x85\u2028\u2029]+", " ", s)
    return _CONTROL.sub("\ufffd", s)


def _cut(s: str, width: int) -> str:
    return s if len(s) <= width else s[: width - 1] + "\u2026"


def table(rows: list[list[Any]], header: list[str], widths: list[int]) -> str:
    """Return rows as a plain-text table with cells cut to `widths`."""
    cells = [[_cut(safe(c), w) for c, w in zip(r, widths)] for r in [header] + rows]
    real = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, real)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in real))
    return "\n".join(lines)


def mark(pieces: list, color: bool) -> str:
    """Return evidence pieces (words, label) as one line: labels in colour, or as [words]label."""
    out = []
    for words, label in pieces:
        w = safe(words)
        if label is None:
            out.append(w)
        elif color:
            out.append(f"{ANSI[label]}{w}{RESET}")
        else:
            out.append(f"[{w}]{label}")
    return "".join(out)
