"""Time-expression tagging speed on the TempEval-3 TBAQ texts, against spaCy and dateparser in the same run.

    python benchmarks/bench_timex.py [PATH] [--limit N] [--warmup K] [--repeat R] [--no-dateparser]

PATH: a folder of TimeML .tml files (searched recursively), default ../shared/corpora/tempeval3
next to the project. For each document's raw TEXT, with the DCT of <DCT>, it times:
  (a) our tagger on an already parsed document: tagger.tag(text, dct, doc=spacy_doc)
  (b) our tagger from raw text (parses itself):  tagger.tag(text, dct)
  (c) spaCy's parse alone:                       timeline.nlp.parse(text)
  (d) dateparser.search.search_dates(text, languages=['en'], settings={'RELATIVE_BASE': dct})
and prints ms per document, then the tagger's own cost (a) as a share of the parse (c) it reuses
(acceptance: under 10%). A few documents are run through everything first (warm-up: model
loading, lazy imports, caches). A script, not a timed test: figures depend on the machine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline import nlp  # noqa: E402
from timeline.timeml import TimeMLError, read_tml  # noqa: E402
from timeline.timex import tagger  # noqa: E402

DEFAULT_PATH = ROOT.parent / "shared" / "corpora" / "tempeval3"


def load_docs(path: Path, limit: int | None):
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    docs = []
    for f in files:
        try:
            docs.append(read_tml(f))
        except TimeMLError as exc:
            print(f"skipping {f.name}: {exc}", file=sys.stderr)
        if limit and len(docs) >= limit:
            break
    return docs


REPEAT = 1


def timed(fn, items):
    """Run fn on each item (REPEAT times, keeping the fastest); return (per-item seconds, results, failures)."""
    times, results, failures = [], [], 0
    for item in items:
        best, res = float("inf"), None
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            try:
                res = fn(item)
            except Exception as exc:  # keep timing the others; report the count
                res = None
                failures += 1
                if failures == 1:
                    print(f"  first failure: {type(exc).__name__}: {exc}", file=sys.stderr)
                best = min(best, time.perf_counter() - t0)
                break
            best = min(best, time.perf_counter() - t0)
        times.append(best)
        results.append(res)
    return times, results, failures


def relative_base(d: dt.date | None):
    return dt.datetime(d.year, d.month, d.day) if d else None


def search_dates(doc):
    from dateparser.search import search_dates as sd
    base = relative_base(doc.dct)
    settings = {"RELATIVE_BASE": base} if base else {}
    return sd(doc.text, languages=["en"], settings=settings)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="folder of .tml files (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    ap.add_argument("--warmup", type=int, default=3, help="documents run through everything before timing (default 3)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="time each document R times and keep the fastest (less noise on a busy machine)")
    ap.add_argument("--no-dateparser", action="store_true", help="skip (d), the slowest")
    args = ap.parse_args(argv)
    global REPEAT
    REPEAT = max(1, args.repeat)

    path = Path(args.path)
    if not path.exists():
        print(f"bench_timex: {path}: not found", file=sys.stderr)
        return 1
    docs = load_docs(path, args.limit)
    if not docs:
        print(f"bench_timex: {path}: no readable .tml files", file=sys.stderr)
        return 1
    chars = sum(len(d.text) for d in docs)

    # Warm-up: load the model, touch every code path once.
    for d in docs[:max(0, args.warmup)]:
        sp = nlp.parse(d.text)
        steps = [lambda: tagger.tag(d.text, d.dct, doc=sp), lambda: tagger.tag(d.text, d.dct)]
        if not args.no_dateparser:
            steps.append(lambda: search_dates(d))
        for step in steps:
            try:
                step()
            except Exception as exc:  # counted again in the timed pass
                print(f"  warm-up failure on {d.name}: {type(exc).__name__}: {exc}", file=sys.stderr)

    rows = []
    t_parse, parsed, f_parse = timed(lambda d: nlp.parse(d.text), docs)
    pairs = list(zip(docs, parsed))
    t_tag_doc, found, f_tag_doc = timed(lambda p: tagger.tag(p[0].text, p[0].dct, doc=p[1]), pairs)
    t_tag_raw, _, f_tag_raw = timed(lambda d: tagger.tag(d.text, d.dct), docs)
    rows.append(("(a) tagger, doc already parsed", t_tag_doc, f_tag_doc))
    rows.append(("(b) tagger from raw text", t_tag_raw, f_tag_raw))
    rows.append(("(c) spaCy parse (nlp.parse)", t_parse, f_parse))
    t0 = time.perf_counter()
    n_piped = sum(1 for _ in nlp.parse_many(d.text for d in docs))
    piped = (time.perf_counter() - t0) / max(1, n_piped)
    if not args.no_dateparser:
        t_dp, dp_found, f_dp = timed(search_dates, docs)
        rows.append(("(d) dateparser search_dates", t_dp, f_dp))

    n_timex = sum(len(r) for r in found if r)
    shown = os.path.relpath(path) if path.is_absolute() else args.path
    print(f"bench_timex: {len(docs)} documents from {shown}, {chars / len(docs):.0f} characters per document on "
          f"average; spaCy model {nlp.load().meta.get('name', '?')} {nlp.load().meta.get('version', '')}; "
          f"warm-up {min(args.warmup, len(docs))} document(s); fastest of {REPEAT} run(s) per document")
    print(f"{'':34}{'ms/doc':>10}{'median':>10}{'total s':>10}{'failed':>8}")
    for name, times, failed in rows:
        print(f"{name:34}{1000 * statistics.mean(times):10.2f}{1000 * statistics.median(times):10.2f}"
              f"{sum(times):10.2f}{failed:8d}")
    print(f"{'    spaCy batched (nlp.parse_many)':34}{1000 * piped:10.2f}{'':>10}{piped * n_piped:10.2f}")
    if not args.no_dateparser:
        n_dp = sum(len(r) for r in dp_found if r)
        print(f"expressions found: tagger {n_timex}, dateparser {n_dp}")
    else:
        print(f"expressions found: tagger {n_timex}")

    parse_ms = statistics.mean(t_parse)
    own = statistics.mean(t_tag_doc) / parse_ms if parse_ms else float("nan")
    raw = statistics.mean(t_tag_raw) / parse_ms if parse_ms else float("nan")
    verdict = "met" if own < 0.10 else "NOT met"
    if f_tag_doc:
        verdict += f", but the tagger failed on {f_tag_doc} document(s)"
    print(f"tagger own cost / spaCy parse = (a)/(c) = {100 * own:.1f}%  (acceptance < 10%: {verdict})")
    if piped:
        print(f"tagger own cost / batched spaCy parse (what `timeline timeml` uses) = "
              f"{100 * statistics.mean(t_tag_doc) / piped:.1f}%")
    print(f"tagger from raw text / spaCy parse = (b)/(c) = {raw:.2f}x")
    if not args.no_dateparser and statistics.mean(t_tag_raw):
        print(f"dateparser / tagger from raw text = (d)/(b) = {statistics.mean(t_dp) / statistics.mean(t_tag_raw):.2f}x")
    if n_timex == 0:
        print("note: the tagger found no expression at all (a stub, or failing?): its timings mean nothing yet")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
