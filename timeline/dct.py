"""Document time (DCT): the date a story speaks from, and how we know it.

Order of evidence (first that applies wins):
1. `metadata`  a publication date given as metadata: the `pub_date` argument, `Document.pub_date`
               (which `split_document` fills from front matter). Confidence 1.0.
2. `dateline`  a dateline (or dated byline) that prints the year. Confidence 0.95.
3. `inferred`  a dateline without a year, the year inferred from the story's own text. Each kind of clue is a
               small scoring function giving points to candidate years; `combine` adds them up and states a year
               only when the best candidate leads by STATE_MARGIN and one of the STRONG_CLUES backs it:
               - year_mention: an explicit year read with the words around it (past / future / present /
                 comparison): mostly bounds, e.g. a year told as past means the story is not earlier;
               - latest_year: years far after the latest year told as past are unlikely;
               - weekday_date: "Monday, January 23" is a Monday only in some years (within the latest past
                 year mentioned and the next);
               - dateline_weekday: the dateline's own weekday ("CAIRO, Monday, Jan 23");
               - lead_weekday (weak): the lead's "on Thursday" is usually the dateline day or the day before;
               - relative_year: "in 2016, last year" / "this year's 2017" tie the story's year to the one printed;
               - present_year: "so far in 1987": the year still running;
               - reporting_cycle: a completed year's results told as past plus a forecast for the next;
               - period_pair: "February 1987 ... from ... in February 1986".
               The word lists behind them are in data/dct_clues.tsv.
4. When the year cannot be stated, the result keeps the dateline's month and day with the year unknown:
               `date` None, `source` "dateline", `month`/`day` set, `value` "XXXX-01-19", evidence saying
               "year unknown". The document counts as undated for anything that needs a full date.
5. `none`      no metadata, no dated dateline: `date` None, `value` "", confidence 0.

Today's date and file times are never used.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
from dataclasses import dataclass, field

from timeline.dateline import month_number, weekday_name
from timeline.document import Document, parse_pub_date
from timeline.paths import data_path

SOURCES = ("metadata", "dateline", "inferred", "none")
INFER_CHARS = 50_000      # how far past the dateline the year clues are read
STATE_MARGIN = 1.5        # the best year must lead the runner-up by this many points to be stated
# ... and at least one of these clues must back it: explicit years alone (with the tense read from nearby
# words) were right only about 2 times in 3 on Reuters-21578, too weak to state a year on.
STRONG_CLUES = ("weekday_date", "dateline_weekday", "relative_year", "present_year", "reporting_cycle",
                "period_pair")
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class DocumentTime:
    date: dt.date | None
    source: str                    # metadata | dateline | inferred | none
    evidence: str
    confidence: float
    granularity: str = "day"
    month: int | None = None       # set whenever the month and day are known, even when the year is not
    day: int | None = None
    year_known: bool = False
    clues: list = field(default_factory=list)   # the Clue records behind an inferred year (for inspection)

    @property
    def value(self) -> str:
        """TIMEX3-style value: "2017-01-19", "XXXX-01-19" when the year is unknown, "" when undated."""
        if self.date is not None:
            return self.date.isoformat()
        if self.month and self.day:
            return f"XXXX-{self.month:02d}-{self.day:02d}"
        return ""


@dataclass
class Clue:
    kind: str                      # one of the clue kinds listed in the module docstring
    text: str
    start: int
    end: int
    scores: dict                   # candidate year -> points
    note: str = ""


# ---------------------------------------------------------------------------------------------- word lists

@functools.lru_cache(maxsize=1)
def clue_words() -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    with open(data_path("dct_clues.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            kind, phrase, *_ = line.rstrip("\n").split("\t")
            kinds.setdefault(kind, []).append(phrase)
    return kinds


@functools.lru_cache(maxsize=None)
def _cue_regex(kind: str):
    words = clue_words().get(kind, [])
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])")


_MONTH_RX = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
             r"sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.?")
# abbreviations only capitalised: "the couple wed June 3" names no Wednesday
_WEEKDAY_RX = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
               r"(?-i:Tues|Thurs|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?)")
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

# A year, possibly with a month (and day) before or after it, or a quarter, or a season ("1986/87").
_YEAR_MENTION = re.compile(
    r"(?<![\w$£€,./])"
    r"(?:(?P<q1>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?:\s+of)?\s+"
    r"|(?P<m1>" + _MONTH_RX + r")\s+(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+)?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + _MONTH_RX + r")\s*,?\s+"
    r"|(?P<fiscal>fiscal(?:\s+year)?)\s+"
    r")?"
    r"(?P<year>1[89]\d\d|20\d\d)"
    r"(?P<season>[/-](?:\d\d)(?!\d))?"
    r"(?:[- ](?P<q2>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter)?"
    r"(?![\w%]|[.,]\d)",
    re.I)
_RELATIVE = {"this_year": 0, "last_year": 1, "next_year": -1}
_YEARS_AGO = re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+ago\b", re.I)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}
_WEEKDAY_DATE = re.compile(
    r"(?<![\w])(?P<wd>" + _WEEKDAY_RX + r")\s*[,(]?\s*(?:(?P<m1>" + _MONTH_RX + r")\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})"
    r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + _MONTH_RX + r"))(?:st|nd|rd|th)?(?![\w])(?!\s*,?\s*(?:1[89]|20)\d\d)"
    r"|(?<![\w])(?P<m3>" + _MONTH_RX + r")\s+(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s*[,(]\s*(?P<wd3>" + _WEEKDAY_RX + r")(?![\w])",
    re.I)
_LEAD_WEEKDAY = re.compile(r"\b(?:on|since|late|early|last)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
                           r"|\b(?P<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s\b", re.I)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 300)
    s = lo
    for m in re.finditer(r"[.!?][\"”’']?\s+(?=[A-Z\"“‘'(])|\n\s*\n|\n\s{3,}", text[lo:start]):
        s = lo + m.end()
    hi = min(len(text), end + 300)
    m = re.search(r"[.!?][\"”’']?\s+(?=[A-Z\"“‘'(])|\n\s*\n|\n\s{3,}", text[end:hi])
    e = end + m.start() + 1 if m else hi
    return s, e


_QUOTES = "\"“”«»"


def _clause(text: str, start: int, end: int, before: int = 80, after: int = 40) -> tuple[int, int]:
    """The stretch around a mention whose words set its tense: inside its sentence, at most `before` characters
    before and `after` after it, not across a quotation mark or a semicolon."""
    s, e = _sentence(text, start, end)
    s, e = max(s, start - before), min(e, end + after)
    for i in range(start - 1, s - 1, -1):
        if text[i] in _QUOTES or text[i] == ";":
            s = i + 1
            break
    for i in range(end, e):
        if text[i] in _QUOTES or text[i] == ";":
            e = i
            break
    return s, e


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


# ---------------------------------------------------------------------------------------------- clue functions

@dataclass
class _Mention:
    year: int
    start: int
    end: int
    text: str
    gran: str                 # year | quarter | month | day | season | fiscal
    first: tuple[int, int]    # (month, day) the period starts, in `year`
    last: tuple[int, int]     # (month, day) the period ends, in `year`
    context: str = "past"     # past | future | present | comparison
    annual: bool = False


def year_mentions(text: str, start: int = 0) -> list[_Mention]:
    """Explicit years in text[start:] with the period each names and the tense of its sentence."""
    out = []
    not_year = _cue_regex("not_year")
    future, present, annual = _cue_regex("future"), _cue_regex("present"), _cue_regex("annual")
    comparison = _cue_regex("comparison")
    for m in _YEAR_MENTION.finditer(text, start):
        year = int(m.group("year"))
        after = text[m.end():m.end() + 20]
        if not_year.match(after.lstrip().lower()) and after[:1].isspace():
            continue
        mon = m.group("m1") or m.group("m2")
        day = m.group("d1") or m.group("d2")
        q = m.group("q1") or m.group("q2")
        if m.group("season"):
            tail = int(m.group("season")[1:])
            if tail != (year + 1) % 100:
                continue
            year += 1
            gran, first, last = "season", (1, 1), (12, 31)
        elif mon and day and 1 <= int(day) <= 31:
            mn = month_number(mon)
            d = min(int(day), _last_day(year, mn))
            gran, first, last = "day", (mn, d), (mn, d)
        elif mon:
            mn = month_number(mon)
            gran, first, last = "month", (mn, 1), (mn, _last_day(year, mn))
        elif q:
            qn = _ORD[q.lower()]
            gran, first, last = "quarter", (3 * qn - 2, 1), (3 * qn, _last_day(year, 3 * qn))
        elif m.group("fiscal"):
            gran, first, last = "fiscal", (1, 1), (12, 31)
        else:
            gran, first, last = "year", (1, 1), (12, 31)
        s, e = _clause(text, m.start(), m.end())
        clause = text[s:m.start()] + " " * (m.end() - m.start()) + text[m.end():e]
        before_txt = text[max(s, m.start() - 15):m.start()]
        after_txt = text[m.end():min(e, m.end() + 15)]
        ranged = re.search(r"\b(?:from|since|between)\s+$", text[max(s, m.start() - 12):m.start()], re.I)
        if present.search(before_txt) or (present.match(after_txt.lstrip()) and not ranged):
            context = "present"
        elif comparison.search(text[max(s, m.start() - 30):m.start()]):
            context = "comparison"
        elif future.search(clause):
            context = "future"
        else:
            context = "past"
        is_annual = gran == "year" and bool(annual.search(text[m.end():m.end() + 25]) or
                                            annual.search(text[max(s, m.start() - 25):m.start()]))
        out.append(_Mention(year, m.start(), m.end(), m.group(0), gran, first, last, context, is_annual))
    return out


def score_year_mention(mn: _Mention, month: int, day: int, candidates) -> Clue:
    """A year mentioned in the text, read through the words around it.

    past:       what is told happened before the story: the story's year Y is not before the period starts
                (for a completed reporting period, "1986 net profit", not before it ends). When that earliest
                possible year puts the period within six months before the story, it gets a point: news tells
                what is recent.
    comparison: "up from ... in February 1986": a point of comparison, mostly a year back: Y >= the year, and
                the year after gets a point.
    future:     plans and forecasts are for the story's year or later: Y after the period is unlikely.
    present:    a period still running ("so far in 1987"): Y is its year.
    Tense is read from nearby words and can be wrong, so every penalty is soft.
    """
    X = mn.year
    scores = {}
    for Y in candidates:
        s = 0.0
        if mn.context == "present":
            s += 2.5 if Y == X else -1.0
        elif mn.context == "future":
            if Y > X:
                s -= 0.5 * (Y - X)
        elif mn.context == "comparison":
            s += -1.5 if Y < X else (0.5 if Y == X + 1 else 0.0)
        else:  # past
            y_min = _earliest_year(mn, month, day)
            if Y < y_min:
                s -= 1.5
            elif Y == y_min and mn.gran in ("day", "month", "quarter") or (mn.annual and Y == y_min):
                s += 1.0 if _months_after(mn, Y, month) <= 6 else 0.0
        scores[Y] = s
    kind = "present_year" if mn.context == "present" else "year_mention"
    return Clue(kind, mn.text, mn.start, mn.end, scores, f"{mn.gran}{' results' if mn.annual else ''}, {mn.context}")


def _earliest_year(mn: _Mention, month: int, day: int) -> int:
    """The earliest story year for which the mentioned period (its end, for a completed reporting period) is not
    after the story date (month, day)."""
    if mn.gran == "season":
        return mn.year - 1
    if mn.annual or mn.gran == "quarter":
        ref = mn.last
        return mn.year if (month, day) > ref else mn.year + 1
    if mn.gran in ("day", "month"):
        return mn.year if (month, day) >= mn.first else mn.year + 1
    return mn.year


def _months_after(mn: _Mention, Y: int, month: int) -> int:
    ref = mn.last[0] if (mn.annual or mn.gran == "quarter") else mn.first[0]
    return (Y - mn.year) * 12 + month - ref


def reporting_cycle_clue(mentions: list[_Mention], month: int, day: int, candidates) -> Clue | None:
    """A completed period's results told as past together with a forecast for a later year tie the story to
    the year in between: "1986 net profit rose ... it expects 1987 earnings to grow", datelined in March, is
    from 1987. Fires only when every completed-year mention points to the same year Y (annual results read in
    the first four months after the year ends), the earliest year forecast is Y, no past mention lies after Y and
    no forecast before it. Quarters are left out: a quarter a year back is mostly a year-ago comparison."""
    done = set()
    used = []
    for mn in mentions:
        if mn.context != "past":
            continue
        if mn.annual and month <= 4:
            done.add(mn.year + 1)
            used.append(mn)
    forecasts = [mn for mn in mentions if mn.context == "future" and mn.gran in ("year", "fiscal")]
    if len(done) != 1 or not forecasts:
        return None
    Y0 = done.pop()
    first_forecast = min(forecasts, key=lambda m: m.year)
    if first_forecast.year != Y0:
        return None
    if any((mn.context == "past" and mn.year > Y0) or (mn.context == "future" and mn.year < Y0) for mn in mentions):
        return None
    return Clue("reporting_cycle", f"{used[0].text} … {first_forecast.text}", used[0].start, first_forecast.end,
                {Y: (2.0 if Y == Y0 else 0.0) for Y in candidates},
                f"results for {used[0].year} told as past, forecast for {first_forecast.year}")


def period_pair_clue(mentions: list[_Mention], month: int, day: int, candidates) -> Clue | None:
    """The same period printed for two consecutive years, the earlier one as the point of comparison
    ("exports in February 1987 rose ... from 4.2 billion in February 1986"): the later one is the latest such
    period, so the story's year is the one that puts the story within six months after its start."""
    years = set()
    found = None
    for a in mentions:
        if a.context not in ("past", "present") or a.gran not in ("month", "quarter", "day"):
            continue
        for b in mentions:
            if (b.context == "comparison" and b.year == a.year - 1 and b.gran == a.gran and b.first == a.first):
                y = _earliest_year(a, month, day)
                if y == a.year and _months_after(a, y, month) <= 6:
                    years.add(y)
                    found = found or (a, b)
    if len(years) != 1:
        return None
    Y0 = years.pop()
    a, b = found
    return Clue("period_pair", f"{a.text} … {b.text}", min(a.start, b.start), max(a.end, b.end),
                {Y: (2.0 if Y == Y0 else 0.0) for Y in candidates},
                f"{a.text} compared with {b.text}")


