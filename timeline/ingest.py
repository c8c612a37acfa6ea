"""Ingestion: stream input documents from files, folders, JSONL / JSON / CSV / TSV files of articles, and stdin.

    from timeline.ingest import iter_documents, Account
    for entry in iter_documents(["news/", "t17.csv", "-"]):
        entry.label, entry.item      # a document ready for the pipeline (dict), or
        entry.label, entry.reason    # a document that cannot be processed, and why (entry.item is None)

Inputs:
- a folder: its .txt, .md, .html and .htm files, recursively, in path order (other files are counted as ignored);
- a text file (any other extension): its text, decoded as timeline.document.decode_bytes does (UTF-8, a BOM, or
  cp1252 when that clearly reads as text);
- an .html / .htm file: its main text and metadata (title, published date, url) from trafilatura. The published
  date is read from the page's markup only (no guess from the text, never today's date). Offsets of the events
  are offsets into that extracted main text, not into the HTML;
- a .jsonl / .ndjson file (one article a line), a .json list of articles, a .csv / .tsv file with a header: the
  columns are found by their usual names (text/body/content, pub_date/date/published, title/headline, url/link,
  id, source; `columns` overrides). The file is read row by row (a JSONL file is read twice: once for its keys);
- `-`: stdin, as one text document, or as JSONL when its first line is a JSON object (`stdin_format` forces one).

Every document gets a stable id: the input's id column when it has one, else `content_hash(text)` (sha1 of the text
as given, the same hash as timeline.document and timeline.store). Nothing is held beyond one record: a corpus of
any size streams through.

PTB-tokenised text (the Timeline17 CSVs: `-LRB-`, `-RRB-`, `-LSB-` ...): the text is kept as given (its id is the
hash of the text as given) and the pipeline parses `item["parse_text"]`, where each bracket token is replaced by
its bracket padded with spaces to the same length ("-LRB-" -> "    (", "-RRB-" -> ")    "). The mapping keeps
every character offset: an offset into the parsed text is the same offset into the text as given.

Skipped, with a reason (one bad document never stops the others): empty or whitespace-only, binary (NUL bytes,
control characters), undecodable (neither UTF-8 nor cp1252 text), too large (more than `max_bytes`, default
10 MB: the file is not read), HTML with no main text, a CSV / JSONL row without text or with an unparseable date,
invalid JSON, a text that is not English, a missing input.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import TimelineError

MAX_BYTES = 10 * 1024 * 1024
FOLDER_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".tsv")
COLUMN_NAMES = {
    "text": ("text", "body", "content", "article", "story", "full_text"),
    "pub_date": ("pub_date", "date", "published", "publication_date", "published_at", "pubdate", "datetime",
                 "dct"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "id": ("id", "doc_id", "article_id", "uid"),
    "source": ("source", "agency", "publisher"),
}
PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_PTB = re.compile("|".join(re.escape(k) for k in PTB_BRACKETS))
_SNIFF = 1 << 20
_SURROGATE = re.compile("[\ud800-\udfff]")


def content_hash(text: str) -> str:
    """A document's id from its content (sha1 of the text as given, 16 hex digits)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def ptb_brackets(text: str) -> str:
    """`text` with PTB bracket tokens turned into brackets, padded with spaces to the same length (offsets kept)."""
    if "-" not in text:
        return text

    def sub(m):
        b = PTB_BRACKETS[m.group(0)]
        pad = " " * (len(m.group(0)) - 1)
        return pad + b if b in "([{" else b + pad

    return _PTB.sub(sub, text)


@dataclass
class Entry:
    """One input document: `item` (dict for the pipeline) when it can be processed, else `reason`."""
    label: str
    item: dict | None = None
    reason: str | None = None
    kind: str = ""          # short category of the reason: empty, binary, encoding, too large, no text, ...

    @property
    def ok(self) -> bool:
        return self.item is not None


def _skip(label: str, kind: str, reason: str) -> Entry:
    return Entry(label, None, reason, kind)


def _kind_of(message: str) -> str:
    m = message.lower()
    for key, kind in (("too large", "too large"), ("empty", "empty"), ("only whitespace", "empty"),
                      ("nul bytes", "binary"), ("control characters", "binary"), ("not a text file", "binary"),
                      ("decode", "encoding"), ("byte-order mark", "encoding"), ("no such file", "missing"),
                      ("cannot read", "unreadable"), ("english", "not English")):
        if key in m:
            return kind
    return "error"


