"""Pure functions over the event table: filtering, options, URL state, lanes, windows, highlights.

Nothing here knows about Dash. The table is the one of `timeline.schema`; `prepare_events` adds a few
derived columns (prefixed with `_`) once, so that filtering a large table stays fast:

- `_start`, `_end`: the interval the event is placed on, as datetimes, end exclusive. Dated events use
  `date_start`/`date_end`; vague ones (PAST_REF, ...) are placed on their publication day, which is
  also where the plot draws them (or, without one, on the document time `dct` the dates were resolved
  against); vague events with neither have no placement (NaT).
- `_root`: the CAMEO root (first two digits of `cameo_code`).
- `_text`: lower-cased text searched by the free-text filter.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import parse_qsl, urlencode

import numpy as np
import pandas as pd

from timeline.schema import EVENT_SCHEMA, validate_events

# Display names of the 20 CAMEO root codes (CAMEO 1.1b3 manual), used only to label options.
CAMEO_ROOTS = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
    "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
    "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
    "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Use unconventional mass violence",
}

GRANULARITIES = ("time", "day", "week", "month", "quarter", "year", "decade", "century", "vague")
POINT_GRANULARITIES = ("time", "day")
MODALITIES = ("asserted", "planned", "reported", "negated", "hypothetical")
LANE_MODES = ("actor", "type", "source")
SEARCH_COLUMNS = ("summary", "sentence", "actor1", "actor2", "attributed_to", "date_text", "location",
                  "predicate", "source", "event_type")
MAX_QUERY_LENGTH = 4000
MAX_VALUE_LENGTH = 200

_PY_STRING = pd.StringDtype("python")
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# --------------------------------------------------------------------------- the view's state

@dataclass(frozen=True)
class FilterState:
    """Everything that decides what the view shows; it round-trips through the URL query string."""
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()        # CAMEO roots ("04") or PLOVER types ("CONSULT")
    date_from: str = ""                # YYYY, YYYY-MM or YYYY-MM-DD: from the start of that period
    date_to: str = ""                  # YYYY, YYYY-MM or YYYY-MM-DD: to the end of that period (inclusive)
    precisions: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    text: str = ""
    lanes: str = "actor"

    def is_unfiltered(self) -> bool:
        return self == FilterState(lanes=self.lanes)

    def to_dict(self) -> dict:
        return {"actors": list(self.actors), "types": list(self.types), "date_from": self.date_from,
                "date_to": self.date_to, "precisions": list(self.precisions),
                "modalities": list(self.modalities), "sources": list(self.sources), "text": self.text,
                "lanes": self.lanes}

    @classmethod
    def from_dict(cls, d: dict | None) -> "FilterState":
        d = d or {}

        def tup(key):
            return tuple(str(v) for v in (d.get(key) or ()) if str(v).strip())

        lanes = d.get("lanes") or "actor"
        return cls(actors=tup("actors"), types=tup("types"), date_from=str(d.get("date_from") or ""),
                   date_to=str(d.get("date_to") or ""), precisions=tup("precisions"),
                   modalities=tup("modalities"), sources=tup("sources"), text=str(d.get("text") or ""),
                   lanes=lanes if lanes in LANE_MODES else "actor")


# URL key -> FilterState field; repeated keys give several values.
_LIST_KEYS = {"actor": "actors", "type": "types", "precision": "precisions", "modality": "modalities",
              "source": "sources"}
_SCALAR_KEYS = {"from": "date_from", "to": "date_to", "q": "text", "lanes": "lanes"}


def parse_period(value: str, *, end: bool) -> pd.Timestamp:
    """`2016` / `2016-12` / `2016-12-30` -> first day of that period (or the day after it, if `end`)."""
    m = _ISO_PREFIX.match(value.strip())
    if not m:
        raise ValueError(f"not a date (use YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if d:
        day = date(y, int(mo), int(d))
        return pd.Timestamp(day + timedelta(days=1) if end else day)
    if mo:
        mo = int(mo)
        if not 1 <= mo <= 12:
            raise ValueError(f"no month {mo} in {value!r}")
        if not end:
            return pd.Timestamp(date(y, mo, 1))
        return pd.Timestamp(date(y + (mo == 12), mo % 12 + 1, 1))
    return pd.Timestamp(date(y + 1 if end else y, 1, 1))


def parse_query(search: str | None) -> tuple[FilterState, list[str]]:
    """`?actor=Iran&actor=Russia&type=04&from=2016-12&to=2017-01-31` -> (state, notices).

    A malformed query gives the unfiltered state and a notice saying what was wrong; unknown
    parameters are ignored with a notice.
    """
    search = (search or "").lstrip("?")
    if not search:
        return FilterState(), []
    if len(search) > MAX_QUERY_LENGTH:
        return FilterState(), ["The link's query is too long; showing all events."]
    try:
        pairs = parse_qsl(search, keep_blank_values=True, strict_parsing=True, errors="strict",
                          max_num_fields=200)
    except (ValueError, UnicodeDecodeError) as exc:
        return FilterState(), [f"Could not read the link's filters ({exc}); showing all events."]
    lists: dict[str, list[str]] = {f: [] for f in _LIST_KEYS.values()}
    scalars: dict[str, str] = {}
    notices: list[str] = []
    problems: list[str] = []
    for key, value in pairs:
        value = value.strip()
        if len(value) > MAX_VALUE_LENGTH:
            problems.append(f"value of '{key}' is too long")
        elif key in _LIST_KEYS:
            if value and value not in lists[_LIST_KEYS[key]]:
                lists[_LIST_KEYS[key]].append(value)
        elif key in _SCALAR_KEYS:
            if key in scalars and scalars[key] != value:
                problems.append(f"'{key}' is given twice")
            scalars[key] = value
        else:
            notices.append(f"Ignored unknown link parameter '{key}'.")
    for key in ("from", "to"):
        if scalars.get(key):
            try:
                parse_period(scalars[key], end=key == "to")
            except ValueError as exc:
                problems.append(f"'{key}': {exc}")
    if scalars.get("from") and scalars.get("to") and not problems:
        if parse_period(scalars["from"], end=False) >= parse_period(scalars["to"], end=True):
            problems.append("'from' is after 'to'")
    if scalars.get("lanes") and scalars["lanes"] not in LANE_MODES:
        problems.append(f"'lanes' must be one of {', '.join(LANE_MODES)}")
    bad_prec = [p for p in lists["precisions"] if p not in GRANULARITIES]
    if bad_prec:
        problems.append(f"unknown precision {', '.join(bad_prec)}")
    if problems:
        return FilterState(), ["The link's filters are malformed (" + "; ".join(problems) + "); showing all events."]
    state = FilterState(
        actors=tuple(lists["actors"]), types=tuple(lists["types"]), precisions=tuple(lists["precisions"]),
        modalities=tuple(lists["modalities"]), sources=tuple(lists["sources"]),
        date_from=scalars.get("from", ""), date_to=scalars.get("to", ""), text=scalars.get("q", ""),
        lanes=scalars.get("lanes") or "actor")
    return state, notices


def state_to_query(state: FilterState) -> str:
    """The inverse of `parse_query`: '' for the unfiltered view, else '?actor=...&...'."""
    pairs: list[tuple[str, str]] = []
    for key, fld in _LIST_KEYS.items():
        pairs += [(key, v) for v in getattr(state, fld)]
    for key, fld in _SCALAR_KEYS.items():
        v = getattr(state, fld)
        if v and not (key == "lanes" and v == "actor"):
            pairs.append((key, v))
    return "?" + urlencode(pairs) if pairs else ""


# --------------------------------------------------------------------------- the table

def prepare_events(df: pd.DataFrame) -> pd.DataFrame:
    """Validate against the schema and add the derived `_` columns (see the module doc)."""
    df = df.copy()
    for c, (t, _) in EVENT_SCHEMA.items():  # a table read as text (CSV) has '' for missing numbers
        if t in ("Int64", "Float64") and c in df.columns and not pd.api.types.is_numeric_dtype(df[c]):
            df[c] = pd.to_numeric(df[c].replace("", None), errors="coerce")
    out = validate_events(df).reset_index(drop=True)
    for c in out.columns:
        if str(out[c].dtype) in ("string", "str"):
            # python-backed strings: row selection on them is several times faster than on arrow ones
            out[c] = out[c].fillna("").astype(_PY_STRING)
    start = pd.to_datetime(out["date_start"].where(out["date_start"] != ""), errors="coerce", format="ISO8601")
    end = pd.to_datetime(out["date_end"].where(out["date_end"] != ""), errors="coerce", format="ISO8601")
    pub = pd.to_datetime(out["pub_date"].where(out["pub_date"] != "").str[:10], errors="coerce", format="ISO8601")
    if "dct" in out.columns:  # the document time the dates were resolved against, when there is no pub_date
        dct = pd.to_datetime(out["dct"].where(out["dct"] != "").str[:10], errors="coerce", format="ISO8601")
        pub = pub.fillna(dct)
    undated = start.isna()
    start = start.where(~undated, pub)
    end = end.where(~undated, pub + pd.Timedelta(days=1))
    # an interval must not be empty: a zero-length one becomes one day long
    end = end.where(~(end <= start), start + pd.Timedelta(days=1))
    out["_start"] = start.astype("datetime64[ns]")
    out["_end"] = end.astype("datetime64[ns]")
    out["_root"] = out["cameo_code"].str[:2].astype(_PY_STRING)
    text = out[SEARCH_COLUMNS[0]]
    for c in SEARCH_COLUMNS[1:]:
        text = text + " " + out[c]
    out["_text"] = text.str.lower().astype(_PY_STRING)
    return out


def _ci_isin(series: pd.Series, values) -> pd.Series:
    return series.str.lower().isin({str(v).lower() for v in values})


def actor_mask(df: pd.DataFrame, actors) -> pd.Series:
    """An event matches an actor value when it is actor1 or actor2, by canonical name or country code."""
    m = pd.Series(False, index=df.index)
    for col in ("actor1", "actor2", "actor1_country", "actor2_country"):
        m |= _ci_isin(df[col], actors)
    return m


def type_mask(df: pd.DataFrame, types) -> pd.Series:
    roots = {t for t in types if re.fullmatch(r"\d{2}", t)}
    plover = [t for t in types if t not in roots]
    m = df["_root"].isin(roots)
    if plover:
        m |= _ci_isin(df["event_type"], plover)
    return m


def filter_events(df: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The rows of a prepared table that the state selects (the plot, the table and the exports all use this)."""
    m = pd.Series(True, index=df.index)
    if state.actors:
        m &= actor_mask(df, state.actors)
    if state.types:
        m &= type_mask(df, state.types)
    if state.precisions:
        m &= df["granularity"].isin(state.precisions)
    if state.modalities:
        m &= _ci_isin(df["modality"], state.modalities)
    if state.sources:
        m &= df["source"].isin(state.sources)
    if state.date_from:
        m &= df["_end"] > parse_period(state.date_from, end=False)
    if state.date_to:
        m &= df["_start"] < parse_period(state.date_to, end=True)
    for word in state.text.lower().split():
        m &= df["_text"].str.contains(word, regex=False)
    return df[m.fillna(False).astype(bool)]


