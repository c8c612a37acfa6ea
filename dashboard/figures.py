"""Pure figure builders: a prepared (and filtered) event table in, a plotly Figure out.

The main view has one lane per actor (or event type, or source). Day-precise events are markers in the
upper half of their lane; month, year and other coarse dates are bars in the lower half, packed into
sub-rows so that long spans never cover short events; vague dates are hollow triangles at the
article's date. Colour says the precision (Okabe-Ito palette, safe for colour-blind readers); hollow
markers and hatched bars say the event is planned or expected rather than done. Above `max_detail`
events in the visible window the view switches to counts per lane and period (a heatmap).
"""
from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.data import human_date, window_mask

# precision class -> (legend name, colour)
PRECISION_CLASSES = {
    "day": ("day", "#0072B2"),
    "month": ("month", "#E69F00"),
    "year": ("year", "#009E73"),
    "week": ("week / quarter", "#CC79A7"),
    "decade": ("decade / century", "#D55E00"),
    "vague": ("vague (at the article's date)", "#555555"),
}
_CLASS_OF = {"time": "day", "day": "day", "month": "month", "year": "year", "week": "week", "quarter": "week",
             "decade": "decade", "century": "decade", "vague": "vague"}
PLANNED = ("planned", "hypothetical")
_RANK = {"day": 10, "month": 20, "week": 30, "year": 40, "decade": 50, "vague": 60}
VAGUE_SYMBOLS = {"PAST_REF": "triangle-left-open", "FUTURE_REF": "triangle-right-open"}
POINT_ROWS, SPAN_ROWS = 3, 3
GL_THRESHOLD = 400
LABEL_MAX = 26

TICK_FORMATS = [  # every tick carries its year
    dict(value="%H:%M<br>%d %b %Y", dtickrange=[None, 86_400_000]),
    dict(value="%d %b<br>%Y", dtickrange=[86_400_000, "M1"]),
    dict(value="%b<br>%Y", dtickrange=["M1", "M12"]),
    dict(value="%Y", dtickrange=["M12", None]),
]


def precision_class(granularity: str) -> str:
    return _CLASS_OF.get(granularity, "day")


def short_label(text: str, n: int = LABEL_MAX) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def hover_text(r: dict) -> str:
    """Hover for one event; article text is escaped (plotly renders a few HTML tags in hovers)."""
    e = lambda v: escape(str(v), quote=False) if v is not None and not (isinstance(v, float) and np.isnan(v)) else ""  # noqa: E731
    resolved = human_date(r.get("date_value") or "", r.get("granularity") or "", r.get("date_start") or "",
                          r.get("date_end") or "", r.get("pub_date") or r.get("dct") or "")
    written = f"“{e(r.get('date_text'))}”" if r.get("date_text") else "(not written; dated by the report)"
    actors = e(r.get("actor1")) + (f" → {e(r.get('actor2'))}" if r.get("actor2") else "")
    kind = " · ".join(x for x in (e(r.get("event_type")), f"CAMEO {e(r.get('cameo_code'))}" if r.get("cameo_code") else "") if x)
    lines = [f"<b>{e(r.get('summary')) or e(r.get('predicate'))}</b>",
             f"Date as written: {written}",
             f"Resolved: {e(resolved)} · precision {e(r.get('granularity'))}",
             f"Actors: {actors or '—'}"]
    if kind:
        lines.append(f"Type: {kind}")
    if r.get("modality") and r.get("modality") != "asserted":
        lines.append(f"Modality: {e(r.get('modality'))}")
    src = e(r.get("source")) or "(unknown source)"
    if r.get("pub_date"):
        src += f", published {e(human_date(r['pub_date'][:10], 'day', r['pub_date'][:10]))}"
    lines.append(f"Source: {src}")
    return "<br>".join(lines)


def _pack_rows(starts: np.ndarray, ends: np.ndarray, n_rows: int) -> np.ndarray:
    """Greedy interval packing: each span goes to the first sub-row free at its start."""
    order = np.argsort(starts, kind="stable")
    free_at = [np.datetime64("NaT")] * n_rows
    rows = np.zeros(len(starts), dtype=int)
    for i in order:
        for k in range(n_rows):
            if np.isnat(free_at[k]) or free_at[k] <= starts[i]:
                rows[i] = k
                free_at[k] = ends[i]
                break
        else:
            k = int(np.argmin(free_at))
            rows[i] = k
            free_at[k] = max(free_at[k], ends[i])
    return rows