def score_latest_year(mentions: list[_Mention], candidates) -> Clue | None:
    """News speaks from close to the latest year it mentions as past: penalise years well after it."""
    past = [m for m in mentions if m.context != "future"]
    if not past:
        return None
    latest = max(past, key=lambda m: m.year)
    scores = {Y: (-0.75 * (Y - latest.year - 1) if Y > latest.year + 1 else 0.0) for Y in candidates}
    return Clue("latest_year", latest.text, latest.start, latest.end, scores, f"latest past year {latest.year}")


def relative_year_clues(text: str, mentions: list[_Mention], candidates) -> list[Clue]:
    """"last year" / "this year" / "next year" / "two years ago" printed next to an explicit year ties the two:
    "in 2016, last year" => the story's year is 2017."""
    out = []
    for kind, offset in _RELATIVE.items():
        rx = _cue_regex(kind)
        for mn in mentions:
            if mn.gran not in ("year", "fiscal", "season"):
                continue
            lo, hi = max(0, mn.start - 20), min(len(text), mn.end + 20)
            for r in rx.finditer(text, lo, hi):
                between = text[min(r.end(), mn.end):max(r.start(), mn.start)]
                # tight apposition only: "last year's 1986", "1986, last year", "this year (1987)", "in 1986 last year"
                if not re.fullmatch(r"[\s,(]*(?:'s\s+|’s\s+)?(?:in\s+|of\s+|\(\s*)?[\s,(]*", between):
                    continue
                Y0 = mn.year + offset
                out.append(Clue("relative_year", text[min(r.start(), mn.start):max(r.end(), mn.end)],
                                min(r.start(), mn.start), max(r.end(), mn.end),
                                {Y: (2.0 if Y == Y0 else 0.0) for Y in candidates},
                                f"'{r.group(0)}' next to {mn.year} => {Y0}"))
    for r in _YEARS_AGO.finditer(text):
        n = r.group("n").lower()
        n = _NUMBERS.get(n) or (int(n) if n.isdigit() else None)
        if not n or r.group("n").lower() == "a":
            continue
        for mn in mentions:
            if mn.gran in ("year", "month", "day") and abs(mn.start - r.start()) < 40:
                between = text[min(r.end(), mn.end):max(r.start(), mn.start)]
                if not re.fullmatch(r"[\s,(]*(?:in\s+)?[\s,(]*", between):
                    continue
                Y0 = mn.year + n
                out.append(Clue("relative_year", text[min(r.start(), mn.start):max(r.end(), mn.end)],
                                min(r.start(), mn.start), max(r.end(), mn.end),
                                {Y: (2.5 if Y == Y0 else 0.0) for Y in candidates},
                                f"'{r.group(0)}' next to {mn.year} => {Y0}"))
    return out


