"""Calendar arithmetic and TIMEX3 value strings, with the interval `[start, end)` each value denotes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

GRAN_ORDER = ["time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century"]
SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}  # [start, end) months; WI runs into next year


@dataclass(frozen=True)
class Period:
    """A calendar period: its TIMEX3 value, granularity and interval [start, end)."""
    value: str
    granularity: str
    start: dt.date
    end: dt.date

    @property
    def year(self) -> int:
        return self.start.year


def finer_or_equal(a: str, b: str) -> bool:
    return GRAN_ORDER.index(a) <= GRAN_ORDER.index(b)


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    import calendar

    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def day(d: dt.date) -> Period:
    return Period(d.isoformat(), "day", d, d + dt.timedelta(days=1))


def month(y: int, m: int) -> Period:
    start = dt.date(y, m, 1)
    return Period(f"{y:04d}-{m:02d}", "month", start, add_months(start, 1))


def year(y: int) -> Period:
    return Period(f"{y:04d}", "year", dt.date(y, 1, 1), dt.date(y + 1, 1, 1))


def quarter(y: int, q: int) -> Period:
    start = dt.date(y, 3 * (q - 1) + 1, 1)
    return Period(f"{y:04d}-Q{q}", "quarter", start, add_months(start, 3))


def half(y: int, h: int) -> Period:
    start = dt.date(y, 6 * (h - 1) + 1, 1)
    return Period(f"{y:04d}-H{h}", "half", start, add_months(start, 6))


def season(y: int, s: str) -> Period:
    a, b = SEASON_MONTHS[s]
    start = dt.date(y, a, 1)
    return Period(f"{y:04d}-{s}", "season", start, add_months(start, b - a))


def week_of(d: dt.date) -> Period:
    iso = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return Period(f"{iso[0]:04d}-W{iso[1]:02d}", "week", monday, monday + dt.timedelta(days=7))


def weekend_of(d: dt.date) -> Period:
    """The weekend (Saturday and Sunday) of the ISO week containing d."""
    iso = d.isocalendar()
    sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    return Period(f"{iso[0]:04d}-W{iso[1]:02d}-WE", "week", sat, sat + dt.timedelta(days=2))


def decade(d0: int) -> Period:
    """d0 = first three digits of the decade's years (199 -> the 1990s)."""
    return Period(f"{d0:03d}", "decade", dt.date(d0 * 10, 1, 1), dt.date(d0 * 10 + 10, 1, 1))


def century(c0: int) -> Period:
    """c0 = first two digits of the century's years (19 -> 1900-1999, "the 20th century")."""
    return Period(f"{c0:02d}", "century", dt.date(max(c0 * 100, 1), 1, 1), dt.date(c0 * 100 + 100, 1, 1))


def period_of(d: dt.date, gran: str) -> Period:
    """The period of granularity `gran` that contains d."""
    if gran in ("day", "time"):
        return day(d)
    if gran == "week":
        return week_of(d)
    if gran == "month":
        return month(d.year, d.month)
    if gran == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if gran == "half":
        return half(d.year, 1 if d.month <= 6 else 2)
    if gran == "season":
        for s, (a, b) in SEASON_MONTHS.items():
            if a <= d.month < b:
                return season(d.year, s)
        return season(d.year - 1, "WI")  # January, February
    if gran == "year":
        return year(d.year)
    if gran == "decade":
        return decade(d.year // 10)
    if gran == "century":
        return century(d.year // 100)
    raise ValueError(gran)


def shift(p: Period, n: int, unit: str) -> Period:
    """Move period p by n units (D, W, M, Q, Y, DE, CE), keeping p's granularity."""
    if unit == "D":
        d = p.start + dt.timedelta(days=n)
    elif unit in ("W", "WE"):
        d = p.start + dt.timedelta(days=7 * n)
    elif unit == "M":
        d = add_months(p.start, n)
    elif unit == "Q":
        d = add_months(p.start, 3 * n)
    elif unit == "H":
        d = add_months(p.start, 6 * n)
    elif unit == "Y":
        d = add_years(p.start, n)
    elif unit == "DE":
        d = add_years(p.start, 10 * n)
    elif unit == "CE":
        d = add_years(p.start, 100 * n)
    else:
        raise ValueError(unit)
    if p.granularity == "week" and p.value.endswith("-WE"):
        return weekend_of(d)
    if p.granularity == "season":
        return season(d.year, p.value[-2:])
    return period_of(d, p.granularity)


UNIT_GRAN = {"D": "day", "W": "week", "WE": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade",
             "CE": "century", "H": "time", "MI": "time", "S": "time"}
