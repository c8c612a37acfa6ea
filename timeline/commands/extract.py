"""`timeline extract INPUT... -o OUT [--pub-date YYYY-MM-DD] [--format csv|parquet|jsonl|timelinejs]`: the event table.

INPUT is a story text file, a folder (its .txt and .md files, recursively, in name order), or a JSONL / JSON / CSV /
TSV file of articles whose columns are found by their usual names (text/body/content, pub_date/date/published,
title/headline, url/link, id, source; `--text-col` etc. override). The format follows OUT's extension (.csv,
.parquet, .jsonl, .json = TimelineJS) unless `--format` is given; `-o -` writes CSV or JSONL to stdout.

A bad article (no text column, an unparseable date, a text that is not English, an unreadable file) is reported
on stderr in one line naming it; the other articles are still processed. The exit code is non-zero only when no
article could be processed.
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
TABLE_INPUTS = (".jsonl", ".ndjson", ".json", ".csv", ".tsv")
TEXT_SUFFIXES = (".txt", ".md")
COLUMN_NAMES = {
    "text": ("text", "body", "content", "article", "story", "full_text"),
    "pub_date": ("pub_date", "date", "published", "publication_date", "published_at", "pubdate", "datetime",
                 "dct"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "id": ("id", "doc_id", "article_id", "uid"),
    "source": ("source", "agency", "publisher"),
}
FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")


def register(sub):
    p = sub.add_parser(
        "extract", help="events (who did what to whom, when, where) from articles, as CSV/Parquet/JSONL/TimelineJS",
        description="Extract the event table from articles: each event with its date (from the text, at the "
                    "precision the text gives), actors, CAMEO/PLOVER code, place, modality, speaker and the "
                    "sentence that states it. INPUT: text files, folders of .txt/.md files, or JSONL/JSON/CSV/TSV "
                    "files of articles. Bad articles are reported on stderr and skipped.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="text file, folder, or JSONL/JSON/CSV/TSV of articles")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="output file (format from its extension: .csv .parquet .jsonl .json); '-' for stdout")
    p.add_argument("--format", choices=FORMATS, default=None, help="output format (default: from OUT's extension)")
    p.add_argument("--pub-date", metavar="YYYY-MM-DD", default=None,
                   help="publication date for articles that carry none (a date column or front matter wins)")
    for field in ("text", "pub_date", "title", "url", "id", "source"):
        p.add_argument(f"--{field.replace('_', '-')}-col", dest=f"{field}_col", metavar="NAME", default=None,
                       help=f"column holding the {field.replace('_', ' ')} in JSONL/CSV inputs")
    p.add_argument("--batch-size", type=int, default=16, help="articles per spaCy batch (default 16)")
    p.set_defaults(func=run)


# ------------------------------------------------------------------------------------------------ reading inputs

class _Bad(Exception):
    pass


def _warn(msg: str) -> None:
    print(f"timeline extract: {msg}", file=sys.stderr)


def _find_column(columns, field: str, override: str | None) -> str | None:
    if override:
        return override if override in columns else None
    lower = {str(c).strip().lower(): c for c in columns}
    for name in COLUMN_NAMES[field]:
        if name in lower:
            return lower[name]
    return None


def _records(path: Path):
    """(label, dict) for each record of a JSONL / JSON / CSV / TSV file; (label, _Bad) for a broken record."""
    suffix = path.suffix.lower()
    name = str(path)
    if suffix in (".jsonl", ".ndjson"):
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield f"{name} line {n}", _Bad(f"not valid JSON ({exc.msg})")
                    continue
                yield f"{name} line {n}", obj if isinstance(obj, dict) else _Bad("not a JSON object")
    elif suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise TimelineError(f"{name}: not valid JSON ({exc})") from None
        if isinstance(data, dict):
            data = data.get("articles") or data.get("items") or [data]
        if not isinstance(data, list):
            raise TimelineError(f"{name}: expected a JSON list of articles")
        for n, obj in enumerate(data, 1):
            yield f"{name} item {n}", obj if isinstance(obj, dict) else _Bad("not a JSON object")
    else:
        delimiter = "\t" if suffix == ".tsv" else ","
        csv.field_size_limit(50 * 1024 * 1024)
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
            reader = csv.DictReader(fh, delimiter=delimiter)
            for n, row in enumerate(reader, 1):
                yield f"{name} row {n}", row


def _articles(args):
    """(label, item dict) for every article of every INPUT, or (label, _Bad) for one that cannot be read."""
    from timeline.document import read_text_file

    for raw in args.inputs:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                yield raw, _Bad("folder holds no .txt or .md files")
            for f in files:
                try:
                    yield str(f), {"text": read_text_file(f), "source": f.name}
                except TimelineError as exc:
                    yield str(f), _Bad(str(exc).split(": ", 1)[-1])
            continue
        if not path.exists():
            yield raw, _Bad("no such file or folder")
            continue
        if path.suffix.lower() not in TABLE_INPUTS:
            try:
                yield raw, {"text": read_text_file(path), "source": path.name}
            except TimelineError as exc:
                yield raw, _Bad(str(exc).split(": ", 1)[-1])
            continue
        records = list(_records(path))
        columns = set()
        for _, r in records:
            if isinstance(r, dict):
                columns |= set(r)
        cols = {f: _find_column(columns, f, getattr(args, f"{f}_col")) for f in COLUMN_NAMES}
        if records and cols["text"] is None:
            looked = args.text_col or ", ".join(COLUMN_NAMES["text"])
            yield raw, _Bad(f"no text column (looked for {looked}; name it with --text-col); its "
                            f"{len(records)} article(s) skipped")
            continue
        for label, r in records:
            if isinstance(r, _Bad):
                yield label, r
                continue
            item = {f: r.get(c) for f, c in cols.items() if c is not None and r.get(c) not in (None, "")}
            if item.get("id") is not None:
                label = f"{label} (id {item['id']})"
            yield label, item


def _prepare(label: str, item, default_pub):
    """The item for timeline.extract_many, or raise _Bad with the reason."""
    from timeline.document import parse_pub_date
    from timeline.language import not_english_reason

    if isinstance(item, _Bad):
        raise item
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _Bad("empty text")
    out = {"text": text}
    if item.get("pub_date") not in (None, ""):
        try:
            out["pub_date"] = parse_pub_date(str(item["pub_date"]))
        except TimelineError as exc:
            raise _Bad(str(exc)) from None
    else:
        from timeline.document import split_document

        try:
            own = split_document(text).pub_date  # front matter
        except TimelineError as exc:
            raise _Bad(str(exc)) from None
        if own is None and default_pub is not None:
            out["pub_date"] = default_pub
    for f in ("title", "url", "source"):
        if item.get(f) not in (None, ""):
            out[f] = str(item[f])
    if item.get("id") not in (None, ""):
        out["id"] = str(item["id"])
    reason = not_english_reason(text)
    if reason:
        raise _Bad(reason)
    return out


# ------------------------------------------------------------------------------------------------ writing

def neutralise(value):
    """A CSV cell a spreadsheet would run as a formula gets a leading single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_LEAD):
        return "'" + value
    return value


