"""The dashboard in a real (headless) browser: dash[testing]'s dash_duo with chromium + chromedriver."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from dashboard import data as D

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent / "fixtures" / "astana_events.csv"
ALL_IDS = [f"e{i:02d}" for i in range(1, 11)]
IRAN_IDS = ["e03", "e07"]

PLOTTED_JS = """
const gd = document.querySelector('#timeline-graph .js-plotly-plot');
if (!gd || !gd.data) { return null; }
const ids = [];
for (const t of gd.data) {
  const name = t.name || '';
  if (name.startsWith('continues') || name === 'key date') { continue; }
  for (const c of (t.customdata || [])) { if (c && c[0]) { ids.push(c[0]); } }
}
return ids.sort();
"""

TABLE_JS = """
const rows = document.querySelectorAll('#event-table .ag-center-cols-container .ag-row');
return Array.from(rows).map(r => r.getAttribute('row-id')).sort();
"""


def fixture_events() -> pd.DataFrame:
    return pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)


def fake_processor(text: str, pub_date):
    """Stands in for timeline.extract: one event per line of the text, dated the day after pub_date."""
    base = fixture_events().iloc[[5]].copy()
    rows = []
    for i, line in enumerate(l for l in text.splitlines() if l.strip()):
        r = base.copy()
        day = pd.Timestamp(pub_date) + pd.Timedelta(days=1 + i)
        r["event_id"] = f"new{i}"
        r["doc_id"] = "d-new"
        r["pub_date"] = str(pub_date)
        r["date_value"] = r["date_start"] = day.strftime("%Y-%m-%d")
        r["date_end"] = (day + pd.Timedelta(days=1)).strftime("%Y-%m-%d")
        r["summary"] = r["sentence"] = line.strip()
        r["source"] = ""
        rows.append(r)
    return pd.concat(rows, ignore_index=True)


def start(dash_duo, path="/"):
    from dashboard.app import create_app

    app = create_app(fixture_events(), processor=fake_processor)
    dash_duo.start_server(app)
    if path != "/":
        dash_duo.wait_for_page(url=dash_duo.server_url + path)
    return app


def plotted(dash_duo):
    return dash_duo.driver.execute_script(PLOTTED_JS)


def table(dash_duo):
    return dash_duo.driver.execute_script(TABLE_JS)


def wait_for(fn, expected, timeout=15):
    from dash.testing.wait import until

    until(lambda: fn() == expected, timeout=timeout)
    return fn()


def test_page_loads_and_plots_every_event(dash_duo):
    start(dash_duo)
    dash_duo.wait_for_element("#timeline-graph .js-plotly-plot")
    assert wait_for(lambda: plotted(dash_duo), ALL_IDS) == ALL_IDS
    assert wait_for(lambda: table(dash_duo), ALL_IDS) == ALL_IDS
    dash_duo.wait_for_contains_text("#summary", "10 events")
    for element_id in ("timeline-graph", "actor-filter", "event-table", "export-csv", "add-article"):
        assert dash_duo.find_element(f"#{element_id}")
    assert dash_duo.get_logs() == [], "browser console errors"


def test_choosing_an_actor_filters_plot_and_table(dash_duo):
    start(dash_duo)
    assert wait_for(lambda: plotted(dash_duo), ALL_IDS) == ALL_IDS
    dash_duo.select_dcc_dropdown("#actor-filter", value="Iran · 2")
    assert wait_for(lambda: plotted(dash_duo), IRAN_IDS) == IRAN_IDS
    assert wait_for(lambda: table(dash_duo), IRAN_IDS) == IRAN_IDS
    until_url = lambda: "actor=Iran" in dash_duo.driver.current_url  # noqa: E731
    wait_for(until_url, True)


def test_actor_in_url_filters_on_load(dash_duo):
    start(dash_duo, "/?actor=Iran")
    assert wait_for(lambda: plotted(dash_duo), IRAN_IDS) == IRAN_IDS
    assert wait_for(lambda: table(dash_duo), IRAN_IDS) == IRAN_IDS
    dash_duo.wait_for_contains_text("#summary", "2 of 10 events")


def test_malformed_url_shows_everything_with_a_notice(dash_duo):
    start(dash_duo, "/?actor=Iran&from=2017-13")
    assert wait_for(lambda: plotted(dash_duo), ALL_IDS) == ALL_IDS
    dash_duo.wait_for_contains_text("#notice", "showing all events")


def test_csv_download_holds_exactly_the_filtered_rows(dash_duo):
    start(dash_duo, "/?actor=Iran&actor=Jabhat%20Fateh%20al-Sham")
    expected = ["e03", "e07", "e10"]
    assert wait_for(lambda: table(dash_duo), expected) == expected
    dash_duo.find_element("#export-csv").click()
    target = Path(dash_duo.download_path) / "timeline-events.csv"
    wait_for(lambda: target.is_file() and target.stat().st_size > 0, True)
    with open(target, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["event_id"] for r in rows) == expected
    want = D.filter_events(D.prepare_events(fixture_events()), D.FilterState(actors=("Iran", "Jabhat Fateh al-Sham")))
    assert sorted(want["event_id"]) == expected
    assert {r["summary"] for r in rows} == set(want["summary"])


def test_adding_an_article_makes_its_events_appear(dash_duo):
    start(dash_duo)
    assert wait_for(lambda: plotted(dash_duo), ALL_IDS) == ALL_IDS
    dash_duo.find_element(".add-article-box summary").click()
    text = dash_duo.find_element("#article-text")
    text.send_keys("Ministers met in Astana.\nThe talks ended.")
    dash_duo.find_element("#article-pub-date").send_keys("2017-01-20")
    dash_duo.find_element("#add-article").click()
    expected = sorted(ALL_IDS + ["new0", "new1"])
    assert wait_for(lambda: plotted(dash_duo), expected) == expected
    assert wait_for(lambda: table(dash_duo), expected) == expected
    dash_duo.wait_for_contains_text("#article-status", "2 events added")


def test_article_that_cannot_be_read_gets_a_clear_message(dash_duo):
    start(dash_duo)
    dash_duo.find_element(".add-article-box summary").click()
    dash_duo.find_element("#article-text").send_keys("Some text.")
    dash_duo.find_element("#article-pub-date").send_keys("19/01/2017")
    dash_duo.find_element("#add-article").click()
    dash_duo.wait_for_contains_text("#article-status", "is not a date")


def test_clicking_an_event_row_shows_its_sentence_and_why_this_date(dash_duo):
    start(dash_duo, "/?actor=Syria&modality=planned")
    assert wait_for(lambda: table(dash_duo), ["e08"]) == ["e08"]
    dash_duo.find_element('#event-table .ag-center-cols-container .ag-row[row-id="e08"] .ag-cell').click()
    dash_duo.wait_for_contains_text("#detail-panel", "Why this date")
    assert dash_duo.find_element("#detail-panel mark.hl-time").text == "Monday, January 23"
    assert "weekday-month-day+year-from-anchor" in dash_duo.find_element("#detail-panel").text


def test_uploading_an_html_file_adds_its_events(dash_duo, tmp_path):
    start(dash_duo)
    assert wait_for(lambda: plotted(dash_duo), ALL_IDS) == ALL_IDS
    page = tmp_path / "story.html"
    page.write_text("<html><body><article><p>Envoys gathered in Astana for a first round of talks.</p>"
                    "</article></body></html>", encoding="utf-8")
    dash_duo.find_element(".add-article-box summary").click()
    dash_duo.find_element("#article-upload input[type=file]").send_keys(str(page))
    dash_duo.wait_for_contains_text("#upload-name", "story.html")
    dash_duo.find_element("#article-pub-date").send_keys("2017-01-21")
    dash_duo.find_element("#add-article").click()
    expected = sorted(ALL_IDS + ["new0"])
    assert wait_for(lambda: plotted(dash_duo), expected) == expected
    dash_duo.wait_for_contains_text("#article-status", "story.html: 1 event added")


TRACE_TYPES_JS = """
const gd = document.querySelector('#timeline-graph .js-plotly-plot');
return gd && gd.data ? Array.from(new Set(gd.data.map(t => t.type || 'scatter'))).sort() : null;
"""


def test_zooming_in_turns_counts_into_single_events(dash_duo, monkeypatch):
    from dash.testing.wait import until

    from dashboard import callbacks
    from dashboard.app import create_app
    from dashboard.synthetic import synthetic_events

    monkeypatch.setattr(callbacks, "MAX_DETAIL", 600)
    dash_duo.start_server(create_app(synthetic_events(3000, seed=5)))
    types = lambda: dash_duo.driver.execute_script(TRACE_TYPES_JS) or []  # noqa: E731
    until(lambda: "heatmap" in types(), timeout=15)
    summary = dash_duo.find_element("#summary").text
    for _ in range(4):  # drag a zoom box over a tenth of the plot, a few times
        dash_duo.zoom_in_graph_by_ratio("#timeline-graph .js-plotly-plot", start_fraction=0.6,
                                        zoom_box_fraction=0.1, compare=False)
        until(lambda: dash_duo.find_element("#summary").text != summary, timeout=15)
        summary = dash_duo.find_element("#summary").text
        if "heatmap" not in types():
            break
    until(lambda: "heatmap" not in types() and ("scatter" in types() or "scattergl" in types() or "bar" in types()),
          timeout=15)


def test_dragging_across_the_overview_moves_the_view(dash_duo):
    from selenium.webdriver.common.action_chains import ActionChains

    start(dash_duo)
    assert wait_for(lambda: plotted(dash_duo), ALL_IDS) == ALL_IDS
    dash_duo.wait_for_contains_text("#summary", "showing 28 Dec 2016")
    area = dash_duo.find_element("#overview-graph .js-plotly-plot .nsewdrag")
    w, h = area.size["width"], area.size["height"]
    ActionChains(dash_duo.driver).move_to_element_with_offset(area, int(w * 0.05), h // 2).click_and_hold() \
        .move_by_offset(int(w * 0.2), 0).move_by_offset(int(w * 0.1), 0).release().perform()
    dash_duo.wait_for_contains_text("#summary", "2011 –")  # the view now starts in the spring of 2011


def test_an_added_article_far_from_the_dense_period_is_brought_into_view(dash_duo):
    start(dash_duo)
    assert wait_for(lambda: plotted(dash_duo), ALL_IDS) == ALL_IDS
    dash_duo.find_element(".add-article-box summary").click()
    dash_duo.find_element("#article-text").send_keys("Foreign ministers met in Vienna.")
    dash_duo.find_element("#article-pub-date").send_keys("2015-10-29")
    dash_duo.find_element("#add-article").click()
    dash_duo.wait_for_contains_text("#article-status", "1 event added")
    dash_duo.wait_for_contains_text("#summary", "2015 –")  # the view now reaches back to 30 Oct 2015


def test_clicking_a_marker_opens_its_detail(dash_duo):
    from selenium.webdriver.common.action_chains import ActionChains

    start(dash_duo, "/?modality=planned")
    assert wait_for(lambda: plotted(dash_duo), ["e08"]) == ["e08"]
    point = dash_duo.find_element("#timeline-graph .scatterlayer .point")
    ActionChains(dash_duo.driver).move_to_element(point).click().perform()
    dash_duo.wait_for_contains_text("#detail-panel", "Why this date")
    assert "Syria talks to be held in Astana" in dash_duo.find_element("#detail-panel h3").text


def test_article_text_is_shown_as_text_never_as_html(dash_duo):
    from dashboard.app import create_app

    df = fixture_events()
    evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>'
    df.loc[df["event_id"] == "e08", "sentence"] = "On Monday, January 23 " + evil
    df.loc[df["event_id"] == "e08", "summary"] = evil
    dash_duo.start_server(create_app(df))
    dash_duo.wait_for_page(url=dash_duo.server_url + "/?modality=planned")
    assert wait_for(lambda: table(dash_duo), ["e08"]) == ["e08"]
    dash_duo.find_element('#event-table .ag-center-cols-container .ag-row[row-id="e08"] .ag-cell').click()
    dash_duo.wait_for_contains_text("#detail-panel", "Why this date")
    assert evil in dash_duo.find_element("#detail-panel .sentence").text
    assert not dash_duo.find_elements("#detail-panel img") and not dash_duo.find_elements("#detail-panel b")
    assert dash_duo.driver.execute_script("return window.__pwned") is None


def test_a_file_over_the_size_limit_gets_a_clear_message(dash_duo, tmp_path):
    from dashboard.articles import MAX_ARTICLE_BYTES

    start(dash_duo)
    big = tmp_path / "big.txt"
    big.write_text("Ministers met again. " * (MAX_ARTICLE_BYTES // 20), encoding="utf-8")
    dash_duo.find_element(".add-article-box summary").click()
    dash_duo.find_element("#article-upload input[type=file]").send_keys(str(big))
    dash_duo.wait_for_contains_text("#upload-name", "big.txt")
    dash_duo.find_element("#add-article").click()
    dash_duo.wait_for_contains_text("#article-status", "larger than 2 MB")
    assert plotted(dash_duo) == ALL_IDS


def test_timelinejs_download_holds_the_filtered_dated_rows(dash_duo):
    import json

    start(dash_duo, "/?actor=Iran")
    assert wait_for(lambda: table(dash_duo), IRAN_IDS) == IRAN_IDS
    dash_duo.find_element("#export-timelinejs").click()
    target = Path(dash_duo.download_path) / "timeline-events.timelinejs.json"
    wait_for(lambda: target.is_file() and target.stat().st_size > 0, True)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert sorted(e["unique_id"] for e in data["events"]) == IRAN_IDS
    assert {json.dumps(e["start_date"], sort_keys=True) for e in data["events"]} == \
        {'{"month": 12, "year": 2016}', '{"day": 19, "month": 1, "year": 2017}'}
