"""TimeML in and out (TempEval-3 `.tml` files).

`read_tml(path)` / `parse_tml(source)` give a `TimeMLDoc`: the DOCID, the document creation
time from `<DCT>`, the raw text of `<TEXT>` (every inline tag removed, XML entities decoded,
nothing else touched: newlines and carriage returns are kept as they are in the file) and the
gold TIMEX3 of TEXT with character offsets into that raw text (0-based, end exclusive).

`write_tml(doc_or_source, timexes)` gives the file back with TEXT replaced by the same raw text
(re-escaped) with the given TIMEX3 tags inserted. Everything outside TEXT (XML declaration,
DOCID, DCT, TITLE, EXTRAINFO, ...) is kept byte for byte, except the gold link annotations
after TEXT (MAKEINSTANCE, TLINK, SLINK, ALINK), which point at gold EVENT/TIMEX3 ids that no
longer exist once TEXT is rewritten; `keep_links=True` keeps them.

`annotate(docs)` is the one code path that runs our tagger over TimeML documents; the
`timeml` command and the TempEval-3 scorer both use it.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from timeline.errors import TimelineError


class TimeMLError(TimelineError):
    """A .tml file that cannot be read (not XML, no TEXT, unbalanced tags, bad entity...)."""


@dataclass
class TimeMLTimex:
    """A TIMEX3 found inside TEXT. `attrs` holds every attribute, in file order."""
    start: int
    end: int
    text: str
    tid: str = ""
    type: str = ""
    value: str = ""
    mod: str = ""
    attrs: dict = field(default_factory=dict)

    @property
    def rule(self) -> str:
        # A system file may carry a non-standard `rule` attribute; gold files do not.
        return self.attrs.get("rule", "")


@dataclass
class InlineTag:
    """Any other element inside TEXT (EVENT, SIGNAL, ...), with its extent in the raw text."""
    name: str
    start: int
    end: int
    attrs: dict = field(default_factory=dict)


@dataclass
class TimeMLDoc:
    docid: str
    dct: dt.date | None           # the DCT's calendar day (None when there is no usable DCT)
    dct_value: str                # the DCT's TIMEX3 value as written, e.g. "1998-12-05T09:42"
    text: str                     # raw text of <TEXT>
    timexes: list[TimeMLTimex]    # gold TIMEX3 inside TEXT, in text order
    name: str = ""                # file name (or a label for a source given as a string)
    source: str = ""              # the whole file as read
    text_span: tuple[int, int] = (0, 0)   # where TEXT's content sits in `source` (after <TEXT>, before </TEXT>)
    dct_tid: str = ""
    title: str = ""
    tags: list[InlineTag] = field(default_factory=list)


# --------------------------------------------------------------------------- reading

_NAME = r"[A-Za-z_][\w.\-:]*"
_ATTR_RE = re.compile(r"""\s*([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')""")
_TOKEN_RE = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<\?.*?\?>"
    rf"|<(?P<close>/)?(?P<name>{_NAME})(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/)?>"
    r"|(?P<text>[^<]+)"
    r"|(?P<stray><)",
    re.S,
)
_ENTITY_RE = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));|&")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_TEXT_OPEN_RE = re.compile(r"<TEXT(?:\s[^>]*)?>", re.S)
_TEXT_EMPTY_RE = re.compile(r"<TEXT(?:\s[^>]*)?/>", re.S)
_TEXT_CLOSE = "</TEXT>"


def decode_entities(s: str) -> str:
    """Decode the five XML entities and character references; a bare `&` is an error."""
    if "&" not in s:
        return s

    def repl(m: re.Match) -> str:
        if m.group(1):
            return _NAMED[m.group(1)]
        try:
            code = int(m.group(2)) if m.group(2) else int(m.group(3), 16) if m.group(3) else None
            if code is not None:
                return chr(code)
        except (ValueError, OverflowError):
            pass
        raise TimeMLError(f"bad entity or bare '&' near {s[m.start():m.start() + 12]!r}")

    return _ENTITY_RE.sub(repl, s)


def escape_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(s: str) -> str:
    return escape_text(str(s)).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;").replace("\r", "&#13;")


def _parse_attrs(s: str) -> dict:
    return {m.group(1): decode_entities(m.group(2)[1:-1]) for m in _ATTR_RE.finditer(s or "")}


def _line_col(source: str, pos: int) -> str:
    line = source.count("\n", 0, pos) + 1
    return f"line {line}"


