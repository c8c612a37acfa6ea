"""timeline.store: documents, mentions, merged events and key dates in DuckDB; duplicates add nothing; a killed
run leaves the store consistent."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from timeline.schema import EVENT_COLUMNS, EVENT_SCHEMA, validate_events
from timeline.store import Store, content_hash, document_results

ROOT = Path(__file__).resolve().parent.parent


def mention(doc, i, day="2019-03-12", a1="Sergey Lavrov", c1="RUS", code="040", source="Agency A"):
    r = {c: ("" if EVENT_SCHEMA[c][0] == "string" else None) for c in EVENT_COLUMNS}
    r.update(event_id=f"{doc}-{i}", doc_id=doc, pub_date="2019-03-13", date_value=day, date_start=day,
             date_end=day[:8] + f"{int(day[8:]) + 1:02d}", granularity="day", actor1=a1, actor1_country=c1,
             actor2="Mohammad Javad Zarif", actor2_country="IRN", predicate="met", cameo_code=code, quad_class=1,
             goldstein=1.0, summary=f"{a1} meet Mohammad Javad Zarif — consult", date_rule="date_weekday",
             sentence=f"{a1} met Zarif in Moscow on Tuesday.", sent_start=10 * i, sent_end=10 * i + 9, source=source)
    return r


def result(text, source, rows_for=None, **kw):
    doc = content_hash(text)
    rows = rows_for(doc) if rows_for else [mention(doc, 0, source=source)]
    return {"text": text, "source": source, "pub_date": "2019-03-13", "path": f"{source}.txt",
            "mentions": validate_events(pd.DataFrame(rows)), **kw}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as st:
        yield st


def test_add_merge_and_read(store):
    res = store.add_documents([result("Story one.", "Agency A"), result("Story two.", "Agency B"),
                               result("Story three.", "Agency C")])
    assert res["added"] == 3 and res["mentions"] == 3 and not res["duplicates"]
    assert store.counts() == {"documents": 3, "mentions": 3, "events": 1}
    ev = store.events()
    assert ev.iloc[0]["n_sources"] == 3 and ev.iloc[0]["n_mentions"] == 3
    reason, ms = store.explain(ev.iloc[0]["event_id"])
    assert "same day 2019-03-12" in reason and len(ms) == 3
    assert list(store.mentions().columns[:len(EVENT_COLUMNS)]) == EVENT_COLUMNS
    kd = store.key_dates()
    assert kd.iloc[0]["date"] == "2019-03-12" and kd.iloc[0]["n_sources"] == 3
    docs = store.documents()
    assert set(docs["status"]) == {"processed"} and docs["ingested_at"].notna().all()


def test_same_article_twice_adds_nothing(store):
    store.add_documents([result("Story one.", "Agency A")])
    again = store.add_documents([result("Story one.", "Agency A"), result("Story one.", "Agency A")])
    assert again["added"] == 0 and len(again["duplicates"]) == 2
    assert store.counts()["documents"] == 1 and store.counts()["mentions"] == 1


def test_skipped_documents_are_accounted_and_replaced_by_a_later_success(store):
    store.add_documents([{"text": "Story one.", "path": "a.txt", "status": "skipped", "message": "not English"},
                         {"path": "b.bin", "status": "skipped", "message": "binary file"},
                         result("Story two.", "Agency B")])
    acc = store.account()
    assert acc.to_dict("records") == [
        {"status": "processed", "message": "", "n": 1},
        {"status": "skipped", "message": "binary file", "n": 1},
        {"status": "skipped", "message": "not English", "n": 1}]
    store.add_documents([result("Story one.", "Agency A")])
    assert store.counts()["documents"] == 3
    assert (store.documents()["status"] == "processed").sum() == 2


def test_a_failing_batch_stores_nothing(store, monkeypatch):
    store.add_documents([result("Story one.", "Agency A")])

    def boom(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_rebuild", boom)
    with pytest.raises(RuntimeError):
        store.add_documents([result("Story two.", "Agency B"), result("Story three.", "Agency C")])
    monkeypatch.undo()
    assert store.counts() == {"documents": 1, "mentions": 1, "events": 1}


def test_stale_events_rebuilt_on_read(store):
    store.add_documents([result("Story one.", "Agency A")], rebuild=False)
    store.add_documents([result("Story two.", "Agency B")], rebuild=False)
    assert store.events_stale()
    assert store.events().iloc[0]["n_sources"] == 2
    assert not store.events_stale()
    assert store.rebuild_events() == 1


def test_rebuild_is_deterministic(tmp_path):
    batch = [result(f"Story {i}.", f"Agency {i % 3}",
                    rows_for=lambda d, i=i: [mention(d, 0, day=f"2019-03-1{i % 3}")]) for i in range(9)]
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        a.add_documents(batch)
        b.add_documents(batch[::-1][:4])
        b.add_documents(batch[::-1][4:])
        pd.testing.assert_frame_equal(a.events(), b.events())


def test_document_results_from_extract_many():
    items = [{"text": "One.", "id": "x1"}, {"text": "Two."}, {"text": ""}]
    mentions = validate_events(pd.DataFrame([mention("x1", 0), mention(content_hash("Two."), 0)]))
    rs = document_results(items, mentions, {2: ValueError("no text")})
    assert [r["status"] for r in rs] == ["processed", "processed", "skipped"]
    assert rs[0]["doc_id"] == "x1" and len(rs[0]["mentions"]) == 1 and len(rs[1]["mentions"]) == 1
    assert rs[2]["message"] == "no text"


def test_read_only_and_missing(tmp_path):
    from timeline.errors import TimelineError

    with pytest.raises(TimelineError):
        Store(tmp_path / "none.duckdb", read_only=True)
    with Store(tmp_path / "s.duckdb") as st:
        st.add_documents([result("Story one.", "Agency A")])
    with Store(tmp_path / "s.duckdb", read_only=True) as ro:
        assert len(ro.events()) == 1 and len(ro.mentions()) == 1


WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    import pandas as pd
    from test_store import mention
    from timeline.schema import validate_events
    from timeline.store import Store
    st = Store({db!r})
    for b in range(10_000):
        batch = []
        for d in range(40):
            doc = f"doc-{{b}}-{{d}}"
            rows = [mention(doc, i, day=f"2019-03-{{10 + i}}") for i in range(3)]
            batch.append({{"doc_id": doc, "text": doc, "mentions": validate_events(pd.DataFrame(rows))}})
        st.add_documents(batch)
        print("committed", b, flush=True)
""")