def _nearest_year(Y: int, month: int, day: int, m2: int, d2: int) -> int:
    """The year of the date (m2, d2) that lies nearest the story date (Y, month, day)."""
    best = None
    for Z in (Y - 1, Y, Y + 1):
        try:
            delta = abs((dt.date(Z, m2, min(d2, _last_day(Z, m2))) - dt.date(Y, month, min(day, _last_day(Y, month)))).days)
        except ValueError:
            continue
        if best is None or delta < best[0]:
            best = (delta, Z)
    return best[1]


def weekday_date_clues(text: str, start: int, month: int, day: int, candidates, window=None) -> list[Clue]:
    """"Monday, January 23" names a Monday: true only in some years. The date is read in the year that puts it
    nearest the story date. Weekdays repeat every few years, so the clue only speaks within `window`
    (the latest year told as past and the year after it); other years get no support from it."""
    out = []
    if not window:
        return out
    for m in _WEEKDAY_DATE.finditer(text, start):
        wd = weekday_name(m.group("wd") or m.group("wd3"))
        mon = month_number(m.group("m1") or m.group("m2") or m.group("m3"))
        d = int(m.group("d1") or m.group("d2") or m.group("d3"))
        if not wd or not mon or not 1 <= d <= 31:
            continue
        scores = {}
        for Y in candidates:
            Z = _nearest_year(Y, month, day, mon, d)
            try:
                ok = WEEKDAY_NAMES[dt.date(Z, mon, d).weekday()] == wd
            except ValueError:
                ok = False
            scores[Y] = (2.5 if ok else -2.5) if Y in window else -2.5
        out.append(Clue("weekday_date", m.group(0), m.start(), m.end(), scores,
                        f"{wd}, {calendar.month_abbr[mon]} {d}"))
    return out


