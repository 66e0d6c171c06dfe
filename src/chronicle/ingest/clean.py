"""Clean: turn a RawInput into an Article with clean text, or an error.

Three roads in:
- `raw.text` (a JSONL `text`): kept as given apart from surrounding whitespace,
  because offsets and scorers point into it;
- `raw.html`, or bytes that are HTML: the article body by trafilatura, then the
  furniture filter;
- other bytes (.txt files): decoded, paragraph breaks normalised, furniture filtered.
Photo captions cut from the text are kept in `article.captions` (date evidence).
Then the checks: too few words to be a report (E001), not English (E005).
Lone surrogates (from a JSON "\\ud800" escape) become U+FFFD, offsets kept: no later
stage, file or database can take them.
"""
from __future__ import annotations

import codecs
import json
import re
from datetime import date, datetime
from html import unescape
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Optional

from .. import errors
from .read import RawInput
from ..provenance import outlet_of
from ..records import Article
from ..settings import Settings

# File signatures of common non-text formats (a format fact, not vocabulary). Signatures
# that are plain letters ("MZ", "BZh") are left to the control-byte test: a text may start so.
MAGIC = (
    (b"%PDF-", "PDF"), (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"), (b"PK\x03\x04", "ZIP"), (b"\x1f\x8b", "GZIP"), (b"7z\xbc\xaf", "7-Zip"),
    (b"\x7fELF", "ELF executable"), (b"\xd0\xcf\x11\xe0", "Office document"),
)
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
SNIFF = 65536  # bytes looked at for the binary test
MAX_CONTROL_SHARE = 0.02
MAX_HIGH_SHARE_CP1252 = 0.25  # more non-ASCII bytes than this is not Western-European text
MIN_WORDS_FOR_LANGUAGE = 25  # fewer words than this: too few to judge the language
MIN_ENGLISH_SHARE = 0.07  # dev: English texts >= 0.11 (name lists), other Latin-script languages <= 0.05
MAX_NON_LATIN_SHARE = 0.5
MAX_HEADLINE_WORDS = 20
MIN_PROSE_WORDS = 5  # shorter lines of a tag-stripped page are menus and buttons
MIN_ARTICLE_WORDS = 8  # a fallback text needs one line this long to count as article-like
HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<\?xml[^>]*>\s*<html|<head|<body)",
                        re.I | re.S)
HTML_TAGS = re.compile(r"</?(p|div|span|a|br|table|td|li|h[1-6]|script|article)\b[^>]*>", re.I)
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
WORD = re.compile(r"[^\W\d_]+")
REPORT_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of a report: two letters or more
BULLET = re.compile(r"\s*[-•*·]\s+\S")
BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
              "th", "section", "article", "nav", "header", "footer", "aside", "form", "button",
              "blockquote", "figure", "figcaption", "main", "table", "dd", "dt", "pre")
FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.{0,1000}?)</figcaption\s*>", re.I | re.S)
MAX_FIGCAPTIONS = 20
BREAK = re.compile(r"<br\s*/?>|</?(p|div|span)\b[^<>]*>", re.I)  # tags that part words
TAG = re.compile(r"<[^<>]*>")  # no "<" inside: linear time even on "<<<<" garbage
# Unambiguous date layouts a user may give as `published` (day/month orders that could be
# confused, like 03/04/2020, are left out on purpose).
DATE_FORMATS = ("%Y/%m/%d", "%Y%m%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y",
                "%b. %d, %Y")
BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
SURROGATE = re.compile("[\ud800-\udfff]")
ELEMENT = re.compile(r"<[A-Za-z]")
# A publication date outside these years is a typo ("0202") or a placeholder ("9999-12-31").
YEARS = range(1800, 2200)
UTF16_SHARE = 0.9  # UTF-16 without a byte-order mark: this share of one byte column is NUL


@dataclass
class Cleaned:
    """Text and captions from one input, or the error that stopped it."""

    text: str = ""
    captions: list[str] = field(default_factory=list)
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None  # the site's own name, when the page gives it
    code: Optional[str] = None
    detail: str = ""


