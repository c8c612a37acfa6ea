#!/usr/bin/env python
"""Benchmark: actor matching and event coding against the spaCy parse they ride on, on the same texts.

    python benchmarks/bench_actors.py [--reuters DIR] [-n 300] [--repeat 3]

Texts: the seed article plus the first N Reuters-21578 stories with a body (read from DIR, default
../shared/corpora/reuters21578; skipped if absent). Baseline: `nlp.pipe` over the texts (batched, one process).
Measured on the parsed Docs: `find_actors(doc)` (the dictionary pass and the parse-aware rules) and
`code_predicates(sent)` over every sentence. Each timing is the fastest of --repeat runs. Prints the ratios
to the parse time; the issue's budget is actors + events < 20% of the parse.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline import nlp  # noqa: E402
from timeline.actors import find_actors, get_matcher  # noqa: E402
from timeline.coding import code_predicates, lexicon, cameo_table  # noqa: E402

from bench_events import fastest, load_texts  # noqa: E402  (same texts, same timing)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuters", type=Path, default=ROOT.parent / "shared" / "corpora" / "reuters21578")
    ap.add_argument("-n", type=int, default=300, help="number of Reuters stories (0: the seed only)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    texts = load_texts(args.reuters, args.n)
    chars = sum(map(len, texts))
    model = nlp.load()
    get_matcher(), lexicon(), cameo_table()           # loading is not what we measure
    list(model.pipe(texts[:5]))                         # warm-up

    t_parse, docs = fastest(lambda: list(model.pipe(texts, batch_size=32)), args.repeat)
    t_actors, mentions = fastest(lambda: [find_actors(d) for d in docs], args.repeat)
    t_text, _ = fastest(lambda: [find_actors(t) for t in texts], args.repeat)
    t_codes, preds = fastest(lambda: [code_predicates(s) for d in docs for s in d.sents], args.repeat)

    n_tokens = sum(len(d) for d in docs)
    print(f"texts: {len(texts)} (seed + {len(texts) - 1} Reuters stories), {chars:,} chars, {n_tokens:,} tokens; "
          f"fastest of {args.repeat}")
    print(f"spaCy parse (nlp.pipe, baseline): {t_parse:8.3f}s")
    print(f"find_actors(doc):                 {t_actors:8.3f}s  {100 * t_actors / t_parse:5.1f}% of parse  "
          f"({sum(map(len, mentions)):,} mentions)")
    print(f"find_actors(text) (no parse):     {t_text:8.3f}s  {100 * t_text / t_parse:5.1f}% of parse")
    print(f"code_predicates(sentence):        {t_codes:8.3f}s  {100 * t_codes / t_parse:5.1f}% of parse  "
          f"({sum(map(len, preds)):,} predicates)")
    total = t_actors + t_codes
    verdict = "within" if total < 0.2 * t_parse else "OVER"
    print(f"actors + coding: {100 * total / t_parse:.1f}% of the parse time ({verdict} the 20% budget)")
    print(f"reproduce: python benchmarks/bench_actors.py -n {args.n} --repeat {args.repeat}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
