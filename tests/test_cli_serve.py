"""`timeline serve`: reading event-table files, clear one-line errors, the hook for the store."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from timeline.cli import build_parser, main
from timeline.commands import serve
from timeline.errors import TimelineError

FIXTURE = Path(__file__).parent / "fixtures" / "astana_events.csv"


def args(*argv):
    return build_parser().parse_args(["serve", *argv])


def test_help_and_defaults(capsys):
    a = args()
    assert a.host == "127.0.0.1" and a.port == 8050 and a.inputs == [] and a.db is None
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--help"])
    assert exc.value.code == 0 and "127.0.0.1" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_event_tables_in_every_format(tmp_path, fmt):
    df = serve.read_event_table(FIXTURE)
    path = tmp_path / f"events.{fmt}"
    if fmt == "csv":
        df.to_csv(path, index=False)
    elif fmt == "parquet":
        df.to_parquet(path)
    else:
        df.to_json(path, orient="records", lines=True)
    src = serve.load_events_for_serve(args(str(path)))
    assert sorted(src.events["event_id"]) == sorted(df["event_id"])
    assert str(src.events["sent_start"].dtype) == "Int64"


def test_two_tables_merge_without_duplicates(tmp_path):
    src = serve.load_events_for_serve(args(str(FIXTURE), str(FIXTURE)))
    assert len(src.events) == 10


@pytest.mark.parametrize("argv, words", [
    (("--db", "x.duckdb"), "no store at"),
    (("events.csv", "--db", "x.duckdb"), "not both"),
    (("missing.csv",), "no such file"),
    (("notes.txt",), "not an event table"),
])
def test_clear_one_line_errors(argv, words, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(TimelineError, match=words):
        serve.load_events_for_serve(args(*argv))
    assert main(["serve", *argv]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("timeline serve: error:")


def test_table_without_the_schema_columns(tmp_path):
    p = tmp_path / "other.csv"
    pd.DataFrame({"a": [1]}).to_csv(p, index=False)
    with pytest.raises(TimelineError, match="lacks the columns"):
        serve.read_event_table(p)


def test_run_builds_the_app_and_binds_localhost(monkeypatch, capsys):
    seen = {}

    def fake_run(self, host, port, debug):
        seen.update(host=host, port=port, debug=debug)

    import dash

    monkeypatch.setattr(dash.Dash, "run", fake_run)
    assert main(["serve", str(FIXTURE), "--port", "8123"]) == 0
    assert seen == {"host": "127.0.0.1", "port": 8123, "debug": False}
    assert "10 events on http://127.0.0.1:8123/" in capsys.readouterr().err


def test_key_dates_of_the_served_table():
    pytest.importorskip("timeline.keydates")
    src = serve.load_events_for_serve(args(str(FIXTURE), "--key-dates", "3"))
    assert src.key_dates is not None and len(src.key_dates) <= 3
    assert "2017-01-19" in set(src.key_dates["date"])  # three day-precise events point to it
    assert src.key_dates["label"].str.contains("mention").all()
    assert serve.load_events_for_serve(args(str(FIXTURE), "--key-dates", "0")).key_dates is None


def test_a_table_written_before_the_optional_columns_is_served(tmp_path):
    from timeline.schema import EVENT_COLUMNS

    optional = getattr(__import__("timeline.schema", fromlist=["x"]), "OPTIONAL_COLUMNS", ())
    if not optional:
        pytest.skip("the schema has no optional columns")
    df = serve.read_event_table(FIXTURE).drop(columns=list(optional))
    path = tmp_path / "old.csv"
    df.to_csv(path, index=False)
    src = serve.load_events_for_serve(args(str(path)))
    assert list(src.events.columns[: len(EVENT_COLUMNS)]) == EVENT_COLUMNS and len(src.events) == 10


def stored(tmp_path):
    """A store holding the fixture's events as the mentions of their two articles."""
    from timeline.store import Store

    path = tmp_path / "t.duckdb"
    df = serve.read_event_table(FIXTURE)
    with Store(path) as st:
        st.add_documents([{"doc_id": d, "status": "processed", "mentions": g.reset_index(drop=True),
                           "pub_date": "2017-01-19"} for d, g in df.groupby("doc_id")])
    return path


def test_db_serves_the_stores_events_and_key_dates(tmp_path):
    pytest.importorskip("timeline.store")
    path = stored(tmp_path)
    src = serve.load_events_for_serve(args("--db", str(path)))
    events = src.events()
    assert len(events) >= 1 and set(events["doc_id"]) <= {"d-astana-1", "d-other-2"}
    assert "e08" in set(events["event_id"]) or "Syria talks to be held in Astana" in set(events["summary"])
    assert src.key_dates is not None and "2017-01-19" in set(src.key_dates["date"])


def test_an_added_article_goes_into_the_store(tmp_path):
    pytest.importorskip("timeline.store")
    from dashboard.events import EventSet
    from timeline.store import Store

    path = stored(tmp_path)
    src = serve.load_events_for_serve(args("--db", str(path)))
    es = EventSet(src.events, on_add=src.on_add)
    new = serve.read_event_table(FIXTURE).iloc[[7]].copy()
    new["event_id"], new["doc_id"], new["summary"] = "n1", "d-new", "Envoys meet in Astana"
    new["date_value"] = new["date_start"] = "2017-02-15"  # another meeting: not merged with e08
    new["date_end"] = "2017-02-16"
    assert es.add(new) == 1
    with Store(path, read_only=True) as st:
        assert "d-new" in set(st.documents()["doc_id"])
    assert "Envoys meet in Astana" in set(es.df["summary"])  # reloaded from the store


def test_no_argument_builds_the_default_store_from_seeds_once(tmp_path, monkeypatch):
    pytest.importorskip("timeline.store")
    calls = []

    def fake_build(path):  # the real build runs `timeline extract seeds/` (spaCy); its own tests cover it
        calls.append(path)
        from timeline.store import Store

        df = serve.read_event_table(FIXTURE)
        with Store(path) as st:
            st.add_documents([{"doc_id": "d-astana-1", "status": "processed", "mentions": df.iloc[:9]}])

    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "default.duckdb"))
    monkeypatch.setattr(serve, "build_store_from_seeds", fake_build)
    src = serve.load_events_for_serve(args())
    assert calls == [tmp_path / "default.duckdb"] and len(src.events()) >= 1
    serve.load_events_for_serve(args())
    assert len(calls) == 1  # built once
