"""The `chronicle` command line: extract, ingest into a store, query, show, export, serve.

A bad argument (an unknown type, kind, status or sort key, an impossible date, a
setting that cannot be used) stops the command with exit status 2 and a message
naming it, before any work is done.
"""
from __future__ import annotations

import argparse
import logging
import sys

from . import settings as settings_mod
from .commands import (cmd_events, cmd_export, cmd_extract, cmd_incidents, cmd_ingest,
                       cmd_serve, cmd_show, cmd_spark, cmd_statements)
from .export.formats import FORMATS as EXPORT_FORMATS
from .store.filters import SORT_KEYS, FilterError
from .terminal import safe


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--type", help="PLOVER type (ASSAULT) or ACLED event/sub-event type")
    p.add_argument("--sub-event", help="ACLED sub-event type ('Air/drone strike')")
    p.add_argument("--country", help="ISO alpha-3 code or English name of the event's country")
    p.add_argument("--status", help="occurred, attempted, threatened, planned, denied or unknown")
    p.add_argument("--mode", help="PLOVER mode (drone, arrest, demonstrate, ...)")
    p.add_argument("--actor", help="an actor's canonical name (any case)")
    p.add_argument("--outlet", help="the outlet that published the article")
    p.add_argument("--min-casualties", type=int, metavar="N", help="killed + injured at least N")
    p.add_argument("--since", help="YYYY[-MM[-DD]]: events on or after")
    p.add_argument("--until", help="YYYY[-MM[-DD]]: events on or before")
    p.add_argument("--text", help="full-text query over article title and text")
    p.add_argument("--sort", default="-date", metavar="KEY",
                   help=f"one of {', '.join(SORT_KEYS)} ('-' first: largest or newest first)")


def _statement_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--speaker", help="words of the speaker's name")
    p.add_argument("--kind", help="claim, deny, condemn, appeal, support, threaten or report")
    p.add_argument("--event", help="store event id the statements are about")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every command."""
    p = argparse.ArgumentParser(prog="chronicle", description=__doc__.split("\n")[0])
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="articles in, contract JSONL out")
    e.add_argument("inputs", nargs="+")
    e.add_argument("-o", "--output", default="-")
    e.add_argument("--model")
    e.add_argument("--batch-size", type=int)
    e.add_argument("--workers", type=int, help="processes to run the pipeline in (default 1)")
    e.add_argument("--incidents", metavar="FILE",
                   help="also write the merged record of every incident to FILE (JSONL)")
    e.add_argument("--no-merge", dest="merge", action="store_false",
                   help="do not merge articles into incidents (events carry no incident)")
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
    ev.add_argument("--hide-repeats", action="store_true",
                    help="leave out later mentions that restate an event")
    ev.add_argument("--per-incident", action="store_true",
                    help="one row per incident: its first report (the others are in `show INCIDENT`)")
    ev.add_argument("--limit", type=_positive, default=50)
    ev.add_argument("--offset", type=int, default=0)
    ev.set_defaults(func=cmd_events)

    sh = sub.add_parser("show", help="one event with the sentences it came from, or one incident")
    sh.add_argument("event_id", metavar="ID", help="store event id (3:e1) or incident id (inc-...)")
    sh.add_argument("--db", **db)
    sh.set_defaults(func=cmd_show)

    st = sub.add_parser("statements", help="list stored statements")
    st.add_argument("--db", **db)
    _statement_filters(st)
    st.add_argument("--limit", type=_positive, default=50)
    st.set_defaults(func=cmd_statements)

    ex = sub.add_parser("export", help="write stored events (or statements) for analysts' tools")
    ex.add_argument("--db", **db)
    ex.add_argument("--format", choices=EXPORT_FORMATS, default="csv",
                    help="csv: ACLED's layout; json, jsonl: flat event records; plover: PLOVER-style"
                         " records; geojson; parquet (needs pyarrow); contract: article records")
    ex.add_argument("-o", "--output", default="-")
    ex.add_argument("--with-repeats", action="store_true",
                    help="keep later mentions that restate an event (left out by default)")
    ex.add_argument("--statements", action="store_true", help="export statements as CSV instead")
    ex.add_argument("--per", choices=("incident", "event"), default="incident",
                    help="one record per incident, so that each counts once (default), or one per"
                         " reported event, each with its incident (contract: always per article)")
    _filters(ex)
    _statement_filters(ex)
    ex.set_defaults(func=cmd_export)

    sv = sub.add_parser("serve", help="serve the HTTP API and web page")
    sv.add_argument("--db", **db)
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--workers", type=_positive, default=1, help="server processes (default 1)")
    sv.set_defaults(func=cmd_serve)

    inc = sub.add_parser("incidents", help="incidents merged from many reports, with their disagreements")
    inc.add_argument("--db", **db)
    inc.add_argument("--type", help="PLOVER type (ASSAULT) or family (violence, protest, ...)")
    inc.add_argument("--country", help="ISO alpha-3 code or English name of the incident's country")
    inc.add_argument("--since", help="YYYY[-MM[-DD]]: incidents on or after")
    inc.add_argument("--until", help="YYYY[-MM[-DD]]: incidents on or before")
    inc.add_argument("--text", help="full-text query over the titles and texts of its articles")
    inc.add_argument("--min-reports", type=_positive, default=1,
                     help="only incidents with at least this many reports")
    inc.add_argument("--limit", type=_positive, default=50)
    inc.set_defaults(func=cmd_incidents)

    # `spark` is parsed by chronicle.spark.cli itself (see main); listed here for --help.
    sub.add_parser("spark", help="run the pipeline on Apache Spark: INPUT OUTPUT [--db] [--master] "
                                 "(needs chronicle[spark]; see docs/spark.md)")
    return p


def _refuse(parser: argparse.ArgumentParser, message: str) -> int:
    """Print a usage error naming what was wrong; return exit status 2, as argparse does."""
    print(f"{parser.prog}: error: {safe(message)}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    """Run the command named in `argv` (default: sys.argv); return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    try:
        if argv[:1] == ["spark"]:
            return cmd_spark(argv[1:])
        args = parser.parse_args(argv)
        args.argv = argv
        logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING)
        if getattr(args, "db", "unset") is None:
            args.db = settings_mod.load().db
        if args.command == "export" and args.format in ("parquet",) and args.output == "-" \
                and sys.stdout.isatty():
            return _refuse(parser, "--format parquet writes binary: name a file with -o")
        return args.func(args)
    except (FilterError, settings_mod.SettingsError) as exc:
        return _refuse(parser, str(exc))
    except FileNotFoundError as exc:
        raise SystemExit(f"chronicle: {exc}")
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as other Unix tools do.
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
