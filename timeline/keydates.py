"""Key dates: rank the days a corpus points to most strongly.

    from timeline.keydates import key_dates
    key_dates(mentions)            # DataFrame(date, score, n_mentions, n_sources), best first

Each mention (a row of the event table) gives weight to the days of its date interval `[date_start, date_end)`
by its precision: a day (or a time of day) 1.0 on that day; a week 0.3 and a month 0.1, spread evenly over its
days; coarser or vague dates nothing (a year says nothing about a day). A mention dated only by its article's
publication date (`date_rule` starting with ``document_time``: a present-tense statement) counts nothing: the text
does not point to a day there. Instead each document (a distinct `doc_id` with a `pub_date`) gives `PUB_WEIGHT`
(0.5) to its publication day, once, however many statements it has: how much is published on a day is the corpus
pointing to it too, but less than a day the text names.

Distinct sources count more than repeated mentions: within one document, the day gets its strongest mention's
weight plus `REPEAT` (0.2) times the weight of the others; the day's score is the sum over documents. Ties are
broken by the number of sources, then the earlier date, so the ranking is deterministic.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

GRANULARITY_WEIGHT = {"time": 1.0, "day": 1.0, "week": 0.3, "month": 0.1, "quarter": 0.0, "year": 0.0,
                      "decade": 0.0, "century": 0.0, "vague": 0.0, "": 0.0}
RULE_WEIGHT = {"document_time": 0.0}
PUB_WEIGHT = 0.5
REPEAT = 0.2
MAX_SPREAD_DAYS = 31
COLUMNS = ["date", "score", "n_mentions", "n_sources"]


def _day(s) -> dt.date | None:
    if not isinstance(s, str) or len(s) < 10:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def mention_days(mentions: pd.DataFrame, pub_weight: float = PUB_WEIGHT) -> pd.DataFrame:
    """One row per (mention, day it weighs on): doc_id, date (ISO), weight, mention=1; then one row per document
    for its publication day (weight `pub_weight`, mention=0; none when 0)."""
    rows = []
    if mentions is None or not len(mentions):
        return pd.DataFrame(columns=["doc_id", "date", "weight", "mention"])
    rules = mentions["date_rule"] if "date_rule" in mentions.columns else pd.Series([""] * len(mentions))
    for doc, start, end, gran, rule in zip(mentions["doc_id"], mentions["date_start"], mentions["date_end"],
                                           mentions["granularity"], rules):
        w = GRANULARITY_WEIGHT.get(gran if isinstance(gran, str) else "", 0.0)
        if w <= 0:
            continue
        rule = rule if isinstance(rule, str) else ""
        w *= RULE_WEIGHT.get(rule.split(":")[0], 1.0)
        if w <= 0:
            continue
        a = _day(start)
        if a is None:
            continue
        b = _day(end)
        n = (b - a).days if b and b > a else 1
        if gran in ("time", "day"):
            n = 1
        if n > MAX_SPREAD_DAYS:
            continue
        for i in range(n):
            rows.append((str(doc), (a + dt.timedelta(days=i)).isoformat(), w / n, 1))
    if pub_weight > 0 and "pub_date" in mentions.columns:
        pubs = {}
        for doc, pub in zip(mentions["doc_id"], mentions["pub_date"]):
            d = _day(pub)
            if d is not None:
                pubs.setdefault(str(doc), d.isoformat())
        rows += [(doc, day, pub_weight, 0) for doc, day in sorted(pubs.items())]
    return pd.DataFrame(rows, columns=["doc_id", "date", "weight", "mention"])


def key_dates(mentions: pd.DataFrame, k: int | None = None, start: str | None = None,
              end: str | None = None, pub_weight: float = PUB_WEIGHT) -> pd.DataFrame:
    """Days ranked by how strongly the mentions point to them: DataFrame(date, score, n_mentions, n_sources).
    `start`/`end` (ISO, inclusive) keep only the days between them; `k` the best k; `pub_weight` 0 ranks by the
    dates the texts give only. `n_mentions` counts the mentions weighing on the day, `n_sources` the documents
    they come from (a day only published on has 0 and 0)."""
    days = mention_days(mentions, pub_weight)
    if start:
        days = days[days["date"] >= start]
    if end:
        days = days[days["date"] <= end]
    if not len(days):
        return pd.DataFrame({"date": pd.Series(dtype="string"), "score": pd.Series(dtype="float64"),
                             "n_mentions": pd.Series(dtype="int64"), "n_sources": pd.Series(dtype="int64")})
    per_doc = days.groupby(["date", "doc_id"], sort=True)["weight"].agg(["max", "sum"]).reset_index()
    per_doc["size"] = days.groupby(["date", "doc_id"], sort=True)["mention"].sum().to_numpy()
    per_doc["contrib"] = per_doc["max"] + REPEAT * (per_doc["sum"] - per_doc["max"])
    per_doc["source"] = (per_doc["size"] > 0).astype("int64")
    out = per_doc.groupby("date", sort=True).agg(score=("contrib", "sum"), n_mentions=("size", "sum"),
                                                 n_sources=("source", "sum")).reset_index()
    out["score"] = out["score"].round(9)
    out = out.sort_values(["score", "n_sources", "date"], ascending=[False, False, True], kind="mergesort")
    if k is not None:
        out = out.head(k)
    out = out.reset_index(drop=True)
    out["date"] = out["date"].astype("string")
    out["n_mentions"] = out["n_mentions"].astype("int64")
    out["n_sources"] = out["n_sources"].astype("int64")
    return out[COLUMNS]
