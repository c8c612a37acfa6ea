"""`python -m timeline extract INPUT... -o OUT`: inputs (files, folders, CSV/JSONL of articles), formats, bad rows."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from timeline.cli import main
from timeline.merge import MERGE_COLUMNS
from timeline.schema import EVENT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "extract"


@pytest.fixture(autouse=True)
def _own_store(tmp_path, monkeypatch):
    """Every run here writes to a store of its own, never to the project's data/timeline.duckdb."""
    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "store.duckdb"))


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_folder_of_stories_to_csv(tmp_path, capsys):
    out = tmp_path / "events.csv"
    code, _, err = run(["extract", str(FIX / "stories"), "-o", str(out)], capsys)
    assert code == 0, err
    df = read_csv(out)
    assert list(df.columns) == EVENT_COLUMNS + MERGE_COLUMNS   # merged events: the event table + merge columns
    assert "2 article(s)" in err  # .txt and .md, not .dat
    # the .md story's front matter gives its date; its two clauses keep their own days
    shelled = df[df["predicate"] == "shelled"].iloc[0]
    assert (shelled["date_value"], shelled["pub_date"]) == ("2019-03-03", "2019-03-07")
    # the .txt story has a year-less dateline and no other year clue: no date is invented for it
    host = df[df["predicate"] == "host"].iloc[0]
    assert host["date_start"] == "" and host["pub_date"] == ""
    assert set(df["source"]) >= {"notes.md"}


def test_csv_articles_bad_rows_reported_others_processed(tmp_path, capsys):
    out = tmp_path / "events.csv"
    code, _, err = run(["extract", str(FIX / "articles.csv"), "-o", str(out)], capsys)
    assert code == 0
    lines = [l for l in err.splitlines() if "skipped" in l and "row" in l]
    assert any("row 2 (id c2)" in l and "not a valid date" in l for l in lines), err
    assert any("row 3 (id c3)" in l and "English" in l for l in lines), err
    df = read_csv(out)
    assert set(df["doc_id"]) == {"c1"}
    r = df.iloc[0]
    assert (r["predicate"], r["modality"], r["date_value"]) == ("invited", "negated", "2019-03-06")
    # a cell a spreadsheet would run as a formula is neutralised
    assert r["source"].startswith("'=")
    with open(out, encoding="utf-8") as fh:
        for row in csv.reader(fh):
            assert not any(cell[:1] in ("=", "+", "@") for cell in row)


def test_jsonl_articles_and_formats(tmp_path, capsys):
    for name, fmt in (("e.jsonl", "jsonl"), ("e.parquet", "parquet"), ("e.json", "timelinejs")):
        out = tmp_path / name
        code, _, err = run(["extract", str(FIX / "articles.jsonl"), "-o", str(out)], capsys)
        assert code == 0, err
        assert "line 3" in err and "not valid JSON" in err
        assert "line 4 (id j4)" in err and "empty text" in err
        assert "2 article(s)" in err
        if fmt == "jsonl":
            rows = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
            agreed = [r for r in rows if r["predicate"] == "agreed"][0]
            assert agreed["date_value"] == "2019-03-05" and agreed["attributed_to"] == "Jean-Yves Le Drian"
            assert {r["doc_id"] for r in rows} == {"j1", "j2"}
        elif fmt == "parquet":
            df = pd.read_parquet(out)
            assert list(df.columns) == EVENT_COLUMNS + MERGE_COLUMNS and len(df) == 2
        else:
            doc = json.loads(out.read_text(encoding="utf-8"))
            assert doc["events"]
            for ev in doc["events"]:
                assert set(ev["start_date"]) - {"display_date"} == {"year", "month", "day"}
                assert ev["text"]["headline"] and ev["group"]


def test_timelinejs_keeps_only_known_precision():
    from timeline.commands.extract import timelinejs

    base = {c: "" for c in EVENT_COLUMNS}
    rows = [
        dict(base, event_id="m", date_value="2016-12", date_start="2016-12-01", date_end="2017-01-01",
             granularity="month", summary="<b>x</b>", sentence="a < b", actor1="Syria"),
        dict(base, event_id="y", date_value="2016", date_start="2016-01-01", date_end="2017-01-01",
             granularity="year", summary="y"),
        dict(base, event_id="q", date_value="2016-Q4", date_start="2016-10-01", date_end="2017-01-01",
             granularity="quarter", summary="q"),
        dict(base, event_id="v", date_value="PAST_REF", granularity="vague", summary="v"),
        dict(base, event_id="t", date_value="2011-02-21T13:19", date_start="2011-02-21", date_end="2011-02-22",
             granularity="time", summary="t"),
        dict(base, event_id="w", date_value="2019-W11", date_start="2019-03-11", date_end="2019-03-18",
             granularity="week", summary="w"),
    ]
    doc, skipped = timelinejs(pd.DataFrame(rows))
    assert skipped == 1
    ev = {e["unique_id"]: e for e in doc["events"]}
    assert ev["m"]["start_date"] == {"year": 2016, "month": 12, "display_date": "2016-12"} and "end_date" not in ev["m"]
    assert ev["y"]["start_date"] == {"year": 2016, "display_date": "2016"}
    assert ev["q"]["end_date"] == {"year": 2016, "month": 12}
    assert ev["t"]["start_date"] == {"year": 2011, "month": 2, "day": 21, "hour": 13, "minute": 19,
                                     "display_date": "2011-02-21T13:19"} and "end_date" not in ev["t"]
    assert ev["w"]["end_date"] == {"year": 2019, "month": 3, "day": 17}
    assert ev["m"]["group"] == "Syria" and "group" not in ev["y"]
    assert ev["m"]["text"]["headline"] == "&lt;b&gt;x&lt;/b&gt;" and "a &lt; b" in ev["m"]["text"]["text"]


