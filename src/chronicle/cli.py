"""The `chronicle` command line: extract, ingest into a store, query, show, export, serve."""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shlex
import signal
import sys
from typing import Any, Optional

from . import settings as settings_mod

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


def json_line(record: dict) -> str:
    """Return a contract record as one JSON line that is valid UTF-8 (an id holding a lone
    surrogate is written with ASCII escapes, which read back to the same id)."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line + "\n"


def _stop_on_sigterm() -> None:
    """Make `kill PID` stop a long run the way Ctrl-C does: cleanly, workers included."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)


def _again(args: argparse.Namespace, extra: str = "") -> str:
    """Return the command line of this run (plus `extra`), quoted for a shell."""
    argv = [a for a in getattr(args, "argv", None) or sys.argv[1:] if a != extra]
    return " ".join(shlex.quote(a) for a in ["chronicle", *argv] + ([extra] if extra else []))


def _report_skipped(skipped: list[str]) -> None:
    if skipped:
        names = ", ".join(os.path.basename(p) for p in skipped[:5])
        more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
        print(f"skipped {len(skipped)} files that are not articles ({names}{more});"
              f" articles are .txt, .html, .htm, .jsonl(.gz), .warc(.gz) files", file=sys.stderr)


def _records_done(path: str) -> int:
    """Return how many whole records an output file holds, cutting a half-written last line."""
    if not os.path.exists(path):
        return 0
    with open(path, "rb+") as f:
        data = f.read()
        whole = data.rfind(b"\n") + 1
        if whole < len(data):
            f.truncate(whole)
    return data.count(b"\n", 0, whole)


def cmd_extract(args: argparse.Namespace) -> int:
    """Write one contract record per input article (no database)."""
    from itertools import islice
    from .ingest.read import read_paths
    from .workers import run  # imported here: loading spaCy is slow, and only some commands need it
    s = settings_mod.load(model=args.model, batch_size=args.batch_size, workers=args.workers)
    if args.resume and args.output == "-":
        raise SystemExit("chronicle: --resume needs an output file (-o FILE)")
    done = _records_done(args.output) if args.resume else 0
    out = open(args.output, "a" if args.resume else "w", encoding="utf-8") \
        if args.output != "-" else sys.stdout
    skipped: list[str] = []
    n = 0
    _stop_on_sigterm()
    articles = run(islice(read_paths(args.inputs, skipped=skipped), done, None), s)
    try:
        for article in articles:
            out.write(json_line(article.to_contract()))
            n += 1
    except KeyboardInterrupt:
        out.flush()
        print(f"\ninterrupted: {done + n} records in {args.output}", file=sys.stderr)
        if args.output != "-":
            print(f"to go on where it stopped: {_again(args, '--resume')}", file=sys.stderr)
        return 130
    finally:
        articles.close()  # stops the workers now, not when the generator is collected
        if out is not sys.stdout:
            out.close()
    _report_skipped(skipped)
    resumed = f" (after {done} already there)" if done else ""
    print(f"{n} articles written to {args.output}{resumed}", file=sys.stderr)
    return 0


