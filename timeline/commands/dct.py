"""`timeline dct FILE... [--pub-date YYYY-MM-DD]`: each story's document time, one TSV row per file.

Columns: file, date (ISO, empty when the year or the whole date is unknown), source (metadata | dateline |
inferred | none), value (TIMEX3 style: 2017-01-19, XXXX-01-19 when only month and day are known, empty when
undated), confidence, evidence, dateline (as printed), place, agency.
A file that cannot be read is reported on stderr in one line; the other files still get their rows and the
exit code is 1 at the end.
"""
from __future__ import annotations

import sys

from timeline.dct import document_time
from timeline.document import load_document, parse_pub_date
from timeline.errors import TimelineError

COLUMNS = ["file", "date", "source", "value", "confidence", "evidence", "dateline", "place", "agency"]


def register(sub):
    p = sub.add_parser(
        "dct", help="each story's document time (publication date) and the evidence for it, as TSV",
        description="Print each story's document time as TSV: a --pub-date given wins, else front matter, else a "
                    "dateline with a year, else a year-less dateline with the year inferred from the text; "
                    "otherwise the story is flagged undated. Today's date is never used.")
    p.add_argument("files", nargs="+", metavar="FILE", help="story text files (UTF-8 or cp1252)")
    p.add_argument("--pub-date", metavar="YYYY-MM-DD", default=None,
                   help="publication date to use for every FILE (metadata: wins over the dateline)")
    p.set_defaults(func=run)


def _clean(value) -> str:
    return "" if value is None else " ".join(str(value).split())


def run(args) -> int:
    pub_date = parse_pub_date(args.pub_date, what="--pub-date") if args.pub_date is not None else None
    out = sys.stdout
    out.write("\t".join(COLUMNS) + "\n")
    failed = 0
    for path in args.files:
        try:
            doc = load_document(path, pub_date=pub_date)
            t = document_time(doc)
        except TimelineError as exc:
            print(f"timeline dct: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        dl = doc.dateline
        row = [path, t.date.isoformat() if t.date else "", t.source, t.value, f"{t.confidence:.2f}", t.evidence,
               dl.text if dl else "", dl.place if dl else "", dl.agency if dl else ""]
        out.write("\t".join(_clean(v) for v in row) + "\n")
    if failed:
        print(f"timeline dct: {failed} of {len(args.files)} file(s) could not be read", file=sys.stderr)
        return 1
    return 0