# ------------------------------------------------------------------ vocabularies
@lru_cache(maxsize=1)
def boilerplate() -> dict:
    """Return the furniture patterns from data/boilerplate.json, compiled."""
    raw = json.loads(resources.files(__package__).joinpath("data/boilerplate.json")
                     .read_text(encoding="utf-8"))

    def comp(key: str) -> re.Pattern:
        # one alternation per list: a single regex call per line keeps long texts fast
        return re.compile("|".join(f"(?:{p})" for p in raw[key]), re.I)
    return {"max": raw["max_line_chars"], "drop": comp("drop_lines"),
            "headers": comp("list_headers"), "captions": comp("caption_lines")}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Return the English function words from data/stopwords_en.txt."""
    text = resources.files(__package__).joinpath("data/stopwords_en.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# ------------------------------------------------------------------ bytes
def binary_kind(data: bytes) -> Optional[str]:
    """Return what kind of binary `data` is (e.g. "PNG"), or None when it may be text."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return f"{kind} data"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_order(data):
        return None  # UTF-16 text is full of NUL bytes
    head = data[:SNIFF]
    if b"\x00" in head:
        return "NUL bytes"
    control = len(head) - len(head.translate(None, CONTROL_BYTES))
    if head and control / len(head) > MAX_CONTROL_SHARE:
        return f"{control} control characters in the first {len(head)} bytes"
    return None


def utf16_order(data: bytes) -> Optional[str]:
    """Return "utf-16-le" or "utf-16-be" when `data` reads as UTF-16 without a byte-order mark
    (Latin-script text: every other byte NUL), else None."""
    head = data[:SNIFF - SNIFF % 2]
    if len(head) < 8 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd >= UTF16_SHARE and zero_even <= 1 - UTF16_SHARE:
        return "utf-16-le"
    if zero_even >= UTF16_SHARE and zero_odd <= 1 - UTF16_SHARE:
        return "utf-16-be"
    return None


