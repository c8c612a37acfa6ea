"""`timeline timexes FILE [--dct YYYY-MM-DD]`: every time expression of a story, resolved, as TSV.

Columns: start, end (character offsets into the file's text, 0-based, end exclusive), text, type (TIMEX3:
DATE, TIME, DURATION, SET), value (TIMEX3), granularity, rule, anchor (what the value was resolved
against), interval_start, interval_end (ISO, end exclusive; empty when the value is not a calendar span),
mod, resolved (no when a relative value could not be anchored).
The document time used is reported on stderr: --dct wins; else the dateline (year inferred from the text
when not printed); else the story is undated and relative expressions stay unresolved.
"""
from __future__ import annotations

import sys

from timeline.document import load_document, parse_pub_date
from timeline.temporal import MAX_STORY_CHARS, annotate

COLUMNS = ["start", "end", "text", "type", "value", "granularity", "rule", "anchor", "interval_start",
           "interval_end", "mod", "resolved"]


def register(sub):
    p = sub.add_parser(
        "timexes", help="time expressions of a story with TIMEX3 values, resolved against its date, as TSV",
        description="Print every time expression of FILE as TSV (header first): offsets, text, TIMEX3 type and "
                    "value, granularity, the rule that found it and the anchor it was resolved against. The "
                    "document time comes from --dct, else the dateline (year inferred from the text if missing).")
    p.add_argument("file", metavar="FILE", help="story text file")
    p.add_argument("--dct", metavar="YYYY-MM-DD", default=None,
                   help="document creation time (publication date); wins over the dateline")
    p.add_argument("--max-chars", type=int, default=MAX_STORY_CHARS, metavar="N",
                   help=f"refuse stories longer than N characters (default {MAX_STORY_CHARS:,}; parsing takes "
                        "minutes per million characters and about 2 GB of memory)")
    p.set_defaults(func=run)


def _clean(v) -> str:
    return " ".join(str(v).split())


def run(args) -> int:
    pub = parse_pub_date(args.dct, what="--dct") if args.dct is not None else None
    document = load_document(args.file, pub_date=pub)
    ann = annotate(document, pub_date=pub, max_chars=args.max_chars)
    d = ann.dct
    if d.date is None:
        print(f"timeline timexes: {args.file}: undated ({d.evidence}); relative expressions left unresolved",
              file=sys.stderr)
    else:
        print(f"timeline timexes: {args.file}: document time {d.date.isoformat()} ({d.source}: {d.evidence})",
              file=sys.stderr)
    out = sys.stdout
    out.write("\t".join(COLUMNS) + "\n")
    for t in ann.timexes:
        row = [t.start, t.end, t.text, t.type, t.value, t.granularity, t.rule, t.anchor, t.interval_start,
               t.interval_end, t.mod, "yes" if t.resolved else "no"]
        out.write("\t".join(_clean(v) for v in row) + "\n")
    return 0
