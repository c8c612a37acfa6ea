"""`timeline.extract` / `timeline.extract_many`: the notebook API (and the dashboard's add-article processor)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline.errors import TimelineError
from timeline.schema import EVENT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Egypt will host talks between Israel and Hamas in Cairo next week, officials said on Tuesday."


def test_import_is_cheap():
    code = "import sys, timeline; print('pandas' in sys.modules, 'spacy' in sys.modules)"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert res.stdout.split() == ["False", "False"]


def test_extract_signature_fits_the_dashboard_processor():
    # dashboard/articles.py calls processor(text, pub_date) with a datetime.date or None
    df = timeline.extract(TEXT, dt.date(2019, 3, 7))
    assert list(df.columns) == EVENT_COLUMNS and len(df) == 1
    assert df.iloc[0]["date_value"] == "2019-W11" and df.iloc[0]["pub_date"] == "2019-03-07"
    assert len(timeline.extract(TEXT, None)) == 1


def test_extract_metadata():
    df = timeline.extract(TEXT, "2019-03-07", title="Talks", url="https://example.org/a", doc_id="a1", source="Wire")
    r = df.iloc[0]
    assert (r["doc_id"], r["source"]) == ("a1", "Wire")
    with pytest.raises(TimelineError):
        timeline.extract(TEXT, "2019-02-30")
    assert len(timeline.extract("   ")) == 0


def test_extract_many_batches_and_reports_bad_items():
    errors = []
    df = timeline.extract_many(
        [TEXT, {"text": TEXT, "pub_date": "2019-03-07", "id": "b"}, {"text": TEXT, "pub_date": "soon"},
         {"text": ""}],
        on_error=lambda i, e: errors.append(i))
    assert errors == [2, 3]
    assert len(df) == 2 and df["doc_id"].tolist()[1] == "b"
    assert df["event_id"].is_unique and df["doc_id"].nunique() == 2
    with pytest.raises(TimelineError):
        timeline.extract_many([{"text": TEXT, "pub_date": "soon"}])
    assert len(timeline.extract_many([])) == 0
