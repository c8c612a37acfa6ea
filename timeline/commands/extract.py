"""`timeline extract INPUT... -o OUT [--format ...] [--mentions OUT2] [--db PATH | --no-db] [--workers N]
[--engine local|dask] [--scheduler ADDR] [--quiet]`: the event table of many articles.

INPUT is a story file (.txt, .md, any text; .html/.htm: its main text and published date), a folder (those files,
recursively), a JSONL / JSON / CSV / TSV file of articles whose columns are found by their usual names
(text/body/content, pub_date/date/published, title/headline, url/link, id, source; `--text-col` etc. override),
or `-` for stdin (see timeline.ingest). Documents stream through the pipeline in chunks (timeline.engine) on
`--workers N` local processes or on a Dask cluster (`--engine dask`, `--scheduler ADDRESS`).

Documents and their mentions (one row per extracted statement) go into the DuckDB store (`--db PATH`, default
data/timeline.duckdb or $TIMELINE_DB), one transaction per chunk: a run killed midway keeps every chunk it
finished, and the same article ingested twice adds nothing. `-o OUT` writes the merged events of this run's
documents (one row per real event: the event table's columns + n_mentions, n_sources, first_reported, doc_ids,
sources, mention_ids, merge_reason), merged against everything in the store; `--mentions OUT2` writes this run's
mentions. `--no-db` merges in memory without a store. The format follows OUT's extension (.csv, .parquet, .jsonl,
.json = TimelineJS) unless `--format` is given; `-o -` writes CSV or JSONL to stdout.

A bad document (empty, binary, undecodable, too large, HTML without text, no text column, an unparseable date, a
text that is not English, an unreadable file) is reported on stderr in one line naming it; the others are still
processed, and the run ends with an account of every input document (`--account FILE` writes it as CSV). The
exit code is non-zero only when no article could be processed.
"""
from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import sys
from pathlib import Path

from timeline.errors import TimelineError

FORMATS = ("csv", "parquet", "jsonl", "timelinejs")
EXTENSIONS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl",
              ".json": "timelinejs"}
FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")
FIELDS = ("text", "pub_date", "title", "url", "id", "source")


def register(sub):
    p = sub.add_parser(
        "extract", help="events (who did what to whom, when, where) from articles, as CSV/Parquet/JSONL/TimelineJS",
        description="Extract the event table from articles: each event with its date (from the text, at the "
                    "precision the text gives), actors, CAMEO/PLOVER code, place, modality, speaker and the "
                    "sentence that states it; mentions of the same event across articles are merged. INPUT: text "
                    "or HTML files, folders of .txt/.md/.html files, JSONL/JSON/CSV/TSV files of articles, or - "
                    "(stdin). Bad articles are reported on stderr and skipped.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="text/HTML file, folder, JSONL/JSON/CSV/TSV of articles, or - for stdin")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="merged events file (format from its extension: .csv .parquet .jsonl .json); '-' for stdout")
    p.add_argument("--format", choices=FORMATS, default=None, help="output format (default: from OUT's extension)")
    p.add_argument("--mentions", metavar="OUT2", default=None,
                   help="also write this run's mentions (one row per extracted statement) to OUT2")
    p.add_argument("--mentions-format", choices=FORMATS, default=None,
                   help="format of OUT2 (default: from its extension)")
    p.add_argument("--pub-date", metavar="YYYY-MM-DD", default=None,
                   help="publication date for articles that carry none (a date column or front matter wins)")
    for field in FIELDS:
        p.add_argument(f"--{field.replace('_', '-')}-col", dest=f"{field}_col", metavar="NAME", default=None,
                       help=f"column holding the {field.replace('_', ' ')} in JSONL/CSV inputs")
    p.add_argument("--stdin-format", choices=("auto", "text", "jsonl", "html"), default="auto",
                   help="what - (stdin) holds (default auto: JSONL when its first line is a JSON object)")
    p.add_argument("--db", metavar="PATH", default=None,
                   help="the DuckDB store (default data/timeline.duckdb, or $TIMELINE_DB)")
    p.add_argument("--no-db", action="store_true", help="no store: merge this run's mentions in memory")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="processes (local) or workers (dask)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes, or a Dask distributed cluster (default local)")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="Dask scheduler address (default: a local cluster of --workers workers)")
    p.add_argument("--batch-size", type=int, default=16,
                   help="articles per chunk (one spaCy batch; one store transaction) (default 16)")
    p.add_argument("--account", metavar="FILE", default=None,
                   help="write the account of every input document (label, doc_id, status, reason) as CSV")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