def dateline_weekday_clue(weekday: str, month: int, day: int, candidates, start=0, end=0) -> Clue:
    scores = {}
    for Y in candidates:
        try:
            scores[Y] = 3.0 if WEEKDAY_NAMES[dt.date(Y, month, day).weekday()] == weekday else -3.0
        except ValueError:
            scores[Y] = -3.0
    return Clue("dateline_weekday", weekday, start, end, scores, f"dateline prints {weekday}")


def lead_weekday_clue(text: str, body_start: int, month: int, day: int, candidates) -> Clue | None:
    """Weak: the first weekday the lead names ("told the media on Thursday") is usually the dateline day or the
    day before it."""
    m = _LEAD_WEEKDAY.search(text, body_start, min(len(text), body_start + 400))
    if not m:
        return None
    wd = (m.group("wd") or m.group("wd2")).capitalize()
    scores = {}
    for Y in candidates:
        try:
            dl = dt.date(Y, month, day)
        except ValueError:
            scores[Y] = 0.0
            continue
        same = WEEKDAY_NAMES[dl.weekday()] == wd
        before = WEEKDAY_NAMES[(dl - dt.timedelta(days=1)).weekday()] == wd
        scores[Y] = 0.6 if same else (0.3 if before else 0.0)
    return Clue("lead_weekday", m.group(0), m.start(), m.end(), scores, f"lead says '{m.group(0)}'")


