"""The app's events in memory: loaded once (from a DataFrame or a loader), grown by added articles.

A loader is any callable returning an event table; the serve command passes one that reads files (and,
later, the DuckDB store). `on_add`, if given, is called with each added article's events so a store can
keep them (the dashboard itself never writes files).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Union

import pandas as pd

from dashboard.data import FilterState, dense_window, filter_events, prepare_events
from timeline.schema import empty_events

Loader = Callable[[], pd.DataFrame]
EventsArg = Union[pd.DataFrame, Loader, None]


class EventSet:
    def __init__(self, events: EventsArg, on_add: Callable[[pd.DataFrame], None] | None = None):
        self._loader = events if callable(events) else None
        raw = events() if callable(events) else events
        if raw is None:
            raw = empty_events()
        self._lock = threading.Lock()
        self._df = prepare_events(raw)
        self._version = 0
        self._cache: OrderedDict = OrderedDict()
        self._on_add = on_add
        self.last_added_span = None  # (start, end) where the last added batch is dense, to bring it into view

    @property
    def df(self) -> pd.DataFrame:
        return self._df

    @property
    def version(self) -> int:
        return self._version

    def filtered(self, state: FilterState) -> pd.DataFrame:
        """`filter_events` of the current table, memoised for the last few states."""
        key = (self._version, state)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
            df = self._df
        out = filter_events(df, state)
        with self._lock:
            self._cache[key] = out
            while len(self._cache) > 8:
                self._cache.popitem(last=False)
        return out

    def add(self, events: pd.DataFrame) -> int:
        """Add an article's events (those whose event_id is already known are skipped); returns how many were new.

        With `on_add` (a store), they are handed to it first (if it fails nothing changes), and when the events
        came from a loader the table is then reloaded from it, so the page shows what the store holds (merged)."""
        new = prepare_events(events)
        with self._lock:
            new = new[~new["event_id"].isin(set(self._df["event_id"]))]
            new = new.drop_duplicates("event_id")
        if not len(new):
            return 0
        if self._on_add is not None:
            self._on_add(new[[c for c in new.columns if not c.startswith("_")]])
        reloaded = prepare_events(self._loader()) if (self._on_add is not None and self._loader is not None) else None
        with self._lock:
            self._df = reloaded if reloaded is not None else pd.concat([self._df, new], ignore_index=True)
            if new["_start"].notna().any():
                self.last_added_span = dense_window(new)  # where the new article's events are dense
            self._version += 1
            self._cache.clear()
        return len(new)
