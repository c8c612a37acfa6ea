"""Pure figure builders of dashboard.figures (and the synthetic generator they are benchmarked with)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import data as D
from dashboard.figures import aggregate_figure, choose_bin, hover_text, overview_figure, timeline_figure
from dashboard.synthetic import synthetic_events

FIXTURE = Path(__file__).parent / "fixtures" / "astana_events.csv"


@pytest.fixture(scope="module")
def events():
    return D.prepare_events(pd.read_csv(FIXTURE, dtype=str, keep_default_na=False))


def build(events, state=D.FilterState(), window="dense", **kw):
    df = D.filter_events(events, state)
    lanes, order = D.assign_lanes(df, state.lanes, focus_actors=state.actors)
    w = D.dense_window(df) if window == "dense" else window
    return timeline_figure(df, lanes, order, window=w, **kw), df, order


def plotted_ids(fig):
    out = set()
    for t in fig.data:
        if t.name and t.name.startswith("continues"):
            continue
        for cd in t.customdata or ():
            if cd and cd[0]:
                out.add(cd[0])
    return out


def trace(fig, name):
    return next(t for t in fig.data if t.name == name)


def test_every_event_is_plotted_once_as_the_right_kind(events):
    fig, df, order = build(events)
    assert plotted_ids(fig) == set(df["event_id"])
    n = sum(len(t.customdata) for t in fig.data if not t.name.startswith(("continues", "key")))
    assert n == len(df)
    kinds = {t.name: t.type for t in fig.data}
    assert kinds["day"] == "scatter" and kinds["month"] == "bar" and kinds["year"] == "bar"
    assert trace(fig, "month").orientation == "h"


def test_spans_cover_their_interval(events):
    fig, _, _ = build(events)
    year = trace(fig, "year")
    assert year.base[0] == "2016-01-01"
    assert year.x[0] == pytest.approx((pd.Timestamp("2017-01-01") - pd.Timestamp("2016-01-01")).total_seconds() * 1000)


def test_planned_events_look_different(events):
    fig, _, _ = build(events)
    planned = trace(fig, "day · planned")
    assert list(planned.customdata) == [["e08"]]
    assert planned.marker.symbol == "circle-open" and trace(fig, "day").marker.symbol == "circle"


def test_vague_events_are_hollow_triangles_at_publication_day(events):
    fig, _, _ = build(events)
    vague = next(t for t in fig.data if t.name.startswith("vague"))
    assert list(vague.customdata) == [["e09"]]
    assert vague.x[0].startswith("2017-01-19") and vague.marker.symbol[0] == "triangle-left-open"


def test_precisions_have_distinct_colours(events):
    fig, _, _ = build(events)
    colours = {t.name.split(" · ")[0]: t.marker.color for t in fig.data
               if not t.name.startswith(("continues", "key"))}
    assert len(set(colours.values())) == len(colours)


def test_spans_sit_apart_from_markers_so_they_cannot_hide_them(events):
    fig, df, order = build(events)
    russia = order.index("Russia")
    span_y = [y for t in fig.data if t.type == "bar" for y in t.y]
    point_y = [y for t in fig.data if t.type == "scatter" and t.name in ("day", "day · planned") for y in t.y]
    lane_points = [y for y in point_y if abs(y - russia) < 0.5]
    lane_spans = [y for y in span_y if abs(y - russia) < 0.5]
    assert lane_points and lane_spans
    assert max(lane_points) < min(lane_spans)  # points above, spans below (axis is reversed)
    assert len(set(lane_spans)) == len(lane_spans)  # overlapping spans (2016 and Dec 2016) get their own rows


def test_hover_says_date_as_written_and_resolved_with_year(events):
    fig, _, _ = build(events)
    text = " ".join(h for t in fig.data for h in (t.hovertext or ()))
    assert "“December 30”" in text and "30 Dec 2016" in text
    assert "Resolved: Dec 2016" in text and "Example Wire" in text and "Russia → Iran" in text
    assert "PAST_REF: some time before the article's date (19 Jan 2017)" in text


def test_hover_escapes_article_text(events):
    row = events.iloc[0].to_dict()
    row["summary"] = "<img src=x onerror=alert(1)>"
    assert "<img" not in hover_text(row) and "&lt;img" in hover_text(row)


def test_axis_opens_on_window_and_ticks_carry_the_year(events):
    window = D.dense_window(events)
    fig, _, _ = build(events)
    assert [pd.Timestamp(x) for x in fig.layout.xaxis.range] == list(window)
    assert all("%Y" in s.value for s in fig.layout.xaxis.tickformatstops)


def test_lanes_labelled_with_counts(events):
    fig, _, order = build(events)
    assert list(fig.layout.yaxis.ticktext)[0] == "Russia · 5"
    assert fig.layout.yaxis.fixedrange is True


def test_lanes_per_type(events):
    fig, _, order = build(events, D.FilterState(lanes="type"), lanes_by="type")
    assert "CONSULT" in order and "one lane per event type" in fig.layout.title.text


def test_filtered_figure_only_has_filtered_events(events):
    fig, df, order = build(events, D.FilterState(actors=("Iran",)))
    assert plotted_ids(fig) == {"e03", "e07"} and order == ["Iran"]


def test_empty_figure_says_so(events):
    fig, _, _ = build(events, D.FilterState(actors=("Nobody",)), window=None)
    assert "No events" in fig.layout.annotations[0].text


def test_key_dates_are_marked(events):
    marks = D.key_date_marks(pd.DataFrame({"date": ["2017-01-23"], "score": [3.0]}))
    fig, _, _ = build(events, key_marks=marks)
    assert trace(fig, "key date").x[0] == pd.Timestamp("2017-01-23 12:00")  # the day's middle, like day markers


def test_clipped_span_gets_a_continuation_mark(events):
    fig, _, _ = build(events)
    left = trace(fig, "continues left")
    assert {cd[0] for cd in left.customdata} == {"e02", "e03"}


def test_overview_shows_whole_span_and_window(events):
    window = D.dense_window(events)
    fig = overview_figure(events, window=window)
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert lo < pd.Timestamp("2011-03-01") and hi > pd.Timestamp("2017-01-23")
    assert sum(fig.data[0].y) == 10
    assert fig.layout.shapes[0].x0 == window[0]


@pytest.mark.parametrize("days, freq", [(10, "D"), (200, "W-MON"), (2000, "MS"), (40 * 365, "YS")])
def test_choose_bin(days, freq):
    lo = pd.Timestamp("2010-01-01")
    assert choose_bin(lo, lo + pd.Timedelta(days=days)) == freq


def test_synthetic_is_deterministic_and_in_the_schema():
    a, b = synthetic_events(500, seed=3), synthetic_events(500, seed=3)
    pd.testing.assert_frame_equal(a, b)
    assert not synthetic_events(500, seed=4).equals(a)
    assert set(a["granularity"]) <= set(D.GRANULARITIES)


def test_large_table_is_aggregated_or_drawn_with_webgl():
    df = D.prepare_events(synthetic_events(20_000, seed=1))
    lanes, order = D.assign_lanes(df, "actor")
    assert len(order) <= 20
    window = D.dense_window(df)
    fig = timeline_figure(df, lanes, order, window=window, max_detail=2000)
    assert fig.data[0].type == "heatmap"
    assert sum(v for row in fig.data[0].z for v in row if v == v) == len(D.in_window(df, window))
    small = D.filter_events(df, D.FilterState(actors=("Egypt",), date_from="2016-06"))
    lanes, order = D.assign_lanes(small, "actor", focus_actors=("Egypt",))
    fig = timeline_figure(small, lanes, order, window=D.full_span(small), max_detail=2000)
    assert any(t.type == "scattergl" for t in fig.data) or len(small) <= 400
    assert plotted_ids(fig) == set(small.loc[small["_start"].notna(), "event_id"])


def test_aggregate_figure_counts_per_lane():
    df = D.prepare_events(synthetic_events(3000, seed=2))
    lanes, order = D.assign_lanes(df, "source")
    fig = aggregate_figure(df["_start"], lanes, order, window=D.full_span(df))
    assert len(fig.data[0].y) == len(order)
    assert "counted per" in fig.layout.title.text


def test_events_without_any_placement_leave_no_empty_lane(events):
    raw = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    raw.loc[raw["event_id"] == "e09", ["pub_date", "dct"]] = ""  # vague in an undated article: cannot be placed
    raw.loc[raw["event_id"] == "e09", "actor1"] = "Somebody Else"
    df = D.prepare_events(raw)
    lanes, order = D.assign_lanes(df, "actor")
    assert "Somebody Else" in order
    fig = timeline_figure(df, lanes, order, window=D.dense_window(df))
    assert not any(t.startswith("Somebody Else") for t in fig.layout.yaxis.ticktext)
    assert "+1 vague, in undated articles" in fig.layout.title.text
    assert "e09" not in plotted_ids(fig)
