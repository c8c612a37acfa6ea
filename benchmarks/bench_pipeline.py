"""Throughput of the whole pipeline (parse + temporal + actors + events) on Reuters-21578, against spaCy's own
parse of the same texts, in one run; peak memory; Dask with 1 vs 2 workers.

    python benchmarks/bench_pipeline.py [REUTERS_DIR] [--limit N] [--workers 2] [--dask-limit M] [--no-dask]
                                        [--compare-pipe] [--mentions OUT.csv]

REUTERS_DIR: the folder of reut2-*.sgm (default ../shared/corpora/reuters21578 next to the project), read with
timeline.evaluation.reuters (each story as the wire shows it: title, blank line, dateline + body; stories with
no text are left out). Printed, each measured in this run on the same texts:

  (a) spaCy:     nlp.pipe(texts, n_process=W, batch_size=B), the docs consumed and dropped (the baseline)
  (b) pipeline:  timeline.engine.run_pipeline(..., workers=W) over the stream, mentions written as they come
  ratio (b)/(a) in docs/s (acceptance: >= 0.8)
  peak memory: the sum of the resident memory of this process and its children, sampled every 0.2 s, and
               ru_maxrss of this process and of its largest child (acceptance: < 2 GB for the whole corpus)
  (c) Dask:      the pipeline on a LocalCluster(n_workers=1) and (n_workers=2), threads_per_worker=1, on the
                 first M texts, model loaded on the workers before timing (acceptance: 2 workers >= 1.7x 1)
  --compare-pipe: also (d) nlp.pipe(n_process=W) with temporal/actors/events in the parent process, the other
                 way to spread the pipeline over W processes.

Both (a) and (b) include starting their processes and loading the model in them. The texts are cut into
`--rounds` blocks and the runs alternate block by block (on a shared machine the load drifts); wall-clock docs/s
and CPU time per document (this process and its children, from psutil) are printed for each. A script, not a
timed test: figures depend on the machine and on what else runs on it.
"""
from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.evaluation.reuters import iter_stories, story_text  # noqa: E402

DEFAULT_PATH = ROOT.parent / "shared" / "corpora" / "reuters21578"


def texts(folder, limit, start: int = 0):
    """(newid, text) of the stories that have text, lazily: `limit` of them from the `start`-th."""
    gen = ((s["newid"], story_text(s)) for s in iter_stories(str(folder)))
    gen = ((i, t) for i, t in gen if t.strip())
    return itertools.islice(gen, start, start + limit if limit else None)


def entries(folder, limit, start: int = 0):
    from timeline.ingest import make_item

    for newid, t in texts(folder, limit, start):
        # every story goes through, as spaCy parses every story in (a): no language check (the earnings tables
        # that `extract` would skip as "not English" are parsed too)
        yield make_item(f"reuters {newid}", {"text": t, "source": "Reuters", "id": newid}, check_language=False)


class TreeMemory:
    """Peak of the summed RSS of this process and all its descendants, and the CPU time they used (user + system),
    sampled in a thread every `every` seconds (a child that ends between two samples loses its last interval)."""

    def __init__(self, every: float = 0.2):
        self.peak = 0
        self.cpu = 0.0
        self.every = every
        self._stop = threading.Event()
        self._base: dict = {}
        self._last: dict = {}
        try:
            import psutil

            self._proc = psutil.Process()
        except ImportError:                 # psutil comes with dask's distributed; without it only ru_maxrss
            self._proc = None
        self._t = threading.Thread(target=self._run, daemon=True)

    def _sample(self, base: bool = False):
        procs = [self._proc] + self._proc.children(recursive=True)
        total = 0
        for p in procs:
            try:
                with p.oneshot():
                    total += p.memory_info().rss
                    t = p.cpu_times()
                    c = t.user + t.system
            except Exception:
                continue
            key = (p.pid, p.create_time())
            if base:
                self._base[key] = c
            self._last[key] = c
        self.peak = max(self.peak, total)

    def _run(self):
        while not self._stop.is_set():
            try:
                self._sample()
            except Exception:
                pass
            self._stop.wait(self.every)

    def __enter__(self):
        if self._proc is not None:
            self._sample(base=True)
            self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._proc is not None:
            self._t.join()
            self._sample()
            self.cpu = sum(c - self._base.get(k, 0.0) for k, c in self._last.items())


