"""`timeline eval tls [ARTICLES GOLD_TIMELINES_DIR]`: Date-F1 of our key dates against journalists' timelines.

As timeline-summarisation research scores date selection (Martschat & Markert's tilse; Tran et al.'s Timeline17):
for each gold timeline, k is its number of dates; the candidate days are those between its first and last date
(inclusive); the top k candidates of a ranking are compared with the timeline's dates (precision, recall, F1 of
the two sets); a topic's figure is the mean over its timelines. Three rankings, measured in the same run:

- ``keydates``: our pipeline's mention table (timeline.extract_many, each article's CSV date as pub_date) ranked by
  timeline.keydates.key_dates (``text_only``: the same without its publication-day weight, the dates the texts
  give alone);
- ``pubdate``: articles counted per publication date (how GDELT-style data dates events);
- ``dateparser``: dates found by ``dateparser.search.search_dates(text, languages=['en'],
  settings={'RELATIVE_BASE': pub datetime})`` counted per day.

Mention tables are cached (see timeline.evaluation.timeline17); the first run over all topics takes tens of minutes.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from timeline.evaluation import timeline17 as t17
from timeline.keydates import key_dates

METHODS = ("keydates", "text_only", "pubdate", "dateparser")


def date_prf(ranked: list[str], gold_dates, first: str | None = None, last: str | None = None) -> tuple[float, float, float]:
    """(precision, recall, F1) of the top-k days of `ranked` (best first) against `gold_dates`, k = len(gold_dates),
    keeping only days within first..last (default: the gold's own first and last date)."""
    gold = set(gold_dates)
    if not gold:
        return 0.0, 0.0, 0.0
    first = first or min(gold)
    last = last or max(gold)
    picked = []
    seen = set()
    for d in ranked:
        if first <= d <= last and d not in seen:
            picked.append(d)
            seen.add(d)
            if len(picked) == len(gold):
                break
    hit = len(seen & gold)
    p = hit / len(picked) if picked else 0.0
    r = hit / len(gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def rank_counts(days) -> list[str]:
    """Days ranked by how often they occur (most first; ties: earlier day first)."""
    s = pd.Series(list(days), dtype="object").value_counts()
    df = pd.DataFrame({"date": s.index.astype(str), "n": s.values}).sort_values(["n", "date"], ascending=[False, True],
                                                                                 kind="mergesort")
    return df["date"].tolist()


def rankings(articles: list[dict], mentions: pd.DataFrame, dateparser_dates: pd.DataFrame) -> dict[str, list[str]]:
    return {
        "keydates": key_dates(mentions)["date"].astype(str).tolist(),
        "text_only": key_dates(mentions, pub_weight=0)["date"].astype(str).tolist(),
        "pubdate": rank_counts(a["pub_date"] for a in articles),
        "dateparser": rank_counts(dateparser_dates["date"]) if len(dateparser_dates) else [],
    }


def score_topic(ranked: dict[str, list[str]], timelines: dict[str, dict]) -> dict[str, float]:
    """Mean Date-F1 per method over the topic's timelines ({name: {date: sentences}})."""
    out = {}
    for m, days in ranked.items():
        fs = [date_prf(days, tl.keys())[2] for tl in timelines.values() if tl]
        out[m] = sum(fs) / len(fs) if fs else 0.0
    return out


def run(args) -> int:
    topics = t17.topics_from_args(args)
    cache = Path(args.cache) if args.cache else t17.default_cache_dir()
    rows = []
    for topic in topics:
        articles, mentions, dp, errors = t17.topic_tables(topic, cache, args.limit_articles, args.workers,
                                                          args.refresh, args.quiet)
        timelines = {p.name: t17.read_timeline(p) for p in topic.timelines}
        scores = score_topic(rankings(articles, mentions, dp), timelines)
        rows.append({"topic": topic.name, "articles": len(articles), "skipped": len(errors), "mentions": len(mentions),
                     "timelines": len(timelines), "k": "/".join(str(len(t)) for t in timelines.values()), **scores})
        if not args.quiet:
            print(f"{topic.name}: " + "  ".join(f"{m} {scores[m]:.3f}" for m in METHODS), file=sys.stderr)
    table = pd.DataFrame(rows)
    avg = {"topic": "average", "articles": int(table["articles"].sum()), "skipped": int(table["skipped"].sum()),
           "mentions": int(table["mentions"].sum()), "timelines": int(table["timelines"].sum()), "k": ""}
    avg.update({m: float(table[m].mean()) for m in METHODS})
    table = pd.concat([table, pd.DataFrame([avg])], ignore_index=True)
    print("Date-F1 of the top-k dates (k = the timeline's number of dates, days within its first..last date), "
          "mean over each topic's timelines")
    fmt = {m: "{:.3f}".format for m in METHODS}
    print(table.to_string(index=False, formatters=fmt))
    best = max(METHODS, key=lambda m: avg[m])
    print("average: " + ", ".join(f"{m} {avg[m]:.3f}" for m in METHODS) + f" (best: {best})")
    if args.limit_articles:
        print(f"(a sample: {args.limit_articles} articles per topic)")
    print("reproduce: " + t17.reproduce_command("tls", args))
    return 0


def register(sub):
    p = sub.add_parser("tls", help="Date-F1 of key dates against journalists' timelines (Timeline17), with two baselines",
                       description=__doc__.split("\n\n")[0])
    t17.add_common_arguments(p)
    p.set_defaults(func=run)
