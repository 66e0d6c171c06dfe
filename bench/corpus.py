"""The benchmark corpus: a fixed list of articles, built at run time, never stored.

`load_corpus()` takes the text-only dev inputs in `<shared>/eval/dev/` (acled, gtd,
case, polnear, wikievents) when that folder exists; otherwise it builds the same
number of articles by deterministic recombination of the repository's own
sample articles in samples/articles/. Nothing from either source is written
into the repository.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV_DIR = REPO.parent / "shared" / "eval" / "dev"
DEV_SETS = ("acled", "gtd", "case", "polnear", "wikievents")
SAMPLES = REPO / "samples" / "articles"
MIN_ARTICLES = 2000
SEED = 20211107  # fixed: the same corpus on every run
TAG = re.compile(r"<[^>]+>")


def from_dev(folder: Path = DEV_DIR) -> list[dict]:
    """Return the text-only dev articles (id, text, published), set by set."""
    out = []
    for name in DEV_SETS:
        path = folder / f"{name}.articles.jsonl"
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("text"):
                    out.append({"id": rec["id"], "text": rec["text"],
                                "published": rec.get("published")})
    return out


def sample_paragraphs(folder: Path = SAMPLES) -> list[str]:
    """Return the paragraphs of the repository's sample articles (tags stripped)."""
    paras = []
    for path in sorted(folder.glob("*")):
        if path.suffix not in (".txt", ".html"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            text = TAG.sub("\n", text)
        paras.extend(p.strip() for p in re.split(r"\n\s*\n|\n", text) if len(p.strip()) > 60)
    return paras


def from_samples(n: int = MIN_ARTICLES, folder: Path = SAMPLES) -> list[dict]:
    """Return `n` articles recombined deterministically from sample paragraphs."""
    paras = sample_paragraphs(folder)
    if not paras:
        raise SystemExit(f"no sample articles in {folder}")
    rng = random.Random(SEED)
    out = []
    for i in range(n):
        k = rng.choice((1, 1, 2, 3, 5, 8))  # mostly short reports, some long ones
        text = "\n\n".join(rng.choice(paras) for _ in range(k))
        out.append({"id": f"bench-{i:05d}", "text": text, "published": "2021-11-08"})
    return out


def load_corpus(min_articles: int = MIN_ARTICLES) -> tuple[list[dict], str]:
    """Return (articles, source name): the dev inputs if present, else recombined samples."""
    dev = from_dev()
    if len(dev) >= min_articles:
        return dev, f"dev inputs ({', '.join(DEV_SETS)})"
    return from_samples(min_articles), "recombined samples/articles"


def resize(corpus: list[dict], n: int) -> list[dict]:
    """Return the first `n` articles of an evenly strided pass over the corpus."""
    step = max(1, len(corpus) // n)
    picked = corpus[::step][:n]
    return picked if len(picked) == n else (picked + corpus)[:n]


def of_length(corpus: list[dict], chars: int, n: int) -> list[dict]:
    """Return `n` articles of about `chars` characters, made by joining consecutive texts."""
    out, i = [], 0
    texts = [a["text"] for a in corpus]
    for k in range(n):
        parts, size = [], 0
        while size < chars:
            t = texts[i % len(texts)]
            i += 1
            parts.append(t)
            size += len(t) + 2
        out.append({"id": f"len{chars}-{k:04d}", "text": "\n\n".join(parts)[: chars + 200],
                    "published": corpus[0].get("published")})
    return out