def _open(args: argparse.Namespace, create: bool = True):
    """Open the store named by --db; a reading command refuses a SQLite file that is not there."""
    from pathlib import Path
    from .store import is_postgres, open_store
    if not create and not is_postgres(args.db) and args.db != ":memory:" \
            and not Path(args.db).exists():
        raise SystemExit(f"chronicle: no store at {args.db}; run `chronicle ingest PATH --db {args.db}` first")
    return open_store(args.db)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Run the pipeline over the inputs and store what it finds; print counts on stderr."""
    from .ingest.read import read_paths
    from .store import Saved
    from .store.load import load
    s = settings_mod.load(model=args.model, batch_size=args.batch_size, workers=args.workers,
                          db=args.db)
    import time
    tty = sys.stderr.isatty()
    last = [time.monotonic()]

    def progress(saved, skipped: int) -> None:
        line = (f"{saved.articles} articles, {saved.events} events, {saved.errors} errors,"
                f" {saved.duplicates} duplicates, {skipped} already stored")
        if tty:
            print("\r" + line, end="", file=sys.stderr, flush=True)
        elif time.monotonic() - last[0] >= 30:  # a log file gets a line now and then
            last[0] = time.monotonic()
            print(line, file=sys.stderr, flush=True)

    total, skipped_files = Saved(), []
    _stop_on_sigterm()
    try:
        with _open(args) as store:
            total, skipped = load(read_paths(args.inputs, skipped=skipped_files), store, s,
                                  progress, total)
    except KeyboardInterrupt:
        print(f"\ninterrupted: {total.articles} articles stored in this run, nothing half-stored;"
              f" to go on, run the same command again (what is stored is skipped):"
              f" {_again(args)}", file=sys.stderr)
        return 130
    if tty:
        print(file=sys.stderr)
    _report_skipped(skipped_files)
    print(f"stored {total.articles} articles ({total.errors} with errors), {total.events} events,"
          f" {total.statements} statements; {total.duplicates} inputs repeat a stored text"
          f" (recorded as its duplicates); skipped {skipped} inputs already stored",
          file=sys.stderr)
    return 0


def _event_filter(args: argparse.Namespace, limit: Optional[int]):
    from .store import EventFilter
    return EventFilter(type=args.type, country=args.country, since=args.since,
                       until=args.until, text=args.text, limit=limit)


def _cut(s: str, width: int) -> str:
    return s if len(s) <= width else s[: width - 1] + "\u2026"


def table(rows: list[list[Any]], header: list[str], widths: list[int]) -> str:
    """Return rows as a plain-text table with cells cut to `widths`."""
    cells = [[_cut(safe(c), w) for c, w in zip(r, widths)] for r in [header] + rows]
    real = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, real)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in real))
    return "\n".join(lines)


def _place(view: dict) -> str:
    loc = view.get("location") or {}
    return ", ".join(x for x in (loc.get("name"), loc.get("country")) if x)


def cmd_events(args: argparse.Namespace) -> int:
    """Print the stored events matching the filters as a table."""
    with _open(args, create=False) as store:
        views = store.events(_event_filter(args, args.limit))
    rows = [[v["id"], (v.get("date") or {}).get("value") or "", v["type"],
             (v.get("acled") or {}).get("sub_event_type") or (f"(repeats {v['repeats']})" if v.get("repeats") else ""),
             _place(v),
             "" if v.get("killed") is None else v["killed"],
             ", ".join(a.get("name") or a["text"] for a in v.get("actors") or []),
             v["trigger"]["text"]] for v in views]
    if not rows:
        print("no events match", file=sys.stderr)
        return 0
    print(table(rows, ["ID", "DATE", "TYPE", "SUB-EVENT", "PLACE", "KILLED", "ACTOR", "TRIGGER"],
                [12, 10, 9, 28, 26, 6, 30, 24]))
    if len(rows) == args.limit:
        print(f"(the first {args.limit}; --limit N shows more, `chronicle show ID` one in full)",
              file=sys.stderr)
    return 0


def _mark(pieces: list, color: bool) -> str:
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


def cmd_show(args: argparse.Namespace) -> int:
    """Print one event, its sentences with trigger and arguments marked, and its statements."""
    from .store.evidence import passages
    with _open(args, create=False) as store:
        v = store.event(args.event_id)
    if v is None:
        print(f"no event {args.event_id!r} in {args.db}", file=sys.stderr)
        return 1
    color = sys.stdout.isatty()
    acled, gtd = v.get("acled") or {}, v.get("gtd") or {}
    art = v["article"]
    lines = [f"Event {v['id']}: {v['type']}" + (f" ({v['mode']})" if v.get("mode") else "")]
    if acled:
        lines.append(f"  ACLED:      {acled.get('event_type')} / {acled.get('sub_event_type')}")
    if gtd:
        lines.append(f"  GTD:        {gtd.get('attack_type')} / {gtd.get('weapon_type')}")
    lines.append(f"  status:     {v.get('status')}   confidence: {v.get('confidence')}")
    date, loc = v.get("date"), v.get("location")
    if date:
        lines.append(f"  date:       {date.get('value')} ({date.get('precision')}) from \"{date['text']}\"")
    if loc:
        lines.append(f"  place:      {loc.get('name')}, {loc.get('admin1')}, {loc.get('country')}"
                     f" [{loc.get('lat')}, {loc.get('lon')}] ({loc.get('precision')})"
                     f" from \"{loc['text']}\"")
    for key in ("killed", "injured"):
        if v.get(key) is not None:
            d = v.get(f"{key}_detail") or {}
            words = (d.get("span") or {}).get("text", "")
            lines.append(f"  {key + ':':<11} {v[key]} from \"{words}\"")
    for key in ("actors", "targets"):
        for a in v.get(key) or []:
            lines.append(f"  {key[:-1] + ':':<11} {a.get('name')} ({a.get('kind') or '?'},"
                         f" {a.get('country') or '?'}) from \"{a['text']}\"")
    if v.get("instrument"):
        lines.append(f"  instrument: \"{v['instrument']['text']}\"")
    lines.append(f"  article:    {art['id']} {art.get('doc_id')} {art.get('title') or ''}"
                 f" {art.get('url') or art.get('source') or ''}")
    out = [safe(x) for x in lines]
    out.append("")
    for pieces in passages(v, v["article"]["text"]):
        out.append("  " + _mark(pieces, color))
    if not color:
        out.append("  ([words]label marks the trigger and each argument)")
    if v["statements"]:
        out.append("")
        out.append("Statements about this event:")
        for s in v["statements"]:
            out.append("  " + _statement_line(s))
    print("\n".join(out))
    return 0


def _statement_line(s: dict) -> str:
    speaker = (s.get("speaker") or {}).get("name") or "(unnamed)"
    via = " via " + " < ".join(x.get("name") or x["text"] for x in s.get("via_chain") or []) \
        if s.get("via_chain") else ""
    hedged = " (hedged)" if s.get("hedged") else ""
    return safe(f"[{s['id']}] {s['kind']}{hedged}: {speaker}{via} {s['cue']['text']}: "
                f"\"{s['content']['text']}\"")


def _speaker_label(speaker: dict) -> str:
    """Return a speaker's name for a listing, marked when the source is unnamed."""
    name = speaker.get("name") or ""
    return f"{name} (anonymous)" if speaker.get("anonymous") else name


