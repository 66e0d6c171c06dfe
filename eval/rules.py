"""The rules report: for every rule of the event stage, how often it decides an outcome and how often
that outcome is right, on the dev sets and the pools.

    python eval/rules.py [--sets dev:acled,pool:gtd,...] [--shared ../shared/eval] [--out eval/out/rules]
                         [--min-fired N] [--no-ablate] [--save FILE]

Each article is parsed once (the parses are cached under the output folder, keyed by the
input file and the model) and run through the event stage (detection, arguments, coding)
with rule tracing on: every rule (`chronicle.events.rules`) that fires on an article is
recorded. Then, for each rule, the articles it fired on are run again with that rule
switched off. A rule *decides* an article when the scored outcome changes without it; the
outcome is *right* when the article's figure is right with the rule and wrong without it,
*wrong* the other way round. Outcomes are the scorer's per-article figures of the first
event: ACLED event and sub-event type (acled, case), abstention (case), GTD attack and
weapon type and failed attack found (gtd), a violent event coded (html, which is mostly not
about violence). Only the event stage runs, so figures match the scorer's event figures,
not its place or date figures.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SETS = ("dev:acled,dev:gtd,dev:case,dev:html,dev:wikievents,"
                "pool:acled,pool:acled_pre2019,pool:gtd")
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def _digest(path: Path, model: str) -> str:
    """Return a short hash of a file's bytes and the model name (the parse cache key)."""
    h = hashlib.sha1(model.encode())
    h.update(path.read_bytes())
    return h.hexdigest()[:12]


def load_set(shared: Path, part: str, name: str, cache: Path, nlp, model: str):
    """Return (articles with docs, gold records by id) for one set, parsing once into `cache`."""
    from spacy.tokens import DocBin

    from chronicle import settings as settings_mod
    from chronicle.ingest import RawInput, clean

    src = shared / part / f"{name}.articles.jsonl"
    gold = {}
    with open(shared / part / f"{name}.gold.jsonl", encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            if g.get("id"):
                gold[g["id"]] = g
    settings = settings_mod.load()
    raws = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            raws.append(RawInput(id=r["id"], text=r.get("text"), html=r.get("html"),
                                 published=r.get("published"), title=r.get("title"), url=r.get("url")))
    arts = [clean.clean(r, settings) for r in raws]
    good = [a for a in arts if a.error is None]
    path = cache / f"{part}-{name}-{_digest(src, model)}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((a.text[:settings.max_chars_parsed] for a in good), batch_size=settings.batch_size))
        DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "MORPH",
                      "SENT_START", "SPACY", "NORM"], docs=docs).to_disk(path)
    for a, d in zip(good, docs):
        a.doc = d
    return good, gold


def run_events(article):
    """Run the event stage on a parsed article; return its events (main event first)."""
    from chronicle import events

    for key in [k for k in article.doc.user_data if isinstance(k, str) and k.startswith("chronicle")]:
        del article.doc.user_data[key]
    found = events.find_events(article)
    events.fill_arguments(article, found)
    events.code_events(article, found)
    return found


def outcome(dataset: str, evs, g: dict) -> dict:
    """Return the article's scored figures as {figure: right (bool)}; only figures the gold defines."""
    ev = evs[0] if evs else None
    acled = (ev.acled or {}) if ev else {}
    gtd = (ev.gtd or {}) if ev else {}
    eq = lambda a, b: isinstance(a, str) and a.strip().lower() == (b or "").strip().lower()  # noqa: E731
    out = {}
    if dataset == "acled":
        out["event_type"] = eq(acled.get("event_type"), g["event_type"])
        out["sub_event_type"] = eq(acled.get("sub_event_type"), g["sub_event_type"])
    elif dataset == "case":
        if g["acled_sub_event_type"]:
            out["event_type"] = eq(acled.get("event_type"), g["acled_event_type"])
            out["sub_event_type"] = eq(acled.get("sub_event_type"), g["acled_sub_event_type"])
        else:
            out["abstention"] = not any(e.acled and (e.acled.get("event_type") or e.acled.get("sub_event_type"))
                                        for e in evs)
    elif dataset == "gtd":
        if g["attack_type"] != "Unknown":
            out["attack_type"] = eq(gtd.get("attack_type"), g["attack_type"])
        if g["weapon_type"] != "Unknown":
            out["weapon_type"] = eq(gtd.get("weapon_type"), g["weapon_type"])
        said = bool(ev) and ev.status == "attempted"
        if g.get("success") in (0, 1):
            # a failed-attack call is a figure of its own: right when it agrees with GTD's success
            out["failed"] = said == (g["success"] == 0) if said or g["success"] == 0 else None
    elif dataset == "html":
        out["no_violent_event"] = not any(e.acled and e.acled.get("event_type") in VIOLENT for e in evs)
    return {k: v for k, v in out.items() if v is not None}


