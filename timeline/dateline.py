"""Datelines and bylines: "Moscow, Jan 19 (IANS)", "MOSCOW (Reuters) -", "By Jane Doe | January 19, 2017".

The patterns live in `data/dateline_patterns.tsv` (one rule a line, each with an example) and the agency
names in `data/agencies.tsv`. `parse_dateline(text, start)` tries the rules at one position;
`find_datelines(text, start, end)` looks through a story's header lines and returns every candidate in
text order (`timeline.document.split_document` picks among them).

A dateline's date may lack its year (`year is None`): wire copy rarely prints it. The year is the business
of `timeline.dct`, never guessed here.
"""
from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass

import regex

from timeline.paths import data_path

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
            "sat": "Saturday", "sun": "Sunday"}


@dataclass
class Dateline:
    text: str                      # the raw dateline as printed
    start: int                     # offsets of the whole dateline in the full text
    end: int
    place: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None        # None when the dateline does not print it
    weekday: str | None = None     # "Tuesday" when printed ("Tue Mar 15")
    agency: str | None = None      # canonical name from data/agencies.tsv, or the bracketed name as printed
    date_start: int | None = None  # offsets of the date part ("Jan 19", "Tue Mar 15 , 2011"), None without a date
    date_end: int | None = None
    time: str | None = None        # "1:48 pm GMT" when printed
    rule: str = ""                 # the rule of data/dateline_patterns.tsv that matched
    byline: str | None = None      # "Jane Doe" for a byline line

    @property
    def has_date(self) -> bool:
        return self.month is not None and self.day is not None


@dataclass(frozen=True)
class Rule:
    name: str
    anchor: str        # "line" or "any"
    pattern: object    # compiled regex
    source: str
    example: str


def _read_table(name: str) -> list[list[str]]:
    rows = []
    with open(data_path(name), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


@functools.lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """alias -> canonical agency name."""
    table: dict[str, str] = {}
    for row in _read_table("agencies.tsv"):
        canonical = row[0].strip()
        table[canonical] = canonical
        if len(row) > 1:
            for alias in row[1].split("|"):
                if alias.strip():
                    table[alias.strip()] = canonical
    return table


def _alternation(names) -> str:
    return "(?:" + "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])"


@functools.lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    names = list(agencies())
    macros = {"AGENCY_KNOWN": _alternation(names),
              "AGENCY_KNOWN_LONG": _alternation([n for n in names if len(n) > 2])}

    def expand(rx: str) -> str:
        for _ in range(10):
            new = regex.sub(r"\{([A-Z][A-Z_]+)\}", lambda m: macros[m.group(1)] if m.group(1) in macros else m.group(0), rx)
            if new == rx:
                break
            rx = new
        if regex.search(r"\{[A-Z][A-Z_]+\}", rx):
            raise ValueError(f"dateline_patterns.tsv: unknown macro in {rx[:80]!r}")
        return rx

    out = []
    for row in _read_table("dateline_patterns.tsv"):
        if row[0].startswith("@"):
            macros[row[0][1:]] = expand(row[1])
            continue
        if len(row) != 4:
            raise ValueError(f"dateline_patterns.tsv: rule {row[0]!r} needs 4 TAB-separated fields, has {len(row)}")
        name, anchor, rx, example = row
        body = expand(rx)
        if anchor == "any":
            body = r"(?<![\w'’.\-])" + body
        out.append(Rule(name, anchor, regex.compile(body, regex.V0), rx, example))
    return tuple(out)


MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"]


def month_number(word: str) -> int | None:
    return MONTHS.get(word.strip().rstrip(".").lower()[:3])


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def month_number_typo(word: str) -> int | None:
    """The month a mistyped name stands for ("Narch", "Mach", "Marc"): a prefix of four letters or more, or the
    single month name within one edit."""
    w = word.strip().rstrip(".").lower()
    prefixed = [i for i, name in enumerate(MONTH_NAMES, 1) if len(w) >= 4 and name.startswith(w)]
    if len(prefixed) == 1:
        return prefixed[0]
    close = [i for i, name in enumerate(MONTH_NAMES, 1) if _edit_distance(w, name) <= 1]
    return close[0] if len(close) == 1 else None


def weekday_name(word: str) -> str | None:
    return WEEKDAYS.get(word.strip().rstrip(".").lower()[:3])


def _valid_day(month: int, day: int, year: int | None) -> bool:
    if year is not None:
        return 1 <= day <= calendar.monthrange(year, month)[1]
    return 1 <= day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])


