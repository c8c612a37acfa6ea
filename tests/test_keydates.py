"""timeline.keydates: days ranked by how strongly the mentions point to them."""
from __future__ import annotations

import pandas as pd
import pytest

from timeline.keydates import key_dates, mention_days


def m(doc, start, end, gran, rule="date_weekday"):
    return {"doc_id": doc, "date_start": start, "date_end": end, "granularity": gran, "date_rule": rule}


def kd(rows, **kw):
    return key_dates(pd.DataFrame(rows), **kw)


def test_columns_and_order():
    out = kd([m("a", "2011-02-11", "2011-02-12", "day"), m("b", "2011-02-11", "2011-02-12", "day"),
              m("c", "2011-01-25", "2011-01-26", "day")])
    assert list(out.columns) == ["date", "score", "n_mentions", "n_sources"]
    assert out["date"].tolist() == ["2011-02-11", "2011-01-25"]
    assert out.iloc[0][["score", "n_mentions", "n_sources"]].tolist() == [2.0, 2, 2]


def test_distinct_sources_count_more_than_repeats():
    three_docs = [m(d, "2011-02-01", "2011-02-02", "day") for d in "abc"]
    one_doc_thrice = [m("z", "2011-02-02", "2011-02-03", "day")] * 3
    out = kd(three_docs + one_doc_thrice)
    assert out["date"].tolist() == ["2011-02-01", "2011-02-02"]
    assert out.iloc[1]["score"] == pytest.approx(1.4)       # 1 + 0.2 * 2
    assert out.iloc[1]["n_mentions"] == 3 and out.iloc[1]["n_sources"] == 1


@pytest.mark.parametrize("start, end, gran, day, weight", [
    ("2011-02-01", "2011-02-02", "day", "2011-02-01", 1.0),
    ("2011-02-01", "2011-02-02", "time", "2011-02-01", 1.0),
    ("2011-01-31", "2011-02-07", "week", "2011-02-03", 0.3 / 7),
    ("2011-02-01", "2011-03-01", "month", "2011-02-15", 0.1 / 28),
])
def test_weight_by_precision(start, end, gran, day, weight):
    days = mention_days(pd.DataFrame([m("a", start, end, gran)]))
    assert days.loc[days["date"] == day, "weight"].iloc[0] == pytest.approx(weight)
    assert days["weight"].sum() == pytest.approx(weight * len(days))


@pytest.mark.parametrize("start, end, gran", [
    ("2011-01-01", "2012-01-01", "year"), ("", "", "vague"), ("2011-01-01", "2011-04-01", "quarter"),
    ("garbage", "", "day"),
])
def test_no_weight_for_coarse_or_vague(start, end, gran):
    assert len(kd([m("a", start, end, gran)])) == 0


def test_document_time_adds_nothing_beyond_the_publication_day():
    out = kd([m("a", "2011-02-01", "2011-02-02", "day", "document_time:present_tense"),
              m("b", "2011-02-02", "2011-02-03", "day", "date_month_day")])
    assert out["date"].tolist() == ["2011-02-02"]


def test_range_and_k():
    rows = [m("a", f"2011-02-{d:02d}", f"2011-02-{d + 1:02d}", "day") for d in range(1, 10)]
    out = kd(rows, k=3, start="2011-02-04", end="2011-02-08")
    assert out["date"].tolist() == ["2011-02-04", "2011-02-05", "2011-02-06"]   # ties: earlier first


def test_empty():
    out = kd([])
    assert list(out.columns) == ["date", "score", "n_mentions", "n_sources"] and len(out) == 0


def test_publication_day_counts_once_per_document():
    rows = [dict(m("a", "", "", "vague", "tense:past"), pub_date="2011-02-05"),
            dict(m("a", "2011-02-05", "2011-02-06", "day", "document_time:present_tense"), pub_date="2011-02-05"),
            dict(m("b", "2011-02-01", "2011-02-02", "day"), pub_date="2011-02-05")]
    out = kd(rows)
    assert out["date"].tolist() == ["2011-02-01", "2011-02-05"]
    assert out.iloc[1][["score", "n_mentions", "n_sources"]].tolist() == [1.0, 0, 0]   # two documents, 0.5 each
    assert kd(rows, pub_weight=0)["date"].tolist() == ["2011-02-01"]
