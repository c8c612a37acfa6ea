"""Thin Dash callbacks: each reads the inputs, calls the pure functions of data/figures, returns outputs.

`render_view` (plain function) is what the page shows for a state and window; the benchmark times it.
"""
from __future__ import annotations

import json

import pandas as pd
from dash import Input, Output, State, ctx, dcc, html, no_update

from dashboard import data as D
from dashboard.articles import ArticleError, ArticleJobs, bytes_to_text, check_text, decode_upload, parse_pub_date
from dashboard.events import EventSet
from dashboard.figures import overview_figure, timeline_figure

TABLE_MAX = 2000
MAX_DETAIL = 2000

CONTROL_IDS = ["actor-filter", "type-filter", "date-from", "date-to", "precision-filter", "modality-filter",
               "source-filter", "text-filter", "lane-mode"]


def window_from_store(w):
    if not w:
        return None
    try:
        return pd.Timestamp(w[0]), pd.Timestamp(w[1])
    except (ValueError, TypeError, IndexError):
        return None


def window_to_store(w):
    return None if w is None else [w[0].isoformat(), w[1].isoformat()]


def render_view(events: EventSet, state: D.FilterState, window, key_marks=None, *, max_detail=None,
                table_max=None) -> dict:
    """Figure, overview, table rows and summary for one state and window (None: the dense window)."""
    max_detail = MAX_DETAIL if max_detail is None else max_detail
    table_max = TABLE_MAX if table_max is None else table_max
    df = events.filtered(state)
    if window is None:
        window = D.dense_window(df)
    lanes, order = D.assign_lanes(df, state.lanes, focus_actors=state.actors)
    fig = timeline_figure(df, lanes, order, window=window, key_marks=key_marks, max_detail=max_detail,
                          lanes_by=state.lanes)
    overview = overview_figure(df, window=window, span=D.full_span(events.df))
    rows = D.table_rows(df, table_max)
    total = len(events.df)
    summary = f"{len(df):,} of {total:,} events" if not state.is_unfiltered() else f"{total:,} events"
    if window is not None:
        if window[1] - window[0] < pd.Timedelta(days=2):
            summary += f" · showing {window[0]:%d %b %Y %H:%M} – {window[1]:%d %b %Y %H:%M}"
        else:
            summary += f" · showing {window[0]:%d %b %Y} – {window[1] - pd.Timedelta(seconds=1):%d %b %Y}"
    note = (f"The table shows the first {table_max:,} of {len(df):,} filtered events in date order; "
            "Download CSV has them all.") if len(df) > table_max else ""
    return {"figure": fig, "overview": overview, "rows": rows, "summary": summary, "note": note, "window": window}


def detail_children(row: dict) -> list:
    """The detail panel for one event; article text goes in as text children (React escapes it)."""
    pieces = D.highlight_spans(row.get("sentence") or "", D.event_marks(row))
    sentence = [html.Mark(t, className=f"hl-{k}") if k else t for t, k in pieces]
    resolved = D.human_date(row.get("date_value") or "", row.get("granularity") or "", row.get("date_start") or "",
                            row.get("date_end") or "", row.get("pub_date") or row.get("dct") or "")

    def actor(n):
        name = row.get(f"actor{n}") or ""
        extra = ", ".join(x for x in (row.get(f"actor{n}_type") or "", row.get(f"actor{n}_country") or "") if x)
        return f"{name} ({extra})" if name and extra else (name or "—")

    items = [
        ("Date as written", f"“{row['date_text']}”" if row.get("date_text") else "(not written: dated by the report)"),
        ("Resolved", f"{row.get('date_value') or ''} = {resolved} (precision: {row.get('granularity') or '?'})"),
        ("Why this date", f"rule {row.get('date_rule') or '?'}, resolved against {row.get('date_anchor') or '?'}"),
        ("Actor", actor(1)), ("Target", actor(2)),
        ("Type", " · ".join(x for x in (row.get("event_type") or "", f"CAMEO {row['cameo_code']}" if row.get("cameo_code") else "") if x) or "—"),
        ("Modality", row.get("modality") or "—"),
        ("Attributed to", row.get("attributed_to") or "—"),
        ("Place", row.get("location") or "—"),
        ("Article", " · ".join(x for x in (str(row.get("title") or ""), row.get("source") or "",
                                           f"published {row['pub_date']}" if row.get("pub_date") else "published: unknown",
                                           f"document date {row['dct']} ({row.get('dct_source') or '?'})"
                                           if row.get("dct") and row.get("dct") != row.get("pub_date") else "",
                                           f"doc {row.get('doc_id') or '?'}") if x)),
    ]
    url = str(row.get("url") or "")
    dl = html.Dl(sum(([html.Dt(k), html.Dd(v)] for k, v in items), []), className="detail-list")
    out = [html.H3(row.get("summary") or row.get("predicate") or "Event"),
           html.P(sentence, className="sentence"),
           html.Div([html.Mark("time expression", className="hl-time"), " ",
                     html.Mark("actor", className="hl-actor")], className="legend-marks"), dl]
    if url.startswith(("http://", "https://")):
        out.append(html.A(url, href=url, target="_blank", rel="noopener noreferrer"))
    return out


