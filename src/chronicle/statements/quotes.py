"""Quotations and content spans: where quotes open and close, and how a content is widened or clipped around its cue."""
from __future__ import annotations

import bisect
import re

from .cuewords import agentive, cues, lemma_of


TRIM = " \t\n,;:.—–-―"


def span_of(tokens) -> tuple[int, int]:
    """Return the character extent (start, end) of some tokens."""
    toks = list(tokens)
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return (start, end) without surrounding spaces and clause punctuation."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def subtree_without(tok, drop) -> list:
    """Return the tokens of `tok`'s subtree outside the subtrees of `drop`."""
    skip = set()
    for d in drop:
        skip.update(t.i for t in d.subtree)
    return [t for t in tok.subtree if t.i not in skip]


def contiguous(tokens, anchor) -> list:
    """Return the run of `tokens` (sorted by index) that holds `anchor`, without gaps."""
    idx = sorted(t.i for t in tokens)
    if not idx:
        return []
    pos = idx.index(anchor.i) if anchor.i in idx else 0
    lo = hi = pos
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi < len(idx) - 1 and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    doc = anchor.doc
    return [doc[i] for i in idx[lo:hi + 1]]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each quotation in `text`, marks included."""
    out, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        opener = ch in "“«" or (ch == '"' and (i == 0 or not text[i - 1].isalnum()))
        if not opener:
            i += 1
            continue
        line_end = text.find("\n", i)
        line_end = n if line_end < 0 else line_end
        j = i + 1
        while j < line_end:
            c = text[j]
            # straight and curly marks are mixed in the wild: either closes
            if c in "”»" or (c == '"' and (j + 1 >= n or not text[j + 1].isalnum())):
                break
            if c == "“" and j > i + 1:
                break  # a new quote opens before this one closed: this one is no quote, the new one may be
            j += 1
        if j < line_end and text[j] == "“":
            i = j
        elif j < line_end:
            out.append((i, j + 1))
            i = j + 1
        else:
            # a quote left open at a paragraph's end runs on in the next paragraph
            nxt = line_end
            while nxt < n and text[nxt] in "\n ":
                nxt += 1
            if nxt < n and text[nxt] in "“\"" and line_end - i > 20:
                out.append((i, line_end))
            i = line_end
    # some papers quote with doubled apostrophes: ''like this''
    found = sorted(out)
    for m in re.finditer(r"''(?:(?!'').){2,}?''", text, flags=re.S):
        k = bisect.bisect_left(found, (m.start(), m.start()))
        near = found[max(k - 1, 0):k + 1]
        if "\n\n" not in m.group() and not any(q[0] < m.end() and m.start() < q[1] for q in near):
            out.append((m.start(), m.end()))
    return sorted(out)


def in_quote(quotes, span) -> bool:
    """Tell whether a span lies inside a quotation."""
    k = bisect.bisect_right(quotes, (span[0], float("inf"))) - 1
    return k >= 0 and quotes[k][0] <= span[0] and span[1] <= quotes[k][1]


def near_quote(text: str, quotes, start: int, end: int, before: bool):
    """Return the quotation that starts right after `end` (or ends right before `start`)."""
    if before:
        k = bisect.bisect_right(quotes, (start, start)) - 1
        cands = [q for q in quotes[max(k - 1, 0):k + 1] if q[1] <= start]
    else:
        k = bisect.bisect_left(quotes, (end, end))
        cands = quotes[k:k + 1]
    for q in cands:
        gap = text[end:q[0]] if not before else text[q[1]:start]
        if len(gap) <= 3 and not gap.strip(" ,:\n"):
            return q
    return None


def one_paragraph(text: str, quotes, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """Clip a content to the paragraph next to its cue, unless a quotation runs on."""
    s, e = content
    if "\n" not in text[s:e] or any(q[0] <= s and e <= q[1] for q in quotes):
        return content
    if cue[1] <= s:
        cut = text.find("\n", s)
        return trim(text, s, cut) if cut > s else content
    if cue[0] >= e:
        cut = text.rfind("\n", s, e)
        return trim(text, cut + 1, e)
    return content


def across_paragraphs(text: str, quotes, content: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Tell whether a paragraph break separates a cue from its (unquoted) content."""
    gap = text[cue[1]:content[0]] if cue[1] <= content[0] else text[content[1]:cue[0]] if content[1] <= cue[0] else ""
    return "\n" in gap and not any(q[0] <= content[0] and content[1] <= q[1] for q in quotes)