def _try(data: bytes, encoding: Optional[str]) -> Optional[str]:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def decode(data: bytes, declared: Optional[str] = None) -> tuple[Optional[str], str]:
    """Return (text, encoding used) for `data`, or (None, why) when it cannot be read."""
    if data.startswith(codecs.BOM_UTF8):
        text = _try(data[3:], "utf-8")
        return (text, "utf-8") if text is not None else (None, "broken UTF-8 after a UTF-8 BOM")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _try(data, "utf-16")
        return (text, "utf-16") if text is not None else (None, "broken UTF-16")
    order = utf16_order(data)
    if order:
        text = _try(data, order)
        return (text, order) if text is not None else (None, f"broken {order.upper()}")
    text = _try(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    if declared is None:
        m = META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii") if m else None
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        text = _try(data, declared)
        if text is not None:
            return text, declared
    high = sum(1 for b in data[:SNIFF] if b >= 0x80) / max(1, min(len(data), SNIFF))
    if high <= MAX_HIGH_SHARE_CP1252:
        # Western text with a few accented letters: cp1252, or Latin-1 where cp1252 leaves holes.
        text = _try(data, "cp1252") or _try(data, "latin-1")
        return text, "cp1252"
    from charset_normalizer import from_bytes  # late import: rarely needed

    best = from_bytes(data[:SNIFF * 4]).best()
    if best is not None and best.encoding:
        text = _try(data, best.encoding)
        if text is not None:
            return text, best.encoding
    return None, "not UTF-8, and no other encoding fits"


def looks_like_html(text: str) -> bool:
    """Return True when `text` is an HTML page or fragment rather than plain text."""
    if HTML_START.match(text[:2000]):
        return True
    return len(HTML_TAGS.findall(text[:20000])) >= 3


# ------------------------------------------------------------------ text shape
def normalise(text: str) -> str:
    """Return `text` with unified newlines, no trailing spaces, single blank lines between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return BLANK_RUN.sub("\n\n", text).strip()


def paragraphs_from_lines(text: str) -> str:
    """Return extractor output (one block a line) with a blank line between blocks; list items stay together."""
    out: list[str] = []
    prev_bullet = False
    for line in text.split("\n"):
        line = line.strip()  # the extractor's indentation is layout, not text
        if not line:
            continue
        bullet = bool(BULLET.match(line))
        if out:
            out.append("\n" if bullet and prev_bullet else "\n\n")
        out.append(line)
        prev_bullet = bullet
    return "".join(out)


def caption(line: str) -> bool:
    """Return True when `line` is a photo caption or credit."""
    bp = boilerplate()
    s = line.strip()
    return len(s) <= bp["max"] and bp["captions"].fullmatch(s) is not None


def furniture(line: str) -> bool:
    """Return True when `line` is web furniture (sign-ups, share buttons, cookie notices...)."""
    bp = boilerplate()
    s = line.strip()
    return bool(s) and len(s) <= bp["max"] and bp["drop"].fullmatch(s) is not None


def _list_header(line: str) -> bool:
    bp = boilerplate()
    s = line.strip()
    # a header introduces a list; a line ending like a sentence is story, not a header
    return len(s) <= 120 and not s.endswith((".", "!", "?")) \
        and bp["headers"].fullmatch(s) is not None


def strip_furniture(text: str) -> tuple[str, list[str]]:
    """Return (text without furniture and caption lines, the captions cut out)."""
    kept: list[str] = []
    captions: list[str] = []
    in_link_list = False  # the bullets after a "Related" header are links, not story
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            kept.append(line)
            continue
        if in_link_list and BULLET.match(line):
            continue
        in_link_list = False
        if _list_header(s):
            in_link_list = True
            continue
        if furniture(s):
            continue
        if caption(s):
            captions.append(s)
            continue
        kept.append(line)
    return normalise("\n".join(kept)), captions


# ------------------------------------------------------------------ HTML
def tag_strip(html: str) -> str:
    """Return the visible text of `html` by a plain parse, scripts and styles dropped."""
    try:
        import lxml.html

        root = lxml.html.fromstring(html)
        for bad in root.xpath("//script|//style|//noscript|//template|//svg"):
            bad.drop_tree()
        for block in root.iter(*BLOCK_TAGS):
            block.text = "\n" + (block.text or "")
            block.tail = "\n" + (block.tail or "")
        text = root.text_content()
    except Exception:  # lxml refuses some garbage outright; a plain strip still reads it
        text = TAG.sub("\n", html)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def article_like(text: str) -> bool:
    """Return True when some line of `text` reads like a sentence of prose."""
    return any(len(WORD.findall(line)) >= MIN_ARTICLE_WORDS for line in text.split("\n"))


def from_html(html: str, url: Optional[str], settings: Settings) -> Cleaned:
    """Return the article body, title and date of an HTML page."""
    import trafilatura  # late import: slow to load and only HTML needs it

    out = Cleaned()
    nodes = len(ELEMENT.findall(html))
    if nodes > settings.max_html_nodes:  # the extractor's tree grows with the page: bound memory
        out.code = errors.TOO_LARGE
        out.detail = f"{nodes} HTML elements, limit {settings.max_html_nodes} (settings max_html_nodes)"
        return out
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                          include_comments=False, include_tables=True,
                                          include_images=False, include_links=False)
    except Exception:  # the extractor trips on some broken pages; fall back below
        doc = None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    if doc is not None:
        out.title = getattr(doc, "title", None) or None
        out.published = getattr(doc, "date", None) or None
        out.outlet = getattr(doc, "sitename", None) or None
    if len(body.strip()) < settings.min_chars:
        # menus and buttons are short lines; keep the lines that read like prose
        body = "\n".join(line for line in tag_strip(html).split("\n")
                         if len(WORD.findall(line)) >= MIN_PROSE_WORDS)
        if len(body) < settings.min_chars or not article_like(body):
            out.code, out.detail = errors.NO_ARTICLE, "no article text found in the page"
            return out
    out.text, out.captions = strip_furniture(drop_headline(paragraphs_from_lines(body), out.title))
    figs = figcaptions(html)
    if figs:
        out.text = drop_lines(out.text, set(figs))
        out.captions += [c for c in figs if c not in out.captions]
    return out


def figcaptions(html: str) -> list[str]:
    """Return the texts of the page's <figcaption> elements, tags stripped, in page order."""
    found: list[str] = []
    for m in FIGCAPTION.finditer(html):
        text = " ".join(unescape(TAG.sub("", BREAK.sub(" ", m.group(1)))).split())
        if text and text not in found:
            found.append(text)
        if len(found) >= MAX_FIGCAPTIONS:
            break
    return found


def drop_lines(text: str, lines: set[str]) -> str:
    """Return `text` without the lines whose words equal one of `lines`."""
    kept = [line for line in text.split("\n") if " ".join(line.split()) not in lines]
    return normalise("\n".join(kept))


def drop_headline(text: str, title: Optional[str]) -> str:
    """Return `text` without its first line when that line repeats the page title (kept in `title`)."""
    first, sep, rest = text.partition("\n")
    head, name = " ".join(first.split()).casefold(), " ".join((title or "").split()).casefold()
    if head and name and (head == name or (len(head) >= 20 and name.startswith(head))):
        return rest.lstrip("\n")
    return text


# ------------------------------------------------------------------ checks
def english_problem(text: str) -> Optional[str]:
    """Return why `text` does not look like English, or None when it does (or is too short to judge)."""
    letters = [c for c in text[:50000] if c.isalpha()]
    if len(letters) >= 40:
        foreign = sum(1 for c in letters if ord(c) > 0x24F)
        if foreign / len(letters) > MAX_NON_LATIN_SHARE:
            return f"{foreign / len(letters):.0%} of letters are not in the Latin alphabet"
    words = WORD.findall(text[:50000].lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    share = sum(1 for w in words if w in stopwords()) / len(words)
    if share < MIN_ENGLISH_SHARE:
        return f"only {share:.0%} of {len(words)} words are common English function words"
    return None


def publication_date(value: Optional[str]) -> Optional[str]:
    """Return a given publication date as YYYY-MM-DD, or None when it is not a plain date."""
    if not value:
        return None
    found = None
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        try:
            found = date.fromisoformat(value[:10])
        except ValueError:  # "2020-13-45" looks like a date and is none
            return None
    for fmt in DATE_FORMATS if found is None else ():
        try:
            found = datetime.strptime(value.strip(), fmt).date()
            break
        except ValueError:
            continue
    return found.isoformat() if found is not None and found.year in YEARS else None


def read(raw: RawInput, settings: Settings) -> Cleaned:
    """Return the cleaned text of one input (no language or length checks yet)."""
    given = raw.text if raw.text is not None else raw.html
    if given is not None and len(given) > settings.max_bytes:  # chars: a lower bound on bytes
        return Cleaned(code=errors.TOO_LARGE,
                       detail=f"{len(given)} characters, limit {settings.max_bytes} bytes")
    if raw.text is not None:
        return Cleaned(text=raw.text.strip())
    if raw.html is not None:
        return from_html(raw.html, raw.url, settings)
    if raw.data is None:
        return Cleaned(code=errors.EMPTY, detail="no text, html or data")
    if len(raw.data) > settings.max_bytes:
        return Cleaned(code=errors.TOO_LARGE,
                       detail=f"{len(raw.data)} bytes, limit {settings.max_bytes}")
    kind = binary_kind(raw.data)
    if kind:
        return Cleaned(code=errors.BINARY, detail=kind)
    text, how = decode(raw.data, raw.charset)
    if text is None:
        return Cleaned(code=errors.UNDECODABLE, detail=how)
    if raw.media_type == "text/html" or looks_like_html(text):
        return from_html(text, raw.url, settings)
    body, captions = strip_furniture(normalise(text))
    return Cleaned(text=body, captions=captions, title=headline(body))


def headline(text: str) -> Optional[str]:
    """Return the first line of a plain text when it reads as a headline (short, unpunctuated, set apart)."""
    first, sep, rest = text.partition("\n\n")
    first = first.strip()
    if sep and "\n" not in first and 3 <= len(first.split()) <= MAX_HEADLINE_WORDS \
            and first[-1] not in ".,;:!?\"'”’)" and rest.strip():
        return first
    return None


def unpaired(value: Optional[str]) -> Optional[str]:
    """Return `value` with lone surrogates replaced by U+FFFD (same length), None kept."""
    return SURROGATE.sub("\ufffd", value) if value and SURROGATE.search(value) else value


def clean(raw: RawInput, settings: Settings) -> Article:
    """Return an Article with `text` set, or with `error` set."""
    if unpaired(raw.text) is not raw.text or unpaired(raw.html) is not raw.html:
        raw = replace(raw, text=unpaired(raw.text), html=unpaired(raw.html))
    art = Article(id=raw.id, published=publication_date(unpaired(raw.published)), title=unpaired(raw.title),
                  url=unpaired(raw.url), source=unpaired(raw.source),
                  outlet=unpaired(raw.outlet) or outlet_of(unpaired(raw.url)))
    if raw.problem:
        return art.fail(raw.problem, errors.message(raw.problem, raw.detail or ""))
    got = read(raw, settings)
    art.text, art.captions = got.text, got.captions
    art.title = art.title or got.title
    art.outlet = raw.outlet or got.outlet or art.outlet
    art.published = art.published or publication_date(got.published) or publication_date(raw.crawled)
    if got.code:
        return art.fail(got.code, errors.message(got.code, got.detail))
    words = len(REPORT_WORD.findall(art.text, 0, 100_000))
    if words < settings.min_words:  # a report names at least who, what and where or whom
        detail = f"{words} words, fewer than {settings.min_words}"
        return art.fail(errors.EMPTY, errors.message(errors.EMPTY, detail))
    why = english_problem(art.text)
    if why:
        return art.fail(errors.NOT_ENGLISH, errors.message(errors.NOT_ENGLISH, why))
    return art
