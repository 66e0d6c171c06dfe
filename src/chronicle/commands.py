"""What each `chronicle` command does, over the stages and the store; cli.py parses the arguments."""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import signal
import sys
import tempfile
from typing import Optional

from . import settings as settings_mod
from .terminal import mark, safe, table


def _settings(args: argparse.Namespace, **extra):
    return settings_mod.load(model=args.model, batch_size=args.batch_size, workers=args.workers,
                             **extra)


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
        files = "file that is not an article" if len(skipped) == 1 else "files that are not articles"
        print(f"skipped {len(skipped)} {files} ({names}{more});"
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
    """Write one contract record per input article (no database), with its provenance, and with
    incidents merged across the whole output (unless --no-merge); Ctrl-C stops it cleanly and
    --resume goes on after the records already written."""
    from itertools import islice
    from .ingest.read import read_paths
    from .merge import Merger
    from .progress import bar, count_inputs, shown
    from .provenance import chronicle_version
    from .records import Article
    from .workers import run  # imported here: loading spaCy is slow, and only some commands need it
    s = _settings(args)
    if args.resume and args.output == "-":
        raise SystemExit("chronicle: --resume needs an output file (-o FILE)")
    done = _records_done(args.output) if args.resume else 0
    total = count_inputs(args.inputs) if shown() else None
    merger = Merger() if getattr(args, "merge", True) else None
    if merger is not None and done:
        # The records already written are merged again, in their order, so that the articles
        # still to come meet the same incidents as in one uninterrupted run.
        with open(args.output, encoding="utf-8") as f:
            for line in f:
                merger.add(Article.from_contract(json.loads(line)))
    # On stdout the lines wait in a draft, to go out with the incident ids as they stand at the
    # end of the input (a late report can show that two incidents are one); a file is written
    # as it goes, so that an interrupted run keeps its records, and its ids are settled at the end.
    to_stdout = args.output == "-"
    out = tempfile.TemporaryFile("w+", encoding="utf-8") if to_stdout and merger is not None \
        else sys.stdout if to_stdout else open(args.output, "a" if args.resume else "w", encoding="utf-8")
    skipped: list[str] = []
    n = 0
    _stop_on_sigterm()
    articles = run(islice(read_paths(args.inputs, skipped=skipped), done, None), s)
    interrupted = False
    try:
        with bar(total, "extract") as progress:
            progress.update(done)
            for article in articles:
                if merger is not None:
                    merger.add(article)
                rec = article.to_contract()
                rec["provenance"] = {"source": article.source, "outlet": article.outlet,
                                     "chronicle_version": chronicle_version(),
                                     "pipeline": article.pipeline}
                out.write(json_line(rec))
                n += 1
                progress.update(1)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        articles.close()  # stops the workers now, not when the generator is collected
        if to_stdout and out is not sys.stdout:
            out.seek(0)
            _settle(out, sys.stdout, merger)
            out.close()
        elif out is not sys.stdout:
            out.close()
            if merger is not None:
                _settle_file(args.output, merger)
    if interrupted:
        print(f"\ninterrupted: {done + n} records in {args.output}", file=sys.stderr)
        if args.output != "-":
            print(f"to go on where it stopped: {_again(args, '--resume')}", file=sys.stderr)
        return 130
    if merger is not None and getattr(args, "incidents", None):
        with open(args.incidents, "w", encoding="utf-8") as f:
            for inc in merger.state.records():
                f.write(json.dumps(inc.to_dict(), ensure_ascii=False) + "\n")
    _report_skipped(skipped)
    resumed = f" (after {done} already there)" if done else ""
    print(f"{n} articles written to {args.output}{resumed}", file=sys.stderr)
    return 0


def _settle(lines, out, merger) -> None:
    """Copy contract lines to `out` with every incident id as the merger resolves it now."""
    for line in lines:
        out.write(_INCIDENT.sub(lambda m: f'"incident": "{merger.resolve(m.group(1))}"', line))


def _settle_file(path: str, merger) -> None:
    """Rewrite an output file in place with every incident id as the merger resolves it now."""
    folder = os.path.dirname(os.path.abspath(path))
    with open(path, encoding="utf-8") as src, \
            tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False) as dst:
        _settle(src, dst, merger)
    os.replace(dst.name, path)


_INCIDENT = re.compile(r'"incident": "(inc-[0-9a-f]{16})"')


