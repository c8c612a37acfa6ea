"""`extract --db`: a run killed (SIGKILL) midway leaves a consistent store: every document it holds as processed has
all its mentions, none has a part of them; running again completes it to exactly what one clean run gives."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from timeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = [
    "Egypt will host talks between Israel and Hamas in Cairo next week, officials said on Thursday.",
    "Russia and Turkey agreed on Monday to a ceasefire in northern Syria, the Kremlin said.",
    "Rebels attacked a government base near Aleppo on Saturday, killing five soldiers, a monitor said.",
    "The United Nations Security Council will meet on Monday to discuss the truce in Yemen, diplomats said.",
    "Japan has not invited China to the summit in Tokyo, the foreign ministry said on Friday.",
]


@pytest.fixture
def corpus(tmp_path):
    rows = []
    for i in range(24):
        a, b = SENTENCES[i % 5], SENTENCES[(i + 2) % 5]
        rows.append((f"2019-03-{1 + i % 28:02d}", f"Report {i}. {a} {b}"))
    path = tmp_path / "articles.csv"
    pd.DataFrame(rows, columns=["date", "text"]).to_csv(path, index=False)
    return path


def extract(corpus, db, out, **kw):
    cmd = [sys.executable, "-m", "timeline", "extract", str(corpus), "-o", str(out), "--db", str(db),
           "--batch-size", "1", "--quiet"]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, **kw)


def per_doc(db) -> dict:
    with Store(db, read_only=True) as st:
        docs = st.documents()
        m = st.mentions()
    counts = m.groupby("doc_id").size().to_dict()
    return {d: counts.get(d, 0) for d in docs.loc[docs["status"] == "processed", "doc_id"]}


def test_killed_run_keeps_a_consistent_store(corpus, tmp_path):
    clean_db = tmp_path / "clean.duckdb"
    p = extract(corpus, clean_db, tmp_path / "clean.csv")
    assert p.wait(timeout=600) == 0, p.stderr.read()
    clean = per_doc(clean_db)
    assert len(clean) == 24

    db = tmp_path / "killed.duckdb"
    wal = Path(str(db) + ".wal")
    p = extract(corpus, db, tmp_path / "killed.csv")
    deadline = time.time() + 300
    # kill once the first chunks are committed (the write-ahead log has grown past the schema)
    while time.time() < deadline and p.poll() is None:
        if wal.exists() and wal.stat().st_size > 20_000:
            break
        time.sleep(0.05)
    was_running = p.poll() is None
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=60)
    partial = per_doc(db)                        # the store opens and reads after the kill
    print("killed while running:", was_running, "documents stored:", len(partial))
    for doc_id, n in partial.items():
        assert n == clean[doc_id], doc_id        # each stored document has all its mentions
    if was_running:
        assert len(partial) < 24

    p = extract(corpus, db, tmp_path / "again.csv")
    assert p.wait(timeout=600) == 0, p.stderr.read()
    assert per_doc(db) == clean                  # completed, nothing doubled
    a = pd.read_csv(tmp_path / "again.csv", dtype=str, keep_default_na=False)
    c = pd.read_csv(tmp_path / "clean.csv", dtype=str, keep_default_na=False)
    key = ["event_id", "date_value", "n_mentions", "n_sources"]
    assert a.sort_values("event_id")[key].values.tolist() == c.sort_values("event_id")[key].values.tolist()
