"""Adding an article from the browser: read what was pasted or uploaded, run the processor in a
background thread, report progress, hand the events to the app.

Uploads are read in memory and never written to disk, so nothing can land outside the store.
The processor is `processor(text, pub_date) -> event table`; the default is `timeline.extract`,
imported only when first needed.
"""
from __future__ import annotations

import base64
import binascii
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

import pandas as pd

MAX_ARTICLE_BYTES = 2_000_000
UPLOAD_HARD_LIMIT = 10_000_000  # bigger files are refused by the browser before they are sent
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".md", ".text", "")


class ArticleError(ValueError):
    """The input cannot be read as an article; the message is shown to the user as is."""


def decode_upload(contents: str, filename: str | None) -> bytes:
    """dcc.Upload's `data:...;base64,...` -> bytes, with the size limit."""
    if not contents or "," not in contents:
        raise ArticleError("The upload was empty.")
    b64 = contents.split(",", 1)[1]
    if len(b64) * 3 // 4 > MAX_ARTICLE_BYTES + 4:
        raise ArticleError(f"{filename or 'The file'} is larger than {MAX_ARTICLE_BYTES // 1_000_000} MB; "
                           "upload a single article.")
    try:
        return base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError):
        raise ArticleError(f"Could not read {filename or 'the upload'} (broken upload data).") from None


def _looks_binary(raw: bytes) -> bool:
    head = raw[:4096]
    if b"\x00" in head or head.startswith((b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return len(head) > 0 and ctrl / len(head) > 0.05


def bytes_to_text(raw: bytes, filename: str | None = None) -> str:
    """Decode an uploaded file to the article's text (HTML: its main text)."""
    name = (filename or "").lower()
    label = filename or "the file"
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{label} is larger than {MAX_ARTICLE_BYTES // 1_000_000} MB; upload a single article.")
    if _looks_binary(raw):
        raise ArticleError(f"Cannot read {label}: it is not text or HTML (PDF, Word and images are not "
                           "supported); paste the article's text instead.")
    suffix = "." + name.rsplit(".", 1)[1] if "." in name else ""
    if suffix not in HTML_SUFFIXES + TEXT_SUFFIXES:
        raise ArticleError(f"Cannot read {label}: use a .txt, .md or .html file, or paste the text.")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ArticleError(f"Cannot read {label}: unknown text encoding (save it as UTF-8).")
    if suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        text = html_to_text(text, label)
    return text


def html_to_text(html: str, label: str = "the page") -> str:
    try:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=False)
    except Exception:  # a broken page: fall back to the plain text of the markup
        text = None
    if not text:
        try:
            import lxml.html

            text = lxml.html.fromstring(html).text_content()
        except Exception:
            raise ArticleError(f"Cannot read {label}: the HTML could not be parsed.") from None
    return text


def check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ArticleError("Paste an article's text or choose a file first.")
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"The text is longer than {MAX_ARTICLE_BYTES // 1_000_000} MB; add a single article.")
    return text


def parse_pub_date(value: str | None) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArticleError(f"Publication date {value!r} is not a date: use YYYY-MM-DD, or leave it empty.") from None


def default_processor():
    """`timeline.extract(text, pub_date)`, or None when it is not there yet (it may be a function or a module
    holding one)."""
    import importlib
    import types

    try:
        timeline = importlib.import_module("timeline")
        obj = getattr(timeline, "extract", None)
        if obj is None:
            obj = importlib.import_module("timeline.extract")
    except ImportError:
        return None
    if isinstance(obj, types.ModuleType):
        obj = getattr(obj, "extract", None)
    return obj if callable(obj) else None


MISSING_PROCESSOR = ("Article extraction is not available in this installation yet (timeline.extract is missing), "
                     "so articles cannot be added; event-table files can be served with `timeline serve FILE`.")


@dataclass
class Job:
    id: str
    label: str
    state: str = "queued"          # queued, running, done, error
    message: str = "Waiting to start…"
    started: float = field(default_factory=time.monotonic)
    n_events: int = 0


class ArticleJobs:
    """Runs one article at a time in a background thread; the page polls `status`."""

    def __init__(self, processor: Callable | None, on_events: Callable[[pd.DataFrame], int]):
        self._processor = processor
        self._on_events = on_events
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._one_at_a_time = threading.Lock()

    def processor(self):
        return self._processor if self._processor is not None else default_processor()

    def submit(self, text: str, pub_date: date | None, label: str) -> Job:
        proc = self.processor()
        if proc is None:
            raise ArticleError(MISSING_PROCESSOR)
        job = Job(id=uuid.uuid4().hex, label=label)
        with self._lock:
            self._jobs[job.id] = job
            if len(self._jobs) > 200:
                for k in list(self._jobs)[:100]:
                    if self._jobs[k].state in ("done", "error"):
                        del self._jobs[k]
        threading.Thread(target=self._run, args=(job, proc, text, pub_date), name=f"article-{job.id[:8]}",
                         daemon=True).start()
        return job

    def _run(self, job: Job, proc: Callable, text: str, pub_date: date | None) -> None:
        with self._one_at_a_time:  # one article at a time: the NLP models are shared
            self._process(job, proc, text, pub_date)

    def _process(self, job: Job, proc: Callable, text: str, pub_date: date | None) -> None:
        job.state, job.message, job.started = "running", "Finding dates, actors and events…", time.monotonic()
        try:
            events = proc(text, pub_date)
            if events is None or not isinstance(events, pd.DataFrame):
                raise ArticleError("the processor returned no event table")
            events = events.copy()
            if "source" in events.columns:
                events["source"] = events["source"].fillna("").astype(str)
                events.loc[events["source"] == "", "source"] = job.label
            n = self._on_events(events) if len(events) else 0
            job.n_events = n
            if not len(events):
                job.message = f"{job.label}: no events found."
            elif n == 0:
                job.message = f"{job.label}: its events were already in the timeline."
            else:
                job.message = f"{job.label}: {n} event{'s' if n != 1 else ''} added to the timeline."
            job.state = "done"
        except Exception as exc:  # shown to the user as one line
            job.state = "error"
            job.message = f"Could not process {job.label}: {exc}" if str(exc) else \
                f"Could not process {job.label}: {type(exc).__name__}"

    def status(self, job_id: str | None) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id or "")