def open_store_for(args: argparse.Namespace, create: bool = True):
    """Open the store named by --db; a reading command refuses a SQLite file that is not there."""
    from pathlib import Path
    from .store import is_postgres, open_store
    if not create and not is_postgres(args.db) and args.db != ":memory:" \
            and not Path(args.db).exists():
        raise SystemExit(f"chronicle: no store at {args.db}; run `chronicle ingest PATH --db {args.db}` first")
    return open_store(args.db)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Run the pipeline over the inputs and store what it finds; show progress, print counts on
    stderr; Ctrl-C (or SIGTERM) stops it cleanly and the same command goes on."""
    from .ingest.read import read_paths
    from .progress import bar, count_inputs, shown
    from .store import Saved
    from .store.load import load
    s = _settings(args, db=args.db)
    total = count_inputs(args.inputs) if shown() else None
    saved, skipped_files = Saved(), []
    _stop_on_sigterm()
    try:
        with open_store_for(args) as store, bar(total, "ingest") as progress:
            def report(so_far, skipped: int) -> None:
                progress.n = so_far.articles + so_far.duplicates + skipped
                progress.set_postfix(events=so_far.events, errors=so_far.errors, refresh=False)
                progress.refresh()
            saved, skipped = load(read_paths(args.inputs, skipped=skipped_files), store, s,
                                  report, saved)
    except KeyboardInterrupt:
        print(f"\ninterrupted: {saved.articles} articles stored in this run, nothing half-stored;"
              f" to go on, run the same command again (what is stored is skipped):"
              f" {_again(args)}", file=sys.stderr)
        return 130
    _report_skipped(skipped_files)
    print(f"stored {saved.articles} articles ({saved.errors} with errors), {saved.events} events,"
          f" {saved.statements} statements; {saved.duplicates} inputs repeat a stored text"
          f" (recorded as its duplicates); skipped {skipped} inputs already stored",
          file=sys.stderr)
    return 0


def event_filter(args: argparse.Namespace, limit: Optional[int], repeats: bool):
    """Return the checked EventFilter of the filter flags (FilterError when one is wrong)."""
    from .store.filters import EventFilter, check_events
    return check_events(EventFilter(
        type=args.type, sub_event=args.sub_event, country=args.country, status=args.status,
        mode=args.mode, actor=args.actor, outlet=args.outlet, min_casualties=args.min_casualties,
        since=args.since, until=args.until, text=args.text, sort=args.sort, repeats=repeats,
        incidents=getattr(args, "per_incident", False), limit=limit, offset=getattr(args, "offset", 0) or 0))


def _place(view: dict) -> str:
    loc = view.get("location") or {}
    return ", ".join(x for x in (loc.get("name"), loc.get("country")) if x)


def cmd_events(args: argparse.Namespace) -> int:
    """Print the stored events matching the filters as a table, and how many match in all."""
    f = event_filter(args, args.limit, repeats=not args.hide_repeats)
    with open_store_for(args, create=False) as store:
        views = store.events(f)
        total = store.total(f) if len(views) == args.limit or f.offset else len(views)
    rows = [[v["id"], (v.get("date") or {}).get("value") or "", v["type"],
             (v.get("acled") or {}).get("sub_event_type") or (f"(repeats {v['repeats']})" if v.get("repeats") else ""),
             _place(v),
             "" if v.get("killed") is None else v["killed"],
             ", ".join(a.get("name") or a["text"] for a in v.get("actors") or []),
             v["trigger"]["text"], v.get("incident") or ""] for v in views]
    if not rows:
        print("no events match", file=sys.stderr)
        return 0
    print(table(rows, ["ID", "DATE", "TYPE", "SUB-EVENT", "PLACE", "KILLED", "ACTOR", "TRIGGER",
                       "INCIDENT"], [12, 10, 9, 28, 26, 6, 30, 24, 20]))
    if total > len(rows):
        print(f"({f.offset + 1}-{f.offset + len(rows)} of {total}; --limit and --offset show others,"
              f" `chronicle show ID` one in full)", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print one event, its sentences with trigger and arguments marked, and its statements."""
    from .store.evidence import passages
    if args.event_id.startswith("inc-"):
        from .incident_text import show_incident
        with open_store_for(args, create=False) as store:
            inc = store.incident(args.event_id)
        if inc is None:
            print(f"no incident {args.event_id!r} in {args.db}", file=sys.stderr)
            return 1
        print(show_incident(inc))
        return 0
    with open_store_for(args, create=False) as store:
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
    if v.get("incident"):
        lines.append(f"  incident:   {v['incident']} (`chronicle show {v['incident']}`)")
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
    lines.append(f"  read by:    {art.get('outlet') or '(outlet unknown)'}; stored {art.get('ingested_at')}"
                 f" by Chronicle {art.get('chronicle_version') or '?'} with {art.get('pipeline') or '?'}")
    out = [safe(x) for x in lines]
    out.append("")
    for pieces in passages(v, v["article"]["text"]):
        out.append("  " + mark(pieces, color))
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