def cmd_statements(args: argparse.Namespace) -> int:
    """Print the stored statements matching the filters."""
    from .store import StatementFilter
    with _open(args, create=False) as store:
        views = store.statements(StatementFilter(speaker=args.speaker, kind=args.kind,
                                                 event=args.event, limit=args.limit))
    if not views:
        print("no statements match", file=sys.stderr)
        return 0
    rows = [[s["id"], s["kind"], _speaker_label(s.get("speaker") or {}),
             (s.get("via") or {}).get("name") or "", s["cue"]["text"], s.get("event_id") or "",
             s["content"]["text"]] for s in views]
    print(table(rows, ["ID", "KIND", "SPEAKER", "VIA", "CUE", "EVENT", "CONTENT"],
                [12, 9, 36, 16, 14, 12, 60]))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the stored events (matching the filters) as CSV, JSONL or GeoJSON."""
    from .export.formats import export
    with _open(args, create=False) as store:
        f = _event_filter(args, None)
        if args.output == "-":
            n = export(store, args.format, sys.stdout, f)
        else:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                n = export(store, args.format, out, f)
    print(f"{n} records written to {args.output}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the HTTP API and web page over the store."""
    import uvicorn
    from .api.app import create_app
    _open(args, create=False).close()
    if args.workers > 1:  # several processes: each builds the app from CHRONICLE_DB
        os.environ["CHRONICLE_DB"] = args.db
        uvicorn.run("chronicle.api.app:app", host=args.host, port=args.port, log_level="info",
                    workers=args.workers)
    else:
        uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="info")
    return 0


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--type", help="PLOVER type (ASSAULT) or ACLED event/sub-event type")
    p.add_argument("--country", help="ISO alpha-3 code or English name of the event's country")
    p.add_argument("--since", help="YYYY[-MM[-DD]]: events on or after")
    p.add_argument("--until", help="YYYY[-MM[-DD]]: events on or before")
    p.add_argument("--text", help="full-text query over article title and text")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every command."""
    p = argparse.ArgumentParser(prog="chronicle", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="articles in, contract JSONL out")
    e.add_argument("inputs", nargs="+")
    e.add_argument("-o", "--output", default="-")
    e.add_argument("--model")
    e.add_argument("--batch-size", type=int)
    e.add_argument("--workers", type=int, help="processes to run the pipeline in (default 1)")
    e.add_argument("--resume", action="store_true",
                   help="keep the records already in -o FILE and go on after them")
    e.set_defaults(func=cmd_extract)

    db = {"default": None, "help": "SQLite file or postgresql:// URL (default: settings db)"}
    i = sub.add_parser("ingest", help="run the pipeline over inputs and store the results")
    i.add_argument("inputs", nargs="+", metavar="PATH")
    i.add_argument("--db", **db)
    i.add_argument("--workers", type=int)
    i.add_argument("--model")
    i.add_argument("--batch-size", type=int)
    i.set_defaults(func=cmd_ingest)

    ev = sub.add_parser("events", help="list stored events")
    ev.add_argument("--db", **db)
    _filters(ev)
    ev.add_argument("--limit", type=int, default=50)
    ev.set_defaults(func=cmd_events)

    sh = sub.add_parser("show", help="one event with the sentences it came from")
    sh.add_argument("event_id", metavar="EVENT_ID", help="store event id, e.g. 3:e1")
    sh.add_argument("--db", **db)
    sh.set_defaults(func=cmd_show)

    st = sub.add_parser("statements", help="list stored statements")
    st.add_argument("--db", **db)
    st.add_argument("--speaker", help="words of the speaker's name")
    st.add_argument("--kind", help="claim, deny, condemn, appeal, support, threaten or report")
    st.add_argument("--event", help="store event id the statements are about")
    st.add_argument("--limit", type=int, default=50)
    st.set_defaults(func=cmd_statements)

    ex = sub.add_parser("export", help="write stored events as CSV, JSONL or GeoJSON")
    ex.add_argument("--db", **db)
    ex.add_argument("--format", choices=("csv", "jsonl", "geojson"), default="csv")
    ex.add_argument("-o", "--output", default="-")
    _filters(ex)
    ex.set_defaults(func=cmd_export)

    sv = sub.add_parser("serve", help="serve the HTTP API and web page")
    sv.add_argument("--db", **db)
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    sv.set_defaults(func=cmd_serve)

    inc = sub.add_parser("incidents", help="events reported by several articles, merged, with disagreements")
    inc.add_argument("--db", **db)
    inc.add_argument("--min-reports", type=int, default=2, help="list incidents with at least this many reports")
    inc.set_defaults(func=cmd_incidents)

    # `spark` is parsed by chronicle.spark.cli itself (see main); listed here for --help.
    sub.add_parser("spark", help="run the pipeline on Apache Spark: INPUT OUTPUT [--db] [--master] "
                                 "(needs chronicle[spark]; see docs/spark.md)")
    return p


def _plain(value: Any) -> str:
    """Return a field value as a reader would write it ("Bombing/Explosion / Explosives")."""
    return " / ".join(str(v) for v in value.values()) if isinstance(value, dict) else str(value)


def cmd_incidents(args: argparse.Namespace) -> int:
    """Merge the stored coded events across articles; print incidents and where reports differ."""
    from .merge.incidents import merge
    from .records import Event
    store = _open(args, create=False)
    reports = [(rec["id"], Event.from_dict(e)) for rec in store.contract_records()
               for e in rec["events"] if e.get("acled")]
    shown = 0
    for inc in merge(reports):
        if len(inc.members) < args.min_reports:
            continue
        shown += 1
        f = inc.fields
        place = safe(f["place"] or "?")
        print(f"{inc.id}  {f['date'] or '?'}  {f['type']} {f['mode'] or ''}  {place}  "
              f"killed={f['killed']} injured={f['injured']}  ({len(inc.members)} reports)")
        for art, ev in inc.members:
            print(f"    {safe(art)}:{ev}")
        for name, values in inc.disagreements.items():
            said = "; ".join(f"{safe(_plain(r.value))} ({safe(r.article_id)}:{r.event_id})" for r in values)
            print(f"    reports differ on {name}: {said}")
    print(f"{shown} incidents reported by {args.min_reports} or more articles", file=sys.stderr)
    return 0


def cmd_spark(argv: list[str]) -> int:
    """Hand `argv` to `chronicle.spark.cli` (INPUT OUTPUT [--db] [--master] ...)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SystemExit("chronicle spark needs the optional extra: pip install 'chronicle[spark]'")
    from . import spark
    return spark.cli(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the command named in `argv` (default: sys.argv); return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["spark"]:
        return cmd_spark(argv[1:])
    args = build_parser().parse_args(argv)
    args.argv = argv
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING)
    if getattr(args, "db", "unset") is None:
        args.db = settings_mod.load().db
    try:
        return args.func(args)
    except FileNotFoundError as exc:
        raise SystemExit(f"chronicle: {exc}")
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as other Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