def _lane_axis(fig: go.Figure, order: list[str], counts: dict) -> None:
    n = len(order)
    fig.update_yaxes(tickmode="array", tickvals=list(range(n)),
                     ticktext=[f"{escape(short_label(str(k)), quote=False)} · {counts.get(k, 0)}" for k in order],
                     range=[n - 0.45, -0.75], fixedrange=True, showgrid=False, zeroline=False, ticks="",
                     automargin=True)
    fig.update_layout(shapes=[dict(type="rect", xref="paper", x0=0, x1=1, y0=i - 0.5, y1=i + 0.5,
                                   fillcolor="#f2f4f7", line_width=0, layer="below")
                              for i in range(0, n, 2)])


def _base_layout(fig: go.Figure, n_lanes: int, window, title: str) -> None:
    fig.update_layout(
        template="none", plot_bgcolor="white", paper_bgcolor="white", height=int(min(1000, max(340, 150 + 64 * n_lanes))),
        margin=dict(l=10, r=20, t=70, b=40), hovermode="closest", dragmode="zoom",
        title=dict(text=title, x=0.01, y=0.98, font=dict(size=14)),
        legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0, font=dict(size=12), traceorder="normal",
                    title=dict(text="Precision (hollow or hatched = planned): "), itemclick="toggle"),
        showlegend=True,
        hoverlabel=dict(align="left", bgcolor="white", font_size=12),
    )
    fig.update_xaxes(type="date", tickformatstops=TICK_FORMATS, showgrid=True, gridcolor="#e3e6ea",
                     range=[window[0], window[1]] if window else None, autorange=window is None)


def _key_date_traces(fig: go.Figure, marks: list[dict]) -> None:
    if not marks:
        return
    shapes = list(fig.layout.shapes or [])
    centre = [m["start"] + (m["end"] - m["start"]) / 2 for m in marks]  # day marks sit where day markers do
    for m, x in zip(marks, centre):
        shapes.append(dict(type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1,
                           line=dict(color="#8a5a00", width=1, dash="dot"), layer="below"))
    fig.update_layout(shapes=shapes)
    fig.add_trace(go.Scatter(
        x=centre, y=[-0.62] * len(marks), mode="markers", name="key date",
        marker=dict(symbol="star", size=11, color="#8a5a00"), legendgroup="key",
        hovertext=[f"Key date: {escape(m['date'], quote=False)}" + (f" · {escape(m['label'], quote=False)}" if m["label"] else "")
                   + f" · score {m['score']:g}" for m in marks],
        hovertemplate="%{hovertext}<extra></extra>", customdata=[[""] for _ in marks]))


