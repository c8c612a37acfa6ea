"""Resolution: turn a recognised phrase's fields into a TIMEX3 value, given the anchors.

Anchors are the speech time (the document time, or when a quoted speaker spoke) and the
narrative date (the last date the text set). Tense says which way a year-less date or a bare
weekday points. Nothing here reads text: the tagger hands in what the sentence says.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from timeline.timex import values as V
from timeline.timex.context import COMPARISON_WORDS, DEADLINE, FUTURE, PAST, PRESENT
from timeline.timex.recognize import Candidate


@dataclass
class Anchor:
    period: V.Period
    source: str                 # dct, speech, narrative
    explicit_year: bool = False
    sent: int = 0
    offset: int = -1
    clausal: bool = True   # dates a clause (a narrative step), not just a noun ("the 1988 bombing")
    ahead: bool = False    # set by a clause told in the future: a forecast ("will report losses through 1990's Q3")

    def describe(self) -> str:
        where = f"@{self.offset}" if self.offset >= 0 else ""
        return f"{self.source}:{self.period.value}{where}"


@dataclass
class Context:
    speech: Anchor | None        # document time, or the reporting time of a quotation
    narrative: Anchor | None     # the last date the narrative set
    tense: str | None
    sent: int = 0
    dct: dt.date | None = None
    recent: bool = False   # the phrase read against the speech time falls within weeks of it
    reporting: bool = False  # the phrase dates a reporting verb ("said on Thursday"): the news's own time
    narrative_near: bool = True  # the narrative date was set in the same paragraph
    narrative_broken: bool = False  # a sentence told in the present came between the narrative date and here
    pluperfect: bool = False  # "had been drafted in September": before the time the passage is told in
    before: str = ""  # the sentence's text before the phrase
    possessive: bool = False  # the phrase is followed by 's ("last year's $1.55 billion")
    quarter: Anchor | None = None  # the quarter the story reports on ("third-quarter net rose"), if it named one


@dataclass
class Resolved:
    value: str
    granularity: str
    period: V.Period | None = None
    anchor: str = ""
    resolved: bool = True
    mod: str = ""
    type: str | None = None
    explicit_year: bool = False


NARRATIVE_WINDOW = 4  # sentences a narrative year stays in force for year-less dates


def duration_value(num: str, unit: str) -> str:
    if unit in ("H", "MI", "S"):
        letter = {"H": "H", "MI": "M", "S": "S"}[unit]
        if num == "X":
            return f"PTX{letter}"
        f = float(num)
        if f != int(f) and unit in ("H", "MI"):  # 5 1/2 hours -> PT5H30M
            rest = round((f - int(f)) * 60)
            small = "M" if unit == "H" else "S"
            return f"PT{int(f)}{letter}{rest}{small}" if int(f) else f"PT{rest}{small}"
        return f"PT{_num(num)}{letter}"
    if unit == "2W":
        return "PX W".replace(" ", "") if num == "X" else f"P{_mul(num, 2)}W"
    if unit == "WE":
        return "P2D" if num != "X" else "PXWE"
    if num == "X":
        return {"DE": "PXDE", "CE": "PXCE", "ML": "PXML"}.get(unit, f"PX{unit}")
    if unit in ("DE", "CE", "ML"):
        return f"P{_mul(num, {'DE': 10, 'CE': 100, 'ML': 1000}[unit])}Y"
    f = float(num)
    if f != int(f):  # fractions: 2 1/2 years -> P2Y6M, half a day -> PT12H
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "Q": ("M", 3)}
        if unit in smaller:
            u2, k = smaller[unit]
            whole, rest = int(f), (f - int(f)) * k
            if rest == int(rest):
                head = f"{whole}{unit}" if whole else ""
                if u2 == "H":
                    return f"P{head}T{int(rest)}H"
                return f"P{head}{int(rest)}{u2}"
        return f"P{f}{unit}"
    return f"P{int(f)}{unit}"


def _num(num: str) -> str:
    f = float(num)
    return str(int(f)) if f == int(f) else str(f)


def _mul(num: str, k: int) -> str:
    return _num(str(float(num) * k))


# ---------------------------------------------------------------- choosing a year

def _choose(builders, anchor: V.Period, tense: str | None, forward: bool = False):
    """Pick among candidate periods (one per nearby year) the one the tense points to."""
    cands = [p for p in builders if p is not None]
    if not cands:
        return None
    a_start, a_end = anchor.start, anchor.end
    if forward:  # narrative order: on or after the narrative date, nearest
        ahead = [p for p in cands if p.end > a_start]
        return min(ahead, key=lambda p: p.start) if ahead else max(cands, key=lambda p: p.start)
    if tense == PAST:
        # allow a date up to a day after the anchor (the wire's dateline can lag a day)
        before = [p for p in cands if p.start <= a_start + dt.timedelta(days=1)]
        return max(before, key=lambda p: p.start) if before else min(cands, key=lambda p: p.start)
    if tense in (FUTURE, PRESENT):  # a present with a date is a timetable: "the agreement expires in December"
        # a period just ended still counts ("will report results for the third quarter" in October)
        lag = dt.timedelta(days=45 if cands[0].granularity == "quarter" else 0)
        after = [p for p in cands if p.end + lag > a_start]
        return min(after, key=lambda p: p.start) if after else max(cands, key=lambda p: p.start)

    def dist(p):
        if p.start <= a_start < p.end:
            return 0
        gap = (a_start - p.end).days if p.end <= a_start else (p.start - a_end).days
        # no tense to read: news mostly reports the past, so a future date must be much closer to win
        return abs(gap) if p.end <= a_start or tense == DEADLINE else 3 * abs(gap)

    return min(cands, key=dist)


def _nth_weekday(y: int, m: int, nth: int, wd: int) -> dt.date:
    days = [d for d in range(1, calendar.monthrange(y, m)[1] + 1) if dt.date(y, m, d).isoweekday() == wd]
    return dt.date(y, m, days[nth - 1] if nth > 0 else days[nth])


def _cal_builder(f: dict):
    """A function year -> Period for a calendar phrase whose year may be missing (None if impossible)."""
    if "holiday" in f:
        h = f["holiday"]
        if "+" in h:  # "1-1-11+1": the day after the first Monday of November (U.S. Election Day)
            base, plus = h.split("+")
            inner = _cal_builder({"holiday": base})
            return None if inner is None else lambda y: V.day(inner(y).start + dt.timedelta(days=int(plus)))
        parts = h.split("-")
        if len(parts) == 2:
            mm, dd = int(parts[0]), int(parts[1])
            return lambda y: _safe(lambda: V.day(dt.date(y, mm, dd)))
        if len(parts) == 3:
            nth, wd, mm = int(parts[0]), int(parts[1]), int(parts[2])
            return lambda y: V.day(_nth_weekday(y, mm, nth, wd))
        if len(parts) == 4:  # negative nth: "-1-1-05"
            nth, wd, mm = -int(parts[1]), int(parts[2]), int(parts[3])
            return lambda y: V.day(_nth_weekday(y, mm, nth, wd))
    if "month" in f and "day" in f:
        mm, dd = f["month"], f["day"]
        return lambda y: _safe(lambda: V.day(dt.date(y, mm, dd)))
    if "month" in f:
        return lambda y: V.month(y, f["month"])
    if "quarter" in f:
        return lambda y: V.quarter(y, f["quarter"])
    if "half" in f:
        return lambda y: V.half(y, f["half"])
    if "season" in f:
        return lambda y: V.season(y, f["season"])
    return None


def _safe(fn):
    try:
        return fn()
    except ValueError:
        return None


def _year_from_two_digits(y2: int, ref: dt.date | None) -> int:
    if ref is not None:
        c = ref.year // 100 * 100
        y = c + y2
        return y - 100 if y > ref.year + 20 else y
    return 1900 + y2 if y2 > 30 else 2000 + y2


# ---------------------------------------------------------------- the kinds of phrase

def resolve(c: Candidate, ctx: Context) -> Resolved:
    f = c.fields
    kind = c.kind
    if kind == "vague":
        return Resolved(f["value"], "duration" if re.match(r"P[\dX]", f["value"]) else "vague")
    if kind == "dur":
        return _duration(c)
    if kind == "set":
        return _set(c)
    if kind == "cal":
        return _cal(c, ctx)
    if kind == "rel":
        return _rel(c, ctx)
    if kind == "ago":
        return _ago(c, ctx)
    if kind == "later":
        return _later(c, ctx)
    raise ValueError(f"unknown rule kind {kind}")


def _duration(c: Candidate) -> Resolved:
    f = c.fields
    num = f.get("num", "X" if c.text.lower().endswith("s-long") else "1")
    if "num2" in f:
        num = "X"
    if c.text.lower().rstrip().endswith("and a half"):
        num = str(float(num) + 0.5) if num != "X" else "X"
    unit = f.get("unit", "D")
    mod = {"APPROX": "APPROX", "LESS_THAN": "LESS_THAN", "MORE_THAN": "MORE_THAN", "EQUAL_OR_LESS": "EQUAL_OR_LESS",
           "EQUAL_OR_MORE": "EQUAL_OR_MORE"}.get(f.get("approx", ""), "")
    return Resolved(duration_value(num, unit), "duration", mod=mod)


def _set(c: Candidate) -> Resolved:
    f = c.fields
    if "setword" in f:
        return Resolved(f["setword"], "set")
    if "month" in f:
        return Resolved(f"XXXX-{f['month']:02d}", "set")
    if "season" in f:
        return Resolved(f"XXXX-{f['season']}", "set")
    if f.get("pod") and "weekday" not in f:  # "every morning"
        return Resolved(f"XXXX-XX-XXT{f['pod']}", "set")
    if "weekday" in f:
        v = f"XXXX-WXX-{f['weekday']}"
        if f.get("pod"):
            v += "T" + f["pod"]
        return Resolved(v, "set")
    unit = f.get("unit", "D")
    num = f.get("num", "1")
    if "num2" in f:  # "every 15 to 20 years": the period is known only roughly
        num = "X"
    elif "other" in c.text.lower().split():  # "every other week": every second one
        num = _num(str(float(num) * 2)) if num != "X" else num
    return Resolved(duration_value(num, unit), "set")


def narrative_in_force(ctx: Context, grans: tuple[str, ...], same_sentence: bool = True) -> bool:
    """A past passage set its own date ("In October 1954, ..."): year-less dates close by read against it.

    Only a date with an explicit year earlier than the speech time's, at a fine granularity, a few
    sentences back, and only for phrases not told in the present or future."""
    n = ctx.narrative
    if n is None or not n.explicit_year:
        return False
    if same_sentence and n.sent == ctx.sent and n.period.granularity in ("year", "month", "season", "day") \
            and ctx.tense not in (FUTURE, DEADLINE) \
            and (ctx.speech is None or n.period.year < ctx.speech.period.year) and not ctx.recent:
        return True  # "The 2011 uprising began in March": the sentence gave its own year
    if n.period.granularity not in grans:
        return False
    if ctx.speech is None:  # no document time: the narrative's year only while the passage is still told
        return ctx.tense not in (FUTURE, PRESENT, DEADLINE) and not ctx.narrative_broken
    if not n.clausal:
        return False
    return (n.period.year < ctx.speech.period.year and ctx.sent - n.sent <= NARRATIVE_WINDOW
            and ctx.tense not in (FUTURE, PRESENT) and not ctx.narrative_broken)


def _anchor_for_calendar(ctx: Context) -> tuple[Anchor | None, bool]:
    """The anchor a year-less calendar date is read against, and whether it is narrative (forward) order."""
    if narrative_in_force(ctx, ("day", "month", "season")):
        return ctx.narrative, True
    if ctx.speech is not None:
        return ctx.speech, False
    n = ctx.narrative
    if n is not None and n.explicit_year and ctx.tense not in (FUTURE, PRESENT, DEADLINE) \
            and not ctx.narrative_broken and ctx.sent - n.sent <= NARRATIVE_WINDOW:
        return n, True  # no document time: the year of the passage being told, if it gave one
    return None, False


def _cal(c: Candidate, ctx: Context) -> Resolved:
    f = c.fields
    mod = f.get("mod") or ""
    if "zone" in f or "hour" in f or "timeword" in f:
        return _clock(c, ctx)
    if "year2" in f:
        ref = ctx.speech.period.start if ctx.speech else None
        f = dict(f, year=_year_from_two_digits(f["year2"], ref))
    if "decade_full" in f:
        p = V.decade(f["decade_full"])
        return Resolved(p.value, "decade", p, mod=mod, explicit_year=True)
    if "decade" in f:
        ref = (ctx.speech or ctx.narrative)
        if ref is None:
            return Resolved(f"XX{f['decade']}", "decade", resolved=False, mod=mod)
        cent = ref.period.year // 100
        d0 = cent * 10 + f["decade"]
        if d0 * 10 > ref.period.year:
            d0 -= 10
        p = V.decade(d0)
        return Resolved(p.value, "decade", p, anchor=ref.describe(), mod=mod)
    if "century" in f:
        p = V.century(f["century"] - 1)
        return Resolved(p.value, "century", p, mod=mod, explicit_year=True)
    builder = _cal_builder(f)
    if "year" in f:
        y = f["year"]
        p = builder(y) if builder else V.year(y)
        if p is None:
            return Resolved("XXXX-XX-XX", "day", resolved=False)
        if f.get("week"):
            p = V.week_of(p.start)
        return Resolved(p.value, p.granularity, p, mod=mod, explicit_year=True)
    if builder is None:
        if "weekday" in f:
            return _weekday(c, ctx)
        return Resolved("XXXX", "year", resolved=False)
    if ctx.speech is not None and ctx.narrative is not None and ctx.narrative.sent == ctx.sent:
        near = _choose([builder(y) for y in range(ctx.speech.period.year - 1, ctx.speech.period.year + 2)],
                       ctx.speech.period, ctx.tense)
        ctx.recent = near is not None and abs((near.start - ctx.speech.period.start).days) <= 60
    anchor, forward = _anchor_for_calendar(ctx)
    if anchor is None:
        return Resolved(_unanchored(f), _gran_of_fields(f), resolved=False, mod=mod)
    y0 = anchor.period.year
    cands = [builder(y) for y in (y0 - 1, y0, y0 + 1)]
    if "weekday" in f and "day" in f:
        agree = [p for p in cands if p is not None and p.start.isoweekday() == f["weekday"]]
        if agree:
            cands = agree
    if forward and ctx.pluperfect:  # told before the narrative's own time: the latest such date before it
        p = _choose(cands, anchor.period, PAST)
    else:
        p = _choose(cands, anchor.period, ctx.tense, forward=forward)
    if p is None:
        return Resolved(_unanchored(f), _gran_of_fields(f), resolved=False, mod=mod)
    if f.get("week"):
        p = V.week_of(p.start)
    if f.get("prior"):
        p = V.shift(p, -1, "Y")
    return Resolved(p.value, p.granularity, p, anchor=anchor.describe(), mod=mod)


def _gran_of_fields(f: dict) -> str:
    for k, g in (("day", "day"), ("holiday", "day"), ("month", "month"), ("quarter", "quarter"), ("half", "half"),
                 ("season", "season")):
        if k in f:
            return g
    return "year"


def _unanchored(f: dict) -> str:
    if "day" in f and "month" in f:
        return f"XXXX-{f['month']:02d}-{f['day']:02d}"
    if "holiday" in f and len(f["holiday"].split("-")) == 2:
        return f"XXXX-{f['holiday']}"
    if "month" in f:
        return f"XXXX-{f['month']:02d}"
    if "quarter" in f:
        return f"XXXX-Q{f['quarter']}"
    if "half" in f:
        return f"XXXX-H{f['half']}"
    if "season" in f:
        return f"XXXX-{f['season']}"
    if "weekday" in f:
        return f"XXXX-WXX-{f['weekday']}"
    return "XXXX"


def _weekday(c: Candidate, ctx: Context, shift: int | None = None) -> Resolved:
    f = c.fields
    wd = f["weekday"]
    anchor = ctx.speech
    if anchor is not None and not ctx.reporting and narrative_in_force(ctx, ("day",), same_sentence=False) \
            and ctx.sent - ctx.narrative.sent <= 2:
        anchor = ctx.narrative
    if shift is not None and ctx.narrative is not None and ctx.narrative.period.granularity == "day" \
            and re.search(r"\b(?:previous|preceding|following)\b", c.text, re.I):
        anchor = ctx.narrative  # "closed Friday ... down from the previous Friday": the one before the story's Friday
    if anchor is None:
        v = f"XXXX-WXX-{wd}" + (f"T{f['pod']}" if f.get("pod") else "")
        return Resolved(v, "day", resolved=False)
    a = anchor.period.start
    back = (a.isoweekday() - wd) % 7          # days back to the latest such weekday on or before a
    fwd = (wd - a.isoweekday()) % 7           # days ahead to the next on or after a
    if shift == -1:
        d = a - dt.timedelta(days=back or 7)
    elif shift == 1:
        d = a + dt.timedelta(days=fwd or 7)
    elif anchor.source == "narrative":
        d = a + dt.timedelta(days=fwd)
    elif ctx.tense == PAST:
        d = a - dt.timedelta(days=back)
    elif ctx.tense in (FUTURE, PRESENT):
        d = a + dt.timedelta(days=fwd)
    elif ctx.tense == DEADLINE:  # either side of the anchor: the nearest
        d = a - dt.timedelta(days=back) if back <= fwd else a + dt.timedelta(days=fwd)
    else:  # no tense to read: news reports what has happened
        d = a - dt.timedelta(days=back)
    p = V.day(d)
    # "Friday night" keeps the day as its value: TBAQ's gold mostly types it DATE and often tags "Friday" alone;
    # giving it the TimeML part-of-day value (TIME, "...TNI") lost 3 values and 18 types there (tried twice)
    return Resolved(p.value, "day", p, anchor=anchor.describe(), mod=f.get("mod") or "")


def _clock(c: Candidate, ctx: Context) -> Resolved:
    f = c.fields
    if "timeword" in f:
        t = "12:00" if c.text.lower().startswith(("noon", "midday", "mid-day")) else "24:00"
    else:
        h = f.get("hour", 0)
        if "pm" in f:
            if f["pm"] and h < 12:
                h += 12
            elif not f["pm"] and h == 12:
                h = 0
        t = f"{h:02d}:{f.get('minute', 0):02d}"
    if "weekday" in f and "month" not in f:  # "10 p.m. Wednesday", "noon Thursday"
        r = _weekday(c, ctx)
        r.value = (r.value.split("T")[0]) + f"T{t}"
        r.granularity = "time"
        return r
    if "month" in f and "day" in f:  # "5 p.m. EST Nov. 9"
        date_fields = {k: v for k, v in f.items() if k in ("month", "day", "year", "weekday")}
        r = _cal(Candidate(c.start, c.end, c.text, "DATE", c.rule, "cal", date_fields), ctx)
        if r.resolved:
            r.value = r.value + f"T{t}"
        else:
            r.value = r.value + f"T{t}"
        r.granularity = "time"
        return r
    anchor = ctx.speech
    n = ctx.narrative
    if n is not None and n.period.granularity == "day" and ctx.sent - n.sent <= 1 and ctx.narrative_near:
        anchor = n  # "The blast occurred on Friday ... at 10:35 a.m.": that day
    if anchor is None:
        return Resolved(f"XXXX-XX-XXT{t}", "time", resolved=False)
    return Resolved(f"{anchor.period.start.isoformat()}T{t}", "time", V.day(anchor.period.start), anchor=anchor.describe())


def _rel(c: Candidate, ctx: Context) -> Resolved:
    f = c.fields
    unit = f.get("unit", "D")
    shift = int(f.get("shift", 0))
    mod = f.get("mod") or ""
    if f.get("anchor") == "narr":
        anchor = ctx.narrative or ctx.speech
    else:
        anchor = ctx.speech
    if unit == "weekday":
        return _weekday(c, ctx, shift=shift if shift else None)
    q = ctx.quarter
    if unit == "Y" and shift == -1 and c.text.lower() == "last year" and q is not None and ctx.tense in (PAST, None) \
            and COMPARED_WITH.search(ctx.before) and re.search(r"\d", ctx.before) and not ctx.possessive \
            and not OTHER_PERIOD.search(ctx.before):
        # "compared with a loss of $3 million last year" in a story on a quarter: that quarter a year back
        p = V.shift(q.period, -1, "Y")
        return Resolved(p.value, p.granularity, p, anchor=q.describe())
    if unit == "wdweek":  # "Tuesday last week", "Monday next week": that weekday in that week
        if anchor is None:
            return Resolved(f"XXXX-WXX-{f['weekday']}", "day", resolved=False)
        wk = V.shift(V.week_of(anchor.period.start), shift, "W")
        p = V.day(wk.start + dt.timedelta(days=f["weekday"] - 1))
        return Resolved(p.value, "day", p, anchor=anchor.describe(), mod=mod)
    if anchor is None:
        gran = {"month": "month", "season": "season", "monthyear": _gran_of_fields(f)}.get(unit) or V.UNIT_GRAN.get(unit, "year")
        return Resolved(_unresolved_rel(unit, f), gran, resolved=False, mod=mod)
    a = anchor.period.start
    if unit == "monthyear":  # "June last year", "Dec. 5 last year", "September of that year"
        y = (anchor.period.year if f.get("anchor") == "narr" else a.year) + shift
        p = _cal_builder(f)(y)
        if p is None:
            return Resolved(_unanchored(f), _gran_of_fields(f), resolved=False)
        return Resolved(p.value, p.granularity, p, anchor=anchor.describe(), mod=mod)
    if unit == "month":  # last November, next March, this September
        cands = [V.month(y, f["month"]) for y in (a.year - 1, a.year, a.year + 1)]
        cur = V.month(a.year, a.month)
        if shift < 0:
            p = max((x for x in cands if x.start < cur.start), key=lambda x: x.start)
        elif shift > 0:
            p = min((x for x in cands if x.start > cur.start), key=lambda x: x.start)
        else:
            p = V.month(a.year, f["month"])
        if "day" in f:  # "last October 28"
            try:
                p = V.day(dt.date(p.start.year, p.start.month, f["day"]))
            except ValueError:
                return Resolved(_unanchored(f), "day", resolved=False)
            return Resolved(p.value, "day", p, anchor=anchor.describe(), mod=mod)
        return Resolved(p.value, "month", p, anchor=anchor.describe(), mod=mod)
    if unit == "season":
        s = f["season"]
        cands = [V.season(y, s) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)]
        if shift < 0:
            p = max((x for x in cands if x.end <= a), key=lambda x: x.start)
        elif shift > 0:
            p = min((x for x in cands if x.start > a), key=lambda x: x.start)
        else:
            p = V.season(a.year, s)
        return Resolved(p.value, "season", p, anchor=anchor.describe(), mod=mod)
    if unit == "WE":
        base = V.weekend_of(a)
        txt = c.text.lower()
        if txt.startswith("last") or txt.startswith("past"):
            p = base if a >= base.end else V.shift(base, -1, "W")
        elif txt.startswith("next"):
            p = base if a < base.start else V.shift(base, 1, "W")
        elif ctx.tense == PAST and a < base.start and not f.get("ahead"):
            p = V.shift(base, -1, "W")
        else:
            p = base
        return Resolved(p.value, "week", p, anchor=anchor.describe())
    n = ctx.narrative
    if unit == "Y" and shift == 0 and mod == "END" and re.search(r"\bsince\s+$", ctx.before, re.I) \
            and f.get("anchor") != "narr":
        p = V.year(a.year - 1)  # "the change since year-end": the last year-end passed, the previous year's
        return Resolved(p.value, "year", p, anchor=anchor.describe(), mod=mod)
    if f.get("periodof") and unit == "Y" and shift == 0 and n is not None and n.explicit_year \
            and (ctx.tense == PAST or ctx.tense is None and n.sent == ctx.sent) and ctx.sent - n.sent <= 1 and n.period.year == a.year - 1 and "current" not in c.text.lower():
        # "Net profit in 1986 rose. For the full year, sales rose": the year the story reports on
        p = V.year(n.period.year)
        return Resolved(p.value, "year", p, anchor=n.describe(), mod=mod)
    if unit == "Y" and "quarter" in f:   # this year's third quarter
        p = V.quarter(a.year + shift, f["quarter"])
        return Resolved(p.value, "quarter", p, anchor=anchor.describe())
    gran = V.UNIT_GRAN.get(unit)
    if gran is None:
        return Resolved("XXXX", "year", resolved=False)
    if f.get("anchor") == "narr" and anchor is ctx.narrative and gran in V.GRAN_ORDER \
            and anchor.period.granularity in V.GRAN_ORDER and not V.finer_or_equal(anchor.period.granularity, gran):
        # "that same day" after "in October 1998": the narrative never said which day; keep what it did say
        return _partial(anchor, gran, unit, f, mod, same=shift == 0)
    base = anchor.period if (f.get("anchor") == "narr" and V.finer_or_equal(gran, anchor.period.granularity)
                             and anchor.period.granularity != "day") else V.period_of(a, gran)
    if unit == "Q" and shift == 0 and (f.get("latest") or "latest" in c.text.lower()):
        n = ctx.narrative
        if n is not None and n.period.granularity == "quarter" and not n.ahead:
            base = n.period  # not a forecast: "will result in a fourth-quarter charge" is no quarter reported on
        elif ctx.quarter is not None:
            base = ctx.quarter.period  # the quarter the story reports on ("fiscal first quarter ... for the quarter")
        else:  # the last full quarter before the anchor
            base = V.shift(V.period_of(a, "quarter"), -1, "Q")
        return Resolved(base.value, "quarter", base, anchor=anchor.describe())
    if f.get("anchor") == "narr":
        base = V.period_of(anchor.period.start, gran)
    p = V.shift(base, shift, unit) if shift else base
    value = p.value
    typ = None
    if f.get("pod"):
        value = f"{p.value}T{f['pod']}"
        typ = "TIME"
    return Resolved(value, p.granularity, p, anchor=anchor.describe(), mod=mod, type=typ)


def _coarser(anchor: Anchor, gran: str) -> bool:
    g = anchor.period.granularity
    return gran in V.GRAN_ORDER and g in V.GRAN_ORDER and not V.finer_or_equal(g, gran)


def _partial(anchor: Anchor, gran: str, unit: str, f: dict, mod: str = "", same: bool = True) -> Resolved:
    """A day (or week, month) counted from a narrative date that is coarser: only what the narrative said is known.
    "that same day" after "October 1998" is 1998-10-XX; "two days earlier" after "last week" is not known."""
    n = anchor.period
    if same and n.granularity in ("month", "year") and gran in ("day", "week", "month"):
        y = n.start.year
        known = f"{y}-{n.start.month:02d}" if n.granularity == "month" else f"{y}-XX"
        value = {"day": f"{known}-XX", "week": f"{y}-WXX", "month": known}[gran]
        if value != known:
            return Resolved(value, n.granularity, n, anchor=anchor.describe(), mod=mod)
    return Resolved(_unresolved_rel(unit, f), gran, resolved=False, mod=mod)


def _unresolved_rel(unit: str, f: dict) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
            "Y": "XXXX", "DE": "XXX", "CE": "XX", "month": f"XXXX-{int(f.get('month', 0)):02d}",
            "season": f"XXXX-{f.get('season', 'XX')}"}.get(unit, "XXXX")


def _ago(c: Candidate, ctx: Context) -> Resolved:
    f = c.fields
    direction = int(f.get("direction", -1))
    if direction == 0:
        direction = -1
    num, unit = f.get("num", "1"), f.get("unit", "D")
    vague = "PAST_REF" if direction < 0 else "FUTURE_REF"
    if num == "X" or unit in ("H", "MI", "S"):
        return Resolved(vague, "vague")
    anchor = ctx.speech
    if anchor is None:
        return Resolved(_unresolved_rel(unit, f), V.UNIT_GRAN.get(unit, "year"), resolved=False)
    if f.get("periodyear"):  # "the same quarter a year ago": the quarter the sentence names, one year back
        gran = V.UNIT_GRAN.get(f.get("unit", "Q"), "quarter")
        n = ctx.narrative
        if n is not None and n.sent == ctx.sent and n.period.granularity == gran:
            base, anchor = n.period, n
        else:
            base = V.period_of(anchor.period.start, gran)
        p = V.shift(base, -1, "Y")
        return Resolved(p.value, p.granularity, p, anchor=anchor.describe())
    if f.get("keepday"):  # "a year ago today": that very day
        return _offset(Anchor(V.day(anchor.period.start), anchor.source, offset=anchor.offset), direction, num, unit,
                       keep_gran=True)
    # "a year ago" in a sentence about a quarter: that quarter a year back
    n = ctx.narrative
    if unit == "Y" and n is not None and n.period.granularity in ("quarter", "half") and ctx.sent - n.sent <= 1:
        p = V.shift(n.period, direction * int(float(num)), "Y")
        return Resolved(p.value, p.granularity, p, anchor=n.describe())
    q = ctx.quarter
    if unit == "Y" and num == "1" and q is not None and ctx.tense in (PAST, None) and COMPARED_WITH.search(ctx.before) \
            and not OTHER_PERIOD.search(ctx.before):
        # "compared with $6 million a year ago" in a story on a quarter's results: that quarter a year back
        p = V.shift(q.period, direction, "Y")
        return Resolved(p.value, p.granularity, p, anchor=q.describe())
    return _offset(anchor, direction, num, unit)


COMPARED_WITH = re.compile(r"\b" + COMPARISON_WORDS + r"\b(?:[^.;]|\.\S)*$", re.I)  # the sentence so far compares
OTHER_PERIOD = re.compile(r"\b(?:months|year|years|annual|fiscal|half|week|month)\b", re.I)  # not a quarter's figures


def _offset(anchor: Anchor, direction: int, num: str, unit: str, keep_gran: bool = False) -> Resolved:
    n = float(num)
    if n != int(n):
        return Resolved("PAST_REF" if direction < 0 else "FUTURE_REF", "vague")
    n = int(n) * direction
    a = anchor.period.start
    gran = V.UNIT_GRAN.get(unit, "day")
    if unit == "2W":
        unit, n = "W", 2 * n
    if keep_gran:
        base = anchor.period
        if unit == "W" and base.granularity != "week":
            d = base.start + dt.timedelta(days=7 * n)
            p = V.period_of(d, base.granularity) if base.granularity != "day" else V.day(d)
        else:
            p = V.shift(base, n, unit if unit in ("D", "W", "M", "Q", "Y", "DE", "CE") else "D")
        return Resolved(p.value, p.granularity, p, anchor=anchor.describe())
    if unit == "D":
        p = V.day(a + dt.timedelta(days=n))
    elif unit == "W":
        p = V.week_of(a + dt.timedelta(days=7 * n))
    elif unit == "M":
        p = V.period_of(V.add_months(a, n), "month")
    elif unit == "Q":
        p = V.period_of(V.add_months(a, 3 * n), "quarter")
    elif unit == "Y":
        p = V.year(a.year + n)
    elif unit in ("DE", "CE"):  # "a decade ago": the year ten years back
        p = V.year(a.year + n * (10 if unit == "DE" else 100))
        gran = "year"
    else:
        return Resolved("PAST_REF" if direction < 0 else "FUTURE_REF", "vague")
    return Resolved(p.value, gran if gran != "time" else "day", p, anchor=anchor.describe())


def _later(c: Candidate, ctx: Context) -> Resolved:
    f = c.fields
    direction = int(f.get("direction", 1))
    num, unit = f.get("num", "1"), f.get("unit", "D")
    if unit in ("H", "MI", "S"):
        anchor = ctx.narrative or ctx.speech
        if num == "X" and (anchor is None or anchor is not ctx.narrative):
            return Resolved("PAST_REF" if direction < 0 or ctx.tense == PAST else "FUTURE_REF", "vague")
        if anchor is None or anchor.period.granularity not in ("day", "time"):
            return Resolved("XXXX-XX-XX", "day", resolved=False)  # "an hour later" after "in June": which day?
        hours = float(num) * {"H": 1, "MI": 1 / 60, "S": 1 / 3600}[unit] if num != "X" else 0
        p = V.day(anchor.period.start + dt.timedelta(days=direction * int(hours // 24)))  # "48 hours later": two days on
        return Resolved(p.value, "day", p, anchor=anchor.describe())
    if num == "X":  # "a few days later" told in the past lies before the story's time
        return Resolved("PAST_REF" if direction < 0 or ctx.tense == PAST else "FUTURE_REF", "vague")
    anchor = ctx.narrative or ctx.speech
    gran = V.UNIT_GRAN.get(unit, "day")
    if anchor is not None and anchor is ctx.narrative and f.get("scope") != "period" and _coarser(anchor, gran):
        return _partial(anchor, gran, unit, f, same=False)  # "two days earlier" after "last week"
    same_sentence_compared = anchor is not None and anchor is ctx.narrative and anchor.sent == ctx.sent \
        and COMPARED_WITH.search(ctx.before) is not None
    if f.get("scope") == "period" and ctx.speech is not None and not same_sentence_compared and (
            anchor is None or anchor.period.year < ctx.speech.period.year
            or (anchor.ahead and anchor.period.start > ctx.speech.period.start)):
        # ... and a forecast ("losses through the third quarter of 1990") is no period reported on yet
        # "the year-ago quarter" compares with the period now reported on: a narrative date already in an
        # earlier year ("in the 1988 period") is the comparison itself, not the period to shift
        anchor = ctx.speech
    if anchor is None:
        return Resolved(_unresolved_rel(unit, f), V.UNIT_GRAN.get(unit, "year"), resolved=False)
    nth = re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter", c.text, re.I)
    if f.get("scope") == "period" and nth and ctx.speech is not None:
        # "the second quarter last year", "the year-earlier third quarter": that quarter, one year back from the year
        # told (the document's for "last year"; the reported quarter's for "year-earlier", "a year ago")
        qn = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[nth.group(1).lower()]
        if re.search(r"\blast\s+year", c.text, re.I) or ctx.quarter is None:
            y = ctx.speech.period.start.year - 1
        else:
            y = ctx.quarter.period.start.year - 1
        p = V.quarter(y, qn)
        return Resolved(p.value, "quarter", p, anchor=ctx.speech.describe())
    if anchor is ctx.speech and ctx.narrative is None and f.get("scope") != "period" and direction > 0 \
            and ctx.tense == PAST:
        # "Three people died, and a week later the army left": later than an undated past event, still past
        return Resolved("PAST_REF", "vague")
    if f.get("scope") == "period" and ctx.quarter is not None and anchor.period.granularity != "quarter" \
            and not re.search(r"\b(?:nine|six|three)\s+months|\b(?:full|fiscal|whole)\s+year", c.text, re.I) \
            and (anchor.period.granularity not in ("year",) or "quarter" in c.text.lower()) \
            and (re.search(r"quarter|period", c.text, re.I)):
        # "the corresponding period last year", "last year's quarter" in a story on the third quarter
        p = V.shift(ctx.quarter.period, direction * int(float(num)), unit)
        return Resolved(p.value, p.granularity, p, anchor=ctx.quarter.describe())
    if f.get("scope") == "period" and anchor.period.granularity in ("day", "time", "week", "month"):
        gran = "quarter" if "quarter" in c.text.lower() else "year"  # a reporting period, never a day
        base = V.period_of(anchor.period.start, gran)
        if gran == "quarter" and anchor is ctx.speech:  # the quarter reported on: the last one completed
            base = V.shift(base, -1, "Q")
        p = V.shift(base, direction * int(float(num)), unit)
        return Resolved(p.value, p.granularity, p, anchor=anchor.describe())
    q = ctx.quarter
    if unit == "Y" and num == "1" and direction < 0 and q is not None and anchor.period.granularity == "day" \
            and COMPARED_WITH.search(ctx.before) and not OTHER_PERIOD.search(ctx.before) \
            and ctx.dct is not None and 0 <= (ctx.dct - anchor.period.start).days <= 200:
        # "sales for the quarter ended Sept. 29, up from $388 million a year earlier": the quarter, not the day
        p = V.shift(q.period, -1, "Y")
        return Resolved(p.value, p.granularity, p, anchor=q.describe())
    return _offset(anchor, direction, num, unit, keep_gran=True)