# --------------------------------------------------------------------------- options for the filters

def _counted(counts: pd.Series, label=lambda v: v) -> list[dict]:
    counts = counts[counts.index != ""]
    items = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]).lower()))
    return [{"label": f"{label(v)} · {n}", "value": v} for v, n in items]


def actor_options(df: pd.DataFrame) -> list[dict]:
    """Actors by number of events (as actor1 or actor2, each event counted once), then country codes."""
    a1, a2 = df["actor1"], df["actor2"]
    names = pd.concat([a1, a2.where(a2 != a1, "")])
    opts = _counted(names.value_counts())
    c1, c2 = df["actor1_country"], df["actor2_country"]
    codes = pd.concat([c1, c2.where(c2 != c1, "")]).value_counts()
    opts += _counted(codes, label=lambda c: f"{c} (any actor of this country)")
    return opts


def type_options(df: pd.DataFrame) -> list[dict]:
    roots = _counted(df["_root"].value_counts(), label=lambda r: f"CAMEO {r} {CAMEO_ROOTS.get(r, '')}".rstrip())
    plover = _counted(df["event_type"].value_counts(), label=lambda t: f"PLOVER {t}")
    return roots + plover


def precision_options(df: pd.DataFrame) -> list[dict]:
    counts = df["granularity"].value_counts()
    return [{"label": f"{g} · {counts[g]}", "value": g} for g in GRANULARITIES if g in counts.index]


