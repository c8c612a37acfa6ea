"""`timeline eval reuters [REUTERS_DIR]`: datelines and document time on Reuters-21578.

Each `<REUTERS>` story of the reut2-*.sgm files is rebuilt as a wire story looks (the title line, a blank line,
then the body, which on the wire starts with the dateline), split with `split_document` and dated with
`document_time`, WITHOUT the true date. The true date is `<DATE>` (e.g. `26-FEB-1987 15:01:01.79`).

Reported:
- stories whose `<DATELINE>` field is present (the corpus has 19,043) and how many of them we found a dated
  dateline for;
- month/day right: the dateline's month/day equals the `<DATE>` day, or the day after it. The direction was
  checked on the data: datelines run ahead of `<DATE>` (an Asian or European dateline is already the next
  day when the New York timestamp is taken, e.g. "JOHANNESBURG March 13 -" stamped 12-MAR-1987 17:01),
  never behind it by a day except for a few typing errors. Both the strict (same day) and the lag-allowed
  figures are printed, with the count of each offset;
- how often a year is stated from the text alone (source `inferred`) and how often that year is right.

The corpus is read by path and never copied.
"""
from __future__ import annotations

import collections
import datetime as dt
import glob
import html
import os
import re
import sys
import time

from timeline.dct import document_time
from timeline.document import split_document
from timeline.errors import TimelineError
from timeline.paths import PROJECT_ROOT

DEFAULT_DIR = os.path.join("..", "shared", "corpora", "reuters21578")
_STORY = re.compile(r"<REUTERS\b.*?</REUTERS>", re.S)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "DATELINE", "TITLE", "BODY")}
_MON = {m: i for i, m in enumerate(["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}


def register(sub):
    p = sub.add_parser("reuters", help="dateline month/day and inferred-year accuracy on Reuters-21578",
                       description="Parse every Reuters-21578 story's dateline and infer its year from the text, "
                                   "without the true <DATE>, and score against it.")
    p.add_argument("reuters_dir", nargs="?", default=None,
                   help=f"folder holding reut2-*.sgm (default: {DEFAULT_DIR} relative to the project root)")
    p.add_argument("--limit", type=int, default=None, help="score only the first N stories (quick checks)")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="also print N wrong cases of each kind")
    p.set_defaults(func=run)


def iter_stories(folder: str):
    """Yield dicts with newid, date (datetime.date), dateline (raw field or None), title, body."""
    files = sorted(glob.glob(os.path.join(folder, "reut2-*.sgm")))
    if not files:
        raise TimelineError(f"{folder}: no reut2-*.sgm files there")
    for path in files:
        with open(path, "rb") as fh:
            raw = fh.read().decode("cp1252", errors="replace")
        for m in _STORY.finditer(raw):
            s = m.group(0)
            newid = re.search(r'NEWID="(\d+)"', s)
            fields = {k: (rx.search(s).group(1) if rx.search(s) else None) for k, rx in _FIELD.items()}
            d = re.match(r"\s*(\d{1,2})-([A-Z]{3})-(\d{4})", fields["DATE"] or "")
            yield {
                "newid": newid.group(1) if newid else "",
                "date": dt.date(int(d.group(3)), _MON[d.group(2)], int(d.group(1))) if d else None,
                "dateline": html.unescape(fields["DATELINE"]) if fields["DATELINE"] is not None else None,
                "title": html.unescape(fields["TITLE"]) if fields["TITLE"] is not None else None,
                "body": html.unescape(fields["BODY"]) if fields["BODY"] is not None else "",
            }


def story_text(story: dict) -> str:
    """The story as the wire shows it: title, blank line, dateline + body."""
    parts = []
    if story["title"]:
        parts.append(story["title"].strip() + "\n\n")
    if story["dateline"]:
        parts.append("    " + story["dateline"].strip() + " ")
    parts.append(story["body"].replace("\x03", "").rstrip())
    return "".join(parts)


def _pct(n: int, d: int) -> str:
    return f"{n:,}/{d:,} = {100.0 * n / d:.2f}%" if d else f"{n}/0"


def run(args) -> int:
    folder = args.reuters_dir or os.path.join(PROJECT_ROOT, DEFAULT_DIR)
    if not os.path.isdir(folder):
        raise TimelineError(f"Reuters-21578 folder not found: {folder} (give REUTERS_DIR)")
    t0 = time.perf_counter()
    total = with_dl = found = md_same = md_lag = 0
    offsets = collections.Counter()
    stated = stated_right = year_unknown = 0
    wrong_md, wrong_year = [], []
    for story in iter_stories(folder):
        if args.limit and total >= args.limit:
            break
        total += 1
        if story["dateline"] is None or story["date"] is None:
            continue
        with_dl += 1
        doc = split_document(story_text(story), doc_id=story["newid"])
        dl = doc.dateline
        if dl is None or not dl.has_date:
            wrong_md.append((story, dl, None))
            continue
        found += 1
        truth = story["date"]
        try:
            delta = (dt.date(truth.year, dl.month, dl.day) - truth).days
        except ValueError:
            delta = None
        offsets[delta] += 1
        if delta == 0:
            md_same += 1
        if delta in (-1, 0, 1):
            md_lag += 1
        else:
            wrong_md.append((story, dl, delta))
        dct = document_time(doc)
        if dct.source == "inferred":
            stated += 1
            if dct.date.year == truth.year:
                stated_right += 1
            else:
                wrong_year.append((story, dct))
        elif not dct.year_known:
            year_unknown += 1
    elapsed = time.perf_counter() - t0
    out = sys.stdout
    print(f"Reuters-21578 datelines and document time ({folder})", file=out)
    print(f"  stories read:                          {total:,}", file=out)
    print(f"  stories with a <DATELINE> field:        {with_dl:,}", file=out)
    print(f"  dated dateline found:                  {_pct(found, with_dl)}", file=out)
    print(f"  month/day = <DATE> day:                {_pct(md_same, with_dl)}", file=out)
    print(f"  month/day = <DATE> day, or one day off: {_pct(md_lag, with_dl)}   (acceptance >= 99%)", file=out)
    print(f"    of which the day after <DATE>:       {offsets[1]:,}; the day before: {offsets[-1]:,}", file=out)
    print(f"    dateline minus <DATE>, in days:      "
          + ", ".join(f"{k:+d}: {v:,}" if k is not None else f"invalid: {v}" for k, v in
                      sorted(offsets.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))[:12]), file=out)
    print(f"  year stated from the text (inferred):  {_pct(stated, found)}   (rate of stating)", file=out)
    print(f"  stated year right:                     {_pct(stated_right, stated)}   (acceptance >= 95%)", file=out)
    print(f"  year left unknown (XXXX-MM-DD):        {_pct(year_unknown, found)}", file=out)
    print(f"  time: {elapsed:.1f} s ({1000 * elapsed / max(total, 1):.2f} ms/story)", file=out)
    shown_dir = args.reuters_dir or DEFAULT_DIR
    print(f"  reproduce: python -m timeline eval reuters {shown_dir}", file=out)
    if args.errors:
        print("\nwrong or missing month/day:", file=out)
        for story, dl, delta in wrong_md[: args.errors]:
            print(f"  {story['newid']}\t{story['date']}\t{(story['dateline'] or '').strip()!r}\t"
                  f"{dl.text if dl else None!r}\t{delta}", file=out)
        print("\nwrong stated years:", file=out)
        for story, dct in wrong_year[: args.errors]:
            print(f"  {story['newid']}\t{story['date']}\t{dct.date}\t{dct.confidence}\t{dct.evidence}", file=out)
    return 0
