"""The page. Element ids other checks rely on: timeline-graph, actor-filter, event-table, export-csv, add-article."""
from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from dashboard import data as D
from dashboard.articles import MAX_ARTICLE_BYTES, UPLOAD_HARD_LIMIT

GRAPH_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2},
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
}

TABLE_COLUMNS = [
    dict(field="date_value", headerName="Date", width=115, pinned="left"),
    dict(field="resolved", headerName="Resolved", width=170),
    dict(field="granularity", headerName="Precision", width=100),
    dict(field="date_text", headerName="As written", width=150),
    dict(field="actor1", headerName="Actor", width=160),
    dict(field="actor2", headerName="Target", width=160),
    dict(field="event_type", headerName="Type", width=110),
    dict(field="cameo_code", headerName="CAMEO", width=85),
    dict(field="modality", headerName="Modality", width=100),
    dict(field="summary", headerName="Summary", flex=1, minWidth=260, tooltipField="summary"),
    dict(field="source", headerName="Source", width=140),
    dict(field="pub_date", headerName="Published", width=110),
    dict(field="event_id", headerName="Event id", width=120, hide=True),
]


def _label(text, for_id):
    return html.Label(text, htmlFor=for_id, className="filter-label")


def _filter(label, component):
    return html.Div([_label(label, component.id), component], className="filter")


def build_layout(df, *, has_key_dates: bool = False, title: str = "Chronology") -> html.Div:
    """`df` is the prepared table; options are filled here and refreshed when articles are added."""
    filters = html.Div([
        _filter("Actors", dcc.Dropdown(id="actor-filter", options=D.actor_options(df), multi=True, searchable=True,
                                       placeholder="Any actor (type to search)…", maxHeight=320)),
        _filter("Event type", dcc.Dropdown(id="type-filter", options=D.type_options(df), multi=True,
                                           placeholder="Any type (CAMEO root or PLOVER)…")),
        _filter("From", dcc.Input(id="date-from", type="text", debounce=True, className="text-input",
                                  placeholder="year, month or day: 2016, 2016-12, 2016-12-30")),
        _filter("To (inclusive)", dcc.Input(id="date-to", type="text", debounce=True, className="text-input",
                                            placeholder="year, month or day: 2017-01-31")),
        _filter("Precision", dcc.Dropdown(id="precision-filter", options=D.precision_options(df), multi=True,
                                          placeholder="Any precision…")),
        _filter("Modality", dcc.Dropdown(id="modality-filter", options=D.modality_options(df), multi=True,
                                         placeholder="Any modality…")),
        _filter("Source", dcc.Dropdown(id="source-filter", options=D.source_options(df), multi=True,
                                       placeholder="Any source…")),
        _filter("Search", dcc.Input(id="text-filter", type="search", debounce=True, placeholder="words in the text…",
                                    className="text-input")),
    ], className="filters")
    view_bar = html.Div([
        html.Span("Lanes:", className="filter-label"),
        dcc.RadioItems(id="lane-mode", value="actor", inline=True, className="lane-mode",
                       options=[{"label": "per actor", "value": "actor"}, {"label": "per event type", "value": "type"},
                                {"label": "per source", "value": "source"}]),
        html.Button("Dense period", id="view-dense", n_clicks=0, className="btn",
                    title="Show the period where most events are"),
        html.Button("Whole span", id="view-all", n_clicks=0, className="btn", title="Show every event's date"),
        html.Button("Clear filters", id="clear-filters", n_clicks=0, className="btn"),
        html.Span(className="spacer"),
        html.Button("Download CSV", id="export-csv", n_clicks=0, className="btn primary",
                    title="The filtered events as CSV"),
        html.Button("TimelineJS JSON", id="export-timelinejs", n_clicks=0, className="btn",
                    title="The filtered events for TimelineJS"),
        dcc.Download(id="download-csv"), dcc.Download(id="download-timelinejs"),
    ], className="view-bar")
    add = html.Details([
        html.Summary("Add an article"),
        html.Div([
            dcc.Textarea(id="article-text", placeholder="Paste the article's text here…", className="article-text"),
            html.Div([
                dcc.Upload(id="article-upload",
                           children=html.Div(["or drop / ", html.A("choose a file"),
                                              f" (.txt, .md, .html; up to {MAX_ARTICLE_BYTES // 1_000_000} MB)"]),
                           # the browser drops far bigger files itself; between the two limits the server says why
                           max_size=UPLOAD_HARD_LIMIT, multiple=False, className="upload",
                           accept=".txt,.md,.text,.html,.htm,text/plain,text/html"),
                html.Div(id="upload-name", className="muted"),
                _label("Publication date (optional)", "article-pub-date"),
                dcc.Input(id="article-pub-date", type="text", placeholder="YYYY-MM-DD", className="date-input"),
                html.Button("Add article", id="add-article", n_clicks=0, className="btn primary"),
            ], className="article-side"),
        ], className="article-form"),
        html.Div(id="article-status", className="article-status", role="status"),
        dcc.Interval(id="article-poll", interval=400, disabled=True),
        dcc.Store(id="article-job"),
    ], className="add-article-box")
    return html.Div([
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="filter-state"), dcc.Store(id="view-window"), dcc.Store(id="data-version", data=0),
        html.Div([html.H1(title), html.Div(id="summary", className="summary", role="status")], className="header"),
        html.Div(id="notice", className="notice", role="alert"),
        filters, view_bar,
        dcc.Loading(dcc.Graph(id="timeline-graph", config=GRAPH_CONFIG, clear_on_unhover=True), delay_show=400),
        dcc.Graph(id="overview-graph", config={"displayModeBar": False}),
        html.Div(html.Div("Click an event (in the plot or the table) to see its sentence and why it has its date.",
                          className="muted"), id="detail-panel", className="detail-panel"),
        dag.AgGrid(id="event-table", columnDefs=TABLE_COLUMNS, rowData=[],
                   defaultColDef={"sortable": True, "resizable": True},
                   getRowId="params.data.event_id",
                   dashGridOptions={"pagination": True, "paginationPageSize": 50, "rowSelection": "single",
                                    "animateRows": False, "tooltipShowDelay": 300},
                   style={"height": "460px"}),
        html.Div(id="table-note", className="muted"),
        add,
    ], className="page")
