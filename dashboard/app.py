"""`create_app(events, key_dates=None, processor=None) -> dash.Dash`: the whole dashboard.

`events` is an event table (timeline.schema) or a loader returning one. `processor(text, pub_date)`
turns an added article into events (default: timeline.extract, when it exists). `key_dates` is a table
with a `date` column (and optionally `score`, `label`) whose dates are marked on the plot.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import dash
import pandas as pd

from dashboard.articles import UPLOAD_HARD_LIMIT, ArticleJobs
from dashboard.callbacks import register_callbacks
from dashboard.data import key_date_marks
from dashboard.events import EventsArg, EventSet
from dashboard.layout import build_layout

ASSETS = Path(__file__).resolve().parent / "assets"


def create_app(events: EventsArg, key_dates: pd.DataFrame | None = None, processor: Callable | None = None,
               *, on_add: Callable[[pd.DataFrame], None] | None = None, title: str = "Chronology") -> dash.Dash:
    event_set = EventSet(events, on_add=on_add)
    jobs = ArticleJobs(processor, event_set.add)
    marks = key_date_marks(key_dates)
    app = dash.Dash(__name__, title=title, assets_folder=str(ASSETS), suppress_callback_exceptions=False,
                    update_title=None)
    # a request can carry one upload (base64, inside JSON) and no more
    app.server.config["MAX_CONTENT_LENGTH"] = 4 * UPLOAD_HARD_LIMIT
    app.layout = lambda: build_layout(event_set.df, has_key_dates=bool(marks), title=title)
    register_callbacks(app, event_set, jobs, marks)
    app.event_set = event_set  # for tests and the serve command
    return app
