"""Derive the word classes of src/chronicle/statements/data/word_classes.json from WordNet 3.0.

Run at development time only (the project reads the JSON file, never WordNet):

    apt-get install wordnet-base
    python3 tools/verb_classes.py [--wordnet /usr/share/wordnet] [--share 0.6]

A verb belongs to a class (communication, cognition, emotion, perception: WordNet's
lexicographer files verb.communication, ...) when at least `share` of its sense-tagged
occurrences in WordNet's SemCor counts (cntlist.rev) fall in senses of that file, over at
least three tagged occurrences: "say", "praise" and "rebuff" are verbs of communication,
"face" (half its tagged uses are "face the music") and "deliver" are not. A noun is a
noun of communication or cognition when one of its two most frequent senses is in
noun.communication or noun.cognition ("poll", "study", "report", "record"); a noun of
a person when its most frequent sense is in noun.person ("farmer", "voter").
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "chronicle" / "statements" / "data" / "word_classes.json"
VERB_FILES = {31: "cognition", 32: "communication", 37: "emotion", 39: "perception"}
NOUN_FILES = {9: "cognition", 10: "communication"}
PERSON = 18  # noun.person: the class of a noun whose most frequent sense it is


def verb_shares(wordnet: Path) -> dict[str, Counter]:
    """Return, per verb lemma, its tagged occurrences counted by lexicographer file number."""
    out: dict[str, Counter] = defaultdict(Counter)
    for line in (wordnet / "cntlist.rev").read_text().splitlines():
        key, _num, count = line.split()
        lemma, rest = key.split("%")
        pos, lexfile = rest.split(":")[:2]
        if pos == "2" and "_" not in lemma:
            out[lemma][int(lexfile)] += int(count)
    return out


def noun_files(wordnet: Path) -> dict[str, list[int]]:
    """Return, per single-word noun, the lexicographer file numbers of its senses, most frequent first."""
    lexfile = {}
    for line in (wordnet / "data.noun").read_text().splitlines():
        if not line.startswith("  "):
            fields = line.split()
            lexfile[fields[0]] = int(fields[1])
    out = {}
    for line in (wordnet / "index.noun").read_text().splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        if "_" in fields[0] or not fields[0].isalpha():
            continue
        pointers = int(fields[3])
        out[fields[0]] = [lexfile[o] for o in fields[4 + pointers + 2:]]
    return out


def classes(wordnet: Path, share: float) -> dict:
    """Return the word classes as they are written to the JSON file."""
    verbs: dict[str, list[str]] = {name: [] for name in VERB_FILES.values()}
    for lemma, counts in sorted(verb_shares(wordnet).items()):
        total = sum(counts.values())
        if total < 3 or not lemma.isalpha():
            continue
        for number, name in VERB_FILES.items():
            if counts[number] >= share * total:
                verbs[name].append(lemma)
    nouns: dict[str, list[str]] = {name: [] for name in list(NOUN_FILES.values()) + ["person"]}
    for lemma, files in sorted(noun_files(wordnet).items()):
        for number, name in NOUN_FILES.items():
            if number in files[:2]:
                nouns[name].append(lemma)
        if files[:1] == [PERSON]:
            nouns["person"].append(lemma)
    return {
        "_about": "Word classes derived from WordNet 3.0 by tools/verb_classes.py (share %.2f): verbs whose "
                  "sense-tagged uses fall mostly in one lexicographer file (verb.communication, verb.cognition, "
                  "verb.emotion, verb.perception); nouns with a sense in noun.communication or noun.cognition "
                  "among their two most frequent; nouns whose most frequent sense is in noun.person. Read by chronicle.statements.cuewords." % share,
        "_source": "WordNet 3.0, Princeton University, as packaged by Debian (wordnet-base): cntlist.rev, "
                   "data.noun, index.noun.",
        "_licence": "WordNet 3.0 license: permission to use, copy, modify and distribute this software and "
                    "database and its documentation for any purpose and without fee or royalty is hereby "
                    "granted, provided that the copyright notice and statements appear on all copies. "
                    "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE "
                    "AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR "
                    "WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University or Princeton may not be "
                    "used in advertising or publicity pertaining to distribution of the software and/or database.",
        "verbs": verbs,
        "nouns": nouns,
    }


def main() -> None:
    """Write the word classes file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet", type=Path)
    ap.add_argument("--share", default=0.6, type=float)
    ap.add_argument("--out", default=OUT, type=Path)
    args = ap.parse_args()
    data = classes(args.wordnet, args.share)
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(args.out, {k: len(v) for k, v in data["verbs"].items()}, {k: len(v) for k, v in data["nouns"].items()})


if __name__ == "__main__":
    main()