def modality_options(df: pd.DataFrame) -> list[dict]:
    return _counted(df["modality"].value_counts())


def source_options(df: pd.DataFrame) -> list[dict]:
    return _counted(df["source"].value_counts())


# --------------------------------------------------------------------------- lanes

OTHER_LANE = "other"


def lane_keys(df: pd.DataFrame, by: str = "actor", focus_actors=()) -> pd.Series:
    """The lane of each event: its main actor (or the filtered actor it matched), its type, or its source."""
    if by == "type":
        t = df["event_type"]
        roots = df["_root"].map(lambda r: f"CAMEO {r} {CAMEO_ROOTS.get(r, '')}".rstrip() if r else "")
        key = t.where(t != "", roots)
        return key.where(key != "", "(no type)")
    if by == "source":
        return df["source"].where(df["source"] != "", "(no source)")
    a1 = df["actor1"].where(df["actor1"] != "", df["actor2"])
    key = a1
    if focus_actors:
        focus = {str(a).lower() for a in focus_actors}
        hit1 = df["actor1"].str.lower().isin(focus) | df["actor1_country"].str.lower().isin(focus)
        hit2 = df["actor2"].str.lower().isin(focus) | df["actor2_country"].str.lower().isin(focus)
        key = a1.where(hit1 | ~hit2, df["actor2"])
    return key.where(key != "", "(no actor)")


