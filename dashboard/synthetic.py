"""Synthetic event tables in the schema, for benchmarks and scale tests (deterministic for a seed).

The shape mimics a news story: a long thin tail of background events over years and a dense burst at
the end; mostly day-precise dates, some months and years, a few vague ones; a skewed actor distribution.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from timeline.schema import validate_events

_STATES = [("Russia", "RUS"), ("Iran", "IRN"), ("United States", "USA"), ("Syria", "SYR"), ("Turkey", "TUR"),
           ("Kazakhstan", "KAZ"), ("Saudi Arabia", "SAU"), ("Israel", "ISR"), ("Iraq", "IRQ"), ("Jordan", "JOR"),
           ("Lebanon", "LBN"), ("Qatar", "QAT"), ("France", "FRA"), ("United Kingdom", "GBR"), ("Germany", "DEU"),
           ("China", "CHN"), ("Egypt", "EGY"), ("Ukraine", "UKR")]
_GROUPS = [("Syrian armed opposition", "opposition", "SYR"), ("Jabhat Fateh al-Sham", "armed_group", ""),
           ("Islamic State", "armed_group", ""), ("Hezbollah", "armed_group", "LBN"),
           ("United Nations", "igo", ""), ("European Union", "igo", ""), ("Free Syrian Army", "armed_group", "SYR")]
_CODES = [("01", "CONSULT", 1, 0.0), ("03", "COOPERATE", 1, 4.0), ("04", "CONSULT", 1, 1.0), ("05", "AGREE", 1, 3.5),
          ("07", "AID", 2, 7.0), ("11", "ACCUSE", 3, -2.0), ("12", "REJECT", 3, -4.0), ("13", "THREATEN", 3, -4.4),
          ("14", "PROTEST", 3, -6.5), ("17", "COERCE", 4, -7.0), ("18", "ASSAULT", 4, -9.0), ("19", "ASSAULT", 4, -10.0)]
_SOURCES = ["Example Wire", "Other Agency", "Third Press", "Daily Example", "Radio Sample", "Net News"]


def synthetic_events(n: int = 100_000, seed: int = 0, start: str = "2011-03-01", end: str = "2017-02-01") -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    actors = [(name, "state", code) for name, code in _STATES] + list(_GROUPS)
    weights = 1.0 / np.arange(1, len(actors) + 1) ** 1.1
    weights /= weights.sum()
    t0, t1 = pd.Timestamp(start), pd.Timestamp(end)
    span_days = (t1 - t0).days
    burst = rng.random(n) < 0.6  # most events in the last month
    day = np.where(burst, span_days - 1 - rng.integers(0, 30, n), rng.integers(0, span_days, n))
    days = t0 + pd.to_timedelta(day, unit="D")
    gran = rng.choice(["day", "month", "year", "vague"], size=n, p=[0.78, 0.14, 0.05, 0.03])
    a1 = rng.choice(len(actors), size=n, p=weights)
    a2 = rng.choice(len(actors) + 1, size=n, p=np.append(weights * 0.8, 0.2))
    code = rng.integers(0, len(_CODES), n)
    src = rng.integers(0, len(_SOURCES), n)
    modality = rng.choice(["asserted", "reported", "planned", "negated"], size=n, p=[0.6, 0.3, 0.08, 0.02])
    month_start = days.to_period("M").start_time
    year_start = days.to_period("Y").start_time
    ds = np.where(gran == "day", days.strftime("%Y-%m-%d"),
                  np.where(gran == "month", month_start.strftime("%Y-%m-%d"),
                           np.where(gran == "year", year_start.strftime("%Y-%m-%d"), "")))
    de = np.where(gran == "day", (days + pd.Timedelta(days=1)).strftime("%Y-%m-%d"),
                  np.where(gran == "month", (month_start + pd.offsets.MonthBegin(1)).strftime("%Y-%m-%d"),
                           np.where(gran == "year", (year_start + pd.offsets.YearBegin(1)).strftime("%Y-%m-%d"), "")))
    dv = np.where(gran == "day", days.strftime("%Y-%m-%d"),
                  np.where(gran == "month", days.strftime("%Y-%m"),
                           np.where(gran == "year", days.strftime("%Y"), "PAST_REF")))
    pub = (days + pd.to_timedelta(rng.integers(0, 4, n), unit="D")).strftime("%Y-%m-%d")
    name1 = np.array([actors[i][0] for i in range(len(actors))], dtype=object)
    type1 = np.array([actors[i][1] for i in range(len(actors))], dtype=object)
    ctry1 = np.array([actors[i][2] for i in range(len(actors))], dtype=object)
    name2 = np.append(name1, ""); type2 = np.append(type1, ""); ctry2 = np.append(ctry1, "")  # noqa: E702
    codes = np.array([c[0] for c in _CODES], dtype=object)
    plover = np.array([c[1] for c in _CODES], dtype=object)
    preds = np.array(["said", "agreed", "met", "signed", "sent aid", "accused", "rejected", "threatened",
                      "protested", "blockaded", "attacked", "shelled"], dtype=object)
    summary = [f"{x} {p} {y}".strip() for x, p, y in zip(name1[a1], preds[code], name2[a2])]
    df = pd.DataFrame({
        "event_id": [f"s{seed}-{i:07d}" for i in range(n)],
        "doc_id": [f"doc{seed}-{i // 8:06d}" for i in range(n)],
        "pub_date": pub, "date_value": dv, "date_start": ds, "date_end": de, "granularity": gran,
        "date_text": np.where(gran == "vague", "recently", ""), "date_rule": "synthetic",
        "date_anchor": "document time",
        "actor1": name1[a1], "actor1_type": type1[a1], "actor1_country": ctry1[a1],
        "actor2": name2[a2], "actor2_type": type2[a2], "actor2_country": ctry2[a2],
        "predicate": preds[code], "cameo_code": codes[code], "event_type": plover[code],
        "quad_class": [ _CODES[c][2] for c in code], "goldstein": [_CODES[c][3] for c in code],
        "location": "", "modality": modality, "attributed_to": "", "summary": summary,
        "sentence": [s + "." for s in summary], "sent_start": 0, "sent_end": [len(s) + 1 for s in summary],
        "source": np.array(_SOURCES, dtype=object)[src],
        "dct": pub, "dct_source": "metadata", "date_char_start": pd.NA, "date_char_end": pd.NA,
    })
    for c in ("date_char_start", "date_char_end"):
        df[c] = df[c].astype("Int64")
    return validate_events(df)
