"""Adding an article: reading uploads, the size limit, the background job, the missing extractor."""
from __future__ import annotations

import base64
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard import articles as A
from dashboard.events import EventSet

FIXTURE = Path(__file__).parent / "fixtures" / "astana_events.csv"


def upload(raw: bytes, mime="text/plain") -> str:
    return f"data:{mime};base64," + base64.b64encode(raw).decode()


def test_text_upload_round_trip():
    raw = "Moscow, Jan 19 – Ministers met on Thursday.\n".encode("utf-8")
    assert A.bytes_to_text(A.decode_upload(upload(raw), "a.txt"), "a.txt").startswith("Moscow, Jan 19")


def test_cp1252_text_is_read():
    raw = "Caf\xe9 talks \u2013 Thursday".encode("cp1252")
    assert "Café" in A.bytes_to_text(raw, "a.txt")


def test_html_upload_gives_its_text_not_its_markup():
    html = ("<html><head><title>T</title><script>var x = 1;</script></head><body><article>"
            "<p>Ministers met in Astana on Monday to discuss the ceasefire agreed in December.</p>"
            "<p>The talks were expected to last two days, officials said on Sunday.</p></article></body></html>")
    text = A.bytes_to_text(html.encode(), "story.html")
    assert "Ministers met in Astana" in text and "<p>" not in text and "var x" not in text


@pytest.mark.parametrize("raw, name, words", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "story.pdf", "not text or HTML"),
    (b"PK\x03\x04\x14\x00\x06\x00", "story.docx", "not text or HTML"),
    (b"plain words", "story.exe", "use a .txt, .md or .html file"),
    (b"\x00\x01\x02\x03" * 100, "story.txt", "not text or HTML"),
])
def test_unreadable_files_get_a_clear_message(raw, name, words):
    with pytest.raises(A.ArticleError, match=words):
        A.bytes_to_text(raw, name)


def test_size_limit():
    big = upload(b"a" * (A.MAX_ARTICLE_BYTES + 10))
    with pytest.raises(A.ArticleError, match="larger than"):
        A.decode_upload(big, "big.txt")
    with pytest.raises(A.ArticleError, match="longer than"):
        A.check_text("a" * (A.MAX_ARTICLE_BYTES + 10))
    with pytest.raises(A.ArticleError, match="Paste"):
        A.check_text("   ")


def test_broken_upload_data():
    with pytest.raises(A.ArticleError, match="broken"):
        A.decode_upload("data:text/plain;base64,@@@notbase64", "x.txt")


@pytest.mark.parametrize("value, expected", [("", None), (None, None), ("2017-01-19", date(2017, 1, 19))])
def test_pub_date(value, expected):
    assert A.parse_pub_date(value) == expected


@pytest.mark.parametrize("value", ["19/01/2017", "yesterday", "2017-02-30"])
def test_bad_pub_date(value):
    with pytest.raises(A.ArticleError, match="not a date"):
        A.parse_pub_date(value)


def wait_done(jobs, job_id, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        job = jobs.status(job_id)
        if job.state in ("done", "error"):
            return job
        time.sleep(0.02)
    raise AssertionError("job did not finish")


def fixture_events():
    return pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)


def test_background_job_adds_events_once():
    events = EventSet(fixture_events().iloc[:5])
    added = []
    events._on_add = added.append

    def proc(text, pub_date):
        assert pub_date == date(2017, 1, 19)
        return fixture_events().iloc[3:8]  # two already known, three new

    jobs = A.ArticleJobs(proc, events.add)
    job = wait_done(jobs, jobs.submit("text", date(2017, 1, 19), "pasted article").id)
    assert job.state == "done" and job.n_events == 3 and "3 events added" in job.message
    assert len(events.df) == 8 and events.version == 1 and len(added[0]) == 3
    job = wait_done(jobs, jobs.submit("text", date(2017, 1, 19), "again").id)
    assert job.n_events == 0 and "already in the timeline" in job.message and len(events.df) == 8


def test_processor_failure_is_reported_not_raised():
    events = EventSet(fixture_events())

    def proc(text, pub_date):
        raise ValueError("no document date: give a publication date")

    jobs = A.ArticleJobs(proc, events.add)
    job = wait_done(jobs, jobs.submit("text", None, "story.txt").id)
    assert job.state == "error" and "story.txt" in job.message and "publication date" in job.message
    assert len(events.df) == 10


def test_missing_extractor_gives_a_clear_message(monkeypatch):
    monkeypatch.setattr(A, "default_processor", lambda: None)
    jobs = A.ArticleJobs(None, lambda df: 0)
    with pytest.raises(A.ArticleError, match="extraction is not available"):
        jobs.submit("text", None, "x")


def test_pasted_source_is_labelled():
    events = EventSet(fixture_events().iloc[:1])

    def proc(text, pub_date):
        df = fixture_events().iloc[[9]].copy()
        df["source"] = ""
        return df

    jobs = A.ArticleJobs(proc, events.add)
    wait_done(jobs, jobs.submit("text", None, "my-story.html").id)
    assert events.df["source"].iloc[-1] == "my-story.html"


def test_default_processor_is_timeline_extract_and_its_events_load():
    proc = A.default_processor()
    if proc is None:
        pytest.skip("timeline.extract is not available")
    events = EventSet(fixture_events())
    jobs = A.ArticleJobs(None, events.add)
    text = ("Envoys meet in Vienna\n\nVIENNA, March 3 - Foreign ministers of Iran and Russia met in Vienna on "
            "Tuesday to discuss the ceasefire, officials said.\n")
    job = wait_done(jobs, jobs.submit(text, date(2017, 3, 3), "pasted article").id, timeout=120)
    assert job.state == "done", job.message
    added = events.df.iloc[10:]
    assert len(added) == job.n_events >= 1
    assert set(added["source"]) == {"pasted article"} or (added["source"] != "").all()
    assert (added["_start"].dropna() < pd.Timestamp("2017-03-04")).all()  # nothing dated after the article