def assign_lanes(df: pd.DataFrame, by: str = "actor", focus_actors=(), max_lanes: int = 20) -> tuple[pd.Series, list[str]]:
    """(lane of each event, lanes in display order). Lanes are ordered by number of events; beyond
    `max_lanes` the smallest are merged into one 'other' lane, so lanes stay readable."""
    keys = lane_keys(df, by, focus_actors)
    counts = keys.value_counts()
    order = sorted(counts.index, key=lambda k: (-counts[k], str(k).lower()))
    if len(order) > max_lanes:
        keep = set(order[: max_lanes - 1])
        keys = keys.where(keys.isin(keep), OTHER_LANE)
        order = order[: max_lanes - 1] + [OTHER_LANE]
    return keys, order


# --------------------------------------------------------------------------- windows

def full_span(df: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    s, e = df["_start"].min(), df["_end"].max()
    if pd.isna(s) or pd.isna(e):
        return None
    return s, e


MIN_WINDOW_DAYS = 10.0


def _at_least(lo: pd.Timestamp, hi: pd.Timestamp, days: float) -> tuple[pd.Timestamp, pd.Timestamp]:
    if hi - lo >= pd.Timedelta(days=days):
        return lo, hi
    mid = lo + (hi - lo) / 2
    return mid - pd.Timedelta(days=days / 2), mid + pd.Timedelta(days=days / 2)


def whole_window(df: pd.DataFrame, min_days: float = MIN_WINDOW_DAYS) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Every event's interval, padded a little (at least `min_days` wide)."""
    span = full_span(df)
    if span is None:
        return None
    pad = max((span[1] - span[0]) * 0.02, pd.Timedelta(days=1))
    return _at_least(span[0] - pad, span[1] + pad, min_days)


def dense_window(df: pd.DataFrame, coverage: float = 0.9,
                 min_days: float = MIN_WINDOW_DAYS) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Where the events are dense, for the first view: the shortest span holding `coverage` of the
    day-precise events (not the vague ones, which sit on their article's date) (or 80, 70, 60, 50% of them, the first of these whose span is at most a quarter of
    the whole), padded a little; the whole span when the events are not much denser anywhere. Uses all
    events' midpoints when there are fewer than three day-precise ones."""
    span = full_span(df)
    if span is None:
        return None
    whole = span[1] - span[0]
    everything = whole_window(df, min_days)
    placed = df["_start"].notna()
    fine = placed & df["granularity"].isin(POINT_GRANULARITIES)  # vague ones sit on the article's date: no evidence
    if fine.sum() >= 3:
        pts = df.loc[fine, "_start"]
    else:
        pts = df.loc[placed, "_start"] + (df.loc[placed, "_end"] - df.loc[placed, "_start"]) / 2
    x = np.sort(pts.to_numpy(dtype="datetime64[ns]").astype("int64"))
    n = len(x)
    for c in sorted({coverage, 0.8, 0.7, 0.6, 0.5}, reverse=True):
        k = max(math.ceil(c * n), min(n, 3))  # a window around one or two events says nothing about density
        widths = x[k - 1:] - x[: n - k + 1]
        i = int(np.argmin(widths))
        lo, hi = pd.Timestamp(x[i]), pd.Timestamp(x[i + k - 1]) + pd.Timedelta(days=1)
        if hi - lo <= whole * 0.25:
            break
    else:
        return everything
    pad = max((hi - lo) * 0.08, pd.Timedelta(days=1))
    lo, hi = _at_least(lo - pad, hi + pad, min_days)
    return (lo, hi) if hi - lo <= whole * 0.5 else everything


def window_mask(df: pd.DataFrame, window) -> pd.Series:
    lo, hi = window
    return ((df["_end"] > lo) & (df["_start"] < hi)).fillna(False).astype(bool)


def in_window(df: pd.DataFrame, window) -> pd.DataFrame:
    return df[window_mask(df, window)]


# --------------------------------------------------------------------------- key dates

def key_date_marks(key_dates: pd.DataFrame | None, limit: int = 12) -> list[dict]:
    """Key dates to mark: a table with a `date` column (ISO day, month or year) and optionally `score`
    and `label`; the `limit` best-scored, in date order."""
    if key_dates is None or len(key_dates) == 0 or "date" not in key_dates.columns:
        return []
    kd = key_dates.copy()
    if "score" not in kd.columns:
        kd["score"] = 1.0
    kd = kd.sort_values("score", ascending=False, kind="stable").head(limit)
    marks = []
    for _, r in kd.iterrows():
        d = str(r["date"]).strip()
        try:
            start, end = parse_period(d, end=False), parse_period(d, end=True)
        except ValueError:
            continue
        label = str(r["label"]) if "label" in kd.columns and pd.notna(r["label"]) else ""
        marks.append({"date": d, "start": start, "end": end, "score": float(r["score"]), "label": label})
    return sorted(marks, key=lambda m: m["start"])


# --------------------------------------------------------------------------- dates for people

def human_date(value: str, granularity: str, start: str = "", end: str = "", pub_date: str = "") -> str:
    """The resolved date in words, always with its year: '19 Jan 2017', 'Dec 2016', '2016', ..."""
    try:
        s = pd.Timestamp(start) if start else None
    except ValueError:
        s = None
    if granularity in ("day", "time") and s is not None:
        return s.strftime("%d %b %Y").lstrip("0") + (f" {value[11:16]}" if granularity == "time" and len(value) > 11 else "")
    if granularity == "month" and s is not None:
        return s.strftime("%b %Y")
    if granularity == "year" and s is not None:
        return s.strftime("%Y")
    if granularity in ("week", "quarter", "decade", "century") and s is not None and end:
        last = pd.Timestamp(end) - pd.Timedelta(days=1)
        return f"{value} ({s.strftime('%d %b %Y').lstrip('0')} – {last.strftime('%d %b %Y').lstrip('0')})"
    if granularity == "vague":
        pub = human_date(pub_date[:10], "day", pub_date[:10]) if pub_date else ""
        where = {"PAST_REF": "some time before", "FUTURE_REF": "some time after", "PRESENT_REF": "around"}.get(value)
        if where and pub:
            return f"{value}: {where} the article's date ({pub})"
        return f"{value} (vague; no date)" if not pub else f"{value} (vague; article of {pub})"
    return value or "(no date)"


# --------------------------------------------------------------------------- the detail panel

def highlight_spans(sentence: str, marks: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """Cut `sentence` into (text, kind) pieces, kind None for plain text; overlapping marks: the first wins."""
    taken: list[tuple[int, int, str]] = []
    for s, e, kind in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        s, e = max(0, s), min(len(sentence), e)
        if s < e and all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, kind))
    taken.sort()
    pieces, pos = [], 0
    for s, e, kind in taken:
        if s > pos:
            pieces.append((sentence[pos:s], None))
        pieces.append((sentence[s:e], kind))
        pos = e
    if pos < len(sentence):
        pieces.append((sentence[pos:], None))
    return pieces


