"""The time-expression record every later step relies on.

A `Timex` carries the TIMEX3 `type` and `value`, the granularity the value has, the
interval `[start, end)` it denotes (dates only, ISO strings, end exclusive), the rule that
recognised it and the anchor it was resolved against. Offsets are character offsets into
the original text, 0-based, end exclusive.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
GRANULARITIES = ("time", "day", "week", "month", "quarter", "half", "season", "year", "decade", "century",
                 "vague", "duration", "set")


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    granularity: str
    rule: str
    anchor: str = ""           # what the value was resolved against, e.g. "dct:2017-01-19" or "narrative:2016-12-30@1636"
    interval_start: str = ""   # ISO date, inclusive ("" when not a calendar span)
    interval_end: str = ""     # ISO date, exclusive
    mod: str = ""              # TIMEX3 mod: APPROX, START, END, MID, BEFORE, AFTER, ...
    quant: str = ""            # SET: EACH, EVERY, ...
    freq: str = ""             # SET: 1X, 2X, ...
    resolved: bool = True      # False when a relative value could not be anchored (e.g. no document time)
    tid: str = ""
    extra: dict = field(default_factory=dict)

    def to_row(self) -> dict:
        row = asdict(self)
        row.pop("extra")
        return row


TSV_COLUMNS = ["start", "end", "text", "type", "value", "granularity", "rule", "anchor",
               "interval_start", "interval_end", "mod"]