def test_column_flags_and_missing_text_column(tmp_path, capsys):
    out = tmp_path / "e.csv"
    code, _, err = run(["extract", str(FIX / "custom.csv"), "-o", str(out)], capsys)
    assert code == 1 and "no text column" in err and "--text-col" in err
    code, _, err = run(["extract", str(FIX / "custom.csv"), "-o", str(out), "--text-col", "copy",
                        "--pub-date-col", "when", "--id-col", "key"], capsys)
    assert code == 0, err
    df = read_csv(out)
    assert df.iloc[0]["doc_id"] == "k1" and df.iloc[0]["date_value"] == "2019-W11"


def test_nothing_processed_is_an_error(tmp_path, capsys):
    out = tmp_path / "e.csv"
    code, _, err = run(["extract", str(FIX / "notext.csv"), str(tmp_path / "missing.txt"), "-o", str(out)], capsys)
    assert code == 1
    assert "notext.csv: no text column" in err and "missing.txt: no such file" in err
    assert "no article could be processed" in err and not out.exists()


def test_pub_date_flag_and_stdout(capsys):
    code, out, err = run(["extract", str(FIX / "stories" / "cairo.txt"), "-o", "-", "--pub-date", "2019-03-07"],
                         capsys)
    assert code == 0, err
    rows = list(csv.DictReader(out.splitlines()))
    host = [r for r in rows if r["predicate"] == "host"][0]
    assert host["date_value"] == "2019-W11" and host["pub_date"] == "2019-03-07"


def test_pub_date_flag_does_not_override_an_articles_own_date(tmp_path, capsys):
    out = tmp_path / "e.csv"
    code, _, err = run(["extract", str(FIX / "stories"), str(FIX / "articles.csv"), "-o", str(out),
                        "--pub-date", "2020-01-01"], capsys)
    assert code == 0, err
    df = read_csv(out)
    pubs = dict(zip(df["predicate"], df["pub_date"]))
    assert pubs["shelled"] == "2019-03-07"   # front matter
    assert pubs["invited"] == "2019-03-07"   # the CSV's date column
    assert pubs["host"] == "2020-01-01"      # no date of its own


def test_unknown_extension_and_help(tmp_path, capsys):
    code, _, err = run(["extract", str(FIX / "stories"), "-o", str(tmp_path / "e.xyz")], capsys)
    assert code == 1 and "--format" in err
    res = subprocess.run([sys.executable, "-m", "timeline", "extract", "--help"], capture_output=True, text=True,
                         cwd=ROOT)
    assert res.returncode == 0 and "timelinejs" in res.stdout and "--text-col" in res.stdout


def test_mentions_and_store(tmp_path, capsys):
    """--mentions writes this run's mentions (the schema + mention_id); -o the merged events; a second run of the
    same articles adds nothing to the store and gives the same events."""
    from timeline.store import Store

    db, out, ment = tmp_path / "s.duckdb", tmp_path / "e.csv", tmp_path / "m.parquet"
    argv = ["extract", str(FIX / "stories"), str(FIX / "articles.jsonl"), "-o", str(out), "--mentions", str(ment),
            "--db", str(db), "--quiet"]
    code, _, err = run(argv, capsys)
    assert code == 0, err
    m = pd.read_parquet(ment)
    assert list(m.columns) == EVENT_COLUMNS + ["mention_id"] and m["mention_id"].is_unique
    ev = read_csv(out)
    assert ev["n_mentions"].astype(int).sum() == len(m)
    first = ev.sort_values("event_id").reset_index(drop=True)
    with Store(db, read_only=True) as st:
        counts = st.counts()
    assert counts["mentions"] == len(m)
    code, _, err = run(argv, capsys)
    assert code == 0 and "already stored" in err
    with Store(db, read_only=True) as st:
        assert st.counts() == counts
    again = read_csv(out).sort_values("event_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(again, first)


def test_no_db_merges_in_memory(tmp_path, capsys, monkeypatch):
    db = tmp_path / "store.duckdb"
    monkeypatch.setenv("TIMELINE_DB", str(db))
    out = tmp_path / "e.jsonl"
    code, _, err = run(["extract", str(FIX / "articles.jsonl"), "-o", str(out), "--no-db"], capsys)
    assert code == 0, err
    rows = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert {r["doc_ids"] for r in rows} == {"j1", "j2"} and all(r["n_mentions"] == 1 for r in rows)
    assert not db.exists()