def _parse_text_content(content: str, source: str, base: int) -> tuple[str, list[TimeMLTimex], list[InlineTag]]:
    """Raw text and inline tags of TEXT's content (`base`: its offset in `source`, for messages)."""
    parts: list[str] = []
    length = 0
    stack: list[tuple[str, int, dict]] = []
    timexes: list[TimeMLTimex] = []
    tags: list[InlineTag] = []
    for m in _TOKEN_RE.finditer(content):
        if m.group("text") is not None:
            try:
                chunk = decode_entities(m.group("text"))
            except TimeMLError as exc:
                raise TimeMLError(f"{exc} ({_line_col(source, base + m.start())})") from None
        elif m.group("cdata") is not None:
            chunk = m.group("cdata")
        elif m.group("stray") is not None:
            raise TimeMLError(f"stray '<' in TEXT ({_line_col(source, base + m.start())})")
        elif m.group("name") is not None:
            name = m.group("name")
            if m.group("close"):
                if not stack or stack[-1][0] != name:
                    raise TimeMLError(f"unbalanced </{name}> in TEXT ({_line_col(source, base + m.start())})")
                _, start, attrs = stack.pop()
                _record(name, start, length, attrs, parts, timexes, tags)
            elif m.group("empty"):
                _record(name, length, length, _parse_attrs(m.group("attrs")), parts, timexes, tags)
            else:
                stack.append((name, length, _parse_attrs(m.group("attrs"))))
            continue
        else:  # comment or processing instruction
            continue
        parts.append(chunk)
        length += len(chunk)
    if stack:
        raise TimeMLError(f"<{stack[-1][0]}> not closed in TEXT")
    text = "".join(parts)
    for t in timexes:
        t.text = text[t.start:t.end]
    timexes.sort(key=lambda t: (t.start, -t.end))
    tags.sort(key=lambda t: (t.start, -t.end))
    return text, timexes, tags


def _record(name, start, end, attrs, parts, timexes, tags):
    if name == "TIMEX3":
        timexes.append(TimeMLTimex(start=start, end=end, text="", tid=attrs.get("tid", ""), type=attrs.get("type", ""),
                                   value=attrs.get("value", ""), mod=attrs.get("mod", ""), attrs=attrs))
    else:
        tags.append(InlineTag(name, start, end, attrs))


def parse_date_value(value: str) -> dt.date | None:
    """The calendar day of a TIMEX3 value such as `1998-01-08`, `1998-12-05T09:42` or `19980108`."""
    value = (value or "").strip()
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})(?![\d])", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_tml(source: str, name: str = "") -> TimeMLDoc:
    """Parse the text of a .tml file."""
    try:
        root = ET.fromstring(source)
    except (ET.ParseError, ValueError) as exc:
        raise TimeMLError(f"not well-formed XML: {exc}") from None

    docid = (root.findtext("DOCID") or "").strip()
    title = (root.findtext("TITLE") or "").strip()
    dct_value, dct_tid = "", ""
    dct_el = root.find("DCT")
    if dct_el is not None:
        t = dct_el.find("TIMEX3")
        if t is not None:
            dct_value, dct_tid = t.get("value", ""), t.get("tid", "")

    m_empty = _TEXT_EMPTY_RE.search(source)
    m_open = _TEXT_OPEN_RE.search(source)
    if m_empty and (not m_open or m_empty.start() <= m_open.start()):
        span = (m_empty.start(), m_empty.end())   # <TEXT/>: no content; write_tml replaces the whole tag
        text, timexes, tags = "", [], []
    elif m_open:
        close = source.find(_TEXT_CLOSE, m_open.end())
        if close < 0:
            raise TimeMLError("<TEXT> is not closed")
        span = (m_open.end(), close)
        text, timexes, tags = _parse_text_content(source[span[0]:span[1]], source, span[0])
    else:
        raise TimeMLError("no <TEXT> element")

    return TimeMLDoc(docid=docid, dct=parse_date_value(dct_value), dct_value=dct_value, text=text,
                     timexes=timexes, name=name, source=source, text_span=span, dct_tid=dct_tid,
                     title=title, tags=tags)