def widen(text: str, quotes, content: tuple[int, int], cue: tuple[int, int],
           sent_end: int) -> tuple[int, int]:
    """Widen a content to whole quotations it touches; join a quote split by its cue."""
    s, e = content
    for q in quotes:
        if q[0] < e and s < q[1] and (q[1] - q[0]) > 2 and not (q[0] <= cue[0] < q[1]):
            s, e = min(s, q[0]), max(e, q[1])
    # “A,” he said, “B.” parsed with B as the complement: A is the first half
    starts_quote = any(q[0] == s for q in quotes)
    if s >= cue[1] and starts_quote and len(text[cue[1]:s].split()) <= 10 \
            and not re.search(r"[.;\n]|\bthat\b", text[cue[1]:s]):
        k = bisect.bisect_right(quotes, (cue[0], cue[0])) - 1
        if k >= 0 and quotes[k][1] <= cue[0] and text[quotes[k][1] - 2:quotes[k][1] - 1] == ",":
            gap = text[quotes[k][1]:cue[0]]
            if len(gap.split()) <= 5 and not re.search(r"[.;:\n]", gap):
                s = quotes[k][0]
    # “A,” he said, “B.”  /  “A,” he said. “B.” -- the quote goes on after the tag
    if e <= cue[0] and any(q[1] == e for q in quotes):
        stop = text.find("\n", cue[1])
        stop = len(text) if stop < 0 else stop
        # a quote inside the tag ("said on Fox's “Fox and Friends.”") is a title: the words go on after a comma or a stop
        nxt = next((q for q in quotes if cue[1] <= q[0] < stop and re.search(r"(?:[,.:;!?][\"”’']?|\b(?:and|but|or))\s*$", text[cue[1]:q[0]])), None)
        if nxt is not None and nxt[0] <= max(sent_end, cue[1]) + 3 \
                and not re.search(r"^\W*that\b|\b\w+ing\s+that\b|\badding\b", text[cue[1]:nxt[0]]):
            e = nxt[1]
    return s, e


def quote_tag(tok, data, objects: bool = False) -> bool:
    """Tell whether a verb outside the lexicon stands in a tag right after a quotation that ends in a comma, '?' or
    '!' ("“...?” reacted Mensah", "“...,” the editorial read"): any verb there says the quotation. With `objects`,
    the verb may take an object (the one told: '“...!” he told the crowd')."""
    if tok.pos_ != "VERB" or lemma_of(tok) in data["not_cues"] or tok.dep_ not in ("ROOT", "parataxis", "ccomp"):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    first = subj.left_edge.i if subj is not None and subj.i < tok.i else tok.i
    doc = tok.doc
    if first < 2 or not doc[first - 1].is_quote or doc[first - 2].text not in (",", "?", "!", "—"):
        return False
    inverted = inverted_subject(tok) if first == tok.i else None
    return objects or not any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "attr", "oprd", "acomp") and c.i > tok.i
                   and (inverted is None or c.i != inverted.i) for c in tok.children)


def inverted_subject(tok):
    """Return the name the parser took for the object of a verb that follows a quotation ("“...” reacted Mensah"), or None."""
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None or not (obj.pos_ == "PROPN" or agentive(obj, cues())):
        return None
    return obj if obj.i == max(t.i for t in tok.subtree if not t.is_punct) else None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each paragraph of `text` that holds more than blanks."""
    out, pos = [], 0
    for para in text.split("\n"):
        if para.strip():
            out.append((pos, pos + len(para)))
        pos += len(para) + 1
    return out


def quote_run_on(text: str, content: tuple[int, int], cue: tuple[int, int], taken: list[int],
                 paras: list[tuple[int, int]]) -> tuple[int, int]:
    """Return a quoted content carried over the wholly quoted paragraphs that follow its own, with no tag of theirs
    ('“A,” she said.' then a paragraph '“B.”'): the speaker goes on. `taken`: where other statements' cues and
    contents start, which give such a paragraph a tag of its own."""
    s, e = content
    if text[s:s + 1] not in "“\"'":
        return content
    k = next((i for i, (a, b) in enumerate(paras) if a < e <= b), None)
    if k is None or not paras[k][0] <= cue[0] < paras[k][1] or re.search("[“\"]", text[max(e, cue[1]):paras[k][1]]):
        return content
    while k + 1 < len(paras):
        a, b = paras[k + 1]
        words = text[a:b].strip()
        if words[:1] not in "“\"" or words[-1:] not in "”\"" or any(a <= x < b for x in taken):
            break
        e = trim(text, a, b)[1]
        k += 1
    return s, e