def timeline_figure(events: pd.DataFrame, lanes: pd.Series, order: list[str], *, window=None,
                    key_marks: list[dict] | None = None, max_detail: int = 2000, lanes_by: str = "actor") -> go.Figure:
    """The main figure. `events` is a prepared, filtered table; `lanes` its lane keys (same index);
    `order` the lanes top to bottom; `window` the (start, end) shown first."""
    placed_mask = events["_start"].notna()
    if not placed_mask.all():  # lanes whose events cannot be placed on the axis would stay empty
        keep = set(lanes[placed_mask])
        order = [k for k in order if k in keep]
    if window is None and placed_mask.any():
        window = (events["_start"].min(), events["_end"].max())
    if placed_mask.sum() > max_detail and window is not None:
        in_view = placed_mask & window_mask(events, window)
        if in_view.sum() > max_detail:
            return aggregate_figure(events.loc[in_view, "_start"], lanes[in_view], order, window=window,
                                    key_marks=key_marks, lanes_by=lanes_by, n_all=len(events))
        width = window[1] - window[0]
        shown = events[placed_mask & window_mask(events, (window[0] - width / 2, window[1] + width / 2))]
    else:
        shown = events[placed_mask]
    n_placed = int(placed_mask.sum())
    lanes = lanes[placed_mask]
    counts = lanes.value_counts().to_dict()
    fig = go.Figure()
    n_all = len(events)
    title = f"{n_placed:,} event{'s' if n_placed != 1 else ''}" + (
        f" (+{n_all - n_placed:,} vague, in undated articles: in the table only)" if n_all > n_placed else "")
    title += f" · one lane per {'event type' if lanes_by == 'type' else lanes_by}"
    _base_layout(fig, len(order), window, title)
    _lane_axis(fig, order, counts)
    if not len(shown):
        fig.add_annotation(text="No events match these filters", xref="paper", yref="paper", x=0.5, y=0.5,
                           showarrow=False, font=dict(size=16, color="#555"))
        _key_date_traces(fig, key_marks or [])
        return fig
    lane_ix = {k: i for i, k in enumerate(order)}
    d = shown.assign(_lane=lanes.loc[shown.index].map(lane_ix).to_numpy(),
                     _cls=shown["granularity"].map(precision_class).to_numpy(),
                     _planned=shown["modality"].isin(PLANNED).to_numpy())
    d = d.sort_values(["_start", "event_id"], kind="stable")
    is_point = d["_cls"].isin(["day", "vague"])
    pts, spans = d[is_point], d[~is_point]
    use_gl = len(pts) > GL_THRESHOLD
    if len(pts):
        j = pts.groupby(["_lane", pts["_start"].dt.floor("D")]).cumcount().to_numpy() % POINT_ROWS
        pts = pts.assign(_y=pts["_lane"].to_numpy() - 0.3 + 0.19 * j)
    if len(spans):
        sub = np.zeros(len(spans), dtype=int)
        for lane, ix in spans.groupby("_lane").indices.items():
            sub[ix] = _pack_rows(spans["_start"].to_numpy()[ix], spans["_end"].to_numpy()[ix], SPAN_ROWS)
        spans = spans.assign(_y=spans["_lane"].to_numpy() + 0.2 + 0.12 * sub)
    # spans first (drawn beneath), then points
    for cls in ("decade", "year", "week", "month"):
        for planned in (False, True):
            part = spans[(spans["_cls"] == cls) & (spans["_planned"] == planned)]
            if not len(part):
                continue
            name, colour = PRECISION_CLASSES[cls]
            recs = part.to_dict("records")
            fig.add_trace(go.Bar(
                orientation="h", base=part["_start"].dt.strftime("%Y-%m-%d").tolist(),
                x=((part["_end"] - part["_start"]).dt.total_seconds() * 1000).tolist(), y=part["_y"].tolist(),
                width=0.09, name=name + (" · planned" if planned else ""), legendgroup=cls,
                legendrank=_RANK[cls] + planned,
                marker=dict(color=colour, opacity=0.55 if cls in ("year", "decade") else 0.8,
                            line=dict(color=colour, width=1),
                            pattern=dict(shape="/", fgcolor="white", size=6, solidity=0.4) if planned else None),
                hovertext=[hover_text(r) for r in recs], hovertemplate="%{hovertext}<extra></extra>",
                customdata=[[r["event_id"]] for r in recs]))
    trace = go.Scattergl if use_gl else go.Scatter
    for cls in ("day", "vague"):
        for planned in (False, True):
            part = pts[(pts["_cls"] == cls) & (pts["_planned"] == planned)]
            if not len(part):
                continue
            name, colour = PRECISION_CLASSES[cls]
            if cls == "vague":
                symbol = [VAGUE_SYMBOLS.get(v, "diamond-open") for v in part["date_value"]]
            else:
                symbol = "circle-open" if planned else "circle"
            recs = part.to_dict("records")
            x = (part["_start"] + pd.Timedelta(hours=12)).dt.strftime("%Y-%m-%d %H:%M")
            fig.add_trace(trace(
                x=x.tolist(), y=part["_y"].tolist(), mode="markers", name=name + (" · planned" if planned else ""),
                legendgroup=cls, legendrank=_RANK[cls] + planned,
                marker=dict(color=colour, size=11 if not use_gl else 7, symbol=symbol,
                            line=dict(width=2.5 if (planned or cls == "vague") else 1,
                                      color=colour if (planned or cls == "vague") else "white")),
                hovertext=[hover_text(r) for r in recs], hovertemplate="%{hovertext}<extra></extra>",
                customdata=[[r["event_id"]] for r in recs]))
    _continuation_marks(fig, spans, window)
    fig.update_layout(barmode="overlay")
    _key_date_traces(fig, key_marks or [])
    return fig


def _continuation_marks(fig: go.Figure, spans: pd.DataFrame, window) -> None:
    """A small arrow where a span runs on beyond the view's edge, so a clipped year or month reads as such."""
    if window is None or not len(spans):
        return
    lo, hi = window
    inset = (hi - lo) * 0.006
    for side, cut, x, symbol in (("left", spans["_start"] < lo, lo + inset, "triangle-left"),
                                 ("right", spans["_end"] > hi, hi - inset, "triangle-right")):
        part = spans[cut & (spans["_end"] > lo) & (spans["_start"] < hi)]
        if not len(part):
            continue
        colours = [PRECISION_CLASSES[c][1] for c in part["_cls"]]
        recs = part.to_dict("records")
        fig.add_trace(go.Scatter(
            x=[x] * len(part), y=part["_y"].tolist(), mode="markers", showlegend=False, cliponaxis=False,
            name=f"continues {side}", marker=dict(symbol=symbol, size=9, color=colours),
            hovertext=[f"(continues beyond the view)<br>{hover_text(r)}" for r in recs],
            hovertemplate="%{hovertext}<extra></extra>", customdata=[[r["event_id"]] for r in recs]))