def _build(m, rule: Rule, text: str) -> Dateline | None:
    def group(name):
        try:
            return m.group(name)
        except IndexError:
            return None

    def span(name):
        try:
            return m.span(name)
        except IndexError:
            return (-1, -1)

    month = day = year = None
    if group("month") or group("monthnum"):
        if group("monthnum"):
            month = int(group("monthnum"))
        else:
            month = month_number(group("month")) if rule.name != "place_date_typo" else month_number_typo(group("month"))
        day = int(group("day"))
        year = int(group("year")) if group("year") else None
        if month is None or not _valid_day(month, day, year):
            return None
    place = group("place")
    if place:
        place = regex.sub(r"\s+", " ", place).strip(" ,")
    agency = group("agency")
    if agency:
        agency = agencies().get(agency.strip(), agency.strip())
    ds, de = span("date")
    start, end = m.span()
    return Dateline(
        text=text[start:end], start=start, end=end, place=place or None,
        month=month, day=day, year=year,
        weekday=weekday_name(group("weekday")) if group("weekday") else None,
        agency=agency or None,
        date_start=ds if ds >= 0 else None, date_end=de if de >= 0 else None,
        time=group("time") or None, rule=rule.name,
        byline=(group("byline") or None),
    )


def parse_dateline(text: str, start: int = 0, end: int | None = None) -> Dateline | None:
    """Parse a dateline (or dated byline) beginning at `start` (spaces and tabs before it are skipped),
    looking no further than `end` (default: the end of the line).

    Offsets in the result are into `text`. Returns None when no rule matches there.
    """
    if end is None:
        nl = text.find("\n", start)
        end = len(text) if nl < 0 else nl
    pos = start
    while pos < end and text[pos] in " \t*":   # wire flash markers ("****LONDON, March 5 -") are skipped
        pos += 1
    for rule in rules():
        m = rule.pattern.match(text, pos, end)
        if m:
            dl = _build(m, rule, text)
            if dl is not None:
                return dl
    return None


def find_datelines(text: str, start: int = 0, end: int | None = None, max_lines: int = 5) -> list[Dateline]:
    """All dateline candidates in the header zone `text[start:end]`: at the start of its first `max_lines`
    non-empty lines, plus "any"-anchored rules anywhere in the zone. Sorted by position, no overlaps."""
    end = len(text) if end is None else min(end, len(text))
    found: list[Dateline] = []
    pos, lines = start, 0
    while pos < end and lines < max_lines:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        if text[pos:line_end].strip():
            lines += 1
            dl = parse_dateline(text, pos, line_end)
            if dl is not None:
                found.append(dl)
        pos = line_end + 1
    for rule in rules():
        if rule.anchor != "any":
            continue
        for m in rule.pattern.finditer(text, start, end):
            dl = _build(m, rule, text)
            if dl is not None:
                found.append(dl)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[Dateline] = []
    for dl in found:
        if out and dl.start < out[-1].end:
            # overlapping candidates: keep the more informative one (a date, then place/agency, then length)
            if _informativeness(dl) > _informativeness(out[-1]):
                out[-1] = dl
            continue
        out.append(dl)
    return out


def _informativeness(dl: Dateline) -> tuple:
    return (dl.has_date, dl.year is not None, (dl.place is not None) + (dl.agency is not None), dl.end - dl.start)
