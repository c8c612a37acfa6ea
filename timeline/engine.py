"""The engine: the pipeline (parse + temporal + actors + events) over a stream of documents, in bounded chunks, on
one process, N local processes, or a Dask distributed cluster — with the same results on all three.

    from timeline.ingest import iter_documents
    from timeline.engine import run_pipeline
    for result in run_pipeline(iter_documents(["news/"]), workers=2):            # or engine="dask"
        result["status"], result["doc_id"], result["mentions"]               # one dict per input document

Every input entry gives exactly one result, in input order: `status` `processed` with `mentions` (its rows of the
event table, a DataFrame, possibly empty) or `skipped` with `message`. The documents are cut into chunks of
`chunk_size` in input order, whatever the engine, and each chunk is parsed as one `nlp.pipe` call; since a chunk
is the same on every engine, so is every parse, and the tables are equal row for row.

Memory stays flat: at most `WINDOW x workers` chunks are in flight (the input is pulled only as results come back),
and results are handed to the caller chunk by chunk.

Engines:
- `local`, `workers=1`: in this process.
- `local`, `workers=N`: a pool of N processes forked from this one once it has loaded the spaCy model (spawned
  processes that each load it where fork is not available). (Measured against
  spaCy's own `nlp.pipe(n_process=N)` + the rest in the parent: the pool is faster, since temporal, actors and
  events then run in the workers too; see benchmarks/bench_pipeline.py.)
- `dask`: a Dask distributed `Client` on `scheduler` (an address such as tcp://host:8786; every worker needs
  this package installed), or on a `LocalCluster(n_workers=workers, threads_per_worker=1)` when none is given.
"""
from __future__ import annotations

import collections
import sys
from typing import Iterable, Iterator

CHUNK_SIZE = 32
WINDOW = 4       # chunks in flight per worker: enough that a slow chunk at the head does not leave workers idle


def _result(entry_label: str, item: dict | None, status: str, message: str = "", mentions=None) -> dict:
    r = {"label": entry_label, "status": status, "message": message, "mentions": mentions}
    item = item or {}
    r["doc_id"] = item.get("id")
    r["text_hash"] = item.get("content_hash")
    for k in ("path", "url", "title", "source"):
        r[k] = item.get(k)
    pub = item.get("pub_date")
    r["pub_date"] = pub.isoformat() if hasattr(pub, "isoformat") else pub
    r["dct_source"] = item.get("pub_date_from") or ("metadata" if pub else None)
    return r


def process_chunk(chunk: list, batch_size: int = CHUNK_SIZE) -> list[dict]:
    """The results of a chunk of (label, item) pairs: parse them in one `nlp.pipe` call, then temporal, actors and
    events per document. A document that fails is a `skipped` result; a failure of the batched parse falls back
    to parsing each document alone, so one bad document never takes its chunk down."""
    from timeline import nlp
    import pandas as pd

    from timeline.events import extract_event_rows, make_document
    from timeline.schema import EVENT_COLUMNS

    results: list = [None] * len(chunk)
    documents = []
    for i, (label, item) in enumerate(chunk):
        try:
            d = make_document(item.get("parse_text") or item["text"], item.get("pub_date"), title=item.get("title"),
                              url=item.get("url"), doc_id=item["id"], source=item.get("source"))
            documents.append((i, d))
        except Exception as exc:
            results[i] = _result(label, item, "skipped", _reason(exc))
    try:
        parsed = list(nlp.parse_many([d.text for _, d in documents], batch_size=max(1, batch_size)))
    except Exception:
        parsed = []
        for i, d in documents:
            try:
                parsed.append(nlp.parse(d.text))
            except Exception as exc:
                parsed.append(exc)
    for (i, d), doc in zip(documents, parsed):
        label, item = chunk[i]
        if isinstance(doc, Exception):
            results[i] = _result(label, item, "skipped", "cannot parse: " + _reason(doc))
            continue
        try:
            # a plain frame per document; the schema's dtypes are applied once per chunk downstream (validating
            # each article's table cost more than extracting its events)
            table = pd.DataFrame(extract_event_rows(d, pub_date=d.pub_date, spacy_doc=doc), columns=EVENT_COLUMNS)
        except Exception as exc:
            results[i] = _result(label, item, "skipped", "extraction failed: " + _reason(exc))
            continue
        results[i] = _result(label, item, "processed", mentions=table)
    return results


def _reason(exc: Exception) -> str:
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return msg.split(": ", 1)[-1] if msg.startswith(("/", ".")) else msg


def _warm(model: str | None = None) -> bool:
    """Load the spaCy model (and the rule tables) in a worker, so that timings start warm."""
    from timeline import nlp

    if model:
        nlp.set_model_name(model)
    process_chunk([("warm-up", {"text": "Officials met in Geneva on Tuesday.", "id": "warm-up"})])
    return True


def _init_worker(model: str | None) -> None:
    _warm(model)