def test_killed_midway_leaves_a_consistent_store(tmp_path):
    db = tmp_path / "killed.duckdb"
    code = WRITER.format(tests=str(ROOT / "tests"), db=str(db))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            text=True)
    try:
        committed = -1
        deadline = time.time() + 120
        while committed < 2 and time.time() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            committed = int(line.split()[1])
        assert committed >= 2, proc.stderr.read()
        time.sleep(0.05)                          # into the next batch's transaction
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    with Store(db) as st:
        docs = st.documents()
        mentions = st.mentions()
        n = len(docs)
        assert n >= 3 * 40 and n % 40 == 0                     # whole batches only
        assert len(mentions) == 3 * n                          # every stored document has all its mentions
        assert set(mentions["doc_id"]) == set(docs["doc_id"])
        events = st.events()                                   # readable; rebuilt when the kill left them stale
        assert events["n_mentions"].sum() == len(mentions)


def test_a_store_made_before_the_schema_grew_gets_the_new_columns(tmp_path):
    import duckdb

    db = tmp_path / "old.duckdb"
    with Store(db) as st:
        st.add_documents([result("Story one.", "Agency A")])
    con = duckdb.connect(str(db))
    con.execute('ALTER TABLE mentions DROP COLUMN "location"')
    con.close()
    with Store(db) as st:
        st.add_documents([result("Story two.", "Agency B")])
        ms = st.mentions()
        assert len(ms) == 2 and ms["location"].isna().sum() == 1


def test_read_only_store_with_stale_events_merges_in_memory(tmp_path):
    db = tmp_path / "stale.duckdb"
    with Store(db) as st:
        st.add_documents([result("Story one.", "Agency A")], rebuild=False)
        st.add_documents([result("Story two.", "Agency B")], rebuild=False)
    with Store(db, read_only=True) as ro:
        assert ro.events_stale()
        assert ro.events().iloc[0]["n_sources"] == 2
        assert ro.key_dates().iloc[0]["n_sources"] == 2