# ---------------------------------------------------------------------------------------------- combiner

@dataclass
class YearGuess:
    year: int | None
    confidence: float
    evidence: str
    clues: list
    scores: dict


def infer_year(text: str, month: int, day: int, *, body_start: int = 0, dateline_weekday: str | None = None,
               dateline_span: tuple[int, int] = (0, 0)) -> YearGuess:
    """Infer the year of the story date (month, day) from the text alone. Returns year None when the evidence
    does not single out one year."""
    mentions = [m for m in year_mentions(text, body_start)]
    if not mentions:
        return YearGuess(None, 0.0, "no year is mentioned in the text", [], {})
    candidates = sorted({Y for m in mentions for Y in (m.year - 1, m.year, m.year + 1)})
    # keep the window near the years told as past (the story cannot predate them by much)
    clues: list[Clue] = [score_year_mention(m, month, day, candidates) for m in mentions]
    latest = score_latest_year(mentions, candidates)
    if latest:
        clues.append(latest)
    clues += relative_year_clues(text, mentions, candidates)
    for clue in (reporting_cycle_clue(mentions, month, day, candidates),
                 period_pair_clue(mentions, month, day, candidates)):
        if clue:
            clues.append(clue)
    told = [m.year for m in mentions if m.context == "past" and m.gran != "season"]
    window = (max(told), max(told) + 1) if told else None
    clues += weekday_date_clues(text, body_start, month, day, candidates, window)
    if dateline_weekday:
        clues.append(dateline_weekday_clue(dateline_weekday, month, day, candidates, *dateline_span))
    lw = lead_weekday_clue(text, body_start, month, day, candidates)
    if lw:
        clues.append(lw)
    guess = combine(clues, candidates)
    if guess.year is not None and window:
        guess.evidence += f"; latest year told as past: {window[0]}"
    return guess