def gb(nbytes: float) -> str:
    return f"{nbytes / 1024 ** 3:.2f} GB"


def run_spacy(folder, limit, workers, batch, start=0):
    from timeline import nlp

    t0 = time.perf_counter()
    n = 0
    for _ in nlp.load().pipe((t for _, t in texts(folder, limit, start)), n_process=workers, batch_size=batch):
        n += 1
    return n, time.perf_counter() - t0


def run_ours(folder, limit, workers, batch, out_path, engine="local", cluster=None, quiet=True, start=0):
    import pandas as pd

    from timeline.commands.extract import TableWriter
    from timeline.engine import progress_bar, run_on_cluster, run_pipeline
    from timeline.merge import with_mention_ids

    writer = TableWriter(out_path, "csv")
    update, close = progress_bar(quiet=quiet, desc=f"pipeline {engine} x{workers}")
    t0 = time.perf_counter()
    n = skipped = mentions = 0
    if cluster is not None:
        gen = run_on_cluster(entries(folder, limit, start), cluster, chunk_size=batch, chunks_out=True)
    else:
        gen = run_pipeline(entries(folder, limit, start), workers=workers, engine=engine, chunk_size=batch,
                           chunks_out=True)
    for results in gen:
        update(len(results))
        tables = []
        for r in results:
            n += 1
            if r["status"] != "processed":
                skipped += 1
            elif r["mentions"] is not None and len(r["mentions"]):
                tables.append(r["mentions"])
        if tables:
            df = with_mention_ids(pd.concat(tables, ignore_index=True))
            mentions += len(df)
            writer.write(df)
    writer.close()
    close()
    return n, skipped, mentions, time.perf_counter() - t0


