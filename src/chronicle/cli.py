"""The `chronicle` command line."""
from __future__ import annotations

import argparse
import json
import logging
import sys

from . import settings as settings_mod
from .ingest import read_paths
from .pipeline import run


def cmd_extract(args: argparse.Namespace) -> int:
    """Write one contract record per input article (no database)."""
    s = settings_mod.load(model=args.model, batch_size=args.batch_size)
    out = open(args.output, "w", encoding="utf-8") if args.output != "-" else sys.stdout
    n = 0
    for article in run(read_paths(args.inputs), s):
        out.write(json.dumps(article.to_contract(), ensure_ascii=False) + "\n")
        n += 1
    if out is not sys.stdout:
        out.close()
    print(f"{n} articles written to {args.output}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chronicle", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="articles in, contract JSONL out")
    e.add_argument("inputs", nargs="+")
    e.add_argument("-o", "--output", default="-")
    e.add_argument("--model")
    e.add_argument("--batch-size", type=int)
    e.set_defaults(func=cmd_extract)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