def read_tml(path: str | Path) -> TimeMLDoc:
    """Read a .tml file (UTF-8)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TimeMLError(f"cannot read: {exc.strerror or exc}") from None
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TimeMLError(f"not UTF-8 (byte {exc.start})") from None
    return parse_tml(source, name=path.name)


# --------------------------------------------------------------------------- writing

_LINK_RE = re.compile(
    r"[ \t]*<(MAKEINSTANCE|TLINK|SLINK|ALINK)\b[^>]*?(?:/>|>.*?</\1\s*>)[ \t]*(?:\r?\n)?", re.S)
_FIRST_ATTRS = ("tid", "type", "value", "mod", "quant", "freq")


def select_writable(timexes: Iterable, text_len: int) -> tuple[list, list]:
    """Timexes that can be written as non-overlapping TIMEX3 tags, and the ones dropped.

    Tags cannot overlap or nest in TimeML: sorted by start (longest first), a timex overlapping
    one already kept is dropped; so are empty or out-of-range spans.
    """
    kept, dropped = [], []
    last_end = -1
    for t in sorted(timexes, key=lambda t: (t.start, -(t.end - t.start))):
        if not (0 <= t.start < t.end <= text_len) or t.start < last_end:
            dropped.append(t)
            continue
        kept.append(t)
        last_end = t.end
    return kept, dropped


def _assign_tids(timexes: Sequence, reserved: str) -> list[str]:
    tids = [str(getattr(t, "tid", "") or "") for t in timexes]
    if all(tids) and len(set(tids)) == len(tids) and reserved not in tids:
        return tids
    out, n, used = [], 0, {reserved}
    for _ in timexes:
        n += 1
        while f"t{n}" in used:
            n += 1
        out.append(f"t{n}")
        used.add(f"t{n}")
    return out


def timex_tag_attrs(t, tid: str) -> dict:
    """The attributes written for one timex: tid, type, value, then mod/quant/freq when set, then any others."""
    attrs = {"tid": tid, "type": getattr(t, "type", "") or "", "value": getattr(t, "value", "") or ""}
    extra = getattr(t, "attrs", None) or {}
    for key in ("mod", "quant", "freq"):
        v = getattr(t, key, "") or extra.get(key, "")
        if v or key in extra:   # an attribute present in the source is kept even when empty
            attrs[key] = v
    for key, v in extra.items():
        if key not in attrs and key not in _FIRST_ATTRS:
            attrs[key] = v
    return attrs


def render_text(text: str, timexes: Sequence, reserved_tid: str = "t0") -> str:
    """`text` escaped, with a TIMEX3 tag around each of `timexes` (already non-overlapping, in order)."""
    out, pos = [], 0
    for t, tid in zip(timexes, _assign_tids(timexes, reserved_tid)):
        out.append(escape_text(text[pos:t.start]))
        attrs = " ".join(f'{k}="{escape_attr(v)}"' for k, v in timex_tag_attrs(t, tid).items())
        out.append(f"<TIMEX3 {attrs}>{escape_text(text[t.start:t.end])}</TIMEX3>")
        pos = t.end
    out.append(escape_text(text[pos:]))
    return "".join(out)


def write_tml(doc_or_source, timexes: Iterable, *, keep_links: bool = False) -> str:
    """The .tml file with TEXT replaced by its raw text carrying `timexes` as TIMEX3 tags.

    `doc_or_source`: a TimeMLDoc, the text of a .tml file, or a path. `timexes`: objects with
    `start`, `end`, `type`, `value` (and optionally `tid`, `mod`, `quant`, `freq`, `attrs`),
    e.g. `timeline.timex.model.Timex` or `TimeMLTimex`. Overlapping ones cannot be written and
    are dropped (see `select_writable`). Other inline tags of TEXT (EVENT, SIGNAL, gold TIMEX3)
    are not written: the text is what a TempEval-3 system receives plus our tags.
    """
    if isinstance(doc_or_source, TimeMLDoc):
        doc = doc_or_source
    elif isinstance(doc_or_source, Path):
        doc = read_tml(doc_or_source)
    else:
        doc = parse_tml(str(doc_or_source))
    kept, _ = select_writable(timexes, len(doc.text))
    body = render_text(doc.text, kept, doc.dct_tid or "t0")
    src = doc.source
    m = _TEXT_EMPTY_RE.search(src)
    if m and m.start() == doc.text_span[0]:   # <TEXT/>
        head, tail = src[:m.start()] + "<TEXT>", "</TEXT>" + src[m.end():]
    else:
        head, tail = src[:doc.text_span[0]], src[doc.text_span[1]:]
    if not keep_links:
        tail = _LINK_RE.sub("", tail)
    return head + body + tail


# --------------------------------------------------------------------------- annotating

def annotate(docs: Sequence[TimeMLDoc], batch_size: int = 16) -> Iterator[tuple[TimeMLDoc, list | None, str]]:
    """Run our tagger over each document's raw text with its DCT: yields (doc, timexes, error).

    The texts are parsed in batches with `timeline.nlp.parse_many` and the spaCy Doc is handed
    to the tagger. A document whose tagging fails yields (doc, None, "one-line reason").
    """
    from timeline import nlp
    from timeline.timex import tagger

    max_len = nlp.MAX_CHARS
    short = [d for d in docs if len(d.text) <= max_len]
    parsed = iter(nlp.parse_many((d.text for d in short), batch_size=batch_size))
    for d in docs:
        sp = None
        if parsed is not None and len(d.text) <= max_len:   # very long texts: the tagger parses them itself
            try:
                sp = next(parsed)
            except Exception:  # the batch parse broke: let the tagger parse each remaining text itself
                parsed = None
        try:
            yield d, list(tagger.tag(d.text, d.dct, doc=sp)), ""
        except TimelineError as exc:
            yield d, None, str(exc)
        except Exception as exc:  # one bad document must not stop the batch
            yield d, None, f"{type(exc).__name__}: {exc}"