def run_pipe_then_parent(folder, limit, workers, batch, start=0):
    """nlp.pipe(n_process=W) for the parse, temporal/actors/events in this process."""
    from timeline import nlp
    from timeline.events import extract_events, make_document

    t0 = time.perf_counter()
    n = 0
    items = texts(folder, limit, start)
    a, b = itertools.tee(items)
    for (newid, t), doc in zip(a, nlp.load().pipe((t for _, t in b), n_process=workers, batch_size=batch)):
        d = make_document(t, doc_id=newid, source="Reuters")
        extract_events(d, pub_date=d.pub_date, spacy_doc=doc)
        n += 1
    return n, time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reuters_dir", nargs="?", default=str(DEFAULT_PATH))
    ap.add_argument("--limit", type=int, default=None, help="first N stories with text (default: all)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32, help="documents per chunk / spaCy batch (default 32)")
    ap.add_argument("--dask-limit", type=int, default=1000, help="stories for the Dask 1-vs-2 runs (default 1000)")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--compare-pipe", action="store_true",
                    help="also time nlp.pipe(n_process=W) + the rest in the parent process")
    ap.add_argument("--rounds", type=int, default=3,
                    help="cut the texts into R blocks and time (a), (b) [, (d)] on each in turn, so that changes in "
                         "the machine's load hit all of them alike (default 3)")
    ap.add_argument("--mentions", default=None,
                    help="write the mentions to PREFIX.0, PREFIX.1, ... (one per round; default: temporary files)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    folder = Path(args.reuters_dir)
    if not folder.is_dir():
        print(f"no Reuters-21578 folder at {folder}", file=sys.stderr)
        return 2
    W, B = args.workers, args.batch_size
    print(f"# Reuters-21578 at {folder}; limit={args.limit or 'all'}; workers={W}; batch={B}; "
          f"cpus={os.cpu_count()}; load average at start {os.getloadavg()[0]:.2f}", flush=True)
    tmp = tempfile.TemporaryDirectory()
    out = args.mentions or os.path.join(tmp.name, "mentions.csv")

    limit = args.limit or sum(1 for _ in texts(folder, None))
    rounds = max(1, args.rounds)
    size = -(-limit // rounds)
    runs = {"a": "spaCy", "b": "pipeline"}
    if args.compare_pipe:
        runs["d"] = "pipe+parent"
    tot = {k: {"n": 0, "wall": 0.0, "cpu": 0.0, "peak": 0, "skipped": 0, "mentions": 0} for k in runs}
    for r in range(rounds):
        start = r * size
        n_r = min(size, limit - start)
        if n_r <= 0:
            break
        keys = list(runs)
        keys = keys[r % len(keys):] + keys[:r % len(keys)]      # each round starts with another one
        for k in keys:
            with TreeMemory() as mem:
                if k == "a":
                    n, wall = run_spacy(folder, n_r, W, B, start)
                elif k == "b":
                    n, skipped, mentions, wall = run_ours(folder, n_r, W, B, f"{out}.{r}", quiet=args.quiet,
                                                          start=start)
                    tot[k]["skipped"] += skipped
                    tot[k]["mentions"] += mentions
                else:
                    n, wall = run_pipe_then_parent(folder, n_r, W, B, start)
            t = tot[k]
            t["n"] += n
            t["wall"] += wall
            t["cpu"] += mem.cpu
            t["peak"] = max(t["peak"], mem.peak)
            print(f"  round {r + 1}/{rounds} docs {start}..{start + n}: {runs[k]:12s} {wall:8.1f} s wall, "
                  f"{mem.cpu:8.1f} s CPU, {n / wall:6.2f} docs/s, load {os.getloadavg()[0]:.1f}", flush=True)

    def line(k, label):
        t = tot[k]
        return (f"{label} {t['n']} docs in {t['wall']:8.1f} s = {t['n'] / t['wall']:7.2f} docs/s; "
                f"{1000 * t['cpu'] / t['n']:6.1f} CPU-ms/doc; tree peak {gb(t['peak'])}")

    a, o = tot["a"], tot["b"]
    print(line("a", f"(a) spaCy nlp.pipe(n_process={W}):  "))
    print(line("b", f"(b) pipeline --workers {W}:         ") + f" ({o['skipped']} skipped, {o['mentions']} mentions)")
    ratio = (o["n"] / o["wall"]) / (a["n"] / a["wall"])
    cpu_ratio = (a["cpu"] / a["n"]) / (o["cpu"] / o["n"])
    print(f"    ratio pipeline / spaCy parse, docs/s (wall) = {ratio:.3f}   (acceptance >= 0.8: "
          f"{'PASS' if ratio >= 0.8 else 'MISS'}); by CPU time per doc = {cpu_ratio:.3f}")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(f"    peak memory during (b): process tree {gb(o['peak'])} (sampled sum of RSS); ru_maxrss this process "
          f"{gb(self_rss)}, largest child {gb(child_rss)}   (acceptance < 2 GB: "
          f"{'PASS' if o['peak'] < 2 * 1024 ** 3 else 'MISS'})", flush=True)
    if args.compare_pipe:
        print(line("d", f"(d) nlp.pipe(n_process={W}) + events in the parent:"))

    if not args.no_dask:
        from timeline.engine import DaskCluster

        rates = {}
        for w in (1, 2):
            with DaskCluster(workers=w) as cluster:
                nd, sk, _, td = run_ours(folder, args.dask_limit, w, B, os.path.join(tmp.name, f"dask{w}.csv"),
                                         engine="dask", cluster=cluster, quiet=args.quiet)
            rates[w] = nd / td
            print(f"(c) Dask LocalCluster n_workers={w}:  {nd} docs in {td:8.1f} s = {rates[w]:7.2f} docs/s",
                  flush=True)
        speedup = rates[2] / rates[1]
        print(f"    Dask speed-up 2 workers / 1 worker = {speedup:.2f}x   "
              f"(acceptance >= 1.7x: {'PASS' if speedup >= 1.7 else 'MISS'})")
    print(f"# load average at end {os.getloadavg()[0]:.2f} (other jobs share these {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
