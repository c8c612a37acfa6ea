"""`timeline serve [INPUT...] [--db PATH] [--host 127.0.0.1] [--port 8050]`: the dashboard in the browser.

INPUT files are event tables in the schema of timeline.schema (CSV, Parquet or JSONL); `--db PATH` serves a
DuckDB store (timeline.store); with neither, the default store (data/timeline.duckdb or $TIMELINE_DB), which
`timeline extract` builds out of seeds/ on first start. Where the events come from is decided in one place,
`load_events_for_serve(args)`. Articles added in the browser go through timeline.extract and, when serving a
store, into it.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from timeline.errors import TimelineError
from timeline.schema import EVENT_COLUMNS, EVENT_SCHEMA, validate_events

try:
    from timeline.schema import OPTIONAL_COLUMNS
except ImportError:  # older schema
    OPTIONAL_COLUMNS = ()

TABLE_SUFFIXES = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass
class ServeSource:
    """What the dashboard serves: events (a table or a loader), key dates, the article processor and where
    added articles' events go (None: kept in memory only)."""
    events: pd.DataFrame | Callable[[], pd.DataFrame]
    key_dates: pd.DataFrame | None = None
    processor: Callable | None = None
    on_add: Callable[[pd.DataFrame], None] | None = None
    title: str = "Chronology"


def read_event_table(path: Path) -> pd.DataFrame:
    """An event-table file (CSV / Parquet / JSONL written in the schema) -> validated DataFrame."""
    kind = TABLE_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise TimelineError(f"{path}: not an event table (expected {', '.join(sorted(TABLE_SUFFIXES))}); "
                            "to turn articles into events use `timeline extract`")
    if not path.is_file():
        raise TimelineError(f"{path}: no such file")
    try:
        if kind == "csv":
            df = pd.read_csv(path, dtype=str, keep_default_na=False)
        elif kind == "parquet":
            df = pd.read_parquet(path)
        else:
            df = pd.read_json(path, lines=True, dtype=False)
    except Exception as exc:  # pandas raises many kinds for unreadable files
        raise TimelineError(f"{path}: cannot read it as {kind}: {exc}") from None
    missing = [c for c in EVENT_COLUMNS if c not in df.columns and c not in OPTIONAL_COLUMNS]
    if missing:
        raise TimelineError(f"{path}: not an event table, it lacks the columns {', '.join(missing)}")
    for c, (t, _) in EVENT_SCHEMA.items():
        if c not in df.columns:
            continue
        if t in ("Int64", "Float64"):
            df[c] = pd.to_numeric(df[c].replace("", None), errors="coerce")
        else:
            df[c] = df[c].astype("string").fillna("")
    try:
        return validate_events(df)
    except (ValueError, TypeError) as exc:
        raise TimelineError(f"{path}: {exc}") from None


def key_dates_of(events: pd.DataFrame, k: int) -> pd.DataFrame | None:
    """The table's `k` key dates (timeline.keydates), labelled for the plot; None when there are none."""
    if k <= 0 or not len(events):
        return None
    try:
        from timeline.keydates import key_dates
    except ImportError:
        return None
    kd = key_dates(events, k=k)
    return _label_key_dates(kd) if len(kd) else None


def store_source(path: Path | None, k: int = 8, build_from_seeds: bool = False) -> ServeSource:
    """Serve a DuckDB store (timeline.store): its merged events and key dates; added articles are stored in it.
    With `build_from_seeds`, an absent or empty store is first built from seeds/ (`timeline extract seeds`)."""
    try:
        from timeline.store import Store, default_path
    except ImportError:
        raise TimelineError("serving a store needs timeline.store, which this installation lacks; "
                            "serve event-table files instead: timeline serve EVENTS.csv") from None
    path = Path(path) if path else default_path()
    if build_from_seeds and _store_is_empty(Store, path):
        build_store_from_seeds(path)
    elif not path.exists():
        raise TimelineError(f"no store at {path} (build one with: timeline extract ARTICLES... --db {path} -o OUT)")

    def load() -> pd.DataFrame:
        with Store(path, read_only=True) as st:
            return st.events()

    def add(events: pd.DataFrame) -> None:
        with Store(path) as st:
            st.add_documents([{"doc_id": doc_id, "status": "processed", "mentions": group.reset_index(drop=True),
                               **{c: _first(group, c) for c in ("source", "pub_date", "dct", "dct_source")}}
                              for doc_id, group in events.groupby("doc_id", sort=False)])

    with Store(path, read_only=True) as st:
        key_dates = st.key_dates(k) if k > 0 else None
    if key_dates is not None and len(key_dates):
        key_dates = _label_key_dates(key_dates)
    else:
        key_dates = None
    return ServeSource(events=load, key_dates=key_dates, on_add=add, title=f"Chronology: {path.name}")