def statement_filter(args: argparse.Namespace, limit: Optional[int]):
    """Return the checked StatementFilter of the flags (FilterError when the kind is unknown)."""
    from .store.filters import StatementFilter, check_statements
    return check_statements(StatementFilter(speaker=args.speaker, kind=args.kind,
                                            event=args.event, limit=limit))


def cmd_statements(args: argparse.Namespace) -> int:
    """Print the stored statements matching the filters."""
    f = statement_filter(args, args.limit)
    with open_store_for(args, create=False) as store:
        views = store.statements(f)
    if not views:
        print("no statements match", file=sys.stderr)
        return 0
    rows = [[s["id"], s["kind"], _speaker_label(s.get("speaker") or {}),
             (s.get("via") or {}).get("name") or "", s["cue"]["text"], s.get("event_id") or "",
             s["content"]["text"]] for s in views]
    print(table(rows, ["ID", "KIND", "SPEAKER", "VIA", "CUE", "EVENT", "CONTENT"],
                [12, 9, 36, 16, 14, 12, 60]))
    return 0


def _write(args: argparse.Namespace, binary: bool, write) -> int:
    if args.output == "-":
        return write(sys.stdout.buffer if binary else sys.stdout)
    with open(args.output, "wb") if binary else \
            open(args.output, "w", encoding="utf-8", newline="") as out:
        return write(out)


def cmd_export(args: argparse.Namespace) -> int:
    """Write the stored events (or statements) matching the filters in the chosen format."""
    from .export import BINARY, export, write_statements_csv
    if args.statements:
        f = statement_filter(args, None)
        with open_store_for(args, create=False) as store:
            n = _write(args, False, lambda out: write_statements_csv(store.statements(f), out))
        print(f"{n} statements written to {args.output}", file=sys.stderr)
        return 0
    f = event_filter(args, None, repeats=args.with_repeats)
    with open_store_for(args, create=False) as store:
        n = _write(args, args.format in BINARY,
                   lambda out: export(store, args.format, out, f, per=args.per))
    print(f"{n} records written to {args.output}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the HTTP API and web page over the store."""
    import uvicorn
    from .api.app import create_app
    open_store_for(args, create=False).close()
    if args.workers > 1:  # several processes: each builds the app from CHRONICLE_DB
        os.environ["CHRONICLE_DB"] = args.db
        uvicorn.run("chronicle.api.app:app", host=args.host, port=args.port, log_level="info",
                    workers=args.workers)
    else:
        uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="info")
    return 0


def _count(n: Optional[int]) -> str:
    return "?" if n is None else str(n)


def cmd_incidents(args: argparse.Namespace) -> int:
    """Print the stored incidents matching the filters, each with where its reports disagree."""
    from .incident_text import disagreement_lines, said
    from .store import IncidentFilter
    f = IncidentFilter(type=args.type, country=args.country, since=args.since, until=args.until,
                       text=args.text, min_reports=args.min_reports, limit=args.limit)
    with open_store_for(args, create=False) as store:
        views = store.incidents(f)
    if not views:
        print("no incidents match", file=sys.stderr)
        return 0
    for v in views:
        place = said((v.get("fields") or {}).get("place", {}).get("value")) or "?"
        print(safe(f"{v['id']}  {v.get('date_value') or '?'}  {v.get('type') or v.get('family')}"
                   f" {v.get('mode') or ''}  {place}  killed={_count(v.get('killed'))} injured={_count(v.get('injured'))}"
                   f"  ({v['n_reports']} reports, {v['n_articles']} articles)"))
        for line in disagreement_lines(v):
            print("    " + safe(line))
    print(f"{len(views)} incidents (`chronicle show INCIDENT_ID` shows one with its reports)",
          file=sys.stderr)
    return 0


def cmd_spark(argv: list[str]) -> int:
    """Hand `argv` to `chronicle.spark.cli` (INPUT OUTPUT [--db] [--master] ...)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SystemExit("chronicle spark needs the optional extra: pip install 'chronicle[spark]'")
    from . import spark
    return spark.cli(argv)