@dataclass
class Account:
    """What happened to every input document of a run: processed, or skipped and why."""
    processed: int = 0
    skipped: list = field(default_factory=list)        # (label, kind, reason)
    ignored_files: int = 0                             # files in folders that are not .txt/.md/.html/.htm

    def add(self, label: str, status: str, reason: str = "", kind: str = "") -> None:
        if status == "processed":
            self.processed += 1
        else:
            self.skipped.append((label, kind or _kind_of(reason), reason))

    @property
    def total(self) -> int:
        return self.processed + len(self.skipped)

    def by_kind(self) -> Counter:
        return Counter(k for _, k, _ in self.skipped)

    def summary(self) -> str:
        s = f"{self.total} document(s): {self.processed} processed, {len(self.skipped)} skipped"
        if self.skipped:
            s += " (" + ", ".join(f"{k}: {n}" for k, n in sorted(self.by_kind().items(), key=lambda x: (-x[1], x[0]))) + ")"
        if self.ignored_files:
            s += f"; {self.ignored_files} other file(s) in folders ignored"
        return s


# ------------------------------------------------------------------------------------------------ items

def _find_column(columns, field_: str, override: str | None) -> str | None:
    if override:
        return override if override in columns else None
    lower = {str(c).strip().lower(): c for c in columns}
    for name in COLUMN_NAMES[field_]:
        if name in lower:
            return lower[name]
    return None


def make_item(label: str, fields: dict, *, default_pub_date=None, max_bytes: int = MAX_BYTES,
              check_language: bool = True, path: str | None = None) -> Entry:
    """An Entry for one article given as fields (text, pub_date, title, url, id, source): checked, dated, with
    its id; a bad one becomes a skip with its reason."""
    from timeline.document import parse_pub_date, split_document

    text = fields.get("text")
    if text is not None and not isinstance(text, str):
        text = str(text)
    if text is None or not text.strip():
        return _skip(label, "no text", "no text" if text is None else "empty text")
    if len(text) > max_bytes:
        return _skip(label, "too large", f"text too large ({len(text):,} characters; the limit is {max_bytes:,})")
    if _SURROGATE.search(text):
        return _skip(label, "encoding", "cannot decode the row as text (invalid UTF-8 bytes)")
    if "\x00" in text:
        return _skip(label, "binary", "not text (it contains NUL bytes)")
    parse_text = ptb_brackets(text)
    item = {"text": text}
    if parse_text != text:
        item["parse_text"] = parse_text
    if fields.get("pub_date") not in (None, ""):
        try:
            item["pub_date"] = parse_pub_date(fields["pub_date"])
        except TimelineError as exc:
            return _skip(label, "bad date", str(exc))
    else:
        own = None
        if parse_text.startswith("---"):                        # a front matter block may date it
            try:
                own = split_document(parse_text).pub_date
            except TimelineError as exc:
                return _skip(label, "bad date", str(exc))
        if own is None and default_pub_date is not None:
            item["pub_date"] = default_pub_date
    for f in ("title", "url", "source"):
        if fields.get(f) not in (None, ""):
            item[f] = str(fields[f])
    if fields.get("pub_date_from"):
        item["pub_date_from"] = fields["pub_date_from"]
    item["id"] = str(fields["id"]) if fields.get("id") not in (None, "") else content_hash(text)
    item["content_hash"] = content_hash(text)
    item["path"] = path or label
    if check_language:
        from timeline.language import not_english_reason

        reason = not_english_reason(parse_text)
        if reason:
            return _skip(label, "not English", reason)
    return Entry(label, item)


# ------------------------------------------------------------------------------------------------ files

def _read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise TimelineError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise TimelineError(f"{path}: file too large ({size:,} bytes; the limit is {max_bytes:,})")
    try:
        with open(path, "rb") as fh:
            data = fh.read(min(size, max_bytes) + 1)
    except OSError as exc:
        raise TimelineError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise TimelineError(f"{path}: file too large (more than {max_bytes:,} bytes)")
    return data


def _message(exc: Exception) -> str:
    return str(exc).split(": ", 1)[-1] if ": " in str(exc) else str(exc)


def html_document(raw: str) -> dict | None:
    """{text, title, pub_date, url} of an HTML page's main content (trafilatura), or None when it has no text.
    The date comes from the page's markup only (meta tags, <time>, JSON-LD), never from a guess."""
    import logging

    import trafilatura
    from trafilatura.settings import use_config

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)      # its warnings are not ours to print

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False,
                                          config=config, date_extraction_params={
                                              "extensive_search": False, "original_date": True,
                                              "outputformat": "%Y-%m-%d"})
    except Exception:            # trafilatura raises on some malformed pages
        return None
    if doc is None:
        return None
    get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = get("text") or ""
    if not text.strip():
        return None
    return {"text": text, "title": get("title"), "pub_date": get("date"), "url": get("url")}


