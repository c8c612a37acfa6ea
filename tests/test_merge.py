"""timeline.merge: mentions of the same real event across articles become one event; different events stay apart."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from timeline.merge import EVENTS_COLUMNS, explain, merge_events, with_mention_ids
from timeline.schema import EVENT_COLUMNS, EVENT_SCHEMA, validate_events

FIXTURE = Path(__file__).parent / "fixtures" / "merge" / "four_agencies.jsonl"

INTERVALS = {"2019-03-12": ("2019-03-12", "2019-03-13", "day"), "2019-03-13": ("2019-03-13", "2019-03-14", "day"),
             "2019-03": ("2019-03-01", "2019-04-01", "month"), "2019-W11": ("2019-03-11", "2019-03-18", "week"),
             "2019": ("2019-01-01", "2020-01-01", "year"), "PAST_REF": ("", "", "vague")}


def row(mid, doc, date="2019-03-12", a1="Sergey Lavrov", c1="RUS", a2="Mohammad Javad Zarif", c2="IRN",
        pred="met", code="040", quad=1, summary=None, sentence=None, source=None, pub="2019-03-13"):
    start, end, gran = INTERVALS[date]
    r = {c: ("" if EVENT_SCHEMA[c][0] == "string" else None) for c in EVENT_COLUMNS}
    r.update(event_id=mid, doc_id=doc, pub_date=pub, date_value=date, date_start=start, date_end=end, granularity=gran,
             actor1=a1, actor1_country=c1, actor2=a2, actor2_country=c2, predicate=pred, cameo_code=code,
             quad_class=quad, goldstein=1.0, summary=summary or f"{a1} {pred} {a2} — consult, in Moscow",
             sentence=sentence or f"{a1} {pred} {a2} in Moscow.", sent_start=0, sent_end=40,
             source=source if source is not None else f"src-{doc}")
    return r


def table(rows):
    return validate_events(pd.DataFrame(rows))


def test_same_meeting_four_sources_one_event():
    ms = table([
        row("m1", "d1", sentence="Lavrov met Zarif in Moscow on Tuesday to discuss Syria."),
        row("m2", "d2", a1="Russia", c1="RUS", pred="held", code="046",
            sentence="Russia held talks with Zarif in Moscow on Tuesday."),
        row("m3", "d3", a1="Mohammad Javad Zarif", c1="IRN", a2="Sergey Lavrov", c2="RUS",
            sentence="Zarif met his Russian counterpart Lavrov on Tuesday in Moscow."),
        row("m4", "d4", date="2019-03", a1="Iran", c1="IRN", a2="", c2="",
            sentence="Zarif and Lavrov met in Moscow this month."),
    ])
    ev = merge_events(ms)
    assert list(ev.columns) == EVENTS_COLUMNS
    assert len(ev) == 1
    e = ev.iloc[0]
    assert e["n_mentions"] == 4 and e["n_sources"] == 4
    assert e["date_value"] == "2019-03-12" and e["granularity"] == "day"   # the most precise mention's date
    assert e["doc_ids"] == "d1|d2|d3|d4"
    assert "same day 2019-03-12" in e["merge_reason"] and "inside month" in e["merge_reason"]
    reason, its = explain(e["event_id"], ev, ms)
    assert reason == e["merge_reason"] and sorted(its["mention_id"]) == ["m1", "m2", "m3", "m4"]


def test_different_days_stay_apart():
    ev = merge_events(table([row("m1", "d1"), row("m2", "d2", date="2019-03-13")]))
    assert len(ev) == 2 and set(ev["n_mentions"]) == {1}
    assert set(ev["merge_reason"]) == {"single mention"}


def test_a_month_does_not_chain_two_days():
    ms = table([row("m1", "d1"), row("m2", "d2", date="2019-03-13"), row("m3", "d3", date="2019-03")])
    ev = merge_events(ms)
    assert len(ev) == 2
    assert sorted(ev["n_mentions"]) == [1, 2]


@pytest.mark.parametrize("change, merged", [
    ({}, True),
    ({"a1": "Recep Tayyip Erdogan", "c1": "TUR"}, False),                   # another actor
    ({"a1": "Russia", "c1": "RUS"}, True),                                  # same country code
    ({"a1": "", "c1": "", "a2": "", "c2": ""}, False),                      # no actor at all
    ({"code": "190", "quad": 4, "pred": "attacked"}, False),               # another kind of event
    ({"code": "036", "quad": 1, "pred": "met"}, True),                      # same QuadClass, same predicate
    ({"code": "111", "quad": 3, "pred": "met"}, False),                     # another QuadClass
    ({"date": "2019-W11"}, True),                                           # the day is inside that week
    ({"date": "2019", "sentence": "Lavrov met Zarif in Moscow in 2019."}, False),   # a year is too coarse
    ({"date": "PAST_REF", "sentence": "Lavrov has met Zarif in Moscow."}, False),  # vague, another sentence
    ({"date": "PAST_REF"}, True),                                           # vague, the same sentence
    ({"sentence": "Completely unrelated words about rainfall totals.",
      "summary": "x"}, False),                                              # wording too far apart
])
def test_pair_rules(change, merged):
    base = row("m1", "d1", sentence="Lavrov met Zarif in Moscow.")
    kw = {"sentence": "Lavrov met Zarif in Moscow.", **change}
    other = row("m2", "d2", **kw)
    ev = merge_events(table([base, other]))
    assert (len(ev) == 1) is merged, ev["merge_reason"].tolist()


def test_vague_dates_merge_only_exact_duplicate_sentences():
    s = "Lavrov met Zarif in Moscow, the ministry said."
    ev = merge_events(table([row("m1", "d1", date="PAST_REF", sentence=s), row("m2", "d2", date="PAST_REF", sentence=s)]))
    assert len(ev) == 1 and "same sentence" in ev.iloc[0]["merge_reason"]


def test_same_document_is_not_merged_with_itself():
    assert len(merge_events(table([row("m1", "d1"), row("m2", "d1")]))) == 2


def test_deterministic_whatever_the_order():
    rows = [row(f"m{i}", f"d{i % 5}", date=["2019-03-12", "2019-03-13", "2019-03"][i % 3]) for i in range(12)]
    a = merge_events(table(rows))
    b = merge_events(table(list(reversed(rows))))
    pd.testing.assert_frame_equal(a, b)


def test_n_sources_counts_agencies_not_documents():
    ev = merge_events(table([row("m1", "d1", source="Reuters"), row("m2", "d2", source="Reuters"),
                             row("m3", "d3", source="")]))
    assert len(ev) == 1
    assert ev.iloc[0]["n_sources"] == 2        # Reuters, and d3 which names no source
    assert ev.iloc[0]["sources"] == "Reuters"


def test_event_id_is_hash_of_earliest_mention():
    a = merge_events(table([row("m1", "d1", pub="2019-03-14"), row("m2", "d2", pub="2019-03-12")]))
    b = merge_events(table([row("m2", "d2", pub="2019-03-12")]))
    assert a.iloc[0]["event_id"] == b.iloc[0]["event_id"]
    assert a.iloc[0]["first_reported"] == "2019-03-12"


def test_mention_ids_unique():
    ms = table([row("x", "d1"), row("x", "d1"), row("", "d2")])
    ids = with_mention_ids(ms)["mention_id"]
    assert ids.is_unique and ids.str.len().min() > 0


def test_empty():
    from timeline.schema import empty_events

    assert list(merge_events(empty_events()).columns) == EVENTS_COLUMNS
    assert len(merge_events(empty_events())) == 0


def test_four_agencies_through_the_pipeline():
    """Four invented agency reports of one meeting (different wording, same day, same actors) and one report of a
    later meeting: two events, the first with n_sources 4."""
    import timeline

    items = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    mentions = timeline.extract_many(items)
    ev = merge_events(mentions)
    meetings = ev[ev["cameo_code"].str.startswith("04") & ev["date_value"].isin(["2019-03-12", "2019-04-03"])]
    march = meetings[meetings["date_value"] == "2019-03-12"]
    assert len(march) == 1, march[["summary", "doc_ids"]]
    assert march.iloc[0]["n_sources"] == 4
    assert march.iloc[0]["doc_ids"] == "agency-a|agency-b|agency-c|agency-d"
    april = meetings[meetings["date_value"] == "2019-04-03"]
    assert len(april) == 1 and april.iloc[0]["n_sources"] == 1
