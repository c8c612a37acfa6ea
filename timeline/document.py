"""A news story as the rest of the pipeline sees it: text, metadata, title, dateline and where the body starts.

- `read_text_file(path)` reads a file for processing, or raises `TimelineError` with one clear line.
  It never alters the text, so character offsets stay valid; the one exception is a byte-order mark,
  which is dropped: offsets everywhere are into the *decoded* text (what this function returns).
- `split_document(text, pub_date=None)` finds optional front matter, an optional title line, the dateline
  (see `timeline.dateline`) and the start of the body. All offsets refer to the full `text`, front matter
  included.
- `parse_pub_date(value)` turns a user-given publication date into a `datetime.date` or raises `TimelineError`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field

from timeline.dateline import Dateline, find_datelines, month_number
from timeline.errors import TimelineError

MAX_BYTES = 10 * 1024 * 1024          # default size limit of read_text_file
MAX_TITLE_CHARS = 200
ENTRY_LINE = re.compile(r"[ \t*•-]*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|"
                        r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)(?:,?\s+\d{4})?"
                        r"\s*:\s+\S.{20,}")
HEADER_LINES = 5                      # datelines at a line start are looked for in the first lines after the title
MAX_HEADER_LINE_CHARS = 200          # a longer line is body text: the header zone ends with it
HEADER_ANY_CHARS = 600                # "any"-anchored dateline rules look this far into the story
FRONT_MATTER_DATE_KEYS = ("pub_date", "published", "publication_date", "date", "dct", "datetime", "pubdate")

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


@dataclass
class Document:
    id: str
    text: str
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    dateline: Dateline | None = None
    body_start: int = 0
    path: str | None = None
    pub_date: dt.date | None = None   # publication date given as metadata (argument or front matter), never guessed
    url: str | None = None
    metadata: dict = field(default_factory=dict)   # front matter fields, as strings
    pub_date_from: str | None = None  # where pub_date came from: "argument" or "front matter <key>"

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


# ---------------------------------------------------------------------------------------------- reading files

def _binary_reason(text: str) -> str | None:
    if "\x00" in text:
        return "it contains NUL bytes"
    sample = text[:200_000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\t\n\r\f\v")
    if controls > max(2, 0.01 * len(sample)):
        return f"{controls} control characters in its first {len(sample)} characters"
    return None


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode file bytes as text: a BOM decides the encoding (and is dropped); else UTF-8; else cp1252 when the
    result is clearly text. Raises TimelineError for binary or undecodable data."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TimelineError(f"{name}: not a text file (it contains NUL bytes)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise TimelineError(f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding} "
                                    f"(byte {exc.start})") from None
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            utf8_error = exc
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise TimelineError(f"{name}: cannot decode the bytes as UTF-8 or cp1252 text "
                                    f"(invalid UTF-8 at byte {utf8_error.start})") from None
            reason = _binary_reason(text)
            if reason or not _looks_like_text(text):
                raise TimelineError(f"{name}: cannot decode the bytes as text (invalid UTF-8 at byte "
                                    f"{utf8_error.start}, and as cp1252 it does not read as text)")
            return text
    reason = _binary_reason(text)
    if reason:
        raise TimelineError(f"{name}: not a text file ({reason})")
    return text


def _looks_like_text(text: str) -> bool:
    """cp1252 decodes any byte soup; accept it only when nearly all characters are letters, digits, spaces or
    common punctuation."""
    sample = text[:200_000]
    if not sample:
        return True
    ok = sum(1 for ch in sample if ch.isalnum() or ch.isspace() or ch in ".,;:!?'\"()[]-/&%$€£@#*+=_<>’‘“”–—…")
    return ok / len(sample) >= 0.95


def read_text_file(path, max_bytes: int = MAX_BYTES) -> str:
    """Read a story file. Raises TimelineError (one line) for a missing, empty, binary, undecodable or too
    large file. The text is returned exactly as decoded (line ends kept); only a leading BOM is dropped."""
    name = os.fspath(path)
    if not os.path.exists(name):
        raise TimelineError(f"{name}: no such file")
    if os.path.isdir(name):
        raise TimelineError(f"{name}: is a directory, not a file")
    try:
        size = os.path.getsize(name)
        if size > max_bytes:
            raise TimelineError(f"{name}: file too large ({size:,} bytes; the limit is {max_bytes:,})")
        with open(name, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise TimelineError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise TimelineError(f"{name}: file too large (more than {max_bytes:,} bytes)")
    if not data.strip():
        raise TimelineError(f"{name}: empty file" if not data else f"{name}: file holds only whitespace")
    text = decode_bytes(data, name)
    if not text.strip():
        raise TimelineError(f"{name}: file holds only whitespace")
    return text


# ---------------------------------------------------------------------------------------------- dates given by users

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_TEXT_DATE = re.compile(r"^\s*(?:[A-Za-z]+\.?,?\s+)?(?:([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4}))\s*$")


def parse_pub_date(value, what: str = "publication date") -> dt.date:
    """A publication date given by a user or a metadata field: a date, `YYYY-MM-DD` (an ISO timestamp's date part
    is taken), or "January 19, 2017" / "19 January 2017". Anything else raises TimelineError."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value)
    m = _ISO.match(s)
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _TEXT_DATE.match(s)
        if m:
            if m.group(1):
                month, day, year = month_number(m.group(1)), int(m.group(2)), int(m.group(3))
            else:
                month, day, year = month_number(m.group(5)), int(m.group(4)), int(m.group(6))
            if month:
                return dt.date(year, month, day)
    except ValueError:
        pass
    raise TimelineError(f"{what} {s!r} is not a valid date (expected YYYY-MM-DD)")