def _html_entry(label: str, raw: str, **kw) -> Entry:
    from timeline.document import parse_pub_date

    page = html_document(raw)
    if page is None:
        return _skip(label, "no text", "HTML with no main text")
    fields = {k: v for k, v in page.items() if v}
    if fields.get("pub_date"):
        try:
            parse_pub_date(fields["pub_date"])
            fields["pub_date_from"] = "html metadata"
        except TimelineError:
            fields.pop("pub_date")                # an unreadable page date is no date, not a skip
    fields.setdefault("source", os.path.basename(label))
    return make_item(label, fields, **kw)


def _file_entry(path: str, max_bytes: int, kw: dict) -> Entry:
    from timeline.document import decode_bytes

    try:
        data = _read_bytes(path, max_bytes)
        if not data.strip():
            raise TimelineError(f"{path}: empty file" if not data else f"{path}: file holds only whitespace")
        text = decode_bytes(data, path)
    except TimelineError as exc:
        msg = _message(exc)
        return _skip(path, _kind_of(msg), msg)
    if path.lower().endswith(HTML_SUFFIXES):
        return _html_entry(path, text, max_bytes=max_bytes, path=path, **kw)
    return make_item(path, {"text": text, "source": os.path.basename(path)}, max_bytes=max_bytes, path=path, **kw)


def _open_text(path: str):
    """A text handle on a table file: UTF-8 (BOM dropped) unless its first MB is not UTF-8 but reads as cp1252.
    Undecodable bytes become lone surrogates, so the row holding them is skipped, not the file."""
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF)
    encoding = "utf-8-sig"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:            # not just a character cut at the sniff's end
            from timeline.document import _looks_like_text

            try:
                if _looks_like_text(head.decode("cp1252")):
                    encoding = "cp1252"
            except UnicodeDecodeError:
                pass
    return open(path, encoding=encoding, errors="surrogateescape", newline="")


