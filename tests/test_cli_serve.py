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
    ((), "no default store yet"),
    (("--db", "x.duckdb"), "DuckDB store"),
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