# ------------------------------------------------------------------------------------------------ reading inputs

def _warn(msg: str) -> None:
    print(f"timeline extract: {msg}", file=sys.stderr)


# ------------------------------------------------------------------------------------------------ writing

def neutralise(value):
    """A CSV cell a spreadsheet would run as a formula gets a leading single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_LEAD):
        return "'" + value
    return value


def to_csv(df, fh, header: bool = True) -> None:
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object or str(out[c].dtype).startswith("string"):
            out[c] = out[c].map(lambda v: neutralise(v) if isinstance(v, str) else v).astype(out[c].dtype)
    out.to_csv(fh, index=False, header=header)


def _date_obj(iso: str, granularity: str) -> dict | None:
    """A TimelineJS date object carrying only the precision known."""
    if not iso:
        return None
    y, m, d = (int(x) for x in iso.split("-"))
    if granularity in ("year", "decade", "century"):
        return {"year": y}
    if granularity in ("month", "quarter", "half", "season"):
        return {"year": y, "month": m}
    return {"year": y, "month": m, "day": d}


def _last_day(end_exclusive: str) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(end_exclusive) - dt.timedelta(days=1)).isoformat()


def timelinejs(df, title: str = "Chronology") -> tuple[dict, int]:
    """TimelineJS3 JSON for the events that have a calendar date (vague and unresolved ones cannot be placed);
    returns (document, number of events left out)."""
    events, skipped = [], 0
    for r in df.to_dict("records"):
        start, end, gran = r.get("date_start") or "", r.get("date_end") or "", r.get("granularity") or ""
        if not start or not end or gran in ("vague", ""):
            skipped += 1
            continue
        ev = {"start_date": _date_obj(start, gran), "unique_id": r["event_id"]}
        clock = re.match(r"^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})", r.get("date_value") or "")
        if gran == "time" and clock:
            ev["start_date"].update(hour=int(clock.group(1)), minute=int(clock.group(2)))
        ev["start_date"]["display_date"] = r.get("date_value") or start
        last = _last_day(end)
        single = {"year": (start[:4] == last[:4]), "month": start[:7] == last[:7], "day": start == last}
        if not ((gran in ("year",) and single["year"]) or (gran == "month" and single["month"])
                or (gran in ("day", "time") and single["day"])):
            ev["end_date"] = _date_obj(last, gran)
        headline = r.get("summary") or r.get("predicate") or ""
        who = r.get("attributed_to") or ""
        parts = [html.escape(r.get("sentence") or "")]
        meta = [x for x in (r.get("location"), r.get("modality"), f"said by {who}" if who else "",
                            r.get("source")) if x]
        if meta:
            parts.append("<small>" + html.escape(" · ".join(str(x) for x in meta)) + "</small>")
        ev["text"] = {"headline": html.escape(headline), "text": "<p>" + "</p><p>".join(parts) + "</p>"}
        if r.get("actor1"):
            ev["group"] = r["actor1"]
        events.append(ev)
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": events}, skipped


def write(df, output: str, fmt: str) -> None:
    if output == "-":
        if fmt == "csv":
            buf = io.StringIO()
            to_csv(df, buf)
            sys.stdout.write(buf.getvalue())
        elif fmt == "jsonl":
            sys.stdout.write(df.to_json(orient="records", lines=True, force_ascii=False) if len(df) else "")
        else:
            raise TimelineError(f"--format {fmt} cannot be written to stdout; give a file with -o")
        return
    parent = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(parent):
        raise TimelineError(f"{output}: folder {parent} does not exist")
    try:
        if fmt == "csv":
            with open(output, "w", encoding="utf-8", newline="") as fh:
                to_csv(df, fh)
        elif fmt == "parquet":
            df.to_parquet(output, index=False)
        elif fmt == "jsonl":
            with open(output, "w", encoding="utf-8") as fh:
                if len(df):
                    fh.write(df.to_json(orient="records", lines=True, force_ascii=False))
        else:
            doc, skipped = timelinejs(df)
            if skipped:
                _warn(f"{skipped} event(s) with a vague or unresolved date left out of the TimelineJS file")
            with open(output, "w", encoding="utf-8") as fh:
                json.dump(doc, fh, ensure_ascii=False, indent=1)
    except OSError as exc:
        raise TimelineError(f"{output}: cannot write ({exc.strerror or exc})") from None


def output_format(output: str, given: str | None) -> str:
    if given:
        return given
    if output == "-":
        return "csv"
    ext = Path(output).suffix.lower()
    if ext not in EXTENSIONS:
        raise TimelineError(f"{output}: cannot tell the format from the extension {ext or '(none)'}; use --format "
                            + "|".join(FORMATS))
    return EXTENSIONS[ext]


# ------------------------------------------------------------------------------------------------ streaming output

class TableWriter:
    """Writes an event or mention table batch by batch (CSV / JSONL appended, Parquet by row groups); TimelineJS
    and stdout are written at `close` (they are one document)."""

    def __init__(self, output: str, fmt: str):
        self.output, self.fmt = output, fmt
        self.rows = 0
        self._fh = self._pq = None
        self._held: list = []
        if output != "-":
            parent = os.path.dirname(os.path.abspath(output))
            if not os.path.isdir(parent):
                raise TimelineError(f"{output}: folder {parent} does not exist")
        elif fmt not in ("csv", "jsonl"):
            raise TimelineError(f"--format {fmt} cannot be written to stdout; give a file with -o")

    def write(self, df) -> None:
        if df is None or not len(df):
            return
        self.rows += len(df)
        if self.output == "-" or self.fmt == "timelinejs":
            self._held.append(df)
            return
        try:
            if self.fmt == "csv":
                first = self._fh is None
                if first:
                    self._fh = open(self.output, "w", encoding="utf-8", newline="")
                to_csv(df, self._fh, header=first)
            elif self.fmt == "jsonl":
                if self._fh is None:
                    self._fh = open(self.output, "w", encoding="utf-8")
                self._fh.write(df.to_json(orient="records", lines=True, force_ascii=False).rstrip("\n") + "\n")
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                table = pa.Table.from_pandas(df, preserve_index=False)
                if self._pq is None:
                    self._pq = pq.ParquetWriter(self.output, table.schema)
                self._pq.write_table(table.cast(self._pq.schema))
        except OSError as exc:
            raise TimelineError(f"{self.output}: cannot write ({exc.strerror or exc})") from None

    def close(self, empty=None) -> None:
        """Finish the file; `empty` (a DataFrame with the columns) is written when no row came."""
        import pandas as pd

        if self._fh is not None:
            self._fh.close()
        if self._pq is not None:
            self._pq.close()
        if self._held or (self._fh is None and self._pq is None and empty is not None):
            df = pd.concat(self._held, ignore_index=True) if self._held else empty
            write(df, self.output, self.fmt)


# ------------------------------------------------------------------------------------------------ where results go

class StoreSink:
    """Documents and mentions into the DuckDB store, one transaction per chunk; the merged events of this run's
    documents at the end."""

    def __init__(self, path):
        from timeline.store import Store

        self.store = Store(path)
        self.doc_ids: set = set()
        self.added = 0
        self.duplicates = 0

    def add(self, results) -> None:
        batch = []
        for r in results:
            x = {k: r.get(k) for k in ("doc_id", "text", "path", "url", "title", "source", "pub_date",
                                       "dct_source", "status", "message")}
            if r["status"] == "processed":
                x["mentions"] = r.get("mentions")
                self.doc_ids.add(r["doc_id"])
            else:
                x["path"] = x.get("path") or r["label"]
            batch.append(x)
        if batch:
            out = self.store.add_documents(batch, rebuild=False)
            self.added += out["added"]
            self.duplicates += len(out["duplicates"])

    def events(self):
        from timeline.merge import SEP

        self.store.rebuild_events()
        ev = self.store.events()
        if not len(ev):
            return ev
        mine = ev["doc_ids"].fillna("").map(lambda s: any(d in self.doc_ids for d in s.split(SEP)))
        return ev[mine.astype(bool)].reset_index(drop=True)

    def describe(self) -> str:
        c = self.store.counts()
        dup = f", {self.duplicates} already stored (nothing added)" if self.duplicates else ""
        return (f"store {self.store.path}: {self.added} document(s) added{dup}; it holds {c['documents']} "
                f"document(s), {c['mentions']} mention(s), {c['events']} event(s)")

    def close(self) -> None:
        self.store.close()


class MemorySink:
    """No store (--no-db): this run's mentions merged in memory (mentions are small; texts are not kept)."""

    def __init__(self):
        self.tables: list = []

    def add(self, results) -> None:
        self.tables += [r["mentions"] for r in results if r["status"] == "processed" and r.get("mentions") is not None
                        and len(r["mentions"])]

    def events(self):
        import pandas as pd

        from timeline.merge import empty_merged, merge_events, with_mention_ids

        if not self.tables:
            return empty_merged()
        from timeline.schema import validate_events

        return merge_events(with_mention_ids(validate_events(pd.concat(self.tables, ignore_index=True))))

    def describe(self) -> str:
        return ""

    def close(self) -> None:
        pass