def ablate(articles, gold, dataset: str, fired: dict, base: dict) -> dict:
    """For each rule, rerun the articles it fired on without it; return per-rule tallies."""
    from chronicle.events import rules

    tallies = {}
    by_id = {a.id: a for a in articles}
    for rule_id, ids in fired.items():
        t = Counter()
        with rules.disabled(rule_id):
            for aid in ids:
                a = by_id[aid]
                now = outcome(dataset, run_events(a), gold[aid])
                before = base[aid]
                if now != before:
                    t["decides"] += 1
                for fig, right in before.items():
                    if fig in now and now[fig] != right:
                        t[f"{fig}:{'right' if right else 'wrong'}"] += 1
        tallies[rule_id] = t
    return tallies


def run_set(shared: Path, spec: str, cache: Path, nlp, model: str, do_ablate: bool) -> dict:
    """Return the report of one set: base figures, and for each rule its fired count and tallies."""
    from chronicle.events import rules

    part, name = spec.split(":")
    t0 = time.perf_counter()
    articles, gold = load_set(shared, part, name, cache, nlp, model)
    articles = [a for a in articles if a.id in gold]
    dataset = next(iter(gold.values()))["dataset"] if gold else name
    base, fired = {}, defaultdict(list)
    figures = defaultdict(list)
    t1 = time.perf_counter()
    for a in articles:
        with rules.tracing() as seen:
            evs = run_events(a)
        base[a.id] = outcome(dataset, evs, gold[a.id])
        for rule_id in seen:
            fired[rule_id].append(a.id)
        for fig, right in base[a.id].items():
            figures[fig].append(right)
    t2 = time.perf_counter()
    tallies = ablate(articles, gold, dataset, fired, base) if do_ablate else {}
    t3 = time.perf_counter()
    log(f"{spec}: {len(articles)} articles; parse/load {t1 - t0:.0f}s, events {t2 - t1:.0f}s, ablation {t3 - t2:.0f}s")
    return {"set": spec, "dataset": dataset, "articles": len(articles),
            "figures": {k: round(sum(v) / len(v), 4) for k, v in figures.items() if v},
            "n": {k: len(v) for k, v in figures.items()},
            "rules": {r: {"fired": len(ids), **tallies.get(r, {})} for r, ids in sorted(fired.items())},
            "outcomes": base}


def log(msg: str) -> None:
    """Print progress to stderr."""
    print(f"[rules {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def summarise(reports: list[dict], min_fired: int = 1) -> str:
    """Return a Markdown report: the figures of each set, then per rule and set
    fired / decides / right / wrong, and the listed rules that never fired."""
    from chronicle.events import rules

    specs = [r["set"] for r in reports]
    lines = ["Figures (first event, event stage only):", ""]
    for r in reports:
        figs = ", ".join(f"{k} {v:.3f} (n {r['n'][k]})" for k, v in r["figures"].items())
        lines.append(f"- {r['set']}: {r['articles']} articles; {figs}")
    lines += ["", "Per rule and set: fired (articles) / decides (a figure changes without it) / right / wrong "
              "(figures right only with it / right only without it); net = right - wrong over all sets.", "",
              "| rule | " + " | ".join(specs) + " | net |", "|---" * (len(specs) + 2) + "|"]
    fired_ids = sorted({i for r in reports for i in r["rules"]})
    for rule_id in fired_ids:
        cells, net, total = [], 0, 0
        for r in reports:
            t = r["rules"].get(rule_id, {})
            right = sum(v for k, v in t.items() if k.endswith(":right"))
            wrong = sum(v for k, v in t.items() if k.endswith(":wrong"))
            net += right - wrong
            total += t.get("fired", 0)
            cells.append(f"{t.get('fired', 0)}/{t.get('decides', 0)}/{right}/{wrong}" if t else "-")
        if total >= min_fired:
            lines.append(f"| {rule_id} | " + " | ".join(cells) + f" | {net:+d} |")
    unlisted = [i for i in fired_ids if rules.describe(i) is None]
    never = [i for i in rules.registry() if "*" not in i and i not in fired_ids]
    lines += ["", "Rules fired but not listed in data/rules.json: " + (", ".join(unlisted) or "none"),
              "", "Listed rules that never fired on these sets: " + (", ".join(never) or "none")]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=DEFAULT_SETS)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared" / "eval"))
    ap.add_argument("--out", default=str(HERE / "out" / "rules"))
    ap.add_argument("--no-ablate", action="store_true", help="trace only: fired counts and figures")
    ap.add_argument("--min-fired", type=int, default=1)
    args = ap.parse_args()
    from chronicle import settings as settings_mod
    from chronicle.parse import load_pipeline

    model = settings_mod.load().model
    nlp = load_pipeline(model)
    out = Path(args.out)
    (out / "cache").mkdir(parents=True, exist_ok=True)
    reports = []
    for spec in args.sets.split(","):
        spec = spec.strip()
        if not spec:
            continue
        part, name = spec.split(":")
        if not (Path(args.shared) / part / f"{name}.articles.jsonl").exists():
            log(f"{spec}: not found, skipped")
            continue
        rep = run_set(Path(args.shared), spec, out / "cache", nlp, model, not args.no_ablate)
        (out / f"{part}-{name}.json").write_text(json.dumps(rep, indent=1))
        reports.append(rep)
    text = summarise(reports, args.min_fired)
    (out / "report.md").write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