def choose_bin(lo: pd.Timestamp, hi: pd.Timestamp, target: int = 120) -> str:
    days = max(1.0, (hi - lo) / pd.Timedelta(days=1))
    for freq, size in (("D", 1), ("W-MON", 7), ("MS", 30.4), ("QS", 91.3), ("YS", 365.25)):
        if days / size <= target:
            return freq
    return "YS"


def _bin_starts(times: pd.Series, freq: str) -> pd.Series:
    if freq == "D":
        return times.dt.floor("D")
    if freq == "W-MON":
        return times.dt.floor("D") - pd.to_timedelta(times.dt.weekday, unit="D")
    if freq == "MS":
        return times.dt.to_period("M").dt.start_time
    if freq == "QS":
        return times.dt.to_period("Q").dt.start_time
    return times.dt.to_period("Y").dt.start_time


_BIN_NAMES = {"D": "day", "W-MON": "week", "MS": "month", "QS": "quarter", "YS": "year"}


def aggregate_figure(starts: pd.Series, lanes: pd.Series, order: list[str], *, window, key_marks=None,
                     lanes_by: str = "actor", n_all: int | None = None) -> go.Figure:
    """Counts of events per lane and period: `starts` are the events' start times (each event is counted at
    its start, clipped to the window), `lanes` their lanes (same index)."""
    lo, hi = window
    freq = choose_bin(lo, hi)
    bins = _bin_starts(starts.clip(lower=lo), freq)
    li = pd.Categorical(lanes, categories=order).codes.astype("int64")  # every lane is in `order`
    bin_codes, bin_values = pd.factorize(bins, sort=True)
    n_bins = max(1, len(bin_values))
    z = np.bincount(li * n_bins + bin_codes, minlength=len(order) * n_bins).reshape(len(order), n_bins)
    z = z.astype(float)
    z[z == 0] = np.nan
    fig = go.Figure(go.Heatmap(
        x=[b.strftime("%Y-%m-%d") for b in bin_values], y=list(range(len(order))), z=z, xgap=1, ygap=3,
        colorscale="Blues", zmin=0, colorbar=dict(title="events", thickness=12, len=0.6),
        hovertemplate=f"%{{x|%d %b %Y}} ({_BIN_NAMES[freq]}): %{{z}} events<extra></extra>", name="events"))
    title = (f"{len(starts):,} events in this window, counted per {_BIN_NAMES[freq]} · "
             "zoom in or filter to see single events")
    _base_layout(fig, len(order), window, title)
    _lane_axis(fig, order, lanes.value_counts().to_dict())
    fig.update_layout(shapes=[])  # the heatmap fills the lanes; bands would hide nothing but add noise
    _key_date_traces(fig, key_marks or [])
    return fig


def overview_figure(events: pd.DataFrame, window=None, span=None) -> go.Figure:
    """A small histogram of the whole span with the current window shaded; drag across it to move the view."""
    placed = events.loc[events["_start"].notna(), ["_start", "_end"]]
    fig = go.Figure()
    fig.update_layout(template="none", plot_bgcolor="white", paper_bgcolor="white", height=135,
                      margin=dict(l=10, r=20, t=24, b=42), dragmode="select", selectdirection="h", showlegend=False, bargap=0,
                      title=dict(text="Whole span — drag across it to choose the period shown above",
                                 x=0.01, y=0.97, font=dict(size=12, color="#555")))
    fig.update_yaxes(visible=False, fixedrange=True)
    fig.update_xaxes(type="date", tickformatstops=TICK_FORMATS, fixedrange=True)
    if not len(placed):
        return fig
    lo, hi = span or (placed["_start"].min(), placed["_end"].max())
    pad = max((hi - lo) * 0.02, pd.Timedelta(days=1))
    lo, hi = lo - pad, hi + pad
    freq = choose_bin(lo, hi, target=150)
    counts = _bin_starts(placed["_start"], freq).value_counts().sort_index()
    fig.add_trace(go.Bar(x=[b.strftime("%Y-%m-%d") for b in counts.index], y=counts.to_numpy(),
                         marker_color="#4a6fa5", hovertemplate=f"%{{x|%b %Y}}: %{{y}} events<extra></extra>",
                         xperiod=_period_ms(freq), xperiodalignment="start"))
    fig.update_xaxes(range=[lo, hi])
    if window is not None:
        fig.update_layout(shapes=[dict(type="rect", xref="x", yref="paper", x0=window[0], x1=window[1], y0=0, y1=1,
                                       fillcolor="rgba(230,159,0,0.25)", line=dict(color="#E69F00", width=2))])
    return fig


def _period_ms(freq: str):
    return {"D": 86_400_000, "W-MON": 7 * 86_400_000, "MS": "M1", "QS": "M3", "YS": "M12"}[freq]
