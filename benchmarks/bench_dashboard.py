"""Dashboard server time at scale: 100,000 synthetic events.

    python benchmarks/bench_dashboard.py [--events 100000] [--seed 0] [--repeat 3]

Times what the server does (JSON encoding of the responses included, as Dash sends them):
- first render: app creation (prepare the table), the page layout, then the view for the initial state
  (filter + dense window + figure + overview + table rows). Target < 3 s.
- filter change: a new filter state (one actor; and one that keeps most events), its figure, overview and
  table page. Target < 0.5 s.
Baseline measured in the same run: encoding the whole table as JSON records (what a naive app would send).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402
import plotly  # noqa: E402

from dashboard import data as D  # noqa: E402
from dashboard.app import create_app  # noqa: E402
from dashboard.callbacks import render_view, window_to_store  # noqa: E402
from dashboard.synthetic import synthetic_events  # noqa: E402


def encode(view: dict) -> int:
    payload = [view["figure"], view["overview"], view["rows"], view["summary"], view["note"]]
    return len(json.dumps(payload, cls=plotly.utils.PlotlyJSONEncoder))


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    t_gen, raw = timed(lambda: synthetic_events(args.events, seed=args.seed))
    print(f"synthetic table: {len(raw):,} events in {t_gen:.2f} s (not timed below)")

    t_base, size_base = timed(lambda: len(json.dumps(raw.to_dict("records"))))
    print(f"baseline: whole table as JSON records: {t_base:.3f} s, {size_base / 1e6:.1f} MB")

    firsts = []
    for _ in range(args.repeat):
        def first():
            app = create_app(raw)
            layout = app.layout()
            layout_json = json.dumps(layout, cls=plotly.utils.PlotlyJSONEncoder)
            view = render_view(app.event_set, D.FilterState(), None)
            return app, len(layout_json) + encode(view), view
        t, (app, size, view) = timed(first)
        firsts.append(t)
    print(f"first render: {statistics.median(firsts):.3f} s median of {args.repeat} (target < 3 s; "
          f"{statistics.median(firsts) / t_base:.1f}x baseline), response {size / 1e6:.2f} MB, "
          f"figure: {view['figure'].data[0].type}")

    events = app.event_set
    states = {
        "one actor (Iran)": D.FilterState(actors=("Iran",)),
        "two actors + CAMEO root 04": D.FilterState(actors=("Russia", "Iran"), types=("04",)),
        "text search 'attacked'": D.FilterState(text="attacked"),
        "all but vague (keeps ~97%)": D.FilterState(precisions=("day", "month", "year")),
        "one actor, one month (detail view)": D.FilterState(actors=("Egypt",), date_from="2016-06", date_to="2016-06"),
    }
    worst = 0.0
    for label, state in states.items():
        times = []
        for _ in range(args.repeat):
            events._cache.clear()  # a new state: nothing memoised
            t, (n, size, kind) = timed(lambda: (lambda v: (len(events.filtered(state)), encode(v),
                                                           v["figure"].data[0].type if v["figure"].data else "-"))(
                render_view(events, state, None)))
            times.append(t)
        med = statistics.median(times)
        worst = max(worst, med)
        print(f"filter change, {label}: {med:.3f} s median ({n:,} events, {kind}, response {size / 1e6:.2f} MB)")
    # zooming into a few days of one actor's events re-renders with single events instead of counts
    state = D.FilterState(actors=("Iran",))
    busiest = events.filtered(state)["_start"].dt.floor("D").value_counts().index[0]
    narrow = (busiest - pd.Timedelta(days=1), busiest + pd.Timedelta(days=2))
    times = []
    for _ in range(args.repeat):
        t, v = timed(lambda: render_view(events, state, narrow))
        encode(v)
        times.append(t)
    kinds = sorted({t.type for t in v["figure"].data})
    print(f"zoom (Iran, {window_to_store(narrow)[0][:10]} .. {window_to_store(narrow)[1][:10]}): "
          f"{statistics.median(times):.3f} s median ({', '.join(kinds)})")
    print(f"verdict: first render {'OK' if statistics.median(firsts) < 3 else 'TOO SLOW'} "
          f"({statistics.median(firsts):.2f} s < 3 s), worst filter change {'OK' if worst < 0.5 else 'TOO SLOW'} "
          f"({worst:.3f} s < 0.5 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