def open_sink(args):
    """Where the results go: the store (default), or memory with --no-db. The one place to switch."""
    if args.no_db:
        if args.db:
            raise TimelineError("--db and --no-db cannot be given together")
        return MemorySink()
    return StoreSink(args.db)


# ------------------------------------------------------------------------------------------------ run

def run(args) -> int:
    import pandas as pd

    from timeline.document import parse_pub_date
    from timeline.engine import progress_bar, run_pipeline
    from timeline.ingest import Account, iter_documents
    from timeline.merge import empty_merged, with_mention_ids
    from timeline.schema import EVENT_COLUMNS, empty_events, validate_events

    fmt = output_format(args.output, args.format)
    mfmt = output_format(args.mentions, args.mentions_format) if args.mentions else None
    if args.mentions and args.mentions == args.output and args.output != "-":
        raise TimelineError("--mentions must name another file than -o")
    if args.workers < 1:
        raise TimelineError("--workers must be at least 1")
    default_pub = parse_pub_date(args.pub_date, what="--pub-date") if args.pub_date is not None else None
    account = Account()
    entries = iter_documents(args.inputs, columns={f: getattr(args, f"{f}_col") for f in FIELDS},
                             default_pub_date=default_pub, stdin_format=args.stdin_format, account=account)
    mentions_out = TableWriter(args.mentions, mfmt) if args.mentions else None
    events_check = TableWriter(args.output, fmt)       # fails early on a bad -o folder or format
    account_fh = None
    if args.account:
        account_fh = open(args.account, "w", encoding="utf-8", newline="")
        account_csv = csv.writer(account_fh)
        account_csv.writerow(["document", "doc_id", "status", "reason"])
    sink = open_sink(args)
    update, close_bar = progress_bar(quiet=args.quiet)
    n_mentions = 0
    try:
        for results in run_pipeline(entries, workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                                    chunk_size=max(1, args.batch_size), progress=update, chunks_out=True):
            for r in results:
                account.add(r["label"], r["status"], r.get("message") or "", r.get("kind") or "")
                if r["status"] != "processed":
                    _warn(f"{r['label']}: {r['message']}; skipped")
                if account_fh is not None:
                    account_csv.writerow([neutralise(r["label"]), r.get("doc_id") or "", r["status"],
                                          neutralise(r.get("message") or "")])
            sink.add(results)
            tables = [r["mentions"] for r in results if r["status"] == "processed" and r.get("mentions") is not None
                      and len(r["mentions"])]
            if tables:
                chunk = pd.concat(tables, ignore_index=True)
                n_mentions += len(chunk)
                if mentions_out is not None:      # the store's mention table: the schema + mention_id
                    chunk = with_mention_ids(validate_events(chunk))
                    mentions_out.write(chunk[EVENT_COLUMNS + ["mention_id"]])
            for r in results:          # the texts are not kept beyond their chunk
                r.pop("text", None)
                r.pop("mentions", None)
        close_bar()
        if mentions_out is not None:
            empty = empty_events()
            empty["mention_id"] = pd.Series(dtype="string")
            mentions_out.close(empty=empty)
        done = account.processed
        skipped = len(account.skipped)
        if done == 0:
            raise TimelineError(f"no article could be processed ({skipped} skipped)")
        events = sink.events()
        if not len(events):
            events = empty_merged()
        write(events, args.output, fmt)
        where = "stdout" if args.output == "-" else args.output
        _warn(f"{done} article(s), {n_mentions} mention(s), {len(events)} event(s) -> {where} ({fmt})"
              + (f"; {skipped} skipped" if skipped else ""))
        _warn(account.summary())
        if sink.describe():
            _warn(sink.describe())
    finally:
        close_bar()
        sink.close()
        if account_fh is not None:
            account_fh.close()
    del events_check
    return 0