def _chunks(entries: Iterable, chunk_size: int):
    """(skipped results, chunk of (label, item)) pairs in input order; skips ride with the chunk that follows
    them so the output order is the input order."""
    pending_skips: list = []
    chunk: list = []
    order: list = []          # ("skip", result) or ("doc", index in chunk)
    for e in entries:
        if e.ok:
            order.append(("doc", len(chunk)))
            chunk.append((e.label, e.item))
        else:
            r = _result(e.label, None, "skipped", e.reason or "")
            r["kind"] = e.kind
            order.append(("skip", r))
        if len(chunk) >= chunk_size or len(order) >= 4 * chunk_size:
            yield order, chunk
            order, chunk = [], []
    if order:
        yield order, chunk


def _assemble(order: list, results: list, chunk: list | None = None) -> list[dict]:
    """The chunk's results in input order; each processed one gets its `text` back from the chunk (held here,
    not sent back by the workers) so that a store can hash it."""
    out = []
    for kind, x in order:
        if kind == "skip":
            out.append(x)
        else:
            r = results[x]
            if chunk is not None:
                r["text"] = chunk[x][1]["text"]
            out.append(r)
    return out


def run_pipeline(entries: Iterable, *, workers: int = 1, engine: str = "local", scheduler: str | None = None,
                 chunk_size: int = CHUNK_SIZE, progress=None, chunks_out=False) -> Iterator:
    """One result dict per entry of `entries` (timeline.ingest.Entry), in input order (see the module doc).
    `progress`: a callable given the number of documents finished, after each chunk. `chunks_out`: yield one
    list of results per chunk instead of single results."""
    workers = max(1, int(workers or 1))
    if engine == "dask":
        gen = _run_dask(entries, workers, scheduler, chunk_size)
    elif engine == "local":
        gen = _run_local(entries, workers, chunk_size)
    else:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    for results in gen:
        if progress is not None:
            progress(len(results))
        if chunks_out:
            yield results
        else:
            yield from results


def _current_model() -> str | None:
    from timeline import nlp

    return nlp._model_override


def _run_local(entries, workers: int, chunk_size: int):
    if workers == 1:
        for order, chunk in _chunks(entries, chunk_size):
            yield _assemble(order, process_chunk(chunk, chunk_size) if chunk else [], chunk)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" in multiprocessing.get_all_start_methods():
        # as spaCy's own nlp.pipe(n_process=...) does: load once here, fork, share the model's pages
        _warm()
        ctx, init = multiprocessing.get_context("fork"), None
    else:
        ctx, init = multiprocessing.get_context("spawn"), _init_worker
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init,
                             initargs=(_current_model(),) if init else ()) as pool:
        yield from _windowed(entries, chunk_size, WINDOW * workers,
                             lambda chunk: pool.submit(process_chunk, chunk, chunk_size), lambda f: f.result())


def _windowed(entries, chunk_size: int, window: int, submit, wait):
    """Submit chunks as results come back, at most `window` in flight; yield their results in input order."""
    inflight: collections.deque = collections.deque()
    for order, chunk in _chunks(entries, chunk_size):
        inflight.append((order, chunk, submit(chunk) if chunk else None))
        while len(inflight) >= window:
            o, c, fut = inflight.popleft()
            yield _assemble(o, wait(fut) if fut is not None else [], c)
    while inflight:
        o, c, fut = inflight.popleft()
        yield _assemble(o, wait(fut) if fut is not None else [], c)


class DaskCluster:
    """A Dask client on `scheduler`, or on a LocalCluster(n_workers=workers, threads_per_worker=1); the model is
    loaded on every worker up front (`warm`)."""

    def __init__(self, workers: int = 2, scheduler: str | None = None, warm: bool = True):
        import logging

        try:
            from distributed import Client, LocalCluster
        except ImportError:
            from timeline.errors import TimelineError

            raise TimelineError("--engine dask needs dask[distributed] (pip install -r requirements.txt)") from None
        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="30s")
            except Exception as exc:
                from timeline.errors import TimelineError

                raise TimelineError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        if warm:
            self.client.run(_warm, _current_model())

    @property
    def n_workers(self) -> int:
        return len(self.client.scheduler_info().get("workers", {}))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _run_dask(entries, workers: int, scheduler: str | None, chunk_size: int, cluster: DaskCluster | None = None):
    own = cluster is None
    cluster = cluster or DaskCluster(workers, scheduler)
    try:
        client = cluster.client
        window = WINDOW * max(1, cluster.n_workers)
        yield from _windowed(entries, chunk_size, window,
                             lambda chunk: client.submit(process_chunk, chunk, chunk_size, pure=False),
                             lambda f: f.result())
    finally:
        if own:
            cluster.close()


def run_on_cluster(entries, cluster: DaskCluster, chunk_size: int = CHUNK_SIZE, chunks_out=False):
    """`run_pipeline` on an existing DaskCluster (benchmarks reuse one cluster across runs)."""
    for results in _run_dask(entries, 0, None, chunk_size, cluster=cluster):
        if chunks_out:
            yield results
        else:
            yield from results


def progress_bar(total: int | None = None, quiet: bool = False, desc: str = "documents"):
    """A tqdm bar on stderr, or a no-op when quiet or when stderr is not a terminal. Returns (update, close)."""
    if quiet or not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty()):
        return (lambda n: None), (lambda: None)
    from tqdm import tqdm

    bar = tqdm(total=total, unit="doc", desc=desc, file=sys.stderr, dynamic_ncols=True)
    return bar.update, bar.close