def register_callbacks(app, events: EventSet, jobs: ArticleJobs, key_marks: list[dict]) -> None:
    # ------------------------------------------------------------------ URL <-> controls -> filter state
    @app.callback(
        Output("url", "search"), *[Output(i, "value") for i in CONTROL_IDS],
        Output("filter-state", "data"), Output("notice", "children"),
        Input("url", "search"), *[Input(i, "value") for i in CONTROL_IDS], Input("clear-filters", "n_clicks"),
        State("actor-filter", "options"), State("type-filter", "options"),
    )
    def sync_state(search, actors, types, dfrom, dto, precs, mods, srcs, text, lanes, _clear, actor_opts, type_opts):
        trig = ctx.triggered_id
        notices: list[str] = []
        if trig in (None, "url", "clear-filters"):
            state, notices = (D.FilterState(lanes=lanes or "actor"), []) if trig == "clear-filters" \
                else D.parse_query(search)
            mapped, unknown = D.canonical_values(state.actors, actor_opts or [])
            if unknown:
                notices.append("No events for actor " + ", ".join(unknown) + ".")
            types_mapped, _ = D.canonical_values(state.types, type_opts or [])
            state = D.FilterState(**{**state.to_dict(), "actors": tuple(mapped), "types": tuple(types_mapped)})
            controls = [list(state.actors), list(state.types), state.date_from, state.date_to,
                        list(state.precisions), list(state.modalities), list(state.sources), state.text, state.lanes]
            # a loaded link stays as it is (even when malformed, so the user can see it); clearing empties it
            new_search = D.state_to_query(state) if trig == "clear-filters" else no_update
            return (new_search, *controls, state.to_dict(), " ".join(notices))
        dates = {}
        for key, value in (("date_from", dfrom), ("date_to", dto)):
            value = (value or "").strip()
            if value:
                try:
                    D.parse_period(value, end=key == "date_to")
                except ValueError as exc:
                    notices.append(f"{'From' if key == 'date_from' else 'To'}: {exc}; ignored.")
                    value = ""
            dates[key] = value
        state = D.FilterState.from_dict(dict(actors=actors, types=types, precisions=precs, modalities=mods,
                                             sources=srcs, text=(text or "").strip(), lanes=lanes, **dates))
        if state.date_from and state.date_to and \
                D.parse_period(state.date_from, end=False) >= D.parse_period(state.date_to, end=True):
            notices.append("'From' is after 'to'; the date range is ignored.")
            state = D.FilterState(**{**state.to_dict(), "date_from": "", "date_to": ""})
        query = D.state_to_query(state)
        return (query if query != (search or "") else no_update, *[no_update] * len(CONTROL_IDS),
                state.to_dict(), " ".join(notices))

    # ------------------------------------------------------------------ options follow the data
    @app.callback(
        Output("actor-filter", "options"), Output("type-filter", "options"), Output("precision-filter", "options"),
        Output("modality-filter", "options"), Output("source-filter", "options"),
        Input("data-version", "data"), prevent_initial_call=True)
    def refresh_options(_version):
        df = events.df
        return (D.actor_options(df), D.type_options(df), D.precision_options(df), D.modality_options(df),
                D.source_options(df))

    # ------------------------------------------------------------------ which period is shown
    @app.callback(
        Output("view-window", "data"),
        Input("filter-state", "data"), Input("data-version", "data"), Input("overview-graph", "selectedData"),
        Input("timeline-graph", "relayoutData"), Input("view-dense", "n_clicks"), Input("view-all", "n_clicks"),
        State("view-window", "data"))
    def update_window(state, _version, selected, relayout, _dense, _all, current):
        trig = ctx.triggered_id
        df = events.filtered(D.FilterState.from_dict(state))
        if trig == "overview-graph":
            rng = (selected or {}).get("range", {}).get("x")
            if rng and len(rng) == 2:
                lo, hi = sorted(pd.Timestamp(v) for v in rng)
                return window_to_store((lo, hi)) if hi > lo else no_update
            return no_update
        if trig == "timeline-graph":
            r = relayout or {}
            if "xaxis.range[0]" in r and "xaxis.range[1]" in r:
                lo, hi = pd.Timestamp(r["xaxis.range[0]"]), pd.Timestamp(r["xaxis.range[1]"])
            elif isinstance(r.get("xaxis.range"), list):
                lo, hi = (pd.Timestamp(v) for v in r["xaxis.range"])
            elif r.get("xaxis.autorange"):
                trig = "view-all"
            else:
                return no_update
            if trig != "view-all":
                new = window_to_store((lo, hi))
                return new if new != current else no_update
        if trig == "view-all":
            return window_to_store(D.whole_window(df))
        window = D.dense_window(df)
        if trig == "data-version" and window is not None and events.last_added_span is not None:
            lo, hi = events.last_added_span  # an article was added: make sure its (dense) events are in view
            window = (min(window[0], lo), max(window[1], hi))
        return window_to_store(window)

    # ------------------------------------------------------------------ the plot, the overview, the table
    @app.callback(
        Output("timeline-graph", "figure"), Output("overview-graph", "figure"), Output("event-table", "rowData"),
        Output("summary", "children"), Output("table-note", "children"), Output("event-table", "style"),
        Input("filter-state", "data"), Input("view-window", "data"), Input("data-version", "data"))
    def show(state, window, _version):
        if state is None:
            return (no_update,) * 6
        v = render_view(events, D.FilterState.from_dict(state), window_from_store(window), key_marks)
        height = min(480, 110 + 42 * max(1, len(v["rows"])))  # no tall empty grid under a few rows
        return v["figure"], v["overview"], v["rows"], v["summary"], v["note"], {"height": f"{height}px"}

    # ------------------------------------------------------------------ details of one event
    @app.callback(
        Output("detail-panel", "children"),
        Input("timeline-graph", "clickData"), Input("event-table", "cellClicked"), prevent_initial_call=True)
    def show_detail(click, cell):
        event_id = None
        if ctx.triggered_id == "timeline-graph" and click:
            cd = (click.get("points") or [{}])[0].get("customdata")
            event_id = cd[0] if isinstance(cd, list) and cd else cd
        elif ctx.triggered_id == "event-table" and cell:
            event_id = cell.get("rowId")
        if not event_id:
            return no_update
        df = events.df
        hit = df[df["event_id"] == str(event_id)]
        if not len(hit):
            return html.Div("This event is no longer in the table.", className="muted")
        row = {k: (None if (not isinstance(v, (list, tuple)) and pd.isna(v)) else v)
               for k, v in hit.iloc[0].to_dict().items()}
        return detail_children(row)

    # ------------------------------------------------------------------ exports (filtered on the server)
    @app.callback(Output("download-csv", "data"), Input("export-csv", "n_clicks"), State("filter-state", "data"),
                  prevent_initial_call=True)
    def export_csv(_n, state):
        df = events.filtered(D.FilterState.from_dict(state))
        return dcc.send_string(D.events_to_csv(df), "timeline-events.csv")

    @app.callback(Output("download-timelinejs", "data"), Input("export-timelinejs", "n_clicks"),
                  State("filter-state", "data"), prevent_initial_call=True)
    def export_timelinejs(_n, state):
        df = events.filtered(D.FilterState.from_dict(state))
        return dcc.send_string(json.dumps(D.events_to_timelinejs(df), ensure_ascii=False, indent=1),
                               "timeline-events.timelinejs.json")

    # ------------------------------------------------------------------ add an article
    @app.callback(Output("upload-name", "children"), Input("article-upload", "filename"), prevent_initial_call=True)
    def upload_name(filename):
        return f"File: {filename}" if filename else ""

    @app.callback(
        Output("article-job", "data"), Output("article-poll", "disabled"), Output("article-status", "children"),
        Output("article-upload", "contents"), Output("upload-name", "children", allow_duplicate=True),
        Input("add-article", "n_clicks"),
        State("article-text", "value"), State("article-upload", "contents"), State("article-upload", "filename"),
        State("article-pub-date", "value"), prevent_initial_call=True)
    def add_article(_n, text, contents, filename, pub_date):
        try:
            pub = parse_pub_date(pub_date)
            if contents:
                text = bytes_to_text(decode_upload(contents, filename), filename)
                label = filename or "uploaded file"
            else:
                label = "pasted article"
            text = check_text(text)
            job = jobs.submit(text, pub, label)
        except ArticleError as exc:
            return no_update, True, html.Span(str(exc), className="error"), no_update, no_update
        return job.id, False, f"Processing {job.label}…", None, ""

    @app.callback(
        Output("article-status", "children", allow_duplicate=True), Output("article-poll", "disabled", allow_duplicate=True),
        Output("data-version", "data"),
        Input("article-poll", "n_intervals"), State("article-job", "data"), prevent_initial_call=True)
    def poll_article(_n, job_id):
        job = jobs.status(job_id)
        if job is None:
            return "", True, no_update
        if job.state in ("queued", "running"):
            import time

            return f"{job.message} ({job.label}, {time.monotonic() - job.started:.0f} s)", False, no_update
        cls = "error" if job.state == "error" else "ok"
        return html.Span(job.message, className=cls), True, events.version