# ---------------------------------------------------------------------------------------------- splitting a story

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD = re.compile(r"^[ \t]*([A-Za-z_][\w\-]*)[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.M)


def _front_matter(text: str) -> tuple[dict, dict, int]:
    """(fields, field value spans, end offset) of a leading `---` block; ({}, {}, 0) when there is none."""
    m = _FRONT.match(text)
    if not m:
        return {}, {}, 0
    fields, spans = {}, {}
    for f in _FIELD.finditer(text, m.start(1), m.end(1)):
        key, value = f.group(1).lower(), f.group(2)
        vs, ve = f.span(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value, vs, ve = value[1:-1], vs + 1, ve - 1
        fields[key] = value
        spans[key] = (vs, ve)
    return fields, spans, m.end()


def _lines(text: str, start: int, end: int):
    """(line_start, line_end) of each line in text[start:end], line ends excluded."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        yield pos, line_end
        pos = line_end + 1


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def split_document(text: str, pub_date=None, *, path: str | None = None, doc_id: str | None = None,
                   url: str | None = None) -> Document:
    """Split a story into front matter, title, dateline and body (offsets into `text`).

    Title: the first non-empty line when it is short (<= 200 characters), is not itself a dateline, does not end
    with a period, and is followed by a blank line or by the dateline. Dateline: the first dated candidate among the
    first lines after the title (see timeline.dateline.find_datelines); when it lacks a place or an agency that
    another header candidate gives (a byline line plus "MOSCOW (Reuters) -"), those are copied over.
    """
    fields, spans, pos = _front_matter(text)
    metadata = dict(fields)
    pub_date_from = None
    if pub_date is not None:
        pub_date = parse_pub_date(pub_date)
        pub_date_from = "argument"
    else:
        for key in FRONT_MATTER_DATE_KEYS:
            if fields.get(key):
                pub_date = parse_pub_date(fields[key], what=f"front matter {key}")
                pub_date_from = f"front matter {key}"
                break
    url = url or fields.get("url") or fields.get("link")

    title = title_start = title_end = None
    lines = [(s, e) for s, e in _lines(text, pos, min(len(text), pos + 20_000))]
    nonempty = [i for i, (s, e) in enumerate(lines) if text[s:e].strip()]
    zone_start = pos
    if nonempty:
        i0 = nonempty[0]
        s0, e0 = _strip_span(text, *lines[i0])
        first_is_dateline = bool(find_datelines(text, lines[i0][0], lines[i0][1], max_lines=1))
        if first_is_dateline and len(nonempty) > 1:
            # a headline that happens to read like a dateline ("ROTTERDAM PORT SUBSIDY TO END JULY 1") is a
            # title when a dated dateline follows it
            nxt = lines[nonempty[1]]
            if any(d.has_date for d in find_datelines(text, nxt[0], nxt[1], max_lines=1)):
                first_is_dateline = False
        followed_by_blank = i0 + 1 < len(lines) and not text[lines[i0 + 1][0]:lines[i0 + 1][1]].strip()
        followed_by_dateline = (len(nonempty) > 1 and nonempty[1] == i0 + 1
                                and bool(find_datelines(text, lines[i0 + 1][0], lines[i0 + 1][1], max_lines=1)))
        line = text[s0:e0]
        if (not first_is_dateline and len(line) <= MAX_TITLE_CHARS and not line.endswith(".")
                and (followed_by_blank or followed_by_dateline) and len(nonempty) > 1):
            title, title_start, title_end = line, s0, e0
            zone_start = lines[i0][1]
    if title is None and fields.get("title"):
        title = fields["title"]
        title_start, title_end = spans["title"]

    # header zone: the first HEADER_LINES non-empty lines after the title
    # the header zone ends after HEADER_LINES lines, or after the first long line (a body paragraph): a dateline
    # never follows body text
    zone_lines = []
    for s, e in lines:
        if s < zone_start or not text[s:e].strip():
            continue
        if ENTRY_LINE.match(text, s, e):
            break  # "Sept. 27: Blair and Brown ...": a list of dated entries, not a header
        zone_lines.append((s, e))
        if len(zone_lines) >= HEADER_LINES or e - s > MAX_HEADER_LINE_CHARS:
            break
    candidates = []
    for s, e in zone_lines:
        candidates += [d for d in find_datelines(text, s, e, max_lines=1) if d.rule and _anchor(d) == "line"]
    any_end = min(len(text), _skip_space(text, zone_start) + HEADER_ANY_CHARS)
    candidates += [d for d in find_datelines(text, zone_start, any_end, max_lines=0)]
    candidates = _dedupe(candidates)

    dateline = None
    body_start = _skip_space(text, zone_start)
    if candidates:
        dated = [d for d in candidates if d.has_date]
        dateline = dated[0] if dated else candidates[0]
        used = [dateline]
        for other in candidates:
            if other is dateline:
                continue
            if dateline.place is None and other.place:
                dateline.place = other.place
                used.append(other)
            if dateline.agency is None and other.agency:
                dateline.agency = other.agency
                used.append(other)
        # the body starts after the last header item used, if the header items lead the story
        body_start = _skip_space(text, max(d.end for d in used))

    return Document(
        id=doc_id or hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16],
        text=text, title=title, title_start=title_start, title_end=title_end,
        dateline=dateline, body_start=body_start, path=path, pub_date=pub_date, url=url, metadata=metadata,
        pub_date_from=pub_date_from,
    )


def _anchor(dl: Dateline) -> str:
    from timeline.dateline import rules
    for r in rules():
        if r.name == dl.rule:
            return r.anchor
    return "line"


def _dedupe(cands: list[Dateline]) -> list[Dateline]:
    cands = sorted(cands, key=lambda d: (d.start, -(d.end - d.start)))
    out: list[Dateline] = []
    for d in cands:
        if out and d.start < out[-1].end:
            if (d.has_date, d.end - d.start) > (out[-1].has_date, out[-1].end - out[-1].start):
                out[-1] = d
            continue
        out.append(d)
    return out


def load_document(path, pub_date=None, max_bytes: int = MAX_BYTES) -> Document:
    """read_text_file + split_document."""
    text = read_text_file(path, max_bytes=max_bytes)
    return split_document(text, pub_date=pub_date, path=os.fspath(path))