def _first(df: pd.DataFrame, col: str):
    if col not in df.columns:
        return None
    vals = [v for v in df[col] if isinstance(v, str) and v]
    return vals[0] if vals else None


def _store_is_empty(Store, path: Path) -> bool:
    if not path.exists():
        return True
    with Store(path, read_only=True) as st:
        return st.counts()["documents"] == 0


def build_store_from_seeds(path: Path) -> None:
    """First start: the seed articles through `timeline extract` into the store at `path`."""
    import tempfile

    from timeline.cli import main
    from timeline.paths import SEEDS_DIR

    if not SEEDS_DIR.is_dir() or not any(SEEDS_DIR.iterdir()):
        raise TimelineError(f"no store at {path} and no seed articles in {SEEDS_DIR} to build it from")
    print(f"timeline serve: first start: building the store {path} from {SEEDS_DIR.name}/ ...", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        rc = main(["extract", str(SEEDS_DIR), "--db", str(path), "-o", str(Path(tmp) / "events.csv"), "--quiet"])
    if rc != 0:
        raise TimelineError(f"could not build the store from {SEEDS_DIR.name}/ (timeline extract exited with {rc})")


def _label_key_dates(kd: pd.DataFrame) -> pd.DataFrame:
    plural = lambda n, w: f"{n} {w}{'' if n == 1 else 's'}"  # noqa: E731
    return kd.assign(label=[f"{plural(int(m), 'mention')} in {plural(int(s), 'article')}"
                            for m, s in zip(kd["n_mentions"], kd["n_sources"])])


def load_events_for_serve(args) -> ServeSource:
    """The one place deciding what `serve` shows: event-table files, a store (--db), or the default store
    (built from seeds/ on first start)."""
    k = getattr(args, "key_dates", 8)
    if args.inputs and args.db:
        raise TimelineError("give either event-table files or --db, not both")
    if args.inputs:
        paths = [Path(p) for p in args.inputs]
        tables = [read_event_table(p) for p in paths]
        events = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
        events = events.drop_duplicates("event_id", keep="first")
        title = f"Chronology: {paths[0].name}" if len(paths) == 1 else f"Chronology: {len(paths)} tables"
        return ServeSource(events=events, key_dates=key_dates_of(events, k), title=title)
    if args.db:
        return store_source(Path(args.db), k)
    return store_source(None, k, build_from_seeds=True)


def run(args) -> int:
    src = load_events_for_serve(args)
    from dashboard.app import create_app

    app = create_app(src.events, key_dates=src.key_dates, processor=src.processor, on_add=src.on_add,
                     title=src.title)
    n = len(app.event_set.df)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"timeline serve: warning: listening on {args.host}: anyone who can reach this machine can use "
              "the dashboard and add articles", file=sys.stderr)
    print(f"timeline serve: {n} events on http://{args.host}:{args.port}/ (Ctrl+C to stop)", file=sys.stderr)
    app.run(host=args.host, port=args.port, debug=False)
    return 0


def register(sub):
    p = sub.add_parser("serve", help="open the chronology dashboard in the browser",
                       description="Start the dashboard. INPUT: event-table files (CSV, Parquet, JSONL) in the "
                                   "event schema. Without INPUT it serves the default store (data/timeline.duckdb "
                                   "or $TIMELINE_DB), built from seeds/ on first start.")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="event-table file(s) to serve")
    p.add_argument("--db", metavar="PATH", help="serve this DuckDB store (articles added in the browser go into it)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    p.add_argument("--key-dates", type=int, default=8, metavar="K",
                   help="mark the K dates the events point to most strongly (default 8; 0: none)")
    p.set_defaults(func=run)