def combine(clues: list[Clue], candidates) -> YearGuess:
    totals = {Y: sum(c.scores.get(Y, 0.0) for c in clues) for Y in candidates}
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    best, best_score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else best_score - 10
    margin = best_score - runner
    second_year = ranked[1][0] if len(ranked) > 1 else None
    support = sorted((c for c in clues if c.scores.get(best, 0) > c.scores.get(second_year, 0)),
                     key=lambda c: -(c.scores.get(best, 0) - c.scores.get(second_year, 0)))
    evidence = "; ".join(f"{c.kind} '{_short(c.text)}' ({c.note})" for c in support[:4])
    strong = [c for c in support if c.kind in STRONG_CLUES]
    if margin < STATE_MARGIN or best_score <= 0 or not strong:
        second = ranked[1][0] if len(ranked) > 1 else None
        return YearGuess(None, 0.0, f"year unclear: {best} ({best_score:.1f}) vs {second} ({runner:.1f})",
                         clues, totals)
    confidence = round(min(0.99, 1 - 0.5 * math.exp(-margin / 1.5)), 2)
    return YearGuess(best, confidence, evidence or f"year {best} scores highest", clues, totals)


def _short(s: str, n: int = 40) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# ---------------------------------------------------------------------------------------------- entry point

def document_time(doc: Document, pub_date=None) -> DocumentTime:
    """The document's time: metadata > dateline with year > dateline + year inferred from the text > none."""
    dl = doc.dateline
    if pub_date is not None or doc.pub_date is not None:
        date = parse_pub_date(pub_date if pub_date is not None else doc.pub_date)
        how = "given as an argument" if pub_date is not None else (
            "given as an argument" if doc.pub_date_from == "argument" else (doc.pub_date_from or "document metadata"))
        evidence = f"publication date {date.isoformat()} ({how})"
        if dl is not None and dl.has_date and (dl.month, dl.day) != (date.month, date.day):
            evidence += f"; note: dateline says {calendar.month_abbr[dl.month]} {dl.day}"
        return DocumentTime(date, "metadata", evidence, 1.0, month=date.month, day=date.day, year_known=True)
    if dl is None or not dl.has_date:
        why = "no dateline" if dl is None else f"dateline '{_short(dl.text)}' gives no date"
        return DocumentTime(None, "none", f"undated: {why} and no publication date given", 0.0)
    label = f"{calendar.month_abbr[dl.month]} {dl.day}"
    if dl.year is not None:
        date = dt.date(dl.year, dl.month, dl.day)
        if dl.rule == "updated_line" and re.search(r"updated", dl.text, re.I):
            # a page's last-update time can be months after publication
            return DocumentTime(date, "dateline", f"'{_short(dl.text, 60)}' gives {date.isoformat()} (a last-updated "
                                "time: publication may be earlier)", 0.6, month=dl.month, day=dl.day, year_known=True)
        return DocumentTime(date, "dateline", f"dateline '{_short(dl.text, 60)}' gives {date.isoformat()}", 0.95,
                            month=dl.month, day=dl.day, year_known=True)
    # a story's own clues sit in its first pages: very long inputs are read up to INFER_CHARS after the dateline
    guess = infer_year(doc.text[:dl.end + INFER_CHARS], dl.month, dl.day, body_start=dl.end, dateline_weekday=dl.weekday,
                       dateline_span=(dl.date_start or 0, dl.date_end or 0))
    if guess.year is not None:
        try:
            date = dt.date(guess.year, dl.month, dl.day)
        except ValueError:  # Feb 29 in a year without one
            date = None
        if date is not None:
            return DocumentTime(date, "inferred", f"dateline gives {label}; year {guess.year} from the text: "
                                f"{guess.evidence}", guess.confidence, month=dl.month, day=dl.day,
                                year_known=True, clues=guess.clues)
    return DocumentTime(None, "dateline", f"dateline gives {label}, year unknown ({guess.evidence})", 0.5,
                        month=dl.month, day=dl.day, year_known=False, clues=guess.clues)