def to_csv(df, fh) -> None:
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object or str(out[c].dtype).startswith("string"):
            out[c] = out[c].map(lambda v: neutralise(v) if isinstance(v, str) else v).astype(out[c].dtype)
    out.to_csv(fh, index=False)


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


# ------------------------------------------------------------------------------------------------ run

def run(args) -> int:
    import timeline
    from timeline.document import parse_pub_date

    fmt = output_format(args.output, args.format)
    default_pub = parse_pub_date(args.pub_date, what="--pub-date") if args.pub_date is not None else None
    labels, items, bad = [], [], 0
    for label, item in _articles(args):
        try:
            items.append(_prepare(label, item, default_pub))
            labels.append(label)
        except _Bad as exc:
            _warn(f"{label}: {exc}; skipped")
            bad += 1
    failed = []

    def on_error(i, exc):
        failed.append(i)
        _warn(f"{labels[i]}: {exc}; skipped")

    df = timeline.extract_many(items, on_error=on_error, batch_size=max(1, args.batch_size))
    done = len(items) - len(failed)
    skipped = bad + len(failed)
    if done == 0:
        raise TimelineError(f"no article could be processed ({skipped} skipped)")
    write(df, args.output, fmt)
    where = "stdout" if args.output == "-" else args.output
    _warn(f"{done} article(s), {len(df)} event(s) -> {where} ({fmt})" + (f"; {skipped} skipped" if skipped else ""))
    return 0
