"""Pure functions of dashboard.data: filtering, options, URL state, lanes, windows, highlights, exports."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard import data as D
from timeline.schema import EVENT_COLUMNS

FIXTURE = Path(__file__).parent / "fixtures" / "astana_events.csv"


@pytest.fixture(scope="module")
def events():
    return D.prepare_events(pd.read_csv(FIXTURE, dtype=str, keep_default_na=False))


def ids(df):
    return sorted(df["event_id"])


def test_fixture_is_in_the_schema(events):
    assert list(events.columns[: len(EVENT_COLUMNS)]) == EVENT_COLUMNS
    assert len(events) == 10
    assert set(events["granularity"]) == {"month", "year", "day", "vague"}


def test_prepare_places_vague_events_on_their_publication_day(events):
    row = events[events["event_id"] == "e09"].iloc[0]
    assert row["_start"] == pd.Timestamp("2017-01-19") and row["_end"] == pd.Timestamp("2017-01-20")
    month = events[events["event_id"] == "e03"].iloc[0]
    assert (month["_start"], month["_end"]) == (pd.Timestamp("2016-12-01"), pd.Timestamp("2017-01-01"))


def test_vague_event_without_publication_date_is_placed_on_the_document_time():
    raw = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    raw.loc[raw["event_id"] == "e09", "pub_date"] = ""
    raw.loc[raw["event_id"] == "e09", "dct"] = "2017-01-18"
    df = D.prepare_events(raw)
    assert (df.loc[df["event_id"] == "e09", "_start"] == pd.Timestamp("2017-01-18")).all()
    raw.loc[raw["event_id"] == "e09", "dct"] = ""
    df = D.prepare_events(raw)
    assert pd.isna(df.loc[df["event_id"] == "e09", "_start"]).all()


@pytest.mark.parametrize("state, expected", [
    (D.FilterState(), ["e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09", "e10"]),
    # an actor matches actor1 or actor2, by name (any case) or country code
    (D.FilterState(actors=("Iran",)), ["e03", "e07"]),
    (D.FilterState(actors=("iran",)), ["e03", "e07"]),
    (D.FilterState(actors=("IRN",)), ["e03", "e07"]),
    (D.FilterState(actors=("United States",)), ["e05", "e06", "e07"]),
    (D.FilterState(actors=("Iran", "Jabhat Fateh al-Sham")), ["e03", "e07", "e10"]),
    (D.FilterState(actors=("SYR",)), ["e01", "e04", "e08", "e09", "e10"]),
    (D.FilterState(actors=("Nobody",)), []),
    # CAMEO root or PLOVER type
    (D.FilterState(types=("04",)), ["e05", "e06", "e08"]),
    (D.FilterState(types=("CONSULT",)), ["e02", "e05", "e06", "e08", "e09"]),
    (D.FilterState(types=("consult", "19")), ["e02", "e05", "e06", "e08", "e09", "e10"]),
    (D.FilterState(precisions=("month", "year")), ["e01", "e02", "e03"]),
    (D.FilterState(modalities=("planned",)), ["e08"]),
    (D.FilterState(sources=("Other Agency",)), ["e10"]),
    # free text: every word, any case, in summary / sentence / actors / ...
    (D.FilterState(text="truce"), ["e04"]),
    (D.FilterState(text="ASTANA talks"), ["e06", "e08", "e09"]),  # location counts too
    (D.FilterState(text="Lavrov"), ["e02", "e05", "e06"]),
    # date range: overlap of [date_start, date_end) with [from, to]; `to` is inclusive
    (D.FilterState(date_from="2017-01-19"), ["e06", "e07", "e08", "e09"]),
    (D.FilterState(date_to="2016-12-30"), ["e01", "e02", "e03", "e04"]),
    (D.FilterState(date_from="2016-12-15", date_to="2016-12-31"), ["e02", "e03", "e04"]),
    (D.FilterState(date_from="2016", date_to="2016"), ["e02", "e03", "e04"]),
    (D.FilterState(date_from="2011-03-31", date_to="2011-03-31"), ["e01"]),
    (D.FilterState(date_from="2011-04", date_to="2015"), []),
    (D.FilterState(actors=("Russia",), date_from="2017"), ["e05", "e06"]),
])
def test_filter_events(events, state, expected):
    assert ids(D.filter_events(events, state)) == expected


def test_filter_keeps_columns_and_does_not_touch_the_input(events):
    before = events.copy()
    out = D.filter_events(events, D.FilterState(actors=("Iran",)))
    assert list(out.columns) == list(events.columns)
    pd.testing.assert_frame_equal(events, before)


def test_actor_options_count_each_event_once(events):
    opts = {o["value"]: o["label"] for o in D.actor_options(events)}
    assert opts["Russia"] == "Russia · 5"
    assert opts["Iran"] == "Iran · 2"
    assert opts["United States"] == "United States · 3"
    # country codes are options too; an event with SYR on both sides counts once
    assert opts["SYR"].startswith("SYR") and opts["SYR"].endswith("· 5")
    values = [o["value"] for o in D.actor_options(events)]
    assert values.index("Russia") < values.index("Iran")  # most events first
    assert "" not in values


def test_type_precision_modality_source_options(events):
    types = {o["value"]: o["label"] for o in D.type_options(events)}
    assert types["04"] == "CAMEO 04 Consult · 3" and types["CONSULT"] == "PLOVER CONSULT · 5"
    assert [o["value"] for o in D.precision_options(events)] == ["day", "month", "year", "vague"]
    assert {o["value"] for o in D.modality_options(events)} == {"asserted", "reported", "planned"}
    assert [o["value"] for o in D.source_options(events)] == ["Example Wire", "Other Agency"]


# ----------------------------------------------------------------- URL state

@pytest.mark.parametrize("query, state", [
    ("", D.FilterState()),
    ("?", D.FilterState()),
    ("?actor=Iran", D.FilterState(actors=("Iran",))),
    ("?actor=Iran&actor=Russia&type=04&from=2016-12&to=2017-01-31",
     D.FilterState(actors=("Iran", "Russia"), types=("04",), date_from="2016-12", date_to="2017-01-31")),
    ("actor=United+States&q=truce+talks&lanes=type",
     D.FilterState(actors=("United States",), text="truce talks", lanes="type")),
    ("?actor=Jabhat%20Fateh%20al-Sham&precision=day&modality=planned&source=Other+Agency",
     D.FilterState(actors=("Jabhat Fateh al-Sham",), precisions=("day",), modalities=("planned",),
                   sources=("Other Agency",))),
    ("?actor=Iran&actor=Iran&actor=", D.FilterState(actors=("Iran",))),
])
def test_parse_query(query, state):
    parsed, notices = D.parse_query(query)
    assert parsed == state and notices == []


@pytest.mark.parametrize("query", [
    "?from=2017-13-01", "?to=yesterday", "?from=2017-02-30", "?from=2017-02&to=2016", "?lanes=colour",
    "?precision=fortnight", "?actor=Iran&from=1/19/2017", "?actor=" + "x" * 300, "?from=2016&from=2017",
    "?actor=Iran&%zz", "?a=1&&&=", "?actor=Iran;Russia&from=20-1",
])
def test_malformed_query_gives_unfiltered_state_and_a_notice(query):
    state, notices = D.parse_query(query)
    assert state == D.FilterState()
    assert len(notices) == 1 and "showing all events" in notices[0]


def test_unknown_parameter_is_ignored_with_a_notice():
    state, notices = D.parse_query("?actor=Iran&utm_source=mail")
    assert state == D.FilterState(actors=("Iran",))
    assert notices and "utm_source" in notices[0]


@pytest.mark.parametrize("state", [
    D.FilterState(),
    D.FilterState(actors=("Iran", "Russia"), types=("04", "CONSULT"), date_from="2016-12", date_to="2017-01-31"),
    D.FilterState(actors=("Syrian armed opposition",), text="a & b = c?", lanes="source",
                  precisions=("month", "year"), modalities=("planned",), sources=("Example Wire",)),
])
def test_query_round_trip(state):
    q = D.state_to_query(state)
    assert D.parse_query(q) == (state, [])


def test_state_to_query_shape():
    assert D.state_to_query(D.FilterState()) == ""
    assert D.state_to_query(D.FilterState(actors=("Iran", "Russia"), date_from="2016")) == \
        "?actor=Iran&actor=Russia&from=2016"


def test_state_dict_round_trip():
    s = D.FilterState(actors=("Iran",), types=("04",), text="talks", lanes="type")
    assert D.FilterState.from_dict(s.to_dict()) == s
    assert D.FilterState.from_dict(None) == D.FilterState()
    assert D.FilterState.from_dict({"lanes": "bogus"}).lanes == "actor"


# ----------------------------------------------------------------- lanes and windows

def test_lanes_by_actor_type_source(events):
    keys, order = D.assign_lanes(events, "actor")
    assert order[0] == "Russia" and keys[events["event_id"] == "e07"].iloc[0] == "Iran"
    keys, order = D.assign_lanes(events, "type")
    assert order[0] == "CONSULT"
    keys, order = D.assign_lanes(events, "source")
    assert order == ["Example Wire", "Other Agency"]


def test_lane_follows_the_filtered_actor(events):
    iran = D.filter_events(events, D.FilterState(actors=("Iran",)))
    keys, order = D.assign_lanes(iran, "actor", focus_actors=("Iran",))
    assert order == ["Iran"]  # e03 has Russia as actor1 but is shown in Iran's lane


def test_too_many_lanes_merge_into_other(events):
    keys, order = D.assign_lanes(events, "actor", max_lanes=3)
    assert len(order) == 3 and order[-1] == D.OTHER_LANE
    assert keys.isin(order).all()


def test_dense_window_opens_on_the_busy_weeks(events):
    lo, hi = D.dense_window(events)
    # the days from the truce (2016-12-30) to the talks (2017-01-23), not 2011..2017
    assert pd.Timestamp("2016-12-15") < lo <= pd.Timestamp("2016-12-30")
    assert pd.Timestamp("2017-01-24") <= hi < pd.Timestamp("2017-02-10")


def test_dense_window_is_whole_span_when_events_are_even():
    rows = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False).head(1)
    days = pd.date_range("2016-01-01", periods=12, freq="MS")
    raw = pd.concat([rows] * 12, ignore_index=True)
    raw["event_id"] = [f"x{i}" for i in range(12)]
    raw["granularity"] = "day"
    raw["date_start"] = [d.strftime("%Y-%m-%d") for d in days]
    raw["date_end"] = [(d + pd.Timedelta(days=1)).strftime("%Y-%m-%d") for d in days]
    lo, hi = D.dense_window(D.prepare_events(raw))
    assert lo <= pd.Timestamp("2016-01-01") and hi >= pd.Timestamp("2016-12-02")


def test_dense_window_of_nothing_is_none(events):
    assert D.dense_window(events.iloc[:0]) is None


def test_key_date_marks():
    kd = pd.DataFrame({"date": ["2017-01-23", "2016-12-30", "not a date", "2017-01"], "score": [5, 9, 7, 1],
                       "label": ["talks", "truce", "x", "month"]})
    marks = D.key_date_marks(kd, limit=3)
    assert [m["date"] for m in marks] == ["2016-12-30", "2017-01-23"]
    assert marks[0]["start"] == pd.Timestamp("2016-12-30") and marks[0]["label"] == "truce"
    assert D.key_date_marks(None) == [] and D.key_date_marks(pd.DataFrame({"day": [1]})) == []


@pytest.mark.parametrize("args, text", [
    (("2017-01-19", "day", "2017-01-19", "2017-01-20"), "19 Jan 2017"),
    (("2016-12", "month", "2016-12-01", "2017-01-01"), "Dec 2016"),
    (("2016", "year", "2016-01-01", "2017-01-01"), "2016"),
    (("2016-W52", "week", "2016-12-26", "2017-01-02"), "2016-W52 (26 Dec 2016 – 1 Jan 2017)"),
    (("PAST_REF", "vague", "", "", "2017-01-19"), "PAST_REF: some time before the article's date (19 Jan 2017)"),
    (("PAST_REF", "vague", "", "", ""), "PAST_REF (vague; no date)"),
])
def test_human_date_always_says_the_year(args, text):
    assert D.human_date(*args) == text


# ----------------------------------------------------------------- detail panel

def test_highlight_spans_cut_the_sentence():
    s = "Russia invited Iran on Thursday."
    pieces = D.highlight_spans(s, [(23, 31, "time"), (0, 6, "actor"), (15, 19, "actor"), (2, 4, "actor")])
    assert pieces == [("Russia", "actor"), (" invited ", None), ("Iran", "actor"), (" on ", None),
                      ("Thursday", "time"), (".", None)]
    assert "".join(t for t, _ in pieces) == s
    assert D.highlight_spans("abc", []) == [("abc", None)]


def test_event_marks_find_time_and_actors(events):
    row = events[events["event_id"] == "e08"].iloc[0].to_dict()
    marks = D.event_marks(row)
    s = row["sentence"]
    assert ("Monday, January 23", "time") in [(s[a:b], k) for a, b, k in marks]


def test_event_marks_prefer_offsets():
    row = {"sentence": "On Monday Iran said no.", "sent_start": 100, "date_text": "Monday",
           "date_char_start": 103, "date_char_end": 109, "actor1": "Iran", "actor2": ""}
    marks = D.event_marks(row)
    assert (3, 9, "time") in marks and (10, 14, "actor") in marks


# ----------------------------------------------------------------- exports

def test_csv_export_neutralises_formulas(events):
    df = events.copy()
    df.loc[df["event_id"] == "e01", "summary"] = "=HYPERLINK(\"http://x\")"
    df.loc[df["event_id"] == "e02", "summary"] = "+1"
    df.loc[df["event_id"] == "e03", "summary"] = "@SUM(A1)"
    df.loc[df["event_id"] == "e04", "summary"] = "-2"
    text = D.events_to_csv(df)
    rows = list(csv.DictReader(io.StringIO(text)))
    got = {r["event_id"]: r["summary"] for r in rows}
    assert got["e01"] == "'=HYPERLINK(\"http://x\")" and got["e02"] == "'+1"
    assert got["e03"] == "'@SUM(A1)" and got["e04"] == "'-2"
    assert list(rows[0])[: len(EVENT_COLUMNS)] == EVENT_COLUMNS
    assert not [c for c in rows[0] if c.startswith("_")]  # no derived columns
    assert {r["goldstein"] for r in rows} >= {"-6.5"}  # numbers are left alone


def test_timelinejs_export_keeps_precision_and_escapes(events):
    df = events.copy()
    df.loc[df["event_id"] == "e06", "summary"] = "<script>alert(1)</script>"
    tl = D.events_to_timelinejs(df)
    by_id = {e["unique_id"]: e for e in tl["events"]}
    assert "e09" not in by_id  # vague: no start date
    assert by_id["e02"]["start_date"] == {"year": 2016} and by_id["e02"]["end_date"] == {"year": 2016}
    assert by_id["e03"]["start_date"] == {"year": 2016, "month": 12}
    assert by_id["e04"]["start_date"] == {"year": 2016, "month": 12, "day": 30} and "end_date" not in by_id["e04"]
    assert "<script>" not in json.dumps(tl) and "&lt;script&gt;" in by_id["e06"]["text"]["headline"]
    assert by_id["e07"]["group"] == "Iran"


def test_table_rows_in_date_order_with_resolved_dates(events):
    rows = D.table_rows(events, limit=4)
    assert [r["event_id"] for r in rows] == ["e01", "e02", "e03", "e04"]
    assert rows[0]["resolved"] == "Mar 2011"
    assert D.table_rows(events)[-1]["event_id"] == "e08"


def test_few_events_open_on_all_of_them_at_least_ten_days_wide(events):
    iran = D.filter_events(events, D.FilterState(actors=("Iran",)))  # Dec 2016 (month) and 19 Jan 2017
    lo, hi = D.dense_window(iran)
    assert lo < pd.Timestamp("2016-12-01") and hi > pd.Timestamp("2017-01-20")
    one = D.filter_events(events, D.FilterState(modalities=("planned",)))
    lo, hi = D.dense_window(one)
    assert hi - lo >= pd.Timedelta(days=10) and lo < pd.Timestamp("2017-01-23") < hi


def test_actor_highlight_is_a_whole_word():
    row = {"sentence": "The Syrian talks: Syria agreed.", "actor1": "Syria", "date_text": ""}
    s = row["sentence"]
    assert [(s[a:b], k) for a, b, k in D.event_marks(row)] == [("Syria", "actor")]
    assert D.event_marks(row)[0][0] == s.index("Syria agreed")


def test_three_day_events_beside_long_spans_open_on_the_days(events):
    russia = D.filter_events(events, D.FilterState(actors=("Russia",)))  # 2016, Dec 2016, 30 Dec, 18 and 19 Jan
    lo, hi = D.dense_window(russia)
    assert pd.Timestamp("2016-12-15") < lo <= pd.Timestamp("2016-12-30")
    assert pd.Timestamp("2017-01-20") <= hi < pd.Timestamp("2017-02-01")


def test_table_rows_match_a_full_sort_even_with_ties_at_the_cut():
    from dashboard.synthetic import synthetic_events

    df = D.prepare_events(synthetic_events(3000, seed=7))
    full = df.sort_values(["_start", "event_id"], kind="stable", na_position="last")
    for limit in (1, 37, 500, 2999, 5000):
        assert [r["event_id"] for r in D.table_rows(df, limit)] == list(full["event_id"][:limit])