def _table_entries(path: str, columns: dict, kw: dict, max_bytes: int, stream=None, label_base=None):
    """Entries of a JSONL / JSON / CSV / TSV file (or of a text stream holding JSONL)."""
    name = label_base or path
    suffix = Path(path).suffix.lower() if stream is None else ".jsonl"
    if suffix in (".jsonl", ".ndjson"):
        if stream is None:
            # first pass: the keys only (the column a field is found in is decided over the whole file)
            keys: set = set()
            with _open_text(path) as fh:
                for line in fh:
                    if line.strip():
                        try:
                            obj = json.loads(line)
                        except json.JSONDecodeError:
                            continue
                        if isinstance(obj, dict):
                            keys |= set(obj)
            cols = {f: _find_column(keys, f, columns.get(f)) for f in COLUMN_NAMES}
            if keys and cols["text"] is None:
                yield _no_text_column(name, columns)
                return
            fh = _open_text(path)
        else:
            cols, fh = None, stream
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                label = f"{name} line {n}"
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield _skip(label, "bad JSON", f"not valid JSON ({exc.msg})")
                    continue
                if not isinstance(obj, dict):
                    yield _skip(label, "bad JSON", "not a JSON object")
                    continue
                c = cols or {f: _find_column(obj.keys(), f, columns.get(f)) for f in COLUMN_NAMES}
                yield _row_entry(label, obj, c, kw, max_bytes)
        finally:
            if stream is None:
                fh.close()
    elif suffix == ".json":
        try:
            data = json.loads(_read_bytes(path, 20 * max_bytes).decode("utf-8-sig"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield _skip(name, "bad JSON", f"not valid JSON ({exc})")
            return
        except TimelineError as exc:
            yield _skip(name, _kind_of(str(exc)), _message(exc))
            return
        if isinstance(data, dict):
            data = data.get("articles") or data.get("items") or [data]
        if not isinstance(data, list):
            yield _skip(name, "bad JSON", "expected a JSON list of articles")
            return
        keys = set()
        for obj in data:
            if isinstance(obj, dict):
                keys |= set(obj)
        cols = {f: _find_column(keys, f, columns.get(f)) for f in COLUMN_NAMES}
        if data and cols["text"] is None:
            yield _no_text_column(name, columns, len(data))
            return
        for n, obj in enumerate(data, 1):
            label = f"{name} item {n}"
            if not isinstance(obj, dict):
                yield _skip(label, "bad JSON", "not a JSON object")
            else:
                yield _row_entry(label, obj, cols, kw, max_bytes)
    else:
        delimiter = "\t" if suffix == ".tsv" else ","
        csv.field_size_limit(max(4 * max_bytes, 1 << 20))
        with _open_text(path) as fh:
            reader = csv.DictReader(fh, delimiter=delimiter)
            header = reader.fieldnames or []
            cols = {f: _find_column(header, f, columns.get(f)) for f in COLUMN_NAMES}
            if header and cols["text"] is None:
                n = sum(1 for _ in fh)
                yield _no_text_column(name, columns, n)
                return
            n = 0
            while True:
                n += 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    yield _skip(f"{name} row {n}", "bad CSV", f"unreadable CSV ({exc}); the rest of the file skipped")
                    break
                yield _row_entry(f"{name} row {n}", row, cols, kw, max_bytes)


def _no_text_column(name: str, columns: dict, n: int | None = None) -> Entry:
    looked = columns.get("text") or ", ".join(COLUMN_NAMES["text"])
    tail = f"; its {n} article(s) skipped" if n is not None else ""
    return _skip(name, "no text column", f"no text column (looked for {looked}; name it with --text-col){tail}")


def _row_entry(label: str, row: dict, cols: dict, kw: dict, max_bytes: int) -> Entry:
    fields = {f: row.get(c) for f, c in cols.items() if c is not None and row.get(c) not in (None, "")}
    if fields.get("id") is not None:
        label = f"{label} (id {fields['id']})"
    if "text" not in fields:
        return _skip(label, "no text", "empty text" if cols.get("text") in row else "no text")
    return make_item(label, fields, max_bytes=max_bytes, **kw)


def _stdin_entries(stream, fmt: str, columns: dict, kw: dict, max_bytes: int):
    buf = stream.buffer if hasattr(stream, "buffer") else None
    if buf is None:                                    # a text stream (tests)
        data = stream.read(max_bytes + 1)
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        buf = io.BytesIO(raw)
    if not hasattr(buf, "peek"):
        buf = io.BufferedReader(buf)
    first = buf.peek(4096)[:4096]
    if fmt == "auto":                      # a JSON object first: JSONL; an HTML page: HTML; else one text
        head = first.lstrip(b" \t\r\n\xef\xbb\xbf")
        fmt = "text"
        if head.startswith(b"{"):
            fmt = "jsonl"
        elif re.match(rb"(<!doctype html|<html)", head[:200], re.I):
            fmt = "html"
    if fmt == "jsonl":
        text = io.TextIOWrapper(buf, encoding="utf-8-sig", errors="surrogateescape", newline="")
        yield from _table_entries("-", columns, kw, max_bytes, stream=text, label_base="stdin")
        return
    data = buf.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield _skip("stdin", "too large", f"input too large (more than {max_bytes:,} bytes)")
        return
    from timeline.document import decode_bytes

    try:
        if not data.strip():
            raise TimelineError("stdin: empty input")
        text = decode_bytes(data, "stdin")
    except TimelineError as exc:
        msg = _message(exc)
        yield _skip("stdin", _kind_of(msg), msg)
        return
    if fmt == "html":
        yield _html_entry("stdin", text, max_bytes=max_bytes, path="stdin", **kw)
    else:
        yield make_item("stdin", {"text": text, "source": "stdin"}, max_bytes=max_bytes, path="stdin", **kw)


def iter_documents(inputs, *, columns: dict | None = None, default_pub_date=None, max_bytes: int = MAX_BYTES,
                   stdin=None, stdin_format: str = "auto", check_language: bool = True, account: Account | None = None):
    """Yield an `Entry` for every input document, lazily, in input order (folders in path order).

    `columns`: {field: column name} overrides for table inputs. `default_pub_date`: for documents without a date
    of their own. `account`: when given, its `ignored_files` counts the other files found in folders."""
    columns = {k: v for k, v in (columns or {}).items() if v}
    if isinstance(default_pub_date, str):
        from timeline.document import parse_pub_date

        default_pub_date = parse_pub_date(default_pub_date, what="--pub-date")
    kw = {"default_pub_date": default_pub_date, "check_language": check_language}
    for raw in inputs:
        raw = os.fspath(raw)
        if raw == "-":
            yield from _stdin_entries(stdin if stdin is not None else sys.stdin, stdin_format, columns, kw, max_bytes)
            continue
        if os.path.isdir(raw):
            found = False
            for f in _walk(raw, account):
                found = True
                yield _file_entry(f, max_bytes, kw)
            if not found:
                yield _skip(raw, "no documents", "folder holds no .txt, .md, .html or .htm files")
            continue
        if not os.path.exists(raw):
            yield _skip(raw, "missing", "no such file or folder")
            continue
        if raw.lower().endswith(TABLE_SUFFIXES):
            try:
                yield from _table_entries(raw, columns, kw, max_bytes)
            except OSError as exc:
                yield _skip(raw, "unreadable", f"cannot read ({exc.strerror or exc})")
            continue
        yield _file_entry(raw, max_bytes, kw)


def _walk(folder: str, account: Account | None):
    """The folder's document files, recursively, in path order, without listing the whole tree at once."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        p = os.path.join(folder, name)
        if os.path.isdir(p):
            yield from _walk(p, account)
        elif name.lower().endswith(FOLDER_SUFFIXES):
            yield p
        elif account is not None:
            account.ignored_files += 1
