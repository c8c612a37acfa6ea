"""timeline.engine: the same event table on 1 process, 2 processes and a Dask cluster of 2 workers; input order
kept; a bad document skipped alone; the input pulled chunk by chunk."""
from __future__ import annotations

import itertools

import pandas as pd
import pytest

from timeline.engine import process_chunk, run_pipeline
from timeline.ingest import Entry, iter_documents

ARTICLES = [
    ("2019-03-07", "CAIRO (AFP) - Egypt will host talks between Israel and Hamas in Cairo next week, officials said "
                   "on Thursday. The two sides met in Geneva on Tuesday."),
    ("2019-03-05", "Russia and Turkey agreed on Monday to a ceasefire in northern Syria, the Kremlin said. Turkish "
                   "troops withdrew from two villages on Sunday."),
    ("2019-03-06", "France has sent observers to Mali, Foreign Minister Jean-Yves Le Drian told reporters on "
                   "Tuesday -LRB- March 5 -RRB- ."),
    ("2019-03-08", "Japan has not invited China to the summit in Tokyo, the foreign ministry said on Friday."),
    ("2019-03-04", "Rebels attacked a government base near Aleppo on Saturday, killing five soldiers, a monitor "
                   "said."),
    ("", ""),                                                       # a row without text
    ("2019-03-09", "Iran's Foreign Minister Mohammad Javad Zarif met Sergey Lavrov in Moscow on Friday to discuss "
                   "the nuclear deal."),
    ("2019-03-10", "The United Nations Security Council will meet on Monday to discuss the truce in Yemen, "
                   "diplomats said."),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("engine") / "articles.csv"
    pd.DataFrame(ARTICLES, columns=["date", "text"]).to_csv(path, index=False)
    return path


def table(results) -> pd.DataFrame:
    tables = [r["mentions"] for r in results if r["status"] == "processed" and len(r["mentions"])]
    df = pd.concat(tables, ignore_index=True)
    return df.sort_values(["doc_id", "event_id"], kind="mergesort").reset_index(drop=True)


@pytest.fixture(scope="module")
def local_one(corpus):
    return list(run_pipeline(iter_documents([corpus]), workers=1, chunk_size=3))


def test_one_result_per_document_in_input_order(local_one):
    assert [r["label"].rsplit(" ", 1)[-1] for r in local_one] == [str(i) for i in range(1, 9)]
    assert [r["status"] for r in local_one] == ["processed"] * 5 + ["skipped"] + ["processed"] * 2
    assert local_one[5]["message"] == "empty text"
    df = table(local_one)
    assert len(df) >= 6 and set(df["doc_id"]) <= {r["doc_id"] for r in local_one}
    # PTB brackets were parsed as brackets, and the offsets are those of the text as given
    row = df[df["doc_id"] == local_one[2]["doc_id"]].iloc[0]
    text = ARTICLES[2][1]
    assert text[row["sent_start"]:row["sent_end"]].replace("-LRB-", "(").replace("-RRB-", ")").split() == \
        row["sentence"].split()


def test_two_processes_equal_one(corpus, local_one):
    two = list(run_pipeline(iter_documents([corpus]), workers=2, chunk_size=3))
    assert [r["status"] for r in two] == [r["status"] for r in local_one]
    pd.testing.assert_frame_equal(table(two), table(local_one))


def test_dask_local_cluster_of_two_equals_local(corpus, local_one):
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    got = list(run_pipeline(iter_documents([corpus]), workers=2, engine="dask", chunk_size=3))
    assert [r["status"] for r in got] == [r["status"] for r in local_one]
    pd.testing.assert_frame_equal(table(got), table(local_one))


def test_a_failing_document_is_skipped_alone():
    good = {"text": ARTICLES[3][1], "id": "good"}
    bad = {"text": ARTICLES[1][1], "id": "bad", "pub_date": "the day after"}     # make_document rejects it
    out = process_chunk([("a", good), ("b", bad), ("c", dict(good, id="good2"))])
    assert [r["status"] for r in out] == ["processed", "skipped", "processed"]
    assert "the day after" in out[1]["message"]
    assert len(out[0]["mentions"]) == len(out[2]["mentions"]) >= 1


def test_input_is_pulled_chunk_by_chunk():
    pulled = itertools.count()

    def entries():
        for i in itertools.count():
            next(pulled)
            yield Entry(f"doc {i}", {"text": f"Officials met in Geneva on Tuesday, report {i} said.", "id": str(i)})

    gen = run_pipeline(entries(), workers=1, chunk_size=4)
    first = next(gen)
    assert first["status"] == "processed"
    assert next(pulled) <= 5              # one chunk (4) was pulled, not the endless input
