#!/usr/bin/env python
"""Benchmark: what the temporal core, the actors and the events add to the spaCy parse they reuse, on the same texts.

    python benchmarks/bench_events.py [--reuters DIR] [-n 300] [--repeat 3]

Texts: the seed article plus the first N Reuters-21578 stories with a body (read from DIR, default
../shared/corpora/reuters21578; the seed alone if absent). Baseline, measured in the same run: spaCy's own parse
(`nlp.pipe`, batched, one process). On the parsed Docs: (a) the temporal core (document time + time expressions,
`timeline.temporal.annotate`), (b) the whole event extraction as the pipeline runs it (`extract_event_rows` per Doc, one
`events_table` for all: temporal core + actors + coding + events + the table). (b) - (a) is what actors and events add: the issue's budget is
under 20% of the parse. Each timing is the fastest of --repeat runs.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline import nlp  # noqa: E402
from timeline.events import extract_event_rows, make_document  # noqa: E402
from timeline.schema import events_table  # noqa: E402
from timeline.temporal import annotate  # noqa: E402


def load_texts(reuters: Path, n: int) -> list[str]:
    texts = [(ROOT / "seeds" / "000_370d267beaadfd9e.txt").read_text(encoding="utf-8")]
    if n and (reuters / "reut2-000.sgm").exists():
        from timeline.evaluation.reuters import iter_stories, story_text

        for story in iter_stories(str(reuters)):
            if story["body"].strip():
                texts.append(story_text(story))
            if len(texts) > n:
                break
    return texts


def fastest(fn, repeat: int):
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuters", type=Path, default=ROOT.parent / "shared" / "corpora" / "reuters21578")
    ap.add_argument("-n", type=int, default=300, help="number of Reuters stories (0: the seed only)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    texts = load_texts(args.reuters, args.n)
    documents = [make_document(t) for t in texts]
    model = nlp.load()
    warm = list(model.pipe(texts[:5]))
    for d, doc in zip(documents[:5], warm):  # loads the tables; not what we measure
        events_table(extract_event_rows(d, spacy_doc=doc))

    t_parse, docs = fastest(lambda: list(model.pipe(texts, batch_size=32)), args.repeat)
    t_temporal, _ = fastest(lambda: [annotate(d, spacy_doc=doc) for d, doc in zip(documents, docs)], args.repeat)
    t_events, table = fastest(lambda: events_table([r for d, doc in zip(documents, docs)
                                                    for r in extract_event_rows(d, spacy_doc=doc)]), args.repeat)
    added = t_events - t_temporal
    n_tokens = sum(len(d) for d in docs)
    print(f"texts: {len(texts)} (seed + {len(texts) - 1} Reuters stories), {sum(map(len, texts)):,} chars, "
          f"{n_tokens:,} tokens; fastest of {args.repeat}")
    print(f"(0) spaCy parse (nlp.pipe, baseline)     {t_parse:8.3f}s")
    print(f"(a) temporal core on the parsed docs     {t_temporal:8.3f}s  {100 * t_temporal / t_parse:5.1f}% of parse")
    print(f"(b) whole event extraction, docs parsed  {t_events:8.3f}s  {100 * t_events / t_parse:5.1f}% of parse  "
          f"({len(table):,} events)")
    verdict = "within" if added < 0.2 * t_parse else "OVER"
    print(f"actors + events = (b) - (a): {100 * added / t_parse:.1f}% of the parse time ({verdict} the 20% budget)")
    print(f"reproduce: python benchmarks/bench_events.py -n {args.n} --repeat {args.repeat}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
