"""The event table's one documented schema (a pandas DataFrame, one row per event).

Dates are ISO strings. `date_value` is the TIMEX3 value (`2017-01-19`, `2016-12`, `2016`,
`PAST_REF`, ...); `date_start`/`date_end` the interval it denotes, end exclusive (empty for
vague values); `granularity` one of day, week, month, quarter, year, decade, century, vague, time.
Offsets (`sent_start`, `sent_end`, `date_start_char`, ...) are character offsets into the
document's text, 0-based, end exclusive.
"""
from __future__ import annotations

import pandas as pd

# column -> (dtype, description)
EVENT_SCHEMA: dict[str, tuple[str, str]] = {
    "event_id": ("string", "stable id: hash of doc_id, sentence offsets and predicate"),
    "doc_id": ("string", "id of the article (hash of its content unless given)"),
    "pub_date": ("string", "publication date of the article, ISO (empty if unknown)"),
    "date_value": ("string", "TIMEX3 value of the event's date"),
    "date_start": ("string", "first day of the event's date interval, ISO (empty if vague)"),
    "date_end": ("string", "day after the interval ends, ISO, exclusive (empty if vague)"),
    "granularity": ("string", "precision: time, day, week, month, quarter, year, decade, century, vague"),
    "date_text": ("string", "the time expression as written (empty when dated by the reporting frame)"),
    "date_rule": ("string", "why this date: rule that recognised and resolved it"),
    "date_anchor": ("string", "what the date was resolved against (document time, narrative date, ...)"),
    "actor1": ("string", "canonical name of the source actor"),
    "actor1_type": ("string", "state, government, igo, armed_group, opposition, person, ..."),
    "actor1_country": ("string", "ISO 3166 alpha-3 code where one applies"),
    "actor2": ("string", "canonical name of the target actor"),
    "actor2_type": ("string", "type of the target actor"),
    "actor2_country": ("string", "ISO 3166 alpha-3 code of the target actor"),
    "predicate": ("string", "the verb or event noun"),
    "cameo_code": ("string", "CAMEO code (root at least), two to four digits"),
    "event_type": ("string", "PLOVER event type"),
    "quad_class": ("Int64", "CAMEO QuadClass: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict"),
    "goldstein": ("Float64", "Goldstein score of the CAMEO code"),
    "location": ("string", "place where the event happened, if stated"),
    "modality": ("string", "asserted, planned, reported, negated, hypothetical"),
    "attributed_to": ("string", "speaker the statement is attributed to"),
    "summary": ("string", "a short readable line"),
    "sentence": ("string", "the sentence that states the event"),
    "sent_start": ("Int64", "character offset of the sentence in the document"),
    "sent_end": ("Int64", "character offset after the sentence"),
    "source": ("string", "where the article came from (agency, file or URL)"),
    "dct": ("string", "the document time the dates were resolved against, ISO (empty when undated)"),
    "dct_source": ("string", "where the document time came from: metadata, dateline, inferred, none"),
    "date_char_start": ("Int64", "offset of the time expression in the document (empty when dated by frame or tense)"),
    "date_char_end": ("Int64", "offset after the time expression"),
}

EVENT_COLUMNS = list(EVENT_SCHEMA)
# Columns added after the first release: tables written before them still validate (filled empty).
OPTIONAL_COLUMNS = ("dct", "dct_source", "date_char_start", "date_char_end")


_EMPTY: pd.DataFrame | None = None


def empty_events() -> pd.DataFrame:
    global _EMPTY
    if _EMPTY is None:
        _EMPTY = pd.DataFrame({c: pd.Series(dtype=t) for c, (t, _) in EVENT_SCHEMA.items()})
    return _EMPTY.copy()


def events_table(rows: list[dict]) -> pd.DataFrame:
    """One validated event table from row dicts (of one or many documents)."""
    if not rows:
        return empty_events()
    return validate_events(pd.DataFrame(rows, columns=EVENT_COLUMNS))


def validate_events(df: pd.DataFrame) -> pd.DataFrame:
    """Return `df` with exactly the schema's columns (extra columns kept after them) and dtypes."""
    missing = [c for c in EVENT_COLUMNS if c not in df.columns and c not in OPTIONAL_COLUMNS]
    if missing:
        raise ValueError("event table lacks columns: " + ", ".join(missing))
    out = df.copy()
    for c in OPTIONAL_COLUMNS:
        if c not in out.columns:
            out[c] = pd.Series([pd.NA] * len(out), index=out.index, dtype=EVENT_SCHEMA[c][0])
    for c, (t, _) in EVENT_SCHEMA.items():
        col = out[c]
        if t in ("Int64", "Float64") and not pd.api.types.is_numeric_dtype(col):
            col = col.replace("", pd.NA)  # an empty CSV cell is a missing number
            if t == "Int64":
                col = pd.to_numeric(col)  # raises on text that is not a number
        out[c] = col.astype(t)
    extra = [c for c in out.columns if c not in EVENT_SCHEMA]
    return out[EVENT_COLUMNS + extra]