def _find(sentence: str, needle: str) -> tuple[int, int] | None:
    """First whole-word occurrence of `needle` (exact case first, then any case)."""
    if not needle:
        return None
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    m = re.search(pattern, sentence) or re.search(pattern, sentence, flags=re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def event_marks(row: dict) -> list[tuple[int, int, str]]:
    """Where the time expression and the actors sit in the event's sentence.

    Uses character offsets when the table has them (`date_char_start`/`date_char_end` and
    `actor1_start`/... into the document, per the schema's convention), else finds the written forms.
    """
    sentence = row.get("sentence") or ""
    sent_start = row.get("sent_start")
    marks: list[tuple[int, int, str]] = []

    def from_offsets(a, b):
        s, e = row.get(a), row.get(b)
        if s is None or e is None or pd.isna(s) or pd.isna(e) or sent_start is None or pd.isna(sent_start):
            return None
        s, e = int(s) - int(sent_start), int(e) - int(sent_start)
        return (s, e) if 0 <= s < e <= len(sentence) else None

    span = from_offsets("date_char_start", "date_char_end") or _find(sentence, row.get("date_text") or "")
    if span:
        marks.append((*span, "time"))
    for n in ("1", "2"):
        span = from_offsets(f"actor{n}_start", f"actor{n}_end") or _find(sentence, row.get(f"actor{n}_text") or "") \
            or _find(sentence, row.get(f"actor{n}") or "")
        if span:
            marks.append((*span, "actor"))
    return marks


# --------------------------------------------------------------------------- exports

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(v):
    """A string a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(v, str) and v.startswith(_FORMULA_START):
        return "'" + v
    return v


def export_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The schema's columns (and extras), without the derived ones."""
    return df[[c for c in df.columns if not c.startswith("_")]]


def events_to_csv(df: pd.DataFrame) -> str:
    out = export_frame(df).copy()
    for c in out.columns:
        if str(out[c].dtype) in ("string", "object", "str"):
            out[c] = out[c].astype(object).map(neutralise_cell)
    return out.to_csv(index=False)


def _tl_date(iso: str, granularity: str) -> dict | None:
    m = _ISO_PREFIX.match(iso[:10]) if iso else None
    if not m:
        return None
    d = {"year": int(m.group(1))}
    if granularity in ("month", "week", "day", "time") and m.group(2):
        d["month"] = int(m.group(2))
    if granularity in ("week", "day", "time") and m.group(3):
        d["day"] = int(m.group(3))
    return d


def events_to_timelinejs(df: pd.DataFrame, title: str = "Chronology") -> dict:
    """TimelineJS3 JSON: each dated event with only the precision known; vague events are left out
    (TimelineJS needs a start date). TimelineJS renders text as HTML, so all text is escaped."""
    from html import escape

    events = []
    for r in export_frame(df).to_dict("records"):
        g = r.get("granularity") or ""
        start = _tl_date(r.get("date_start") or "", g)
        if start is None:
            continue
        ev = {"start_date": start,
              "text": {"headline": escape(r.get("summary") or r.get("predicate") or ""),
                       "text": escape(r.get("sentence") or "")},
              "group": r.get("actor1") or r.get("actor2") or "",
              "unique_id": r.get("event_id") or ""}
        if g not in ("day", "time") and r.get("date_end"):
            last = (pd.Timestamp(r["date_end"]) - pd.Timedelta(days=1)).strftime("%Y-%m-%d")
            ev["end_date"] = _tl_date(last, g)
        if r.get("source"):
            ev["text"]["text"] += f"<p>{escape(r['source'])}</p>"
        events.append(ev)
    return {"title": {"text": {"headline": escape(title)}}, "events": events}



TABLE_FIELDS = ("event_id", "date_value", "granularity", "date_text", "actor1", "actor2", "event_type", "cameo_code",
                "modality", "summary", "source", "pub_date")


def table_rows(df: pd.DataFrame, limit: int = 2000) -> list[dict]:
    """The first `limit` events in date order, as grid rows (with the resolved date in words)."""
    # the first `limit` by (start, event_id), without sorting the whole table: partition on the start first
    t = df["_start"].to_numpy(dtype="datetime64[ns]").astype("int64")
    t = np.where(df["_start"].isna().to_numpy(), np.iinfo(np.int64).max, t)
    if len(t) > limit:
        cut = np.partition(t, limit - 1)[limit - 1]
        cand = df.index[t <= cut]
    else:
        cand = df.index
    order = df.loc[cand, ["_start", "event_id"]].sort_values(["_start", "event_id"], kind="stable",
                                                             na_position="last")
    extra = ["date_start", "date_end"] + (["dct"] if "dct" in df.columns else [])
    part = df.loc[order.index[:limit], list(TABLE_FIELDS) + extra]
    rows = part[list(TABLE_FIELDS)].to_dict("records")
    anchor = part["pub_date"].where(part["pub_date"] != "", part["dct"]) if "dct" in part.columns else part["pub_date"]
    for r, v, g, s, e, p in zip(rows, part["date_value"], part["granularity"], part["date_start"], part["date_end"],
                                anchor):
        r["resolved"] = human_date(v, g, s, e, p)
    return rows


def canonical_values(values, options: list[dict]) -> tuple[list[str], list[str]]:
    """Map values to the options' values ignoring case; (mapped values, values with no option)."""
    known = {str(o["value"]).lower(): o["value"] for o in options}
    out, unknown = [], []
    for v in values:
        hit = known.get(str(v).lower())
        out.append(hit if hit is not None else v)
        if hit is None:
            unknown.append(v)
    return out, unknown
